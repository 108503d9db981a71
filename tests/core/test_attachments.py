import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from lao_moha.core.models import Attachment
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def people(ministry):
    return {
        "p01": factories.official(ministry["d0101"]),
        "p13": factories.official(ministry["d1301"]),
    }


def api_as(user):
    client = APIClient(HTTP_HOST="127.0.0.1")
    client.force_authenticate(user)
    return client


def upload(client, official, name="decision.pdf", content=PDF):
    return client.post(
        "/api/core/attachments/",
        {"record_type": "personnel.Official", "record_id": official.pk, "title": "ຂໍ້ຕົກລົງ",
         "file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


@pytest.fixture
def clerk_01(make_user, ministry):
    return make_user("clerk01", perms=["personnel.view_official", "personnel.change_official"],
                     units=[ministry["p01"]])


def test_upload_list_and_download_inside_scope(clerk_01, people, settings, client_for):
    client = api_as(clerk_01)
    response = upload(client, people["p01"])
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert attachment.original_name == "decision.pdf"
    assert attachment.size == len(PDF)
    # Stored in the private folder, never under public media.
    assert str(settings.PRIVATE_MEDIA_ROOT) in attachment.file.path
    listed = client.get("/api/core/attachments/", {"record_type": "personnel.Official",
                                                   "record_id": people["p01"].pk}).json()
    assert [row["title"] for row in listed["results"]] == ["ຂໍ້ຕົກລົງ"]
    download = client_for(clerk_01).get(f"/app/files/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


def test_other_province_cannot_attach_list_or_download(clerk_01, people, client_for):
    client = api_as(clerk_01)
    assert upload(client, people["p13"]).status_code == 403
    other = Attachment.objects.create(record=people["p13"], file=SimpleUploadedFile("x.pdf", PDF))
    assert client_for(clerk_01).get(f"/app/files/{other.pk}/").status_code == 403
    assert client.get(f"/api/core/attachments/{other.pk}/download/").status_code == 403
    assert client.get("/api/core/attachments/", {"record_type": "personnel.Official",
                                                 "record_id": people["p13"].pk}).status_code == 403


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "files of type .exe are not accepted"),
        ("fake.pdf", b"<html>not a pdf</html>", "does not contain a real .pdf file"),
    ],
)
def test_bad_files_are_refused_with_the_reason(clerk_01, people, name, content, message):
    response = upload(api_as(clerk_01), people["p01"], name=name, content=content)
    assert response.status_code == 400
    assert message in response.json()["file"][0]
    assert not Attachment.objects.exists()


def test_oversized_file_is_refused(clerk_01, people, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    response = upload(api_as(clerk_01), people["p01"], content=PDF + b"0" * 2048)
    assert response.status_code == 400
    assert "the limit is" in response.json()["file"][0]


def test_record_type_without_attachments_is_refused(clerk_01, ministry):
    response = api_as(clerk_01).post(
        "/api/core/attachments/",
        {"record_type": "geo.Province", "record_id": 1, "file": SimpleUploadedFile("a.pdf", PDF)},
        format="multipart",
    )
    assert response.status_code == 400
    assert "does not take attachments" in response.json()["record_type"][0]


def test_anonymous_download_goes_to_login(people):
    from django.test import Client

    other = Attachment.objects.create(record=people["p13"], file=SimpleUploadedFile("x.pdf", PDF))
    response = Client(HTTP_HOST="127.0.0.1").get(f"/app/files/{other.pk}/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
