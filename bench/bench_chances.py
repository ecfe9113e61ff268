"""Benchmark: the window's chances run (``planner.risk.assess_in_slices``) against one run (``assess``).

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_chances.py [--futures N] [--slice R] [--repeat K]

For the hotel example plan (189 shifts, 12 months) and the 300-shift plan of bench_risk.py (with its uncertainty), each a median over
the repeats (wall clock):

- ``assess`` (sample, simulate all futures at once, summarise) and ``assess_in_slices`` (the same futures
  simulated ``--slice`` at a time, with a progress callback and a cancel check between slices), and the
  overhead of slicing; and as the window runs it (slices sized to take about ``CHANCES_SLICE_MS``);
- the time from the start to the first progress call after a slice: how soon the progress bar can move;
- memory of the per-day balances: the compact ``DailyRows`` (futures x paydays) against a plain
  [futures, days] array, and the peak of numpy's allocations (tracemalloc) during each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compute import example_plan  # noqa: E402

from planner.model import Risk  # noqa: E402
from planner.risk import assess, assess_in_slices, planned_result, sample, simulate  # noqa: E402
from planner.rules import load_rules  # noqa: E402
from planner.storage import load_plan  # noqa: E402
from ui.jobs import CHANCES_SLICE_MS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _median_ms(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _peak_mb(fn) -> float:  # noqa: ANN001
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--futures", type=int, default=10_000)
    parser.add_argument("--slice", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rules = load_rules()
    plans = {"hotel example": load_plan(ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"),
             "300-shift plan": example_plan(300).model_copy(update={"risk": Risk(  # as bench_risk.py
                 hours_spread={"hotel": "20"}, week_lost_chance="2", late_report_chance="5")})}
    for name, plan in plans.items():
        planned = planned_result(plan, rules)
        one = _median_ms(lambda: assess(plan, args.futures, 0, rules, planned), args.repeat)
        sliced = _median_ms(lambda: assess_in_slices(plan, args.futures, 0, rules, planned, slice_rows=args.slice,
                                                     progress=lambda d, t: None, cancelled=lambda: False), args.repeat)
        steps: list[int] = []
        timed = _median_ms(lambda: (steps.clear(), assess_in_slices(
            plan, args.futures, 0, rules, planned, slice_rows=args.slice, slice_ms=CHANCES_SLICE_MS,
            progress=lambda d, t: steps.append(d), cancelled=lambda: False)), args.repeat)
        firsts = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            seen: list[float] = []

            def progress(done: int, _total: int, start: float = start, seen: list[float] = seen) -> None:
                if done and not seen:
                    seen.append((time.perf_counter() - start) * 1000)

            assess_in_slices(plan, args.futures, 0, rules, planned, slice_rows=args.slice, progress=progress)
            firsts.append(seen[0])
        outcome = simulate(plan, sample(plan, args.futures, 0), rules, planned)
        daily = outcome.daily
        compact = (daily.rows.nbytes + daily.row_of_day.nbytes + daily.offset.nbytes) / 1e6
        full = args.futures * len(daily.row_of_day) * 8 / 1e6
        print(f"{name}: {len(plan.shifts)} shifts, {plan.months} months, {args.futures} futures, engine {outcome.engine}")
        print(f"  assess (one run)          {one:8.1f} ms")
        print(f"  assess_in_slices ({args.slice:>5}) {sliced:8.1f} ms   overhead {sliced - one:+.1f} ms "
              f"({(sliced / one - 1) * 100:+.0f} %)")
        print(f"  in slices of ~{CHANCES_SLICE_MS} ms (window) {timed:6.1f} ms   overhead {timed - one:+.1f} ms "
              f"({(timed / one - 1) * 100:+.0f} %), {len(steps) - 1} slices")
        print(f"  first progress after      {statistics.median(firsts):8.1f} ms")
        print(f"  per-day balances: DailyRows {compact:.1f} MB ({daily.rows.shape[1]} paydays) against "
              f"[futures, days] {full:.1f} MB ({len(daily.row_of_day)} days)")
        print(f"  numpy peak: one run {_peak_mb(lambda: assess(plan, args.futures, 0, rules, planned)):.1f} MB, "
              f"in slices {_peak_mb(lambda: assess_in_slices(plan, args.futures, 0, rules, planned, slice_rows=args.slice)):.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
