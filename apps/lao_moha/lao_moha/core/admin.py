"""The desk: every declared DocType gets a generated admin."""

from django.contrib import admin

from .admin_factory import register_all
from .imports import admin as imports_admin  # noqa: F401 - registers ImportJob

register_all()

# The job-queue dashboard of django-rq speaks only English: it stays at
# /django-rq/ for operators and out of the Lao desk menu.
try:
    from django_rq.models import Dashboard

    if admin.site.is_registered(Dashboard):
        admin.site.unregister(Dashboard)
except ImportError:  # django-rq not installed on this site
    pass
