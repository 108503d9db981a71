"""The decision and certificate PDFs, in Lao script (core.pdf and its
bundled font)."""

from lao_moha.core.docstatus import DocStatus
from lao_moha.core.pdf import render_pdf

from .choices import AwardStatus

# Marks printed across a document that is not, or no longer, in force.
DECISION_MARKS = {DocStatus.DRAFT: "ຮ່າງ", DocStatus.CANCELLED: "ຍົກເລີກ"}
AWARD_MARKS = {AwardStatus.REVOKED: "ຖອນຄືນ", AwardStatus.CANCELLED: "ຍົກເລີກ"}


def beneficiary(line):
    """(name, unit) of a decision line or an award."""
    if line.official_id:
        return line.official.name_lo, line.official.unit
    return line.collective.name_lo, line.collective.parent or line.collective


def decision_pdf(decision):
    lines = decision.lines.select_related("official__unit", "collective__parent", "award_type")
    rows = []
    for number, line in enumerate(lines, start=1):
        name, unit = beneficiary(line)
        rows.append({"number": number, "name": name, "unit": unit, "award": line.award_type,
                     "collective": bool(line.collective_id)})
    awards = sorted({row["award"] for row in rows}, key=lambda a: a.precedence)
    mark = DECISION_MARKS.get(decision.docstatus)
    if decision.docstatus == DocStatus.SUBMITTED and decision.revocations.filter(
            whole_decision=True).exists():
        mark = AWARD_MARKS[AwardStatus.REVOKED]
    return render_pdf("commendation/pdf/decision.html", {
        "decision": decision,
        "rows": rows,
        "awards": awards,
        "proposals": decision.proposals.select_related("council"),
        "mark": mark,
    })


def certificate_pdf(award):
    name, unit = (award.official.name_lo, award.unit) if award.official_id else (
        award.collective.name_lo, award.collective.parent)
    decision = award.decision
    mark = AWARD_MARKS.get(award.status) or DECISION_MARKS.get(decision.docstatus)
    return render_pdf("commendation/pdf/certificate.html", {
        "award": award, "decision": decision, "name": name, "unit": unit, "mark": mark,
    })


def decision_filename(decision):
    return f"decision-{decision.pk}.pdf"


def certificate_filename(award):
    return f"certificate-{award.decision_id}-{award.pk}.pdf"
