"""The risk simulation: it replays the Decimal engine exactly, it is seeded, and its chances are right.

The key property: with all uncertainty at zero, the vectorised simulation agrees with the Decimal
engine to the cent on every month, every settlement event, the ledger and the set-aside, over random
plans. A second property goes further: for sampled uncertain futures, the vectorised result of every
future equals the Decimal engine run on that future's shifts (``simulate_exact``).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import Expense, Household, Job, LateReport, Payslip, Person, Plan, Risk, Sanction, Settlement, Shift
from planner.risk import (
    _ARRAY_FIELDS,
    NotVectorised,
    RiskNotSupported,
    Outcome,
    _Vectorised,
    certain_future,
    outcome_of_result,
    sample,
    simulate,
    simulate_exact,
    summarise,
)
from planner.rules import load_rules
from planner.scenarios import run, shifts_of

D = Decimal
RULES = load_rules()
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CERTAIN = Risk(chance_likely=100, chance_maybe=100, chance_extra=0)


def differences(a: Outcome, b: Outcome) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    return {f: (getattr(a, f), getattr(b, f)) for f in _ARRAY_FIELDS if not np.array_equal(getattr(a, f), getattr(b, f))}


# --- random plans ------------------------------------------------------------------------------------


@st.composite
def jobs(draw: st.DrawFn, job_id: str, person: str) -> Job:
    schedule = draw(st.sampled_from(["monthly", "four_weekly", "weekly"]))
    return Job(
        id=job_id, person=person, wage=draw(st.sampled_from(["9.50", "12.00", "14.71", "16.25", "23.10"])),
        wage_basis=draw(st.sampled_from(["net", "gross"])), pay_schedule=schedule,
        pay_day=draw(st.integers(1, 31)), paid_in=draw(st.sampled_from(["same_month", "next_month"])),
        pay_delay_days=draw(st.integers(0, 14)), payslip_delay_days=draw(st.integers(0, 10)),
        holiday_pay=draw(st.sampled_from(["yearly", "with_wage", "none"])),
        holiday_pay_month=draw(st.sampled_from([5, 6])),
        employer_applies_heffingskorting=draw(st.booleans()),
    )


@st.composite
def households(draw: st.DrawFn) -> Household:
    composition = draw(st.sampled_from(["single", "single", "single_parent", "couple"]))

    def person() -> Person:
        return Person(
            birth_date=date(draw(st.sampled_from([1958, 1962, 1975, 1986, 2001, 2004])), draw(st.integers(1, 12)), 1),
            medisch_urenbeperkt=draw(st.booleans()),
            vrijlating_months_used=draw(st.sampled_from([None, 0, 2, 6, 8, 40])),
        )

    return Household(
        composition=composition, claimant=person(), partner=person() if composition == "couple" else None,
        youngest_child_birth_date=date(2019, 5, 1) if composition == "single_parent" else None,
        municipality=draw(st.sampled_from(["amsterdam", "amsterdam", "overig"])),
        # The facts of a household the law knows (art. 18, 23, 27, 34).
        housing_costs=draw(st.sampled_from([True, True, False])),
        institution=draw(st.sampled_from([False, False, False, True])),
        assets=draw(st.sampled_from([None, None, "500.00", "20000.00"])),
        sanctions=draw(st.sampled_from([(), (), (Sanction(month="2026-02", percent=100),),
                                        (Sanction(month="2025-10", percent=30), Sanction(month="2026-05", percent=20))])),
    )


@st.composite
def plans(draw: st.DrawFn, *, risk: bool = False) -> Plan:
    household = draw(households())
    start_year, start_month = draw(st.sampled_from([(2025, 1), (2025, 9), (2026, 1), (2026, 4), (2026, 11)]))
    months = draw(st.integers(2, 12))
    job_list = [draw(jobs("a", "claimant"))]
    if household.partner is not None and draw(st.booleans()):
        job_list.append(draw(jobs("b", "partner")))
    elif draw(st.booleans()):
        job_list.append(draw(jobs("b", "claimant")))
    first = date(start_year, start_month, 1)
    if draw(st.integers(0, 4)) == 0:
        # A contract, sometimes from a later month and large enough to end the benefit.
        job_list.append(Job(id="vast", wage=draw(st.sampled_from(["450.00", "2400.00"])), wage_unit="month",
                            wage_basis=draw(st.sampled_from(["net", "gross"])),
                            start=first + timedelta(days=31 * draw(st.integers(0, months)))))
    shifts = tuple(
        Shift(date=first + timedelta(days=day), hours=hours, job=draw(st.sampled_from([j.id for j in job_list[:2]])),
              certainty=certainty)
        for day, hours, certainty in draw(st.lists(st.tuples(
            st.integers(0, 31 * months), st.sampled_from(["2", "3.5", "4", "6", "7.25", "8", "10", "12"]),
            st.sampled_from(["sure", "likely", "maybe", "extra"])), max_size=40))
    )
    payslips = ()
    if shifts and draw(st.integers(0, 3)) == 0 and job_list[0].pay_schedule == "monthly":
        payslips = (Payslip(job="a", month=f"{start_year:04d}-{start_month:02d}", net_amount="312.40"),)
    late = ()
    if draw(st.booleans()):
        m = draw(st.integers(0, months - 1))
        y, mo = divmod(start_year * 12 + start_month - 1 + m, 12)
        late = (LateReport(month=f"{y:04d}-{mo + 1:02d}", reported_on=date(y, mo + 1, 1) + timedelta(days=draw(st.integers(20, 250)))),)
    settlement = Settlement(
        regime=draw(st.sampled_from(["municipality", "estimate", "voorschot", "after_income"])),
        income_attribution=draw(st.sampled_from(["municipality", "earned", "received", "spread_workdays"])),
        pay_day=draw(st.sampled_from([None, 1, 15, 26, 31])),
        estimated_income=draw(st.sampled_from([None, None, None, "250.00"])),
        withholding_limit=draw(st.sampled_from([None, None, "75.00"])),
        report_delay_days=draw(st.sampled_from([0, 0, 5, 40])),
        late_reports=late,
        safety_buffer=draw(st.sampled_from(["0", "100", "250"])),
    )
    assumptions = {
        "estimate_method": draw(st.sampled_from(["last_known", "average_3", "plan"])),
        "withholding_limit": draw(st.sampled_from(["all_at_once", "municipal_limit"])),
        "vrijlating_clock": draw(st.sampled_from(["consecutive", "months_with_income"])),
        "premie_during_vrijlating": draw(st.sampled_from(["no_premie", "alongside"])),
        "premie_month_without_bijstand": draw(st.sampled_from(["no_premie", "premie"])),
        "premie_under_27": draw(st.sampled_from(["excluded", "included"])),
        "premie_cap_couple": draw(st.sampled_from(["household", "per_person"])),
        "vakantieaanspraak_excess": draw(st.sampled_from(["from_monthly", "reserve_only"])),
        "premie_monthly_cap": draw(st.sampled_from(["published", "j_twelfth"])),
        "premie_payout_without_bijstand": draw(st.sampled_from(["waits", "paid"])),
        "vrijlating_2027": draw(st.sampled_from(["art34a_replaces", "old_rules_continue"])),
        "art34a_clock": draw(st.sampled_from(["shared", "fresh_start"])),
    }
    plan_risk = CERTAIN
    if risk:
        plan_risk = Risk(
            chance_sure=draw(st.sampled_from([100, 90])), chance_likely=draw(st.sampled_from([80, 50])),
            chance_maybe=draw(st.sampled_from([50, 30])), chance_extra=draw(st.sampled_from([0, 25])),
            hours_spread={"a": draw(st.sampled_from(["0", "10", "25"]))},
            week_lost_chance=draw(st.sampled_from([0, 5])), late_report_chance=draw(st.sampled_from([0, 20])),
            late_report_days=draw(st.sampled_from([20, 45, 200])),
        )
    return Plan(
        start=f"{start_year:04d}-{start_month:02d}", months=months, household=household, jobs=tuple(job_list),
        shifts=shifts, payslips=payslips, starting_balance=str(draw(st.integers(0, 1500))),
        expenses=(Expense(name="Huur", amount="650", day=draw(st.integers(1, 31))),
                  Expense(name="Boodschappen", amount="60", every="week", day=draw(st.integers(1, 7)))),
        settlement=settlement, premie_scheme=draw(st.sampled_from(["municipality", "municipality", "amsterdam-experiment-2018", "none"])),
        assumptions=assumptions, risk=plan_risk,
    )


# --- the key test: zero uncertainty agrees with the Decimal engine to the cent ------------------------------


@PROPS
@given(plans())
def test_at_zero_uncertainty_the_simulation_is_the_decimal_engine_to_the_cent(plan: Plan) -> None:
    decimal = outcome_of_result(run(plan, RULES, shifts_of(plan, "planned")), plan)
    futures = sample(plan, 3, seed=7)
    assert futures.worked.tolist() == np.repeat(certain_future(plan).worked, 3, axis=0).tolist()
    simulated = _Vectorised(plan, RULES).run(futures)
    assert simulated.engine == "vectorised"
    for k in range(3):
        one = Outcome(simulated.months, simulated.pay_dates, **{f: getattr(simulated, f)[k:k + 1] for f in _ARRAY_FIELDS})
        assert differences(one, decimal) == {}


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_every_sampled_future_is_the_decimal_engine_run_on_that_future(plan: Plan, seed: int) -> None:
    futures = sample(plan, 6, seed=seed)
    simulated = _Vectorised(plan, RULES).run(futures)
    exact = simulate_exact(plan, futures, RULES)
    assert differences(simulated, exact) == {}


def test_a_mismatch_is_seen_by_the_comparison() -> None:
    """The comparison above can fail: one cent more in one withholding is a difference."""
    plan = Plan(start="2026-01", months=3, household=SAM, jobs=(WORK,), risk=CERTAIN,
                shifts=(Shift(date=date(2026, 1, 5), hours="10", job="werk"),))
    a = outcome_of_result(run(plan, RULES), plan)
    b = Outcome(a.months, a.pay_dates, **{f: getattr(a, f).copy() for f in _ARRAY_FIELDS})
    b.withheld[0, 1, 0] += 1
    assert set(differences(a, b)) == {"withheld"}


# --- seeded, and chances of exactly 0 or 1 when everything is sure ----------------------------------------


SAM = Household(composition="single", claimant=Person(birth_date=date(1986, 1, 1), vrijlating_months_used=6))
WORK = Job(id="werk", name="Schoonmaak", wage="12.00", wage_basis="net", holiday_pay="none")


def story(shifts: list[Shift], **extra: object) -> Plan:
    return Plan(start="2026-01", months=5, household=SAM, jobs=(WORK,), shifts=tuple(shifts),
                expenses=(Expense(name="Huur", amount="650", day=1),), **extra)


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_the_same_seed_gives_the_same_futures_and_results(plan: Plan, seed: int) -> None:
    a, b = sample(plan, 50, seed=seed), sample(plan, 50, seed=seed)
    assert np.array_equal(a.worked, b.worked) and np.array_equal(a.hours, b.hours) and np.array_equal(a.late, b.late)
    ra, rb = simulate(plan, a, RULES), simulate(plan, b, RULES)
    assert differences(ra, rb) == {}


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_the_sampled_hours_never_exceed_the_bound_the_simulation_trusts(plan: Plan, seed: int) -> None:
    # The simulation sums a pay period's hours as int32 when this bound says it cannot overflow.
    futures = sample(plan, 200, seed=seed)
    assert futures.hours_most is not None
    assert futures.hours.size == 0 or int(futures.hours.max()) <= futures.hours_most


def test_another_seed_gives_other_futures() -> None:
    plan = story([Shift(date=date(2026, 1, d), hours="4", job="werk", certainty="maybe") for d in range(1, 29)])
    assert not np.array_equal(sample(plan, 100, seed=1).worked, sample(plan, 100, seed=2).worked)


@PROPS
@given(plans())
def test_with_every_shift_sure_the_chance_of_a_letter_is_0_or_1_as_the_plan_says(plan: Plan) -> None:
    plan = plan.model_copy(update={
        "risk": Risk(),  # the defaults: a sure shift is worked with 100 %
        "shifts": tuple(s.model_copy(update={"certainty": "sure"}) for s in plan.shifts),
    })
    result = run(plan, RULES)
    letters_planned = any(e.kind in ("withholding", "repayment") for e in result.timeline.events)
    outcome = simulate(plan, sample(plan, 200, seed=3), RULES)
    chance = float(((outcome.withheld.sum(axis=(1, 2)) + outcome.repaid.sum(axis=(1, 2))) > 0).mean())
    assert chance == (1.0 if letters_planned else 0.0)


# --- statistics that can fail ------------------------------------------------------------------------


def _one_uncertain_shift(p: int) -> Plan:
    """Sam works 10 sure hours every month, and one shift of 30 hours in February that is "maybe".

    The municipality estimates February on January's income (last known). If the big shift is worked,
    February's income is higher than estimated and the difference is withheld in March: a letter.
    """
    sure = [Shift(date=date(2026, m, 10), hours="10", job="werk") for m in range(1, 6)]
    maybe = Shift(date=date(2026, 2, 17), hours="30", job="werk", certainty="maybe")
    return story(sure + [maybe], risk=Risk(chance_maybe=p))


@pytest.mark.parametrize("p", [10, 35, 50, 80])
def test_one_uncertain_shift_gives_a_letter_with_its_own_chance(p: int) -> None:
    plan = _one_uncertain_shift(p)
    n = 4000
    outcome = simulate(plan, sample(plan, n, seed=11), RULES)
    assert outcome.engine == "vectorised"
    letter = (outcome.deducted_by_date > 0).any(axis=1)
    # The letter comes exactly when the shift is worked, in March.
    worked = sample(plan, n, seed=11).worked[:, -1]
    assert np.array_equal(letter, worked)
    assert np.array_equal(outcome.deducted_by_date[:, 2] > 0, worked)
    estimate = letter.mean()
    half_width = 3.29 * math.sqrt(p / 100 * (1 - p / 100) / n)  # 99.9 % interval
    assert abs(estimate - p / 100) <= half_width


@pytest.mark.parametrize("p", [20, 70])
def test_losing_an_uncertain_shift_gives_a_letter_with_the_chance_it_is_lost(p: int) -> None:
    """Sam works 10 + 12 hours every month; February's 12-hour shift is "likely" with chance p. If it is lost,
    March is estimated on February's lower income, so March's benefit is too high and is withheld in April."""
    steady = [Shift(date=date(2026, m, 10), hours="10", job="werk") for m in range(1, 6)]
    steady += [Shift(date=date(2026, m, 20), hours="12", job="werk", certainty="likely" if m == 2 else "sure")
               for m in range(1, 6)]
    plan = story(steady, risk=Risk(chance_likely=p))
    n = 4000
    futures = sample(plan, n, seed=21)
    outcome = simulate(plan, futures, RULES)
    lost = ~futures.worked[:, -4]  # February's 12-hour shift
    assert np.array_equal((outcome.deducted_by_date > 0).any(axis=1), lost)
    assert np.array_equal(outcome.deducted_by_date[:, 3] > 0, lost)  # in April
    q = 1 - p / 100
    chance = float(summarise(plan, outcome, rules=RULES).letter_chance)
    assert abs(chance - q) <= 3.29 * math.sqrt(q * (1 - q) / n)  # 99.9 % interval


def _letters_that_hurt(level: int) -> Plan:
    """Sam works 10 sure hours a month and 20 "maybe" hours; hours run 50 % over or under. Rent of 1300 is due
    the day after the benefit, so a withholding can push the balance below the safety buffer of 150."""
    sure = [Shift(date=date(2026, m, 10), hours="10", job="werk") for m in range(1, 6)]
    maybe = [Shift(date=date(2026, m, 17), hours="20", job="werk", certainty="maybe") for m in range(1, 5)]
    return Plan(start="2026-01", months=5, household=SAM, jobs=(WORK,), shifts=tuple(sure + maybe),
                expenses=(Expense(name="Huur", amount="1300", day=27),), starting_balance="500",
                settlement=Settlement(safety_buffer="150"), risk=Risk(level=level, hours_spread={"werk": "50"}))


def test_the_set_aside_meets_its_level_on_fresh_futures() -> None:
    plan = _letters_that_hurt(10)
    summary = summarise(plan, simulate(plan, sample(plan, 4000, seed=5), RULES), rules=RULES)
    advice = summary.set_aside
    assert advice.amount > 0 and advice.chance_after <= D("0.10")
    assert summary.below_buffer_chance > D("0.10")  # without setting aside, the level is not met
    fresh = simulate(plan, sample(plan, 4000, seed=99), RULES)
    below = (fresh.lowest + int(advice.amount * 100)) < int(plan.settlement.safety_buffer * 100)
    # At most 10 % on futures it has not seen, with room for sampling error (99.9 %: 3.29 standard errors).
    assert below.mean() <= 0.10 + 3.29 * math.sqrt(0.1 * 0.9 / 4000)
    # It is needed on a pay date and set aside from a payday on or before it.
    assert advice.from_date is not None and advice.needed_by is not None and advice.from_date <= advice.needed_by
    # A higher level (more risk accepted) needs less; the advice is not simply "everything".
    looser = summarise(_letters_that_hurt(20), simulate(plan, sample(plan, 4000, seed=5), RULES), rules=RULES)
    assert looser.set_aside.amount < advice.amount


# --- the honest fallback --------------------------------------------------------------------------------


def test_repayment_in_instalments_runs_the_exact_engine_and_says_so() -> None:
    plan = story([Shift(date=date(2026, 1, 10), hours="40", job="werk", certainty="maybe")],
                 assumptions={"repayment": "instalments", "withholding_limit": "municipal_limit"})
    with pytest.raises(NotVectorised, match="instalments"):
        _Vectorised(plan, RULES)
    futures = sample(plan, 300, seed=1)
    outcome = simulate(plan, futures, RULES)
    assert (outcome.engine, outcome.fallback_reason) == ("exact", "repayment in instalments")
    assert outcome.fallback_explanation is not None
    # Two distinct futures (the shift worked or not), each the Decimal engine's own answer.
    worked = futures.worked[:, 0]
    for i in (int(np.argmax(worked)), int(np.argmin(worked))):
        shifts = tuple(s for k, s in enumerate(plan.shifts) if futures.worked[i, k])
        one = outcome_of_result(run(plan, RULES, shifts, planned=run(plan, RULES).projection), plan)
        assert int(outcome.set_aside[i]) == int(one.set_aside[0])


def test_plans_without_a_risk_section_get_the_defaults() -> None:
    data = story([]).model_dump(mode="json")
    del data["risk"]
    plan = Plan.model_validate(data)
    assert (plan.risk.chance_sure, plan.risk.chance_likely, plan.risk.chance_maybe, plan.risk.chance_extra) == (100, 80, 50, 25)
    assert plan.risk.level == 10 and plan.risk.week_lost_chance == 0


def test_the_risk_section_is_checked() -> None:
    # A spread for a job that is not (or no longer) in the plan: the file stays readable, the simulation refuses.
    plan = story([], risk=Risk(hours_spread={"elders": "10"}))
    with pytest.raises(RiskNotSupported, match="elders"):
        sample(plan, 10)
    with pytest.raises(ValueError):
        Risk(hours_spread={"werk": "150"})
    with pytest.raises(ValueError):
        Risk(chance_likely=120)
    with pytest.raises(ValueError):
        Risk(level=0)


def _stories() -> list[Plan]:
    """Hand-made plans for paths random plans reach only rarely."""
    contract = Job(id="vast", wage="2400.00", wage_unit="month", start=date(2026, 3, 1))
    gross = Job(id="hotel", wage="14.71", wage_basis="gross", pay_schedule="four_weekly", holiday_pay="with_wage")
    yearly = Job(id="hotel", wage="14.71", wage_basis="gross", pay_schedule="weekly", holiday_pay="yearly",
                 holiday_pay_month=5)
    shifts = tuple(Shift(date=date(2026, 1, 2) + timedelta(days=d), hours="7.25", job="hotel") for d in range(0, 200, 2))
    rising = tuple(Shift(date=date(2026, m, d), hours="10", job="werk") for m in range(1, 7) for d in range(1, 3 * m, 3))
    return [
        # Income rises every month and at most 75 is withheld per payment: several debts at once, withheld
        # oldest first.
        Plan(start="2026-01", months=8, household=SAM, jobs=(WORK,), shifts=rising,
             settlement=Settlement(withholding_limit="75.00")),
        # The benefit ends: the saved holiday allowance comes within three months.
        Plan(start="2026-01", months=8, household=SAM, jobs=(contract,)),
        # A gross wage paid four-weekly with holiday pay: the wage tax per distinct gross wage.
        Plan(start="2026-01", months=8, household=SAM, jobs=(gross,), shifts=shifts),
        # Yearly holiday pay on a gross wage: the special rate in May.
        Plan(start="2026-01", months=8, household=SAM, jobs=(yearly,), shifts=shifts,
             assumptions={"withholding_limit": "municipal_limit", "estimate_method": "average_3"}),
    ]


@pytest.mark.parametrize("plan", _stories(), ids=["several_debts", "benefit_ends", "gross_four_weekly", "yearly_holiday_pay"])
def test_the_stories_agree_with_the_decimal_engine(plan: Plan) -> None:
    plan = plan.model_copy(update={"risk": CERTAIN})
    decimal = outcome_of_result(run(plan, RULES), plan)
    assert differences(_Vectorised(plan, RULES).run(certain_future(plan)), decimal) == {}
    uncertain = plan.model_copy(update={"risk": Risk(chance_sure=70, hours_spread={j.id: "20" for j in plan.jobs})})
    futures = sample(uncertain, 5, seed=4)
    assert differences(_Vectorised(uncertain, RULES).run(futures), simulate_exact(uncertain, futures, RULES)) == {}


@PROPS
@given(st.integers(2, 9), st.integers(1, 60), st.sampled_from([None, "0", "35.50", "120"]), st.data())
def test_in_order_withholding_is_the_same_one_by_one_and_for_all_at_once(months: int, n: int, limit: str | None,
                                                                        data: st.DataObject) -> None:
    # Futures with several debts of which only a part can be withheld are worked out again in order: a few
    # of them one future at a time, more of them as whole arrays. Both must give the same cents.
    plan = Plan(start="2026-01", months=months, household=SAM, jobs=(WORK,),
                settlement=Settlement(withholding_limit=limit))
    engine = _Vectorised(plan, RULES)
    cents = st.integers(-20_000, 150_000)
    advance = np.array(data.draw(st.lists(st.lists(cents, min_size=n, max_size=n), min_size=months, max_size=months)),
                       dtype=np.int64)
    final = np.array(data.draw(st.lists(st.lists(cents, min_size=n, max_size=n), min_size=months, max_size=months)),
                     dtype=np.int64)
    # Month i is settled on a pay date after its own (i + 1 .. months; months: after the plan).
    settle_on = np.array([[data.draw(st.integers(i + 1, months)) for _ in range(n)] for i in range(months)],
                         dtype=np.int64)
    results = []
    for method in (engine._corrections_in_order, engine._corrections_in_order_one_by_one):
        out = (np.zeros((months, n), dtype=np.int64), np.zeros((months, months, n), dtype=np.int64),
               np.zeros((months, months, n), dtype=np.int64))
        method(advance, final, settle_on, *out)
        results.append(out)
    for whole, one in zip(*results, strict=True):
        assert np.array_equal(whole, one)


def test_what_is_remembered_of_a_plan_follows_its_edits() -> None:
    # Sampling and simulating remember a plan's layout by its shifts, jobs and payslips. An edit of a shift must
    # never be answered from the plan before it; an edit of something else may reuse it, with the same result.
    import planner.risk as risk

    plan = story([Shift(date=date(2026, 1, d), hours="4", job="werk", certainty="maybe") for d in range(1, 29)])
    sample(plan, 200, seed=3)
    simulate(plan, sample(plan, 200, seed=3), RULES)
    edits = [
        plan.model_copy(update={"shifts": (plan.shifts[0].model_copy(update={"certainty": "extra", "hours": Decimal("7")}),
                                           *plan.shifts[1:])}),
        plan.model_copy(update={"expenses": (Expense(name="Huur", amount="700", day=1),)}),
    ]
    for edited in edits:
        remembered = sample(edited, 200, seed=3)
        outcome = simulate(edited, remembered, RULES)
        risk._SAMPLE_LAYOUTS.clear()
        risk._PAY_PERIODS.clear()
        fresh = sample(edited, 200, seed=3)
        assert np.array_equal(remembered.worked, fresh.worked) and np.array_equal(remembered.hours, fresh.hours)
        assert differences(outcome, simulate(edited, fresh, RULES)) == {}
