"""The desk: every declared DocType gets a generated admin; users, roles and
the audit trail get theirs here."""

from django.contrib import admin

from . import admin_audit, admin_auth
from .admin_factory import register_all

register_all()
admin_auth.register(admin.site)
admin_audit.register(admin.site)
