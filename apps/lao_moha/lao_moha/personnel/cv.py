"""The official's profile (CV) as a PDF, in the order of the civil-servant
CV form: identity, origin, qualifications, career, evaluations, family."""

import logging
from pathlib import Path

from django.utils import timezone

from lao_moha.core.pdf import render_pdf

from .models import Official

logger = logging.getLogger(__name__)

#: Sections other apps add to the CV without personnel importing them (the
#: commendation app adds the awards): callables official -> dict with
#: "title", "headers" and "rows", or None to add nothing.
EXTRA_SECTIONS = []


def can_see_sensitive(user):
    """Whether the user may see the official's sensitive fields."""
    try:
        from lao_moha.core.access import can_see_sensitive as check
    except ImportError:
        # TODO drop this fallback once core.access (issue 4) is on main.
        return user.is_superuser or user.has_perm("personnel.view_sensitive_official")
    return check(user, Official)


def photo_uri(official):
    if not official.photo:
        return None
    try:
        path = Path(official.photo.path)
    except (ValueError, NotImplementedError):
        return None
    return path.resolve().as_uri() if path.exists() else None


def cv_context(official, user):
    return {
        "official": official,
        "show_sensitive": can_see_sensitive(user),
        "photo": photo_uri(official),
        "education": official.education.all(),
        "languages": official.languages.all(),
        "trainings": official.trainings.all(),
        "appointments": official.appointments.select_related("position", "unit"),
        "transfers": official.transfers.select_related("from_unit", "to_unit"),
        "grade_steps": official.grade_step_changes.all(),
        "evaluations": official.evaluations.select_related("rating"),
        "disciplines": official.disciplines.select_related("measure"),
        "family": official.family_members.all(),
        "extra_sections": [s for s in (section(official) for section in EXTRA_SECTIONS) if s],
        "printed_on": timezone.localdate(),
    }


def render_cv(official, user) -> bytes:
    pdf = render_pdf("personnel/cv.html", cv_context(official, user))
    logger.info("CV of official %s printed by user %s", official.pk, user.pk)
    return pdf
