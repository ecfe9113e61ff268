"""Named assumptions: where the law or a municipality's practice is not known.

The rules dossier marks some rules UNVERIFIED. Each becomes an assumption here
with a default on the side that gives the user *less* money (a planner that
promises too much causes the repayment letters it exists to prevent). A plan
can switch each one (``"assumptions": {"id": "option"}``), and every result
lists the assumptions it used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from planner.i18n import N_


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str  # N_-marked, rendered when shown


@dataclass(frozen=True, slots=True)
class Assumption:
    id: str
    title: str  # N_-marked
    why: str  # N_-marked: what is unknown, and why the default is the careful one
    options: tuple[Option, ...]
    default: str

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)


ASSUMPTIONS: dict[str, Assumption] = {
    a.id: a
    for a in (
        Assumption(
            id="vrijlating_clock",
            title=N_("How the months of the inkomstenvrijlating are counted"),
            why=N_(
                "The law says at most six months. It does not say whether a month without work counts. "
                "We count every month from the first month with work, so the vrijlating stops sooner."
            ),
            options=(
                Option("consecutive", N_("Every month counts, from the first month with work")),
                Option("months_with_income", N_("Only months with income from work count")),
            ),
            default="consecutive",
        ),
        Assumption(
            id="premie_during_vrijlating",
            title=N_("Bijverdienpremie in a month with an inkomstenvrijlating"),
            why=N_(
                "No source says whether Amsterdam pays the premie in the same months as an inkomstenvrijlating: "
                "the 25 percent of the first months, the 12.5 percent for single parents, the 15 percent when you "
                "can work fewer hours for medical reasons, or the 15 percent from 2027. We leave the premie out "
                "in those months."
            ),
            options=(
                Option("no_premie", N_("No premie in a month with a vrijlating")),
                Option("alongside", N_("The premie comes on top of the vrijlating")),
            ),
            default="no_premie",
        ),
        Assumption(
            id="premie_month_without_bijstand",
            title=N_("Bijverdienpremie in a month without bijstand"),
            why=N_(
                "If you earn more than your norm in a month, you get no bijstand that month. "
                "It is not known whether you still build up premie then. We leave it out."
            ),
            options=(
                Option("no_premie", N_("No premie in a month without bijstand")),
                Option("premie", N_("Premie also in a month without bijstand")),
            ),
            default="no_premie",
        ),
        Assumption(
            id="premie_under_27",
            title=N_("Bijverdienpremie for people under 27"),
            why=N_(
                "The law excludes people under 27 from this kind of premie (article 31, paragraph 5). "
                "Whether Amsterdam pays them anyway is not known. We leave it out."
            ),
            options=(
                Option("excluded", N_("No premie under 27")),
                Option("included", N_("Premie also under 27")),
            ),
            default="excluded",
        ),
        Assumption(
            id="premie_income_basis",
            title=N_("The bijverdienpremie is a share of which wage"),
            why=N_(
                "It is not known whether the 30 percent is taken of the net or the gross wage. "
                "We use the net wage, which is lower."
            ),
            options=(
                Option("net", N_("Share of the net wage")),
                Option("gross", N_("Share of the gross wage")),
            ),
            default="net",
        ),
        Assumption(
            id="premie_cap_couple",
            title=N_("Maximum bijverdienpremie for a couple"),
            why=N_(
                "It is not known whether each partner has their own maximum. "
                "We use one maximum for the whole household."
            ),
            options=(
                Option("household", N_("One maximum for the household")),
                Option("per_person", N_("A maximum for each partner")),
            ),
            default="household",
        ),
        Assumption(
            id="premie_monthly_cap",
            title=N_("The monthly maximum of the bijverdienpremie"),
            why=N_(
                "The last amount Amsterdam published is 219 euros a month (2021). A summary of newer rules says "
                "one twelfth of the yearly maximum in the law (283.17 euros in 2026), but we could not read the "
                "official text. We use 219 euros, the lower amount."
            ),
            options=(
                Option("published", N_("The last published amount")),
                Option("j_twelfth", N_("One twelfth of the yearly maximum in the law")),
            ),
            default="published",
        ),
        Assumption(
            id="premie_payout_without_bijstand",
            title=N_("Bijverdienpremie paid out when you get no bijstand"),
            why=N_(
                "The premie you built up is paid in June and November. It is not known whether it is paid when "
                "you get no bijstand in that month, for example because your bijstand has stopped. We count it "
                "only at a payout month in which you get bijstand."
            ),
            options=(
                Option("waits", N_("Paid only in a payout month with bijstand")),
                Option("paid", N_("Also paid without bijstand")),
            ),
            default="waits",
        ),
        Assumption(
            id="vrijlating_2027",
            title=N_("The inkomstenvrijlating from 1 January 2027"),
            why=N_(
                "From 2027 a new rule (article 34a) lets you keep 15 percent of your wage for 12 months. "
                "We assume it replaces the old vrijlatingen, as the new law intends; this is not yet confirmed."
            ),
            options=(
                Option("art34a_replaces", N_("Article 34a replaces the old vrijlatingen")),
                Option("old_rules_continue", N_("The old vrijlatingen continue")),
            ),
            default="art34a_replaces",
        ),
        Assumption(
            id="art34a_under_27",
            title=N_("The 2027 vrijlating for people under 27"),
            why=N_(
                "It is not confirmed that people under 27 get the new 2027 vrijlating. We leave it out."
            ),
            options=(
                Option("excluded", N_("Not under 27")),
                Option("included", N_("Also under 27")),
            ),
            default="excluded",
        ),
        Assumption(
            id="art34a_clock",
            title=N_("Months of vrijlating used before 2027"),
            why=N_(
                "It is not known whether the 12 months of the 2027 vrijlating start again. "
                "We count the months you already used, so it stops sooner."
            ),
            options=(
                Option("shared", N_("Months already used count")),
                Option("fresh_start", N_("Twelve new months from January 2027")),
            ),
            default="shared",
        ),
        Assumption(
            id="vakantieaanspraak_excess",
            title=N_("Holiday pay from work that is more than the holiday allowance in the norm"),
            why=N_(
                "With a higher wage you can build up more holiday pay at work than the 5 percent the "
                "municipality saves for you. The rules say the municipality takes your holiday pay into account, "
                "but not if the difference is also taken off your monthly bijstand. We take it off, so you get less."
            ),
            options=(
                Option("from_monthly", N_("The difference is taken off the monthly bijstand")),
                Option("reserve_only", N_("Only the saved holiday allowance is lowered, down to zero")),
            ),
            default="from_monthly",
        ),
        Assumption(
            id="estimate_method",
            title=N_("How the municipality estimates your income in advance"),
            why=N_(
                "We do not know how your municipality estimates a changing income. We use the income of the last "
                "month it knows. With a changing income this gives the largest corrections afterwards. "
                "If your letter names an amount, fill it in."
            ),
            options=(
                Option("last_known", N_("The income of the last month it knows")),
                Option("average_3", N_("The average of the last three months it knows")),
                Option("plan", N_("The income in this plan")),
            ),
            default="last_known",
        ),
        Assumption(
            id="withholding_limit",
            title=N_("How much is withheld at once"),
            why=N_(
                "Amsterdam may withhold at most 150 euros a month, but we could not read the official text. "
                "We assume everything is withheld at once from your next payment, so you are not caught out."
            ),
            options=(
                Option("all_at_once", N_("Everything at once, from the next payment")),
                Option("municipal_limit", N_("At most the municipality's monthly limit")),
            ),
            default="all_at_once",
        ),
        Assumption(
            id="repayment",
            title=N_("How money you must pay back is collected"),
            why=N_(
                "When there is no benefit left to withhold from, the municipality asks you to pay back. "
                "We assume you must pay it all at once. Often you can agree on monthly payments."
            ),
            options=(
                Option("at_once", N_("All at once")),
                Option("instalments", N_("In monthly payments of the withholding limit")),
            ),
            default="at_once",
        ),
    )
}

# Fixed working rules that are not switchable but are shown with every result.
FIXED_ASSUMPTIONS: tuple[tuple[str, str], ...] = (
    (
        "ages_per_month",
        N_(
            "Ages count per whole month: you get the rules of a new age from the month after your birthday. "
            "A housemate counts as kostendeler from the month they turn 27."
        ),
    ),
    (
        "holiday_allowance_monthly",
        N_(
            "Holiday pay from work: each month the municipality takes the holiday pay you build up at work "
            "into account. It saves less of the 5 percent holiday allowance for you; your monthly bijstand does "
            "not go up. This is how several municipalities explain it; it is not confirmed for your municipality."
        ),
    ),
    (
        "tax_refund_not_counted",
        N_(
            "Tax refunds are not counted. If your employer does not apply the heffingskorting, you can get tax "
            "back later (arbeidskorting), through a monthly advance from the Belastingdienst (voorlopige aanslag) "
            "or your tax return. The municipality counts that refund as income (Participatiewet article 32). It "
            "can then pay less bijstand or ask money back. This plan does not count it, so your real bijstand "
            "can be lower. Tell the municipality about every refund."
        ),
    ),
)


class UnknownAssumption(ValueError):
    def __init__(self, key: str, option: str | None = None) -> None:
        self.key = key
        self.option = option
        super().__init__(f"unknown assumption {key!r}" if option is None else f"unknown option {option!r} for {key!r}")


def resolve(overrides: Mapping[str, str]) -> dict[str, str]:
    """The chosen option of every assumption: the plan's override or the careful default."""
    for key, value in overrides.items():
        if key not in ASSUMPTIONS:
            raise UnknownAssumption(key)
        if value not in {o.id for o in ASSUMPTIONS[key].options}:
            raise UnknownAssumption(key, value)
    return {key: overrides.get(key, a.default) for key, a in ASSUMPTIONS.items()}
