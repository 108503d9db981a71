"""The DocType declaration: one object per record type, every surface derived.

A declaration names its model and says how the record is listed, filtered,
searched, laid out, scoped to org units, imported and exposed over REST.
The desk admin, API viewset, serializer, filter set and import/export
resource are all generated from it (see admin_factory, api.factory and
resources).
"""

import re
from dataclasses import dataclass, field


@dataclass
class DocType:
    model: type
    #: Columns of the desk list and default REST ordering candidates.
    list_display: tuple = ()
    #: Fields offered as filters in the desk and the REST API.
    list_filter: tuple = ()
    #: Fields searched by the desk search box and `?search=` in the API.
    search_fields: tuple = ()
    #: Desk form layout: ((title, (field, ...)), ...). Empty: all fields.
    fieldsets: tuple = ()
    ordering: tuple = ()
    #: Links shown with each row (e.g. "unit"). Surfaces fetch them with
    #: prefetch_related: on MariaDB a join here makes the optimizer start
    #: from the small linked table and sort the whole registry for one page.
    select_related: tuple = ()
    autocomplete_fields: tuple = ()
    readonly_fields: tuple = ()
    #: Lookup from this record to the OrgUnit that owns it ("unit",
    #: "official__unit"); "self" for OrgUnit itself; None when unscoped.
    scope_path: str | None = None
    #: Fields shown only to users holding the DocType's
    #: `view_sensitive_<model>` permission (see core.access).
    sensitive_fields: tuple = ()
    #: The whole record is sensitive (discipline, family): only holders of
    #: `view_sensitive_<model>` see such records at all.
    sensitive: bool = False
    #: Extra permission verbs besides view/add/change/delete, such as
    #: ("submit", "approve"): `<verb>_<model>` permissions are created for
    #: them after migrate and roles receive them by core.roles' rules.
    actions: tuple = ()
    #: Role permissions that differ from the defaults of the app
    #: (core.roles): {"province_hr": ("view", "add"), "viewer": ()}.
    roles: dict = field(default_factory=dict)
    #: Only holders of change permission edit it; others read (reference data).
    reference_data: bool = False
    importable: bool = True
    #: Natural key used by import to update instead of duplicate.
    import_id_fields: tuple = ("id",)
    #: FK fields resolved by a natural key on import/export: {field: "code"}.
    import_lookups: dict = field(default_factory=dict)
    #: Other headings a column may carry in imported files, by field
    #: (Lao headings of provincial spreadsheets): {"gender": ("ເພດ",)}.
    import_aliases: dict = field(default_factory=dict)
    #: Other spellings of choice values in imported files, by field:
    #: {"gender": {"ຊາຍ": "M", "ຍິງ": "F"}}.
    import_value_aliases: dict = field(default_factory=dict)
    #: Fields holding a person's name: leading titles (ທ່ານ, ທ້າວ, ນາງ) are
    #: dropped on import.
    person_name_fields: tuple = ()
    #: Child DocTypes edited inline on the desk form: models, or `Inline`
    #: specs for read-only or differently laid out ones.
    inlines: tuple = ()
    #: Lookup from this record to the user it belongs to ("user"); such
    #: records are shown to that user only (notifications, preferences).
    owner_field: str | None = None
    #: Columns when shown inline in a parent's form (default: list_display).
    inline_fields: tuple = ()
    #: Shown inline but never edited there (rows written by actions).
    inline_readonly: bool = False
    #: Files can be attached to its records (see core/attachments.py).
    attachable: bool = False
    #: Records written by services only (awards conferred by a decision):
    #: the desk and REST show and export them, never add, change or delete.
    read_only: bool = False
    api: bool = True
    #: Classes mixed into the generated desk admin and REST viewset, for
    #: the record type's own actions (transfer an official, undo …).
    admin_mixins: tuple = ()
    api_mixins: tuple = ()
    #: Plural, hyphenated URL segment; derived from the model when empty.
    url_name: str = ""
    menu_icon: str = "description"

    def __post_init__(self):
        if not self.url_name:
            self.url_name = plural_slug(self.model.__name__)

    @property
    def label(self):
        return f"{self.model._meta.app_label}.{self.model.__name__}"

    @property
    def app_label(self):
        return self.model._meta.app_label

    def field_names(self):
        """Concrete editable fields, in model order, for forms and resources."""
        skip = {"id", "created_at", "modified_at", "created_by", "modified_by",
                "version", "custom_fields"}
        return [
            f.name
            for f in self.model._meta.get_fields()
            if getattr(f, "concrete", False)
            and not f.auto_created
            and f.editable
            and f.name not in skip
        ]


@dataclass
class Inline:
    """A child model shown on a parent's desk form, possibly read-only."""

    model: type
    fields: tuple = ()
    #: Shown, never added, changed or deleted from the parent's form.
    readonly: bool = False
    fk_name: str | None = None


def plural_slug(class_name):
    """"OrgUnit" -> "org-units", "Category" -> "categories"."""
    words = re.sub(r"(?<!^)(?=[A-Z])", "-", class_name).lower()
    if re.search(r"[^aeiou]y$", words):
        return words[:-1] + "ies"
    if re.search(r"(s|x|ch|sh)$", words):
        return words + "es"
    return words + "s"
