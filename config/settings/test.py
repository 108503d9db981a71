"""Settings for the test suite: the database comes from DATABASE_URL as usual."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Templates used only by tests (e.g. a Lao sample for the PDF check).
TEMPLATES[0]["DIRS"] = [BASE_DIR / "tests" / "templates"]  # noqa: F405

# Tests check messages in English, the source language, so that a better Lao
# or Vietnamese wording never breaks them. The site speaks Lao by default:
# tests/language puts LANGUAGE_CODE back to "lo" and checks that every page
# and message reads in Lao.
LANGUAGE_CODE = "en"
