"""The month table: a read-only Qt model over a :class:`planner.benefit.Projection`.

One row per month, one column per amount. The model only shows what the
planner computed: amounts are formatted in the current language when Qt asks
for them, so a language switch (:meth:`MonthTableModel.retranslate`) re-renders
without computing anything again.

A cell gets a mark when a flag of its month that matters
(:data:`NOTE_CODES`: a rule not yet published or not known, a value not
confirmed, an assumption) concerns the amount. The month's own header cell is
marked when the month has such a flag. The notes themselves are listed in the
banner above the table and in the explanation panel. A value read on a news or
municipal page (``secondary``) is no mark: the panel says so for each rule, and
the banner counts them in one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from planner.benefit import BenefitMonth, Flag, Line, Projection
from planner.explain import Explanation, RuleRef, render
from planner.notes import notes_of
from planner.results import BENEFIT_MONTH_FIELDS, FIGURES
from planner.summary import NOTE_CODES
from planner.i18n import N_, _, format_money, format_month, get_language, ngettext

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    """One amount of a month as a table column."""

    key: str
    """The :class:`BenefitMonth` attribute holding the :class:`Line`."""
    label: str
    """``N_``-marked header."""
    description: str
    """``N_``-marked sentence for the header's tooltip and screen readers."""
    inputs: tuple[str, ...] = ()
    """The lines this amount is computed from (shown with it, and their rules are its rules)."""
    assumptions: tuple[str, ...] = ()
    """Assumptions whose flags concern this amount."""


# NOTE_CODES (planner.summary): the flags that matter to the user, shown in the banner and marked in the table.




_PREMIE_ASSUMPTIONS = (
    "premie_during_vrijlating",
    "premie_month_without_bijstand",
    "premie_under_27",
    "premie_income_basis",
    "premie_cap_couple",
    "premie_monthly_cap",
)

def _column(key: str, **extra: Any) -> Column:
    """A column whose header and tooltip are the figure's label and definition (planner.results)."""
    figure = FIGURES[BENEFIT_MONTH_FIELDS.get(key, key)]
    return Column(key, figure.label, figure.definition, **extra)


COLUMNS: tuple[Column, ...] = (
    _column("norm"),
    _column("income_from_work"),
    _column("vrijlating_total", assumptions=("vrijlating_clock", "vrijlating_2027", "art34a_under_27", "art34a_clock")),
    _column("income_counted", inputs=("income_from_work", "vrijlating_total")),
    _column("bijstand", inputs=("norm", "income_counted", "vakantieaanspraak"), assumptions=("vakantieaanspraak_excess",)),
    _column("vakantietoeslag_reserved", inputs=("vakantietoeslag_in_norm", "vakantieaanspraak"),
            assumptions=("vakantieaanspraak_excess",)),
    _column("bijstand_paid_monthly", inputs=("bijstand", "vakantietoeslag_reserved")),
    _column("premie_accrued", assumptions=_PREMIE_ASSUMPTIONS),
    _column("premie_paid", assumptions=("premie_payout_without_bijstand",)),
)

_COLUMN_BY_KEY = {c.key: c for c in COLUMNS}


def _rules_of(month: BenefitMonth, key: str, seen: set[str] | None = None) -> Iterator[RuleRef]:
    """The rules behind line ``key``, including those of the lines it is computed from."""
    seen = set() if seen is None else seen
    if key in seen:
        return
    seen.add(key)
    line: Line = getattr(month, key)
    yield from line.explanation.all_rules()
    column = _COLUMN_BY_KEY.get(key)
    for name in column.inputs if column else ():
        yield from _rules_of(month, name, seen)


def rules_for(month: BenefitMonth, column: Column) -> tuple[RuleRef, ...]:
    """Each rule behind the amount once, in the order they were used."""
    out: dict[str, RuleRef] = {}
    for ref in _rules_of(month, column.key):
        out.setdefault(ref.id, ref)
    return tuple(out.values())


def _assumptions_of(key: str) -> set[str]:
    column = _COLUMN_BY_KEY.get(key)
    if column is None:
        return set()
    found = set(column.assumptions)
    for name in column.inputs:
        found |= _assumptions_of(name)
    return found


