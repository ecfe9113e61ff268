"""Chart series: worked by hand for short stories, and money is conserved for any plan.

The household: a single person of 35 in Amsterdam, no inkomstenvrijlating
(none granted), paid net 12 euro an hour on the 25th of the next month. 2026
norm 1401.50, of which 70.08 is saved as holiday allowance, so 1331.42 is paid
monthly without income. Holiday pay built up at work: 8% of the net wage
(Regeling art. 13: the employer applies no heffingskorting). It is taken off
the 70.08 saved; the monthly payment is not raised by it (art. 10), and what
is above 70.08 comes off the monthly payment too (the careful assumption).
Amsterdam premie: 30% of the
net wage, at most 219.00 a month (the last published amount), and none in a month without
bijstand.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import Expense, Household, Job, Person, Plan, Settlement, Shift
from planner.rules import load_rules
from planner.scenarios import run
from planner.series import (
    DEFAULT_HOURS,
    MARK_OF_KIND,
    SOURCE_OF_KIND,
    daily_balance,
    hours_cliff,
    month_shifts,
    monthly_sources,
    workdays,
)
from planner.settlement import EventKind
from planner.storage import load_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"
D = Decimal
RULES = load_rules()
ALEX = Household(composition="single", claimant=Person(birth_date=date(1990, 6, 1)))
WORK = Job(id="werk", name="Schoonmaak", wage="12.00", wage_basis="net")


def plan(**extra: object) -> Plan:
    fields: dict[str, object] = {"start": "2026-03", "months": 1, "household": ALEX, "jobs": (WORK,)}
    fields.update(extra)
    return Plan(**fields)  # type: ignore[arg-type]


# --- every event kind has its place -----------------------------------------------------------------


def test_every_event_kind_has_a_source_and_a_mark_decision() -> None:
    kinds = set(EventKind.__args__)  # type: ignore[attr-defined]
    assert set(SOURCE_OF_KIND) == kinds
    assert set(MARK_OF_KIND) == kinds


# --- monthly sources ------------------------------------------------------------------------------


def test_a_month_without_work_is_the_benefit_paid_monthly() -> None:
    [march] = monthly_sources(run(plan(starting_balance="10.00"), RULES))
    assert (march.wages, march.bijstand, march.premie, march.holiday_pay, march.expenses) == (
        D("0"), D("1331.42"), D("0"), D("0"), D("0"))
    assert march.start_balance == D("10.00")
    assert march.end_balance == D("1341.42")


def test_a_withholding_is_taken_off_that_months_bijstand() -> None:
    """40 hours in January: 480.00, paid 25 February. The letter's estimate is 0, so January's advance is
    1331.42. January's bijstand on 480.00: 1401.50 - 480.00 - 38.40 (holiday pay at work) = 883.10, of which
    70.08 - 38.40 = 31.68 is saved: 851.42 paid monthly (1331.42 - 480.00). The 480.00 paid too much is
    withheld on 26 February: February's bijstand is 1331.42 - 480.00."""
    shifts = tuple(Shift(date=date(2026, 1, d), hours="8", job="werk") for d in (6, 7, 8, 13, 14))
    p = plan(start="2026-01", months=3, shifts=shifts, starting_balance="100.00",
             expenses=(Expense(name="Huur", amount="650.00", day=28),),
             settlement=Settlement(estimated_income="0", safety_buffer="200"))
    result = run(p, RULES)
    jan, feb, mar = monthly_sources(result)
    assert (jan.wages, jan.bijstand, jan.expenses) == (D("0"), D("1331.42"), D("650.00"))
    assert (feb.wages, feb.bijstand, feb.expenses) == (D("480.00"), D("851.42"), D("650.00"))
    assert feb.bijstand == D("1331.42") - D("480.00")
    assert mar.bijstand == D("1331.42")
    assert jan.end_balance == D("100.00") + D("1331.42") - D("650.00")
    assert feb.end_balance == jan.end_balance + D("480.00") + D("851.42") - D("650.00")
    for m, lm in zip((jan, feb, mar), result.ledger.months, strict=True):
        assert m.net == lm.money_in - lm.money_out

    days = daily_balance(result)
    assert days.buffer == D("200")
    assert [(m.date, m.kind, m.amount) for m in days.marks if m.date.month == 2] == [
        (date(2026, 2, 25), "wage", D("480.00")),
        (date(2026, 2, 26), "benefit", D("1331.42")),
        (date(2026, 2, 26), "deduction", D("-480.00")),
    ]
    feb26 = next(r for r in days.rows if r.date == date(2026, 2, 26))
    assert (feb26.money_in, feb26.money_out) == (D("1331.42"), D("480.00"))
    assert set(feb26.kinds) == {"benefit", "withholding"}
    # Lowest: 100.00 until the 26 January benefit; no expense comes first.
    assert (days.lowest, days.lowest_on) == (D("100.00"), date(2026, 1, 1))


