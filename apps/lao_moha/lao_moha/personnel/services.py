"""Career actions that keep history: each writes a history row and updates
the official together, in one transaction.

Callable from the desk, the API and scripts alike. `user` is the person
acting: their permissions and org-unit scope are checked here so that every
surface applies the same rules; `user=None` is a system call (patches,
tests) and skips those checks. Nothing is overwritten: an undo is a new
row that points at the row it cancels.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lao_moha.core import scope

from .choices import ServiceStatus
from .models import (
    Appointment,
    GradeStepChange,
    Official,
    SalaryGrade,
    StatusChange,
    Transfer,
)
from .models.officials import grade_step_errors

logger = logging.getLogger(__name__)

S = ServiceStatus
# Which status changes an action may make: {from: {to, ...}}.
STATUS_MOVES = {
    S.ACTIVE: {S.ON_LEAVE, S.RETIRED, S.TRANSFERRED_OUT, S.RESIGNED, S.DISMISSED,
               S.DECEASED},
    S.ON_LEAVE: {S.ACTIVE, S.RETIRED, S.RESIGNED, S.DISMISSED, S.DECEASED},
}
# Actions that move or promote an official need them in service.
SERVING = {S.ACTIVE, S.ON_LEAVE}


def _lock(official, user, perms):
    """The official's row, locked, after checking the user may act on it."""
    if user is not None:
        missing = [p for p in perms if not user.has_perm(p)]
        if missing:
            raise PermissionDenied(_("You do not have the right to do this."))
        visible = scope.restrict(Official.objects.filter(pk=official.pk), user)
        if not visible.exists():
            raise PermissionDenied(
                _("This official belongs to a unit outside your units.")
            )
    return Official.objects.select_for_update().get(pk=official.pk)


def _check_date(official, day, field="effective_date"):
    if day > timezone.localdate():
        raise ValidationError({field: _(
            "The date is in the future. Record the action on or after the day it "
            "takes effect, so the current record stays true."
        )})
    if day < official.entry_date:
        raise ValidationError({field: _(
            "The date is before the official entered service ({date})."
        ).format(date=official.entry_date)})


def _check_not_before(day, previous, label, field="effective_date"):
    if previous is not None and day < previous:
        raise ValidationError({field: _(
            "The date is before the last {action} ({date}); record actions in order."
        ).format(action=label, date=previous)})


def _check_serving(official):
    if official.status not in SERVING:
        raise ValidationError(_(
            "{official} is no longer in service ({status})."
        ).format(official=official, status=official.get_status_display()))


def _check_unit_in_scope(user, unit, field):
    if user is not None and not scope.unit_in_scope(user, unit):
        raise ValidationError({field: _(
            "“{unit}” is outside your units: you may not move officials into it. "
            "Ask the receiving unit or the ministry to record the transfer."
        ).format(unit=unit)})


def _latest(queryset, field):
    return queryset.order_by(f"-{field}", "-pk").values_list(field, flat=True).first()


# -- transfer ----------------------------------------------------------------


@transaction.atomic
def transfer(official, to_unit, effective_date: datetime.date, *, user=None,
             decision_no="", decision_date=None, reason="", undoes=None) -> Transfer:
    """Move the official to another unit from a date."""
    official = _lock(official, user, ["personnel.add_transfer", "personnel.change_official"])
    _check_serving(official)
    if to_unit.pk == official.unit_id:
        raise ValidationError({"to_unit": _("The official is already in this unit.")})
    if not to_unit.is_active:
        raise ValidationError({"to_unit": _("“{unit}” is closed.").format(unit=to_unit)})
    _check_unit_in_scope(user, to_unit, "to_unit")
    _check_date(official, effective_date)
    _check_not_before(effective_date, _latest(official.transfers, "effective_date"),
                      _("transfer"))
    record = Transfer(
        official=official, from_unit_id=official.unit_id, to_unit=to_unit,
        effective_date=effective_date, decision_no=decision_no,
        decision_date=decision_date, reason=reason, undoes=undoes,
    )
    record.full_clean()
    record.save()
    official.unit = to_unit
    official.save(update_fields=["unit"])
    logger.info("Official %s transferred from unit %s to unit %s (transfer %s)",
                official.pk, record.from_unit_id, to_unit.pk, record.pk)
    return record


