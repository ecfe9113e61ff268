"""Private by design for volunteers: File → Close, File → Forget this household, Help → Privacy, as a user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from ui.main_window import MainWindow

from .conftest import EXAMPLE
from .test_plain_text import widget_texts

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

NAME = "Familie Jansen"


@pytest.fixture
def jansen(qtbot, window: MainWindow, tmp_path: Path) -> Path:  # noqa: ANN001
    folder = tmp_path / "jansen"
    folder.mkdir()
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["name"] = NAME
    path = folder / "jansen.bvp.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(path)
    qtbot.wait_until(lambda: window.bounds is not None, timeout=20000)
    return path


def _nothing_of_the_household(window: MainWindow, *, forgotten: bool = False) -> None:
    texts = "\n".join(t for _w, t in widget_texts(window))
    assert NAME not in texts
    if forgotten:  # after Close its file name stays in Open recent; after Forget nowhere
        assert "jansen" not in texts.lower()
    assert window.stack.currentWidget() is window.empty
    assert window.document.plan is None and window.document.path is None
    assert window.overview is None and window.latest is None and window.bounds is None
    assert window.model.rowCount() == 0 and window.cards.buttons() == []
    assert window.shifts.table.model().rowCount() == 0
    assert window.document.undo_stack.count() == 0
    assert not window.save_action.isEnabled() and not window.close_plan_action.isEnabled()
    assert window.windowTitle() == "Bijverdienplanner"


def test_file_close_goes_back_to_the_start_page_with_nothing_left(qtbot, window: MainWindow, jansen: Path) -> None:  # noqa: ANN001
    assert window.close_plan_action in window.file_menu.actions()
    assert window.close_plan_action.shortcut().toString()  # Ctrl+W
    window.close_plan_action.trigger()
    _nothing_of_the_household(window)
    assert jansen.exists(), "the file stays"
    assert str(jansen.resolve()) in window.settings.recent_files(), "Close is not Forget"


def test_close_with_unsaved_changes_asks_first(qtbot, window: MainWindow, jansen: Path) -> None:  # noqa: ANN001
    plan = window.document.plan
    window.apply_edit(plan.model_copy(update={"shifts": plan.shifts[1:]}), "delete")
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Cancel  # type: ignore[method-assign]
    window.close_plan_action.trigger()
    assert window.document.plan is not None, "cancelled: the plan stays"
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.close_plan_action.trigger()
    _nothing_of_the_household(window)


def test_forget_this_household_removes_every_trace(qtbot, window: MainWindow, jansen: Path, tmp_path: Path) -> None:  # noqa: ANN001
    other = tmp_path / "other.bvp.json"
    other.write_bytes(EXAMPLE.read_bytes())
    window.settings.add_recent_file(other)
    window.settings.add_recent_file(jansen)
    plan = window.document.plan
    window.apply_edit(plan.model_copy(update={"shifts": plan.shifts[1:]}), "delete")
    window._write_copy()
    assert (window.recovery.folder / "unsaved.bvp.json").exists()
    shared = QSettings(QSettings.Scope.UserScope, "QtProject")
    shared.setValue("FileDialog/history", [jansen.parent.as_uri(), "file:///elsewhere"])  # left by an older version
    shared.setValue("FileDialog/lastVisited", jansen.parent.as_uri())
    shared.sync()
    box = window.forget_box(jansen)
    assert NAME in box.text() and box.textFormat() == box.textFormat().PlainText
    shiboken6.delete(box)
    window.ask_forget = lambda path: True  # type: ignore[method-assign]
    window.forget_action.trigger()
    _nothing_of_the_household(window, forgotten=True)
    assert window.settings.recent_files() == [str(other.resolve())]
    assert not (window.recovery.folder / "unsaved.bvp.json").exists()
    assert not (window.recovery.folder / "unsaved.json").exists()
    shared = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert "jansen" not in " ".join(str(shared.value(k)) for k in shared.allKeys())
    settings_text = Path(window.settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert "jansen" not in settings_text
    assert jansen.exists(), "the plan file itself stays"
    assert [a.text() for a in window.recent_menu.actions() if "jansen" in a.text()] == []


def test_forget_can_be_cancelled(qtbot, window: MainWindow, jansen: Path) -> None:  # noqa: ANN001
    window.ask_forget = lambda path: False  # type: ignore[method-assign]
    window.forget_action.trigger()
    assert window.document.path == jansen
    assert str(jansen.resolve()) in window.settings.recent_files()


@pytest.mark.parametrize(("lang", "words"), [("nl", "zonder internet"), ("en", "works offline")])
def test_help_privacy_says_what_is_kept_where(qtbot, window: MainWindow, lang: str, words: str) -> None:  # noqa: ANN001
    window.set_language(lang)
    assert window.privacy_action in window.help_menu.actions()
    window.privacy_action.trigger()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "privacy"
             and w.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert words in text
    assert ("Vergeten" in text or "vergeten" in text) if lang == "nl" else "Forget" in text
    boxes[0].close()
    assert not [label for label in window.findChildren(QLabel) if words in label.text() and label.isVisible()]
