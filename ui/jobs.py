"""Pure jobs the window runs through :class:`ui.worker.Worker`.

Everything here runs on a pool thread: no widgets, no Qt, only planner calls
on plain data. The results are frozen planner objects, so the main thread can
show them (in any language) without computing anything again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.model import Plan, Shift
from planner.overview import Overview, compute_cliff, compute_overview, compute_risk
from planner.rules import load_rules
from planner.scenarios import Bounds, MonthComparison, ShiftEffect, compare, shift_effect
from planner.series import HoursCliff
from planner.storage import load_plan
from planner.validate import Issue

if TYPE_CHECKING:
    from planner.explain import Explanation
    from planner.risk import RiskSummary
    from planner.risk_compare import RiskComparison, RiskShiftEffect

log = logging.getLogger("ui.jobs")

YM = tuple[int, int]


class PlanHasErrors(Exception):
    """The plan has errors that stop a computation (a comparison, the effect of a shift)."""

    def __init__(self, path: Path, issues: list[Issue]) -> None:
        super().__init__(f"{len(issues)} error(s) in the plan")
        self.path = path
        self.issues = issues


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    """A plan read from a file (not computed yet)."""

    path: Path
    plan: Plan
    password: str | None = None
    """The password that opened it (kept only in memory, to save it protected again)."""


@dataclass(frozen=True, slots=True)
class Cliff:
    month: YM
    cliff: HoursCliff | None


@dataclass(frozen=True, slots=True)
class Risk:
    plan: Plan
    bounds: Bounds | None


@dataclass(frozen=True, slots=True)
class Chances:
    """The chances over many possible futures of ``plan`` (planner.risk), or why they cannot be worked out."""

    plan: Plan
    summary: RiskSummary | None
    problem: Explanation | None = None


class ChancesRun:
    """One run of the chances: a newer edit sets :attr:`stopped` from the main thread; the run asks between
    slices (plain Python, no Qt: a bool is read and written whole)."""

    def __init__(self) -> None:
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True

    def cancelled(self) -> bool:
        return self.stopped


CHANCES_SLICE_MS = 150
"""About how long one slice of the window's run takes: a step of its progress bar, and how soon a newer edit
stops it (planner.risk.assess_in_slices)."""

CHANCES_SEED = 0
"""The seed of the window's run: the default of ``bijverdienplanner compute --risk`` (``--seed``)."""


def chances_samples() -> int:
    """The futures the window samples: the default of ``compute --risk`` (``--samples``), so both give the same
    figures for the same plan."""
    from planner.cli import RISK_SAMPLES

    return RISK_SAMPLES


@dataclass(frozen=True, slots=True)
class Comparison:
    name_a: str
    name_b: str
    rows: tuple[MonthComparison, ...]
    plans: tuple[Plan, Plan] | None = None
    """Plans A and B as compared (their ranges follow: :func:`compare_ranges`)."""
    source: Plan | None = None
    """The plan on screen when the question was asked."""


@dataclass(frozen=True, slots=True)
class Ranges:
    """A comparison or a shift's effect over the same sampled futures (planner.risk_compare), or why it cannot be
    worked out."""

    result: RiskComparison | RiskShiftEffect | None
    problem: Explanation | None = None


@dataclass(frozen=True, slots=True)
class Effect:
    """What the chosen shifts add together, month by month; ``shifts`` and ``job_names`` follow ``indices``."""

    indices: tuple[int, ...]
    shifts: tuple[Shift, ...]
    job_names: tuple[str, ...]
    effects: tuple[ShiftEffect, ...]
    plan: Plan | None = None
    """The plan the shifts are in (their ranges follow: :func:`effect_ranges`)."""


def read_plan(path: str | os.PathLike[str], password: str | None = None) -> LoadedPlan:
    """Read a plan file; the file is only read (raises :class:`planner.storage.PlanFileError`)."""
    path = Path(path)
    return LoadedPlan(path, load_plan(path, password), password)


def overview(plan: Plan) -> Overview:
    result = compute_overview(plan, load_rules())
    log.info("plan computed: %d months, %d issues", plan.months, len(result.issues))
    return result


def risk(plan: Plan) -> Risk:
    return Risk(plan, compute_risk(plan, load_rules()))


