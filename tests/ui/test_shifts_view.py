"""The shift editor: a view of a frozen plan that emits new plans, driven by the keyboard.

The window's undo stack is simulated: every ``edit_requested`` is handed back
through ``set_plan``, as the window does after pushing the step. The plans are
built here first, then the panel (model first, view second).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QDateEdit, QLineEdit, QTabBar, QWidget

import planner.i18n
from planner.i18n import get_language, translations
from planner.model import Plan, Shift
from planner.storage import load_plan
from ui.document import step_text
from ui.language import apply_language
from ui.pseudo_locale import pseudo_text, pseudo_translations
from ui.repeat_dialog import RepeatDialog
from ui.shifts_view import (
    CERTAINTY,
    COLUMNS,
    DATE,
    HOURS,
    JOB,
    START,
    FieldError,
    ShiftsPanel,
    ShiftTableModel,
    parse_hours,
    parse_start,
)

from .conftest import EXAMPLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def make_plan(shifts: list[dict[str, Any]] | None = None, *, jobs: list[dict[str, Any]] | None = None, months: int = 3) -> Plan:
    """A plan from January 2026 with a cleaning job (hourly) and a contract job (monthly), unless ``jobs`` is given."""
    if jobs is None:
        jobs = [
            {"id": "contract", "name": "Kantoor", "wage": "900", "wage_unit": "month"},
            {"id": "clean", "name": "Schoonmaak", "wage": "11.20"},
        ]
    return Plan.model_validate(
        {
            "schema_version": 2,
            "start": "2026-01",
            "months": months,
            "household": {"composition": "single", "claimant": {"birth_date": "1980-01-01"}},
            "jobs": jobs,
            "shifts": shifts or [],
        }
    )


#: Plan order differs from day order on purpose: index 0 is the latest day.
UNSORTED = [
    {"date": "2026-01-20", "hours": "6", "job": "clean", "certainty": "maybe"},
    {"date": "2026-01-05", "hours": "4", "job": "clean", "start": "09:00"},
    {"date": "2026-01-12", "hours": "3.5", "job": "clean"},
]


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp) -> Iterator[None]:  # noqa: ANN001 - pytest-qt fixture
    """Delete the widgets pytest-qt closed, so later language switches do not reach them."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def open_panel(qtbot, plan: Plan | None) -> ShiftsPanel:  # noqa: ANN001
    """The panel on ``plan``, shown and active, wired like the window's undo stack."""
    panel = ShiftsPanel(plan)
    qtbot.add_widget(panel)
    panel.edit_requested.connect(lambda new, _text: panel.set_plan(new))
    panel.resize(1000, 600)
    panel.show()
    qtbot.wait_exposed(panel)
    panel.activateWindow()
    qtbot.wait_until(panel.isActiveWindow)
    panel.table.setFocus()
    return panel


def view_rows(panel: ShiftsPanel) -> list[int]:
    """The plan index of each table row, top to bottom."""
    proxy = panel.proxy
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]


def go_to_row(qtbot, panel: ShiftsPanel, row: int, column: int = DATE) -> None:  # noqa: ANN001
    """Move the cursor (and the selection) to a table cell with the arrow keys."""
    table = panel.table
    if not table.currentIndex().isValid():
        qtbot.keyClick(table, Key.Key_Down)
    while table.currentIndex().row() != row:
        qtbot.keyClick(table, Key.Key_Down if table.currentIndex().row() < row else Key.Key_Up)
    while table.currentIndex().column() != column:
        qtbot.keyClick(table, Key.Key_Right if table.currentIndex().column() < column else Key.Key_Left)
    assert panel.selected_shift_indices() == [view_rows(panel)[row]]


# --- typed values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hours"),
    [("4", Decimal(4)), ("3,5", Decimal("3.5")), ("3.5", Decimal("3.5")), (" 24 ", Decimal(24)), ("0,25", Decimal("0.25"))],
)
def test_hours_are_read_as_decimal_with_comma_or_point(text: str, hours: Decimal) -> None:
    parsed = parse_hours(text)
    assert parsed == hours and isinstance(parsed, Decimal)


