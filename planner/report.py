"""The summary for a consultation: what a claimant takes home, and what a klantmanager checks.

:func:`build_report` turns computed results (:class:`planner.overview.Overview`,
and the range over fewer / more shifts when it is known) into a
:class:`Report`: a title, a few short sections of sentences, lists and
tables, all in the current language. It computes nothing new; every amount in
it is an amount of the month cards (``planner.summary``), so the printout and
the screen always agree. The window (``ui.report``) lays it out as a PDF or
prints it.

What is in it, top to bottom:

1. what this is (a plan, not a decision of the municipality) and when it was made;
2. in short: money in, what may be taken back and the range over fewer / more
   shifts, the lowest balance, what to set aside;
3. month by month: a table with the amounts of each month card; an amount that
   rests on a value not yet published, not confirmed or on an assumption is
   marked with an asterisk;
4. what happens later: each correction with its date, as the cards say it;
4a. the chances over many possible futures (when the window has worked them out, or the caller passes them):
   the plain sentences of :class:`planner.risk.RiskSummary` and a small table of the months in which a letter is
   possible (how likely, its usual size, the range of 8 in 10) — the same summary the Chances tab shows;
5. the work: each job, its wage and the planned hours by how sure they are;
6. notes: every note once, with the months it applies to (as the window's banner);
7. rules and sources: every rule behind the amounts, its article, since when,
   how sure we are of it, and where it was read.

No birth dates and no fixed costs are printed: the summary shows what is
needed to talk about work and income, nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from planner.explain import RuleRef, render
from babel.dates import format_date

from planner.i18n import (
    N_,
    Language,
    _,
    babel_locale,
    format_day,
    format_money,
    format_month,
    format_number,
    format_signed_money,
    get_language,
    ngettext,
    use_language,
)
from planner.model import Plan
from planner.notes import collect_notes, months_text
from planner.overview import Overview
from planner.results import chance_words, label
from planner.benefit import MUNICIPALITY_NAMES
from planner.scenarios import CERTAINTY_NAMES, Bounds
from planner.summary import MonthCard, SummaryItem

if TYPE_CHECKING:
    from planner.explain import Explanation
    from planner.risk import RiskSummary

MARK = "*"
"""Put after an amount that rests on a value not yet published, not confirmed, or on an assumption."""


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    """Per column: amounts, aligned right."""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    table: Table | None = None
    new_page: bool = False
    """Start this section on a new page when printed (the sources: a last page of their own)."""
    after: tuple[str, ...] = ()
    """Lines after the table (the numbered list of sources)."""


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    subtitle: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def text(self) -> str:
        """The whole summary as plain text (for tests, and for a screen reader that reads the preview)."""
        lines = [self.title, self.subtitle, ""]
        for section in self.sections:
            lines += [section.title, *section.paragraphs, *(f"• {b}" for b in section.bullets)]
            if section.table is not None:
                lines.append(" | ".join(section.table.headers))
                lines += [" | ".join(row) for row in section.table.rows]
            lines += section.after
            lines.append("")
        return "\n".join(lines)


STATUS_NAMES = {
    "verified": N_("confirmed in the official text"),
    "copy": N_("read in a copy of the law text"),
    "secondary": N_("read on another website, not in the official text"),
    "derived": N_("computed from published values"),
    "unverified": N_("not confirmed"),
    "unknown": N_("not known"),
}

COMPOSITIONS = {
    "single": N_("you live alone (no partner)"),
    "single_parent": N_("single parent"),
    "couple": N_("you and your partner"),
}


def plan_name(plan: Plan, fallback: str = "") -> str:
    return plan.name.strip() or fallback


def build_report(overview: Overview, bounds: Bounds | None, *, made_on: date, name: str = "",
                 lang: Language | None = None, chances: RiskSummary | None = None,
                 chances_problem: Explanation | None = None) -> Report:
    """The consultation summary of ``overview`` in ``lang`` (default: the current language).

    ``bounds`` (the range over fewer / more shifts) may be ``None`` when it is
    not known; the summary then says so. ``name`` is shown when the plan has
    no name of its own (the window passes the file's name). ``chances`` is the
    risk simulation of the same plan (the one on screen); without it, and
    without ``chances_problem`` (why it cannot be worked out), the summary has
    no chances section.
    """
    if lang is not None:
        with use_language(lang):
            return build_report(overview, bounds, made_on=made_on, name=name, chances=chances,
                                chances_problem=chances_problem)
    if not overview.computed or overview.result is None:
        raise ValueError("the plan has no results to summarise (it has errors)")
    plan = overview.plan
    cards = overview.cards
    months = plan.month_list()
    period = _("{first} to {last}").format(first=format_month(*months[0]), last=format_month(*months[-1]))
    title = _("Plan for extra work: summary for the consultation")
    subtitle = " · ".join(p for p in (plan_name(plan, name), period, _("made on {date}").format(date=format_day(made_on))) if p)
    sections = (
        _in_short(cards, bounds, made_on),
        _month_table(cards),
        _later(cards),
        _chances(chances, chances_problem),
        _work(plan),
        _notes(overview),
        _rules(cards),
    )
    return Report(title, subtitle, tuple(s for s in sections if s is not None))


SMALL = Decimal(1)
"""Corrections and advice below one euro are rounding noise for a person: the summary's short list leaves them
out of its list of months (they stay in the month table)."""


def _listed(amounts: list[tuple[tuple[int, int], Decimal]]) -> str:
    """ "€ 50,46 in February 2027, ...": each amount of at least 1 euro with its month; the smaller ones (rounding
    cents) together at the end, so the parts still add up to the total said before them. "" when all are small."""
    parts = [_("{amount} in {month}").format(amount=format_money(a), month=format_month(*m)) for m, a in amounts if a >= SMALL]
    small = sum((a for _m, a in amounts if a < SMALL), Decimal(0))
    if parts and small > 0:
        parts.append(_("{amount} in other months (less than 1 euro each)").format(amount=format_money(small)))
    return ", ".join(parts)


def _in_short(cards: tuple[MonthCard, ...], bounds: Bounds | None, made_on: date) -> Section:
    """The answer first: what is taken back and when, what to set aside and when, how low the balance gets."""
    bullets = []
    uncertain = any(i.flags for c in cards for i in c.items())
    taken = [(c, -c.taken_back_now.amount) for c in cards if c.taken_back_now is not None and -c.taken_back_now.amount > 0]
    if taken:
        total = sum((a for _c, a in taken), Decimal(0))
        listed = _listed([(c.month, a) for c, a in taken])
        bullets.append(_("Taken back within the plan, as planned: {amount} in all ({months}).").format(
            amount=format_money(total), months=listed or _("each less than 1 euro")))
    else:
        bullets.append(_("Nothing is taken back within the plan, if your hours go as planned."))
    if bounds is not None:
        r = bounds.repayment
        if r.high <= 0:
            bullets.append(_("Also with only the sure shifts, or with every extra shift, nothing is taken back within the plan."))
        else:
            bullets.append(_("Depending on how many of your shifts happen, {low} to {high} may be taken back within the plan.")
                           .format(low=format_money(r.low), high=format_money(r.high)))
    else:
        bullets.append(_("The range over fewer and more shifts was not computed yet when this summary was made."))
    aside = [c for c in cards if c.set_aside.amount > 0]
    if aside:
        total = sum((c.set_aside.amount for c in aside), Decimal(0))
        per = _listed([(c.month, c.set_aside.amount) for c in aside])
        bullets.append(_("Set aside {total} in all: {months}. Then a later deduction is no shock.").format(
            total=format_money(total), months=per or _("each less than 1 euro")))
    else:
        bullets.append(_("Nothing needs to be set aside, if your hours go as planned."))
    lowest = min(cards, key=lambda c: c.lowest_balance.amount)
    item = lowest.lowest_balance
    if item.when is not None:
        bullets.append(_("Your lowest balance: {amount} on {date}.").format(amount=format_signed_money(item.amount), date=format_day(item.when)))
    below = [c for c in cards if c.below_buffer]
    if below:
        bullets.append(ngettext(
            "In {count} month your balance goes below your safety buffer of {buffer} or below zero: {months}.",
            "In {count} months your balance goes below your safety buffer of {buffer} or below zero: {months}.",
            len(below),
        ).format(count=len(below), buffer=format_money(below[0].buffer), months=", ".join(format_month(*c.month) for c in below)))
    paragraphs = [
        _("This is a plan made with Bijverdienplanner, not a decision of the municipality: estimates with the rules "
          "known on {date}. An amount with {mark} rests on a value that is not yet published or not confirmed, or "
          "on an assumption; the notes say which.").format(date=format_day(made_on), mark=MARK),
    ]
    if uncertain:
        paragraphs.append(_("The amounts in this list add up amounts marked {mark} in the month table, so they are not "
                            "certain either.").format(mark=MARK))
    return Section(_("In short"), paragraphs=tuple(paragraphs), bullets=tuple(bullets))


def _cell(item: SummaryItem | None, *, signed: bool = False, resting: bool = False) -> str:
    """The amount, marked when it or what it ``rests`` on has a note."""
    if item is None:
        return "–"
    text = format_signed_money(item.amount) if signed else format_money(item.amount)
    return text + MARK if item.flags or resting else text


def _month_table(cards: tuple[MonthCard, ...]) -> Section:
    headers = (_("Month"), *(_(label(key)) for key in (
        "wages", "bijstand", "premie", "holiday_pay", "total_in", "taken_back_now", "taken_back_later", "lowest_balance",
        "set_aside")))
    rows = []
    noted = False  # a balance carries every earlier month with it, and their notes
    for card in cards:
        noted = noted or bool(card.notes)
        money = {i.key: i for i in card.money_in}
        later = card.taken_back_later
        later_text = "–"
        if later:
            amount = sum((i.amount for i in later), Decimal(0))
            when = later[0].when
            later_text = format_signed_money(amount) + (MARK if any(i.flags for i in later) else "")
            if when is not None:
                later_text = _("{amount} on {date}").format(amount=later_text, date=format_day(when))
        rows.append((
            format_month(*card.month),
            _cell(money.get("wages")),
            _cell(money.get("bijstand")),
            _cell(money.get("premie")),
            _cell(money.get("holiday_pay")),
            _cell(card.total_in, resting=any(i.flags for i in card.money_in)),  # as sure as its parts
            _cell(card.taken_back_now, signed=True),
            later_text,
            _cell(card.lowest_balance, signed=True, resting=noted),
            _cell(card.set_aside, resting=noted),
        ))
    table = Table(headers, tuple(rows), (False, *([True] * (len(headers) - 1))),
                  caption=_("Money in is what lands on your account in that month. Taken back: withheld from your "
                            "bijstand or paid back."))
    return Section(_("Month by month"), table=table)


def _later(cards: tuple[MonthCard, ...]) -> Section:
    """Every later correction, one row each: when, for which month, what, how much (the app explains each)."""
    rows = []
    for card in cards:
        for item in card.settled_later:
            rows.append((format_day(item.when) if item.when is not None else _("after the plan"), format_month(*card.month),
                         _(item.label), format_signed_money(item.amount) + (MARK if item.flags else "")))
    if not rows:
        return Section(_("What happens later"), paragraphs=(
            _("If your hours go as planned, the municipality does not correct any month of this plan later."),))
    return Section(_("What happens later"), paragraphs=(
        _("The municipality pays bijstand on an estimate of your income and corrects it once your payslip is known. "
          "These corrections follow from your plan:"),),
        table=Table((_("When"), _("For the month"), _("What"), _("Amount")), tuple(rows), (False, False, False, True)))


def _chances(summary: RiskSummary | None, problem: Explanation | None) -> Section | None:
    """The chances over many possible futures, short: the whole plan in words (one paragraph), then one small
    table with a column per month in which a letter is possible (how likely, its usual size, 8 in 10 between)."""
    title = _("Chances over many possible futures")
    lang = get_language()
    if summary is None:
        if problem is None:
            return None
        return Section(title, paragraphs=(_("The chances of this plan cannot be worked out: {reason}").format(
            reason=render(problem, lang)),))
    per_month = [m.text for m in summary.months if m.text is not None]
    # The months are in the table; the last text points at the assumptions on the screen, which are not printed.
    paragraph = " ".join([*(render(t, lang) for t in summary.texts[:-1] if not any(t is m for m in per_month)),
                          _("These chances come from {samples} possible futures of your plan, each with other shifts "
                            "worked, as sure as the plan says. They are not a promise.").format(
                              samples=format_number(Decimal(summary.samples)))])
    months = [m for m in summary.months if m.letter_size is not None]
    if not months:
        return Section(title, paragraphs=(paragraph,))
    headers = ("", *(format_date(date(*m.month, 1), "LLL y", locale=babel_locale()) for m in months))
    rows = (
        (_(label("letter_chance")), *(chance_words(m.letter_chance) for m in months)),
        (_(label("letter_median")), *(format_money(m.letter_size.median) for m in months)),
        (_(label("letter_low")), *(format_money(m.letter_size.low) for m in months)),
        (_(label("letter_high")), *(format_money(m.letter_size.high) for m in months)),
    )
    table = Table(headers, rows, (False, *([True] * len(months))),
                  caption=_("A letter: money withheld from your bijstand or reclaimed on that month's pay day. "
                            "Only the months in which it can happen."))
    return Section(title, paragraphs=(paragraph,), table=table)


def _work(plan: Plan) -> Section:
    hours: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for shift in plan.shifts:
        hours[shift.job][shift.certainty] += shift.hours
    rows = []
    for number, job in enumerate(plan.jobs, start=1):
        name = job.name or _("Job {number}").format(number=number)
        if job.wage_unit == "month":
            wage = _("{amount} a month").format(amount=format_money(job.wage))
        else:
            wage = _("{amount} an hour").format(amount=format_money(job.wage))
        basis = _("net") if job.wage_basis == "net" else _("gross")
        planned = ", ".join(
            _("{name}: {hours} hours").format(name=_(CERTAINTY_NAMES[c]), hours=format_number(h))
            for c in ("sure", "likely", "maybe", "extra") if (h := hours[job.id].get(c, Decimal(0))) > 0
        ) or "–"
        rows.append((name, f"{wage} ({basis})", planned))
    household = plan.household
    paragraphs = (
        _("Household: {composition}. Municipality: {municipality}.").format(
            composition=_(COMPOSITIONS.get(household.composition, household.composition)),
            municipality=_(MUNICIPALITY_NAMES.get(household.municipality, household.municipality))),
    )
    if not rows:
        return Section(_("Your work"), paragraphs=(*paragraphs, _("There is no work in this plan.")))
    return Section(_("Your work"), paragraphs=paragraphs,
                   table=Table((_("Job"), _("Wage"), _("Planned hours by how sure they are")), tuple(rows), (False, False, False)))


def _notes(overview: Overview) -> Section | None:
    assert overview.result is not None
    lang = get_language()
    months = len(overview.plan.month_list())
    bullets = []
    for note in collect_notes(overview.result.projection, overview.warnings, overview.cards):  # as the banner and the CLI
        text = render(note.explanation, lang)
        if note.months and months > 1:
            text = f"{text} {months_text(note.months, months)}"
        bullets.append(text)
    if not bullets:
        return None
    return Section(_("Notes"), bullets=tuple(bullets))


_STATUS_ORDER = {"verified": 0, "derived": 1, "copy": 2, "secondary": 3, "unverified": 4, "unknown": 5}
"""Sources: the official texts first."""


def _rules(cards: tuple[MonthCard, ...]) -> Section:
    """Every rule behind the amounts, official sources first, on a page of its own; each source once, numbered."""
    lang = get_language()
    seen: dict[tuple[str, date], RuleRef] = {}
    for card in cards:
        for item in card.items():
            for ref in item.rules:
                seen.setdefault((ref.id, ref.valid_from), ref)
    numbers: dict[str, int] = {}
    sources: list[str] = []
    rows = []
    for ref in sorted(seen.values(), key=lambda r: (_STATUS_ORDER.get(r.status, 9), r.label(lang).casefold(), r.valid_from)):
        cited = []
        for source in ref.references:
            if source.url not in numbers:
                numbers[source.url] = len(sources) + 1
                sources.append(f"[{numbers[source.url]}] {source.title} ({source.url})")
            cited.append(f"[{numbers[source.url]}]")
        rows.append(_("{rule}: from {date}, {how_sure} {sources}").format(
            rule=ref.label(lang), date=format_day(ref.valid_from),
            how_sure=_(STATUS_NAMES.get(ref.status, ref.status)), sources="".join(dict.fromkeys(cited))))
    return Section(_("Rules and sources"), paragraphs=(
        _("The rules behind the amounts above: the value used from the date shown, how sure it is, and where it was "
          "read (the numbers of the sources below). The official texts first."),),
        bullets=tuple(rows), new_page=True, after=(_("Sources:"), *sources))
