"""planner.report: the consultation summary holds the month cards' own amounts, in either language."""

from __future__ import annotations

import re

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.explain import render
from planner.i18n import format_day, format_money, format_month, format_signed_money, use_language
from planner.model import Shift
from planner.overview import Overview, compute_overview, compute_risk
from planner.report import MARK, Report, build_report
from planner.scenarios import Bounds
from planner.storage import load_plan

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"
MADE_ON = date(2026, 11, 30)


@pytest.fixture(scope="module")
def overview() -> Overview:
    return compute_overview(load_plan(HOTEL))


@pytest.fixture(scope="module")
def bounds() -> Bounds:
    bounds = compute_risk(load_plan(HOTEL))
    assert bounds is not None
    return bounds


def _section(report: Report, title: str):  # noqa: ANN202
    return next(s for s in report.sections if s.title == title)


def _money(item, lang: str, signed: bool = False) -> str:  # noqa: ANN001
    amount = item.amount
    text = ("\u2212" + format_money(-amount, lang)) if signed and amount < 0 else format_money(amount, lang)
    return text + (MARK if item.flags else "")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_month_table_holds_the_cards_amounts(overview: Overview, bounds: Bounds, lang: str) -> None:
    report = build_report(overview, bounds, made_on=MADE_ON, lang=lang)
    with use_language(lang):  # the titles as the report wrote them
        month_title = "Maand per maand" if lang == "nl" else "Month by month"
        table = _section(report, month_title).table
    assert table is not None
    assert len(table.rows) == len(overview.cards) == 12
    for row, card in zip(table.rows, overview.cards, strict=True):
        money = {i.key: i for i in card.money_in}
        assert row[0] == format_month(*card.month, lang)
        assert row[1] == _money(money["wages"], lang)
        assert row[2] == _money(money["bijstand"], lang)
        marked = any(i.flags for i in card.money_in)
        assert row[5] == format_money(card.total_in.amount, lang) + (MARK if marked else ""), "a total of uncertain parts"
        noted = any(c.notes for c in overview.cards[: overview.cards.index(card) + 1])  # a balance carries earlier months
        assert row[8] == _money(card.lowest_balance, lang, signed=True).removesuffix(MARK) + (MARK if noted else "")
        assert row[9] == _money(card.set_aside, lang).removesuffix(MARK) + (MARK if noted else "")
        later = card.taken_back_later
        if later:
            assert format_day(later[0].when, lang) in row[7]
        else:
            assert row[7] == "–"
    flagged = sum(1 for card in overview.cards for i in card.money_in if i.flags)
    assert flagged and sum(cell.endswith(MARK) for row in table.rows for cell in row[1:5]) == flagged


def test_in_short_adds_up_the_months_and_gives_the_range(overview: Overview, bounds: Bounds) -> None:
    report = build_report(overview, bounds, made_on=MADE_ON, lang="en")
    text = report.text()
    # The answer first: the short list, then the month table.
    assert [s.title for s in report.sections[:2]] == ["In short", "Month by month"]
    taken = -sum((c.taken_back_now.amount for c in overview.cards if c.taken_back_now is not None), Decimal(0))
    assert f"Taken back within the plan, as planned: {format_money(taken, 'en')} in all" in text
    assert "not a decision of the municipality" in text
    r = bounds.repayment
    assert f"{format_money(r.low, 'en')} to {format_money(r.high, 'en')} may be taken back" in text
    aside = sum((c.set_aside.amount for c in overview.cards), Decimal(0))
    assert f"Set aside {format_money(aside, 'en')} in all" in text
    assert "so they are not certain either" in text, "the 2027 plan rests on values not yet published"
    without = build_report(overview, None, made_on=MADE_ON, lang="en").text()
    assert "was not computed yet" in without and "may be taken back within the plan." not in without


def test_every_later_correction_and_every_rule_is_listed(overview: Overview, bounds: Bounds) -> None:
    report = build_report(overview, bounds, made_on=MADE_ON, lang="nl")
    later = _section(report, "Wat er later gebeurt").table
    assert later is not None
    expected = [(c.month, i.amount) for c in overview.cards for i in c.settled_later]
    assert len(later.rows) == len(expected) and expected
    for row, (month, amount) in zip(later.rows, expected, strict=True):
        assert row[1] == format_month(*month, lang="nl") and row[3].rstrip(MARK) == format_signed_money(amount, "nl")
    rules = _section(report, "Regels en bronnen")
    assert rules is report.sections[-1] and rules.new_page, "the sources are on a last page of their own"
    used = {ref.label("nl") for c in overview.cards for i in c.items() for ref in i.rules}
    assert used and all(any(b.startswith(label + ":") for b in rules.bullets) for label in used)
    # Official texts first; every rule names its sources, and every source number is in the list.
    sure = [b for b in rules.bullets if "bevestigd in de officiële tekst" in b]
    assert sure and rules.bullets[: len(sure)] == tuple(sure)
    numbers = {n for b in rules.bullets for n in re.findall(r"\[(\d+)\]", b)}
    assert numbers and {line.split("]")[0].lstrip("[") for line in rules.after[1:]} == numbers
    notes = _section(report, "Opmerkingen")
    assert any("nog niet bekendgemaakt" in b for b in notes.bullets), "the 2027 values are flagged in the summary too"


def test_the_summary_is_in_the_language_asked_and_keeps_private_details_out(overview: Overview, bounds: Bounds) -> None:
    nl = build_report(overview, bounds, made_on=MADE_ON, lang="nl").text()
    en = build_report(overview, bounds, made_on=MADE_ON, lang="en").text()
    assert "In het kort" in nl and "In short" in en
    assert "In short" not in nl and "In het kort" not in en
    plan = overview.plan
    child = plan.household.youngest_child_birth_date
    assert child is not None
    for text, lang in ((nl, "nl"), (en, "en")):
        for born in (plan.household.claimant.birth_date, child):
            assert format_day(born, lang) not in text and born.isoformat() not in text
        assert "Zorgverzekering" not in text and "Telefoon en internet" not in text, "fixed costs stay out"


def test_a_plan_with_mistakes_has_no_summary() -> None:
    plan = load_plan(HOTEL)
    bad = plan.model_copy(update={"shifts": (Shift(date=date(2026, 12, 3), hours=Decimal(30), job="hotel"),)})
    with pytest.raises(ValueError, match="errors"):
        build_report(compute_overview(bad), None, made_on=MADE_ON)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_parts_in_short_add_up_to_the_total_said(overview: Overview, bounds: Bounds, lang: str) -> None:
    """'Set aside €374.67 in all: €273.75 in December 2026, €50.46 in February 2027, €50.45 in June 2027' left out
    August's €0.01 (rounding cents), so the parts did not add up. The cents are now said together at the end."""
    with use_language(lang):
        report = build_report(overview, bounds, made_on=date(2026, 12, 3), lang=lang)
        title = "In het kort" if lang == "nl" else "In short"
        section = _section(report, title)
    checked = 0
    for bullet in section.bullets:
        amounts = [Decimal(a.replace(".", "").replace(",", ".") if lang == "nl" else a.replace(",", ""))
                   for a in re.findall(r"€\s?([\d.,]+\d)", bullet)]
        if ":" in bullet and len(amounts) > 2 and ("opzij" in bullet or "aside" in bullet):
            assert amounts[0] == sum(amounts[1:]), bullet
            checked += 1
    assert checked == 1
