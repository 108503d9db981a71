"""Fill the Lao sort keys and folded search keys of existing records.

The key columns (core/fields.py) were added empty to rows that existed
before them; new and saved rows compute their own. Safe to run twice: a row
whose keys are already right is not written again.
"""

import logging

from django.apps import apps

from lao_moha.core.fields import DerivedField

logger = logging.getLogger(__name__)
BATCH = 2000


def models_with_keys():
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue  # the audit trail keeps what was true then
        fields = [f for f in model._meta.concrete_fields if isinstance(f, DerivedField)]
        if fields:
            yield model, fields


def execute():
    touched = 0
    for model, fields in models_with_keys():
        names = [f.name for f in fields]
        changed = []
        for record in model._base_manager.order_by("pk").iterator(chunk_size=BATCH):
            before = [getattr(record, n) for n in names]
            after = [f.compute(record) for f in fields]
            if before != after:
                for field, value in zip(fields, after, strict=True):
                    setattr(record, field.attname, value)
                changed.append(record)
            if len(changed) >= BATCH:
                model._base_manager.bulk_update(changed, names)
                touched += len(changed)
                changed = []
        if changed:
            model._base_manager.bulk_update(changed, names)
            touched += len(changed)
    logger.info("Name keys rebuilt: %d rows", touched)
    return touched
