"""Payslips received: a table with Add, Edit and Delete, and the dialog to enter one.

A view of ``plan.payslips`` (:class:`planner.model.Payslip`). A payslip you
received replaces the planner's estimate for that job and period. The panel
never changes the plan it shows: an edit builds a new frozen plan with
``plan.model_copy(update={"payslips": ...})`` and emits
:attr:`PayslipsPanel.edit_requested` with it and the name of the step for the
undo stack. The lead puts it on the undo stack and calls :meth:`set_plan`
with the new plan.

Keys: Insert adds, Enter (or a double click) edits the selected payslip,
Delete removes it (undo brings it back); the buttons have mnemonics too.

Amounts are typed as text and read as ``Decimal`` (:func:`parse_amount`),
with a decimal comma or point; a wrong amount is refused with a message under
the field, in plain words, and the model's own checks (the holiday pay part at
most the net amount; a period that ends after it starts) are shown the same
way. Never a float, never a spin box for money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from pydantic import ValidationError
from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import N_, _, format_day, format_money, format_month, format_number
from planner.model import Job, Payslip, Plan, parse_month
from planner.wages.payments import PeriodDates, pay_periods
from ui.compare_view import change_colour
from ui.document import StepName
from ui.fonts import use_content_font
from ui.actions import on_trigger

# --- reading an amount ---------------------------------------------------------------------------------


class AmountError(ValueError):
    """Why a typed amount is refused: ``empty``, ``not_a_number``, ``negative`` or ``decimals``."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(f"{kind}: {text!r}")
        self.kind = kind
        self.text = text


_GROUPED = re.compile(r"^\d{1,3}(?:(?P<sep>[.,])\d{3})(?:(?P=sep)\d{3})*$")


def parse_amount(text: str) -> Decimal:
    """Read a typed amount: ``14,71``, ``14.71``, ``1.234,56``, ``1,234.56``, ``€ 25`` and ``25`` are all fine.

    Refused, with the reason in :class:`AmountError`: an empty text, anything
    that is not a number, a negative amount, and more than two decimals. A
    single separator followed by exactly three digits (``1.234``) is refused
    as well, since it could mean either 1234 or 1,234: the message asks for
    the amount with its cents.
    """
    raw = text
    cleaned = text.strip().replace("€", "").replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not cleaned:
        raise AmountError("empty", raw)
    negative = cleaned[0] in "-\u2212"
    if negative:
        cleaned = cleaned[1:]
    if not cleaned or not re.fullmatch(r"[0-9.,]+", cleaned) or not cleaned[0].isdigit():
        raise AmountError("not_a_number", raw)
    seps = [ch for ch in cleaned if ch in ".,"]
    if not seps:
        number = cleaned
    elif "." in seps and "," in seps:
        decimal_sep = cleaned[max(cleaned.rfind("."), cleaned.rfind(","))]
        whole, _sep, cents = cleaned.rpartition(decimal_sep)
        if not _GROUPED.match(whole) or not cents.isdigit():
            raise AmountError("not_a_number", raw)
        if len(cents) > 2:
            raise AmountError("decimals", raw)
        number = whole.replace(".", "").replace(",", "") + "." + cents
    elif len(seps) > 1:  # 1.234.567: thousands only
        if not _GROUPED.match(cleaned):
            raise AmountError("not_a_number", raw)
        number = cleaned.replace(".", "").replace(",", "")
    else:
        whole, _sep, cents = cleaned.partition(seps[0])
        if not whole.isdigit() or not cents.isdigit():
            raise AmountError("not_a_number", raw)
        if len(cents) > 2:
            raise AmountError("decimals", raw)
        number = whole + "." + cents
    try:
        value = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise AmountError("not_a_number", raw) from None
    if negative and value != 0:
        raise AmountError("negative", raw)
    return value


def amount_message(error: AmountError) -> str:
    """The refusal in plain words, in the current language."""
    example = format_number(Decimal("1234.56"), decimals=2)
    if error.kind == "empty":
        return _("Fill in an amount.")
    if error.kind == "negative":
        return _("An amount cannot be below zero.")
    if error.kind == "decimals":
        return _("Write the amount with at most two decimals after a comma or point, for example {example}.").format(
            example=example)
    return _("“{text}” is not an amount. Write it like {example}.").format(text=error.text.strip(), example=example)


