"""planner.summary: the month cards agree with the timeline, the ledger and the chart series, to the cent.

Sam (as in test_settlement.py): 40, single, in Amsterdam, vrijlating used up,
paid net 12 euro an hour on the 25th of the next month; benefit on the 26th.
The municipality estimates a month's income on the last month it knows, so a
month with more hours than the month before is paid too much and settled
later.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.explain import render
from planner.model import Expense, Household, Job, Person, Plan, Settlement, Shift
from planner.rules import load_rules
from planner.scenarios import Result, run
from planner.series import monthly_sources
from planner.storage import load_plan
from planner.summary import NOTE_CODES, MonthCard, SummaryItem, month_cards

D = Decimal
RULES = load_rules()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"
SAM = Household(composition="single", claimant=Person(birth_date=date(1986, 1, 1), vrijlating_months_used=6))
WORK = Job(id="werk", name="Schoonmaak", wage="12.00", wage_basis="net", holiday_pay="none")


def shift(day: date, hours: str = "10", certainty: str = "sure") -> Shift:
    return Shift(date=day, hours=hours, job="werk", certainty=certainty)


def varying(**extra: object) -> Plan:
    """10 hours in January, 30 in February, 5 in March: February is paid on January's income, March on February's."""
    shifts = (shift(date(2026, 1, 10)), shift(date(2026, 2, 10), "30"), shift(date(2026, 3, 10), "5"))
    values: dict[str, object] = {
        "starting_balance": "100",
        "expenses": (Expense(name="Huur", amount="700", day=1),),
        "settlement": Settlement(safety_buffer="200"),
    }
    values.update(extra)
    return Plan(start="2026-01", months=4, household=SAM, jobs=(WORK,), shifts=shifts, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def example() -> Result:
    return run(load_plan(EXAMPLE), RULES)


@pytest.fixture(scope="module")
def withheld() -> Result:
    return run(varying(), RULES)


def every_item(cards: tuple[MonthCard, ...]) -> list[SummaryItem]:
    return [item for card in cards for item in card.items()]


def assert_money_in_matches_the_series(result: Result, cards: tuple[MonthCard, ...]) -> None:
    series = monthly_sources(result)
    assert [c.month for c in cards] == [s.month for s in series]
    for card, s in zip(cards, series, strict=True):
        by_key = {i.key: i for i in card.money_in}
        assert [i.key for i in card.money_in] == ["wages", "bijstand", "premie", "holiday_pay"]
        assert by_key["wages"].amount == s.wages
        assert by_key["premie"].amount == s.premie
        assert by_key["holiday_pay"].amount == s.holiday_pay
        now = card.taken_back_now.amount if card.taken_back_now is not None else D(0)
        assert by_key["bijstand"].amount + now == s.bijstand
        for item in card.money_in:
            assert sum((p.amount for p in item.parts), D(0)) == item.amount, item.key
            assert all(p.when is not None and (p.when.year, p.when.month) == card.month for p in item.parts)
        assert card.total_in.amount == sum((i.amount for i in card.money_in), D(0))
        assert card.total_in.amount + now - s.expenses == s.end_balance - s.start_balance
        assert (card.start_balance, card.end_balance) == (s.start_balance, s.end_balance)


def assert_everything_renders(cards: tuple[MonthCard, ...]) -> None:
    for item in every_item(cards):
        for lang in ("nl", "en"):
            assert render(item.explanation, lang)
            for part in item.parts:
                assert render(part.explanation, lang)
                if part.statement is not None:
                    assert render(part.statement, lang)
            for flag in item.flags:
                assert render(flag.explanation, lang)
            if item.hint is not None:
                assert render(item.hint, lang)
        assert item.label
        assert all(f.code in NOTE_CODES for f in item.flags)


# --- the example plan ------------------------------------------------------------------------------


def test_one_card_per_month_and_money_in_as_in_the_chart(example: Result) -> None:
    cards = month_cards(example)
    assert len(cards) == 12
    assert_money_in_matches_the_series(example, cards)
    assert_everything_renders(cards)


def test_the_example_in_numbers(example: Result) -> None:
    jan, feb, mar = month_cards(example)[:3]
    assert jan.money_in[0].amount == 0 and jan.money_in[0].hint is not None  # January's wage arrives 25 February
    assert "25" in render(jan.money_in[0].hint, "en") and "February" in render(jan.money_in[0].hint, "en")
    assert feb.money_in[0].amount == D("179.20") and feb.money_in[0].when == date(2026, 2, 25)
    # Paid on January's planned income: 1331.42 - 134.40 counted (179.20 minus 25 % vrijlating)
    assert jan.money_in[1].amount == D("1197.02") and jan.money_in[1].when == date(2026, 1, 26)
    # The February shift that may not happen is planned, so February is paid on January's income; the
    # difference is paid on 26 March, and shows on February's card as paid later.
    (later,) = feb.settled_later
    assert (later.key, later.kind, later.amount, later.when) == ("paid_later", "correction_paid", D("67.20"), date(2026, 3, 26))
    assert feb.taken_back_later == ()
    assert mar.taken_back_now is None
    assert jan.lowest_balance.amount == D("150.00") and jan.lowest_balance.when == date(2026, 1, 1)
    assert not jan.below_buffer
    assert all(c.set_aside.amount == 0 for c in month_cards(example))


def test_notes_of_the_month_are_on_its_card_once(example: Result) -> None:
    cards = month_cards(example)
    jan = cards[0]
    own = {(f.code, f.rule_id, f.assumption) for f in example.projection.months[0].flags if f.code in NOTE_CODES}
    shown = [(f.code, f.rule_id, f.assumption) for f in jan.notes]
    assert own <= set(shown)
    assert len(shown) == len(set(shown))
    premie = next(i for i in jan.money_in if i.key == "premie")
    assert [f.assumption for f in premie.flags if f.code == "assumption"] == ["premie_during_vrijlating"]
    assert not any(c.not_yet_published for c in cards)


def test_a_2027_month_is_marked_not_yet_published(example: Result) -> None:
    plan = load_plan(EXAMPLE).model_copy(update={"start": "2026-07"})
    cards = month_cards(run(plan, RULES))
    by_month = {c.month: c for c in cards}
    assert not by_month[(2026, 12)].not_yet_published
    january = by_month[(2027, 1)]
    assert january.not_yet_published
    bijstand = next(i for i in january.money_in if i.key == "bijstand")
    assert any(f.code == "not_yet_published" for f in bijstand.flags)
    assert any(f.code == "not_yet_published" for f in january.notes)


# --- a plan with a withholding -----------------------------------------------------------------------


def test_taken_back_later_is_the_timelines_withholding_for_that_month(withheld: Result) -> None:
    cards = month_cards(withheld)
    assert_money_in_matches_the_series(withheld, cards)
    assert_everything_renders(cards)
    for card in cards:
        events = [e for e in withheld.timeline.settlement_events() if e.settles == card.month]
        assert [(i.amount, i.when, i.kind) for i in card.settled_later if i.key != "pending"] == [
            (e.amount, e.date, e.kind) for e in events]
    feb = cards[1]
    (taken,) = feb.taken_back_later
    assert (taken.amount, taken.when, taken.kind) == (D("-240.00"), date(2026, 3, 26), "withholding")
    text = render(taken.explanation, "en")
    assert "26 March 2026" in text and "€240.00" in text and "February 2026" in text
    # Why: paid on January's 120 euro, February's income was 360.
    assert "€120.00" in text and "€360.00" in text
    assert {f.assumption for f in taken.flags if f.code == "assumption"} >= {"estimate_method", "withholding_limit"}
    assert taken.term == "verrekening"
    # ... and on March's card it is what is taken back this month.
    now = cards[2].taken_back_now
    assert now is not None and (now.amount, now.when) == (D("-240.00"), date(2026, 3, 26))
    assert [p.amount for p in now.parts] == [D("-240.00")]


def test_what_is_still_open_after_the_plan(withheld: Result) -> None:
    april = month_cards(withheld)[3]
    (pending,) = [i for i in april.settled_later if i.key == "pending"]
    (expected,) = [p for p in withheld.timeline.pending if p.settles == (2026, 4)]
    assert pending.amount == expected.amount and pending.when is None


def test_set_aside_is_the_ledgers_advice(withheld: Result) -> None:
    cards = month_cards(withheld)
    for card, lm in zip(cards, withheld.ledger.months, strict=True):
        assert card.set_aside.amount == lm.set_aside
        assert sum((p.amount for p in card.set_aside.parts), D(0)) == lm.set_aside
    march = cards[2].set_aside
    (advice,) = [a for a in withheld.ledger.advice if a.kind == "deduction"]
    assert (march.amount, march.when) == (advice.amount, advice.from_date)
    assert march.parts[0].explanation == advice.explanation
    # The rent of 1 January comes before the first benefit: the shortfall part is on January's card.
    (short,) = [a for a in withheld.ledger.advice if a.kind == "shortfall"]
    assert cards[0].set_aside.amount == short.amount == withheld.ledger.buffer - withheld.ledger.lowest


def test_lowest_balance_and_the_buffer(withheld: Result) -> None:
    cards = month_cards(withheld)
    for card, lm in zip(cards, withheld.ledger.months, strict=True):
        assert (card.lowest_balance.amount, card.lowest_balance.when) == (lm.lowest_balance, lm.lowest_on)
        assert card.below_buffer == (lm.lowest_balance < D("200"))
        assert card.days_below_buffer == lm.days_below_buffer
    jan = cards[0]
    assert jan.below_buffer and jan.lowest_balance.amount == D("-600.00")
    text = render(jan.lowest_balance.explanation, "en")
    assert "€200.00" in text and "1 January 2026" in text
    # how it is made up: the balance before, and the rent that day
    assert [p.amount for p in jan.lowest_balance.parts] == [D("100"), D("-700")]


def test_an_estimate_from_the_letter_is_no_assumption() -> None:
    plan = varying(settlement=Settlement(estimated_income="100", safety_buffer="200"))
    for item in every_item(month_cards(run(plan, RULES))):
        assert all(f.assumption != "estimate_method" for f in item.flags)


# --- invariants ------------------------------------------------------------------------------------

shift_lists = st.lists(
    st.tuples(st.integers(0, 180), st.integers(1, 10), st.sampled_from(["sure", "likely", "maybe", "extra"])),
    max_size=20,
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    shifts = [shift(date(2026, 1, 1) + timedelta(days=d), str(h), c) for d, h, c in draw(shift_lists)]
    return Plan(
        start="2026-01",
        months=draw(st.integers(2, 7)),
        household=SAM,
        jobs=(WORK.model_copy(update={"pay_schedule": draw(st.sampled_from(["monthly", "four_weekly", "weekly"]))}),),
        shifts=tuple(shifts),
        starting_balance=str(draw(st.integers(0, 1500))),
        expenses=(Expense(name="Huur", amount="650", day=draw(st.integers(1, 28))),),
        settlement=Settlement(regime=draw(st.sampled_from(["municipality", "voorschot", "after_income"])), safety_buffer="100"),
        assumptions={
            "estimate_method": draw(st.sampled_from(["last_known", "average_3", "plan"])),
            "withholding_limit": draw(st.sampled_from(["all_at_once", "municipal_limit"])),
            "repayment": draw(st.sampled_from(["at_once", "instalments"])),
        },
    )


PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(plans())
def test_what_the_cards_take_back_is_what_the_timeline_takes_back(plan: Plan) -> None:
    result = run(plan, RULES)
    cards = month_cards(result)
    taken = result.timeline.withheld + result.timeline.repaid
    later = sum((i.amount for c in cards for i in c.taken_back_later), D(0))
    now = sum((c.taken_back_now.amount for c in cards if c.taken_back_now is not None), D(0))
    assert later == now == -taken
    paid_later = sum((i.amount for c in cards for i in c.settled_later if i.key == "paid_later"), D(0))
    assert paid_later == sum((e.amount for e in result.timeline.events if e.kind == "correction_paid"), D(0))
    open_after = sum((i.amount for c in cards for i in c.settled_later if i.key == "pending"), D(0))
    assert open_after == sum((p.amount for p in result.timeline.pending), D(0))
    deduction_advice = sum((a.amount for a in result.ledger.advice if a.kind == "deduction"), D(0))
    assert deduction_advice == taken
    assert sum((c.set_aside.amount for c in cards), D(0)) == result.ledger.set_aside
    assert_money_in_matches_the_series(result, cards)
