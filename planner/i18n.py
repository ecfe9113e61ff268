"""Translation and locale formatting, Qt-free, with explicit imports.

    from planner.i18n import _, N_, ngettext, pgettext

The domain marks its strings with ``N_`` (no translation at that moment) and
returns explanation objects; text is made in the chosen language only when it
is shown, so one computed plan can be shown in Dutch and in English.

One language setting drives gettext and Babel. ``ui/`` adds QLocale and Qt's
own catalog on top of :func:`set_language`. Nothing goes into ``builtins``.
"""

from __future__ import annotations

import gettext as _gettext
import io
import logging
import threading
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import NumberPattern, format_currency, parse_pattern

from planner.resources import CHECKOUT, catalog_dir

log = logging.getLogger("planner.i18n")

DOMAIN = "bijverdienplanner"
#: The catalog sources (``messages.pot``, ``<lang>/LC_MESSAGES/<domain>.po``) in a checkout.
LOCALES_DIR = CHECKOUT / "locales"

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT_LANGUAGE: Language = "nl"

# Babel locales: Dutch as in the Netherlands; English with day-month-year dates.
_BABEL_LOCALE = {"nl": "nl_NL", "en": "en_GB"}

_state = threading.local()
_global_language: Language = DEFAULT_LANGUAGE


class CatalogMissing(RuntimeError):
    """Neither a compiled nor a source catalog exists for a language."""


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction as one plural message (rendered later with ngettext)."""
    return singular, plural


@cache
def translations(lang: Language) -> _gettext.NullTranslations:
    """The gettext catalog of ``lang``: compiled at build time in an installed package
    (``planner.resources``), by the install step in a checkout.

    If only the ``.po`` source is there (a checkout without the install step),
    it is compiled in memory and a warning is logged: the app never runs
    silently untranslated.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGUAGES}")
    folder = catalog_dir() / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    if mo.is_file():
        with mo.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    po = folder / f"{DOMAIN}.po"
    if not po.is_file():
        raise CatalogMissing(f"no catalog for {lang!r} at {mo}")
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    log.warning("catalog %s is not compiled; compiling in memory (run the install step)", po)
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def set_language(lang: Language) -> None:
    """Make ``lang`` the language of the whole process."""
    global _global_language
    translations(lang)  # fail early on a missing catalog
    _global_language = lang


def get_language() -> Language:
    return getattr(_state, "lang", None) or _global_language


class use_language:  # noqa: N801 - reads as a statement: ``with use_language("en"):``
    """Render in another language for the current thread only (reports, tests)."""

    def __init__(self, lang: Language) -> None:
        translations(lang)
        self._lang = lang
        self._previous: Language | None = None

    def __enter__(self) -> None:
        self._previous = getattr(_state, "lang", None)
        _state.lang = self._lang

    def __exit__(self, *exc: object) -> None:
        _state.lang = self._previous


def _(message: str) -> str:
    return translations(get_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(get_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(get_language()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return translations(get_language()).npgettext(context, singular, plural, n)


# --- formatting --------------------------------------------------------------------------------


def babel_locale(lang: Language | None = None) -> Locale:
    return Locale.parse(_BABEL_LOCALE[lang or get_language()])


def format_money(amount: Decimal, lang: Language | None = None) -> str:
    """``€ 1.234,56`` in Dutch, ``€1,234.56`` in English."""
    return _format_money(amount, _BABEL_LOCALE[lang or get_language()])


def format_signed_money(amount: Decimal, lang: Language | None = None, *, plus: bool = False) -> str:
    """``−€ 45,10`` with a real minus sign; ``+€ 60,03`` when ``plus`` (so a sign is never colour alone)."""
    if amount < 0:
        return "\u2212" + format_money(-amount, lang)
    if plus and amount > 0:
        return "+" + format_money(amount, lang)
    return format_money(amount, lang)


@lru_cache(maxsize=8192)
def _format_money(amount: Decimal, locale: str) -> str:
    # Babel parses the locale's pattern on every call; a plan shows the same few hundred amounts again and again.
    return format_currency(amount, "EUR", locale=locale)


def format_number(value: Decimal, lang: Language | None = None, *, decimals: int | None = None) -> str:
    fmt = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    locale, pattern = _number_pattern(fmt, _BABEL_LOCALE[lang or get_language()])
    return pattern.apply(value, locale)  # what babel.numbers.format_decimal does, without parsing the pattern again


def format_percent(value: Decimal, lang: Language | None = None) -> str:
    """A percentage given as a number of percent (25 -> "25%" / "25%")."""
    locale, pattern = _number_pattern(None, _BABEL_LOCALE[lang or get_language()])
    return f"{pattern.apply(value.normalize(), locale)}%"


@cache
def _number_pattern(fmt: str | None, locale: str) -> tuple[Locale, NumberPattern]:
    """The locale and the parsed number pattern (``fmt``, or the locale's own): Babel parses both on every call
    of format_decimal, a table of a plan formats some hundreds of numbers."""
    parsed = Locale.parse(locale)
    return parsed, parse_pattern(fmt if fmt is not None else parsed.decimal_formats[None])


def format_day(day: date, lang: Language | None = None) -> str:
    """``25 maart 2026`` / ``25 March 2026``."""
    return _format_date(day, "d MMMM y", _BABEL_LOCALE[lang or get_language()])


def format_month(year: int, month: int, lang: Language | None = None) -> str:
    """``maart 2026`` / ``March 2026``."""
    return _format_date(date(year, month, 1), "LLLL y", _BABEL_LOCALE[lang or get_language()])


@lru_cache(maxsize=8192)
def _format_date(day: date, pattern: str, locale: str) -> str:
    return _babel_format_date(day, format=pattern, locale=locale)


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Language",
    "NP_",
    "N_",
    "_",
    "format_day",
    "format_money",
    "format_signed_money",
    "format_month",
    "format_number",
    "format_percent",
    "get_language",
    "ngettext",
    "npgettext",
    "pgettext",
    "set_language",
    "translations",
    "use_language",
]
