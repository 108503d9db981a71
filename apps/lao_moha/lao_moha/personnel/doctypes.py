"""DocType declarations of the personnel app."""

from django.utils.translation import gettext_lazy as _

from lao_moha.core.doctype import DocType
from lao_moha.core.registry import register

from .models import Official, OfficialCategory, SalaryGrade

register(
    DocType(
        Official,
        list_display=("civil_service_no", "name_lo", "name_latin", "gender", "unit", "position", "grade", "step", "status"),
        list_filter=("status", "gender", "category", "grade", "unit", "position", "entry_date"),
        search_fields=("civil_service_no", "name_lo", "name_latin", "search_name"),
        fieldsets=(
            (None, ("civil_service_no", "name_lo", "name_latin", "gender", "date_of_birth", "ethnicity", "national_id")),
            (_("Service"), ("category", "unit", "position", "grade", "step", "entry_date", "status")),
            (_("Contact"), ("phone", "email", "photo")),
        ),
        ordering=("civil_service_no",),
        select_related=("unit", "position", "category"),
        autocomplete_fields=("unit", "position"),
        scope_path="unit",
        sensitive_fields=("national_id", "date_of_birth"),
        attachable=True,
        import_id_fields=("civil_service_no",),
        import_lookups={"unit": "code", "position": "code", "category": "code"},
        menu_icon="person",
    )
)
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
