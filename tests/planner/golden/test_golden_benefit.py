"""The golden examples from official and municipal sources, to the cent.

``cases.yaml`` beside this file is a verbatim copy of the project's shared
golden file. Every case in it must be handled by one test module (this one or
the wages tests); a new case that nobody runs fails ``test_every_case_is_run``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from planner.benefit import project, vakantieaanspraak
from planner.model import Household, Job, Person, Plan, Shift, Housemate
from planner.premie import SCHEME_EXPERIMENT, PremieLedger, accrue, payout_month, scheme_month
from planner.rules import load_rules

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
BY_ID = {c["id"]: c for c in CASES}

BENEFIT_CASES = {
    "vrijlating-uithoorn-100",
    "vrijlating-ggm-500",
    "norm-single-2026-01",
    "norm-couple-2026-07",
    "kostendelers-a2-2026-01",
    "vakantieaanspraak-band2-2026",
    "premie-amsterdam-2026-derived",
    "premie-experiment-2018-worked-example",
}
WAGES_CASES = {"four-weekly-to-month-haarlemmermeer", "bijzonder-tarief-2026-low", "loonheffing-change-2025-2026"}


def test_every_case_is_run() -> None:
    assert set(BY_ID) == BENEFIT_CASES | WAGES_CASES


def born_aged(age: int, month: str) -> date:
    """A birth date that makes someone ``age`` on the first day of ``month``."""
    return date(int(month[:4]) - age, 1, 1)


def one_month_plan(month: str, household: Household, net_income: str | None = None, *, heffingskorting: bool = False) -> Plan:
    jobs, shifts = (), ()
    if net_income is not None and Decimal(net_income) > 0:
        jobs = (Job(id="werk", wage=net_income, wage_unit="hour", wage_basis="net",
                    employer_applies_heffingskorting=heffingskorting),)
        shifts = (Shift(date=date(int(month[:4]), int(month[5:]), 10), hours="1", job="werk"),)
    return Plan(start=month, months=1, household=household, jobs=jobs, shifts=shifts)


@pytest.mark.parametrize("case_id", ["vrijlating-uithoorn-100", "vrijlating-ggm-500"])
def test_vrijlating(case_id: str) -> None:
    case = BY_ID[case_id]
    inp, out = case["input"], case["output"]
    person = Person(birth_date=born_aged(inp["age"], inp["month"]), vrijlating_months_used=inp["vrijlating_month"] - 1)
    plan = one_month_plan(inp["month"], Household(composition="single", claimant=person), inp["net_income_from_work"])
    bm = project(plan).months[0]
    assert bm.vrijlating_total.amount == Decimal(out["vrijlating"])
    assert bm.income_counted.amount == Decimal(out["income_counted"])
    assert [v.kind for v in bm.vrijlatingen] == ["n"]


def _household(inp: dict) -> Household:
    month = inp["month"]
    housemates = tuple(Housemate(birth_date=born_aged(40, month)) for _ in range(inp["cost_sharers_27_plus"]))
    if inp["household"] == "couple":
        a, b = inp["ages"]
        return Household(
            composition="couple",
            claimant=Person(birth_date=born_aged(a, month)),
            partner=Person(birth_date=born_aged(b, month)),
            housemates=housemates,
        )
    return Household(composition="single", claimant=Person(birth_date=born_aged(inp["age"], month)), housemates=housemates)


@pytest.mark.parametrize("case_id", ["norm-single-2026-01", "norm-couple-2026-07", "kostendelers-a2-2026-01"])
def test_norm(case_id: str) -> None:
    case = BY_ID[case_id]
    inp, out = case["input"], case["output"]
    bm = project(one_month_plan(inp["month"], _household(inp))).months[0]
    assert bm.norm.amount == Decimal(out["norm_incl_vakantietoeslag"])
    if "vakantietoeslag_reserved" in out:
        assert bm.vakantietoeslag_reserved.amount == Decimal(out["vakantietoeslag_reserved"])
    if "paid_monthly_before_income" in out:
        assert bm.bijstand_paid_monthly.amount == Decimal(out["paid_monthly_before_income"])


def test_vakantieaanspraak() -> None:
    inp, out = BY_ID["vakantieaanspraak-band2-2026"]["input"], BY_ID["vakantieaanspraak-band2-2026"]["output"]
    day = date(int(inp["month"][:4]), int(inp["month"][5:]), 1)
    amount, _expl, _used = vakantieaanspraak(Decimal(inp["net_monthly_work_income"]), day, load_rules())
    assert amount == Decimal(out["vakantieaanspraak"])
    # And the same through a whole month with an employer who applies the heffingskorting (art. 11): the
    # reservation shrinks by that amount, and the monthly payment is not raised by it (Regeling art. 10).
    person = Person(birth_date=born_aged(inp["age"], inp["month"]))
    household = Household(composition="single", claimant=person)
    income = Decimal(inp["net_monthly_work_income"])
    bm = project(one_month_plan(inp["month"], household, inp["net_monthly_work_income"], heffingskorting=True)).months[0]
    assert bm.vakantieaanspraak.amount == Decimal(out["vakantieaanspraak"])
    assert bm.vakantietoeslag_reserved.amount == Decimal("70.08") - Decimal(out["vakantieaanspraak"])
    assert bm.bijstand_paid_monthly.amount == Decimal("1331.42") - income  # no vrijlating: months used unknown


def test_premie_amsterdam_2026() -> None:
    case = BY_ID["premie-amsterdam-2026-derived"]
    inp, out = case["input"], case["output"]
    person = Person(birth_date=born_aged(inp["age"], inp["month"]))
    household = Household(composition="single", claimant=person, municipality=inp["municipality"])
    plan = one_month_plan(inp["month"], household, inp["net_income_from_work"])
    plan = Plan.model_validate(plan.model_dump() | {"months": 9})
    proj = project(plan)
    march = proj.months[0]
    assert march.premie_accrued.amount == Decimal(out["premie_accrued"])
    assert f"{march.premie_payout_month[0]:04d}-{march.premie_payout_month[1]:02d}" == out["paid_in"][0]
    june = next(m for m in proj.months if m.key == "2026-06")
    assert june.premie_paid.amount == Decimal(out["premie_accrued"])
    rules = load_rules()
    scheme = scheme_month("amsterdam", 2026, 3, rules)
    assert [f"2026-{m:02d}" for m in scheme.payout_months] == out["paid_in"]
    assert out["status"] == "unverified"
    assert any(f.code in ("secondary", "unverified") and "bijverdienpremie" in (f.rule_id or "") for f in march.flags)


def test_premie_experiment_2018() -> None:
    case = BY_ID["premie-experiment-2018-worked-example"]
    inp, out = case["input"], case["output"]
    rules = load_rules()
    year = 2026  # the scheme is applied to a plan's months for comparison
    ledger = PremieLedger(lambda y: None)
    accrued = {}
    paid_in_june = None
    for mm, income in inp["net_income_from_work_by_month"].items():
        month = int(mm)
        scheme = scheme_month(SCHEME_EXPERIMENT, year, month, rules)
        amount, _ = accrue(scheme, Decimal(income))
        accrued[mm] = f"{amount:.2f}"
        ledger.add(year, month, amount)
        assert payout_month(year, month, scheme.payout_months) == (year, 6)
        if month in scheme.payout_months:
            payout = ledger.pay(year, month, scheme.yearly_cap_j)
            if month == 6:
                paid_in_june = payout
    assert accrued == out["premie_accrued_by_month"]
    assert paid_in_june is not None and paid_in_june.amount == Decimal(out["paid_in_june"])
    assert ((year, 6) in [(y, m) for y, m, _ in paid_in_june.accrued]) is out["june_payout_includes_june"]
