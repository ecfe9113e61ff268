"""``bijverdienplanner compute --risk``: the risk simulation in json and table, in both languages."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from planner.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compute", *args])
    out, err = capsys.readouterr()
    return code, out, err


def plan_file(tmp_path: Path, risk: dict | None = None) -> Path:
    """Sam: vrijlating used up, 10 sure hours a month at 12 euro net, and one "maybe" shift of 12 hours in
    February. If it is worked, February's income is above the estimate and 144 euro is withheld in March."""
    plan = {
        "schema_version": 1,
        "start": "2026-01",
        "months": 5,
        "household": {"composition": "single", "claimant": {"birth_date": "1986-01-01", "vrijlating_months_used": 6}},
        "jobs": [{"id": "werk", "name": "Schoonmaak", "wage": "12.00", "wage_basis": "net", "holiday_pay": "none"}],
        "shifts": [{"date": f"2026-0{m}-10", "hours": "10", "job": "werk"} for m in range(1, 6)]
        + [{"date": "2026-02-17", "hours": "12", "job": "werk", "certainty": "maybe"}],
        "starting_balance": "400",
        "expenses": [{"name": "Huur", "amount": "700", "day": 27}],
        "settlement": {"safety_buffer": "100"},
    }
    if risk is not None:
        plan["risk"] = risk
    path = tmp_path / "plan.bvp.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def test_json_risk_simulation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(plan_file(tmp_path, {"chance_maybe": "30"}))
    code, out, err = run(capsys, path, "--format", "json", "--lang", "en", "--risk", "--samples", "2000", "--seed", "4")
    assert (code, err) == (0, "")
    risk = json.loads(out)["risk_simulation"]
    assert (risk["samples"], risk["seed"], risk["engine"], risk["fallback_reason"]) == (2000, 4, "vectorised", None)
    assumptions = {a["id"]: a["value"] for a in risk["assumptions"]}
    assert assumptions["chance_maybe"] == "30" and assumptions["chance_likely"] == "80"
    assert assumptions["hours_spread.werk"] == "0" and assumptions["level"] == "10"
    march = next(m for m in risk["months"] if m["month"] == "2026-03")
    chance = Decimal(march["letter_chance"])
    assert abs(chance - Decimal("0.30")) < Decimal("0.05")
    assert march["letter_size"] == {"median": "144.00", "low": "144.00", "high": "144.00"}
    assert march["text"].startswith("In 3 of 10 futures you get a letter in March 2026: €144.00 is withheld")
    assert risk["letter_chance"] == march["letter_chance"]
    for m in risk["months"]:
        if m["month"] != "2026-03":
            assert m["letter_chance"] == "0.0000" and m["letter_size"] is None and m["text"] is None
    aside = risk["set_aside"]
    assert set(aside) == {"amount", "from_date", "needed_by", "level", "chance_after", "text"}
    assert re.fullmatch(r"\d+\.\d\d", aside["amount"]) and Decimal(aside["chance_after"]) <= Decimal("0.1")
    assert risk["texts"][0].startswith("In 3 of 10 futures money is withheld or reclaimed at least once")

    # The same seed gives the same answer; the Dutch text says the same in Dutch.
    again = json.loads(run(capsys, path, "--format", "json", "--lang", "en", "--risk", "--samples", "2000", "--seed", "4")[1])
    assert again["risk_simulation"] == risk
    dutch = json.loads(run(capsys, path, "--format", "json", "--lang", "nl", "--risk", "--samples", "2000", "--seed", "4")[1])
    nl_march = next(m for m in dutch["risk_simulation"]["months"] if m["month"] == "2026-03")
    assert nl_march["letter_chance"] == march["letter_chance"]
    assert nl_march["text"].startswith("In 3 van de 10 gevallen krijg je in maart 2026 een brief: er wordt €\xa0144,00")


def test_without_risk_there_is_no_simulation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, str(plan_file(tmp_path)), "--format", "json")
    assert code == 0 and "risk_simulation" not in json.loads(out)


def test_table_shows_the_risk_in_both_languages(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(plan_file(tmp_path))
    code, out, _ = run(capsys, path, "--risk", "--samples", "1000", "--lang", "nl")
    assert code == 0
    assert "Risico: wat er kan gebeuren als je diensten veranderen" in out
    assert re.search(r"maart 2026 +5 op 10 +€\xa0144,00 tot €\xa0144,00", out)
    assert "Een dienst die “misschien” is, gaat door in 50% van de gevallen." in out
    code, out, _ = run(capsys, path, "--risk", "--samples", "1000", "--lang", "en")
    assert code == 0
    assert "Risk: what can happen if shifts change" in out
    assert re.search(r"March 2026 +5 in 10 +€144.00 to €144.00", out)


@pytest.mark.parametrize("args", [
    ["--samples", "100"],
    ["--seed", "3"],
    ["--risk", "--samples", "0"],
    ["--risk", "--seed", "-1"],
    ["--risk", "--format", "csv"],
])
def test_wrong_risk_options_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]) -> None:
    code, out, err = run(capsys, str(plan_file(tmp_path)), "--lang", "en", *args)
    assert code == 2 and out == "" and err.strip()


def test_an_unknown_job_in_the_risk_section_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(plan_file(tmp_path, {"hours_spread": {"hotel": "10"}}))
    code, out, err = run(capsys, path, "--risk", "--lang", "en")
    assert code == 2 and out == ""
    assert err.strip() == ("The risk of this plan cannot be simulated: the hours spread is set for a job that is not "
                           "in the plan: hotel")
    # Without --risk the plan is computed as usual.
    assert run(capsys, path, "--lang", "en")[0] == 0
