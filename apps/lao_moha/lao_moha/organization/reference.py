"""The position catalog shipped with a new site.

Titles follow the hierarchy seen in public sources (minister, deputy
minister, director general, division and section heads); the Lao wording
is to be confirmed by MoHA, and administrators may edit it in the desk.
"""

import logging

from .models import Position

logger = logging.getLogger(__name__)

# (code, rank order, Lao, English, management position)
POSITIONS = [
    ("MIN", 1, "ລັດຖະມົນຕີ", "Minister", True),
    ("DMIN", 2, "ຮອງລັດຖະມົນຕີ", "Deputy Minister", True),
    ("DG", 3, "ຫົວໜ້າກົມ", "Director General", True),
    ("DDG", 4, "ຮອງຫົວໜ້າກົມ", "Deputy Director General", True),
    ("HDIV", 5, "ຫົວໜ້າພະແນກ", "Head of division", True),
    ("DHDIV", 6, "ຮອງຫົວໜ້າພະແນກ", "Deputy head of division", True),
    ("HOFF", 7, "ຫົວໜ້າຫ້ອງການ", "Head of office", True),
    ("DHOFF", 8, "ຮອງຫົວໜ້າຫ້ອງການ", "Deputy head of office", True),
    ("HSEC", 9, "ຫົວໜ້າຂະແໜງ", "Head of section", True),
    ("DHSEC", 10, "ຮອງຫົວໜ້າຂະແໜງ", "Deputy head of section", True),
    ("TECH", 11, "ວິຊາການ", "Technical officer", False),
    ("STAFF", 12, "ພະນັກງານ", "Staff member", False),
]


def load_positions():
    """Create the catalog positions that are missing; returns how many."""
    known = set(Position.objects.values_list("code", flat=True))
    created = 0
    for code, rank, name_lo, name_en, management in POSITIONS:
        if code not in known:
            Position(
                code=code, rank_order=rank, name_lo=name_lo, name_en=name_en,
                is_management=management,
            ).save()
            created += 1
    logger.info("Position catalog: %d positions created", created)
    return created