@pytest.mark.parametrize(
    ("text", "code"),
    [("0", "not_positive"), ("0,0", "not_positive"), ("24,5", "too_many"), ("30", "too_many"), ("abc", "not_a_number"),
     ("", "not_a_number"), ("1e3", "not_a_number"), ("3,5,1", "not_a_number"), ("-2", "not_a_number"), ("4 u", "not_a_number")],
)
def test_hours_that_cannot_be_a_shift_are_refused(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_hours(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "start"),
    [("", None), ("  ", None), ("9", time(9)), ("9:30", time(9, 30)), ("09.30", time(9, 30)), ("0930", time(9, 30)), ("23:59", time(23, 59))],
)
def test_start_times(text: str, start: time | None) -> None:
    assert parse_start(text) == start


@pytest.mark.parametrize("text", ["24:00", "9:60", "nine", "9:3", "12345"])
def test_bad_start_times_are_refused(text: str) -> None:
    with pytest.raises(FieldError):
        parse_start(text)


# --- the model -----------------------------------------------------------------------------------------


def test_the_model_rows_are_plan_indices_and_the_table_shows_them_by_day(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    assert panel.model.rowCount() == 3
    assert view_rows(panel) == [1, 2, 0]
    assert panel.selected_shift_index() == 1  # the first shift by day is current
    first = panel.proxy.index(0, DATE)
    assert "2026" in first.data() and "5" in first.data()
    assert panel.proxy.index(0, START).data() == "09:00"
    assert panel.proxy.index(1, START).data() == ""
    assert panel.proxy.index(1, HOURS).data() in ("3,5", "3.5")
    assert panel.proxy.index(0, JOB).data() == "Schoonmaak"
    assert panel.proxy.index(2, CERTAINTY).data() != panel.proxy.index(0, CERTAINTY).data()


def test_the_model_never_changes_the_plan_it_shows(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    model = ShiftTableModel(plan)
    with qtbot.wait_signal(model.edit_requested) as blocker:
        assert model.setData(model.index(0, HOURS), "7")
    new, name = blocker.args
    text = step_text(name)
    assert model.plan is plan and plan.shifts[0].hours == Decimal(6)
    assert new.shifts[0].hours == Decimal(7) and new.shifts[1:] == plan.shifts[1:]
    assert text


# --- adding --------------------------------------------------------------------------------------------


def test_insert_adds_a_shift_the_day_after_the_current_one_with_its_job_and_hours(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 1)  # 12 January, 3.5 hours
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(panel.table, Key.Key_Insert)
    new, name = blocker.args
    text = step_text(name)
    assert text
    assert len(new.shifts) == 4 and new.shifts[:3] == plan.shifts
    added = new.shifts[3]
    assert (added.date, added.hours, added.job) == (date(2026, 1, 13), Decimal("3.5"), "clean")
    assert panel.plan is new
    assert panel.selected_shift_index() == 3  # the new shift is selected
    assert panel.table.hasFocus()


def test_insert_without_a_selection_adds_on_the_first_weekday_with_the_first_hourly_job(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(jobs=[
        {"id": "contract", "name": "Kantoor", "wage": "900", "wage_unit": "month"},
        {"id": "clean", "name": "Schoonmaak", "wage": "11.20"},
    ]).model_copy(update={"start": "2026-02"})  # 1 February 2026 is a Sunday
    panel = open_panel(qtbot, plan)
    assert panel.selected_shift_index() is None
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(panel.table, Key.Key_Insert)
    (added,) = blocker.args[0].shifts
    assert (added.date, added.hours, added.job, added.start, added.certainty) == (date(2026, 2, 2), Decimal(4), "clean", None, "sure")


def test_without_jobs_add_and_repeat_are_off_and_a_line_says_to_add_a_job(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, make_plan(jobs=[]))
    assert not panel.add_action.isEnabled() and not panel.repeat_action.isEnabled()
    assert not panel.add_button.isEnabled() and not panel.add_on_day_button.isEnabled()
    assert panel.no_jobs_label.isVisible() and panel.no_jobs_label.text()
    with qtbot.assert_not_emitted(panel.edit_requested):
        qtbot.keyClick(panel.table, Key.Key_Insert)
    panel.set_plan(make_plan())
    assert panel.add_action.isEnabled() and not panel.no_jobs_label.isVisible()


# --- editing in place ----------------------------------------------------------------------------------


def _finish_editing(qtbot, panel: ShiftsPanel) -> None:  # noqa: ANN001
    """Enter commits the editor a moment later (Qt queues it): wait for the editor to close."""
    qtbot.wait_until(lambda: panel.table.state() != QAbstractItemView.State.EditingState)


def _edit_cell(qtbot, panel: ShiftsPanel, text: str) -> None:  # noqa: ANN001
    """F2, select all, type ``text``, Enter: as a user edits the current cell."""
    qtbot.keyClick(panel.table, Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit | QComboBox), editor
    qtbot.keyClick(editor, Key.Key_A, CTRL)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Key.Key_Delete)
    qtbot.keyClick(editor, Key.Key_Return)
    _finish_editing(qtbot, panel)


@pytest.mark.parametrize(("typed", "hours"), [("7", Decimal(7)), ("5,5", Decimal("5.5")), ("2.25", Decimal("2.25"))])
def test_hours_are_edited_in_place_and_kept_as_decimal(qtbot, typed: str, hours: Decimal) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 2, HOURS)  # the last row by day: plan index 0
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        _edit_cell(qtbot, panel, typed)
    new, name = blocker.args
    text = step_text(name)
    assert new.shifts[0].hours == hours and isinstance(new.shifts[0].hours, Decimal)
    assert new.shifts[1:] == plan.shifts[1:]
    assert text
    assert panel.selected_shift_index() == 0
    assert panel.table.hasFocus()
    assert panel.message_text() == ""


@pytest.mark.parametrize("typed", ["30", "0", "abc", "24,5"])
def test_bad_hours_are_refused_with_a_message_under_the_table(qtbot, typed: str) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 0, HOURS)
    with qtbot.assert_not_emitted(panel.edit_requested):
        _edit_cell(qtbot, panel, typed)
    assert panel.plan is plan
    assert panel.message.isVisible() and panel.message_text()
    assert panel.message.accessibleName()
    # A good value afterwards clears the message.
    with qtbot.wait_signal(panel.edit_requested):
        _edit_cell(qtbot, panel, "5")
    assert not panel.message.isVisible()


