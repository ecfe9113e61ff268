"""The bijstand month: norm, counted income, vrijlatingen, bijstand, holiday allowance, premie.

Participatiewet art. 19 lid 2: "De hoogte van de algemene bijstand is het
verschil tussen het inkomen en de bijstandsnorm" - never below zero. The
norm includes 5% vakantietoeslag (art. 19 lid 3), which the municipality
saves and pays once a year; the holiday pay you build up at work
(vakantieaanspraak, Regeling Participatiewet art. 11 via the Normenbrief) is
taken off that reservation.

:func:`project` runs the months of a plan in order, because the vrijlating
clock and the premie ledger carry over from month to month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from planner.assumptions import resolve
from planner.explain import Explanation, Money, Month, Percent, RuleRef, Text
from planner.i18n import N_
from planner.income import Income, PersonIncome, attribute
from planner.wages.payments import Payment
from planner.model import Plan, Role, Shift
from planner.money import HUNDRED, ZERO, cents, percent_of
from planner.norm import NormResult, norm_for_month
from planner.people import first_day
from planner.premie import SCHEME_AMSTERDAM, J_MAX, Payout, PremieLedger, accrue, payout_month, scheme_month
from planner.rules import RuleSet, RuleValue, load_rules
from planner.vrijlating import Clock, VrijlatingLine, vrijlating_for_month

VA = "participatiewet/vakantieaanspraak/"
ASSETS_SINGLE = "participatiewet/vermogen/grens_alleenstaande"
ASSETS_COUPLE_OR_PARENT = "participatiewet/vermogen/grens_ouder_gehuwden"
MUNICIPALITIES = ("amsterdam", "overig")
"""Municipalities with a profile. ``overig``: national rules only, no local premie."""

MUNICIPALITY_NAMES: dict[str, str] = {"amsterdam": N_("Amsterdam"), "overig": N_("Another municipality")}
"""``N_``-marked name of each municipality profile, in the order of :data:`MUNICIPALITIES`."""

FlagCode = Literal[
    "not_yet_published", "earlier_unknown", "unknown_value", "unverified", "copy", "secondary", "assumption",
    "historical_scheme",
]


@dataclass(frozen=True, slots=True)
class Flag:
    code: FlagCode
    explanation: Explanation
    rule_id: str | None = None
    assumption: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """An amount and why it is what it is."""

    amount: Decimal
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class PersonMonth:
    role: Role
    age: int
    aow: bool
    income: PersonIncome | None
    vrijlating: VrijlatingLine | None
    note: Explanation | None


@dataclass(frozen=True, slots=True)
class BenefitMonth:
    year: int
    month: int
    norm: Line
    vakantietoeslag_in_norm: Line
    cost_sharers: int
    people: tuple[PersonMonth, ...]
    income_from_work: Line
    vrijlating_total: Line
    income_counted: Line
    bijstand: Line
    vakantieaanspraak: Line
    vakantietoeslag_reserved: Line
    bijstand_paid_monthly: Line
    premie_accrued: Line
    premie_payout_month: tuple[int, int] | None
    premie_paid: Line
    payout: Payout | None
    flags: tuple[Flag, ...]
    rules_used: tuple[RuleRef, ...]

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def vrijlatingen(self) -> tuple[VrijlatingLine, ...]:
        return tuple(p.vrijlating for p in self.people if p.vrijlating is not None)


@dataclass(frozen=True, slots=True)
class Projection:
    plan: Plan
    months: tuple[BenefitMonth, ...]
    assumptions: dict[str, str]
    premie_unpaid: tuple[tuple[int, int, Decimal], ...] = field(default=())
    """Premie built up in the plan but paid after its last month: (year, month, amount)."""
    payments: tuple[Payment, ...] = ()
    """Every wage and holiday-pay payment, in pay-date order."""
    attribution: str = "earned"
    """How wages were attributed to benefit months (the municipality's method)."""


# --- vakantieaanspraak ---------------------------------------------------------------------------

VaTable = Literal["art11", "art13", "art14"]
"""Which table of the Regeling Participatiewet, IOAW en IOAZ (paragraph 6) gives the holiday entitlement.

- ``art11``: below state pension age, income from work, the employer applies the heffingskorting: four bands.
- ``art13``: the employer applies no (algemene) heffingskorting: a flat 8 % of the net income.
- ``art14``: at state pension age, income next to the state pension (lid 2): a flat 8 % of the net income.
"""


def vakantieaanspraak(
    income: Decimal, day: date, rules: RuleSet, table: VaTable = "art11"
) -> tuple[Decimal, Explanation, tuple[RuleValue, ...]]:
    """Net holiday pay built up on a net monthly income (Regeling Participatiewet, IOAW en IOAZ, art. 11-14).

    The bands of art. 11 are written "gelijk aan of meer dan ... en minder dan ...": an income exactly on a
    band edge belongs to the band above it. Art. 13 (no heffingskorting applied) and art. 14 lid 2 (income
    next to the state pension) have one flat percentage. Never below zero; rounded to the cent.
    """
    if table != "art11":
        pct = rules.get(VA + ("art13_percentage" if table == "art13" else "art14_2_percentage"), day)
        amount = max(ZERO, cents(percent_of(income, pct.decimal)))
        message = (
            N_("Your employer does not apply the heffingskorting. Then the holiday pay you build up at work is "
               "{percent} of your net wage {income}: {amount}.")
            if table == "art13"
            else N_("At state pension age, the holiday pay you build up at work is {percent} of your net wage "
                    "{income}: {amount}.")
        )
        expl = Explanation(message, {"income": Money(income), "percent": _pct(pct), "amount": Money(amount)},
                           (RuleRef.of(pct),))
        return amount, expl, (pct,)
    g = {k: rules.get(VA + k, day) for k in (
        "art11_grens_1", "art11_grens_2", "art11_grens_3", "art11_percentage",
        "art11_aftrek_2", "art11_aftrek_3", "art11_percentage_4", "art11_aftrek_4",
    )}
    pct, minus = g["art11_percentage"], None
    if income < g["art11_grens_1"].decimal:
        pass
    elif income < g["art11_grens_2"].decimal:
        minus = g["art11_aftrek_2"]
    elif income < g["art11_grens_3"].decimal:
        minus = g["art11_aftrek_3"]
    else:
        pct, minus = g["art11_percentage_4"], g["art11_aftrek_4"]
    amount = percent_of(income, pct.decimal) - (minus.decimal if minus else ZERO)
    amount = max(ZERO, cents(amount))
    if minus is None:
        expl = Explanation(
            N_("On a net wage of {income} you build up {percent} holiday pay at work: {amount}."),
            {"income": Money(income), "percent": _pct(pct), "amount": Money(amount)},
            (RuleRef.of(pct),),
        )
    else:
        expl = Explanation(
            N_("On a net wage of {income} you build up {percent} holiday pay at work, minus {minus}: {amount}."),
            {"income": Money(income), "percent": _pct(pct), "minus": Money(minus.decimal), "amount": Money(amount)},
            (RuleRef.of(pct), RuleRef.of(minus)),
        )
    return amount, expl, tuple(g.values())


def va_table(plan: Plan, role: Role, aow: bool) -> VaTable | None:
    """The holiday-entitlement table for one person's income from work, or None without any entitlement.

    Per person, from that person's jobs: a job with ``holiday_pay == "none"`` (holiday pay inside the wage,
    already counted as income) or 0 % gives no separate entitlement. When one of the person's jobs with an
    entitlement does not apply the heffingskorting, art. 13 is used for all of the person's income (its flat
    8 % is never lower than art. 11, so a mix errs on the side of less money).
    """
    jobs = [j for j in plan.jobs if j.person == role and j.holiday_pay != "none" and j.holiday_pay_percent > ZERO]
    if not jobs and any(j.person == role for j in plan.jobs):
        return None
    if aow:
        return "art14"
    if jobs and all(j.employer_applies_heffingskorting for j in jobs):
        return "art11"
    return "art13"


def _pct(rv: RuleValue) -> Percent:
    return Percent(rv.decimal)


# --- flags ---------------------------------------------------------------------------------------


def _rule_flags(used: list[RuleValue], year: int, month: int) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[str] = set()
    for rv in used:
        if rv.id in seen:
            continue
        seen.add(rv.id)
        if rv.coverage == "in_force" and rv.status in ("verified", "derived"):
            continue
        label = Text(rv.param.label.nl, rv.param.label.en)
        values = {"rule": label, "month": Month(year, month), "since": Month(rv.valid_from.year, rv.valid_from.month)}
        ref = (RuleRef.of(rv),)
        if rv.coverage == "not_yet_published":
            flags.append(Flag("not_yet_published", Explanation(
                N_("Not yet published: “{rule}” for {month}. We use the last known value, from {since}."), values, ref), rv.id))
        elif rv.coverage == "earlier_unknown":
            flags.append(Flag("earlier_unknown", Explanation(
                N_("Not known: “{rule}” for {month}. We use the first known value, from {since}."), values, ref), rv.id))
        elif rv.coverage == "unknown":
            flags.append(Flag("unknown_value", Explanation(
                N_("Not known yet: “{rule}” for {month}. We use the last known value."), values, ref), rv.id))
        if rv.status == "unverified":
            flags.append(Flag("unverified", Explanation(
                N_("Not confirmed: “{rule}” is not confirmed in an official source."), values, ref), rv.id))
        elif rv.status == "secondary":
            flags.append(Flag("secondary", Explanation(
                N_("Not from the official text: “{rule}” was read on another website (news, a municipality or an "
                   "adviser)."), values, ref), rv.id))
        elif rv.status == "copy":
            flags.append(Flag("copy", Explanation(
                N_("Read in a copy of the law text: “{rule}” is not yet checked in the official publication."),
                values, ref), rv.id))
    return flags


def _assumption_flag(assumption: str, message: str, **values) -> Flag:  # noqa: ANN003
    return Flag("assumption", Explanation(message, values), assumption=assumption)


# --- the projection ------------------------------------------------------------------------------


def project(
    plan: Plan,
    rules: RuleSet | None = None,
    shifts: tuple[Shift, ...] | None = None,
    income_override: dict[tuple[int, int], dict[Role, Decimal]] | None = None,
) -> Projection:
    """Compute every month of ``plan``.

    ``shifts`` replaces the plan's shifts (scenarios, compare); by default the
    plan's shifts without the ``extra`` ones. ``income_override`` replaces the
    net income per month and person: the municipality's estimate, for the
    advance it pays before the payslip is in.
    """
    rules = rules or load_rules()
    assumptions = resolve(plan.assumptions)
    household = plan.household
    if shifts is None:
        shifts = tuple(s for s in plan.shifts if s.certainty != "extra")
    income: Income = attribute(plan, rules, shifts)
    if income_override is not None:
        by_month = {
            ym: {role: PersonIncome(role, amount, None, ()) for role, amount in roles.items() if amount > ZERO}
            for ym, roles in income_override.items()
        }
        income = Income(income.payments, {ym: by_month.get(ym, {}) for ym in income.by_month}, income.method, income.method_rule)
    clocks: dict[Role, Clock] = {"claimant": Clock(household.claimant.vrijlating_months_used)}
    if household.partner is not None:
        clocks["partner"] = Clock(household.partner.vrijlating_months_used)
    scheme_id = premie_scheme_id(plan)
    ledger = PremieLedger(lambda y: rules.find(J_MAX, date(y, 1, 1)))
    months: list[BenefitMonth] = []
    for year, month in plan.month_list():
        bm = _month(plan, year, month, income.by_month[(year, month)], clocks, assumptions, scheme_id, ledger, rules, income)
        months.append(bm)
    return Projection(plan, tuple(months), assumptions, ledger.unpaid, income.payments, income.method)


def premie_scheme_id(plan: Plan) -> str | None:
    """The id of the premie scheme that applies to the plan (its own choice, or its municipality's), or None.

    Used by :func:`project` and by the risk simulation, so both pick the same scheme."""
    if plan.premie_scheme == "none":
        return None
    if plan.premie_scheme == "municipality":
        return SCHEME_AMSTERDAM if plan.household.municipality == "amsterdam" else None
    return plan.premie_scheme


def _month(
    plan: Plan,
    year: int,
    month: int,
    incomes: dict[Role, PersonIncome],
    clocks: dict[Role, Clock],
    assumptions: dict[str, str],
    scheme_id: str | None,
    ledger: PremieLedger,
    rules: RuleSet,
    income: Income,
) -> BenefitMonth:
    household = plan.household
    day = first_day(year, month)
    norm: NormResult = norm_for_month(household, year, month, rules)
    used: list[RuleValue] = list(norm.used)
    if incomes:
        used.append(income.method_rule)
    flags: list[Flag] = []
    people: list[PersonMonth] = []
    counted = ZERO
    work_total = ZERO
    vrij_total = ZERO
    in_vrijlating: set[Role] = set()
    for pim in norm.people:
        pinc = incomes.get(pim.role)
        income = pinc.net if pinc else ZERO
        work_total += income
        outcome = vrijlating_for_month(pim, household, income, year, month, clocks[pim.role], assumptions, rules)
        clocks[pim.role] = outcome.clock
        used.extend(outcome.used)
        line = outcome.line
        vrij = line.amount if line else ZERO
        if line is not None and line.amount > ZERO:
            in_vrijlating.add(pim.role)
        vrij_total += vrij
        counted += income - vrij
        people.append(PersonMonth(pim.role, pim.age, pim.aow, pinc, line, outcome.note))
    # Holiday allowance. 5 % of the norm is holiday allowance (art. 19 lid 3), saved and paid once a year.
    # Regeling Participatiewet, IOAW en IOAZ art. 10: when the income gives a right to holiday pay, the
    # college takes that entitlement into account. It counts as a means of this month: the municipality
    # saves less for you (your employer pays that holiday pay instead), and the monthly payment is NOT
    # raised. Employer's holiday pay + what the municipality saves = the holiday allowance of someone with
    # only bijstand (WerkSaam Westfriesland, rules dossier section 5).
    va_total = ZERO
    va_parts: list[Explanation] = []
    for p in people:
        if p.income is not None and p.income.net > ZERO:
            table = va_table(plan, p.role, p.aow)
            if table is None:
                va_parts.append(Explanation(
                    N_("Your holiday pay is part of your hourly wage, so it is already counted with your wage.")))
                continue
            amount, expl, va_used = vakantieaanspraak(p.income.net, day, rules, table)
            used.extend(va_used)
            va_total += amount
            va_parts.append(expl)
    vt = norm.vakantietoeslag
    excess = max(ZERO, va_total - vt)
    careful_excess = assumptions["vakantieaanspraak_excess"] == "from_monthly"
    if excess > ZERO:
        if careful_excess:
            flags.append(_assumption_flag(
                "vakantieaanspraak_excess",
                N_("The holiday pay you build up at work ({va}) is more than the holiday allowance in your "
                   "norm ({share}). We take the difference off your monthly bijstand; not every municipality "
                   "does this."),
                va=Money(va_total), share=Money(vt),
            ))
        else:
            flags.append(_assumption_flag(
                "vakantieaanspraak_excess",
                N_("The holiday pay you build up at work ({va}) is more than the holiday allowance in your "
                   "norm ({share}). You chose that the difference is not taken off your monthly bijstand."),
                va=Money(va_total), share=Money(vt),
            ))
    taken_into_account = va_total if careful_excess else min(va_total, vt)
    bijstand = max(ZERO, norm.amount - counted - taken_into_account)
    monthly_room = norm.amount - vt - counted - max(ZERO, taken_into_account - vt)
    paid_monthly = min(bijstand, max(ZERO, monthly_room))
    reserved = bijstand - paid_monthly
    by_income = bijstand
    household_notes: list[Explanation] = []

    # A sanction (art. 18) lowers the bijstand of its month by a share of the norm: first what is paid monthly,
    # then what is saved for the holiday allowance.
    for sanction in household.sanctions:
        if sanction.month == f"{year:04d}-{month:02d}":
            cut = min(bijstand, cents(norm.amount * sanction.percent / HUNDRED))
            from_monthly = min(paid_monthly, cut)
            paid_monthly -= from_monthly
            reserved -= cut - from_monthly
            bijstand -= cut
            household_notes.append(Explanation(
                N_("The municipality lowers your bijstand this month as a sanction (article 18): {percent} of the "
                   "norm, {cut} less."),
                {"percent": Percent(Decimal(sanction.percent)), "cut": Money(cut)},
            ))

    # Assets above the limit (art. 34): no bijstand at all.
    if household.assets is not None:
        limit_rule = rules.get(ASSETS_COUPLE_OR_PARENT if household.composition != "single" else ASSETS_SINGLE, day)
        used.append(limit_rule)
        if household.assets > limit_rule.decimal:
            bijstand = paid_monthly = reserved = ZERO
            household_notes.append(Explanation(
                N_("Your assets ({assets}) are above the limit of {limit} (article 34). Then you get no bijstand."),
                {"assets": Money(household.assets), "limit": Money(limit_rule.decimal)},
                (RuleRef.of(limit_rule),),
            ))

    # Premie.
    premie_amount = ZERO
    premie_expl = Explanation(N_("No bijverdienpremie this month."))
    premie_due: tuple[int, int] | None = None
    payout: Payout | None = None
    if scheme_id is not None:
        scheme = scheme_month(scheme_id, year, month, rules, assumptions["premie_monthly_cap"])
        if scheme is not None:
            if work_total > ZERO or month in scheme.payout_months:
                used.extend(scheme.used)
            if scheme.historical:
                flags.append(Flag("historical_scheme", Explanation(
                    N_("For comparison: this uses the premie of the 2018 experiment, which no longer exists."))))
            premie_amount, premie_expl = _premie(people, bijstand, scheme, assumptions, in_vrijlating, flags, rules, day)
            if premie_amount > ZERO:
                ledger.add(year, month, premie_amount)
                premie_due = payout_month(year, month, scheme.payout_months, scheme.includes_payout_month)
            if month in scheme.payout_months:
                if bijstand <= ZERO and assumptions["premie_payout_without_bijstand"] == "waits" and ledger.unpaid:
                    flags.append(_assumption_flag(
                        "premie_payout_without_bijstand",
                        N_("No premie is paid out this month, because you get no bijstand this month. We do not "
                           "know if it is paid when your bijstand has stopped; we count it only at a later payout "
                           "month with bijstand."),
                    ))
                else:
                    payout = ledger.pay(year, month, scheme.yearly_cap_j, scheme.includes_payout_month)

    flags = _rule_flags(used, year, month) + flags
    refs: dict[str, RuleRef] = {}
    for rv in used:
        refs.setdefault(rv.id, RuleRef.of(rv))

    income_expl = Explanation(
        N_("Net income from work counted for {month}: {amount}."),
        {"month": Month(year, month), "amount": Money(work_total)},
        more=tuple(part.explanation for p in people if p.income for part in p.income.parts),
    )
    vrij_expl = Explanation(
        N_("Together you may keep {amount} of your wage (inkomstenvrijlating)."),
        {"amount": Money(vrij_total)},
        more=tuple(
            [p.vrijlating.explanation for p in people if p.vrijlating] + [p.note for p in people if p.note]
        ),
    )
    counted_expl = Explanation(
        N_("The municipality counts {counted}: your net wage {income} minus the vrijlating {vrij}."),
        {"counted": Money(counted), "income": Money(work_total), "vrij": Money(vrij_total)},
    )
    if by_income > ZERO and taken_into_account > ZERO:
        bijstand_expl = Explanation(
            N_("Bijstand is the norm {norm} minus the counted income {counted}, minus the holiday pay you build "
               "up at work {va}: {amount}."),
            {"norm": Money(norm.amount), "counted": Money(counted), "va": Money(taken_into_account),
             "amount": Money(by_income)},
        )
    elif by_income > ZERO:
        bijstand_expl = Explanation(
            N_("Bijstand is the norm {norm} minus the counted income {counted}: {amount}."),
            {"norm": Money(norm.amount), "counted": Money(counted), "amount": Money(by_income)},
        )
    else:
        bijstand_expl = Explanation(
            N_("Your counted income {counted} and the holiday pay you build up at work {va} are together not "
               "less than the norm {norm}, so there is no bijstand this month."),
            {"norm": Money(norm.amount), "counted": Money(counted), "va": Money(taken_into_account)},
        )
    if household_notes:
        bijstand_expl = Explanation(
            N_("Your bijstand this month: {amount}."), {"amount": Money(bijstand)},
            more=(bijstand_expl, *household_notes),
        )
    va_expl = Explanation(
        N_("Holiday pay you build up at work this month: {amount}. Your employer pays it to you later (usually "
           "in May or June). The municipality takes it into account, so it saves less holiday allowance for you."),
        {"amount": Money(va_total)},
        more=tuple(va_parts),
    )
    reserved_expl = Explanation(
        N_(
            "Of your bijstand, {reserved} is saved as holiday allowance and paid once a year: the {share} in "
            "the norm minus the holiday pay you build up at work ({va}). Your employer's holiday pay and this "
            "saved amount together are the holiday allowance you would get with bijstand only."
        ),
        {"reserved": Money(reserved), "share": Money(vt), "va": Money(min(va_total, vt))},
        norm.vakantietoeslag_explanation.rules,
    )
    paid_expl = Explanation(
        N_("Paid to you for this month: {paid}. This is the bijstand {bijstand} minus the {reserved} that is "
           "saved as holiday allowance."),
        {"paid": Money(paid_monthly), "bijstand": Money(bijstand), "reserved": Money(reserved)},
    )
    premie_paid = payout.amount if payout else ZERO
    paid_premie_expl = payout.explanation if payout else Explanation(N_("No premie is paid out this month."))
    return BenefitMonth(
        year=year,
        month=month,
        norm=Line(norm.amount, norm.explanation),
        vakantietoeslag_in_norm=Line(norm.vakantietoeslag, norm.vakantietoeslag_explanation),
        cost_sharers=norm.cost_sharers,
        people=tuple(people),
        income_from_work=Line(work_total, income_expl),
        vrijlating_total=Line(vrij_total, vrij_expl),
        income_counted=Line(counted, counted_expl),
        bijstand=Line(bijstand, bijstand_expl),
        vakantieaanspraak=Line(va_total, va_expl),
        vakantietoeslag_reserved=Line(reserved, reserved_expl),
        bijstand_paid_monthly=Line(paid_monthly, paid_expl),
        premie_accrued=Line(premie_amount, premie_expl),
        premie_payout_month=premie_due,
        premie_paid=Line(premie_paid, paid_premie_expl),
        payout=payout,
        flags=tuple(flags),
        rules_used=tuple(refs.values()),
    )


def _premie(
    people: list[PersonMonth],
    bijstand: Decimal,
    scheme,  # noqa: ANN001 - SchemeMonth
    assumptions: dict[str, str],
    in_vrijlating: set[Role],
    flags: list[Flag],
    rules: RuleSet,
    day: date,
) -> tuple[Decimal, Explanation]:
    """Premie built up this month, by the scheme and the careful assumptions."""
    if bijstand <= ZERO and assumptions["premie_month_without_bijstand"] == "no_premie":
        flags.append(_assumption_flag(
            "premie_month_without_bijstand",
            N_("No premie this month: you get no bijstand this month, and we do not know if the premie continues."),
        ))
        return ZERO, Explanation(N_("No bijverdienpremie: you get no bijstand this month."))
    min_age = int(rules.get("participatiewet/vrijlating/minimum_leeftijd", day).value)  # type: ignore[arg-type]
    bases: list[Decimal] = []
    for p in people:
        if p.income is None or p.income.net <= ZERO:
            continue
        if p.age < min_age and assumptions["premie_under_27"] == "excluded":
            flags.append(_assumption_flag(
                "premie_under_27",
                N_("No premie for someone under {age}: the law excludes this, and we do not know if the municipality pays it anyway."),
                age=min_age,
            ))
            continue
        if p.role in in_vrijlating and assumptions["premie_during_vrijlating"] == "no_premie":
            flags.append(_assumption_flag(
                "premie_during_vrijlating",
                N_("No premie in a month with an inkomstenvrijlating (the part of your wage you may keep): we do not "
                   "know if the municipality pays both."),
            ))
            continue
        base = p.income.net
        if assumptions["premie_income_basis"] == "gross" and p.income.gross is not None:
            base = p.income.gross
        bases.append(base)
    if not bases:
        return ZERO, Explanation(N_("No bijverdienpremie this month."))
    if not scheme.historical and percent_of(sum(bases, ZERO), scheme.percentage) > scheme.monthly_cap:
        flags.append(_assumption_flag(
            "premie_monthly_cap",
            N_("The premie is capped at {cap} a month. This maximum is not confirmed for this year; it may be higher."),
            cap=Money(scheme.monthly_cap),
        ))
    if assumptions["premie_cap_couple"] == "per_person" and len(bases) > 1:
        total = ZERO
        parts = []
        for base in bases:
            amount, expl = accrue(scheme, base)
            total += amount
            parts.append(expl)
        return total, Explanation(N_("Bijverdienpremie built up this month: {amount}."), {"amount": Money(total)}, more=tuple(parts))
    return accrue(scheme, sum(bases, ZERO))
