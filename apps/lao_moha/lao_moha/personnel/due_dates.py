"""When an official's next step and retirement fall due, from the rule tables.

The dates are kept on the Official (and the latest grade/step change) so
the work lists are indexed queries. They are refreshed whenever one of
their inputs changes: the official, a grade/step change, an evaluation,
an extension (signals) or a rule (a background job over every official).
"""

import calendar
import contextlib
import datetime
import logging
import threading

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lao_moha.core import jobs

logger = logging.getLogger(__name__)

_deferred = threading.local()
CHUNK = 1000


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months, kept inside the target month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The anniversary; 29 February falls on 28 February in common years."""
    return add_months(day, 12 * years)


class RuleBook:
    """The rule tables and the salary scale, read once for many officials."""

    def __init__(self):
        from .models import RetirementRule, SalaryGrade, StepRule

        self.step_rules = list(
            StepRule.objects.filter(is_active=True)
            .select_related("rating_at_least", "rating_at_most")
            .order_by("priority", "pk")
        )
        self.retirement_rules = list(RetirementRule.objects.order_by("valid_from", "pk"))
        self.max_steps = dict(SalaryGrade.objects.values_list("number", "max_step"))

    def step_rule(self, category_id, rating):
        for rule in self.step_rules:
            if rule.matches(category_id, rating):
                return rule
        return None

    def next_step_due(self, official, base_date, rating):
        """The date the next step is due, or None (top step, held, no rule)."""
        max_step = self.max_steps.get(official.grade)
        if max_step is None or official.step is None or official.step >= max_step:
            return None
        rule = self.step_rule(official.category_id, rating)
        if rule is None or rule.interval_months is None or base_date is None:
            return None
        return add_months(base_date, rule.interval_months)

    def retirement_rules_for(self, official):
        """Rules of the official's gender: their category's, else general."""
        own = [r for r in self.retirement_rules
               if r.gender == official.gender and r.category_id == official.category_id]
        if own:
            return own
        return [r for r in self.retirement_rules
                if r.gender == official.gender and r.category_id is None]

    def retirement_rule(self, official):
        """The rule in force when the official reaches its age.

        A later rule (the 2025 amendment, say) only governs officials who
        have not reached the earlier age before it came into force.
        """
        rules = self.retirement_rules_for(official)
        if not rules or official.date_of_birth is None:
            return None
        for rule, following in zip(rules, [*rules[1:], None], strict=True):
            due = add_years(official.date_of_birth, rule.age)
            if following is None or due < following.valid_from:
                return rule
        return rules[-1]

    def retirement_due(self, official, extended_until=None):
        rule = self.retirement_rule(official)
        if rule is None:
            return extended_until
        due = add_years(official.date_of_birth, rule.age)
        if extended_until and extended_until > due:
            return extended_until
        return due


def extension_errors(official, extended_until):
    """Messages when an extension goes past what the rule allows."""
    rule = RuleBook().retirement_rule(official)
    if rule is None:
        return []
    due = add_years(official.date_of_birth, rule.age)
    messages = []
    if extended_until <= due:
        messages.append(_(
            "An extension must end after the normal retirement date ({date})."
        ).format(date=due))
    if rule.max_age_with_extension is not None:
        limit = add_years(official.date_of_birth, rule.max_age_with_extension)
        if extended_until > limit:
            messages.append(_(
                "Service may be extended to age {age} at most, that is until {date}."
            ).format(age=rule.max_age_with_extension, date=limit))
    return messages


# -- refreshing the stored dates -------------------------------------------


@contextlib.contextmanager
def deferred():
    """Collect the officials to refresh and refresh them once, at the end.

    Used by imports, where refreshing after every saved row would multiply
    the queries by the number of rows.
    """
    outer = getattr(_deferred, "ids", None)
    if outer is not None:
        yield outer
        return
    _deferred.ids = set()
    try:
        yield _deferred.ids
        ids = _deferred.ids
    finally:
        _deferred.ids = None
    refresh(ids)


def request_refresh(official_id):
    """Refresh one official now, or at the end of the deferred block."""
    pending = getattr(_deferred, "ids", None)
    if pending is not None:
        pending.add(official_id)
    else:
        refresh([official_id])


def refresh(official_ids, book=None) -> int:
    """Recompute the stored due dates of these officials; returns changes."""
    from .models import Official

    ids = sorted(set(official_ids))
    book = book or RuleBook()
    changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        officials = Official.objects.filter(pk__in=chunk).only(
            "id", "grade", "step", "gender", "category_id", "date_of_birth",
            "entry_date", "next_step_due", "retirement_due",
        )
        changed += _refresh_chunk(list(officials), book)
    return changed


def _refresh_chunk(officials, book):
    from .models import (
        Evaluation,
        GradeStepChange,
        Official,
        RetirementExtension,
    )

    ids = [o.pk for o in officials]
    ratings = {}
    for evaluation in (
        Evaluation.objects.filter(official_id__in=ids)
        .select_related("rating").order_by("official_id", "year")
    ):
        ratings[evaluation.official_id] = evaluation.rating  # the latest year wins
    latest_change = {}
    for change in GradeStepChange.objects.filter(official_id__in=ids).order_by(
        "official_id", "effective_date", "pk"
    ).only("id", "official_id", "effective_date", "next_step_due"):
        latest_change[change.official_id] = change
    extensions = {}
    for official_id, until in RetirementExtension.objects.filter(
        official_id__in=ids
    ).values_list("official_id", "extended_until"):
        extensions[official_id] = max(until, extensions.get(official_id, until))

    dirty_officials, dirty_changes = [], []
    for official in officials:
        change = latest_change.get(official.pk)
        base = change.effective_date if change else official.entry_date
        step_due = book.next_step_due(official, base, ratings.get(official.pk))
        retire_due = book.retirement_due(official, extensions.get(official.pk))
        if (official.next_step_due, official.retirement_due) != (step_due, retire_due):
            official.next_step_due, official.retirement_due = step_due, retire_due
            dirty_officials.append(official)
        if change is not None and change.next_step_due != step_due:
            change.next_step_due = step_due
            dirty_changes.append(change)
    # Computed columns: written without touching the record's version or
    # audit trail, since nobody edited the record.
    Official.objects.bulk_update(dirty_officials, ["next_step_due", "retirement_due"])
    GradeStepChange.objects.bulk_update(dirty_changes, ["next_step_due"])
    return len(dirty_officials)


def refresh_all() -> int:
    """Recompute every official's dates (after a rule or scale change)."""
    from .models import Official

    ids = list(Official.objects.values_list("pk", flat=True))
    changed = refresh(ids)
    logger.info("Due dates refreshed: %d officials read, %d changed", len(ids), changed)
    return changed


def schedule_refresh_all():
    """Queue a full refresh once the current transaction commits."""
    transaction.on_commit(lambda: jobs.enqueue(refresh_all))


def today():
    return timezone.localdate()
