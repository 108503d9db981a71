"""The completeness check: every string a user can meet exists in Lao and
Vietnamese, and every catalog compiles. `make i18n` prints the same list."""

import re
import shutil

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from lao_moha.language import catalogs
from lao_moha.locale_thirdparty.tools.extract import collect, missing

needs_gettext = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msgfmt")),
    reason="GNU gettext (xgettext, msgmerge, msgfmt) is not installed",
)
LAO = re.compile(r"[\u0e80-\u0eff]")


@pytest.fixture(scope="module")
def thirdparty_msgids():
    return collect()


@needs_gettext
@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_every_project_string_is_translated(language):
    assert catalogs.untranslated(language) == [], (
        f"run `make messages` and translate these in locale/{language}"
    )


@needs_gettext
@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_every_third_party_string_is_translated(language, thirdparty_msgids):
    assert missing(language, thirdparty_msgids) == []


def test_no_fuzzy_entries():
    """gettext ignores fuzzy entries: the user would meet the English."""
    assert catalogs.fuzzy() == []


def test_placeholders_and_tags_are_kept():
    assert catalogs.placeholder_problems() == []


@needs_gettext
def test_catalogs_compile_and_mo_files_are_current():
    assert catalogs.compile_problems() == []


def _visible_models():
    """Models a desk or API user meets: registered in the desk, or DocTypes."""
    from django.contrib import admin

    from lao_moha.core import registry

    return set(admin.site._registry) | {d.model for d in registry.all_doctypes()}


def _labels():
    """(where, text) of the app, model, field, help text and choice labels
    that the desk and API show."""
    models = _visible_models()
    for label in sorted({m._meta.app_label for m in models}):
        yield label, apps.get_app_config(label).verbose_name
    for model in sorted(models, key=lambda m: m._meta.label):
        opts = model._meta
        where = opts.label
        yield where, opts.verbose_name
        yield where, opts.verbose_name_plural
        for field in opts.get_fields():
            if not hasattr(field, "verbose_name") or field.auto_created:
                continue
            yield f"{where}.{field.name}", field.verbose_name
            if field.help_text:
                yield f"{where}.{field.name} help", field.help_text
            if field.choices == settings.LANGUAGES:
                continue  # each language is named in its own script
            for _value, label in field.flatchoices or ():
                yield f"{where}.{field.name} choice", label


@pytest.mark.smoke
def test_model_and_field_labels_read_in_lao():
    with translation.override("lo"):
        english = sorted(
            {
                (where, str(text))
                for where, text in _labels()
                if str(text).strip("-— ") and not LAO.search(str(text))
            }
        )
    assert english == []
