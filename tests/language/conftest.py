import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def lao_default(test_language, settings):
    """The site's real default language (config/settings/base.py)."""
    settings.LANGUAGE_CODE = "lo"
    translation.activate("lo")
    yield
    translation.activate("en")
