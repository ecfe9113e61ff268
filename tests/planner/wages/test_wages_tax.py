"""Loonheffing, the tax credits and the special rate: the law's formulas and their invariants."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from string import Formatter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.explain import Explanation, Money, Percent
from planner.money import cents
from planner.rules import Parameter, RuleNotInForce, RuleSet, parse_parameter
from planner.wages.periods import PAY_PERIODS, PayPeriod
from planner.wages.tax import (
    TABLE_MARGIN,
    RuleValueUnknown,
    Withholding,
    algemene_heffingskorting,
    arbeidskorting,
    bijzonder_tarief,
    box1_tax,
    loonheffing,
    tax_year,
)

D = Decimal
MARCH_2026 = date(2026, 3, 25)

gross_amounts = st.decimals(min_value=0, max_value=15_000, places=2, allow_nan=False, allow_infinity=False)
periods = st.sampled_from(PAY_PERIODS)
pay_dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


def assert_fields_filled(explanation: Explanation) -> None:
    """Every ``{field}`` of each sentence has a value, and every value is used."""
    fields = {field for _, field, _, _ in Formatter().parse(explanation.message) if field}
    assert fields == set(explanation.values), explanation.message
    for part in explanation.more:
        assert_fields_filled(part)


# --- the yearly parameters ----------------------------------------------------------------------------


def test_tax_year_2026(wage_rules: RuleSet) -> None:
    ty = tax_year(2026, wage_rules)
    assert ty.box1.schijf1_tarief == D("35.75")
    assert ty.box1.schijf1_grens == D("38883")
    assert ty.ahk.maximum == D("3115")
    assert ty.ak.maximum == D("5685")
    assert len(ty.box1_rules) == 5
    assert len(ty.credit_rules) == 14
    assert tax_year(2026, wage_rules) is ty, "kept per rule set and year"


def test_ahk_nihil_point_matches_the_published_one(wage_rules: RuleSet) -> None:
    # 29.736 + 3.115 / 6,398 % = 78.423, published as "vanaf € 78.426" (rounding of the percentage).
    assert abs(tax_year(2026, wage_rules).ahk.nihil_vanaf - D("78426")) < 5
    assert abs(tax_year(2025, wage_rules).ahk.nihil_vanaf - D("76817")) < 5


def test_the_ak_amounts_follow_from_the_bend_points(wage_rules: RuleSet) -> None:
    # The law writes the amounts at the bend points in whole euros; they are the segments' end values.
    for year in (2025, 2026):
        ak = tax_year(year, wage_rules).ak
        assert abs(ak.percentage_1 * ak.knikpunt_1 / 100 - ak.bedrag_knik_1) < 1
        assert abs(ak.bedrag_knik_1 + ak.percentage_2 * (ak.knikpunt_2 - ak.knikpunt_1) / 100 - ak.bedrag_knik_2) < 1
        assert abs(ak.bedrag_knik_2 + ak.percentage_3 * (ak.knikpunt_3 - ak.knikpunt_2) / 100 - ak.maximum) < 1
        assert abs(ak.knikpunt_3 + ak.maximum * 100 / ak.afbouw_percentage - ak.nihil_vanaf) < 2


def test_a_year_after_the_last_values_is_flagged(wage_rules: RuleSet) -> None:
    refs = tax_year(2027, wage_rules).box1_rules + tax_year(2027, wage_rules).credit_rules
    assert {ref.coverage for ref in refs} == {"not_yet_published"}
    assert {ref.coverage for ref in tax_year(2024, wage_rules).box1_rules} == {"earlier_unknown"}


def _with_file(wage_parameters: Mapping[str, Parameter], text: str, param_id: str) -> RuleSet:
    params = dict(wage_parameters)
    params[param_id] = parse_parameter(param_id, text)
    return RuleSet(params)


_HEAD = """label: {nl: x test, en: x test}
description: {nl: x test, en: x test}
article: {nl: Wet IB 2001 art. 2.10, en: Income Tax Act 2001 art. 2.10}
unit: percent
period: none
indexation: yearly
values:
"""
_REF = '    references: [{title: test ref, url: "https://example.org/x", consulted: "2026-11-23"}]\n'


def test_a_mid_year_tax_change_is_refused(wage_parameters: Mapping[str, Parameter]) -> None:
    text = _HEAD + '  "2025-01-01":\n    value: "35.82"\n    status: secondary\n' + _REF
    text += '  "2025-07-01":\n    value: "35.00"\n    status: secondary\n' + _REF
    rules = _with_file(wage_parameters, text, "belastingen/box1/schijf1_tarief")
    with pytest.raises(ValueError, match="only on 1 January"):
        tax_year(2025, rules)


def test_an_unknown_tax_value_is_an_error(wage_parameters: Mapping[str, Parameter]) -> None:
    text = _HEAD + '  "2025-01-01":\n    status: unknown\n' + _REF
    rules = _with_file(wage_parameters, text, "belastingen/box1/schijf1_tarief")
    with pytest.raises(RuleValueUnknown):
        tax_year(2025, rules)


def test_a_tax_rule_not_in_force_is_an_error(wage_parameters: Mapping[str, Parameter]) -> None:
    text = _HEAD + '  "2026-01-01":\n    value: "35.75"\n    status: secondary\n' + _REF
    rules = _with_file(wage_parameters, text, "belastingen/box1/schijf1_tarief")
    with pytest.raises(RuleNotInForce):
        tax_year(2025, rules)


# --- the formulas ------------------------------------------------------------------------------------


def test_box1_tax_per_bracket(wage_rules: RuleSet) -> None:
    box1 = tax_year(2026, wage_rules).box1
    assert box1_tax(D("0"), box1) == 0
    assert box1_tax(D("10000"), box1) == D("3575")
    at_limit = D("38883") * D("0.3575")
    assert box1_tax(D("38883"), box1) == at_limit
    assert box1_tax(D("40000"), box1) == at_limit + D("1117") * D("0.3756")
    second = at_limit + (D("78426") - D("38883")) * D("0.3756")
    assert box1_tax(D("100000"), box1) == second + (D("100000") - D("78426")) * D("0.495")


def test_algemene_heffingskorting(wage_rules: RuleSet) -> None:
    ahk = tax_year(2026, wage_rules).ahk
    assert algemene_heffingskorting(D("0"), ahk) == D("3115")
    assert algemene_heffingskorting(D("29736"), ahk) == D("3115")
    assert algemene_heffingskorting(D("30736"), ahk) == D("3115") - D("63.98")
    assert algemene_heffingskorting(D("80000"), ahk) == 0


@pytest.mark.parametrize(
    ("income", "expected"),
    [
        ("0", "0"),
        ("10000", "832.4"),  # 8,324 %
        ("11965", "995.9666"),  # the first segment up to and including the bend point
        ("12000", "1006.85315"),  # 996 + 31,009 % × 35
        ("25845", "5300.04920"),  # end of the second segment (the law's next amount is 5.300)
        ("30000", "5381.02250"),  # 5.300 + 1,950 % × 4.155
        ("50000", "5398.03920"),  # 5.685 − 6,51 % × 4.408
        ("132920", "0"),
        ("200000", "0"),
    ],
)
def test_arbeidskorting_2026(wage_rules: RuleSet, income: str, expected: str) -> None:
    assert arbeidskorting(D(income), tax_year(2026, wage_rules).ak) == D(expected)


# --- loonheffing ----------------------------------------------------------------------------------


def test_withholding_fields(wage_rules: RuleSet) -> None:
    w = loonheffing(D("2000.00"), "month", MARCH_2026, with_lhk=True, rules=wage_rules)
    assert isinstance(w, Withholding)
    assert (w.gross, w.loonheffing, w.net, w.with_lhk, w.period) == (D("2000.00"), D("61.42"), D("1938.58"), True, "month")
    assert [ref.id for ref in w.rules][:5] == [ref.id for ref in tax_year(2026, wage_rules).box1_rules]
    assert len(w.rules) == 19
    with pytest.raises(AttributeError):
        w.net = D("0")  # type: ignore[misc]


def test_explanation_with_lhk(wage_rules: RuleSet) -> None:
    expl = loonheffing(D("2000.00"), "month", MARCH_2026, with_lhk=True, rules=wage_rules).explanation
    assert_fields_filled(expl)
    assert expl.values["annual"] == Money(D("24000.00"))
    assert expl.values["tax"] == Money(D("8580.00"))
    assert expl.values["ahk"] == Money(D("3115.00"))
    assert expl.values["ak"] == Money(D("4727.93"))
    assert expl.values["annual_withheld"] == Money(D("737.07"))
    assert expl.values["withheld"] == Money(D("61.42"))
    (estimate,) = expl.more  # the table rounding step is not applied: say so
    assert "estimate" in estimate.message
    assert estimate.values["margin"] == Money(TABLE_MARGIN)
    assert len(expl.rules) == 19


def test_explanation_without_lhk(wage_rules: RuleSet) -> None:
    w = loonheffing(D("500.00"), "week", MARCH_2026, with_lhk=False, rules=wage_rules)
    assert w.loonheffing == D("178.75")  # 35,75 % of a wage inside the first bracket
    assert "tax return" in w.explanation.more[0].message
    assert_fields_filled(w.explanation)
    assert "ahk" not in w.explanation.values
    assert {ref.id.split("/")[1] for ref in w.rules} == {"box1"}


def test_negative_gross_is_an_error(wage_rules: RuleSet) -> None:
    with pytest.raises(ValueError, match="negative"):
        loonheffing(D("-1"), "month", MARCH_2026, with_lhk=True, rules=wage_rules)


def test_unknown_period_is_an_error(wage_rules: RuleSet) -> None:
    with pytest.raises(ValueError, match="unknown pay period"):
        loonheffing(D("100"), "day", MARCH_2026, with_lhk=True, rules=wage_rules)  # type: ignore[arg-type]


def test_the_tax_year_is_the_year_of_the_pay_date(wage_rules: RuleSet) -> None:
    december = loonheffing(D("2000.00"), "month", date(2025, 12, 31), with_lhk=True, rules=wage_rules)
    january = loonheffing(D("2000.00"), "month", date(2026, 1, 1), with_lhk=True, rules=wage_rules)
    assert (december.loonheffing, january.loonheffing) == (D("83.00"), D("61.42"))


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("period", PAY_PERIODS)
def test_net_does_not_fall_across_the_bend_points(wage_rules: RuleSet, year: int, period: PayPeriod) -> None:
    """The law's fixed AK amounts make the credit jump a few cents at a bend point; net pay still never falls."""
    ty = tax_year(year, wage_rules)
    n = {"month": 12, "four_weeks": 13, "week": 52}[period]
    points = (
        ty.ak.knikpunt_1, ty.ak.knikpunt_2, ty.ak.knikpunt_3, ty.ak.nihil_vanaf,
        ty.ahk.afbouw_vanaf, ty.ahk.nihil_vanaf, ty.box1.schijf1_grens, ty.box1.schijf2_grens,
    )  # fmt: skip
    for point in points:
        start = cents(point / n) - D("0.10")
        previous = None
        for step in range(21):
            gross = start + D("0.01") * step
            net = loonheffing(gross, period, date(year, 6, 1), with_lhk=True, rules=wage_rules).net
            assert previous is None or net >= previous, f"net falls at {gross} {period} {year}"
            previous = net


