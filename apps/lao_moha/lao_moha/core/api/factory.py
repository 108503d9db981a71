"""REST surface generated from DocType declarations: serializer, filter set,
viewset and route for each one.

Every generated class takes the request's user into account: records outside
the user's units are neither listed nor found (404), pickers accept only
records inside them, hidden fields are neither shown nor accepted, and a
write must name the version it was based on (If-Match or `version`).
"""

import re

import django_filters
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import routers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from .. import access, registry, scope
from ..fields import lao_ordering
from ..hook_mixins import FilterSetHooksMixin, SerializerHooksMixin
from .errors import precondition_required, stale_response
from .history import history_payload

RANGE_FIELDS = (models.DateField, models.IntegerField, models.DecimalField)


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


class DocTypeSerializer(SerializerHooksMixin, serializers.ModelSerializer):
    """Hides what the user may not see, offers only records inside the
    user's units, and runs the model's validation and the scope check."""

    display = serializers.CharField(source="__str__", read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        user = _user(self.context)
        if user is None:
            return fields
        for name in access.hidden_fields(user, self.Meta.model):
            fields.pop(name, None)
        self.scope_related_fields(fields, user)
        return fields

    def scope_related_fields(self, fields, user):
        instance = self.instance if isinstance(self.instance, models.Model) else None
        for name, field in fields.items():
            relation = getattr(field, "child_relation", field)
            queryset = getattr(relation, "queryset", None)
            if queryset is None or not scope.is_scoped(queryset.model):
                continue
            queryset = queryset.all()
            narrowed = scope.restrict(queryset, user)
            current = getattr(instance, f"{name}_id", None) if instance else None
            if current is not None:
                narrowed = narrowed | queryset.filter(pk=current)
            relation.queryset = narrowed

    def to_internal_value(self, data):
        user = _user(self.context)
        if user is not None and hasattr(data, "keys"):
            hidden = access.hidden_fields(user, self.Meta.model) & set(data.keys())
            if hidden:
                raise serializers.ValidationError(
                    {
                        name: [_("You may not see or change this field.")]
                        for name in hidden
                    }
                )
        return super().to_internal_value(data)

    def build_probe(self, attrs):
        """The record as it would be saved, for the model's own checks."""
        model = self.Meta.model
        if self.instance is not None:
            probe = model(
                **{
                    f.attname: getattr(self.instance, f.attname)
                    for f in model._meta.concrete_fields
                }
            )
            probe._state.adding = False
        else:
            probe = model()
        for name, value in attrs.items():
            if not isinstance(model._meta.get_field(name), models.ManyToManyField):
                setattr(probe, name, value)
        return probe

    def validate(self, attrs):
        attrs = super().validate(attrs)
        probe = self.build_probe(attrs)
        try:
            probe.clean()
            user = _user(self.context)
            if user is not None:
                scope.check_in_scope(user, probe)
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict
                if hasattr(error, "error_dict")
                else {"non_field_errors": error.messages}
            ) from error
        return attrs


def serializer_fields(doctype, shown=()):
    """The field list of a DocType's serializer; later layers extend it."""
    return [
        "id",
        "display",
        *doctype.field_names(),
        *shown,
        "version",
        "created_at",
        "modified_at",
    ]


