"""Forms that edit a plan: the household, the jobs, the money (balance, buffer, fixed costs), and the uncertainty
(the plan's ``risk`` section: what the chances over many possible futures assume).

Each form is a view of a :class:`planner.model.Plan` (STYLE.md point 2). It is
filled from the plan it gets, or with neutral defaults, and it builds new
frozen planner objects from what the user entered (:meth:`HouseholdForm.household`,
:meth:`JobsForm.jobs`, :meth:`MoneyForm.expenses` …). It computes nothing: the
rules stay in ``planner/``. Fields a form does not show (a partner's
vrijlating months, a job's pay delay …) are kept from the plan it was given.

Input that cannot become a plan raises :class:`FormError` with the widget and
a translated message; :meth:`PlanForm.show_error` shows it in a line under the
field and moves the focus there. Amounts are typed as text and parsed to
``Decimal`` (``14,71``, ``14.71`` and ``€ 650,-`` are all fine); there is no
float anywhere. Dates use :class:`DateField`, a ``QDateEdit`` with a calendar
that can also be empty ("not filled in").

:func:`edit_household`, :func:`edit_jobs`, :func:`edit_money` and :func:`edit_uncertainty` show one form
in a modal dialog and return the new plan, or ``None`` when cancelled. A dialog
closes only when the new plan has no new errors in
:func:`planner.validate.check_plan`; errors are shown at their field where the
form knows it.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.benefit import MUNICIPALITY_NAMES as PLANNER_MUNICIPALITY_NAMES
from planner.explain import render
from planner.i18n import N_, _, format_month, format_number, format_percent, get_language, ngettext
from planner.model import Composition, Expense, Household, Housemate, Job, Person, Plan, Risk, Settlement
from planner.people import age_on
from planner.rules import load_rules
from planner.validate import Issue, check_plan, describe_errors
from ui.fonts import use_content_font
from ui.actions import on_trigger

log = logging.getLogger("ui.plan_forms")

M = TypeVar("M", bound=BaseModel)
RowT = TypeVar("RowT", bound=QWidget)

#: A neutral birth date for the claimant when nothing is known yet: an adult, far from the state pension age.
DEFAULT_BIRTH_DATE = date(1990, 1, 1)
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
#: The range of a job's start and end date.
EARLIEST_JOB_DATE = date(2000, 1, 1)
LATEST_JOB_DATE = date(2100, 12, 31)
#: A date used only to show the date format in examples ("for example 14-05-1988").
EXAMPLE_DATE = date(1988, 5, 14)

ERROR_COLOUR = QColor("#a4000f")
"""Dark red: readable on a light background (contrast above 7:1 on white)."""


# --- errors ------------------------------------------------------------------------------------


class FormError(ValueError):
    """Input that cannot become part of a plan: ``widget`` is the field, ``message`` says what to do (translated)."""

    def __init__(self, widget: QWidget, message: str) -> None:
        super().__init__(message)
        self.widget = widget
        self.message = message


class ErrorLabel(QLabel):
    """A line in dark red under a field; hidden while there is no error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
        self.setPalette(palette)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleName(message)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.setAccessibleName("")
        self.hide()


# --- amounts -----------------------------------------------------------------------------------

_AMOUNT_RE = re.compile(r"^(?P<sign>-)?(?P<whole>\d+)(?:[.,](?P<frac>\d*))?$")


class AmountError(ValueError):
    """Text that is not an amount. ``code``: ``not_a_number``, ``negative`` or ``too_many_decimals``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_amount(text: str, *, allow_negative: bool = False, max_decimals: int = 2) -> Decimal | None:
    """The amount in ``text`` as a Decimal, or ``None`` when ``text`` is empty.

    Accepts a comma or a point before the cents (``14,71``, ``14.71``), a euro
    sign, spaces, and the Dutch ``650,-``. A thousands separator is refused
    rather than guessed: ``1.200`` has three digits after the point, so it is
    refused (is it 1200 or 1.2?). Only text is accepted, never a float.
    """
    if not isinstance(text, str):
        raise TypeError("parse_amount takes text, never a float")
    cleaned = "".join(text.split()).replace("€", "")
    if cleaned.endswith((",-", ".-")):
        cleaned = cleaned[:-2]
    if not cleaned:
        return None
    match = _AMOUNT_RE.match(cleaned)
    if not match:
        raise AmountError("not_a_number")
    fraction = match["frac"] or ""
    if len(fraction) > max_decimals:
        raise AmountError("too_many_decimals")
    value = Decimal(f"{match['sign'] or ''}{match['whole']}.{fraction or '0'}")
    if fraction == "":
        value = value.quantize(Decimal(1))
    if value < 0 and not allow_negative:
        raise AmountError("negative")
    return value


def amount_text(value: Decimal) -> str:
    """An amount for a text field, with the language's decimal sign and no thousands separator."""
    text = format(value, "f")
    return text.replace(".", QLocale().decimalPoint())


def amount_example() -> str:
    """``14,71`` in Dutch, ``14.71`` in English."""
    return format_number(Decimal("14.71"), decimals=2)


def amount_error_message(error: AmountError, text: str) -> str:
    """What to do about ``text``, in plain words."""
    if error.code == "negative":
        return _("The amount cannot be less than zero.")
    if error.code == "too_many_decimals":
        return _(
            "Write the amount without a thousands separator, with at most two digits after the comma or point. "
            "For example: {example}."
        ).format(example=amount_example())
    return _("“{text}” is not an amount. Write it like this: {example}.").format(text=text.strip(), example=amount_example())


def read_amount(field: QLineEdit, *, allow_negative: bool = False, max_decimals: int = 2) -> Decimal | None:
    """The amount in ``field``, or ``None`` when it is empty; raises :class:`FormError` on bad text."""
    try:
        return parse_amount(field.text(), allow_negative=allow_negative, max_decimals=max_decimals)
    except AmountError as exc:
        raise FormError(field, amount_error_message(exc, field.text())) from None


# --- small helpers -----------------------------------------------------------------------------

#: Room for a window's title bar and borders, which the desktop adds around it (as for the main window).
FRAME = QSize(16, 40)


def size_on_screen(wanted: QSize, available: QRect) -> QSize:
    """``wanted``, made smaller where needed so that the window with its frame fits in ``available``."""
    return QSize(max(min(wanted.width(), available.width() - FRAME.width()), 320),
                 max(min(wanted.height(), available.height() - FRAME.height()), 240))


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Give a dialog or wizard ``width`` × ``height``, or less on a small screen (1280×720): it never runs off it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, width + 16, height + 40)
    window.resize(size_on_screen(QSize(width, height), available))



def replace(model: M, **changes: Any) -> M:
    """A copy of a frozen planner model with ``changes``, validated again (``model_copy`` would not validate)."""
    return type(model).model_validate({**model.model_dump(), **changes})


def job_id_from_name(name: str, taken: Iterable[str] = ()) -> str:
    """A job id made from its name: lower case, ASCII, words joined by ``-``, unique among ``taken``.

    ``"Schoonmaak B.V."`` → ``"schoonmaak-b-v"``; an empty name gives ``"job"``;
    a second one gives ``"job-2"``. Never longer than 40 characters.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:32].strip("-") or "job"
    used = set(taken)
    candidate, number = slug, 2
    while candidate in used:
        candidate = f"{slug}-{number}"
        number += 1
    return candidate


def job_label(job: Job, number: int) -> str:
    """The job's name, or "Job 2" when it has none."""
    return job.name or _("Job {number}").format(number=number)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_format() -> str:
    """The language's short date format, always with four digits for the year (``dd-MM-yyyy``, ``dd/MM/yyyy``)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def date_example(day: date = EXAMPLE_DATE) -> str:
    """A date as it is typed in a date field, e.g. ``14-05-1988``."""
    return QLocale().toString(to_qdate(day), date_format())


def weekday_name(iso_weekday: int) -> str:
    """``Maandag`` / ``Monday``: the day's name in the current language, with a capital."""
    name = QLocale().standaloneDayName(iso_weekday, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


def month_name(month: int) -> str:
    """``mei`` / ``May``."""
    return QLocale().monthName(month, QLocale.FormatType.LongFormat)


def set_combo_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (the first item when there is none)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def plan_errors(plan: Plan, before: Plan | None = None) -> list[Issue]:
    """The errors of ``plan`` (:func:`planner.validate.check_plan`); with ``before``, only the new ones."""
    rules = load_rules()
    errors = [i for i in check_plan(plan, rules) if i.severity == "error"]
    if before is not None:
        old = {(i.code, i.where) for i in check_plan(before, rules) if i.severity == "error"}
        errors = [i for i in errors if (i.code, i.where) not in old]
    return errors


def issue_text(issue: Issue) -> str:
    return render(issue.explanation, get_language())


class LanguageAware:
    """Mixin: ``retranslate_ui()`` on every ``QEvent.LanguageChange`` (the widget's own texts only)."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


# --- the date field ----------------------------------------------------------------------------

_SEPARATOR_KEYS = frozenset({Qt.Key.Key_Minus, Qt.Key.Key_Slash, Qt.Key.Key_Period, Qt.Key.Key_Comma, Qt.Key.Key_Space})
_STEP_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class DateField(LanguageAware, QDateEdit):
    """A date: typed as day, month and year in the language's order, or picked in a calendar.

    Typing ``14051988`` or ``14-5-1988`` both give 14 May 1988: a separator
    moves on to the next part, and is skipped when the part was already full.
    An ``optional`` field can be empty: it then shows ``empty_text`` (a ``N_``
    message), :meth:`value` is ``None``, typing a digit starts a date, and
    Delete (or Backspace on the whole date) empties it again.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        value: date | None,
        minimum: date,
        maximum: date,
        optional: bool = False,
        empty_text: str = N_("not filled in"),
        calendar_start: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        self._empty_text = empty_text
        self._minimum = minimum
        self._maximum = maximum
        self._calendar_start = calendar_start
        self._advanced = False
        self.setCalendarPopup(True)
        self._apply_range()
        self.calendarWidget().installEventFilter(self)
        self.set_value(value)
        self.retranslate_ui()

    # --- value ---

    def _sentinel(self) -> date:
        return self._minimum - timedelta(days=1)

    def _apply_range(self) -> None:
        self.setDateRange(to_qdate(self._sentinel() if self._optional else self._minimum), to_qdate(self._maximum))

    def set_range(self, minimum: date, maximum: date) -> None:
        """Allow dates from ``minimum`` to ``maximum``; a date outside moves to the nearest of the two."""
        current = self.value()
        self._minimum, self._maximum = minimum, maximum
        self._apply_range()
        self.set_value(None if current is None else min(max(current, minimum), maximum))

    def value(self) -> date | None:
        day = from_qdate(self.date())
        if self._optional and day < self._minimum:
            return None
        return day

    def set_value(self, value: date | None) -> None:
        if value is None:
            if not self._optional:
                raise ValueError("this date field cannot be empty")
            self.setDate(to_qdate(self._sentinel()))
        else:
            self.setDate(to_qdate(value))

    def is_empty(self) -> bool:
        return self.value() is None

    def _seed(self) -> date:
        """Where typing into an empty field starts: 1 January, so every day number can be typed first."""
        start = self._calendar_start or date(2000, 1, 1)
        seed = date(start.year, 1, 1)
        return min(max(seed, self._minimum), self._maximum)

    # --- keyboard ---

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        is_digit = Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and plain
        if self.is_empty():
            if is_digit:
                self.setDate(to_qdate(self._seed()))
                self.setCurrentSectionIndex(0)
                self.setSelectedSection(self.currentSection())
            elif key in _STEP_KEYS:
                self.setDate(to_qdate(self._seed()))
                self.setSelectedSection(self.currentSection())
                event.accept()
                return
        elif self._optional and (key == Qt.Key.Key_Delete or (key == Qt.Key.Key_Backspace and self._all_selected())):
            self.set_value(None)
            event.accept()
            return
        if key in _SEPARATOR_KEYS and plain and not self.is_empty():
            if self._advanced:
                self._advanced = False  # the part was full and the cursor moved on already
            elif self.currentSectionIndex() < self.sectionCount() - 1:
                self.setCurrentSectionIndex(self.currentSectionIndex() + 1)
                self.setSelectedSection(self.currentSection())
            event.accept()
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = is_digit and self.currentSectionIndex() != before

    def _all_selected(self) -> bool:
        edit = self.lineEdit()
        return bool(edit.text()) and edit.selectedText() == edit.text()

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._advanced = False
        super().focusInEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # An empty field opens its calendar near a sensible date, not at the hidden "empty" day.
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.is_empty():
            start = min(max(self._calendar_start or self._seed(), self._minimum), self._maximum)
            self.calendarWidget().setCurrentPage(start.year, start.month)
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.setLocale(QLocale())
        self.calendarWidget().setLocale(QLocale())
        self.setDisplayFormat(date_format())
        if self._optional:
            self.setSpecialValueText(_(self._empty_text))


# --- layout pieces -----------------------------------------------------------------------------


class FieldBlock(QWidget):
    """One question: a bold label, a help line, the field(s), and a line for an error."""

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout.addWidget(self.label)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.hide()
        layout.addWidget(self.help)
        self.body: QVBoxLayout | QHBoxLayout = QHBoxLayout() if horizontal else QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body)
        self.error_label = ErrorLabel(self)
        layout.addWidget(self.error_label)

    def add(self, item: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(item, QLayout):
            self.body.addLayout(item, stretch)
        else:
            self.body.addWidget(item, stretch)

    def set_texts(self, label: str, help_text: str = "", buddy: QWidget | None = None) -> None:
        self.label.setText(label)
        if buddy is not None:
            self.label.setBuddy(buddy)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))


