"""The glossary: the words a letter from the municipality uses, each in one plain sentence.

Each :class:`Term` is a Dutch word as it stands in the letters (shown as is in
both languages, so a reader can find it in their own letter) and one
``N_``-marked sentence that explains it. The sentence is translated only when
it is shown, so the same data gives the Dutch and the English glossary: in the
app (``ui.glossary_dialog``) and in ``docs/glossary.{nl,en}.md``
(:func:`markdown`, written by ``scripts/glossary-docs``).

The explanations are careful, general statements: what the word means, not how
one municipality applies it. The planner's own sentences say how it counts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from planner.i18n import LANGUAGES, N_, Language, _, use_language

#: The Markdown files in ``docs/`` that :func:`markdown` writes, one per language.
DOCS_NAME = "glossary.{lang}.md"

#: The name of each language in that language, for the link between the two files; never translated.
_AUTONYMS: dict[Language, str] = {"nl": "Nederlands", "en": "English"}

TITLE = N_("Glossary")
INTRO = N_(
    "The words that letters from the municipality use, each explained in one sentence. "
    "The words themselves stay in Dutch, as they are in your letters."
)


@dataclass(frozen=True, slots=True)
class Term:
    """One word of the glossary."""

    term: str
    """The Dutch word, as the letters write it; never translated."""
    explanation: str
    """``N_``-marked English sentence; translated when shown."""
    also: tuple[str, ...] = ()
    """Other forms of the word that letters use (``vrijlating`` for ``inkomstenvrijlating``)."""

    @property
    def heading(self) -> str:
        """The word with its other forms: ``inkomstenvrijlating (vrijlating)``."""
        return f"{self.term} ({', '.join(self.also)})" if self.also else self.term

    @property
    def words(self) -> tuple[str, ...]:
        return (self.term, *self.also)

    def text(self, lang: Language | None = None) -> str:
        """The explanation in ``lang`` (the current language if not given)."""
        if lang is None:
            return _(self.explanation)
        with use_language(lang):
            return _(self.explanation)

    def matches(self, query: str, lang: Language | None = None) -> bool:
        """Whether ``query`` is in the word, its other forms or its explanation (case and accents ignored)."""
        needle = _fold(query.strip())
        if not needle:
            return True
        return any(needle in _fold(text) for text in (*self.words, self.text(lang)))


def _fold(text: str) -> str:
    """Lower case without accents, so "financiele" finds "financiële"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(term: Term) -> str:
    return _fold(term.term)


