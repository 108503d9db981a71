import shutil
import subprocess

import pytest

from lao_moha.core.pdf import render_pdf

LAO = "ກະຊວງພາຍໃນ ຜົ້ງສາລີ ນະຄອນຫຼວງວຽງຈັນ ຂັ້ນ II ປີ 2026"


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "sample.pdf"
    path.write_bytes(render_pdf("tests/lao_sample.html", {"title": "ໃບຢັ້ງຢືນ", "body": LAO}))
    return path


@pytest.mark.smoke
def test_pdf_is_rendered(pdf):
    assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdf_embeds_only_the_bundled_fonts(pdf):
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    names = [row.split()[0].split("+")[-1] for row in rows]
    assert any(name.startswith("Noto-Sans-Lao") for name in names)
    assert all(name.startswith("Noto-Sans") for name in names), names
    # Every font is embedded ("emb" column says yes).
    assert all(" yes " in row for row in rows)


def test_pdf_text_keeps_lao(pdf):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Copy-out may split clusters; the plain syllables must survive.
    for word in ("ກະຊວງພາຍໃນ", "2026", "II"):
        assert word in text


def test_remote_resources_are_never_fetched():
    from lao_moha.core.pdf import local_fetcher

    with pytest.raises(ValueError, match="disallowed protocol"):
        local_fetcher().fetch("http://127.0.0.1:9/x.css")
