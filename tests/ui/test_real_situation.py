"""The forms hold the real situation (issue 12, item 6): when the payslip comes, when the municipality has it, how
the municipality pays, the most it keeps back from one payment, and fixed costs (the first-run path warns without
them).

The user's hands: Edit → Money… and Edit → Work… are triggered in the window, the fields are reached with their
Alt+letter and typed into, OK is clicked; the plan, its computed result and undo are then checked. In Dutch and
English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QWidget

from planner.i18n import translations
from planner.model import Plan
from planner.rules import load_rules
from planner.scenarios import run
from ui.first_run import FirstRunWizard
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.plan_forms import JobsDialog, MoneyDialog, MoneyForm

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"
D = Decimal


def _mnemonic(text: str) -> Qt.Key:
    match = re.search(r"(?<!&)(?:&&)*&([^&])", text)
    assert match, f"no mnemonic in {text!r}"
    return Qt.Key(ord(match.group(1).upper()))


def _alt(qtbot, dialog: QWidget, label: QLabel) -> QWidget:  # noqa: ANN001
    """Press Alt + the label's letter where the dialog's focus is; the focus is then in the label's field."""
    qtbot.keyClick(dialog.focusWidget() or dialog, _mnemonic(label.text()), Qt.KeyboardModifier.AltModifier)
    focus = dialog.focusWidget()
    assert focus is not None
    return focus


def _type(qtbot, widget: QWidget, text: str) -> None:  # noqa: ANN001
    qtbot.keySequence(widget, QKeySequence(QKeySequence.StandardKey.SelectAll))
    qtbot.keyClicks(widget, text)


@pytest.fixture
def hotel(qtbot, window: MainWindow) -> MainWindow:  # noqa: ANN001
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(HOTEL)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    return window


def _answer(qtbot, window: MainWindow, kind: type[QDialog], act: Callable[[QDialog], None]) -> list[str]:  # noqa: ANN001
    """Run ``act`` in the modal dialog of ``kind`` once it is open, then press OK; the errors seen, if any."""
    problems: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        try:
            dialog.activateWindow()
            qtbot.wait_until(lambda: QApplication.activeWindow() is dialog)
            act(dialog)
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        except BaseException as exc:  # noqa: BLE001 - reported to the test, never a dialog left open
            problems.append(repr(exc))
        if dialog.isVisible():
            problems.append("the dialog stayed open: " + dialog.issues.text())
            dialog.reject()

    QTimer.singleShot(20, look)
    return problems


def _withheld(plan: Plan) -> list[tuple[str, Decimal]]:
    return [(str(e.date), -e.amount) for e in run(plan, load_rules()).timeline.events if e.kind == "withholding"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_how_the_municipality_pays_is_typed_in_the_money_dialog_and_changes_the_result(
        qtbot, hotel: MainWindow, lang: str) -> None:  # noqa: ANN001
    window = hotel
    window.set_language(lang)
    before = window.document.plan
    assert before.settlement.withholding_limit is None and before.settlement.report_delay_days == 0
    assert max(amount for _day, amount in _withheld(before)) > D(25)  # worth testing: more than 25 is kept back

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MoneyDialog)
        form = dialog.money_form
        limit = _alt(qtbot, dialog, form.limit_block.label)
        assert limit is form.withholding_limit
        _type(qtbot, limit, "25")
        delay = _alt(qtbot, dialog, form.report_block.label)
        assert delay is form.report_delay
        _type(qtbot, delay, "40")
        regime = _alt(qtbot, dialog, form.regime_block.label)
        assert regime is form.regime
        qtbot.keyClick(regime, Qt.Key.Key_Down)  # from "as your municipality usually does" to "first on a guess"
        assert form.regime.currentData() == "estimate"
        # Each field says in one line what it is for.
        for block in (form.regime_block, form.report_block, form.limit_block):
            assert block.help.isVisibleTo(dialog) and block.help.text()

    problems = _answer(qtbot, window, MoneyDialog, fill)
    window.money_action.trigger()  # modal: returns once the dialog is answered
    assert problems == []
    after = window.document.plan
    assert after.settlement == before.settlement.model_copy(
        update={"withholding_limit": D("25.00"), "report_delay_days": 40, "regime": "estimate"})
    # The window computes the new plan: at most € 25 is kept back from one payment, and later than before.
    qtbot.wait_until(lambda: window.overview is not None and window.overview.plan == after, timeout=20000)
    result = window.overview.result
    assert result is not None
    withheld = [(e.date, -e.amount) for e in result.timeline.events if e.kind == "withholding"]
    assert withheld and all(amount <= D(25) for _day, amount in withheld)
    assert min(day for day, _amount in withheld).isoformat() > min(day for day, _amount in _withheld(before))
    # One step back with Ctrl+Z: the plan as it was.
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    assert window.document.plan == before


