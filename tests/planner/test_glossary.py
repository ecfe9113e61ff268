"""planner.glossary: the words of the municipality's letters, in both languages, and the pages in docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.glossary import DOCS_NAME, GLOSSARY, INTRO, TITLE, Term, find_in, markdown, sort_key, terms
from planner.i18n import LANGUAGES, translations

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: The words issue 6 asks for; each must be a term or another form of one.
REQUIRED = (
    "bijstand", "bijstandsnorm", "kostendelersnorm", "kostendeler", "inkomstenvrijlating", "vakantietoeslag",
    "vakantiegeld", "vakantieaanspraak", "bijverdienpremie", "voorschot", "verrekenen", "verrekening", "inhouding",
    "nabetaling", "terugvordering", "herziening", "inlichtingenplicht", "loonstrook", "uitkeringsspecificatie",
    "loonheffing", "heffingskorting", "bijzonder tarief", "AOW-leeftijd", "medisch urenbeperkt", "klantmanager",
    "Participatiewet",
    # and words the app's own texts use
    "vrijlating", "premie", "norm", "nettoloon", "brutoloon", "arbeidskorting", "minimumloon",
    "loonheffingskorting", "premies volksverzekeringen", "aangifte inkomstenbelasting",
)  # fmt: skip

_WORDS = re.compile(r"\w+")


def test_every_required_word_is_in_the_glossary():
    words = {w for t in GLOSSARY for w in t.words}
    assert not [w for w in REQUIRED if w not in words]


def test_terms_are_unique_and_in_alphabetical_order():
    words = [w.casefold() for t in GLOSSARY for w in t.words]
    assert len(words) == len(set(words))
    assert list(GLOSSARY) == sorted(GLOSSARY, key=sort_key)


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda t: t.term)
def test_each_explanation_is_one_plain_sentence_in_both_languages(term: Term):
    english = term.text("en")
    dutch = term.text("nl")
    assert english == term.explanation
    assert dutch != english, f"{term.term}: not translated into Dutch"
    for text in (english, dutch):
        assert text[0].isupper() and text.endswith("."), text
        assert ". " not in text, f"more than one sentence: {text!r}"
        assert "%" not in text, "write 'percent'/'procent': a % sign confuses the catalog tools"
    assert len(_WORDS.findall(dutch)) <= 25, f"{term.term}: Dutch sentence too long for B1: {dutch!r}"
    # The Dutch text is in "je"-form, never "u".
    assert not re.search(r"\b(u|uw)\b", dutch, re.IGNORECASE), dutch


def test_title_and_intro_are_translated():
    nl = translations("nl")
    assert nl.gettext(TITLE) == "Woordenlijst"
    assert nl.gettext(INTRO) != INTRO


def test_search_ignores_case_and_accents_and_reads_the_explanation():
    assert [t.term for t in terms("VOORSCHOT", "en")] == ["voorschot"]
    assert terms("") == GLOSSARY
    assert [t.term for t in terms("vrijlating", "en")] == ["inkomstenvrijlating"]  # another form of the word
    assert "kostendeler" in [t.term for t in terms("housemate", "en")]  # the English explanation
    assert "kostendeler" in [t.term for t in terms("huisgenoot", "nl")]  # the Dutch explanation
    assert terms("offici\u00eble", "nl") == terms("officiele", "nl")
    assert terms("xyzzy") == ()


def test_find_in_finds_whole_words_only():
    found = [t.term for t in find_in("Je inkomstenvrijlating stopt; de AOW-leeftijd en de kostendelersnorm.")]
    assert found == ["AOW-leeftijd", "inkomstenvrijlating", "kostendelersnorm"]
    assert [t.term for t in find_in("De premie komt later.")] == ["bijverdienpremie"]
    assert find_in("normaal") == ()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_docs_page_is_up_to_date_with_the_module(lang: str):
    """docs/glossary.<lang>.md is what scripts/glossary-docs makes now: run it after changing the glossary."""
    path = DOCS / DOCS_NAME.format(lang=lang)
    assert path.is_file(), f"{path} is missing: run scripts/glossary-docs"
    assert path.read_text(encoding="utf-8") == markdown(lang), f"{path} is out of date: run scripts/glossary-docs"


def test_the_docs_pages_list_every_term_in_their_language():
    for lang in LANGUAGES:
        page = markdown(lang)
        for term in GLOSSARY:
            assert f"- **{term.heading}**: {term.text(lang)}" in page
    assert markdown("nl").splitlines()[2] == "# Woordenlijst"
    assert markdown("en").splitlines()[2] == "# Glossary"
