"""Compare two plans, and "what does this shift add?", over the same sampled futures.

The deterministic answers are :func:`planner.scenarios.compare` (with the totals of
:func:`planner.compare_summary.summarise`) and :func:`planner.scenarios.shift_effect` (with
:func:`planner.compare_summary.effect_totals`). Here both sides are simulated on the SAME futures
(:func:`planner.risk.sample_together`, common random numbers): a shift that is in both plans is worked, or
not, in both, with the same hours; a lost week and a late report hit both sides alike. So the difference in
one future is what the plans differ in, not luck, and the range of the differences is narrow where the
plans agree.

For each side: the chance of a letter (money withheld or reclaimed at least once) and its size (the total
in the futures with a letter, median and 80 % range). For the difference: the median and 80 % range of the
per-future difference. With all uncertainty at zero every future is the plan as planned, and every range
collapses to the deterministic figure to the cent (tests/planner/test_risk_compare.py).

Sentences are :class:`planner.explain.Explanation` objects with natural frequencies, in the style of
:func:`planner.risk.summarise`; the views and the CLI render them in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from planner.explain import Explanation, Money, Number
from planner.i18n import N_, NP_
from planner.model import Plan
from planner.risk import (
    Engine,
    Futures,
    Outcome,
    RiskCancelled,
    Spread,
    chance_of,
    frequency,
    planned_result,
    sample_together,
    simulate,
    spread_of,
)
from planner.rules import RuleSet, load_rules
from planner.scenarios import with_and_without

@dataclass(frozen=True, slots=True)
class Side:
    """One side of a comparison (a plan, or the plan with or without the chosen shifts), over all futures."""

    kept: Spread
    """What you keep: for a comparison, :attr:`planner.compare_summary.CompareTotals.kept` (money in, minus what
    is withheld or paid back, plus what is still settled after the months); for a shift's effect, money in
    minus money out over the plan. Median and 80 % range over the futures."""
    letter_chance: Decimal
    """Share of the futures (0 to 1) in which money is withheld or reclaimed at least once in these months."""
    letter_total: Spread | None
    """In the futures with a letter: all that is withheld or reclaimed in these months, together. None: no letter
    in any future."""


@dataclass(frozen=True, slots=True)
class RiskComparison:
    """Plan A against plan B over the same futures (:func:`compare_risk`)."""

    samples: int
    seed: int | None
    engine: Engine
    """"exact" when either plan had to be worked out future by future (see :class:`planner.risk.NotVectorised`)."""
    months: int
    """The months compared: those of plan A that plan B has too (as :func:`planner.scenarios.compare`)."""
    a: Side
    b: Side
    kept_difference: Spread
    """What you keep with B minus with A, per future: median and 80 % range. At zero uncertainty this is
    ``compare_summary.summarise(scenarios.compare(a, b)).kept.difference``."""
    b_keeps_more_chance: Decimal
    """Share of the futures in which B leaves you more than A."""
    b_keeps_less_chance: Decimal
    """Share of the futures in which B leaves you less than A (the rest: the same)."""
    texts: tuple[Explanation, ...]


@dataclass(frozen=True, slots=True)
class RiskShiftEffect:
    """What the shifts ``indices`` add, over the same futures with and without them (:func:`shift_effect_risk`)."""

    samples: int
    seed: int | None
    engine: Engine
    indices: tuple[int, ...]
    net: Spread
    """Change in what you have at the end (money in minus money out over the plan) plus what is still settled
    after the plan, per future. At zero uncertainty: ``effect_totals(scenarios.shift_effect(plan, indices)).kept``."""
    money_in: Spread
    """Change in all money received, per future (``effect_totals(...).money_in`` at zero uncertainty)."""
    settlement_out: Spread
    """Change in all that is withheld or paid back, per future (``effect_totals(...).settlement_out``)."""
    more_chance: Decimal
    """Share of the futures in which the shifts leave you with more at the end."""
    less_chance: Decimal
    """Share of the futures in which the shifts leave you with less at the end (the rest: the same)."""
    with_shifts: Side
    without: Side
    texts: tuple[Explanation, ...]


def _side(kept: np.ndarray, deducted: np.ndarray) -> Side:
    letter = deducted > 0
    return Side(spread_of(kept), chance_of(letter), spread_of(deducted[letter]) if letter.any() else None)


def _engine(*outcomes: Outcome) -> Engine:
    return "exact" if any(o.engine == "exact" for o in outcomes) else "vectorised"


def kept_in(outcome: Outcome, months: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Per future, over ``months``: what you keep (money in, minus what is withheld or paid back, plus what is
    still settled after the plan for those months) and what is withheld or paid back, in cents."""
    at = [outcome.months.index(ym) for ym in months]
    deducted = outcome.deducted_by_date[:, at].sum(axis=1)
    open_after = outcome.open_after[:, at].sum(axis=1) if outcome.open_after is not None else 0
    return outcome.money_in[:, at].sum(axis=1) - deducted + open_after, deducted


