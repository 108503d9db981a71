"""Printable documents: HTML templates rendered to PDF by WeasyPrint.

Every PDF uses the bundled Noto Sans Lao (with Noto Sans for Latin text),
loaded from the app's own static files, so Lao prints the same on any
machine and nothing is fetched from the network.
"""

import functools
import logging
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

FONT_CSS = "lao_moha/css/lao-font.css"


def font_stylesheet_url():
    """file:// URL of the @font-face stylesheet (its font URLs are relative)."""
    path = finders.find(FONT_CSS)
    if path is None:
        raise FileNotFoundError(f"Static file {FONT_CSS} is missing: fonts not built")
    return Path(path).resolve().as_uri()


def local_fetcher():
    """A WeasyPrint fetcher that reads local files only: no template reaches out."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"file", "data"}, timeout=5)


@functools.cache
def font_configuration():
    """One WeasyPrint font configuration per process: it keeps the bundled
    fonts once decoded. Decoding their 16 woff2 files took 3-4 s on every
    PDF; with the shared configuration later PDFs take about 0.2 s."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(template_name, context=None, request=None):
    """Render a template extending "pdf/base.html" to PDF bytes."""
    from weasyprint import HTML

    context = {**(context or {}), "font_stylesheet": font_stylesheet_url()}
    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=str(Path(__file__).parent), url_fetcher=local_fetcher())
    pdf = document.write_pdf(font_config=font_configuration())
    logger.info("Rendered %s to PDF (%d bytes)", template_name, len(pdf))
    return pdf


def pdf_response(pdf, filename, inline=True):
    from django.http import HttpResponse

    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
