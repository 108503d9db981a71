"""The site's URLs plus a page of Lao glyphs, for the rendering tests."""

from django.urls import path
from django.views.generic import TemplateView

from config.urls import urlpatterns as site_patterns
from tests.language.glyphs import glyph_context


class GlyphPage(TemplateView):
    template_name = "tests/lao_glyphs.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **glyph_context(self.request)}


class ScriptsPage(TemplateView):
    template_name = "tests/desk_scripts.html"

    def get_context_data(self, **kwargs):
        lang = (
            self.request.GET.get("lang")
            if self.request.GET.get("lang") in ("lo", "vi")
            else "lo"
        )
        return {**super().get_context_data(**kwargs), "lang": lang}


urlpatterns = [
    path("test-glyphs/", GlyphPage.as_view()),
    path("test-desk-scripts/", ScriptsPage.as_view()),
    *site_patterns,
]
