"""Award decisions: issuing numbers them and writes the awards; a submitted
decision is immutable; cancel keeps it; an amendment refers to it;
revocation withdraws awards with what must be returned."""

import datetime
import re
import shutil
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from lao_moha.commendation import pdf
from lao_moha.commendation.models import (
    AwardDecision,
    AwardType,
    DecisionLine,
    Revocation,
)
from lao_moha.commendation.services import decisions, revocation
from tests.commendation.builders import YEAR, draft_for, issue_for

pytestmark = pytest.mark.django_db

DAY = datetime.date(YEAR, 6, 1)


@pytest.fixture
def medal(db):
    return AwardType.objects.get(code="LABOUR-MEDAL-3")


@pytest.fixture
def issued(world, medal):
    return issue_for(world, [*world.officials[:2], world.units["d0101"]], medal, DAY)


def page_count(document):
    pdfinfo = shutil.which("pdfinfo")
    if not pdfinfo:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run([pdfinfo, "-"], input=document, capture_output=True,  # noqa: S603
                          check=True)
    return int(re.search(rb"Pages:\s+(\d+)", info.stdout).group(1))


@pytest.mark.smoke
def test_issuing_numbers_and_writes_every_award_in_one_go(world, issued, medal):
    assert (issued.number, issued.sequence, issued.series_year) == ("0001/T-MOHA", 1, YEAR)
    assert issued.submitted_by == world.hr and issued.submitted_at is not None
    first, second = world.officials[:2]
    for official in (first, second):
        award = official.awards.get()
        assert (award.award_type, award.awarded_on, award.unit) == (medal, DAY, official.unit)
    assert world.units["d0101"].awards_received.get().status == "valid"


def test_a_failing_issue_writes_nothing_and_uses_no_number(world, medal):
    draft = draft_for(world, [world.officials[0]], medal, DAY)
    DecisionLine.objects.filter(decision=draft).delete()
    with pytest.raises(ValidationError, match="Add at least one beneficiary"):
        decisions.issue_decision(draft, world.hr)
    draft.refresh_from_db()
    assert (draft.docstatus, draft.number) == (0, "")
    assert issue_for(world, [world.officials[0]], medal, DAY).number == "0001/T-MOHA"


def test_numbers_run_per_issuing_body_and_year(world, medal):
    numbers = [
        issue_for(world, [world.officials[0]], medal, DAY).number,
        issue_for(world, [world.officials[1]], medal, DAY).number,
        issue_for(world, [world.officials[2]], medal, DAY, unit=world.units["p01"]).number,
        issue_for(world, [world.officials[0]], medal, DAY.replace(year=YEAR + 1)).number,
    ]
    assert numbers == ["0001/T-MOHA", "0002/T-MOHA", "0001/T-PHA-01", "0001/T-MOHA"]


def test_issuing_needs_the_permission(world, medal):
    draft = draft_for(world, [world.officials[0]], medal, DAY)
    with pytest.raises(PermissionDenied):
        decisions.issue_decision(draft, world.clerk)


def test_a_submitted_decision_is_immutable(world, issued, client_for):
    issued.title = "changed"
    with pytest.raises(ValidationError, match="is submitted: it can no longer be changed"):
        issued.save()
    with pytest.raises(ValidationError, match="cancel it instead of deleting it"):
        issued.delete()
    line = issued.lines.first()
    with pytest.raises(ValidationError, match="its beneficiaries are final"):
        line.delete()
    line.official = world.officials[2]
    with pytest.raises(ValidationError, match="its beneficiaries are final"):
        line.full_clean()

    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(world.hr)
    url = f"/api/commendation/award-decisions/{issued.pk}/"
    issued.refresh_from_db()
    # The write names the version it was based on, so only immutability
    # can refuse it.
    response = api.patch(url, {"title": "changed"}, format="json",
                         HTTP_IF_MATCH=f'"{issued.version}"')
    assert response.status_code == 400
    assert "can no longer be changed" in str(response.json())

    desk = client_for(world.hr)
    page = desk.get(f"/app/commendation/awarddecision/{issued.pk}/change/")
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()  # shown read-only
    issued.refresh_from_db()
    assert issued.title != "changed"


def test_the_presenter_may_be_recorded_after_issuing(world, issued):
    decisions.record_presentation(issued, world.hr, "ບຸນມີ ໄຊຍະວົງ", "ລັດຖະມົນຕີ",
                                  datetime.date(YEAR, 7, 1))
    issued.refresh_from_db()
    assert (issued.presenter_name, issued.signer_title) == ("ບຸນມີ ໄຊຍະວົງ", "ປະທານປະເທດ")


