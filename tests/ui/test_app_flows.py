"""The main flows of the app, driven through the window by keyboard (and a mouse click where a user would).

First run to a first result; adding, repeating and undoing shifts; the "why"
of an amount; comparing two plans; what one shift adds; saving and opening
again; a broken file refused and left as it was; the unsaved-changes prompt;
consultation mode; and an accessible name on every interactive widget.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from planner.storage import load_plan
from ui import errors
from ui.main_window import MainWindow

from .conftest import EXAMPLE, ROOT

CTRL = Qt.KeyboardModifier.ControlModifier
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when one is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture
def shown(qtbot, window: MainWindow) -> MainWindow:  # noqa: ANN001
    window.show()
    qtbot.wait_exposed(window)
    return window


def _open(qtbot, window: MainWindow, path: Path = EXAMPLE) -> None:  # noqa: ANN001
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(path)


def _results_after(qtbot, window: MainWindow, action) -> None:  # noqa: ANN001
    """Do ``action`` and wait until the window shows the results of the plan it leads to."""
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        action()
    qtbot.wait_until(lambda: window.latest is not None and window.latest.plan == window.document.plan, timeout=20000)


def _shortcut(qtbot, widget: QWidget, sequence: QKeySequence | QKeySequence.StandardKey | str) -> None:  # noqa: ANN001
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


# --- first run ----------------------------------------------------------------------------------


def test_first_run_to_a_first_result_by_keyboard(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    assert window.stack.currentWidget() is window.empty
    window.empty.new_button.setFocus()
    qtbot.keyClick(window.empty.new_button, Qt.Key.Key_Space)
    wizard = window.wizard
    assert wizard is not None
    qtbot.wait_exposed(wizard)
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # welcome
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # household: the defaults
    jobs = wizard.work_page.form
    jobs.add_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(jobs.add_button, Qt.Key.Key_Space)
    box = jobs.boxes[0]
    qtbot.keyClicks(box.name, "Schoonmaak")
    box.wage.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(box.wage, "14,20")
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # work
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # money
    pattern = wizard.shifts_page.form
    for iso in (2, 4):
        pattern.day_boxes[iso].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(pattern.day_boxes[iso], Qt.Key.Key_Space)
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # shifts
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # finish

    plan = window.document.plan
    assert plan is not None and plan.jobs[0].name == "Schoonmaak"
    assert plan.shifts and {s.date.isoweekday() for s in plan.shifts} == {2, 4}
    assert window.document.path is None and window.document.is_modified(), "a new plan is not saved yet"
    assert window.stack.currentWidget() is window.plan_page
    assert window.tabs.currentWidget() is window.cards
    assert len(window.cards.cards()) == plan.months
    assert window.windowTitle().startswith(plan.name)
    assert window.isWindowModified()


# --- shifts: add, repeat, undo --------------------------------------------------------------------


def test_add_repeat_and_undo_shifts_by_keyboard(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    original = window.document.plan
    _shortcut(qtbot, window, "Ctrl+2")
    assert window.tabs.currentWidget() is window.shifts_page
    table = window.shifts.table
    table.setFocus()

    _results_after(qtbot, window, lambda: qtbot.keyClick(table, Qt.Key.Key_Insert))
    assert len(window.document.plan.shifts) == len(original.shifts) + 1
    assert window.overview.plan == window.document.plan, "the results are of the edited plan"
    assert window.isWindowModified()

    qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.shifts.repeat_dialog
    assert dialog is not None
    for box in dialog.day_boxes:
        box.setChecked(False)
    dialog.day_boxes[1].setChecked(True)  # Tuesday
    dialog.day_boxes[3].setChecked(True)  # Thursday
    dialog.first.setDate(date(2026, 3, 1))
    dialog.until.setDate(date(2026, 3, 31))
    before = window.document.plan
    _results_after(qtbot, window, lambda: qtbot.keyClick(dialog.until, Qt.Key.Key_Return))
    added = set(window.document.plan.shifts) - set(before.shifts)
    march = [date(2026, 3, d) for d in (3, 5, 10, 12, 17, 19, 24, 26, 31)]
    assert sorted(s.date for s in added) == march
    assert all(s.hours == Decimal(4) for s in added)
    # What a window manager does when a dialog closes (the offscreen platform has none): the window is active again.
    window.windowHandle().requestActivate()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window, timeout=5000)

    _results_after(qtbot, window, lambda: _shortcut(qtbot, window, QKeySequence.StandardKey.Undo))
    assert window.document.plan == before
    _results_after(qtbot, window, lambda: _shortcut(qtbot, window, QKeySequence.StandardKey.Undo))
    assert window.document.plan == original
    assert not window.isWindowModified(), "back at the plan as it was opened"
    assert not window.document.undo_stack.canUndo()
    _results_after(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier))
    assert len(window.document.plan.shifts) == len(original.shifts) + 1


def test_undo_step_names_follow_a_language_switch(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    window.set_language("nl")
    _open(qtbot, window)
    _shortcut(qtbot, window, "Ctrl+2")
    window.shifts.table.setFocus()
    _results_after(qtbot, window, lambda: qtbot.keyClick(window.shifts.table, Qt.Key.Key_Insert))
    window.shifts.select_shifts([0, 1])
    _results_after(qtbot, window, lambda: qtbot.keyClick(window.shifts.table, Qt.Key.Key_Delete))
    _results_after(qtbot, window, lambda: _shortcut(qtbot, window, QKeySequence.StandardKey.Undo))
    assert window.undo_action.text() == "&Ongedaan maken: Dienst toevoegen"
    assert window.redo_action.text() == "O&pnieuw: 2 diensten verwijderen"
    with qtbot.wait_signal(window.retranslated):
        window.set_language("en")
    assert window.undo_action.text() == "&Undo: Add a shift"
    assert window.redo_action.text() == "&Redo: Delete 2 shifts"
    with qtbot.wait_signal(window.retranslated):
        window.set_language("nl")
    assert window.undo_action.text() == "&Ongedaan maken: Dienst toevoegen"


def test_a_mistake_is_shown_above_the_results_and_undo_removes_it(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    plan = window.document.plan
    good = window.overview
    bad = plan.model_copy(update={"shifts": (plan.shifts[0].model_copy(update={"hours": Decimal(30)}), *plan.shifts[1:])})
    _results_after(qtbot, window, lambda: window.apply_edit(bad, "too long"))
    assert not window.problems.isHidden()
    assert window.problems.messages()
    assert window.overview is good, "the last good results stay on screen"
    _results_after(qtbot, window, window.document.undo_stack.undo)
    assert window.problems.isHidden()


# --- why? -------------------------------------------------------------------------------------------


def test_enter_on_an_amount_opens_its_explanation(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    button = window.cards.button_for((2026, 1), "bijstand")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert window.panel.item is button.item
    text = window.panel.toPlainText()
    assert "Participatiewet" in text, "the rule and its article are named"
    # The months table: moving with the arrow keys explains the amount under the cursor.
    _shortcut(qtbot, window, "Ctrl+3")
    window.select_cell(0, "norm")
    qtbot.keyClick(window.table, Qt.Key.Key_Right)
    assert window.panel.column is not None and window.panel.column.key != "norm"


# --- compare and "what does this shift add?" --------------------------------------------------------


def test_compare_two_plans(qtbot, shown: MainWindow, tmp_path: Path):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    plan = window.document.plan
    extra = plan.model_copy(update={"name": "Met zaterdagen", "shifts": (*plan.shifts, *(
        plan.shifts[0].model_copy(update={"date": date(2026, 3, d)}) for d in (7, 14, 21)))})
    other = tmp_path / "zaterdagen.bvp.json"
    from planner.storage import save_plan

    save_plan(extra, other)
    before = other.read_bytes()
    with qtbot.wait_signal(window.comparison_shown, timeout=20000) as blocker:
        window.compare_with_file(other)
    dialog = blocker.args[0]
    from planner.scenarios import compare

    assert list(dialog.view.rows) == compare(plan, extra)
    assert dialog.view.plan_names() == (plan.name, "Met zaterdagen")
    assert other.read_bytes() == before, "the other plan is only read"
    dialog.close()


def test_what_does_this_shift_add_from_the_shift_table(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    _shortcut(qtbot, window, "Ctrl+2")
    window.shifts.select_shifts([0])
    table = window.shifts.table
    table.setFocus()
    with qtbot.wait_signal(window.effect_shown, timeout=20000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = blocker.args[0]
    from planner.scenarios import shift_effect

    effects = shift_effect(window.document.plan, 0)
    total = sum((e.net for e in effects), Decimal(0))
    from planner.i18n import format_money

    assert format_money(abs(total)).replace("\xa0", " ") in dialog.headline.text().replace("\xa0", " ")
    dialog.close()


# --- saving, opening, refusing ---------------------------------------------------------------------


def test_save_and_open_again_gives_the_same_plan(qtbot, shown: MainWindow, tmp_path: Path, monkeypatch):  # noqa: ANN001
    window = shown
    _open(qtbot, window, HOTEL)
    plan = window.document.plan
    edited = plan.model_copy(update={"shifts": plan.shifts[1:]})
    _results_after(qtbot, window, lambda: window.apply_edit(edited, "delete"))
    target = tmp_path / "mijn plan"
    monkeypatch.setattr(window, "_ask_file", lambda title, save: str(target))
    _shortcut(qtbot, window, "Ctrl+Shift+S")
    saved = tmp_path / "mijn plan.bvp.json"
    assert saved.exists()
    assert not window.isWindowModified()
    assert window.document.path == saved
    assert str(saved.resolve()) in window.settings.recent_files()
    assert load_plan(saved) == edited
    _open(qtbot, window, saved)
    assert window.document.plan == edited
    # Ctrl+S after another edit writes the same file again.
    _results_after(qtbot, window, lambda: window.apply_edit(plan, "back"))
    _shortcut(qtbot, window, QKeySequence.StandardKey.Save)
    assert load_plan(saved) == plan and not window.isWindowModified()


def test_a_broken_file_is_refused_and_left_byte_identical(qtbot, shown: MainWindow, tmp_path: Path, monkeypatch):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    shown_plan = window.document.plan
    messages: list[errors.ErrorMessage] = []
    monkeypatch.setattr(errors, "present", lambda parent, message: messages.append(message))
    broken = tmp_path / "kapot.bvp.json"
    content = json.dumps({"schema_version": 1, "household": {}})[:-3].encode() + b"\x00\xff"
    broken.write_bytes(content)
    window.open_path(broken)
    qtbot.wait_until(lambda: len(messages) == 1, timeout=10000)
    assert "kapot.bvp.json" in messages[0].text
    assert broken.read_bytes() == content
    assert window.document.plan is shown_plan, "the plan on screen stays"
    newer = tmp_path / "nieuwer.bvp.json"
    newer.write_text(json.dumps({"schema_version": 99, "household": {}}))
    newer_bytes = newer.read_bytes()
    window.open_path(newer)
    qtbot.wait_until(lambda: len(messages) == 2, timeout=10000)
    assert newer.read_bytes() == newer_bytes


def test_closing_with_unsaved_changes_asks_first(qtbot, shown: MainWindow, monkeypatch):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    plan = window.document.plan
    _results_after(qtbot, window, lambda: window.apply_edit(plan.model_copy(update={"shifts": plan.shifts[1:]}), "x"))
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[int] = []
    monkeypatch.setattr(window, "ask_save_changes", lambda: (asked.append(1), answers.pop(0))[1])
    window.close()
    assert window.isVisible(), "Cancel keeps the window and the changes"
    assert window.document.is_modified()
    window.close()
    assert not window.isVisible()
    assert len(asked) == 2
    assert load_plan(EXAMPLE) == plan, "Discard writes nothing"


# --- consultation mode ------------------------------------------------------------------------------


def test_consultation_mode_makes_text_larger_and_back(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    before = window.cards.content_font().pointSizeF()
    table_before = window.table.font().pointSizeF()
    menu_before = window.menuBar().font().pointSizeF()
    status_before = window.statusBar().font().pointSizeF()
    _shortcut(qtbot, window, "F11")
    assert window.is_consultation_mode()
    assert window.cards.content_font().pointSizeF() > before * 1.2
    assert window.table.font().pointSizeF() > table_before * 1.2
    assert window.charts.font_size > 13
    assert window.menuBar().font().pointSizeF() > menu_before * 1.2  # the menus are read across the table too
    assert window.statusBar().font().pointSizeF() > status_before * 1.2
    _shortcut(qtbot, window, "F11")
    assert not window.is_consultation_mode()
    assert window.cards.content_font().pointSizeF() == pytest.approx(before)
    assert window.table.font().pointSizeF() == pytest.approx(table_before)
    assert window.menuBar().font().pointSizeF() == pytest.approx(menu_before)


# --- accessibility: every interactive widget has a name ----------------------------------------------

_INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QCalendarWidget)


def _unnamed(root: QWidget) -> list[str]:
    """Focusable interactive widgets without an accessible name (a button's own text counts as its name)."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, _INTERACTIVE) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        if widget.window().windowType() == Qt.WindowType.Popup:
            continue  # the list that drops down from a combo box or a completer: the box has the name
        if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue  # the edit inside a combo or spin box: the box has the name
        if isinstance(parent, QCalendarWidget) or (parent is not None and isinstance(parent.parentWidget(), QCalendarWidget)):
            continue  # the calendar's own parts: the calendar has the name
        name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text().replace("&", "")
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(parent).__name__}")
    return missing


