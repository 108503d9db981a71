"""REST filter backends: name search through folded keys, Lao name order."""

from rest_framework import filters

from ..fields import lao_ordering
from ..search import search_queryset


class NameSearchFilter(filters.SearchFilter):
    """`?search=` as in the desk: spelling variants of names are found."""

    def filter_queryset(self, request, queryset, view):
        search_fields = self.get_search_fields(view, request)
        query = request.query_params.get(self.search_param, "").replace("\x00", "")
        if not search_fields or not query.strip():
            return queryset
        queryset, duplicates = search_queryset(queryset, search_fields, query)
        return queryset.distinct() if duplicates else queryset


class LaoOrderingFilter(filters.OrderingFilter):
    """`?ordering=name_lo` sorts in Lao alphabetical order."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        return lao_ordering(queryset.model, ordering) if ordering else ordering
