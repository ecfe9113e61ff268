"""The risk engine's memory setting (planner.risk.FREED_MEMORY): glibc keeps freed arrays for the next run.

It changes where memory comes from, never a result; it applies on glibc only, and the user's own glibc settings
win. (How much time it saves is measured by bench/bench_risk.py, not asserted here.)
"""

from __future__ import annotations

import platform
import sys

import numpy as np

from planner.risk import _ARRAY_FIELDS, FREED_MEMORY, _FreedMemory, planned_result, sample, simulate
from planner.rules import load_rules
from planner.storage import load_plan

RULES = load_rules()
EXAMPLE = "examples/schoonmaker-amsterdam.bvp.json"
GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


def test_the_engine_keeps_freed_memory_on_glibc_and_can_hand_it_back() -> None:
    plan = load_plan(EXAMPLE)
    simulate(plan, sample(plan, 50, seed=3), RULES, planned_result(plan, RULES))
    assert FREED_MEMORY.kept == GLIBC  # a run switched it on (where glibc is the C library)
    FREED_MEMORY.give_back()
    assert not FREED_MEMORY.kept
    simulate(plan, sample(plan, 50, seed=3), RULES, planned_result(plan, RULES))
    assert FREED_MEMORY.kept == GLIBC  # and the next run on again


def test_the_users_own_glibc_settings_win(monkeypatch) -> None:  # noqa: ANN001
    for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"):
        with monkeypatch.context() as env:
            env.setenv(name, "131072")
            memory = _FreedMemory()
            assert memory.libc() is None
            assert memory.keep() is False and not memory.kept
    assert (_FreedMemory().libc() is not None) == GLIBC


def test_a_switched_off_setting_leaves_malloc_alone() -> None:
    memory = _FreedMemory()
    memory.enabled = False
    assert memory.keep() is False and not memory.kept


def test_the_results_are_the_same_with_and_without_it() -> None:
    plan = load_plan(EXAMPLE)
    planned = planned_result(plan, RULES)
    futures = sample(plan, 400, seed=8)
    FREED_MEMORY.give_back()
    FREED_MEMORY.enabled = False
    try:
        alone = simulate(plan, futures, RULES, planned)
        assert not FREED_MEMORY.kept
    finally:
        FREED_MEMORY.enabled = True
    kept = simulate(plan, futures, RULES, planned)
    assert FREED_MEMORY.kept == GLIBC
    for name in _ARRAY_FIELDS:
        assert np.array_equal(getattr(alone, name), getattr(kept, name)), name
    assert np.array_equal(alone.daily.balance(), kept.daily.balance())  # type: ignore[union-attr]
