"""Give the shipped reference records their Vietnamese names.

Provinces, districts, positions and official categories were loaded with
an empty `name_vi`. Only empty names are filled, so a name an administrator
has already entered is kept, and a second run changes nothing.
"""

import logging

from django.db.models import F

from lao_moha.geo.models import District, Province
from lao_moha.geo.reference import vietnamese_names
from lao_moha.organization.models import Position
from lao_moha.organization.reference import POSITIONS
from lao_moha.personnel.models import OfficialCategory
from lao_moha.personnel.reference import CATEGORIES

logger = logging.getLogger(__name__)


def _fill(model, names):
    touched = 0
    for code, name_vi in names.items():
        # The version is raised so that a form opened before the patch
        # cannot save its empty name over the new one.
        touched += model._base_manager.filter(code=code, name_vi="").update(
            name_vi=name_vi, version=F("version") + 1
        )
    return touched


def execute():
    divisions = vietnamese_names()
    touched = _fill(Province, {c: n for c, n in divisions.items() if len(c) == 2})
    touched += _fill(District, {c: n for c, n in divisions.items() if len(c) == 4})
    touched += _fill(Position, {row[0]: row[4] for row in POSITIONS})
    touched += _fill(OfficialCategory, {row[0]: row[3] for row in CATEGORIES})
    logger.info("Vietnamese reference names filled: %d rows", touched)
    return touched
