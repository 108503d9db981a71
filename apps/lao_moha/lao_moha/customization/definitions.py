"""The custom-field definitions each process works with.

Definitions live in the database. Each process (gunicorn worker, job
worker, scheduler) keeps a copy and compares it with a version number held
in the shared cache (Redis): any change to a definition raises the number
once its transaction commits, and every process reloads at its next
request or job. A request reads the number once and keeps the same copy
to its end (see middleware.py), so one page never mixes two versions.
"""

import contextvars
import logging
import threading
import time

from django.core.cache import cache
from django.db import connection, transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "customization:fields:version"

_lock = threading.Lock()
_state = {"version": None, "active": {}, "every": {}, "dirty": False}
#: Set inside a request: the version is checked once, at its start.
_pinned = contextvars.ContextVar("custom_fields_pinned", default=False)


def shared_version():
    """The version in the shared cache, seeding it when the cache lost it.

    None when the cache does not answer: then every request reads the
    definitions from the database, slower but never stale.
    """
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # Seeded from the clock so a lost counter never comes back with
            # a value some process already holds for older definitions.
            cache.add(VERSION_KEY, time.time_ns(), timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:  # noqa: BLE001 - any cache failure: fall back to the DB
        logger.warning("Cache unavailable: custom fields read from the database")
        return None
    return version


def bump():
    """Tell every process to reload; call after the change is committed."""
    try:
        try:
            version = cache.incr(VERSION_KEY)
        except ValueError:
            shared_version()
            version = cache.incr(VERSION_KEY)
    except Exception:  # noqa: BLE001
        # Processes that cannot reach the cache read the database anyway;
        # the others will see the change once the cache is back.
        logger.exception("Could not announce new custom-field definitions")
        return None
    # Called once this process's change is committed: what it reads from
    # now on may be kept.
    _state["dirty"] = False
    logger.info("Custom-field definitions changed: version %s", version)
    return version


def changed():
    """Reload here at once, and everywhere once the transaction commits."""
    with _lock:
        _state.update(version=None, dirty=True)
    transaction.on_commit(bump)


def forget():
    with _lock:
        _state["version"] = None


def refresh():
    """Reload the definitions if another process changed them."""
    version = shared_version()
    if version == _state["version"] and version is not None:
        return
    from .models import CustomField

    every = {}
    active = {}
    for field in CustomField.objects.order_by("doctype", "position", "pk"):
        every.setdefault(field.doctype.lower(), []).append(field)
        if field.removed_at is None:
            active.setdefault(field.doctype.lower(), []).append(field)
    # Definitions read inside the transaction that changes them may still be
    # rolled back: use them, but read again until they are committed.
    uncommitted = _state["dirty"] and connection.in_atomic_block
    with _lock:
        _state.update(
            version=None if uncommitted else version,
            active=active,
            every=every,
            dirty=uncommitted,
        )
    logger.debug(
        "Loaded %d custom-field definitions (version %s)",
        sum(len(v) for v in every.values()),
        version,
    )


def _current():
    if not _pinned.get() or _state["version"] is None:
        refresh()
    return _state


def _label(doctype):
    label = doctype if isinstance(doctype, str) else doctype.label
    return label.lower()


def active_fields(doctype):
    """Fields in use on a DocType (declaration or "app.Model"), in order."""
    return list(_current()["active"].get(_label(doctype), ()))


def all_fields(doctype):
    """Every field of a DocType, removed ones too (for the audit trail)."""
    return list(_current()["every"].get(_label(doctype), ()))


def get_field(doctype, name):
    """The active field called `name` ("colour" or "cf_colour"), or None."""
    if name.startswith("cf_"):
        name = name[3:]
    for field in active_fields(doctype):
        if field.name == name:
            return field
    return None


class pinned:
    """Keep one version of the definitions for a block (a request)."""

    def __enter__(self):
        refresh()
        self._token = _pinned.set(True)
        return self

    def __exit__(self, *exc):
        _pinned.reset(self._token)
        return False
