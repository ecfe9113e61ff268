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
