"""The translation catalogs are complete, consistent and up to date.

Reads ``locales/messages.pot`` and ``locales/{nl,en}/LC_MESSAGES/bijverdienplanner.po``
with Babel. A missing file is a failure, never a skip. Fix a failure with
``bash scripts/update-catalogs`` and by translating what it lists.
"""

from __future__ import annotations

import io
import re
import shlex
import string
from pathlib import Path

import pytest
from babel.messages import frontend as babel_frontend
from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from planner.i18n import DOMAIN, LANGUAGES, LOCALES_DIR

ROOT = Path(__file__).resolve().parents[2]
POT = LOCALES_DIR / "messages.pot"
BABEL_CFG = ROOT / "babel.cfg"
UPDATE_SCRIPT = ROOT / "scripts" / "update-catalogs"

# The same keywords and comment tag as scripts/update-catalogs (checked below).
KEYWORDS = ("_", "N_", "NP_:1,2", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3")
COMMENT_TAG = "TRANSLATORS:"

PLURAL_FORMS = {"nl": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);"}

_formatter = string.Formatter()


def _po_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(path: Path, lang: str | None = None) -> Catalog:
    assert path.is_file(), f"{path} is missing: run `bash scripts/update-catalogs`"
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def _messages(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def _key(message: Message) -> tuple[str | None, str, str | None]:
    """(context, msgid, plural msgid): what identifies a message."""
    if isinstance(message.id, (list, tuple)):
        return message.context, message.id[0], message.id[1]
    return message.context, message.id, None


def _listing(lines: list[str], limit: int = 40) -> str:
    shown = [f"  {line}" for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"  ... and {len(lines) - limit} more")
    return "\n".join(shown)


def _show(key: tuple[str | None, str, str | None]) -> str:
    context, msgid, _plural = key
    return f"[{context}] {msgid!r}" if context else repr(msgid)


def _fields(text: str) -> set[str]:
    """The ``{field}`` placeholders of a format string, as written (``{amount}``, ``{n:d}``)."""
    found = set()
    for _literal, name, spec, conversion in _formatter.parse(text):
        if name is not None:
            found.add("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return found


@pytest.fixture(scope="module", params=LANGUAGES)
def lang(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def pot() -> Catalog:
    return _read(POT)


@pytest.fixture(scope="module")
def catalog(lang) -> Catalog:
    return _read(_po_path(lang), lang)


# --- each language's catalog ---------------------------------------------------------------------


def test_header(catalog, lang):
    assert catalog.locale is not None and str(catalog.locale) == lang
    header = dict(catalog.mime_headers)
    assert header.get("Language") == lang
    assert header.get("Plural-Forms") == PLURAL_FORMS[lang]
    assert header.get("Content-Type", "").lower() == "text/plain; charset=utf-8"
    assert not catalog.fuzzy, "the catalog header is marked '#, fuzzy': pybabel compile would skip it"


def test_no_untranslated_messages(catalog, lang):
    untranslated = [_show(_key(m)) for m in _messages(catalog) if not (all(m.string) if m.pluralizable else m.string)]
    assert not untranslated, f"{len(untranslated)} untranslated message(s) in {lang}:\n" + _listing(untranslated)


def test_no_fuzzy_messages(catalog, lang):
    fuzzy = [_show(_key(m)) for m in _messages(catalog) if m.fuzzy]
    assert not fuzzy, f"{len(fuzzy)} fuzzy message(s) in {lang} (check them, then drop '#, fuzzy'):\n" + _listing(fuzzy)


def test_placeholders_match(catalog, lang):
    """Every ``{field}`` of a message is in its translation, and no other (each plural form too)."""
    problems = []
    for m in _messages(catalog):
        if m.pluralizable:
            singular, plural = m.id
            # With two plural forms, form 0 is the singular and form 1 the plural.
            pairs = [(singular if i == 0 else plural, s) for i, s in enumerate(m.string)]
        else:
            pairs = [(m.id, m.string)]
        for source, translation in pairs:
            if not translation:
                continue  # reported by test_no_untranslated_messages
            try:
                want, got = _fields(source), _fields(translation)
            except ValueError as exc:
                problems.append(f"{_show(_key(m))}: not a valid format string ({exc}): {translation!r}")
                continue
            if want != got:
                problems.append(
                    f"{_show(_key(m))}: translation {translation!r} has {sorted(got)}, expected {sorted(want)}"
                )
    assert not problems, f"placeholders differ in {lang}:\n" + _listing(problems)


def test_plural_form_count(catalog, lang):
    wrong = [_show(_key(m)) for m in _messages(catalog) if m.pluralizable and len(m.string) != catalog.num_plurals]
    assert not wrong, f"messages without {catalog.num_plurals} plural forms in {lang}:\n" + _listing(wrong)


def test_catalog_matches_the_template(catalog, pot, lang):
    """Every message of messages.pot is in the .po and the .po has no others (run update-catalogs)."""
    in_pot = {_key(m) for m in _messages(pot)}
    in_po = {_key(m) for m in _messages(catalog)}
    missing = sorted(in_pot - in_po, key=str)
    extra = sorted(in_po - in_pot, key=str)
    assert not missing and not extra, (
        f"{lang} catalog is out of date with messages.pot (run `bash scripts/update-catalogs`):\n"
        + "".join(f"  missing: {_show(k)}\n" for k in missing)
        + "".join(f"  not in the template: {_show(k)}\n" for k in extra)
    )


def test_compiled_catalog_is_current(catalog, lang):
    """The .mo beside the .po (made by the install step) holds the same translations."""
    mo = _po_path(lang).with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: the install step (scripts/run-tests, scripts/run-app) compiles it"
    with mo.open("rb") as fh:
        compiled = read_mo(fh)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    expected = read_mo(buf)
    have = {(m.context, str(m.id)): m.string for m in compiled if m.id}
    want = {(m.context, str(m.id)): m.string for m in expected if m.id}
    assert have == want, f"{mo} is older than its .po: run `.venv/bin/pybabel compile -d locales -D {DOMAIN}`"


# --- the template and the source -----------------------------------------------------------------


def test_update_script_uses_the_same_keywords():
    text = UPDATE_SCRIPT.read_text(encoding="utf-8")
    match = re.search(r"^KEYWORDS=\((.*)\)$", text, re.MULTILINE)
    assert match, f"no KEYWORDS=(...) line in {UPDATE_SCRIPT}"
    assert tuple(shlex.split(match.group(1))) == KEYWORDS
    assert f"--add-comments={COMMENT_TAG}" in text


def _comment_text(comments: list[str]) -> str:
    """Translator comments as one text: the .pot wraps long comments over several lines."""
    return " ".join(" ".join(dict.fromkeys(comments)).split())


def _extract_from_source() -> dict[tuple[str | None, str, str | None], str]:
    parse = getattr(babel_frontend, "parse_mapping_cfg", None) or babel_frontend.parse_mapping
    with BABEL_CFG.open(encoding="utf-8") as fh:
        method_map, options_map = parse(fh)
    keywords = babel_frontend.parse_keywords(list(KEYWORDS))
    found: dict[tuple[str | None, str, str | None], list[str]] = {}
    for _filename, _lineno, message, comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=keywords,
        comment_tags=[COMMENT_TAG],
        strip_comment_tags=False,
    ):
        if isinstance(message, (list, tuple)):
            key = (context, message[0], message[1])
        else:
            key = (context, message, None)
        found.setdefault(key, []).extend(comments)
    return {key: _comment_text(comments) for key, comments in found.items()}


def test_template_is_up_to_date_with_the_source(pot):
    """messages.pot holds exactly the messages marked in planner/ and ui/ (run update-catalogs)."""
    source = _extract_from_source()
    in_pot = {_key(m): _comment_text(m.auto_comments) for m in _messages(pot)}
    missing = sorted(set(source) - set(in_pot), key=str)
    stale = sorted(set(in_pot) - set(source), key=str)
    comments = sorted(
        (k for k in set(source) & set(in_pot) if source[k] != in_pot[k]),
        key=str,
    )
    assert not (missing or stale or comments), (
        "locales/messages.pot is out of date with the source (run `bash scripts/update-catalogs`):\n"
        + "".join(f"  new in the source: {_show(k)}\n" for k in missing)
        + "".join(f"  no longer in the source: {_show(k)}\n" for k in stale)
        + "".join(f"  translator comment changed: {_show(k)}\n" for k in comments)
    )


def test_no_message_looks_like_a_percent_format(pot):
    """Messages use ``{fields}``; text such as "30% is" reads as a %-format to Babel.

    Babel then flags the message ``python-format`` and `pybabel compile` fails on
    any translation without the same "% i"-like sequence. Write the percentage
    as a ``{percent}`` field (formatted with ``format_percent``) instead.
    """
    flagged = []
    for m in _messages(pot):
        ids = m.id if isinstance(m.id, (list, tuple)) else (m.id,)
        for text in ids:
            flagged.extend(f"{_show(_key(m))}: {match.group(0)!r}" for match in PYTHON_FORMAT.finditer(text))
    assert not flagged, "messages that Babel takes for %-format strings:\n" + _listing(flagged)


def test_no_translation_call_inside_an_f_string() -> None:
    """Babel on Python 3.11 cannot see ``_("…")`` inside an f-string, so such a text would never be translated."""
    import ast

    names = {"_", "N_", "NP_", "ngettext", "pgettext", "npgettext"}
    found = []
    for path in sorted([*ROOT.glob("planner/**/*.py"), *ROOT.glob("ui/**/*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in names:
                        if inner.args and isinstance(inner.args[0], ast.Constant):
                            found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not found, "translation calls with a literal inside f-strings: " + ", ".join(found)