def _check(cancelled: Callable[[], bool] | None) -> None:
    """Stop (:class:`planner.risk.RiskCancelled`) between the steps when ``cancelled()`` says so (the window: the
    question's window was closed, or the plan changed)."""
    if cancelled is not None and cancelled():
        raise RiskCancelled


def compare_risk(a: Plan, b: Plan, samples: int = 10_000, seed: int | None = 0, rules: RuleSet | None = None,
                 name_a: str = "A", name_b: str = "B",
                 cancelled: Callable[[], bool] | None = None) -> RiskComparison:
    """Plans ``a`` and ``b`` over the same ``samples`` futures (seeded): what you keep on each side and the
    difference per future, and the chance and size of a letter on each side, over the months of ``a`` that
    ``b`` has too. ``name_a`` and ``name_b`` name the plans in the sentences. ``cancelled`` is asked between the
    steps (sampling, each plan); when it says yes, :class:`planner.risk.RiskCancelled` is raised."""
    rules = rules or load_rules()
    _check(cancelled)
    fa, fb = sample_together((a, b), samples, seed)
    _check(cancelled)
    oa = simulate(a, fa, rules, planned_result(a, rules))
    _check(cancelled)
    ob = simulate(b, fb, rules, planned_result(b, rules))
    months = [ym for ym in oa.months if ym in ob.months]
    kept_a, out_a = kept_in(oa, months)
    kept_b, out_b = kept_in(ob, months)
    diff = kept_b - kept_a
    side_a, side_b = _side(kept_a, out_a), _side(kept_b, out_b)
    difference = spread_of(diff)
    more, less = chance_of(diff > 0), chance_of(diff < 0)
    texts = [_kept_text(difference, more, less, name_a, name_b)]
    texts += [_side_text(side, name) for side, name in ((side_a, name_a), (side_b, name_b))]
    texts.append(Explanation(
        N_("These ranges come from {samples} possible futures. Both plans go through the same futures: a shift "
           "that is in both plans is worked, or not, in both."), {"samples": Number(Decimal(samples))}))
    return RiskComparison(samples, seed, _engine(oa, ob), len(months), side_a, side_b, difference, more, less,
                          tuple(texts))


def shift_effect_risk(plan: Plan, indices: int | Sequence[int], samples: int = 10_000, seed: int | None = 0,
                      rules: RuleSet | None = None,
                      cancelled: Callable[[], bool] | None = None) -> RiskShiftEffect:
    """What the shifts ``indices`` of ``plan`` add, over the same ``samples`` futures (seeded) with and without
    them, as :func:`planner.scenarios.shift_effect` does for the plan as planned.

    The chosen shifts are worked in every future of the "with" side (the question is what they bring if you
    work them; an ``extra`` shift counts as taken), with their hours spread; every other shift is as uncertain
    as the plan says, and the same on both sides. The other shifts' uncertainty changes what the chosen ones
    add (the vrijlating, the premie and the settlement depend on the whole month), so the answer is a range.
    ``cancelled`` is asked between the steps, as in :func:`compare_risk`.
    """
    rules = rules or load_rules()
    chosen = sorted({indices} if isinstance(indices, int) else set(indices))
    with_plan, without = with_and_without(plan, set(chosen))
    _check(cancelled)
    fw, fo = sample_together((with_plan, without), samples, seed)
    worked = fw.worked.copy()
    worked[:, chosen] = True
    fw = Futures(worked, fw.hours, fw.late, fw.seed)
    _check(cancelled)
    ow = simulate(with_plan, fw, rules, planned_result(with_plan, rules))
    _check(cancelled)
    oo = simulate(without, fo, rules, planned_result(without, rules))
    # What is left at the end, plus what is still settled after the plan (as EffectTotals.kept and compare's kept).
    net_w = (ow.money_in - ow.money_out).sum(axis=1) + (ow.open_after.sum(axis=1) if ow.open_after is not None else 0)
    net_o = (oo.money_in - oo.money_out).sum(axis=1) + (oo.open_after.sum(axis=1) if oo.open_after is not None else 0)
    out_w, out_o = ow.deducted_by_date.sum(axis=1), oo.deducted_by_date.sum(axis=1)
    net = spread_of(net_w - net_o)
    more, less = chance_of(net_w > net_o), chance_of(net_w < net_o)
    side_w, side_o = _side(net_w, out_w), _side(net_o, out_o)
    count = len(chosen)
    texts = [_effect_text(net, more, less, count),
             _effect_side_text(side_w, count, True), _effect_side_text(side_o, count, False),
             Explanation(N_("These ranges come from {samples} possible futures of your plan, the same with and "
                            "without the shifts you chose."), {"samples": Number(Decimal(samples))})]
    return RiskShiftEffect(
        samples, seed, _engine(ow, oo), tuple(chosen), net,
        spread_of(ow.money_in.sum(axis=1) - oo.money_in.sum(axis=1)), spread_of(out_w - out_o), more, less,
        side_w, side_o, tuple(texts))


