"""A district office's proposal for three officials and one collective,
through the default workflow, to an issued, numbered decision: its PDF, the
awards on every record and on the public page, and one nominee stopped by a
criterion with the reason shown."""

import datetime
import shutil
import subprocess

import pytest

from lao_moha.commendation import pdf
from lao_moha.commendation.models import Authority, Award
from lao_moha.commendation.services import decisions
from lao_moha.core.workflow import WorkflowLog
from tests.commendation.builders import (
    YEAR,
    act,
    discipline,
    nominate,
    proposal,
    vote_all,
)

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_district_proposal_to_issued_decision(
    world, client, client_for, django_capture_on_commit_callbacks, tmp_path
):
    district = world.units["d0101"]
    bounmy, manivone, somsack = world.officials
    # Somsack was warned last year: the Labour Medal needs 5 clean years.
    discipline(somsack, datetime.date(YEAR, 3, 1), datetime.date(YEAR, 9, 1))

    draft = proposal(district, title=f"ສະເໜີຫຼຽນກາແຮງງານ ຊັ້ນ III ປີ {YEAR}")
    nominate(draft, bounmy, manivone, somsack, district)

    # The district clerk submits; eligibility is computed on submission.
    with django_capture_on_commit_callbacks(execute=True):
        act(draft, "submit", world.clerk)
    draft.refresh_from_db()
    assert draft.stage == "submitted"
    stopped = draft.nominees.get(official=somsack)
    assert stopped.status == "not_met"
    failed = stopped.checks.get(passed=False)
    assert failed.label == "No disciplinary measure in the last 5 years"
    assert f"“ກ່າວເຕືອນ” from {YEAR}-03-01 (decision 12/ພນ)" in failed.reason
    assert set(draft.nominees.filter(status="proposed").values_list("pk", flat=True)) == {
        n.pk for n in draft.nominees.exclude(official=somsack)}
    # The province reviewer was told, in the desk and by email.
    assert world.reviewer.notifications.filter(title__contains="ສົ່ງສະເໜີແລ້ວ").exists()

    # The reason shows on the proposal's desk page.
    page = client_for(world.clerk).get(f"/app/commendation/proposal/{draft.pk}/change/")
    assert page.status_code == 200
    assert "ກ່າວເຕືອນ" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        act(draft, "forward", world.reviewer, review_note="ຄົບຖ້ວນ")
        act(draft, "refer", world.hr, council=world.council)
    vote_all(draft, world.members)
    act(draft, "approve", world.hr)
    draft.refresh_from_db()
    assert draft.stage == "approved"
    assert draft.nominees.filter(status="approved").count() == 3

    decision = decisions.draft_decision(
        [draft], world.hr, authority=Authority.objects.get(code="PRESIDENT"),
        issuing_unit=world.units["root"], decision_date=datetime.date(YEAR + 1, 1, 15),
        title="ມອບຫຼຽນກາແຮງງານ", signer_name="ທອງລຸນ ສີສຸລິດ", signer_title="ປະທານປະເທດ")
    decision = decisions.issue_decision(decision, world.hr)
    assert decision.number == "0001/T-MOHA"
    assert decision.docstatus == 1
    draft.refresh_from_db()
    assert draft.stage == "decided"
    assert list(WorkflowLog.objects.filter(object_id=draft.pk).values_list(
        "to_state", flat=True)) == ["ສົ່ງສະເໜີແລ້ວ", "ກວດກາ ແລະ ສົ່ງຕໍ່ແລ້ວ", "ສະພາພິຈາລະນາ",
                                    "ອະນຸມັດ", "ອອກຂໍ້ຕົກລົງແລ້ວ"]

    # The awards are on every beneficiary's record, officials and unit.
    for official in (bounmy, manivone):
        assert official.awards.get().decision == decision
    assert not somsack.awards.exists()
    assert district.awards_received.get().award_type.code == "LABOUR-MEDAL-3"
    assert Award.objects.filter(decision=decision).count() == 3
    record = client_for(world.clerk).get(f"/app/personnel/official/{bounmy.pk}/change/")
    assert "0001/T-MOHA" in record.content.decode()

    # And on the public page, with no login.
    public = client.get("/public/awards/", {"q": "ມະນີວອນ"}).content.decode()
    assert "ມະນີວອນ ຈັນທະວົງ" in public and "0001/T-MOHA" in public
    assert "ສົມສັກ" not in client.get("/public/awards/").content.decode()

    # The decision's PDF carries the Lao text; render it to look at it.
    document = pdf.decision_pdf(decision)
    assert document.startswith(b"%PDF")
    path = tmp_path / "decision.pdf"
    path.write_bytes(document)
    pdftotext, pdftoppm = shutil.which("pdftotext"), shutil.which("pdftoppm")
    if pdftotext:
        text = subprocess.run([pdftotext, str(path), "-"],  # noqa: S603 - our own file
                              capture_output=True, check=True, text=True).stdout
        # pdftotext breaks lines before some Lao vowel signs: compare the
        # text without any white space.
        squeezed = "".join(text.split())
        for expected in ("ຂໍ້ຕົກລົງ", "ບຸນມີສີລາວົງ", "ມະນີວອນຈັນທະວົງ", "0001/T-MOHA"):
            assert expected in squeezed
        assert "ສົມສັກ" not in squeezed
    if pdftoppm:
        subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1",  # noqa: S603
                        str(path), str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))