def _describe(widget: QWidget, name: str, help_text: str) -> None:
    """Accessible name, description and tooltip in one go."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(help_text)
    widget.setToolTip(help_text)


def _form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form


def left_aligned(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its natural width on the left, not stretched over the whole form."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (rows added later would otherwise come last)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


# --- the form base -----------------------------------------------------------------------------


class _StackedRows(Generic[RowT]):
    """Rows of one kind (housemates, jobs) stacked in a layout and numbered 1, 2, 3.

    A row has a ``remove_requested`` signal that carries the row, and a
    ``set_number`` method. Removing a row puts the focus on the next row's
    ``first_field``, or on the add button when it was the last. ``on_change``
    runs after every addition and removal (tab order, "changed" signal).
    """

    def __init__(self, layout: QVBoxLayout, add_button: QWidget, first_field: Callable[[RowT], QWidget],
                 on_change: Callable[[], None]) -> None:
        self.rows: list[RowT] = []
        self._layout = layout
        self._add_button = add_button
        self._first_field = first_field
        self._on_change = on_change

    def add(self, row: RowT) -> RowT:
        row.remove_requested.connect(self.remove)  # type: ignore[attr-defined]
        self.rows.append(row)
        self._layout.addWidget(row)
        row.show()  # at once, not only after the next turn of the event loop
        row.set_number(len(self.rows))  # type: ignore[attr-defined]
        self._on_change()
        return row

    def remove(self, row: RowT) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        for number, other in enumerate(self.rows, start=1):
            other.set_number(number)  # type: ignore[attr-defined]
        self._on_change()
        following = self._first_field(self.rows[index]) if index < len(self.rows) else self._add_button
        following.setFocus(Qt.FocusReason.OtherFocusReason)


class PlanForm(LanguageAware, QWidget):
    """Shared by the forms: showing a :class:`FormError` at its field, and clearing errors."""

    changed = Signal()
    """Something the user can see or count changed (a row added or removed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_content_font(self)
        self._described: dict[QWidget, str] = {}
        self.form_error = ErrorLabel(self)

    def error_label_for(self, widget: QWidget) -> ErrorLabel:
        """The error line nearest to ``widget``: its question's, its row's, or the form's own."""
        current: QWidget | None = widget
        while current is not None and current is not self:
            field_label = getattr(current, "field_error_label", None)
            if callable(field_label):
                return field_label(widget)
            label = getattr(current, "error_label", None)
            if isinstance(label, ErrorLabel):
                return label
            current = current.parentWidget()
        return self.form_error

    def show_error(self, error: FormError) -> None:
        """Show the message under the field, tell screen readers, and move the focus to the field."""
        self.error_label_for(error.widget).show_error(error.message)
        widget = error.widget
        if widget not in self._described:
            self._described[widget] = widget.accessibleDescription()
        widget.setAccessibleDescription(error.message)
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
                break
            parent = parent.parentWidget()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("form error shown at %s", widget.objectName() or type(widget).__name__)

    def clear_errors(self) -> None:
        for label in self.findChildren(ErrorLabel):
            label.clear_error()
        for widget, description in self._described.items():
            widget.setAccessibleDescription(description)
        self._described.clear()

    def check(self, build: Callable[[], object]) -> bool:
        """Run ``build`` (e.g. ``self.household``); on a :class:`FormError`, show it and return False."""
        self.clear_errors()
        try:
            build()
        except FormError as exc:
            self.show_error(exc)
            return False
        return True

    def widget_for(self, where: str) -> QWidget | None:
        """The field an issue of :func:`planner.validate.check_plan` is about (``where``), if it is in this form."""
        return None

    def _validated(self, model: type[M], data: dict[str, Any], widget: QWidget) -> M:
        """``model`` built from ``data``; a pydantic error (a combination the form should have caught) becomes a FormError."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            log.info("form data refused by %s: %d error(s)", model.__name__, exc.error_count())
            raise FormError(widget, _("These answers do not fit together. Check them and try again.")) from None


def gate_error(exc: ValidationError, fields: dict[str, QWidget], fallback: QWidget,
               where: tuple[str | int, ...] = ()) -> FormError:
    """The gate's first refusal (:func:`planner.validate.describe_errors`, in the catalog's words, with the field's
    label from ``FIELD_LABELS``) as a :class:`FormError` at the field it is about (``fields``: model field name →
    widget), or at ``fallback``. ``where`` is the model's place in the plan (``("jobs", 0)``), for the label."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    loc = tuple(first.get("loc", ()))
    widget = next((fields[str(part)] for part in loc if str(part) in fields), fallback)
    explanations = describe_errors([{**first, "loc": (*where, *loc)}]) if first else []
    if not explanations:
        return FormError(widget, _("These answers do not fit together. Check them and try again."))
    return FormError(widget, render(explanations[0], get_language()))


# --- household ---------------------------------------------------------------------------------


def _parse_month_text(text: str) -> tuple[int, int]:
    return int(text[:4]), int(text[5:7])


def _months_from(day: date, count: int) -> list[tuple[int, int]]:
    out, y, m = [], day.year, day.month
    for _i in range(count):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out

#: The compositions with their radio-button texts.
COMPOSITIONS: tuple[tuple[Composition, str], ...] = (
    ("single", N_("Wit&hout a partner")),
    ("single_parent", N_("Without a partner, with one or more &children under 18")),
    ("couple", N_("With a &partner (married or living together)")),
)

#: Why a housemate does not share the costs (art. 19a), with the text in the list.
NOT_COST_SHARER: tuple[tuple[str | None, str], ...] = (
    (None, N_("None of these: counts from age 27")),
    ("commercial_tenant", N_("Rents a room for a normal (commercial) rent, with a contract")),
    ("student", N_("Gets student finance (WSF) or WTOS")),
    ("bbl", N_("Follows a bbl course (learning and working)")),
)

MUNICIPALITY_NAMES: tuple[tuple[str, str], ...] = tuple(PLANNER_MUNICIPALITY_NAMES.items())

VRIJLATING_UNKNOWN, VRIJLATING_NOT_YET, VRIJLATING_MONTHS = range(3)


class _HousemateRow(LanguageAware, QFrame):
    """One other person in the home: a birth date and, if one fits, why they do not share the costs."""

    remove_requested = Signal(object)

    def __init__(self, housemate: Housemate | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = 1
        layout = QGridLayout(self)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.remove_button = QPushButton(self)
        on_trigger(self.remove_button, lambda: self.remove_requested.emit(self))
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        self.birth_label = QLabel(self)
        self.birth_date = DateField(
            self, value=housemate.birth_date if housemate else None, minimum=EARLIEST_BIRTH_DATE, maximum=today,
            optional=True, calendar_start=date(today.year - 30, 1, 1),
        )
        self.birth_label.setBuddy(self.birth_date)
        layout.addWidget(self.birth_label, 1, 0)
        layout.addWidget(self.birth_date, 1, 1, Qt.AlignmentFlag.AlignLeft)
        self.reason_label = QLabel(self)
        self.reason = QComboBox(self)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(20)
        for value, _text in NOT_COST_SHARER:
            self.reason.addItem("", value)
        set_combo_data(self.reason, housemate.not_cost_sharer if housemate else None)
        self.reason_label.setBuddy(self.reason)
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label, 2, 0)
        layout.addWidget(self.reason, 2, 1, 1, 2)
        layout.setColumnStretch(1, 1)
        self.error_label = ErrorLabel(self)
        layout.addWidget(self.error_label, 3, 0, 1, 3)
        self.retranslate_ui()

    def set_number(self, number: int) -> None:
        self.number = number
        self.retranslate_ui()

    def tab_widgets(self) -> list[QWidget]:
        return [self.birth_date, self.reason, self.remove_button]

    def housemate(self) -> Housemate:
        birth = self.birth_date.value()
        if birth is None:
            raise FormError(
                self.birth_date,
                _("Fill in the date of birth of person {number}. For example: {example}.").format(
                    number=self.number, example=date_example()
                ),
            )
        return Housemate(birth_date=birth, not_cost_sharer=self.reason.currentData())

    def retranslate_ui(self) -> None:
        n = self.number
        self.title.setText(_("Person {number}").format(number=n))
        self.remove_button.setText(_("Remove"))
        _describe(self.remove_button, _("Remove person {number}").format(number=n), _("This person does not live with you."))
        self.birth_label.setText(_("Date of birth:"))
        _describe(
            self.birth_date,
            _("Date of birth of person {number}").format(number=n),
            _("Type it like {example}, or pick it in the calendar.").format(example=date_example()),
        )
        self.reason_label.setText(_("Special situation:"))
        for i, (_value, text) in enumerate(NOT_COST_SHARER):
            self.reason.setItemText(i, _(text))
        _describe(
            self.reason,
            _("Special situation of person {number}").format(number=n),
            _("Most people aged 27 or older who live with you share the costs. Choose a situation only if it fits."),
        )