# --- sentences ------------------------------------------------------------------------------------------


def _money(amount: Decimal) -> Money:
    """An amount without its sign: the sentence says "more" or "less"."""
    return Money(abs(amount))


def _kept_text(diff: Spread, more: Decimal, less: Decimal, name_a: str, name_b: str) -> Explanation:
    names = {"name_a": name_a, "name_b": name_b}
    if diff.low == diff.high:
        if diff.low == 0:
            return Explanation(N_("With “{name_b}” you usually keep the same as with “{name_a}”, after everything "
                                  "that is taken back."), names)
        message = (N_("With “{name_b}” you usually keep {amount} more than with “{name_a}”, after everything that "
                      "is taken back.") if diff.low > 0 else
                   N_("With “{name_b}” you usually keep {amount} less than with “{name_a}”, after everything that "
                      "is taken back."))
        return Explanation(message, {**names, "amount": _money(diff.low)})
    if diff.low == 0 or diff.high == 0:  # in some futures no difference: say how often there is one
        more_side = diff.high > 0
        count, total = frequency(more if more_side else less)
        message = (N_("In {count} of {total} futures you keep more with “{name_b}” than with “{name_a}”, after "
                      "everything that is taken back: usually at most {amount} more.") if more_side else
                   N_("In {count} of {total} futures you keep less with “{name_b}” than with “{name_a}”, after "
                      "everything that is taken back: usually at most {amount} less."))
        return Explanation(message, {**names, "count": count, "total": total,
                                     "amount": _money(diff.high if more_side else diff.low)})
    if diff.low >= 0:
        return Explanation(N_("With “{name_b}” you usually keep between {low} and {high} more than with “{name_a}”, "
                              "after everything that is taken back."),
                           {**names, "low": _money(diff.low), "high": _money(diff.high)})
    if diff.high <= 0:
        return Explanation(N_("With “{name_b}” you usually keep between {low} and {high} less than with “{name_a}”, "
                              "after everything that is taken back."),
                           {**names, "low": _money(diff.high), "high": _money(diff.low)})
    count, total = frequency(more)
    return Explanation(N_("In {count} of {total} futures you keep more with “{name_b}” than with “{name_a}”, after "
                          "everything that is taken back. The difference is usually between {low} less and {high} "
                          "more."), {**names, "count": count, "total": total, "low": _money(diff.low),
                                     "high": _money(diff.high)})


def _side_text(side: Side, name: str) -> Explanation:
    if side.letter_total is None:
        return Explanation(N_("With “{name}”, in none of the futures we tried is money withheld or reclaimed."),
                           {"name": name})
    count, total = frequency(side.letter_chance)
    values = {"name": name, "count": count, "total": total}
    if side.letter_chance >= 1:
        message = N_("With “{name}”, in every future we tried money is withheld or reclaimed.")
    elif count == 0:
        message = N_("With “{name}”, in fewer than 1 in 100 futures money is withheld or reclaimed.")
    else:
        message = N_("With “{name}”, in {count} of {total} futures money is withheld or reclaimed at least once.")
    return Explanation(message, values, more=(_together(side.letter_total),))


def _together(total: Spread) -> Explanation:
    """How much is withheld or reclaimed together, in the futures where it happens."""
    if total.low == total.high:
        return Explanation(N_("Together usually {amount}."), {"amount": Money(total.low)})
    return Explanation(N_("Together usually between {low} and {high}."), {"low": Money(total.low), "high": Money(total.high)})


def _plural(pair: tuple[str, str], values: dict, count: int, more: tuple[Explanation, ...] = ()) -> Explanation:
    """A sentence about ``count`` shifts: its singular or plural form (by ngettext when rendered)."""
    return Explanation(pair[0], {**values, "shifts": count}, plural=pair[1], count="shifts", more=more)


