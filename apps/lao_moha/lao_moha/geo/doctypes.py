"""DocType declarations of the geo app."""

from lao_moha.core.doctype import DocType
from lao_moha.core.registry import register

from .models import District, Province

register(
    DocType(
        Province,
        list_display=("code", "name_lo", "name_en", "iso_code", "kind"),
        list_filter=("kind",),
        search_fields=("code", "name_lo", "name_en", "name_iso"),
        ordering=("code",),
        reference_data=True,
        import_id_fields=("code",),
        menu_icon="map",
    )
)
register(
    DocType(
        District,
        list_display=("code", "name_lo", "name_en", "province"),
        list_filter=("province",),
        search_fields=("code", "name_lo", "name_en", "aliases_lo"),
        ordering=("code",),
        select_related=("province",),
        reference_data=True,
        import_id_fields=("code",),
        import_lookups={"province": "code"},
        menu_icon="location_on",
    )
)
