"""What the work brings over the plan (``work_gain``), checked by hand and against compare."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from planner.compare_summary import summarise, work_gain
from planner.overview import compute_overview
from planner.rules import load_rules
from planner.scenarios import compare, run
from planner.storage import load_plan

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules()


def test_a_few_net_shifts_bring_exactly_the_vrijlating() -> None:
    """The cleaner example: 6 shifts of 4 hours at €11.20 net (wage_basis net, no separate holiday pay) in January
    and February 2026: €179.20 and €89.60 net. The bijstand goes down by the net wage minus the inkomstenvrijlating
    of 25 % (art. 31 lid 2 onder n, within its monthly maximum): €44.80 + €22.40 = €67.20 is kept. No premie is
    built up (the months table shows 0 in every month), so the work brings €67.20 in all."""
    plan = load_plan(ROOT / "examples" / "schoonmaker-amsterdam.bvp.json")
    assert compute_overview(plan, RULES).work_gain == Decimal("67.20")


def test_the_work_gain_is_what_compare_says_against_the_plan_without_work() -> None:
    """One answer: the work gain is compare's "You keep" of the plan against the same plan without jobs, shifts and
    payslips, B minus A (through the public compare, not the code under test)."""
    plan = load_plan(ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json")
    without = plan.model_copy(update={"jobs": (), "shifts": (), "payslips": ()})
    kept = summarise(compare(without, plan, RULES)).kept
    assert work_gain(plan, run(plan, RULES), RULES) == kept.b - kept.a
    assert compute_overview(plan, RULES).work_gain == kept.b - kept.a


def test_no_work_no_gain() -> None:
    plan = load_plan(ROOT / "examples" / "schoonmaker-amsterdam.bvp.json")
    bare = plan.model_copy(update={"jobs": (), "shifts": (), "payslips": ()})
    assert compute_overview(bare, RULES).work_gain is None
    jobs_only = plan.model_copy(update={"shifts": ()})
    assert compute_overview(jobs_only, RULES).work_gain == Decimal("0.00")


def test_a_shift_whose_correction_falls_after_the_plan_counts_it() -> None:
    """The hotel plan cut to 4 months (December to March): what February's and March's shifts change is settled in
    April or May, after the plan. "What do these shifts add?" counts it (``kept``), as compare's "You keep" does;
    before, it showed only the money within the plan and so promised too much."""
    from planner.compare_summary import effect_totals
    from planner.scenarios import shift_effect

    plan = load_plan(ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json").model_copy(update={"months": 4})
    chosen = [i for i, s in enumerate(plan.shifts) if (s.date.year, s.date.month) in ((2027, 2), (2027, 3))
              and s.certainty != "extra"]
    totals = effect_totals(shift_effect(plan, chosen, RULES))
    assert totals.open_after != 0, "something is still settled after the plan"
    without = plan.model_copy(update={"shifts": tuple(s for i, s in enumerate(plan.shifts) if i not in chosen)})
    kept = summarise(compare(without, plan, RULES)).kept
    assert totals.kept == kept.b - kept.a
    assert totals.kept == totals.net + totals.open_after != totals.net
