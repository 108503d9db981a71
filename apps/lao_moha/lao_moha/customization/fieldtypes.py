"""What each custom-field type does: its form field, how a value is stored
in the JSON column, read back, shown, parsed from a file or the API, and
which column type indexes it on MariaDB.

Every surface validates through `clean_external` or the form field made
here, so a value is checked the same way in the desk, the API and imports.
"""

import datetime
import decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from unfold import widgets

from lao_moha.core import scope

from .choices import FieldType

TRUE_WORDS = {"1", "true", "yes", "y", "x", "ແມ່ນ", "có", "co", "✓"}
FALSE_WORDS = {"0", "false", "no", "n", "ບໍ່", "ບໍ່ແມ່ນ", "không", "khong"}
#: Above this many linkable records, a link is typed as a key, not picked.
LINK_SELECT_LIMIT = 300


class BaseType:
    code = None
    #: Model field describing the stored value to the ORM (casts, sums).
    output_field = models.CharField()
    #: SQL type of the MariaDB generated column; None: not indexable.
    column_sql = None
    numeric = False

    def formfield(self, cf, user=None):
        field = self.make_formfield(cf, user)
        field.label = cf.label
        field.help_text = cf.help_text
        field.required = cf.required and self.code != FieldType.CHECK
        return field

    def make_formfield(self, cf, user):
        raise NotImplementedError

    def to_json(self, value):
        """A cleaned Python value -> what is stored in the JSON column."""
        return value

    def to_python(self, stored):
        """A stored JSON value -> the Python value a form shows."""
        return stored

    def initial(self, cf, stored, formfield):
        return self.to_python(stored)

    def display(self, cf, stored):
        """A stored value as a person reads it."""
        return "" if stored in (None, "") else str(stored)

    def export(self, cf, stored):
        """A stored value as written to a file that can be imported back."""
        return "" if stored is None else stored

    def prepare_external(self, cf, raw, user):
        """Normalise a value from a file or the API before the form field
        checks it."""
        return raw.strip() if isinstance(raw, str) else raw

    def clean_external(self, cf, raw, user=None):
        """Check a value from a file or the API; returns the value to store,
        or None for empty. Raises ValidationError in plain words."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        value = self.prepare_external(cf, raw, user)
        cleaned = self.formfield(cf, user).clean(value)
        return self.empty_to_none(self.to_json(cleaned))

    def empty_to_none(self, value):
        return None if value in ("", None) else value

    def parse_default(self, cf):
        """The default as a stored value (None without one)."""
        if not cf.default:
            return None
        return self.clean_external(cf, cf.default)

    def stored_from_form(self, cleaned):
        return self.empty_to_none(self.to_json(cleaned))


class TextType(BaseType):
    code = FieldType.TEXT
    column_sql = "VARCHAR(255)"

    def make_formfield(self, cf, user):
        return forms.CharField(
            max_length=255, widget=widgets.UnfoldAdminTextInputWidget
        )


class LongTextType(BaseType):
    code = FieldType.LONG_TEXT
    output_field = models.TextField()

    def make_formfield(self, cf, user):
        return forms.CharField(
            max_length=5000, widget=widgets.UnfoldAdminTextareaWidget(attrs={"rows": 3})
        )


class IntegerType(BaseType):
    code = FieldType.INTEGER
    output_field = models.BigIntegerField()
    column_sql = "BIGINT"
    numeric = True

    def make_formfield(self, cf, user):
        # JSON numbers above 2**53 lose digits in browsers and spreadsheets.
        return forms.IntegerField(
            min_value=-(2**53),
            max_value=2**53,
            widget=widgets.UnfoldAdminIntegerFieldWidget,
        )

    def prepare_external(self, cf, raw, user):
        if isinstance(raw, bool):
            raise ValidationError(_("Enter a whole number."))
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        return super().prepare_external(cf, raw, user)


class DecimalType(BaseType):
    code = FieldType.DECIMAL
    output_field = models.DecimalField(max_digits=20, decimal_places=6)
    column_sql = "DECIMAL(20,6)"
    numeric = True

    def make_formfield(self, cf, user):
        return forms.DecimalField(
            max_digits=20,
            decimal_places=6,
            widget=widgets.UnfoldAdminDecimalFieldWidget,
        )

    def prepare_external(self, cf, raw, user):
        if isinstance(raw, bool):
            raise ValidationError(_("Enter a number."))
        if isinstance(raw, float):
            return decimal.Decimal(repr(raw))
        return super().prepare_external(cf, raw, user)

    def to_json(self, value):
        # Kept as text: JSON numbers are binary floats and would change cents.
        return None if value is None else format(value.normalize(), "f")

    def to_python(self, stored):
        return None if stored in (None, "") else decimal.Decimal(str(stored))


class DateType(BaseType):
    code = FieldType.DATE
    output_field = models.DateField()
    column_sql = "DATE"

    def make_formfield(self, cf, user):
        return forms.DateField(widget=widgets.UnfoldAdminSingleDateWidget)

    def prepare_external(self, cf, raw, user):
        if isinstance(raw, datetime.datetime):
            return raw.date()
        return super().prepare_external(cf, raw, user)

    def to_json(self, value):
        return value.isoformat() if value else None

    def to_python(self, stored):
        if not stored:
            return None
        try:
            return datetime.date.fromisoformat(stored)
        except (TypeError, ValueError):
            return None


class CheckType(BaseType):
    code = FieldType.CHECK
    output_field = models.BooleanField()
    column_sql = "TINYINT(1)"

    def make_formfield(self, cf, user):
        return forms.BooleanField(
            required=False, widget=widgets.UnfoldBooleanSwitchWidget
        )

    def prepare_external(self, cf, raw, user):
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int | float) and raw in (0, 1):
            return bool(raw)
        word = str(raw).strip().casefold()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValidationError(
            _("“{value}” is not yes or no; write 1 or 0.").format(value=raw)
        )

    def to_json(self, value):
        return bool(value)

    def stored_from_form(self, cleaned):
        return bool(cleaned)

    def display(self, cf, stored):
        if stored is None:
            return ""
        return _("Yes") if stored else _("No")

    def export(self, cf, stored):
        return "" if stored is None else int(bool(stored))


class SelectType(BaseType):
    code = FieldType.SELECT
    column_sql = "VARCHAR(255)"

    def choices(self, cf):
        return [(o["value"], cf.option_label(o["value"])) for o in cf.options or ()]

    def make_formfield(self, cf, user):
        return forms.ChoiceField(
            choices=[("", "---------"), *self.choices(cf)],
            widget=widgets.UnfoldAdminSelectWidget,
        )

    def prepare_external(self, cf, raw, user):
        # Files carry either the value or a label in any of the languages.
        text = str(raw).strip()
        for option in cf.options or ():
            names = [option.get("value")] + [
                option.get(f"label_{code}") for code in ("lo", "en", "vi")
            ]
            if any(name and name.casefold() == text.casefold() for name in names):
                return option["value"]
        return text

    def display(self, cf, stored):
        return "" if stored in (None, "") else str(cf.option_label(stored))


class LinkField(forms.Field):
    """A record of the linked DocType, typed as its key or picked from a list,
    limited to the records the user may see."""

    def __init__(self, queryset, key_field, **kwargs):
        self.queryset = queryset
        self.key_field = key_field
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, models.Model):
            value = value.pk
        found = None
        if isinstance(value, int) and not isinstance(value, bool):
            found = self.queryset.filter(pk=value).first()
        text = str(value).strip()
        if found is None and self.key_field and self.key_field != "id":
            found = self.queryset.filter(**{self.key_field: text}).first()
        if found is None and text.isdigit():
            found = self.queryset.filter(pk=int(text)).first()
        if found is None:
            raise ValidationError(
                _("No {doctype} “{value}” that you may see.").format(
                    doctype=self.queryset.model._meta.verbose_name, value=text
                )
            )
        return found


class LinkType(BaseType):
    code = FieldType.LINK
    output_field = models.BigIntegerField()
    column_sql = "BIGINT"

    def queryset(self, cf, user):
        target = cf.get_link_doctype()
        queryset = target.model._default_manager.all()
        return scope.restrict(queryset, user) if user is not None else queryset

    def key_field(self, cf):
        target = cf.get_link_doctype()
        return target.import_id_fields[0] if target.import_id_fields else "id"

    def make_formfield(self, cf, user):
        queryset = self.queryset(cf, user)
        if queryset.count() <= LINK_SELECT_LIMIT:
            return forms.ModelChoiceField(
                queryset=queryset, widget=widgets.UnfoldAdminSelectWidget
            )
        return LinkField(
            queryset, self.key_field(cf), widget=widgets.UnfoldAdminTextInputWidget
        )

    def clean_external(self, cf, raw, user=None):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        field = LinkField(self.queryset(cf, user), self.key_field(cf))
        return field.clean(raw).pk

    def to_json(self, value):
        return value.pk if value is not None else None

    def initial(self, cf, stored, formfield):
        if stored in (None, "") or isinstance(formfield, forms.ModelChoiceField):
            return stored
        return self.export(cf, stored)

    def target(self, cf, stored):
        if stored in (None, ""):
            return None
        model = cf.get_link_doctype().model
        return model._default_manager.filter(pk=stored).first()

    def display(self, cf, stored):
        if stored in (None, ""):
            return ""
        target = self.target(cf, stored)
        return str(target) if target is not None else f"#{stored}"

    def export(self, cf, stored):
        target = self.target(cf, stored)
        if target is None:
            return ""
        return getattr(target, self.key_field(cf), target.pk)


TYPES = {
    t.code: t
    for t in (
        TextType(),
        LongTextType(),
        IntegerType(),
        DecimalType(),
        DateType(),
        CheckType(),
        SelectType(),
        LinkType(),
    )
}


def field_type(cf):
    return TYPES[cf.field_type]
