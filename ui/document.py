"""The open plan: one frozen snapshot at a time, undo and redo, saved or not.

A :class:`PlanDocument` holds the plan the window shows. Every edit is a new
frozen :class:`planner.model.Plan`; :meth:`PlanDocument.apply` pushes a
:class:`SnapshotCommand` holding the plan before and after onto a
``QUndoStack``. Undoing shows the old snapshot again, so the planner never
knows undo exists (Qt's QUndoStack documentation; Anki ``qt/aqt/undo.py``
keeps undo out of the views in the same way).

The stack's clean state is the saved state: ``cleanChanged`` drives the
"unsaved changes" mark in the title and the prompt on close. Saving goes
through :func:`planner.storage.save_plan` (temp file, fsync, rename), so a
failed save leaves the old file as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.model import Plan
from planner.storage import EXTENSION, save_plan

log = logging.getLogger("ui.document")

StepName = str | Callable[[], str]
"""What an undo step is called: a function that gives the name in the current language (so the Undo
menu follows a language switch), or a fixed text."""


def step_text(name: StepName) -> str:
    return name() if callable(name) else name


class SnapshotCommand(QUndoCommand):
    """One edit: the whole plan before and after (plans are frozen, so keeping both is cheap and safe)."""

    def __init__(self, document: PlanDocument, before: Plan, after: Plan, name: StepName) -> None:
        super().__init__(step_text(name))
        self._document = document
        self._name = name
        self.before = before
        self.after = after

    def retranslate(self) -> None:
        self.setText(step_text(self._name))

    def redo(self) -> None:
        self._document._show(self.after)

    def undo(self) -> None:
        self._document._show(self.before)


class PlanDocument(QObject):
    """The plan being edited, its file, and its undo history."""

    plan_changed = Signal(object)
    """The plan on screen changed (an edit, undo, redo, or a new plan): carries the new :class:`Plan`."""
    path_changed = Signal()
    modified_changed = Signal(bool)
    """``True`` when there are changes that are not saved."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._plan: Plan | None = None
        self._unsaved_new = False
        self._path: Path | None = None
        self.password: str | None = None
        """The plan's password, if it is protected (planner.crypt): kept in memory only, to save it sealed."""

    @property
    def plan(self) -> Plan | None:
        return self._plan

    @property
    def path(self) -> Path | None:
        """The file this plan was opened from or saved to; ``None`` for a new plan not saved yet."""
        return self._path

    def is_modified(self) -> bool:
        return self._plan is not None and (self._unsaved_new or not self.undo_stack.isClean())

    def load(self, plan: Plan, path: str | os.PathLike[str] | None, *, modified: bool = False,
             password: str | None = None) -> None:
        """Show ``plan`` as a fresh document (opened from ``path``, or new); the undo history starts empty.

        A new plan that was never saved is ``modified``: closing asks whether to save it.
        """
        self.undo_stack.clear()
        self._path = Path(path) if path is not None else None
        self._unsaved_new = modified
        self.password = password
        self._show(plan)
        self.path_changed.emit()
        self.modified_changed.emit(self.is_modified())

    def close(self) -> None:
        """No plan open any more: the plan, its file name and its undo history are let go."""
        self.undo_stack.clear()
        self._plan = None
        self._path = None
        self._unsaved_new = False
        self.password = None
        self.plan_changed.emit(None)
        self.path_changed.emit()
        self.modified_changed.emit(False)

    def apply(self, plan: Plan, name: StepName) -> None:
        """Make ``plan`` the current plan as one undoable step called ``name`` (see :data:`StepName`)."""
        if self._plan is None:
            raise RuntimeError("no plan is open")
        if plan == self._plan:
            return
        self.undo_stack.push(SnapshotCommand(self, self._plan, plan, name))

    def retranslate(self) -> None:
        """Name every undo step in the current language (after a language switch)."""
        stack = self.undo_stack
        for i in range(stack.count()):
            command = stack.command(i)
            if isinstance(command, SnapshotCommand):
                command.retranslate()

    def save(self, path: str | os.PathLike[str] | None = None, *, overwrite_read_only: bool = False) -> Path:
        """Write the plan to ``path`` (or its own file) atomically; it is then the saved state."""
        if self._plan is None:
            raise RuntimeError("no plan is open")
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("a new plan needs a file name")
        if not target.name.endswith(EXTENSION) and target.suffix == "":
            target = target.with_name(target.name + EXTENSION)
        save_plan(self._plan, target, overwrite_read_only=overwrite_read_only, password=self.password)
        log.info("plan saved")
        changed = target != self._path
        self._path = target
        was_new, self._unsaved_new = self._unsaved_new, False
        self.undo_stack.setClean()
        if was_new:
            self.modified_changed.emit(self.is_modified())
        if changed:
            self.path_changed.emit()
        return target

    def _on_clean_changed(self, clean: bool) -> None:
        if shiboken6.isValid(self):  # the stack also says so while it is being deleted with us
            self.modified_changed.emit(self._unsaved_new or not clean)

    def _show(self, plan: Plan) -> None:
        self._plan = plan
        self.plan_changed.emit(plan)
