"""Every menu item, shortcut and button is connected so that Qt's ``checked`` bool never reaches a slot.

``QAction.triggered(bool)`` and ``QAbstractButton.clicked(bool)`` once put
``False`` into an optional parameter: File → Save a summary as PDF wrote
``False.pdf`` and Print a summary crashed. ``ui.actions`` is the one place that
connects them; these tests keep it that way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton

from ui.actions import CONNECTED, on_toggle, on_trigger
from ui.main_window import MainWindow

UI = Path(__file__).resolve().parents[2] / "ui"


QT_CONTAINERS = frozenset({"qt_tabwidget_stackedwidget", "qt_scrollarea_viewport", "qt_scrollarea_hcontainer",
                           "qt_scrollarea_vcontainer"})
"""Qt's own widgets that hold ours: what is inside them is not Qt's."""


def qt_internal(obj: QObject) -> bool:
    """Made by Qt inside one of its widgets (the calendar's month menu, a table's corner button)."""
    while obj is not None:
        if obj.objectName().startswith("qt_") and obj.objectName() not in QT_CONTAINERS:
            return True
        obj = obj.parent()
    return False


def direct_connections() -> list[str]:
    """``x.triggered.connect(…)`` / ``x.clicked.connect(…)`` anywhere in ui/ except ui/actions.py."""
    found = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "actions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "connect" and isinstance(node.value, ast.Attribute)
                    and node.value.attr in ("triggered", "clicked")):
                found.append(f"{path.name}:{node.lineno} {node.value.attr}.connect")
    return found


def test_no_slot_is_connected_to_triggered_or_clicked_directly() -> None:
    assert direct_connections() == [], "connect through ui.actions.on_trigger / on_toggle"


def test_the_scan_finds_a_direct_connection(tmp_path: Path) -> None:
    """The scan above is not blind: it sees the pattern that caused the bug."""
    tree = ast.parse("action.triggered.connect(self.save_summary_pdf)\nbutton.clicked.connect(f)\n")
    hits = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "connect"
            and isinstance(n.value, ast.Attribute) and n.value.attr in ("triggered", "clicked")]
    assert len(hits) == 2


def test_on_trigger_calls_without_the_checked_bool(qtbot) -> None:  # noqa: ANN001
    calls: list[tuple] = []

    def slot(*args: object) -> None:
        calls.append(args)

    action = QAction()
    action.setCheckable(True)
    on_trigger(action, slot)
    action.trigger()
    button = QPushButton()
    qtbot.add_widget(button)
    button.setCheckable(True)
    on_trigger(button, slot)
    button.click()
    assert calls == [(), ()]


def test_on_toggle_gives_the_new_state_only(qtbot) -> None:  # noqa: ANN001
    states: list[bool] = []
    action = QAction()
    action.setCheckable(True)
    on_toggle(action, states.append)
    action.trigger()
    action.trigger()
    assert states == [True, False]
    with pytest.raises(ValueError):
        on_toggle(QAction(), states.append)


def test_every_action_and_button_of_the_window_goes_through_ui_actions(opened_window: MainWindow) -> None:
    """Actions in menus, on buttons and in the shift table; buttons that have no action of their own."""
    window = opened_window
    window.recent_menu.aboutToShow.emit()  # the recent plans' actions are made when the menu opens
    loose = [
        a.objectName() or a.text() for a in window.findChildren(QAction)
        if a.property(CONNECTED) is not True and not a.isSeparator() and a.menu() is None
        and a.isEnabled() and a.objectName() != "no_recent_files_action"
        and not qt_internal(a)
    ]
    assert loose == []
    buttons = [
        b.objectName() or b.text() for b in window.findChildren(QAbstractButton)
        if isinstance(b, (QPushButton, QToolButton)) and b.property(CONNECTED) is not True
        and not (isinstance(b, QToolButton) and b.defaultAction() is not None)
        and not qt_internal(b) and b.receivers("2clicked(bool)") > 0
    ]
    assert buttons == []
