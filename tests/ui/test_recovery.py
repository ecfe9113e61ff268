"""ui.recovery and the window: unsaved changes survive a crash, and only a crash."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.model import Shift
from planner.storage import load_plan
from ui.main_window import MainWindow
from ui.recovery import NOTE_FILE, PLAN_FILE, Recovery
from ui.settings import Settings

from .conftest import EXAMPLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

Open = QMessageBox.StandardButton.Open
Discard = QMessageBox.StandardButton.Discard


def _edited(window: MainWindow):  # noqa: ANN202
    plan = window.document.plan
    assert plan is not None
    extra = Shift(date=date(2026, 3, 3), hours=Decimal(3), job=plan.jobs[0].id)
    return plan.model_copy(update={"shifts": (*plan.shifts, extra)})


def test_a_copy_is_kept_once_edits_pause_and_deleted_on_save(qtbot, opened_window: MainWindow, tmp_path: Path):  # noqa: ANN001
    window = opened_window
    folder = window.recovery.folder
    assert window.recovery.active and not (folder / PLAN_FILE).exists(), "nothing unsaved yet"
    edited = _edited(window)
    window.apply_edit(edited, "add")
    assert window._keep_copy.isActive() and not (folder / PLAN_FILE).exists(), "written when edits pause"
    window._keep_copy.setInterval(10)
    window.apply_edit(window.document.plan, "same")  # restarts the wait
    window._keep_copy.start()
    qtbot.wait_until(lambda: (folder / PLAN_FILE).exists(), timeout=5000)
    assert load_plan(folder / PLAN_FILE) == edited
    saved = window.document.save(tmp_path / "saved.bvp.json")
    assert saved.exists() and not (folder / PLAN_FILE).exists() and not (folder / NOTE_FILE).exists()


def test_after_a_crash_the_next_start_offers_the_changes(qtbot, opened_window: MainWindow, settings: Settings):  # noqa: ANN001
    window = opened_window
    edited = _edited(window)
    window.apply_edit(edited, "add")
    window._write_copy()
    folder, path = window.recovery.folder, window.document.path
    assert path is not None
    window.recovery.release()  # what the end of a crashed process does: the lock is free, the copy stays

    asked = []
    again = MainWindow(settings, recovery_folder=folder)
    qtbot.add_widget(again)
    again.ask_restore = lambda unsaved: asked.append(unsaved) or Open  # type: ignore[method-assign]
    again.ask_save_changes = lambda: Discard  # type: ignore[method-assign]
    assert again.offer_recovery()
    (unsaved,) = asked
    assert unsaved.original == path and path.name == EXAMPLE.name
    assert isinstance(unsaved.written, datetime)
    assert again.document.plan == edited and again.document.is_modified(), "open again, still to be saved"
    assert again.document.path == unsaved.original
    again.close()
    assert not (folder / PLAN_FILE).exists(), "closed on purpose (changes discarded): nothing is offered next time"


def test_deleting_the_changes_removes_the_copy(qtbot, settings: Settings, tmp_path: Path):  # noqa: ANN001
    folder = tmp_path / "recovery"
    crashed = Recovery(folder)
    crashed.write(load_plan(EXAMPLE), None)
    crashed.release()
    window = MainWindow(settings, recovery_folder=folder)
    qtbot.add_widget(window)
    window.ask_restore = lambda unsaved: Discard  # type: ignore[method-assign]
    assert not window.offer_recovery()
    assert window.document.plan is None and not (folder / PLAN_FILE).exists()
    window.recovery.release()


def test_a_second_app_keeps_no_copy_over_the_first_ones(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    first = Recovery(tmp_path)
    second = Recovery(tmp_path)
    assert first.active and not second.active
    second.write(load_plan(EXAMPLE), None)
    assert not (tmp_path / PLAN_FILE).exists()
    assert second.left_behind() is None, "the second app does not offer the first one's copy"
    first.release()


def test_a_damaged_copy_is_explained_and_removed(qtbot, settings: Settings, tmp_path: Path, monkeypatch):  # noqa: ANN001
    from ui import main_window

    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / PLAN_FILE).write_text("{not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, exc: shown.append(exc))
    window = MainWindow(settings, recovery_folder=folder)
    qtbot.add_widget(window)
    window.ask_restore = lambda unsaved: Open  # type: ignore[method-assign]
    assert not window.offer_recovery()
    assert shown and not (folder / PLAN_FILE).exists() and window.document.plan is None
    window.recovery.release()


def test_the_question_names_the_plan_and_the_time(qtbot, window: MainWindow):  # noqa: ANN001
    from ui.recovery import Unsaved

    box = window.restore_box(Unsaved(datetime(2026, 11, 30, 14, 5), Path("/tmp/familie.bvp.json")))
    qtbot.add_widget(box)
    assert "familie.bvp.json" in box.text() and "/tmp" not in box.text(), "the file's name, not its folder"
    assert "14:05" in box.informativeText()
    names = {b.objectName() for b in box.buttons()}
    assert names == {"open", "delete"}
    assert all(b.text() for b in box.buttons())
