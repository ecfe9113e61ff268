"""The whole chain for one plan, and the questions asked of it.

:func:`run` goes plan → wages → benefit months → settlement timeline →
cash-flow ledger. On top of it:

- :func:`bounds`: the first version of risk. The plan is computed three
  ways: as planned (every shift that is sure, likely or maybe), with fewer
  shifts (only the sure ones happen) and with more (every shift happens,
  plus the "extra" shifts the user might get). Repayments, the lowest balance
  and the set-aside advice are shown as a range across them.
- :func:`compare`: two plans month by month.
- :func:`shift_effect`: what one shift really adds to each month's money,
  after benefit, premie and settlement.

Every function replays pure functions on immutable plans, so it can run many
times (the later probability model replays the same chain).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from collections.abc import Sequence
from typing import Literal

from planner.benefit import Projection, project
from planner.cashflow import Ledger, build_ledger
from planner.i18n import N_
from planner.model import Plan, Shift
from planner.money import ZERO
from planner.rules import RuleSet, load_rules
from planner.settlement import Timeline, build_timeline

ScenarioName = Literal["fewer", "planned", "more"]
CERTAINTY_NAMES: dict[str, str] = {
    "sure": N_("Sure"),
    "likely": N_("Likely"),
    "maybe": N_("Maybe"),
    # TRANSLATORS: a shift you might get on top of your plan; it only counts in the "more work" scenario.
    "extra": N_("Extra, only if it comes"),
}
"""``N_``-marked name of each "how sure" of a shift (the shift table and the summary use these words)."""

SCENARIOS: dict[ScenarioName, tuple[str, ...]] = {
    "fewer": ("sure",),
    "planned": ("sure", "likely", "maybe"),
    "more": ("sure", "likely", "maybe", "extra"),
}


@dataclass(frozen=True, slots=True)
class Result:
    projection: Projection
    timeline: Timeline
    ledger: Ledger

    @property
    def repaid_or_withheld(self) -> Decimal:
        return self.timeline.withheld + self.timeline.repaid

    def money_in(self) -> list[tuple[tuple[int, int], Decimal]]:
        return [(m.month, m.money_in) for m in self.ledger.months]


def shifts_of(plan: Plan, scenario: ScenarioName) -> tuple[Shift, ...]:
    keep = SCENARIOS[scenario]
    return tuple(s for s in plan.shifts if s.certainty in keep)


def run(plan: Plan, rules: RuleSet | None = None, shifts: tuple[Shift, ...] | None = None,
        planned: Projection | None = None) -> Result:
    rules = rules or load_rules()
    actual = project(plan, rules, shifts)
    timeline = build_timeline(plan, rules, shifts, planned=planned, actual=actual)
    ledger = build_ledger(timeline, plan.starting_balance, plan.settlement.safety_buffer)
    return Result(actual, timeline, ledger)


@dataclass(frozen=True, slots=True)
class Range:
    low: Decimal
    planned: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class Bounds:
    results: dict[ScenarioName, Result]
    repayment: Range
    """Withheld plus paid back within the plan."""
    lowest_balance: Range
    set_aside: Range


def bounds(plan: Plan, rules: RuleSet | None = None) -> Bounds:
    rules = rules or load_rules()
    planned_result = run(plan, rules, shifts_of(plan, "planned"))
    results: dict[ScenarioName, Result] = {"planned": planned_result}
    for name in ("fewer", "more"):
        results[name] = run(plan, rules, shifts_of(plan, name), planned=planned_result.projection)

    def rng(values: dict[ScenarioName, Decimal]) -> Range:
        return Range(min(values.values()), values["planned"], max(values.values()))

    return Bounds(
        results,
        rng({k: r.repaid_or_withheld for k, r in results.items()}),
        rng({k: r.ledger.lowest for k, r in results.items()}),
        rng({k: r.ledger.set_aside for k, r in results.items()}),
    )


@dataclass(frozen=True, slots=True)
class MonthComparison:
    month: tuple[int, int]
    money_in: tuple[Decimal, Decimal]
    lowest_balance: tuple[Decimal, Decimal]
    settlement_out: tuple[Decimal, Decimal]
    set_aside: tuple[Decimal, Decimal]
    open_after: tuple[Decimal, Decimal] = (ZERO, ZERO)
    """What is still to be paid (+) or taken back (-) for this benefit month after the plan's last month."""

    @property
    def kept(self) -> tuple[Decimal, Decimal]:
        """What you keep of the month's money: money in minus what is taken back in the month."""
        return (self.money_in[0] - self.settlement_out[0], self.money_in[1] - self.settlement_out[1])


