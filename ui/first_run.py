"""The first-run path: from nothing to a first plan in about two minutes.

A :class:`FirstRunWizard` asks, page by page: welcome → household → work →
money → shifts → done. Every answer has a default, so Next, Next, …, Finish
gives a valid plan (one adult in Amsterdam, no job, no shifts). Each page
checks its answers on Next with its form's :class:`ui.plan_forms.FormError`
and shows a problem under the field. The shifts page makes a weekly pattern
with :func:`planner.repeat.repeat_shifts` and is skipped when there is no job
paid by the hour. The done page sums up the plan and checks it with
:func:`planner.validate.check_plan` before Finish closes the wizard.

The plan starts in the month of ``today`` and runs 12 months; its name comes
from the done page. Nothing here computes a benefit: the main window does that
once the wizard is finished.
"""

from __future__ import annotations

import html
import logging
from datetime import date
from decimal import Decimal

from babel.lists import format_list
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.i18n import N_, _, babel_locale, format_day, format_money, format_month, ngettext
from planner.model import Certainty, Job, Plan, Settlement, Shift
from planner.people import last_day
from planner.repeat import RepeatError, repeat_dates, repeat_shifts
from planner.rules import load_rules
from planner.validate import check_plan
from ui.fonts import use_content_font
from ui.plan_forms import (
    AmountError,
    DateField,
    ErrorLabel,
    FieldBlock,
    FormError,
    HouseholdForm,
    JobsForm,
    LanguageAware,
    MoneyForm,
    PlanForm,
    amount_error_message,
    amount_text,
    date_example,
    fit_on_screen,
    issue_text,
    job_label,
    left_aligned,
    parse_amount,
    plan_errors,
    set_combo_data,
    weekday_name,
)

log = logging.getLogger("ui.first_run")

PLAN_MONTHS = 12
PATTERN_MONTHS = 3
"""A weekly pattern runs until the end of the plan's third month unless the user chooses another day."""
DEFAULT_SHIFT_HOURS = "4"
DEFAULT_PLAN_NAME = N_("My plan")

CERTAINTIES: tuple[tuple[Certainty, str], ...] = (
    ("sure", N_("Sure: they are in my schedule")),
    ("likely", N_("Likely")),
    ("maybe", N_("Maybe")),
    ("extra", N_("Extra: only if I get more work")),
)

