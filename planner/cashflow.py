"""The cash-flow ledger, day by day, and the "set aside" advice.

The ledger replays the settlement timeline from the starting balance: wages
on their paydays, benefit payments, corrections, premie and holiday payouts
in; fixed costs, withholdings and repayments out. On a day with money in and
out, the money out is taken first (the careful order), so the lowest balance
is never too rosy.

The set-aside advice is one list, the only source of every "set aside"
figure (cards, summary, CLI, the line above the cards):

- for every later withholding or repayment in the plan, put its amount aside
  from the wage of the month that caused it, on the day that wage arrives
  (``kind="deduction"``);
- if the balance still goes below the safety buffer (money comes in later than
  the costs go out: pay timing), keep the missing amount now, at the start of
  the plan, on top of the starting balance (``kind="shortfall"``). With it the
  balance stays at or above the buffer on every day of the plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from planner.explain import Day, Explanation, Money, Month
from planner.i18n import N_
from planner.money import ZERO
from planner.settlement import SETTLEMENT_KINDS, Event, Timeline

YM = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LedgerMonth:
    month: YM
    start_balance: Decimal
    money_in: Decimal
    money_out: Decimal
    end_balance: Decimal
    lowest_balance: Decimal
    lowest_on: date
    days_below_buffer: int
    """Days that end below the safety buffer."""
    set_aside: Decimal
    """Advised to put aside from this month's wages."""
    settlement_out: Decimal
    """Withheld or paid back this month."""


@dataclass(frozen=True, slots=True)
class Advice:
    """Put ``amount`` aside on ``from_date`` for what happens on ``for_date``.

    ``deduction``: from the wage paid on ``from_date``, for the withholding or repayment of ``settles``.
    ``shortfall``: keep it now (``from_date`` is the plan's first day), because on ``for_date`` the balance would
    go below the safety buffer; ``settles`` is None.
    """

    from_date: date
    job: str | None
    amount: Decimal
    for_date: date
    settles: YM | None
    explanation: Explanation
    kind: Literal["deduction", "shortfall"] = "deduction"


@dataclass(frozen=True, slots=True)
class Ledger:
    start: date
    end: date
    starting_balance: Decimal
    buffer: Decimal
    months: tuple[LedgerMonth, ...]
    advice: tuple[Advice, ...]
    daily: tuple[Decimal, ...]
    """End-of-day balance for each day from ``start`` to ``end``."""
    daily_low: tuple[Decimal, ...]
    """The lowest balance within each day (money out is taken before money in)."""

    def balance_on(self, day: date) -> Decimal:
        return self.daily[(day - self.start).days]

    @property
    def lowest(self) -> Decimal:
        return min(self.daily_low)

    @property
    def set_aside(self) -> Decimal:
        """Everything the advice says to set aside over the plan: the one "set aside in all" figure."""
        return sum((a.amount for a in self.advice), ZERO)


def advise(timeline: Timeline) -> list[Advice]:
    """For every withholding or repayment, where to set the money aside and when."""
    wage_by_month: dict[YM, list] = defaultdict(list)
    for bm in timeline.projection.months:
        for person in bm.people:
            if person.income is not None:
                for part in person.income.parts:
                    wage_by_month[(bm.year, bm.month)].append(part.payment)
    out: list[Advice] = []
    for event in timeline.events:
        if event.kind not in ("withholding", "repayment") or event.settles is None:
            continue
        amount = -event.amount
        sources = sorted((p for p in wage_by_month.get(event.settles, ()) if p.pay_date <= event.date), key=lambda p: p.pay_date)
        if sources:
            source = sources[-1]
            from_date, job = source.pay_date, source.job_id
        else:  # nothing from that month arrived before: set it aside from the latest wage before the deduction
            earlier = [e for e in timeline.events if e.kind == "wage" and e.date <= event.date]
            if not earlier:
                from_date, job = timeline.events[0].date, None
            else:
                from_date, job = earlier[-1].date, earlier[-1].job
        expl = Explanation(
            N_("Set aside {amount} from your wage of {from_date}: on {for_date} {amount} will be taken for {month}."),
            {"amount": Money(amount), "from_date": Day(from_date), "for_date": Day(event.date), "month": Month(*event.settles)},
        )
        out.append(Advice(from_date, job, amount, event.date, event.settles, expl))
    return out


def build_ledger(timeline: Timeline, starting_balance: Decimal, buffer: Decimal = ZERO) -> Ledger:
    months = [(bm.year, bm.month) for bm in timeline.projection.months]
    start = date(months[0][0], months[0][1], 1)
    last_ym = months[-1]
    end = (date(last_ym[0] + (last_ym[1] == 12), last_ym[1] % 12 + 1, 1)) - timedelta(days=1)
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in timeline.events:
        if start <= event.date <= end:
            by_day[event.date].append(event)
    advice = advise(timeline)
    balance = starting_balance
    daily: list[Decimal] = []
    daily_low: list[Decimal] = []
    stats: dict[YM, dict] = {}
    day = start
    while day <= end:
        ym = (day.year, day.month)
        st = stats.get(ym)
        if st is None:
            st = stats[ym] = {"start": balance, "in": ZERO, "out": ZERO, "low": balance, "low_on": day, "below": 0, "settle": ZERO}
        events = by_day.get(day, ())
        outs = sum((e.amount for e in events if e.amount < 0), ZERO)
        ins = sum((e.amount for e in events if e.amount > 0), ZERO)
        low = balance + outs
        balance = low + ins
        st["in"] += ins
        st["out"] -= outs
        st["settle"] -= sum((e.amount for e in events if e.kind in SETTLEMENT_KINDS and e.amount < 0), ZERO)
        if low < st["low"]:
            st["low"], st["low_on"] = low, day
        if balance < buffer:
            st["below"] += 1
        daily.append(balance)
        daily_low.append(low)
        day += timedelta(days=1)
    lowest = min(daily_low)
    if lowest < buffer:
        low_on = start + timedelta(days=daily_low.index(lowest))
        short = buffer - lowest
        advice.append(Advice(start, None, short, low_on, None, Explanation(
            N_("Keep {amount} extra now, before {date}: on {date} your balance would drop to {low}, because money "
               "comes in later than the costs go out. With it you stay at the {buffer} you want to keep."),
            {"amount": Money(short), "date": Day(low_on), "low": Money(lowest), "buffer": Money(buffer)}),
            kind="shortfall"))
    set_aside_by_month: dict[YM, Decimal] = defaultdict(lambda: ZERO)
    for a in advice:
        set_aside_by_month[(a.from_date.year, a.from_date.month)] += a.amount
    ledger_months = tuple(
        LedgerMonth(ym, st["start"], st["in"], st["out"], st["start"] + st["in"] - st["out"], st["low"], st["low_on"],
                    st["below"], set_aside_by_month.get(ym, ZERO), st["settle"])
        for ym, st in stats.items()
    )
    return Ledger(start, end, starting_balance, buffer, ledger_months, tuple(advice), tuple(daily), tuple(daily_low))
