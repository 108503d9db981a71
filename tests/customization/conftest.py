"""Fixtures of the customization tests."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from lao_moha.customization import dashboards, definitions
from lao_moha.customization.models import CustomField


@pytest.fixture(autouse=True)
def fresh_definitions():
    """Each test starts from the definitions in the database, as a newly
    started process would."""
    definitions.forget()
    cache.delete(dashboards.DATA_VERSION_KEY)
    yield
    definitions.forget()


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the source language."""
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(db, admin_user):
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(admin_user)
    return client


@pytest.fixture
def client_for():
    def login(user):
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(user)
        return client

    return login


@pytest.fixture
def make_field(db):
    def make(
        name="blood_group", field_type="select", doctype="personnel.Official", **fields
    ):
        values = {"label_lo": f"ລາວ {name}", "label_en": name.replace("_", " ").title()}
        if field_type == "select" and "options" not in fields:
            fields["options"] = [
                {
                    "value": v,
                    "label_lo": f"ກຸ່ມ {v}",
                    "label_en": f"Group {v}",
                    "label_vi": "",
                }
                for v in ("A", "B", "O", "AB")
            ]
        values.update(fields)
        cf = CustomField(doctype=doctype, name=name, field_type=field_type, **values)
        cf.full_clean()
        cf.save()
        return cf

    return make


@pytest.fixture
def private_media(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
