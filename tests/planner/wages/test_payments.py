"""Shifts to payments on real paydays, and payments to benefit months."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.benefit import project
from planner.model import Household, Job, Payslip, Person, Plan, Shift
from planner.rules import load_rules
from planner.wages.payments import net_by_month, payments_for, unpaid_holiday_pay

D = Decimal
RULES = load_rules()
HH = Household(composition="single", claimant=Person(birth_date=date(1985, 1, 1), vrijlating_months_used=6))


def plan(jobs: list[Job], shifts: list[Shift], start: str = "2026-03", months: int = 3, **extra: object) -> Plan:
    return Plan(start=start, months=months, household=HH, jobs=tuple(jobs), shifts=tuple(shifts), **extra)


def test_monthly_pay_next_month_counts_in_the_month_worked() -> None:
    job = Job(id="k", wage="12.00", wage_basis="net", pay_day=25, holiday_pay="none")
    p = plan([job], [Shift(date=date(2026, 3, 10), hours="5", job="k")])
    (payment,) = payments_for(p, RULES)
    assert (payment.period_start, payment.period_end, payment.pay_date) == (date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 25))
    assert payment.net == D("60.00")
    assert net_by_month(payment, "earned") == [((2026, 3), D("60.00"))]
    assert net_by_month(payment, "received") == [((2026, 4), D("60.00"))]


def test_pay_day_is_clamped_to_a_short_month() -> None:
    job = Job(id="k", wage="10", wage_basis="net", pay_day=31, paid_in="same_month", holiday_pay="none")
    p = plan([job], [Shift(date=date(2026, 2, 3), hours="1", job="k")], start="2026-02", months=1)
    assert payments_for(p, RULES)[0].pay_date == date(2026, 2, 28)


def test_four_weekly_gives_thirteen_payments_a_year() -> None:
    job = Job(id="h", wage="14.71", wage_basis="gross", pay_schedule="four_weekly", holiday_pay="none",
              period_anchor=date(2026, 1, 1))
    shifts = [Shift(date=date(2026, 1, 1) + timedelta(days=7 * k), hours="4", job="h") for k in range(52)]
    payments = payments_for(plan([job], shifts, start="2026-01", months=12), RULES)
    assert len(payments) == 13
    assert all((p.period_end - p.period_start).days == 27 for p in payments)
    assert all(p.pay_date == p.period_end + timedelta(days=7) for p in payments)
    # A thirteenth payment: one calendar month receives two pay dates.
    pay_months = [p.pay_date.month for p in payments if p.pay_date.year == 2026]
    assert len(pay_months) > len(set(pay_months))


def test_four_weekly_spread_over_workdays() -> None:
    job = Job(id="h", wage="10", wage_basis="net", pay_schedule="four_weekly", holiday_pay="none",
              period_anchor=date(2026, 3, 16))  # 16 March - 12 April 2026
    (payment,) = payments_for(plan([job], [Shift(date=date(2026, 3, 20), hours="20", job="h")]), RULES)
    assert payment.net == D("200.00")
    # Earned: all in March. Spread: 12 working days in March (16-31), 8 in April (1-10).
    assert net_by_month(payment, "earned") == [((2026, 3), D("200.00"))]
    assert net_by_month(payment, "spread_workdays") == [((2026, 3), D("120.00")), ((2026, 4), D("80.00"))]


def test_weekly_pay_and_gross_to_net() -> None:
    job = Job(id="w", wage="14.71", wage_basis="gross", pay_schedule="weekly", pay_delay_days=4, holiday_pay="none")
    (payment,) = payments_for(plan([job], [Shift(date=date(2026, 3, 11), hours="8", job="w")]), RULES)
    assert payment.period == "week"
    assert payment.period_start.weekday() == 0 and payment.pay_date == payment.period_end + timedelta(days=4)
    assert payment.gross == D("117.68")
    assert payment.net == D("117.68") - D("42.07")  # 35.75% without heffingskorting, per week
    assert payment.loonheffing == D("42.07")


def test_payslip_beats_the_estimate() -> None:
    job = Job(id="k", wage="12.00", wage_basis="net", holiday_pay="none")
    slip = Payslip(job="k", month="2026-03", net_amount="71.30", holiday_pay_part="5.10", pay_date=date(2026, 4, 24))
    p = plan([job], [Shift(date=date(2026, 3, 10), hours="5", job="k")], payslips=(slip,))
    (payment,) = payments_for(p, RULES)
    assert payment.source == "payslip"
    assert (payment.net, payment.holiday_net, payment.pay_date) == (D("66.20"), D("5.10"), date(2026, 4, 24))
    assert project(p).months[0].income_from_work.amount == D("66.20")


def test_payslip_without_planned_shifts_still_counts() -> None:
    job = Job(id="k", wage="12.00", wage_basis="net")
    slip = Payslip(job="k", month="2026-04", net_amount="100.00")
    months = project(plan([job], [], payslips=(slip,))).months
    assert [m.income_from_work.amount for m in months] == [0, D("100.00"), 0]


def test_yearly_holiday_pay_in_may_at_the_special_rate() -> None:
    job = Job(id="k", wage="14.71", wage_basis="gross", holiday_pay="yearly", holiday_pay_month=5, pay_day=25)
    shifts = [Shift(date=date(2026, m, 10), hours="10", job="k") for m in (3, 4, 5)]
    payments = payments_for(plan([job], shifts), RULES)
    holiday = [p for p in payments if p.kind == "holiday_pay"]
    assert len(holiday) == 1 and holiday[0].pay_date == date(2026, 5, 25)
    # March (paid 25 April) and April (paid 25 May) are built up: 8% of 2 x 147.10 = 23.54 gross.
    assert holiday[0].holiday_gross == D("23.54")
    # Special rate without heffingskorting: the bracket rate 35.75%.
    assert holiday[0].holiday_net == D("23.54") - D("8.42")
    # May's wage (paid 25 June) builds up for next year's payout.
    assert unpaid_holiday_pay(payments) == {"k": D("11.77")}
    # Holiday pay is not counted as income for the benefit.
    months = project(plan([job], shifts)).months
    assert all(m.income_from_work.amount == D("94.51") for m in months)


def test_holiday_pay_with_every_wage() -> None:
    job = Job(id="h", wage="15.00", wage_basis="gross", holiday_pay="with_wage")
    (payment,) = payments_for(plan([job], [Shift(date=date(2026, 3, 10), hours="10", job="h")]), RULES)
    assert payment.holiday_gross == D("12.00")
    assert payment.holiday_net == D("12.00") - D("4.29")
    assert payment.net == D("150.00") - D("53.63")


def test_three_jobs_each_payment_on_its_own_date() -> None:
    jobs = [
        Job(id="m", wage="14.71", wage_basis="gross"),
        Job(id="f", wage="15.00", wage_basis="gross", pay_schedule="four_weekly", pay_delay_days=5),
        Job(id="w", wage="11.00", wage_basis="net", pay_schedule="weekly", pay_delay_days=4, holiday_pay="none"),
    ]
    shifts = [
        Shift(date=date(2026, 3, 3), hours="4", job="m"),
        Shift(date=date(2026, 3, 20), hours="6", job="f"),
        Shift(date=date(2026, 3, 14), hours="5", job="w"),
    ]
    proj = project(plan(jobs, shifts))
    wages = [(p.job_id, p.pay_date) for p in proj.payments if p.kind == "wage"]
    assert wages == [("w", date(2026, 3, 19)), ("f", date(2026, 3, 27)), ("m", date(2026, 4, 25))]
    march = proj.months[0]
    assert march.income_from_work.amount == sum((p.net for p in proj.payments if p.kind == "wage"), D(0))
    assert len([part for person in march.people if person.income for part in person.income.parts]) == 3


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["monthly", "four_weekly", "weekly"]),
    st.sampled_from(["earned", "received", "spread_workdays"]),
    st.lists(st.tuples(st.integers(0, 364), st.integers(1, 10)), min_size=1, max_size=40),
)
def test_attribution_keeps_every_cent(schedule: str, method: str, shifts: list[tuple[int, int]]) -> None:
    job = Job(id="j", wage="13.37", wage_basis="gross", pay_schedule=schedule, holiday_pay="none")
    p = plan([job], [Shift(date=date(2026, 1, 1) + timedelta(days=d), hours=str(h), job="j") for d, h in shifts],
             start="2026-01", months=12)
    for payment in payments_for(p, RULES):
        parts = net_by_month(payment, method)  # type: ignore[arg-type]
        assert sum(a for _, a in parts) == payment.net
        assert payment.net <= payment.gross
