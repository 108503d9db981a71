"""Import jobs through the desk and the API: upload, check, import, progress,
the kept result, templates; large files go through the job queue."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from lao_moha.core.imports import runner
from lao_moha.core.imports.models import ImportJob
from lao_moha.personnel.models import Official
from tests.core.test_imports import csv_bytes, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_media(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def upload(data, name="officials.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.mark.smoke
def test_desk_upload_check_then_import(admin_client, ministry, private_media):
    page = admin_client.get("/app/personnel/official/import/")
    assert page.status_code == 200
    assert "Download the template (.xlsx)" in page.content.decode()
    response = admin_client.post("/app/personnel/official/import/",
                                 {"file": upload(csv_bytes([person(1), person(2)]))})
    job = ImportJob.objects.get()
    assert response.url == f"/app/core/importjob/{job.pk}/change/"
    assert job.status == ImportJob.Status.VALID
    assert not Official.objects.filter(civil_service_no__startswith="IMP").exists()
    page = admin_client.get(response.url).content.decode()
    assert "No problem found: 2 new, 0 to update, 0 unchanged." in page
    admin_client.post(response.url, {"commit": "1"})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.created_count, job.problem_count) == (2, 0)
    assert Official.objects.filter(civil_service_no__startswith="IMP").count() == 2
    assert Official.objects.get(civil_service_no="IMP0001").created_by.is_superuser


def test_desk_shows_every_problem_by_row(admin_client, ministry, private_media):
    rows = [person(1), person(2, **{"ຊັ້ນ": 9})]
    admin_client.post("/app/personnel/official/import/",
                      {"file": upload(csv_bytes(rows)), "commit_when_valid": "on"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.INVALID
    page = admin_client.get(f"/app/core/importjob/{job.pk}/change/").content.decode()
    assert "The file has 1 problem; nothing was imported." in page
    assert "Grade 9 is not in the salary scale" in page
    assert not Official.objects.filter(civil_service_no__startswith="IMP").exists()


def test_refused_file_is_reported_on_the_job(admin_client, ministry, private_media):
    admin_client.post("/app/personnel/official/import/",
                      {"file": upload("ຊື່\n".encode() + b"\xe9\n")})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.INVALID
    assert "is not UTF-8 text" in job.message


def test_upload_form_refuses_large_files(admin_client, ministry, private_media, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = admin_client.post("/app/personnel/official/import/",
                                 {"file": upload(b"x" * 200)})
    assert response.status_code == 200
    assert "files up to 0.0 MB are accepted" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_jobs_are_private_to_their_user(client_for, make_user, ministry, private_media,
                                        admin_user):
    clerk = make_user("clerk", perms=["personnel.add_official"], units=[ministry["p13"]])
    job = ImportJob.objects.create(user=admin_user, doctype="personnel.Official",
                                   original_name="a.csv")
    client = client_for(clerk)
    assert client.get(f"/app/core/importjob/{job.pk}/change/").status_code == 404
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(clerk)
    assert api.get("/api/core/import-jobs/").json()["count"] == 0


def test_templates_for_every_importable_doctype(admin_client):
    admin_client.cookies["django_language"] = "lo"
    response = admin_client.get("/app/personnel/official/import-template/?format=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    headings = [c.value for c in next(book.worksheets[0].iter_rows(max_row=1))]
    # A Lao desk gets the Lao headings of provincial files.
    assert headings[:2] == ["ລະຫັດລັດຖະກອນ *", "ຊື່ ແລະ ນາມສະກຸນ *"]
    assert len(book.sheetnames) == 2
    csv = admin_client.get("/app/personnel/evaluation/import-template/?format=csv")
    assert csv.content.decode("utf-8-sig").startswith("ລະຫັດລັດຖະກອນ *,ປີ *,ຜົນການປະເມີນ *")
    admin_client.cookies["django_language"] = "en"
    csv = admin_client.get("/app/personnel/evaluation/import-template/?format=csv")
    assert csv.content.decode("utf-8-sig").startswith("official *,year *,rating *")


def test_template_filled_in_imports_back(admin_client, ministry, private_media):
    admin_client.cookies["django_language"] = "en"
    response = admin_client.get("/app/personnel/official/import-template/?format=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    headings = [c.value.rstrip(" *") for c in next(sheet.iter_rows(max_row=1))]
    values = {"civil-service number": "TPL001", "name (Lao script)": "ທ່ານ ບຸນມີ ສີລາວົງ",
              "name (Latin transliteration)": "Bounmy SILAVONG", "gender": "ຊາຍ",
              "date of birth": "02/01/1980", "category": "CS", "current unit": "T-PHA-13",
              "grade": 4, "step": 2, "date of entry into service": "15/10/2003"}
    sheet.append([values.get(h) for h in headings])
    buffer = io.BytesIO()
    book.save(buffer)
    admin_client.post("/app/personnel/official/import/", {
        "file": SimpleUploadedFile("filled.xlsx", buffer.getvalue()),
        "commit_when_valid": "on"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE, job.result
    assert Official.objects.get(civil_service_no="TPL001").name_lo == "ບຸນມີ ສີລາວົງ"


def test_api_import_check_and_commit(admin_user, ministry, private_media):
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(admin_user)
    response = api.post("/api/personnel/officials/import/",
                        {"file": upload(csv_bytes([person(1)]))}, format="multipart")
    assert response.status_code == 202
    body = response.json()
    assert (body["status"], body["created_count"]) == ("valid", 1)
    committed = api.post(f"/api/core/import-jobs/{body['id']}/commit/")
    assert committed.json()["status"] == "done"
    assert committed.json()["progress"]["percent"] == 100
    again = api.post(f"/api/core/import-jobs/{body['id']}/commit/")
    assert again.status_code == 400


def test_api_import_refused_without_rights(make_user, ministry, private_media):
    reader = make_user("reader", perms=["personnel.view_official"], units=[ministry["root"]])
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(reader)
    response = api.post("/api/personnel/officials/import/",
                        {"file": upload(csv_bytes([person(1)]))}, format="multipart")
    assert response.status_code == 403


def test_large_file_goes_through_the_queue_with_progress(
        admin_user, ministry, private_media, settings, django_capture_on_commit_callbacks):
    """Above the inline size the job is queued: run inline without Redis, on
    the rq queue (worked here by a burst worker) with it."""
    settings.IMPORT_INLINE_MAX_BYTES = 10
    rows = [person(n) for n in range(1, 451)]
    data = csv_bytes(rows)
    job = ImportJob(user=admin_user, doctype="personnel.Official", original_name="big.csv",
                    size=len(data), commit_when_valid=True)
    job.file.save("big.csv", io.BytesIO(data), save=False)
    job.save()
    seen = []
    original = ImportJob.set_progress

    def spy(self, done, total):
        seen.append((done, total))
        original(self, done, total)

    ImportJob.set_progress = spy
    try:
        with django_capture_on_commit_callbacks(execute=True):
            runner.start(job)
        if settings.REDIS_URL:
            import django_rq
            from rq import SimpleWorker

            queue = django_rq.get_queue("default")
            SimpleWorker([queue], connection=queue.connection).work(burst=True)
    finally:
        ImportJob.set_progress = original
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, (job.status, job.message, job.result)
    assert job.created_count == 450
    # Checking is the first half of an import's progress, saving the second.
    assert seen[0] == (200, 902)
    assert seen[-1] == (902, 902)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert job.percent() == 100

