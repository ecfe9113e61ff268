"""Benchmark: the risk simulation, 10,000 futures x 12 months of a 300-shift plan (issue goal: at most 50 ms median).

Prints figures and says whether the goal is met; asserts nothing.
Run: .venv/bin/python bench/bench_risk.py [--futures N] [--repeat R] [--threads]

Printed, each as a median over the repeats, in wall-clock time and in CPU time of this process (they differ
when the machine is shared; the load average is printed too), with the page faults of a run. The four timed
things (sampling, simulating, both in one call, one Decimal run) are run in turns, one of each per round, so a
slow spell of the shared machine falls on all of them alike:

- sampling the futures (``planner.risk.sample``), simulating them (``planner.risk.simulate``: payments, benefit
  months, estimate, settlement, ledger, given the plan's own Decimal result, which the app and ``compute
  --risk`` have already), and the two together in one timed call;
- all of that twice: with ``planner.risk.FREED_MEMORY`` in force (what the engine does: freed arrays are kept
  for the next run instead of fresh pages; glibc only), and, in a fresh process of its own (malloc's state
  depends on what a process did before), with glibc's malloc left alone;
- one run of the Decimal engine on the same plan (``planner.scenarios.run``) and the ratio: how many Decimal runs
  one sampling and simulation of all futures costs;
- the summary (``planner.risk.summarise``: chances, percentiles, set-aside), not part of the goal;
- memory: the futures, the peak of numpy's allocations during one simulation (tracemalloc), the process's resident
  memory with the freed memory kept and after handing it back (``FREED_MEMORY.give_back``), and its peak;
- with ``--threads``: the two halves of the futures simulated in two threads (measured, not used by the engine).

The goal is compared with the median wall-clock time of sampling plus simulating 10,000 futures in one call, as
the engine runs (freed memory kept); the bench also says whether the simulation alone meets it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compute import example_plan  # noqa: E402

from planner.model import Risk  # noqa: E402
from planner.risk import FREED_MEMORY, _slice, concat_outcomes, sample, simulate, summarise  # noqa: E402
from planner.rules import load_rules  # noqa: E402
from planner.scenarios import run, shifts_of  # noqa: E402

GOAL_MS = 50.0


def timed(fn, repeat: int) -> tuple[float, float, float, object]:  # noqa: ANN001
    """Median wall ms, CPU ms and minor page faults of ``fn`` over ``repeat`` runs, and its last result."""
    return interleaved({"": fn}, repeat)[""]


def interleaved(fns: dict[str, object], repeat: int) -> dict[str, tuple[float, float, float, object]]:
    """:func:`timed` for several functions, run in turns (one of each per round), so that a slow spell of the
    shared machine falls on all of them alike and their figures can be compared."""
    runs: dict[str, tuple[list[float], list[float], list[float]]] = {name: ([], [], []) for name in fns}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, fn in fns.items():
            walls, cpus, faults = runs[name]
            f = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            w, c = time.perf_counter(), time.process_time()
            results[name] = fn()  # type: ignore[operator]
            cpus.append((time.process_time() - c) * 1000)
            walls.append((time.perf_counter() - w) * 1000)
            faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f)
    return {name: (statistics.median(w), statistics.median(c), statistics.median(f), results[name])
            for name, (w, c, f) in runs.items()}


def resident_mib() -> float:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


def line(label: str, wall: float, cpu: float, faults: float, note: str = "") -> None:
    print(f"  {label:<20}{wall:8.1f} ms wall {cpu:8.1f} ms cpu {faults:8.0f} page faults  {note}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--futures", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--threads", action="store_true", help="also measure two halves in two threads")
    parser.add_argument("--malloc-left-alone", action="store_true",
                        help="only the timings, with glibc's malloc left alone (run in a fresh process by the bench)")
    args = parser.parse_args()
    rules = load_rules()
    # The plan of bench_compute (300 shifts over 12 months, a gross and a net job, a single parent with the
    # vrijlating running), with some spread and a small chance of losing a week, so the futures differ.
    plan = example_plan(300)
    plan = plan.model_copy(update={"risk": Risk(hours_spread={"hotel": "20"}, week_lost_chance="2", late_report_chance="5")})
    n, repeat = args.futures, args.repeat
    planned = shifts_of(plan, "planned")
    if args.malloc_left_alone:
        FREED_MEMORY.enabled = False
    else:
        print(f"plan: {len(plan.shifts)} shifts, {plan.months} months; {n:,} futures; median of {repeat} runs")
        load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
        print(f"machine: {os.cpu_count()} cores, load average {load} (other work shows as wall > cpu)")
        print("glibc's malloc left alone (a fresh process; the engine before it kept freed memory):", flush=True)
        subprocess.run([sys.executable, __file__, "--futures", str(n), "--repeat", str(repeat), "--malloc-left-alone"],
                       check=True)
        if FREED_MEMORY.libc() is None:
            print("freed memory kept: not available here (not glibc, or MALLOC_*_THRESHOLD_ set): malloc left alone")
        else:
            print("freed memory kept (planner.risk.FREED_MEMORY, as the engine runs):")
    result = run(plan, rules, planned)
    futures = sample(plan, n, seed=1)
    simulate(plan, futures, rules, result)  # warm the rule caches
    # In turns, one of each per round: the shared machine's slow spells (its speed varies up to twofold within
    # minutes) then fall on all four alike, and the ratio to the Decimal engine is of the same minutes.
    figures = interleaved({
        "sample": lambda: sample(plan, n, seed=1),
        "simulate": lambda: simulate(plan, futures, rules, result),
        "sample + simulate": lambda: simulate(plan, sample(plan, n, seed=1), rules, result),
        "Decimal engine": lambda: run(plan, rules, planned),
    }, repeat)
    w, c, f, _ = figures["sample"]
    line("sample", w, c, f)
    w, c, f, outcome = figures["simulate"]
    line("simulate", w, c, f, f"engine: {outcome.engine}")  # type: ignore[union-attr]
    simulate_alone = (w, c)
    total_w, total_c, f, _ = figures["sample + simulate"]
    line("sample + simulate", total_w, total_c, f, "(one call: the figure the goal is compared with)")
    w_dec, c_dec, _, _ = figures["Decimal engine"]
    if args.malloc_left_alone:
        print(f"  memory: resident {resident_mib():.0f} MiB after these runs, malloc left alone")
        return
    kept_rss = resident_mib()
    print("one Decimal engine run (one future):")
    line("Decimal engine", w_dec, c_dec, 0)
    print(f"ratio: sampling and simulating {n:,} futures = {total_w / w_dec:.1f} Decimal runs "
          f"({w_dec * n / total_w:,.0f}x faster per future); simulating alone = {simulate_alone[0] / w_dec:.1f}")
    w, c, f, _ = timed(lambda: summarise(plan, outcome, 1, rules, result), max(3, repeat // 3))  # type: ignore[arg-type]
    line("summarise", w, c, f, "(not part of the goal)")

    if args.threads:
        pool = ThreadPoolExecutor(2)

        def two_threads():  # noqa: ANN202
            half = n // 2
            parts = [pool.submit(simulate, plan, _slice(futures, lo, hi), rules, result)  # type: ignore[arg-type]
                     for lo, hi in ((0, half), (half, n))]
            return concat_outcomes([p.result() for p in parts])

        two_threads()
        w, c, f, _ = timed(two_threads, repeat)
        line("simulate, 2 threads", w, c, f, "(two halves at once; not used by the engine)")
        pool.shutdown()

    tracemalloc.start()
    simulate(plan, futures, rules, result)  # type: ignore[arg-type]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    futures_mb = (futures.worked.nbytes + futures.hours.nbytes + futures.late.nbytes) / 2**20  # type: ignore[union-attr]
    kept_note = ""
    if FREED_MEMORY.kept:
        FREED_MEMORY.give_back()
        kept_note = (f"resident {kept_rss:.0f} MiB with the freed memory kept, {resident_mib():.0f} MiB after "
                     f"handing it back with FREED_MEMORY.give_back() ({kept_rss - resident_mib():.0f} MiB kept for the next run; "
                     f"compare the resident memory with malloc left alone above); ")
    print(f"memory: futures {futures_mb:.1f} MiB; numpy's peak during one simulation {peak / 2**20:.1f} MiB; {kept_note}"
          f"process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    met = "MET" if total_w <= GOAL_MS else "NOT MET"
    print(f"goal: {n:,} futures x {plan.months} months in at most {GOAL_MS:.0f} ms median, compared with sampling + "
          f"simulating in one call, wall clock: {total_w:.1f} ms -> {met} (cpu {total_c:.1f} ms)")
    alone = "meets" if simulate_alone[0] <= GOAL_MS else "does not meet"
    print(f"      the simulation alone (futures given) {alone} it: {simulate_alone[0]:.1f} ms wall, "
          f"{simulate_alone[1]:.1f} ms cpu")


if __name__ == "__main__":
    main()
