"""ui.plan_forms: the household, jobs and money forms read a plan, build a new one, and refuse bad input at the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from planner.i18n import translations
from planner.model import Expense, Household, Housemate, Job, Person, Plan, Sanction, Settlement, Shift
from planner.risk import assess
from planner.rules import load_rules
from planner.storage import load_plan
from ui.language import apply_language
from ui.plan_forms import (
    AmountError,
    DateField,
    FormError,
    HouseholdDialog,
    HouseholdForm,
    JobsDialog,
    JobsForm,
    MoneyDialog,
    MoneyForm,
    edit_household,
    job_id_from_name,
    parse_amount,
)

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when a dialog is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"


def _rich_plan() -> Plan:
    """A plan that uses every field the forms show, and some they keep without showing."""
    return Plan(
        name="Rijk",
        start="2026-02",
        household=Household(
            composition="couple",
            claimant=Person(birth_date=date(1980, 3, 4), medisch_urenbeperkt=True, vrijlating_months_used=4),
            partner=Person(birth_date=date(1982, 7, 8), vrijlating_months_used=2, medisch_urenbeperkt=True),
            housemates=(
                Housemate(birth_date=date(1950, 1, 2)),
                Housemate(birth_date=date(2001, 5, 6), not_cost_sharer="student"),
            ),
            youngest_child_birth_date=date(2015, 9, 10),
            municipality="overig",
            housing_costs=False,
            assets=Decimal("1234.56"),
            sanctions=(Sanction(month="2026-03", percent=30), Sanction(month="2026-05", percent=100)),
        ),
        jobs=(
            Job(id="hotel", name="Hotel", person="partner", wage=Decimal("2100.50"), wage_unit="month", wage_basis="gross",
                start=date(2026, 1, 1), end=date(2026, 12, 31), pay_day=20, paid_in="same_month", holiday_pay="with_wage",
                employer_applies_heffingskorting=True, payslip_delay_days=3),
            Job(id="parkeren", name="Parkeren", wage=Decimal("13.6825"), pay_schedule="four_weekly", holiday_pay="none",
                holiday_pay_month=6, pay_delay_days=5),
        ),
        shifts=(Shift(date=date(2026, 2, 3), hours=Decimal(4), job="parkeren"),),
        starting_balance=Decimal("-35.50"),
        expenses=(
            Expense(name="Huur", amount=Decimal("712.15"), day=1),
            Expense(name="Boodschappen", amount=Decimal(60), every="week", day=6),
        ),
        settlement=Settlement(safety_buffer=Decimal(100), pay_day=24, regime="voorschot", report_delay_days=12,
                              withholding_limit=Decimal("75.50")),
    )


# --- amounts and ids -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14,71", Decimal("14.71")),
        ("14.71", Decimal("14.71")),
        (" € 650,- ", Decimal(650)),
        ("650", Decimal(650)),
        ("3,5", Decimal("3.5")),
        ("", None),
        ("  ", None),
    ],
)
def test_amounts_are_read_with_a_comma_or_a_point(text: str, expected: Decimal | None):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("abc", "not_a_number"), ("1.200", "too_many_decimals"), ("1,2,3", "not_a_number"), ("-5", "negative")],
)
def test_bad_amounts_are_refused_with_a_reason(text: str, code: str):
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert caught.value.code == code


def test_negative_amounts_only_where_allowed_and_never_a_float():
    assert parse_amount("-50", allow_negative=True) == Decimal(-50)
    with pytest.raises(TypeError):
        parse_amount(14.71)  # type: ignore[arg-type]


def test_job_ids_are_made_from_the_name_and_unique():
    assert job_id_from_name("Schoonmaak") == "schoonmaak"
    assert job_id_from_name("Café De Kroon B.V.") == "cafe-de-kroon-b-v"
    assert job_id_from_name("") == "job"
    assert job_id_from_name("Schoonmaak", {"schoonmaak", "schoonmaak-2"}) == "schoonmaak-3"
    assert len(job_id_from_name("x" * 100)) <= 40


# --- round trips -------------------------------------------------------------------------------------


def test_the_household_form_gives_back_the_example_household(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)
    form = HouseholdForm(plan)
    qtbot.add_widget(form)
    assert form.composition() == "single_parent"
    assert form.household() == plan.household


def test_every_form_gives_back_a_plan_that_uses_every_field(qtbot):  # noqa: ANN001
    plan = _rich_plan()
    household, jobs, money = HouseholdForm(plan), JobsForm(plan), MoneyForm(plan)
    for widget in (household, jobs, money):
        qtbot.add_widget(widget)
    assert household.household() == plan.household
    assert jobs.jobs() == plan.jobs
    assert money.starting_balance() == plan.starting_balance
    assert money.safety_buffer() == plan.settlement.safety_buffer
    assert money.expenses() == plan.expenses
    assert money.settlement(plan.settlement) == plan.settlement
    # Nothing the forms show is lost when the dialogs build the plan.
    for dialog_class in (HouseholdDialog, JobsDialog, MoneyDialog):
        dialog = dialog_class(plan)
        qtbot.add_widget(dialog)
        assert dialog.build_plan() == plan


def test_edit_household_returns_the_same_plan_when_nothing_changed(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)

    def press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HouseholdDialog)
        dialog.accept()

    QTimer.singleShot(0, press_ok)
    assert edit_household(None, plan) == plan


def test_cancel_gives_none(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert edit_household(None, plan) is None


# --- the household -----------------------------------------------------------------------------------


def test_partner_and_child_are_asked_only_when_they_matter(qtbot):  # noqa: ANN001
    form = HouseholdForm(today=date(2026, 3, 10))
    qtbot.add_widget(form)
    form.show()
    assert form.household() == Household(composition="single", claimant=Person(birth_date=date(1990, 1, 1)))
    assert not form.partner_block.isVisible() and not form.child_block.isVisible()

    form.set_composition("couple")
    assert form.partner_block.isVisible() and form.child_block.isVisible()
    with pytest.raises(FormError) as caught:
        form.household()
    assert caught.value.widget is form.partner_birth
    form.partner_birth.set_value(date(1985, 6, 7))
    household = form.household()
    assert household.partner == Person(birth_date=date(1985, 6, 7))
    assert household.youngest_child_birth_date is None  # optional for a couple

    form.set_composition("single_parent")
    assert not form.partner_block.isVisible()
    with pytest.raises(FormError) as caught:
        form.household()
    assert caught.value.widget is form.child_birth
    form.child_birth.set_value(date(2019, 1, 2))
    household = form.household()
    assert household.partner is None and household.youngest_child_birth_date == date(2019, 1, 2)


def test_the_vrijlating_question_has_i_dont_know(qtbot):  # noqa: ANN001
    form = HouseholdForm(today=date(2026, 3, 10))
    qtbot.add_widget(form)
    assert form.household().claimant.vrijlating_months_used is None
    assert not form.vrijlating_months.isEnabled()
    form.vrijlating_not_yet.setChecked(True)
    assert form.household().claimant.vrijlating_months_used == 0
    form.vrijlating_months_radio.setChecked(True)
    assert form.vrijlating_months.isEnabled()
    form.vrijlating_months.setValue(7)
    assert form.household().claimant.vrijlating_months_used == 7


def test_the_question_for_18_to_20_year_olds_shows_only_for_them(qtbot):  # noqa: ANN001
    form = HouseholdForm(today=date(2026, 3, 10))
    qtbot.add_widget(form)
    form.show()
    assert not form.parental_block.isVisible()
    form.claimant_birth.set_value(date(2006, 6, 1))
    assert form.parental_block.isVisible()
    form.no_parental_support.setChecked(True)
    assert form.household().claimant.no_parental_support is True


def test_a_housemate_without_a_birth_date_is_refused_at_its_row(qtbot):  # noqa: ANN001
    form = HouseholdForm(today=date(2026, 3, 10))
    qtbot.add_widget(form)
    form.show()
    row = form.add_housemate()
    assert not form.check(form.household)
    assert row.error_label.isVisible() and "1" in row.error_label.text()
    assert form.focusWidget() is row.birth_date
    row.birth_date.set_value(date(1960, 1, 1))
    row.reason.setCurrentIndex(row.reason.findData("bbl"))
    assert form.check(form.household)
    assert not row.error_label.isVisible()
    assert form.household().housemates == (Housemate(birth_date=date(1960, 1, 1), not_cost_sharer="bbl"),)
    qtbot.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert form.household().housemates == ()


def test_a_rule_error_is_shown_at_its_field_and_the_dialog_stays_open(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)
    dialog = HouseholdDialog(plan)
    qtbot.add_widget(dialog)
    dialog.show()
    form = dialog.household_form
    form.claimant_birth.set_value(date(2015, 1, 1))  # 11 years old when the plan starts: no bijstand
    form.child_birth.set_value(date(2020, 1, 1))
    dialog.accept()
    assert dialog.result_plan() is None
    assert dialog.isVisible()
    assert form.claimant_block.error_label.isVisible()
    assert "18" in form.claimant_block.error_label.text()
    assert dialog.focusWidget() is form.claimant_birth


def test_the_facts_of_the_home_are_entered_as_a_user_does(qtbot):  # noqa: ANN001
    """No rent, savings above the limit and a sanction in April: keyboard in the dialog, then OK."""
    plan = load_plan(EXAMPLE)
    dialog = HouseholdDialog(plan)
    qtbot.add_widget(dialog)
    dialog.show()
    form = dialog.household_form
    assert not form.no_housing_costs.isChecked() and not form.institution.isChecked() and form.assets.text() == ""
    form.no_housing_costs.setFocus()
    qtbot.keyClick(form.no_housing_costs, Qt.Key.Key_Space)
    form.assets.setFocus()
    qtbot.keyClicks(form.assets, "16500,00")
    qtbot.keyClick(form.sanction, Qt.Key.Key_Space)
    assert form.sanction_month.isEnabled() and form.sanction_percent.isEnabled()
    form.sanction_month.setCurrentIndex(form.sanction_month.findData("2026-04"))
    form.sanction_percent.setValue(50)
    dialog.accept()
    household = dialog.result_plan().household
    assert (household.housing_costs, household.institution, household.assets) == (False, False, Decimal("16500.00"))
    assert household.sanctions == (Sanction(month="2026-04", percent=50),)


def test_bad_assets_are_refused_at_their_field(qtbot):  # noqa: ANN001
    dialog = HouseholdDialog(load_plan(EXAMPLE))
    qtbot.add_widget(dialog)
    dialog.show()
    form = dialog.household_form
    qtbot.keyClicks(form.assets, "veel")
    dialog.accept()
    assert dialog.result_plan() is None
    assert form.assets_block.error_label.isVisible()
    assert dialog.focusWidget() is form.assets


# --- jobs ----------------------------------------------------------------------------------------------


def test_a_new_job_gets_an_id_from_its_name_and_keeps_old_ids(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)
    form = JobsForm(plan)
    qtbot.add_widget(form)
    form.boxes[0].name.setText("Ander schoonmaakbedrijf")  # renamed: the shifts still point to it
    box = form.add_job()
    box.name.setText("Schoonmaak")
    box.wage.setText("14,20")
    old, new = form.jobs()
    assert old.id == "schoonmaak" and old.name == "Ander schoonmaakbedrijf"
    assert new == Job(id="schoonmaak-2", name="Schoonmaak", wage=Decimal("14.20"))


def test_a_monthly_wage_is_paid_monthly(qtbot):  # noqa: ANN001
    form = JobsForm()
    qtbot.add_widget(form)
    box = form.add_job()
    box.wage.setText("1500")
    box.schedule.setCurrentIndex(box.schedule.findData("weekly"))
    box.wage_unit.setCurrentIndex(box.wage_unit.findData("month"))
    assert not box.schedule.isEnabled()
    (job,) = form.jobs()
    assert job.wage_unit == "month" and job.pay_schedule == "monthly"


def test_a_bad_wage_is_shown_under_the_wage(qtbot):  # noqa: ANN001
    form = JobsForm()
    qtbot.add_widget(form)
    form.show()
    box = form.add_job()
    box.wage.setText("14.7125.3")
    assert not form.check(form.jobs)
    assert box.wage_error.isVisible() and "14.7125.3" in box.wage_error.text()
    assert form.focusWidget() is box.wage
    assert box.wage.accessibleDescription() == box.wage_error.text()  # a screen reader hears it on focus
    box.wage.setText("")
    assert not form.check(form.jobs)
    box.wage.setText("12")
    assert form.check(form.jobs)
    assert box.wage.accessibleDescription() != box.wage_error.text()


def test_removing_a_job_removes_its_shifts_and_says_so(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)
    dialog = JobsDialog(plan)
    qtbot.add_widget(dialog)
    dialog.show()
    form = dialog.jobs_form
    qtbot.mouseClick(form.boxes[0].remove_button, Qt.MouseButton.LeftButton)
    assert dialog.note.isVisible() and "6" in dialog.note.text()
    dialog.accept()
    new = dialog.result_plan()
    assert new is not None
    assert new.jobs == () and new.shifts == ()
    assert new.household == plan.household


def test_removing_a_job_removes_its_hours_spread_so_the_chances_still_run(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE)
    job_id = plan.jobs[0].id
    plan = plan.model_copy(update={"risk": plan.risk.model_copy(update={"hours_spread": {job_id: Decimal(20)}})})
    dialog = JobsDialog(plan)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.jobs_form.boxes[0].remove_button, Qt.MouseButton.LeftButton)
    dialog.accept()
    new = dialog.result_plan()
    assert new is not None and job_id not in new.risk.hours_spread
    summary = assess(new, samples=50, seed=1, rules=load_rules())  # refused before: a spread for no job
    assert summary.samples == 50 and len(summary.months) == new.months


def test_a_partner_job_only_for_a_couple(qtbot):  # noqa: ANN001
    plan = _rich_plan()
    form = JobsForm(plan)
    qtbot.add_widget(form)
    assert form.jobs()[0].person == "partner"
    form.set_has_partner(False)
    assert {j.person for j in form.jobs()} == {"claimant"}


# --- money ---------------------------------------------------------------------------------------------


def test_suggested_costs_count_only_with_an_amount(qtbot):  # noqa: ANN001
    form = MoneyForm()
    qtbot.add_widget(form)
    assert len(form.rows) >= 4
    assert all(row.amount.text() == "" for row in form.rows)  # no invented amounts
    assert form.expenses() == ()
    assert (form.starting_balance(), form.safety_buffer()) == (Decimal(0), Decimal(0))
    rent = form.rows[0]
    rent.amount.setText("650")
    groceries = next(row for row in form.rows if row.every.currentData() == "week")
    groceries.amount.setText("55,50")
    groceries.week_day.setCurrentIndex(groceries.week_day.findData(6))
    assert form.expenses() == (
        Expense(name=rent.name.text(), amount=Decimal(650), every="month", day=1),
        Expense(name=groceries.name.text(), amount=Decimal("55.50"), every="week", day=6),
    )


def test_a_bad_amount_in_a_cost_row_is_shown_in_that_row(qtbot):  # noqa: ANN001
    form = MoneyForm()
    qtbot.add_widget(form)
    form.show()
    row = form.rows[1]
    row.amount.setText("veel")
    assert not form.check(form.expenses)
    assert row.error_label.isVisible() and "veel" in row.error_label.text()
    assert form.focusWidget() is row.amount
    assert not form.rows[0].error_label.isVisible()


def test_a_removed_cost_is_gone_and_focus_moves_on(qtbot):  # noqa: ANN001
    plan = _rich_plan()
    dialog = MoneyDialog(plan)  # the form in its scroll area, as the user sees it
    qtbot.add_widget(dialog)
    dialog.show()
    form = dialog.money_form
    first = form.rows[0]
    dialog.scroll.ensureWidgetVisible(first.remove_button)
    qtbot.mouseClick(first.remove_button, Qt.MouseButton.LeftButton)
    assert form.expenses() == plan.expenses[1:]
    assert form.focusWidget() is form.rows[0].name


def test_untouched_suggestions_follow_the_language(qtbot):  # noqa: ANN001
    form = MoneyForm()
    qtbot.add_widget(form)
    assert form.rows[0].name.text() == translations("nl").gettext("Rent") != "Rent"
    form.rows[1].name.setText("Eneco")
    apply_language("en")
    qtbot.wait_until(lambda: form.rows[0].name.text() == "Rent")
    assert form.rows[1].name.text() == "Eneco"  # what the user typed stays


# --- the date field ------------------------------------------------------------------------------------


@pytest.fixture
def date_row(qtbot) -> tuple[QWidget, DateField, DateField]:  # noqa: ANN001
    holder = QWidget()
    qtbot.add_widget(holder)
    field = DateField(holder, value=date(1990, 1, 1), minimum=date(1900, 1, 1), maximum=date(2026, 3, 10))
    empty = DateField(holder, value=None, minimum=date(1900, 1, 1), maximum=date(2026, 3, 10), optional=True)
    empty.move(0, 40)
    holder.show()
    qtbot.wait_exposed(holder)
    return holder, field, empty


@pytest.mark.parametrize("typed", ["14051988", "14-05-1988", "14-5-1988", "14/5/1988"])
def test_a_date_can_be_typed_with_or_without_separators(qtbot, date_row, typed: str):  # noqa: ANN001
    _holder, field, _empty = date_row
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, typed)
    field.interpretText()
    assert field.value() == date(1988, 5, 14)


def test_an_empty_date_starts_on_typing_and_empties_with_delete(qtbot, date_row):  # noqa: ANN001
    _holder, _field, empty = date_row
    assert empty.value() is None and empty.is_empty()
    empty.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(empty, "2-9-2018")
    empty.interpretText()
    assert empty.value() == date(2018, 9, 2)
    qtbot.keyClick(empty, Qt.Key.Key_Delete)
    assert empty.value() is None
    assert empty.text() == empty.specialValueText()
    qtbot.keyClicks(empty, "1-1-2000")
    empty.selectAll()
    qtbot.keyClick(empty, Qt.Key.Key_Backspace)
    assert empty.value() is None
