"""ui.compare_view: two plans side by side show the planner's numbers, their totals and a summary, in either language.

The comparison is computed first (``planner.scenarios.compare`` on the example
plan and a copy with extra Saturday shifts), then the view is built from it,
as the lead's worker does.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget, QWidget

from planner.compare_summary import summarise
from planner.i18n import format_money, format_month, translations
from planner.model import Plan, Shift
from planner.rules import load_rules
from planner.scenarios import MonthComparison, compare
from planner.storage import load_plan
from ui.compare_view import (
    COLUMNS,
    DOWN_ARROW,
    UP_ARROW,
    CompareDialog,
    CompareView,
    change_colour,
    signed_money,
    summary_text,
)
from ui.language import apply_language

from .conftest import EXAMPLE

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when a dialog is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

D = Decimal


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):  # noqa: ANN001, ANN202 - pytest-qt fixture
    """Delete the widgets pytest-qt closed, so later language switches do not re-render them too."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(scope="module")
def plans() -> tuple[Plan, Plan]:
    a = load_plan(EXAMPLE)
    extra = tuple(Shift(date=date(2026, m, d), hours=D(4), job="schoonmaak") for m in (3, 4, 5) for d in (7, 14, 21))
    b = a.model_copy(update={"shifts": a.shifts + extra, "name": "Met zaterdagen"})
    return a, b


@pytest.fixture(scope="module")
def rows(plans: tuple[Plan, Plan]) -> list[MonthComparison]:
    return compare(*plans, load_rules())


@pytest.fixture
def view(qtbot, plans: tuple[Plan, Plan], rows: list[MonthComparison]) -> CompareView:  # noqa: ANN001
    v = CompareView()
    qtbot.add_widget(v)
    v.set_comparison(plans[0].name, plans[1].name, rows)
    v.resize(1200, 700)
    v.show()
    qtbot.wait_exposed(v)
    return v


def _col(key: str, side: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key and c.side == side)


def _value(table: QTableWidget, row: int, col: int) -> Decimal:
    return Decimal(table.item(row, col).data(Qt.ItemDataRole.UserRole))


def test_the_comparison_makes_a_difference(rows: list[MonthComparison]):
    """The test data are worth testing with: plan B brings more, takes more back, and has another lowest balance."""
    totals = summarise(rows)
    assert totals.money_in.difference > 0
    assert totals.settlement_out.difference > 0
    assert any(r.money_in[0] > r.money_in[1] for r in rows), "some month has less money in with B"


def test_every_cell_shows_the_planners_number(view: CompareView, rows: list[MonthComparison]):
    table = view.table
    assert table.rowCount() == len(rows) + 1
    assert table.columnCount() == len(COLUMNS)
    for r, row in enumerate(rows):
        assert table.item(r, 0).text() == format_month(*row.month)
        for key in ("money_in", "settlement_out", "lowest_balance", "set_aside"):
            for side, i in (("a", 0), ("b", 1)):
                c = _col(key, side)
                assert _value(table, r, c) == getattr(row, key)[i], (row.month, key, side)
                assert table.item(r, c).text() == format_money(getattr(row, key)[i])
        diff = row.kept[1] - row.kept[0]
        assert _value(table, r, _col("kept", "difference")) == diff
        assert row.kept == (row.money_in[0] - row.settlement_out[0], row.money_in[1] - row.settlement_out[1])


def test_the_totals_row(view: CompareView, rows: list[MonthComparison]):
    table = view.table
    last = len(rows)
    assert "12" in table.item(last, 0).text()
    assert table.item(last, 0).font().bold()
    money_a = sum((r.money_in[0] for r in rows), D(0))
    money_b = sum((r.money_in[1] for r in rows), D(0))
    assert _value(table, last, _col("money_in", "a")) == money_a
    assert _value(table, last, _col("money_in", "b")) == money_b
    totals = summarise(rows)
    assert _value(table, last, _col("kept", "difference")) == totals.kept.difference
    assert _value(table, last, _col("kept", "b")) == money_b - sum((r.settlement_out[1] for r in rows), D(0)) + totals.open_after.b
    assert _value(table, last, _col("settlement_out", "b")) == sum((r.settlement_out[1] for r in rows), D(0))
    assert _value(table, last, _col("set_aside", "b")) == sum((r.set_aside[1] for r in rows), D(0))
    assert _value(table, last, _col("lowest_balance", "a")) == min(r.lowest_balance[0] for r in rows)
    assert _value(table, last, _col("lowest_balance", "b")) == min(r.lowest_balance[1] for r in rows)


