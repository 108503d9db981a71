"""Keep the project's Lao and Vietnamese catalogs complete.

    python -m lao_moha.language.catalogs           # what is left to translate
    python -m lao_moha.language.catalogs --update  # makemessages, compile
    python -m lao_moha.language.catalogs --po lo   # untranslated entries as PO

`make messages` runs the update, `make i18n` the report. The test suite
(tests/language/test_catalogs.py) fails on anything this module reports:

* a msgid of the project (found by makemessages run on a copy of the
  package, so the real catalogs are untouched) with no Lao or Vietnamese
  msgstr, or a fuzzy entry, which gettext does not use;
* a third-party msgid (locale_thirdparty/tools/extract.py) with none;
* a msgstr that drops or adds a placeholder or an HTML tag of its msgid;
* a catalog that `msgfmt --check` rejects, or a compiled .mo that is older
  than its .po (the site would still run on the old translations).
"""

import argparse
import gettext as gettext_module
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from lao_moha.locale_thirdparty.tools.extract import read_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE_DIR / "locale"
THIRDPARTY_DIR = PACKAGE_DIR / "locale_thirdparty"
LANGUAGES = ("lo", "vi")
# Folders whose strings are not shown to users, or are someone else's.
SKIP_DIRS = {"locale", "locale_thirdparty", "node_modules", "__pycache__", "tests"}
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".js"}

PERCENT_PLACEHOLDER = (
    r"%\([A-Za-z_][A-Za-z0-9_]*\)[#0 +-]*\d*(?:\.\d+)?[sdifrxXeEgGc%]"  # %(name)s
    r"|%[#0 +-]*\d*(?:\.\d+)?[sdifrxXeEgGc]"  # %s, %d, %.2f
)
BRACE_PLACEHOLDER = r"\{[A-Za-z_0-9.\[\]]*(?:![rsa])?(?::[^{}]*)?\}"  # {name}, {0}, {}
PLACEHOLDER = re.compile(f"{PERCENT_PLACEHOLDER}|{BRACE_PLACEHOLDER}")
# A msgid marked "no-python-format" (a literal "%", as in "% of members")
# has only brace placeholders.
BRACE_ONLY = re.compile(BRACE_PLACEHOLDER)
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def django_admin():
    return str(Path(sys.executable).with_name("django-admin"))


def _copy_sources(target):
    """Copy the files makemessages reads into `target` (nothing else)."""
    for root, dirs, files in os.walk(PACKAGE_DIR):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")]
        for name in files:
            source = Path(root, name)
            if source.suffix in SOURCE_SUFFIXES and not name.endswith(".min.js"):
                destination = target / source.relative_to(PACKAGE_DIR)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)


