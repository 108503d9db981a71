"""REST surface generated from DocType declarations: serializer, filter set,
viewset and route for each one."""

import re

import django_filters
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import routers, serializers, viewsets

from .. import registry, scope
from ..fields import lao_ordering
from ..hook_mixins import FilterSetHooksMixin, SerializerHooksMixin
from .errors import stale_response

RANGE_FIELDS = (models.DateField, models.IntegerField, models.DecimalField)


class DocTypeSerializer(SerializerHooksMixin, serializers.ModelSerializer):
    """Runs the model's own validation and the scope check on every write."""

    display = serializers.CharField(source="__str__", read_only=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        probe = model(**{f.attname: getattr(self.instance, f.attname)
                         for f in model._meta.concrete_fields}) if self.instance else model()
        if self.instance is not None:
            probe._state.adding = False
        for name, value in attrs.items():
            setattr(probe, name, value)
        try:
            probe.clean()
            request = self.context.get("request")
            if request is not None:
                scope.check_in_scope(request.user, probe)
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else
                {"non_field_errors": error.messages}
            ) from error
        return attrs


def build_serializer(doctype):
    model = doctype.model
    editable = doctype.field_names()
    # Fields the declaration shows read-only (a state, a number given on
    # submit) are read over REST too, never written.
    shown = [
        name for name in doctype.readonly_fields
        if name not in editable and _is_model_field(model, name)
    ]
    fields = ["id", "display", *editable, *shown, "version", "created_at", "modified_at"]
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": fields,
            "read_only_fields": [*shown, "version", "created_at", "modified_at"],
        },
    )
    return type(f"{model.__name__}Serializer", (DocTypeSerializer,), {"Meta": meta})


def _is_model_field(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a method or property
        return False
    return getattr(field, "concrete", False)


class DocTypeFilterSet(FilterSetHooksMixin, django_filters.FilterSet):
    within_unit = django_filters.NumberFilter(
        method="filter_within_unit", label=_("Within unit (id, with all units below)")
    )

    def filter_within_unit(self, queryset, name, value):
        from django.apps import apps

        OrgUnit = apps.get_model("organization", "OrgUnit")
        unit = OrgUnit.objects.filter(pk=value).only("path").first()
        if unit is None:
            return queryset.none()
        doctype = registry.get(queryset.model)
        lookup = scope._lookup(doctype)
        return queryset.filter(**{f"{lookup}__startswith": unit.path})


def build_filterset(doctype):
    model = doctype.model
    spec = {}
    for name in doctype.list_filter:
        field = model._meta.get_field(name)
        spec[name] = ["exact", "gte", "lte"] if isinstance(field, RANGE_FIELDS) and not field.choices else ["exact"]
    attrs = {"Meta": type("Meta", (), {"model": model, "fields": spec})}
    if doctype.scope_path is None:
        attrs["within_unit"] = None
    return type(f"{model.__name__}FilterSet", (DocTypeFilterSet,), attrs)


def _if_match_version(request):
    header = request.headers.get("If-Match", "")
    match = re.search(r"(\d+)", header)
    return int(match.group(1)) if match else None


class DocTypeViewSet(viewsets.ModelViewSet):
    """List, detail, create, update, delete of one DocType, scoped to the user."""

    doctype = None

    def get_queryset(self):
        queryset = self.doctype.model._default_manager.all()
        if self.doctype.select_related:
            queryset = queryset.prefetch_related(*self.doctype.select_related)
        queryset = scope.restrict(queryset, self.request.user)
        ordering = lao_ordering(queryset.model, self.doctype.ordering or ("pk",))
        return queryset.order_by(*ordering)

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        loaded = _if_match_version(request)
        if loaded is None and "version" in request.data:
            try:
                loaded = int(request.data["version"])
            except (TypeError, ValueError):
                loaded = None
        if loaded is not None and loaded != instance.version:
            return stale_response(instance, loaded)
        response = super().update(request, *args, **kwargs)
        if "version" in response.data:
            response["ETag"] = f'"{response.data["version"]}"'
        return response


def build_viewset(doctype):
    model = doctype.model
    ordering_fields = [
        name for name in doctype.list_display if name != "__str__" and hasattr(model, name)
    ] or "__all__"
    from ..imports.api import ImportExportViewSetMixin

    return type(
        f"{model.__name__}ViewSet",
        (*doctype.api_mixins, ImportExportViewSetMixin, DocTypeViewSet),
        {
            "doctype": doctype,
            "serializer_class": build_serializer(doctype),
            "filterset_class": build_filterset(doctype),
            "search_fields": doctype.search_fields,
            "ordering_fields": ordering_fields,
            **({"http_method_names": ["get", "head", "options"]} if doctype.read_only else {}),
        },
    )


def build_router():
    from .attachments import AttachmentViewSet

    router = routers.DefaultRouter()
    router.register("core/attachments", AttachmentViewSet, basename="core-attachment")
    from ..imports.api import ImportJobViewSet

    router.register("core/import-jobs", ImportJobViewSet, basename="core-import-job")
    for doctype in registry.all_doctypes():
        if doctype.api:
            router.register(
                f"{doctype.app_label}/{doctype.url_name}",
                build_viewset(doctype),
                basename=f"{doctype.app_label}-{doctype.model._meta.model_name}",
            )
    return router
