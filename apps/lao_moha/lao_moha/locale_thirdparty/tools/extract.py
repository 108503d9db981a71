"""Collect the translatable strings of the installed third-party packages and
report those that the catalogs in ``locale_thirdparty`` leave untranslated.

Used two ways:

* as a function, from the test suite::

      from lao_moha.locale_thirdparty.tools.extract import missing
      assert missing("lo") == []

  ``missing(lang)`` returns a sorted list of ``(package, msgid)`` pairs
  (a msgid with a context is given as ``"context|msgid"``).

* as a script, with the project's virtualenv::

      python apps/lao_moha/lao_moha/locale_thirdparty/tools/extract.py --lang lo
      python apps/lao_moha/lao_moha/locale_thirdparty/tools/extract.py --pot-dir /tmp/tp

  It prints the missing pairs (exit status 1 if there are any) and, with
  ``--pot-dir``, writes ``django.pot`` and ``djangojs.pot`` that can be fed to
  ``msgmerge`` to bring the catalogs up to date.

Django and its contrib apps ship an English catalog that is the reference
list of their msgids, so those are read as they are. The other packages ship
no English catalog (django-unfold ships none at all), so their strings are
extracted from the installed source and templates with ``xgettext`` (from
GNU gettext) in the way ``django-admin makemessages`` does it: templates are
first turned into Python with Django's ``templatize``.

For a language, a msgid counts as translated when our catalog has a non-empty,
non-fuzzy msgstr for it, or when the package's own catalog for that language
(or Django's) already translates it.
"""

from __future__ import annotations

import argparse
import gettext as gettext_module
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATALOG_ROOT = HERE.parent  # .../locale_thirdparty

# (label, import name, how) — how is either a list of (domain, relative path
# of an English .po inside the package) or "source" to extract from source.
PACKAGES: list[tuple[str, str, object]] = [
    ("django", "django", [("django", "conf/locale/en/LC_MESSAGES/django.po")]),
    (
        "django.contrib.admin",
        "django",
        [
            ("django", "contrib/admin/locale/en/LC_MESSAGES/django.po"),
            ("djangojs", "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"),
        ],
    ),
    ("django.contrib.auth", "django", [("django", "contrib/auth/locale/en/LC_MESSAGES/django.po")]),
    (
        "django.contrib.contenttypes",
        "django",
        [("django", "contrib/contenttypes/locale/en/LC_MESSAGES/django.po")],
    ),
    ("django.contrib.sessions", "django", [("django", "contrib/sessions/locale/en/LC_MESSAGES/django.po")]),
    ("django.contrib.humanize", "django", [("django", "contrib/humanize/locale/en/LC_MESSAGES/django.po")]),
    ("unfold", "unfold", "source"),
    ("rest_framework", "rest_framework", "source"),
    ("import_export", "import_export", "source"),
    ("simple_history", "simple_history", "source"),
    ("django_filters", "django_filters", "source"),
    ("drf_spectacular", "drf_spectacular", "source"),
]

# Catalogs that ship with the installed packages (relative to the package):
# a string they already translate needs no entry of ours (used for "vi").
SHIPPED_LOCALE_DIRS = {
    "django": ["conf/locale", "contrib/admin/locale", "contrib/auth/locale",
               "contrib/contenttypes/locale", "contrib/sessions/locale",
               "contrib/humanize/locale"],
    "rest_framework": ["locale"],
    "import_export": ["locale"],
    "simple_history": ["locale"],
    "django_filters": ["locale"],
}

PY_KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]
JS_KEYWORDS = PY_KEYWORDS[:5]
TEMPLATE_SUFFIXES = {".html", ".txt"}
SKIP_DIRS = {"tests", "__pycache__", "locale", "node_modules"}


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    comments: list[str] = field(default_factory=list)  # "#." lines
    references: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return "fuzzy" not in self.flags and bool(self.msgstr) and all(self.msgstr)