def chances(plan: Plan, samples: int | None, seed: int, run: ChancesRun,
            progress: Callable[[int, int], None] | None = None) -> Chances:
    """The risk simulation of ``plan``, in slices: ``progress(done, total)`` after each, and it stops (raising
    :class:`planner.risk.RiskCancelled`) when ``run`` is stopped. ``samples`` None: :func:`chances_samples`.
    numpy is loaded here, not at start-up."""
    from planner.risk import RiskNotSupported, assess_in_slices

    try:
        summary = assess_in_slices(plan, chances_samples() if samples is None else samples, seed, load_rules(),
                                   progress=progress, cancelled=run.cancelled, slice_ms=CHANCES_SLICE_MS)
    except RiskNotSupported as exc:
        return Chances(plan, None, exc.explanation)
    log.info("chances computed: %d futures", summary.samples)
    return Chances(plan, summary)


def cliff(plan: Plan, month: YM) -> Cliff:
    return Cliff(month, compute_cliff(plan, month, load_rules()))


def _errors(plan: Plan, path: Path) -> None:
    from planner.validate import check_plan

    errors = [i for i in check_plan(plan, load_rules()) if i.severity == "error"]
    if errors:
        raise PlanHasErrors(path, errors)


def compare_with_file(plan: Plan, name_a: str, path: str | os.PathLike[str]) -> Comparison:
    """The open plan (A) against the plan in ``path`` (B), month by month."""
    other = load_plan(path)
    _errors(other, Path(path))
    name_b = other.name or Path(path).name
    return Comparison(name_a, name_b, tuple(compare(plan, other, load_rules())), (plan, other), plan)


def without_and_with_extra(plan: Plan) -> tuple[Plan, Plan]:
    """The plan as planned (extra shifts left out), and the plan with every extra shift worked."""
    planned = plan.model_copy(update={"shifts": tuple(s for s in plan.shifts if s.certainty != "extra")})
    more = plan.model_copy(update={"shifts": tuple(
        s.model_copy(update={"certainty": "sure"}) if s.certainty == "extra" else s for s in plan.shifts)})
    return planned, more


def compare_extra(plan: Plan, name_a: str, name_b: str) -> Comparison:
    """As planned against "with the extra shifts": what the extra shifts add, month by month."""
    planned, more = without_and_with_extra(plan)
    return Comparison(name_a, name_b, tuple(compare(planned, more, load_rules())), (planned, more), plan)


def effect(plan: Plan, indices: int | Sequence[int]) -> Effect:
    """What the shifts ``indices`` (one index, or several) add together to each month, after bijstand, premie and
    settlement."""
    chosen = (indices,) if isinstance(indices, int) else tuple(sorted(set(indices)))
    shifts = tuple(plan.shifts[i] for i in chosen)

    def job_name(shift: Shift) -> str:
        job = plan.job(shift.job)
        return (job.name or job.id) if job else shift.job

    return Effect(chosen, shifts, tuple(job_name(s) for s in shifts),
                  tuple(shift_effect(plan, chosen, load_rules())), plan)


def compare_ranges(a: Plan, b: Plan, name_a: str, name_b: str, samples: int | None, seed: int,
                   run: ChancesRun) -> Ranges:
    """Plans ``a`` and ``b`` over the same sampled futures, as ``bijverdienplanner compare --risk`` does with the
    same ``samples`` (None: :func:`chances_samples`) and ``seed``. Stops (raising
    :class:`planner.risk.RiskCancelled`) between its steps when ``run`` is stopped. numpy is loaded here."""
    from planner.risk import RiskNotSupported
    from planner.risk_compare import compare_risk

    try:
        result = compare_risk(a, b, chances_samples() if samples is None else samples, seed, load_rules(),
                              name_a, name_b, cancelled=run.cancelled)
    except RiskNotSupported as exc:
        return Ranges(None, exc.explanation)
    log.info("compare ranges computed: %d futures", result.samples)
    return Ranges(result)


def effect_ranges(plan: Plan, indices: Sequence[int], samples: int | None, seed: int, run: ChancesRun) -> Ranges:
    """What the shifts ``indices`` add over the same sampled futures with and without them
    (:func:`planner.risk_compare.shift_effect_risk`), with the samples and seed of the chances."""
    from planner.risk import RiskNotSupported
    from planner.risk_compare import shift_effect_risk

    try:
        result = shift_effect_risk(plan, list(indices), chances_samples() if samples is None else samples, seed,
                                   load_rules(), cancelled=run.cancelled)
    except RiskNotSupported as exc:
        return Ranges(None, exc.explanation)
    log.info("effect ranges computed: %d futures", result.samples)
    return Ranges(result)
