"""planner.i18n: formatting per language, the language setting, and no builtins."""

from __future__ import annotations

import builtins
import gettext
import threading
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import i18n
from planner.i18n import (
    LANGUAGES,
    N_,
    format_day,
    format_money,
    format_month,
    format_number,
    format_percent,
    get_language,
    ngettext,
    set_language,
    translations,
    use_language,
)

NBSP = "\xa0"


@pytest.fixture(autouse=True)
def _restore_language():
    """set_language changes the whole process: put it back after each test."""
    before = get_language()
    yield
    set_language(before)


# --- formatting ---------------------------------------------------------------------------------


def test_money_dutch_has_a_non_breaking_space_after_the_euro_sign():
    # "€ 1.234,56" with U+00A0, so the sign never ends up alone at a line end.
    assert format_money(Decimal("1234.56"), "nl") == f"€{NBSP}1.234,56"


def test_money_english():
    assert format_money(Decimal("1234.56"), "en") == "€1,234.56"


def test_money_keeps_cents_of_a_whole_amount():
    assert format_money(Decimal("200"), "nl") == f"€{NBSP}200,00"
    assert format_money(Decimal("200"), "en") == "€200.00"


@pytest.mark.parametrize(("lang", "expected"), [("nl", "25 maart 2026"), ("en", "25 March 2026")])
def test_day(lang, expected):
    assert format_day(date(2026, 3, 25), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [("nl", "maart 2026"), ("en", "March 2026")])
def test_month(lang, expected):
    assert format_month(2026, 3, lang) == expected


def test_month_is_the_standalone_name():
    assert format_month(2025, 12, "nl") == "december 2025"
    assert format_month(2025, 12, "en") == "December 2025"


@pytest.mark.parametrize(("lang", "expected"), [("nl", "1.234,50"), ("en", "1,234.50")])
def test_number_with_fixed_decimals(lang, expected):
    assert format_number(Decimal("1234.5"), lang, decimals=2) == expected


def test_percent():
    assert format_percent(Decimal("30"), "nl") == "30%"
    assert format_percent(Decimal("12.50"), "nl") == "12,5%"
    assert format_percent(Decimal("12.50"), "en") == "12.5%"


def test_formatting_without_a_language_follows_the_setting():
    with use_language("en"):
        assert format_day(date(2026, 3, 25)) == "25 March 2026"
    with use_language("nl"):
        assert format_day(date(2026, 3, 25)) == "25 maart 2026"


# --- the language setting ----------------------------------------------------------------------


def test_set_language_changes_the_process_language():
    set_language("en")
    assert get_language() == "en"
    set_language("nl")
    assert get_language() == "nl"


def test_set_language_rejects_an_unsupported_language():
    set_language("nl")
    with pytest.raises(ValueError, match="unsupported language"):
        set_language("de")  # type: ignore[arg-type]
    assert get_language() == "nl"


def test_use_language_rejects_an_unsupported_language():
    with pytest.raises(ValueError, match="unsupported language"):
        use_language("de")  # type: ignore[arg-type]


def test_use_language_restores_the_previous_language():
    set_language("nl")
    with use_language("en"):
        assert get_language() == "en"
        with use_language("nl"):
            assert get_language() == "nl"
        assert get_language() == "en"
    assert get_language() == "nl"


def test_use_language_restores_after_an_exception():
    set_language("nl")
    with pytest.raises(RuntimeError), use_language("en"):
        raise RuntimeError
    assert get_language() == "nl"


def test_use_language_is_thread_local():
    set_language("nl")
    seen: dict[str, str] = {}
    inside = threading.Event()
    release = threading.Event()

    def other_thread():
        with use_language("en"):
            seen["other, inside"] = get_language()
            inside.set()
            release.wait(timeout=10)
        seen["other, after"] = get_language()

    thread = threading.Thread(target=other_thread)
    thread.start()
    try:
        assert inside.wait(timeout=10)
        seen["main, meanwhile"] = get_language()
    finally:
        release.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert seen == {"other, inside": "en", "main, meanwhile": "nl", "other, after": "nl"}


def test_a_new_thread_follows_the_process_language():
    set_language("en")
    seen = []
    thread = threading.Thread(target=lambda: seen.append(get_language()))
    thread.start()
    thread.join(timeout=10)
    assert seen == ["en"]


# --- catalogs and functions ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalog_is_loaded(lang):
    """The install step compiled the .mo; no in-memory compiling (that logs a warning)."""
    translations.cache_clear()
    assert isinstance(translations(lang), gettext.GNUTranslations)


def test_untranslated_text_falls_back_to_the_message_id():
    missing = "A message id that is not in any catalog {n}"
    with use_language("nl"):
        assert i18n._(missing) == missing
        assert ngettext("{n} shift", "{n} shifts", 1) == "{n} shift"
        assert ngettext("{n} shift", "{n} shifts", 2) == "{n} shifts"


def test_n_marks_without_translating():
    with use_language("nl"):
        assert N_("Save") == "Save"


def test_nothing_is_put_in_builtins():
    import planner.explain  # noqa: F401  (a module that uses the functions)

    for name in ("_", "N_", "ngettext", "pgettext", "npgettext", "gettext"):
        assert name not in builtins.__dict__, f"{name!r} was installed in builtins"


def test_signed_money_has_a_real_minus_and_a_plus_when_asked() -> None:
    from decimal import Decimal

    from planner.i18n import format_signed_money

    assert format_signed_money(Decimal("-45.10"), "nl") == "\u2212" + format_money(Decimal("45.10"), "nl")
    assert format_signed_money(Decimal("60.03"), "en", plus=True) == "+" + format_money(Decimal("60.03"), "en")
    assert format_signed_money(Decimal("60.03"), "en") == format_money(Decimal("60.03"), "en")
    assert format_signed_money(Decimal("0"), "nl", plus=True) == format_money(Decimal("0"), "nl")


@given(
    value=st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False, places=4),
    decimals=st.sampled_from([None, 0, 1, 2, 4]),
    lang=st.sampled_from(["nl", "en"]),
)
def test_numbers_are_written_as_babel_writes_them(value: Decimal, decimals: int | None, lang: str) -> None:
    """format_number and format_percent keep the parsed pattern between calls; the text is Babel's own."""
    from babel.numbers import format_decimal

    locale = {"nl": "nl_NL", "en": "en_GB"}[lang]
    fmt = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    assert format_number(value, lang, decimals=decimals) == format_decimal(value, format=fmt, locale=locale)
    assert format_percent(value, lang) == format_decimal(value.normalize(), locale=locale) + "%"
