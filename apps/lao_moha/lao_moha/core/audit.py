"""The audit trail: kept for every record type, searchable, never rewritten.

django-simple-history writes one historical row per create, update and
delete of every DocType (and of users and groups, see core.models). This
module makes those rows immutable from the ORM up (the desk and the API
expose no way to change them either), lets background jobs say who they
act for, and searches the trail across record types for auditors.
"""

import contextlib
import heapq
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from simple_history.manager import HistoricalQuerySet
from simple_history.models import HistoricalRecords, registered_models

from . import access, history, scope

__all__ = [
    "AuditTrailImmutable",
    "Entry",
    "ImmutableHistory",
    "ImmutableHistoricalQuerySet",
    "acting_as",
    "audited_models",
    "search",
]

ACTIONS = {"+": "create", "~": "update", "-": "delete"}


class AuditTrailImmutable(Exception):
    """Someone tried to change or delete a row of the audit trail."""

    def __init__(self):
        super().__init__(_("The audit trail cannot be changed or deleted."))


class ImmutableHistoricalQuerySet(HistoricalQuerySet):
    def update(self, **kwargs):
        raise AuditTrailImmutable

    def delete(self):
        raise AuditTrailImmutable

    def _raw_delete(self, using):
        raise AuditTrailImmutable


class ImmutableHistory(models.Model):
    """Base of every historical model: rows are written once, then read."""

    objects = models.Manager.from_queryset(ImmutableHistoricalQuerySet)()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditTrailImmutable
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailImmutable


@contextlib.contextmanager
def acting_as(user):
    """Attribute saves made outside a request (jobs, commands) to `user`.

    simple-history and DocTypeModel read the acting user from the request
    kept in HistoricalRecords.context; a job has none, so one is lent.
    """
    previous = getattr(HistoricalRecords.context, "request", None)
    HistoricalRecords.context.request = _JobRequest(user)
    try:
        yield
    finally:
        if previous is None:
            del HistoricalRecords.context.request
        else:
            HistoricalRecords.context.request = previous


class _JobRequest:
    def __init__(self, user):
        self.user = user
        self.META = {}


def audited_models():
    """Every model whose history is kept, with its historical model."""
    result = []
    for model in registered_models.values():
        historical = getattr(model, "history", None)
        if historical is not None:
            result.append((model, historical.model))
    return sorted(result, key=lambda pair: pair[0]._meta.label)


@dataclass
class Entry:
    """One line of the trail: a historical row with what it changed."""

    record: object
    model: type
    action: str
    changes: list

    @property
    def when(self):
        return self.record.history_date

    @property
    def who(self):
        return self.record.history_user

    @property
    def object_id(self):
        return getattr(self.record, self.model._meta.pk.attname)

    @property
    def label(self):
        return str(self.record.instance)

    @property
    def action_label(self):
        return {"create": _("created"), "update": _("changed"), "delete": _("deleted")}.get(
            self.action, self.action
        )

    @property
    def type_name(self):
        return self.model._meta.verbose_name


def _history_queryset(model, historical, user, filters):
    queryset = historical._default_manager.select_related("history_user")
    queryset = scope.restrict(queryset, user)
    if filters.get("user"):
        queryset = queryset.filter(history_user__username__icontains=filters["user"])
    if filters.get("action") in ACTIONS.values():
        code = {v: k for k, v in ACTIONS.items()}[filters["action"]]
        queryset = queryset.filter(history_type=code)
    if filters.get("since"):
        queryset = queryset.filter(history_date__date__gte=filters["since"])
    if filters.get("until"):
        queryset = queryset.filter(history_date__date__lte=filters["until"])
    if filters.get("object_id"):
        queryset = queryset.filter(**{model._meta.pk.attname: filters["object_id"]})
    text = filters.get("text")
    if text:
        from . import registry

        doctype = registry.get(model)
        hidden = access.hidden_fields(user, model)
        names = [
            n for n in (doctype.search_fields if doctype else ()) if n not in hidden
        ]
        condition = models.Q()
        for name in names:
            if "__" not in name:
                condition |= models.Q(**{f"{name}__icontains": text})
        queryset = queryset.filter(condition) if names else queryset.none()
    return queryset.order_by("-history_date", "-history_id")


def visible_models(user):
    """Audited models whose records the user may read."""
    return [
        (model, historical)
        for model, historical in audited_models()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        and not access.record_hidden(user, model)
    ]


def _stream(model, rows):
    # A function, so that each stream keeps its own model.
    for row in rows:
        yield row.history_date, row.history_id, model, row


def search(user, filters, offset=0, limit=50):
    """The newest entries of the trail matching `filters`, across record
    types the user may read and within the user's units.

    `filters` may name a model ("app_label.model"), a user name, an action
    (create, update, delete), dates and a record id or text. Returns
    (entries, more) where `more` says whether a next page exists.
    """
    pairs = visible_models(user)
    if filters.get("model"):
        pairs = [p for p in pairs if p[0]._meta.label_lower == filters["model"]]
    # Each table yields its newest rows; merging the heads gives the page.
    wanted = offset + limit + 1
    streams = [
        _stream(model, _history_queryset(model, historical, user, filters)[:wanted])
        for model, historical in pairs
    ]
    merged = heapq.merge(*streams, key=lambda item: (item[0], item[1]), reverse=True)
    rows = []
    for index, (_date, _id, model, row) in enumerate(merged):
        if index >= wanted:
            break
        rows.append((model, row))
    more = len(rows) > offset + limit
    entries = [
        Entry(
            row,
            model,
            ACTIONS.get(row.history_type, row.history_type),
            history.describe(row, history.previous_record(row), user),
        )
        for model, row in rows[offset : offset + limit]
    ]
    return entries, more