def test_the_other_cells_are_edited_through_their_editors(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 0, JOB)  # 5 January, plan index 1
    qtbot.keyClick(panel.table, Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.currentData() == "clean"
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        combo.setCurrentIndex(combo.findData("contract"))
        qtbot.keyClick(combo, Key.Key_Return)
    assert blocker.args[0].shifts[1].job == "contract"

    go_to_row(qtbot, panel, 0, START)
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        _edit_cell(qtbot, panel, "7:15")  # typed into the editable start-time list
    assert blocker.args[0].shifts[1].start == time(7, 15)

    go_to_row(qtbot, panel, 0, CERTAINTY)
    qtbot.keyClick(panel.table, Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        combo.setCurrentIndex(combo.findData("extra"))
        qtbot.keyClick(combo, Key.Key_Return)
    assert blocker.args[0].shifts[1].certainty == "extra"

    go_to_row(qtbot, panel, 0, DATE)
    qtbot.keyClick(panel.table, Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QDateEdit)
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        editor.setDate(QDate(2026, 2, 27))
        qtbot.keyClick(editor, Key.Key_Return)
    assert blocker.args[0].shifts[1].date == date(2026, 2, 27)
    # 27 February is now the latest day: the table shows it last, and it stays the current shift.
    assert view_rows(panel)[-1] == 1 and panel.selected_shift_index() == 1


def test_clearing_the_start_time_means_no_start_time(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, make_plan(UNSORTED))
    go_to_row(qtbot, panel, 0, START)
    assert panel.proxy.index(0, START).data() == "09:00"
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        _edit_cell(qtbot, panel, "")
    assert blocker.args[0].shifts[1].start is None


def test_a_bad_start_time_is_refused(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 0, START)
    with qtbot.assert_not_emitted(panel.edit_requested):
        _edit_cell(qtbot, panel, "25:00")
    assert panel.plan is plan and panel.message_text()


# --- duplicate, delete, what does it add --------------------------------------------------------------


def test_ctrl_d_duplicates_the_shift_one_week_later(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 0)  # 5 January 09:00, plan index 1
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(panel.table, Key.Key_D, CTRL)
    new, name = blocker.args
    text = step_text(name)
    assert text and new.shifts[:3] == plan.shifts
    assert new.shifts[3] == plan.shifts[1].model_copy(update={"date": date(2026, 1, 12)})
    assert panel.selected_shift_index() == 3


def test_duplicate_after_the_plan_is_refused_with_a_message(qtbot) -> None:  # noqa: ANN001
    plan = make_plan([{"date": "2026-03-30", "hours": "4", "job": "clean"}])
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 0)
    with qtbot.assert_not_emitted(panel.edit_requested):
        qtbot.keyClick(panel.table, Key.Key_D, CTRL)
    assert panel.message.isVisible() and panel.message_text()


def test_delete_removes_every_selected_shift_and_keeps_the_cursor_in_place(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 0)
    qtbot.keyClick(panel.table, Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # 5 and 12 January
    assert panel.selected_shift_indices() == [1, 2]
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(panel.table, Key.Key_Delete)
    new, name = blocker.args
    text = step_text(name)
    assert new.shifts == (plan.shifts[0],)
    assert text
    assert panel.selected_shift_index() == 0 and panel.table.hasFocus()


def test_undo_of_an_add_goes_back_to_the_shift_it_was_added_after(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    go_to_row(qtbot, panel, 2)  # 20 January: plan index 0
    qtbot.keyClick(panel.table, Key.Key_Insert)
    assert panel.selected_shift_index() == 3
    panel.set_plan(plan)  # what the window does on Ctrl+Z
    # The row the add was made from, not the shift with the highest plan index still there (12 January).
    assert panel.selected_shift_index() == 0 and panel.table.currentIndex().row() == 2
    assert panel.table.hasFocus()


def test_effect_requested_carries_the_plan_index_of_the_current_row(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    for row, expected in ((0, 1), (1, 2), (2, 0)):
        go_to_row(qtbot, panel, row)
        with qtbot.wait_signal(panel.effect_requested) as blocker:
            qtbot.keyClick(panel.table, Key.Key_E, CTRL)
        assert blocker.args == [[expected]]
        assert panel.selected_shift_index() == expected
    # Sorted by hours, newest order: the row under the cursor still gives its own plan index.
    panel.table.sortByColumn(HOURS, Qt.SortOrder.DescendingOrder)
    assert view_rows(panel) == [0, 1, 2]
    go_to_row(qtbot, panel, 2)
    with qtbot.wait_signal(panel.effect_requested) as blocker:
        panel.effect_button.click()
    assert blocker.args == [[2]]


# --- repeat ----------------------------------------------------------------------------------------------


def _tuesdays_and_thursdays(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.isoweekday() in (2, 4):  # Tuesday, Thursday
            days.append(day)
        day += timedelta(days=1)
    return days


def _open_repeat(qtbot, panel: ShiftsPanel) -> RepeatDialog:  # noqa: ANN001
    qtbot.keyClick(panel.table, Key.Key_R, CTRL)
    dialog = panel.repeat_dialog
    assert isinstance(dialog, RepeatDialog)
    qtbot.wait_exposed(dialog)
    qtbot.wait_until(lambda: QApplication.focusWidget() is dialog.day_boxes[0])
    return dialog


def _tab(qtbot, dialog: RepeatDialog, times: int = 1) -> QWidget:  # noqa: ANN001
    for _n in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
    return QApplication.focusWidget()


def _mnemonic(text: str) -> Qt.Key:
    """The key that goes with Alt in a label's text: the character after a single ``&`` ("&&" is a plain "&")."""
    match = re.search(r"(?<!&)(?:&&)*&([^&])", text)
    assert match, f"no mnemonic in {text!r}"
    return Key(ord(match.group(1).upper()))


def test_every_tuesday_and_thursday_4_hours_until_31_march_by_keyboard_alone(qtbot) -> None:  # noqa: ANN001
    plan = make_plan()
    panel = open_panel(qtbot, plan)
    dialog = _open_repeat(qtbot, panel)
    assert dialog.first.date() == QDate(2026, 1, 1)  # the plan's first weekday (no shift is selected)
    monday = QApplication.focusWidget()
    assert monday is dialog.day_boxes[0]
    qtbot.keyClick(_tab(qtbot, dialog), Key.Key_Space)  # Tuesday
    qtbot.keyClick(_tab(qtbot, dialog, 2), Key.Key_Space)  # Thursday
    hours = _tab(qtbot, dialog, 4)
    assert hours is dialog.hours
    qtbot.keyClick(hours, Key.Key_A, CTRL)
    qtbot.keyClicks(hours, "4")
    assert _tab(qtbot, dialog) is dialog.start_check  # its time box is off, so Tab skips it
    assert _tab(qtbot, dialog) is dialog.job
    # The mnemonic of "&Until:" in the current language (Dutch: "Tot en &met:").
    qtbot.keyClick(dialog.job, _mnemonic(dialog.until_label.text()), Qt.KeyboardModifier.AltModifier)
    until = QApplication.focusWidget()
    assert until is dialog.until, until
    qtbot.keyClicks(until, "31032026")
    assert dialog.until.date() == QDate(2026, 3, 31)
    assert dialog.weekdays() == [2, 4]
    expected = _tuesdays_and_thursdays(date(2026, 1, 1), date(2026, 3, 31))
    assert len(expected) == 26
    assert str(len(expected)) in dialog.preview.text()
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(until, Key.Key_Return)
    new, name = blocker.args
    text = step_text(name)
    assert [s.date for s in new.shifts] == expected
    assert {(s.hours, s.job, s.start, s.certainty) for s in new.shifts} == {(Decimal(4), "clean", None, "sure")}
    assert "26" in text
    assert panel.selected_shift_indices() == list(range(26))
    assert panel.repeat_dialog is None


def test_repeat_skips_days_that_already_have_a_shift_for_the_job(qtbot) -> None:  # noqa: ANN001
    plan = load_plan(EXAMPLE)  # Tuesday and Thursday shifts in January and February
    panel = open_panel(qtbot, plan)
    dialog = _open_repeat(qtbot, panel)
    for n in (1, 3):
        dialog.day_boxes[n].setChecked(True)
    dialog.first.setDate(QDate(2026, 1, 1))
    dialog.until.setDate(QDate(2026, 3, 31))
    taken = {s.date for s in plan.shifts}
    expected = [d for d in _tuesdays_and_thursdays(date(2026, 1, 1), date(2026, 3, 31)) if d not in taken]
    assert len(expected) == 26 - 6
    assert [s.date for s in dialog.shifts()] == expected
    assert "20" in dialog.preview.text() and "6" in dialog.preview.text()
    # For another job no day is taken.
    other = plan.model_copy(update={"jobs": (*plan.jobs, plan.jobs[0].model_copy(update={"id": "other"}))})
    dialog2 = RepeatDialog(other, other.shifts[0].model_copy(update={"job": "other"}), date(2026, 1, 1))
    qtbot.add_widget(dialog2)
    for n in (1, 3):
        dialog2.day_boxes[n].setChecked(True)
    dialog2.until.setDate(QDate(2026, 3, 31))
    assert len(dialog2.shifts()) == 26


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        ("no_days", "day"),
        ("until_before", "before"),
        ("bad_hours", "hours"),
    ],
)
def test_repeat_says_why_it_cannot_add_and_ok_is_off(qtbot, setup: str, fragment: str) -> None:  # noqa: ANN001
    apply_language("en")
    plan = make_plan()
    dialog = RepeatDialog(plan, Shift(date=date(2026, 1, 5), hours=Decimal(4), job="clean"), date(2026, 1, 5))
    qtbot.add_widget(dialog)
    if setup != "no_days":
        dialog.day_boxes[0].setChecked(True)
    if setup == "until_before":
        dialog.first.setDate(QDate(2026, 2, 10))
        dialog.until.setDate(QDate(2026, 2, 1))
    if setup == "bad_hours":
        dialog.hours.setText("25")
    assert dialog.shifts() == ()
    assert fragment in dialog.preview.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.result() == 0


def test_every_two_weeks_counts_from_the_week_of_the_first_day(qtbot) -> None:  # noqa: ANN001
    plan = make_plan()
    dialog = RepeatDialog(plan, Shift(date=date(2026, 1, 5), hours=Decimal(4), job="clean"), date(2026, 1, 5))
    qtbot.add_widget(dialog)
    dialog.day_boxes[0].setChecked(True)
    dialog.until.setDate(QDate(2026, 2, 28))
    dialog.every.setCurrentIndex(1)
    assert [s.date for s in dialog.shifts()] == [date(2026, 1, 5), date(2026, 1, 19), date(2026, 2, 2), date(2026, 2, 16)]


# --- the calendar -----------------------------------------------------------------------------------------


def test_the_calendar_paints_the_hours_of_a_day_and_marks_unsure_and_extra_hours(qtbot) -> None:  # noqa: ANN001
    apply_language("en")
    plan = make_plan([
        *UNSORTED,
        {"date": "2026-01-05", "hours": "2", "job": "clean", "certainty": "extra"},
    ])
    panel = open_panel(qtbot, plan)
    calendar = panel.calendar
    assert [(m.text, m.kind) for m in calendar.day_marks(date(2026, 1, 12))] == [("3.5 h", "sure")]
    assert [(m.text, m.kind) for m in calendar.day_marks(date(2026, 1, 20))] == [("6 h?", "unsure")]
    assert [(m.text, m.kind) for m in calendar.day_marks(date(2026, 1, 5))] == [("4 h", "sure"), ("+2 h", "extra")]
    assert calendar.day_marks(date(2026, 1, 6)) == []
    assert calendar.minimumDate() == QDate(2026, 1, 1) and calendar.maximumDate() == QDate(2026, 3, 31)


def test_the_marks_are_painted_on_the_calendar(qtbot) -> None:  # noqa: ANN001
    empty = make_plan()
    panel = open_panel(qtbot, empty)
    panel.tabs.setCurrentIndex(panel.CALENDAR_PAGE)
    panel.calendar.select_day(date(2026, 1, 1))
    before = panel.calendar.grab().toImage()
    panel.set_plan(make_plan(UNSORTED))
    after = panel.calendar.grab().toImage()
    assert before.size() == after.size() and before != after


def test_the_selected_day_lists_its_shifts_and_add_on_this_day_adds_there(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    panel.tabs.setCurrentIndex(panel.CALENDAR_PAGE)
    panel.calendar.select_day(date(2026, 1, 20))
    assert "Schoonmaak" in panel.day_list.text()
    assert "Schoonmaak" in panel.calendar.accessibleDescription()
    panel.calendar.select_day(date(2026, 1, 21))
    assert "Schoonmaak" not in panel.day_list.text()
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        panel.add_on_day_button.click()
    assert blocker.args[0].shifts[-1].date == date(2026, 1, 21)
    assert "Schoonmaak" in panel.day_list.text()


def test_enter_on_a_calendar_day_adds_a_shift_or_shows_the_shifts_of_that_day(qtbot) -> None:  # noqa: ANN001
    plan = make_plan(UNSORTED)
    panel = open_panel(qtbot, plan)
    panel.tabs.setCurrentIndex(panel.CALENDAR_PAGE)
    view = panel.calendar.findChild(QWidget, "qt_calendar_calendarview")
    panel.calendar.select_day(date(2026, 1, 22))
    view.setFocus()
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(view, Key.Key_Return)
    assert blocker.args[0].shifts[-1].date == date(2026, 1, 22)
    with qtbot.wait_signal(panel.edit_requested) as blocker:
        qtbot.keyClick(view, Key.Key_Insert)  # Insert on the calendar adds on the selected day too
    assert blocker.args[0].shifts[-1].date == date(2026, 1, 22)
    panel.calendar.select_day(date(2026, 1, 12))
    with qtbot.assert_not_emitted(panel.edit_requested):
        qtbot.keyClick(view, Key.Key_Return)
    assert panel.tabs.currentIndex() == panel.LIST_PAGE
    assert panel.selected_shift_index() == 2 and panel.table.hasFocus()


# --- accessibility and language --------------------------------------------------------------------------


def _focusable(root: QWidget) -> list[QWidget]:
    """Widgets that can take the focus; not the text line inside a spin or date box, which is part of that box."""
    return [
        w for w in root.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.isWindow() and not isinstance(w.parent(), QAbstractSpinBox)
    ]


def test_every_focusable_widget_has_an_accessible_name(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, load_plan(EXAMPLE))
    widgets = _focusable(panel)
    assert len(widgets) >= 10
    nameless = [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if not w.accessibleName().strip()]
    assert nameless == []
    for button in (panel.add_button, panel.duplicate_button, panel.repeat_button, panel.delete_button, panel.effect_button,
                   panel.add_on_day_button):
        assert button.toolTip().strip()


def test_every_focusable_widget_of_the_repeat_dialog_has_an_accessible_name(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, load_plan(EXAMPLE))
    dialog = _open_repeat(qtbot, panel)
    widgets = [w for w in _focusable(dialog) if w.isVisible()]
    assert len(widgets) >= 15
    nameless = [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if not w.accessibleName().strip()]
    assert nameless == []
    for label in (dialog.hours_label, dialog.job_label, dialog.certainty_label, dialog.first_label, dialog.until_label, dialog.every_label):
        assert "&" in label.text() and label.buddy() is not None


def test_switching_to_english_renders_headers_days_and_labels_again(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, make_plan(UNSORTED))
    panel.tabs.setCurrentIndex(panel.CALENDAR_PAGE)
    panel.calendar.select_day(date(2026, 1, 5))
    day_nl = panel.proxy.index(0, DATE).data()
    title_nl = panel.day_title.text()
    apply_language("en")
    assert get_language() == "en"
    qtbot.wait_until(lambda: panel.day_title.text() == "Monday 5 January 2026")  # LanguageChange is posted
    headers = [panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers == ["Day", "Start", "Hours", "Job", "How sure"]
    assert panel.tabs.tabText(0) == "List" and panel.tabs.tabText(1) == "Calendar"
    assert day_nl == "ma 5 jan 2026" and panel.proxy.index(0, DATE).data() == "Mon 5 Jan 2026"
    assert title_nl == "maandag 5 januari 2026" and panel.day_title.text() == "Monday 5 January 2026"
    assert panel.add_button.accessibleName() == "Add a shift"


def test_retranslate_re_reads_every_text_from_the_catalog(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """With every text made longer by the pseudo catalog, a language switch shows the new texts everywhere."""
    panel = open_panel(qtbot, make_plan(UNSORTED))
    # The tab bar's scroll arrows are named by Qt's own catalog, not ours.
    ours = [w for w in _focusable(panel) if not isinstance(w.parent(), QTabBar)]
    before = {w: (w.accessibleName(), w.toolTip()) for w in ours}
    header_before = panel.proxy.headerData(HOURS, Qt.Orientation.Horizontal)
    nl, en = translations("nl"), translations("en")
    assert header_before == nl.gettext("Hours") != en.gettext("Hours")
    monkeypatch.setattr(planner.i18n, "translations", pseudo_translations("en"))
    apply_language("en")
    assert panel.proxy.headerData(HOURS, Qt.Orientation.Horizontal) == pseudo_text(en.gettext("Hours"))
    # LanguageChange is posted
    qtbot.wait_until(lambda: panel.tabs.tabText(1) == pseudo_text(en.gettext("Calendar")))
    changed = [w for w, (name, tip) in before.items() if w.accessibleName() != name and (not tip or w.toolTip() != tip)]
    assert set(changed) == set(before)


# --- column widths -----------------------------------------------------------------------------------


def test_columns_fit_a_new_plan_and_keep_a_width_the_user_chose(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, make_plan(UNSORTED))
    table, header = panel.table, panel.table.horizontalHeader()
    job = next(i for i, c in enumerate(COLUMNS) if c.key == "job")
    assert header.sectionSize(job) >= table.sizeHintForColumn(job), "fitted to the job names"
    header.resizeSection(job, header.sectionSize(job) + 80)  # the user drags the column wider
    wide = header.sectionSize(job)
    plan = panel.plan
    edited = plan.shifts[1].model_copy(update={"hours": Decimal(5)})
    panel.set_plan(plan.model_copy(update={"shifts": (plan.shifts[0], edited, plan.shifts[2])}))  # an edit: same rows
    assert header.sectionSize(job) == wide, "an edit of one value does not undo the user's width"
    longer = make_plan(UNSORTED, jobs=[{"id": "clean", "name": "Schoonmaak in het ziekenhuis aan de overkant", "wage": "11.20"}])
    panel.set_plan(longer)  # other job names: fitted again
    assert header.sectionSize(job) >= table.sizeHintForColumn(job) > wide - 80


def test_columns_are_fitted_when_a_hidden_table_is_shown(qtbot) -> None:  # noqa: ANN001
    panel = open_panel(qtbot, make_plan(UNSORTED))
    panel.tabs.setCurrentIndex(panel.CALENDAR_PAGE)
    longer = make_plan(UNSORTED, jobs=[{"id": "clean", "name": "Schoonmaak in het ziekenhuis aan de overkant", "wage": "11.20"}])
    panel.set_plan(longer)
    job = next(i for i, c in enumerate(COLUMNS) if c.key == "job")
    panel.tabs.setCurrentIndex(panel.LIST_PAGE)
    assert panel.table.horizontalHeader().sectionSize(job) >= panel.table.sizeHintForColumn(job)
