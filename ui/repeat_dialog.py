"""Repeat…: one shift on chosen days of every week (or every other week), from one day until another.

"Every Tuesday and Thursday, 4 hours, until 31 March" is seven check boxes,
an hours field and two dates; everything is reachable with Tab and every field
has a label with an Alt-key. A line under the fields says how many shifts the
repeat adds, and why none when it cannot (no day chosen, the last day before the
first, too many shifts). Days that already have a shift for the chosen job are
skipped, and the line says how many.

A view of the plan: the dialog computes the new shifts with
:func:`planner.repeat.repeat_shifts` and hands them over with :meth:`shifts`;
it never changes the plan.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import _, ngettext
from planner.model import Certainty, Plan, Shift
from planner.repeat import MAX_REPEATS, RepeatError, repeat_dates, repeat_shifts
from ui.fonts import use_content_font
from ui.shifts_view import (
    CERTAINTIES,
    CERTAINTY_DESCRIPTIONS,
    FieldError,
    certainty_label,
    field_error_message,
    format_hours,
    parse_hours,
    plan_days,
    weekday_names,
)


def repeat_error_message(code: str) -> str:
    """The sentence for a :class:`planner.repeat.RepeatError` code, in the current language."""
    if code == "no_weekdays":
        return _("Choose at least one day of the week.")
    if code == "until_before_first":
        return _("The last day is before the first day. Choose a later last day.")
    if code == "too_many":
        return ngettext(
            "That would be more than {max} shift. Choose a shorter period.",
            "That would be more than {max} shifts. Choose a shorter period.",
            MAX_REPEATS,
        ).format(max=MAX_REPEATS)
    if code == "bad_interval":
        return _("Repeat every week or every two weeks.")
    return _("Choose days from Monday to Sunday.")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RepeatDialog(QDialog):
    """Fields for a weekly repeat, filled in from ``template`` (job, hours, start, how sure) and ``first``."""

    def __init__(self, plan: Plan, template: Shift, first: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repeatDialog")
        self._plan = plan
        self._shifts: tuple[Shift, ...] = ()
        plan_first, plan_last = plan_days(plan)
        first = min(max(first, plan_first), plan_last)
        month_end = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        use_content_font(self.intro)
        layout.addWidget(self.intro)

        self.days_label = QLabel(self)
        layout.addWidget(self.days_label)
        days_row = QHBoxLayout()
        self.day_boxes: list[QCheckBox] = []
        for _n in range(7):
            box = QCheckBox(self)
            box.toggled.connect(self._update)
            days_row.addWidget(box)
            self.day_boxes.append(box)
        days_row.addStretch(1)
        layout.addLayout(days_row)

        form = QFormLayout()
        self.hours = QLineEdit(format_hours(template.hours), self)
        self.hours.setMaxLength(8)
        self.hours.textChanged.connect(self._update)
        self.hours_label = QLabel(self)
        self.hours_label.setBuddy(self.hours)
        form.addRow(self.hours_label, self.hours)

        self.start_check = QCheckBox(self)
        self.start_check.setChecked(template.start is not None)
        self.start_edit = QTimeEdit(self)
        self.start_edit.setDisplayFormat("HH:mm")
        at = template.start or time(9, 0)
        self.start_edit.setTime(QTime(at.hour, at.minute))
        self.start_edit.setEnabled(template.start is not None)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.start_check.toggled.connect(self._update)
        self.start_edit.timeChanged.connect(self._update)
        form.addRow(self.start_check, self.start_edit)

        self.job = QComboBox(self)
        for job in plan.jobs:
            self.job.addItem(job.name or job.id, job.id)
        self.job.setCurrentIndex(max(self.job.findData(template.job), 0))
        self.job.currentIndexChanged.connect(self._update)
        self.job_label = QLabel(self)
        self.job_label.setBuddy(self.job)
        form.addRow(self.job_label, self.job)

        self.certainty = QComboBox(self)
        for key in CERTAINTIES:
            self.certainty.addItem("", key)
        self.certainty.setCurrentIndex(CERTAINTIES.index(template.certainty))
        self.certainty.currentIndexChanged.connect(self._update)
        self.certainty_label = QLabel(self)
        self.certainty_label.setBuddy(self.certainty)
        form.addRow(self.certainty_label, self.certainty)

        self.first = self._date_edit(first)
        self.first_label = QLabel(self)
        self.first_label.setBuddy(self.first)
        form.addRow(self.first_label, self.first)
        self.until = self._date_edit(min(month_end, plan_last))
        self.until_label = QLabel(self)
        self.until_label.setBuddy(self.until)
        form.addRow(self.until_label, self.until)

        self.every = QComboBox(self)
        self.every.addItem("", 1)
        self.every.addItem("", 2)
        self.every.currentIndexChanged.connect(self._update)
        self.every_label = QLabel(self)
        self.every_label.setBuddy(self.every)
        form.addRow(self.every_label, self.every)
        layout.addLayout(form)

        self.preview = QLabel(self)
        self.preview.setObjectName("repeatPreview")
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setMargin(6)
        use_content_font(self.preview)
        layout.addWidget(self.preview)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        chain: list[QWidget] = [
            *self.day_boxes, self.hours, self.start_check, self.start_edit, self.job, self.certainty,
            self.first, self.until, self.every, self.buttons,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)
        self.retranslate_ui()
        self.day_boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        first, last = plan_days(self._plan)
        edit.setDateRange(_qdate(first), _qdate(last))
        edit.setDate(_qdate(day))
        edit.dateChanged.connect(self._update)  # after setDate: the preview does not exist yet
        return edit

    # --- the result ------------------------------------------------------------------------------

    def weekdays(self) -> list[int]:
        """The ISO weekdays (1 = Monday) that are ticked."""
        return [n + 1 for n, box in enumerate(self.day_boxes) if box.isChecked()]

    def shifts(self) -> tuple[Shift, ...]:
        """The shifts the repeat adds (empty while a field is wrong)."""
        return self._shifts

    def _compute(self) -> tuple[tuple[Shift, ...], int]:
        """(new shifts, number of days skipped because they already have a shift for the job); raises on bad input."""
        hours: Decimal = parse_hours(self.hours.text())
        job = str(self.job.currentData())
        certainty: Certainty = self.certainty.currentData()
        start = self.start_edit.time().toPython() if self.start_check.isChecked() else None
        taken = {s.date for s in self._plan.shifts if s.job == job}
        every = int(self.every.currentData())
        first, until = self.first.date().toPython(), self.until.date().toPython()
        days = repeat_dates(first, until, self.weekdays(), every)
        new = repeat_shifts(job=job, hours=hours, first=first, until=until, weekdays=self.weekdays(),
                            start=start, certainty=certainty, every_weeks=every, skip=taken)
        return new, len(days) - len(new)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self._shifts, skipped = self._compute()
        except FieldError as exc:
            self._shifts = ()
            text = field_error_message(exc.code)
        except RepeatError as exc:
            self._shifts = ()
            text = repeat_error_message(exc.code)
        else:
            n = len(self._shifts)
            lines = [ngettext("This adds {count} shift.", "This adds {count} shifts.", n).format(count=n)]
            if skipped:
                lines.append(
                    ngettext(
                        "{count} day already has a shift for this job and is skipped.",
                        "{count} days already have a shift for this job and are skipped.",
                        skipped,
                    ).format(count=skipped)
                )
            text = "\n".join(lines)
        self.preview.setText(text)
        self.preview.setAccessibleName(_("What the repeat adds"))
        self.preview.setAccessibleDescription(text)
        ok.setEnabled(bool(self._shifts))

    def accept(self) -> None:
        self._update()
        if self._shifts:
            super().accept()

    # --- language -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Repeat a shift – Bijverdienplanner"))
        self.intro.setText(_("Add the same shift on the chosen days of every week, from the first day until the last day."))
        self.days_label.setText(_("On these days:"))
        names = weekday_names()
        for box, name in zip(self.day_boxes, names, strict=True):
            box.setText(name)
            box.setAccessibleName(name)
            box.setToolTip(_("Tick to add a shift on every {weekday}.").format(weekday=name))
        self.hours_label.setText(_("&Hours:"))
        self.hours.setAccessibleName(_("Hours per shift"))
        self.hours.setToolTip(_("More than 0 and at most 24 hours, for example {example}.").format(example=format_hours(Decimal("3.5"))))
        self.start_check.setText(_("&Start time:"))
        self.start_check.setAccessibleName(_("The shifts have a start time"))
        self.start_check.setToolTip(_("Tick this if you know when the shifts start."))
        self.start_edit.setAccessibleName(_("Start time"))
        self.start_edit.setToolTip(_("The time the shifts start."))
        self.job_label.setText(_("&Job:"))
        self.job.setAccessibleName(_("Job"))
        self.job.setToolTip(_("The job these shifts are for."))
        self.certainty_label.setText(_("Ho&w sure:"))
        self.certainty.setAccessibleName(_("How sure"))
        self.certainty.setToolTip(_("How sure you are to get these shifts."))
        for n, key in enumerate(CERTAINTIES):
            self.certainty.setItemText(n, certainty_label(key))
            self.certainty.setItemData(n, _(CERTAINTY_DESCRIPTIONS[key]), Qt.ItemDataRole.ToolTipRole)
        self.first_label.setText(_("&From:"))
        self.first.setAccessibleName(_("First day"))
        self.first.setToolTip(_("The first day that can have a shift. Alt+Down opens a calendar."))
        self.until_label.setText(_("&Until:"))
        self.until.setAccessibleName(_("Last day"))
        self.until.setToolTip(_("The last day that can have a shift. Alt+Down opens a calendar."))
        self.every_label.setText(_("&Repeat:"))
        self.every.setItemText(0, _("Every week"))
        self.every.setItemText(1, _("Every two weeks"))
        self.every.setAccessibleName(_("How often"))
        self.every.setToolTip(_("Every week, or every other week counted from the week of the first day."))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Add the shifts"))
        ok.setAccessibleName(_("Add the shifts"))
        ok.setToolTip(_("Adds these shifts to your plan. You can undo this."))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Cancel"))
        cancel.setAccessibleName(_("Cancel"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["RepeatDialog", "repeat_error_message"]
