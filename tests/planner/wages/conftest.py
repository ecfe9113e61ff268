"""Fixtures for the wage tests: only the tax and minimum-wage rule files.

The rule set is built from ``planner/rules/belastingen/`` and
``planner/rules/wml/`` alone, so these tests depend on nothing else in the
rule tree.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pytest

from planner.rules import RULES_DIR, Parameter, RuleSet, parse_parameter

WAGE_RULE_DIRS = ("belastingen", "wml")


def _load_wage_parameters() -> dict[str, Parameter]:
    params: dict[str, Parameter] = {}
    for sub in WAGE_RULE_DIRS:
        for path in sorted((RULES_DIR / sub).rglob("*.yaml")):
            param_id = path.relative_to(RULES_DIR).with_suffix("").as_posix()
            params[param_id] = parse_parameter(param_id, path.read_text(encoding="utf-8"))
    return params


@pytest.fixture(scope="session")
def wage_parameters() -> Mapping[str, Parameter]:
    """The tax and minimum-wage parameters by id (read-only; copy it to vary a file)."""
    return MappingProxyType(_load_wage_parameters())


@pytest.fixture(scope="session")
def wage_rules(wage_parameters: Mapping[str, Parameter]) -> RuleSet:
    return RuleSet(dict(wage_parameters))
