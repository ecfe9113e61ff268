"""``bijverdienplanner compare A B --risk``: the ranges over the same futures, in json and table, nl and en."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from planner.cli import main
from planner.compare_summary import summarise
from planner.scenarios import compare
from planner.storage import load_plan


def plan_file(tmp_path: Path, name: str, maybe: bool, chance_maybe: str = "30") -> Path:
    """Sam: vrijlating used up, 10 sure hours a month at 12 euro net, and (``maybe``) one "maybe" shift of 12
    hours in February: if it is worked, February's income is above the estimate and 144 euro is withheld."""
    shifts = [{"date": f"2026-0{m}-10", "hours": "10", "job": "werk"} for m in range(1, 6)]
    if maybe:
        shifts.append({"date": "2026-02-17", "hours": "12", "job": "werk", "certainty": "maybe"})
    plan = {
        "schema_version": 1,
        "name": name,
        "start": "2026-01",
        "months": 5,
        "household": {"composition": "single", "claimant": {"birth_date": "1986-01-01", "vrijlating_months_used": 6}},
        "jobs": [{"id": "werk", "name": "Schoonmaak", "wage": "12.00", "wage_basis": "net", "holiday_pay": "none"}],
        "shifts": shifts,
        "starting_balance": "400",
        "expenses": [{"name": "Huur", "amount": "700", "day": 27}],
        "settlement": {"safety_buffer": "100"},
        "risk": {"chance_maybe": chance_maybe},
    }
    path = tmp_path / f"{name}.bvp.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_risk_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = plan_file(tmp_path, "vast", False), plan_file(tmp_path, "extra", True)
    code, out, err = run(capsys, str(a), str(b), "--format", "json", "--lang", "en", "--risk", "--samples", "2000",
                         "--seed", "4")
    assert (code, err) == (0, "")
    data = json.loads(out)
    risk = data["risk"]
    assert (risk["samples"], risk["seed"], risk["engine"], risk["months"]) == (2000, 4, "vectorised", 5)
    # Plan A has no uncertain shift: one answer in every future, the deterministic one.
    totals = data["totals"]["kept"]
    assert risk["a"]["kept"] == {"median": totals["a"], "low": totals["a"], "high": totals["a"]}
    assert (risk["a"]["letter_chance"], risk["a"]["letter_total"]) == ("0.0000", None)
    # Plan B: the maybe shift is worked in about 3 of 10 futures, and then 144 euro is withheld.
    assert abs(Decimal(risk["b"]["letter_chance"]) - Decimal("0.30")) < Decimal("0.05")
    assert risk["b"]["letter_total"] == {"median": "144.00", "low": "144.00", "high": "144.00"}
    assert Decimal(risk["b_keeps_more_chance"]) + Decimal(risk["b_keeps_less_chance"]) <= 1
    assert set(risk["kept_difference"]) == {"median", "low", "high"}
    assert risk["texts"][1] == "With “vast”, in none of the futures we tried is money withheld or reclaimed."
    assert risk["texts"][2].startswith("With “extra”, in 3 of 10 futures money is withheld or reclaimed at least once.")
    assert len(risk["texts"]) == 4


def test_at_zero_uncertainty_the_ranges_are_the_totals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = plan_file(tmp_path, "vast", False, "100"), plan_file(tmp_path, "extra", True, "100")
    code, out, _ = run(capsys, str(a), str(b), "--format", "json", "--risk", "--samples", "50")
    assert code == 0
    data = json.loads(out)
    kept = summarise(compare(load_plan(a), load_plan(b))).kept
    assert data["risk"]["kept_difference"] == {k: str(kept.difference) for k in ("median", "low", "high")}
    assert data["totals"]["kept"]["difference"] == str(kept.difference)
    assert data["risk"]["b"]["letter_chance"] == "1.0000"


@pytest.mark.parametrize("lang, heading, row", [
    ("nl", "Risico: beide plannen in dezelfde mogelijke gevallen", "Kans op een brief"),
    ("en", "Risk: both plans over the same possible futures", "Chance of a letter"),
])
def test_table_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, heading: str, row: str) -> None:
    a, b = plan_file(tmp_path, "vast", False), plan_file(tmp_path, "extra", True)
    code, out, err = run(capsys, str(a), str(b), "--lang", lang, "--risk", "--samples", "1000")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert heading in lines
    chance_row = next(line for line in lines if line.startswith(row))
    # A never, B in 3 of 10 futures
    assert re.search({"nl": r"nooit\s+3 op 10$", "en": r"never\s+3 in 10$"}[lang], chance_row), chance_row
    plain = run(capsys, str(a), str(b), "--lang", lang)[1]
    assert heading not in plain and out.startswith(plain.rstrip("\n"))


def test_samples_and_seed_only_with_risk(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = plan_file(tmp_path, "vast", False), plan_file(tmp_path, "extra", True)
    code, out, err = run(capsys, str(a), str(b), "--samples", "10", "--lang", "en")
    assert (code, out) == (2, "") and "--risk" in err
    code, _, err = run(capsys, str(a), str(b), "--risk", "--samples", "0", "--lang", "en")
    assert code == 2 and "--samples" in err
    code, _, err = run(capsys, str(a), str(b), "--risk", "--seed", "-1", "--lang", "en")
    assert code == 2 and "--seed" in err


def test_seeded_runs_are_the_same(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = plan_file(tmp_path, "vast", False), plan_file(tmp_path, "extra", True)
    first = run(capsys, str(a), str(b), "--format", "json", "--risk", "--samples", "500", "--seed", "9")[1]
    again = run(capsys, str(a), str(b), "--format", "json", "--risk", "--samples", "500", "--seed", "9")[1]
    other = run(capsys, str(a), str(b), "--format", "json", "--risk", "--samples", "500", "--seed", "10")[1]
    assert first == again
    assert json.loads(first)["risk"]["b"] != json.loads(other)["risk"]["b"]