# --- invariants ------------------------------------------------------------------------------------


@given(gross=gross_amounts, period=periods, pay_date=pay_dates, with_lhk=st.booleans())
def test_net_is_between_zero_and_gross(
    wage_rules: RuleSet, gross: Decimal, period: PayPeriod, pay_date: date, with_lhk: bool
) -> None:
    w = loonheffing(gross, period, pay_date, with_lhk=with_lhk, rules=wage_rules)
    assert D(0) <= w.loonheffing <= w.gross
    assert w.net <= w.gross
    assert w.net == w.gross - w.loonheffing
    assert w.loonheffing == cents(w.loonheffing)


@given(low=gross_amounts, extra=gross_amounts, period=periods, pay_date=pay_dates, with_lhk=st.booleans())
def test_net_never_falls_when_gross_rises(
    wage_rules: RuleSet, low: Decimal, extra: Decimal, period: PayPeriod, pay_date: date, with_lhk: bool
) -> None:
    a = loonheffing(low, period, pay_date, with_lhk=with_lhk, rules=wage_rules)
    b = loonheffing(low + extra, period, pay_date, with_lhk=with_lhk, rules=wage_rules)
    assert b.net >= a.net


@given(gross=gross_amounts, period=periods, pay_date=pay_dates)
def test_withholding_with_lhk_is_never_more(
    wage_rules: RuleSet, gross: Decimal, period: PayPeriod, pay_date: date
) -> None:
    with_lhk = loonheffing(gross, period, pay_date, with_lhk=True, rules=wage_rules)
    without = loonheffing(gross, period, pay_date, with_lhk=False, rules=wage_rules)
    assert with_lhk.loonheffing <= without.loonheffing


