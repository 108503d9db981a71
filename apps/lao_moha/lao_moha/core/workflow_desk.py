"""The workflow on the desk: the panel on a record's page and its actions."""

from django import forms
from django.contrib import messages
from django.forms.models import fields_for_model
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import scope, workflow


class TransitionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(
        attrs={"rows": 2}))


def transition_form(instance, transition, user, data=None):
    """The comment box plus the fields the target state requires and the
    record still lacks, as a plain form (nothing is saved by it)."""
    target = transition.to_state
    missing = [
        name for name in target.required_field_names()
        if getattr(instance, name, None) in (None, "")
    ]
    fields = fields_for_model(type(instance), fields=missing)
    for field in fields.values():
        field.required = True
        if hasattr(field, "queryset"):
            field.queryset = scope.restrict(field.queryset, user)
    form_class = type("TransitionForm", (TransitionForm,), fields)
    return form_class(data, prefix=f"t{transition.pk}")


def values_of(form):
    return {name: value for name, value in form.cleaned_data.items() if name != "comment"}


class WorkflowAdminMixin:
    """Adds the workflow panel, its action view, and locks records whose
    state is not editable."""

    change_form_outer_before_template = "core/workflow_panel.html"

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/workflow/",
                self.admin_site.admin_view(self.workflow_view),
                name=f"{opts.app_label}_{opts.model_name}_workflow",
            ),
            *super().get_urls(),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if "workflow_state" in fields else (*fields, "workflow_state")

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.workflow_state_id and not obj.workflow_state.editable:
            return False
        return super().has_change_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            obj = self.get_object(request, object_id)
            if obj is not None:
                extra_context["workflow_panel"] = self.workflow_panel(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def workflow_panel(self, request, obj):
        opts = self.model._meta
        return {
            "state": obj.workflow_state,
            "actions": [
                {
                    "transition": transition,
                    "blocked": blocked,
                    "form": transition_form(obj, transition, request.user),
                }
                for transition, blocked in workflow.available_transitions(obj, request.user)
            ],
            "log": workflow.history(obj),
            "url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_workflow", args=[obj.pk]
            ),
        }

    def workflow_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        opts = self.model._meta
        back = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        action = request.POST.get("action", "")
        transition = next(
            (t for t in workflow.transitions_from(obj) if t.action == action), None
        )
        if transition is None:
            self.message_user(request, _("This action is no longer possible."),
                              messages.ERROR)
            return HttpResponseRedirect(back)
        refusal = workflow.actor_refusal(transition, obj, request.user)
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return HttpResponseRedirect(back)
        form = transition_form(obj, transition, request.user, data=request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else field
                self.message_user(request, f"{label}: {' '.join(errors)}", messages.ERROR)
            return HttpResponseRedirect(back)
        try:
            log = workflow.apply(obj, action, request.user,
                                 comment=form.cleaned_data["comment"], values=values_of(form))
        except (workflow.WorkflowError, workflow.WorkflowPermissionError) as error:
            text = " ".join(error.messages) if hasattr(error, "messages") else str(error)
            self.message_user(request, text, messages.ERROR)
        else:
            self.message_user(
                request,
                _("“{action}” done: the record is now at “{state}”.").format(
                    action=log.action, state=log.to_state),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(back)
