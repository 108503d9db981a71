"""The desk: every declared DocType gets a generated admin."""

from .admin_factory import register_all

register_all()
