"""The award catalog and proposal workflow shipped with a new site.

Awards and their deciders follow the domain notes
(shared/domain/lao-civil-service.md, section 3): the state orders and
medals seen in public reports are marked confirmed; certificates issued by
provinces and districts, and the emulation titles, are to be confirmed with
MoHA. The English names come from the sources; the Lao and Vietnamese names
other than ຫຼຽນຄຳແຫ່ງຊາດ were not in them and need a Lao speaker's check.
No Lao criteria were found: the few shipped are examples, editable in the
desk. Loading is idempotent and never overwrites an administrator's edits.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from lao_moha.core.naming import NamingSeries
from lao_moha.core.workflow import Workflow, WorkflowState, WorkflowTransition
from lao_moha.personnel.models import EvaluationRating

from .choices import AwardKind, AwardLevel, Confirmation, CriterionKind, ProposalStage
from .choices import Recipients as R
from .models import Authority, AwardCriterion, AwardType, Proposal
from .models.proposals import PROPOSAL_SERIES

logger = logging.getLogger(__name__)

C, U = Confirmation.CONFIRMED, Confirmation.TO_CONFIRM
CLASSES = ((1, "I", "hạng Nhất"), (2, "II", "hạng Nhì"), (3, "III", "hạng Ba"))

# (code, Lao, English, Vietnamese, level)
AUTHORITIES = [
    ("PRESIDENT", "ປະທານປະເທດ", "President of the Lao PDR", "Chủ tịch nước", "state"),
    ("PM", "ນາຍົກລັດຖະມົນຕີ", "Prime Minister", "Thủ tướng Chính phủ", "government"),
    ("MINISTER", "ລັດຖະມົນຕີກະຊວງພາຍໃນ", "Minister of Home Affairs", "Bộ trưởng Bộ Nội vụ",
     "ministry"),
    ("GOVERNOR", "ເຈົ້າແຂວງ", "Provincial governor", "Tỉnh trưởng", "province"),
    ("DISTRICT-GOVERNOR", "ເຈົ້າເມືອງ", "District governor", "Huyện trưởng", "district"),
]


def _classes(code, lo, en, vi, kind, decider, precedence, confirmation, source):
    return [
        (f"{code}-{n}", f"{lo} ຊັ້ນ {roman}", f"{en}, Class {roman}", f"{vi} {vi_class}",
         kind, n, AwardLevel.STATE, R.BOTH, decider, precedence + n, confirmation, source)
        for n, roman, vi_class in CLASSES
    ]


# (code, Lao, English, Vietnamese, kind, class, level, recipients, decider,
#  precedence, confirmation, source)
AWARDS = [
    ("NGM", "ຫຼຽນຄຳແຫ່ງຊາດ", "National Gold Medal", "Huân chương Vàng Quốc gia",
     AwardKind.MEDAL, None, AwardLevel.STATE, R.BOTH, "PRESIDENT", 1, C,
     "Highest award, created 1981 (S-JMW)."),
    *_classes("ISSARA", "ຫຼຽນໄຊອິດສະລະ", "Issara (Freedom) Order", "Huân chương Itxala",
              AwardKind.ORDER, "PRESIDENT", 10, C, "S-VNP-MOHA, S-BAOTINTUC, S-VNP-TN"),
    *_classes("LABOUR-ORDER", "ຫຼຽນໄຊແຮງງານ", "Labour Order", "Huân chương Lao động",
              AwardKind.ORDER, "PRESIDENT", 20, C, "S-VNP-PCC, S-BAOTINTUC"),
    *_classes("LABOUR-MEDAL", "ຫຼຽນກາແຮງງານ", "Labour Medal", "Huy chương Lao động",
              AwardKind.MEDAL, "PRESIDENT", 30, C, "S-QNINH, S-TRIBUNE-MOD"),
    ("LABOUR-MEDAL", "ຫຼຽນກາແຮງງານ", "Labour Medal", "Huy chương Lao động",
     AwardKind.MEDAL, None, AwardLevel.STATE, R.BOTH, "PRESIDENT", 34, C,
     "Plain class (S-QNINH, S-TRIBUNE-MOD)."),
    *_classes("VICTORY-MEDAL", "ຫຼຽນກາໄຊຊະນະ", "Victory Medal", "Huy chương Chiến thắng",
              AwardKind.MEDAL, "PRESIDENT", 40, C,
              "Awarded via the Ministry of Defence; the decider is to be confirmed "
              "(S-TRIBUNE-MOD)."),
    ("FRIENDSHIP-ORDER", "ຫຼຽນໄຊມິດຕະພາບ", "Friendship Order", "Huân chương Hữu nghị",
     AwardKind.ORDER, None, AwardLevel.STATE, R.BOTH, "PRESIDENT", 50, C, "S-VNP-HOSP"),
    ("FRIENDSHIP-MEDAL", "ຫຼຽນກາມິດຕະພາບ", "Friendship Medal", "Huy chương Hữu nghị",
     AwardKind.MEDAL, None, AwardLevel.GOVERNMENT, R.BOTH, "PM", 55, C,
     "Decided by the Prime Minister (S-VNP-HOSP)."),
    ("MERIT-PM", "ໃບຍ້ອງຍໍຂອງນາຍົກລັດຖະມົນຕີ", "Certificate of merit of the Prime Minister",
     "Bằng khen của Thủ tướng Chính phủ", AwardKind.CERTIFICATE, None,
     AwardLevel.GOVERNMENT, R.BOTH, "PM", 60, C, "S-VNP-PCC"),
    ("MERIT-MINISTER", "ໃບຍ້ອງຍໍຂອງລັດຖະມົນຕີ", "Certificate of merit of the Minister",
     "Bằng khen của Bộ trưởng", AwardKind.CERTIFICATE, None, AwardLevel.MINISTRY, R.BOTH,
     "MINISTER", 61, C, "Ministries give certificates (S-TRIBUNE-MOD)."),
    ("MERIT-GOVERNOR", "ໃບຍ້ອງຍໍຂອງເຈົ້າແຂວງ", "Certificate of merit of the provincial "
     "governor", "Bằng khen của Tỉnh trưởng", AwardKind.CERTIFICATE, None,
     AwardLevel.PROVINCE, R.BOTH, "GOVERNOR", 62, U,
     "Provincial level not found in the sources."),
    ("MERIT-DISTRICT", "ໃບຍ້ອງຍໍຂອງເຈົ້າເມືອງ", "Certificate of merit of the district "
     "governor", "Giấy khen của Huyện trưởng", AwardKind.CERTIFICATE, None,
     AwardLevel.DISTRICT, R.BOTH, "DISTRICT-GOVERNOR", 63, U,
     "District level not found in the sources."),
    ("APPRECIATION-PM", "ໃບຊົມເຊີຍຂອງນາຍົກລັດຖະມົນຕີ",
     "Certificate of appreciation of the Prime Minister", "Giấy khen của Thủ tướng Chính phủ",
     AwardKind.CERTIFICATE, None, AwardLevel.GOVERNMENT, R.BOTH, "PM", 70, C, "S-VNP-PCC"),
    ("APPRECIATION-MINISTER", "ໃບຊົມເຊີຍຂອງລັດຖະມົນຕີ",
     "Certificate of appreciation of the Minister", "Giấy khen của Bộ trưởng",
     AwardKind.CERTIFICATE, None, AwardLevel.MINISTRY, R.BOTH, "MINISTER", 71, C,
     "S-TRIBUNE-MOD"),
    ("APPRECIATION-GOVERNOR", "ໃບຊົມເຊີຍຂອງເຈົ້າແຂວງ",
     "Certificate of appreciation of the provincial governor", "Giấy khen của Tỉnh trưởng",
     AwardKind.CERTIFICATE, None, AwardLevel.PROVINCE, R.BOTH, "GOVERNOR", 72, U,
     "Provincial level not found in the sources."),
    ("APPRECIATION-DISTRICT", "ໃບຊົມເຊີຍຂອງເຈົ້າເມືອງ",
     "Certificate of appreciation of the district governor", "Giấy khen của Huyện trưởng",
     AwardKind.CERTIFICATE, None, AwardLevel.DISTRICT, R.BOTH, "DISTRICT-GOVERNOR", 73, U,
     "District level not found in the sources."),
    # Titles modelled on the Vietnamese law (06/2022/QH15, Art 19-20); the
    # Lao titles were not found.
    ("TITLE-EMULATION-FIGHTER", "ນັກຕໍ່ສູ້ແຂ່ງຂັນ", "Emulation fighter",
     "Chiến sĩ thi đua", AwardKind.EMULATION_TITLE, None, AwardLevel.MINISTRY,
     R.INDIVIDUAL, "MINISTER", 80, U, "Vietnamese model; Lao title unconfirmed."),
    ("TITLE-ADVANCED-WORKER", "ພະນັກງານກ້າວໜ້າ", "Advanced worker", "Lao động tiên tiến",
     AwardKind.EMULATION_TITLE, None, AwardLevel.MINISTRY, R.INDIVIDUAL, "MINISTER", 81, U,
     "Vietnamese model; Lao title unconfirmed."),
    ("TITLE-EXCELLENT-COLLECTIVE", "ກົງຈັກດີເດັ່ນ", "Excellent collective",
     "Tập thể lao động xuất sắc", AwardKind.EMULATION_TITLE, None, AwardLevel.MINISTRY,
     R.COLLECTIVE, "MINISTER", 82, U, "Vietnamese model; Lao title unconfirmed."),
    ("TITLE-ADVANCED-COLLECTIVE", "ກົງຈັກກ້າວໜ້າ", "Advanced collective",
     "Tập thể lao động tiên tiến", AwardKind.EMULATION_TITLE, None, AwardLevel.MINISTRY,
     R.COLLECTIVE, "MINISTER", 83, U, "Vietnamese model; Lao title unconfirmed."),
]
# Example criteria (award code, kind, applies to, parameters); not Lao rules.
CRITERIA = [
    ("LABOUR-MEDAL-3", CriterionKind.YEARS_OF_SERVICE, R.INDIVIDUAL, {"years": 10}),
    ("LABOUR-MEDAL-3", CriterionKind.NO_DISCIPLINE, R.INDIVIDUAL, {"years": 5}),
    ("LABOUR-MEDAL-3", CriterionKind.CONSECUTIVE_RATINGS, R.INDIVIDUAL,
     {"years": 2, "rating": "GOOD"}),
    ("LABOUR-MEDAL-2", CriterionKind.YEARS_OF_SERVICE, R.INDIVIDUAL, {"years": 15}),
    ("LABOUR-MEDAL-2", CriterionKind.PRIOR_AWARD, R.BOTH,
     {"prior_award": "LABOUR-MEDAL-3", "years": 5}),
    ("MERIT-MINISTER", CriterionKind.NO_DISCIPLINE, R.INDIVIDUAL, {"years": 2}),
    ("MERIT-MINISTER", CriterionKind.UNIT_QUOTA, R.BOTH, {"quota": 5}),
]

SERIES = [
    (PROPOSAL_SERIES, "ເລກໃບສະເໜີຍ້ອງຍໍ", "Award proposals", "{number}/{body}/{year}"),
    *[
        (f"decision-{code.lower()}", f"ເລກຂໍ້ຕົກລົງ {lo}", f"Award decisions: {en}",
         "{number}/{body}")
        for code, lo, en, _vi, _level in AUTHORITIES
    ],
]

WORKFLOW_CODE = "award-proposal"
# (code, Lao, English, Vietnamese, stage, initial, editable, required fields)
STATES = [
    ("draft", "ຮ່າງ", "Draft", "Dự thảo", ProposalStage.DRAFT, True, True, ""),
    ("submitted", "ສົ່ງສະເໜີແລ້ວ", "Submitted", "Đã trình", ProposalStage.SUBMITTED,
     False, False, "summary"),
    ("returned", "ສົ່ງຄືນ", "Returned", "Trả lại", ProposalStage.RETURNED, False, True, ""),
    ("reviewed", "ກວດກາ ແລະ ສົ່ງຕໍ່ແລ້ວ", "Reviewed and forwarded", "Đã thẩm định",
     ProposalStage.REVIEWED, False, False, "review_note"),
    ("council", "ສະພາພິຈາລະນາ", "At the council", "Hội đồng xét", ProposalStage.COUNCIL,
     False, False, "council"),
    ("approved", "ອະນຸມັດ", "Approved", "Đã duyệt", ProposalStage.APPROVED, False, False, ""),
    ("rejected", "ບໍ່ອະນຸມັດ", "Rejected", "Không duyệt", ProposalStage.REJECTED, False,
     False, ""),
    ("decided", "ອອກຂໍ້ຕົກລົງແລ້ວ", "Decision issued", "Đã ra quyết định",
     ProposalStage.DECIDED, False, False, ""),
]
# (action, Lao, English, Vietnamese, from, to, permission, comment, condition)
TRANSITIONS = [
    ("submit", "ສົ່ງສະເໜີ", "Submit", "Trình", "draft", "submitted",
     "commendation.submit_proposal", False, "commendation.has_eligible_nominee"),
    ("resubmit", "ສົ່ງສະເໜີຄືນ", "Submit again", "Trình lại", "returned", "submitted",
     "commendation.submit_proposal", False, "commendation.has_eligible_nominee"),
    ("return", "ສົ່ງຄືນ", "Return", "Trả lại", "submitted", "returned",
     "commendation.review_proposal", True, ""),
    ("forward", "ສົ່ງຕໍ່", "Forward", "Chuyển tiếp", "submitted", "reviewed",
     "commendation.review_proposal", False, ""),
    ("return", "ສົ່ງຄືນ", "Return", "Trả lại", "reviewed", "returned",
     "commendation.refer_proposal", True, ""),
    ("refer", "ສົ່ງສະພາ", "Refer to the council", "Trình hội đồng", "reviewed", "council",
     "commendation.refer_proposal", False, ""),
    ("approve", "ອະນຸມັດ", "Approve", "Duyệt", "council", "approved",
     "commendation.decide_proposal", False, "commendation.council_approves"),
    ("reject", "ບໍ່ອະນຸມັດ", "Reject", "Không duyệt", "council", "rejected",
     "commendation.decide_proposal", True, "commendation.council_rejects"),
    ("issue", "ອອກຂໍ້ຕົກລົງ", "Issue the decision", "Ra quyết định", "approved", "decided",
     "commendation.submit_awarddecision", False, "commendation.decision_issued"),
]


@transaction.atomic
def load_commendation_reference():
    """Create the missing series, authorities, awards, criteria and the
    default proposal workflow; returns how many rows were created."""
    created = 0
    series = {s.code: s for s in NamingSeries.objects.all()}
    for code, name_lo, name_en, pattern in SERIES:
        if code not in series:
            series[code] = NamingSeries.objects.create(
                code=code, name_lo=name_lo, name_en=name_en, pattern=pattern)
            created += 1
    authorities = {a.code: a for a in Authority.objects.all()}
    for code, name_lo, name_en, name_vi, level in AUTHORITIES:
        if code not in authorities:
            authorities[code] = Authority.objects.create(
                code=code, name_lo=name_lo, name_en=name_en, name_vi=name_vi, level=level,
                naming_series=series[f"decision-{code.lower()}"])
            created += 1
    awards = {a.code: a for a in AwardType.objects.all()}
    for (code, name_lo, name_en, name_vi, kind, klass, level, recipients, decider,
         precedence, confirmation, source) in AWARDS:
        if code not in awards:
            awards[code] = AwardType.objects.create(
                code=code, name_lo=name_lo, name_en=name_en, name_vi=name_vi, kind=kind,
                award_class=klass, level=level, recipients=recipients,
                decided_by=authorities[decider], precedence=precedence,
                confirmation=confirmation, source_note=source)
            created += 1
    if not AwardCriterion.objects.exists():
        ratings = {r.code: r for r in EvaluationRating.objects.all()}
        for code, kind, applies_to, params in CRITERIA:
            if "prior_award" in params:
                params = {**params, "prior_award": awards[params["prior_award"]]}
            if "rating" in params:
                if params["rating"] not in ratings:
                    continue  # the site changed the rating scale
                params = {**params, "rating": ratings[params["rating"]]}
            AwardCriterion.objects.create(award=awards[code], kind=kind,
                                          applies_to=applies_to, **params)
            created += 1
    created += load_default_workflow()
    logger.info("Commendation reference data: %d rows created", created)
    return created


def load_default_workflow():
    if Workflow.objects.filter(code=WORKFLOW_CODE).exists():
        return 0
    workflow = Workflow.objects.create(
        code=WORKFLOW_CODE, name_lo="ຂັ້ນຕອນສະເໜີຍ້ອງຍໍ", name_en="Award proposal",
        name_vi="Quy trình đề nghị khen thưởng",
        model=ContentType.objects.get_for_model(Proposal))
    states = {}
    for order, (code, lo, en, vi, stage, initial, editable, required) in enumerate(STATES):
        states[code] = WorkflowState.objects.create(
            workflow=workflow, code=code, name_lo=lo, name_en=en, name_vi=vi, stage=stage,
            is_initial=initial, editable=editable, required_fields=required, order=order)
    for order, (action, lo, en, vi, source, target, permission, comment,
                condition) in enumerate(TRANSITIONS):
        WorkflowTransition.objects.create(
            workflow=workflow, action=action, name_lo=lo, name_en=en, name_vi=vi,
            from_state=states[source], to_state=states[target], permission=permission,
            requires_comment=comment, condition=condition, order=order)
    return 1 + len(STATES) + len(TRANSITIONS)