# ---------------------------------------------------------------- PO files
def _unquote(s: str) -> str:
    s = s.strip()
    if not (s.startswith('"') and s.endswith('"')):
        raise ValueError(f"bad PO string: {s!r}")
    out, i, body = [], 0, s[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(text: str) -> list[Entry]:
    """Parse PO text into entries (the header entry, msgid "", included)."""
    entries: list[Entry] = []
    cur: Entry | None = None
    field_name: str | None = None
    pending = {"flags": set(), "comments": [], "references": []}

    def finish():
        nonlocal cur
        if cur is not None:
            entries.append(cur)
        cur = None

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if cur is not None and field_name and field_name.startswith("msgstr"):
                finish()
            if line.startswith("#,"):
                pending["flags"].update(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#."):
                pending["comments"].append(line[2:].strip())
            elif line.startswith("#:"):
                pending["references"].extend(line[2:].split())
            continue
        if line.startswith('"'):
            value = _unquote(line)
            if field_name == "msgctxt":
                cur.msgctxt += value
            elif field_name == "msgid":
                cur.msgid += value
            elif field_name == "msgid_plural":
                cur.msgid_plural += value
            else:
                cur.msgstr[-1] += value
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and (
            cur is None or (field_name or "").startswith("msgstr") or (keyword == "msgid" and field_name != "msgctxt")
        ):
            finish()
            cur = Entry(msgid="", flags=pending["flags"], comments=pending["comments"],
                        references=pending["references"])
            pending = {"flags": set(), "comments": [], "references": []}
        if keyword == "msgctxt":
            cur.msgctxt = _unquote(rest)
        elif keyword == "msgid":
            cur.msgid = _unquote(rest)
        elif keyword == "msgid_plural":
            cur.msgid_plural = _unquote(rest)
        elif keyword.startswith("msgstr"):
            cur.msgstr.append(_unquote(rest))
        else:
            raise ValueError(f"cannot parse PO line: {raw!r}")
        field_name = keyword
    finish()
    return entries


def read_po(path: Path) -> list[Entry]:
    return parse_po(Path(path).read_text(encoding="utf-8"))


def quote(s: str) -> str:
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    if "\n" in s[:-1]:
        parts = s.split("\n")
        lines = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        return '""\n' + "\n".join(f'"{p}"' for p in lines)
    return '"' + s.replace("\n", "\\n") + '"'


def format_entry(e: Entry, nplurals: int = 1) -> str:
    out = [f"#. {c}" for c in e.comments]
    if e.references:
        out.append("#: " + " ".join(e.references))
    if e.flags:
        out.append("#, " + ", ".join(sorted(e.flags)))
    if e.msgctxt is not None:
        out.append("msgctxt " + quote(e.msgctxt))
    out.append("msgid " + quote(e.msgid))
    if e.msgid_plural is not None:
        out.append("msgid_plural " + quote(e.msgid_plural))
        strs = (e.msgstr + [""] * nplurals)[:nplurals]
        out.extend(f"msgstr[{i}] " + quote(s) for i, s in enumerate(strs))
    else:
        out.append("msgstr " + quote(e.msgstr[0] if e.msgstr else ""))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------ extraction
def package_dir(import_name: str) -> Path:
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(import_name)
    return Path(list(spec.submodule_search_locations)[0])


def package_version(import_name: str) -> str:
    from importlib import metadata

    dist = {"unfold": "django-unfold", "rest_framework": "djangorestframework",
            "import_export": "django-import-export", "simple_history": "django-simple-history",
            "django_filters": "django-filter", "drf_spectacular": "drf-spectacular"}.get(import_name, import_name)
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _run_xgettext(files: list[Path], language: str, keywords: list[str], cwd: Path) -> list[Entry]:
    if not files:
        return []
    if shutil.which("xgettext") is None:
        raise RuntimeError("xgettext not found: install GNU gettext (Debian package 'gettext')")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fl:
        fl.write("\n".join(str(f) for f in files))
    try:
        result = subprocess.run(
            ["xgettext", "--from-code=UTF-8", f"--language={language}", *keywords,
             "--add-comments=Translators", "--output=-", f"--files-from={fl.name}"],
            cwd=cwd, capture_output=True, text=True, check=False,
        )
    finally:
        os.unlink(fl.name)
    if result.returncode != 0:
        raise RuntimeError(f"xgettext failed: {result.stderr}")
    return [e for e in parse_po(result.stdout) if e.msgid]


def extract_source(import_name: str) -> dict[str, list[Entry]]:
    """Extract msgids from a package's .py, templates and .js like makemessages."""
    from django.utils.translation.template import templatize

    root = package_dir(import_name)
    py_files, js_files, templates = [], [], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            rel = path.relative_to(root.parent)
            if name.endswith(".py"):
                py_files.append(rel)
            elif path.suffix in TEMPLATE_SUFFIXES and "templates" in path.parts:
                templates.append(path)
            elif name.endswith(".js") and not name.endswith(".min.js"):
                if "gettext" in path.read_text(encoding="utf-8", errors="replace"):
                    js_files.append(rel)
    result = {"django": _run_xgettext(py_files, "Python", PY_KEYWORDS, root.parent),
              "djangojs": _run_xgettext(js_files, "JavaScript", JS_KEYWORDS, root.parent)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_files = []
        for path in templates:
            rel = path.relative_to(root.parent)
            src = path.read_text(encoding="utf-8")
            try:
                code = templatize(src, origin=str(rel))
            except Exception as exc:  # a file that is no Django template
                print(f"warning: skipped {rel}: {exc}", file=sys.stderr)
                continue
            target = Path(tmp, str(rel) + ".py")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
            tmp_files.append(target.relative_to(tmp))
        for e in _run_xgettext(tmp_files, "Python", PY_KEYWORDS, Path(tmp)):
            e.references = [r.replace(".html.py", ".html").replace(".txt.py", ".txt") for r in e.references]
            result["django"].append(e)
    return result


def collect() -> list[tuple[str, str, Entry]]:
    """All msgids of the packages as (package label, domain, entry)."""
    found: list[tuple[str, str, Entry]] = []
    for label, import_name, how in PACKAGES:
        if how == "source":
            for domain, entries in extract_source(import_name).items():
                found.extend((label, domain, e) for e in entries)
        else:
            root = package_dir(import_name)
            for domain, rel in how:
                for e in read_po(root / rel):
                    if e.msgid:
                        found.append((label, domain, e))
    return found


# ------------------------------------------------------------ comparison
def _shipped_keys(lang: str, domain: str) -> set[tuple[str | None, str]]:
    """Keys already translated by the packages' own catalogs for lang."""
    keys: set[tuple[str | None, str]] = set()
    for import_name, rels in SHIPPED_LOCALE_DIRS.items():
        try:
            root = package_dir(import_name)
        except ModuleNotFoundError:
            continue
        for rel in rels:
            mo = root / rel / lang / "LC_MESSAGES" / f"{domain}.mo"
            if not mo.exists():
                continue
            with open(mo, "rb") as fh:
                catalog = gettext_module.GNUTranslations(fh)._catalog
            for k, v in catalog.items():
                if not v:
                    continue
                msgid = k[0] if isinstance(k, tuple) else k
                if not msgid:
                    continue
                ctxt, sep, rest = msgid.partition("\x04")
                keys.add((ctxt, rest) if sep else (None, msgid))
    return keys


def our_keys(lang: str, domain: str) -> set[tuple[str | None, str]]:
    po = CATALOG_ROOT / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po.exists():
        return set()
    return {e.key for e in read_po(po) if e.msgid and e.translated}


def missing(lang: str = "lo", collected=None, include_shipped: bool | None = None) -> list[tuple[str, str]]:
    """(package, msgid) pairs that no catalog translates into ``lang``.

    ``include_shipped`` (default: True except for "lo") counts the packages'
    own catalogs for ``lang`` as translations.
    """
    if include_shipped is None:
        include_shipped = lang != "lo"
    collected = collect() if collected is None else collected
    done = {d: our_keys(lang, d) | (_shipped_keys(lang, d) if include_shipped else set())
            for d in ("django", "djangojs")}
    out = set()
    for label, domain, e in collected:
        if e.key not in done[domain]:
            out.add((label, f"{e.msgctxt}|{e.msgid}" if e.msgctxt is not None else e.msgid))
    return sorted(out)


def merged(collected) -> dict[str, list[tuple[list[str], Entry]]]:
    """Entries per domain, one per (msgctxt, msgid), with the packages using it."""
    by_domain: dict[str, dict] = {"django": {}, "djangojs": {}}
    for label, domain, e in collected:
        slot = by_domain[domain].get(e.key)
        if slot is None:
            by_domain[domain][e.key] = ([label], Entry(e.msgid, e.msgctxt, e.msgid_plural, [],
                                                       set(e.flags) - {"fuzzy"}, list(e.comments)))
        else:
            labels, kept = slot
            if label not in labels:
                labels.append(label)
            kept.flags |= set(e.flags) - {"fuzzy"}
            if kept.msgid_plural is None and e.msgid_plural is not None:
                kept.msgid_plural = e.msgid_plural
    return {d: list(v.values()) for d, v in by_domain.items()}


def write_pot(directory: Path, collected, lang: str | None = None) -> list[Path]:
    """Write django.pot and djangojs.pot into ``directory``.

    With ``lang``, leave out the msgids that the packages' own catalogs for
    that language already translate (what our "vi" catalog must cover).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    versions = ", ".join(f"{imp} {package_version(imp)}" for imp in dict.fromkeys(p[1] for p in PACKAGES))
    written = []
    for domain, items in merged(collected).items():
        if lang:
            shipped = _shipped_keys(lang, domain)
            items = [(labels, e) for labels, e in items if e.key not in shipped]
        header = (
            '# Msgids of third-party packages for lao_moha (generated by tools/extract.py).\n'
            f'# Packages: {versions}\n'
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n\n'
        )
        body = []
        for labels, e in items:
            e.references = labels
            body.append(format_entry(e, nplurals=2))
        path = directory / f"{domain}.pot"
        path.write_text(header + "\n".join(body), encoding="utf-8")
        written.append(path)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", help="language to check (default: lo and vi)")
    parser.add_argument("--pot-dir", help="also write django.pot and djangojs.pot (every msgid) here, "
                        "and vi/django.pot, vi/djangojs.pot (only what the packages' vi catalogs lack)")
    args = parser.parse_args(argv)
    collected = collect()
    if args.pot_dir:
        written = write_pot(Path(args.pot_dir), collected)
        written += write_pot(Path(args.pot_dir) / "vi", collected, lang="vi")
        for p in written:
            print(f"wrote {p}")
    status = 0
    for lang in args.lang or ["lo", "vi"]:
        gaps = missing(lang, collected)
        print(f"{lang}: {len(gaps)} msgid(s) without translation")
        for package, msgid in gaps:
            print(f"  {package}: {msgid!r}")
        status = status or (1 if gaps else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
