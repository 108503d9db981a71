"""The proposal workflow as data: who may take which action in which state,
what a transition requires, what it records and whom it notifies."""

import os

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from lao_moha.core import workflow
from lao_moha.core.notifications import Notification
from lao_moha.core.workflow import (
    WorkflowError,
    WorkflowLog,
    WorkflowPermissionError,
    WorkflowState,
    WorkflowTransition,
)
from tests import factories
from tests.commendation.builders import ROLES, act, nominate, proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world):
    draft = proposal(world.units["d0101"])
    nominate(draft, *world.officials)
    act(draft, "submit", world.clerk)
    return draft


def allowed(proposal, user):
    return sorted(t.action for t, _blocked in workflow.available_transitions(proposal, user))


# (state reached, role, actions that role may take there)
MATRIX = [
    ("draft", "clerk", ["submit"]),
    ("draft", "reviewer", []),
    ("draft", "hr", []),
    ("draft", "member", []),
    ("submitted", "clerk", []),
    ("submitted", "reviewer", ["forward", "return"]),
    ("submitted", "hr", []),
    ("reviewed", "reviewer", []),
    ("reviewed", "hr", ["refer", "return"]),
    ("council", "hr", ["approve", "reject"]),
    ("council", "member", []),
    ("council", "clerk", []),
]


@pytest.mark.parametrize("state, role, actions", MATRIX)
def test_actions_per_role_and_state(world, state, role, actions):
    draft = proposal(world.units["d0101"])
    nominate(draft, *world.officials)
    if state != "draft":
        act(draft, "submit", world.clerk)
    if state in ("reviewed", "council"):
        act(draft, "forward", world.reviewer, review_note="ok")
    if state == "council":
        act(draft, "refer", world.hr, council=world.council)
    user = world.members[0] if role == "member" else getattr(world, role)
    assert allowed(draft, user) == actions


@pytest.mark.smoke
def test_a_refused_action_is_refused_and_not_logged(world, submitted):
    with pytest.raises(WorkflowPermissionError, match="Your role does not allow"):
        act(submitted, "forward", world.clerk)
    with pytest.raises(WorkflowError, match="cannot be taken while the record is at"):
        act(submitted, "submit", world.clerk)
    submitted.refresh_from_db()
    assert submitted.stage == "submitted"
    assert WorkflowLog.objects.filter(object_id=submitted.pk).count() == 1


def test_outside_the_users_units_the_action_is_refused(world):
    draft = proposal(world.units["d0101"])
    nominate(draft, world.officials[0])
    with pytest.raises(WorkflowPermissionError, match="outside your units"):
        act(draft, "submit", world.other_clerk)


def test_return_needs_a_reason_and_records_it(world, submitted):
    with pytest.raises(WorkflowError, match="needs a comment"):
        act(submitted, "return", world.reviewer)
    log = act(submitted, "return", world.reviewer, comment="ຂາດໃບຢັ້ງຢືນ")
    assert (log.user, log.comment, log.from_state, log.to_state) == (
        world.reviewer, "ຂາດໃບຢັ້ງຢືນ", "ສົ່ງສະເໜີແລ້ວ", "ສົ່ງຄືນ")
    assert log.at is not None
    submitted.refresh_from_db()
    assert submitted.stage == "returned"
    # Returned: the unit may edit and submit again.
    submitted.summary = "ເພີ່ມເຕີມ"
    submitted.save()
    act(submitted, "resubmit", world.clerk)


def test_fields_required_on_entering_a_state(world, submitted):
    with pytest.raises(WorkflowError, match="Fill in “review opinion”"):
        act(submitted, "forward", world.reviewer)
    act(submitted, "forward", world.reviewer, review_note="ok")
    with pytest.raises(WorkflowError, match="Fill in “council”"):
        act(submitted, "refer", world.hr)


def test_a_condition_blocks_with_its_reason(world):
    empty = proposal(world.units["d0101"])
    assert [(t.action, blocked) for t, blocked in
            workflow.available_transitions(empty, world.clerk)] == [
        ("submit", "Add at least one nominee first.")]
    with pytest.raises(WorkflowError, match="Add at least one nominee first."):
        act(empty, "submit", world.clerk)


def test_a_record_past_an_editable_state_cannot_be_edited(world, submitted):
    submitted.title = "changed"
    with pytest.raises(ValidationError, match="can no longer be edited"):
        submitted.save()


