"""Plain Django forms dressed in the desk's (unfold's) widgets."""

from django import forms
from unfold import widgets

WIDGETS = [
    (forms.ModelChoiceField, widgets.UnfoldAdminSelectWidget),
    (forms.ChoiceField, widgets.UnfoldAdminSelectWidget),
    (forms.DateField, widgets.UnfoldAdminSingleDateWidget),
    (forms.BooleanField, widgets.UnfoldBooleanWidget),
    (forms.IntegerField, widgets.UnfoldAdminIntegerFieldWidget),
    (forms.FileField, widgets.UnfoldAdminFileFieldWidget),
    (forms.CharField, widgets.UnfoldAdminTextInputWidget),
]


def desk_styled(form):
    """Give each field of `form` the desk widget of its kind; returns it."""
    for bound in form.fields.values():
        for field_class, widget_class in WIDGETS:
            if isinstance(bound, field_class):
                choices = getattr(bound.widget, "choices", None)
                bound.widget = widget_class()
                if choices is not None:
                    bound.widget.choices = choices
                break
    return form
