from .careers import (
    Appointment,
    GradeStepChange,
    RetirementExtension,
    StatusChange,
    Transfer,
)
from .conduct import Discipline, Evaluation
from .officials import Official
from .profile import Education, FamilyMember, LanguageSkill, Training
from .rules import RetirementRule, StepRule
from .settings import DisciplineMeasure, EvaluationRating, OfficialCategory, SalaryGrade

__all__ = [
    "Appointment",
    "Discipline",
    "DisciplineMeasure",
    "Education",
    "Evaluation",
    "EvaluationRating",
    "FamilyMember",
    "GradeStepChange",
    "LanguageSkill",
    "Official",
    "OfficialCategory",
    "RetirementExtension",
    "RetirementRule",
    "SalaryGrade",
    "StatusChange",
    "StepRule",
    "Training",
    "Transfer",
]
