"""ui.month_model: the table model is a view of a Projection (built model-first, no window)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from planner.benefit import Projection
from planner.i18n import format_money, format_month, translations
from ui.language import apply_language
from ui.month_model import COLUMNS, MonthTableModel, flags_for, notes_of, rules_for

NBSP = "\xa0"


def test_one_row_per_month_one_column_per_amount(qapp, example_projection: Projection):  # noqa: ANN001
    model = MonthTableModel(example_projection)
    assert model.rowCount() == len(example_projection.months) == 12
    assert model.columnCount() == len(COLUMNS) == 9
    assert model.rowCount(model.index(0, 0)) == 0, "a table, not a tree"
    assert [c.key for c in COLUMNS] == [
        "norm", "income_from_work", "vrijlating_total", "income_counted", "bijstand",
        "vakantietoeslag_reserved", "bijstand_paid_monthly", "premie_accrued", "premie_paid",
    ]


def test_amounts_are_formatted_for_the_language(qapp, example_projection: Projection):  # noqa: ANN001
    model = MonthTableModel(example_projection)
    norm = model.index(0, MonthTableModel.column_index("norm"))
    assert model.data(norm).replace(NBSP, " ") == "€ 1.401,50"
    assert model.data(norm, MonthTableModel.AmountRole) == Decimal("1401.50")
    assert model.data(norm, MonthTableModel.LineRole) is example_projection.months[0].norm
    assert model.data(norm, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(0, Qt.Orientation.Vertical) == "januari 2026"
    apply_language("en")
    assert model.data(norm) == "€1,401.50"
    assert model.headerData(0, Qt.Orientation.Vertical) == "January 2026"


def test_headers_are_translated_each_time_they_are_asked_for(qapp, example_projection: Projection):  # noqa: ANN001
    model = MonthTableModel(example_projection)
    nl = translations("nl")
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(9)] == [nl.gettext(c.label) for c in COLUMNS]
    apply_language("en")
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(9)] == [c.label for c in COLUMNS]


def test_retranslate_announces_new_headers_and_data(qtbot, example_projection: Projection):  # noqa: ANN001
    model = MonthTableModel(example_projection)
    with qtbot.wait_signals([model.headerDataChanged, model.dataChanged], timeout=1000):
        model.retranslate()


def test_an_empty_model(qapp):  # noqa: ANN001
    model = MonthTableModel()
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal)
    assert not model.flags(QModelIndex())


def test_cells_with_notes_are_marked_and_described(qapp, example_projection: Projection):  # noqa: ANN001
    model = MonthTableModel(example_projection)
    marked = 0
    for row, month in enumerate(example_projection.months):
        for col, column in enumerate(COLUMNS):
            index = model.index(row, col)
            has_mark = model.data(index, Qt.ItemDataRole.DecorationRole) is not None
            assert has_mark == bool(flags_for(month, column))
            sentence = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
            assert format_money(getattr(month, column.key).amount) in sentence
            assert format_month(month.year, month.month) in sentence
            marked += has_mark
        assert (model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) is not None) == bool(notes_of(month))
    assert marked, "the example has notes on some amounts"


def test_derived_amounts_carry_the_rules_of_what_they_are_made_of(example_projection: Projection):
    january = example_projection.months[0]
    bijstand = next(c for c in COLUMNS if c.key == "bijstand")
    ids = {r.id for r in rules_for(january, bijstand)}
    assert {r.id for r in january.norm.explanation.all_rules()} <= ids
    assert {r.id for r in january.vrijlating_total.explanation.all_rules()} <= ids
