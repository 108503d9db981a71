"""Desk forms of the customization app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lao_moha.core import registry

from .models import CustomField


def doctype_choices():
    choices = [
        (d.label, f"{d.model._meta.verbose_name_plural} ({d.label})")
        for d in registry.all_doctypes()
    ]
    return sorted(choices, key=lambda c: str(c[1]))


class OptionsField(forms.CharField):
    """Options typed one per line: value | Lao | English | Vietnamese."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(
                " | ".join(
                    o.get(k, "") for k in ("value", "label_lo", "label_en", "label_vi")
                ).rstrip(" |")
                for o in value
            )
        return value

    def to_python(self, value):
        options = []
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) > 4 or not parts[0]:
                raise forms.ValidationError(
                    _(
                        "Line {number}: write value | Lao | English | Vietnamese."
                    ).format(number=number)
                )
            parts += [""] * (4 - len(parts))
            value_, label_lo, label_en, label_vi = parts
            options.append(
                {
                    "value": value_,
                    "label_lo": label_lo or value_,
                    "label_en": label_en,
                    "label_vi": label_vi,
                }
            )
        return options


class CustomFieldForm(forms.ModelForm):
    doctype = forms.ChoiceField(label=_("record type"), choices=doctype_choices)
    link_doctype = forms.ChoiceField(
        label=_("linked record type"),
        choices=lambda: [("", "---------"), *doctype_choices()],
        required=False,
    )
    options = OptionsField(
        label=_("options"),
        required=False,
        help_text=_(
            "For a choice from a list, one option per line: "
            "value | Lao | English | Vietnamese."
        ),
    )

    class Meta:
        model = CustomField
        fields = "__all__"
