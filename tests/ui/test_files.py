"""File dialogs: where they start, the name they suggest, and Qt's own texts in the app's language."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit

from planner.storage import EXTENSION, load_plan
from ui import files
from ui.files import file_stem, start_folder
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"


def test_start_folder_is_the_plans_folder_then_the_last_plans_then_documents(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setattr(files, "documents_folder", lambda: documents)
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    assert start_folder(here / "a.bvp.json", [str(there / "b.bvp.json")]) == here
    assert start_folder(None, [str(there / "b.bvp.json")]) == there
    assert start_folder(None, [str(tmp_path / "gone" / "b.bvp.json")]) == documents
    assert start_folder(None, []) == documents


def test_the_documents_folder_is_qts_documents_location() -> None:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert files.documents_folder() in (Path(location), Path.home())


def test_a_file_name_is_made_from_the_plans_name() -> None:
    assert file_stem("Mijn plan: januari/februari", "plan") == "Mijn plan januari februari"
    assert file_stem("  ", "plan") == "plan"


def _dialog_seen(qtbot, window: MainWindow, sequence: str) -> dict:  # noqa: ANN001
    """Press ``sequence``; note what the file dialog shows, then cancel it (as a user may)."""
    seen: dict = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["name"] = dialog.findChild(QLineEdit, "fileNameEdit").text()
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        seen["native"] = not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        QTimer.singleShot(0, lambda: shiboken6.isValid(dialog) and dialog.reject())

    QTimer.singleShot(20, look)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence(sequence))
    qtbot.wait_until(lambda: "name" in seen and QApplication.activeModalWidget() is None)
    return seen


@pytest.mark.parametrize(("lang", "look_in", "files_of_type"), [("nl", "&Zoeken in:", "Bestanden van &type:"),
                                                                 ("en", "&Look in:", "Files of &type:")])
def test_a_new_plan_is_saved_from_the_documents_folder_with_its_own_name_in_the_apps_language(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
        lang: str, look_in: str, files_of_type: str) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setattr(files, "documents_folder", lambda: documents)
    window.set_language(lang)
    window.show()
    qtbot.wait_exposed(window)
    plan = load_plan(EXAMPLE).model_copy(update={"name": "Werk bij het hotel"})
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.show_new_plan(plan)
    seen = _dialog_seen(qtbot, window, "Ctrl+S")
    assert seen["folder"] == documents
    assert seen["name"] == f"Werk bij het hotel{EXTENSION}"
    assert not seen["native"]
    assert look_in in seen["labels"] and files_of_type in seen["labels"]

    summary = _dialog_seen(qtbot, window, "Ctrl+Shift+P")
    assert summary["folder"] == documents
    assert summary["name"] == {"nl": "Werk bij het hotel-overzicht.pdf", "en": "Werk bij het hotel-summary.pdf"}[lang]
    assert list(documents.iterdir()) == []  # cancelled: nothing written


def test_a_saved_plan_suggests_its_own_folder_and_name(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / f"buurvrouw{EXTENSION}"
    target.write_bytes(EXAMPLE.read_bytes())
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(target)
    seen = _dialog_seen(qtbot, window, "Ctrl+Shift+S")
    assert seen["folder"] == folder and seen["name"] == target.name
    summary = _dialog_seen(qtbot, window, "Ctrl+Shift+P")
    assert summary["folder"] == folder and summary["name"] == "buurvrouw-overzicht.pdf"
