"""Custom fields: fields administrators add to a DocType without code."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lao_moha.core import registry

from ..choices import FieldType

#: A key is used as a JSON key, a column header and an API name; keeping it
#: to lower-case ASCII also makes it safe inside a MariaDB JSON path.
KEY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
KEY_VALIDATOR = RegexValidator(
    KEY_PATTERN,
    _(
        "Use lower-case Latin letters, digits and “_”, starting with a letter "
        "(at most 40)."
    ),
)
#: Types whose values can be indexed and filtered on.
FILTERABLE_TYPES = {
    FieldType.TEXT,
    FieldType.INTEGER,
    FieldType.DECIMAL,
    FieldType.DATE,
    FieldType.CHECK,
    FieldType.SELECT,
    FieldType.LINK,
}


class CustomField(models.Model):
    """A field an administrator added to a record type in the desk.

    Its values live in the record type's `custom_fields` JSON column under
    `name`. Removing a field hides it and keeps the values until an
    administrator purges them.
    """

    doctype = models.CharField(
        _("record type"),
        max_length=100,
        help_text=_("The kind of record that gets the field, such as officials."),
    )
    name = models.CharField(
        _("key"),
        max_length=40,
        validators=[KEY_VALIDATOR],
        help_text=_(
            "Names the field in imports, exports, the API and reports; "
            "renaming it keeps the values."
        ),
    )
    field_type = models.CharField(_("type"), max_length=20, choices=FieldType.choices)
    label_lo = models.CharField(_("label (Lao)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)
    label_vi = models.CharField(_("label (Vietnamese)"), max_length=200, blank=True)
    help_lo = models.CharField(_("help (Lao)"), max_length=500, blank=True)
    help_en = models.CharField(_("help (English)"), max_length=500, blank=True)
    help_vi = models.CharField(_("help (Vietnamese)"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    default = models.CharField(
        _("default value"),
        max_length=255,
        blank=True,
        help_text=_(
            "Written as it would be typed in the form; for a choice, its "
            "value; for a date, YYYY-MM-DD."
        ),
    )
    options = models.JSONField(
        _("options"),
        default=list,
        blank=True,
        help_text=_("For a choice from a list: the values and their labels."),
    )
    link_doctype = models.CharField(_("linked record type"), max_length=100, blank=True)
    show_in_list = models.BooleanField(_("shown in the list"), default=False)
    filterable = models.BooleanField(
        _("filterable"),
        default=False,
        help_text=_(
            "Offered as a filter in lists and the API, and indexed so "
            "that filtering stays fast."
        ),
    )
    section = models.CharField(
        _("form section"),
        max_length=100,
        blank=True,
        help_text=_(
            "Title of the form section to place the field in; an "
            "existing section's title adds it there. Empty: “Additional "
            "information”."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=100, help_text=_("Smaller numbers come first.")
    )
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    # Keys the field had before renames, so old audit entries stay readable.
    previous_names = models.JSONField(
        _("previous keys"), default=list, blank=True, editable=False
    )
    # The key the MariaDB generated column was built for; empty when there
    # is no index. Differs from `name` while a rename is being applied.
    indexed_key = models.CharField(
        _("indexed key"), max_length=40, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("custom field")
        verbose_name_plural = _("custom fields")
        ordering = ["doctype", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["doctype", "name"], name="unique_custom_field_key"
            )
        ]

    def __str__(self):
        return f"{self.label} ({self.name})"

    def save(self, *args, **kwargs):
        # A key and the values stored under it move together, whichever
        # path renames the field.
        from ..lifecycle import move_values

        with transaction.atomic():
            old_name = None
            if not self._state.adding:
                old_name = (
                    type(self)
                    ._base_manager.filter(pk=self.pk)
                    .values_list("name", flat=True)
                    .first()
                )
            if old_name and old_name != self.name:
                if old_name not in self.previous_names:
                    self.previous_names = [*self.previous_names, old_name]
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {
                        *kwargs["update_fields"],
                        "previous_names",
                    }
            super().save(*args, **kwargs)
            if old_name and old_name != self.name:
                move_values(self, old_name)

    def clean(self):
        from ..fieldtypes import field_type

        errors = {}
        doctype = registry.by_label(self.doctype or "")
        if doctype is None:
            errors["doctype"] = _("Choose a record type from the list.")
        if self.field_type == FieldType.LINK:
            if registry.by_label(self.link_doctype or "") is None:
                errors["link_doctype"] = _(
                    "A link field needs the record type it links to."
                )
        elif self.link_doctype:
            errors["link_doctype"] = _("Only a link field links to a record type.")
        if self.field_type == FieldType.SELECT:
            errors.update(self._clean_options())
        elif self.options:
            errors["options"] = _("Only a choice field has options.")
        if self.filterable and self.field_type not in FILTERABLE_TYPES:
            errors["filterable"] = _("Long text cannot be filtered on; use text.")
        if doctype is not None and self.name:
            clash = {f.name for f in doctype.model._meta.get_fields()}
            taken = (
                type(self)
                ._base_manager.filter(doctype=self.doctype, name=self.name)
                .exclude(pk=self.pk)
            )
            if taken.exists():
                # Removed fields keep their key until purged: their values
                # still sit under it.
                errors["name"] = _(
                    "Another field of this record type already uses the key “{name}”."
                ).format(name=self.name)
            elif self.name in clash:
                errors["name"] = _("“{name}” is already a field of {doctype}.").format(
                    name=self.name, doctype=doctype.model._meta.verbose_name_plural
                )
        if self.default and self.field_type and "options" not in errors:
            try:
                field_type(self).parse_default(self)
            except ValidationError as error:
                errors["default"] = error.messages
        if errors:
            raise ValidationError(errors)

    def _clean_options(self):
        if not isinstance(self.options, list) or not self.options:
            return {"options": _("A choice field needs at least one option.")}
        seen = set()
        for option in self.options:
            value = option.get("value", "") if isinstance(option, dict) else ""
            if not value or not option.get("label_lo"):
                return {"options": _("Every option needs a value and a Lao label.")}
            if value in seen:
                return {
                    "options": _("The option “{value}” is listed twice.").format(
                        value=value
                    )
                }
            seen.add(value)
        return {}

    @property
    def label(self):
        return self._in_language("label") or self.name

    @property
    def help_text(self):
        return self._in_language("help")

    def _in_language(self, prefix):
        language = (translation.get_language() or "lo")[:2]
        order = {"lo": ("lo", "en", "vi"), "vi": ("vi", "en", "lo")}.get(
            language, ("en", "lo", "vi")
        )
        for code in order:
            value = getattr(self, f"{prefix}_{code}")
            if value:
                return value
        return ""

    def option_label(self, value):
        for option in self.options or ():
            if option.get("value") == value:
                language = (translation.get_language() or "lo")[:2]
                return (
                    option.get(f"label_{language}")
                    or option.get("label_en")
                    or option.get("label_lo")
                    or value
                )
        return value

    @property
    def is_active(self):
        return self.removed_at is None

    @property
    def param(self):
        """The name the field goes by in forms, filters and columns."""
        return f"cf_{self.name}"

    @property
    def index_column(self):
        """The indexed generated column holding this field, when it is built
        for the current key; None means filter through the JSON column."""
        if self.indexed_key and self.indexed_key == self.name and self.is_active:
            return f"cf_{self.pk}"
        return None

    def get_doctype(self):
        return registry.by_label(self.doctype)

    def get_link_doctype(self):
        return registry.by_label(self.link_doctype) if self.link_doctype else None