def test_cancel_keeps_the_decision_with_its_reason_and_amend_refers_to_it(world, issued):
    with pytest.raises(ValidationError, match="Give the reason"):
        decisions.cancel_decision(issued, world.hr, "")
    with pytest.raises(ValidationError, match="Only a cancelled record can be amended"):
        decisions.amend_decision(issued, world.hr)
    cancelled = decisions.cancel_decision(issued, world.hr, "ຊື່ຜິດ")
    assert (cancelled.docstatus, cancelled.cancel_reason, cancelled.cancelled_by) == (
        2, "ຊື່ຜິດ", world.hr)
    assert set(cancelled.awards.values_list("status", flat=True)) == {"cancelled"}
    assert AwardDecision.objects.filter(pk=issued.pk).exists()

    amendment = decisions.amend_decision(cancelled, world.hr)
    assert (amendment.amended_from, amendment.docstatus, amendment.number) == (
        cancelled, 0, "")
    assert amendment.lines.count() == 3
    amendment = decisions.issue_decision(amendment, world.hr)
    # A new number: the cancelled decision keeps its own, so no number is
    # given twice and none is skipped.
    assert amendment.number == "0002/T-MOHA"
    assert world.officials[0].awards.filter(status="valid").get().decision == amendment


def test_revoking_a_single_award_and_a_whole_decision(world, issued):
    award = world.officials[0].awards.get()
    with pytest.raises(PermissionDenied):
        revocation.revoke_award(award, world.clerk, "ປອມແປງເອກະສານ")
    first = revocation.revoke_award(award, world.hr, "ປອມແປງເອກະສານ",
                                    items_to_return="ຫຼຽນ ແລະ ໃບຢັ້ງຢືນ", reference="3/ພນ")
    award.refresh_from_db()
    assert (award.status, award.revocation) == ("revoked", first)
    assert first.items_to_return == "ຫຼຽນ ແລະ ໃບຢັ້ງຢືນ" and not first.whole_decision
    with pytest.raises(ValidationError, match="no valid award left"):
        revocation.revoke_award(award, world.hr, "again")
    whole = revocation.revoke_decision(issued, world.hr, "ຂໍ້ມູນບໍ່ຖືກຕ້ອງ")
    assert whole.whole_decision
    assert set(issued.awards.values_list("status", flat=True)) == {"revoked"}
    assert Revocation.objects.count() == 2
    # The revoked award still shows on the official's record, marked.
    assert world.officials[0].awards.get().get_status_display() == "Revoked"


def test_decision_actions_over_rest(world, medal):
    draft = draft_for(world, [world.officials[0]], medal, DAY)
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(world.hr)
    base = f"/api/commendation/award-decisions/{draft.pk}/"
    body = api.post(f"{base}issue/").json()
    assert (body["number"], body["docstatus"]) == ("0001/T-MOHA", 1)
    assert api.post(f"{base}cancel/", {}, format="json").status_code == 400
    assert api.post(f"{base}cancel/", {"reason": "x"}, format="json").json()["docstatus"] == 2
    amended = api.post(f"{base}amend/")
    assert amended.status_code == 201
    assert amended.json()["amended_from"] == draft.pk
    response = api.get(f"{base}pdf/")
    assert response["Content-Type"] == "application/pdf"


def test_desk_panel_issues_cancels_and_amends(world, medal, client_for):
    draft = draft_for(world, [world.officials[0]], medal, DAY)
    desk = client_for(world.hr)
    base = f"/app/commendation/awarddecision/{draft.pk}/"
    assert desk.post(f"{base}issue/").status_code == 302
    draft.refresh_from_db()
    assert draft.number == "0001/T-MOHA"
    page = desk.get(f"{base}change/").content.decode()
    assert 'id="decision-number">0001/T-MOHA' in page
    desk.post(f"{base}cancel/", {"reason": "ຜິດພາດ"})
    reply = desk.post(f"{base}amend/")
    amendment = AwardDecision.objects.get(amended_from=draft)
    assert reply["Location"] == f"/app/commendation/awarddecision/{amendment.pk}/change/"


def test_decision_and_certificate_pdfs(world, issued, client_for):
    desk = client_for(world.hr)
    response = desk.get(f"/app/commendation/awarddecision/{issued.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    award = issued.awards.first()
    certificate = desk.get(
        f"/app/commendation/awarddecision/{issued.pk}/certificate/{award.pk}/")
    assert certificate.content.startswith(b"%PDF")
    assert page_count(certificate.content) == 1
    assert page_count(pdf.certificate_pdf(issued.awards.get(collective__isnull=False))) == 1