COMPOSITION_SUMMARY = {
    "single": N_("You live without a partner and without children under 18."),
    "single_parent": N_("You live without a partner, with a child under 18."),
    "couple": N_("You live with your partner."),
}


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """The month ``count`` months after ``year``-``month``."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that gives it all the room there is, and scrolls when there is less
    (the wizard's pages and the window's tabs)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _hourly(jobs: tuple[Job, ...]) -> tuple[Job, ...]:
    return tuple(j for j in jobs if j.wage_unit == "hour")


# --- the weekly pattern --------------------------------------------------------------------------


class ShiftPatternForm(PlanForm):
    """A quick weekly pattern: which days, how many hours, for which job, how sure, from when until when."""

    def __init__(self, first: date, until: date, minimum: date, maximum: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs: tuple[Job, ...] = ()
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.form_error)

        self.mode_block = FieldBlock(self)
        self.mode_group = QButtonGroup(self)
        self.pattern_radio = QRadioButton(self.mode_block)
        self.later_radio = QRadioButton(self.mode_block)
        self.mode_group.addButton(self.pattern_radio, 0)
        self.mode_group.addButton(self.later_radio, 1)
        self.pattern_radio.setChecked(True)
        self.mode_block.add(self.pattern_radio)
        self.mode_block.add(self.later_radio)
        self.mode_group.idToggled.connect(self._update)
        layout.addWidget(self.mode_block)

        self.pattern = QWidget(self)
        pattern_layout = QVBoxLayout(self.pattern)
        pattern_layout.setContentsMargins(24, 0, 0, 0)
        pattern_layout.setSpacing(14)
        layout.addWidget(self.pattern)

        self.job_block = FieldBlock(self.pattern)
        self.job = QComboBox(self.job_block)
        self.job.setObjectName("pattern_job")
        self.job_block.add(left_aligned(self.job))
        pattern_layout.addWidget(self.job_block)

        self.days_block = FieldBlock(self.pattern)
        days = QGridLayout()
        self.day_boxes: dict[int, QCheckBox] = {}
        for iso in range(1, 8):
            box = QCheckBox(self.days_block)
            box.setObjectName(f"weekday_{iso}")
            box.toggled.connect(self._update)
            self.day_boxes[iso] = box
            days.addWidget(box, (iso - 1) // 4, (iso - 1) % 4)
        self.days_block.add(days)
        pattern_layout.addWidget(self.days_block)

        self.hours_block = FieldBlock(self.pattern)
        self.hours = QLineEdit(DEFAULT_SHIFT_HOURS, self.hours_block)
        self.hours.setObjectName("pattern_hours")
        self.hours.setMaximumWidth(100)
        self.hours_block.add(left_aligned(self.hours))
        pattern_layout.addWidget(self.hours_block)

        self.certainty_block = FieldBlock(self.pattern)
        self.certainty = QComboBox(self.certainty_block)
        for value, _text in CERTAINTIES:
            self.certainty.addItem("", value)
        self.certainty_block.add(left_aligned(self.certainty))
        pattern_layout.addWidget(self.certainty_block)

        self.period_block = FieldBlock(self.pattern)
        period = QHBoxLayout()
        self.first_label = QLabel(self.period_block)
        self.first = DateField(self.period_block, value=first, minimum=minimum, maximum=maximum)
        self.first.setObjectName("pattern_first")
        self.until_label = QLabel(self.period_block)
        self.until = DateField(self.period_block, value=until, minimum=minimum, maximum=maximum)
        self.until.setObjectName("pattern_until")
        self.first_label.setBuddy(self.first)
        self.until_label.setBuddy(self.until)
        for widget in (self.first_label, self.first, self.until_label, self.until):
            period.addWidget(widget)
        period.addStretch(1)
        self.period_block.add(period)
        self.first.dateChanged.connect(self._update)
        self.until.dateChanged.connect(self._update)
        pattern_layout.addWidget(self.period_block)

        self.preview = QLabel(self.pattern)
        self.preview.setWordWrap(True)
        pattern_layout.addWidget(self.preview)
        layout.addStretch(1)
        self.retranslate_ui()
        self._update()

    def set_jobs(self, jobs: tuple[Job, ...]) -> None:
        """The jobs paid by the hour to choose from; the chosen job stays chosen if it is still there."""
        chosen = self.job.currentData()
        self._jobs = _hourly(jobs)
        self.job.clear()
        for number, job in enumerate(self._jobs, start=1):
            self.job.addItem(job_label(job, number), job.id)
        if chosen is not None:
            set_combo_data(self.job, chosen)
        self._update()

    def weekdays(self) -> list[int]:
        return [iso for iso, box in self.day_boxes.items() if box.isChecked()]

    def wants_pattern(self) -> bool:
        return self.pattern_radio.isChecked() and bool(self._jobs)

    def _update(self, *_args: object) -> None:
        self.pattern.setEnabled(self.pattern_radio.isChecked())
        self.job_block.setVisible(len(self._jobs) > 1)
        self._update_preview()

    def _update_preview(self) -> None:
        first, until = self.first.value(), self.until.value()
        text = ""
        if self.pattern_radio.isChecked() and first is not None and until is not None and self.weekdays():
            try:
                dates = repeat_dates(first, until, self.weekdays())
            except RepeatError:
                dates = []
            if dates:
                text = ngettext(
                    "This makes {count} shift, on {first}.",
                    "This makes {count} shifts, from {first} to {last}.",
                    len(dates),
                ).format(count=len(dates), first=format_day(dates[0]), last=format_day(dates[-1]))
            else:
                text = _("None of these days falls in this period.")
        self.preview.setText(text)
        self.preview.setAccessibleName(text)
        self.preview.setVisible(bool(text))

    def shifts(self) -> tuple[Shift, ...]:
        """The shifts of the pattern, or none ("later", or no job paid by the hour); raises :class:`FormError`."""
        if not self.wants_pattern():
            return ()
        job_id = self.job.currentData()
        if not self.weekdays():
            raise FormError(self.day_boxes[1], _("Choose at least one day. Or choose “I’ll add shifts later”."))
        try:
            hours = parse_amount(self.hours.text())
        except AmountError as exc:
            raise FormError(self.hours, amount_error_message(exc, self.hours.text())) from None
        if hours is None or hours <= 0 or hours > 24:
            raise FormError(self.hours, _("A shift has more than 0 and at most 24 hours. For example: 4."))
        first, until = self.first.value(), self.until.value()
        assert first is not None and until is not None  # these fields are never empty
        try:
            return repeat_shifts(job=job_id, hours=hours, first=first, until=until, weekdays=self.weekdays(),
                                 certainty=self.certainty.currentData())
        except RepeatError as exc:
            if exc.code == "until_before_first":
                raise FormError(self.until, _("The last day is before the first day. Check the dates.")) from None
            if exc.code == "too_many":
                raise FormError(self.until, _("That is too many shifts at once. Choose a shorter period.")) from None
            raise FormError(self.day_boxes[1], _("Choose at least one day. Or choose “I’ll add shifts later”.")) from None

    def retranslate_ui(self) -> None:
        self.mode_block.set_texts(
            _("Do you work on the same days every week?"),
            _("Then add those shifts all at once. You can change single shifts later."),
        )
        self.pattern_radio.setText(_("Add a &weekly pattern now"))
        self.later_radio.setText(_("I’ll add shifts &later"))
        self.pattern_radio.setAccessibleName(_("Add a weekly pattern now"))
        self.pattern_radio.setToolTip(_("The same days and hours every week."))
        self.later_radio.setAccessibleName(_("I’ll add shifts later"))
        self.later_radio.setToolTip(_("The plan then starts without shifts."))
        self.job_block.set_texts(_("&Job"), _("Which job are these shifts for?"), self.job)
        self.job.setAccessibleName(_("Job for these shifts"))
        self.job.setToolTip(_("Which job are these shifts for?"))
        self.days_block.set_texts(_("Days"), _("Tick the days you work."))
        for iso, box in self.day_boxes.items():
            name = weekday_name(iso)
            box.setText(name)
            box.setAccessibleName(name)
            box.setToolTip(_("Work on {day}").format(day=name))
        self.hours_block.set_texts(_("&Hours per shift"), _("For example 4, or 3,5 for three and a half hours."), self.hours)
        self.hours.setAccessibleName(_("Hours per shift"))
        self.hours.setToolTip(_("For example 4, or 3,5 for three and a half hours."))
        self.certainty_block.set_texts(
            _("How &sure are these shifts?"),
            _("Shifts that are not sure make the results a range. Extra shifts only count when you look at more work."),
            self.certainty,
        )
        for i, (_value, text) in enumerate(CERTAINTIES):
            self.certainty.setItemText(i, _(text))
        self.certainty.setAccessibleName(_("How sure are these shifts"))
        self.certainty.setToolTip(_("Sure shifts are in your schedule."))
        example = _("Type it like {example}, or pick it in the calendar.").format(example=date_example())
        self.period_block.set_texts(_("From when until when?"), _("You can make the period longer later."))
        self.first_label.setText(_("Fi&rst day:"))
        self.until_label.setText(_("&Until:"))
        self.first.setAccessibleName(_("First day of the pattern"))
        self.first.setToolTip(example)
        self.until.setAccessibleName(_("Last day of the pattern"))
        self.until.setToolTip(example)
        self._update_preview()


# --- pages ---------------------------------------------------------------------------------------


class _Page(LanguageAware, QWizardPage):
    """A page that retranslates its title and texts on a language switch."""

    def owner(self) -> FirstRunWizard:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard


class WelcomePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        use_content_font(self.text)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Welcome"))
        self.setSubTitle(_("Make your first plan in about two minutes."))
        paragraphs = (
            _("This planner shows what work next to your bijstand brings in, month by month: your wage, your bijstand "
              "and the premie. It also shows when money comes in, and what the municipality may take back later."),
            _("A few questions follow, about your household, your work and your money. Every question already has an "
              "answer; change what is not right for you. You can change everything later."),
            _("Your answers stay on this computer. Nothing is sent over the internet."),
        )
        self.text.setText("".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
        self.text.setAccessibleName(" ".join(paragraphs))


class HouseholdPage(_Page):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = HouseholdForm(today=today)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(self.form, self))
        self.retranslate_ui()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if not self.form.check(self.form.household):
            return False
        # The rules' checks on the household alone (e.g. bijstand starts at 18), shown at their field.
        plan = self.owner().skeleton_plan()
        for issue in plan_errors(plan):
            widget = self.form.widget_for(issue.where)
            self.form.show_error(FormError(widget or self.form.claimant_birth, issue_text(issue)))
            return False
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your household"))
        self.setSubTitle(_("Who lives with you decides the amount of your bijstand."))


class WorkPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = JobsForm()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(self.form, self))
        self.retranslate_ui()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.form.set_has_partner(self.owner().household_page.form.composition() == "couple")

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.form.check(self.form.jobs)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your work"))
        self.setSubTitle(_("No job yet? Then press Next."))


class MoneyPage(_Page):
    def __init__(self, parent: QWidget | None = None, default_buffer: Decimal = Decimal(0)) -> None:
        super().__init__(parent)
        self.form = MoneyForm()
        self.form.buffer.setText(amount_text(default_buffer))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(self.form, self))
        # Without fixed costs (rent …) the safety buffer means little: say so while none has an amount (a warning,
        # never a block: Next still works, and the summary at the end says it again).
        self.form.costs_changed.connect(self._update_costs_warning)
        self._update_costs_warning()
        self.retranslate_ui()

    def _update_costs_warning(self) -> None:
        self.form.show_costs_warning(not self.form.has_costs())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.form.check(lambda: (self.form.starting_balance(), self.form.safety_buffer(), self.form.expenses(),
                                        self.form.settlement()))

    def nextId(self) -> int:  # noqa: N802 - Qt override
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard) and not wizard.hourly_jobs():
            return FirstRunWizard.DONE
        return FirstRunWizard.SHIFTS

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your money"))
        self.setSubTitle(_("What is in your account, and what you pay every month or week."))


class ShiftsPage(_Page):
    def __init__(self, first: date, until: date, minimum: date, maximum: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ShiftPatternForm(first, until, minimum, maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(self.form, self))
        self.retranslate_ui()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.form.set_jobs(self.owner().hourly_jobs())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.form.check(self.form.shifts)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your shifts"))
        self.setSubTitle(_("When do you work? You can add or change single shifts later."))


class DonePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        use_content_font(self.summary)
        layout.addWidget(self.summary)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.hide()
        layout.addWidget(self.warnings)
        name_row = QHBoxLayout()
        self.name_label = QLabel(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("plan_name")
        self.name.setText(_(DEFAULT_PLAN_NAME))
        self._default_name = self.name.text()
        self.name_label.setBuddy(self.name)
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.name, 1)
        layout.addLayout(name_row)
        self.error_label = ErrorLabel(self)
        layout.addWidget(self.error_label)
        self.finish_hint = QLabel(self)
        self.finish_hint.setWordWrap(True)
        font = self.finish_hint.font()
        font.setBold(True)
        self.finish_hint.setFont(font)
        use_content_font(self.finish_hint)
        layout.addWidget(self.finish_hint)
        layout.addStretch(1)
        self._plan: Plan | None = None
        self.retranslate_ui()

    def plan_name(self) -> str:
        return self.name.text().strip() or _(DEFAULT_PLAN_NAME)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.error_label.clear_error()
        try:
            self._plan = self.owner().build_plan()
        except FormError as exc:  # the earlier pages were checked, so this is unexpected
            log.info("first-run summary could not be made")
            self._plan = None
            self.error_label.show_error(exc.message)
        self._render_summary()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.error_label.clear_error()
        try:
            plan = self.owner().build_plan()
        except FormError as exc:
            self.error_label.show_error(exc.message)
            return False
        errors = plan_errors(plan)
        if errors:
            self.error_label.show_error("\n".join(issue_text(i) for i in errors))
            return False
        self.owner().set_plan(plan)
        return True

    def _render_summary(self) -> None:
        plan = self._plan
        if plan is None:
            self.summary.clear()
            self.warnings.hide()
            return
        lines = [_(COMPOSITION_SUMMARY[plan.household.composition])]
        mates = len(plan.household.housemates)
        if mates:
            lines.append(ngettext("{count} other person lives with you.", "{count} other people live with you.", mates).format(count=mates))
        if plan.household.municipality == "amsterdam":
            lines.append(_("Your municipality is Amsterdam."))
        else:
            lines.append(_("You live in another municipality: the planner uses the national rules only."))
        if plan.jobs:
            names = format_list([job_label(j, i) for i, j in enumerate(plan.jobs, start=1)], locale=babel_locale())
            count = len(plan.jobs)
            lines.append(ngettext("{count} job: {names}.", "{count} jobs: {names}.", count).format(count=count, names=names))
        else:
            lines.append(_("You have no job in the plan yet."))
        if plan.shifts:
            n = len(plan.shifts)
            lines.append(ngettext("{count} shift, on {first}.", "{count} shifts, from {first} to {last}.", n).format(
                count=n, first=format_day(plan.shifts[0].date), last=format_day(plan.shifts[-1].date)))
        elif plan.jobs:
            lines.append(_("No shifts yet. You can add them after Finish."))
        costs = len(plan.expenses)
        if costs:
            lines.append(ngettext("{count} fixed cost is counted.", "{count} fixed costs are counted.", costs).format(count=costs))
        else:
            lines.append(_("No fixed costs are counted."))
        lines.append(_("Money in your account at the start: {amount}.").format(amount=format_money(plan.starting_balance)))
        y, m = plan.start_month
        lines.append(ngettext("The plan starts in {month} and runs for {count} month.",
                              "The plan starts in {month} and runs for {count} months.", plan.months).format(
            month=format_month(y, m), count=plan.months))
        self.summary.setText("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>")
        self.summary.setAccessibleName(" ".join(lines))
        warnings = [issue_text(i) for i in check_plan(plan, load_rules()) if i.severity == "warning"]
        if not plan.expenses:
            warnings.insert(0, _("You have not filled in any fixed costs, such as rent. Without them the planner "
                                 "cannot tell if your money lasts. You can add them later: Edit → Money."))
        if warnings:
            heading = _("Please check:")
            items = "".join(f"<li>{html.escape(w)}</li>" for w in warnings)
            self.warnings.setText(f"<p>{html.escape(heading)}</p><ul>{items}</ul>")
            self.warnings.setAccessibleName(" ".join([heading, *warnings]))
        self.warnings.setVisible(bool(warnings))

    def retranslate_ui(self) -> None:
        self.setTitle(_("Ready"))
        self.setSubTitle(_("This is your plan. Check it, and give it a name."))
        if not self.name.isModified() and self.name.text() == self._default_name:
            self.name.setText(_(DEFAULT_PLAN_NAME))
            self._default_name = self.name.text()
        self.name_label.setText(_("Name of this &plan:"))
        self.name.setAccessibleName(_("Name of this plan"))
        self.name.setToolTip(_("Only for you, to find the plan again."))
        self.finish_hint.setText(_("Press Finish to see your months."))
        self._render_summary()


# --- the wizard ----------------------------------------------------------------------------------


class FirstRunWizard(LanguageAware, QWizard):
    """Household, work, money and shifts, then a summary; :meth:`plan` is the result after Finish."""

    WELCOME, HOUSEHOLD, WORK, MONEY, SHIFTS, DONE = range(6)

    def __init__(self, parent: QWidget | None = None, today: date | None = None,
                 default_buffer: Decimal = Decimal(0)) -> None:
        """``default_buffer``: the safety buffer the money page starts with (from the preferences)."""
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self._today = today or date.today()
        self._start = (self._today.year, self._today.month)
        self._plan: Plan | None = None
        plan_first_day = date(*self._start, 1)
        end_year, end_month = add_months(*self._start, PLAN_MONTHS - 1)
        plan_last_day = last_day(end_year, end_month)
        pattern_year, pattern_month = add_months(*self._start, PATTERN_MONTHS - 1)

        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.welcome_page = WelcomePage()
        self.household_page = HouseholdPage(self._today)
        self.work_page = WorkPage()
        self.money_page = MoneyPage(default_buffer=default_buffer)
        self.shifts_page = ShiftsPage(
            first=max(self._today, plan_first_day), until=last_day(pattern_year, pattern_month),
            minimum=plan_first_day, maximum=plan_last_day,
        )
        self.done_page = DonePage()
        for page_id, page in (
            (self.WELCOME, self.welcome_page), (self.HOUSEHOLD, self.household_page), (self.WORK, self.work_page),
            (self.MONEY, self.money_page), (self.SHIFTS, self.shifts_page), (self.DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(self.WELCOME)
        fit_on_screen(self, 860, 700)
        self.retranslate_ui()

    # --- the plan ---

    @property
    def start(self) -> str:
        """The plan's first month, ``YYYY-MM``: the month of ``today``."""
        return f"{self._start[0]:04d}-{self._start[1]:02d}"

    def skeleton_plan(self) -> Plan:
        """A plan with only the household: for the checks of the household page."""
        return Plan(start=self.start, months=PLAN_MONTHS, household=self.household_page.form.household())

    def hourly_jobs(self) -> tuple[Job, ...]:
        """The jobs paid by the hour (only those get shifts); none while the work page has a mistake."""
        try:
            return _hourly(self.work_page.form.jobs())
        except FormError:
            return ()

    def build_plan(self) -> Plan:
        """The plan from every page's answers; raises :class:`ui.plan_forms.FormError`."""
        money = self.money_page.form
        jobs = self.work_page.form.jobs()
        shifts = self.shifts_page.form.shifts() if _hourly(jobs) else ()
        if shifts and shifts[0].job not in {j.id for j in jobs}:
            shifts = ()
        return Plan(
            name=self.done_page.plan_name(),
            start=self.start,
            months=PLAN_MONTHS,
            household=self.household_page.form.household(),
            jobs=jobs,
            shifts=shifts,
            starting_balance=money.starting_balance(),
            expenses=money.expenses(),
            settlement=money.settlement(Settlement()),
        )

    def set_plan(self, plan: Plan) -> None:
        self._plan = plan

    def plan(self) -> Plan:
        """The new plan: the one checked on Finish, or (before Finish) built from the answers so far."""
        return self._plan if self._plan is not None else self.build_plan()

    # --- language ---

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New plan – Bijverdienplanner"))
        buttons = (
            (QWizard.WizardButton.BackButton, _("< &Back"), _("Back")),
            (QWizard.WizardButton.NextButton, _("&Next >"), _("Next")),
            (QWizard.WizardButton.FinishButton, _("&Finish"), _("Finish")),
            (QWizard.WizardButton.CancelButton, _("Cancel"), _("Cancel")),
        )
        for which, text, name in buttons:
            self.setButtonText(which, text)
            self.button(which).setAccessibleName(name)


__all__ = ["CERTAINTIES", "FirstRunWizard", "ShiftPatternForm", "add_months"]
