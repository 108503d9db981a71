"""The workflow over REST: read a record's state, actions and log; act."""

from django.utils.translation import gettext
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from .. import workflow
from ..text import localized_name
from ..workflow_desk import transition_form, values_of
from .permissions import ActionPermission


def describe(instance, user):
    return {
        "state": instance.workflow_state.code if instance.workflow_state_id else None,
        "state_name": str(instance.workflow_state or ""),
        "stage": instance.stage,
        "actions": [
            {
                "action": transition.action,
                "name": localized_name(transition),
                "to_state": transition.to_state.code,
                "requires_comment": transition.requires_comment,
                "fields": [
                    name for name in transition_form(instance, transition, user).fields
                    if name != "comment"
                ],
                "blocked": blocked,
            }
            for transition, blocked in workflow.available_transitions(instance, user)
        ],
        "log": [
            {
                "at": entry.at,
                "user": entry.user.get_username() if entry.user else None,
                "action": entry.action,
                "from_state": entry.from_state,
                "to_state": entry.to_state,
                "comment": entry.comment,
            }
            for entry in workflow.history(instance)
        ],
    }


class WorkflowViewSetMixin:
    """GET <record>/workflow/ describes; POST {action, comment, fields...}
    takes the action."""

    @action(detail=True, methods=["get", "post"],
            permission_classes=[ActionPermission])
    def workflow(self, request, pk=None):
        instance = self.get_object()
        if request.method == "GET":
            return Response(describe(instance, request.user))
        name = request.data.get("action", "")
        transition = next(
            (t for t in workflow.transitions_from(instance) if t.action == name), None
        )
        if transition is None:
            return Response(
                {"action": [gettext("“{action}” is not possible from the record's "
                                    "state.").format(action=name)]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        refusal = workflow.actor_refusal(transition, instance, request.user)
        if refusal:
            raise workflow.WorkflowPermissionError(refusal)
        data = {f"t{transition.pk}-{key}": value for key, value in request.data.items()}
        form = transition_form(instance, transition, request.user, data=data)
        if not form.is_valid():
            return Response(form.errors, status=status.HTTP_400_BAD_REQUEST)
        workflow.apply(instance, name, request.user,
                       comment=form.cleaned_data["comment"], values=values_of(form))
        return Response(describe(instance, request.user))