def build_serializer(doctype):
    model = doctype.model
    editable = doctype.field_names()
    # Fields the declaration shows read-only (a state, a number given on
    # submit) are read over REST too, never written.
    shown = [
        name
        for name in doctype.readonly_fields
        if name not in editable and _is_model_field(model, name)
    ]
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": serializer_fields(doctype, shown),
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
    """Filters of one DocType: hidden fields dropped, choices scoped."""

    within_unit = django_filters.NumberFilter(
        method="filter_within_unit",
        label=gettext_lazy("Within unit (id, with all units below)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is None:
            return
        hidden = access.hidden_fields(user, self._meta.model)
        for name in list(self.filters):
            if self.filters[name].field_name.split("__")[0] in hidden:
                del self.filters[name]
                continue
            queryset = getattr(self.filters[name], "queryset", None)
            if isinstance(queryset, models.QuerySet) and scope.is_scoped(
                queryset.model
            ):
                self.filters[name].queryset = scope.restrict(queryset, user)

    def filter_within_unit(self, queryset, name, value):
        from django.apps import apps

        OrgUnit = apps.get_model("organization", "OrgUnit")
        unit = OrgUnit.objects.filter(pk=value).only("path").first()
        if unit is None:
            return queryset.none()
        doctype = registry.get(queryset.model)
        lookup = scope.scope_lookup(doctype)
        return queryset.filter(**{f"{lookup}__startswith": unit.path})


def build_filterset(doctype):
    model = doctype.model
    spec = {}
    for name in doctype.list_filter:
        field = model._meta.get_field(name)
        ranged = isinstance(field, RANGE_FIELDS) and not field.choices
        spec[name] = ["exact", "gte", "lte"] if ranged else ["exact"]
    attrs = {"Meta": type("Meta", (), {"model": model, "fields": spec})}
    if doctype.scope_path is None:
        attrs["within_unit"] = None
    return type(f"{model.__name__}FilterSet", (DocTypeFilterSet,), attrs)


def if_match_version(request):
    """The version named by an If-Match header ("3", W/"3"), or None."""
    header = request.headers.get("If-Match", "")
    match = re.search(r"(\d+)", header)
    return int(match.group(1)) if match else None


def etag(version):
    return f'"{version}"'


class DocTypeViewSet(viewsets.ModelViewSet):
    """List, detail, create, update, delete of a DocType, within scope."""

    doctype = None

    def get_queryset(self):
        queryset = self.doctype.model._default_manager.all()
        if self.doctype.select_related:
            queryset = queryset.prefetch_related(*self.doctype.select_related)
        queryset = scope.restrict(queryset, self.request.user)
        ordering = lao_ordering(queryset.model, self.doctype.ordering or ("pk",))
        return queryset.order_by(*ordering)

    def hidden_fields(self):
        return access.hidden_fields(self.request.user, self.doctype.model)

    @property
    def search_fields(self):
        # Searching by a hidden value would tell whose value it is.
        hidden = self.hidden_fields()
        return [f for f in self.doctype.search_fields if f.split("__")[0] not in hidden]

    @property
    def ordering_fields(self):
        hidden = self.hidden_fields()
        model = self.doctype.model
        names = [
            name
            for name in self.doctype.list_display
            if name != "__str__" and hasattr(model, name) and name not in hidden
        ]
        return names or ["pk"]

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag(response.data["version"])
        return response

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        if "version" in response.data:
            response["ETag"] = etag(response.data["version"])
        return response

    def loaded_version(self, request):
        """(version the client based its write on, how it said so)."""
        header = if_match_version(request)
        if header is not None:
            return header, "If-Match"
        if hasattr(request.data, "get") and request.data.get("version") not in (
            None,
            "",
        ):
            try:
                return int(request.data["version"]), "body"
            except (TypeError, ValueError):
                return None, None
        return None, None

    def check_version(self, request, instance, required):
        """None when the write may go on, else the refusal to send."""
        loaded, source = self.loaded_version(request)
        if loaded is None:
            if required and getattr(settings, "API_REQUIRE_VERSION", True):
                return precondition_required()
            return None
        if loaded != instance.version:
            code = (
                status.HTTP_412_PRECONDITION_FAILED
                if source == "If-Match"
                else status.HTTP_409_CONFLICT
            )
            return stale_response(instance, loaded, request.user, code)
        return None

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        refusal = self.check_version(request, instance, required=True)
        if refusal is not None:
            return refusal
        response = super().update(request, *args, **kwargs)
        if "version" in response.data:
            response["ETag"] = etag(response.data["version"])
        return response

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        refusal = self.check_version(request, instance, required=False)
        if refusal is not None:
            return refusal
        return super().destroy(request, *args, **kwargs)

    def perform_destroy(self, instance):
        scope.check_in_scope(self.request.user, instance)
        instance.delete()

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Every saved state of the record: who, when, what changed."""
        instance = self.get_object()
        if not access.can_view_history(request.user, self.doctype.model):
            raise PermissionDenied(_("You may not see the history of these records."))
        return Response(history_payload(instance, request.user))


def build_viewset(doctype):
    model = doctype.model
    from ..imports.api import ImportExportViewSetMixin

    return type(
        f"{model.__name__}ViewSet",
        (*doctype.api_mixins, ImportExportViewSetMixin, DocTypeViewSet),
        {
            "doctype": doctype,
            "serializer_class": build_serializer(doctype),
            "filterset_class": build_filterset(doctype),
            **(
                {"http_method_names": ["get", "head", "options"]}
                if doctype.read_only
                else {}
            ),
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
    from .users import UserViewSet

    router.register("core/users", UserViewSet, basename="core-user")
    return router


__all__ = [
    "DocTypeFilterSet",
    "DocTypeSerializer",
    "DocTypeViewSet",
    "NotFound",
    "build_filterset",
    "build_router",
    "build_serializer",
    "build_viewset",
    "etag",
    "if_match_version",
    "serializer_fields",
]
