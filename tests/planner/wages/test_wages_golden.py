"""The worked wage examples: the shared golden wage cases and ``golden_wages.yaml``, run as data.

Every case id must have a handler here; an unknown id fails, so no case is
skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.rules import RuleSet
from planner.wages.periods import four_weekly_to_month
from planner.wages.tax import bijzonder_tarief, loonheffing

GOLDEN = Path(__file__).with_name("golden_wages.yaml")
SHARED = Path(__file__).parents[1] / "golden" / "cases.yaml"
SHARED_WAGE_IDS = {"four-weekly-to-month-haarlemmermeer", "bijzonder-tarief-2026-low", "loonheffing-change-2025-2026"}
CASES: list[dict[str, Any]] = [
    c for c in yaml.safe_load(SHARED.read_text(encoding="utf-8")) if c["id"] in SHARED_WAGE_IDS
] + yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))

# L2 compares a payslip of December 2025 with one of January 2026.
DEC_2025 = date(2025, 12, 25)
JAN_2026 = date(2026, 1, 25)


def _four_weekly(case: dict[str, Any], rules: RuleSet) -> None:
    per_year, per_month = four_weekly_to_month(Decimal(case["input"]["net_per_four_weeks"]))
    assert per_year == Decimal(case["output"]["per_year"])
    assert per_month == Decimal(case["output"]["per_month_approx"])


def _bijzonder_tarief(case: dict[str, Any], rules: RuleSet) -> None:
    given = case["input"]
    percent, explanation = bijzonder_tarief(
        Decimal(given["previous_year_wage"]), given["year"], with_lhk=given["loonheffingskorting"], rules=rules
    )
    assert percent == Decimal(case["output"]["bijzonder_tarief_percent"])
    assert explanation.rules, "the explanation names the rules used"


def _net_rise(case: dict[str, Any], rules: RuleSet) -> None:
    tolerance = Decimal(case["tolerance"])
    for row in case["cases"]:
        gross = Decimal(row["gross_month"])
        before = loonheffing(gross, "month", DEC_2025, with_lhk=True, rules=rules)
        after = loonheffing(gross, "month", JAN_2026, with_lhk=True, rules=rules)
        rise = after.net - before.net
        expected = Decimal(row["net_rise"])
        assert abs(rise - expected) <= tolerance, f"gross {gross}: net rise {rise}, published {expected}"


def _minimum_wage_month(case: dict[str, Any], rules: RuleSet) -> None:
    pay_date = date.fromisoformat(case["pay_date"])
    for row in case["cases"]:
        gross = Decimal(row["gross_month"])
        with_lhk = loonheffing(gross, "month", pay_date, with_lhk=True, rules=rules)
        without = loonheffing(gross, "month", pay_date, with_lhk=False, rules=rules)
        assert with_lhk.loonheffing == Decimal(row["with_lhk"]), row
        assert without.loonheffing == Decimal(row["without_lhk"]), row


def _implied(case: dict[str, Any], rules: RuleSet) -> None:
    for row in case["cases"]:
        pay_date = date.fromisoformat(row["pay_date"])
        result = loonheffing(Decimal(row["gross_month"]), "month", pay_date, with_lhk=True, rules=rules)
        assert result.loonheffing == Decimal(row["loonheffing"]), row


HANDLERS: dict[str, Callable[[dict[str, Any], RuleSet], None]] = {
    "four-weekly-to-month-haarlemmermeer": _four_weekly,
    "bijzonder-tarief-2026-low": _bijzonder_tarief,
    "bijzonder-tarief-2025-vakantiegeld": _bijzonder_tarief,
    "loonheffing-change-2025-2026": _net_rise,
    "loonheffing-change-2025-2026-no-tax": _net_rise,
    "loonheffing-2026-minimum-wage-month-derived": _minimum_wage_month,
    "loonheffing-implied-by-l2-derived": _implied,
}


def test_every_case_has_a_source_and_a_kind() -> None:
    for case in CASES:
        assert case["kind"] in ("source", "derived"), case["id"]
        assert case["source"], case["id"]
        if case["kind"] == "source" and case["id"] not in SHARED_WAGE_IDS:
            assert case.get("quote"), f"{case['id']}: a published case quotes its source"


def test_the_shared_golden_cases_are_all_here() -> None:
    ids = {case["id"] for case in CASES}
    assert {"four-weekly-to-month-haarlemmermeer", "bijzonder-tarief-2026-low", "loonheffing-change-2025-2026"} <= ids
    assert len(ids) == len(CASES), "case ids are unique"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_golden_case(case: dict[str, Any], wage_rules: RuleSet) -> None:
    handler = HANDLERS.get(case["id"])
    assert handler is not None, f"no handler for golden case {case['id']!r}"
    handler(case, wage_rules)
