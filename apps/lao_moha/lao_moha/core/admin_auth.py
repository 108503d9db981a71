"""Users and roles in the desk: roles as groups with their names, units on
the user form, and no way for a non-superuser to raise their own rights."""

import logging

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin
from unfold.admin import ModelAdmin, StackedInline
from unfold.forms import AdminPasswordChangeForm, UserChangeForm, UserCreationForm

from . import access, registry, scope
from .admin_factory import DocTypeInline
from .models import Role

User = get_user_model()
logger = logging.getLogger(__name__)


class UnitMembershipInline(DocTypeInline):
    """The units a user works in, on the user's form."""

    fk_name = "user"
    fields = ("unit",)
    autocomplete_fields = ("unit",)
    tab = False
    show_change_link = False
    verbose_name = _("unit")
    verbose_name_plural = _("units the user works in")

    def get_fields(self, request, obj=None):
        # Memberships are added and removed, never edited: no version field.
        return list(self.fields)


def _membership_model():
    from django.apps import apps

    return apps.get_model("organization", "UnitMembership")


class UserHistoryMixin:
    """The account's history in the desk, for administrators and auditors."""

    def history_view(self, request, object_id, extra_context=None):
        if not access.can_view_history(request.user, self.model):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        from django.core.exceptions import PermissionDenied

        # The trail is read-only.
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True


class UserAdmin(UserHistoryMixin, SimpleHistoryAdmin, BaseUserAdmin, ModelAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    change_password_form = AdminPasswordChangeForm
    list_display = ("username", "first_name", "last_name", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "groups")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            _("Access"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ("last_login", "date_joined")

    def get_inlines(self, request, obj):
        membership = _membership_model()
        inline = type(
            "UnitMembershipInline",
            (UnitMembershipInline,),
            {"model": membership, "doctype": registry.get(membership)},
        )
        return [inline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # Superusers are managed by superusers only; other accounts by the
        # administrators of their units (and new accounts without a unit).
        queryset = queryset.filter(is_superuser=False)
        paths = scope.unit_paths(request.user)
        if paths is scope.ALL_UNITS:
            return queryset
        condition = Q(unit_memberships__isnull=True) | Q(pk=request.user.pk)
        for path in paths:
            condition |= Q(unit_memberships__unit__path__startswith=path)
        return queryset.filter(condition).distinct()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_delete_permission(self, request, obj=None):
        # Accounts are deactivated, never deleted: the audit trail keeps
        # naming who did what.
        return False

    actions = ["unlock_sign_in"]

    @admin.action(description=_("Unlock sign-in after failed attempts"),
                  permissions=["change"])
    def unlock_sign_in(self, request, queryset):
        from axes.utils import reset

        count = sum(reset(username=user.get_username()) for user in queryset)
        logger.info("Sign-in unlocked for %d users by user %s", queryset.count(),
                    request.user.pk)
        self.message_user(
            request,
            ngettext(
                "{count} failed attempt cleared.", "{count} failed attempts cleared.", count
            ).format(count=count),
        )


class RoleInline(StackedInline):
    model = Role
    can_delete = False
    fields = ("code", "name_lo", "name_vi", "name_en", "description")
    readonly_fields = ("code",)
    extra = 0
    max_num = 1


class GroupAdmin(UserHistoryMixin, SimpleHistoryAdmin, BaseGroupAdmin, ModelAdmin):
    """Roles: a group's permissions and its names in three languages."""

    inlines = [RoleInline]
    list_display = ("name", "role_name_lo", "role_name_vi")
    search_fields = ("name", "role__name_lo", "role__name_vi", "role__code")

    @admin.display(description=_("name (Lao)"))
    def role_name_lo(self, group):
        role = getattr(group, "role", None)
        return role.name_lo if role else ""

    @admin.display(description=_("name (Vietnamese)"))
    def role_name_vi(self, group):
        role = getattr(group, "role", None)
        return role.name_vi if role else ""


def register(site):
    for model, model_admin in ((User, UserAdmin), (Group, GroupAdmin)):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
