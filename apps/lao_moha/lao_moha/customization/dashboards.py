"""The desk home: headcount, staffing against quota, and awards.

Every figure is a report of the report builder, run for the user who
opens the page: the same engine, the same scope, the same numbers as the
builder gives for the same filters; each panel links to its report.
"""

import json
import logging
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lao_moha.core import registry, scope

from .reports import engine, spec
from .reports.visibility import can_view

logger = logging.getLogger(__name__)

#: Officials counted in the headcount: in service, on leave included.
IN_SERVICE = {"field": "status", "op": "in", "value": ["active", "on_leave"]}
HEADCOUNT = (
    ("province", _("Headcount by province"), "unit__province", "bar"),
    ("level", _("Headcount by level"), "unit__level", "pie"),
    ("grade", _("Headcount by grade"), "grade", "bar"),
    ("gender", _("Headcount by gender"), "gender", "pie"),
    ("age", _("Headcount by age band"), "age_band", "bar"),
)
#: Units listed in the staffing table: the largest gaps first.
STAFFING_ROWS = 15


def headcount_spec(group, chart_type):
    return {
        "doctype": "personnel.Official",
        "filters": [IN_SERVICE],
        "group_by": [group],
        "aggregates": [{"func": "count"}],
        "order_by": [{"field": group}],
        "chart": {"type": chart_type, "value": "count"},
        "limit": 1000,
    }


def staffing_spec():
    return {
        "doctype": "personnel.Official",
        "filters": [IN_SERVICE],
        "group_by": ["unit"],
        "aggregates": [{"func": "count"}],
        "limit": 100_000,
    }


def awards_spec():
    return {
        "doctype": "commendation.Award",
        "filters": [{"field": "status", "op": "eq", "value": "valid"}],
        "group_by": ["awarded_on__year", "award_type"],
        "aggregates": [{"func": "count"}],
        "order_by": [{"field": "awarded_on__year"}],
        "chart": {"type": "bar", "value": "count"},
        "limit": 2000,
    }


def builder_link(data):
    return (
        reverse("admin:customization_savedreport_builder")
        + "?"
        + urlencode({"spec": json.dumps(data)})
    )


def _panel(key, title, data, user):
    try:
        result = engine.run(spec.clean(data, user), user)
    except spec.SpecError as error:
        logger.warning("Dashboard panel %s not shown: %s", key, error)
        return None
    return {
        "key": key,
        "title": title,
        "result": result,
        "total": sum(row[-1] for row in result.values if isinstance(row[-1], int)),
        "link": builder_link(data),
    }


def staffing(user):
    """Quota against officials in service, per unit with a quota."""
    OrgUnit = registry.by_label("organization.OrgUnit").model
    units = scope.restrict(
        OrgUnit.objects.filter(staffing_quota__isnull=False, is_active=True), user
    )
    data = staffing_spec()
    result = engine.run(spec.clean(data, user), user)
    actual = {values[0]: values[1] for values in result.values}
    rows = []
    for unit in units.only("pk", "name_lo", "staffing_quota"):
        count = actual.get(unit.pk, 0)
        rows.append(
            {
                "unit": unit,
                "quota": unit.staffing_quota,
                "actual": count,
                "gap": count - unit.staffing_quota,
                "percent": round(100 * count / unit.staffing_quota)
                if unit.staffing_quota
                else 0,
            }
        )
    rows.sort(key=lambda r: (-abs(r["gap"]), r["unit"].name_lo))
    return {
        "rows": rows[:STAFFING_ROWS],
        "units": len(rows),
        "quota": sum(r["quota"] for r in rows),
        "actual": sum(r["actual"] for r in rows),
        "link": builder_link(data),
    }


def dashboard(user):
    """Everything the desk home shows to `user`, or None when they may not
    read officials."""
    officials = registry.by_label("personnel.Official")
    if officials is None or not can_view(user, officials):
        return None
    panels = [
        panel
        for panel in (
            _panel(key, title, headcount_spec(group, chart), user)
            for key, title, group, chart in HEADCOUNT
        )
        if panel is not None
    ]
    awards = registry.by_label("commendation.Award")
    award_panel = None
    if awards is not None and can_view(user, awards):
        award_panel = _panel(
            "awards", _("Awards by year and type"), awards_spec(), user
        )
    return {
        "headcount": panels,
        "total": panels[0]["total"] if panels else 0,
        "staffing": staffing(user),
        "awards": award_panel,
        "awards_installed": awards is not None,
    }


def dashboard_callback(request, context):
    """Unfold's DASHBOARD_CALLBACK: adds the dashboard to the desk home."""
    context["dashboard"] = dashboard(request.user)
    return context
