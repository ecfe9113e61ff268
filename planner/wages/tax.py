"""Wage tax withheld by an employer (loonheffing), the special rate, and the minimum wage.

Below state pension age only. All amounts are ``Decimal``; rates are read as
percentages from the rule files under ``planner/rules/belastingen/`` and
``planner/rules/wml/`` and divided by 100 where they are applied.

The law behind each step:

- box 1 tariff: Wet inkomstenbelasting 2001 (Wet IB) art. 2.10, with the
  premie volksverzekeringen inside the first two brackets;
- algemene heffingskorting (AHK): Wet IB art. 8.10;
- arbeidskorting (AK): Wet IB art. 8.11;
- withholding per pay period with the loonheffingskorting (AHK + AK) as the
  employer does it: Wet op de loonbelasting 1964 art. 20a (tarief) and
  art. 22 (loonheffingskorting), worked out in the Belastingdienst's
  rekenvoorschriften for the witte tabel (rules/tax-toeslagen.md §1.4);
- minimum wage per hour: Wet minimumloon en minimumvakantiebijslag (WML)
  art. 8 and, for ages 18 to 20, art. 7 with the Besluit
  minimumjeugdloonregeling.

Tax parameters change only on 1 January. The parameters of one year are
looked up once per rule set and kept (:func:`tax_year`), so that converting a
wage does no rule look-ups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from planner.explain import Day, Explanation, Money, Msg, Percent, RuleRef, Value
from planner.i18n import N_
from planner.money import CENT, cents
from planner.rules import RuleNotInForce, RuleSet, RuleValue
from planner.wages.periods import PERIODS_PER_YEAR, PayPeriod, periods_per_year

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
_PERCENT_PLACES: Final = Decimal("0.01")
_PERIODS: Final = dict(PERIODS_PER_YEAR)

TABLE_MARGIN: Final = Decimal("0.20")  # not a rule value: the accuracy we claim for our estimate of the table
"""How far our withholding may lie from the official table, per period (rules/tax-toeslagen.md §1.4)."""

MINIMUM_WAGE_AGE: Final = 18
"""The lowest age with a minimum-wage rule file; younger workers are not checked."""

ADULT_MINIMUM_WAGE_AGE: Final = 21
"""From this age the full minimum wage applies (WML art. 8)."""


class RuleValueUnknown(LookupError):
    """A tax parameter has no known number on the date asked for."""

    def __init__(self, param_id: str, on: date) -> None:
        super().__init__(f"rule {param_id!r} has no known value on {on.isoformat()}")
        self.param_id = param_id
        self.on = on


# --- the parameters of one tax year ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Box1:
    """Box 1 brackets of one year, below state pension age (Wet IB art. 2.10).

    Rates in percent, limits in euros per year, as in
    ``belastingen/box1/*``.
    """

    schijf1_tarief: Decimal
    schijf1_grens: Decimal
    schijf2_tarief: Decimal
    schijf2_grens: Decimal
    schijf3_tarief: Decimal


@dataclass(frozen=True, slots=True)
class AlgemeneHeffingskorting:
    """The general tax credit of one year (Wet IB art. 8.10), as in ``belastingen/ahk/*``."""

    maximum: Decimal
    afbouw_percentage: Decimal
    afbouw_vanaf: Decimal

    @property
    def nihil_vanaf(self) -> Decimal:
        """The income from which the credit is zero (derived: afbouw_vanaf + maximum / afbouw %)."""
        return self.afbouw_vanaf + self.maximum * _HUNDRED / self.afbouw_percentage


@dataclass(frozen=True, slots=True)
class Arbeidskorting:
    """The employment tax credit of one year (Wet IB art. 8.11), as in ``belastingen/arbeidskorting/*``."""

    knikpunt_1: Decimal
    knikpunt_2: Decimal
    knikpunt_3: Decimal
    nihil_vanaf: Decimal
    percentage_1: Decimal
    percentage_2: Decimal
    percentage_3: Decimal
    afbouw_percentage: Decimal
    bedrag_knik_1: Decimal
    bedrag_knik_2: Decimal
    maximum: Decimal


@dataclass(frozen=True, slots=True)
class TaxYear:
    """All tax parameters of one calendar year, with the rules they came from."""

    year: int
    box1: Box1
    ahk: AlgemeneHeffingskorting
    ak: Arbeidskorting
    box1_rules: tuple[RuleRef, ...]
    credit_rules: tuple[RuleRef, ...]

    @property
    def lhk_rules(self) -> tuple[RuleRef, ...]:
        """The rules used with the loonheffingskorting: box 1, AHK and AK."""
        return self.box1_rules + self.credit_rules


_BOX1_IDS: Final = tuple(
    f"belastingen/box1/{name}"
    for name in ("schijf1_tarief", "schijf1_grens", "schijf2_tarief", "schijf2_grens", "schijf3_tarief")
)
_AHK_IDS: Final = tuple(f"belastingen/ahk/{name}" for name in ("maximum", "afbouw_percentage", "afbouw_vanaf"))
_AK_IDS: Final = tuple(
    f"belastingen/arbeidskorting/{name}"
    for name in (
        "knikpunt_1",
        "knikpunt_2",
        "knikpunt_3",
        "nihil_vanaf",
        "percentage_1",
        "percentage_2",
        "percentage_3",
        "afbouw_percentage",
        "bedrag_knik_1",
        "bedrag_knik_2",
        "maximum",
    )
)


def _lookup(rules: RuleSet, param_id: str, on: date) -> RuleValue:
    param = rules.parameter(param_id)
    if any((start.month, start.day) != (1, 1) for start in param.starts):
        raise ValueError(f"{param_id}: tax parameters change only on 1 January; the yearly look-up relies on it")
    found = rules.find(param_id, on)
    if found is None:
        raise RuleNotInForce(param_id, on)
    if found.value is None or found.status == "unknown":
        raise RuleValueUnknown(param_id, on)
    return found


def _name(param_id: str) -> str:
    return param_id.rsplit("/", 1)[1]


@lru_cache(maxsize=64)
def _tax_year(rules: RuleSet, year: int) -> TaxYear:
    on = date(year, 1, 1)
    box1 = {pid: _lookup(rules, pid, on) for pid in _BOX1_IDS}
    ahk = {pid: _lookup(rules, pid, on) for pid in _AHK_IDS}
    ak = {pid: _lookup(rules, pid, on) for pid in _AK_IDS}
    return TaxYear(
        year=year,
        box1=Box1(**{_name(pid): rv.decimal for pid, rv in box1.items()}),
        ahk=AlgemeneHeffingskorting(**{_name(pid): rv.decimal for pid, rv in ahk.items()}),
        ak=Arbeidskorting(**{_name(pid): rv.decimal for pid, rv in ak.items()}),
        box1_rules=tuple(RuleRef.of(rv) for rv in box1.values()),
        credit_rules=tuple(RuleRef.of(rv) for rv in (*ahk.values(), *ak.values())),
    )


def tax_year(year: int, rules: RuleSet) -> TaxYear:
    """The tax parameters in force in ``year`` (looked up on 1 January, kept per rule set and year).

    A year past the last published values keeps the last values; their
    :class:`RuleRef` says ``not_yet_published``. Raises
    :class:`~planner.rules.RuleNotInForce` or :class:`RuleValueUnknown` where
    a parameter has no value.
    """
    return _tax_year(rules, year)


# --- the law's formulas, per year -------------------------------------------------------------------


def box1_tax(income: Decimal, box1: Box1) -> Decimal:
    """Tax plus national insurance on a year's box 1 income, unrounded (Wet IB art. 2.10).

    Each bracket's rate applies to the part of the income inside it: up to
    ``schijf1_grens``, up to ``schijf2_grens``, and above. From 2025 box 1 has
    three brackets below state pension age.
    """
    if income <= _ZERO:
        return _ZERO
    b = box1
    if income <= b.schijf1_grens:
        return b.schijf1_tarief * income / _HUNDRED
    weighted = b.schijf1_tarief * b.schijf1_grens
    if income <= b.schijf2_grens:
        weighted += b.schijf2_tarief * (income - b.schijf1_grens)
    else:
        weighted += b.schijf2_tarief * (b.schijf2_grens - b.schijf1_grens)
        weighted += b.schijf3_tarief * (income - b.schijf2_grens)
    return weighted / _HUNDRED


def algemene_heffingskorting(income: Decimal, ahk: AlgemeneHeffingskorting) -> Decimal:
    """The general tax credit for a year's income, unrounded (Wet IB art. 8.10).

    The maximum, less ``afbouw_percentage`` of the income above
    ``afbouw_vanaf``, never below zero. Since 2025 the law uses the income of
    boxes 1, 2 and 3 together; here only the wage (box 1) is known.
    """
    if income <= ahk.afbouw_vanaf:
        return ahk.maximum
    credit = ahk.maximum - ahk.afbouw_percentage * (income - ahk.afbouw_vanaf) / _HUNDRED
    return credit if credit > _ZERO else _ZERO


def arbeidskorting(arbeidsinkomen: Decimal, ak: Arbeidskorting) -> Decimal:
    """The employment tax credit for a year's employment income, unrounded (Wet IB art. 8.11).

    Four segments, as the article's table: ``percentage_1`` of the income up
    to ``knikpunt_1``; then ``bedrag_knik_1`` plus ``percentage_2`` of the
    income above ``knikpunt_1``; then ``bedrag_knik_2`` plus ``percentage_3``
    of the income above ``knikpunt_2``; then ``maximum`` less
    ``afbouw_percentage`` of the income above ``knikpunt_3``, never below
    zero and nil from ``nihil_vanaf``. The law's fixed amounts are used as
    written (so the credit can jump by a few cents at a bend point).
    Bijstand is not employment income.
    """
    y = arbeidsinkomen
    if y <= _ZERO:
        return _ZERO
    if y <= ak.knikpunt_1:
        return ak.percentage_1 * y / _HUNDRED
    if y <= ak.knikpunt_2:
        return ak.bedrag_knik_1 + ak.percentage_2 * (y - ak.knikpunt_1) / _HUNDRED
    if y <= ak.knikpunt_3:
        return ak.bedrag_knik_2 + ak.percentage_3 * (y - ak.knikpunt_2) / _HUNDRED
    if y >= ak.nihil_vanaf:
        return _ZERO
    credit = ak.maximum - ak.afbouw_percentage * (y - ak.knikpunt_3) / _HUNDRED
    return credit if credit > _ZERO else _ZERO


# --- withholding per pay period ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Withholding:
    """The wage tax withheld from one period's gross wage, and what is paid out.

    ``loonheffing`` is rounded half up to the cent; ``net = gross -
    loonheffing`` (no pension premium or other deductions). ``tax_year``
    holds the parameters used. ``explanation`` and ``rules`` are built from
    them when asked, so converting many wages (a projection, a risk run)
    does not build thousands of explanations nobody reads; the explanation
    repeats the same pure computation and so always matches the amounts.
    """

    gross: Decimal
    loonheffing: Decimal
    net: Decimal
    with_lhk: bool
    period: PayPeriod
    tax_year: TaxYear

    @property
    def rules(self) -> tuple[RuleRef, ...]:
        """Every rule used: the box 1 brackets, and with the loonheffingskorting AHK and AK."""
        return self.tax_year.lhk_rules if self.with_lhk else self.tax_year.box1_rules

    @property
    def explanation(self) -> Explanation:
        """How the amount was found, in plain words, with the rules used."""
        return _withholding_explanation(self)


_PER_PERIOD: Final[Mapping[str, Msg]] = MappingProxyType(
    {
        "month": Msg(N_("per month")),
        "four_weeks": Msg(N_("per four weeks")),
        "week": Msg(N_("per week")),
    }
)

# TRANSLATORS: "general tax credit" is the algemene heffingskorting, "employment tax credit" the
# arbeidskorting; {period} is "per month", "per four weeks" or "per week".
_LOONHEFFING_WITH_LHK: Final = N_(
    "Your gross wage of {gross} {period} counts as {annual} a year. "
    "The tax and national insurance on that are {tax} a year. "
    "The general tax credit of {ahk} and the employment tax credit of {ak} are taken off, "
    "never below zero, which leaves {annual_withheld} a year: {withheld} {period} is withheld, "
    "and you are paid {net} {period}."
)
# TRANSLATORS: {period} is "per month", "per four weeks" or "per week".
_LOONHEFFING_WITHOUT_LHK: Final = N_(
    "Your gross wage of {gross} {period} counts as {annual} a year. "
    "The tax and national insurance on that are {tax} a year, without tax credits: "
    "{withheld} {period} is withheld, and you are paid {net} {period}."
)
# TRANSLATORS: "tax credits" is the loonheffingskorting; "tax return" the aangifte inkomstenbelasting.
_ONE_PAYER_APPLIES_CREDITS: Final = N_(
    "Only one payer may apply the tax credits; if this employer does not, "
    "you may get part of them back through your tax return."
)
# TRANSLATORS: "payroll table" is the witte loonbelastingtabel.
_TABLE_ESTIMATE: Final = N_(
    "This is an estimate: the official {year} payroll table rounds the annual wage in steps "
    "that we do not know, so the real amount can differ by about {margin}."
)


def _withholding_explanation(w: Withholding) -> Explanation:
    ty = w.tax_year
    annual = w.gross * periods_per_year(w.period)
    tax = box1_tax(annual, ty.box1)
    values: dict[str, Value] = {
        "gross": Money(w.gross),
        "period": _PER_PERIOD[w.period],
        "annual": Money(cents(annual)),
        "tax": Money(cents(tax)),
        "withheld": Money(w.loonheffing),
        "net": Money(w.net),
    }
    estimate = Explanation(message=_TABLE_ESTIMATE, values={"year": str(ty.year), "margin": Money(TABLE_MARGIN)})
    if not w.with_lhk:
        return Explanation(
            message=_LOONHEFFING_WITHOUT_LHK,
            values=values,
            rules=w.rules,
            more=(Explanation(message=_ONE_PAYER_APPLIES_CREDITS), estimate),
        )
    ahk = algemene_heffingskorting(annual, ty.ahk)
    ak = arbeidskorting(annual, ty.ak)
    values["ahk"] = Money(cents(ahk))
    values["ak"] = Money(cents(ak))
    values["annual_withheld"] = Money(cents(max(tax - ahk - ak, _ZERO)))
    return Explanation(message=_LOONHEFFING_WITH_LHK, values=values, rules=w.rules, more=(estimate,))


def loonheffing(
    gross: Decimal,
    period: PayPeriod,
    pay_date: date,
    *,
    with_lhk: bool,
    rules: RuleSet,
) -> Withholding:
    """The wage tax an employer withholds from one pay period's gross wage (witte tabel).

    Wet op de loonbelasting 1964 art. 20a and art. 22, by the method of the
    Belastingdienst's rekenvoorschriften (rules/tax-toeslagen.md §1.4):

    1. annualise the period's wage: month × 12, four weeks × 13, week × 52;
    2. apply the box 1 tariff (:func:`box1_tax`);
    3. with the loonheffingskorting (``with_lhk``), subtract the
       :func:`algemene_heffingskorting` and the :func:`arbeidskorting` of
       that annual wage, never below zero;
    4. divide by the number of periods and round half up to the cent.

    The parameters are those of the calendar year of ``pay_date`` (wage is
    taxed when it is paid). Approximation: the official tables first round
    the annual wage down to a table step; the 2026 step is UNVERIFIED, so it
    is not applied here. The result reproduces published 2025→2026 changes to
    within € 0,15 a month; expect up to about € 0,20 against a real payslip
    (:data:`TABLE_MARGIN`). The explanation says so.
    """
    n = _PERIODS.get(period)
    if n is None:
        n = periods_per_year(period)  # raises the ValueError for an unknown period
    if gross < _ZERO:
        raise ValueError(f"a gross wage cannot be negative, got {gross}")
    ty = _tax_year(rules, pay_date.year)
    annual = gross * n
    annual_withheld = box1_tax(annual, ty.box1)
    if with_lhk:
        annual_withheld -= algemene_heffingskorting(annual, ty.ahk) + arbeidskorting(annual, ty.ak)
        if annual_withheld < _ZERO:
            annual_withheld = _ZERO
    withheld = (annual_withheld / n).quantize(CENT, rounding=ROUND_HALF_UP)  # money.cents, inlined
    return Withholding(gross, withheld, gross - withheld, with_lhk, period, ty)


# --- bijzonder tarief -------------------------------------------------------------------------------


def _box1_marginal_percent(wage: Decimal, box1: Box1) -> Decimal:
    """The bracket rate on extra income at ``wage`` (the bracket that contains it)."""
    if wage <= box1.schijf1_grens:
        return box1.schijf1_tarief
    if wage <= box1.schijf2_grens:
        return box1.schijf2_tarief
    return box1.schijf3_tarief


def _ahk_slope_percent(wage: Decimal, ahk: AlgemeneHeffingskorting) -> Decimal:
    """How fast the general tax credit falls at ``wage``, in percent of extra income."""
    if ahk.afbouw_vanaf < wage <= ahk.nihil_vanaf:
        return ahk.afbouw_percentage
    return _ZERO


def _ak_slope_percent(wage: Decimal, ak: Arbeidskorting) -> Decimal:
    """How fast the employment tax credit grows at ``wage`` (negative where it is phased out)."""
    if wage <= ak.knikpunt_1:
        return ak.percentage_1
    if wage <= ak.knikpunt_2:
        return ak.percentage_2
    if wage <= ak.knikpunt_3:
        return ak.percentage_3
    if wage <= ak.nihil_vanaf:
        return -ak.afbouw_percentage
    return _ZERO


# TRANSLATORS: the "special rate" is the bijzonder tarief (tabel bijzondere beloningen).
_BIJZONDER_PLAIN: Final = N_(
    "The special rate for one-off payments such as holiday pay in {year}, for a wage of {wage} "
    "in the year before, is {percent}: the tax and national insurance rate of the bracket that wage falls in."
)
# TRANSLATORS: the "special rate" is the bijzonder tarief (tabel bijzondere beloningen).
_BIJZONDER_CREDITS_SHRINK: Final = N_(
    "The special rate for one-off payments such as holiday pay in {year}, for a wage of {wage} "
    "in the year before, is {percent}: the tax and national insurance rate of {rate}, plus {adjustment} "
    "because your tax credits become smaller as your income rises."
)
# TRANSLATORS: the "special rate" is the bijzonder tarief (tabel bijzondere beloningen).
_BIJZONDER_CREDITS_GROW: Final = N_(
    "The special rate for one-off payments such as holiday pay in {year}, for a wage of {wage} "
    "in the year before, is {percent}: the tax and national insurance rate of {rate}, minus {adjustment} "
    "because your employment tax credit grows as your income rises."
)
_BIJZONDER_DERIVED: Final = N_(
    "We worked this percentage out from the tax brackets and tax credits; it is not read from "
    "the official table, whose income bands we have not checked."
)
_BIJZONDER_LOW_INCOME: Final = N_(
    "For a wage this low the official percentage has not been checked at all: it may be lower, even {zero}."
)


def bijzonder_tarief(
    previous_year_wage: Decimal,
    year: int,
    *,
    with_lhk: bool,
    rules: RuleSet,
) -> tuple[Decimal, Explanation]:
    """The special-rate percentage (tabel bijzondere beloningen) for one-off pay in ``year``.

    One percentage applies to the whole one-off payment (holiday pay, a
    bonus); it depends on the employee's wage in the previous year and uses
    the parameters of ``year`` (rules/tax-toeslagen.md §1.5; Wet op de
    loonbelasting 1964, tabel bijzondere beloningen).

    DERIVED, not read from the official table: the bracket rate at that wage
    plus, with the loonheffingskorting, the speed at which the tax credits
    change there: + the AHK phase-out rate, − the AK build-up rate (or + its
    phase-out rate). Rounded half up to 2 decimals. This reproduces the
    published 40,20 % (2026, wage in the AHK phase-out and AK third segment)
    and 39,90 % (2025). The official table's band limits and its low-income
    bands (wages up to the start of the AHK phase-out) are UNVERIFIED; the
    explanation says so. Without the loonheffingskorting it is the plain
    bracket rate.
    """
    ty = _tax_year(rules, year)
    wage = previous_year_wage
    rate = _box1_marginal_percent(wage, ty.box1)
    adjustment = _ZERO
    if with_lhk:
        adjustment = _ahk_slope_percent(wage, ty.ahk) - _ak_slope_percent(wage, ty.ak)
    percent = (rate + adjustment).quantize(_PERCENT_PLACES, rounding=ROUND_HALF_UP)
    if percent < _ZERO:  # pragma: no cover - no year's parameters give this
        percent = _ZERO.quantize(_PERCENT_PLACES)
    values: dict[str, Value] = {"year": str(year), "wage": Money(wage), "percent": Percent(percent)}
    if not with_lhk or adjustment == _ZERO:
        message = _BIJZONDER_PLAIN
    else:
        message = _BIJZONDER_CREDITS_SHRINK if adjustment > _ZERO else _BIJZONDER_CREDITS_GROW
        values["rate"] = Percent(rate)
        values["adjustment"] = Percent(abs(adjustment))
    more = [Explanation(message=_BIJZONDER_DERIVED)]
    if with_lhk and wage <= ty.ahk.afbouw_vanaf:
        more.append(Explanation(message=_BIJZONDER_LOW_INCOME, values={"zero": Percent(_ZERO)}))
    used = ty.lhk_rules if with_lhk else ty.box1_rules
    return percent, Explanation(message=message, values=values, rules=used, more=tuple(more))


# --- minimum wage -----------------------------------------------------------------------------------


def _minimum_wage_id(age: int) -> str | None:
    if age < MINIMUM_WAGE_AGE:
        return None
    return f"wml/minimumuurloon_{min(age, ADULT_MINIMUM_WAGE_AGE)}"


def minimum_hourly_wage(age: int, on: date, rules: RuleSet) -> RuleValue | None:
    """The statutory gross minimum wage per hour at ``age`` on ``on`` (WML art. 8; ages 18-20: art. 7).

    From 21 the full minimum wage (``wml/minimumuurloon_21``), at 18, 19 and
    20 the youth rate. ``None`` under 18 (not modelled) or where there is no
    rule. The value excludes holiday pay. Where the current value is not
    known, the result has status ``unknown`` and carries the last known
    number (see :meth:`RuleSet.find`); the caller must show it as such.
    """
    param_id = _minimum_wage_id(age)
    if param_id is None or param_id not in rules:
        return None
    return rules.find(param_id, on)


_BELOW_MINIMUM: Final = N_(
    "Your hourly wage of {wage} is below the legal minimum wage of {minimum} an hour "
    "for your age ({age}) on {day}. An employer must pay at least the minimum wage."
)
_BELOW_LAST_KNOWN_MINIMUM: Final = N_(
    "Your hourly wage of {wage} is below {minimum} an hour, the last known legal minimum wage "
    "for your age ({age}), which applied from {valid_from}. The minimum wage on {day} is not known yet; "
    "it is normally raised every half year, so your wage is very likely below it too."
)


def check_minimum_wage(hourly_gross: Decimal, age: int, on: date, rules: RuleSet) -> Explanation | None:
    """A warning when ``hourly_gross`` is below the minimum wage per hour, else ``None``.

    Compare the gross hourly wage without holiday pay (WML art. 8 and 7).
    Where the minimum on ``on`` is not published or not known, the last known
    minimum is used: a wage below it is warned about (the minimum is raised,
    not lowered, at each indexation), with a message that says the figure is
    the last known one. ``None`` also where nothing can be checked: under 18,
    no rule, or a date before our first value.
    """
    found = minimum_hourly_wage(age, on, rules)
    if found is None or found.value is None or found.coverage == "earlier_unknown":
        return None
    minimum = found.decimal
    if hourly_gross >= minimum:
        return None
    values: dict[str, Value] = {
        "wage": Money(hourly_gross),
        "minimum": Money(minimum),
        "age": age,
        "day": Day(on),
    }
    if found.published:
        message = _BELOW_MINIMUM
    else:
        message = _BELOW_LAST_KNOWN_MINIMUM
        values["valid_from"] = Day(found.valid_from)
    return Explanation(message=message, values=values, rules=(RuleRef.of(found),))


__all__ = [
    "ADULT_MINIMUM_WAGE_AGE",
    "MINIMUM_WAGE_AGE",
    "TABLE_MARGIN",
    "AlgemeneHeffingskorting",
    "Arbeidskorting",
    "Box1",
    "RuleValueUnknown",
    "TaxYear",
    "Withholding",
    "algemene_heffingskorting",
    "arbeidskorting",
    "bijzonder_tarief",
    "box1_tax",
    "check_minimum_wage",
    "loonheffing",
    "minimum_hourly_wage",
    "tax_year",
]
