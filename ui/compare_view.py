"""Two plans side by side, month by month: a summary in plain words above a table.

A view of :func:`planner.scenarios.compare` (one
:class:`~planner.scenarios.MonthComparison` per month) and of its totals
(:func:`planner.compare_summary.summarise`). The lead's background worker
computes both; this widget only shows them:

- a paragraph on top says what plan B changes compared with plan A: money in
  over the whole period, what is taken back later, and the lowest balance;
- a line says which plan is A and which is B, and what the arrows mean;
- the table has one row per month and a last row for the whole period: money
  in for A and B and the difference, what is taken back, the lowest balance,
  and what to set aside.

A difference is written with its sign and an arrow (▲ more, ▼ less) and
coloured, so colour is never the only signal; screen readers hear it as
"€ 12,00 more". The colours are from the Okabe–Ito palette (blue for better,
vermillion for worse), darkened or lightened so the text keeps a contrast of
at least 4.5:1 on a light or a dark background.

:meth:`CompareView.retranslate_ui` renders the held rows again in the current
language; nothing is recomputed. :class:`CompareDialog` puts the view in a
non-modal window with a Close button, and under it "With uncertain shifts"
(:class:`ui.ranges_view.RangesPart`): both plans over the same sampled futures,
worked out in the background after the table is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.compare_summary import comparison_text, CompareTotals, Pair, summarise
from planner.i18n import N_, _, format_money, format_month, format_signed_money, ngettext
from planner.model import Plan
from planner.scenarios import MonthComparison
from ui.fonts import reading_heading, use_content_font

# --- signed amounts: sign, arrow and colour ---------------------------------------------------------

UP_ARROW = "▲"
DOWN_ARROW = "▼"

#: Okabe–Ito blue and vermillion, darkened for text on a light background (contrast ≥ 5:1 on white).
LIGHT_THEME_COLOURS = {"better": "#0072B2", "worse": "#B34F00"}
#: Okabe–Ito sky blue and orange for text on a dark background (contrast ≥ 5.9:1 on #2d2d2d).
DARK_THEME_COLOURS = {"better": "#56B4E9", "worse": "#E69F00"}


def change_colour(palette: QPalette, better: bool) -> QColor:
    """The text colour of a change that is better (or worse) for you, readable on ``palette``'s base colour."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    colours = DARK_THEME_COLOURS if dark else LIGHT_THEME_COLOURS
    return QColor(colours["better" if better else "worse"])


def signed_money(amount: Decimal) -> str:
    """``▲ +€ 12,00``, ``▼ −€ 3,50`` or ``€ 0,00``: the sign and an arrow, so colour is never the only signal."""
    if amount > 0:
        return f"{UP_ARROW} {format_signed_money(amount, plus=True)}"
    if amount < 0:
        return f"{DOWN_ARROW} {format_signed_money(amount)}"
    return format_money(amount)


@dataclass(frozen=True, slots=True)
class ChangeWords:
    """How a change is said to a screen reader (``N_``-marked, with an ``{amount}`` field)."""

    more: str
    less: str
    same: str


# TRANSLATORS: how a screen reader says a difference between two amounts, e.g. "€ 12,00 more".
MONEY_CHANGE = ChangeWords(N_("{amount} more"), N_("{amount} less"), N_("No difference"))


def change_sentence(amount: Decimal, words: ChangeWords) -> str:
    if amount > 0:
        return _(words.more).format(amount=format_money(amount))
    if amount < 0:
        return _(words.less).format(amount=format_money(-amount))
    return _(words.same)


def amount_item(amount: Decimal, spoken: str | None = None) -> QTableWidgetItem:
    """A right-aligned amount; its exact value is kept as ``Qt.UserRole`` text."""
    item = QTableWidgetItem(format_money(amount))
    item.setData(Qt.ItemDataRole.UserRole, str(amount))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if spoken is not None:
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
    return item


