"""Desk screens of commendation beyond the generated forms: the proposal's
eligibility and council panel, the decision's submit/cancel/amend/revoke
panel and PDFs, award revocation and the statistics page."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from unfold.decorators import action

from lao_moha.core import scope
from lao_moha.core.docstatus import DocStatus
from lao_moha.core.pdf import pdf_response

from . import eligibility, pdf, statistics
from .choices import AwardStatus, ProposalStage, VoteChoice
from .models import AwardDecision
from .services import council as council_service
from .services import decisions as decision_service
from .services import proposals as proposal_service
from .services import revocation as revocation_service


def error_text(error):
    return " ".join(error.messages) if hasattr(error, "messages") else str(error)


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


class RecordActionsMixin:
    """Small POST actions on one record, each calling a service."""

    record_actions = ()

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        urls = [
            path(f"<path:object_id>/{name}/", self.admin_site.admin_view(
                self._action_view(name)), name=f"{prefix}_{name.replace('-', '_')}")
            for name in self.record_actions
        ]
        return urls + super().get_urls()

    def _action_view(self, name):
        handler = getattr(self, f"do_{name.replace('-', '_')}")

        def view(request, object_id):
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404
            try:
                result = handler(request, obj)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, error_text(error), messages.ERROR)
                return HttpResponseRedirect(change_url(obj))
            self.message_user(request, _("Done."), messages.SUCCESS)
            target = result if hasattr(result, "_meta") else obj
            return HttpResponseRedirect(change_url(target))

        return view


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(
        attrs={"rows": 2}))


class RevokeForm(ReasonForm):
    items_to_return = forms.CharField(
        label=gettext_lazy("To be returned"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Insignia, certificate, money received ..."))
    reference = forms.CharField(label=gettext_lazy("Revoking decision number"),
                                required=False)


class VoteForm(forms.Form):
    nominee = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(label=gettext_lazy("Vote"), choices=VoteChoice.choices)
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False)


class DraftDecisionForm(forms.ModelForm):
    class Meta:
        model = AwardDecision
        fields = ["authority", "issuing_unit", "decision_date", "title", "signer_name",
                  "signer_title"]


def valid_form(form):
    if not form.is_valid():
        raise ValidationError([
            f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errs)}"
            for name, errs in form.errors.items()
        ])
    return form.cleaned_data


class ProposalAdminMixin(RecordActionsMixin):
    change_form_outer_after_template = "commendation/proposal_panel.html"
    record_actions = ("eligibility", "override", "vote", "draft-decision")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                extra_context["proposal_panel"] = self.proposal_panel(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def proposal_panel(self, request, proposal):
        user = request.user
        stage = proposal.stage
        council = proposal.council
        tallies = council_service.tallies(proposal) if stage == ProposalStage.COUNCIL else {}
        tallies_by_pk = {nominee.pk: result for nominee, result in tallies.items()}
        is_member = (
            council is not None and user.has_perm("commendation.vote_proposal")
            and council.members.filter(pk=user.pk).exists()
        )
        nominees = proposal.nominees.select_related(
            "official__unit", "collective", "override_by").prefetch_related("checks", "votes")
        rows = []
        for nominee in nominees:
            my_vote = next((v for v in nominee.votes.all() if v.member_id == user.pk), None)
            rows.append({
                "nominee": nominee,
                "checks": list(nominee.checks.all()),
                "tally": tallies_by_pk.get(nominee.pk),
                "vote_form": VoteForm(initial={
                    "nominee": nominee.pk, "choice": my_vote.choice if my_vote else None})
                if is_member and nominee.pk in tallies_by_pk else None,
            })
        can_decide = stage == ProposalStage.APPROVED and user.has_perm(
            "commendation.add_awarddecision")
        decision_form = None
        if can_decide:
            decision_form = DraftDecisionForm(initial={
                "authority": proposal.award.decided_by_id,
                "decision_date": datetime.date.today(),
                "title": proposal.title,
            })
            decision_form.fields["issuing_unit"].queryset = scope.restrict(
                decision_form.fields["issuing_unit"].queryset, user)
        return {
            "rows": rows,
            "stage": stage,
            "can_override": user.has_perm("commendation.override_eligibility")
            and stage in proposal_service.OVERRIDE_STAGES,
            "reason_form": ReasonForm(),
            "decision_form": decision_form,
            "decisions": proposal.decisions.all(),
            "url": change_url(proposal),
        }

    def do_eligibility(self, request, proposal):
        # Only while the proposal may be edited: afterwards the findings
        # recorded on submission stand.
        if not self.has_change_permission(request, proposal):
            raise PermissionDenied(_("Eligibility is checked again only while the "
                                     "proposal may be edited."))
        for nominee in proposal.nominees.all():
            eligibility.record(nominee)

    def do_override(self, request, proposal):
        nominee = get_object_or_404(proposal.nominees, pk=request.POST.get("nominee"))
        reason = valid_form(ReasonForm(request.POST))["reason"]
        proposal_service.override_eligibility(nominee, request.user, reason)

    def do_vote(self, request, proposal):
        data = valid_form(VoteForm(request.POST))
        nominee = get_object_or_404(proposal.nominees, pk=data["nominee"])
        council_service.cast_vote(nominee, request.user, data["choice"], data["comment"])

    def do_draft_decision(self, request, proposal):
        if not request.user.has_perm("commendation.add_awarddecision"):
            raise PermissionDenied(_("Your role does not allow this action."))
        form = DraftDecisionForm(request.POST)
        form.fields["issuing_unit"].queryset = scope.restrict(
            form.fields["issuing_unit"].queryset, request.user)
        data = valid_form(form)
        return decision_service.draft_decision([proposal], request.user, **data)


class DecisionAdminMixin(RecordActionsMixin):
    change_form_outer_before_template = "commendation/decision_panel.html"
    record_actions = ("issue", "cancel", "amend", "revoke", "presentation")

    def get_urls(self):
        return [
            path("<path:object_id>/pdf/", self.admin_site.admin_view(self.pdf_view),
                 name="commendation_awarddecision_pdf"),
            path("<path:object_id>/certificate/<int:award_id>/",
                 self.admin_site.admin_view(self.certificate_view),
                 name="commendation_awarddecision_certificate"),
            *super().get_urls(),
        ]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.docstatus != DocStatus.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.docstatus != DocStatus.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                extra_context["decision_panel"] = {
                    "decision": obj,
                    "awards": obj.awards.select_related("award_type", "official", "collective"),
                    "revocations": obj.revocations.all(),
                    "amendments": AwardDecision.objects.filter(amended_from=obj),
                    "reason_form": ReasonForm(),
                    "revoke_form": RevokeForm(),
                    "url": change_url(obj),
                }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def do_issue(self, request, decision):
        return decision_service.issue_decision(decision, request.user)

    def do_cancel(self, request, decision):
        reason = valid_form(ReasonForm(request.POST))["reason"]
        return decision_service.cancel_decision(decision, request.user, reason)

    def do_amend(self, request, decision):
        return decision_service.amend_decision(decision, request.user)

    def do_revoke(self, request, decision):
        data = valid_form(RevokeForm(request.POST))
        return revocation_service.revoke_decision(decision, request.user, **data)

    def do_presentation(self, request, decision):
        form = forms.modelform_factory(
            AwardDecision, fields=decision.allow_on_submit)(request.POST)
        data = valid_form(form)
        return decision_service.record_presentation(decision, request.user, **data)

    def pdf_view(self, request, object_id):
        decision = self.get_object(request, unquote(object_id))
        if decision is None:
            raise Http404
        return pdf_response(pdf.decision_pdf(decision), pdf.decision_filename(decision))

    def certificate_view(self, request, object_id, award_id):
        decision = self.get_object(request, unquote(object_id))
        if decision is None:
            raise Http404
        award = get_object_or_404(decision.awards, pk=award_id)
        return pdf_response(pdf.certificate_pdf(award), pdf.certificate_filename(award))


class AwardAdminMixin(RecordActionsMixin):
    change_form_outer_before_template = "commendation/award_panel.html"
    record_actions = ("revoke",)
    actions_list = ["statistics_link"]

    def get_urls(self):
        return [
            path("statistics/", self.admin_site.admin_view(self.statistics_view),
                 name="commendation_award_statistics"),
            *super().get_urls(),
        ]

    @action(description=gettext_lazy("Statistics"), url_path="statistics-link",
            icon="bar_chart")
    def statistics_link(self, request):
        return HttpResponseRedirect(reverse("admin:commendation_award_statistics"))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                extra_context["award_panel"] = {
                    "award": obj,
                    "can_revoke": obj.status == AwardStatus.VALID
                    and request.user.has_perm("commendation.revoke_award"),
                    "revoke_form": RevokeForm(),
                    "url": change_url(obj),
                }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def do_revoke(self, request, award):
        data = valid_form(RevokeForm(request.POST))
        revocation_service.revoke_award(award, request.user, **data)
        return award

    def statistics_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        filters = statistics.StatisticsFilter(request.GET or None)
        awards = self.get_queryset(request)
        tables = statistics.tables(filters.apply(awards))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Award statistics"),
            "opts": self.model._meta,
            "filters": filters,
            "tables": tables,
        }
        return render(request, "commendation/statistics.html", context)
