"""The money from the municipality plus the employer's holiday pay never exceeds what the law gives.

Participatiewet art. 19: bijstand is the norm (which includes 5 % holiday
allowance) minus the income; art. 31 lid 4 and the Regeling Participatiewet,
IOAW en IOAZ art. 10: the entitlement to holiday pay over a wage is taken into
account. So over a year, someone with a wage gets from the municipality and
their employer's holiday pay together at most, per month, the larger of
(norm - wage) and that month's holiday pay: topped up to the norm while there
is bijstand, and only their own holiday pay when the wage alone reaches the
norm. The old engine broke this in every month with wages (it paid the norm
plus the holiday entitlement).

Computed here from the plan, the norms in the rule files and the employer's
payments, not from the engine's own month figures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import Household, Job, Person, Plan, Settlement, Shift
from planner.rules import load_rules
from planner.scenarios import run

D = Decimal
RULES = load_rules()
NORM = "participatiewet/norm/art21a_alleenstaande"
# 40 years old, the months of vrijlating used up: every euro of wage counts.
ALEX = Household(composition="single", claimant=Person(birth_date=date(1986, 3, 1), vrijlating_months_used=6))


def plan_for(hours: list[int], wage: str, months_from: tuple[int, int]) -> Plan:
    job = Job(id="werk", name="Werk", wage=wage, wage_basis="net", pay_schedule="monthly", paid_in="same_month",
              pay_day=20, holiday_pay="with_wage")
    y, m = months_from
    shifts = []
    for i, h in enumerate(hours):
        k = y * 12 + m - 1 + i
        if h:
            shifts.append(Shift(date=date(k // 12, k % 12 + 1, 10), hours=str(h), job="werk"))
    return Plan(start=f"{y:04d}-{m:02d}", months=len(hours) + 1, household=ALEX, jobs=(job,), shifts=tuple(shifts),
                premie_scheme="none", settlement=Settlement(regime="after_income", income_attribution="earned"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 160), min_size=12, max_size=12), st.sampled_from(["10.00", "12.50", "14.00"]))
def test_municipality_plus_employer_holiday_pay_never_exceeds_the_law(hours: list[int], wage: str) -> None:
    # June 2026 to May 2027; the 13th month (June 2027) pays the holiday allowance saved over those twelve.
    plan = plan_for(hours, wage, (2026, 6))
    result = run(plan, RULES)
    window = plan.month_list()[:12]
    law = D(0)
    employer_holiday = D(0)
    for ym in window:
        wage_paid = [p for p in result.projection.payments if (p.period_start.year, p.period_start.month) == ym]
        net = sum((p.net for p in wage_paid), D(0))
        holiday = sum((p.holiday_net for p in wage_paid), D(0))
        employer_holiday += holiday
        norm = RULES.get(NORM, date(ym[0], ym[1], 1)).decimal
        law += max(norm - net, holiday)
    events = result.timeline.events
    from_municipality = sum((e.amount for e in events if e.kind == "benefit" and e.month in window), D(0))
    from_municipality += sum((e.amount for e in events if e.kind == "vakantietoeslag"), D(0))
    from_municipality += sum((p.amount for p in result.timeline.pending if p.settles in window), D(0))
    assert from_municipality + employer_holiday <= law


def test_one_month_with_a_wage_by_hand() -> None:
    """500 net in March 2026, 8 % holiday pay with it (40.00): bijstand 1401.50 - 500 - 40 = 861.50, of which
    30.08 is saved for June; 831.42 is paid for March. With the employer's 40.00: 901.50 = norm - wage."""
    plan = plan_for([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "10.00", (2026, 3)).model_copy(
        update={"months": 1, "shifts": (Shift(date=date(2026, 3, 10), hours="50", job="werk"),)})
    month = run(plan, RULES).projection.months[0]
    assert (month.vakantieaanspraak.amount, month.bijstand.amount) == (D("40.00"), D("861.50"))
    assert (month.bijstand_paid_monthly.amount, month.vakantietoeslag_reserved.amount) == (D("831.42"), D("30.08"))
    assert month.bijstand.amount + D("40.00") == D("1401.50") - D("500.00")
