"""Next-step and retirement due dates come from the rule tables."""

import datetime

import pytest

from lao_moha.personnel import due_dates
from lao_moha.personnel.models import (
    Evaluation,
    EvaluationRating,
    GradeStepChange,
    Official,
    OfficialCategory,
    RetirementExtension,
    RetirementRule,
    StepRule,
)
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def rating(code):
    return EvaluationRating.objects.get(code=code)


@pytest.fixture
def official(ministry):
    return factories.official(
        ministry["d0101"], gender="M", date_of_birth=D(1970, 5, 20),
        entry_date=D(1995, 9, 1), grade=3, step=4,
    )


def reload(official):
    return Official.objects.get(pk=official.pk)


def test_add_months_keeps_the_month_end():
    assert due_dates.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert due_dates.add_months(D(2023, 11, 30), 24) == D(2025, 11, 30)
    assert due_dates.add_years(D(1964, 2, 29), 60) == D(2024, 2, 29)
    assert due_dates.add_years(D(1965, 2, 29 - 1), 60) == D(2025, 2, 28)
    assert due_dates.add_years(D(1968, 2, 29), 57) == D(2025, 2, 28)


@pytest.mark.smoke
def test_shipped_rules_give_sixty_and_two_years(official):
    official = reload(official)
    # No grade/step change yet: counted from entry into service.
    assert official.next_step_due == D(1997, 9, 1)
    assert official.retirement_due == D(2030, 5, 20)


def test_woman_retires_at_fifty_five(ministry):
    woman = factories.official(ministry["p13"], gender="F", date_of_birth=D(1975, 12, 31))
    assert reload(woman).retirement_due == D(2030, 12, 31)


def test_step_due_counts_from_the_latest_change(official):
    GradeStepChange.objects.create(official=official, grade=3, step=4,
                                   effective_date=D(2024, 3, 15))
    change = GradeStepChange.objects.create(official=official, grade=3, step=4,
                                            effective_date=D(2025, 1, 10))
    assert reload(official).next_step_due == D(2027, 1, 10)
    change.refresh_from_db()
    assert change.next_step_due == D(2027, 1, 10)


def test_a_failed_year_holds_the_raise_and_a_good_one_releases_it(official):
    GradeStepChange.objects.create(official=official, grade=3, step=4,
                                   effective_date=D(2024, 3, 15))
    Evaluation.objects.create(official=official, year=2024, rating=rating("NOT_COMPLETED"))
    assert reload(official).next_step_due is None
    Evaluation.objects.create(official=official, year=2025, rating=rating("GOOD"))
    assert reload(official).next_step_due == D(2026, 3, 15)


def test_top_step_has_no_step_due(ministry):
    top = factories.official(ministry["p01"], grade=2, step=15)
    assert reload(top).next_step_due is None


def test_rule_change_reaches_every_official(official, django_capture_on_commit_callbacks):
    rule = StepRule.objects.get(interval_months=24)
    rule.interval_months = 36
    with django_capture_on_commit_callbacks(execute=True):
        rule.save()
    due_dates.refresh_all()  # the job queued above, when Redis holds it
    assert reload(official).next_step_due == D(1998, 9, 1)


def test_category_rule_before_the_general_one(official):
    contract = OfficialCategory.objects.get(code="CONTRACT")
    StepRule.objects.create(priority=5, name="Contract staff", category=contract,
                            interval_months=12)
    due_dates.refresh_all()
    assert reload(official).next_step_due == D(1997, 9, 1)
    official.category = contract
    official.save()
    assert reload(official).next_step_due == D(1996, 9, 1)


def test_a_later_age_applies_only_to_those_not_yet_retired(ministry):
    RetirementRule.objects.create(gender="M", age=62, valid_from=D(2026, 1, 1))
    due_dates.refresh_all()
    already = factories.official(ministry["p01"], date_of_birth=D(1965, 6, 1))
    later = factories.official(ministry["p01"], date_of_birth=D(1966, 6, 1))
    # 60 on 1 June 2025, before the new rule: retires under the old one.
    assert reload(already).retirement_due == D(2025, 6, 1)
    # 60 on 1 June 2026, after it: the new age applies.
    assert reload(later).retirement_due == D(2028, 6, 1)


def test_extension_moves_retirement_within_the_limit(official):
    extension = RetirementExtension(official=official, extended_until=D(2036, 5, 20),
                                    decision_no="12/MOHA")
    with pytest.raises(Exception) as error:
        extension.full_clean()
    assert "until 2035-05-20" in str(error.value)
    extension.extended_until = D(2033, 5, 20)
    extension.full_clean()
    extension.save()
    assert reload(official).retirement_due == D(2033, 5, 20)
    extension.delete()
    assert reload(official).retirement_due == D(2030, 5, 20)