class HouseholdForm(PlanForm):
    """Who lives with you, dates of birth, the municipality, and the vrijlating months used.

    ``today`` is the last day a birth date may be; the plan's first month (or
    ``today``) decides whether the question for 18–20-year-olds is shown.
    """

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._plan = plan
        household = plan.household if plan is not None else None
        claimant = household.claimant if household is not None else None
        partner = household.partner if household is not None else None
        if plan is not None:
            year, month = plan.start_month
            self._reference = date(year, month, 1)
        else:
            self._reference = self._today

        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.form_error)

        # Composition
        self.composition_block = FieldBlock(self)
        self.composition_group = QButtonGroup(self)
        self.composition_buttons: dict[Composition, QRadioButton] = {}
        for i, (value, _text) in enumerate(COMPOSITIONS):
            button = QRadioButton(self.composition_block)
            button.setObjectName(f"composition_{value}")
            self.composition_group.addButton(button, i)
            self.composition_buttons[value] = button
            self.composition_block.add(button)
        self.composition_buttons[household.composition if household else "single"].setChecked(True)
        self.composition_group.idToggled.connect(self._update_visibility)
        layout.addWidget(self.composition_block)

        # Dates of birth
        self.claimant_block = FieldBlock(self)
        self.claimant_birth = DateField(
            self.claimant_block, value=claimant.birth_date if claimant else DEFAULT_BIRTH_DATE,
            minimum=EARLIEST_BIRTH_DATE, maximum=self._today,
        )
        self.claimant_birth.setObjectName("claimant_birth")
        self.claimant_birth.dateChanged.connect(self._update_visibility)
        self.claimant_block.add(left_aligned(self.claimant_birth))
        layout.addWidget(self.claimant_block)

        self.partner_block = FieldBlock(self)
        self.partner_birth = DateField(
            self.partner_block, value=partner.birth_date if partner else None, minimum=EARLIEST_BIRTH_DATE,
            maximum=self._today, optional=True, calendar_start=DEFAULT_BIRTH_DATE,
        )
        self.partner_birth.setObjectName("partner_birth")
        self.partner_block.add(left_aligned(self.partner_birth))
        layout.addWidget(self.partner_block)

        self.child_block = FieldBlock(self)
        self.child_birth = DateField(
            self.child_block, value=household.youngest_child_birth_date if household else None,
            minimum=EARLIEST_BIRTH_DATE, maximum=self._today, optional=True,
            calendar_start=date(self._today.year - 5, 1, 1),
        )
        self.child_birth.setObjectName("child_birth")
        self.child_block.add(left_aligned(self.child_birth))
        layout.addWidget(self.child_block)

        self.parental_block = FieldBlock(self)
        self.no_parental_support = QCheckBox(self.parental_block)
        self.no_parental_support.setChecked(bool(claimant and claimant.no_parental_support))
        self.parental_block.add(self.no_parental_support)
        layout.addWidget(self.parental_block)

        # Municipality
        self.municipality_block = FieldBlock(self)
        self.municipality = QComboBox(self.municipality_block)
        self.municipality.setObjectName("municipality")
        for value, _text in MUNICIPALITY_NAMES:
            self.municipality.addItem("", value)
        current = household.municipality if household else "amsterdam"
        if self.municipality.findData(current) < 0:  # a name from a newer file: keep it, shown as it is
            self.municipality.addItem(current, current)
        set_combo_data(self.municipality, current)
        self.municipality_block.add(left_aligned(self.municipality))
        layout.addWidget(self.municipality_block)

        # Vrijlating months used
        self.vrijlating_block = FieldBlock(self)
        self.vrijlating_group = QButtonGroup(self)
        self.vrijlating_unknown = QRadioButton(self.vrijlating_block)
        self.vrijlating_not_yet = QRadioButton(self.vrijlating_block)
        self.vrijlating_months_radio = QRadioButton(self.vrijlating_block)
        self.vrijlating_months = QSpinBox(self.vrijlating_block)
        self.vrijlating_months.setRange(1, 600)
        self.vrijlating_months.setMinimumWidth(80)
        self.vrijlating_months.setValue(1)
        self.vrijlating_months.setObjectName("vrijlating_months")
        for i, button in enumerate((self.vrijlating_unknown, self.vrijlating_not_yet, self.vrijlating_months_radio)):
            self.vrijlating_group.addButton(button, i)
        used = claimant.vrijlating_months_used if claimant else None
        if used is None:
            self.vrijlating_unknown.setChecked(True)
        elif used == 0:
            self.vrijlating_not_yet.setChecked(True)
        else:
            self.vrijlating_months_radio.setChecked(True)
            self.vrijlating_months.setValue(used)
        self.vrijlating_block.add(self.vrijlating_unknown)
        self.vrijlating_block.add(self.vrijlating_not_yet)
        months_row = QHBoxLayout()
        months_row.addWidget(self.vrijlating_months_radio)
        months_row.addWidget(self.vrijlating_months)
        months_row.addStretch(1)
        self.vrijlating_block.add(months_row)
        self.vrijlating_group.idToggled.connect(self._update_visibility)
        layout.addWidget(self.vrijlating_block)

        # Medically limited hours
        self.medical_block = FieldBlock(self)
        self.medisch_urenbeperkt = QCheckBox(self.medical_block)
        self.medisch_urenbeperkt.setChecked(bool(claimant and claimant.medisch_urenbeperkt))
        self.medical_block.add(self.medisch_urenbeperkt)
        layout.addWidget(self.medical_block)

        # Home: housing costs (art. 27) and an institution (art. 23)
        self.home_block = FieldBlock(self)
        self.no_housing_costs = QCheckBox(self.home_block)
        self.no_housing_costs.setObjectName("no_housing_costs")
        self.no_housing_costs.setChecked(bool(household is not None and not household.housing_costs))
        self.institution = QCheckBox(self.home_block)
        self.institution.setObjectName("institution")
        self.institution.setChecked(bool(household is not None and household.institution))
        self.home_block.add(self.no_housing_costs)
        self.home_block.add(self.institution)
        layout.addWidget(self.home_block)

        # Assets (art. 34)
        self.assets_block = FieldBlock(self)
        assets = household.assets if household is not None else None
        self.assets = QLineEdit(amount_text(assets) if assets is not None else "", self.assets_block)
        self.assets.setObjectName("assets")
        self.assets.setMaximumWidth(160)
        assets_row = QHBoxLayout()
        assets_row.addWidget(QLabel("€", self.assets_block))
        assets_row.addWidget(self.assets)
        assets_row.addStretch(1)
        self.assets_block.add(assets_row)
        layout.addWidget(self.assets_block)

        # A sanction (art. 18): one month and a percentage, as the decision letter says
        self.sanction_block = FieldBlock(self)
        self._other_sanctions = tuple(household.sanctions[1:]) if household is not None else ()
        first_sanction = household.sanctions[0] if household is not None and household.sanctions else None
        self.sanction = QCheckBox(self.sanction_block)
        self.sanction.setObjectName("sanction")
        self.sanction.setChecked(first_sanction is not None)
        self.sanction_month = QComboBox(self.sanction_block)
        self.sanction_month.setObjectName("sanction_month")
        months = plan.month_list() if plan is not None else _months_from(self._reference, 12)
        if first_sanction is not None and _parse_month_text(first_sanction.month) not in months:
            months = [_parse_month_text(first_sanction.month), *months]
        for ym in months:
            self.sanction_month.addItem("", f"{ym[0]:04d}-{ym[1]:02d}")
        if first_sanction is not None:
            set_combo_data(self.sanction_month, first_sanction.month)
        self.sanction_percent = QSpinBox(self.sanction_block)
        self.sanction_percent.setObjectName("sanction_percent")
        self.sanction_percent.setRange(1, 100)
        self.sanction_percent.setValue(first_sanction.percent if first_sanction is not None else 100)
        sanction_row = QHBoxLayout()
        sanction_row.addWidget(self.sanction)
        sanction_row.addWidget(self.sanction_month)
        sanction_row.addWidget(self.sanction_percent)
        sanction_row.addStretch(1)
        self.sanction_block.add(sanction_row)
        self.sanction.toggled.connect(self._update_visibility)
        layout.addWidget(self.sanction_block)

        # Housemates
        self.housemates_block = FieldBlock(self)
        self._housemate_list = QVBoxLayout()
        self._housemate_list.setSpacing(8)
        self.housemates_block.add(self._housemate_list)
        self.add_housemate_button = QPushButton(self.housemates_block)
        on_trigger(self.add_housemate_button, self._add_housemate_clicked)
        self.housemates_block.add(left_aligned(self.add_housemate_button))
        layout.addWidget(self.housemates_block)
        layout.addStretch(1)

        self._housemates: _StackedRows[_HousemateRow] = _StackedRows(
            self._housemate_list, self.add_housemate_button, lambda row: row.birth_date, self._housemates_changed)
        for housemate in household.housemates if household else ():
            self.add_housemate(housemate)

        self.retranslate_ui()
        self._update_visibility()
        self._fix_tab_order()

    # --- reading and showing ---

    def composition(self) -> Composition:
        for value, button in self.composition_buttons.items():
            if button.isChecked():
                return value
        return "single"

    def set_composition(self, value: Composition) -> None:
        self.composition_buttons[value].setChecked(True)

    def vrijlating_months_used(self) -> int | None:
        checked = self.vrijlating_group.checkedId()
        if checked == VRIJLATING_NOT_YET:
            return 0
        if checked == VRIJLATING_MONTHS:
            return self.vrijlating_months.value()
        return None

    def _young(self) -> bool:
        birth = self.claimant_birth.value()
        return birth is not None and age_on(birth, self._reference) < 21

    def _update_visibility(self, *_args: object) -> None:
        composition = self.composition()
        self.partner_block.setVisible(composition == "couple")
        self.child_block.setVisible(composition in ("single_parent", "couple"))
        self.parental_block.setVisible(self._young() or self.no_parental_support.isChecked())
        self.vrijlating_months.setEnabled(self.vrijlating_group.checkedId() == VRIJLATING_MONTHS)
        self.sanction_month.setEnabled(self.sanction.isChecked())
        self.sanction_percent.setEnabled(self.sanction.isChecked())
        self._retranslate_child()

    def _fix_tab_order(self) -> None:
        widgets: list[QWidget] = [*self.composition_buttons.values(), self.claimant_birth, self.partner_birth, self.child_birth,
                                  self.no_parental_support, self.municipality, self.vrijlating_unknown, self.vrijlating_not_yet,
                                  self.vrijlating_months_radio, self.vrijlating_months, self.medisch_urenbeperkt,
                                  self.no_housing_costs, self.institution, self.assets, self.sanction,
                                  self.sanction_month, self.sanction_percent]
        for row in self.housemate_rows:
            widgets.extend(row.tab_widgets())
        widgets.append(self.add_housemate_button)
        _chain_tab_order(widgets)

    # --- housemates ---

    @property
    def housemate_rows(self) -> list[_HousemateRow]:
        return self._housemates.rows

    def add_housemate(self, housemate: Housemate | None = None) -> _HousemateRow:
        return self._housemates.add(_HousemateRow(housemate, self._today, self.housemates_block))

    def _housemates_changed(self) -> None:
        self._fix_tab_order()
        self.changed.emit()

    def _add_housemate_clicked(self) -> None:
        row = self.add_housemate()
        row.birth_date.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ---

    def household(self) -> Household:
        """The household as entered; raises :class:`FormError` on a missing or impossible answer."""
        composition = self.composition()
        old = self._plan.household if self._plan is not None else None
        claimant_birth = self.claimant_birth.value()
        assert claimant_birth is not None  # never empty
        claimant = self._validated(Person, {
            **(old.claimant.model_dump() if old else {}),
            "birth_date": claimant_birth,
            "medisch_urenbeperkt": self.medisch_urenbeperkt.isChecked(),
            "no_parental_support": self.no_parental_support.isChecked(),
            "vrijlating_months_used": self.vrijlating_months_used(),
        }, self.claimant_birth)
        partner = None
        if composition == "couple":
            partner_birth = self.partner_birth.value()
            if partner_birth is None:
                raise FormError(
                    self.partner_birth,
                    _("Fill in the date of birth of your partner. For example: {example}.").format(example=date_example()),
                )
            old_partner = old.partner.model_dump() if old is not None and old.partner is not None else {}
            partner = self._validated(Person, {**old_partner, "birth_date": partner_birth}, self.partner_birth)
        child = self.child_birth.value() if composition in ("single_parent", "couple") else None
        if composition == "single_parent" and child is None:
            raise FormError(
                self.child_birth,
                _("Fill in the date of birth of your youngest child. For example: {example}.").format(example=date_example()),
            )
        if child is not None and child <= claimant_birth:
            raise FormError(self.child_birth, _("Your youngest child is born before you. Check the dates of birth."))
        housemates = tuple(row.housemate() for row in self.housemate_rows)
        assets = read_amount(self.assets)
        sanctions = list(self._other_sanctions)
        if self.sanction.isChecked():
            sanctions.insert(0, {"month": self.sanction_month.currentData(), "percent": self.sanction_percent.value()})
        return self._validated(Household, {
            "composition": composition,
            "claimant": claimant,
            "partner": partner,
            "housemates": housemates,
            "youngest_child_birth_date": child,
            "municipality": self.municipality.currentData(),
            "housing_costs": not self.no_housing_costs.isChecked(),
            "institution": self.institution.isChecked(),
            "assets": assets,
            "sanctions": sanctions,
        }, self.composition_buttons[composition])

    def widget_for(self, where: str) -> QWidget | None:
        fields: dict[str, QWidget] = {
            "household.claimant.birth_date": self.claimant_birth,
            "household.partner.birth_date": self.partner_birth,
            "household.municipality": self.municipality,
            "household.assets": self.assets,
        }
        return fields.get(where)

    # --- language ---

    def _retranslate_child(self) -> None:
        if self.composition() == "couple":
            label = _("Date of birth of your &youngest child (if a child under 18 lives with you)")
            help_text = _("Leave it empty if no child under 18 lives with you. The Delete key empties it.")
        else:
            label = _("Date of birth of your &youngest child")
            help_text = _("The youngest child under 18 who lives with you.")
        example = _("Type it like {example}, or pick it in the calendar.").format(example=date_example())
        self.child_block.set_texts(label, help_text, self.child_birth)
        _describe(self.child_birth, _("Date of birth of your youngest child"), example)

    def retranslate_ui(self) -> None:
        example = _("Type it like {example}, or pick it in the calendar.").format(example=date_example())
        self.composition_block.set_texts(
            _("Do you live with a partner or with children?"),
            _("Other adults in your home, like a friend or an adult child, come further down."),
        )
        for value, text in COMPOSITIONS:
            button = self.composition_buttons[value]
            button.setText(_(text))
            _describe(button, _(text).replace("&", ""), _("Your household decides the amount of your bijstand."))
        self.claimant_block.set_texts(
            _("Your &date of birth"),
            _("Your age matters, for example under 21 or from the state pension age (AOW)."),
            self.claimant_birth,
        )
        _describe(self.claimant_birth, _("Your date of birth"), example)
        self.partner_block.set_texts(_("Date of birth of your par&tner"), "", self.partner_birth)
        _describe(self.partner_birth, _("Date of birth of your partner"), example)
        self._retranslate_child()
        self.parental_block.set_texts(_("Only for ages 18 to 20"), _("Your bijstand can then be higher."))
        self.no_parental_support.setText(_("My parents cannot be asked to &support me"))
        _describe(
            self.no_parental_support,
            _("My parents cannot be asked to support me"),
            _("Only for people aged 18 to 20. Your bijstand can then be higher."),
        )
        self.municipality_block.set_texts(
            _("&Municipality"),
            _("Another municipality: the planner then uses only the national rules, without a local premie."),
            self.municipality,
        )
        for i, (_value, text) in enumerate(MUNICIPALITY_NAMES):
            self.municipality.setItemText(i, _(text))
        _describe(self.municipality, _("Municipality"), _("The municipality that pays your bijstand."))
        percent = format_percent(Decimal(25))
        # TRANSLATORS: {percent} is "25%": the 25 percent rule is the inkomstenvrijlating (art. 31 lid 2 n Participatiewet).
        question = _("How long have you had income next to bijstand with the {percent} rule?").format(percent=percent)
        self.vrijlating_block.set_texts(
            question,
            # TRANSLATORS: {percent} is "25%".
            _("With this rule (inkomstenvrijlating) you may keep {percent} of your wage for a limited time. "
              "If you don’t know, the planner leaves it out. That is the careful side: you may get more, not less.").format(percent=percent),
        )
        self.vrijlating_unknown.setText(_("I don’t &know"))
        self.vrijlating_not_yet.setText(_("Not yet: it starts no&w"))
        self.vrijlating_months_radio.setText(_("For this many m&onths:"))
        _describe(self.vrijlating_unknown, _("I don’t know"), _("The planner then leaves this rule out."))
        _describe(self.vrijlating_not_yet, _("Not yet: it starts now"), _("The rule starts in the first month of the plan."))
        _describe(self.vrijlating_months_radio, _("For this many months"), _("Count the months since the rule started for you."))
        _describe(self.vrijlating_months, _("Number of months with the rule"), _("Count the months since the rule started for you."))
        self.medical_block.set_texts(
            _("Medical reasons"),
            _("Only if the municipality decided this, after advice from a doctor. You may then keep part of your wage for longer."),
        )
        self.medisch_urenbeperkt.setText(_("I can work fewer hours for m&edical reasons (medisch urenbeperkt)"))
        _describe(
            self.medisch_urenbeperkt,
            _("I can work fewer hours for medical reasons"),
            _("Only if the municipality decided this, after advice from a doctor."),
        )
        self.home_block.set_texts(
            _("Your home"),
            _("Without rent or a mortgage, the municipality may give a lower norm. In an institution, such as a "
              "care home, other norms apply."),
        )
        self.no_housing_costs.setText(_("I pay no &rent or mortgage (no housing costs)"))
        _describe(self.no_housing_costs, _("I pay no rent or mortgage"),
                  _("The municipality may then lower your norm (article 27)."))
        self.institution.setText(_("I live in an &institution, for example a care home"))
        _describe(self.institution, _("I live in an institution"),
                  _("Then the lower norm for an institution applies (article 23)."))
        self.assets_block.set_texts(
            _("Your sa&vings and other assets (optional)"),
            _("Money in the bank and other things of value. Above a limit you get no bijstand. Leave it empty if "
              "you do not want to say."),
            self.assets,
        )
        _describe(self.assets, _("Your savings and other assets"),
                  _("Type an amount like {example}, or leave it empty.").format(example=amount_example()))
        self.sanction_block.set_texts(
            _("A sanction (maatregel)"),
            _("Only if the municipality decided to lower your bijstand. Fill in the month and the percentage from "
              "the letter."),
        )
        self.sanction.setText(_("My bijstand is &lowered in:"))
        _describe(self.sanction, _("My bijstand is lowered as a sanction"), _("Then choose the month and the percentage."))
        for i in range(self.sanction_month.count()):
            y, m = _parse_month_text(self.sanction_month.itemData(i))
            self.sanction_month.setItemText(i, format_month(y, m))
        _describe(self.sanction_month, _("Month of the sanction"), _("The month in which the bijstand is lowered."))
        self.sanction_percent.setSuffix(" %")
        _describe(self.sanction_percent, _("Percentage of the sanction"),
                  _("How much of the norm is taken off, as the letter says."))
        self.housemates_block.set_texts(
            _("Other people in your home"),
            _("For example an adult child, a parent or a friend. Not your partner, and no children under 18. "
              "From age 27 they usually share the costs (kostendeler), and then your bijstand is lower."),
        )
        self.add_housemate_button.setText(_("&Add a person"))
        _describe(self.add_housemate_button, _("Add a person who lives with you"), _("Adds a row for one more person."))


