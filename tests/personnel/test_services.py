"""Career actions write a history row and move the official together; undo is
a new recorded action; scope and permissions are enforced."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lao_moha.organization.models import Position
from lao_moha.personnel import services
from lao_moha.personnel.models import (
    Appointment,
    GradeStepChange,
    Official,
    StatusChange,
    Transfer,
)
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
CAREER_PERMS = (
    "personnel.view_official", "personnel.change_official", "personnel.add_transfer",
    "personnel.add_appointment", "personnel.add_gradestepchange",
    "personnel.add_statuschange",
)


@pytest.fixture
def official(ministry):
    return factories.official(ministry["d0101"], entry_date=D(2008, 9, 1), grade=3, step=4)


@pytest.fixture
def clerk_p01(make_user, ministry):
    """An HR clerk of the Vientiane Capital department and its districts."""
    return make_user("clerk01", perms=CAREER_PERMS, units=[ministry["p01"]])


def reload(official):
    return Official.objects.get(pk=official.pk)


def messages(error):
    return error.value.message_dict if hasattr(error.value, "error_dict") else {
        "__all__": error.value.messages}


@pytest.mark.smoke
def test_transfer_writes_history_and_moves_the_official(official, ministry):
    record = services.transfer(official, ministry["p01"], D(2024, 1, 15),
                               decision_no="101/MOHA", reason="Needs of the service")
    assert (record.from_unit, record.to_unit) == (ministry["d0101"], ministry["p01"])
    official = reload(official)
    assert official.unit == ministry["p01"]
    assert official.version == 2
    assert list(official.transfers.all()) == [record]


def test_transfer_into_a_unit_outside_the_users_scope_is_refused(official, ministry, clerk_p01):
    with pytest.raises(ValidationError) as error:
        services.transfer(official, ministry["d1301"], D(2024, 1, 15), user=clerk_p01)
    assert messages(error)["to_unit"] == [
        f"“{ministry['d1301']}” is outside your units: you may not move officials "
        "into it. Ask the receiving unit or the ministry to record the transfer."
    ]
    assert reload(official).unit == ministry["d0101"]
    assert not Transfer.objects.exists()


def test_a_clerk_cannot_act_on_an_official_outside_their_units(ministry, clerk_p01):
    stranger = factories.official(ministry["d1301"])
    with pytest.raises(PermissionDenied):
        services.transfer(stranger, ministry["p13"], D(2024, 1, 15), user=clerk_p01)


def test_a_user_without_the_right_cannot_transfer(official, ministry, make_user):
    reader = make_user("reader", perms=["personnel.view_official"], units=[ministry["root"]])
    with pytest.raises(PermissionDenied):
        services.transfer(official, ministry["p01"], D(2024, 1, 15), user=reader)


def test_a_clerk_transfers_inside_their_units(official, ministry, clerk_p01):
    services.transfer(official, ministry["p01"], D(2024, 1, 15), user=clerk_p01)
    assert reload(official).unit == ministry["p01"]


def test_future_and_out_of_order_dates_are_refused(official, ministry):
    with pytest.raises(ValidationError) as error:
        services.transfer(official, ministry["p01"], D(2999, 1, 1))
    assert "future" in messages(error)["effective_date"][0]
    services.transfer(official, ministry["p01"], D(2024, 1, 15))
    with pytest.raises(ValidationError) as error:
        services.transfer(official, ministry["p13"], D(2023, 1, 15))
    assert messages(error)["effective_date"] == [
        "The date is before the last transfer (2024-01-15); record actions in order."]


def test_undo_transfer_is_a_new_recorded_transfer(official, ministry):
    first = services.transfer(official, ministry["p01"], D(2024, 1, 15))
    back = services.undo(first, effective_date=D(2024, 2, 1))
    assert reload(official).unit == ministry["d0101"]
    assert back.undoes == first
    assert (back.from_unit, back.to_unit) == (ministry["p01"], ministry["d0101"])
    assert Transfer.objects.filter(official=official).count() == 2
    with pytest.raises(ValidationError) as error:
        services.undo(first)
    assert messages(error)["__all__"] == ["This action has already been undone."]


def test_only_the_latest_action_can_be_undone(official, ministry):
    first = services.transfer(official, ministry["p01"], D(2024, 1, 15))
    services.transfer(official, ministry["root"], D(2024, 3, 1))
    with pytest.raises(ValidationError):
        services.undo(first)


def test_step_raise_and_undo_keep_both_rows(official):
    change = services.raise_step(official, D(2025, 3, 1), decision_no="55/MOHA")
    assert (change.previous_grade, change.previous_step) == (3, 4)
    assert (change.grade, change.step) == (3, 5)
    assert change.next_step_due == D(2027, 3, 1)
    assert (reload(official).grade, reload(official).step) == (3, 5)
    assert reload(official).next_step_due == D(2027, 3, 1)
    undone = services.undo(change, effective_date=D(2025, 4, 1))
    assert undone.kind == GradeStepChange.Kind.UNDO
    assert (reload(official).grade, reload(official).step) == (3, 4)
    assert GradeStepChange.objects.filter(official=official).count() == 2


def test_step_raise_at_the_top_step_is_refused(ministry):
    top = factories.official(ministry["p01"], grade=2, step=15)
    with pytest.raises(ValidationError) as error:
        services.raise_step(top, D(2025, 3, 1))
    assert "top step of grade 2" in messages(error)["step"][0]
    change = services.promote_grade(top, D(2025, 3, 1))
    assert (change.grade, change.step, change.kind) == (3, 1, "grade")


def test_grade_outside_the_scale_is_refused(official):
    with pytest.raises(ValidationError) as error:
        services.change_grade_step(official, 9, 1, D(2025, 3, 1))
    assert messages(error)["grade"] == [
        "Grade 9 is not in the salary scale (grades: 1, 2, 3, 4, 5, 6)."]


def test_appointment_closes_the_previous_one(official, ministry):
    head = Position.objects.get(code="HSEC")
    deputy = Position.objects.get(code="DHSEC")
    first = services.appoint(official, deputy, D(2020, 1, 1))
    second = services.appoint(official, head, D(2024, 6, 1), decision_no="7/PHA")
    first.refresh_from_db()
    assert first.end_date == D(2024, 5, 31)
    assert second.previous_position == deputy
    assert reload(official).position == head
    services.undo(second, effective_date=D(2024, 7, 1))
    assert reload(official).position == deputy
    assert Appointment.objects.filter(official=official).count() == 3


def test_appointment_in_another_unit_also_records_the_transfer(official, ministry):
    head = Position.objects.get(code="HDIV")
    services.appoint(official, head, D(2024, 6, 1), unit=ministry["p01"])
    official = reload(official)
    assert (official.unit, official.position) == (ministry["p01"], head)
    assert official.transfers.get().to_unit == ministry["p01"]


def test_leave_return_and_retirement(official):
    services.start_leave(official, D(2024, 1, 1), reason="Study abroad")
    assert reload(official).status == "on_leave"
    with pytest.raises(ValidationError):
        services.start_leave(official, D(2024, 2, 1))
    services.return_from_leave(official, D(2025, 1, 1))
    assert reload(official).status == "active"
    retirement = services.retire(official, D(2025, 6, 1), decision_no="9/MOHA")
    assert reload(official).status == "retired"
    with pytest.raises(ValidationError) as error:
        services.transfer(official, official.unit.parent, D(2025, 7, 1))
    assert "no longer in service" in messages(error)["__all__"][0]
    services.undo(retirement)
    assert reload(official).status == "active"
    assert [c.status_to for c in StatusChange.objects.filter(official=official)
            .order_by("pk")] == ["on_leave", "active", "retired", "active"]


def test_every_action_is_in_the_audit_trail(official, ministry):
    services.transfer(official, ministry["p01"], D(2024, 1, 15))
    services.raise_step(official, D(2024, 3, 1))
    units = [h.unit_id for h in reload(official).history.order_by("history_date")]
    assert units[0] == ministry["d0101"].pk
    assert units[-1] == ministry["p01"].pk