def test_the_example_plan_holiday_pay_and_vakantietoeslag_land_in_their_months() -> None:
    result = run(load_plan(EXAMPLE), RULES)
    sources = {m.month: m for m in monthly_sources(result)}
    assert sources[(2026, 2)].wages == D("179.20")  # 4 x 4 hours x 11.20, January's shifts, paid 25 February
    assert sources[(2026, 5)].holiday_pay == D("21.51")  # holiday pay from work, May
    assert sources[(2026, 6)].holiday_pay == D("328.89")  # the municipality's vakantietoeslag, June
    assert sources[(2026, 12)].end_balance == result.ledger.months[-1].end_balance


# --- daily balance --------------------------------------------------------------------------------


def test_the_daily_balance_is_the_ledgers_every_day() -> None:
    result = run(load_plan(EXAMPLE), RULES)
    days = daily_balance(result)
    assert len(days.dates) == len(days.balances) == 365
    assert days.dates[0] == date(2026, 1, 1) and days.dates[-1] == date(2026, 12, 31)
    assert days.balances == result.ledger.daily
    assert days.starting_balance == D("150.00")
    for row in days.rows:
        assert row.balance == result.ledger.balance_on(row.date)
    for mark in days.marks:
        assert mark.balance == result.ledger.balance_on(mark.date)
    assert {m.kind for m in days.marks} == {"wage", "benefit"}
    assert days.lowest == result.ledger.lowest


# --- hours cliff ----------------------------------------------------------------------------------


def test_hours_a_week_become_hours_a_month_on_workdays() -> None:
    shifts = month_shifts(WORK, 2026, 3, D(10))
    assert len(workdays(2026, 3)) == 22
    assert [s.date for s in shifts] == workdays(2026, 3)
    assert sum(s.hours for s in shifts) == D("43.33")  # 10 x 13 / 3 = 43.333...
    assert month_shifts(WORK, 2026, 3, D(0)) == ()


def test_at_zero_hours_the_money_is_the_norm() -> None:
    cliff = hours_cliff(plan(), (2026, 3), (D(0),), RULES)
    [zero] = cliff.points
    assert (zero.wage, zero.bijstand, zero.premie, zero.holiday) == (D("0"), D("1331.42"), D("0"), D("70.08"))
    assert zero.total == D("1401.50")  # the norm: paid monthly plus the holiday allowance saved
    assert (cliff.job_id, cliff.hourly_wage, cliff.month) == ("werk", D("12.00"), (2026, 3))


def test_ten_hours_a_week() -> None:
    """43.33 hours x 12.00 = 519.96. Holiday pay built up at work (Regeling art. 13, no heffingskorting):
    8 % = 41.60. Bijstand 1401.50 - 519.96 - 41.60 = 839.94; saved 70.08 - 41.60 = 28.48; paid 811.46.
    Premie 30 % of 519.96 = 155.99. Holiday money built up 41.60 + 28.48 = 70.08. Together 1557.49."""
    [ten] = hours_cliff(plan(), (2026, 3), (D(10),), RULES).points
    assert (ten.hours, ten.wage, ten.bijstand, ten.premie, ten.holiday) == (
        D("43.33"), D("519.96"), D("811.46"), D("155.99"), D("70.08"))
    assert ten.total == D("1557.49")