# --- jobs --------------------------------------------------------------------------------------

WAGE_UNITS = (("hour", N_("per hour")), ("month", N_("per month (fixed contract)")))
WAGE_BASES = (("net", N_("net (in your account)")), ("gross", N_("gross (before tax)")))
PAY_SCHEDULES = (("monthly", N_("Every month")), ("four_weekly", N_("Every four weeks")), ("weekly", N_("Every week")))
PAID_IN = (("next_month", N_("of the month after the work")), ("same_month", N_("of the same month")))
PERSONS = (("claimant", N_("Me")), ("partner", N_("My partner")))
PAYSLIP_DELAY_MAX = 62
"""The most days a payslip may come after the pay day: the bound of ``Job.payslip_delay_days``."""


class _JobBox(LanguageAware, QGroupBox):
    """One job: name, wage, how and when it is paid, holiday pay, and optional start and end dates."""

    remove_requested = Signal(object)

    def __init__(self, job: Job | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = job
        self.number = 1
        self.last_id = job.id if job else ""
        layout = QVBoxLayout(self)
        form = _form_layout()
        self._form = form
        layout.addLayout(form)

        self.name_label = QLabel(self)
        self.name = QLineEdit(job.name if job else "", self)
        self.name.setObjectName("job_name")
        self.name.textChanged.connect(lambda _text: self.retranslate_ui())
        self.name_label.setBuddy(self.name)
        form.addRow(self.name_label, self.name)

        self.wage_label = QLabel(self)
        self.wage = QLineEdit(amount_text(job.wage) if job else "", self)
        self.wage.setObjectName("job_wage")
        self.wage.setMaximumWidth(140)
        self.wage_unit = QComboBox(self)
        for value, _text in WAGE_UNITS:
            self.wage_unit.addItem("", value)
        set_combo_data(self.wage_unit, job.wage_unit if job else "hour")
        self.wage_basis = QComboBox(self)
        for value, _text in WAGE_BASES:
            self.wage_basis.addItem("", value)
        set_combo_data(self.wage_basis, job.wage_basis if job else "net")
        wage_row = QHBoxLayout()
        wage_row.addWidget(self.wage)
        wage_row.addWidget(self.wage_unit)
        wage_row.addWidget(self.wage_basis)
        wage_row.addStretch(1)
        self.wage_label.setBuddy(self.wage)
        form.addRow(self.wage_label, wage_row)
        self.wage_error = ErrorLabel(self)
        form.addRow(self.wage_error)
        self.wage_help = QLabel(self)
        self.wage_help.setWordWrap(True)
        form.addRow(self.wage_help)

        self.person_label = QLabel(self)
        self.person = QComboBox(self)
        for value, _text in PERSONS:
            self.person.addItem("", value)
        set_combo_data(self.person, job.person if job else "claimant")
        self.person_label.setBuddy(self.person)
        form.addRow(self.person_label, self.person)

        self.schedule_label = QLabel(self)
        self.schedule = QComboBox(self)
        for value, _text in PAY_SCHEDULES:
            self.schedule.addItem("", value)
        set_combo_data(self.schedule, job.pay_schedule if job else "monthly")
        self.schedule_label.setBuddy(self.schedule)
        form.addRow(self.schedule_label, left_aligned(self.schedule))

        self.pay_day_label = QLabel(self)
        self.pay_day = QSpinBox(self)
        self.pay_day.setRange(1, 31)
        self.pay_day.setValue(job.pay_day if job else 25)
        self.paid_in = QComboBox(self)
        for value, _text in PAID_IN:
            self.paid_in.addItem("", value)
        set_combo_data(self.paid_in, job.paid_in if job else "next_month")
        pay_row = QHBoxLayout()
        pay_row.addWidget(self.pay_day)
        pay_row.addWidget(self.paid_in)
        pay_row.addStretch(1)
        self._pay_row_widget = QWidget(self)
        self._pay_row_widget.setLayout(pay_row)
        pay_row.setContentsMargins(0, 0, 0, 0)
        self.pay_day_label.setBuddy(self.pay_day)
        form.addRow(self.pay_day_label, self._pay_row_widget)

        self.payslip_label = QLabel(self)
        self.payslip_delay = QSpinBox(self)
        self.payslip_delay.setObjectName("job_payslip_delay")
        self.payslip_delay.setRange(0, PAYSLIP_DELAY_MAX)
        self.payslip_delay.setValue(job.payslip_delay_days if job else 0)
        self.payslip_days = QLabel(self)
        self.payslip_days.setBuddy(self.payslip_delay)
        payslip_row = QHBoxLayout()
        payslip_row.addWidget(self.payslip_delay)
        payslip_row.addWidget(self.payslip_days)
        payslip_row.addStretch(1)
        self.payslip_label.setBuddy(self.payslip_delay)
        form.addRow(self.payslip_label, payslip_row)
        self.payslip_help = QLabel(self)
        self.payslip_help.setWordWrap(True)
        form.addRow(self.payslip_help)
        self.payslip_delay.valueChanged.connect(lambda _value: self._retranslate_payslip())

        self.holiday_label = QLabel(self)
        self.holiday = QComboBox(self)
        for value in ("yearly", "with_wage", "none"):
            self.holiday.addItem("", value)
        self._holiday_month = job.holiday_pay_month if job else 5
        set_combo_data(self.holiday, job.holiday_pay if job else "yearly")
        self.holiday_label.setBuddy(self.holiday)
        form.addRow(self.holiday_label, left_aligned(self.holiday))

        self.start_label = QLabel(self)
        self.start = DateField(self, value=job.start if job else None, minimum=EARLIEST_JOB_DATE, maximum=LATEST_JOB_DATE,
                               optional=True, empty_text=N_("no date"), calendar_start=date.today())
        self.start_label.setBuddy(self.start)
        form.addRow(self.start_label, left_aligned(self.start))
        self.end_label = QLabel(self)
        self.end = DateField(self, value=job.end if job else None, minimum=EARLIEST_JOB_DATE, maximum=LATEST_JOB_DATE,
                             optional=True, empty_text=N_("no date"), calendar_start=date.today())
        self.end_label.setBuddy(self.end)
        form.addRow(self.end_label, left_aligned(self.end))
        self.end_error = ErrorLabel(self)
        form.addRow(self.end_error)

        self.error_label = ErrorLabel(self)
        layout.addWidget(self.error_label)
        self.remove_button = QPushButton(self)
        on_trigger(self.remove_button, lambda: self.remove_requested.emit(self))
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.wage_unit.currentIndexChanged.connect(self._update)
        self.schedule.currentIndexChanged.connect(self._update)
        self._has_partner = job is not None and job.person == "partner"
        self.retranslate_ui()
        self._update()

    def tab_widgets(self) -> list[QWidget]:
        return [self.name, self.wage, self.wage_unit, self.wage_basis, self.person, self.schedule, self.pay_day,
                self.paid_in, self.payslip_delay, self.holiday, self.start, self.end, self.remove_button]

    def set_number(self, number: int) -> None:
        self.number = number
        self.retranslate_ui()

    def field_error_label(self, widget: QWidget) -> ErrorLabel:
        """The error line right under ``widget``'s row."""
        if widget is self.wage:
            return self.wage_error
        if widget in (self.start, self.end):
            return self.end_error
        return self.error_label

    def set_has_partner(self, yes: bool) -> None:
        self._has_partner = yes
        self._update()

    def _update(self, *_args: object) -> None:
        monthly_wage = self.wage_unit.currentData() == "month"
        if monthly_wage:
            set_combo_data(self.schedule, "monthly")
        self.schedule.setEnabled(not monthly_wage)
        self._form.setRowVisible(self._pay_row_widget, self.schedule.currentData() == "monthly")
        self._form.setRowVisible(self.person, self._has_partner)

    def _retranslate_payslip(self) -> None:
        n = self.payslip_delay.value()
        self.payslip_days.setText(ngettext("day after the pay day", "days after the pay day", n))

    def display_name(self) -> str:
        return self.name.text().strip() or _("Job {number}").format(number=self.number)

    def job(self, job_id: str) -> Job:
        """The job as entered, with ``job_id``; raises :class:`FormError`."""
        name = self.name.text().strip()
        wage = read_amount(self.wage, max_decimals=4)
        if wage is None:
            raise FormError(
                self.wage,
                _("Fill in the wage of “{job}”. For example: {example}.").format(job=self.display_name(), example=amount_example()),
            )
        if wage == 0:
            raise FormError(self.wage, _("The wage of “{job}” is 0. Fill in what you earn.").format(job=self.display_name()))
        start, end = self.start.value(), self.end.value()
        if start is not None and end is not None and end < start:
            raise FormError(self.end, _("“{job}” ends before it starts. Check the dates.").format(job=self.display_name()))
        data = {
            **(self.original.model_dump() if self.original else {}),
            "id": job_id,
            "name": name,
            "person": self.person.currentData() if self._has_partner else "claimant",
            "wage": wage,
            "wage_unit": self.wage_unit.currentData(),
            "wage_basis": self.wage_basis.currentData(),
            "pay_schedule": self.schedule.currentData(),
            "pay_day": self.pay_day.value(),
            "paid_in": self.paid_in.currentData(),
            "holiday_pay": self.holiday.currentData(),
            "payslip_delay_days": self.payslip_delay.value(),
            "start": start,
            "end": end,
        }
        try:
            return Job.model_validate(data)
        except ValidationError as exc:
            log.info("job refused by the model: %d error(s)", exc.error_count())
            fields = {"payslip_delay_days": self.payslip_delay}
            raise gate_error(exc, fields, self.wage, ("jobs", self.number - 1)) from None

    def retranslate_ui(self) -> None:
        job = self.display_name()
        self.setTitle(self.name.text().strip() or _("Job {number}").format(number=self.number))
        self.setAccessibleName(_("Job: {job}").format(job=job))
        self.name_label.setText(_("Na&me:"))
        self.name.setPlaceholderText(_("For example: Cleaning company"))
        _describe(self.name, _("Name of job {number}").format(number=self.number), _("The employer or the kind of work. Only for you."))
        self.wage_label.setText(_("&Wage:"))
        self.wage.setPlaceholderText(amount_example())
        _describe(self.wage, _("Wage for {job}").format(job=job), _("Write the amount like this: {example}.").format(example=amount_example()))
        for i, (_value, text) in enumerate(WAGE_UNITS):
            self.wage_unit.setItemText(i, _(text))
        _describe(self.wage_unit, _("Wage per hour or per month for {job}").format(job=job),
                  _("Per hour: you are paid for the hours you work. Per month: a fixed amount every month."))
        for i, (_value, text) in enumerate(WAGE_BASES):
            self.wage_basis.setItemText(i, _(text))
        _describe(self.wage_basis, _("Net or gross wage for {job}").format(job=job),
                  _("Net is what lands in your account. Gross is before tax: the planner then estimates the tax."))
        self.wage_help.setText(_("Net is what lands in your account. Gross is before tax: the planner then estimates the tax."))
        self.person_label.setText(_("Who does this wor&k:"))
        for i, (_value, text) in enumerate(PERSONS):
            self.person.setItemText(i, _(text))
        _describe(self.person, _("Who does {job}").format(job=job), _("You or your partner."))
        self.schedule_label.setText(_("How often &paid:"))
        for i, (_value, text) in enumerate(PAY_SCHEDULES):
            self.schedule.setItemText(i, _(text))
        _describe(self.schedule, _("How often {job} pays").format(job=job), _("Look at your contract or your payslips."))
        self.pay_day_label.setText(_("Pay &day:"))
        for i, (_value, text) in enumerate(PAID_IN):
            self.paid_in.setItemText(i, _(text))
        _describe(self.pay_day, _("Day of the month {job} pays").format(job=job),
                  _("In a shorter month the pay comes on the last day."))
        _describe(self.paid_in, _("Month in which {job} pays").format(job=job),
                  _("Many employers pay in the month after the work."))
        self.payslip_label.setText(_("Pa&yslip comes:"))
        self._retranslate_payslip()
        self.payslip_help.setText(_("Count the days from the pay day until you have the payslip. The municipality "
                                    "needs it to work out your bijstand again."))
        _describe(self.payslip_delay, _("Days from the pay day until the payslip of {job}").format(job=job),
                  _("0 if the payslip comes on the pay day."))
        self.holiday_label.setText(_("&Holiday pay:"))
        self.holiday.setItemText(0, _("Once a year, in {month}").format(month=month_name(self._holiday_month)))
        self.holiday.setItemText(1, _("With every payment"))
        self.holiday.setItemText(2, _("None (it is in the wage)"))
        _describe(self.holiday, _("Holiday pay for {job}").format(job=job),
                  _("Holiday pay (vakantiegeld) is extra pay. Look at your contract or your payslips."))
        self.start_label.setText(_("&Starts on:"))
        _describe(self.start, _("Start date of {job}").format(job=job),
                  _("Leave it at “no date” if the job has already started. The Delete key empties it."))
        self.end_label.setText(_("&Ends on:"))
        _describe(self.end, _("End date of {job}").format(job=job),
                  _("Leave it at “no date” if there is no end date. The Delete key empties it."))
        self.remove_button.setText(_("&Remove this job"))
        _describe(self.remove_button, _("Remove {job}").format(job=job), _("Removes this job from the plan."))


class JobsForm(PlanForm):
    """The jobs: add and remove them; each job's id is made from its name and never shown."""

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original_ids = tuple(j.id for j in plan.jobs) if plan is not None else ()
        self._has_partner = plan is not None and plan.household.composition == "couple"
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.form_error)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self._list = QVBoxLayout()
        self._list.setSpacing(12)
        layout.addLayout(self._list)
        self.add_button = QPushButton(self)
        on_trigger(self.add_button, self._add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._boxes: _StackedRows[_JobBox] = _StackedRows(self._list, self.add_button, lambda box: box.name,
                                                          self._boxes_changed)
        for job in plan.jobs if plan is not None else ():
            self.add_job(job)
        self.retranslate_ui()
        self._update()

    @property
    def boxes(self) -> list[_JobBox]:
        return self._boxes.rows

    def add_job(self, job: Job | None = None) -> _JobBox:
        box = _JobBox(job, self)
        box.set_has_partner(self._has_partner)
        return self._boxes.add(box)

    def _boxes_changed(self) -> None:
        self._update()
        self.changed.emit()

    def _add_clicked(self) -> None:
        box = self.add_job()
        box.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        self.empty_label.setVisible(not self.boxes)
        widgets: list[QWidget] = []
        for box in self.boxes:
            widgets.extend(box.tab_widgets())
        widgets.append(self.add_button)
        _chain_tab_order(widgets)

    def set_has_partner(self, yes: bool) -> None:
        """Show "who does this work" (for a couple); without a partner every job is the claimant's."""
        self._has_partner = yes
        for box in self.boxes:
            box.set_has_partner(yes)

    def removed_job_ids(self) -> tuple[str, ...]:
        """Ids of the plan's jobs whose box was removed."""
        kept = {box.original.id for box in self.boxes if box.original is not None}
        return tuple(i for i in self._original_ids if i not in kept)

    def jobs(self) -> tuple[Job, ...]:
        """The jobs as entered; a job keeps its id, a new job gets one made from its name."""
        taken = set(self._original_ids)
        ids: list[str] = []
        for box in self.boxes:
            if box.original is not None:
                ids.append(box.original.id)
            else:
                new_id = job_id_from_name(box.name.text().strip(), taken)
                taken.add(new_id)
                ids.append(new_id)
        jobs = []
        for box, job_id in zip(self.boxes, ids, strict=True):
            jobs.append(box.job(job_id))
            box.last_id = job_id
        return tuple(jobs)

    def widget_for(self, where: str) -> QWidget | None:
        for box in self.boxes:
            if where == f"jobs.{box.last_id}":
                return box.person if self._has_partner else box.name
        return None

    def retranslate_ui(self) -> None:
        self.intro.setText(_("Add each job you have, or will start soon. Your payslip or contract tells you the wage and pay day."))
        self.empty_label.setText(_("No job yet. That is fine: the plan then shows your bijstand without work."))
        self.add_button.setText(_("&Add a job"))
        _describe(self.add_button, _("Add a job"), _("Adds a job with its wage and pay day."))


# --- money -------------------------------------------------------------------------------------

#: Fixed costs suggested in a new plan: a name, how often, and the day. The amount is always the user's own.
SUGGESTED_COSTS: tuple[tuple[str, str, int], ...] = (
    (N_("Rent"), "month", 1),
    (N_("Energy (gas and electricity)"), "month", 1),
    (N_("Water"), "month", 1),
    (N_("Health insurance"), "month", 1),
    (N_("Phone and internet"), "month", 1),
    (N_("Groceries"), "week", 1),
)

EVERY = (("month", N_("every month")), ("week", N_("every week")))

#: How the municipality pays the bijstand of a month (``Settlement.regime``), as the money form offers it.
REGIMES = (
    ("municipality", N_("As your municipality usually does")),
    ("estimate", N_("First on a guess of your income, corrected later")),
    ("voorschot", N_("Part first (voorschot), the rest when your income is known")),
    ("after_income", N_("Only when your income is known")),
)
REPORT_DELAY_MAX = 365
"""The most days the municipality may get a payslip late: the bound of ``Settlement.report_delay_days``."""


class _ExpenseRow(QObject):
    """One fixed cost; its widgets sit in the money form's grid."""

    remove_requested = Signal(object)

    def __init__(self, expense: Expense | None, parent: QWidget, *, suggestion: str | None = None,
                 every: str = "month", day: int = 1) -> None:
        super().__init__(parent)
        self.number = 1
        self._suggestion = suggestion
        self._auto_name = _(suggestion) if suggestion else ""
        self.name = QLineEdit(expense.name if expense else self._auto_name, parent)
        self.amount = QLineEdit(amount_text(expense.amount) if expense else "", parent)
        self.amount.setMaximumWidth(130)
        self.every = QComboBox(parent)
        for value, _text in EVERY:
            self.every.addItem("", value)
        set_combo_data(self.every, expense.every if expense else every)
        self.day_stack = QStackedWidget(parent)
        self.month_day = QSpinBox(self.day_stack)
        self.month_day.setRange(1, 31)
        self.week_day = QComboBox(self.day_stack)
        for iso in range(1, 8):
            self.week_day.addItem("", iso)
        self.day_stack.addWidget(self.month_day)
        self.day_stack.addWidget(self.week_day)
        self.day_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        start_day = expense.day if expense else day
        if self.every.currentData() == "week":
            set_combo_data(self.week_day, min(start_day, 7))
        else:
            self.month_day.setValue(start_day)
        self.remove_button = QPushButton(parent)
        on_trigger(self.remove_button, lambda: self.remove_requested.emit(self))
        self.error_label = ErrorLabel(parent)
        self.every.currentIndexChanged.connect(self._update)
        self.name.textChanged.connect(lambda _text: self.retranslate_ui())
        self._update()
        self.retranslate_ui()

    def widgets(self) -> list[QWidget]:
        return [self.name, self.amount, self.every, self.day_stack, self.remove_button, self.error_label]

    def tab_widgets(self) -> list[QWidget]:
        return [self.name, self.amount, self.every, self.month_day, self.week_day, self.remove_button]

    def _update(self, *_args: object) -> None:
        weekly = self.every.currentData() == "week"
        self.day_stack.setCurrentWidget(self.week_day if weekly else self.month_day)

    def owns(self, widget: QWidget) -> bool:
        return widget in self.tab_widgets() or widget is self.day_stack

    def expense(self) -> Expense | None:
        """The cost, or ``None`` when its amount is empty or 0 (it is then not counted)."""
        amount = read_amount(self.amount)
        if amount is None or amount == 0:
            return None
        weekly = self.every.currentData() == "week"
        day = self.week_day.currentData() if weekly else self.month_day.value()
        return Expense(name=self.name.text().strip(), amount=amount, every="week" if weekly else "month", day=day)

    def dispose(self) -> None:
        for widget in self.widgets():
            widget.hide()
            widget.deleteLater()
        self.deleteLater()

    def retranslate_ui(self) -> None:
        if self._suggestion and self.name.text() == self._auto_name:
            self._auto_name = _(self._suggestion)
            self.name.blockSignals(True)
            self.name.setText(self._auto_name)
            self.name.blockSignals(False)
        cost = self.name.text().strip() or _("cost {number}").format(number=self.number)
        self.name.setPlaceholderText(_("What is it for?"))
        _describe(self.name, _("Name of cost {number}").format(number=self.number), _("For example: Rent."))
        self.amount.setPlaceholderText(_("fill in your amount"))
        _describe(self.amount, _("Amount for {cost}").format(cost=cost),
                  _("Your own amount. Left empty or at 0, this cost is not counted."))
        for i, (_value, text) in enumerate(EVERY):
            self.every.setItemText(i, _(text))
        _describe(self.every, _("How often you pay {cost}").format(cost=cost), _("Every month or every week."))
        _describe(self.month_day, _("Day of the month you pay {cost}").format(cost=cost),
                  _("In a shorter month it is the last day."))
        for i in range(7):
            self.week_day.setItemText(i, weekday_name(i + 1))
        _describe(self.week_day, _("Day of the week you pay {cost}").format(cost=cost), _("The day the money leaves your account."))
        self.remove_button.setText(_("Remove"))
        _describe(self.remove_button, _("Remove {cost}").format(cost=cost), _("Removes this cost from the plan."))


class MoneyForm(PlanForm):
    """Money in the account at the start, the balance to keep, the fixed costs, and how the municipality pays
    (estimate or not, when it has your payslip, the most it keeps back from one payment).

    A new plan (or one without costs) starts with suggested costs whose amount
    is empty: the planner never guesses what someone pays. Costs left empty or
    at 0 are not counted.
    """

    costs_changed = Signal()
    """A fixed cost's amount was typed, or a cost added or removed."""

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.form_error)

        self.balance_block = FieldBlock(self)
        self.balance = QLineEdit(amount_text(plan.starting_balance) if plan is not None else "0", self.balance_block)
        self.balance.setObjectName("starting_balance")
        self.balance.setMaximumWidth(160)
        self.balance_block.add(self._euro(self.balance))
        layout.addWidget(self.balance_block)

        self.buffer_block = FieldBlock(self)
        self.buffer = QLineEdit(amount_text(plan.settlement.safety_buffer) if plan is not None else "0", self.buffer_block)
        self.buffer.setObjectName("safety_buffer")
        self.buffer.setMaximumWidth(160)
        self.buffer_block.add(self._euro(self.buffer))
        layout.addWidget(self.buffer_block)

        self.costs_block = FieldBlock(self)
        self._grid_widget = QWidget(self.costs_block)
        self._grid = QGridLayout(self._grid_widget)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setColumnStretch(0, 1)
        self.headers = [QLabel(self._grid_widget) for _ in range(4)]
        for header in self.headers:
            font = header.font()
            font.setBold(True)
            header.setFont(font)
        self.costs_block.add(self._grid_widget)
        self.add_button = QPushButton(self.costs_block)
        on_trigger(self.add_button, self._add_clicked)
        self.costs_block.add(left_aligned(self.add_button))
        layout.addWidget(self.costs_block)
        self.costs_warning = QLabel(self)
        self.costs_warning.setObjectName("costsWarning")
        self.costs_warning.setWordWrap(True)
        self.costs_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.costs_warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.costs_warning.setMargin(6)
        warning_font = self.costs_warning.font()
        warning_font.setBold(True)
        self.costs_warning.setFont(warning_font)
        self.costs_warning.hide()
        layout.addWidget(self.costs_warning)

        # --- how the municipality pays and settles: from the letter, or left to the municipality's rules
        settlement = plan.settlement if plan is not None else Settlement()
        self.settlement_heading = QLabel(self)
        font = self.settlement_heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.settlement_heading.setFont(font)
        self.settlement_heading.setWordWrap(True)
        layout.addWidget(self.settlement_heading)
        self.settlement_intro = QLabel(self)
        self.settlement_intro.setWordWrap(True)
        layout.addWidget(self.settlement_intro)

        self.regime_block = FieldBlock(self)
        self.regime = QComboBox(self.regime_block)
        self.regime.setObjectName("settlement_regime")
        for value, _text in REGIMES:
            self.regime.addItem("", value)
        set_combo_data(self.regime, settlement.regime)
        self.regime_block.add(left_aligned(self.regime))
        layout.addWidget(self.regime_block)

        self.report_block = FieldBlock(self)
        self.report_delay = QSpinBox(self.report_block)
        self.report_delay.setObjectName("settlement_report_delay")
        self.report_delay.setRange(0, REPORT_DELAY_MAX)
        self.report_delay.setValue(settlement.report_delay_days)
        self.report_days = QLabel(self.report_block)
        self.report_days.setBuddy(self.report_delay)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_delay)
        report_row.addWidget(self.report_days)
        report_row.addStretch(1)
        self.report_block.add(report_row)
        layout.addWidget(self.report_block)
        self.report_delay.valueChanged.connect(lambda _value: self._retranslate_report_days())

        self.limit_block = FieldBlock(self)
        limit = settlement.withholding_limit
        self.withholding_limit = QLineEdit(amount_text(limit) if limit is not None else "", self.limit_block)
        self.withholding_limit.setObjectName("settlement_withholding_limit")
        self.withholding_limit.setMaximumWidth(160)
        self.limit_block.add(self._euro(self.withholding_limit))
        layout.addWidget(self.limit_block)
        layout.addStretch(1)

        self.rows: list[_ExpenseRow] = []
        if plan is not None and plan.expenses:
            for expense in plan.expenses:
                self.add_cost(expense)
        else:
            for name, every, day in SUGGESTED_COSTS:
                self.add_cost(suggestion=name, every=every, day=day)
        self.retranslate_ui()

    @staticmethod
    def _euro(widget: QWidget) -> QHBoxLayout:
        """``€ [field]``: the sign is not part of the text, so it needs no typing."""
        row = QHBoxLayout()
        row.addWidget(QLabel("€", widget.parentWidget()))
        row.addWidget(widget)
        row.addStretch(1)
        return row

    def add_cost(
        self, expense: Expense | None = None, *, suggestion: str | None = None, every: str = "month", day: int = 1
    ) -> _ExpenseRow:
        row = _ExpenseRow(expense, self._grid_widget, suggestion=suggestion, every=every, day=day)
        row.remove_requested.connect(self._remove)
        row.amount.textChanged.connect(lambda _text: self.costs_changed.emit())
        self.rows.append(row)
        self._relayout()
        for widget in (row.name, row.amount, row.every, row.day_stack, row.remove_button):
            widget.show()  # at once, not only after the next turn of the event loop
        self.changed.emit()
        return row

    def _add_clicked(self) -> None:
        row = self.add_cost()
        row.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, row: _ExpenseRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
        row.dispose()
        self._relayout()
        following = self.rows[index].name if index < len(self.rows) else self.add_button
        following.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _relayout(self) -> None:
        """Put the rows in the grid again, two grid lines per cost (the fields, then its error line)."""
        for header in self.headers:
            self._grid.removeWidget(header)
        for row in self.rows:
            for widget in row.widgets():
                self._grid.removeWidget(widget)
        for column, header in enumerate(self.headers):
            self._grid.addWidget(header, 0, column)
        for i, row in enumerate(self.rows):
            line = 1 + 2 * i
            row.number = i + 1
            self._grid.addWidget(row.name, line, 0)
            self._grid.addWidget(row.amount, line, 1)
            self._grid.addWidget(row.every, line, 2)
            self._grid.addWidget(row.day_stack, line, 3)
            self._grid.addWidget(row.remove_button, line, 4)
            self._grid.addWidget(row.error_label, line + 1, 0, 1, 5)
            row.retranslate_ui()
        for header in self.headers:
            header.setVisible(bool(self.rows))
        widgets: list[QWidget] = [self.balance, self.buffer]
        for row in self.rows:
            widgets.extend(row.tab_widgets())
        widgets.extend((self.add_button, self.regime, self.report_delay, self.withholding_limit))
        _chain_tab_order(widgets)
        self.costs_changed.emit()

    def error_label_for(self, widget: QWidget) -> ErrorLabel:
        for row in self.rows:
            if row.owns(widget):
                return row.error_label
        return super().error_label_for(widget)

    def starting_balance(self) -> Decimal:
        """Money in the account at the start; may be below zero (in the red)."""
        return read_amount(self.balance, allow_negative=True) or Decimal(0)

    def safety_buffer(self) -> Decimal:
        return read_amount(self.buffer) or Decimal(0)

    def expenses(self) -> tuple[Expense, ...]:
        """The costs with an amount above 0, in the order shown."""
        found = (row.expense() for row in self.rows)
        return tuple(e for e in found if e is not None)

    def has_costs(self) -> bool:
        """Whether any fixed cost has an amount (text that is not 0); bad text counts as an amount here."""
        for row in self.rows:
            try:
                amount = parse_amount(row.amount.text())
            except AmountError:
                return True
            if amount:
                return True
        return False

    def show_costs_warning(self, show: bool) -> None:
        """The warning (never a block) that without fixed costs the safety buffer tells little."""
        self.costs_warning.setVisible(show)

    def settlement(self, base: Settlement | None = None) -> Settlement:
        """``base`` (the plan's settlement, with what this form does not show) with this form's answers, through the
        gate (the model's bounds, the fields' labels); raises :class:`FormError` at the field."""
        base = base if base is not None else Settlement()
        data = {
            **base.model_dump(),
            "safety_buffer": self.safety_buffer(),
            "regime": self.regime.currentData(),
            "report_delay_days": self.report_delay.value(),
            "withholding_limit": read_amount(self.withholding_limit),
        }
        try:
            return Settlement.model_validate(data)
        except ValidationError as exc:
            log.info("settlement refused by the model: %d error(s)", exc.error_count())
            fields = {"safety_buffer": self.buffer, "regime": self.regime, "report_delay_days": self.report_delay,
                      "withholding_limit": self.withholding_limit}
            raise gate_error(exc, fields, self.regime, ("settlement",)) from None

    def widget_for(self, where: str) -> QWidget | None:
        fields = {"settlement.regime": self.regime, "settlement.report_delay_days": self.report_delay,
                  "settlement.withholding_limit": self.withholding_limit, "settlement.safety_buffer": self.buffer,
                  "starting_balance": self.balance}
        return fields.get(where)

    def _retranslate_report_days(self) -> None:
        n = self.report_delay.value()
        self.report_days.setText(ngettext("day after your payslip", "days after your payslip", n))

    def retranslate_ui(self) -> None:
        self.balance_block.set_texts(
            _("Money in your &account at the start"),
            _("What is in your bank account on the first day of the plan. In the red? Write a minus sign, like -50."),
            self.balance,
        )
        _describe(self.balance, _("Money in your account at the start"),
                  _("Write the amount like this: {example}.").format(example=amount_example()))
        self.buffer_block.set_texts(
            _("&Lowest balance you want to keep"),
            _("The planner warns you when your money may drop below this. Leave it at 0 if you don’t know."),
            self.buffer,
        )
        _describe(self.buffer, _("Lowest balance you want to keep"),
                  _("Write the amount like this: {example}.").format(example=amount_example()))
        self.costs_block.set_texts(
            _("Fixed costs"),
            _("Fill in your own amounts. A cost left empty or at 0 is not counted. "
              "You can change every name and day, and remove what you don’t pay."),
        )
        for header, text in zip(self.headers, (_("What"), _("Amount in euros"), _("How often"), _("Day")), strict=True):
            header.setText(text)
        for row in self.rows:
            row.retranslate_ui()
        self.add_button.setText(_("Add a &cost"))
        _describe(self.add_button, _("Add a fixed cost"), _("Adds a row for one more cost."))
        self.costs_warning.setText(_("You have not filled in any fixed costs, such as rent. Without them the planner "
                                     "cannot tell if your money lasts: the warning for your lowest balance means "
                                     "little. You can go on and add them later."))
        self.costs_warning.setAccessibleName(self.costs_warning.text())

        self.settlement_heading.setText(_("How your municipality pays"))
        self.settlement_intro.setText(_("Look at the letters from your municipality. Not sure? Leave these as they "
                                        "are: the planner then uses the municipality’s usual way."))
        self.regime_block.set_texts(
            _("How the &municipality pays your bijstand"),
            _("Most municipalities pay first on a guess of your income and correct it later."),
            self.regime,
        )
        for i, (_value, text) in enumerate(REGIMES):
            self.regime.setItemText(i, _(text))
        _describe(self.regime, _("How the municipality pays your bijstand"),
                  _("Most municipalities pay first on a guess of your income and correct it later."))
        self.report_block.set_texts(
            _("When the municipality &gets your payslip"),
            _("0 if you send it in on the day you get it. Send it later? Count the days."),
            self.report_delay,
        )
        self._retranslate_report_days()
        _describe(self.report_delay, _("Days from your payslip until the municipality has it"),
                  _("0 if you send it in on the day you get it. Send it later? Count the days."))
        self.limit_block.set_texts(
            _("Most &kept back from one payment"),
            _("If you got too much, the municipality keeps money back from your next bijstand. Your letter may say "
              "how much at most. Leave it empty if it does not say."),
            self.withholding_limit,
        )
        _describe(self.withholding_limit, _("Most kept back from one payment"),
                  _("Write the amount like this: {example}. Leave it empty if your letter does not say.").format(
                      example=amount_example()))