def amount_text(amount: Decimal) -> str:
    """An amount as the user would type it in the current language (``1.234,56`` / ``1,234.56``)."""
    return format_number(amount, decimals=2)


# --- how a payslip is shown -----------------------------------------------------------------------------


def job_name(plan: Plan, job_id: str) -> str:
    job = plan.job(job_id)
    return (job.name or job.id) if job is not None else job_id


def period_text(slip: Payslip) -> str:
    if slip.month is not None:
        return format_month(*parse_month(slip.month))
    start, end = slip.period
    # TRANSLATORS: a pay period on a payslip, from its first to its last day (both dates written out).
    return _("{start} to {end}").format(start=format_day(start), end=format_day(end))


NOT_FILLED_IN = "—"

#: The table's columns, ``N_``-marked: (header, tooltip).
COLUMNS: tuple[tuple[str, str], ...] = (
    (N_("Job"), N_("The job the payslip is from.")),
    (N_("Month or period"), N_("The month or the pay period on the payslip.")),
    (N_("Net amount"), N_("Everything paid out on the payslip, holiday pay included.")),
    (N_("Holiday pay part"), N_("The part of the net amount that is holiday pay.")),
    (N_("Gross amount"), N_("The gross wage on the payslip, if you filled it in.")),
    (N_("Pay date"), N_("The day the money was paid, if you filled it in.")),
)



# --- the dialog ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ErrorTarget:
    """Which field a refusal of :class:`planner.model.Payslip` belongs to, by its error code, and what to say."""

    field: str
    message: str


_MODEL_ERRORS: dict[str, _ErrorTarget] = {
    "payslip_holiday_part": _ErrorTarget("holiday", N_("The holiday pay part cannot be more than the net amount.")),
    "payslip_period_reversed": _ErrorTarget("period_end", N_("The period ends before it starts.")),
}


