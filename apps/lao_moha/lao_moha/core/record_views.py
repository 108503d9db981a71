"""Views of one record besides the desk and REST: printouts, downloads.

A view registered here is reached at /records/<app>/<model>/<pk>/<name>/
and receives a record the user may see: signed in, holding the
permission the view names, the record inside the user's units (404
otherwise). The scope matrix test calls every registered view on every
DocType it applies to, so a printout or download added later is checked
without a test of its own.

    @record_view("profile-pdf", applies=lambda d: d.model is Official)
    def profile_pdf(request, obj, doctype):
        ...
"""

import logging
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from . import access, registry, scope

logger = logging.getLogger(__name__)

__all__ = ["RecordView", "record_view", "record_url", "views_for"]


@dataclass
class RecordView:
    name: str
    function: Callable
    #: The model permission verb the view needs ("view", "change" …).
    permission: str = "view"
    #: doctype -> bool: which DocTypes the view serves.
    applies: Callable = lambda doctype: True
    #: doctype -> [query dict]: the variants to call (one per file field …).
    variants: Callable = lambda doctype: [{}]


_views = {}


def record_view(name, *, permission="view", applies=None, variants=None):
    def register(function):
        _views[name] = RecordView(
            name,
            function,
            permission,
            applies or (lambda doctype: True),
            variants or (lambda doctype: [{}]),
        )
        return function

    return register


def views_for(doctype):
    registry.discover()
    return [view for view in _views.values() if view.applies(doctype)]


def record_url(name, obj):
    opts = obj._meta
    return reverse("record-view", args=[opts.app_label, opts.model_name, obj.pk, name])


@login_required
def dispatch(request, app_label, model_name, pk, name):
    doctype = registry.by_label(f"{app_label}.{model_name}")
    view = _views.get(name)
    if doctype is None or view is None or not view.applies(doctype):
        raise Http404
    opts = doctype.model._meta
    if not request.user.has_perm(
        f"{opts.app_label}.{view.permission}_{opts.model_name}"
    ):
        raise PermissionDenied
    obj = scope.get_object_or_404(doctype.model, request.user, pk=pk)
    return view.function(request, obj, doctype)


def _file_fields(doctype):
    return [
        f
        for f in doctype.model._meta.concrete_fields
        if isinstance(f, models.FileField)
    ]


@record_view(
    "file",
    applies=lambda doctype: bool(_file_fields(doctype)),
    variants=lambda doctype: [{"field": f.name} for f in _file_fields(doctype)],
)
def download(request, obj, doctype):
    """A file attached to a record (photo, scanned decision …)."""
    name = request.GET.get("field", "")
    fields = {f.name: f for f in _file_fields(doctype)}
    if name not in fields or name in access.hidden_fields(request.user, doctype.model):
        raise Http404(_("No such file on this record."))
    stored = getattr(obj, name)
    if not stored:
        raise Http404(_("No file is attached here."))
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file is missing from the server.")) from error
    logger.info(
        "File %s of %s #%s sent to user %s",
        name,
        doctype.label,
        obj.pk,
        request.user.pk,
    )
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    return FileResponse(
        handle,
        as_attachment=True,
        filename=stored.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
