"""User accounts over REST: who they are, their roles and their units.

Read-only here: accounts are created and given roles in the desk, and
units are given through /api/organization/unit-memberships/.
"""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from .. import scope


class UserSerializer(serializers.ModelSerializer):
    groups = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    units = serializers.SerializerMethodField()

    class Meta:
        model = get_user_model()
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_active",
            "groups",
            "units",
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_units(self, user):
        return [
            {"id": m.unit_id, "code": m.unit.code, "name": m.unit.name_lo}
            for m in user.unit_memberships.all()
        ]


class UserViewSet(viewsets.ReadOnlyModelViewSet):
    """Accounts whose units lie inside the reader's units (all for the
    ministry), with their roles and units."""

    serializer_class = UserSerializer
    search_fields = ["username", "first_name", "last_name"]
    ordering_fields = ["username"]

    def get_queryset(self):
        User = get_user_model()
        queryset = User.objects.prefetch_related("groups", "unit_memberships__unit")
        paths = scope.unit_paths(self.request.user)
        if paths is not scope.ALL_UNITS:
            from django.db.models import Q

            condition = Q(pk=self.request.user.pk)
            for path in paths:
                condition |= Q(unit_memberships__unit__path__startswith=path)
            queryset = queryset.filter(condition).distinct()
        return queryset.order_by("username")
