"""Pure jobs the window runs through :class:`ui.worker.Worker`.

Everything here runs on a pool thread: no widgets, no Qt, only planner calls
on plain data. The results are frozen planner objects, so the main thread can
show them (in any language) without computing anything again.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from planner.benefit import Projection, project
from planner.model import Plan
from planner.rules import load_rules
from planner.storage import load_plan
from planner.validate import Issue, check_plan

log = logging.getLogger("ui.jobs")


class PlanHasErrors(Exception):
    """The plan file is readable, but the plan has errors that stop the computation."""

    def __init__(self, path: Path, issues: list[Issue]) -> None:
        super().__init__(f"{len(issues)} error(s) in the plan")
        self.path = path
        self.issues = issues


@dataclass(frozen=True, slots=True)
class OpenedPlan:
    path: Path
    plan: Plan
    projection: Projection
    warnings: tuple[Issue, ...]


def open_and_project(path: str | os.PathLike[str]) -> OpenedPlan:
    """Read a plan file, check it, and compute every month. The file is only read."""
    path = Path(path)
    plan = load_plan(path)
    rules = load_rules()
    issues = check_plan(plan, rules)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise PlanHasErrors(path, errors)
    projection = project(plan, rules)
    log.info("plan computed: %d months, %d warnings", len(projection.months), len(issues))
    return OpenedPlan(path, plan, projection, tuple(issues))
