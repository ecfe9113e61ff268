"""The figures a user sees, each defined, named and labelled once.

Every view (month cards, months table, explanation panel, charts' tables,
compare, the printed summary, the CLI) takes the label of a figure from here,
so two screens never show different numbers under the same words. Two kinds of
month figure exist and their names keep them apart:

- **received** (cash): what lands in (or leaves) the account in a calendar
  month, on its day: the month cards, the printed summary, the bank account;
- **for the month** (the benefit month): what the municipality works out for a
  month on its actual income, whenever it is paid: the months table.

The definitions are plain sentences for tooltips, the guide and screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from planner.i18n import N_, _, format_money

if TYPE_CHECKING:
    from planner.scenarios import Result


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    """``N_``-marked label: the same words in every view."""
    definition: str
    """``N_``-marked sentence: what the figure is."""


FIGURES: dict[str, Figure] = {
    # Cash: what lands in your account in the month.
    "wages": Figure(N_("Net wages received"), N_("Your net wage that lands in your account in this month.")),
    "bijstand": Figure(N_("Bijstand received"), N_(
        "The bijstand the municipality pays into your account in this month, on its pay day. It is paid on an "
        "estimate of your income; a later correction shows separately.")),
    "premie": Figure(N_("Bijverdienpremie"), N_("The bijverdienpremie paid into your account in this month.")),
    "holiday_pay": Figure(N_("Holiday pay"), N_(
        "Holiday pay in this month: from your employer, and the holiday allowance the municipality saved for you.")),
    "total_in": Figure(N_("Total money in"), N_("All money that lands in your account in this month.")),
    "taken_back_now": Figure(N_("Taken back this month"), N_(
        "Money withheld from your bijstand or paid back to the municipality in this month.")),
    "taken_back_later": Figure(N_("Taken back later for this month"), N_(
        "Money that is taken back later because of this month's income.")),
    "lowest_balance": Figure(N_("Lowest balance"), N_("The lowest amount in your account during the month.")),
    "set_aside": Figure(N_("Set aside this month"), N_(
        "What to put aside from this month's money, so a later deduction is no shock.")),
    "set_aside_total": Figure(N_("Set aside in all"), N_("Everything the plan says to set aside, added up.")),
    "taken_back_total": Figure(N_("Taken back later in all"), N_(
        "Everything that is withheld from your bijstand or paid back later within the plan, added up.")),
    "kept": Figure(N_("You keep"), N_("Money in minus what is taken back, after every correction.")),
    "work_gain": Figure(N_("This work brings you"), N_(
        "What you keep over the plan with your work as planned, minus what you would keep with no work at all: "
        "after the bijstand that goes down, and after everything taken back, also later.")),
    # The benefit month: what the municipality works out for the month.
    "norm": Figure(N_("Norm"), N_("The bijstand norm: the amount you would get without any income.")),
    "income_from_work": Figure(N_("Wage for the month"), N_(
        "Your net wage that counts for this month (the month you worked), whenever it is paid.")),
    "vrijlating_total": Figure(N_("Vrijlating"), N_("The part of your wage you may keep (inkomstenvrijlating).")),
    "income_counted": Figure(N_("Counted"), N_("The income the municipality counts: your wage minus the vrijlating.")),
    "vakantieaanspraak": Figure(N_("Holiday pay built up at work"), N_(
        "The holiday pay you build up at work in this month; your employer pays it later.")),
    "bijstand_for_month": Figure(N_("Bijstand for the month"), N_(
        "Your bijstand for this month: the norm minus the counted income and the holiday pay you build up at work. "
        "It includes the holiday allowance that is saved.")),
    "vakantietoeslag_reserved": Figure(N_("Holiday allowance saved"), N_(
        "The part of your bijstand the municipality saves and pays once a year as holiday allowance.")),
    "bijstand_paid_monthly": Figure(N_("Paid for the month"), N_(
        "The bijstand paid for this month once your income is known: the bijstand for the month minus the "
        "holiday allowance saved.")),
    "premie_accrued": Figure(N_("Premie built up"), N_("The bijverdienpremie you build up in this month.")),
    "premie_paid": Figure(N_("Premie paid out"), N_("The bijverdienpremie paid out in this month.")),
    # Chances over many possible futures of the plan (planner.risk): never one of the plan's own amounts above.
    "letter_chance": Figure(N_("Chance of a letter"), N_(
        "In how many of the possible futures money is withheld or reclaimed on this month's pay day.")),
    "letter_median": Figure(N_("Usual size of a letter"), N_(
        "The middle amount withheld or reclaimed, in the futures where it happens: half are smaller, half larger.")),
    "letter_low": Figure(N_("Small letter (1 in 10 smaller)"), N_(
        "8 in 10 letters are between the small and the large amount; 1 in 10 is smaller.")),
    "letter_high": Figure(N_("Large letter (1 in 10 larger)"), N_(
        "8 in 10 letters are between the small and the large amount; 1 in 10 is larger.")),
    "balance_median": Figure(N_("Balance in the middle future"), N_(
        "Half of the possible futures have a higher balance on this day, half a lower one.")),
    "balance_low": Figure(N_("Low balance (1 in 10 futures lower)"), N_(
        "8 in 10 futures have a balance between the low and the high amount on this day; 1 in 10 is lower.")),
    "balance_high": Figure(N_("High balance (1 in 10 futures higher)"), N_(
        "8 in 10 futures have a balance between the low and the high amount on this day; 1 in 10 is higher.")),
    "below_buffer_chance": Figure(N_("Chance of dropping below your safety buffer"), N_(
        "In how many of the possible futures your balance drops below your safety buffer.")),
    "risk_set_aside": Figure(N_("Keep aside against setbacks"), N_(
        "What to keep aside so that the chance that your balance drops below your safety buffer stays under the "
        "level you chose, over many possible futures. It is not “Set aside in all”: that is for the plan exactly "
        "as planned.")),
    # Two plans (or a plan with and without some shifts) over the same possible futures (planner.risk_compare):
    # for all the months compared together, never the figure of one month above.
    "range_kept_median": Figure(N_("You keep, middle future"), N_(
        "What you keep in all the months compared, after everything that is taken back, in the middle future: "
        "half of the futures give more, half less.")),
    "range_kept_range": Figure(N_("You keep, 8 in 10 futures"), N_(
        "In 8 of 10 possible futures you keep an amount between these two. 1 in 10 gives less, 1 in 10 more.")),
    "range_end_median": Figure(N_("Left at the end, middle future"), N_(
        "All money in minus all money out over the plan, and what is still settled after it, in the middle "
        "future: half of the futures give more, half less.")),
    "range_end_range": Figure(N_("Left at the end, 8 in 10 futures"), N_(
        "In 8 of 10 possible futures what is left at the end is between these two. 1 in 10 gives less, 1 in 10 "
        "more.")),
    "range_letter_chance": Figure(N_("Chance of any letter"), N_(
        "In how many of the possible futures money is withheld or reclaimed at least once in these months.")),
    "range_letters_median": Figure(N_("All letters together, usually"), N_(
        "In the futures with a letter: all that is withheld or reclaimed in these months together, the middle "
        "amount. Half are smaller, half larger.")),
    "range_letters_range": Figure(N_("All letters together, 8 in 10 futures"), N_(
        "In 8 of 10 futures with a letter, all that is withheld or reclaimed together is between these two "
        "amounts.")),
}

BENEFIT_MONTH_FIELDS: dict[str, str] = {"bijstand": "bijstand_for_month"}
"""A :class:`planner.benefit.BenefitMonth` field whose figure key differs from the field's name."""


