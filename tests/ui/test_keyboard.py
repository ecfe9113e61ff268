"""The keyboard-only path through the window: the keys are pressed, the focus is checked after each step."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QApplication, QMessageBox, QWidget

from ui.main_window import MainWindow
from ui.month_cards import AmountButton
from ui.shifts_view import DATE, HOURS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"
Key = Qt.Key


@pytest.fixture
def hotel(qtbot, window: MainWindow) -> MainWindow:  # noqa: ANN001
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(HOTEL)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    return window


def keys(qtbot, window: MainWindow, sequence: str | QKeySequence) -> None:  # noqa: ANN001
    """Press keys where the keyboard focus is, as a user does."""
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence(sequence))


def key(qtbot, window: MainWindow, k: Qt.Key) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget() or window, k)


def results_of_this_plan(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    qtbot.wait_until(lambda: window.overview is not None and window.overview.plan == window.document.plan, timeout=20000)
    qtbot.wait(50)  # what the results set off on screen (cards, charts) has run


def shifts_on_screen(window: MainWindow) -> int:
    return window.shifts.proxy.rowCount()


def current_row(window: MainWindow) -> int:
    return window.shifts.table.currentIndex().row()


def test_ctrl_2_puts_the_keyboard_in_the_shift_list_and_insert_adds_at_once(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    assert QApplication.focusWidget() is window.shifts.table
    before = len(window.document.plan.shifts)
    key(qtbot, window, Key.Key_Insert)
    assert len(window.document.plan.shifts) == before + 1


@pytest.mark.parametrize("where", ["tab title", "payslips", "shift buttons"])
def test_insert_and_ctrl_e_work_anywhere_on_the_shifts_tab(qtbot, hotel: MainWindow, where: str) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    target: QWidget = {
        "tab title": window.tabs.tabBar(),
        "payslips": window.payslips.add_button,
        "shift buttons": window.shifts.repeat_button,
    }[where]
    target.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is target
    before = len(window.document.plan.shifts)
    key(qtbot, window, Key.Key_Insert)
    assert len(window.document.plan.shifts) == before + 1
    with qtbot.wait_signal(window.effect_shown, timeout=20000):
        target.setFocus(Qt.FocusReason.TabFocusReason)
        keys(qtbot, window, "Ctrl+E")
    for dialog in list(window.dialogs):
        dialog.close()


def test_insert_on_another_tab_adds_no_shift(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    keys(qtbot, window, "Ctrl+3")
    window.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    before = len(window.document.plan.shifts)
    key(qtbot, window, Key.Key_Insert)
    assert len(window.document.plan.shifts) == before


def test_focus_stays_on_the_edited_row_after_an_edit_and_after_undo_and_redo(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    table = window.shifts.table
    for _ in range(5):
        key(qtbot, window, Key.Key_Down)
    key(qtbot, window, Key.Key_Right)
    key(qtbot, window, Key.Key_Right)  # the hours column
    assert table.currentIndex().column() == HOURS
    row = current_row(window)
    index = window.shifts.selected_shift_index()
    old_hours = window.document.plan.shifts[index].hours
    new_hours = "7" if str(old_hours) != "7" else "6"
    key(qtbot, window, Key.Key_F2)  # edit the cell, select what is in it, type, Enter
    editor = QApplication.focusWidget()
    assert editor is not table
    qtbot.keyClick(editor, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, new_hours)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.wait_until(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert str(window.document.plan.shifts[index].hours) == new_hours
    results_of_this_plan(qtbot, window)  # the results come in the background; they must not take the focus
    assert QApplication.focusWidget() is table and current_row(window) == row

    keys(qtbot, window, "Ctrl+Z")
    assert window.document.plan.shifts[index].hours == old_hours
    results_of_this_plan(qtbot, window)
    assert QApplication.focusWidget() is table
    assert current_row(window) == row and window.shifts.selected_shift_index() == index

    keys(qtbot, window, "Ctrl+Y")
    assert str(window.document.plan.shifts[index].hours) == new_hours
    results_of_this_plan(qtbot, window)
    assert QApplication.focusWidget() is table and current_row(window) == row


def test_undo_of_an_add_goes_back_to_the_row_it_was_added_after_not_the_last_row(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    for _ in range(3):
        key(qtbot, window, Key.Key_Down)
    row = current_row(window)
    assert row < shifts_on_screen(window) - 2
    key(qtbot, window, Key.Key_Insert)
    results_of_this_plan(qtbot, window)
    assert current_row(window) == row + 1  # the new shift, the day after
    keys(qtbot, window, "Ctrl+Z")
    results_of_this_plan(qtbot, window)
    assert current_row(window) == row
    assert QApplication.focusWidget() is window.shifts.table
    keys(qtbot, window, "Ctrl+Shift+Z")
    results_of_this_plan(qtbot, window)
    assert current_row(window) == row + 1
    assert window.shifts.table.currentIndex().column() in range(DATE, HOURS + 3)


def test_undo_of_a_delete_selects_the_shifts_that_came_back(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    for _ in range(10):
        key(qtbot, window, Key.Key_Down)
    row = current_row(window)
    gone = window.document.plan.shifts[window.shifts.selected_shift_index()]
    key(qtbot, window, Key.Key_Delete)
    assert gone not in window.document.plan.shifts
    keys(qtbot, window, "Ctrl+Z")
    assert window.shifts.selected_shift_indices() == [window.document.plan.shifts.index(gone)]
    assert current_row(window) == row
    assert QApplication.focusWidget() is window.shifts.table


def test_a_shortcut_jumps_to_the_first_amount_of_the_results(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel
    keys(qtbot, window, "Ctrl+2")
    keys(qtbot, window, window.results_action.shortcut())
    assert window.tabs.currentWidget() is window.cards
    focused = QApplication.focusWidget()
    assert isinstance(focused, AmountButton)
    assert focused is window.cards.buttons()[0]


@pytest.mark.parametrize(("lang", "texts"), [("nl", ["Op&slaan", "&Niet opslaan", "&Annuleren"]),
                                             ("en", ["&Save", "&Don't save", "&Cancel"])])
def test_the_save_question_has_plain_buttons_each_with_its_own_alt_letter(qtbot, hotel: MainWindow, lang: str,
                                                                          texts: list[str]) -> None:  # noqa: ANN001
    window = hotel
    window.set_language(lang)
    del window.ask_save_changes  # the real question, not the fixture's answer
    keys(qtbot, window, "Ctrl+2")
    key(qtbot, window, Key.Key_Insert)  # a change that is not saved
    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append([b.text() for b in box.buttons()])
        discard = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        letter = discard.text()[discard.text().index("&") + 1]
        box.activateWindow()
        qtbot.wait_until(lambda: QApplication.activeWindow() is box, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget() or box, getattr(Key, f"Key_{letter.upper()}"),
                       Qt.KeyboardModifier.AltModifier)
        # Not answered by the letter: end the question after a while, so the test fails instead of hanging.
        QTimer.singleShot(3000, lambda: shiboken6.isValid(box) and box.isVisible() and box.reject())

    QTimer.singleShot(20, answer)
    keys(qtbot, window, "Ctrl+Q")
    qtbot.wait_until(lambda: not window.isVisible(), timeout=5000)
    assert sorted(seen[0]) == sorted(texts)
    assert len({t[t.index("&") + 1].lower() for t in seen[0]}) == 3


@pytest.mark.parametrize("where", ["tab title", "notes button", "shift list", "add button"])
def test_a_ring_shows_where_the_keyboard_is(qtbot, hotel: MainWindow, where: str) -> None:  # noqa: ANN001
    from ui.focus_ring import FocusRing

    window = hotel
    keys(qtbot, window, "Ctrl+2" if where in ("shift list", "add button") else "Ctrl+1")
    target = {"tab title": window.tabs.tabBar(), "notes button": window.banner.toggle,
              "shift list": window.shifts.table, "add button": window.shifts.add_button}[where]
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait_until(lambda: QApplication.focusWidget() is target)
    ring = window.findChild(FocusRing)
    assert ring is not None and ring.isVisible() and ring.target is target
    where_it_is = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
    # What can be seen of it: a scroll area (the Shifts tab in a small window) shows only part of what it holds.
    for area in window.findChildren(QAbstractScrollArea):
        viewport = area.viewport()
        if viewport.isAncestorOf(target):
            where_it_is = where_it_is.intersected(QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size()))
    assert ring.geometry().contains(where_it_is.intersected(window.rect()))
    image = window.grab().toImage()  # the ring's colour is on screen just outside the widget
    corner = ring.geometry().topLeft() + QPoint(1, ring.geometry().height() // 2)
    assert image.pixelColor(corner).name().lower() == "#0072b2"
