"""The shift editor: the plan's shifts as a table and as a month calendar.

A view of one frozen :class:`planner.model.Plan`. The panel never changes the
plan: every edit (a cell edited in place, Add, Duplicate, Repeat…, Delete)
builds a new plan with ``plan.model_copy(update={"shifts": …})`` and emits it
with the name of the undo step, in the language shown (:attr:`ShiftsPanel.edit_requested`).
The window puts it on its undo stack and hands the new plan back through
:meth:`ShiftsPanel.set_plan`; the panel keeps the selection where it was.

The table model's rows are the plan's shifts in plan order, so every index the
panel emits is an index into ``plan.shifts``; a proxy shows them sorted by
date (or by any column the user clicks). Input that cannot be a shift (hours
that are not a number, 0 or more than 24) is refused with a sentence in the
message line under the table, never with a dialog.

The calendar tab paints the hours of each day on the day (``4 h``); a day with
a shift that is not sure yet gets a question mark and a dashed frame, extra
shifts a plus sign and a dotted frame, so colour is never the only sign. The
selected day's shifts are listed beside it in words.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from babel.dates import format_date, format_time
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAction, QFontMetrics, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import N_, _, babel_locale, format_number, ngettext
from planner.model import Certainty, Job, Plan, Shift
from planner.scenarios import CERTAINTY_NAMES
from ui.plain import tooltip as plain_tooltip
from ui.document import StepName
from ui.fonts import use_content_font
from ui.actions import on_trigger
from ui.shift_effect import effect_title

AnyIndex = QModelIndex | QPersistentModelIndex

# --- shift fields: labels, parsing and formatting (shared with ui.repeat_dialog) ------------------

CERTAINTIES: tuple[Certainty, ...] = ("sure", "likely", "maybe", "extra")
"""How sure a shift is, from sure to extra (the order of the choices and of sorting)."""

CERTAINTY_LABELS: dict[Certainty, str] = CERTAINTY_NAMES  # type: ignore[assignment]
"""``N_``-marked name of each certainty (one list, in planner.scenarios)."""

CERTAINTY_DESCRIPTIONS: dict[Certainty, str] = {
    "sure": N_("You have this shift for certain."),
    "likely": N_("You will probably get this shift."),
    "maybe": N_("You may or may not get this shift."),
    "extra": N_("An extra shift you might get on top of your plan. It only counts when you compare with more work."),
}
"""``N_``-marked sentence about each certainty (tooltips of the choices)."""

DEFAULT_HOURS = Decimal(4)
"""The hours of a new shift when there is no shift to copy them from."""

MAX_SHIFT_HOURS = Decimal(24)
"""A shift has more than 0 and at most this many hours (as :mod:`planner.validate` checks)."""

_NUMBER_RE = re.compile(r"^\d+(\.\d+)?$")
_TIME_RE = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_COMPACT_TIME_RE = re.compile(r"^(\d{1,2})(\d{2})$")


class FieldError(ValueError):
    """A typed value cannot be a shift's field; ``code`` says why (see :func:`field_error_message`)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_hours(text: str) -> Decimal:
    """Hours as typed (``4``, ``3,5`` or ``3.5``) as a ``Decimal``; never a float.

    Raises :class:`FieldError` with code ``not_a_number``, ``not_positive`` or
    ``too_many`` (more than :data:`MAX_SHIFT_HOURS`).
    """
    clean = text.strip().replace(" ", "")
    if clean.count(",") == 1 and "." not in clean:
        clean = clean.replace(",", ".")
    if not _NUMBER_RE.match(clean):
        raise FieldError("not_a_number")
    try:
        hours = Decimal(clean)
    except InvalidOperation as exc:  # pragma: no cover - the pattern only lets numbers through
        raise FieldError("not_a_number") from exc
    if hours <= 0:
        raise FieldError("not_positive")
    if hours > MAX_SHIFT_HOURS:
        raise FieldError("too_many")
    return hours


def parse_start(text: str) -> time | None:
    """A start time as typed (``9``, ``9:30``, ``09.30``, ``0930``); empty text is no start time.

    Raises :class:`FieldError` with code ``bad_time``.
    """
    clean = text.strip()
    if not clean:
        return None
    match = _TIME_RE.match(clean) or _COMPACT_TIME_RE.match(clean)
    if not match:
        raise FieldError("bad_time")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise FieldError("bad_time")
    return time(hour, minute)


def field_error_message(code: str) -> str:
    """The sentence that says what is wrong with a typed value, in the current language."""
    if code == "not_a_number":
        return _("Write the hours as a number, for example {whole} or {fraction}.").format(
            whole=format_hours(Decimal(4)), fraction=format_hours(Decimal("3.5"))
        )
    if code == "not_positive":
        return _("A shift has more than 0 hours.")
    if code == "too_many":
        most = int(MAX_SHIFT_HOURS)
        return ngettext("A shift has at most {max} hour.", "A shift has at most {max} hours.", most).format(max=most)
    if code == "bad_time":
        return _("Write the start time as hours and minutes, for example 9:30, or leave it empty.")
    if code == "unknown_job":
        return _("Choose one of the jobs of the plan.")
    return _("This value cannot be used.")


def format_hours(hours: Decimal) -> str:
    """``4``, ``3,5`` / ``3.5``: hours in the current language, without trailing zeros."""
    return format_number(hours)


def format_start(start: time | None) -> str:
    """``09:30``, or empty text for a shift without a start time."""
    return "" if start is None else format_time(start, format="short", locale=babel_locale())


def short_day(day: date) -> str:
    """``di 6 jan 2026`` / ``Tue 6 Jan 2026``: the weekday and the date, for the table."""
    return format_date(day, format="EEE d MMM y", locale=babel_locale())


def long_day(day: date) -> str:
    """``dinsdag 6 januari 2026`` / ``Tuesday 6 January 2026``: for sentences and screen readers."""
    return format_date(day, format="EEEE d MMMM y", locale=babel_locale())


