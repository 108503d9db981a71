"""Shared fixtures: the test database carries the real reference data."""

import pytest
from django.test import Client
from django.utils import translation

from tests import factories


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the shipped provinces, districts, positions and scales once."""
    from lao_moha.geo.reference import load_divisions
    from lao_moha.organization.reference import load_positions
    from lao_moha.commendation.reference import load_commendation_reference
    from lao_moha.personnel.reference import load_personnel_lists

    with django_db_blocker.unblock():
        load_divisions()
        load_positions()
        load_personnel_lists()
        load_commendation_reference()


@pytest.fixture(autouse=True)
def test_language():
    """Each test starts in the test settings' language (English, see
    config/settings/test.py), whatever a previous request activated."""
    from django.conf import settings

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def ministry(db):
    return factories.ministry_tree()


@pytest.fixture
def admin_client(db, admin_user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin_user)
    return client


@pytest.fixture
def make_user(db):
    def make(username="clerk", perms=(), units=()):
        return factories.user(username=username, perms=perms, units=units)

    return make


@pytest.fixture
def client_for():
    def login(user):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        return client

    return login


