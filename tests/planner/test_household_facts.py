"""Facts of a household the law knows: housing costs (art. 27), an institution (art. 23), assets (art. 34),
a sanction (art. 18); and the migration of version 1 plan files that could not state them."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from planner.benefit import project
from planner.explain import render
from planner.model import SCHEMA_VERSION, Household, Person, Plan, Sanction
from planner.rules import load_rules
from planner.storage import load_plan, save_plan

D = Decimal
RULES = load_rules()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"
SAM = Person(birth_date=date(1986, 1, 1), vrijlating_months_used=6)


def month(household: Household, start: str = "2026-03", **extra: object):
    return project(Plan(start=start, months=1, household=household, **extra), RULES).months[0]


def test_no_housing_costs_lowers_the_norm_by_amsterdams_20_percent() -> None:
    m = month(Household(composition="single", claimant=SAM, housing_costs=False))
    assert m.norm.amount == D("1401.50") - D("280.30")  # 20 % of 1401.50
    assert m.vakantietoeslag_in_norm.amount == D("56.06")  # 5 % of 1121.20
    assert m.bijstand_paid_monthly.amount == D("1065.14")
    text = render(m.norm.explanation, "en")
    assert "20%" in text and "article 27" in text
    assert any(f.rule_id == "gemeenten/amsterdam/norm_verlaging_zonder_woonkosten" and f.code == "unverified" for f in m.flags)


def test_no_housing_costs_does_not_lower_the_norm_at_state_pension_age() -> None:
    old = Person(birth_date=date(1955, 1, 1))
    m = month(Household(composition="single", claimant=old, housing_costs=False))
    assert m.norm.amount == D("1564.69")  # art. 27 names the norms of articles 20 and 21 only


def test_in_an_institution_the_norm_of_article_23_applies() -> None:
    single = month(Household(composition="single", claimant=SAM, institution=True))
    assert single.norm.amount == D("443.76")
    couple = month(Household(composition="couple", claimant=SAM, partner=Person(birth_date=date(1988, 1, 1)),
                             institution=True), start="2026-09")
    assert couple.norm.amount == D("699.11")  # 1 July 2026 (read in a copy of the law text)
    assert any(f.code == "copy" and f.rule_id == "participatiewet/norm/art23_inrichting_gehuwden" for f in couple.flags)


def test_assets_above_the_limit_give_no_bijstand() -> None:
    at_limit = month(Household(composition="single", claimant=SAM, assets="8000.00"))
    assert at_limit.bijstand.amount == D("1401.50")
    above = month(Household(composition="single", claimant=SAM, assets="8000.01"))
    assert (above.bijstand.amount, above.bijstand_paid_monthly.amount, above.vakantietoeslag_reserved.amount) == (0, 0, 0)
    assert "article 34" in render(above.bijstand.explanation, "en")
    assert "artikel 34" in render(above.bijstand.explanation, "nl")
    # A single parent has the higher limit; and in 2025 the limit was 7,770.
    parent = Household(composition="single_parent", claimant=SAM, youngest_child_birth_date=date(2020, 1, 1), assets="12000")
    assert month(parent).bijstand.amount > 0
    assert month(Household(composition="single", claimant=SAM, assets="7800"), start="2025-03").bijstand.amount == 0


def test_a_sanction_lowers_the_bijstand_of_its_month_only() -> None:
    household = Household(composition="single", claimant=SAM, sanctions=(Sanction(month="2026-04", percent=30),))
    march, april, may = project(Plan(start="2026-03", months=3, household=household), RULES).months
    assert march.bijstand.amount == may.bijstand.amount == D("1401.50")
    assert april.bijstand.amount == D("1401.50") - D("420.45")  # 30 % of the norm
    assert april.bijstand_paid_monthly.amount == D("1331.42") - D("420.45")  # taken from what is paid first
    assert april.vakantietoeslag_reserved.amount == D("70.08")
    assert "article 18" in render(april.bijstand.explanation, "en")
    full = Household(composition="single", claimant=SAM, sanctions=(Sanction(month="2026-03", percent=100),))
    m = month(full)
    assert (m.bijstand.amount, m.bijstand_paid_monthly.amount, m.vakantietoeslag_reserved.amount) == (0, 0, 0)


def test_a_version_1_file_is_migrated_and_saved_as_version_2(tmp_path: Path) -> None:
    assert json.loads(EXAMPLE.read_text(encoding="utf-8"))["schema_version"] == 1
    plan = load_plan(EXAMPLE)
    assert plan.schema_version == SCHEMA_VERSION == 2
    assert (plan.household.housing_costs, plan.household.institution, plan.household.assets, plan.household.sanctions) == (
        True, False, None, ())
    path = tmp_path / "saved.bvp.json"
    save_plan(plan, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2 and data["household"]["housing_costs"] is True
    assert load_plan(path) == plan
