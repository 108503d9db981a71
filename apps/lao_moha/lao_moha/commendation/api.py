"""REST actions of commendation records, beside the generated CRUD: each
calls the same service as the desk."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from rest_framework.decorators import action
from rest_framework.response import Response

from lao_moha.core.api.permissions import ActionPermission
from lao_moha.core.pdf import pdf_response

from . import eligibility, pdf
from .services import council as council_service
from .services import decisions as decision_service
from .services import proposals as proposal_service
from .services import revocation as revocation_service


def findings(nominee):
    return {
        "nominee": nominee.pk,
        "name": str(nominee),
        "status": nominee.status,
        "overridden": nominee.overridden,
        "checks": [
            {"criterion": f.label, "passed": f.passed, "reason": f.reason}
            for f in eligibility.evaluate(nominee)
        ],
    }


def required(data, name):
    value = str(data.get(name, "")).strip()
    if not value:
        raise ValidationError({name: [gettext("This field is required.")]})
    return value


class ProposalViewSetMixin:
    @action(detail=True, methods=["get"], url_path="eligibility",
            permission_classes=[ActionPermission])
    def eligibility_report(self, request, pk=None):
        """Each nominee against each criterion, computed now."""
        proposal = self.get_object()
        return Response([findings(n) for n in proposal.nominees.all()])

    @action(detail=True, methods=["post"], url_path="draft-decision",
            permission_classes=[ActionPermission])
    def draft_decision(self, request, pk=None):
        from .desk import DraftDecisionForm

        proposal = self.get_object()
        if not request.user.has_perm("commendation.add_awarddecision"):
            return Response(status=403)
        form = DraftDecisionForm(request.data)
        if not form.is_valid():
            return Response(form.errors, status=400)
        decision = decision_service.draft_decision([proposal], request.user,
                                                   **form.cleaned_data)
        return Response({"decision": decision.pk}, status=201)


class NomineeViewSetMixin:
    @action(detail=True, methods=["post"], permission_classes=[ActionPermission])
    def override(self, request, pk=None):
        nominee = proposal_service.override_eligibility(
            self.get_object(), request.user, request.data.get("reason", ""))
        return Response({"status": nominee.status, "override_at": nominee.override_at})

    @action(detail=True, methods=["post"], permission_classes=[ActionPermission])
    def vote(self, request, pk=None):
        nominee = self.get_object()
        vote = council_service.cast_vote(nominee, request.user, request.data.get("choice"),
                                         request.data.get("comment", ""))
        return Response({"choice": vote.choice,
                         "tally": council_service.tally(nominee)})


class DecisionViewSetMixin:
    def _done(self, decision, status=200):
        return Response(self.get_serializer(decision).data, status=status)

    @action(detail=True, methods=["post"], permission_classes=[ActionPermission])
    def issue(self, request, pk=None):
        return self._done(decision_service.issue_decision(self.get_object(), request.user))

    @action(detail=True, methods=["post"], permission_classes=[ActionPermission])
    def cancel(self, request, pk=None):
        return self._done(decision_service.cancel_decision(
            self.get_object(), request.user, request.data.get("reason", "")))

    @action(detail=True, methods=["post"], permission_classes=[ActionPermission])
    def amend(self, request, pk=None):
        return self._done(
            decision_service.amend_decision(self.get_object(), request.user), status=201)

    @action(detail=True, methods=["post"], permission_classes=[ActionPermission])
    def revoke(self, request, pk=None):
        """Revoke the whole decision, or one award with {"award": id}."""
        decision = self.get_object()
        fields = {
            "reason": required(request.data, "reason"),
            "items_to_return": request.data.get("items_to_return", ""),
            "reference": request.data.get("reference", ""),
        }
        if request.data.get("award"):
            award = get_object_or_404(decision.awards, pk=request.data["award"])
            revocation = revocation_service.revoke_award(award, request.user, **fields)
        else:
            revocation = revocation_service.revoke_decision(decision, request.user, **fields)
        return Response({"revocation": revocation.pk}, status=201)

    @action(detail=True, methods=["get"], url_path="pdf")
    def document(self, request, pk=None):
        decision = self.get_object()
        return pdf_response(pdf.decision_pdf(decision), pdf.decision_filename(decision))