# -- appointment -------------------------------------------------------------


@transaction.atomic
def appoint(official, position, start_date: datetime.date, *, unit=None, user=None,
            is_acting=False, decision_no="", decision_date=None, reason="",
            undoes=None) -> Appointment:
    """Appoint the official to a position (in their unit, or another one,
    which then also records a transfer)."""
    official = _lock(
        official, user, ["personnel.add_appointment", "personnel.change_official"]
    )
    _check_serving(official)
    unit = unit or official.unit
    if position.pk == official.position_id and unit.pk == official.unit_id:
        raise ValidationError({"position": _("The official already holds this position.")})
    _check_date(official, start_date, "start_date")
    open_rows = list(official.appointments.filter(end_date__isnull=True))
    _check_not_before(start_date, _latest(official.appointments, "start_date"),
                      _("appointment"), "start_date")
    if unit.pk != official.unit_id:
        transfer(official, unit, start_date, user=user, decision_no=decision_no,
                 decision_date=decision_date, reason=reason or _("Appointment"))
        official.refresh_from_db()
    # The previous appointment ends the day before; its row is closed, not
    # rewritten, and the audit trail keeps the closing.
    for row in open_rows:
        row.end_date = start_date - datetime.timedelta(days=1)
        row.save(update_fields=["end_date"])
    record = Appointment(
        official=official, position=position, unit=unit, start_date=start_date,
        previous_position_id=official.position_id, is_acting=is_acting,
        decision_no=decision_no, decision_date=decision_date, reason=reason,
        undoes=undoes,
    )
    record.full_clean()
    record.save()
    official.position = position
    official.save(update_fields=["position"])
    logger.info("Official %s appointed to position %s in unit %s (appointment %s)",
                official.pk, position.pk, unit.pk, record.pk)
    return record


# -- grade and step ----------------------------------------------------------


@transaction.atomic
def change_grade_step(official, grade: int, step: int, effective_date: datetime.date, *,
                      kind=GradeStepChange.Kind.STEP, user=None, decision_no="",
                      decision_date=None, reason="", undoes=None) -> GradeStepChange:
    """Set the official's grade and step from a date (raise, promotion,
    reduction or correction)."""
    official = _lock(
        official, user, ["personnel.add_gradestepchange", "personnel.change_official"]
    )
    _check_serving(official)
    errors = grade_step_errors(grade, step)
    if errors:
        raise ValidationError(errors)
    if (grade, step) == (official.grade, official.step):
        raise ValidationError({"step": _(
            "The official is already at grade {grade}, step {step}."
        ).format(grade=grade, step=step)})
    _check_date(official, effective_date)
    _check_not_before(effective_date,
                      _latest(official.grade_step_changes, "effective_date"),
                      _("grade or step change"))
    record = GradeStepChange(
        official=official, kind=kind, grade=grade, step=step,
        previous_grade=official.grade, previous_step=official.step,
        effective_date=effective_date, decision_no=decision_no,
        decision_date=decision_date, reason=reason, undoes=undoes,
    )
    record.full_clean()
    record.save()
    official.grade, official.step = grade, step
    official.save(update_fields=["grade", "step"])
    record.refresh_from_db(fields=["next_step_due"])
    logger.info("Official %s moved to grade %s step %s (change %s)",
                official.pk, grade, step, record.pk)
    return record


def raise_step(official, effective_date: datetime.date, **kwargs) -> GradeStepChange:
    """The next step in the same grade."""
    top = SalaryGrade.objects.filter(number=official.grade).values_list(
        "max_step", flat=True).first()
    if top is not None and official.step >= top:
        raise ValidationError({"step": _(
            "The official is at the top step of grade {grade}: promote them to the "
            "next grade instead."
        ).format(grade=official.grade)})
    return change_grade_step(official, official.grade, official.step + 1, effective_date,
                             kind=GradeStepChange.Kind.STEP, **kwargs)


def promote_grade(official, effective_date: datetime.date, step=1, **kwargs):
    """The next grade, at the given step (the first by default)."""
    return change_grade_step(official, official.grade + 1, step, effective_date,
                             kind=GradeStepChange.Kind.GRADE, **kwargs)


