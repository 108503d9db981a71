"""Build or drop the MariaDB index columns of custom fields to match their
definitions (after a restore from backup, or when a build failed)."""

from django.core.management.base import BaseCommand

from lao_moha.customization import definitions, indexing
from lao_moha.customization.models import CustomField


class Command(BaseCommand):
    help = "Make the index columns of custom fields match their definitions."

    def handle(self, *args, **options):
        if not indexing.supported():
            self.stdout.write(
                "This database filters custom fields through JSON; "
                "no index columns to build."
            )
            return
        known = set()
        built = 0
        for cf in CustomField.objects.all():
            known.add((cf.get_doctype().model._meta.db_table, f"cf_{cf.pk}"))
            if indexing.sync(cf):
                built += 1
        orphans = 0
        for table in {table for table, _ in known} | self.tables_with_columns():
            for column in indexing.existing_columns(table):
                if (table, column) not in known:
                    indexing.drop_column(table, column)
                    orphans += 1
        definitions.changed()
        self.stdout.write(
            f"Indexed custom fields: {built}; orphan columns dropped: {orphans}."
        )

    def tables_with_columns(self):
        from lao_moha.core import registry

        return {d.model._meta.db_table for d in registry.all_doctypes()}
