"""The import of a spreadsheet into any importable DocType: check every row,
then save all of them or none.

`check()` reads the file and lists every problem by sheet, row, column and
field in plain words, without writing anything. `commit()` checks again
inside one transaction and saves only when there is no problem at all, so
a file with one bad row changes nothing. Records are matched on the
DocType's `import_id_fields`: importing the same file twice updates, it
never duplicates.
"""

import contextlib
import logging
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import hooks as core_hooks
from .. import registry, scope
from ..exceptions import StaleRecordError
from . import hooks
from .columns import aliases, field_label, find_header, heading_key, map_columns
from .values import CellError, as_text, is_blank, parser_for, strip_honorific

logger = logging.getLogger(__name__)

# Words of a totals row below the data ("ລວມ" is "total").
TOTAL_WORDS = ("ລວມ", "ລວມທັງໝົດ", "ລວມຍອດ", "total", "tổngcộng", "tổng", "sum")
PROGRESS_EVERY = 200


@dataclass
class Problem:
    """One thing wrong with the file, said where it is."""

    sheet: str
    row: int | None
    column: str
    field: str
    value: str
    message: str

    def __str__(self):
        where = [self.sheet]
        if self.row:
            where.append(_("row {row}").format(row=self.row))
        if self.column:
            where.append(_("column {column}").format(column=self.column))
        if self.field:
            where.append(f"“{self.field}”")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class RowPlan:
    number: int
    instance: models.Model
    action: str  # "new", "update" or "unchanged"


@dataclass
class SheetPlan:
    name: str
    doctype: object
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    def summary(self):
        return {
            "sheet": self.name,
            "doctype": self.doctype.label,
            "label": str(self.doctype.model._meta.verbose_name_plural),
            "new": self.count("new"),
            "updated": self.count("update"),
            "unchanged": self.count("unchanged"),
            "notes": self.notes,
        }


class Rejected(Exception):
    """Raised inside the commit transaction to undo every write."""


class Report:
    """What an import found (and, after commit, did)."""

    def __init__(self):
        self.sheets = []
        self.problems = []
        self.committed = False

    @property
    def ok(self):
        return not self.problems

    def total(self, action):
        return sum(sheet.count(action) for sheet in self.sheets)

    def as_dict(self):
        return {
            "ok": self.ok,
            "committed": self.committed,
            "new": self.total("new"),
            "updated": self.total("update"),
            "unchanged": self.total("unchanged"),
            "sheets": [sheet.summary() for sheet in self.sheets],
            "problems": [asdict(p) for p in self.problems],
        }


def sheet_keys(doctype):
    opts = doctype.model._meta
    keys = {opts.model_name, opts.object_name, doctype.url_name, doctype.label}
    from django.conf import settings
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.update({str(opts.verbose_name), str(opts.verbose_name_plural)})
    return {heading_key(k) for k in keys}


def importable_doctypes():
    return [d for d in registry.all_doctypes() if d.importable]


def dependency_order(plans):
    """Sheets whose records others point to come first (officials before
    their evaluations)."""
    models_present = {p.doctype.model for p in plans}

    def depends_on(plan):
        return {
            f.related_model for f in plan.doctype.model._meta.concrete_fields
            if f.is_relation and f.related_model in models_present
            and f.related_model is not plan.doctype.model
        }

    ordered, remaining = [], list(plans)
    while remaining:
        placed = {p.doctype.model for p in ordered}
        ready = [p for p in remaining if depends_on(p) <= placed] or remaining[:1]
        ordered.append(ready[0])
        remaining.remove(ready[0])
    return ordered


