"""ui.first_run: a new user gets from nothing to a valid plan, with defaults or by keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget, QWizard

from planner.i18n import _, translations
from planner.model import Expense, Household, Job, Person, Shift
from planner.rules import load_rules
from planner.validate import check_plan
from ui.first_run import FirstRunWizard
from ui.language import apply_language
from ui.plan_forms import DateField

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when a window is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

TODAY = date(2026, 3, 10)  # a Tuesday


@pytest.fixture
def wizard(qtbot) -> FirstRunWizard:  # noqa: ANN001
    w = FirstRunWizard(today=TODAY)
    qtbot.add_widget(w)
    w.show()
    qtbot.wait_exposed(w)
    return w


def press_enter(qtbot, wizard: FirstRunWizard) -> None:  # noqa: ANN001
    """Enter where the focus is: the wizard's default button (Next, or Finish on the last page)."""
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def type_date(qtbot, field: DateField, text: str) -> None:  # noqa: ANN001
    """Tab into a date field and type the date, as a user does."""
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, text)


def finish_with_defaults(qtbot, wizard: FirstRunWizard) -> None:  # noqa: ANN001
    for _page in range(8):
        if not wizard.isVisible():
            return
        press_enter(qtbot, wizard)
    raise AssertionError(f"the wizard did not finish; it stays on page {wizard.currentId()}")


