"""The month cards: per month, what comes in, what is taken back and when, the lowest balance, what to set aside.

:func:`month_cards` reads a computed plan (:class:`planner.scenarios.Result`)
and gives one :class:`MonthCard` per month of the plan. It computes no rule
of its own: every amount is a sum of the settlement timeline's dated events
or a number of the cash-flow ledger, and every sentence is built from the
events' and the benefit months' own explanations, with a few sentences of
its own that put them in words for the card.

- **Money in** is counted on the day the money moves, by source, exactly as
  :func:`planner.series.monthly_sources` counts it (the chart uses the same
  numbers). The bijstand line is what the municipality pays this month,
  corrections included; what it withholds this month, or what you pay back,
  is shown apart (``taken_back_now``), so ``bijstand + taken_back_now`` is
  the chart's bijstand.
- **Settled later** lists, for this month's own income, each later
  correction: withheld from a later payment, to be paid back, or paid to you
  extra, with its date; and what is still open after the plan's last month.
- **Lowest balance** and **set aside** come from the ledger.

Each amount is a :class:`SummaryItem`: a label, the amount, why (an
:class:`planner.explain.Explanation`), how it is made up (:class:`Part`), the
rules behind it and the notes (:class:`planner.benefit.Flag`) that concern
it. Nothing is translated here; the view renders it in the language shown.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from planner.assumptions import ASSUMPTIONS
from planner.benefit import BenefitMonth, Flag
from planner.explain import Day, Explanation, Money, Month, Msg, RuleRef, Text
from planner.results import FIGURES
from planner.i18n import N_, NP_
from planner.money import ZERO
from planner.scenarios import Result
from planner.series import SOURCE_OF_KIND, MonthSources, monthly_sources
from planner.settlement import Event, EventKind, MonthSettlement

YM = tuple[int, int]

ItemKey = Literal[
    "wages",
    "bijstand",
    "premie",
    "holiday_pay",
    "total_in",
    "taken_back_now",
    "taken_back_later",
    "paid_later",
    "pending",
    "lowest_balance",
    "set_aside",
]

NOTE_CODES = frozenset(
    {"not_yet_published", "earlier_unknown", "unknown_value", "unverified", "assumption", "historical_scheme"}
)
"""The flags that matter to the user: on the cards, in the banner and as marks in the months table."""

NOTE_ORDER: dict[str, int] = {
    "not_yet_published": 0,
    "unknown_value": 1,
    "earlier_unknown": 2,
    "unverified": 3,
    "assumption": 4,
    "historical_scheme": 5,
}
"""Most serious first: an amount that is not published or not known, then unconfirmed ones, then assumptions."""

LABELS: dict[str, str] = {
    **{key: FIGURES[key].label for key in ("wages", "bijstand", "premie", "holiday_pay", "total_in", "taken_back_now",
                                           "lowest_balance", "set_aside")},
    "withholding": N_("Withheld from your bijstand"),
    "repayment": N_("To pay back (terugvordering)"),
    "correction_paid": N_("Extra bijstand (nabetaling)"),
    "pending_out": N_("Still to be taken back after the plan"),
    "pending_in": N_("Still to be paid to you after the plan"),
}
"""``N_``-marked labels; translated by the view."""

#: The glossary word (``planner.glossary``) that explains an item's label, where there is one.
TERMS: dict[str, str] = {
    "wages": "nettoloon",
    "bijstand": "bijstand",
    "premie": "bijverdienpremie",
    "withholding": "verrekening",
    "repayment": "terugvordering",
    "correction_paid": "nabetaling",
    "pending_out": "verrekening",
    "pending_in": "nabetaling",
    "taken_back_now": "verrekening",
}

_BIJSTAND_ASSUMPTIONS = frozenset(
    {"vrijlating_clock", "vrijlating_2027", "art34a_under_27", "art34a_clock", "vakantieaanspraak_excess"}
)
_PREMIE_ASSUMPTIONS = frozenset(
    {"premie_during_vrijlating", "premie_month_without_bijstand", "premie_under_27", "premie_income_basis",
     "premie_cap_couple", "premie_monthly_cap", "premie_payout_without_bijstand"}
)
_HOLIDAY_ASSUMPTIONS = frozenset({"vakantieaanspraak_excess"})
_BIJSTAND_LINES = (
    "norm", "vakantietoeslag_in_norm", "income_from_work", "vrijlating_total", "income_counted", "bijstand",
    "vakantieaanspraak", "vakantietoeslag_reserved", "bijstand_paid_monthly",
)
"""The lines of a benefit month the bijstand paid is computed from."""
_MONEY_IN: tuple[ItemKey, ...] = ("wages", "bijstand", "premie", "holiday_pay")
_TAKEN: tuple[EventKind, ...] = ("withholding", "repayment")


@dataclass(frozen=True, slots=True)
class Part:
    """One line of how an amount is made up: usually one dated event of the timeline."""

    amount: Decimal
    explanation: Explanation
    when: date | None = None
    statement: Explanation | None = None
    """The line as it stands on the municipality's specification or letter, when there is one."""


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One amount on a month card, with why it is what it is."""

    key: ItemKey
    label: str
    """``N_``-marked label."""
    amount: Decimal
    """Into your account (+) or out of it (-); for the lowest balance and set aside, the amount itself."""
    explanation: Explanation
    """Why, in a sentence (or a few) with the numbers."""
    month: YM
    """The month of the card the item is on."""
    parts: tuple[Part, ...] = ()
    """How it is made up; for money in, taken back and set aside the parts add up to the amount."""
    rules: tuple[RuleRef, ...] = ()
    flags: tuple[Flag, ...] = ()
    """Notes that concern this amount (codes of :data:`NOTE_CODES`)."""
    when: date | None = None
    """The day it lands or is taken (the first, if there are several); the day of the lowest balance."""
    kind: EventKind | None = None
    """For a later settlement: ``withholding``, ``repayment`` or ``correction_paid``; None when still open after the plan."""
    term: str | None = None
    """The glossary word that explains the label, if any."""
    hint: Explanation | None = None
    """A short extra line for the card (e.g. when this month's wage arrives)."""


@dataclass(frozen=True, slots=True)
class MonthCard:
    month: YM
    money_in: tuple[SummaryItem, ...]
    """Wages, bijstand, premie and holiday pay paid into your account this month, in that order (also when zero)."""
    total_in: SummaryItem
    settled_later: tuple[SummaryItem, ...]
    """Later corrections of this month's bijstand, in date order; what is still open after the plan comes last."""
    taken_back_now: SummaryItem | None
    """Withheld from your bijstand or paid back during this month (for earlier months)."""
    lowest_balance: SummaryItem
    set_aside: SummaryItem
    notes: tuple[Flag, ...]
    """The flags of this month and of its amounts that matter, each once, most serious first."""
    not_yet_published: bool
    buffer: Decimal
    """The safety buffer: the lowest balance the user wants to keep."""
    below_buffer: bool
    """Whether the lowest balance is below the safety buffer (or below zero)."""
    days_below_buffer: int
    start_balance: Decimal
    end_balance: Decimal

    @property
    def taken_back_later(self) -> tuple[SummaryItem, ...]:
        """What is withheld or must be paid back later for this month, within the plan."""
        return tuple(i for i in self.settled_later if i.key == "taken_back_later")

    def items(self) -> tuple[SummaryItem, ...]:
        """Every amount of the card, in the order a card shows them."""
        now = (self.taken_back_now,) if self.taken_back_now is not None else ()
        return (*self.money_in, self.total_in, *now, *self.settled_later, self.lowest_balance, self.set_aside)


# --- helpers -------------------------------------------------------------------------------------


def _month_end(ym: YM) -> date:
    return date(ym[0], ym[1], calendar.monthrange(*ym)[1])


def _ym(day: date) -> YM:
    return (day.year, day.month)


def _unique_rules(groups: Iterable[Iterable[RuleRef]]) -> tuple[RuleRef, ...]:
    seen: dict[str, RuleRef] = {}
    for group in groups:
        for ref in group:
            seen.setdefault(ref.id, ref)
    return tuple(seen.values())


def _flag_key(flag: Flag) -> tuple:
    return (flag.code, flag.rule_id, flag.assumption, None if (flag.rule_id or flag.assumption) else flag.explanation.message)


def _unique_flags(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    seen: dict[tuple, Flag] = {}
    for flag in flags:
        seen.setdefault(_flag_key(flag), flag)
    return tuple(sorted(seen.values(), key=lambda f: NOTE_ORDER.get(f.code, 9)))


def _notes(month: BenefitMonth | None) -> tuple[Flag, ...]:
    return () if month is None else tuple(f for f in month.flags if f.code in NOTE_CODES)


def _coverage_flags(rules: Iterable[RuleRef], ym: YM) -> list[Flag]:
    """Notes for rules that are past their last published value, or not known, for ``ym``.

    The benefit months flag the rules they use; this covers the rules of wages
    and settlement, which the months do not list. Same sentences as the months'.
    """
    out = []
    for ref in rules:
        if ref.coverage not in ("not_yet_published", "earlier_unknown", "unknown"):
            continue  # published for this month: nothing to say
        values = {"rule": Text(ref.label_nl, ref.label_en), "month": Month(*ym),
                  "since": Month(ref.valid_from.year, ref.valid_from.month)}
        if ref.coverage == "not_yet_published":
            out.append(Flag("not_yet_published", Explanation(
                N_("Not yet published: “{rule}” for {month}. We use the last known value, from {since}."), values, (ref,)), ref.id))
        elif ref.coverage == "earlier_unknown":
            out.append(Flag("earlier_unknown", Explanation(
                N_("Not known: “{rule}” for {month}. We use the first known value, from {since}."), values, (ref,)), ref.id))
        elif ref.coverage == "unknown":
            out.append(Flag("unknown_value", Explanation(
                N_("Not known yet: “{rule}” for {month}. We use the last known value."), values, (ref,)), ref.id))
    return out


def _relevant(notes: Iterable[Flag], rule_ids: set[str], assumptions: frozenset[str], premie: bool = False) -> list[Flag]:
    out = []
    for flag in notes:
        if flag.rule_id is not None and flag.rule_id in rule_ids:
            out.append(flag)
        elif flag.assumption is not None and flag.assumption in assumptions:
            out.append(flag)
        elif premie and flag.code == "historical_scheme":
            out.append(flag)
    return out


def _item_flags(rules: tuple[RuleRef, ...], ym: YM, notes: Iterable[Flag], assumptions: frozenset[str],
                premie: bool = False, extra: Iterable[Flag] = ()) -> tuple[Flag, ...]:
    ids = {r.id for r in rules}
    return _unique_flags([*_relevant(notes, ids, assumptions, premie), *_coverage_flags(rules, ym), *extra])


def _assumption_flag(assumption: str, option: str) -> Flag:
    """A note that an amount rests on a named assumption: its title, and why (or the option chosen)."""
    a = ASSUMPTIONS[assumption]
    if option == a.default:
        more = (Explanation(a.why),)
    else:
        more = (Explanation(N_("In this plan: {option}."), {"option": Msg(a.option(option).text)}),)
    return Flag("assumption", Explanation(N_("Assumption: {title}."), {"title": Msg(a.title)}, more=more), assumption=assumption)


def _part(event: Event) -> Part:
    return Part(event.amount, event.explanation, event.date, event.statement)


def _benefit_month_of(event: Event) -> YM | None:
    return event.month or event.settles


def _is_premie_rule(ref_id: str) -> bool:
    return "premie" in ref_id


# --- the chain's pieces, read once ---------------------------------------------------------------


class _Reader:
    """Index of one result: events by the month they happen in and by the month they settle."""

    def __init__(self, result: Result) -> None:
        self.result = result
        ledger = result.ledger
        self.events_in: dict[YM, list[Event]] = defaultdict(list)
        self.settling: dict[YM, list[Event]] = defaultdict(list)
        for event in result.timeline.events:
            if ledger.start <= event.date <= ledger.end:
                self.events_in[_ym(event.date)].append(event)
                if event.kind in ("withholding", "repayment", "correction_paid") and event.settles is not None:
                    self.settling[event.settles].append(event)
        self.months: dict[YM, BenefitMonth] = {(bm.year, bm.month): bm for bm in result.projection.months}
        self.settlements: dict[YM, MonthSettlement] = {m.month: m for m in result.timeline.months}
        self.settlement_rules = tuple(r for r in result.timeline.used if not r.id.startswith("participatiewet/vakantietoeslag/"))
        self.holiday_rules = tuple(r for r in result.timeline.used if r.id.startswith("participatiewet/vakantietoeslag/"))
        plan = result.projection.plan
        assumptions = result.projection.assumptions
        self.estimate_flags: tuple[Flag, ...] = ()
        if plan.settlement.estimated_income is None and result.timeline.regime != "after_income":
            self.estimate_flags = (_assumption_flag("estimate_method", assumptions["estimate_method"]),)
        self.withholding_flags: tuple[Flag, ...] = ()
        if plan.settlement.withholding_limit is None:
            self.withholding_flags = (_assumption_flag("withholding_limit", assumptions["withholding_limit"]),)
        self.repayment_flags = (_assumption_flag("repayment", assumptions["repayment"]),)

    def bijstand_rules(self, ym: YM) -> tuple[RuleRef, ...]:
        """The rules behind the bijstand of month ``ym`` (its lines, and which month a wage counts in), and the settlement's."""
        bm = self.months.get(ym)
        if bm is None:
            return self.settlement_rules
        lines = [getattr(bm, name).explanation.all_rules() for name in _BIJSTAND_LINES]
        method = tuple(r for r in bm.rules_used if r.id.endswith("/inkomenstoerekening"))
        return _unique_rules([*lines, method, self.settlement_rules])

    def bijstand_flags(self, ym: YM, rules: tuple[RuleRef, ...]) -> list[Flag]:
        return _relevant(_notes(self.months.get(ym)), {r.id for r in rules}, _BIJSTAND_ASSUMPTIONS)

    def settlement_flags(self, events: Iterable[Event]) -> list[Flag]:
        """The assumptions a later correction rests on: the estimate, how much is withheld at once, how it is paid back."""
        out: list[Flag] = list(self.estimate_flags)
        kinds = {e.kind for e in events}
        if "withholding" in kinds:
            out.extend(self.withholding_flags)
        if "repayment" in kinds:
            out.extend(self.repayment_flags)
        return out


# --- money in ------------------------------------------------------------------------------------


def _wages(r: _Reader, ym: YM, amount: Decimal, events: list[Event]) -> SummaryItem:
    rules = _unique_rules(e.explanation.all_rules() for e in events)
    later = [p for p in r.result.projection.payments
             if p.kind == "wage" and p.total_net > ZERO and p.pay_date > _month_end(ym)
             and any((y, m) == ym for y, m, _a in p.earned)]
    hint = None
    if later:
        first = min(later, key=lambda p: p.pay_date)
        hint = Explanation(N_("Hours you work in {month} are paid later: {amount} arrives on {date}."),
                           {"month": Month(*ym), "amount": Money(first.total_net), "date": Day(first.pay_date)})
    if events:
        expl = Explanation(N_("Net wages paid into your account in {month}: {amount}."),
                           {"month": Month(*ym), "amount": Money(amount)}, more=(hint,) if hint else ())
    else:
        expl = Explanation(N_("No wages are paid into your account in {month}."), {"month": Month(*ym)},
                           more=(hint,) if hint else ())
    flags = _item_flags(rules, ym, _notes(r.months.get(ym)), frozenset())
    return SummaryItem("wages", LABELS["wages"], amount, expl, ym, tuple(_part(e) for e in events), rules, flags,
                       events[0].date if events else None, term=TERMS["wages"], hint=hint)


def _bijstand(r: _Reader, ym: YM, amount: Decimal, events: list[Event]) -> SummaryItem:
    months = list(dict.fromkeys(m for m in (_benefit_month_of(e) for e in events) if m is not None)) or [ym]
    rules = _unique_rules([*(e.explanation.all_rules() for e in events), *(r.bijstand_rules(m) for m in months)])
    flags = _unique_flags([f for m in months for f in r.bijstand_flags(m, rules)] + _coverage_flags(rules, ym))
    hint = None
    later = [e for e in r.result.timeline.events if e.kind == "benefit" and e.month == ym and e.date > _month_end(ym)]
    if later:  # paid once the month's income is known
        hint = Explanation(N_("Bijstand for {month} arrives later: {amount} on {date}."),
                           {"month": Month(*ym), "amount": Money(later[0].amount), "date": Day(later[0].date)})
    more = (hint,) if hint is not None else ()
    if events:
        expl = Explanation(N_("Bijstand paid into your account in {month}: {amount}."),
                           {"month": Month(*ym), "amount": Money(amount)}, more=more)
    else:
        expl = Explanation(N_("No bijstand is paid into your account in {month}."), {"month": Month(*ym)}, more=more)
    return SummaryItem("bijstand", LABELS["bijstand"], amount, expl, ym, tuple(_part(e) for e in events), rules, flags,
                       events[0].date if events else None, term=TERMS["bijstand"], hint=hint)


def _premie(r: _Reader, ym: YM, amount: Decimal, events: list[Event]) -> SummaryItem:
    bm = r.months.get(ym)
    covered: list[YM] = [ym]
    if bm is not None and bm.payout is not None:
        covered = list(dict.fromkeys([*((y, m) for y, m, _a in bm.payout.accrued), ym]))
    own = [tuple(x for x in r.months[m].rules_used if _is_premie_rule(x.id)) for m in covered if m in r.months]
    rules = _unique_rules([*(e.explanation.all_rules() for e in events), *own])
    notes = [f for m in covered for f in _notes(r.months.get(m))]
    flags = _item_flags(rules, ym, notes, _PREMIE_ASSUMPTIONS, premie=True)
    hint = None
    if bm is not None and bm.premie_accrued.amount > ZERO and bm.premie_payout_month is not None and bm.premie_payout_month != ym:
        hint = Explanation(N_("The premie you build up in {month} ({amount}) is paid in {payout}."),
                           {"month": Month(*ym), "amount": Money(bm.premie_accrued.amount), "payout": Month(*bm.premie_payout_month)})
    more: tuple[Explanation, ...] = ()
    if hint is not None and bm is not None:
        more = (hint, bm.premie_accrued.explanation)
    if events:
        expl = Explanation(N_("Bijverdienpremie paid into your account in {month}: {amount}."),
                           {"month": Month(*ym), "amount": Money(amount)}, more=more)
    else:
        expl = Explanation(N_("No bijverdienpremie is paid out in {month}."), {"month": Month(*ym)}, more=more)
    return SummaryItem("premie", LABELS["premie"], amount, expl, ym, tuple(_part(e) for e in events), rules, flags,
                       events[0].date if events else None, term=TERMS["premie"], hint=hint)


def _holiday_pay(r: _Reader, ym: YM, amount: Decimal, events: list[Event]) -> SummaryItem:
    rules = _unique_rules([*(e.explanation.all_rules() for e in events),
                           r.holiday_rules if any(e.kind == "vakantietoeslag" for e in events) else ()])
    flags = _item_flags(rules, ym, _notes(r.months.get(ym)), _HOLIDAY_ASSUMPTIONS if events else frozenset())
    if events:
        expl = Explanation(N_("Holiday pay paid into your account in {month}: {amount}."), {"month": Month(*ym), "amount": Money(amount)})
    else:
        expl = Explanation(N_("No holiday pay is paid out in {month}."), {"month": Month(*ym)})
    kinds = {e.kind for e in events}
    term = "vakantietoeslag" if kinds == {"vakantietoeslag"} else "vakantiegeld"
    return SummaryItem("holiday_pay", LABELS["holiday_pay"], amount, expl, ym, tuple(_part(e) for e in events), rules, flags,
                       events[0].date if events else None, term=term)


def _money_in(r: _Reader, ym: YM, sources: MonthSources, taken_now: Decimal) -> tuple[SummaryItem, ...]:
    by_source: dict[str, list[Event]] = defaultdict(list)
    for event in r.events_in.get(ym, ()):
        if event.kind not in _TAKEN:
            by_source[SOURCE_OF_KIND[event.kind]].append(event)
    return (
        _wages(r, ym, sources.wages, by_source["wages"]),
        # The chart's bijstand is net of what was withheld or paid back; the card shows that apart.
        _bijstand(r, ym, sources.bijstand - taken_now, by_source["bijstand"]),
        _premie(r, ym, sources.premie, by_source["premie"]),
        _holiday_pay(r, ym, sources.holiday_pay, by_source["holiday_pay"]),
    )


def _total_in(ym: YM, items: tuple[SummaryItem, ...]) -> SummaryItem:
    amount = sum((i.amount for i in items), ZERO)
    expl = Explanation(
        N_("Money paid into your account in {month}: {amount}. This is your net wages, bijstand, premie and holiday pay together."),
        {"month": Month(*ym), "amount": Money(amount)})
    parts = tuple(Part(i.amount, i.explanation, i.when) for i in items if i.amount != ZERO)
    # The notes stay with the parts they concern; the total itself adds none.
    return SummaryItem("total_in", LABELS["total_in"], amount, expl, ym, parts, _unique_rules(i.rules for i in items))


# --- taken back ----------------------------------------------------------------------------------


def _taken_back_now(r: _Reader, ym: YM) -> SummaryItem | None:
    events = [e for e in r.events_in.get(ym, ()) if e.kind in _TAKEN]
    if not events:
        return None
    amount = sum((e.amount for e in events), ZERO)
    expl = Explanation(N_("In {month}, {amount} is taken back for earlier months: withheld from your bijstand or paid back."),
                       {"month": Month(*ym), "amount": Money(-amount)})
    settled = list(dict.fromkeys(e.settles for e in events if e.settles is not None))
    rules = _unique_rules([r.settlement_rules, *(r.bijstand_rules(m) for m in settled)])
    flags = _unique_flags([*(f for m in settled for f in r.bijstand_flags(m, rules)), *r.settlement_flags(events),
                           *_coverage_flags(r.settlement_rules, ym)])
    kinds = {e.kind for e in events}
    term = "terugvordering" if kinds == {"repayment"} else TERMS["taken_back_now"]
    return SummaryItem("taken_back_now", LABELS["taken_back_now"], amount, expl, ym, tuple(_part(e) for e in events),
                       rules, flags, events[0].date, term=term)


def _why_corrected(r: _Reader, ym: YM) -> Explanation | None:
    """For month ``ym``: what the municipality paid on the estimate, and what is due on the real income."""
    ms = r.settlements.get(ym)
    bm = r.months.get(ym)
    if ms is None or bm is None or r.result.timeline.regime == "after_income":
        return None
    return Explanation(
        N_("For {month}, the municipality paid {advance} on an estimated income of {estimate}. "
           "With your actual income of {income}, the bijstand for {month} is {final}."),
        {"month": Month(*ym), "advance": Money(ms.advance), "estimate": Money(ms.estimated_income),
         "income": Money(bm.income_from_work.amount), "final": Money(ms.final)})


def _settled_later(r: _Reader, ym: YM) -> tuple[SummaryItem, ...]:
    why = _why_corrected(r, ym)
    more = (why,) if why is not None else ()
    rules = r.bijstand_rules(ym)
    base_flags = r.bijstand_flags(ym, rules)
    out: list[SummaryItem] = []
    for event in sorted(r.settling.get(ym, ()), key=lambda e: e.key):
        values = {"date": Day(event.date), "amount": Money(abs(event.amount)), "month": Month(*ym)}
        if event.kind == "withholding":
            message = N_("On {date}, {amount} is taken from your bijstand payment, because you got too much bijstand for {month}.")
            key: ItemKey = "taken_back_later"
        elif event.kind == "repayment":
            message = N_("On {date}, you must pay back {amount} of the bijstand for {month} (terugvordering).")
            key = "taken_back_later"
        else:
            message = N_("On {date}, you get {amount} extra bijstand for {month} (nabetaling).")
            key = "paid_later"
        flags = _unique_flags([*base_flags, *r.settlement_flags([event]), *_coverage_flags(r.settlement_rules, ym)])
        out.append(SummaryItem(key, LABELS[event.kind], event.amount, Explanation(message, values, more=more), ym,
                               (_part(event),), rules, flags, event.date, event.kind, TERMS[event.kind]))
    for pending in r.result.timeline.pending:
        if pending.settles != ym or pending.amount == ZERO:
            continue
        label = "pending_out" if pending.amount < ZERO else "pending_in"
        message = (N_("After the last month of the plan, {amount} for {month} is still to be taken back.") if pending.amount < ZERO
                   else N_("After the last month of the plan, you still get {amount} for {month}."))
        flags = _unique_flags([*base_flags, *r.estimate_flags])
        out.append(SummaryItem("pending", LABELS[label], pending.amount,
                               Explanation(message, {"amount": Money(abs(pending.amount)), "month": Month(*ym)}, more=more),
                               ym, (), rules, flags, None, None, TERMS[label]))
    return tuple(out)


# --- balance and advice --------------------------------------------------------------------------


def _lowest_balance(r: _Reader, ym: YM) -> tuple[SummaryItem, bool]:
    ledger = r.result.ledger
    lm = next(m for m in ledger.months if m.month == ym)
    day = lm.lowest_on
    before = ledger.starting_balance if day == ledger.start else ledger.balance_on(day - timedelta(days=1))
    outs = [e for e in r.events_in.get(ym, ()) if e.date == day and e.amount < ZERO]
    below = lm.lowest_balance < ledger.buffer or lm.lowest_balance < ZERO
    more: list[Explanation] = []
    if lm.lowest_balance < ZERO:
        more.append(Explanation(N_("Your account would be {amount} short then."), {"amount": Money(-lm.lowest_balance)}))
    if ledger.buffer > ZERO and lm.lowest_balance < ledger.buffer:
        more.append(Explanation(N_("That is below the safety buffer of {buffer} you want to keep."), {"buffer": Money(ledger.buffer)}))
    if lm.days_below_buffer:
        singular, plural = NP_("On {count} day in {month} the balance ends below your safety buffer.",
                               "On {count} days in {month} the balance ends below your safety buffer.")
        more.append(Explanation(singular, {"count": lm.days_below_buffer, "month": Month(*ym)}, plural=plural, count="count"))
    expl = Explanation(N_("The lowest your balance gets in {month} is {amount}, on {date}."),
                       {"month": Month(*ym), "amount": Money(lm.lowest_balance), "date": Day(day)}, more=tuple(more))
    if day == ledger.start:
        first = Part(before, Explanation(N_("Balance at the start of the plan: {amount}."), {"amount": Money(before)}), day)
    else:
        first = Part(before, Explanation(N_("Balance at the end of {date}: {amount}."),
                                         {"date": Day(day - timedelta(days=1)), "amount": Money(before)}), day - timedelta(days=1))
    parts = (first, *(_part(e) for e in outs))
    return SummaryItem("lowest_balance", LABELS["lowest_balance"], lm.lowest_balance, expl, ym, parts, when=day), below


def _set_aside(r: _Reader, ym: YM) -> SummaryItem:
    ledger = r.result.ledger
    lm = next(m for m in ledger.months if m.month == ym)
    advice = sorted((a for a in ledger.advice if _ym(a.from_date) == ym), key=lambda a: (a.from_date, a.for_date))
    if advice and all(a.kind == "deduction" for a in advice):
        expl = Explanation(
            N_("Set aside {amount} from the wages you get in {month}. Then the money that is taken back later is already there."),
            {"amount": Money(lm.set_aside), "month": Month(*ym)})
    elif advice:
        expl = Explanation(
            N_("Set aside {amount} in {month}. Then the money that is taken back later, and the costs that come "
               "before your money, are covered."),
            {"amount": Money(lm.set_aside), "month": Month(*ym)})
    else:
        expl = Explanation(
            N_("Nothing to set aside in {month}: nothing that is taken back later in the plan needs money from this month."),
            {"month": Month(*ym)})
    parts = tuple(Part(a.amount, a.explanation, a.from_date) for a in advice)
    events = [e for e in r.result.timeline.events if e.kind in _TAKEN and any(a.for_date == e.date and a.settles == e.settles for a in advice)]
    flags = _unique_flags(r.settlement_flags(events)) if advice else ()
    rules = r.settlement_rules if advice else ()
    short = next((a for a in advice if a.kind == "shortfall"), None)
    hint = (Explanation(N_("Keep it from now on: on {date} your balance would drop too low."), {"date": Day(short.for_date)})
            if short is not None else None)
    return SummaryItem("set_aside", LABELS["set_aside"], lm.set_aside, expl, ym, parts, rules, flags,
                       advice[0].from_date if advice else None, hint=hint)


# --- the cards -----------------------------------------------------------------------------------


def month_cards(result: Result) -> tuple[MonthCard, ...]:
    """One card per month of the plan (see the module's docstring)."""
    r = _Reader(result)
    cards = []
    for sources, lm in zip(monthly_sources(result), result.ledger.months, strict=True):
        ym = lm.month
        now = _taken_back_now(r, ym)
        money_in = _money_in(r, ym, sources, now.amount if now is not None else ZERO)
        total = _total_in(ym, money_in)
        later = _settled_later(r, ym)
        lowest, below = _lowest_balance(r, ym)
        set_aside = _set_aside(r, ym)
        items = (*money_in, *((now,) if now else ()), *later, lowest, set_aside)
        notes = _unique_flags([*_notes(r.months.get(ym)), *(f for i in items for f in i.flags)])
        cards.append(MonthCard(
            month=ym,
            money_in=money_in,
            total_in=total,
            settled_later=later,
            taken_back_now=now,
            lowest_balance=lowest,
            set_aside=set_aside,
            notes=notes,
            not_yet_published=any(f.code == "not_yet_published" for f in notes),
            buffer=result.ledger.buffer,
            below_buffer=below,
            days_below_buffer=lm.days_below_buffer,
            start_balance=lm.start_balance,
            end_balance=lm.end_balance,
        ))
    return tuple(cards)


__all__ = [
    "LABELS",
    "NOTE_CODES",
    "NOTE_ORDER",
    "TERMS",
    "ItemKey",
    "MonthCard",
    "Part",
    "SummaryItem",
    "month_cards",
]