class Importer:
    """Checks (and commits) sheets for one user.

    `doctype` is the record type chosen by the user: a CSV file or a
    workbook whose sheet names match no record type is read as it.
    Sheets named after other importable record types are read as those.
    """

    def __init__(self, sheets, doctype, user, progress=None):
        self.sheets = sheets
        self.doctype = doctype
        self.user = user
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        # {model: {lookup key: instance}} of records this import creates or
        # updates, so later sheets can point at them.
        self.pending = {}
        # A commit reports its check as the first half of the progress.
        self.committing = False

    # -- public -------------------------------------------------------------

    def check(self) -> Report:
        with contextlib.ExitStack() as stack:
            for wrapper in hooks.around_import:
                stack.enter_context(wrapper())
            self._run()
        return self.report

    def commit(self) -> Report:
        """Check and save in one transaction; on any problem save nothing."""
        self.committing = True
        try:
            with transaction.atomic(), contextlib.ExitStack() as stack:
                for wrapper in hooks.around_import:
                    stack.enter_context(wrapper())
                self._run()
                if not self.report.ok:
                    raise Rejected
                self._save()
        except Rejected:
            logger.info("Import refused: %d problems, nothing saved",
                        len(self.report.problems))
            return self.report
        self.report.committed = True
        logger.info("Import committed: %d new, %d updated, %d unchanged",
                    self.report.total("new"), self.report.total("update"),
                    self.report.total("unchanged"))
        return self.report

    # -- planning -----------------------------------------------------------

    def _assign_sheets(self):
        known = {key: d for d in importable_doctypes() for key in sheet_keys(d)}
        assigned, unmatched = [], []
        for sheet in self.sheets:
            if not any(any(not is_blank(c) for c in cells) for _n, cells in sheet.rows):
                continue
            doctype = known.get(heading_key(sheet.name))
            if doctype is not None:
                assigned.append((sheet, doctype))
            elif heading_key(sheet.name) not in help_sheet_keys():
                unmatched.append(sheet)
        if not assigned and unmatched:
            assigned.append((unmatched.pop(0), self.doctype))
        return assigned, unmatched

    def _run(self):
        self.report = Report()
        self.pending = {}
        assigned, unmatched = self._assign_sheets()
        for sheet in unmatched:
            self.report.problems.append(Problem(sheet.name, None, "", "", "", _(
                "This sheet was not read: its name is not a record type that can be "
                "imported. Rename it (for example “{example}”) or remove it."
            ).format(example=self.doctype.model._meta.verbose_name_plural)))
        if not assigned:
            self.report.problems.append(Problem("", None, "", "", "", _(
                "The file holds no data.")))
            return
        plans = dependency_order(
            [SheetPlan(sheet.name, doctype) for sheet, doctype in assigned])
        by_name = {sheet.name: sheet for sheet, _d in assigned}
        self.total_rows = sum(len(by_name[p.name].rows) for p in plans)
        self.done_rows = 0
        for plan in plans:
            SheetChecker(self, plan, by_name[plan.name]).run()
            self.report.sheets.append(plan)

    def tick(self, rows=1):
        self.done_rows += rows
        if self.done_rows % PROGRESS_EVERY < rows or self.done_rows == self.total_rows:
            scale = 2 if self.committing else 1
            self.progress(self.done_rows, self.total_rows * scale)

    # -- saving -------------------------------------------------------------

    def _save(self):
        self.saved, self.save_total = 0, sum(len(p.rows) for p in self.report.sheets)
        for plan in self.report.sheets:
            new = [row.instance for row in plan.rows if row.action == "new"]
            if new and bulk_safe(plan.doctype.model):
                self._bulk_create(plan.doctype.model, new)
            else:
                for row in plan.rows:
                    if row.action == "new":
                        row.instance.save()
                        self._saved(1)
            for row in plan.rows:
                if row.action == "update":
                    try:
                        row.instance.save()
                    except StaleRecordError:
                        self.report.problems.append(Problem(
                            plan.name, row.number, "", "", "", _(
                                "This record was changed by someone else during the "
                                "import; import the file again.")))
                        raise Rejected from None
                if row.action != "new":
                    self._saved(1)

    def _bulk_create(self, model, instances):
        """Insert new records with their audit rows, a batch at a time.

        Saving one by one spends most of its time in per-row audit and
        signal work; records written this way get the same authorship,
        derived fields and audit row. Apps learn of them through the
        records_imported signal instead of post_save.
        """
        from simple_history.utils import bulk_create_with_history

        for obj in instances:
            obj.created_by = obj.modified_by = self.user
        for start in range(0, len(instances), BULK_BATCH):
            batch = instances[start:start + BULK_BATCH]
            bulk_create_with_history(batch, model, batch_size=BULK_BATCH,
                                     default_user=self.user)
            records_imported.send(sender=model, instances=batch)
            self._saved(len(batch))

    def _saved(self, count):
        before, self.saved = self.saved, self.saved + count
        if self.saved // PROGRESS_EVERY > before // PROGRESS_EVERY or \
                self.saved == self.save_total:
            total = self.total_rows
            self.progress(total + self.saved * total // max(self.save_total, 1), total * 2)


BULK_BATCH = 500
#: Sent after new records were inserted in bulk (no post_save for them):
#: sender is the model, `instances` the saved records.
records_imported = Signal()


def bulk_safe(model):
    """Whether new records of `model` may be inserted without save().

    True when save() is the base DocTypeModel's, or when the model says its
    own save() adds nothing bulk insertion misses (`bulk_import_safe`).
    """
    from ..models import DocTypeModel

    return model.save is DocTypeModel.save or getattr(model, "bulk_import_safe", False)


def help_sheet_keys():
    """Names of the templates' help sheet (in every language): not data."""
    from django.conf import settings
    from django.utils import translation

    keys = {heading_key(w) for w in ("help", "ຄຳແນະນຳ", "hướng dẫn", "readme")}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.add(heading_key(_("Help")))
    return keys


class SheetChecker:
    """Checks the rows of one sheet against one DocType."""

    def __init__(self, importer, plan, sheet):
        self.importer = importer
        self.plan = plan
        self.sheet = sheet
        self.doctype = plan.doctype
        self.model = plan.doctype.model
        self.user = importer.user

    def problem(self, row, message, column=None, value=""):
        letter = column.letter if column else ""
        label = field_label(self.doctype, column.field) if column else ""
        self.importer.report.problems.append(Problem(
            self.plan.name, row, letter, label,
            "" if is_blank(value) else as_text(value)[:200], message))

    def problem_on(self, row, name, message, value=""):
        column = self.columns_by_field.get(name)
        if column is not None:
            self.problem(row, message, column, value)
        else:
            self.importer.report.problems.append(Problem(
                self.plan.name, row, "", field_label(self.doctype, name)
                if name in self.field_names else "", "", message))

    # -- the steps ----------------------------------------------------------

    def run(self):
        if not self.check_rights():
            return
        table = aliases(self.doctype)
        self.field_names = set(table.values())
        # Columns other apps add through core.hooks (custom fields): the
        # same import-export Field objects their export writes.
        self.extra_fields = core_hooks.apply("resource_fields", {}, self.doctype)
        for name, column in self.extra_fields.items():
            for key in (name, *getattr(column, "headings", ())):
                table.setdefault(heading_key(key), name)
        position, header = find_header(self.sheet.rows, table)
        if position is None:
            self.problem(None, _(
                "No heading row was found: the sheet needs a row of column headings "
                "such as those of the template for {doctype}."
            ).format(doctype=self.model._meta.verbose_name_plural))
            return
        header_number = self.sheet.rows[position][0]
        if position:
            self.plan.notes.append(_("Rows 1 to {last} above the headings were skipped as "
                                     "titles.").format(last=header_number - 1))
        self.columns, errors = map_columns(header, table, self.doctype)
        self.columns_by_field = {c.field: c for c in self.columns}
        for message in errors:
            self.problem(header_number, message)
        if errors or not self.check_key_columns(header_number):
            return
        rows = self.data_rows(self.sheet.rows[position + 1:])
        parsed = [self.parse_row(number, cells) for number, cells in rows]
        parsed = [row for row in parsed if row is not None]
        self.resolve_links(parsed)
        existing = self.find_existing(parsed)
        self.build(parsed, existing)
        self.check_unique_fields()

    def check_rights(self):
        opts = self.model._meta
        may_add = self.user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
        may_change = self.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        self.may_add, self.may_change = may_add, may_change
        if not (may_add or may_change):
            self.problem(None, _("You may not add or change {doctype}.").format(
                doctype=opts.verbose_name_plural))
            return False
        return True

    def check_key_columns(self, header_number):
        missing = [name for name in self.doctype.import_id_fields
                   if name != "id" and name not in self.columns_by_field]
        for name in missing:
            self.problem(header_number, _(
                "The column “{field}” is missing: it is needed to match each row to "
                "its record."
            ).format(field=field_label(self.doctype, name)))
        return not missing

    def data_rows(self, rows):
        """Rows holding data. Blank rows, and rows without a match key that
        are totals, section headings or signatures, are left out."""
        key_columns = [self.columns_by_field[n] for n in self.doctype.import_id_fields
                       if n in self.columns_by_field]
        result, skipped = [], []
        for number, cells in rows:
            self.importer.tick()
            values = [cells[c.index] if c.index < len(cells) else None for c in self.columns]
            if all(is_blank(v) for v in values):
                continue
            keys = [cells[c.index] for c in key_columns
                    if c.index < len(cells) and not is_blank(cells[c.index])]
            if any(heading_key(k).startswith(TOTAL_WORDS) for k in keys) or (
                    not keys and self.is_not_data(cells, values)):
                skipped.append(number)
                continue
            result.append((number, cells))
        if skipped:
            self.plan.notes.append(ngettext(
                "Row {rows} was skipped as a total, heading or signature.",
                "Rows {rows} were skipped as totals, headings or signatures.",
                len(skipped),
            ).format(rows=compact_numbers(skipped)))
        return result

    @staticmethod
    def is_not_data(cells, values):
        texts = [heading_key(c) for c in cells if not is_blank(c)]
        if any(t.startswith(TOTAL_WORDS) for t in texts):
            return True
        if any(isinstance(c, str) and c.startswith("=") for c in cells):
            return True
        filled = [v for v in values if not is_blank(v)]
        # A row of numbers only (counts, sums), or a lone heading or
        # signature line, under a list of people.
        numbers_only = all(isinstance(v, (int, float)) for v in filled)
        return numbers_only or len(filled) < 2

    def parser(self, name):
        parsers = self.__dict__.setdefault("_parsers", {})
        if name not in parsers:
            parsers[name] = parser_for(self.doctype, name)
        return parsers[name]

    def parse_row(self, number, cells):
        values, links, extras, failed = {}, {}, {}, False
        for column in self.columns:
            raw = cells[column.index] if column.index < len(cells) else None
            if is_blank(raw):
                continue
            if isinstance(raw, str) and raw.lstrip().startswith("="):
                self.problem(number, _(
                    "The cell holds a formula; paste its value instead (in the "
                    "spreadsheet: copy, then paste values only)."), column, raw)
                failed = True
                continue
            name = column.field
            if name in self.extra_fields:
                extras[name] = raw
                continue
            if name in self.doctype.import_lookups:
                links[name] = raw
                continue
            try:
                values[name] = self.parser(name)(raw)
            except CellError as error:
                self.problem(number, str(error), column, raw)
                failed = True
                continue
            if name in self.doctype.person_name_fields and isinstance(raw, str):
                _name, implied = strip_honorific(as_text(raw))
                if implied and "gender" in self.field_names:
                    values.setdefault("_implied_gender", implied)
        if "_implied_gender" in values:
            implied = values.pop("_implied_gender")
            values.setdefault("gender", implied)
        return {"number": number, "values": values, "links": links, "extras": extras,
                "failed": failed}

    # -- links --------------------------------------------------------------

    def resolve_links(self, parsed):
        for name, lookup in self.doctype.import_lookups.items():
            if name not in self.columns_by_field:
                continue
            related = self.model._meta.get_field(name).related_model
            wanted = {as_text(row["links"][name]) for row in parsed if name in row["links"]}
            found = self.fetch_related(related, lookup, wanted)
            column = self.columns_by_field[name]
            for row in parsed:
                if name not in row["links"]:
                    continue
                raw = row["links"][name]
                target = found.get(as_text(raw))
                if target is None:
                    self.problem(row["number"], self.unknown_message(related, lookup, raw),
                                 column, raw)
                    row["failed"] = True
                elif target is OUT_OF_SCOPE:
                    self.problem(row["number"], _(
                        "“{value}” is outside your units: you may not import records "
                        "for it."
                    ).format(value=as_text(raw)), column, raw)
                    row["failed"] = True
                else:
                    row["values"][name] = target

    def fetch_related(self, related, lookup, wanted):
        """{text as typed: instance, or OUT_OF_SCOPE} for the keys found."""
        found = {}
        pending = self.importer.pending.get(related, {})
        variants = {}
        max_length = getattr(related._meta.get_field(lookup), "max_length", None)
        for text in wanted:
            variants[text] = text
            # Spreadsheets drop leading zeros of codes typed as numbers
            # ("101" for district "0101").
            if max_length and text.isdigit() and len(text) < max_length:
                variants[text.zfill(max_length)] = text
        for key, text in variants.items():
            if key in pending:
                found.setdefault(text, pending[key])
        keys = [k for k in variants if variants[k] not in found]
        objects = {}
        for start in range(0, len(keys), 1000):
            chunk = keys[start:start + 1000]
            for obj in related._default_manager.filter(**{f"{lookup}__in": chunk}):
                objects[str(getattr(obj, lookup))] = obj
        visible = set()
        if objects and registry.get(related) is not None:
            restricted = scope.restrict(related._default_manager.filter(
                pk__in=[o.pk for o in objects.values()]), self.user)
            visible = set(restricted.values_list("pk", flat=True))
        else:
            visible = {o.pk for o in objects.values()}
        for key, obj in objects.items():
            found.setdefault(variants[key], obj if obj.pk in visible else OUT_OF_SCOPE)
        return found

    def unknown_message(self, related, lookup, raw):
        name = related._meta.verbose_name
        field = related._meta.get_field(lookup).verbose_name
        return _("There is no {model} with the {field} “{value}”.").format(
            model=name, field=field, value=as_text(raw))

    # -- matching existing records -----------------------------------------

    def key_of(self, values):
        key = []
        for name in self.doctype.import_id_fields:
            value = values.get(name)
            if isinstance(value, models.Model):
                value = ("pending", id(value)) if value.pk is None else value.pk
            key.append(value)
        return tuple(key)

    def find_existing(self, parsed):
        ids = self.doctype.import_id_fields
        first = ids[0]
        firsts = {}
        for row in parsed:
            value = row["values"].get(first)
            # Records new in this import (pk None) cannot exist yet.
            if row["failed"] or value is None or getattr(value, "pk", 0) is None:
                continue
            firsts[value.pk if isinstance(value, models.Model) else value] = value
        firsts = list(firsts.values())
        existing = {}
        for start in range(0, len(firsts), 1000):
            chunk = firsts[start:start + 1000]
            for obj in self.model._default_manager.filter(**{f"{first}__in": chunk}):
                key = tuple(
                    getattr(obj, self.model._meta.get_field(n).attname) if n != "id"
                    else obj.pk for n in ids)
                existing[key] = obj
        visible = set()
        if existing:
            visible = set(scope.restrict(self.model._default_manager.filter(
                pk__in=[o.pk for o in existing.values()]), self.user)
                .values_list("pk", flat=True))
        self.out_of_scope = {k for k, o in existing.items() if o.pk not in visible}
        return existing

    # -- building instances --------------------------------------------------

    def build(self, parsed, existing):
        seen = {}
        registry_pending = self.importer.pending.setdefault(self.model, {})
        lookup_keys = self.lookup_keys_for_pending()
        for row in parsed:
            number, values = row["number"], row["values"]
            if row["failed"]:
                continue
            key = self.key_of(values)
            if any(part is None for part in key) and self.doctype.import_id_fields != ("id",):
                for name, part in zip(self.doctype.import_id_fields, key, strict=True):
                    if part is None:
                        self.problem_on(number, name, _("This value is needed to match the "
                                                        "row to its record."))
                continue
            if key in seen and key != (None,):
                self.problem(number, _(
                    "This row repeats row {first} (same {fields})."
                ).format(first=seen[key], fields=", ".join(
                    field_label(self.doctype, n) for n in self.doctype.import_id_fields)),
                    self.columns_by_field.get(self.doctype.import_id_fields[0]),
                    values.get(self.doctype.import_id_fields[0]))
                continue
            seen[key] = number
            if key in self.out_of_scope:
                self.problem(number, _(
                    "This record already exists in a unit outside your units; it cannot "
                    "be imported from here."),
                    self.columns_by_field.get(self.doctype.import_id_fields[0]),
                    values.get(self.doctype.import_id_fields[0]))
                continue
            instance = existing.get(key)
            plan_row = self.make(number, instance, values, row["extras"])
            if plan_row is not None:
                self.plan.rows.append(plan_row)
                for lookup, attr in lookup_keys:
                    registry_pending[str(getattr(plan_row.instance, attr))] = plan_row.instance

    def lookup_keys_for_pending(self):
        """Lookups other DocTypes point at this one by (civil_service_no)."""
        keys = set()
        for other in importable_doctypes():
            for name, lookup in other.import_lookups.items():
                related = other.model._meta.get_field(name).related_model
                if related is self.model:
                    keys.add((lookup, lookup))
        return keys

    def make(self, number, instance, values, extras=None):
        opts = self.model._meta
        if instance is None:
            if not self.may_add:
                self.problem(number, _("You may not add {doctype}; this row is new.").format(
                    doctype=opts.verbose_name_plural))
                return None
            missing = [f.name for f in opts.concrete_fields
                       if f.name in self.field_names and not f.blank and not f.has_default()
                       and f.name not in values and f.name != "id" and f.editable]
            for name in missing:
                self.problem_on(number, name, _("This field is required for a new record."))
            if missing:
                return None
            instance = self.model(**{k: v for k, v in values.items() if k != "id"})
            action = "new"
        else:
            if not self.may_change:
                self.problem(number, _("You may not change {doctype}.").format(
                    doctype=opts.verbose_name_plural))
                return None
            changed = False
            for name, value in values.items():
                attname = opts.get_field(name).attname if name != "id" else "pk"
                current = getattr(instance, attname)
                new = value.pk if isinstance(value, models.Model) else value
                if current != new:
                    setattr(instance, name, value)
                    changed = True
            action = "update" if changed else "unchanged"
        if not self.apply_extras(number, instance, extras or {}):
            return None
        if action == "unchanged" and instance.custom_fields != self.loaded_custom:
            action = "update"
        if action != "unchanged" and not self.validate(number, instance, values):
            return None
        return RowPlan(number, instance, action)

    def apply_extras(self, number, instance, extras):
        """Write the hook columns (custom fields) of a row into the record."""
        self.loaded_custom = dict(getattr(instance, "custom_fields", None) or {})
        ok = True
        for name, raw in extras.items():
            field = self.extra_fields[name]
            try:
                field.save(instance, {field.column_name: as_text(raw)})
            except (ValueError, ValidationError) as error:
                messages = error.messages if isinstance(error, ValidationError) else [
                    str(error)]
                for message in messages:
                    self.problem(number, message, self.columns_by_field.get(name), raw)
                ok = False
        errors = core_hooks.apply("resource_validate", {}, instance, self.doctype)
        for name, message in errors.items():
            for text in (message if isinstance(message, (list, tuple)) else [message]):
                self.problem_on(number, name, str(text))
            ok = False
        return ok

    def validate(self, number, instance, values):
        # Links were resolved from the database or this file already; the
        # per-row existence query of full_clean is not repeated.
        exclude = [f.name for f in self.model._meta.concrete_fields if f.is_relation]
        try:
            instance.full_clean(exclude=exclude, validate_unique=False,
                                validate_constraints=False)
            scope.check_in_scope(self.user, instance)
        except ValidationError as error:
            messages = error.message_dict if hasattr(error, "error_dict") else {
                "__all__": error.messages}
            for name, texts in messages.items():
                for text in texts:
                    if name in self.field_names:
                        self.problem_on(number, name, text, values.get(name, ""))
                    else:
                        self.problem(number, text)
            return False
        return True

    def check_unique_fields(self):
        """Unique fields other than the match key: inside the file and against
        the records already in the database."""
        ids = set(self.doctype.import_id_fields)
        for model_field in self.model._meta.concrete_fields:
            if not model_field.unique or model_field.primary_key or model_field.name in ids \
                    or model_field.name not in self.columns_by_field:
                continue
            name = model_field.name
            first_row = {}
            by_value = {}
            for row in self.plan.rows:
                value = getattr(row.instance, model_field.attname)
                if value in (None, ""):
                    continue
                if value in first_row:
                    self.problem_on(row.number, name, _(
                        "Row {first} has the same value.").format(first=first_row[value]),
                        value)
                    continue
                first_row[value] = row.number
                by_value[value] = row
            values = list(by_value)
            for start in range(0, len(values), 1000):
                taken = self.model._default_manager.filter(
                    **{f"{name}__in": values[start:start + 1000]}).values_list(name, "pk")
                for value, pk in taken:
                    row = by_value[value]
                    if row.instance.pk != pk:
                        self.problem_on(row.number, name, _(
                            "Another record already has this value."), value)


OUT_OF_SCOPE = object()


def compact_numbers(numbers):
    """[3, 4, 5, 9] -> "3-5, 9"."""
    parts, start, previous = [], None, None
    for n in [*sorted(numbers), None]:
        if start is not None and n == previous + 1:
            previous = n
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = n
    return ", ".join(parts)
