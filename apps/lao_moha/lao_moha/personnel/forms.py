"""Forms of the career actions, shared by the desk and the REST API.

Each form validates the user's input, then `apply()` calls the service;
errors the service raises are put back on the form's fields.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lao_moha.core import scope
from lao_moha.organization.models import OrgUnit, Position

from . import services
from .choices import ServiceStatus
from .models import GradeStepChange, SalaryGrade


class ActionForm(forms.Form):
    """Decision fields every action carries, and the error plumbing."""

    date_field = "effective_date"

    decision_no = forms.CharField(label=_("decision number"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("decision date"), required=False)
    reason = forms.CharField(label=_("reason"), max_length=300, required=False)

    def __init__(self, *args, target, user, **kwargs):
        # The official acted on, or for an undo the history row undone.
        self.target = self.official = target
        self.user = user
        super().__init__(*args, **kwargs)
        if self.date_field in self.fields:
            self.fields[self.date_field].initial = timezone.localdate()
        # Decision fields last, whatever the subclass declares.
        for name in ("decision_no", "decision_date", "reason"):
            self.fields[name] = self.fields.pop(name)

    def decision(self):
        data = self.cleaned_data
        return {
            "user": self.user,
            "decision_no": data.get("decision_no", ""),
            "decision_date": data.get("decision_date"),
            "reason": data.get("reason", ""),
        }

    def apply(self):
        """Run the action: the history row, or None with form errors."""
        if not self.is_valid():
            return None
        try:
            return self.run()
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
            else:
                self.add_error(None, error.messages)
            return None

    def run(self):
        raise NotImplementedError


def scoped_units(user):
    return scope.restrict(OrgUnit.objects.filter(is_active=True), user).order_by("path")


class TransferForm(ActionForm):
    to_unit = forms.ModelChoiceField(label=_("to unit"), queryset=OrgUnit.objects.none())
    effective_date = forms.DateField(label=_("effective date"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every active unit is offered: the service says clearly why a unit
        # outside the user's scope is refused, rather than hiding it.
        self.fields["to_unit"].queryset = OrgUnit.objects.filter(is_active=True).exclude(
            pk=self.official.unit_id).order_by("path")

    def run(self):
        data = self.cleaned_data
        return services.transfer(self.official, data["to_unit"], data["effective_date"],
                                 **self.decision())


class AppointmentForm(ActionForm):
    date_field = "start_date"

    position = forms.ModelChoiceField(label=_("position"), queryset=Position.objects.all())
    unit = forms.ModelChoiceField(
        label=_("unit"), queryset=OrgUnit.objects.none(), required=False,
        help_text=_("Leave empty to stay in the current unit."),
    )
    start_date = forms.DateField(label=_("from"))
    is_acting = forms.BooleanField(label=_("acting"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = scoped_units(self.user)

    def run(self):
        data = self.cleaned_data
        return services.appoint(
            self.official, data["position"], data["start_date"], unit=data.get("unit"),
            is_acting=data.get("is_acting", False), **self.decision())


class GradeStepForm(ActionForm):
    kind = forms.ChoiceField(
        label=_("kind"),
        choices=[(k.value, k.label) for k in GradeStepChange.Kind
                 if k not in (GradeStepChange.Kind.ENTRY, GradeStepChange.Kind.UNDO)],
    )
    grade = forms.TypedChoiceField(label=_("grade"), coerce=int, choices=())
    step = forms.IntegerField(label=_("step"), min_value=1)
    effective_date = forms.DateField(label=_("effective date"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [
            (g.number, g.label) for g in SalaryGrade.objects.order_by("number")]
        self.fields["grade"].initial = self.official.grade
        self.fields["step"].initial = (self.official.step or 0) + 1

    def run(self):
        data = self.cleaned_data
        return services.change_grade_step(
            self.official, data["grade"], data["step"], data["effective_date"],
            kind=data["kind"], **self.decision())


class StatusForm(ActionForm):
    status_to = forms.ChoiceField(label=_("new status"), choices=())
    effective_date = forms.DateField(label=_("effective date"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = services.STATUS_MOVES.get(self.official.status, set())
        self.fields["status_to"].choices = [
            (s.value, s.label) for s in ServiceStatus if s in allowed]

    def run(self):
        data = self.cleaned_data
        return services.change_status(self.official, data["status_to"],
                                      data["effective_date"], **self.decision())


class UndoForm(ActionForm):
    """Undo of a history row (the form's target)."""

    effective_date = forms.DateField(
        label=_("effective date"), required=False, help_text=_("Empty: today.")
    )

    def run(self):
        return services.undo(self.target, effective_date=self.cleaned_data.get("effective_date"),
                             **self.decision())




class DatedActionForm(ActionForm):
    """An action that needs only its date and decision."""

    effective_date = forms.DateField(label=_("effective date"))
    action = None

    def run(self):
        return type(self).action(self.official, self.cleaned_data["effective_date"],
                                 **self.decision())


class RaiseStepForm(DatedActionForm):
    action = services.raise_step


class RetireForm(DatedActionForm):
    action = services.retire


class StartLeaveForm(DatedActionForm):
    action = services.start_leave


class ReturnFromLeaveForm(DatedActionForm):
    action = services.return_from_leave


class PromoteGradeForm(ActionForm):
    effective_date = forms.DateField(label=_("effective date"))
    step = forms.IntegerField(label=_("step in the new grade"), min_value=1, initial=1)

    def run(self):
        data = self.cleaned_data
        return services.promote_grade(self.official, data["effective_date"],
                                      step=data["step"], **self.decision())


class WorkListForm(forms.Form):
    """Filters of a work list: how far ahead, and which unit subtree."""

    months = forms.IntegerField(label=_("within (months)"), min_value=0, max_value=600,
                                initial=6, required=False)
    unit = forms.ModelChoiceField(label=_("unit (with the units below it)"),
                                  queryset=OrgUnit.objects.none(), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = scoped_units(user)


#: REST actions on an official: {url segment: form}.
ACTION_FORMS = {
    "transfer": TransferForm,
    "appoint": AppointmentForm,
    "change-grade-step": GradeStepForm,
    "raise-step": RaiseStepForm,
    "promote-grade": PromoteGradeForm,
    "change-status": StatusForm,
    "retire": RetireForm,
    "start-leave": StartLeaveForm,
    "return-from-leave": ReturnFromLeaveForm,
}
