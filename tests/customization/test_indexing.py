"""Filterable custom fields get an indexed generated column on MariaDB,
kept in step with renames, removals and purges."""

import pytest
from django.db import connection

from lao_moha.customization import definitions, indexing
from lao_moha.customization.expressions import value_expression
from lao_moha.customization.models import CustomField
from lao_moha.personnel.models import Official
from tests import factories

mariadb = pytest.mark.skipif(
    connection.vendor != "mysql", reason="generated columns are built on MariaDB only"
)


@pytest.fixture
def committed_reference(transactional_db):
    """Reference data and a small tree, committed (DDL commits on MariaDB,
    so these tests cannot run inside a rolled-back transaction)."""
    from lao_moha.geo.reference import load_divisions
    from lao_moha.organization.reference import load_positions
    from lao_moha.personnel.reference import load_personnel_lists

    load_divisions()
    load_positions()
    load_personnel_lists()
    yield factories.ministry_tree()
    indexing.drop_all(Official)
    definitions.forget()


def explain(queryset):
    return queryset.explain()


def columns():
    return indexing.existing_columns(Official._meta.db_table)


def indexes():
    """{index: [columns]} of the custom-field indexes of the officials."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT index_name, column_name FROM information_schema.statistics "
            "WHERE table_schema = DATABASE() AND table_name = %s "
            "AND index_name LIKE %s ORDER BY index_name, seq_in_index",
            [Official._meta.db_table, "cf\\_%"],
        )
        found = {}
        for index, column in cursor.fetchall():
            found.setdefault(index, []).append(column)
        return found


@mariadb
def test_index_follows_the_field_through_its_life(committed_reference):
    ministry = committed_reference
    cf = CustomField(
        doctype="personnel.Official",
        name="blood_group",
        field_type="select",
        label_lo="ກຸ່ມເລືອດ",
        filterable=True,
        options=[{"value": v, "label_lo": v} for v in ("A", "B")],
    )
    cf.full_clean()
    cf.save()
    cf.refresh_from_db()
    assert cf.indexed_key == "blood_group"
    assert columns() == {f"cf_{cf.pk}"}
    assert indexes() == {
        f"cf_{cf.pk}_idx": [f"cf_{cf.pk}"],
        f"cf_{cf.pk}_scope_idx": ["unit_id", f"cf_{cf.pk}"],
    }
    a = factories.official(ministry["p01"], custom_fields={"blood_group": "A"})
    factories.official(ministry["p13"], custom_fields={"blood_group": "B"})

    cf = definitions.get_field("personnel.Official", "blood_group")
    queryset = Official.objects.alias(v=value_expression(cf)).filter(v="A")
    assert list(queryset) == [a]
    assert f"cf_{cf.pk}_idx" in explain(queryset)

    cf.name = "blood_type"
    cf.save()
    cf.refresh_from_db()
    assert cf.indexed_key == "blood_type"
    cf = definitions.get_field("personnel.Official", "blood_type")
    assert list(Official.objects.alias(v=value_expression(cf)).filter(v="A")) == [a]

    cf.filterable = False
    cf.save()
    assert columns() == set()
    cf.filterable = True
    cf.save()
    assert columns() == {f"cf_{cf.pk}"}

    from lao_moha.customization import lifecycle

    lifecycle.remove(cf)
    assert columns() == set()
    lifecycle.restore(cf)
    assert columns() == {f"cf_{cf.pk}"}
    lifecycle.remove(cf)
    lifecycle.purge(cf)
    assert columns() == set()
    assert indexes() == {}
    a.refresh_from_db()
    assert a.custom_fields == {}


@mariadb
def test_each_type_is_indexed_and_filters_like_the_json(committed_reference):
    ministry = committed_reference
    specs = {
        "remark": ("text", "ok", "ok"),
        "badge_number": ("integer", 42, 42),
        "allowance": ("decimal", "12.5", "12.5"),
        "card_issued": ("date", "2024-02-29", "2024-02-29"),
        "veteran": ("check", True, True),
        "mentor_unit": ("link", ministry["p01"].pk, ministry["p01"].pk),
    }
    for name, (kind, _, _) in specs.items():
        cf = CustomField(
            doctype="personnel.Official",
            name=name,
            field_type=kind,
            label_lo=name,
            filterable=True,
            link_doctype="organization.OrgUnit" if kind == "link" else "",
        )
        cf.full_clean()
        cf.save()
    official = factories.official(
        ministry["p01"],
        custom_fields={name: stored for name, (_, stored, _) in specs.items()},
    )
    factories.official(ministry["p13"], custom_fields={"veteran": False})
    assert len(columns()) == len(specs)
    for name, (_, _, wanted) in specs.items():
        cf = definitions.get_field("personnel.Official", name)
        assert cf.index_column, name
        found = Official.objects.alias(v=value_expression(cf)).filter(v=wanted)
        assert list(found) == [official], name


@pytest.mark.skipif(connection.vendor == "mysql", reason="the MariaDB path builds it")
def test_other_databases_log_that_they_build_no_index(db, caplog):
    cf = CustomField(
        doctype="personnel.Official",
        name="blood_group",
        field_type="text",
        label_lo="ກຸ່ມເລືອດ",
        filterable=True,
    )
    cf.full_clean()
    cf.save()
    with caplog.at_level("INFO", logger="lao_moha.customization.indexing"):
        assert indexing.sync(cf) == ""
    assert f"Custom field {cf.pk} is filterable; sqlite builds no index for it" in (
        caplog.text
    )
