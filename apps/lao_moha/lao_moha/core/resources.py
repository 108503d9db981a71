"""Import/export resources generated from DocType declarations."""

from import_export import fields, resources, widgets

from .hook_mixins import ResourceHooksMixin


class SafeExportMixin:
    """Neutralises cell values a spreadsheet would run as a formula."""

    FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if isinstance(value, str) and value.startswith(self.FORMULA_PREFIXES):
            return "'" + value
        return value


class DocTypeResource(ResourceHooksMixin, SafeExportMixin, resources.ModelResource):
    pass


def build_resource(doctype):
    model = doctype.model
    names = doctype.field_names()
    attrs = {}
    for name, lookup in doctype.import_lookups.items():
        related = model._meta.get_field(name).related_model
        attrs[name] = fields.Field(
            attribute=name,
            column_name=name,
            widget=widgets.ForeignKeyWidget(related, field=lookup),
        )
    meta_fields = ["id", *names] if "id" in doctype.import_id_fields else names
    attrs["Meta"] = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": meta_fields,
            "import_id_fields": list(doctype.import_id_fields),
            "skip_unchanged": True,
            "report_skipped": True,
            "use_transactions": True,
            "clean_model_instances": True,
        },
    )
    return type(f"{model.__name__}Resource", (DocTypeResource,), attrs)