def _makemessages(cwd, extra=()):
    # Without settings, makemessages writes into ./locale of the folder it
    # runs in; the project settings would point it at the real catalogs.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    options = ["--no-obsolete", "--no-wrap", "--add-location=file", *extra]
    subprocess.run(  # noqa: S603 (our own django-admin, fixed arguments)
        [django_admin(), "makemessages", *options],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def _has_js(directory):
    return any(
        p.suffix == ".js" and not p.name.endswith(".min.js")
        for p in Path(directory).rglob("*.js")
        if not SKIP_DIRS & set(p.relative_to(directory).parts)
    )


@cache
def project_templates():
    """{domain: [entries]} of every msgid in the project's own code."""
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _copy_sources(tmp)
        (tmp / "locale").mkdir()
        _makemessages(tmp, ["-l", "lo", "--keep-pot"])
        if _has_js(tmp):
            _makemessages(tmp, ["-l", "lo", "-d", "djangojs", "--keep-pot"])
        for domain in ("django", "djangojs"):
            pot = tmp / "locale" / f"{domain}.pot"
            if pot.exists():
                result[domain] = [e for e in read_po(pot) if e.msgid]
    return result


def catalog_path(language, domain="django", root=LOCALE_DIR):
    return root / language / "LC_MESSAGES" / f"{domain}.po"


def catalog_entries(language, domain="django", root=LOCALE_DIR):
    path = catalog_path(language, domain, root)
    return [e for e in read_po(path) if e.msgid] if path.exists() else []


def untranslated(language):
    """Project msgids with no usable msgstr in `language`: [(domain, id)]."""
    missing = []
    for domain, entries in project_templates().items():
        done = {e.key for e in catalog_entries(language, domain) if e.translated}
        missing.extend((domain, e.msgid) for e in entries if e.key not in done)
    return missing


def fuzzy(paths=None):
    """[(path, msgid)] of fuzzy entries in the catalogs (default: all)."""
    found = []
    for path in paths or all_catalogs():
        found.extend(
            (path, e.msgid) for e in read_po(path) if e.msgid and "fuzzy" in e.flags
        )
    return found


def _tokens(pattern, text):
    return sorted(pattern.findall(text))


def placeholder_problems(paths=None):
    """[(path, msgid, problem)] where a msgstr does not keep its msgid's
    placeholders and HTML tags (in any order; Lao and Vietnamese word order
    differs from English)."""
    problems = []
    for path in paths or all_catalogs():
        for e in read_po(path):
            if not e.msgid or not e.translated:
                continue
            sources = [e.msgid] if e.msgid_plural is None else [e.msgid_plural]
            for msgstr in e.msgstr:
                placeholders = (
                    BRACE_ONLY if "no-python-format" in e.flags else PLACEHOLDER
                )
                for pattern, what in (
                    (placeholders, "placeholders"),
                    (HTML_TAG, "HTML tags"),
                ):
                    want = _tokens(pattern, sources[0])
                    got = _tokens(pattern, msgstr)
                    # One msgstr serves singular and plural (nplurals=1): a
                    # singular that names no count may drop %(count)s.
                    if want != got and not (
                        e.msgid_plural is not None and got == _tokens(pattern, e.msgid)
                    ):
                        problems.append((path, e.msgid, f"{what} {want} became {got}"))
    return problems


def all_catalogs():
    paths = []
    for root in (LOCALE_DIR, THIRDPARTY_DIR):
        paths.extend(sorted(root.glob("*/LC_MESSAGES/*.po")))
    return paths


def compile_problems(paths=None):
    """[(path, message)] for catalogs msgfmt rejects or whose .mo is stale."""
    problems = []
    for path in paths or all_catalogs():
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.mo"
            run = subprocess.run(  # noqa: S603
                ["msgfmt", "--check", "-o", str(fresh), str(path)],  # noqa: S607
                capture_output=True,
                text=True,
            )
            if run.returncode != 0:
                problems.append((path, run.stderr.strip()))
                continue
            compiled = path.with_suffix(".mo")
            if not compiled.exists():
                problems.append((path, "not compiled: run `make messages`"))
            elif _messages(compiled) != _messages(fresh):
                problems.append((path, "the .mo is out of date: run `make messages`"))
    return problems


def _messages(mo_path):
    with open(mo_path, "rb") as handle:
        catalog = gettext_module.GNUTranslations(handle)._catalog
    return {k: v for k, v in catalog.items() if k != ""}


def update():
    """makemessages into the real catalogs, then compile them."""
    _makemessages(PACKAGE_DIR, ["-l", "lo", "-l", "vi"])
    if _has_js(PACKAGE_DIR):
        _makemessages(PACKAGE_DIR, ["-l", "lo", "-l", "vi", "-d", "djangojs"])
    for path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        # msgmerge guesses a translation for a new msgid from a similar old
        # one and marks it fuzzy; such guesses are often wrong ("unit" got
        # the words of "units"), so new msgids start empty instead.
        subprocess.run(  # noqa: S603
            ["msgattrib", "--clear-fuzzy", "--empty", "--clear-previous",  # noqa: S607
             "--no-wrap", "-o", str(path), str(path)],
            check=True,
        )
    compile_all()


def compile_all():
    for path in all_catalogs():
        target = str(path.with_suffix(".mo"))
        subprocess.run(  # noqa: S603
            ["msgfmt", "--check", "-o", target, str(path)],  # noqa: S607
            check=True,
        )


def untranslated_po(language):
    """The untranslated entries of a catalog as PO text, for translating."""
    path = catalog_path(language)
    run = subprocess.run(  # noqa: S603
        ["msgattrib", "--untranslated", "--no-obsolete", "--no-wrap", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout


def report(out=sys.stdout):
    """Print everything left to do; returns the number of problems."""

    def say(text):
        out.write(text + "\n")

    count = 0
    for language in LANGUAGES:
        missing = untranslated(language)
        count += len(missing)
        say(f"{language}: {len(missing)} project msgid(s) without translation")
        for domain, msgid in missing:
            say(f"  [{domain}] {msgid!r}")
    for label, items in (
        ("fuzzy", fuzzy()),
        ("placeholder", placeholder_problems()),
        ("compile", compile_problems()),
    ):
        count += len(items)
        for item in items:
            say(f"{label}: {item[0].relative_to(PACKAGE_DIR)}: {item[1:]!r}")
    return count


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--update", action="store_true", help="run makemessages and compile"
    )
    parser.add_argument(
        "--po", metavar="LANG", help="print untranslated entries as PO text"
    )
    args = parser.parse_args(argv)
    if args.po:
        sys.stdout.write(untranslated_po(args.po))
        return 0
    if args.update:
        update()
    return 1 if report() else 0


if __name__ == "__main__":
    sys.exit(main())
