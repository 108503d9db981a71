"""The desk: every declared DocType gets a generated admin."""

from .admin_factory import register_all
from .imports import admin as imports_admin  # noqa: F401 - registers ImportJob

register_all()
