"""The desk home: headcount, staffing against quota, and awards.

Every figure is a report of the report builder, run for the user who
opens the page: the same engine, the same scope, the same numbers as the
builder gives for the same filters; each panel links to its report.
"""

import hashlib
import json
import logging
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
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
#: The figures are kept this long at most; any save of a counted record
#: (official, unit, award) renews them at once. Bulk updates that bypass
#: model signals show after this delay.
CACHE_SECONDS = 300
DATA_VERSION_KEY = "customization:dashboard:data"
#: Record types whose saves change the dashboard.
COUNTED = ("personnel.Official", "organization.OrgUnit", "commendation.Award")


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
    # Plain data only: the dashboard is kept in the shared cache.
    return {
        "key": key,
        "title": str(title),
        "rows": [[str(cell) for cell in row[:-1]] + [row[-1]] for row in result.rows],
        "values": result.values,
        "chart": result.chart,
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
    # Officials of each unit's sub-units too, added up along the tree paths
    # of the units the user sees (one query, not one per unit).
    paths = scope.restrict(OrgUnit.objects.all(), user).values_list("pk", "path")
    paths = dict(paths)
    below = {}
    for pk, count in actual.items():
        for part in (paths.get(pk) or "").strip("/").split("/"):
            if part:
                below[int(part)] = below.get(int(part), 0) + count
    rows = []
    for unit in units.only("pk", "name_lo", "name_en", "name_vi", "staffing_quota"):
        count = actual.get(unit.pk, 0)
        quota = unit.staffing_quota
        rows.append(
            {
                "unit": str(unit),
                "unit_pk": unit.pk,
                "quota": quota,
                "actual": count,
                "with_sub_units": below.get(unit.pk, 0),
                "gap": count - quota,
                "percent": round(100 * count / quota) if quota else 0,
            }
        )
    rows.sort(key=lambda r: (-abs(r["gap"]), r["unit"]))
    return {
        "rows": rows[:STAFFING_ROWS],
        "units": len(rows),
        "quota": sum(r["quota"] for r in rows),
        "actual": sum(r["actual"] for r in rows),
        "link": builder_link(data),
    }


def dashboard(user):
    """Everything the desk home shows to `user`, or None when they may not
    read officials. Kept in the cache per scope and language until the data
    changes (see `data_changed`) or CACHE_SECONDS pass."""
    officials = registry.by_label("personnel.Official")
    if officials is None or not can_view(user, officials):
        return None
    awards = registry.by_label("commendation.Award")
    with_awards = awards is not None and can_view(user, awards)
    key = _cache_key(user, with_awards)
    try:
        found = cache.get(key)
    except Exception:  # noqa: BLE001 - without a cache, compute
        logger.warning("Cache unavailable: dashboard computed afresh")
        found = None
    if found is not None:
        return found
    board = _compute(user, awards is not None, with_awards)
    try:
        cache.set(key, board, CACHE_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable: dashboard not kept")
    return board


def _compute(user, awards_installed, with_awards):
    panels = [
        panel
        for panel in (
            _panel(key, title, headcount_spec(group, chart), user)
            for key, title, group, chart in HEADCOUNT
        )
        if panel is not None
    ]
    award_panel = None
    if with_awards:
        award_panel = _panel(
            "awards", _("Awards by year and type"), awards_spec(), user
        )
    return {
        "headcount": panels,
        "total": panels[0]["total"] if panels else 0,
        "staffing": staffing(user),
        "awards": award_panel,
        "awards_installed": awards_installed,
    }


def _cache_key(user, with_awards):
    paths = scope.unit_paths(user)
    who = "all" if paths is scope.ALL_UNITS else ",".join(paths)
    digest = hashlib.sha256(
        f"{who}|{with_awards}|{get_language()}|{data_version()}".encode()
    ).hexdigest()[:32]
    return f"customization:dashboard:{digest}"


def data_version():
    try:
        return cache.get_or_set(DATA_VERSION_KEY, time.time_ns(), None)
    except Exception:  # noqa: BLE001
        return time.time_ns()


def data_changed(**kwargs):
    """Signal receiver: a record the dashboard counts was saved or deleted."""
    try:
        cache.set(DATA_VERSION_KEY, time.time_ns(), None)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable: dashboard may stay stale a while")


def dashboard_callback(request, context):
    """Unfold's DASHBOARD_CALLBACK: adds the dashboard to the desk home."""
    context["dashboard"] = dashboard(request.user)
    return context