# --- uncertainty (the plan's risk section) -------------------------------------------------------------


class UncertaintyForm(PlanForm):
    """What the chances over many possible futures assume (:class:`planner.model.Risk`), each with one line that
    says what it means. Percentages are typed as text and read as ``Decimal`` (``12,5`` is fine)."""

    CHANCES = ("sure", "likely", "maybe", "extra")

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        risk = plan.risk if plan is not None else Risk()
        self.jobs: tuple[Job, ...] = plan.jobs if plan is not None else ()
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.form_error)

        def percent_field(name: str, value: Decimal) -> tuple[FieldBlock, QLineEdit]:
            block = FieldBlock(self)
            field = QLineEdit(amount_text(value), block)
            field.setObjectName(name)
            field.setMaximumWidth(120)
            row = QHBoxLayout()
            row.addWidget(field)
            row.addWidget(QLabel("%", block))
            row.addStretch(1)
            block.add(row)
            layout.addWidget(block)
            return block, field

        self.chance_blocks: dict[str, FieldBlock] = {}
        self.chances: dict[str, QLineEdit] = {}
        for key in self.CHANCES:
            block, field = percent_field(f"chance_{key}", getattr(risk, f"chance_{key}"))
            self.chance_blocks[key], self.chances[key] = block, field
        self.spread_blocks: list[FieldBlock] = []
        self.spreads: dict[str, QLineEdit] = {}
        for job in self.jobs:
            block, field = percent_field(f"hours_spread_{job.id}", risk.hours_spread.get(job.id, Decimal(0)))
            self.spread_blocks.append(block)
            self.spreads[job.id] = field
        self.week_block, self.week_lost = percent_field("week_lost_chance", risk.week_lost_chance)
        self.late_block, self.late_chance = percent_field("late_report_chance", risk.late_report_chance)
        self.days_block = FieldBlock(self)
        self.late_days = QSpinBox(self.days_block)
        self.late_days.setObjectName("late_report_days")
        self.late_days.setRange(0, 365)
        self.late_days.setValue(risk.late_report_days)
        self.days_block.add(left_aligned(self.late_days))
        layout.addWidget(self.days_block)
        self.level_block, self.level = percent_field("level", risk.level)
        layout.addStretch(1)
        self.retranslate_ui()

    def _percent(self, field: QLineEdit, *, above_zero: bool = False, below_hundred: bool = False) -> Decimal:
        value = read_amount(field) or Decimal(0)
        if value > 100 or (below_hundred and value >= 100):
            raise FormError(field, _("Write a percentage below 100.") if below_hundred
                            else _("Write a percentage from 0 to 100."))
        if above_zero and value <= 0:
            raise FormError(field, _("Write a percentage above 0."))
        return value

    def risk(self) -> Risk:
        """The plan's new uncertainty; raises :class:`FormError` at the field that is not a percentage."""
        data: dict[str, Any] = {f"chance_{key}": self._percent(self.chances[key]) for key in self.CHANCES}
        data["hours_spread"] = {job_id: value for job_id, field in self.spreads.items()
                                if (value := self._percent(field)) > 0}
        data["week_lost_chance"] = self._percent(self.week_lost)
        data["late_report_chance"] = self._percent(self.late_chance)
        data["late_report_days"] = self.late_days.value()
        data["level"] = self._percent(self.level, above_zero=True, below_hundred=True)
        return self._validated(Risk, data, self.level)

    def widget_for(self, where: str) -> QWidget | None:
        fields: dict[str, QWidget] = {f"risk.chance_{key}": field for key, field in self.chances.items()}
        fields.update({f"risk.hours_spread.{job_id}": field for job_id, field in self.spreads.items()})
        fields.update({"risk.week_lost_chance": self.week_lost, "risk.late_report_chance": self.late_chance,
                       "risk.late_report_days": self.late_days, "risk.level": self.level})
        return fields.get(where)

    def retranslate_ui(self) -> None:
        self.intro.setText(_("The chances on the Chances tab come from many possible futures of your plan. Here you "
                             "say how uncertain your work is. Write each as a percentage."))
        texts = {
            "sure": (_("A “&sure” shift is worked in"),
                     _("Out of 100 shifts marked “sure”, how many you really work. Usually 100.")),
            "likely": (_("A “&likely” shift is worked in"),
                       _("Out of 100 shifts marked “likely”, how many you really work.")),
            "maybe": (_("A “m&aybe” shift is worked in"),
                      _("Out of 100 shifts marked “maybe”, how many you really work.")),
            "extra": (_("An “&extra” shift comes in"),
                      _("Extra shifts are not in your plan. Out of 100, how many come and are worked.")),
        }
        for key, (label, help_text) in texts.items():
            self.chance_blocks[key].set_texts(label, help_text, self.chances[key])
            _describe(self.chances[key], label.replace("&", ""), help_text)
        for block, job in zip(self.spread_blocks, self.jobs, strict=True):
            label = _("Hours more or fewer at {job}").format(job=job.name or job.id)
            help_text = _("A shift can run longer or end early: up to this percentage of its hours. 0: always as planned.")
            block.set_texts(label, help_text, self.spreads[job.id])
            _describe(self.spreads[job.id], label, help_text)
        for block, field, label, help_text in (
            (self.week_block, self.week_lost, _("Chance of losing a &whole week"),
             _("Per week, the chance that all your shifts of that week are lost (illness, a quiet week).")),
            (self.late_block, self.late_chance, _("Chance that a &payslip comes late"),
             _("Per month, the chance that the municipality gets your income late.")),
            (self.level_block, self.level, _("Keep the chance of dropping below your buffer &under"),
             _("The advice to keep money aside against setbacks keeps this chance under this level. Usually 10.")),
        ):
            block.set_texts(label, help_text, field)
            _describe(field, label.replace("&", ""), help_text)
        self.days_block.set_texts(_("&Days late"), _("When it comes late: how many days after the month the "
                                                     "municipality knows your income."), self.late_days)
        _describe(self.late_days, _("Days late"), _("When it comes late: how many days after the month the "
                                                     "municipality knows your income."))
        self.late_days.setSuffix(" " + _("days"))