_EFFECT = {
    "same": NP_("This shift usually leaves you with the same at the end.",
                "These shifts usually leave you with the same at the end."),
    "more": NP_("This shift usually leaves you with {amount} more at the end, after benefit, premie and everything "
                "that is taken back.",
                "These shifts usually leave you with {amount} more at the end, after benefit, premie and everything "
                "that is taken back."),
    "less": NP_("This shift usually leaves you with {amount} less at the end, after benefit, premie and everything "
                "that is taken back.",
                "These shifts usually leave you with {amount} less at the end, after benefit, premie and everything "
                "that is taken back."),
    "more_range": NP_("This shift usually leaves you with between {low} and {high} more at the end, after benefit, "
                      "premie and everything that is taken back.",
                      "These shifts usually leave you with between {low} and {high} more at the end, after benefit, "
                      "premie and everything that is taken back."),
    "less_range": NP_("This shift usually leaves you with between {low} and {high} less at the end, after benefit, "
                      "premie and everything that is taken back.",
                      "These shifts usually leave you with between {low} and {high} less at the end, after benefit, "
                      "premie and everything that is taken back."),
    "sometimes_more": NP_("In {count} of {total} futures this shift leaves you with more at the end: usually at most "
                          "{amount} more.",
                          "In {count} of {total} futures these shifts leave you with more at the end: usually at "
                          "most {amount} more."),
    "sometimes_less": NP_("In {count} of {total} futures this shift leaves you with less at the end: usually at most "
                          "{amount} less.",
                          "In {count} of {total} futures these shifts leave you with less at the end: usually at "
                          "most {amount} less."),
    "either": NP_("In {count} of {total} futures this shift leaves you with more at the end. The difference is "
                  "usually between {low} less and {high} more.",
                  "In {count} of {total} futures these shifts leave you with more at the end. The difference is "
                  "usually between {low} less and {high} more."),
}
"""What the chosen shifts add, by the shape of the range (singular and plural: one shift or several)."""

_EFFECT_SIDE = {
    (True, "none"): NP_("With this shift, in none of the futures we tried is money withheld or reclaimed.",
                        "With these shifts, in none of the futures we tried is money withheld or reclaimed."),
    (False, "none"): NP_("Without this shift, in none of the futures we tried is money withheld or reclaimed.",
                         "Without these shifts, in none of the futures we tried is money withheld or reclaimed."),
    (True, "every"): NP_("With this shift, in every future we tried money is withheld or reclaimed.",
                         "With these shifts, in every future we tried money is withheld or reclaimed."),
    (False, "every"): NP_("Without this shift, in every future we tried money is withheld or reclaimed.",
                          "Without these shifts, in every future we tried money is withheld or reclaimed."),
    (True, "fewer"): NP_("With this shift, in fewer than 1 in 100 futures money is withheld or reclaimed.",
                         "With these shifts, in fewer than 1 in 100 futures money is withheld or reclaimed."),
    (False, "fewer"): NP_("Without this shift, in fewer than 1 in 100 futures money is withheld or reclaimed.",
                          "Without these shifts, in fewer than 1 in 100 futures money is withheld or reclaimed."),
    (True, "some"): NP_("With this shift, in {count} of {total} futures money is withheld or reclaimed at least "
                        "once.",
                        "With these shifts, in {count} of {total} futures money is withheld or reclaimed at least "
                        "once."),
    (False, "some"): NP_("Without this shift, in {count} of {total} futures money is withheld or reclaimed at least "
                         "once.",
                         "Without these shifts, in {count} of {total} futures money is withheld or reclaimed at "
                         "least once."),
}
"""The chance and size of a letter with and without the chosen shifts."""


def _effect_text(net: Spread, more: Decimal, less: Decimal, shifts: int) -> Explanation:
    if net.low == net.high:
        kind = "same" if net.low == 0 else "more" if net.low > 0 else "less"
        return _plural(_EFFECT[kind], {"amount": _money(net.low)} if net.low else {}, shifts)
    if net.low == 0 or net.high == 0:  # in some futures no difference: say how often there is one
        more_side = net.high > 0
        count, total = frequency(more if more_side else less)
        return _plural(_EFFECT["sometimes_more" if more_side else "sometimes_less"],
                       {"count": count, "total": total, "amount": _money(net.high if more_side else net.low)}, shifts)
    if net.low >= 0:
        return _plural(_EFFECT["more_range"], {"low": _money(net.low), "high": _money(net.high)}, shifts)
    if net.high <= 0:
        return _plural(_EFFECT["less_range"], {"low": _money(net.high), "high": _money(net.low)}, shifts)
    count, total = frequency(more)
    return _plural(_EFFECT["either"], {"count": count, "total": total, "low": _money(net.low),
                                       "high": _money(net.high)}, shifts)


def _effect_side_text(side: Side, shifts: int, with_shifts: bool) -> Explanation:
    if side.letter_total is None:
        return _plural(_EFFECT_SIDE[(with_shifts, "none")], {}, shifts)
    count, total = frequency(side.letter_chance)
    kind = "every" if side.letter_chance >= 1 else "fewer" if count == 0 else "some"
    return _plural(_EFFECT_SIDE[(with_shifts, kind)], {"count": count, "total": total}, shifts,
                   (_together(side.letter_total),))


__all__ = ["RiskComparison", "RiskShiftEffect", "Side", "compare_risk", "kept_in",
           "shift_effect_risk"]
