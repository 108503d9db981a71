"""DocType declarations of the personnel app."""

from django.utils.translation import gettext_lazy as _

from lao_moha.core.doctype import DocType
from lao_moha.core.registry import register

from .api import OfficialApi, UndoApi
from .desk import OfficialDesk, UndoDesk
from .import_aliases import (
    OFFICIAL_HEADINGS,
    OFFICIAL_VALUES,
    RELATION_VALUES,
    SKILL_VALUES,
    record_headings,
)
from .models import (
    Appointment,
    Discipline,
    DisciplineMeasure,
    Education,
    Evaluation,
    EvaluationRating,
    FamilyMember,
    GradeStepChange,
    LanguageSkill,
    Official,
    OfficialCategory,
    RetirementExtension,
    RetirementRule,
    SalaryGrade,
    StatusChange,
    StepRule,
    Training,
    Transfer,
)

OFFICIAL = {"official": "civil_service_no"}
DECISION = ("decision_no", "decision_date")

# -- the official and the records of their file ------------------------------

HISTORIES = (
    Appointment, Transfer, GradeStepChange, StatusChange, Evaluation,
    Discipline, Training, Education, LanguageSkill, FamilyMember,
    RetirementExtension,
)

register(
    DocType(
        Official,
        list_display=(
            "civil_service_no", "name_lo", "name_latin", "gender", "unit",
            "position", "grade", "step", "status",
        ),
        list_filter=(
            "status", "gender", "category", "grade", "unit", "position",
            "entry_date", "education_level",
        ),
        search_fields=("civil_service_no", "name_lo", "name_latin", "search_name"),
        fieldsets=(
            (None, (
                "civil_service_no", "name_lo", "name_latin", "other_names", "gender",
                "date_of_birth", "national_id", "photo",
            )),
            (_("Service"), (
                "category", "unit", "position", "grade", "step", "entry_date",
                "status", "next_step_due", "retirement_due",
            )),
            (_("Origin"), (
                "birth_place", "home_village", "home_district", "home_province",
                "ethnicity", "religion", "marital_status",
            )),
            (_("Qualifications"), (
                "education_level", "political_theory_level", "it_level",
                "party_member_since",
            )),
            (_("Contact"), ("phone", "email")),
        ),
        ordering=("civil_service_no",),
        select_related=("unit", "position", "category"),
        autocomplete_fields=("unit", "position", "home_district"),
        readonly_fields=("next_step_due", "retirement_due"),
        scope_path="unit",
        sensitive_fields=("national_id", "date_of_birth"),
        attachable=True,
        import_id_fields=("civil_service_no",),
        import_lookups={
            "unit": "code", "position": "code", "category": "code",
            "home_district": "code", "home_province": "code",
        },
        inlines=HISTORIES,
        import_aliases=OFFICIAL_HEADINGS,
        import_value_aliases=OFFICIAL_VALUES,
        person_name_fields=("name_lo", "name_latin", "other_names"),
        admin_mixins=(OfficialDesk,),
        api_mixins=(OfficialApi,),
        menu_icon="person",
    )
)


def history(model, list_display, *, inline_fields=(), id_fields, lookups=None,
            list_filter=(), readonly=False, icon="history", **extra):
    """Declare one record type of an official's file."""
    return register(
        DocType(
            model,
            list_display=("official", *list_display),
            inline_fields=inline_fields or list_display,
            inline_readonly=readonly,
            list_filter=list_filter,
            search_fields=("official__civil_service_no", "official__search_name"),
            select_related=("official", "official__unit"),
            autocomplete_fields=("official",),
            scope_path="official__unit",
            import_id_fields=id_fields,
            import_lookups={**OFFICIAL, **(lookups or {})},
            import_aliases=record_headings(model),
            menu_icon=icon,
            **extra,
        )
    )


