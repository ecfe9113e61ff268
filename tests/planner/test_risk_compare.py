"""Compare and "what does this shift add?" over the same sampled futures (planner.risk_compare).

The key properties: with all uncertainty at zero, every range collapses to the deterministic figure of
planner.scenarios.compare / planner.compare_summary and planner.scenarios.shift_effect, to the cent, over
random plans; and both sides go through the same futures (common random numbers), so a plan compared with
itself differs by exactly nothing in every future, however uncertain it is.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from planner.compare_summary import effect_totals, summarise
from planner.explain import render
from planner.model import Plan, Risk, Settlement, Shift
from planner.risk import Spread, sample, sample_together, shift_key
from planner.risk_compare import compare_risk, shift_effect_risk
from planner.scenarios import compare, shift_effect


def _risk_tests():  # noqa: ANN202
    """tests/planner/test_risk.py as a module, for its random plans (the suite imports test files by path, so
    they are not importable by name); its tests are collected from their own file only."""
    spec = importlib.util.spec_from_file_location("_risk_strategies", Path(__file__).with_name("test_risk.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


_r = _risk_tests()
PROPS, RULES, SAM, WORK, plans, story = _r.PROPS, _r.RULES, _r.SAM, _r.WORK, _r.plans, _r.story
D = Decimal


def collapsed(spread: Spread, amount: Decimal) -> bool:
    return spread.median == spread.low == spread.high == amount


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Plan, Plan]:
    """A random plan and a variant of it: some shifts dropped, other hours, sometimes a month less or another
    starting balance."""
    a = draw(plans())
    keep = draw(st.lists(st.booleans(), min_size=len(a.shifts), max_size=len(a.shifts)))
    shifts = tuple(s.model_copy(update={"hours": D("5")}) if draw(st.integers(0, 5)) == 0 else s
                   for s, k in zip(a.shifts, keep, strict=True) if k)
    update: dict[str, object] = {"shifts": shifts}
    if draw(st.booleans()):
        update["months"] = max(1, a.months - 1)
    if draw(st.booleans()):
        update["starting_balance"] = a.starting_balance + 300
    return a, Plan.model_validate({**a.model_dump(), **update})


@PROPS
@given(pairs())
def test_at_zero_uncertainty_the_comparison_is_the_deterministic_one_to_the_cent(pair: tuple[Plan, Plan]) -> None:
    a, b = pair
    totals = summarise(compare(a, b, RULES))
    risk = compare_risk(a, b, samples=3, seed=5, rules=RULES)
    assert risk.months == totals.months
    assert collapsed(risk.kept_difference, totals.kept.difference)
    assert collapsed(risk.a.kept, totals.kept.a) and collapsed(risk.b.kept, totals.kept.b)
    for side, taken in ((risk.a, totals.settlement_out.a), (risk.b, totals.settlement_out.b)):
        assert side.letter_chance == (1 if taken > 0 else 0)
        assert (side.letter_total is None) if taken == 0 else collapsed(side.letter_total, taken)


@PROPS
@given(plans(), st.data())
def test_at_zero_uncertainty_a_shifts_effect_is_the_deterministic_one_to_the_cent(plan: Plan, data: st.DataObject) -> None:
    assume(plan.shifts)
    indices = data.draw(st.sets(st.integers(0, len(plan.shifts) - 1), min_size=1, max_size=3))
    totals = effect_totals(shift_effect(plan, indices, RULES))
    risk = shift_effect_risk(plan, indices, samples=3, seed=2, rules=RULES)
    assert risk.indices == tuple(sorted(indices))
    assert collapsed(risk.net, totals.kept)
    assert collapsed(risk.money_in, totals.money_in)
    assert collapsed(risk.settlement_out, totals.settlement_out)
    assert risk.more_chance == (1 if totals.kept > 0 else 0)
    assert risk.less_chance == (1 if totals.kept < 0 else 0)


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_a_plan_compared_with_itself_differs_by_nothing_in_every_future(plan: Plan, seed: int) -> None:
    risk = compare_risk(plan, plan, samples=40, seed=seed, rules=RULES)
    assert collapsed(risk.kept_difference, D(0))
    assert risk.b_keeps_more_chance == risk.b_keeps_less_chance == 0
    assert risk.a == risk.b


@PROPS
@given(pairs(), st.integers(0, 2**32 - 1))
def test_a_shift_in_both_plans_is_worked_or_not_in_both_with_the_same_hours(pair: tuple[Plan, Plan], seed: int) -> None:
    risky = Risk(chance_likely=60, chance_maybe=40, chance_extra=30, hours_spread={"a": "25"}, week_lost_chance=10,
                 late_report_chance=30)
    a, b = (p.model_copy(update={"risk": risky, "payslips": ()}) for p in pair)
    fa, fb = sample_together((a, b), 64, seed)
    at_b = {k: j for j, k in enumerate(shift_key(b))}
    for i, (key, s) in enumerate(zip(shift_key(a), a.shifts, strict=True)):
        j = at_b.get(key)
        if j is None or b.shifts[j].hours != s.hours or b.shifts[j].certainty != s.certainty:
            continue
        assert np.array_equal(fa.worked[:, i], fb.worked[:, j])
        assert np.array_equal(fa.hours[:, i], fb.hours[:, j])
    common = min(a.months, b.months)
    assert np.array_equal(fa.late[:, :common], fb.late[:, :common])
    again = sample_together((a, b), 64, seed)
    assert all(np.array_equal(x.worked, y.worked) and np.array_equal(x.hours, y.hours)
               for x, y in zip((fa, fb), again, strict=True))


def test_without_common_futures_a_plan_would_differ_from_itself() -> None:
    """Why the common futures matter (and that the test above can fail): two independent samplings of one
    uncertain plan give different answers in most futures."""
    plan = story([Shift(date=date(2026, 1, d), hours="6", job="werk", certainty="maybe") for d in range(1, 29)])
    a, b = sample(plan, 200, seed=1), sample(plan, 200, seed=2)
    assert (a.worked != b.worked).any(axis=1).mean() > 0.9
    fa, fb = sample_together((plan, plan), 200, seed=1)
    assert np.array_equal(fa.worked, fb.worked)


def _letter_when_worked(certainty: str | None) -> Plan:
    """One shift that gives a letter when worked: the estimate is the last month (no income), the actual
    income is higher, so the advance is too high and the difference is withheld. The vrijlating runs, so the
    shift adds money. ``None``: without the shift."""
    shifts = [Shift(date=date(2026, 2, 10), hours="30", job="werk", certainty=certainty)] if certainty else []
    plan = story(shifts, risk=Risk(chance_maybe=50), settlement=Settlement(regime="estimate"),
                 assumptions={"estimate_method": "last_known"})
    fresh = SAM.claimant.model_copy(update={"vrijlating_months_used": 0})
    return plan.model_copy(update={"household": SAM.model_copy(update={"claimant": fresh})})


def test_a_maybe_shift_gives_a_letter_with_its_chance_and_the_effect_says_what_it_adds() -> None:
    plan = _letter_when_worked("maybe")
    sure = _letter_when_worked("sure")
    letter_if_worked = summarise(compare(sure, sure, RULES)).settlement_out.a
    assert letter_if_worked > 0
    risk = compare_risk(plan, sure, samples=4000, seed=11, rules=RULES)
    # Plan A's shift is worked in about half the futures (a 99.9 % interval around 0.5 for 4,000 futures).
    half = 3.29 * (0.25 / 4000) ** 0.5
    assert abs(float(risk.a.letter_chance) - 0.5) < half
    assert risk.b.letter_chance == 1 and collapsed(risk.b.letter_total, letter_if_worked)
    # Where A's shift is worked the plans are the same; where it is not, the difference is that of the plan
    # without the shift against B, as the deterministic comparison says. So the range runs between the two.
    without = summarise(compare(_letter_when_worked(None), sure, RULES)).kept.difference
    assert without > 0
    assert (risk.kept_difference.low, risk.kept_difference.high) == (min(D(0), without), max(D(0), without))
    effect = shift_effect_risk(plan, 0, samples=500, seed=3, rules=RULES)
    assert effect.with_shifts.letter_chance == 1 and effect.without.letter_chance == 0
    assert collapsed(effect.net, effect_totals(shift_effect(sure, 0, RULES)).kept)


def test_the_sentences_in_dutch_and_english() -> None:
    plan = _letter_when_worked("maybe")
    sure = _letter_when_worked("sure")
    risk = compare_risk(plan, sure, samples=1000, seed=1, rules=RULES, name_a="Misschien", name_b="Zeker")
    nl = [render(t, "nl") for t in risk.texts]
    en = [render(t, "en") for t in risk.texts]
    assert en[0].startswith("In ") and "with “Zeker” than with “Misschien”" in en[0]
    assert nl != en and "“Zeker”" in nl[0] and "gevallen" in nl[0]
    assert any("every future we tried money is withheld" in t and "“Zeker”" in t for t in en)
    effect = shift_effect_risk(sure, 0, samples=200, seed=1, rules=RULES)
    texts = [render(t, "nl") for t in effect.texts]
    assert texts[0].startswith("Deze dienst") and "meer" in texts[0]
    assert texts[1].startswith("Met deze dienst") and texts[2].startswith("Zonder deze dienst")


def test_no_shift_chosen_or_an_unknown_one_is_refused() -> None:
    plan = _letter_when_worked("sure")
    with pytest.raises(ValueError):
        shift_effect_risk(plan, [], samples=10, rules=RULES)
    with pytest.raises(IndexError):
        shift_effect_risk(plan, 5, samples=10, rules=RULES)


def test_the_exact_engine_is_used_and_said_when_a_plan_needs_it() -> None:
    plan = _letter_when_worked("maybe").model_copy(update={"assumptions": {"repayment": "instalments",
                                                                           "estimate_method": "last_known"}})
    risk = compare_risk(plan, plan, samples=30, seed=1, rules=RULES)
    assert risk.engine == "exact"
    assert collapsed(risk.kept_difference, D(0))



# --- stopping between the steps (the window stops a run when its dialog closes or the plan changes) -----------


def _hotel() -> Plan:
    from planner.storage import load_plan

    return load_plan(Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-hotel-amsterdam.bvp.json")


@pytest.mark.parametrize("which", ["compare", "effect"])
def test_cancelled_is_asked_between_the_steps_and_stops_the_run(which: str) -> None:
    from planner.risk import RiskCancelled

    plan = _hotel()
    other = plan.model_copy(update={"shifts": plan.shifts[1:]})

    def run(cancelled):  # noqa: ANN001, ANN202
        if which == "compare":
            return compare_risk(plan, other, 50, 0, cancelled=cancelled)
        return shift_effect_risk(plan, [0, 1], 50, 0, cancelled=cancelled)

    asked: list[int] = []
    never = run(lambda: asked.append(1) or False)
    assert len(asked) == 3  # before sampling, before each side
    assert never == run(None)  # asking changes nothing
    for stop_at in range(1, 4):  # stopped at each step in turn
        calls: list[int] = []

        def cancelled(stop_at: int = stop_at, calls: list[int] = calls) -> bool:
            calls.append(1)
            return len(calls) >= stop_at

        with pytest.raises(RiskCancelled):
            run(cancelled)
        assert len(calls) == stop_at
