"""Report actions shared by the desk, the API and the scheduler."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import SavedReport
from . import engine, spec

logger = logging.getLogger(__name__)


def run_saved(report, user, limit=None):
    """Run a saved report as `user`: their scope, their field rights."""
    if not SavedReport.objects.visible_to(user).filter(pk=report.pk).exists():
        raise PermissionDenied(_("This report is not shared with you."))
    checked = spec.clean(report.spec, user)
    return engine.run(checked, user, limit=limit)


@transaction.atomic
def save_report(user, data, title, description="", report=None, shared_with=()):
    """Create (or update, for its owner) a saved report from a raw spec."""
    checked = spec.clean(data, user)
    if report is None:
        if not user.has_perm("customization.add_savedreport"):
            raise PermissionDenied(_("You may not save reports."))
        report = SavedReport(owner=user)
    elif not report.can_edit(user):
        raise PermissionDenied(_("Only the report's owner may change it."))
    report.title = title
    report.description = description
    report.spec = checked.as_data()
    report.save()
    report.shared_with.set(shared_with)
    logger.info("Saved report %s by user %s (%s)", report.pk, user.pk, report.doctype)
    return report
