"""The fields a report may use: a DocType's own, those of the DocTypes it
links to (official → unit → province), custom fields and computed ones.

A field path is a chain of link fields and one final field joined by
"__", as in the ORM ("unit__province__name_lo", "unit__cf_region"). Every
path a user sends is resolved here, against the DocType registry, before
it reaches a query; anything not found is refused.
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import F
from django.db.models.functions import ExtractYear
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from lao_moha.core import registry
from lao_moha.core.fields import DerivedField

from .. import definitions
from ..choices import FieldType
from ..expressions import value_expression
from ..fieldtypes import field_type
from .computed import computed_fields
from .visibility import can_see_sensitive

#: Links followed from the report's DocType (official → unit → province).
MAX_DEPTH = 2
#: Columns with no meaning to an analyst, or that only hold machinery.
SKIPPED = {
    "custom_fields",
    "search_name",
    "search_key",
    "path",
    "depth",
    "version",
    "created_by",
    "modified_by",
}
SEPARATOR = " › "


class PathError(ValueError):
    """A field path that names nothing a report may use."""


@dataclass
class ReportField:
    path: str
    label: str
    #: text, number, date, bool, choice or link
    kind: str
    doctype: object
    name: str
    prefix: str = ""
    model_field: object = None
    custom_field: object = None
    computed: object = None
    sensitive: bool = False
    long_text: bool = False
    choice_map: dict = field(default_factory=dict)

    @property
    def numeric(self):
        return self.kind == "number"

    @property
    def groupable(self):
        return not self.long_text

    @property
    def link_model(self):
        if self.kind != "link":
            return None
        if self.model_field is not None:
            return self.model_field.related_model
        return self.custom_field.get_link_doctype().model

    def expression(self):
        """The ORM expression of the value, joins included."""
        if self.custom_field is not None:
            return value_expression(self.custom_field, self.prefix)
        if self.computed is not None:
            return self.computed.expression(self.prefix)
        return F(self.path)

    def to_python(self, raw):
        """A value typed by a person or an API client, checked and typed
        for this field; raises ValueError in plain words."""
        from django.core.exceptions import ValidationError

        if self.custom_field is not None:
            try:
                value = field_type(self.custom_field).clean_external(
                    self.custom_field, raw
                )
            except ValidationError as error:
                raise ValueError(" ".join(error.messages)) from error
            if self.custom_field.field_type == FieldType.DATE and value:
                value = field_type(self.custom_field).to_python(value)
            if self.custom_field.field_type == FieldType.DECIMAL and value:
                value = field_type(self.custom_field).to_python(value)
            return value
        if self.choice_map:
            text = str(raw).strip()
            for key, label in self.choice_map.items():
                if text in (str(key), str(label)):
                    return key
            raise ValueError(
                _("“{value}” is not one of: {choices}.").format(
                    value=raw, choices=", ".join(str(k) for k in self.choice_map)
                )
            )
        if self.kind == "link":
            try:
                return int(raw)
            except (TypeError, ValueError):
                raise ValueError(_("Give the record's number (id).")) from None
        if self.model_field is None and self.kind == "number":
            try:
                return int(str(raw).strip())
            except ValueError:
                raise ValueError(_("Enter a whole number.")) from None
        if self.kind == "bool":
            text = str(raw).strip().casefold()
            if text in ("1", "true", "yes"):
                return True
            if text in ("0", "false", "no"):
                return False
            raise ValueError(_("Write 1 or 0."))
        try:
            return self.model_field.to_python(raw)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from error

    def display(self, value):
        """A value as a person reads it in a table (links are shown by the
        engine, which fetches the records in one query)."""
        if value is None or value == "":
            return ""
        if self.custom_field is not None and self.kind != "link":
            cf = self.custom_field
            if cf.field_type in (FieldType.DATE, FieldType.DECIMAL):
                value = (
                    field_type(cf).to_json(value)
                    if not isinstance(value, str)
                    else value
                )
            return field_type(cf).display(cf, value)
        if self.choice_map:
            return str(self.choice_map.get(value, value))
        if self.kind == "bool":
            return _("Yes") if value else _("No")
        return value


def _kind(model_field):
    if model_field.is_relation:
        return "link"
    if model_field.choices:
        return "choice"
    if isinstance(model_field, models.BooleanField):
        return "bool"
    if isinstance(model_field, models.DateField | models.DateTimeField):
        return "date"
    if isinstance(
        model_field, models.IntegerField | models.DecimalField | models.FloatField
    ):
        return "number"
    return "text"


def _custom_kind(cf):
    return {
        FieldType.INTEGER: "number",
        FieldType.DECIMAL: "number",
        FieldType.DATE: "date",
        FieldType.CHECK: "bool",
        FieldType.SELECT: "choice",
        FieldType.LINK: "link",
    }.get(cf.field_type, "text")


def _usable(model_field):
    if not getattr(model_field, "concrete", False) or model_field.name in SKIPPED:
        return False
    if isinstance(model_field, DerivedField):
        return False  # search and sort keys: machinery, not data
    if model_field.many_to_many or isinstance(
        model_field, models.FileField | models.JSONField
    ):
        return False
    if model_field.is_relation and registry.get(model_field.related_model) is None:
        return False
    return True


def _link(doctype, name):
    """The DocType a link field of `doctype` leads to, or None."""
    try:
        model_field = doctype.model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist and friends
        return None, None
    if not (_usable(model_field) and model_field.many_to_one):
        return None, None
    return model_field, registry.get(model_field.related_model)


class YearOf:
    """The year of a date field ("awarded_on__year")."""

    kind = "number"

    def __init__(self, base):
        self.base = base

    def expression(self, prefix):
        return ExtractYear(self.base.expression())

    def choices(self):
        return []


def resolve(doctype, path, user):
    """The ReportField for `path` on `doctype`, if the user may use it."""
    if not isinstance(path, str) or not path or len(path) > 200:
        raise PathError(_("A field must be named by its path."))
    parts = path.split("__")
    if len(parts) > 1 and parts[-1] == "year":
        base = resolve(doctype, "__".join(parts[:-1]), user)
        if base.kind != "date" or base.computed is not None:
            raise PathError(_("Only a date has a year."))
        return ReportField(
            path=path,
            label=f"{base.label} ({_('year')})",
            kind="number",
            doctype=base.doctype,
            name=parts[-1],
            prefix=base.prefix,
            computed=YearOf(base),
            sensitive=base.sensitive,
        )
    if len(parts) - 1 > MAX_DEPTH:
        raise PathError(_("“{path}” goes through too many links.").format(path=path))
    labels = []
    current = doctype
    for part in parts[:-1]:
        model_field, target = _link(current, part)
        if target is None:
            raise PathError(
                _("“{path}” is not a field of {doctype}.").format(
                    path=path, doctype=doctype.model._meta.verbose_name_plural
                )
            )
        labels.append(capfirst(str(model_field.verbose_name)))
        current = target
    prefix = "".join(f"{p}__" for p in parts[:-1])
    found = _final(current, parts[-1], path, prefix, labels)
    if found is None:
        raise PathError(
            _("“{path}” is not a field of {doctype}.").format(
                path=path, doctype=doctype.model._meta.verbose_name_plural
            )
        )
    if found.sensitive and not can_see_sensitive(user, current):
        raise PathError(_("You may not see “{label}”.").format(label=found.label))
    return found


def _final(doctype, name, path, prefix, labels):
    def label(text):
        return SEPARATOR.join([*labels, capfirst(str(text))])

    if name.startswith("cf_"):
        cf = definitions.get_field(doctype, name)
        if cf is None:
            return None
        kind = _custom_kind(cf)
        choice_map = dict(field_type(cf).choices(cf)) if kind == "choice" else {}
        return ReportField(
            path=path,
            label=label(cf.label),
            kind=kind,
            doctype=doctype,
            name=name,
            prefix=prefix,
            custom_field=cf,
            long_text=cf.field_type == FieldType.LONG_TEXT,
            choice_map=choice_map,
        )
    for computed in computed_fields(doctype):
        if computed.name == name:
            return ReportField(
                path=path,
                label=label(computed.label),
                kind=computed.kind,
                doctype=doctype,
                name=name,
                prefix=prefix,
                computed=computed,
                choice_map=dict(computed.choices()),
            )
    try:
        model_field = doctype.model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return None
    if not _usable(model_field):
        return None
    return ReportField(
        path=path,
        label=label(model_field.verbose_name),
        kind=_kind(model_field),
        doctype=doctype,
        name=name,
        prefix=prefix,
        model_field=model_field,
        sensitive=name in doctype.sensitive_fields,
        long_text=isinstance(model_field, models.TextField),
        choice_map=dict(model_field.flatchoices) if model_field.choices else {},
    )


def catalog(doctype, user):
    """Every field the user may use in a report on `doctype`, in order."""
    found = []

    def walk(current, prefix, labels, depth, seen):
        names = [f.name for f in current.model._meta.get_fields() if _usable(f)]
        names += [c.name for c in computed_fields(current)]
        names += [cf.param for cf in definitions.active_fields(current)]
        for name in names:
            report_field = _final(current, name, f"{prefix}{name}", prefix, labels)
            if report_field is None:
                continue
            if report_field.sensitive and not can_see_sensitive(user, current):
                continue
            found.append(report_field)
            if report_field.kind == "date" and report_field.computed is None:
                found.append(resolve(doctype, f"{report_field.path}__year", user))
            model_field = report_field.model_field
            if (
                depth < MAX_DEPTH
                and model_field is not None
                and model_field.many_to_one
            ):
                target = registry.get(model_field.related_model)
                if target is not None and target.model not in seen:
                    walk(
                        target,
                        f"{prefix}{name}__",
                        [*labels, capfirst(str(model_field.verbose_name))],
                        depth + 1,
                        seen | {target.model},
                    )

    walk(doctype, "", [], 0, {doctype.model})
    return found
