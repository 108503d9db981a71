"""Keeps every process's custom-field definitions and the database indexes
in step with each change of a definition."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from . import definitions, indexing, lifecycle
from .models import CustomField

logger = logging.getLogger(__name__)


def sync_index(pk):
    """Build or drop the field's index column after its change commits."""
    cf = CustomField.objects.filter(pk=pk).first()
    if cf is None:
        return
    before = cf.indexed_key
    try:
        indexing.sync(cf)
    except Exception:  # noqa: BLE001 - the field works without its index
        logger.exception("Could not build the index of custom field %s", pk)
        return
    if cf.indexed_key != before:
        definitions.changed()


@receiver(post_save, sender=CustomField)
def field_saved(sender, instance, **kwargs):
    definitions.changed()
    transaction.on_commit(lambda: sync_index(instance.pk))


@receiver(pre_delete, sender=CustomField)
def field_purged(sender, instance, **kwargs):
    # Runs inside the deletion's transaction: values and definition go
    # together; the index column is dropped once that is committed.
    lifecycle.strip_values(instance)
    transaction.on_commit(lambda: indexing.drop(instance))


@receiver(post_delete, sender=CustomField)
def field_deleted(sender, instance, **kwargs):
    definitions.changed()


def connect_dashboard():
    """Renew the desk dashboard when a record it counts changes."""
    from lao_moha.core import registry

    from .dashboards import COUNTED, data_changed

    for label in COUNTED:
        doctype = registry.by_label(label)
        if doctype is not None:
            post_save.connect(
                data_changed,
                sender=doctype.model,
                dispatch_uid=f"dashboard-{label}-save",
            )
            post_delete.connect(
                data_changed,
                sender=doctype.model,
                dispatch_uid=f"dashboard-{label}-delete",
            )
