"""Submit, cancel and amend, as Frappe's docstatus does it.

A draft (0) is edited freely. Submitting (1) freezes it: nothing changes
any more but the fields the model lists in `allow_on_submit`. Cancelling
(2) keeps the record, with who, when and why. An amendment is a new draft
pointing at the cancelled record it replaces.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class DocStatus(models.IntegerChoices):
    DRAFT = 0, _("Draft")
    SUBMITTED = 1, _("Submitted")
    CANCELLED = 2, _("Cancelled")


class SubmittableModel(models.Model):
    """Mixin of a record that is submitted and then immutable."""

    docstatus = models.PositiveSmallIntegerField(
        _("document status"), choices=DocStatus.choices, default=DocStatus.DRAFT,
        editable=False, db_index=True,
    )
    amended_from = models.ForeignKey(
        "self", verbose_name=_("amends"), on_delete=models.PROTECT, null=True,
        blank=True, editable=False, related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True,
                                        editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
        on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True,
                                        editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cancelled by"),
        on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True, editable=False)

    #: Fields that may still change once submitted (Frappe's allow_on_submit).
    allow_on_submit = ()

    class Meta:
        abstract = True

    @property
    def is_draft(self):
        return self.docstatus == DocStatus.DRAFT

    def save(self, *args, **kwargs):
        if not self._state.adding and not getattr(self, "_docstatus_change", False):
            stored = (
                type(self)._base_manager.filter(pk=self.pk)
                .values_list("docstatus", flat=True).first()
            )
            update_fields = kwargs.get("update_fields")
            allowed = update_fields is not None and set(update_fields) <= set(
                self.allow_on_submit)
            if stored not in (None, DocStatus.DRAFT) and not allowed:
                raise ValidationError(
                    gettext("“{record}” is {status}: it can no longer be changed.").format(
                        record=self, status=DocStatus(stored).label.lower())
                )
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.docstatus != DocStatus.DRAFT:
            raise ValidationError(
                gettext("“{record}” is {status}: cancel it instead of deleting it.").format(
                    record=self, status=self.get_docstatus_display().lower())
            )
        return super().delete(*args, **kwargs)


def mark_submitted(instance, user):
    """Freeze a draft; call inside the service transaction that submits it."""
    if instance.docstatus != DocStatus.DRAFT:
        raise ValidationError(gettext("Only a draft can be submitted."))
    instance.docstatus = DocStatus.SUBMITTED
    instance.submitted_at = timezone.now()
    instance.submitted_by = user
    instance._docstatus_change = True
    instance.save()
    instance._docstatus_change = False


def mark_cancelled(instance, user, reason):
    if instance.docstatus != DocStatus.SUBMITTED:
        raise ValidationError(gettext("Only a submitted record can be cancelled."))
    if not (reason or "").strip():
        raise ValidationError(gettext("Give the reason for cancelling."))
    instance.docstatus = DocStatus.CANCELLED
    instance.cancelled_at = timezone.now()
    instance.cancelled_by = user
    instance.cancel_reason = reason.strip()
    instance._docstatus_change = True
    instance.save()
    instance._docstatus_change = False


def check_amendable(instance):
    if instance.docstatus != DocStatus.CANCELLED:
        raise ValidationError(gettext("Only a cancelled record can be amended."))
