"""The open plan: snapshots on an undo stack, the saved state, atomic saving."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.model import Household, Person, Plan, Shift
from planner.storage import load_plan
from ui.document import PlanDocument

from .conftest import EXAMPLE


@pytest.fixture
def document(qapp) -> PlanDocument:  # noqa: ANN001
    doc = PlanDocument()
    doc.load(load_plan(EXAMPLE), EXAMPLE)
    return doc


def _with_shift(plan: Plan, day: date) -> Plan:
    return plan.model_copy(update={"shifts": (*plan.shifts, Shift(date=day, hours="3", job="schoonmaak"))})


def test_each_edit_is_one_undo_step_and_undo_shows_the_old_snapshot(document: PlanDocument):
    seen: list[Plan] = []
    document.plan_changed.connect(seen.append)
    original = document.plan
    one = _with_shift(original, date(2026, 3, 3))
    two = _with_shift(one, date(2026, 3, 4))
    document.apply(one, "add one")
    document.apply(two, "add two")
    assert document.plan is two and document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.plan is one
    document.undo_stack.undo()
    assert document.plan is original
    document.undo_stack.redo()
    assert document.plan is one
    assert seen == [one, two, one, original, one]
    assert document.undo_stack.undoText() == "add one"


def test_an_edit_that_changes_nothing_is_no_step(document: PlanDocument):
    document.apply(document.plan.model_copy(), "nothing")
    assert document.undo_stack.count() == 0
    assert not document.is_modified()


def test_modified_follows_the_saved_state(document: PlanDocument, tmp_path: Path):
    marks: list[bool] = []
    document.modified_changed.connect(marks.append)
    assert not document.is_modified()
    document.apply(_with_shift(document.plan, date(2026, 3, 3)), "add")
    assert document.is_modified()
    document.undo_stack.undo()
    assert not document.is_modified(), "back at the saved state"
    document.undo_stack.redo()
    target = document.save(tmp_path / "copy")
    assert target.name == "copy.bvp.json"
    assert not document.is_modified()
    assert load_plan(target) == document.plan
    assert marks == [True, False, True, False]


def test_a_new_plan_is_unsaved_until_it_is_saved(qapp, tmp_path: Path):  # noqa: ANN001
    doc = PlanDocument()
    plan = Plan(start="2026-01", household=Household(composition="single", claimant=Person(birth_date=date(1990, 1, 1))))
    doc.load(plan, None, modified=True)
    assert doc.is_modified() and doc.path is None
    with pytest.raises(ValueError):
        doc.save()
    doc.save(tmp_path / "nieuw.bvp.json")
    assert not doc.is_modified()
    assert doc.path == tmp_path / "nieuw.bvp.json"


def test_a_failed_save_leaves_the_old_file_and_the_unsaved_mark(document: PlanDocument, tmp_path: Path):
    target = tmp_path / "plan.bvp.json"
    document.save(target)
    before = target.read_bytes()
    document.apply(_with_shift(document.plan, date(2026, 3, 3)), "add")
    with pytest.raises(OSError):
        document.save(tmp_path / "no-such-folder" / "plan.bvp.json")
    assert target.read_bytes() == before
    assert document.is_modified()
    assert document.path == target
