"""Lao with combining vowels and tone marks is drawn with the bundled Noto
Sans Lao, never as missing-glyph boxes: in the browser (a page served on
127.0.0.1 and shot by headless Chromium) and in PDFs (pdftoppm, pdffonts).

Each syllable is drawn in its own cell or page, so each can be checked on
its own: it has ink, it differs from every other syllable (missing-glyph
boxes all look alike), it differs from the box drawn for a character no
font has, and it differs from the same syllable drawn by the machine's own
font (DejaVu Sans has Lao): so the glyph came from Noto Sans Lao.
"""

import shutil
import subprocess

import pytest
from PIL import Image

from lao_moha.core.pdf import render_pdf
from tests.language.glyphs import FAMILIES, MISSING, SYLLABLES, cell_boxes

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: chromium)"
)
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdffonts")),
    reason="poppler-utils (pdftoppm, pdffonts) is not installed",
)
CELLS = [*SYLLABLES, MISSING]


def has_ink(image):
    return image.getextrema()[0] < 128


def assert_drawn_with_the_lao_font(lao, missing, fallback):
    """`lao`: one image per syllable; `missing`: the missing-glyph image;
    `fallback`: the syllables drawn by the machine's own font."""
    assert all(has_ink(image) for image in lao)
    pictures = [image.tobytes() for image in lao]
    assert len(set(pictures)) == len(SYLLABLES), "two syllables look alike"
    assert missing.tobytes() not in pictures, "a syllable is a missing-glyph box"
    same = [
        s
        for s, a, b in zip(SYLLABLES, lao, fallback, strict=True)
        if a.tobytes() == b.tobytes()
    ]
    assert same == [], "drawn by the fallback font, not Noto Sans Lao"


# ------------------------------------------------------------------ browser
@pytest.fixture
def server(live_server, db, settings):
    """The site and a glyph page, on 127.0.0.1 (see conftest.py)."""
    settings.ROOT_URLCONF = "tests.language.render_urls"
    assert live_server.url.startswith("http://127.0.0.1:")
    return live_server.url


def chromium(tmp_path, *args):
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--hide-scrollbars",
        "--virtual-time-budget=10000",
        *args,
    ]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=180, check=True
    )


def browser_cells(tmp_path, url):
    shot = tmp_path / "page.png"
    chromium(tmp_path, "--window-size=720,320", f"--screenshot={shot}", url)
    image = Image.open(shot).convert("L")
    cells = [image.crop(box) for box in cell_boxes(len(CELLS))]
    return cells[: len(SYLLABLES)], cells[-1]


@needs_chromium
def test_browser_draws_lao_with_noto_sans_lao(server, tmp_path):
    lao, missing = browser_cells(tmp_path, f"{server}/test-glyphs/?font=desk")
    fallback, _missing = browser_cells(tmp_path, f"{server}/test-glyphs/?font=system")
    assert_drawn_with_the_lao_font(lao, missing, fallback)


@needs_chromium
def test_browser_loads_the_font_from_our_own_server(server, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", f"{server}/test-glyphs/?font=desk").stdout
    loaded = dom.split("loaded:", 1)[1].split("<", 1)[0].split("|")
    assert "Noto Sans Lao" in loaded


@needs_chromium
def test_desk_pages_use_the_same_font_stylesheet(server, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", f"{server}/app/login/").stdout
    assert 'href="/static/lao_moha/css/lao-font.css"' in dom
    assert "ເຂົ້າສູ່ລະບົບ" in dom


@needs_chromium
@pytest.mark.parametrize(
    ("lang", "no_results"), [("lo", "ບໍ່ພົບຜົນການຄົ້ນຫາ"), ("vi", "Không tìm thấy kết quả")]
)
def test_search_boxes_and_charts_speak_the_page_language(
    server, tmp_path, lang, no_results
):
    url = f"{server}/test-desk-scripts/?lang={lang}"
    dom = chromium(tmp_path, "--dump-dom", url).stdout
    assert f"select2={no_results}|" in dom
    assert 'chart="Noto Sans Lao"' in dom


# ---------------------------------------------------------------------- PDF
def pdf_pages(tmp_path, name, family):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(
        render_pdf("tests/lao_glyph_pages.html", {"cells": CELLS, "family": family})
    )
    subprocess.run(
        ["pdftoppm", "-r", "60", "-gray", "-png", str(path), str(tmp_path / name)],
        check=True,
    )
    images = [
        Image.open(p).convert("L") for p in sorted(tmp_path.glob(f"{name}-*.png"))
    ]
    assert len(images) == len(CELLS)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    names = [row.split()[0].split("+")[-1] for row in fonts.splitlines()[2:]]
    return images[: len(SYLLABLES)], images[-1], names


@needs_poppler
def test_pdf_draws_lao_with_noto_sans_lao(tmp_path):
    lao, missing, fonts = pdf_pages(tmp_path, "desk", FAMILIES["desk"])
    fallback, _missing, fallback_fonts = pdf_pages(tmp_path, "latin", FAMILIES["latin"])
    # Only the bundled font is embedded; without it the machine's font
    # stands in, which the comparison below must be able to tell apart.
    assert [name for name in fonts if "Lao" in name] == ["Noto-Sans-Lao"]
    assert all(name.startswith("Noto-Sans") for name in fonts), fonts
    assert any(name.startswith("DejaVu") for name in fallback_fonts), fallback_fonts
    assert_drawn_with_the_lao_font(lao, missing, fallback)
