from __future__ import annotations

from datetime import date
from decimal import Decimal
from string import Formatter

import pytest

from planner.explain import Day, Explanation, Money
from planner.rules import RuleSet
from planner.wages.tax import check_minimum_wage, minimum_hourly_wage

MARCH_2026 = date(2026, 3, 1)


def assert_fields_filled(explanation: Explanation) -> None:
    """Every ``{field}`` of each sentence has a value, and every value is used."""
    fields = {field for _, field, _, _ in Formatter().parse(explanation.message) if field}
    assert fields == set(explanation.values), explanation.message
    for part in explanation.more:
        assert_fields_filled(part)


@pytest.mark.parametrize(
    ("age", "on", "expected"),
    [
        (21, date(2025, 3, 1), "14.06"),
        (35, date(2025, 8, 1), "14.40"),
        (66, MARCH_2026, "14.71"),
        (20, MARCH_2026, "11.77"),
        (19, MARCH_2026, "8.83"),
        (18, MARCH_2026, "7.36"),
        (20, date(2025, 3, 1), "11.25"),
    ],
)
def test_minimum_hourly_wage_in_force(wage_rules: RuleSet, age: int, on: date, expected: str) -> None:
    found = minimum_hourly_wage(age, on, wage_rules)
    assert found is not None
    assert found.value == Decimal(expected)
    assert found.published


def test_no_minimum_wage_rule_under_18(wage_rules: RuleSet) -> None:
    assert minimum_hourly_wage(17, MARCH_2026, wage_rules) is None
    assert check_minimum_wage(Decimal("1.00"), 17, MARCH_2026, wage_rules) is None


def test_unknown_values_are_flagged_not_guessed(wage_rules: RuleSet) -> None:
    # 21 and older from 1 July 2026: EUR 14.99, read in a secondary source (a note citing the Staatscourant).
    july_2026 = minimum_hourly_wage(25, date(2026, 8, 1), wage_rules)
    assert july_2026 is not None
    assert (july_2026.status, july_2026.value, july_2026.valid_from) == ("secondary", Decimal("14.99"), date(2026, 7, 1))
    # Young people's rates from 1 July 2026 were not found: the last known number, flagged.
    youth_july_2026 = minimum_hourly_wage(19, date(2026, 8, 1), wage_rules)
    assert youth_july_2026 is not None
    assert youth_july_2026.status == "unknown"
    assert youth_july_2026.valid_from == date(2026, 1, 1)
    youth_july_2025 = minimum_hourly_wage(19, date(2025, 9, 1), wage_rules)
    assert youth_july_2025 is not None
    assert youth_july_2025.status == "unknown"


def test_warning_below_the_minimum(wage_rules: RuleSet) -> None:
    warning = check_minimum_wage(Decimal("14.70"), 30, MARCH_2026, wage_rules)
    assert warning is not None
    assert warning.values["wage"] == Money(Decimal("14.70"))
    assert warning.values["minimum"] == Money(Decimal("14.71"))
    assert warning.values["day"] == Day(MARCH_2026)
    assert [ref.id for ref in warning.rules] == ["wml/minimumuurloon_21"]
    assert "below the legal minimum wage" in warning.message
    assert_fields_filled(warning)


def test_youth_warning(wage_rules: RuleSet) -> None:
    warning = check_minimum_wage(Decimal("11.00"), 20, MARCH_2026, wage_rules)
    assert warning is not None
    assert warning.values["minimum"] == Money(Decimal("11.77"))
    assert warning.rules[0].id == "wml/minimumuurloon_20"


@pytest.mark.parametrize("hourly", ["14.71", "14.72", "20.00"])
def test_no_warning_at_or_above_the_minimum(wage_rules: RuleSet, hourly: str) -> None:
    assert check_minimum_wage(Decimal(hourly), 30, MARCH_2026, wage_rules) is None


def test_warning_against_the_last_known_minimum_says_so(wage_rules: RuleSet) -> None:
    # The minimum of 1 January 2027 is not in our files: the last known one (1 July 2026) is used and said so.
    february_2027 = date(2027, 2, 1)
    warning = check_minimum_wage(Decimal("14.00"), 30, february_2027, wage_rules)
    assert warning is not None
    assert "last known" in warning.message
    assert warning.values["valid_from"] == Day(date(2026, 7, 1))
    assert warning.rules[0].coverage == "not_yet_published"
    assert_fields_filled(warning)
    # Above the last known minimum nothing certain can be said: no warning.
    assert check_minimum_wage(Decimal("15.10"), 30, february_2027, wage_rules) is None


def test_no_check_before_the_first_value(wage_rules: RuleSet) -> None:
    # The 2025 value is later than 2024's and may be higher: comparing with it could warn wrongly.
    assert check_minimum_wage(Decimal("13.00"), 30, date(2024, 6, 1), wage_rules) is None