def test_the_cliff_where_bijstand_stops_the_premie_stops_too() -> None:
    """24 hours: 104 hours, 1248.00; holiday pay at work 99.84; bijstand 1401.50 - 1248.00 - 99.84 = 53.66,
    all paid monthly (the 29.76 above the 70.08 in the norm comes off it too); premie capped at 219.00;
    together 1620.50. 26 hours: 1352.04 + 108.16 holiday pay is more than the norm, so no bijstand and no
    premie: 1460.20, which is 160.30 less for two hours a week more. From 16 hours on the total stands still
    (the premie is at its cap and every euro of wage comes off the bijstand)."""
    cliff = hours_cliff(plan(), (2026, 3), rules=RULES)
    by_hours = {p.hours_per_week: p for p in cliff.points}
    assert [p.hours_per_week for p in cliff.points] == list(DEFAULT_HOURS)
    h24, h26 = by_hours[D(24)], by_hours[D(26)]
    assert (h24.wage, h24.bijstand, h24.premie, h24.holiday, h24.total) == (
        D("1248.00"), D("53.66"), D("219.00"), D("99.84"), D("1620.50"))
    assert (h26.wage, h26.bijstand, h26.premie, h26.holiday, h26.total) == (
        D("1352.04"), D("0"), D("0"), D("108.16"), D("1460.20"))
    assert [p.hours_per_week for p in cliff.drops] == [D(26)]
    assert cliff.stops_paying_at is not None
    assert cliff.stops_paying_at.hours_per_week == D(16)
    assert [p.hours_per_week for p in cliff.no_gain] == [D(18), D(20), D(22), D(24), D(26)]


def test_the_cliff_keeps_the_plan_before_the_month_and_drops_that_months_shifts() -> None:
    p = load_plan(EXAMPLE)
    cliff = hours_cliff(p, (2026, 2), (D(0),), RULES)
    # February's own shifts are replaced; January's wage counts in January (the month worked), not here.
    assert cliff.points[0].wage == 0
    with pytest.raises(ValueError, match="not a month of the plan"):
        hours_cliff(p, (2027, 1), rules=RULES)
    with pytest.raises(ValueError, match="by the hour"):
        hours_cliff(plan(jobs=(Job(id="vast", wage="900", wage_unit="month"),)), (2026, 3), rules=RULES)


# --- invariant: the parts add up to the ledger's movement -------------------------------------------

shift_lists = st.lists(
    st.tuples(st.integers(0, 330), st.integers(1, 9), st.sampled_from(["sure", "likely", "maybe"])),
    max_size=20,
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    job = WORK.model_copy(update={
        "pay_schedule": draw(st.sampled_from(["monthly", "four_weekly", "weekly"])),
        "holiday_pay": draw(st.sampled_from(["yearly", "with_wage", "none"])),
    })
    shifts = [Shift(date=date(2026, 1, 1) + timedelta(days=d), hours=str(h), job="werk", certainty=c)
              for d, h, c in draw(shift_lists)]
    return Plan(
        start="2026-01",
        months=draw(st.integers(1, 12)),
        household=Household(composition="single", claimant=Person(
            birth_date=date(1986, 1, 1), vrijlating_months_used=draw(st.sampled_from([None, 0, 6])))),
        jobs=(job,),
        shifts=tuple(shifts),
        starting_balance=str(draw(st.integers(0, 2000))),
        expenses=tuple(Expense(name="Kosten", amount=str(draw(st.integers(0, 700))), every=every,
                               day=draw(st.integers(1, 7 if every == "week" else 28)))
                       for every in draw(st.lists(st.sampled_from(["month", "week"]), max_size=2))),
        settlement=Settlement(regime=draw(st.sampled_from(["municipality", "voorschot", "after_income"])),
                              safety_buffer=str(draw(st.integers(0, 300)))),
        assumptions={
            "estimate_method": draw(st.sampled_from(["last_known", "plan"])),
            "repayment": draw(st.sampled_from(["at_once", "instalments"])),
        },
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_monthly_sources_add_up_to_the_ledger_movement(p: Plan) -> None:
    result = run(p, RULES)
    sources = monthly_sources(result)
    assert [m.month for m in sources] == p.month_list()
    for m, lm in zip(sources, result.ledger.months, strict=True):
        assert m.net == lm.money_in - lm.money_out
        assert m.end_balance == m.start_balance + m.net == lm.end_balance
        assert m.expenses >= 0 and m.wages >= 0 and m.premie >= 0 and m.holiday_pay >= 0
    assert sources[-1].end_balance == result.ledger.daily[-1]
    days = daily_balance(result)
    assert sum((r.money_in - r.money_out for r in days.rows), D(0)) == sum((m.net for m in sources), D(0))
    assert days.lowest == result.ledger.lowest