def test_the_way_of_paying_after_the_income_is_known_leaves_nothing_to_correct(qtbot, hotel: MainWindow) -> None:  # noqa: ANN001
    window = hotel

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MoneyDialog)
        regime = _alt(qtbot, dialog, dialog.money_form.regime_block.label)
        qtbot.keyClick(regime, Qt.Key.Key_End)  # the last way: only when your income is known

    problems = _answer(qtbot, window, MoneyDialog, fill)
    window.money_action.trigger()  # modal: returns once the dialog is answered
    assert problems == []
    assert window.document.plan.settlement.regime == "after_income"
    qtbot.wait_until(lambda: window.overview is not None and window.overview.plan == window.document.plan, timeout=20000)
    kinds = {e.kind for e in window.overview.result.timeline.events}
    assert not kinds & {"withholding", "correction_paid", "repayment"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_when_the_payslip_comes_is_typed_in_the_work_dialog(qtbot, hotel: MainWindow, lang: str) -> None:  # noqa: ANN001
    window = hotel
    window.set_language(lang)
    before = window.document.plan

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, JobsDialog)
        box = dialog.jobs_form.boxes[0]
        box.name.setFocus()
        field = _alt(qtbot, dialog, box.payslip_label)
        assert field is box.payslip_delay
        _type(qtbot, field, "20")
        assert box.payslip_help.text()
        days = translations(lang).ngettext("day after the pay day", "days after the pay day", 20)
        assert box.payslip_days.text() == days

    problems = _answer(qtbot, window, JobsDialog, fill)
    window.jobs_action.trigger()  # modal: returns once the dialog is answered
    assert problems == []
    after = window.document.plan
    assert after.jobs[0] == before.jobs[0].model_copy(update={"payslip_delay_days": 20})
    assert after.jobs[1:] == before.jobs[1:]
    qtbot.wait_until(lambda: window.overview is not None and window.overview.plan == after, timeout=20000)

    def corrections(plan_events) -> list:  # noqa: ANN001
        return [(e.date, e.amount) for e in plan_events if e.kind == "correction_paid"]

    assert corrections(window.overview.result.timeline.events) != corrections(run(before, load_rules()).timeline.events)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    assert window.document.plan == before


def test_a_limit_the_gate_refuses_is_shown_at_its_field_with_its_label(qtbot) -> None:  # noqa: ANN001
    """Too many decimals (the model's bound): the gate's message, with the field's label, under the field."""
    apply_language("en")
    form = MoneyForm()
    qtbot.add_widget(form)
    form.show()
    form.withholding_limit.setText("2000000")
    assert not form.check(form.settlement)
    error = form.limit_block.error_label
    assert error.isVisible()
    assert "most withheld at once" in error.text()  # the field's name from planner.validate.FIELD_LABELS
    assert form.focusWidget() is form.withholding_limit


# --- first run: fixed costs --------------------------------------------------------------------------------


def _to_the_end(wizard: FirstRunWizard) -> None:
    """Next until the summary; on the shifts page, "later" (no pattern now)."""
    for _step in range(6):
        if wizard.currentId() == FirstRunWizard.DONE:
            return
        if wizard.currentId() == FirstRunWizard.SHIFTS:
            wizard.shifts_page.form.later_radio.click()
        wizard.next()
    raise AssertionError(f"stuck on page {wizard.currentId()}")


def _to_money_page(qtbot, wizard: FirstRunWizard) -> None:  # noqa: ANN001
    for _step in range(4):
        if wizard.currentId() == FirstRunWizard.MONEY:
            return
        if wizard.currentId() == FirstRunWizard.WORK and not wizard.work_page.form.boxes:
            box = wizard.work_page.form.add_job()
            qtbot.keyClicks(box.wage, "12")
        wizard.next()
    assert wizard.currentId() == FirstRunWizard.MONEY


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_first_run_warns_without_fixed_costs_but_goes_on(qtbot, lang: str) -> None:  # noqa: ANN001
    apply_language(lang)
    wizard = FirstRunWizard(None, default_buffer=D(0))
    qtbot.add_widget(wizard)
    wizard.show()
    _to_money_page(qtbot, wizard)
    form = wizard.money_page.form
    assert form.costs_warning.isVisible()  # no cost has an amount yet
    assert "rent" in form.costs_warning.text().lower() or "huur" in form.costs_warning.text().lower()
    # Typing the rent's amount takes the warning away; emptying it brings it back.
    rent = form.rows[0].amount
    qtbot.keyClicks(rent, "650")
    assert not form.costs_warning.isVisible()
    qtbot.keySequence(rent, QKeySequence(QKeySequence.StandardKey.SelectAll))
    qtbot.keyClick(rent, Qt.Key.Key_Delete)
    assert form.costs_warning.isVisible()
    # Not a block: Next goes on, and the summary at the end says it again.
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() in (FirstRunWizard.SHIFTS, FirstRunWizard.DONE)
    _to_the_end(wizard)
    cat = translations(lang)
    said = cat.gettext("You have not filled in any fixed costs, such as rent. Without them the planner cannot tell if "
                       "your money lasts. You can add them later: Edit → Money.")
    assert wizard.done_page.warnings.isVisible()
    assert said in wizard.done_page.warnings.accessibleName()
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()


def test_the_first_run_plan_holds_how_the_municipality_pays(qtbot) -> None:  # noqa: ANN001
    wizard = FirstRunWizard(None, default_buffer=D(0))
    qtbot.add_widget(wizard)
    wizard.show()
    _to_money_page(qtbot, wizard)
    form = wizard.money_page.form
    qtbot.keyClicks(form.rows[0].amount, "700")
    _type(qtbot, form.report_delay, "5")
    qtbot.keyClicks(form.withholding_limit, "80")
    wizard.next()
    _to_the_end(wizard)
    assert "fixed costs" not in wizard.done_page.warnings.accessibleName()  # a cost has an amount: no warning
    plan = wizard.build_plan()
    assert plan.settlement.report_delay_days == 5
    assert plan.settlement.withholding_limit == D(80)
    assert plan.expenses[0].amount == D(700)
