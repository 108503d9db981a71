"""Keep the stored due dates in step with the records they come from."""

from django.db.models.signals import post_delete, post_save

from . import due_dates
from .models import (
    Evaluation,
    GradeStepChange,
    Official,
    RetirementExtension,
    RetirementRule,
    SalaryGrade,
    StepRule,
)

# Fields of the official the dates depend on; saving others changes nothing.
DATE_INPUTS = {"grade", "step", "gender", "category", "category_id",
               "date_of_birth", "entry_date"}


def official_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if update_fields is not None and not DATE_INPUTS & set(update_fields):
        return
    due_dates.request_refresh(instance.pk)


def record_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # The official is gone when its records are deleted with it; refresh
    # ignores missing ids, so no query is spent checking.
    due_dates.request_refresh(instance.official_id)


def records_imported(sender, instances, **kwargs):
    for instance in instances:
        due_dates.request_refresh(
            instance.pk if sender is Official else instance.official_id)


def rule_changed(sender, raw=False, **kwargs):
    if not raw:
        due_dates.schedule_refresh_all()


def connect():
    from lao_moha.core.imports.pipeline import records_imported as imported

    for model in (Official, GradeStepChange, Evaluation, RetirementExtension):
        imported.connect(records_imported, sender=model,
                         dispatch_uid=f"due_dates_imported_{model.__name__}")
    post_save.connect(official_saved, sender=Official, dispatch_uid="due_dates_official")
    for model in (GradeStepChange, Evaluation, RetirementExtension):
        uid = f"due_dates_{model.__name__}"
        post_save.connect(record_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(record_changed, sender=model, dispatch_uid=f"{uid}_delete")
    for model in (StepRule, RetirementRule, SalaryGrade):
        uid = f"due_dates_rule_{model.__name__}"
        post_save.connect(rule_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(rule_changed, sender=model, dispatch_uid=f"{uid}_delete")