# --- dialogs -----------------------------------------------------------------------------------


class PlanFormDialog(LanguageAware, QDialog):
    """A modal dialog around one form. OK builds the new plan and closes only when it is valid."""

    def __init__(self, plan: Plan, form: PlanForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.form = form
        self._result: Plan | None = None
        layout = QVBoxLayout(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(form)
        layout.addWidget(self.scroll, 1)
        self.issues = ErrorLabel(self)
        layout.addWidget(self.issues)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_on_screen(self, 720, 640)

    def build_plan(self) -> Plan:
        """The plan with this form's answers; raises :class:`FormError`."""
        raise NotImplementedError

    def result_plan(self) -> Plan | None:
        """The new plan after OK, or ``None``."""
        return self._result

    def accept(self) -> None:
        self.form.clear_errors()
        self.issues.clear_error()
        try:
            new = self.build_plan()
        except FormError as exc:
            self.form.show_error(exc)
            return
        errors = plan_errors(new, before=self.plan)
        if errors:
            self.show_issues(errors)
            return
        self._result = new
        super().accept()

    def show_issues(self, issues: Sequence[Issue]) -> None:
        """Each error at its field where the form knows it; the others under the form."""
        loose: list[str] = []
        first: FormError | None = None
        for issue in issues:
            widget = self.form.widget_for(issue.where)
            if widget is None:
                loose.append(issue_text(issue))
            elif first is None:
                first = FormError(widget, issue_text(issue))
            else:
                self.form.error_label_for(widget).show_error(issue_text(issue))
        if loose:
            self.issues.show_error("\n".join(loose))
        if first is not None:
            self.form.show_error(first)

    def retranslate_ui(self) -> None:
        self.buttons.setAccessibleName(_("Save or cancel"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ok.setAccessibleName(_("Save the changes"))
        ok.setToolTip(_("Save the changes"))
        cancel.setAccessibleName(_("Cancel without saving"))
        cancel.setToolTip(_("Cancel without saving"))


class HouseholdDialog(PlanFormDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(plan, HouseholdForm(plan), parent)
        self.retranslate_ui()

    @property
    def household_form(self) -> HouseholdForm:
        assert isinstance(self.form, HouseholdForm)
        return self.form

    def build_plan(self) -> Plan:
        return replace(self.plan, household=self.household_form.household())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Your household – Bijverdienplanner"))
        super().retranslate_ui()


class JobsDialog(PlanFormDialog):
    """Jobs; removing a job also removes its shifts and payslips, and the dialog says so before OK."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(plan, JobsForm(plan), parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.note)
        self.form.changed.connect(self._update_note)
        self.retranslate_ui()

    @property
    def jobs_form(self) -> JobsForm:
        assert isinstance(self.form, JobsForm)
        return self.form

    def build_plan(self) -> Plan:
        jobs = self.jobs_form.jobs()
        removed = set(self.jobs_form.removed_job_ids())
        spread = self.plan.risk.hours_spread
        return replace(
            self.plan,
            jobs=jobs,
            shifts=tuple(s for s in self.plan.shifts if s.job not in removed),
            payslips=tuple(p for p in self.plan.payslips if p.job not in removed),
            # its hours spread goes too: the chances refuse a spread for a job that is not in the plan
            risk=self.plan.risk.model_copy(update={"hours_spread": {j: v for j, v in spread.items() if j not in removed}}),
        )

    def _update_note(self) -> None:
        lines = []
        for job_id in self.jobs_form.removed_job_ids():
            job = self.plan.job(job_id)
            name = job.name or job_id if job else job_id
            shifts = sum(1 for s in self.plan.shifts if s.job == job_id)
            payslips = sum(1 for p in self.plan.payslips if p.job == job_id)
            if shifts:
                lines.append(ngettext("Removing “{job}” also removes its {count} shift.",
                                      "Removing “{job}” also removes its {count} shifts.", shifts).format(job=name, count=shifts))
            if payslips:
                lines.append(ngettext("Removing “{job}” also removes its {count} payslip.",
                                      "Removing “{job}” also removes its {count} payslips.", payslips).format(job=name, count=payslips))
        self.note.setText("\n".join(lines))
        self.note.setAccessibleName(self.note.text())
        self.note.setVisible(bool(lines))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Your work – Bijverdienplanner"))
        super().retranslate_ui()
        if hasattr(self, "note"):
            self._update_note()


class MoneyDialog(PlanFormDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(plan, MoneyForm(plan), parent)
        self.retranslate_ui()

    @property
    def money_form(self) -> MoneyForm:
        assert isinstance(self.form, MoneyForm)
        return self.form

    def build_plan(self) -> Plan:
        form = self.money_form
        settlement = form.settlement(self.plan.settlement)
        return replace(self.plan, starting_balance=form.starting_balance(), expenses=form.expenses(), settlement=settlement)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Your money and fixed costs – Bijverdienplanner"))
        super().retranslate_ui()


class UncertaintyDialog(PlanFormDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(plan, UncertaintyForm(plan), parent)
        self.retranslate_ui()

    @property
    def uncertainty_form(self) -> UncertaintyForm:
        assert isinstance(self.form, UncertaintyForm)
        return self.form

    def build_plan(self) -> Plan:
        return replace(self.plan, risk=self.uncertainty_form.risk())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Uncertainty – Bijverdienplanner"))
        super().retranslate_ui()


def _run(dialog: PlanFormDialog) -> Plan | None:
    dialog.exec()
    result = dialog.result_plan()
    dialog.deleteLater()
    return result


def edit_household(parent: QWidget | None, plan: Plan) -> Plan | None:
    """Change the household in a modal dialog; the new plan, or ``None`` on cancel."""
    return _run(HouseholdDialog(plan, parent))


def edit_jobs(parent: QWidget | None, plan: Plan) -> Plan | None:
    """Change the jobs in a modal dialog; shifts and payslips of a removed job go with it."""
    return _run(JobsDialog(plan, parent))


def edit_money(parent: QWidget | None, plan: Plan) -> Plan | None:
    """Change the starting balance, the safety buffer, the fixed costs and how the municipality pays in a modal
    dialog."""
    return _run(MoneyDialog(plan, parent))


def edit_uncertainty(parent: QWidget | None, plan: Plan) -> Plan | None:
    """Change what the chances assume (the plan's ``risk`` section) in a modal dialog."""
    return _run(UncertaintyDialog(plan, parent))


__all__ = [
    "DEFAULT_BIRTH_DATE",
    "AmountError",
    "DateField",
    "ErrorLabel",
    "FieldBlock",
    "FormError",
    "HouseholdDialog",
    "HouseholdForm",
    "JobsDialog",
    "JobsForm",
    "MoneyDialog",
    "MoneyForm",
    "UncertaintyDialog",
    "UncertaintyForm",
    "PlanForm",
    "PlanFormDialog",
    "amount_text",
    "date_example",
    "edit_household",
    "edit_jobs",
    "edit_money",
    "edit_uncertainty",
    "fit_on_screen",
    "job_id_from_name",
    "job_label",
    "left_aligned",
    "parse_amount",
    "plan_errors",
    "read_amount",
    "replace",
    "size_on_screen",
    "weekday_name",
]
