"""Benchmark: the risk simulation, 10,000 futures x 12 months of a 300-shift plan (issue goal: at most 50 ms median).

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_risk.py [--futures N] [--repeat R]

Printed, each as a median over the repeats (wall clock and CPU time of this process, which differ when the
machine is shared):

- sampling the futures (``planner.risk.sample``);
- simulating them (``planner.risk.simulate``: payments, benefit months, estimate, settlement, ledger), given
  the plan's own Decimal result (the app and ``compute --risk`` have it already), and without it;
- one run of the Decimal engine on the same plan (``planner.scenarios.run``), and the ratio: how many
  Decimal runs one simulation of all futures costs;
- the summary (``planner.risk.summarise``: chances, percentiles, set-aside);
- memory: the peak of numpy's allocations during one simulation (tracemalloc), and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compute import example_plan  # noqa: E402

from planner.model import Risk  # noqa: E402
from planner.risk import sample, simulate, summarise  # noqa: E402
from planner.rules import load_rules  # noqa: E402
from planner.scenarios import run, shifts_of  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, float, object]:  # noqa: ANN001
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append((time.process_time() - c) * 1000)
        walls.append((time.perf_counter() - w) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--futures", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    rules = load_rules()
    # The plan of bench_compute (300 shifts over 12 months, a gross and a net job, a single parent with the
    # vrijlating running), with some spread and a small chance of losing a week, so the futures differ.
    plan = example_plan(300)
    plan = plan.model_copy(update={"risk": Risk(hours_spread={"hotel": "20"}, week_lost_chance="2", late_report_chance="5")})
    n, repeat = args.futures, args.repeat
    print(f"plan: {len(plan.shifts)} shifts, {plan.months} months; {n:,} futures; median of {repeat} runs")
    print(f"(machine: {Path('/proc/loadavg').read_text().split()[0] if Path('/proc/loadavg').exists() else '?'} load average)")

    w, c, futures = timed(lambda: sample(plan, n, seed=1), repeat)
    print(f"sample            {w:8.1f} ms wall  {c:8.1f} ms cpu")
    planned = shifts_of(plan, "planned")
    w_dec, c_dec, result = timed(lambda: run(plan, rules, planned), repeat)
    simulate(plan, futures, rules, result)  # warm the rule caches
    w_sim, c_sim, outcome = timed(lambda: simulate(plan, futures, rules, result), repeat)  # type: ignore[arg-type]
    print(f"simulate          {w_sim:8.1f} ms wall  {c_sim:8.1f} ms cpu   engine: {outcome.engine}"  # type: ignore[union-attr]
          f"   (goal: at most 50 ms median; the plan's own Decimal result given, as the app and CLI have it)")
    w_all, c_all, _ = timed(lambda: simulate(plan, futures, rules), repeat)
    print(f"simulate alone    {w_all:8.1f} ms wall  {c_all:8.1f} ms cpu   (computing that Decimal result too)")
    print(f"Decimal engine    {w_dec:8.1f} ms wall  {c_dec:8.1f} ms cpu   (one future)")
    print(f"ratio             one simulation of {n:,} futures = {w_sim / w_dec:.1f} Decimal runs "
          f"({w_dec * n / w_sim:,.0f}x faster per future)")
    w, c, _ = timed(lambda: summarise(plan, outcome, 1, rules, result), max(3, repeat // 3))  # type: ignore[arg-type]
    print(f"summarise         {w:8.1f} ms wall  {c:8.1f} ms cpu")

    tracemalloc.start()
    simulate(plan, futures, rules, result)  # type: ignore[arg-type]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    futures_mb = (futures.worked.nbytes + futures.hours.nbytes + futures.late.nbytes) / 2**20
    print(f"memory            futures {futures_mb:.1f} MiB; peak during one simulation {peak / 2**20:.1f} MiB; "
          f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
