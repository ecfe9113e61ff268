"""Saving from the window as a user: a full disk is reported as such, a read-only plan is asked about,
leftovers of interrupted saves go at the next start, and every file the app writes is owner-only."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from planner import storage
from planner.storage import TEMP_SUFFIX, load_plan, save_plan
from ui.main_window import MainWindow
from ui.settings import Settings

from .conftest import EXAMPLE
from .test_gate_window import answer_file_dialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

HOTEL = EXAMPLE.parent / "schoonmaker-hotel-amsterdam.bvp.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)




def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 5])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "_write_fully", full)


def _open(qtbot, window: MainWindow, path: Path) -> None:  # noqa: ANN001
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(path)


def _edit(window: MainWindow) -> None:
    plan = window.document.plan
    window.apply_edit(plan.model_copy(update={"shifts": plan.shifts[1:]}), "delete")


@pytest.mark.parametrize("name", ["samenvatting.pdf", "samenvatting.html"])
def test_a_summary_on_a_full_disk_is_reported_as_not_saved(
    qtbot, window: MainWindow, tmp_path: Path, captured: list, monkeypatch: pytest.MonkeyPatch, name: str  # noqa: ANN001
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    plan = folder / "plan.bvp.json"
    plan.write_bytes(EXAMPLE.read_bytes())
    _open(qtbot, window, plan)
    target = folder / name
    answer_file_dialog(target)
    window.pdf_action.trigger()  # File → Save a summary as PDF…, the dialog answered with a new name
    assert target.exists() and mode(target) == 0o600, "a summary is owner-only"
    assert "samenvatting" in window.statusBar().currentMessage()
    before = target.read_bytes()
    window.statusBar().clearMessage()
    _full_disk(monkeypatch)
    answer_file_dialog(target)
    window.pdf_action.trigger()
    assert len(captured) == 1
    message = captured[0]
    assert "niet genoeg vrije ruimte" in message.text
    assert "mag opslaan" not in message.text, "a full disk is not blamed on permissions"
    assert "opgeslagen" not in window.statusBar().currentMessage()
    assert target.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(["plan.bvp.json", name])


def test_a_plan_on_a_full_disk_is_reported_and_stays_unsaved(
    qtbot, window: MainWindow, tmp_path: Path, captured: list, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    plan = tmp_path / "plan.bvp.json"
    plan.write_bytes(EXAMPLE.read_bytes())
    _open(qtbot, window, plan)
    _edit(window)
    _full_disk(monkeypatch)
    window.save_action.trigger()
    assert "niet genoeg vrije ruimte" in captured[0].text
    assert window.document.is_modified()
    assert plan.read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.bvp.json", "recovery", "settings.ini"]


def test_a_read_only_plan_is_only_overwritten_after_asking(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    plan = tmp_path / "plan.bvp.json"
    plan.write_bytes(EXAMPLE.read_bytes())
    plan.chmod(0o444)
    _open(qtbot, window, plan)
    _edit(window)
    asked: list[Path] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    window.ask_overwrite_read_only = lambda path: (asked.append(path), answers.pop(0))[1]  # type: ignore[method-assign]
    window.save_action.trigger()
    assert asked == [plan]
    assert plan.read_bytes() == EXAMPLE.read_bytes()
    assert window.document.is_modified()
    window.save_action.trigger()
    assert load_plan(plan) == window.document.plan
    assert mode(plan) == 0o444
    assert not window.document.is_modified()


def test_the_read_only_question_names_the_file_as_plain_text(window: MainWindow, tmp_path: Path) -> None:
    box = window.read_only_box(tmp_path / "<b>x<img src=x>.bvp.json")
    assert "<b>x<img src=x>.bvp.json" in box.text()
    assert box.textFormat() == box.textFormat().PlainText
    names = sorted(b.objectName() for b in box.buttons() if b.objectName())
    assert names == ["other", "overwrite"]


def test_leftovers_of_interrupted_saves_are_removed_at_the_next_start(qtbot, settings: Settings, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "plan.bvp.json"
    save_plan(load_plan(EXAMPLE), plan)
    settings.add_recent_file(plan)
    leftover = folder / f".plan.bvp.json.x1y2z3{TEMP_SUFFIX}"
    leftover.write_text('{"schema_version"')
    elsewhere = tmp_path / "new-folder"
    elsewhere.mkdir()
    unfinished = elsewhere / f".summary.pdf.a1b2c3{TEMP_SUFFIX}"
    unfinished.write_bytes(b"%PDF-1.4 half")
    settings.qsettings.setValue("files/saving_in", [str(elsewhere)])
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery")
    qtbot.add_widget(window)
    try:
        assert not leftover.exists() and not unfinished.exists()
        assert plan.exists()
    finally:
        window.recovery.release()


def test_settings_and_the_copy_of_unsaved_changes_are_owner_only(
    qtbot, window: MainWindow, tmp_path: Path  # noqa: ANN001
) -> None:
    _open(qtbot, window, EXAMPLE)
    _edit(window)
    window._keep_copy.setInterval(0)
    window._keep_copy.start()
    folder = window.recovery.folder
    qtbot.wait_until(lambda: (folder / "unsaved.bvp.json").exists(), timeout=5000)
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir() if p.name.startswith("unsaved")} == {
        "unsaved.bvp.json": 0o600, "unsaved.json": 0o600}
    window.settings.sync()
    settings_file = Path(window.settings.qsettings.fileName())
    assert mode(settings_file) == 0o600
    plain = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    Settings(plain)
    assert mode(tmp_path / "other.ini") == 0o600
