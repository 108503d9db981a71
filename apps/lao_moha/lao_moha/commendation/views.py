"""The public page: issued award decisions and their beneficiaries.

Open to anyone, without login. It reads a fixed list of columns (name,
unit, award, decision number and date, status) so that no other personal
field of an official can leak onto it.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from lao_moha.core.docstatus import DocStatus
from lao_moha.core.search import search_queryset

from .models import Award

PAGE_SIZE = 50
PUBLIC_SEARCH_FIELDS = (
    "official__name_lo", "official__name_latin", "official__search_name",
    "collective__name_lo", "unit__name_lo", "award_type__name_lo", "award_type__name_en",
    "award_type__name_vi", "decision__number",
)
PUBLIC_COLUMNS = (
    "pk", "status", "awarded_on",
    "official__name_lo", "official__name_latin",
    "collective__name_lo", "collective__parent__name_lo",
    "unit__name_lo",
    "award_type__name_lo", "award_type__name_en", "award_type__name_vi",
    "decision__number", "decision__decision_date", "decision__docstatus",
)


def public_awards_queryset(query=""):
    """Awards of issued or cancelled decisions, as plain dicts of the
    public columns only."""
    awards = Award.objects.filter(
        decision__docstatus__in=[DocStatus.SUBMITTED, DocStatus.CANCELLED])
    # The same matching as the desk: names whatever their spacing, tone
    # marks or romanisation.
    awards, _duplicates = search_queryset(awards, PUBLIC_SEARCH_FIELDS, query)
    return awards.order_by("-decision__decision_date", "decision__number", "pk").values(
        *PUBLIC_COLUMNS)


def public_awards(request):
    query = request.GET.get("q", "")[:100]
    language = (get_language() or "lo").split("-")[0]
    if language not in ("en", "vi"):
        language = "lo"
    page = Paginator(public_awards_queryset(query), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "name": row["official__name_lo"] or row["collective__name_lo"],
            "name_latin": row["official__name_latin"] or "",
            "unit": row["unit__name_lo"] if row["official__name_lo"]
            else row["collective__parent__name_lo"] or "",
            "award": row[f"award_type__name_{language}"] or row["award_type__name_lo"],
            "number": row["decision__number"],
            "date": row["decision__decision_date"],
            "cancelled": row["decision__docstatus"] == DocStatus.CANCELLED,
            "status": row["status"],
        }
        for row in page.object_list
    ]
    return render(request, "commendation/public_awards.html",
                  {"page": page, "rows": rows, "query": query})