def weekday_names() -> tuple[str, ...]:
    """The names of Monday … Sunday in the current language (from Babel, not our catalog)."""
    wide = babel_locale().days["format"]["wide"]
    return tuple(str(wide[i]) for i in range(7))


def plural_count(hours: Decimal) -> int:
    """The number ``ngettext`` chooses the form of "hours" by: the whole number, or 2 for a fraction (3,5 hours)."""
    return int(hours) if hours == hours.to_integral_value() else 2


def certainty_label(certainty: Certainty) -> str:
    return _(CERTAINTY_LABELS[certainty])


def job_label(plan: Plan, job_id: str) -> str:
    """The job's name, or its id when it has no name (or does not exist)."""
    job = plan.job(job_id)
    return (job.name or job.id) if job is not None else job_id


def default_job(plan: Plan) -> Job | None:
    """The job a new shift gets when there is no shift to copy: the first hourly job, else the first job."""
    return next((j for j in plan.jobs if j.wage_unit == "hour"), plan.jobs[0] if plan.jobs else None)


def plan_days(plan: Plan) -> tuple[date, date]:
    """The first and the last day of the plan's months."""
    months = plan.month_list()
    (y0, m0), (y1, m1) = months[0], months[-1]
    return date(y0, m0, 1), date(y1, m1, _calendar.monthrange(y1, m1)[1])


def first_weekday(plan: Plan) -> date:
    """The first Monday-to-Friday day of the plan's first month."""
    day = plan_days(plan)[0]
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    return day


def shift_sentence(plan: Plan, shift: Shift, *, with_day: bool = True) -> str:
    """The shift in one sentence: ``Tuesday 6 January 2026: 4 hours at Schoonmaakbedrijf. How sure: Sure.``"""
    n = plural_count(shift.hours)
    values = {
        "day": long_day(shift.date),
        "start": format_start(shift.start),
        "hours": format_hours(shift.hours),
        "job": job_label(plan, shift.job),
        "certainty": certainty_label(shift.certainty),
    }
    if with_day and shift.start is not None:
        text = ngettext(
            "{day}, from {start}: {hours} hour at {job}. How sure: {certainty}.",
            "{day}, from {start}: {hours} hours at {job}. How sure: {certainty}.",
            n,
        )
    elif with_day:
        text = ngettext(
            "{day}: {hours} hour at {job}. How sure: {certainty}.",
            "{day}: {hours} hours at {job}. How sure: {certainty}.",
            n,
        )
    elif shift.start is not None:
        text = ngettext(
            "From {start}: {hours} hour at {job}. How sure: {certainty}.",
            "From {start}: {hours} hours at {job}. How sure: {certainty}.",
            n,
        )
    else:
        text = ngettext(
            "{hours} hour at {job}. How sure: {certainty}.",
            "{hours} hours at {job}. How sure: {certainty}.",
            n,
        )
    return text.format(**values)


def with_shifts(plan: Plan, shifts: Iterable[Shift]) -> Plan:
    """A new frozen plan with these shifts (the old plan is untouched)."""
    return plan.model_copy(update={"shifts": tuple(shifts)})


# --- the table model ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One field of a shift as a table column."""

    key: str
    label: str
    """``N_``-marked header."""
    description: str
    """``N_``-marked sentence for the header's tooltip and screen readers."""
    undo: str
    """``N_``-marked name of the undo step when a cell of this column is changed."""


COLUMNS: tuple[Column, ...] = (
    Column("date", N_("Day"), N_("The day you work."), N_("Change the day of a shift")),
    Column("start", N_("Start"), N_("The time the shift starts, if you know it."), N_("Change the start time of a shift")),
    Column("hours", N_("Hours"), N_("How many hours you work in this shift."), N_("Change the hours of a shift")),
    Column("job", N_("Job"), N_("The job this shift is for."), N_("Change the job of a shift")),
    Column(
        "certainty",
        N_("How sure"),
        N_("How sure you are to get this shift. Extra shifts only count when you compare with more work."),
        N_("Change how sure a shift is"),
    ),
)

DATE, START, HOURS, JOB, CERTAINTY = range(len(COLUMNS))