def test_every_interactive_widget_of_every_tab_and_dialog_has_a_name(qtbot, shown: MainWindow, tmp_path: Path):  # noqa: ANN001
    window = shown
    assert _unnamed(window) == []
    _open(qtbot, window, HOTEL)
    for index in range(window.tabs.count()):
        window.show_tab(index)
        QApplication.processEvents()
    window.charts.draw_now()
    assert _unnamed(window) == []
    with qtbot.wait_signal(window.effect_shown, timeout=20000) as blocker:
        window.show_shift_effect(0)
    assert _unnamed(blocker.args[0]) == []
    blocker.args[0].close()
    with qtbot.wait_signal(window.comparison_shown, timeout=20000) as blocker:
        window.compare_with_extra()
    assert _unnamed(blocker.args[0]) == []
    blocker.args[0].close()
    preferences = window.show_preferences()
    assert _unnamed(preferences) == []
    preferences.reject()
    window.document.undo_stack.setClean()
    wizard = window.new_plan()
    assert wizard is not None
    for _page in range(6):
        assert _unnamed(wizard) == [], wizard.currentId()
        wizard.next()
    wizard.reject()


def test_questions_wait_until_the_mistakes_are_corrected(qtbot, shown: MainWindow):  # noqa: ANN001
    window = shown
    _open(qtbot, window)
    plan = window.document.plan
    bad = plan.model_copy(update={"shifts": (plan.shifts[0].model_copy(update={"hours": Decimal(30)}), *plan.shifts[1:])})
    _results_after(qtbot, window, lambda: window.apply_edit(bad, "too long"))
    assert window.compare_with_extra() is None
    assert window.show_shift_effect(0) is None
    assert window.statusBar().currentMessage()
