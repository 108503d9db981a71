"""A reader of Lao meets no English in the desk: every page of every record
type (list, add, change, history, import, export), the index, the sign-in
and password pages are rendered in Lao and their visible text is searched
for English words.

A text is English when it has no Lao letter and holds a word of the
source strings (the msgids of our and the third-party catalogs). Record
data (names in English or Latin script, codes) and technical tokens that
stay in Latin script (file formats, field keys of import files, language
names in their own script) are not.
"""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models

from lao_moha.language import catalogs
from lao_moha.locale_thirdparty.tools.extract import read_po
from tests import factories

pytestmark = pytest.mark.django_db

LAO = re.compile(r"[\u0e80-\u0eff]")
WORD = re.compile(r"[A-Za-z][a-z]{2,}")
# Kept in Latin script on purpose: file formats and program names, the
# language names of the switcher, keyboard keys, units and identifiers.
TECHNICAL = {
    "csv",
    "tsv",
    "xlsx",
    "xls",
    "json",
    "yaml",
    "html",
    "pdf",
    "excel",
    "workbook",
    "libreoffice",
    "unicode",
    "text",
    "utf",
    "english",
    "tiếng",
    "việt",
    "esc",
    "iso",
    "api",
    "id",
    "token",
    "django",
}
HIDDEN_CLASSES = ("material-symbols",)


class VisibleText(HTMLParser):
    """Text a reader sees: text nodes and the placeholder and title of
    inputs, minus scripts, styles, templates and icon ligatures."""

    SKIP = {"script", "style", "template", "noscript"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.texts = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("placeholder", "title", "alt"):
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag in self.VOID:
            return
        hidden = tag in self.SKIP or any(
            c in (attrs.get("class") or "") for c in HIDDEN_CLASSES
        )
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(hidden for _tag, hidden in self.stack) and data.strip():
            self.texts.append(data.strip())


def english_vocabulary():
    words = set()
    paths = [catalogs.catalog_path("lo"), *catalogs.all_catalogs()]
    for path in paths:
        for entry in read_po(path):
            words.update(w.lower() for w in WORD.findall(entry.msgid))
    return words - TECHNICAL


def data_strings():
    """Every text value stored in the records the pages show."""
    values = set()
    for model in apps.get_models():
        if not model._meta.managed:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model._default_manager.values_list(*fields):
            values.update(str(v).strip() for v in row if v)
    return values


def desk_urls():
    urls = ["/app/", "/app/password_change/"]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"/app/{opts.app_label}/{opts.model_name}/"
        urls.append(base)
        if not opts.managed:
            continue  # the audit trail page: a list only, no form
        urls.append(f"{base}add/")
        # An unmanaged model (the audit trail page) has no table of its own.
        record = model._default_manager.order_by("pk").first() if opts.managed else None
        if record is not None:
            urls += [f"{base}{record.pk}/change/", f"{base}{record.pk}/history/"]
        if hasattr(model_admin, "import_action"):
            urls.append(f"{base}import/")
        if hasattr(model_admin, "export_action"):
            urls.append(f"{base}export/")
    return urls


def pending_msgids():
    """Project strings not translated yet: test_catalogs reports them; here
    they would only repeat that report on every page that shows them."""
    return {msgid for _domain, msgid in catalogs.untranslated("lo")}


def awaits_translation(text, pending):
    """Whether `text` shows a string still awaiting translation, alone or
    composed by Django ("App | permission", "historical x", "28 x",
    "Field › Field"). Only while strings are pending: the catalog check
    fails meanwhile, and this page check is strict again once they are
    translated."""
    folded = text.casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(msgid.casefold())}(?!\w)", folded)
        for msgid in pending
    )


def english_on(page, vocabulary, data, pending=frozenset()):
    parser = VisibleText()
    parser.feed(page)
    found = []
    data = {value.casefold() for value in data}
    for text in parser.texts:
        # Audit rows ("field: old → new") and empty history cells ("None")
        # show stored values: data, not interface text.
        if " → " in text or text == "None":
            continue
        if LAO.search(text) or text.casefold() in data or awaits_translation(text, pending):
            continue
        if any(text.casefold().startswith(value) for value in data if len(value) > 3):
            continue  # "Name (code)" and similar record titles
        words = {w.lower() for w in WORD.findall(text)} - TECHNICAL
        if words & vocabulary and not re.fullmatch(r"[\w, ]*_[\w, ]*", text):
            found.append(text)
    return found


@pytest.fixture
def records(ministry, admin_user):
    official = factories.official(ministry["d0101"], name_lo="ສົມພອນ ພົມມະຈັນ")
    official.name_lo = "ສົມພອນ ພົມມະຈັນ ສຸວັນນະວົງ"
    official.save()  # a second version: the history shows a change
    return official


@pytest.mark.parametrize("url", ["/app/login/", "/no-such-page/"])
def test_no_english_on_the_sign_in_and_error_pages(client, url):
    page = client.get(url).content.decode()
    assert "ກະຊວງພາຍໃນ" in page
    assert english_on(page, english_vocabulary(), set()) == []


def test_refused_page_reads_in_lao(client, make_user):
    client.force_login(make_user(perms=()))
    response = client.get("/app/core/importjob/add/")
    assert response.status_code == 403
    assert "ບໍ່ມີສິດເຂົ້າເຖິງ" in response.content.decode()


@pytest.mark.smoke
def test_no_english_on_any_desk_page(client, admin_user, records):
    client.force_login(admin_user)
    vocabulary, data, pending = english_vocabulary(), data_strings(), pending_msgids()
    data.add(admin_user.username)
    problems = {}
    for url in desk_urls():
        response = client.get(url, follow=True)
        # A refused page (403) must read in Lao too.
        assert response.status_code in (200, 403), url
        found = english_on(response.content.decode(), vocabulary, data, pending)
        if found:
            problems[url] = found
    assert problems == {}
