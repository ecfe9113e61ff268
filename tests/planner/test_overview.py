"""The overview the window shows: checks first, then the whole chain, from one call."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.model import Household, Job, Person, Plan, Shift
from planner.overview import cliff_month, compute_cliff, compute_overview, compute_risk
from planner.rules import load_rules
from planner.scenarios import bounds
from planner.series import daily_balance, monthly_sources
from planner.storage import load_plan

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules()
SAM = Household(composition="single", claimant=Person(birth_date=date(1986, 1, 1), vrijlating_months_used=6))
WORK = Job(id="werk", name="Schoonmaak", wage="12.00", wage_basis="net", holiday_pay="none")


def _plan(*shifts: Shift, jobs: tuple[Job, ...] = (WORK,)) -> Plan:
    return Plan(start="2026-01", months=3, household=SAM, jobs=jobs, shifts=shifts)


def test_a_plan_is_computed_with_the_same_numbers_as_the_chain():
    plan = load_plan(ROOT / "examples" / "schoonmaker-amsterdam.bvp.json")
    overview = compute_overview(plan, RULES)
    assert overview.computed and not overview.errors
    expected = bounds(plan, RULES)
    assert overview.result == expected.results["planned"]
    assert compute_risk(plan, RULES) == expected
    assert overview.sources == monthly_sources(expected.results["planned"])
    assert overview.daily == daily_balance(expected.results["planned"])
    assert [c.month for c in overview.cards] == plan.month_list()


def test_a_plan_with_a_mistake_is_not_computed_and_carries_the_mistake():
    plan = _plan(Shift(date=date(2026, 1, 5), hours="30", job="werk"))
    overview = compute_overview(plan, RULES)
    assert not overview.computed
    assert overview.result is None and overview.cards == ()
    assert [i.code for i in overview.errors], "the 30-hour shift is an error"
    assert overview.plan is plan
    assert compute_risk(plan, RULES) is None


def test_warnings_do_not_stop_the_computation():
    low = Job(id="werk", wage="5.00", wage_basis="gross")
    overview = compute_overview(_plan(Shift(date=date(2026, 1, 5), hours="4", job="werk"), jobs=(low,)), RULES)
    assert overview.computed
    assert [i.code for i in overview.warnings] == ["below_minimum_wage"]


def test_the_cliff_needs_an_hourly_job_and_a_month_of_the_plan():
    plan = _plan(Shift(date=date(2026, 1, 5), hours="4", job="werk"))
    assert cliff_month(plan, (2026, 2)) == (2026, 2)
    assert cliff_month(plan, (2030, 1)) == (2026, 1)
    assert cliff_month(plan, None) == (2026, 1)
    cliff = compute_cliff(plan, (2026, 2), RULES)
    assert cliff is not None and cliff.month == (2026, 2)
    monthly = Job(id="werk", wage="900.00", wage_unit="month", wage_basis="net")
    assert compute_cliff(_plan(jobs=(monthly,)), (2026, 1), RULES) is None
    assert compute_cliff(_plan(Shift(date=date(2026, 1, 5), hours="30", job="werk")), (2026, 1), RULES) is None


def test_the_new_example_runs_into_2027_and_says_so():
    plan = load_plan(ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json")
    overview = compute_overview(plan, RULES)
    assert overview.computed and not overview.errors
    assert plan.household.composition == "single_parent"
    assert {j.id for j in plan.jobs} == {"schoonmaak", "hotel"}
    contract = [s for s in plan.shifts if s.job == "schoonmaak"]
    weeks = {s.date.isocalendar()[:2] for s in contract}
    assert all(sum(s.hours for s in contract if s.date.isocalendar()[:2] == w) <= Decimal(12) for w in weeks)
    assert any(c.not_yet_published for c in overview.cards), "2027 months use values not yet published"