@dataclass(frozen=True, slots=True)
class Headline:
    """The answer for a whole plan, as planned: what is taken back later and from when, and what to set aside."""

    taken_back: Decimal
    """``taken_back_total``: withheld plus paid back within the plan (positive), as the range over fewer/more shifts counts it."""
    first_taken: date | None
    """The first day something is taken back within the plan (``None``: nothing is)."""
    set_aside: Decimal
    """``set_aside_total``: the ledger's one set-aside figure (:attr:`planner.cashflow.Ledger.set_aside`)."""


def headline(result: Result) -> Headline:
    """The plan's :class:`Headline`, read from its settlement timeline and ledger (nothing is computed anew)."""
    ledger = result.ledger
    days = [e.date for e in result.timeline.events
            if e.kind in ("withholding", "repayment") and e.amount != 0 and ledger.start <= e.date <= ledger.end]
    return Headline(result.repaid_or_withheld, min(days) if days else None, ledger.set_aside)


def work_gain_sentence(gain: Decimal) -> str:
    """``work_gain`` in one sentence, in the current language: the window's headline and the CLI table say it so."""
    if gain >= 0:
        return _("{label}: {amount} more in all than with no work, after everything taken back (also later).").format(
            label=_(FIGURES["work_gain"].label), amount=format_money(gain))
    return _("With this work you keep {amount} less in all than with no work, after everything taken back (also "
             "later).").format(amount=format_money(-gain))


def label(key: str) -> str:
    """The ``N_``-marked label of figure ``key``."""
    return FIGURES[key].label


def benefit_label(field: str) -> str:
    """The ``N_``-marked label of a :class:`planner.benefit.BenefitMonth` line."""
    return FIGURES[BENEFIT_MONTH_FIELDS.get(field, field)].label


def chance_words(chance: Decimal) -> str:
    """A chance (0 to 1) as a natural frequency, in the current language: "3 in 10", "fewer than 1 in 100",
    "in every future", "never" (the same counts as the risk sentences, :func:`planner.risk.frequency`)."""
    from planner.risk import frequency  # numpy: only when chances are shown

    count, total = frequency(chance)
    if chance >= 1:
        return _("in every future")
    if count == 0:
        return _("fewer than 1 in 100") if chance > 0 else _("never")
    return _("{count} in {total}").format(count=count, total=total)


__all__ = ["BENEFIT_MONTH_FIELDS", "FIGURES", "Figure", "Headline", "benefit_label", "chance_words", "headline", "label", "work_gain_sentence"]
