"""Work lists on hand-checked cases, the incomplete-record list and the CV."""

import datetime
import re
import shutil
import subprocess

import pytest

from lao_moha.personnel import due_dates, lists, services
from lao_moha.personnel.cv import render_cv
from lao_moha.personnel.models import Evaluation, EvaluationRating, GradeStepChange
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 1, 15)


def poppler(*args):
    """Output of a poppler-utils tool (pdftotext, pdffonts)."""
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.fixture
def people(ministry):
    """Officials whose due dates were worked out by hand (rules: a step
    every 24 months unless the last rating is "not completed"; retirement
    at 60 for men, 55 for women)."""
    make = factories.official
    p = {
        # Last change 1 March 2024: next step 1 March 2026, within 3 months.
        "due_soon": make(ministry["d0101"], civil_service_no="L1", date_of_birth=D(1980, 1, 1)),
        # Last change 1 June 2025: step due 1 June 2027, not within 6 months.
        "due_later": make(ministry["d0101"], civil_service_no="L2", date_of_birth=D(1980, 1, 1)),
        # Due 1 March 2025 (overdue) but the 2025 rating was "not completed".
        "held": make(ministry["d1301"], civil_service_no="L3", date_of_birth=D(1980, 1, 1)),
        # Top step: never on the step list.
        "top": make(ministry["d1301"], civil_service_no="L4", grade=2, step=15,
                    date_of_birth=D(1980, 1, 1)),
        # A man of 1966-03-20 reaches 60 on 20 March 2026.
        "man60": make(ministry["p13"], civil_service_no="L5", date_of_birth=D(1966, 3, 20)),
        # A woman of 1971-06-30 reaches 55 on 30 June 2026.
        "woman55": make(ministry["p01"], civil_service_no="L6", gender="F",
                        date_of_birth=D(1971, 6, 30)),
        # A woman of 1971-08-01 reaches 55 on 1 August 2026: beyond 6 months.
        "woman_later": make(ministry["p01"], civil_service_no="L7", gender="F",
                            date_of_birth=D(1971, 8, 1)),
    }
    GradeStepChange.objects.create(official=p["due_soon"], grade=3, step=4,
                                   effective_date=D(2024, 3, 1))
    GradeStepChange.objects.create(official=p["due_later"], grade=3, step=4,
                                   effective_date=D(2025, 6, 1))
    GradeStepChange.objects.create(official=p["held"], grade=3, step=4,
                                   effective_date=D(2023, 3, 1))
    Evaluation.objects.create(official=p["held"], year=2025,
                              rating=EvaluationRating.objects.get(code="NOT_COMPLETED"))
    for name in ("man60", "woman55", "woman_later"):
        GradeStepChange.objects.create(official=p[name], grade=3, step=4,
                                       effective_date=D(2025, 12, 1))
    return p


def numbers(queryset):
    return [o.civil_service_no for o in queryset]


@pytest.mark.smoke
def test_step_raises_due_within_three_months(admin_user, people):
    assert numbers(lists.step_raises_due(admin_user, months=3, today=TODAY)) == ["L1"]
    assert numbers(lists.step_raises_due(admin_user, months=18, today=TODAY)) == ["L1", "L2"]


def test_held_raise_returns_with_a_good_rating(admin_user, people):
    Evaluation.objects.create(official=people["held"], year=2024,
                              rating=EvaluationRating.objects.get(code="GOOD"))
    assert "L3" not in numbers(lists.step_raises_due(admin_user, months=3, today=TODAY))
    Evaluation.objects.filter(official=people["held"], year=2025).update(
        rating=EvaluationRating.objects.get(code="GOOD"))
    due_dates.refresh([people["held"].pk])
    # Overdue since 1 March 2025: listed first.
    assert numbers(lists.step_raises_due(admin_user, months=3, today=TODAY)) == ["L3", "L1"]


def test_retirements_due_within_six_months(admin_user, people):
    assert numbers(lists.retirements_due(admin_user, months=6, today=TODAY)) == ["L5", "L6"]
    assert numbers(lists.retirements_due(admin_user, months=7, today=TODAY)) == [
        "L5", "L6", "L7"]


def test_lists_follow_the_unit_subtree_and_the_users_scope(admin_user, people, ministry,
                                                           make_user):
    assert numbers(lists.retirements_due(admin_user, months=6, unit=ministry["p01"],
                                         today=TODAY)) == ["L6"]
    clerk = make_user("clerk13", perms=["personnel.view_official"], units=[ministry["p13"]])
    assert numbers(lists.retirements_due(clerk, months=6, today=TODAY)) == ["L5"]


def test_an_extension_takes_an_official_off_the_retirement_list(admin_user, people):
    from lao_moha.personnel.models import RetirementExtension

    RetirementExtension.objects.create(official=people["man60"], decision_no="3/MOHA",
                                       extended_until=D(2028, 3, 20))
    assert numbers(lists.retirements_due(admin_user, months=6, today=TODAY)) == ["L6"]


def test_retired_officials_leave_the_lists(admin_user, people):
    services.retire(people["man60"], D(2025, 12, 31))
    assert "L5" not in numbers(lists.retirements_due(admin_user, months=6, today=TODAY))


def test_incomplete_records_name_the_missing_fields(admin_user, ministry):
    official = factories.official(ministry["p13"], civil_service_no="INC1",
                                  national_id="123", ethnicity="ລາວ")
    missing = lists.missing_fields(official)
    assert "national ID number" not in missing
    assert "ethnicity" not in missing
    assert missing[:3] == ["religion", "place of birth", "home province"]
    assert numbers(lists.incomplete_records(admin_user)) == ["INC1"]
    assert lists.unit_counts(lists.incomplete_records(admin_user)) == [
        ("T-PHA-13", ministry["p13"].name_lo, 1)]


def test_cv_is_lao_with_the_bundled_font(admin_user, ministry, tmp_path):
    official = factories.official(ministry["p13"], name_lo="ບຸນມີ ສີລາວົງ",
                                  national_id="987654321")
    services.transfer(official, ministry["d1301"], D(2024, 1, 15), decision_no="44/PHA")
    path = tmp_path / "cv.pdf"
    path.write_bytes(render_cv(official, admin_user))
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = poppler("pdftotext", str(path), "-")
    # Copy-out may break lines inside a cluster; compare without spaces.
    assert "ບຸນມີສີລາວົງ" in re.sub(r"\s", "", text)
    assert "987654321" in text
    assert "44/PHA" in text
    fonts = poppler("pdffonts", str(path))
    assert "Noto-Sans-Lao" in fonts


def test_cv_hides_sensitive_fields_from_others(make_user, ministry, tmp_path):
    official = factories.official(ministry["p13"], national_id="987654321")
    clerk = make_user("clerk", perms=["personnel.view_official"], units=[ministry["p13"]])
    path = tmp_path / "cv.pdf"
    path.write_bytes(render_cv(official, clerk))
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = poppler("pdftotext", str(path), "-")
    assert "987654321" not in text