# -- service status ----------------------------------------------------------


@transaction.atomic
def change_status(official, status_to, effective_date: datetime.date, *, user=None,
                  decision_no="", decision_date=None, reason="", undoes=None,
                  require_from=None) -> StatusChange:
    """Move the official to another service status (leave, retirement …)."""
    official = _lock(
        official, user, ["personnel.add_statuschange", "personnel.change_official"]
    )
    if require_from is not None and official.status != require_from:
        raise ValidationError(_("{official} is not “{status}”.").format(
            official=official, status=S(require_from).label))
    allowed = STATUS_MOVES.get(official.status, set())
    if undoes is None and status_to not in allowed:
        raise ValidationError({"status_to": _(
            "An official who is “{old}” cannot become “{new}”."
        ).format(old=official.get_status_display(), new=S(status_to).label)})
    _check_date(official, effective_date)
    _check_not_before(effective_date, _latest(official.status_changes, "effective_date"),
                      _("status change"))
    record = StatusChange(
        official=official, status_from=official.status, status_to=status_to,
        effective_date=effective_date, decision_no=decision_no,
        decision_date=decision_date, reason=reason, undoes=undoes,
    )
    record.full_clean()
    record.save()
    official.status = status_to
    official.save(update_fields=["status"])
    logger.info("Official %s status %s -> %s (change %s)",
                official.pk, record.status_from, status_to, record.pk)
    return record


def retire(official, effective_date, **kwargs) -> StatusChange:
    return change_status(official, S.RETIRED, effective_date, **kwargs)


def start_leave(official, effective_date, **kwargs) -> StatusChange:
    return change_status(official, S.ON_LEAVE, effective_date, **kwargs)


def return_from_leave(official, effective_date, **kwargs) -> StatusChange:
    return change_status(official, S.ACTIVE, effective_date, require_from=S.ON_LEAVE,
                         **kwargs)


# -- undo --------------------------------------------------------------------

UNDOABLE = (Transfer, Appointment, GradeStepChange, StatusChange)


def latest_action(record):
    """The most recent row of the same kind for the same official."""
    model = type(record)
    date_field = "start_date" if model is Appointment else "effective_date"
    return model.objects.filter(official_id=record.official_id).order_by(
        f"-{date_field}", "-pk").first()


@transaction.atomic
def undo(record, *, user=None, effective_date=None, decision_no="", decision_date=None,
         reason=""):
    """Cancel an action by a new action restoring the state before it."""
    if not isinstance(record, UNDOABLE):
        raise ValidationError(_("This record is not an action that can be undone."))
    if type(record).objects.filter(undoes=record).exists():
        raise ValidationError(_("This action has already been undone."))
    if latest_action(record).pk != record.pk:
        raise ValidationError(_(
            "Only the latest action of this kind can be undone; undo the later ones first."
        ))
    day = effective_date or timezone.localdate()
    reason = reason or _("Undo of {record}").format(record=record)
    common = {"user": user, "decision_no": decision_no, "decision_date": decision_date,
              "reason": reason, "undoes": record}
    official = record.official
    if isinstance(record, Transfer):
        if official.unit_id != record.to_unit_id:
            raise ValidationError(_("The official is no longer in the unit of this transfer."))
        result = transfer(official, record.from_unit, day, **common)
    elif isinstance(record, Appointment):
        if record.previous_position_id is None:
            raise ValidationError(_(
                "The position held before this appointment is not known; record the "
                "previous position as a new appointment instead."
            ))
        result = appoint(official, record.previous_position, day, **common)
    elif isinstance(record, GradeStepChange):
        if record.previous_grade is None:
            raise ValidationError(_(
                "The grade and step before this change are not known; record a "
                "correction instead."
            ))
        result = change_grade_step(official, record.previous_grade, record.previous_step,
                                   day, kind=GradeStepChange.Kind.UNDO, **common)
    else:
        result = change_status(official, record.status_from, day, **common)
    logger.info("%s %s of official %s undone by %s",
                type(record).__name__, record.pk, official.pk, result.pk)
    return result
