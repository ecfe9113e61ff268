"""Totals over the months of a comparison or of a shift's effect: plain sums, no Qt.

Two small, pure functions for the views that show them:

- :func:`summarise`: the rows of :func:`planner.scenarios.compare` added up
  for the whole period (money in, what is taken back, what to set aside) and
  the lowest balance over all months, for plan A and plan B;
- :func:`effect_totals`: the rows of :func:`planner.scenarios.shift_effect`
  added up, and the months in which the shift brings money and those in which
  it costs money.

The views in ``ui/`` only format these numbers. Amounts stay ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planner.i18n import _, format_money, ngettext
from planner.model import Plan
from planner.money import ZERO
from planner.rules import RuleSet
from planner.scenarios import MonthComparison, Result, ShiftEffect, compare_results, run

YM = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pair:
    """One amount for plan A and for plan B."""

    a: Decimal
    b: Decimal

    @property
    def difference(self) -> Decimal:
        """B minus A: positive when plan B has more."""
        return self.b - self.a

    def __sub__(self, other: Pair) -> Pair:
        return Pair(self.a - other.a, self.b - other.b)

    def __add__(self, other: Pair) -> Pair:
        return Pair(self.a + other.a, self.b + other.b)


@dataclass(frozen=True, slots=True)
class CompareTotals:
    """A comparison over its whole period. The headline figure is :attr:`kept`."""

    months: int
    """The number of months compared."""
    money_in: Pair
    """All money received over the period."""
    settlement_out: Pair
    """All money withheld or paid back over the period."""
    set_aside: Pair
    """All money advised to set aside over the period."""
    lowest_balance: Pair | None
    """The lowest balance of any month; ``None`` when there are no months."""
    open_after: Pair = Pair(ZERO, ZERO)
    """Still to be paid (+) or taken back (-) after the last month, for months of the period."""

    @property
    def kept(self) -> Pair:
        """What you keep over the period, after everything taken back: money in, minus what is withheld or paid
        back, plus what is still settled after the period (a correction still to be paid, minus what is still to
        be taken back). The comparison leads with this figure."""
        return self.money_in - self.settlement_out + self.open_after


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def _pair_sum(rows: Sequence[MonthComparison], field: str) -> Pair:
    return Pair(_sum(getattr(r, field)[0] for r in rows), _sum(getattr(r, field)[1] for r in rows))


def work_gain(plan: Plan, planned: Result, rules: RuleSet) -> Decimal | None:
    """``work_gain``: what the work adds over the plan, after everything taken back, also later. The plan as planned
    compared with the same plan without jobs, shifts and payslips: the compare view's "You keep", B minus A.
    ``None`` when the plan has no work."""
    if not plan.jobs and not plan.shifts:
        return None
    without = run(plan.model_copy(update={"jobs": (), "shifts": (), "payslips": ()}), rules, ())
    kept = summarise(compare_results(without, planned)).kept
    return kept.b - kept.a


def summarise(rows: Iterable[MonthComparison]) -> CompareTotals:
    """Add up a month-by-month comparison; the lowest balance is the lowest of all months."""
    rows = tuple(rows)
    lowest = None
    if rows:
        lowest = Pair(min(r.lowest_balance[0] for r in rows), min(r.lowest_balance[1] for r in rows))
    return CompareTotals(
        months=len(rows),
        money_in=_pair_sum(rows, "money_in"),
        settlement_out=_pair_sum(rows, "settlement_out"),
        set_aside=_pair_sum(rows, "set_aside"),
        open_after=_pair_sum(rows, "open_after"),
        lowest_balance=lowest,
    )


@dataclass(frozen=True, slots=True)
class EffectTotals:
    """What one shift does over the whole plan. The headline figure is :attr:`kept`."""

    @property
    def kept(self) -> Decimal:
        """What the shifts add after everything taken back, also after the plan: :attr:`net` plus
        :attr:`open_after` (as compare's "You keep")."""
        return self.net + self.open_after

    money_in: Decimal
    """The change in all money received (wage, bijstand, premie, holiday pay, corrections)."""
    settlement_out: Decimal
    """The change in all money withheld or paid back."""
    net: Decimal
    """The change in what you have at the end: money in minus money out."""
    open_after: Decimal
    """The change in what is still settled after the plan's last month (+ paid, - taken back)."""
    months_more: tuple[YM, ...]
    """The months in which the shift leaves you with more money, in order."""
    months_less: tuple[YM, ...]
    """The months in which the shift leaves you with less money (less bijstand, or money taken back), in order."""
    months_taken_back: tuple[YM, ...]
    """The months in which more is withheld or paid back because of the shift, in order."""


def effect_totals(effects: Iterable[ShiftEffect]) -> EffectTotals:
    """Add up a shift's effect on each month, and say in which months it brings or costs money."""
    effects = tuple(effects)
    return EffectTotals(
        money_in=_sum(e.money_in for e in effects),
        settlement_out=_sum(e.settlement_out for e in effects),
        net=_sum(e.net for e in effects),
        open_after=_sum(e.open_after for e in effects),
        months_more=tuple(e.month for e in effects if e.net > 0),
        months_less=tuple(e.month for e in effects if e.net < 0),
        months_taken_back=tuple(e.month for e in effects if e.settlement_out > 0),
    )


def comparison_text(name_a: str, name_b: str, totals: CompareTotals) -> str:
    """The answer of a comparison in plain words, in the current language: first what you keep after everything
    taken back, then its parts (money in, taken back), then the lowest balance. The window and the CLI show it."""
    if totals.months == 0 or totals.lowest_balance is None:
        return _("These plans have no month in common, so there is nothing to compare.")
    n = totals.months
    names = {"name_a": name_a, "name_b": name_b, "count": n}
    keep = totals.kept.difference
    if keep > 0:
        first = ngettext("With “{name_b}” you keep {amount} more over {count} month than with “{name_a}”, after "
                         "everything that is taken back.",
                         "With “{name_b}” you keep {amount} more over {count} months than with “{name_a}”, after "
                         "everything that is taken back.", n)
    elif keep < 0:
        first = ngettext("With “{name_b}” you keep {amount} less over {count} month than with “{name_a}”, after "
                         "everything that is taken back.",
                         "With “{name_b}” you keep {amount} less over {count} months than with “{name_a}”, after "
                         "everything that is taken back.", n)
    else:
        first = ngettext("With “{name_b}” you keep the same over {count} month as with “{name_a}”, after everything "
                         "that is taken back.",
                         "With “{name_b}” you keep the same over {count} months as with “{name_a}”, after everything "
                         "that is taken back.", n)
    sentences = [first.format(amount=format_money(abs(keep)), **names)]
    taken = totals.settlement_out - totals.open_after
    sentences.append(_("Money in: {money_in}.").format(money_in=_signed_words(totals.money_in.difference)))
    if taken.a or taken.b:
        sentences.append(_("Taken back: {back}.").format(back=_signed_words(taken.difference)))
    else:
        sentences.append(_("Nothing is taken back in either plan."))
    low = totals.lowest_balance
    if low.a != low.b:
        sentences.append(_("Your lowest balance is {low_b} instead of {low_a}.").format(
            low_a=format_money(low.a), low_b=format_money(low.b)))
    else:
        sentences.append(_("Your lowest balance stays {low}.").format(low=format_money(low.a)))
    return " ".join(sentences)


def _signed_words(amount: Decimal) -> str:
    if amount > 0:
        return _("{amount} more").format(amount=format_money(amount))
    if amount < 0:
        return _("{amount} less").format(amount=format_money(-amount))
    return _("the same")


__all__ = ["CompareTotals", "EffectTotals", "Pair", "comparison_text", "effect_totals", "summarise"]