def compare(a: Plan, b: Plan, rules: RuleSet | None = None) -> list[MonthComparison]:
    """Two plans month by month (the months of the first plan)."""
    rules = rules or load_rules()
    return compare_results(run(a, rules), run(b, rules))


def pending_for(result: Result, ym: tuple[int, int]) -> Decimal:
    """What is still settled for month ``ym`` after the plan's last month (+ paid, - taken back)."""
    return sum((p.amount for p in result.timeline.pending if p.settles == ym), ZERO)


def compare_results(ra: Result, rb: Result) -> list[MonthComparison]:
    """Two computed plans month by month (the months of the first)."""
    by_month_b = {m.month: m for m in rb.ledger.months}

    out = []
    for m in ra.ledger.months:
        n = by_month_b.get(m.month)
        if n is None:
            continue
        out.append(MonthComparison(m.month, (m.money_in, n.money_in), (m.lowest_balance, n.lowest_balance),
                                   (m.settlement_out, n.settlement_out), (m.set_aside, n.set_aside),
                                   (pending_for(ra, m.month), pending_for(rb, m.month))))
    return out


@dataclass(frozen=True, slots=True)
class ShiftEffect:
    month: tuple[int, int]
    money_in: Decimal
    """Change in money received this month (wages, benefit, premie, holiday pay, corrections)."""
    settlement_out: Decimal
    """Change in what is withheld or paid back this month."""
    net: Decimal
    """Change in the month's end balance movement: money in minus money out."""
    open_after: Decimal = ZERO
    """Change in what is still settled for this month after the plan's last month (+ paid, - taken back)."""


def with_and_without(plan: Plan, chosen: set[int]) -> tuple[Plan, Plan]:
    """The plan with the shifts ``chosen`` (indices; an ``extra`` one counts as taken: "sure") and without them:
    the two sides of "what do these shifts add?", for the plan as planned and over many futures alike."""
    if not chosen:
        raise ValueError("no shift chosen")
    if min(chosen) < 0 or max(chosen) >= len(plan.shifts):
        raise IndexError("no such shift")
    without = plan.model_copy(update={"shifts": tuple(s for i, s in enumerate(plan.shifts) if i not in chosen)})
    taken = tuple(s.model_copy(update={"certainty": "sure"}) if i in chosen and s.certainty == "extra" else s
                  for i, s in enumerate(plan.shifts))
    return plan.model_copy(update={"shifts": taken}), without


def shift_effect(plan: Plan, index: int | Sequence[int], rules: RuleSet | None = None) -> list[ShiftEffect]:
    """What shift ``index`` (or the shifts ``index``, together) adds to each month, after benefit, premie and
    settlement: the plan with them against the plan without them. An ``extra`` shift counts as taken."""
    rules = rules or load_rules()
    with_plan, without = with_and_without(plan, {index} if isinstance(index, int) else set(index))
    ra, rb = run(with_plan, rules), run(without, rules)
    out = []
    for m, n in zip(ra.ledger.months, rb.ledger.months, strict=True):
        out.append(ShiftEffect(m.month, m.money_in - n.money_in, m.settlement_out - n.settlement_out,
                               (m.money_in - m.money_out) - (n.money_in - n.money_out),
                               pending_for(ra, m.month) - pending_for(rb, m.month)))
    return out
