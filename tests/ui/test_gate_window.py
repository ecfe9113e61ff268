"""The window meets the same gate as ``compute``: File → Open as a user, the dialog answered with a file.

A refused file leaves the window as it was; a plan with mistakes opens
without any result of the previous household left on screen; Qt's file
dialog leaves no trace of the households' folders in the settings every Qt
program shares.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from ui import errors
from ui.main_window import MainWindow

from .conftest import EXAMPLE

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when one is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

HOTEL = EXAMPLE.parent / "schoonmaker-hotel-amsterdam.bvp.json"


def answer_file_dialog(path: Path | None) -> list[QFileDialog]:
    """Answer the next file dialog as a user would: choose ``path``, or cancel (``None``); a save dialog's
    "replace the file?" question is answered Yes."""
    seen: list[QFileDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        if path is None:
            dialog.reject()
            return
        dialog.selectFile(str(path))
        if path.exists() and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            QTimer.singleShot(0, confirm)
        dialog.accept()

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, confirm)
            return
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    return seen


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[errors.ErrorMessage]:
    shown: list[errors.ErrorMessage] = []
    monkeypatch.setattr(errors, "present", lambda parent, message: shown.append(message))
    return shown


def open_as_user(qtbot, window: MainWindow, path: Path) -> None:  # noqa: ANN001
    seen = answer_file_dialog(path)
    window.open_action.trigger()
    assert seen, "File → Open asked for a file"


def screen_text(window: MainWindow) -> str:
    """Every text the window shows: labels, the month table, the cards, the explanation, the title."""
    parts = [window.windowTitle()]
    parts += [label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)]
    model = window.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            parts.append(str(model.data(model.index(row, column)) or ""))
    parts += [b.text() for b in window.cards.buttons()]
    parts.append(window.panel.toPlainText())
    return "\n".join(parts).replace("\xa0", " ")


def test_a_plan_with_mistakes_never_shows_the_previous_households_results(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, HOTEL)
    before = screen_text(window)
    amounts = {b.text().replace("\xa0", " ") for b in window.cards.buttons() if "€" in b.text()}
    assert amounts and window.model.rowCount() == 12
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["name"] = "Buurvrouw"
    data["shifts"][0]["hours"] = "30"  # a mistake: the plan opens, but cannot be computed
    other = tmp_path / "buurvrouw.bvp.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, other)
    assert "Buurvrouw" in window.windowTitle()
    assert window.problems.isVisibleTo(window)
    assert "24" in window.problems.label.text()
    assert "van vóór deze wijziging" not in window.problems.label.text(), "no results of before are shown"
    assert window.model.rowCount() == 0
    assert window.cards.buttons() == []
    assert window.overview is None or not window.overview.computed
    assert "fouten in het plan" in window.status_label.text()
    after = screen_text(window)
    hotel_name = json.loads(HOTEL.read_text(encoding="utf-8"))["name"]
    assert hotel_name in before and hotel_name not in after
    assert not [a for a in amounts if a in after], "no amount of the other household"


@pytest.mark.parametrize(
    "content",
    [
        lambda d: d["shifts"].__setitem__(slice(0, 2), [
            {"date": "2026-01-06", "hours": "4", "job": "schoonmaak", "start": "09:00+01:00"},
            {"date": "2026-01-06", "hours": "4", "job": "schoonmaak", "start": "14:00"}]),
        lambda d: d.update(months=True),
        lambda d: d["household"].update(youngest_child_birth_date="9999-12-31"),
    ],
)
def test_a_refused_file_keeps_the_plan_on_screen(qtbot, window: MainWindow, tmp_path: Path, captured: list, content) -> None:  # noqa: ANN001
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, EXAMPLE)
    plan, title, rows = window.document.plan, window.windowTitle(), window.model.rowCount()
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["name"] = "Andere buurman"
    content(data)
    bad = tmp_path / "andere.bvp.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    raw = bad.read_bytes()
    open_as_user(qtbot, window, bad)
    qtbot.wait_until(lambda: len(captured) == 1, timeout=10000)
    message = captured[0]
    assert "andere.bvp.json" in message.text
    assert message.details and all("Input should" not in d and "must be" not in d for d in message.details)
    assert window.document.plan is plan
    assert window.windowTitle() == title and "Andere buurman" not in window.windowTitle()
    assert window.model.rowCount() == rows
    assert bad.read_bytes() == raw


def _shared_dialog_settings() -> str:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    return " ".join(f"{k}={settings.value(k)}" for k in settings.allKeys())


def test_the_file_dialog_leaves_no_trace_of_the_folder(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "familie-jansen"
    folder.mkdir()
    plan = folder / "jansen.bvp.json"
    plan.write_bytes(EXAMPLE.read_bytes())
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, plan)
    assert window.document.path == plan
    assert "familie-jansen" not in _shared_dialog_settings()
    # Cancelling the dialog changes nothing either.
    answer_file_dialog(None)
    window.open_action.trigger()
    assert window.document.path == plan
    assert "familie-jansen" not in _shared_dialog_settings()


def test_a_huge_plan_is_refused_by_the_window_with_the_limits_of_the_cli(
    qtbot, window: MainWindow, tmp_path: Path, captured: list, capsys: pytest.CaptureFixture[str]  # noqa: ANN001
) -> None:
    from planner.cli import main

    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, EXAMPLE)
    plan = window.document.plan
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    huge = tmp_path / "huge.bvp.json"
    huge.write_text(json.dumps({**data, "shifts": data["shifts"][:1] * 100_000}, separators=(",", ":")), encoding="utf-8")
    many = tmp_path / "many.bvp.json"
    many.write_text(json.dumps({**data, "shifts": data["shifts"][:1] * 5001}), encoding="utf-8")
    for path, words in ((huge, "te groot"), (many, "ten hoogste 5000")):
        count = len(captured)
        open_as_user(qtbot, window, path)
        qtbot.wait_until(lambda count=count: len(captured) > count, timeout=20000)
        shown = " ".join([captured[-1].text, *captured[-1].details])
        assert words in shown
        assert window.document.plan is plan
        assert main(["compute", str(path)]) == 2
        assert words in capsys.readouterr().err, "the same limit as the CLI"