history(
    Appointment,
    ("position", "unit", "start_date", "end_date", "is_acting", *DECISION),
    id_fields=("official", "position", "start_date"),
    lookups={"position": "code", "unit": "code"},
    list_filter=("position", "start_date", "is_acting"),
    readonly=True, icon="work", admin_mixins=(UndoDesk,), api_mixins=(UndoApi,),
)
history(
    Transfer,
    ("from_unit", "to_unit", "effective_date", *DECISION, "reason"),
    id_fields=("official", "effective_date", "to_unit"),
    lookups={"from_unit": "code", "to_unit": "code"},
    list_filter=("effective_date",),
    readonly=True, icon="move_up", admin_mixins=(UndoDesk,), api_mixins=(UndoApi,),
)
history(
    GradeStepChange,
    ("kind", "grade", "step", "effective_date", *DECISION, "next_step_due"),
    id_fields=("official", "effective_date", "grade", "step"),
    list_filter=("kind", "grade", "effective_date"),
    readonly_fields=("next_step_due",),
    readonly=True, icon="stairs", admin_mixins=(UndoDesk,), api_mixins=(UndoApi,),
)
history(
    StatusChange,
    ("status_from", "status_to", "effective_date", *DECISION, "reason"),
    id_fields=("official", "effective_date", "status_to"),
    list_filter=("status_to", "effective_date"),
    readonly=True, icon="published_with_changes", admin_mixins=(UndoDesk,),
    api_mixins=(UndoApi,),
)
history(
    Evaluation,
    ("year", "rating", "remarks"),
    id_fields=("official", "year"),
    lookups={"rating": "code"},
    list_filter=("year", "rating"),
    icon="grading",
)
history(
    Discipline,
    ("measure", "start_date", "end_date", *DECISION, "reason"),
    id_fields=("official", "measure", "start_date"),
    lookups={"measure": "code"},
    list_filter=("measure", "start_date"),
    icon="gavel",
    sensitive=True,  # seen only with view_sensitive_discipline (issue 4)
)
history(
    Training,
    ("kind", "course", "institution", "country", "start_date", "end_date", "certificate"),
    id_fields=("official", "course", "start_date"),
    list_filter=("kind", "start_date"),
    icon="school",
)
history(
    Education,
    ("level", "field_of_study", "institution", "country", "year_completed"),
    id_fields=("official", "level", "field_of_study"),
    import_value_aliases={"level": OFFICIAL_VALUES["education_level"]},
    list_filter=("level",),
    icon="history_edu",
)
history(
    LanguageSkill,
    ("language", "level", "certificate"),
    id_fields=("official", "language"),
    import_value_aliases={"level": SKILL_VALUES},
    list_filter=("level",),
    icon="translate",
)
history(
    FamilyMember,
    ("relation", "name", "birth_year", "occupation", "address"),
    id_fields=("official", "relation", "name"),
    import_value_aliases={"relation": RELATION_VALUES},
    person_name_fields=("name",),
    list_filter=("relation",),
    icon="family_restroom",
    sensitive=True,  # seen only with view_sensitive_familymember (issue 4)
)
history(
    RetirementExtension,
    ("extended_until", *DECISION, "reason"),
    id_fields=("official", "extended_until"),
    icon="more_time",
)

# -- configurable lists and rule tables --------------------------------------

register(
    DocType(
        OfficialCategory,
        list_display=("code", "name_lo", "name_en"),
        search_fields=("code", "name_lo", "name_en"),
        reference_data=True,
        import_id_fields=("code",),
        menu_icon="category",
    )
)
register(
    DocType(
        SalaryGrade,
        list_display=("number", "label", "max_step"),
        reference_data=True,
        import_id_fields=("number",),
        menu_icon="stairs",
    )
)
register(
    DocType(
        EvaluationRating,
        list_display=("code", "name_lo", "name_en", "rank", "is_confirmed"),
        search_fields=("code", "name_lo", "name_en"),
        reference_data=True,
        import_id_fields=("code",),
        menu_icon="star",
    )
)
register(
    DocType(
        DisciplineMeasure,
        list_display=("code", "name_lo", "name_en", "severity", "is_confirmed"),
        search_fields=("code", "name_lo", "name_en"),
        reference_data=True,
        import_id_fields=("code",),
        menu_icon="gavel",
    )
)
register(
    DocType(
        StepRule,
        list_display=(
            "priority", "name", "category", "rating_at_least", "rating_at_most",
            "interval_months", "is_active",
        ),
        reference_data=True,
        import_id_fields=("priority",),
        import_lookups={
            "category": "code", "rating_at_least": "code", "rating_at_most": "code",
        },
        menu_icon="rule",
    )
)
register(
    DocType(
        RetirementRule,
        list_display=("category", "gender", "age", "max_age_with_extension", "valid_from"),
        list_filter=("gender", "category"),
        reference_data=True,
        import_id_fields=("category", "gender", "valid_from"),
        import_lookups={"category": "code"},
        menu_icon="elderly",
    )
)