def change_item(amount: Decimal, palette: QPalette, words: ChangeWords = MONEY_CHANGE, *,
                up_is_better: bool = True) -> QTableWidgetItem:
    """A signed amount with an arrow, coloured when it is not zero, spoken as "€ 12,00 more"."""
    item = amount_item(amount, change_sentence(amount, words))
    item.setText(signed_money(amount))
    if amount:
        item.setForeground(QBrush(change_colour(palette, (amount > 0) == up_is_better)))
    return item


def read_only_table(table: QTableWidget) -> None:
    """The settings every amount table here shares: read-only, cell by cell, Tab leaves the table."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setCornerButtonEnabled(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    use_content_font(table)


def bold(item: QTableWidgetItem) -> QTableWidgetItem:
    font = QFont()  # only "bold" is set: the view resolves it onto its own font
    font.setBold(True)
    item.setFont(font)
    return item


# --- the columns --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompareColumn:
    key: str
    """The :class:`MonthComparison` field, or ``month``."""
    side: str
    """``a`` or ``b`` (one plan's amount), ``difference`` (B minus A), or ``""`` for the month."""
    label: str
    """``N_``-marked header, on two lines (the letter A or B, ``{plan}``, on the second) to keep columns narrow."""
    description: str
    """``N_``-marked tooltip of the header; ``{name}`` is the plan's name, ``{name_a}``/``{name_b}`` both."""


# TRANSLATORS: table headers on two lines; {plan} is the letter A or B of the plan compared.
_KEPT = N_("You keep\n{plan}")
_KEPT_TIP = N_("What you keep of the month's money with “{name}”: money in minus what is taken back in the month. "
               "The total also counts what is still settled after the last month.")
_MONEY_IN = N_("Total money in\n{plan}")
_MONEY_IN_TIP = N_("All money that comes into your account in the month with “{name}”: wages, bijstand, premie "
                   "and holiday pay.")
_TAKEN_BACK = N_("Taken back this month\n{plan}")
_TAKEN_BACK_TIP = N_("Money withheld from your bijstand or paid back to the municipality in the month, with "
                     "“{name}”.")
_LOWEST = N_("Lowest balance\n{plan}")
_LOWEST_TIP = N_("The lowest amount in your bank account during the month, with “{name}”.")
_SET_ASIDE = N_("Set aside\n{plan}")
_SET_ASIDE_TIP = N_("What we advise you to put aside in the month, with “{name}”, for money taken back later.")

COLUMNS: tuple[CompareColumn, ...] = (
    CompareColumn("month", "", N_("Month"), N_("The month.")),
    CompareColumn("kept", "a", _KEPT, _KEPT_TIP),
    CompareColumn("kept", "b", _KEPT, _KEPT_TIP),
    CompareColumn("kept", "difference", N_("Difference"),
                  N_("What you keep with “{name_b}” minus what you keep with “{name_a}”. ▲ means more with "
                     "“{name_b}”, ▼ means less.")),
    CompareColumn("money_in", "a", _MONEY_IN, _MONEY_IN_TIP),
    CompareColumn("money_in", "b", _MONEY_IN, _MONEY_IN_TIP),
    CompareColumn("settlement_out", "a", _TAKEN_BACK, _TAKEN_BACK_TIP),
    CompareColumn("settlement_out", "b", _TAKEN_BACK, _TAKEN_BACK_TIP),
    CompareColumn("lowest_balance", "a", _LOWEST, _LOWEST_TIP),
    CompareColumn("lowest_balance", "b", _LOWEST, _LOWEST_TIP),
    CompareColumn("set_aside", "a", _SET_ASIDE, _SET_ASIDE_TIP),
    CompareColumn("set_aside", "b", _SET_ASIDE, _SET_ASIDE_TIP),
)

PLAN_LETTERS = {"a": "A", "b": "B"}
"""The plans are called A and B in the table headers (as in ``bijverdienplanner compare``)."""


# --- the summary ----------------------------------------------------------------------------------------


def summary_text(name_a: str, name_b: str, totals: CompareTotals) -> str:
    """The paragraph above the table (:func:`planner.compare_summary.comparison_text`)."""
    return comparison_text(name_a, name_b, totals)


# --- the view -------------------------------------------------------------------------------------------


class CompareView(QWidget):
    """Two plans side by side, month by month, with a summary; a view of :func:`planner.scenarios.compare`."""

    def __init__(self, name_a: str = "", name_b: str = "", rows: Sequence[MonthComparison] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self._name_a = name_a
        self._name_b = name_b
        self._rows: tuple[MonthComparison, ...] = ()
        self._totals: CompareTotals = summarise(())

        layout = QVBoxLayout(self)
        self.summary = reading_heading(self, 1.15)  # read before the table
        layout.addWidget(self.summary)

        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.legend)

        self.table = QTableWidget(self)
        read_only_table(self.table)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.summary, self.table)

        self.set_comparison(name_a, name_b, rows)

    # --- the data ---------------------------------------------------------------------------------

    @property
    def rows(self) -> tuple[MonthComparison, ...]:
        return self._rows

    @property
    def totals(self) -> CompareTotals:
        return self._totals

    def set_comparison(self, name_a: str, name_b: str, rows: Sequence[MonthComparison]) -> None:
        """Show a new comparison (computed elsewhere); the totals are added up once, here."""
        self._name_a = name_a
        self._name_b = name_b
        self._rows = tuple(rows)
        self._totals = summarise(self._rows)
        self.retranslate_ui()

    def plan_names(self) -> tuple[str, str]:
        """The names shown: the plans' own, or "plan A" / "plan B" when a plan has none."""
        # TRANSLATORS: the name of a compared plan that has no name of its own.
        return (self._name_a or _("plan A"), self._name_b or _("plan B"))

    # --- rendering --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Render the held comparison again in the current language."""
        name_a, name_b = self.plan_names()
        text = summary_text(name_a, name_b, self._totals)
        self.summary.setText(text)
        self.summary.setAccessibleName(_("Summary of the comparison"))
        self.summary.setAccessibleDescription(text)
        self.legend.setText(_("A is “{name_a}”. B is “{name_b}”. In the column Difference, ▲ means more money with "
                              "B and ▼ means less.").format(name_a=name_a, name_b=name_b))
        self.table.setAccessibleName(_("“{name_a}” and “{name_b}”, month by month").format(name_a=name_a,
                                                                                             name_b=name_b))
        self.table.setAccessibleDescription(_("One row per month, and a last row for the whole period. Use the "
                                              "arrow keys to move from cell to cell."))
        self.table.horizontalHeader().setAccessibleName(_("Columns"))
        self._fill_table(name_a, name_b)

    def _header(self, column: CompareColumn, name_a: str, name_b: str) -> tuple[str, str]:
        label = _(column.label).format(plan=PLAN_LETTERS.get(column.side, ""))
        name = {"a": name_a, "b": name_b}.get(column.side, "")
        tip = _(column.description).format(name=name, name_a=name_a, name_b=name_b)
        return label, tip

    def _fill_table(self, name_a: str, name_b: str) -> None:
        table = self.table
        table.clear()
        table.setColumnCount(len(COLUMNS))
        table.setRowCount(len(self._rows) + (1 if self._rows else 0))
        for c, column in enumerate(COLUMNS):
            label, tip = self._header(column, name_a, name_b)
            header = QTableWidgetItem(label)
            header.setToolTip(tip)
            header.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            if c == 0:
                header.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            table.setHorizontalHeaderItem(c, header)
        palette = table.palette()
        for r, row in enumerate(self._rows):
            month = format_month(*row.month)
            table.setItem(r, 0, self._month_item(month, f"{row.month[0]:04d}-{row.month[1]:02d}"))
            for c, column in enumerate(COLUMNS[1:], start=1):
                pair = Pair(*getattr(row, column.key))
                table.setItem(r, c, self._cell(column, pair, palette, month, name_a, name_b))
        if self._rows:
            self._fill_totals(len(self._rows), palette, name_a, name_b)

    def _month_item(self, text: str, value: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        return item

    def _cell(self, column: CompareColumn, pair: Pair, palette: QPalette, where: str, name_a: str,
              name_b: str) -> QTableWidgetItem:
        label = self._header(column, name_a, name_b)[0].replace("\n", " ")
        if column.side == "difference":
            item = change_item(pair.difference, palette)
            spoken = _("{column}, {month}: {value}.").format(
                column=label, month=where, value=change_sentence(pair.difference, MONEY_CHANGE))
        else:
            amount = pair.a if column.side == "a" else pair.b
            item = amount_item(amount)
            spoken = _("{column}, {month}: {value}.").format(column=label, month=where, value=format_money(amount))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(spoken)
        return item

    def _fill_totals(self, row: int, palette: QPalette, name_a: str, name_b: str) -> None:
        t = self._totals
        n = t.months
        label = ngettext("Total of {count} month", "Total of {count} months", n).format(count=n)
        first = bold(self._month_item(label, "total"))
        first.setToolTip(_("Amounts added up over the whole period. The lowest balance is the lowest of all months."))
        self.table.setItem(row, 0, first)
        pairs = {"kept": t.kept, "money_in": t.money_in, "settlement_out": t.settlement_out, "set_aside": t.set_aside,
                 "lowest_balance": t.lowest_balance}
        for c, column in enumerate(COLUMNS[1:], start=1):
            pair = pairs[column.key]
            assert pair is not None
            where = _("whole period") if column.key != "lowest_balance" else _("lowest of all months")
            item = self._cell(column, pair, palette, where, name_a, name_b)
            self.table.setItem(row, c, bold(item))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class CompareDialog(QDialog):
    """A window (not modal) with a :class:`CompareView`, the same comparison over uncertain shifts under it
    (:class:`ui.ranges_view.RangesPart`, worked out in the background: :meth:`start_ranges`), and a Close button."""

    def __init__(self, name_a: str = "", name_b: str = "", rows: Sequence[MonthComparison] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.view = CompareView(name_a, name_b, rows, self)
        layout.addWidget(self.view, 1)
        from ui.ranges_view import RangesPart  # it imports this module for its amounts

        self.ranges = RangesPart(self, "compare", self.view.plan_names())
        layout.addWidget(self.ranges)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1180, 760)
        self.setTabOrder(self.view.table, self.ranges.sentences)
        self.setTabOrder(self.ranges.sentences, self.ranges.table)
        self.setTabOrder(self.ranges.table, self.buttons)
        self.retranslate_ui()
        self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_comparison(self, name_a: str, name_b: str, rows: Sequence[MonthComparison]) -> None:
        self.view.set_comparison(name_a, name_b, rows)
        self.ranges.set_names(*self.view.plan_names())
        self.retranslate_ui()

    def start_ranges(self, a: Plan, b: Plan, samples: int | None, seed: int, source: Plan | None = None) -> None:
        """Work out plans ``a`` and ``b`` over the same sampled futures in the background (``compare --risk``
        with ``samples`` and ``seed``); ``source``: the plan on screen, whose change stops the run."""
        from ui.jobs import compare_ranges

        self.ranges.set_names(*self.view.plan_names())
        self.ranges.start(source, compare_ranges, a, b, *self.ranges.names, samples, seed)

    def done(self, result: int) -> None:
        self.ranges.shutdown()  # the run stops at its next step; its worker goes with this window
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ranges.shutdown()
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        name_a, name_b = self.view.plan_names()
        title = _("Compare “{name_a}” with “{name_b}”").format(name_a=name_a, name_b=name_b)
        self.setWindowTitle(_("{title} – Bijverdienplanner").format(title=title))
        self.setAccessibleName(title)
        self.setAccessibleDescription(self.view.summary.text())
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(_("Close the comparison"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # The view gets the event itself.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = [
    "COLUMNS",
    "CompareDialog",
    "CompareView",
    "change_colour",
    "change_item",
    "signed_money",
    "summary_text",
]
