"""The bijstandsnorm of a household for one calendar month.

Participatiewet art. 20 (18-20 years), 21 (21 to state pension age), 22
(state pension age) and 22a (kostendelersnorm). The kostendelersnorm is the
law's formula, ``(40% + A x 30%) / A`` of the couple's norm, per partner,
never a table of its results. Norms include the 5% vakantietoeslag (art. 19
lid 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.explain import Explanation, Money, Month, Percent, RuleRef, Text
from planner.i18n import N_, NP_
from planner.model import Household
from planner.money import cents, percent_of
from planner.people import PersonInMonth, first_day, kostendelers, person_in_month
from planner.rules import RuleSet, RuleValue

P = "participatiewet/norm/"
NORM_SINGLE = P + "art21a_alleenstaande"
NORM_COUPLE = P + "art21b_gehuwden"
NORM_SINGLE_AOW = P + "art22a_alleenstaande_aow"
NORM_COUPLE_AOW = P + "art22bc_gehuwden_aow"
NORM_SINGLE_18_20 = P + "art20_1a_alleenstaande_18_20"
NORM_COUPLE_18_20 = P + "art20_1b_gehuwden_18_20_zonder_kind"
NORM_COUPLE_18_20_CHILD = P + "art20_2b_gehuwden_18_20_met_kind"
NORM_COUPLE_MIXED = P + "art20_1c_gehuwden_18_20_en_21_zonder_kind"
NORM_COUPLE_MIXED_CHILD = P + "art20_2c_gehuwden_18_20_en_21_met_kind"
NORM_VERHOGING_18_20 = P + "art20_3_verhoging_18_20"
KOSTENDELER_PARTNER_18_20 = P + "art22a3_partner_18_20_zonder_kind"
KOSTENDELER_PARTNER_18_20_CHILD = P + "art22a3_partner_18_20_met_kind"
NORM_INSTITUTION_SINGLE = P + "art23_inrichting_alleenstaande"
NORM_INSTITUTION_COUPLE = P + "art23_inrichting_gehuwden"
KD_BASE = "participatiewet/kostendelersnorm/basis_percentage"
KD_PER_PERSON = "participatiewet/kostendelersnorm/per_persoon_percentage"
VAKANTIETOESLAG = "participatiewet/vakantietoeslag/percentage"


class NotEligible(Exception):
    """The household cannot get algemene bijstand in this month (for example: under 18)."""

    def __init__(self, explanation: Explanation) -> None:
        super().__init__(explanation.message)
        self.explanation = explanation


@dataclass(frozen=True, slots=True)
class NormResult:
    amount: Decimal
    vakantietoeslag: Decimal
    """The 5% holiday allowance inside the norm (rounded to the cent)."""
    people: tuple[PersonInMonth, ...]
    cost_sharers: int
    explanation: Explanation
    vakantietoeslag_explanation: Explanation
    used: tuple[RuleValue, ...]


def _label(rv: RuleValue) -> Text:
    return Text(rv.param.label.nl, rv.param.label.en)


def kostendelersnorm_share(couple_norm: Decimal, a: int, base: Decimal, per_person: Decimal) -> Decimal:
    """Art. 22a lid 1: ``(base% + A x per_person%) / A x B``, rounded half up to the cent."""
    if a < 1:
        raise ValueError("A counts at least the claimant")
    return cents(couple_norm * (base + per_person * a) / (Decimal(100) * a))


def norm_for_month(household: Household, year: int, month: int, rules: RuleSet) -> NormResult:
    day = first_day(year, month)
    used: list[RuleValue] = []
    people: list[PersonInMonth] = []
    for role in ("claimant", "partner"):
        person = household.person(role)
        if person is None:
            continue
        pim, aow_rule = person_in_month(role, person, year, month, rules)
        if aow_rule is not None:
            used.append(aow_rule)
        people.append(pim)
    for pim in people:
        if pim.age < 18:
            raise NotEligible(
                Explanation(
                    N_("Algemene bijstand starts at 18. In {month} someone in the household is {age}."),
                    {"month": Month(year, month), "age": pim.age},
                )
            )
    count, min_age_rule = kostendelers(household, year, month, rules)
    used.append(min_age_rule)
    has_child = household.youngest_child_birth_date is not None
    get = rules.get

    def rv(param_id: str) -> RuleValue:
        value = get(param_id, day)
        used.append(value)
        return value

    extra: list[Explanation] = []
    if household.composition != "couple":
        claimant = people[0]
        if claimant.aow:
            base_rule, couple_rule = rv(NORM_SINGLE_AOW), NORM_COUPLE_AOW
        elif claimant.age >= 21:
            base_rule, couple_rule = rv(NORM_SINGLE), NORM_COUPLE
        else:
            base_rule, couple_rule = rv(NORM_SINGLE_18_20), None
        amount = base_rule.decimal
        main = Explanation(
            N_("Your norm is {amount} a month. This is the amount for: {what}."),
            {"amount": Money(amount), "what": _label(base_rule)},
            (RuleRef.of(base_rule),),
        )
        if couple_rule is None:
            if claimant.person.no_parental_support:
                verhoging = rules.find(NORM_VERHOGING_18_20, day)
                if verhoging is not None:
                    used.append(verhoging)
                    amount += verhoging.decimal
                    extra.append(
                        Explanation(
                            N_("Your parents cannot be asked to contribute, so {extra} is added. Your norm is {amount}."),
                            {"extra": Money(verhoging.decimal), "amount": Money(amount)},
                            (RuleRef.of(verhoging),),
                        )
                    )
        elif count > 0:
            couple = rv(couple_rule)
            kd_base, kd_per = rv(KD_BASE), rv(KD_PER_PERSON)
            a = count + 1
            amount = kostendelersnorm_share(couple.decimal, a, kd_base.decimal, kd_per.decimal)
            extra.append(_kostendeler_expl(count, min_age_rule, a, kd_base, kd_per, couple, amount))
    else:
        claimant, partner = people
        pair = (claimant, partner)
        if any(p.aow for p in pair):
            base_rule, couple_rule = rv(NORM_COUPLE_AOW), NORM_COUPLE_AOW
        elif all(p.age >= 21 for p in pair):
            base_rule, couple_rule = rv(NORM_COUPLE), NORM_COUPLE
        elif all(p.age < 21 for p in pair):
            base_rule = rv(NORM_COUPLE_18_20_CHILD if has_child else NORM_COUPLE_18_20)
            couple_rule = None
        else:
            base_rule = rv(NORM_COUPLE_MIXED_CHILD if has_child else NORM_COUPLE_MIXED)
            couple_rule = NORM_COUPLE
        amount = base_rule.decimal
        main = Explanation(
            N_("Your norm is {amount} a month. This is the amount for: {what}."),
            {"amount": Money(amount), "what": _label(base_rule)},
            (RuleRef.of(base_rule),),
        )
        adults = [p for p in pair if p.age >= 21]
        if count > 0 and couple_rule is not None and adults:
            couple = rv(couple_rule)
            kd_base, kd_per = rv(KD_BASE), rv(KD_PER_PERSON)
            a = count + len(adults)
            share = kostendelersnorm_share(couple.decimal, a, kd_base.decimal, kd_per.decimal)
            amount = share * len(adults)
            parts: list[Explanation] = [_kostendeler_expl(count, min_age_rule, a, kd_base, kd_per, couple, share)]
            young = [p for p in pair if p.age < 21]
            if young:
                young_rule = rv(KOSTENDELER_PARTNER_18_20_CHILD if has_child else KOSTENDELER_PARTNER_18_20)
                amount += young_rule.decimal
                parts.append(
                    Explanation(
                        N_("For the partner under 21 the amount is {young} (article 22a, paragraph 3)."),
                        {"young": Money(young_rule.decimal)},
                        (RuleRef.of(young_rule),),
                    )
                )
            parts.append(
                Explanation(N_("Together your norm is {amount} a month."), {"amount": Money(amount)})
            )
            extra.extend(parts)
    if household.institution:
        # Art. 23: in an institution the norm is an amount for personal spending; no kostendelersnorm.
        rule = rv(NORM_INSTITUTION_COUPLE if household.composition == "couple" else NORM_INSTITUTION_SINGLE)
        amount = rule.decimal
        main = Explanation(
            N_("You live in an institution (article 23). Your norm is {amount} a month: {what}."),
            {"amount": Money(amount), "what": _label(rule)},
            (RuleRef.of(rule),),
        )
        extra = []
    elif not household.housing_costs and not any(p.aow for p in people):
        # Art. 27 names the norms of articles 20 and 21 (and so the kostendelersnorm built on them).
        cut_rule = rv(f"gemeenten/{household.municipality}/norm_verlaging_zonder_woonkosten")
        cut = cents(percent_of(amount, cut_rule.decimal))
        amount -= cut
        extra.append(Explanation(
            N_("You pay no rent or mortgage. The municipality then lowers your norm by {percent} (article 27): "
               "{cut} less. Your norm is {amount}."),
            {"percent": Percent(cut_rule.decimal), "cut": Money(cut), "amount": Money(amount)},
            (RuleRef.of(cut_rule),),
        ))
    vt_rule = rv(VAKANTIETOESLAG)
    vt = cents(percent_of(amount, vt_rule.decimal))
    explanation = Explanation(main.message, main.values, main.rules, more=tuple(extra))
    vt_expl = Explanation(
        N_(
            "Your norm includes {percent} holiday allowance (vakantietoeslag): {amount} a month. "
            "The municipality saves it for you and pays it once a year."
        ),
        {"percent": Percent(vt_rule.decimal), "amount": Money(vt)},
        (RuleRef.of(vt_rule),),
    )
    return NormResult(amount, vt, tuple(people), count, explanation, vt_expl, tuple(used))


def _kostendeler_expl(
    count: int,
    min_age_rule: RuleValue,
    a: int,
    kd_base: RuleValue,
    kd_per: RuleValue,
    couple: RuleValue,
    share: Decimal,
) -> Explanation:
    singular, plural = NP_(
        "You share your home with {count} adult aged {min_age} or over who shares the costs "
        "(kostendelersnorm: the norm is lower when you share costs). So {a} people count for this rule. "
        "The norm per person is ({base} + {a} × {per}) / {a} of {couple}: {share}.",
        "You share your home with {count} adults aged {min_age} or over who share the costs "
        "(kostendelersnorm: the norm is lower when you share costs). So {a} people count for this rule. "
        "The norm per person is ({base} + {a} × {per}) / {a} of {couple}: {share}.",
    )
    return Explanation(
        singular,
        {
            "count": count,
            "min_age": int(min_age_rule.value),  # type: ignore[arg-type]
            "a": a,
            "base": Percent(kd_base.decimal),
            "per": Percent(kd_per.decimal),
            "couple": Money(couple.decimal),
            "share": Money(share),
        },
        (RuleRef.of(min_age_rule), RuleRef.of(kd_base), RuleRef.of(kd_per), RuleRef.of(couple)),
        plural=plural,
        count="count",
    )


