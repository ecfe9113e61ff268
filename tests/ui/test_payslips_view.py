"""ui.payslips_view: payslips are listed, added, changed and deleted by keyboard; edits come out as new plans.

The plan is built first (the example plus a four-weekly job and a payslip),
then the panel from it. The panel never changes its plan: it emits
``edit_requested`` with a new one, which these tests check.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget

from planner.i18n import _, format_day, format_money, format_month
from planner.model import Job, Payslip, Plan
from planner.storage import load_plan
from ui.document import step_text
from ui.language import apply_language
from ui.payslips_view import AmountError, PayslipDialog, PayslipsPanel, amount_message, parse_amount

from .conftest import EXAMPLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

D = Decimal


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):  # noqa: ANN001, ANN202 - pytest-qt fixture
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


# --- reading amounts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("14,71", "14.71"), ("14.71", "14.71"), ("25", "25"), (" 25,5 ", "25.5"), ("€ 1.234,56", "1234.56"),
    ("1,234.56", "1234.56"), ("1.234.567,89", "1234567.89"), ("0", "0"), ("-0", "0"), ("1.234.567", "1234567"),
    ("€\u00a012,00", "12.00"),
])
def test_amounts_with_a_comma_or_a_point(text: str, value: str):
    assert parse_amount(text) == D(value)


@pytest.mark.parametrize(("text", "kind"), [
    ("", "empty"), ("   ", "empty"), ("abc", "not_a_number"), ("12,3x", "not_a_number"), ("1e5", "not_a_number"),
    ("-4", "negative"), ("\u22124,50", "negative"), ("12,345", "decimals"), ("1.234", "decimals"),
    ("1,2,3", "not_a_number"), ("1.23,45", "not_a_number"), (",5", "not_a_number"), ("NaN", "not_a_number"),
    ("1.234,567", "decimals"),
])
def test_what_is_not_an_amount(text: str, kind: str):
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert info.value.kind == kind


def test_the_messages_are_plain_words(qapp):  # noqa: ANN001
    apply_language("en")
    assert amount_message(AmountError("not_a_number", "abc")) == "“abc” is not an amount. Write it like 1,234.56."
    assert "below zero" in amount_message(AmountError("negative", "-4"))
    for kind in ("empty", "decimals"):
        assert "%" not in amount_message(AmountError(kind, "x"))


# --- the panel --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan() -> Plan:
    example = load_plan(EXAMPLE)
    cafe = Job(id="cafe", name="Café De Hoek", wage=D("13.50"), pay_schedule="four_weekly")
    slip = Payslip(job="schoonmaak", month="2026-01", net_amount=D("179.20"))
    return example.model_copy(update={"jobs": (*example.jobs, cafe), "payslips": (slip,)})


@pytest.fixture
def panel(qtbot, plan: Plan) -> PayslipsPanel:  # noqa: ANN001
    p = PayslipsPanel()
    qtbot.add_widget(p)
    p.set_plan(plan)
    p.resize(900, 400)
    p.show()
    qtbot.wait_exposed(p)
    p.table.setFocus()
    return p


def _focusable(top: QWidget) -> list[QWidget]:
    return [w for w in [top, *top.findChildren(QWidget)]
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(top) and w.focusProxy() is None]


def test_it_lists_the_payslips(panel: PayslipsPanel, plan: Plan):
    table = panel.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Schoonmaakbedrijf"
    assert table.item(0, 1).text() == format_month(2026, 1)
    assert table.item(0, 2).text() == format_money(D("179.20"))
    assert table.item(0, 2).data(Qt.ItemDataRole.UserRole) == "179.20"
    assert "—" in table.item(0, 4).text()
    assert panel.help.text()
    assert panel.edit_button.isEnabled() and panel.delete_button.isEnabled()


def test_insert_adds_a_payslip_by_keyboard(qtbot, panel: PayslipsPanel, plan: Plan):  # noqa: ANN001
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert isinstance(dialog, PayslipDialog) and dialog.isVisible()
    qtbot.wait_exposed(dialog)
    assert dialog.job.currentData() == "schoonmaak"
    qtbot.keyClick(dialog.month, Qt.Key.Key_Down)  # January -> February
    assert dialog.month.currentData() == "2026-02"
    qtbot.keyClicks(dialog.net, "224,05")
    dialog.holiday.clear()
    qtbot.keyClicks(dialog.holiday, "16.60")
    qtbot.keyClicks(dialog.gross, "250")
    with qtbot.wait_signal(panel.edit_requested, timeout=2000) as blocker:
        qtbot.keyClick(dialog.net, Qt.Key.Key_Return)
    new_plan, name = blocker.args
    text = step_text(name)
    assert isinstance(new_plan, Plan) and new_plan is not plan
    assert new_plan.payslips[:1] == plan.payslips
    assert new_plan.payslips[1] == Payslip(job="schoonmaak", month="2026-02", net_amount=D("224.05"),
                                           holiday_pay_part=D("16.60"), gross_amount=D("250"))
    assert new_plan.shifts == plan.shifts and new_plan.jobs == plan.jobs
    assert text and "Schoonmaakbedrijf" in text
    assert not dialog.isVisible()
    assert len(plan.payslips) == 1, "the panel's plan is not changed"
    assert panel.plan is plan, "the panel waits for the lead to call set_plan"


def test_a_four_weekly_job_is_entered_by_its_period(qtbot, panel: PayslipsPanel):  # noqa: ANN001
    panel.add_button.click()
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClick(dialog.job, Qt.Key.Key_Down)  # the café, paid four-weekly
    assert dialog.job.currentData() == "cafe"
    assert dialog.period_start.isVisibleTo(dialog) and not dialog.month.isVisibleTo(dialog)
    for widget in _focusable(dialog):
        assert widget.accessibleName(), widget
    dialog.period_start.setDate(date(2026, 1, 26))
    dialog.period_end.setDate(date(2026, 2, 22))
    qtbot.keyClicks(dialog.net, "412,35")
    with qtbot.wait_signal(panel.edit_requested, timeout=2000) as blocker:
        qtbot.keyClick(dialog.net, Qt.Key.Key_Return)
    slip = blocker.args[0].payslips[-1]
    assert (slip.job, slip.month, slip.period_start, slip.period_end) == ("cafe", None, date(2026, 1, 26),
                                                                         date(2026, 2, 22))


@pytest.mark.parametrize(("net", "holiday", "field", "words"), [
    ("twaalf", "0", "net", "is not an amount"),
    ("-12", "0", "net", "below zero"),
    ("", "0", "net", "Fill in"),
    ("12,50", "1,2,3", "holiday", "is not an amount"),
    ("12,50", "20", "holiday", "cannot be more than the net amount"),  # the model's own check, in plain words
])
def test_a_bad_amount_is_refused_with_a_message(qtbot, panel: PayslipsPanel, net: str, holiday: str, field: str,
                                                words: str):  # noqa: ANN001
    apply_language("en")
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.net, net)
    dialog.holiday.setText(holiday)
    with qtbot.assert_not_emitted(panel.edit_requested):
        qtbot.keyClick(dialog.net, Qt.Key.Key_Return)
    assert dialog.isVisible(), "the dialog stays open"
    message = dialog.errors[field]
    assert words in message.text()
    assert message.isVisibleTo(dialog)
    assert getattr(dialog, field).accessibleDescription() == message.text()
    assert dialog.focusWidget() is getattr(dialog, field)
    # Corrected, it goes through and the message is gone.
    dialog.net.setText("12,50")
    dialog.holiday.setText("0")
    with qtbot.wait_signal(panel.edit_requested, timeout=2000):
        qtbot.keyClick(dialog.net, Qt.Key.Key_Return)
    assert not message.text()


def test_a_period_that_ends_before_it_starts(qtbot, panel: PayslipsPanel):  # noqa: ANN001
    panel.add()
    dialog = panel.dialog
    assert dialog is not None
    dialog.job.setCurrentIndex(dialog.job.findData("cafe"))
    dialog.period_start.setDate(date(2026, 3, 1))
    dialog.period_end.setDate(date(2026, 2, 1))
    dialog.net.setText("10")
    with qtbot.assert_not_emitted(panel.edit_requested):
        dialog.try_accept()
    assert dialog.errors["period_end"].text() == _("The period ends before it starts.")
    assert dialog.isVisible()


def test_enter_changes_the_selected_payslip(qtbot, panel: PayslipsPanel, plan: Plan):  # noqa: ANN001
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert dialog is not None and dialog.original == plan.payslips[0]
    assert parse_amount(dialog.net.text()) == D("179.20")
    assert dialog.month.currentData() == "2026-01"
    dialog.net.selectAll()
    qtbot.keyClicks(dialog.net, "181")
    dialog.pay_date_known.setChecked(True)
    dialog.pay_date.setDate(date(2026, 2, 25))
    with qtbot.wait_signal(panel.edit_requested, timeout=2000) as blocker:
        qtbot.keyClick(dialog.net, Qt.Key.Key_Return)
    new_plan, name = blocker.args
    text = step_text(name)
    assert new_plan.payslips == (Payslip(job="schoonmaak", month="2026-01", net_amount=D("181"),
                                         pay_date=date(2026, 2, 25)),)
    assert text


def test_an_unchanged_payslip_gives_no_edit(qtbot, panel: PayslipsPanel):  # noqa: ANN001
    panel.table.selectRow(0)
    panel.edit_selected()
    dialog = panel.dialog
    assert dialog is not None
    with qtbot.assert_not_emitted(panel.edit_requested):
        dialog.try_accept()
    assert not dialog.isVisible()


def test_delete_removes_the_selected_payslip(qtbot, panel: PayslipsPanel, plan: Plan):  # noqa: ANN001
    panel.table.selectRow(0)
    with qtbot.wait_signal(panel.edit_requested, timeout=2000) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    new_plan, name = blocker.args
    text = step_text(name)
    assert new_plan.payslips == ()
    assert plan.payslips, "the old plan is untouched"
    assert text
    panel.set_plan(new_plan)  # as the lead does after putting the edit on the undo stack
    assert panel.table.rowCount() == 0
    assert panel.empty.isVisibleTo(panel) and panel.empty.text()
    assert not panel.delete_button.isEnabled() and not panel.edit_button.isEnabled()
    with qtbot.assert_not_emitted(panel.edit_requested):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)


def test_no_jobs_no_adding(qtbot, plan: Plan):  # noqa: ANN001
    p = PayslipsPanel(plan.model_copy(update={"jobs": (), "payslips": ()}))
    qtbot.add_widget(p)
    assert not p.add_button.isEnabled()
    p.add()
    assert p.dialog is None
    assert p.empty.text()


def test_every_control_has_a_name(qtbot, panel: PayslipsPanel):  # noqa: ANN001
    widgets = _focusable(panel)
    assert {panel.table, panel.add_button, panel.edit_button, panel.delete_button} <= set(widgets)
    for widget in widgets:
        assert widget.accessibleName(), widget
    for button in (panel.add_button, panel.edit_button, panel.delete_button):
        assert "&" in button.text()
    panel.add()
    dialog = panel.dialog
    assert dialog is not None
    for widget in _focusable(dialog):
        assert widget.accessibleName(), widget
    for label in (dialog.job_label, dialog.month_label, dialog.net_label, dialog.holiday_label, dialog.gross_label):
        assert label.buddy() is not None and "&" in label.text()


def test_english(qtbot, panel: PayslipsPanel):  # noqa: ANN001
    panel.add()
    dialog = panel.dialog
    assert dialog is not None
    apply_language("en")
    qtbot.wait_until(lambda: panel.table.item(0, 1).text() == "January 2026", timeout=5000)
    assert panel.table.horizontalHeaderItem(2).text() == "Net amount"
    assert panel.table.item(0, 2).text() == "€179.20"
    assert panel.add_button.text() == "&Add payslip…"
    qtbot.wait_until(lambda: dialog.month.itemText(0) == "January 2026", timeout=5000)
    assert dialog.net_label.text() == "&Net amount paid out:"
    assert "1,234.56" in dialog.net.placeholderText()


def test_a_plan_that_changed_while_the_dialog_was_open(qtbot, panel: PayslipsPanel, plan: Plan):  # noqa: ANN001
    panel.table.selectRow(0)
    panel.edit_selected()
    dialog = panel.dialog
    assert dialog is not None
    other = Payslip(job="schoonmaak", month="2026-03", net_amount=D("50"))
    panel.set_plan(plan.model_copy(update={"payslips": (other, *plan.payslips)}))  # e.g. an undo elsewhere
    dialog.net.setText("200")
    with qtbot.wait_signal(panel.edit_requested, timeout=2000) as blocker:
        dialog.try_accept()
    assert blocker.args[0].payslips == (other, plan.payslips[0].model_copy(update={"net_amount": D("200")}))


def test_a_four_weekly_payslip_gets_the_jobs_own_pay_period(qtbot, panel: PayslipsPanel, plan: Plan):  # noqa: ANN001
    from planner.wages.payments import pay_periods

    apply_language("en")
    panel.add()
    dialog = panel.dialog
    assert dialog is not None
    dialog.job.setCurrentIndex(dialog.job.findData("cafe"))
    cafe = plan.job("cafe")
    assert cafe is not None
    first = pay_periods(cafe, date(2026, 1, 1), date(2026, 1, 1))[0]
    assert (dialog.period_start.date().toPython(), dialog.period_end.date().toPython()) == (first.first, first.last)
    assert not dialog.period_hint.isVisibleTo(dialog), "the job's own period: nothing to say"
    following = pay_periods(cafe, first.last + timedelta(days=1), first.last + timedelta(days=1))[0]
    dialog.period_start.setDate(following.first)  # the first day of the next period brings its last day
    assert dialog.period_end.date().toPython() == following.last
    dialog.period_start.setDate(following.first + timedelta(days=3))  # dates of no pay period: said, not refused
    assert dialog.period_hint.isVisibleTo(dialog)
    assert format_day(following.first, "en") in dialog.period_hint.text()
    assert dialog.period_hint.accessibleName() == dialog.period_hint.text()
    dialog.net.setText("50")
    with qtbot.wait_signal(panel.edit_requested, timeout=2000):
        dialog.try_accept()
