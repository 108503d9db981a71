import os

import pytest

# The rendering tests' server (pytest-django's live_server) listens on the
# loopback address only.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")
from django.utils import translation


@pytest.fixture(autouse=True)
def lao_default(test_language, settings):
    """The site's real default language (config/settings/base.py)."""
    settings.LANGUAGE_CODE = "lo"
    translation.activate("lo")
    yield
    translation.activate("en")