class PayslipDialog(QDialog):
    """Enter or change one payslip. :attr:`payslip` holds the result once the dialog is accepted."""

    def __init__(self, plan: Plan, payslip: Payslip | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payslipDialog")
        self.plan = plan
        self.original = payslip
        self.payslip: Payslip | None = None
        """The payslip entered, once accepted."""

        layout = QVBoxLayout(self)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        use_content_font(self.help)
        layout.addWidget(self.help)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)

        self.job = QComboBox(self)
        for job in plan.jobs:
            self.job.addItem(job.name or job.id, job.id)
        self.job_label = self._row(self.job)

        self.month = QComboBox(self)
        months = [f"{y:04d}-{m:02d}" for y, m in plan.month_list()]
        if payslip is not None and payslip.month is not None and payslip.month not in months:
            months = sorted([*months, payslip.month])
        self._months = months
        for _m in months:
            self.month.addItem("", _m)
        self.month_label = self._row(self.month)

        self.period_start = self._date_edit()
        self.period_start_label = self._row(self.period_start)
        self.period_end = self._date_edit()
        self.period_end_label = self._row(self.period_end)
        # Under the dates, when they are not one of the job's pay periods: a payslip with other dates does
        # not replace an estimate, so both would count (planner.validate warns about it too).
        self.period_hint = QLabel(self)
        self.period_hint.setObjectName("periodHint")
        self.period_hint.setWordWrap(True)
        self.form.addRow("", self.period_hint)

        self.net = QLineEdit(self)
        self.net_label = self._row(self.net)
        self.holiday = QLineEdit(self)
        self.holiday_label = self._row(self.holiday)
        self.gross = QLineEdit(self)
        self.gross_label = self._row(self.gross)

        self.pay_date_known = QCheckBox(self)
        self.pay_date = self._date_edit()
        self.pay_date.setDate(QDate.currentDate())
        self.pay_date_known.toggled.connect(self.pay_date.setEnabled)
        self.pay_date.setEnabled(False)
        self.form.addRow(self.pay_date_known, self.pay_date)

        # A message goes right under the field it is about: bold, in the "worse" colour, and in words.
        style = f"font-weight: bold; color: {change_colour(self.palette(), better=False).name()};"
        self.errors: dict[str, QLabel] = {}
        for name, widget in (("net", self.net), ("holiday", self.holiday), ("gross", self.gross),
                             ("period_end", self.period_end)):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setObjectName(f"{name}Error")
            label.setStyleSheet(style)
            self.errors[name] = label
            row, _role = self.form.getWidgetPosition(widget)
            self.form.insertRow(row + 1, "", label)
            self.form.setRowVisible(label, False)
        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(style)
        self.general_error.hide()
        layout.addWidget(self.general_error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.job.currentIndexChanged.connect(self._on_job_changed)
        self.period_start.dateChanged.connect(self._on_period_start_changed)
        self.period_end.dateChanged.connect(lambda _d: self._update_period_hint())
        self._fill(payslip)
        self.retranslate_ui()
        self._on_job_changed()
        self.resize(520, self.sizeHint().height())
        self.job.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building --------------------------------------------------------------------------------

    def _row(self, field: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(field)
        self.form.addRow(label, field)
        return label

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        return edit

    def _fill(self, slip: Payslip | None) -> None:
        first_day = date(*self.plan.start_month, 1)
        if slip is None:
            self.period_start.setDate(first_day)  # a job's own pay period is suggested when the job is chosen
            self.holiday.setText(amount_text(Decimal(0)))
            return
        index = self.job.findData(slip.job)
        if index < 0:  # a job no longer in the plan: keep it, so the payslip can still be corrected
            self.job.addItem(slip.job, slip.job)
            index = self.job.count() - 1
        self.job.setCurrentIndex(index)
        start, end = slip.period
        self.period_start.setDate(start)
        self.period_end.setDate(end)
        month = slip.month or f"{start.year:04d}-{start.month:02d}"
        if month in self._months:
            self.month.setCurrentIndex(self._months.index(month))
        self.net.setText(amount_text(slip.net_amount))
        self.holiday.setText(amount_text(slip.holiday_pay_part))
        self.gross.setText("" if slip.gross_amount is None else amount_text(slip.gross_amount))
        if slip.pay_date is not None:
            self.pay_date_known.setChecked(True)
            self.pay_date.setDate(slip.pay_date)

    def selected_job(self) -> Job | None:
        return self.plan.job(self.job.currentData()) if self.job.count() else None

    def by_month(self) -> bool:
        """Monthly pay is entered by month; four-weekly and weekly pay by the dates of the period."""
        job = self.selected_job()
        return job is None or job.pay_schedule == "monthly"

    def _on_job_changed(self, _index: int = -1) -> None:
        monthly = self.by_month()
        self.form.setRowVisible(self.month, monthly)
        self.form.setRowVisible(self.period_start, not monthly)
        self.form.setRowVisible(self.period_end, not monthly)
        self.form.setRowVisible(self.errors["period_end"], not monthly and bool(self.errors["period_end"].text()))
        job = self.selected_job()
        if not monthly and job is not None and self.original is None:
            # A new payslip: suggest the job's pay period around the first day shown.
            period = self.period_around(self.period_start.date().toPython())
            if period is not None:
                self.period_start.setDate(period.first)
                self.period_end.setDate(period.last)
        self._update_period_hint()
        self._fit_height()

    def period_around(self, day: date) -> PeriodDates | None:
        """The selected job's pay period that holds ``day`` (``None`` without a job)."""
        job = self.selected_job()
        if job is None:
            return None
        periods = pay_periods(job, day, day)
        return periods[0] if periods else None

    def _on_period_start_changed(self, _qdate: QDate) -> None:
        """A first day that starts one of the job's pay periods brings that period's last day with it."""
        if not self.by_month():
            period = self.period_around(self.period_start.date().toPython())
            if period is not None and period.first == self.period_start.date().toPython():
                self.period_end.setDate(period.last)
        self._update_period_hint()

    def _update_period_hint(self) -> None:
        first, last = self.period_start.date().toPython(), self.period_end.date().toPython()
        period = None if self.by_month() else self.period_around(first)
        text = ""
        if period is not None and last >= first and (period.first, period.last) != (first, last):
            text = _("The pay periods of this job do not have these dates. Around them: {first} to {last}. A payslip "
                     "with other dates is counted next to the estimate, so check the dates, or the first day of a pay "
                     "period under Edit → Work.").format(first=format_day(period.first), last=format_day(period.last))
        self.period_hint.setText(text)
        self.period_hint.setAccessibleName(text)
        self.form.setRowVisible(self.period_hint, bool(text))
        if text:
            self._fit_height()

    # --- checking -------------------------------------------------------------------------------------

    def _show_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is None:
            self.general_error.setText(message)
            self.general_error.setAccessibleName(message)
            self.general_error.show()
            return
        label.setText(message)
        label.setAccessibleName(message)
        self.form.setRowVisible(label, True)
        field = {"net": self.net, "holiday": self.holiday, "gross": self.gross, "period_end": self.period_end}[name]
        field.setAccessibleDescription(message)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            self.form.setRowVisible(label, False)
        self.general_error.clear()
        self.general_error.hide()
        for field in (self.net, self.holiday, self.gross, self.period_end):
            field.setAccessibleDescription("")

    def _fit_height(self) -> None:
        """Grow when a message or a row appeared, so nothing is cut off."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _focus_first_error(self) -> None:
        self._fit_height()
        for name, field in (("period_end", self.period_end), ("net", self.net), ("holiday", self.holiday),
                            ("gross", self.gross)):
            if self.errors[name].text():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(field, QLineEdit):
                    field.selectAll()
                return

    def build(self) -> Payslip | None:
        """The payslip in the fields, or None after showing why not (under the field concerned)."""
        self._clear_errors()
        values: dict[str, object] = {"job": self.job.currentData()}
        ok = True
        for name, field, required in (("net", self.net, True), ("holiday", self.holiday, False),
                                      ("gross", self.gross, False)):
            text = field.text()
            if not text.strip() and not required:
                values[name] = Decimal(0) if name == "holiday" else None
                continue
            try:
                values[name] = parse_amount(text)
            except AmountError as exc:
                self._show_error(name, amount_message(exc))
                ok = False
        if not ok:
            self._focus_first_error()
            return None
        kwargs: dict[str, object] = {
            "job": values["job"],
            "net_amount": values["net"],
            "holiday_pay_part": values["holiday"],
            "gross_amount": values["gross"],
            "pay_date": self.pay_date.date().toPython() if self.pay_date_known.isChecked() else None,
        }
        if self.by_month():
            kwargs["month"] = self.month.currentData()
        else:
            kwargs["period_start"] = self.period_start.date().toPython()
            kwargs["period_end"] = self.period_end.date().toPython()
        try:
            return Payslip(**kwargs)
        except ValidationError as exc:
            self._show_validation(exc)
            self._focus_first_error()
            return None

    def _show_validation(self, exc: ValidationError) -> None:
        """The model's refusal in plain words: under the field it concerns, or under the form."""
        shown = False
        for error in exc.errors():
            target = _MODEL_ERRORS.get(str(error.get("type", "")))
            if target is not None:
                self._show_error(target.field, _(target.message))
                shown = True
        if not shown:
            self._show_error("general", _("These details do not fit together. Check the amounts and the dates."))

    def try_accept(self) -> None:
        slip = self.build()
        if slip is not None:
            self.payslip = slip
            self.accept()

    # --- language -------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        adding = self.original is None
        title = _("Add a payslip") if adding else _("Change a payslip")
        self.setWindowTitle(_("{title} – Bijverdienplanner").format(title=title))
        self.setAccessibleName(title)
        self.help.setText(" ".join((_("A payslip you received replaces the estimate for that month."),
                                    _("Fill in the amounts as they are on the payslip."))))
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        for edit in (self.period_start, self.period_end, self.pay_date):
            edit.setDisplayFormat(date_format)
        example = amount_text(Decimal("1234.56"))
        rows = (
            (self.job_label, self.job, _("&Job:"), _("Job")),
            (self.month_label, self.month, _("&Month:"), _("Month of the payslip")),
            (self.period_start_label, self.period_start, _("&First day of the period:"),
             _("First day of the pay period")),
            (self.period_end_label, self.period_end, _("&Last day of the period:"), _("Last day of the pay period")),
            (self.net_label, self.net, _("&Net amount paid out:"), _("Net amount paid out")),
            (self.holiday_label, self.holiday, _("&Holiday pay in it:"), _("Holiday pay part of the net amount")),
            (self.gross_label, self.gross, _("&Gross amount (if you know it):"), _("Gross amount")),
        )
        for label, field, text, name in rows:
            label.setText(text)
            field.setAccessibleName(name)
        for i, month in enumerate(self._months):
            self.month.setItemText(i, format_month(*parse_month(month)))
        self.net.setPlaceholderText(_("For example {example}").format(example=example))
        self.gross.setPlaceholderText(_("Leave empty if it is not on the payslip"))
        self.net.setToolTip(_("Everything paid out on this payslip, holiday pay included."))
        self.pay_date_known.setText(_("&Paid on:"))
        self.pay_date_known.setAccessibleName(_("I know the pay date"))
        self.pay_date.setAccessibleName(_("Pay date"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(_("Save the payslip"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        self._update_period_hint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# --- the panel ----------------------------------------------------------------------------------------


class PayslipsPanel(QWidget):
    """The payslips of a plan, with Add, Edit and Delete; edits come out as new plans."""

    edit_requested = Signal(object, object)
    """(the new frozen :class:`Plan`, the undo step's name: see :data:`ui.document.StepName`)."""

    def __init__(self, plan: Plan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payslipsPanel")
        self._plan: Plan | None = None
        self.dialog: PayslipDialog | None = None
        """The add or edit dialog while it is open."""

        layout = QVBoxLayout(self)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        use_content_font(self.help)
        layout.addWidget(self.help)

        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnCount(len(COLUMNS))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(60)
        header.setStretchLastSection(True)
        use_content_font(self.table)
        self.table.installEventFilter(self)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        on_trigger(self.add_button, self.add)
        on_trigger(self.edit_button, self.edit_selected)
        on_trigger(self.delete_button, self.delete_selected)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.add_button)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.delete_button)

        self.retranslate_ui()
        if plan is not None:
            self.set_plan(plan)

    # --- the data -----------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def set_plan(self, plan: Plan | None) -> None:
        """Show ``plan``'s payslips (after an edit, undo or redo, or another plan)."""
        row = self.current_row()
        self._plan = plan
        self._fill_table()
        count = self.table.rowCount()
        if count:
            self.table.selectRow(min(max(row, 0), count - 1))
        self._update_buttons()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    # --- edits --------------------------------------------------------------------------------------

    def add(self) -> None:
        if self._plan is None or not self._plan.jobs:
            return
        self._open(PayslipDialog(self._plan, None, self), None)

    def edit_selected(self) -> None:
        row = self.current_row()
        if self._plan is None or row < 0:
            return
        self._open(PayslipDialog(self._plan, self._plan.payslips[row], self), row)

    def delete_selected(self) -> None:
        row = self.current_row()
        if self._plan is None or row < 0:
            return
        plan, slips = self._plan, self._plan.payslips
        gone = slips[row]
        self._emit(slips[:row] + slips[row + 1:],
                   lambda: _("Delete the payslip of {job} for {period}").format(job=job_name(plan, gone.job), period=period_text(gone)))

    def _open(self, dialog: PayslipDialog, row: int | None) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_accepted(dialog, row))
        dialog.finished.connect(lambda _result: self._on_finished(dialog))
        dialog.open()

    def _on_finished(self, dialog: PayslipDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_accepted(self, dialog: PayslipDialog, row: int | None) -> None:
        slip = dialog.payslip
        plan = self._plan
        if slip is None or plan is None:
            return
        slips = plan.payslips
        if row is not None and not (row < len(slips) and slips[row] == dialog.original):
            # The plan changed while the dialog was open: find the payslip again, or add it as a new one.
            row = slips.index(dialog.original) if dialog.original in slips else None
        if row is None:
            new = (*slips, slip)
            self._emit(new, lambda: _("Add the payslip of {job} for {period}").format(job=job_name(plan, slip.job),
                                                                                      period=period_text(slip)))
            return
        if slip == slips[row]:
            return  # nothing changed: no undo step
        new = slips[:row] + (slip,) + slips[row + 1:]
        self._emit(new, lambda: _("Change the payslip of {job} for {period}").format(job=job_name(plan, slip.job),
                                                                                     period=period_text(slip)))

    def _emit(self, payslips: tuple[Payslip, ...], text: StepName) -> None:
        assert self._plan is not None
        self.edit_requested.emit(self._plan.model_copy(update={"payslips": tuple(payslips)}), text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Insert and Delete belong to this table here, not to the Shifts tab's "add a shift" / "delete".
            if event.key() in (Qt.Key.Key_Insert, Qt.Key.Key_Delete) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()
                return True
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Insert and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.add()
                return True
            if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # --- rendering ----------------------------------------------------------------------------------

    def _fill_table(self) -> None:
        table = self.table
        plan = self._plan
        slips = plan.payslips if plan is not None else ()
        table.clearContents()
        table.setRowCount(len(slips))
        for c, (label, tip) in enumerate(COLUMNS):
            header = QTableWidgetItem(_(label))
            header.setToolTip(_(tip))
            header.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _(tip))
            header.setTextAlignment((Qt.AlignmentFlag.AlignRight if 2 <= c <= 4 else Qt.AlignmentFlag.AlignLeft)
                                    | Qt.AlignmentFlag.AlignVCenter)
            table.setHorizontalHeaderItem(c, header)
        assert plan is not None or not slips
        for r, slip in enumerate(slips):
            name = job_name(plan, slip.job)  # type: ignore[arg-type]
            cells = [
                (name, None, False),
                (period_text(slip), slip.month or f"{slip.period[0].isoformat()}/{slip.period[1].isoformat()}", False),
                (format_money(slip.net_amount), str(slip.net_amount), True),
                (format_money(slip.holiday_pay_part), str(slip.holiday_pay_part), True),
                (NOT_FILLED_IN if slip.gross_amount is None else format_money(slip.gross_amount),
                 None if slip.gross_amount is None else str(slip.gross_amount), True),
                (NOT_FILLED_IN if slip.pay_date is None else format_day(slip.pay_date),
                 None if slip.pay_date is None else slip.pay_date.isoformat(), False),
            ]
            for c, (text, value, number) in enumerate(cells):
                item = QTableWidgetItem(text)
                if value is not None:
                    item.setData(Qt.ItemDataRole.UserRole, value)
                if number:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                spoken = _("Not filled in") if text == NOT_FILLED_IN else text
                item.setData(Qt.ItemDataRole.AccessibleTextRole,
                             _("{column}: {value}").format(column=_(COLUMNS[c][0]), value=spoken))
                table.setItem(r, c, item)
        has_jobs = plan is not None and bool(plan.jobs)
        if not has_jobs:
            self.empty.setText(_("Add a job to the plan first; then you can enter its payslips here."))
        elif not slips:
            self.empty.setText(_("No payslips yet. Add one when you receive it: it makes the plan more exact."))
        self.empty.setAccessibleName(self.empty.text())
        self.empty.setVisible(not slips)

    def _update_buttons(self) -> None:
        has_jobs = self._plan is not None and bool(self._plan.jobs)
        selected = self.current_row() >= 0
        self.add_button.setEnabled(has_jobs)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def retranslate_ui(self) -> None:
        """Render the held plan again in the current language."""
        self.help.setText(_("A payslip you received replaces the estimate for that month."))
        self.table.setAccessibleName(_("Payslips"))
        self.table.setAccessibleDescription(_("One row per payslip. Insert adds one, Enter changes the selected one, "
                                              "Delete removes it."))
        self.table.horizontalHeader().setAccessibleName(_("Columns"))
        self.add_button.setText(_("&Add payslip…"))
        self.add_button.setAccessibleName(_("Add a payslip"))
        self.add_button.setToolTip(_("Add a payslip you received (Insert)"))
        self.edit_button.setText(_("&Change…"))
        self.edit_button.setAccessibleName(_("Change the selected payslip"))
        self.edit_button.setToolTip(_("Change the selected payslip (Enter)"))
        self.delete_button.setText(_("&Delete"))
        self.delete_button.setAccessibleName(_("Delete the selected payslip"))
        self.delete_button.setToolTip(_("Delete the selected payslip (Delete). Undo brings it back."))
        row = self.current_row()
        self._fill_table()
        if row >= 0 and row < self.table.rowCount():
            self.table.selectRow(row)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["AmountError", "PayslipDialog", "PayslipsPanel", "amount_message", "parse_amount"]