@given(gross=gross_amounts, pay_date=pay_dates, with_lhk=st.booleans())
def test_thirteen_four_weekly_periods_a_year(
    wage_rules: RuleSet, gross: Decimal, pay_date: date, with_lhk: bool
) -> None:
    four_weekly = loonheffing(gross, "four_weeks", pay_date, with_lhk=with_lhk, rules=wage_rules)
    assert four_weekly.explanation.values["annual"] == Money(cents(gross * 13))
    # The same annual wage paid monthly: the year's withholding agrees up to the rounding of each period.
    monthly = loonheffing(gross * 13 / 12, "month", pay_date, with_lhk=with_lhk, rules=wage_rules)
    assert abs(four_weekly.loonheffing * 13 - monthly.loonheffing * 12) <= D("0.125")


@given(gross=gross_amounts, period=periods, with_lhk=st.booleans())
def test_every_explanation_is_complete(
    wage_rules: RuleSet, gross: Decimal, period: PayPeriod, with_lhk: bool
) -> None:
    w = loonheffing(gross, period, MARCH_2026, with_lhk=with_lhk, rules=wage_rules)
    assert_fields_filled(w.explanation)
    assert w.explanation.values["withheld"] == Money(w.loonheffing)


# --- bijzonder tarief ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wage", "percent", "low_income"),
    [
        # rules/tax-toeslagen.md §1.5, DERIVED 2026 percentages "met LHK".
        ("10000", "27.43", True),
        ("20000", "4.74", True),
        ("27000", "33.80", True),
        ("30000", "40.20", False),  # published (example L4)
        ("40000", "42.01", False),
        ("50000", "50.47", False),
    ],
)
def test_bijzonder_tarief_2026_bands(wage_rules: RuleSet, wage: str, percent: str, low_income: bool) -> None:
    result, expl = bijzonder_tarief(D(wage), 2026, with_lhk=True, rules=wage_rules)
    assert result == D(percent)
    assert expl.values["percent"] == Percent(D(percent))
    assert_fields_filled(expl)
    assert "not read from the official table" in expl.more[0].message
    assert any("has not been checked at all" in part.message for part in expl.more) is low_income
    assert len(expl.rules) == 19


@pytest.mark.parametrize(("wage", "percent"), [("30000", "35.75"), ("50000", "37.56"), ("90000", "49.50")])
def test_bijzonder_tarief_without_lhk_is_the_bracket_rate(wage_rules: RuleSet, wage: str, percent: str) -> None:
    result, expl = bijzonder_tarief(D(wage), 2026, with_lhk=False, rules=wage_rules)
    assert result == D(percent)
    assert_fields_filled(expl)
    assert len(expl.rules) == 5


def test_bijzonder_tarief_band_limits(wage_rules: RuleSet) -> None:
    # A wage exactly at a limit belongs to the band below it (as the 2025 table's "tussen € 28.407 en ...").
    assert bijzonder_tarief(D("29736"), 2026, with_lhk=True, rules=wage_rules)[0] == D("33.80")
    assert bijzonder_tarief(D("29737"), 2026, with_lhk=True, rules=wage_rules)[0] == D("40.20")
    assert bijzonder_tarief(D("200000"), 2026, with_lhk=True, rules=wage_rules)[0] == D("49.50")
