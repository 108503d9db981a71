"""A province-level user reaches their own province's records and never
another's, on every path, for every DocType that belongs to org units.

Generated from the DocType registry: a DocType added later is covered by
these tests as soon as it is declared (a builder in tests/utils/ helps when
a generic record of it would not save). The user holds every permission of
every DocType, so only the scope stands between them and the records.
"""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models

from lao_moha.core import record_views
from lao_moha.core.models import Attachment
from tests.utils import matrix
from tests.utils.matrix import api_url, desk_url

pytestmark = pytest.mark.django_db

DOCTYPES = matrix.scoped_doctypes()


@pytest.fixture(params=DOCTYPES, ids=matrix.doctype_id)
def world(request, admin_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return matrix.make_world(request.param, admin_user)


def result_pks(response):
    return {obj.pk for obj in response.context["cl"].result_list}


# -- desk -------------------------------------------------------------------


def test_desk_list(world):
    response = world.desk.get(desk_url(world.model))
    assert response.status_code == 200
    pks = result_pks(response)
    assert world.own.pk in pks
    assert world.foreign.pk not in pks


def test_desk_search(world):
    term = matrix.search_term(world.doctype, world.foreign)
    if term is None:
        pytest.skip("no plain search field")
    response = world.desk.get(desk_url(world.model), {"q": term})
    assert world.foreign.pk not in result_pks(response)


def test_desk_detail(world):
    assert world.desk.get(desk_url(world.model, "change", world.own)).status_code == 200
    response = world.desk.get(desk_url(world.model, "change", world.foreign))
    assert response.status_code in (302, 404)
    assert str(world.foreign) not in response.content.decode()


def test_desk_change_and_delete_refused(world):
    version = world.foreign.version
    world.desk.post(
        desk_url(world.model, "change", world.foreign), {"loaded_version": version}
    )
    world.desk.post(desk_url(world.model, "delete", world.foreign), {"post": "yes"})
    world.desk.post(
        desk_url(world.model),
        {
            "action": "delete_selected",
            "_selected_action": [world.foreign.pk],
            "post": "yes",
        },
    )
    world.foreign.refresh_from_db()
    assert world.foreign.version == version


def test_desk_move_out_of_scope_refused(world):
    hop = matrix.first_hop(world.doctype)
    page = world.desk.get(desk_url(world.model, "change", world.own))
    data = matrix.form_post_data(page)
    if hop not in data:
        pytest.skip(f"{hop} is not on the desk form")
    target = getattr(world.foreign, f"{hop}_id")
    before = getattr(world.own, f"{hop}_id")
    data[hop] = str(target)
    response = world.desk.post(desk_url(world.model, "change", world.own), data)
    assert response.status_code == 200  # the form again, with the refusal
    world.own.refresh_from_db()
    assert getattr(world.own, f"{hop}_id") == before


def test_desk_history(world):
    assert (
        world.desk.get(desk_url(world.model, "history", world.own)).status_code == 200
    )
    assert (
        world.desk.get(desk_url(world.model, "history", world.foreign)).status_code
        == 404
    )
    row = world.model.history.filter(id=world.foreign.pk).first()
    url = f"{desk_url(world.model, 'history', world.foreign)}{row.history_id}/"
    assert world.desk.get(url).status_code == 404


def test_desk_export(world):
    if not world.doctype.importable:
        pytest.skip("not importable/exportable")
    resource = matrix.world_resource(world.doctype)
    prefix = resource.__name__.lower()
    data = {"format": "0", "resource": "0"}
    for name in resource().get_export_order():
        data[f"{prefix}_{name}"] = "on"
    response = world.desk.post(desk_url(world.model, "export"), data)
    assert response.status_code == 200, response.content[:500]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = {cell for row in rows[1:] for cell in row}
    assert matrix.identity_value(world, world.own) in cells
    assert matrix.identity_value(world, world.foreign) not in cells
    assert len(rows) - 1 == len(matrix.visible_pks(world))


def test_desk_autocomplete(world):
    checked = 0
    for source, name in matrix.related_sources(world.model):
        if name not in source.autocomplete_fields:
            continue
        response = world.desk.get(
            "/app/autocomplete/",
            {
                "app_label": source.app_label,
                "model_name": source.model._meta.model_name,
                "field_name": name,
                "term": "",
            },
        )
        assert response.status_code == 200
        ids = {int(r["id"]) for r in response.json()["results"]}
        assert world.foreign.pk not in ids
        checked += 1
    if not checked:
        pytest.skip("no autocomplete points at this DocType")


def test_desk_pickers(world):
    checked = 0
    for source, name in matrix.related_sources(world.model):
        response = world.desk.get(desk_url(source.model, "add"))
        assert response.status_code == 200
        form = response.context["adminform"].form
        if name not in form.fields:
            continue
        choices = set(form.fields[name].queryset.values_list("pk", flat=True))
        assert world.own.pk in choices
        assert world.foreign.pk not in choices
        checked += 1
    if not checked:
        pytest.skip("no form picks this DocType")


def test_desk_filter_choices(world):
    checked = 0
    for source, name in matrix.related_sources(world.model):
        if name not in source.list_filter:
            continue
        response = world.desk.get(desk_url(source.model))
        specs = [
            s
            for s in response.context["cl"].filter_specs
            if getattr(s, "field_path", None) == name
        ]
        for spec in specs:
            offered = {pk for pk, _label in spec.lookup_choices}
            assert world.foreign.pk not in offered
            checked += 1
    if not checked:
        pytest.skip("no list filter on this DocType")


# -- REST -------------------------------------------------------------------


def test_api_list_and_count(world):
    if not world.doctype.api:
        pytest.skip("no REST endpoint")
    body = world.api.get(api_url(world.doctype), {"page_size": 500}).json()
    ids = {row["id"] for row in body["results"]}
    assert world.own.pk in ids
    assert world.foreign.pk not in ids
    assert body["count"] == len(matrix.visible_pks(world))


def test_api_search(world):
    term = matrix.search_term(world.doctype, world.foreign)
    if term is None or not world.doctype.api:
        pytest.skip("no plain search field")
    body = world.api.get(api_url(world.doctype), {"search": term}).json()
    assert world.foreign.pk not in {row["id"] for row in body["results"]}


def test_api_detail_update_delete(world):
    if not world.doctype.api:
        pytest.skip("no REST endpoint")
    own, foreign = world.own, world.foreign
    assert world.api.get(api_url(world.doctype, own)).status_code == 200
    assert world.api.get(api_url(world.doctype, foreign)).status_code == 404
    assert world.api.get(api_url(world.doctype, foreign, "history/")).status_code == 404
    etag = f'"{foreign.version}"'
    patch = world.api.patch(
        api_url(world.doctype, foreign), {}, format="json", HTTP_IF_MATCH=etag
    )
    assert patch.status_code == 404
    assert world.api.delete(api_url(world.doctype, foreign)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.version == int(etag.strip('"'))

    mine = world.api.patch(
        api_url(world.doctype, own), {}, format="json", HTTP_IF_MATCH=f'"{own.version}"'
    )
    assert mine.status_code in (200, 400), mine.content
    if mine.status_code == 400:
        assert "outside" not in mine.content.decode()


def test_api_create_outside_scope_refused(world):
    if not world.doctype.api:
        pytest.skip("no REST endpoint")
    data = world.root_api.get(api_url(world.doctype, world.foreign)).json()
    for key in ("id", "display", "version", "created_at", "modified_at"):
        data.pop(key, None)
    before = world.model._default_manager.count()
    response = world.api.post(api_url(world.doctype), data, format="json")
    assert response.status_code == 400, response.content
    errors = response.json()
    assert matrix.first_hop(world.doctype) in errors or "outside" in str(errors)
    assert world.model._default_manager.count() == before


def test_api_move_out_of_scope_refused(world):
    if not world.doctype.api:
        pytest.skip("no REST endpoint")
    hop = matrix.first_hop(world.doctype)
    before = getattr(world.own, f"{hop}_id")
    response = world.api.patch(
        api_url(world.doctype, world.own),
        {hop: getattr(world.foreign, f"{hop}_id"), "version": world.own.version},
        format="json",
    )
    assert response.status_code == 400
    assert hop in response.json() or "outside" in response.content.decode()
    world.own.refresh_from_db()
    assert getattr(world.own, f"{hop}_id") == before


def test_api_filter_choices(world):
    checked = 0
    for source, name in matrix.related_sources(world.model):
        if name not in source.list_filter or not source.api:
            continue
        response = world.api.get(api_url(source), {name: world.foreign.pk})
        if response.status_code == 200:
            assert response.json()["count"] == 0
        else:
            assert response.status_code == 400
        checked += 1
    if not checked:
        pytest.skip("no REST filter on this DocType")


# -- printouts, downloads and other record views ------------------------------


def attach_files(obj):
    """Give every empty file field of a record a small file."""
    for model_field in obj._meta.concrete_fields:
        if isinstance(model_field, models.FileField) and not getattr(
            obj, model_field.name
        ):
            getattr(obj, model_field.name).save(
                "scan.txt", ContentFile(b"scan"), save=False
            )
    obj.save()


def test_record_views(world):
    views = record_views.views_for(world.doctype)
    if not views:
        pytest.skip("no record view applies")
    attach_files(world.own)
    attach_files(world.foreign)
    for view in views:
        for query in view.variants(world.doctype):
            foreign = world.desk.get(
                record_views.record_url(view.name, world.foreign), query
            )
            assert foreign.status_code == 404, (view.name, query)
            own = world.desk.get(record_views.record_url(view.name, world.own), query)
            assert own.status_code == 200, (view.name, query)


def attach(obj):
    return Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        title="scan",
        file=ContentFile(b"scan", name="scan.txt"),
    )


def test_attachments(world):
    if not world.doctype.attachable:
        pytest.skip("no attachments on this DocType")
    own, foreign = attach(world.own), attach(world.foreign)
    assert world.desk.get(f"/app/files/{own.pk}/").status_code == 200
    assert world.desk.get(f"/app/files/{foreign.pk}/").status_code in (403, 404)
    listing = {"record_type": world.doctype.label, "record_id": world.foreign.pk}
    assert world.api.get("/api/core/attachments/", listing).status_code in (403, 404)
    assert world.api.get(f"/api/core/attachments/{foreign.pk}/").status_code in (403, 404)
    assert world.api.delete(f"/api/core/attachments/{foreign.pk}/").status_code in (403, 404)
    assert Attachment.objects.filter(pk=foreign.pk).exists()