def test_differences_have_a_sign_an_arrow_and_a_colour(view: CompareView, rows: list[MonthComparison]):
    table = view.table
    c = _col("kept", "difference")
    palette = table.palette()
    nl = translations("nl")  # the UI is in Dutch: the spoken words come from the Dutch catalog
    more, less = nl.gettext("{amount} more"), nl.gettext("{amount} less")
    assert more != "{amount} more" and less != "{amount} less"
    seen = set()
    for r, row in enumerate(rows):
        diff = row.kept[1] - row.kept[0]
        item = table.item(r, c)
        spoken = item.data(Qt.ItemDataRole.AccessibleTextRole)
        if diff > 0:
            assert item.text() == f"{UP_ARROW} +{format_money(diff)}"
            assert item.foreground().color() == change_colour(palette, better=True)
            assert more.format(amount=format_money(diff)) in spoken
            seen.add("up")
        elif diff < 0:
            assert item.text().startswith(DOWN_ARROW) and format_money(-diff) in item.text()
            assert item.foreground().color() == change_colour(palette, better=False)
            assert less.format(amount=format_money(-diff)) in spoken
            seen.add("down")
        else:
            assert item.text() == format_money(D(0))
            assert UP_ARROW not in item.text() and DOWN_ARROW not in item.text()
    assert seen == {"up", "down"}
    assert change_colour(palette, True) != change_colour(palette, False)


def test_colours_stay_readable_on_a_dark_background():
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    assert change_colour(dark, True).lightnessF() > change_colour(light, True).lightnessF()


def test_the_summary_says_it_in_plain_words(view: CompareView, plans: tuple[Plan, Plan], rows: list[MonthComparison]):
    totals = summarise(rows)
    text = view.summary.text()
    assert text.startswith("Met “") and format_money(abs(totals.kept.difference)) in text.split(".")[0] + "."
    assert format_money(abs(totals.money_in.difference)) in text
    assert plans[0].name in text and plans[1].name in text
    assert "12" in text
    assert view.summary.accessibleName()
    assert view.summary.accessibleDescription() == text


def _row(month: int, a: str, b: str, low: tuple[str, str] = ("10", "10"), out: tuple[str, str] = ("0", "0")) -> MonthComparison:
    return MonthComparison((2026, month), (D(a), D(b)), (D(low[0]), D(low[1])), (D(out[0]), D(out[1])), (D(0), D(0)))


def test_the_summary_for_less_money_one_month_and_nothing_taken_back(qapp):  # noqa: ANN001
    apply_language("en")
    text = summary_text("A", "B", summarise([_row(1, "100", "80")]))
    assert "you keep €20.00 less over 1 month " in text
    assert "Money in: €20.00 less." in text
    assert "Nothing is taken back in either plan." in text
    assert "stays €10.00" in text


def test_the_summary_for_the_same_money_and_less_taken_back(qapp):  # noqa: ANN001
    apply_language("en")
    text = summary_text("A", "B", summarise([_row(1, "100", "100", ("5", "-3"), ("20", "5")),
                                            _row(2, "50", "50")]))
    assert "you keep €15.00 more over 2 months" in text  # the same money in, 15 less taken back
    assert "Money in: the same." in text and "Taken back: €15.00 less." in text
    assert "Your lowest balance is -€3.00 instead of €5.00." in text


def test_no_months_in_common(qtbot):  # noqa: ANN001
    v = CompareView("A", "B", [])
    qtbot.add_widget(v)
    assert v.table.rowCount() == 0
    assert v.summary.text()


def test_signed_money():
    assert signed_money(D("0")) == format_money(D("0"))
    assert signed_money(D("1.5")).startswith(UP_ARROW)
    assert signed_money(D("-1.5")).startswith(DOWN_ARROW)


def _focusable(top: QWidget) -> list[QWidget]:
    return [w for w in [top, *top.findChildren(QWidget)]
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(top) and w.focusProxy() is None]


def test_the_dialog_is_not_modal_has_names_and_closes(qtbot, plans: tuple[Plan, Plan], rows):  # noqa: ANN001
    d = CompareDialog(plans[0].name, plans[1].name, rows)
    qtbot.add_widget(d)
    d.show()
    qtbot.wait_exposed(d)
    assert not d.isModal()
    assert d.accessibleName() and plans[1].name in d.accessibleName()
    assert plans[1].name in d.windowTitle()
    for widget in _focusable(d):
        assert widget.accessibleName(), widget
    assert d.view.table.tabKeyNavigation() is False
    # Keyboard: the table has the focus, the arrows move, Escape closes.
    d.view.table.setFocus()
    d.view.table.setCurrentCell(0, 0)
    qtbot.keyClick(d.view.table, Qt.Key.Key_Down)
    assert d.view.table.currentRow() == 1
    qtbot.keyClick(d.view.table, Qt.Key.Key_Escape)
    assert not d.isVisible()
    d.show()
    d.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert not d.isVisible()


def test_a_language_switch_renders_again_without_computing(qtbot, view: CompareView, rows, monkeypatch):  # noqa: ANN001
    import ui.compare_view

    def no_summing(_rows):  # noqa: ANN001, ANN202
        raise AssertionError("a language switch must not add up again")

    monkeypatch.setattr(ui.compare_view, "summarise", no_summing)
    totals = view.totals
    apply_language("en")
    qtbot.wait_until(lambda: view.table.item(0, 0).text() == "January 2026", timeout=5000)
    assert format_money(totals.money_in.difference, "en") in view.summary.text()
    assert view.summary.text().startswith("With “Met zaterdagen” you keep")
    assert view.table.item(len(rows), 0).text() == "Total of 12 months"
    assert view.table.horizontalHeaderItem(_col("money_in", "a")).text() == "Total money in\nA"
    assert view.table.item(0, _col("money_in", "a")).text() == format_money(rows[0].money_in[0], "en")
    assert view.table.accessibleName()
