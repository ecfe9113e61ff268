#!/usr/bin/env python3
"""Benchmark: a cold ``bijverdienplanner compute`` next to the bare-stack floor. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_startup.py [--runs 9] [--plan examples/...] [--bundle DIR]

Each run is a new process, as a user starts it. Alternately, ``--runs``
times each:

- **floor**: ``python -c "import pydantic, yaml, babel.numbers"``, the
  libraries any start of the CLI needs, with this Python;
- **compute**: the installed ``bijverdienplanner compute PLAN`` (the console
  script beside this Python), output thrown away;
- two lower bounds of any start that checks a plan file the way the project's
  conventions say (plans are frozen pydantic models, ../shared/STYLE.md 13
  and 14), printed so the goal can be judged: **floor + BaseModel** (the
  floor, then ``from pydantic import BaseModel``: the model machinery that a
  bare ``import pydantic`` does not load) and **floor + plan gate** (the
  floor, then ``planner.storage.load_plan(PLAN)``: the plan file read and
  checked, nothing computed);
- with ``--bundle DIR`` (a folder made by ``packaging/build``, e.g.
  ``dist/bundle/bijverdienplanner``): the bundle's ``compute PLAN`` and its
  ``--version`` (the cost of starting the bundle at all).

The app's own modules are first compiled to bytecode (``compileall``), as
``pip install`` and PyInstaller do: in a checkout run with
``PYTHONDONTWRITEBYTECODE=1`` every start would otherwise compile some 30
modules from source again (about 140 ms), which no installed copy does.

The rule files are parsed and validated once, then read from the JSON cache
(planner.rules): the first run below is made with an empty cache folder and
printed apart ("first start"); the medians are of the later runs, with the
cache in place, as every later start of the app is. Goal (issue 14): the
compute median at most 1.5 times the floor median.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import pydantic, yaml, babel.numbers"]


CPU: dict[str, list[float]] = {}


def timed(cmd: list[str], env: dict[str, str], name: str = "") -> float:
    """Wall time of one run; its CPU time (user + system, less disturbed by other work on the machine) goes to CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr.decode(errors='replace')}")
    if name:
        CPU.setdefault(name, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return elapsed


def _package_dirs() -> list[str]:
    """The folders of the app's packages as this Python imports them (the checkout, or site-packages)."""
    from importlib.util import find_spec

    return [str(Path(spec.origin).parent) for name in ("planner", "ui") if (spec := find_spec(name)) and spec.origin]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--plan", type=Path, default=ROOT / "examples" / "schoonmaker-amsterdam.bvp.json")
    parser.add_argument("--bundle", type=Path, help="a bundle folder made by packaging/build")
    args = parser.parse_args(argv)

    script = Path(sys.executable).with_name("bijverdienplanner")
    if not script.is_file():
        raise SystemExit(f"{script} not found: run this with the Python of an environment where the app is installed")
    commands = {
        "floor": FLOOR,
        "floor + BaseModel": [*FLOOR[:-1], FLOOR[-1] + "; from pydantic import BaseModel"],
        "floor + plan gate": [*FLOOR[:-1], FLOOR[-1] + f"; from planner.storage import load_plan; load_plan({str(args.plan)!r})"],
        "compute": [str(script), "compute", str(args.plan)],
    }
    if args.bundle is not None:
        program = args.bundle / "bijverdienplanner"
        commands["bundle compute"] = [str(program), "compute", str(args.plan)]
        commands["bundle --version"] = [str(program), "--version"]

    compiled = subprocess.run([sys.executable, "-m", "compileall", "-q", *_package_dirs()], capture_output=True, check=False)
    if compiled.returncode != 0:
        raise SystemExit(f"compileall failed:\n{compiled.stdout.decode(errors='replace')}")

    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, BIJVERDIENPLANNER_CACHE_DIR=cache)
        first = {name: timed(cmd, env) for name, cmd in commands.items()
                 if not name.startswith("floor") and "version" not in name}
        for name in first:  # later runs of the bundle write their own cache once too
            timed(commands[name], env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(timed(cmd, env, name))

    print(f"cold starts, {args.runs} runs each, new process every time ({os.cpu_count()} cores)")
    for name, values in times.items():
        print(f"  {name:18} median {statistics.median(values) * 1000:6.0f} ms   (min {min(values) * 1000:.0f}, "
              f"max {max(values) * 1000:.0f}; CPU median {statistics.median(CPU[name]) * 1000:.0f} ms)")
    for name, value in first.items():
        print(f"  {name:18} first start, rules not yet cached: {value * 1000:.0f} ms")
    floor = statistics.median(times["floor"])
    cpu_floor = statistics.median(CPU["floor"])
    for name in ("floor + BaseModel", "floor + plan gate"):
        print(f"ratio {name} / floor: {statistics.median(times[name]) / floor:.2f} (a lower bound of compute while "
              f"plans are pydantic models); in CPU time {statistics.median(CPU[name]) / cpu_floor:.2f}")
    print(f"ratio compute / floor: {statistics.median(times['compute']) / floor:.2f} (goal at most 1.5); "
          f"in CPU time {statistics.median(CPU['compute']) / cpu_floor:.2f}")
    if "bundle compute" in times:
        print(f"ratio bundle compute / floor: {statistics.median(times['bundle compute']) / floor:.2f}; "
              f"in CPU time {statistics.median(CPU['bundle compute']) / cpu_floor:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
