"""DocType declarations of emulation and commendation."""

from django.utils.translation import gettext_lazy as _

from lao_moha.core.api.workflow import WorkflowViewSetMixin
from lao_moha.core.doctype import DocType, Inline
from lao_moha.core.registry import add_inline, register
from lao_moha.core.workflow_desk import WorkflowAdminMixin
from lao_moha.organization.models import OrgUnit
from lao_moha.personnel.models import Official

from .api import DecisionViewSetMixin, NomineeViewSetMixin, ProposalViewSetMixin
from .desk import AwardAdminMixin, DecisionAdminMixin, ProposalAdminMixin
from .models import (
    Authority,
    Award,
    AwardCriterion,
    AwardDecision,
    AwardType,
    Council,
    DecisionLine,
    Movement,
    Nominee,
    Proposal,
    Revocation,
)

AWARD_ON_RECORD = ("award_type", "decision", "awarded_on", "status")

register(
    DocType(
        Authority,
        list_display=("code", "name_lo", "name_en", "level", "naming_series"),
        list_filter=("level",),
        search_fields=("code", "name_lo", "name_en"),
        reference_data=True,
        import_id_fields=("code",),
        import_lookups={"naming_series": "code"},
        menu_icon="gavel",
    )
)
register(
    DocType(
        AwardType,
        list_display=("code", "name_lo", "name_en", "kind", "award_class", "level",
                      "recipients", "decided_by", "confirmation", "is_active"),
        list_filter=("kind", "level", "recipients", "decided_by", "confirmation",
                     "is_active"),
        search_fields=("code", "name_lo", "name_en", "name_vi"),
        fieldsets=(
            (None, ("code", "name_lo", "name_en", "name_vi", "kind", "award_class",
                    "precedence")),
            (_("Who"), ("level", "recipients", "decided_by", "lowest_proposing_level")),
            (_("Status"), ("confirmation", "source_note", "is_active")),
        ),
        ordering=("precedence", "code"),
        select_related=("decided_by",),
        reference_data=True,
        import_id_fields=("code",),
        import_lookups={"decided_by": "code"},
        inlines=(Inline(AwardCriterion, fk_name="award"),),
        menu_icon="military_tech",
    )
)
register(
    DocType(
        AwardCriterion,
        list_display=("award", "kind", "applies_to", "years", "rating", "prior_award",
                      "quota", "is_active"),
        list_filter=("kind", "award", "is_active"),
        inline_fields=("kind", "applies_to", "years", "rating", "prior_award", "quota",
                       "is_active"),
        select_related=("award", "rating", "prior_award"),
        reference_data=True,
        importable=False,
        menu_icon="rule",
    )
)
register(
    DocType(
        Movement,
        list_display=("code", "name_lo", "organizing_unit", "start_date", "end_date"),
        list_filter=("organizing_unit", "start_date"),
        search_fields=("code", "name_lo", "name_en"),
        select_related=("organizing_unit",),
        autocomplete_fields=("organizing_unit",),
        scope_path="organizing_unit",
        import_id_fields=("code",),
        import_lookups={"organizing_unit": "code"},
        menu_icon="campaign",
    )
)
register(
    DocType(
        Council,
        list_display=("name_lo", "unit", "quorum_percent", "majority_percent", "is_active"),
        list_filter=("is_active",),
        search_fields=("name_lo", "name_en"),
        select_related=("unit",),
        autocomplete_fields=("unit",),
        scope_path="unit",
        importable=False,
        menu_icon="groups",
    )
)
register(
    DocType(
        Proposal,
        list_display=("number", "title", "proposing_unit", "award", "year",
                      "workflow_state"),
        list_filter=("workflow_state", "year", "award", "proposing_unit", "movement"),
        search_fields=("number", "title"),
        fieldsets=(
            (None, ("number", "workflow_state", "proposing_unit", "award", "year",
                    "movement", "title", "summary")),
            (_("Review"), ("review_note", "council")),
        ),
        readonly_fields=("number", "workflow_state"),
        select_related=("proposing_unit", "award", "workflow_state"),
        autocomplete_fields=("proposing_unit", "award", "movement", "council"),
        scope_path="proposing_unit",
        importable=False,
        attachable=True,
        inlines=(Nominee,),
        admin_mixins=(WorkflowAdminMixin, ProposalAdminMixin),
        api_mixins=(WorkflowViewSetMixin, ProposalViewSetMixin),
        menu_icon="assignment",
    )
)
register(
    DocType(
        Nominee,
        list_display=("proposal", "official", "collective", "award", "year", "status",
                      "eligible"),
        list_filter=("status", "year", "award"),
        search_fields=("official__name_lo", "official__name_latin", "collective__name_lo"),
        readonly_fields=("award", "year", "status", "eligible", "override_reason",
                         "override_by", "override_at"),
        inline_fields=("official", "collective", "achievements", "status", "eligible"),
        select_related=("proposal", "official", "collective", "award"),
        autocomplete_fields=("proposal", "official", "collective"),
        scope_path="proposal__proposing_unit",
        importable=False,
        api_mixins=(NomineeViewSetMixin,),
        menu_icon="person_check",
    )
)
register(
    DocType(
        AwardDecision,
        list_display=("number", "decision_date", "authority", "issuing_unit", "title",
                      "docstatus"),
        list_filter=("docstatus", "authority", "issuing_unit", "decision_date"),
        search_fields=("number", "title"),
        fieldsets=(
            (None, ("number", "docstatus", "authority", "issuing_unit", "decision_date",
                    "title", "proposals", "note")),
            (_("Signature and presentation"), ("signer_name", "signer_title",
                                               "presenter_name", "presenter_title",
                                               "presented_on")),
            (_("Submission"), ("amended_from", "submitted_at", "submitted_by",
                               "cancelled_at", "cancelled_by", "cancel_reason")),
        ),
        readonly_fields=("number", "docstatus", "amended_from", "submitted_at",
                         "submitted_by", "cancelled_at", "cancelled_by", "cancel_reason"),
        select_related=("authority", "issuing_unit"),
        autocomplete_fields=("issuing_unit", "proposals"),
        scope_path="issuing_unit",
        importable=False,
        attachable=True,
        inlines=(DecisionLine,),
        admin_mixins=(DecisionAdminMixin,),
        api_mixins=(DecisionViewSetMixin,),
        menu_icon="history_edu",
    )
)
register(
    DocType(
        DecisionLine,
        list_display=("decision", "official", "collective", "award_type"),
        inline_fields=("nominee", "official", "collective", "award_type"),
        list_filter=("award_type",),
        search_fields=("official__name_lo", "official__name_latin", "collective__name_lo",
                       "decision__number"),
        select_related=("decision", "official", "collective", "award_type"),
        autocomplete_fields=("decision", "nominee", "official", "collective"),
        scope_path="decision__issuing_unit",
        importable=False,
        menu_icon="format_list_bulleted",
    )
)
register(
    DocType(
        Award,
        list_display=("award_type", "official", "collective", "unit", "decision",
                      "awarded_on", "status"),
        list_filter=("status", "award_type", "awarded_on"),
        search_fields=("official__name_lo", "official__name_latin", "collective__name_lo",
                       "decision__number"),
        readonly_fields=("decision", "official", "collective", "unit", "award_type",
                         "awarded_on", "status", "revocation"),
        select_related=("award_type", "official", "collective", "unit", "decision"),
        scope_path="unit",
        read_only=True,
        admin_mixins=(AwardAdminMixin,),
        menu_icon="workspace_premium",
    )
)
register(
    DocType(
        Revocation,
        list_display=("decision", "whole_decision", "revoked_on", "reference"),
        list_filter=("whole_decision", "revoked_on"),
        search_fields=("decision__number", "reference"),
        readonly_fields=("decision", "whole_decision", "reason", "items_to_return",
                         "reference", "revoked_on"),
        select_related=("decision",),
        scope_path="decision__issuing_unit",
        read_only=True,
        importable=False,
        menu_icon="block",
    )
)

# Awards are shown, read-only, on the official's and the unit's own pages;
# personnel and organization never import commendation.
add_inline(Official, Inline(Award, fields=AWARD_ON_RECORD, readonly=True, fk_name="official"))
add_inline(OrgUnit, Inline(Award, fields=AWARD_ON_RECORD, readonly=True,
                           fk_name="collective"))
