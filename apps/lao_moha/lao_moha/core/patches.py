"""Runs the one-off data patches listed in patches.txt, each exactly once.

A line of patches.txt names a module under lao_moha.patches (e.g.
`lao_moha.patches.v0_1.fix_district_spelling`); blank lines and lines
starting with "#" are ignored. A patch module defines `execute()` returning
the number of rows it touched; it runs in a transaction together with the
record that it was applied, so a failed patch leaves nothing behind.
"""

import importlib
import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import AppliedPatch

logger = logging.getLogger(__name__)


def listed_patches(path=None):
    path = Path(path or settings.BASE_DIR / "patches.txt")
    if not path.exists():
        return []
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line)
    return names


def run_pending(path=None):
    """Apply every listed patch not yet applied; returns the names applied."""
    done = set(AppliedPatch.objects.values_list("name", flat=True))
    applied = []
    for name in listed_patches(path):
        if name in done:
            continue
        module = importlib.import_module(name)
        with transaction.atomic():
            rows = module.execute() or 0
            AppliedPatch.objects.create(name=name, rows=rows)
        logger.info("Patch %s applied: %d rows", name, rows)
        applied.append(name)
    return applied
