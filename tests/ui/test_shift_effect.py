"""ui.shift_effect: "What does this shift add?" shows the planner's effect of one shift, its total and when, in either language.

The effect is computed first (``planner.scenarios.shift_effect`` on the example
plan), then the dialog is built from it, as the lead's worker does.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from planner.i18n import format_day, format_money, format_month, format_number, translations
from planner.model import Plan, Shift
from planner.rules import load_rules
from planner.scenarios import ShiftEffect, shift_effect
from planner.storage import load_plan
from ui.compare_view import DOWN_ARROW, UP_ARROW, change_colour
from ui.language import apply_language
from ui.shift_effect import COLUMNS, ShiftEffectDialog

from .conftest import EXAMPLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

D = Decimal


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):  # noqa: ANN001, ANN202 - pytest-qt fixture
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(EXAMPLE)


@pytest.fixture(scope="module")
def effects(plan: Plan) -> list[ShiftEffect]:
    return shift_effect(plan, 0, load_rules())


@pytest.fixture
def dialog(qtbot, plan: Plan, effects: list[ShiftEffect]) -> ShiftEffectDialog:  # noqa: ANN001
    d = ShiftEffectDialog(plan.shifts[0], plan.jobs[0].name, effects)
    qtbot.add_widget(d)
    d.show()
    qtbot.wait_exposed(d)
    return d


def _value(d: ShiftEffectDialog, row: int, col: int) -> Decimal:
    return Decimal(d.table.item(row, col).data(Qt.ItemDataRole.UserRole))


def test_the_headline_gives_the_total_net_effect(dialog: ShiftEffectDialog, plan: Plan, effects: list[ShiftEffect]):
    total = sum((e.net for e in effects), D(0))
    assert total > 0  # worth testing: the first shift of the example brings money in the end
    text = dialog.headline.text()
    assert format_money(total) in text
    assert format_day(plan.shifts[0].date) in text
    assert plan.jobs[0].name in text
    # The UI is in Dutch: the sentence is the Dutch catalog's, for 4 hours and a total that brings money.
    english = "This shift of {hours} hours at {job} on {date} brings you {net} in total, after what is taken back."
    dutch = translations("nl").ngettext(
        "This shift of {hours} hour at {job} on {date} brings you {net} in total, after what is taken back.",
        english, 4)
    assert dutch != english
    assert text == dutch.format(hours="4", job=plan.jobs[0].name, date=format_day(plan.shifts[0].date),
                                net=format_money(total))
    assert dialog.accessibleDescription() == text


def test_the_table_shows_the_months_that_change_and_the_total(dialog: ShiftEffectDialog, effects: list[ShiftEffect]):
    changed = [e for e in effects if e.money_in or e.settlement_out or e.net]
    assert 0 < len(changed) < len(effects)
    table = dialog.table
    assert table.rowCount() == len(changed) + 1
    assert table.columnCount() == len(COLUMNS)
    for r, e in enumerate(changed):
        assert table.item(r, 0).text() == format_month(*e.month)
        assert _value(dialog, r, 1) == e.money_in
        assert _value(dialog, r, 2) == e.settlement_out
        assert _value(dialog, r, 3) == e.net
        arrow = UP_ARROW if e.net > 0 else DOWN_ARROW
        assert table.item(r, 3).text().startswith(arrow)
    last = len(changed)
    assert _value(dialog, last, 1) == sum((e.money_in for e in effects), D(0))
    assert _value(dialog, last, 3) == sum((e.net for e in effects), D(0))
    assert table.item(last, 3).font().bold()


def test_it_says_when_it_brings_and_when_it_costs(dialog: ShiftEffectDialog, effects: list[ShiftEffect]):
    text = dialog.when.text()
    for e in effects:
        if e.net:
            assert format_month(*e.month) in text
    assert "vrijlating" in dialog.why.text()


def _shift(hours: str = "3", certainty: str = "sure") -> Shift:
    return Shift.model_validate({"date": "2026-03-10", "hours": hours, "job": "x", "certainty": certainty})


def test_a_shift_that_costs_money(qtbot):  # noqa: ANN001
    apply_language("en")  # about the wording, and the singular "hour": English tells it apart from the plural
    effects = [ShiftEffect((2026, 3), D("40.00"), D("0"), D("40.00")),
               ShiftEffect((2026, 5), D("0"), D("55.50"), D("-55.50"))]
    d = ShiftEffectDialog(_shift("1"), "Café", effects)
    qtbot.add_widget(d)
    assert "costs you" in d.headline.text() and format_money(D("15.50")) in d.headline.text()
    assert "1 hour " in d.headline.text()
    # Taken back is worse for you: an increase has the "worse" colour, and a screen reader hears "more taken back".
    item = d.table.item(1, 2)
    assert item.text().startswith(UP_ARROW)
    assert "more taken back" in item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert item.foreground().color() == d.table.item(1, 3).foreground().color()


def test_an_extra_shift_and_no_effect(qtbot):  # noqa: ANN001
    apply_language("en")  # about the wording
    d = ShiftEffectDialog(_shift("2.5", "extra"), "Café", [ShiftEffect((2026, 3), D(0), D(0), D(0))])
    qtbot.add_widget(d)
    assert "nothing" in d.headline.text()
    assert "extra shift" in d.why.text()
    assert d.table.rowCount() == 1  # only the total


def _focusable(top: QWidget) -> list[QWidget]:
    return [w for w in [top, *top.findChildren(QWidget)]
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(top) and w.focusProxy() is None]


def test_names_and_keyboard(qtbot, dialog: ShiftEffectDialog):  # noqa: ANN001
    widgets = _focusable(dialog)
    assert dialog.table in widgets and dialog.headline in widgets
    for widget in widgets:
        assert widget.accessibleName(), widget
    assert dialog.accessibleName()
    dialog.table.setCurrentCell(0, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_english(qtbot, dialog: ShiftEffectDialog, plan: Plan, effects: list[ShiftEffect]):  # noqa: ANN001
    apply_language("en")
    qtbot.wait_until(lambda: "January" in dialog.headline.text(), timeout=5000)
    total = sum((e.net for e in effects), D(0))
    assert dialog.headline.text() == (f"This shift of 4 hours at {plan.jobs[0].name} on 6 January 2026 brings you "
                                      f"{format_money(total, 'en')} in total, after what is taken back.")
    assert dialog.windowTitle().startswith("What does this shift add?")
    assert dialog.table.horizontalHeaderItem(3).text() == "Net effect"
    assert dialog.table.item(0, 0).text() == "January 2026"


def test_colours_follow_the_meaning_and_words_say_it_too(qtbot):  # noqa: ANN001
    """More money in is better, more taken back is worse, less taken back is better; the legend says it in words."""
    apply_language("en")
    effects = [ShiftEffect((2026, 3), D("40.00"), D("10.00"), D("30.00")),
               ShiftEffect((2026, 4), D("-5.00"), D("-20.00"), D("15.00"))]
    d = ShiftEffectDialog(_shift(), "Café", effects)
    qtbot.add_widget(d)
    palette = d.table.palette()
    better, worse = change_colour(palette, True), change_colour(palette, False)
    assert better != worse
    assert d.table.item(0, 1).foreground().color() == better  # more money in
    assert d.table.item(0, 2).foreground().color() == worse  # more taken back
    assert d.table.item(1, 1).foreground().color() == worse  # less money in
    assert d.table.item(1, 2).foreground().color() == better  # less taken back
    assert d.table.item(1, 2).text().startswith(DOWN_ARROW)
    assert "less taken back" in d.table.item(1, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    legend = d.legend.text()
    assert UP_ARROW in legend and DOWN_ARROW in legend and "less taken back" in legend and "more taken back" in legend
    # The parts under the headline: the money in and what is taken back, in words.
    assert d.parts.text() == (f"That is: {format_money(D('35.00'), 'en')} more money in. "
                              f"{format_money(D('10.00'), 'en')} less taken back.")


# --- several shifts, chosen in the window's shift table as the user does ----------------------------------


def _row_rect(table, row: int):  # noqa: ANN001, ANN202
    return table.visualRect(table.model().index(row, 0)).center()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_three_selected_shifts_give_their_effect_together(qtbot, window, lang: str):  # noqa: ANN001
    apply_language(lang)
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(EXAMPLE)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence("Ctrl+2"))  # the Shifts tab
    table = window.shifts.table
    qtbot.wait_until(table.isVisible)
    plan = window.document.plan
    # The table is sorted by day: the first three rows are the three earliest shifts (on three different days).
    by_day = sorted(range(len(plan.shifts)), key=lambda i: plan.shifts[i].date)
    chosen = sorted(by_day[:3])
    assert len({plan.shifts[i].date for i in chosen}) == 3
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_rect(table, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     pos=_row_rect(table, 2))
    assert len(table.selectionModel().selectedRows()) == 3
    cat = translations(lang)
    plural = cat.ngettext("What does this shift &add?", "What do these shifts &add?", 3)
    assert window.effect_action.text() == plural != cat.ngettext("What does this shift &add?",
                                                                 "What do these shifts &add?", 1)
    assert window.shifts.effect_button.text() == cat.ngettext("What does this shift add?",
                                                              "What do these shifts add?", 3)

    with qtbot.wait_signal(window.effect_shown, timeout=20000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = blocker.args[0]
    together = shift_effect(plan, chosen, load_rules())
    net = sum((e.net for e in together), D(0))
    first_only = sum((e.net for e in shift_effect(plan, chosen[0], load_rules())), D(0))
    assert net != first_only  # worth testing: the effect of the first shift alone would show another figure
    assert list(dialog.effects) == together
    total_row = dialog.table.rowCount() - 1
    assert _value(dialog, total_row, 1) == sum((e.money_in for e in together), D(0))
    assert _value(dialog, total_row, 2) == sum((e.settlement_out for e in together), D(0))
    assert _value(dialog, total_row, 3) == net
    hours = sum((plan.shifts[i].hours for i in chosen), D(0))
    first, last = (format_day(plan.shifts[i].date, lang) for i in (chosen[0], chosen[-1]))
    template = cat.ngettext(
        "These {count} shift ({hours}, from {first} to {last}) bring you {net} in total, after what is taken back.",
        "These {count} shifts ({hours}, from {first} to {last}) bring you {net} in total, after what is taken back.",
        3)
    assert net > 0
    hours_text = cat.ngettext("{hours} hour", "{hours} hours", 12).format(hours=format_number(hours, lang))
    assert dialog.headline.text() == template.format(count=3, hours=hours_text, first=first, last=last,
                                                     net=format_money(net, lang))
    assert dialog.windowTitle().startswith(cat.ngettext("What does this shift add?", "What do these shifts add?", 3))
    dialog.close()

    # The Edit menu's item asks the same, for the same selection.
    with qtbot.wait_signal(window.effect_shown, timeout=20000) as blocker:
        window.effect_action.trigger()
    assert list(blocker.args[0].effects) == together
    blocker.args[0].close()

    # One row chosen again: "This shift", and its own effect.
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_rect(table, 1))
    assert len(table.selectionModel().selectedRows()) == 1
    assert window.effect_action.text() == cat.ngettext("What does this shift &add?", "What do these shifts &add?", 1)
    with qtbot.wait_signal(window.effect_shown, timeout=20000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = blocker.args[0]
    one = by_day[1]
    assert list(dialog.effects) == shift_effect(plan, one, load_rules())
    single = cat.ngettext(
        "This shift of {hours} hour at {job} on {date} brings you {net} in total, after what is taken back.",
        "This shift of {hours} hours at {job} on {date} brings you {net} in total, after what is taken back.", 4)
    assert dialog.headline.text().startswith(single.split("{hours}")[0])
    assert format_day(plan.shifts[one].date, lang) in dialog.headline.text()
    dialog.close()


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
def test_the_list_s_context_menu_asks_for_the_selected_shifts_together(qtbot, window) -> None:  # noqa: ANN001
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(EXAMPLE)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence("Ctrl+2"))
    table = window.shifts.table
    plan = window.document.plan
    by_day = sorted(range(len(plan.shifts)), key=lambda i: plan.shifts[i].date)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_rect(table, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     pos=_row_rect(table, 1))
    assert len(table.selectionModel().selectedRows()) == 2
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        chosen.extend(texts)
        action = next(a for a in menu.actions() if a is window.shifts.effect_action)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(20, pick)
    with qtbot.wait_signal(window.effect_shown, timeout=20000) as blocker:
        # A right click on the second row (offscreen, the platform does not turn a right click into this event).
        pos = _row_rect(table, 1)
        QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                                   table.viewport().mapToGlobal(pos)))
    plural = translations("nl").ngettext("What does this shift add?", "What do these shifts add?", 2)
    assert plural in chosen
    dialog = blocker.args[0]
    assert list(dialog.effects) == shift_effect(plan, sorted(by_day[:2]), load_rules())
    assert dialog.windowTitle().startswith(plural)
    dialog.close()
