"""The work lists HR staff act from: step raises due, retirements due and
incomplete records, each narrowed to the user's units and a unit subtree."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lao_moha.core import scope

from .choices import ServiceStatus
from .due_dates import add_months
from .models import Official

IN_SERVICE = (ServiceStatus.ACTIVE, ServiceStatus.ON_LEAVE)

# What a complete record must hold. Chosen from the CV form (domain notes
# 4.3); the list is code until MoHA states its own completeness rule.
REQUIRED_FIELDS = (
    "national_id", "position", "ethnicity", "religion", "birth_place",
    "home_province", "marital_status", "education_level",
    "political_theory_level", "photo",
)


def _base(user, unit=None):
    queryset = scope.restrict(Official.objects.filter(status__in=IN_SERVICE), user)
    if unit is not None:
        queryset = queryset.filter(unit__path__startswith=unit.path)
    return queryset.select_related("unit", "position")


def horizon(months: int, today: datetime.date | None = None) -> datetime.date:
    return add_months(today or timezone.localdate(), months)


def step_raises_due(user, months: int = 6, unit=None, today=None):
    """Officials whose next step falls due within `months` (or is overdue)."""
    return _base(user, unit).filter(
        next_step_due__isnull=False, next_step_due__lte=horizon(months, today)
    ).order_by("next_step_due", "civil_service_no")


def retirements_due(user, months: int = 12, unit=None, today=None):
    """Officials reaching retirement within `months` (and those past it)."""
    return _base(user, unit).filter(
        retirement_due__isnull=False, retirement_due__lte=horizon(months, today)
    ).order_by("retirement_due", "civil_service_no")


def _missing_condition(name):
    field = Official._meta.get_field(name)
    if field.null:
        return Q(**{f"{name}__isnull": True})
    return Q(**{name: ""})


def incomplete_records(user, unit=None):
    """Officials in service missing at least one required field."""
    condition = Q()
    for name in REQUIRED_FIELDS:
        condition |= _missing_condition(name)
    return _base(user, unit).filter(condition).order_by("unit__path", "civil_service_no")


def unit_counts(queryset):
    """[(unit code, unit name, number of officials)] of a work list."""
    return list(
        queryset.order_by().values_list("unit__code", "unit__name_lo")
        .annotate(total=Count("id")).order_by("unit__code")
    )


def missing_fields(official):
    """Verbose names of the required fields the official's record lacks."""
    missing = []
    for name in REQUIRED_FIELDS:
        field = Official._meta.get_field(name)
        if not getattr(official, field.attname):
            missing.append(str(field.verbose_name))
    return missing


# Columns of each list for the desk, the API and the exported file:
# (key in the API, heading, function of the official).
def _common():
    return [
        ("civil_service_no", _("civil-service number"), lambda o: o.civil_service_no),
        ("name_lo", _("name (Lao script)"), lambda o: o.name_lo),
        ("name_latin", _("name (Latin transliteration)"), lambda o: o.name_latin),
        ("unit_code", _("unit code"), lambda o: o.unit.code),
        ("unit", _("unit"), lambda o: o.unit.name_lo),
        ("position", _("position"), lambda o: o.position.name_lo if o.position_id else ""),
    ]


def columns(kind):
    common = _common()
    if kind == "step-raises":
        return [*common,
                ("grade", _("grade"), lambda o: o.grade),
                ("step", _("step"), lambda o: o.step),
                ("next_step_due", _("next step due"), lambda o: o.next_step_due)]
    if kind == "retirements":
        return [*common,
                ("gender", _("gender"), lambda o: o.get_gender_display()),
                ("date_of_birth", _("date of birth"), lambda o: o.date_of_birth),
                ("retirement_due", _("retirement due"), lambda o: o.retirement_due)]
    return [*common,
            ("missing", _("missing"), lambda o: ", ".join(missing_fields(o)))]


WORK_LISTS = {
    "step-raises": (_("Step raises due"), step_raises_due),
    "retirements": (_("Retirements due"), retirements_due),
    "incomplete": (_("Incomplete records"), incomplete_records),
}


def work_list(kind, user, months=None, unit=None):
    """The queryset of a named work list."""
    _title, function = WORK_LISTS[kind]
    if kind == "incomplete":
        return function(user, unit=unit)
    return function(user, months=months, unit=unit)


def rows(kind, queryset):
    """(headings, iterator of rows) of a work list."""
    cols = columns(kind)
    return [str(heading) for _key, heading, _get in cols], (
        [get(official) for _key, _heading, get in cols] for official in queryset
    )


def keys(kind):
    """The API's names of the columns of a work list."""
    return [key for key, _heading, _get in columns(kind)]