def flags_for(month: BenefitMonth, column: Column) -> tuple[Flag, ...]:
    """The flags of ``month`` that matter and concern this amount."""
    rule_ids = {r.id for r in rules_for(month, column)}
    assumptions = _assumptions_of(column.key)
    out = []
    for flag in notes_of(month):
        if flag.rule_id is not None and flag.rule_id in rule_ids:
            out.append(flag)
        elif flag.assumption is not None and flag.assumption in assumptions:
            out.append(flag)
        elif flag.code == "historical_scheme" and column.key in ("premie_accrued", "premie_paid"):
            out.append(flag)
    return tuple(out)


def input_lines(month: BenefitMonth, column: Column) -> tuple[tuple[str, Explanation], ...]:
    """(line key, explanation) of the lines this amount is computed from."""
    return tuple((name, getattr(month, name).explanation) for name in column.inputs)


def flag_icon() -> QIcon:
    """The mark shown beside an amount that has a note (the same icon as the banner)."""
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class MonthTableModel(QAbstractTableModel):
    """Rows: the months of the projection. Columns: :data:`COLUMNS`. Read-only."""

    LineRole = Qt.ItemDataRole.UserRole + 1
    """The cell's :class:`Line` (for the explanation panel)."""
    AmountRole = Qt.ItemDataRole.UserRole + 2
    """The cell's amount as a ``Decimal``."""

    def __init__(self, projection: Projection | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._projection = projection
        self._icon: QIcon | None = None
        self._blank: QIcon | None = None

    # --- the data ---------------------------------------------------------------------------

    @property
    def projection(self) -> Projection | None:
        return self._projection

    def set_projection(self, projection: Projection | None) -> None:
        self.beginResetModel()
        self._projection = projection
        self.endResetModel()

    def month(self, row: int) -> BenefitMonth:
        assert self._projection is not None
        return self._projection.months[row]

    @staticmethod
    def column(col: int) -> Column:
        return COLUMNS[col]

    @staticmethod
    def column_index(key: str) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.key == key)

    def line(self, index: AnyIndex) -> Line:
        return getattr(self.month(index.row()), COLUMNS[index.column()].key)

    def retranslate(self) -> None:
        """Re-render headers and amounts in the current language (nothing is recomputed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        rows = self.rowCount()
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(COLUMNS) - 1))

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._projection is None:
            return 0
        return len(self._projection.months)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _mark(self) -> QIcon:
        if self._icon is None:
            self._icon = flag_icon()
        return self._icon

    def _no_mark(self) -> QIcon:
        """An empty icon of the mark's size, so month names line up whether marked or not."""
        if self._blank is None:
            pixmap = QPixmap(16, 16)
            pixmap.fill(Qt.GlobalColor.transparent)
            self._blank = QIcon(pixmap)
        return self._blank

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._projection is None:
            return None
        month = self.month(index.row())
        column = COLUMNS[index.column()]
        line: Line = getattr(month, column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_money(line.amount)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._mark() if flags_for(month, column) else None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell_sentence(month, column, line)
        if role == self.LineRole:
            return line
        if role == self.AmountRole:
            return line.amount
        return None

    def _cell_sentence(self, month: BenefitMonth, column: Column, line: Line) -> str:
        values = {"column": _(column.label), "month": format_month(month.year, month.month), "amount": format_money(line.amount)}
        notes = len(flags_for(month, column))
        if notes:
            return ngettext(
                "{column}, {month}: {amount}. There is {count} note about this amount.",
                "{column}, {month}: {amount}. There are {count} notes about this amount.",
                notes,
            ).format(count=notes, **values)
        return _("{column}, {month}: {amount}.").format(**values)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMNS):
                return None
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _(column.label)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
                return _(column.description)
            return None
        if self._projection is None or not 0 <= section < len(self._projection.months):
            return None
        month = self._projection.months[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_month(month.year, month.month)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._mark() if notes_of(month) else self._no_mark()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and notes_of(month):
            n = len({render(f.explanation, get_language()) for f in notes_of(month)})
            return ngettext(
                "There is {count} note for this month. The notes are listed above the table.",
                "There are {count} notes for this month. The notes are listed above the table.",
                n,
            ).format(count=n)
        return None
