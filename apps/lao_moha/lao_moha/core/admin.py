"""The desk: every declared DocType gets a generated admin; users, roles and
the audit trail get theirs here."""

from django.contrib import admin

from . import admin_audit, admin_auth, desk_access, hooks
from .admin_factory import register_all
from .imports import admin as imports_admin  # noqa: F401 - registers ImportJob

register_all()
admin_auth.register(admin.site)
admin_audit.register(admin.site)
hooks.register("desk_navigation", desk_access.extend_navigation)

# The job-queue dashboard of django-rq speaks only English: it stays at
# /django-rq/ for operators and out of the Lao desk menu.
try:
    from django_rq.models import Dashboard

    if admin.site.is_registered(Dashboard):
        admin.site.unregister(Dashboard)
except ImportError:  # django-rq not installed on this site
    pass
