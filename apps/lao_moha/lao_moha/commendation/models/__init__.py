from .catalog import Authority, AwardCriterion, AwardType
from .councils import Council, CouncilVote
from .decisions import Award, AwardDecision, DecisionLine, Revocation
from .movements import Movement
from .proposals import EligibilityCheck, Nominee, Proposal

__all__ = [
    "Authority",
    "Award",
    "AwardCriterion",
    "AwardDecision",
    "AwardType",
    "Council",
    "CouncilVote",
    "DecisionLine",
    "EligibilityCheck",
    "Movement",
    "Nominee",
    "Proposal",
    "Revocation",
]
