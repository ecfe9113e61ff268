#!/usr/bin/env python3
"""Benchmark of the plan-file gate: how long ``load_plan`` takes to accept or refuse big and bad files.
Prints figures; asserts nothing.

    .venv/bin/python bench/bench_gate.py

Files: the largest plan that is accepted (planner.model.MAX_SHIFTS shifts, one a day), the same plus one
shift (refused by the schema), 100,000 shifts (refused by the size limit before parsing), and JSON nested
100,000 deep. The window reads files through the same gate, on its background thread.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner.model import MAX_SHIFTS  # noqa: E402
from planner.storage import PlanFileError, load_plan  # noqa: E402

EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"


def shifts(n: int) -> list[dict]:
    first = date(2026, 1, 1)
    return [{"date": (first + timedelta(days=i % 1000)).isoformat(), "hours": "4", "job": "schoonmaak"} for i in range(n)]


def main() -> None:
    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    cases = {
        f"{MAX_SHIFTS} shifts (accepted)": json.dumps({**base, "shifts": shifts(MAX_SHIFTS)}, indent=2),
        f"{MAX_SHIFTS + 1} shifts (too many)": json.dumps({**base, "shifts": shifts(MAX_SHIFTS + 1)}, indent=2),
        "100000 shifts (too large)": json.dumps({**base, "shifts": shifts(100_000)}, indent=2),
        "100000 shifts, compact (too large)": json.dumps({**base, "shifts": shifts(100_000)}, separators=(",", ":")),
        "nested 100000 deep": "[" * 100_000 + "]" * 100_000,
    }
    with tempfile.TemporaryDirectory() as folder:
        load_plan(EXAMPLE)  # imports and pydantic's first use out of the figures
        for name, text in cases.items():
            path = Path(folder) / "plan.bvp.json"
            path.write_text(text, encoding="utf-8")
            times = []
            for _ in range(5):
                start = time.perf_counter()
                try:
                    load_plan(path)
                    outcome = "accepted"
                except PlanFileError as exc:
                    outcome = f"refused ({exc.kind})"
                times.append(time.perf_counter() - start)
            print(f"{name:38} {len(text) / 1024:8.0f} KB  {outcome:22} median {sorted(times)[2] * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