def test_only_defaults_give_a_valid_plan(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    visited = []
    wizard.currentIdChanged.connect(visited.append)
    with qtbot.wait_signal(wizard.accepted, timeout=5000):
        finish_with_defaults(qtbot, wizard)
    plan = wizard.plan()
    assert plan.schema_version == 2
    assert plan.start == "2026-03" and plan.months == 12
    assert plan.name == _("My plan")
    assert plan.household == Household(composition="single", claimant=Person(birth_date=date(1990, 1, 1)), municipality="amsterdam")
    assert plan.jobs == () and plan.shifts == () and plan.expenses == ()
    assert plan.starting_balance == 0 and plan.settlement.safety_buffer == 0
    assert [i for i in check_plan(plan, load_rules()) if i.severity == "error"] == []
    # Without a job there are no shifts to ask about.
    assert FirstRunWizard.SHIFTS not in visited
    assert visited[-1] == FirstRunWizard.DONE


def test_a_full_run_by_keyboard(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    press_enter(qtbot, wizard)  # welcome
    assert wizard.currentId() == FirstRunWizard.HOUSEHOLD
    household = wizard.household_page.form
    single_parent = household.composition_buttons["single_parent"]
    single_parent.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(single_parent, Qt.Key.Key_Space)
    assert household.composition() == "single_parent"
    type_date(qtbot, household.claimant_birth, "14-05-1988")
    type_date(qtbot, household.child_birth, "2-9-2018")
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.WORK

    jobs = wizard.work_page.form
    jobs.add_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(jobs.add_button, Qt.Key.Key_Space)
    box = jobs.boxes[0]
    assert box.name.hasFocus() or wizard.focusWidget() is box.name
    qtbot.keyClicks(box.name, "Schoonmaak")
    qtbot.keyClick(box.name, Qt.Key.Key_Tab)
    assert wizard.focusWidget() is box.wage
    qtbot.keyClicks(box.wage, "14,20")
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.MONEY

    money = wizard.money_page.form
    rent = money.rows[0]
    rent.amount.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(rent.amount, "650")
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.SHIFTS

    pattern = wizard.shifts_page.form
    for iso in (2, 4):  # Tuesday and Thursday
        pattern.day_boxes[iso].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(pattern.day_boxes[iso], Qt.Key.Key_Space)
    pattern.hours.setFocus(Qt.FocusReason.TabFocusReason)
    pattern.hours.selectAll()
    qtbot.keyClicks(pattern.hours, "4")
    assert "24" in pattern.preview.text()
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.DONE
    with qtbot.wait_signal(wizard.accepted, timeout=5000):
        press_enter(qtbot, wizard)

    plan = wizard.plan()
    assert plan.start == "2026-03" and plan.months == 12
    assert plan.household == Household(
        composition="single_parent",
        claimant=Person(birth_date=date(1988, 5, 14)),
        youngest_child_birth_date=date(2018, 9, 2),
        municipality="amsterdam",
    )
    assert plan.jobs == (Job(id="schoonmaak", name="Schoonmaak", wage=Decimal("14.20"), wage_unit="hour", wage_basis="net"),)
    assert plan.expenses == (Expense(name=rent.name.text(), amount=Decimal(650), every="month", day=1),)
    # Tuesdays and Thursdays from today until the end of the plan's third month, counted here on their own.
    expected: list[date] = []
    day = TODAY
    while day <= date(2026, 5, 31):
        if day.isoweekday() in (2, 4):
            expected.append(day)
        day += timedelta(days=1)
    assert len(expected) == 24
    assert plan.shifts == tuple(Shift(date=d, hours=Decimal(4), job="schoonmaak", certainty="sure") for d in expected)
    assert plan.shifts[0].date == date(2026, 3, 10) and plan.shifts[-1].date == date(2026, 5, 28)
    assert [i for i in check_plan(plan, load_rules()) if i.severity == "error"] == []


def test_a_bad_wage_is_refused_with_the_message_at_the_field(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    press_enter(qtbot, wizard)
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.WORK
    jobs = wizard.work_page.form
    jobs.add_button.click()
    box = jobs.boxes[0]
    qtbot.keyClicks(box.name, "Schoonmaak")
    box.wage.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(box.wage, "abc")
    box.name.setFocus(Qt.FocusReason.TabFocusReason)  # the focus is somewhere else when Next is pressed
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.WORK
    assert box.wage_error.isVisible()
    assert "abc" in box.wage_error.text()
    assert box.wage.hasFocus() or wizard.focusWidget() is box.wage
    # Corrected, it goes on.
    box.wage.selectAll()
    qtbot.keyClicks(box.wage, "14.20")
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.MONEY
    assert not box.wage_error.isVisible()


def test_a_couple_cannot_go_on_without_the_partner(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    press_enter(qtbot, wizard)
    household = wizard.household_page.form
    assert not household.partner_birth.isVisible()
    household.composition_buttons["couple"].click()
    assert household.partner_birth.isVisible()
    household.claimant_birth.setFocus(Qt.FocusReason.TabFocusReason)
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.HOUSEHOLD
    assert household.partner_block.error_label.isVisible()
    assert wizard.focusWidget() is household.partner_birth
    type_date(qtbot, household.partner_birth, "07061985")
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.WORK
    assert wizard.household_page.form.household().partner == Person(birth_date=date(1985, 6, 7))


def test_too_young_for_bijstand_is_said_at_the_birth_date(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    press_enter(qtbot, wizard)
    household = wizard.household_page.form
    household.claimant_birth.set_value(date(2010, 1, 1))
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.HOUSEHOLD
    assert household.claimant_block.error_label.isVisible() and "18" in household.claimant_block.error_label.text()


def test_shifts_later_gives_a_plan_without_shifts(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    wizard.next()
    wizard.next()
    box = wizard.work_page.form.add_job()
    box.wage.setText("12")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.SHIFTS
    pattern = wizard.shifts_page.form
    # A pattern without a day is refused, with a way out.
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.SHIFTS
    assert pattern.days_block.error_label.isVisible()
    pattern.later_radio.click()
    assert not pattern.pattern.isEnabled()
    press_enter(qtbot, wizard)
    assert wizard.currentId() == FirstRunWizard.DONE
    with qtbot.wait_signal(wizard.accepted, timeout=5000):
        press_enter(qtbot, wizard)
    plan = wizard.plan()
    assert plan.jobs[0].id == "job" and plan.shifts == ()


def _interactive(root: QWidget) -> Iterator[QWidget]:
    """The widgets a user can reach, without the parts inside a spin box, date field or list."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            continue
        if not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, QAbstractSpinBox | QComboBox):
                inner = True
            parent = parent.parentWidget()
        if not inner:
            yield widget


def test_every_interactive_widget_has_an_accessible_name(qtbot, wizard: FirstRunWizard):  # noqa: ANN001
    seen: dict[int, list[str]] = {}

    def check_page() -> None:
        missing = [
            f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
            for w in _interactive(wizard)
            if not w.accessibleName()
        ]
        assert not missing, f"page {wizard.currentId()}: no accessible name on {missing}"
        seen[wizard.currentId()] = [w.accessibleName() for w in _interactive(wizard)]

    check_page()
    wizard.next()
    household = wizard.household_page.form
    household.composition_buttons["couple"].click()
    household.partner_birth.set_value(date(1985, 1, 1))
    household.claimant_birth.set_value(date(2007, 1, 1))  # 19: the question for 18-20-year-olds shows
    household.vrijlating_months_radio.click()
    household.add_housemate().birth_date.set_value(date(1950, 1, 1))
    check_page()
    wizard.next()
    for name in ("Schoonmaak", "Hotel"):
        box = wizard.work_page.form.add_job()
        box.name.setText(name)
        box.wage.setText("12")
    check_page()
    wizard.next()
    money = wizard.money_page.form
    money.add_cost()
    check_page()
    wizard.next()
    pattern = wizard.shifts_page.form
    assert pattern.job.isVisibleTo(wizard)  # two jobs: which one is asked
    check_page()
    pattern.day_boxes[3].click()
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.DONE
    check_page()
    assert set(seen) == {FirstRunWizard.WELCOME, FirstRunWizard.HOUSEHOLD, FirstRunWizard.WORK,
                         FirstRunWizard.MONEY, FirstRunWizard.SHIFTS, FirstRunWizard.DONE}
    assert len(seen[FirstRunWizard.HOUSEHOLD]) > 15  # the check really looked at the fields


def test_labels_have_mnemonics_with_their_field_as_buddy(wizard: FirstRunWizard):
    household = wizard.household_page.form
    blocks = ((household.claimant_block, household.claimant_birth), (household.municipality_block, household.municipality))
    for block, field in blocks:
        assert "&" in block.label.text()
        assert block.label.buddy() is field
    box = wizard.work_page.form.add_job()
    assert box.wage_label.buddy() is box.wage and "&" in box.wage_label.text()
    assert "&" in wizard.buttonText(QWizard.WizardButton.NextButton)


#: The msgids of the page titles, in page order.
PAGE_TITLES = ("Welcome", "Your household", "Your work", "Your money", "Your shifts", "Ready")


def test_switching_to_english_retranslates_the_pages(qtbot):  # noqa: ANN001
    nl, en = translations("nl"), translations("en")
    w = FirstRunWizard(today=TODAY)
    qtbot.add_widget(w)
    pages = [w.page(i) for i in w.pageIds()]
    dutch_titles = [p.title() for p in pages]
    assert dutch_titles == [nl.gettext(t) for t in PAGE_TITLES]
    assert all(d != t for d, t in zip(dutch_titles, PAGE_TITLES, strict=True))  # really Dutch, not the msgid
    dutch_format = w.household_page.form.claimant_birth.displayFormat()
    name_before = w.done_page.name.text()

    apply_language("en")
    qtbot.wait_until(lambda: pages[0].title() == "Welcome", timeout=5000)
    assert [p.title() for p in pages] == [en.gettext(t) for t in PAGE_TITLES]
    assert w.windowTitle() == "New plan – Bijverdienplanner"
    assert w.buttonText(QWizard.WizardButton.NextButton) == "&Next >"
    assert w.household_page.form.composition_block.label.text() == "Do you live with a partner or with children?"
    assert w.household_page.form.claimant_birth.displayFormat() != dutch_format  # dd/MM/yyyy, not dd-MM-yyyy
    assert name_before == nl.gettext("My plan") != "My plan"
    assert w.done_page.name.text() == "My plan"  # an untouched default follows
