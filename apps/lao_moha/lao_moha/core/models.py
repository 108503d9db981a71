"""The base every DocType model inherits: timestamps, authorship, version,
custom-field values and the audit trail; and the records the core keeps."""

from pathlib import PurePath

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from simple_history import register as register_history
from simple_history.models import HistoricalRecords

from .audit import ImmutableHistoricalQuerySet, ImmutableHistory
from .exceptions import StaleRecordError
from .fields import derived_update_fields
from .files import private_storage, validate_upload


def current_user():
    """The user of the request being served, if any (set by simple-history)."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


class DocTypeModel(models.Model):
    """Fields and behaviour shared by every record type of the system."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Raised by one on every save; a save carrying an older number is refused
    # so that nobody silently overwrites a colleague's edit.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    custom_fields = models.JSONField(
        _("custom fields"), default=dict, blank=True, editable=False
    )
    # The audit trail: one immutable copy per create, update and delete.
    history = HistoricalRecords(
        inherit=True,
        bases=(ImmutableHistory,),
        historical_queryset=ImmutableHistoricalQuerySet,
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            # Keys derived from a written field are rewritten with it.
            fields = kwargs["update_fields"]
            kwargs["update_fields"] = {*fields, *derived_update_fields(self, fields)}
        user = current_user()
        if user is not None:
            self.modified_by = user
            if self._state.adding:
                self.created_by = user
        if self._state.adding or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        with transaction.atomic():
            claimed = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=self.version)
                .update(version=F("version") + 1)
            )
            if not claimed:
                raise StaleRecordError(self)
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "modified_at"}
            return super().save(*args, **kwargs)


class AppliedPatch(models.Model):
    """A data patch from patches.txt that has run on this site."""

    name = models.CharField(_("patch"), max_length=200, unique=True)
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    rows = models.IntegerField(_("rows touched"), default=0)

    class Meta:
        verbose_name = _("applied patch")
        verbose_name_plural = _("applied patches")
        ordering = ["applied_at"]

    def __str__(self):
        return self.name


class Role(models.Model):
    """A role of the system: a Django group (which carries the permissions)
    with its names in Lao, Vietnamese and English. Shipped by `load_roles`
    and editable by administrators."""

    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="role",
    )
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=150, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    # What load_roles granted last time, so that a later run adds only what
    # it newly grants and keeps an administrator's own changes.
    shipped = models.JSONField(_("shipped values"), default=dict, editable=False)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["code"]

    def __str__(self):
        return self.name_en or self.code

    def local_name(self, language):
        return getattr(self, f"name_{language[:2]}", "") or self.name_en or self.code


class AuditTrail(models.Model):
    """The audit trail across every record type, as a desk page.

    Holds no rows: the trail itself is the history tables kept by
    django-simple-history. The model exists for its `view_audittrail`
    permission and its place in the desk.
    """

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name = _("audit trail")
        verbose_name_plural = _("audit trail")


# Users and roles are not DocTypes, but who was given which access is part of
# the trail: their history lives in this app (password hashes left out).
register_history(
    apps.get_model(settings.AUTH_USER_MODEL, require_ready=False),
    app="lao_moha.core",
    m2m_fields=["groups", "user_permissions"],
    excluded_fields=["password", "last_login"],
    bases=(ImmutableHistory,),
    historical_queryset=ImmutableHistoricalQuerySet,
)
register_history(
    Group,
    app="lao_moha.core",
    m2m_fields=["permissions"],
    bases=(ImmutableHistory,),
    historical_queryset=ImmutableHistoricalQuerySet,
)
class Attachment(DocTypeModel):
    """A file attached to a record of any DocType."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to="attachments/%Y/%m/",
        validators=[validate_upload],
        max_length=255,
    )
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        if self.file and not self.original_name:
            self.original_name = PurePath(self.file.name).name
            self.size = self.file.size
        super().save(*args, **kwargs)


# The import pipeline keeps its record beside the core's (core/imports/).
from .imports.models import ImportJob  # noqa: E402, F401

# The generic engines keep their models beside their code; importing them
# here lets Django find them as models of the core app.
from . import naming, notifications, workflow  # noqa: E402, F401
