import pytest

from tests.commendation.builders import World


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def reload_reference_after(django_db_blocker):
    """For tests on committed data: the flush that ends them also wipes the
    session's reference data, so load it again afterwards. Request this
    fixture *before* `transactional_db` so that it tears down after it."""
    yield
    from lao_moha.commendation.reference import load_commendation_reference
    from lao_moha.geo.reference import load_divisions
    from lao_moha.organization.reference import load_positions
    from lao_moha.personnel.reference import load_personnel_lists

    with django_db_blocker.unblock():
        load_divisions()
        load_positions()
        load_personnel_lists()
        load_commendation_reference()
