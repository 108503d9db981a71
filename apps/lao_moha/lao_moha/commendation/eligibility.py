"""Eligibility: each nominee checked against the award's criteria.

Each criterion gives a pass or fail line with its reason, computed from the
nominee's record: entry into service, yearly evaluations, awards already
held, disciplinary measures, and the other nominees of the same unit. The
periods end with the award year: "3 years in a row" for 2025 means
2023, 2024 and 2025.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lao_moha.personnel.models.officials import years_between

from .choices import AwardStatus, CriterionKind, NomineeStatus
from .models import Award, AwardCriterion, EligibilityCheck, Nominee


@dataclass
class Finding:
    criterion: AwardCriterion
    passed: bool
    reason: str

    @property
    def label(self):
        return str(self.criterion.describe())


def criteria_for(nominee):
    criteria = nominee.proposal.award.criteria.filter(is_active=True).select_related(
        "rating", "prior_award")
    return [c for c in criteria if c.applies_to_nominee(nominee)]


def evaluate(nominee: Nominee) -> list[Finding]:
    """The findings for every criterion of the nominee's award."""
    return [Finding(c, *CHECKS[c.kind](c, nominee)) for c in criteria_for(nominee)]


def passes(findings):
    return all(finding.passed for finding in findings)


@transaction.atomic
def record(nominee: Nominee) -> list[Finding]:
    """Evaluate and store the findings on the nominee; returns them."""
    findings = evaluate(nominee)
    nominee.checks.all().delete()
    EligibilityCheck.objects.bulk_create(
        EligibilityCheck(nominee=nominee, criterion=f.criterion, label=f.label[:300],
                         passed=f.passed, reason=f.reason)
        for f in findings
    )
    nominee.eligible = passes(findings)
    nominee.status = (
        NomineeStatus.PROPOSED if nominee.eligible or nominee.overridden
        else NomineeStatus.NOT_MET
    )
    nominee.save(update_fields=["eligible", "status"])
    return findings


def year_end(year):
    return datetime.date(year, 12, 31)


def check_years_of_service(criterion, nominee):
    official = nominee.official
    years = years_between(official.entry_date, year_end(nominee.year))
    return years >= criterion.years, _(
        "{years} years of service at the end of {year} (entered {entry}); "
        "{required} required."
    ).format(years=years, year=nominee.year, entry=official.entry_date,
             required=criterion.years)


def check_consecutive_ratings(criterion, nominee):
    span = range(nominee.year - criterion.years + 1, nominee.year + 1)
    ratings = {
        evaluation.year: evaluation.rating
        for evaluation in nominee.official.evaluations.filter(year__in=span)
        .select_related("rating")
    }
    gaps = []
    for year in span:
        rating = ratings.get(year)
        if rating is None:
            gaps.append(_("{year}: no evaluation").format(year=year))
        elif rating.rank < criterion.rating.rank:
            gaps.append(_("{year}: “{rating}”").format(year=year, rating=rating))
    if gaps:
        return False, _("Needs “{rating}” or better in every year {first}–{last}; {gaps}.").format(
            rating=criterion.rating, first=span[0], last=span[-1], gaps="; ".join(gaps))
    found = ", ".join(f"{year}: {ratings[year]}" for year in span)
    return True, _("Rated {ratings}.").format(ratings=found)


def holder_filter(nominee):
    if nominee.is_collective:
        return Q(collective_id=nominee.collective_id)
    return Q(official_id=nominee.official_id)


def check_prior_award(criterion, nominee):
    held = (
        Award.objects.filter(holder_filter(nominee), award_type=criterion.prior_award,
                             status=AwardStatus.VALID)
        .select_related("decision").order_by("awarded_on")
    )
    latest_year = nominee.year - (criterion.years or 0)
    early_enough = [award for award in held if award.awarded_on.year <= latest_year]
    if early_enough:
        award = early_enough[0]
        return True, _("Received “{award}” on {date} (decision {number}).").format(
            award=criterion.prior_award, date=award.awarded_on, number=award.decision)
    if held:
        return False, _(
            "Received “{award}” on {date}; it must be received in {latest} or earlier."
        ).format(award=criterion.prior_award, date=held[0].awarded_on, latest=latest_year)
    return False, _("Does not hold “{award}”.").format(award=criterion.prior_award)


def check_no_discipline(criterion, nominee):
    start = datetime.date(nominee.year - criterion.years + 1, 1, 1)
    end = year_end(nominee.year)
    measures = (
        nominee.official.disciplines.filter(start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        .select_related("measure").order_by("start_date")
    )
    found = list(measures)
    if not found:
        return True, _("No disciplinary measure from {start} to {end}.").format(
            start=start, end=end)
    lines = [
        _("“{measure}” from {date} (decision {number})").format(
            measure=m.measure, date=m.start_date, number=m.decision_no or "—")
        for m in found
    ]
    return False, _("Disciplinary measure in {first}–{last}: {measures}.").format(
        first=start.year, last=end.year, measures="; ".join(lines))


def check_unit_quota(criterion, nominee):
    unit = nominee.proposal.proposing_unit
    rivals = (
        Nominee.objects.filter(award_id=nominee.award_id, year=nominee.year,
                               proposal__proposing_unit=unit)
        .exclude(status__in=[NomineeStatus.NOT_MET, NomineeStatus.REJECTED])
        .exclude(pk=nominee.pk)
    )
    # Nominees count in the order they were put forward.
    position = rivals.filter(pk__lt=nominee.pk).count() + 1
    total = rivals.count() + 1
    return position <= criterion.quota, _(
        "Nominee {position} of {total} from “{unit}” for “{award}” in {year}; "
        "the quota is {quota}."
    ).format(position=position, total=total, unit=unit, award=nominee.award,
             year=nominee.year, quota=criterion.quota)


CHECKS = {
    CriterionKind.YEARS_OF_SERVICE: check_years_of_service,
    CriterionKind.CONSECUTIVE_RATINGS: check_consecutive_ratings,
    CriterionKind.PRIOR_AWARD: check_prior_award,
    CriterionKind.NO_DISCIPLINE: check_no_discipline,
    CriterionKind.UNIT_QUOTA: check_unit_quota,
}
