"""The registry of DocType declarations.

Each domain app declares its DocTypes in a `doctypes.py` module; the
registry imports those modules once and every surface reads from here.
"""

import logging

from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger(__name__)

_doctypes = {}
_discovered = False
# Inlines other apps add to a declaration they do not own, kept until the
# owner registers it (an app never imports the app above it).
_pending_inlines = {}


class AlreadyRegistered(Exception):
    pass


def register(doctype):
    """Add a declaration; a model is declared once."""
    if doctype.model in _doctypes:
        raise AlreadyRegistered(f"{doctype.label} is declared twice")
    _doctypes[doctype.model] = doctype
    for inline in _pending_inlines.pop(doctype.model, ()):
        doctype.inlines = (*doctype.inlines, inline)
    return doctype


def add_inline(parent_model, inline):
    """Show `inline` on the desk form of another app's DocType.

    Lets a higher app (commendation) put its rows on a lower app's record
    (the official) without the lower app importing it.
    """
    doctype = _doctypes.get(parent_model)
    if doctype is None:
        _pending_inlines.setdefault(parent_model, []).append(inline)
    else:
        doctype.inlines = (*doctype.inlines, inline)


def discover():
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("doctypes")
        logger.debug("Registered %d DocTypes", len(_doctypes))


def all_doctypes():
    discover()
    return list(_doctypes.values())


def get(model):
    """The declaration of a model (class or instance), or None."""
    discover()
    if not isinstance(model, type):
        model = type(model)
    return _doctypes.get(model)


def by_label(label):
    """The declaration for "app_label.ModelName" (case-insensitive)."""
    label = label.lower()
    for doctype in all_doctypes():
        if doctype.label.lower() == label:
            return doctype
    return None
