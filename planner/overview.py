"""Everything the window shows for one plan, computed in one pure call.

:func:`compute_overview` runs the checks, then the whole chain once for the
plan as planned (every sure, likely and maybe shift), and makes the ready-made
series of the charts and the month cards from it. The window calls it on its
background helper after every edit and only shows what comes back: these are
the deterministic results, and they come first.

:func:`compute_risk` runs the chain for fewer and more shifts as well
(:func:`planner.scenarios.bounds`); the window asks for it once the
deterministic results are on screen.

A plan with errors (a 30-hour shift, a shift for a job that does not exist,
…) is not computed: the overview then carries the errors, so the window can
show them beside the plan being edited instead of refusing it in a dialog.
The last good results stay on screen, marked as out of date.

:func:`compute_cliff` is separate because it computes one month many times
(one projection per number of hours a week); the window asks for it after the
main results are on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.compare_summary import work_gain
from planner.explain import Explanation
from planner.model import Plan
from planner.norm import NotEligible
from planner.rules import RuleSet, load_rules
from planner.scenarios import Bounds, Result, bounds, run, shifts_of
from planner.series import DailyBalance, HoursCliff, MonthSources, daily_balance, hours_cliff, monthly_sources
from planner.summary import MonthCard, month_cards
from planner.validate import Issue, check_plan

YM = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Overview:
    """A plan and what it leads to; ``result`` is ``None`` when the plan cannot be computed."""

    plan: Plan
    issues: tuple[Issue, ...]
    """Errors and warnings of :func:`planner.validate.check_plan`."""
    not_eligible: Explanation | None = None
    """Why no bijstand can be computed for this household (for example: under 18), if so."""
    result: Result | None = None
    """The plan as planned (every sure, likely and maybe shift)."""
    sources: tuple[MonthSources, ...] = ()
    daily: DailyBalance | None = None
    cards: tuple[MonthCard, ...] = ()
    work_gain: Decimal | None = None
    """``work_gain`` (planner.results): what you keep with the work as planned minus what you would keep with no work
    at all, over the plan, after everything taken back (``None``: the plan has no work)."""

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def computed(self) -> bool:
        return self.result is not None


def compute_overview(plan: Plan, rules: RuleSet | None = None) -> Overview:
    """Check ``plan`` and, when it has no errors, compute everything the window shows."""
    rules = rules or load_rules()
    issues = tuple(check_plan(plan, rules))
    if any(i.severity == "error" for i in issues):
        return Overview(plan, issues)
    try:
        planned = run(plan, rules, shifts_of(plan, "planned"))
    except NotEligible as exc:
        return Overview(plan, issues, not_eligible=exc.explanation)
    return Overview(
        plan,
        issues,
        result=planned,
        sources=monthly_sources(planned),
        daily=daily_balance(planned),
        cards=month_cards(planned),
        work_gain=work_gain(plan, planned, rules),
    )



def compute_risk(plan: Plan, rules: RuleSet | None = None) -> Bounds | None:
    """What may be taken back, the lowest balance and the set-aside advice over fewer / planned / more shifts.

    ``None`` when the plan cannot be computed (it has errors, or no bijstand can be computed).
    """
    rules = rules or load_rules()
    if any(i.severity == "error" for i in check_plan(plan, rules)):
        return None
    try:
        return bounds(plan, rules)
    except NotEligible:
        return None


def cliff_month(plan: Plan, wanted: YM | None = None) -> YM:
    """The month for the hours-per-week chart: ``wanted`` if it is in the plan, else the plan's first month."""
    months = plan.month_list()
    return wanted if wanted in months else months[0]


def compute_cliff(plan: Plan, month: YM, rules: RuleSet | None = None) -> HoursCliff | None:
    """Money in ``month`` for each number of hours a week, or ``None`` when the plan has no hourly job."""
    if not any(j.wage_unit == "hour" for j in plan.jobs):
        return None
    rules = rules or load_rules()
    if any(i.severity == "error" for i in check_plan(plan, rules)):
        return None
    try:
        return hours_cliff(plan, month, rules=rules)
    except NotEligible:
        return None
