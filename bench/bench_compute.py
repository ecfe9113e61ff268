"""Benchmark: compute a 12-month plan with 300 shifts (issue goal: under 5 ms median).

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_compute.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.benefit import project  # noqa: E402
from planner.model import Expense, Household, Housemate, Job, Person, Plan, Shift  # noqa: E402
from planner.rules import load_rules  # noqa: E402


def example_plan(shifts: int = 300) -> Plan:
    household = Household(
        composition="single_parent",
        claimant=Person(birth_date=date(1988, 5, 14), vrijlating_months_used=2),
        youngest_child_birth_date=date(2018, 9, 2),
        housemates=(Housemate(birth_date=date(1960, 1, 1), not_cost_sharer="commercial_tenant"),),
        municipality="amsterdam",
    )
    jobs = (
        Job(id="schoonmaak", wage="14.71", wage_basis="gross"),
        Job(id="hotel", wage="11.50", wage_basis="net"),
    )
    day = date(2026, 1, 1)
    out = []
    for i in range(shifts):
        out.append(
            Shift(date=day + timedelta(days=(i * 365) // shifts), hours=Decimal("4"), job=jobs[i % 2].id,
                  certainty=("sure", "likely", "maybe")[i % 3])
        )
    expenses = (Expense(name="Huur", amount="650", day=1), Expense(name="Boodschappen", amount="70", every="week", day=6))
    return Plan(start="2026-01", months=12, household=household, jobs=jobs, shifts=tuple(out), expenses=expenses,
                starting_balance=Decimal("250"))


def bench_gross_to_net(rules) -> None:  # noqa: ANN001
    """10,000 payments gross -> net (issue goal: under 50 ms median)."""
    from planner.wages.tax import loonheffing

    periods = ("month", "four_weeks", "week")
    cases = [(Decimal(100 + (i * 37) % 3000) + Decimal(i % 100) / 100, periods[i % 3], date(2026, 1 + i % 12, 25), i % 2 == 0)
             for i in range(10_000)]
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        for gross, period, day, lhk in cases:
            loonheffing(gross, period, day, with_lhk=lhk, rules=rules)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"10,000 payments gross->net: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms (goal: median < 50 ms)")


def main() -> None:
    rules = load_rules()
    plan = example_plan()
    project(plan, rules)  # warm up (rule files are loaded once per process)
    times = []
    for _ in range(200):
        t0 = time.perf_counter()
        project(plan, rules)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"12-month plan, 300 shifts, wages+benefit+premie: median {statistics.median(times):.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.2f} ms, min {times[0]:.2f} ms (goal: median < 5 ms)")
    from planner.scenarios import run

    run(plan, rules)
    times = []
    for _ in range(100):
        t0 = time.perf_counter()
        run(plan, rules)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"12-month plan, 300 shifts, wages+benefit+settlement+ledger: median {statistics.median(times):.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.2f} ms (goal: median < 20 ms)")
    bench_gross_to_net(rules)
    t0 = time.perf_counter()
    load_rules.cache_clear()
    load_rules()
    print(f"loading all rule files: {(time.perf_counter() - t0) * 1000:.1f} ms (once per process)")


if __name__ == "__main__":
    main()