def test_next_actors_are_notified_in_the_desk_and_by_email(
    world, settings, django_capture_on_commit_callbacks
):
    other_reviewer = factories.user("reviewer13", ROLES["reviewer"], [world.units["p13"]])
    world.reviewer.email = "reviewer@moha.gov.la"
    world.reviewer.save()
    draft = proposal(world.units["d0101"])
    nominate(draft, world.officials[0])
    if os.environ.get("REDIS_URL"):
        import django_rq

        django_rq.get_queue("default").empty()
    with django_capture_on_commit_callbacks(execute=True):
        act(draft, "submit", world.clerk)
    if os.environ.get("REDIS_URL"):
        # Queued: a worker in this process sends it.
        from rq import SimpleWorker

        queue = django_rq.get_queue("default")
        assert queue.count == 1
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
    note = Notification.objects.get(user=world.reviewer)
    assert "ສົ່ງສະເໜີແລ້ວ" in note.title
    assert note.link == f"/app/commendation/proposal/{draft.pk}/change/"
    # Only the reviewer whose province holds the district is told.
    assert not Notification.objects.filter(user=other_reviewer).exists()
    assert not Notification.objects.filter(user=world.clerk).exists()
    assert [message.to for message in mail.outbox] == [["reviewer@moha.gov.la"]]
    assert f"{settings.SITE_URL}/app/commendation/proposal/{draft.pk}/change/" in (
        mail.outbox[0].body)
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_notifications_are_seen_only_by_their_user(world, client_for, submitted):
    seeing = Permission.objects.get(codename="view_notification")
    for user in (world.reviewer, world.clerk):
        user.user_permissions.add(seeing)
    assert "ສົ່ງສະເໜີແລ້ວ" in client_for(world.reviewer).get(
        "/app/core/notification/").content.decode()
    assert "ສົ່ງສະເໜີແລ້ວ" not in client_for(world.clerk).get(
        "/app/core/notification/").content.decode()
    # Opening it marks it read and leads to the proposal.
    note = Notification.objects.get(user=world.reviewer)
    opened = client_for(world.reviewer).get(f"/app/core/notification/{note.pk}/change/")
    assert opened["Location"] == f"/app/commendation/proposal/{submitted.pk}/change/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_administrators_change_the_workflow_without_code(world, submitted):
    """A role restriction and a new state, added as data, are obeyed."""
    province_hr = Group.objects.create(name="Provincial HR")
    forward = WorkflowTransition.objects.get(action="forward")
    forward.allowed_roles.add(province_hr)
    with pytest.raises(WorkflowPermissionError, match="Only Provincial HR"):
        act(submitted, "forward", world.reviewer, review_note="ok")
    world.reviewer.groups.add(province_hr)

    # A second provincial check between "submitted" and "reviewed".
    workflow_obj = forward.workflow
    check = WorkflowState.objects.create(
        workflow=workflow_obj, code="province-check", name_lo="ແຂວງກວດ", stage="submitted")
    forward.to_state = check
    forward.save()
    WorkflowTransition.objects.create(
        workflow=workflow_obj, action="confirm", name_lo="ຢືນຢັນ", from_state=check,
        to_state=WorkflowState.objects.get(workflow=workflow_obj, code="reviewed"),
        permission="commendation.review_proposal")
    act(submitted, "forward", world.reviewer)
    act(submitted, "confirm", world.reviewer, review_note="ok")
    submitted.refresh_from_db()
    assert submitted.workflow_state.code == "reviewed"


def test_workflow_data_is_validated(world):
    state = WorkflowState.objects.get(code="council")
    state.required_fields = "council, no_such_field"
    state.stage = "voting"
    with pytest.raises(ValidationError) as caught:
        state.full_clean()
    assert caught.value.message_dict["required_fields"] == [
        "“no_such_field” is not a field of award proposal."]
    assert caught.value.message_dict["stage"][0].startswith("Unknown stage “voting”")
    transition = WorkflowTransition.objects.get(action="submit")
    transition.permission = "commendation.fly"
    with pytest.raises(ValidationError, match="No permission “commendation.fly” exists"):
        transition.full_clean()


def test_the_workflow_over_rest(world, submitted):
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(world.reviewer)
    url = f"/api/commendation/proposals/{submitted.pk}/workflow/"
    body = api.get(url).json()
    assert body["state"] == "submitted"
    forward = next(a for a in body["actions"] if a["action"] == "forward")
    assert forward["fields"] == ["review_note"]
    assert api.post(url, {"action": "forward"}, format="json").status_code == 400
    response = api.post(url, {"action": "forward", "review_note": "ok"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "reviewed"
    assert [e["to_state"] for e in response.json()["log"]] == [
        "ສົ່ງສະເໜີແລ້ວ", "ກວດກາ ແລະ ສົ່ງຕໍ່ແລ້ວ"]
    api.force_authenticate(world.clerk)
    assert api.post(url, {"action": "refer"}, format="json").status_code == 403


def test_the_workflow_panel_on_the_desk(world, client_for, submitted):
    reviewer = client_for(world.reviewer)
    url = f"/app/commendation/proposal/{submitted.pk}/"
    page = reviewer.get(f"{url}change/").content.decode()
    assert 'id="workflow-panel"' in page and ">Forward</button>" in page
    reply = reviewer.post(f"{url}workflow/", {
        "action": "forward", f"t{WorkflowTransition.objects.get(action='forward').pk}"
        "-review_note": "ຄົບຖ້ວນ"})
    assert reply.status_code == 302
    submitted.refresh_from_db()
    assert submitted.stage == "reviewed"