class ShiftTableModel(QAbstractTableModel):
    """Rows: ``plan.shifts`` in plan order (row = index into the tuple). Columns: :data:`COLUMNS`.

    Editing a cell never changes the model: :meth:`setData` builds the new plan
    and emits :attr:`edit_requested`; the model shows it once
    :meth:`set_plan` is called with it. A value that cannot be a shift is
    refused with :attr:`refused`.
    """

    edit_requested = Signal(object, object)
    """(new :class:`Plan`, the undo step's name: see :data:`ui.document.StepName`)."""
    refused = Signal(str)
    """The code of a typed value that was not used (see :func:`field_error_message`)."""

    ShiftRole = Qt.ItemDataRole.UserRole + 1
    """The row's :class:`Shift`."""

    def __init__(self, plan: Plan | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan

    # --- the data ---------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def set_plan(self, plan: Plan | None) -> None:
        """Show ``plan``; with as many shifts as before the rows are updated in place (open editors survive)."""
        old = self._plan.shifts if self._plan is not None else ()
        new = plan.shifts if plan is not None else ()
        if self._plan is not None and plan is not None and len(old) == len(new):
            same_jobs = plan.jobs == self._plan.jobs
            self._plan = plan
            if not same_jobs:  # job names show in every row
                changed = range(len(new))
            else:
                changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a is not b and a != b]
            if changed:  # one signal over the rows from the first to the last that changed
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(COLUMNS) - 1))
        elif self._plan is not None and plan is not None and len(new) > len(old) and new[: len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._plan = plan
            self.endInsertRows()
            if old:  # job names may have changed with the new plan
                self.dataChanged.emit(self.index(0, 0), self.index(len(old) - 1, len(COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._plan = plan
            self.endResetModel()

    def shift(self, row: int) -> Shift:
        assert self._plan is not None
        return self._plan.shifts[row]

    def retranslate(self) -> None:
        """Show headers and cells in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, len(COLUMNS) - 1))

    def sort_key(self, row: int, column: int) -> tuple[Any, ...]:
        """What a column sorts by; ties go by day, start time and plan order."""
        shift = self.shift(row)
        tail = (shift.date, shift.start or time.min, row)
        if column == START:
            return (shift.start is None, shift.start or time.min, *tail)
        if column == HOURS:
            return (shift.hours, *tail)
        if column == JOB:
            assert self._plan is not None
            return (job_label(self._plan, shift.job).casefold(), *tail)
        if column == CERTAINTY:
            return (CERTAINTIES.index(shift.certainty), *tail)
        return tail

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._plan is None:
            return 0
        return len(self._plan.shifts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._plan is None:
            return None
        shift = self._plan.shifts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(shift, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(shift, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == START and shift.start is None:
                return _("No start time")
            if column == DATE:
                return long_day(shift.date)
            return self._display(shift, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(shift_sentence(self._plan, shift))  # the job's name is the user's text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (START, HOURS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ShiftRole:
            return shift
        return None

    def _display(self, shift: Shift, column: int) -> str:
        assert self._plan is not None
        if column == DATE:
            return short_day(shift.date)
        if column == START:
            return format_start(shift.start)
        if column == HOURS:
            return format_hours(shift.hours)
        if column == JOB:
            return job_label(self._plan, shift.job)
        return certainty_label(shift.certainty)

    @staticmethod
    def _edit_value(shift: Shift, column: int) -> Any:
        if column == DATE:
            return QDate(shift.date.year, shift.date.month, shift.date.day)
        if column == START:
            return format_start(shift.start)
        if column == HOURS:
            return format_hours(shift.hours)
        if column == JOB:
            return shift.job
        return shift.certainty

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].label)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return _(COLUMNS[section].description)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Emit the plan with this cell changed; the model itself stays as it is until :meth:`set_plan`."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._plan is None:
            return False
        shift = self._plan.shifts[index.row()]
        try:
            changed = self._changed(shift, index.column(), value)
        except FieldError as exc:
            self.refused.emit(exc.code)
            return False
        if changed == shift:
            return False
        shifts = list(self._plan.shifts)
        shifts[index.row()] = changed
        undo = COLUMNS[index.column()].undo
        self.edit_requested.emit(with_shifts(self._plan, shifts), lambda: _(undo))
        return True

    def _changed(self, shift: Shift, column: int, value: Any) -> Shift:
        """The shift with ``value`` in ``column``; values come from the delegate's editors or from code."""
        assert self._plan is not None
        if column == DATE:
            day = value.toPython() if isinstance(value, QDate) else value
            if not isinstance(day, date):
                raise FieldError("bad_date")
            return shift.model_copy(update={"date": day})
        if column == START:
            start = parse_start(value) if isinstance(value, str) else value
            if start is not None and not isinstance(start, time):
                raise FieldError("bad_time")
            return shift.model_copy(update={"start": start})
        if column == HOURS:
            hours = value if isinstance(value, Decimal) else parse_hours(str(value))
            if not Decimal(0) < hours <= MAX_SHIFT_HOURS:
                raise FieldError("not_positive" if hours <= 0 else "too_many")
            return shift.model_copy(update={"hours": hours})
        if column == JOB:
            if self._plan.job(str(value)) is None:
                raise FieldError("unknown_job")
            return shift.model_copy(update={"job": str(value)})
        if value not in CERTAINTIES:
            raise FieldError("bad_certainty")
        return shift.model_copy(update={"certainty": value})


class ShiftSortProxy(QSortFilterProxyModel):
    """Sorts the shifts by :meth:`ShiftTableModel.sort_key` (by day, unless the user clicks another header)."""

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if not isinstance(model, ShiftTableModel):
            return super().lessThan(left, right)
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())


# --- editing in place -------------------------------------------------------------------------------


class ShiftDelegate(QStyledItemDelegate):
    """The editors of the shift cells: a date box, a start time (typed or chosen, or none), hours as text, and lists.

    The start time is an editable list, not a ``QTimeEdit``: a time box has no
    empty value, and a shift without a start time is common. Hours are typed
    as text and read with :func:`parse_hours`, so they stay a ``Decimal``.
    """

    def __init__(self, model: ShiftTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    ROOM = 16
    """Extra width of a cell, so neighbouring texts do not touch and the editors fit."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        return QSize(size.width() + self.ROOM, size.height())

    def _source(self, index: AnyIndex) -> QModelIndex:
        model = index.model()
        if isinstance(model, QSortFilterProxyModel):
            return model.mapToSource(index)
        return QModelIndex(index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        plan = self._model.plan
        column = index.column()
        if column == DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            if plan is not None:
                first, last = plan_days(plan)
                editor.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))
            editor.setAccessibleName(_("Day of the shift"))
            editor.setToolTip(_("Type the date, or press Alt+Down for a calendar."))
            return editor
        if column == START:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem(_("No start time"), None)
            for minutes in range(0, 24 * 60, 30):
                at = time(minutes // 60, minutes % 60)
                combo.addItem(format_start(at), at)
            combo.setAccessibleName(_("Start time of the shift"))
            combo.setToolTip(_("Type a time such as 9:30, or choose “No start time”."))
            return combo
        if column == HOURS:
            line = QLineEdit(parent)
            line.setMaxLength(8)
            line.setAccessibleName(_("Hours of the shift"))
            line.setToolTip(_("More than 0 and at most 24 hours, for example {example}.").format(example=format_hours(Decimal("3.5"))))
            return line
        combo = QComboBox(parent)
        if column == JOB:
            for job in plan.jobs if plan is not None else ():
                combo.addItem(job.name or job.id, job.id)
            combo.setAccessibleName(_("Job of the shift"))
            combo.setToolTip(_("The job this shift is for."))
        else:
            for key in CERTAINTIES:
                combo.addItem(certainty_label(key), key)
                combo.setItemData(combo.count() - 1, _(CERTAINTY_DESCRIPTIONS[key]), Qt.ItemDataRole.ToolTipRole)
            combo.setAccessibleName(_("How sure the shift is"))
            combo.setToolTip(_("How sure you are to get this shift."))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            editor.setDate(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)
            editor.selectAll()
        elif isinstance(editor, QComboBox) and editor.isEditable():
            if value:
                editor.setEditText(value)
            else:
                editor.setCurrentIndex(0)
            editor.lineEdit().selectAll()
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:  # noqa: N802
        source = self._source(index)
        if isinstance(editor, QDateEdit):
            value: Any = editor.date()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        elif isinstance(editor, QComboBox) and editor.isEditable():
            text = editor.currentText().strip()
            value = "" if text == editor.itemText(0) else text
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        else:  # pragma: no cover - every editor is one of the above
            return
        self._model.setData(source, value, Qt.ItemDataRole.EditRole)


# --- the calendar -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DaySummary:
    """The shifts of one day, as the calendar paints them."""

    planned: Decimal
    """Hours of the sure, likely and maybe shifts."""
    unsure: bool
    """Some of the planned hours are only likely or maybe."""
    extra: Decimal
    """Hours of extra shifts (not in the plan; only if they come)."""


def day_summaries(shifts: Iterable[Shift]) -> dict[date, DaySummary]:
    planned: dict[date, Decimal] = {}
    unsure: set[date] = set()
    extra: dict[date, Decimal] = {}
    for shift in shifts:
        if shift.certainty == "extra":
            extra[shift.date] = extra.get(shift.date, Decimal(0)) + shift.hours
        else:
            planned[shift.date] = planned.get(shift.date, Decimal(0)) + shift.hours
            if shift.certainty != "sure":
                unsure.add(shift.date)
    return {
        day: DaySummary(planned.get(day, Decimal(0)), day in unsure, extra.get(day, Decimal(0)))
        for day in planned.keys() | extra.keys()
    }


# TRANSLATORS: hours on a day of the calendar, short: "4 h" (Dutch: "4 u").
_SURE_HOURS = N_("{hours} h")
# TRANSLATORS: hours on a day of the calendar that are not sure yet: "4 h?" (Dutch: "4 u?").
_UNSURE_HOURS = N_("{hours} h?")
# TRANSLATORS: extra hours on a day of the calendar, only if they come: "+4 h" (Dutch: "+4 u").
_EXTRA_HOURS = N_("+{hours} h")


@dataclass(frozen=True, slots=True)
class DayMark:
    """One line painted on a calendar day."""

    text: str
    kind: Literal["sure", "unsure", "extra"]
    """``sure`` (filled box), ``unsure`` (dashed frame) or ``extra`` (dotted frame)."""


class ShiftCalendar(QCalendarWidget):
    """A month calendar that paints each day's planned hours on the day; limited to the plan's months."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: dict[date, DaySummary] = {}
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setMinimumSize(420, 300)

    def set_plan(self, plan: Plan | None) -> None:
        self._days = day_summaries(plan.shifts) if plan is not None else {}
        if plan is not None:
            first, last = plan_days(plan)
            self.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))
        self.updateCells()

    def selected_day(self) -> date:
        return self.selectedDate().toPython()

    def select_day(self, day: date) -> None:
        self.setSelectedDate(QDate(day.year, day.month, day.day))

    def day_marks(self, day: date) -> list[DayMark]:
        """What is painted on ``day``: the planned hours (with ``?`` when not sure), and extra hours."""
        summary = self._days.get(day)
        if summary is None:
            return []
        marks = []
        if summary.planned:
            template = _UNSURE_HOURS if summary.unsure else _SURE_HOURS
            marks.append(DayMark(_(template).format(hours=format_hours(summary.planned)), "unsure" if summary.unsure else "sure"))
        if summary.extra:
            marks.append(DayMark(_(_EXTRA_HOURS).format(hours=format_hours(summary.extra)), "extra"))
        return marks

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate | date) -> None:  # noqa: N802 - Qt override
        day = qdate.toPython() if isinstance(qdate, QDate) else qdate
        marks = self.day_marks(day)
        if not marks:
            super().paintCell(painter, rect, qdate)
            return
        font = painter.font()  # the day's own size when the marks fit in the lower half of the day, else smaller
        line = QFontMetrics(font).height() + 4
        if line * len(marks) + 2 > rect.height() // 2:
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
            line = QFontMetrics(font).height() + 2
        strip = min(line * len(marks) + 2, rect.height() // 2)
        selected = qdate == self.selectedDate()
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isActiveWindow() else QPalette.ColorGroup.Inactive
        if selected:  # the day number is painted above the marks: the selection colour fills the whole day
            painter.fillRect(rect, palette.color(group, QPalette.ColorRole.Highlight))
        super().paintCell(painter, rect.adjusted(0, 0, 0, -strip), qdate)
        painter.save()
        painter.setFont(font)
        text_colour = palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        top = rect.bottom() - strip + 1
        for n, mark in enumerate(marks):
            box = QRect(rect.left() + 3, top + n * line, rect.width() - 6, line - 1)
            pen = QPen(text_colour)
            pen.setWidthF(1.2)
            if mark.kind == "sure":
                fill = palette.color(group, QPalette.ColorRole.Highlight)
                fill.setAlpha(70 if not selected else 0)
                painter.fillRect(box, fill)
            else:
                pen.setStyle(Qt.PenStyle.DashLine if mark.kind == "unsure" else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRect(box.adjusted(0, 0, -1, -1))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), mark.text)
        painter.restore()


# --- the panel ------------------------------------------------------------------------------------------


def changed_shifts(old: Sequence[Shift], new: Sequence[Shift]) -> list[int]:
    """Indices in ``new`` of the shifts that are not in ``old`` (changed or added), counting equal shifts apart."""
    left = Counter(old)
    out = []
    for i, shift in enumerate(new):
        if left[shift]:
            left[shift] -= 1
        else:
            out.append(i)
    return out


class ShiftsPanel(QWidget):
    """The shifts of one plan: a table and a calendar, with Add, Duplicate, Repeat…, Delete and "what does it add?".

    A view of ``plan``: it emits new plans and never changes one (see the
    module docstring).
    """

    edit_requested = Signal(object, object)
    """(new :class:`Plan`, the undo step's name, e.g. "Add a shift": see :data:`ui.document.StepName`)."""
    effect_requested = Signal(object)
    """The indices in ``plan.shifts`` (a list, in plan order) of the shifts whose effect, together, the user asks
    for: every selected shift, or the current one."""
    effect_count_changed = Signal(int)
    """How many shifts "What does this shift add?" is about now (the menu text follows: "these shifts")."""

    LIST_PAGE, CALENDAR_PAGE = 0, 1

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftsPanel")
        self._plan: Plan | None = None
        self._expected: tuple[Plan, tuple[int, ...]] | None = None
        """The plan the panel last emitted and the rows to select once it comes back."""
        self._message: Callable[[], str] | None = None
        self._effect_count = 0
        """How many shifts "What does this shift add?" is about (see :meth:`effect_indices`)."""
        self.repeat_dialog: QWidget | None = None
        """The open Repeat dialog, if any."""

        self.model = ShiftTableModel(parent=self)
        self.model.edit_requested.connect(self._emit_edit)
        self.model.refused.connect(self._on_refused)
        self.proxy = ShiftSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.no_jobs_label = QLabel(self)
        self.no_jobs_label.setWordWrap(True)
        use_content_font(self.no_jobs_label)
        layout.addWidget(self.no_jobs_label)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_list_page()
        self._build_calendar_page()
        self.tabs.currentChanged.connect(lambda _page: self._update_actions())
        self.tabs.currentChanged.connect(self._size_by_shown_page)
        self._size_by_shown_page(self.tabs.currentIndex())

        self.message = QLabel(self)
        self.message.setObjectName("shiftsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setFrameShape(QLabel.Shape.StyledPanel)
        self.message.setMargin(6)
        use_content_font(self.message)
        self.message.hide()
        layout.addWidget(self.message)

        self._build_actions()
        self.setTabOrder(self.tabs.tabBar(), self.table)
        self.retranslate_ui()
        self.set_plan(plan)

    # --- building -----------------------------------------------------------------------------

    def _build_list_page(self) -> None:
        page = QWidget(self.tabs)
        self.list_page = page
        box = QVBoxLayout(page)
        self.table = QTableView(page)
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(ShiftDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setAlternatingRowColors(True)
        self.table.setCornerButtonEnabled(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        use_content_font(self.table)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The columns are fitted to their contents when the rows come or go, the language or the font
        # changes (see fit_columns), not on every edit: an automatic fit measures every sampled cell
        # again after each change of a single hour, which made editing a long plan slow.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(60)  # fit to the rows on screen and a few more
        header.setStretchLastSection(True)
        self._columns_fitted = False
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_actions())
        self.table.selectionModel().currentChanged.connect(lambda *_args: self._update_actions())
        box.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.add_button = self._button(page)
        self.duplicate_button = self._button(page)
        self.repeat_button = self._button(page)
        self.delete_button = self._button(page)
        self.effect_button = self._button(page)
        for button in (self.add_button, self.duplicate_button, self.repeat_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.effect_button)
        box.addLayout(row)
        self.tabs.addTab(page, "")

    def _build_calendar_page(self) -> None:
        page = QWidget(self.tabs)
        self.calendar_page = page
        box = QHBoxLayout(page)
        self.calendar = ShiftCalendar(page)
        self.calendar.selectionChanged.connect(self._retranslate_day)
        self.calendar.activated.connect(self._on_calendar_activated)
        box.addWidget(self.calendar, 3)

        side = QVBoxLayout()
        self.day_title = QLabel(page)
        font = self.day_title.font()
        font.setBold(True)
        self.day_title.setFont(font)
        self.day_title.setWordWrap(True)
        side.addWidget(self.day_title)
        self.day_list = QLabel(page)
        self.day_list.setWordWrap(True)
        self.day_list.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.day_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        use_content_font(self.day_list)
        side.addWidget(self.day_list)
        self.add_on_day_button = QToolButton(page)
        self.add_on_day_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_on_day_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        on_trigger(self.add_on_day_button, self.add_on_calendar_day)
        side.addWidget(self.add_on_day_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        self.legend = QLabel(page)
        self.legend.setWordWrap(True)
        side.addWidget(self.legend)
        box.addLayout(side, 2)
        self.tabs.addTab(page, "")

    @staticmethod
    def _button(parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return button

    def _action(self, keys: QKeySequence, slot: Callable[[], None], owner: QWidget, button: QToolButton) -> QAction:
        """An action with a shortcut that works while the focus is in ``owner``, shown on ``button``."""
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        on_trigger(action, slot)
        owner.addAction(action)
        button.setDefaultAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(QKeySequence(Qt.Key.Key_Insert), self.add_shift, self, self.add_button)
        self.duplicate_action = self._action(QKeySequence("Ctrl+D"), self.duplicate_shifts, self.list_page, self.duplicate_button)
        self.repeat_action = self._action(QKeySequence("Ctrl+R"), self.open_repeat_dialog, self, self.repeat_button)
        self.delete_action = self._action(QKeySequence(QKeySequence.StandardKey.Delete), self.delete_shifts, self.list_page, self.delete_button)
        self.effect_action = self._action(QKeySequence("Ctrl+E"), self.request_effect, self.list_page, self.effect_button)
        # The same actions on a right click (or the Menu key) in the list: on the selected shifts.
        separator = QAction(self)
        separator.setSeparator(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.add_action, self.duplicate_action, self.repeat_action, self.delete_action,
                               separator, self.effect_action])

    # --- the plan ------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def set_plan(self, plan: Plan | None) -> None:
        """Show ``plan`` (after every edit, undo and redo); the same shift index stays current, clamped."""
        if plan is self._plan and plan is not None:
            return
        previous = self.selected_shift_index()
        previous_row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else None
        old_count = len(self._plan.shifts) if self._plan is not None else 0
        expected, self._expected = self._expected, None
        old_plan, self._plan = self._plan, plan
        self.model.set_plan(plan)
        self.calendar.set_plan(plan)
        self.calendar.setEnabled(plan is not None)
        count = len(plan.shifts) if plan is not None else 0
        if old_plan is None or plan is None or count != old_count or plan.jobs != old_plan.jobs:
            self.fit_columns()  # rows came or went, another plan, or other job names
        changed = changed_shifts(old_plan.shifts, plan.shifts) if old_plan is not None and plan is not None else []
        if expected is not None and expected[0] == plan and expected[1]:
            self.select_shifts(expected[1])
        elif count and previous is None:  # a plan to show: start on its first shift by day
            self.select_shifts([self.proxy.mapToSource(self.proxy.index(0, 0)).row()])
        elif count and expected is None and changed and len(changed) < count:
            # Undo or redo from outside: the shifts it changed or brought back, wherever they are by day.
            self.select_shifts(changed)
        elif count and old_count != count and previous_row is not None:
            # Shifts went away (an add undone, a delete redone): the row before them by day, not the last one.
            row = min(max(previous_row - 1, 0), self.proxy.rowCount() - 1)
            self.select_shifts([self.proxy.mapToSource(self.proxy.index(row, 0)).row()])
        self._retranslate_jobs_hint()
        self._retranslate_day()
        self._update_actions()

    def _emit_edit(self, plan: Plan, text: StepName, select: Sequence[int] = ()) -> None:
        self.clear_message()
        self._expected = (plan, tuple(select))
        self.edit_requested.emit(plan, text)

    def _size_by_shown_page(self, index: int) -> None:
        """Only the page on screen counts for the panel's minimum size: the calendar needs more height than the
        list, and on a small screen (1280×720) the list with its buttons then fits without a scroll bar."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.tabs.updateGeometry()

    def current_view(self) -> QWidget:
        """The shift list or the calendar, whichever is shown: where the keyboard goes on the Shifts tab."""
        return self.calendar if self.tabs.currentIndex() == self.CALENDAR_PAGE else self.table

    # --- selection ---------------------------------------------------------------------------

    def selected_shift_index(self) -> int | None:
        """The index in ``plan.shifts`` of the current shift (the one "What does this shift add?" is about)."""
        current = self.table.currentIndex()
        if not current.isValid() or self._plan is None:
            return None
        row = self.proxy.mapToSource(current).row()
        return row if 0 <= row < len(self._plan.shifts) else None

    def selected_shift_indices(self) -> list[int]:
        """The indices in ``plan.shifts`` of every selected shift, in plan order."""
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return sorted(rows)

    def select_shifts(self, indices: Iterable[int]) -> None:
        """Select these shifts (indices in ``plan.shifts``); the first one by day becomes current."""
        proxy_rows = sorted(
            self.proxy.mapFromSource(self.model.index(i, 0)).row() for i in indices if 0 <= i < self.model.rowCount()
        )
        if not proxy_rows:
            return
        selection_model = self.table.selectionModel()
        column = max(self.table.currentIndex().column(), 0)
        current = self.proxy.index(proxy_rows[0], column)
        if self.table.currentIndex() != current:
            selection_model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection = QItemSelection()
        for row in proxy_rows:
            selection.select(self.proxy.index(row, 0), self.proxy.index(row, len(COLUMNS) - 1))
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(current)

    # --- edits ---------------------------------------------------------------------------------

    def _editing(self) -> bool:
        return self.table.state() == QAbstractItemView.State.EditingState

    def _template(self) -> Shift | None:
        """The shift a new one copies: the current shift, or one with the first hourly job and 4 hours."""
        if self._plan is None:
            return None
        index = self.selected_shift_index()
        if index is not None:
            return self._plan.shifts[index]
        job = default_job(self._plan)
        if job is None:
            return None
        return Shift(date=first_weekday(self._plan), hours=DEFAULT_HOURS, job=job.id)

    def new_shift_day(self) -> date | None:
        """The day Add uses: the day after the current shift (within the plan), or the plan's first weekday."""
        if self._plan is None:
            return None
        index = self.selected_shift_index()
        if index is None:
            return first_weekday(self._plan)
        return min(self._plan.shifts[index].date + timedelta(days=1), plan_days(self._plan)[1])

    def add_shift(self) -> None:
        """Insert: a new shift on the day after the current one (on the calendar: on the selected day)."""
        if self.tabs.currentIndex() == self.CALENDAR_PAGE:
            self.add_on_calendar_day()
            return
        day = self.new_shift_day()
        if day is not None and not self._editing():
            self._add_on(day)

    def add_on_calendar_day(self) -> None:
        """A new shift on the day selected in the calendar."""
        self._add_on(self.calendar.selected_day())

    def _add_on(self, day: date) -> None:
        template = self._template()
        if self._plan is None or template is None or not self._plan.jobs:
            return
        shift = template.model_copy(update={"date": day})
        plan = with_shifts(self._plan, (*self._plan.shifts, shift))
        self._emit_edit(plan, lambda: _("Add a shift"), [len(self._plan.shifts)])

    def duplicate_shifts(self) -> None:
        """Ctrl+D: each selected shift again, one week later."""
        if self._plan is None or self._editing():
            return
        indices = self.selected_shift_indices()
        if not indices:
            return
        last = plan_days(self._plan)[1]
        copies = [self._plan.shifts[i].model_copy(update={"date": self._plan.shifts[i].date + timedelta(days=7)}) for i in indices]
        if any(c.date > last for c in copies):
            self.show_message(
                lambda: _("One week later is after the last month of the plan ({day}). Nothing was added.").format(day=long_day(last))
            )
            return
        start = len(self._plan.shifts)
        plan = with_shifts(self._plan, (*self._plan.shifts, *copies))
        n = len(copies)
        self._emit_edit(plan, lambda: ngettext("Duplicate a shift", "Duplicate {count} shifts", n).format(count=n),
                        range(start, start + n))

    def delete_shifts(self) -> None:
        """Delete: every selected shift."""
        if self._plan is None or self._editing():
            return
        indices = set(self.selected_shift_indices())
        if not indices:
            return
        kept = [s for i, s in enumerate(self._plan.shifts) if i not in indices]
        n = len(indices)
        self._emit_edit(with_shifts(self._plan, kept), lambda: ngettext("Delete a shift", "Delete {count} shifts", n).format(count=n))

    def effect_indices(self) -> list[int]:
        """The shifts "What does this shift add?" is about: every selected shift, or else the current one."""
        if self._plan is None:
            return []
        selected = [i for i in self.selected_shift_indices() if 0 <= i < len(self._plan.shifts)]
        if selected:
            return selected
        index = self.selected_shift_index()
        return [] if index is None else [index]

    def request_effect(self) -> None:
        """Ctrl+E: ask the window what the selected shifts add together."""
        indices = self.effect_indices()
        if indices:
            self.effect_requested.emit(indices)

    def open_repeat_dialog(self) -> None:
        """Ctrl+R: the Repeat dialog, filled in from the current shift (or the selected calendar day)."""
        if self._plan is None or not self._plan.jobs or self.repeat_dialog is not None:
            return
        from ui.repeat_dialog import RepeatDialog  # here, not at the top: the dialog uses this module's helpers

        template = self._template()
        assert template is not None
        first = self.calendar.selected_day() if self.tabs.currentIndex() == self.CALENDAR_PAGE else self.new_shift_day()
        dialog = RepeatDialog(self._plan, template, first or template.date, self)
        dialog.accepted.connect(lambda: self._add_repeated(dialog.shifts()))
        dialog.finished.connect(self._repeat_closed)
        self.repeat_dialog = dialog
        dialog.open()

    def _repeat_closed(self) -> None:
        dialog, self.repeat_dialog = self.repeat_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _add_repeated(self, shifts: Sequence[Shift]) -> None:
        if self._plan is None or not shifts:
            return
        start = len(self._plan.shifts)
        plan = with_shifts(self._plan, (*self._plan.shifts, *shifts))
        n = len(shifts)
        self._emit_edit(plan, lambda: ngettext("Add {count} repeated shift", "Add {count} repeated shifts", n).format(count=n),
                        range(start, start + n))

    def _on_calendar_activated(self, qdate: QDate) -> None:
        """Enter on a day: a day with shifts shows them in the list; an empty day gets a new shift."""
        if self._plan is None:
            return
        day = qdate.toPython()
        indices = [i for i, s in enumerate(self._plan.shifts) if s.date == day]
        if indices:
            self.tabs.setCurrentIndex(self.LIST_PAGE)
            self.select_shifts(indices)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._plan.jobs:
            self._add_on(day)

    # --- the message line -----------------------------------------------------------------------

    def _on_refused(self, code: str) -> None:
        self.show_message(lambda: _("{reason} The shift was not changed.").format(reason=field_error_message(code)))

    def show_message(self, text: Callable[[], str]) -> None:
        """Show a sentence under the table (rendered again on a language switch) and tell screen readers."""
        self._message = text
        self._retranslate_message()
        QAccessible.updateAccessibility(QAccessibleEvent(self.message, QAccessible.Event.Alert))

    def clear_message(self) -> None:
        self._message = None
        self._retranslate_message()

    def message_text(self) -> str:
        return self.message.text() if self._message is not None else ""

    # --- state ------------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        has_jobs = self._plan is not None and bool(self._plan.jobs)
        current = self.selected_shift_index() is not None
        selected = bool(self.table.selectionModel().selectedRows()) if self._plan is not None else False
        on_list = self.tabs.currentIndex() == self.LIST_PAGE
        self.add_action.setEnabled(has_jobs)
        self.repeat_action.setEnabled(has_jobs)
        self.add_on_day_button.setEnabled(has_jobs)
        self.duplicate_action.setEnabled(on_list and selected)
        self.delete_action.setEnabled(on_list and selected)
        self.effect_action.setEnabled(on_list and current)
        count = len(self.effect_indices())
        if count != self._effect_count:
            self._effect_count = count
            self._retranslate_effect()
            self.effect_count_changed.emit(count)

    # --- language -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        # Widgets keep the locale they were made with: the calendar's month names, the date boxes
        # and the Repeat dialog (made later, inside the panel) follow the new language from here.
        self.setLocale(QLocale())
        self.setAccessibleName(_("Your shifts"))
        self.tabs.setTabText(self.LIST_PAGE, _("List"))
        self.tabs.setTabText(self.CALENDAR_PAGE, _("Calendar"))
        self.tabs.setTabToolTip(self.LIST_PAGE, _("Your shifts in a table, by day"))
        self.tabs.setTabToolTip(self.CALENDAR_PAGE, _("Your shifts on a month calendar"))
        self.tabs.setAccessibleName(_("Shifts as a list or a calendar"))
        self.tabs.tabBar().setAccessibleName(_("List or calendar"))
        self.tabs.tabBar().setToolTip(_("Show your shifts as a list or on a calendar (Ctrl+Tab switches)."))
        self.table.setAccessibleName(_("Your shifts"))
        self.table.setAccessibleDescription(
            _("One row per shift, sorted by day. Press F2 or start typing to change a cell, Insert to add a shift and Delete to remove the selected shifts.")
        )
        self.table.horizontalHeader().setAccessibleName(_("Shift details"))
        self.model.retranslate()
        self.fit_columns()
        self._retranslate_actions()
        self._retranslate_calendar()
        self._retranslate_jobs_hint()
        self._retranslate_message()
        self.message.setAccessibleName(_("Message about your shifts"))

    def _retranslate_actions(self) -> None:
        def key(action: QAction) -> str:
            return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

        texts = (
            (self.add_action, self.add_button, _("Add"), _("Add a shift"),
             _("Adds a shift on the day after the selected shift, with the same job and hours ({key}).")),
            (self.duplicate_action, self.duplicate_button, _("Duplicate"), _("Duplicate the selected shifts"),
             _("Adds the selected shifts again, one week later ({key}).")),
            (self.repeat_action, self.repeat_button, _("Repeat…"), _("Repeat a shift every week"),
             _("Adds a shift on chosen days of every week, until a day you choose ({key}).")),
            (self.delete_action, self.delete_button, _("Delete"), _("Delete the selected shifts"),
             _("Removes the selected shifts from your plan ({key}). You can undo this.")),
        )
        for action, button, text, name, tip in texts:
            action.setText(text)
            action.setIconText(text)  # the button shows the icon text; Qt would drop the "…" of "Repeat…"
            action.setToolTip(tip.format(key=key(action)))
            button.setAccessibleName(name)
            button.setAccessibleDescription(tip.format(key=key(action)))
        self._retranslate_effect()

    def _retranslate_effect(self) -> None:
        """"What does this shift add?", or "What do these shifts add?" when several shifts are selected."""
        n = max(self._effect_count, 1)
        text = effect_title(n)
        tip = ngettext("Shows what the selected shift adds to each month, after bijstand and premie ({key}).",
                       "Shows what the {count} selected shifts add together to each month, after bijstand and "
                       "premie ({key}).", n).format(
            count=n, key=self.effect_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        self.effect_action.setText(text)
        self.effect_action.setIconText(text)
        self.effect_action.setToolTip(tip)
        self.effect_button.setAccessibleName(text)
        self.effect_button.setAccessibleDescription(tip)

    def _retranslate_calendar(self) -> None:
        self.calendar.setAccessibleName(_("Calendar of your shifts"))
        self.calendar.setToolTip(_("Page Up and Page Down change the month. Enter on a day adds a shift, or shows the shifts of that day."))
        names = {
            "qt_calendar_prevmonth": (_("Previous month"), _("Show the previous month")),
            "qt_calendar_nextmonth": (_("Next month"), _("Show the next month")),
            "qt_calendar_monthbutton": (_("Choose the month"), _("Choose the month to show")),
            "qt_calendar_yearbutton": (_("Choose the year"), _("Choose the year to show")),
            "qt_calendar_yearedit": (_("Year"), _("Type the year to show")),
            "qt_calendar_calendarview": (_("Days of the month"), _("Use the arrow keys to move from day to day.")),
        }
        for name, (accessible, tip) in names.items():
            child = self.calendar.findChild(QWidget, name)
            if child is not None:
                child.setAccessibleName(accessible)
                child.setToolTip(tip)
        self.day_list.setAccessibleName(_("Shifts on the selected day"))
        self.add_on_day_button.setText(_("Add on this day"))
        self.add_on_day_button.setAccessibleName(_("Add a shift on this day"))
        self.add_on_day_button.setToolTip(_("Adds a shift on the day selected in the calendar ({key}).").format(
            key=self.add_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.legend.setText(
            _("{sure}: hours you are sure of. {unsure} in a dashed frame: not sure yet. {extra} in a dotted frame: extra hours, only if they come.").format(
                sure=_(_SURE_HOURS).format(hours=format_hours(DEFAULT_HOURS)),
                unsure=_(_UNSURE_HOURS).format(hours=format_hours(DEFAULT_HOURS)),
                extra=_(_EXTRA_HOURS).format(hours=format_hours(DEFAULT_HOURS)),
            )
        )
        self.calendar.updateCells()
        self._retranslate_day()

    def _retranslate_day(self) -> None:
        """The selected calendar day and its shifts, in words (also the calendar's description for screen readers)."""
        day = self.calendar.selected_day()
        self.day_title.setText(long_day(day))
        shifts = [s for s in self._plan.shifts if s.date == day] if self._plan is not None else []
        if shifts:
            assert self._plan is not None
            lines = [shift_sentence(self._plan, s, with_day=False) for s in sorted(shifts, key=lambda s: s.start or time.min)]
            text = "\n".join(lines)
        else:
            text = _("No shifts on this day.")
        self.day_list.setText(text)
        # TRANSLATORS: what a screen reader says about the calendar: the selected day, then the sentences about its shifts.
        self.calendar.setAccessibleDescription(_("{day}. {shifts}").format(day=long_day(day), shifts=" ".join(text.splitlines())))

    def _retranslate_jobs_hint(self) -> None:
        no_jobs = self._plan is not None and not self._plan.jobs
        self.no_jobs_label.setText(_("Add a job to the plan first: every shift belongs to a job."))
        self.no_jobs_label.setVisible(no_jobs)

    def _retranslate_message(self) -> None:
        text = self._message() if self._message is not None else ""
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.message.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- column widths ------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Fit the columns to their contents: now when the table is on screen, else when it is shown."""
        self._columns_fitted = False
        if self.table.isVisible():
            self._fit_now()

    def _fit_now(self) -> None:
        self._columns_fitted = True
        for column in range(len(COLUMNS) - 1):  # the last one fills the rest of the width
            self.table.resizeColumnToContents(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table:
            if event.type() == QEvent.Type.FontChange:
                self.fit_columns()  # larger text in a consultation
            elif event.type() == QEvent.Type.Show and not self._columns_fitted:
                self._fit_now()
        return super().eventFilter(watched, event)


__all__ = [
    "CERTAINTIES",
    "CERTAINTY_DESCRIPTIONS",
    "CERTAINTY_LABELS",
    "COLUMNS",
    "DEFAULT_HOURS",
    "MAX_SHIFT_HOURS",
    "DayMark",
    "DaySummary",
    "FieldError",
    "ShiftCalendar",
    "ShiftDelegate",
    "ShiftSortProxy",
    "ShiftTableModel",
    "ShiftsPanel",
    "certainty_label",
    "day_summaries",
    "default_job",
    "field_error_message",
    "first_weekday",
    "format_hours",
    "format_start",
    "job_label",
    "long_day",
    "parse_hours",
    "parse_start",
    "plan_days",
    "plural_count",
    "shift_sentence",
    "short_day",
    "weekday_names",
    "with_shifts",
]