GLOSSARY: tuple[Term, ...] = (
    Term(
        "aangifte inkomstenbelasting",
        # TRANSLATORS: glossary. Each sentence explains one Dutch word from the municipality's letters (the word
        # itself is shown untranslated). Dutch: B1, "je"-form, one short sentence.
        N_("The form you fill in for the tax office (Belastingdienst) after the year, through which you may get tax back."),
    ),
    Term(
        "AOW-leeftijd",
        N_("The age at which you get the state pension (AOW); from then on other norms and rules apply to your bijstand."),
    ),
    Term(
        "arbeidskorting",
        N_("A discount on tax for people who work, so that less tax is taken off your wage."),
    ),
    Term(
        "beslagvrije voet",
        N_("The part of your income that must be left to you when money is taken for a debt, so you can pay rent and basic costs."),
    ),
    Term(
        "bijstand",
        N_("Money from the municipality to live on when your own income and savings are too low (social assistance)."),
        also=("algemene bijstand",),
    ),
    Term(
        "bijstandsnorm",
        N_("The bijstand you get each month if you have no other income; it depends on your age and who you live with."),
        also=("norm",),
    ),
    Term(
        "bijverdienpremie",
        N_("Extra money some municipalities, such as Amsterdam, pay when you work next to your bijstand: part of your wage, up to a maximum."),
        also=("premie",),
    ),
    Term(
        "bijzonder tarief",
        N_("The tax percentage for one-off payments such as holiday pay or a bonus; it is often higher than on your normal wage."),
    ),
    Term(
        "brutoloon",
        N_("Your wage before tax and contributions are taken off."),
    ),
    Term(
        "heffingskorting",
        N_("A discount on the tax you pay; only one employer or benefit may apply it, and on bijstand the municipality usually does."),
        also=("loonheffingskorting",),
    ),
    Term(
        "herziening",
        N_("A new decision that changes the bijstand you got for a past period, for example because your income was different."),
    ),
    Term(
        "inhouding",
        N_("Money the municipality takes off a payment of your bijstand, for example because you got too much before."),
        also=("inhouden",),
    ),
    Term(
        "inkomstenvrijlating",
        N_("The part of your wage you may keep next to your bijstand, because the municipality does not count it; usually for a limited time."),
        also=("vrijlating",),
    ),
    Term(
        "inlichtingenplicht",
        N_("Your duty to tell the municipality on time, without being asked, everything that can change your bijstand, such as work or income."),
    ),
    Term(
        "klantmanager",
        N_("Your contact person at the municipality for your bijstand and work, whom you can ask your questions."),
    ),
    Term(
        "kostendeler",
        N_("Someone aged 27 or over who lives in your home, such as a grown-up child, a parent or a housemate."),
    ),
    Term(
        "kostendelersnorm",
        N_("A lower bijstandsnorm because you share your home, and so your costs, with one or more kostendelers."),
    ),
    Term(
        "loonheffing",
        N_("The tax and national insurance contributions your employer takes off your gross wage and pays to the tax office."),
    ),
    Term(
        "loonstrook",
        N_("Your employer's overview of what you earned in a period and what was taken off; the municipality wants it as proof of income."),
        also=("salarisstrook",),
    ),
    Term(
        "medisch urenbeperkt",
        N_("You can work fewer hours for medical reasons, and the municipality has recorded this; you then keep part of your wage without a time limit."),
    ),
    Term(
        "minimumloon",
        N_("The lowest wage an hour that an employer may pay by law; it is lower for people under 21."),
    ),
    Term(
        "nabetaling",
        N_("Money the municipality pays you afterwards because you got too little bijstand, for example because your income was lower than estimated."),
    ),
    Term(
        "nettoloon",
        N_("Your wage after tax and contributions are taken off: what you get in your bank account."),
    ),
    Term(
        "Participatiewet",
        N_("The law on bijstand and on help to find work; your municipality carries it out."),
    ),
    Term(
        "premies volksverzekeringen",
        N_("Contributions for insurance that everyone has, such as the AOW; they are taken off your wage together with the tax."),
    ),
    Term(
        "terugvordering",
        N_("A decision that you must pay back bijstand you should not have had; the letter says how much and how."),
        also=("terugvorderen",),
    ),
    Term(
        "uitkering",
        N_("Money you get regularly from an organisation such as the municipality or UWV because you have too little income; bijstand is one."),
    ),
    Term(
        "uitkeringsspecificatie",
        N_("The overview with a payment of your bijstand: for which month, the amount, and what was taken off or added."),
    ),
    Term(
        "vakantieaanspraak",
        N_("The holiday pay you build up at work; because of it the municipality saves less vakantietoeslag from your bijstand."),
    ),
    Term(
        "vakantiegeld",
        N_("Extra money from your employer, usually 8 percent of your wage, that you build up during the year and often get in May or June."),
    ),
    Term(
        "vakantietoeslag",
        N_("The holiday allowance in your bijstand: the municipality saves 5 percent of your norm each month and pays it once a year."),
    ),
    Term(
        "verrekening",
        N_("Settling afterwards: the municipality pays you what you got too little, or takes what you got too much off a later payment."),
        also=("verrekenen",),
    ),
    Term(
        "voorschot",
        N_("Bijstand paid in advance, before your income is known; the municipality settles it later."),
    ),
)


def terms(query: str = "", lang: Language | None = None) -> tuple[Term, ...]:
    """The terms that match ``query`` (all of them for an empty query), in glossary order."""
    return tuple(t for t in GLOSSARY if t.matches(query, lang))


def find_in(text: str) -> tuple[Term, ...]:
    """The terms whose word (or another form of it) is in ``text`` as a whole word, each once, in glossary order."""
    folded = _fold(text)
    return tuple(
        t for t in GLOSSARY if any(re.search(rf"(?<!\w){re.escape(_fold(w))}(?!\w)", folded) for w in t.words)
    )


def _pattern() -> re.Pattern[str]:
    words = sorted({w for t in GLOSSARY for w in t.words}, key=len, reverse=True)  # longest first
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


_PATTERN = _pattern()
_BY_WORD = {w.casefold(): t for t in GLOSSARY for w in t.words}


def split_terms(text: str) -> list[tuple[str, Term | None]]:
    """``text`` in pieces: each glossary word (any case) with its term, the text between with ``None``.

    ``"".join(piece for piece, _term in split_terms(text)) == text``.
    """
    pieces: list[tuple[str, Term | None]] = []
    last = 0
    for match in _PATTERN.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], None))
        pieces.append((match.group(), _BY_WORD[match.group().casefold()]))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], None))
    return pieces


def markdown(lang: Language) -> str:
    """The glossary as a Markdown page in ``lang`` (the content of ``docs/glossary.<lang>.md``)."""
    with use_language(lang):
        other = [
            f"[{_AUTONYMS[o]}]({DOCS_NAME.format(lang=o)})" if o != lang else _AUTONYMS[o] for o in LANGUAGES
        ]
        lines = [
            "<!-- Generated by scripts/glossary-docs from planner/glossary.py: change that file, not this one. -->",
            "",
            f"# {_(TITLE)}",
            "",
            " · ".join(other),
            "",
            _(INTRO),
            "",
        ]
        lines += [f"- **{t.heading}**: {t.text()}" for t in GLOSSARY]
    return "\n".join(lines) + "\n"


__all__ = [
    "DOCS_NAME",
    "GLOSSARY",
    "INTRO",
    "TITLE",
    "Term",
    "find_in",
    "markdown",
    "sort_key",
    "split_terms",
    "terms",
]
