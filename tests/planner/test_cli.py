"""``bijverdienplanner compute``: formats, languages, and clear errors with exit code 2."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compute", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: object, name: str = "plan.bvp.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def minimal(**over: object) -> dict:
    plan = {
        "schema_version": 1,
        "start": "2026-03",
        "months": 2,
        "household": {"composition": "single", "claimant": {"birth_date": "1990-01-01", "vrijlating_months_used": 0}},
        "jobs": [{"id": "werk", "wage": "12.50", "wage_basis": "net"}],
        "shifts": [{"date": f"2026-03-{d}", "hours": "8", "job": "werk"} for d in (10, 12, 14, 16, 18)],
    }
    plan.update(over)
    return plan


def test_json_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, str(write(tmp_path, minimal())), "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "bijverdienplanner.compute" and data["version"] == 1
    march = data["months"][0]
    assert march["month"] == "2026-03"
    assert march["norm"] == "1401.50"
    assert march["income_from_work"] == "500.00"
    assert march["vrijlatingen"] == [{"person": "claimant", "rule": "n", "amount": "125.00", "month_number": 1}]
    assert march["income_counted"] == "375.00"
    # 1401.50 - 375.00 - 40.00: the holiday pay built up at work, 8 % of 500 (Regeling art. 13)
    assert march["bijstand"] == "986.50"
    assert march["vakantieaanspraak"] == "40.00"
    assert march["vakantietoeslag_reserved"] == "30.08"  # 70.08 - 40.00
    assert march["bijstand_paid_monthly"] == "956.42"  # 1331.42 - 375.00: not raised by the holiday pay
    assert march["not_yet_published"] is False
    # every amount is a string with two decimals
    for key in ("norm", "bijstand", "vakantietoeslag_reserved", "bijstand_paid_monthly", "premie_accrued", "premie_paid"):
        assert isinstance(march[key], str) and len(march[key].split(".")[1]) == 2
    assert "kostendeler" not in march["explanations"]["norm"]["text"]
    assert march["explanations"]["norm"]["rules"][0]["sources"][0]["url"].startswith("https://")
    assert {a["id"] for a in data["assumptions"]} >= {"premie_during_vrijlating", "vrijlating_clock"}


def test_from_and_months_override_and_flag_2027(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, str(write(tmp_path, minimal())), "--format", "json", "--from", "2026-12", "--months", "2")
    assert code == 0
    months = json.loads(out)["months"]
    assert [m["month"] for m in months] == ["2026-12", "2027-01"]
    assert months[0]["not_yet_published"] is False
    assert months[1]["not_yet_published"] is True
    assert any(f["code"] == "not_yet_published" for f in months[1]["flags"])


def test_table_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, nl, _ = run(capsys, str(EXAMPLE), "--lang", "nl", "--months", "2")
    assert code == 0
    assert "januari 2026" in nl and "1.401,50" in nl and "Aannames" in nl
    code, en, _ = run(capsys, str(EXAMPLE), "--lang", "en", "--months", "2")
    assert code == 0
    assert "January 2026" in en and "1,401.50" in en and "Assumptions" in en


def test_csv_follows_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, nl, _ = run(capsys, str(EXAMPLE), "--format", "csv", "--lang", "nl", "--months", "1")
    rows = list(csv.reader(io.StringIO(nl), delimiter=";"))
    assert rows[1][0] == "2026-01" and rows[1][1] == "1401,50"
    _, en, _ = run(capsys, str(EXAMPLE), "--format", "csv", "--lang", "en", "--months", "1")
    rows = list(csv.reader(io.StringIO(en)))
    assert rows[0][0] == "Month" and rows[1][1] == "1401.50"


@pytest.mark.parametrize(
    ("content", "needle_nl", "needle_en"),
    [
        (None, "bestaat niet", "does not exist"),
        ("{not json", "geen geldige JSON", "not valid JSON"),
        ('{"hello": 1}', "geen plan", "not a Bijverdienplanner plan"),
        (json.dumps(minimal(schema_version=99)), "nieuwere versie", "newer version"),
        (json.dumps(minimal(months=2, household={"composition": "single"})), "ontbreekt", "is missing"),
        (json.dumps(minimal(starting_balance=12.5)), "als tekst", "as text"),
        (json.dumps(minimal(shifts=[{"date": "2026-03-10", "hours": "30", "job": "werk"}])), "24 uur", "24 hours"),
        (json.dumps(minimal(household={"composition": "single", "claimant": {"birth_date": "1990-01-01"}, "municipality": "utopia"})), "utopia", "utopia"),
        (json.dumps(minimal(start="2024-06")), "januari 2025", "January 2025"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, needle_nl: str, needle_en: str
) -> None:
    path = tmp_path / "missing.bvp.json" if content is None else write(tmp_path, content)
    for lang, needle in (("nl", needle_nl), ("en", needle_en)):
        code, out, err = run(capsys, str(path), "--lang", lang)
        assert code == 2
        assert out == ""
        assert needle in err
        assert "Traceback" not in err


def test_overlapping_shifts_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = minimal(
        shifts=[
            {"date": "2026-03-10", "start": "09:00", "hours": "4", "job": "werk"},
            {"date": "2026-03-10", "start": "12:00", "hours": "4", "job": "werk"},
        ]
    )
    code, _, err = run(capsys, str(write(tmp_path, plan)), "--lang", "en")
    assert code == 2 and "overlap" in err


def test_console_entry_point_runs_headless(tmp_path: Path) -> None:
    """The installed command, in a fresh process, with no Qt import needed for compute."""
    code = (
        "import sys; from ui.launch import main; rc = main(['compute', sys.argv[1], '--format', 'json']); "
        "assert 'PySide6' not in sys.modules; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["months"][0]["month"] == "2026-01"


def test_json_has_timeline_cash_flow_and_risk(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = minimal(
        months=3,
        shifts=[
            {"date": "2026-03-10", "hours": "8", "job": "werk"},
            {"date": "2026-04-10", "hours": "20", "job": "werk", "certainty": "maybe"},
        ],
        expenses=[{"name": "Huur", "amount": "650", "day": 1}],
        starting_balance="300",
    )
    code, out, _ = run(capsys, str(write(tmp_path, plan)), "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    events = data["settlement"]["events"]
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert {"benefit", "wage", "expense"} <= {e["type"] for e in events}
    assert data["settlement"]["regime"] == "estimate" and data["settlement"]["pay_day"] == 26
    rent = next(e for e in events if e["type"] == "expense")
    assert rent["amount"] == "-650.00" and rent["date"] == "2026-03-01"
    march = data["months"][0]
    assert march["cash_flow"]["money_out"] == "650.00"
    assert march["cash_flow"]["lowest_balance"] == "-350.00"
    assert set(data["risk"]) >= {"repayment", "lowest_balance", "set_aside"}
    assert data["cash_flow"]["daily_balance"][0] == {"date": "2026-03-01", "balance": "-350.00"}
    for e in events:
        if e["type"] in ("withholding", "repayment", "correction_paid"):
            assert e["settles_month"] is not None and e["statement"]


def test_compare_two_plans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    now = minimal(months=3, shifts=[{"date": "2026-03-10", "hours": "8", "job": "werk"}], name="Zoals nu")
    more = minimal(months=3, shifts=[{"date": "2026-03-10", "hours": "8", "job": "werk"},
                                     {"date": "2026-03-21", "hours": "8", "job": "werk"}], name="Met zaterdag")
    a, b = write(tmp_path, now, "a.bvp.json"), write(tmp_path, more, "b.bvp.json")
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    april = data["months"][1]
    assert april["month"] == "2026-04"
    # In plan B the Saturday's wage (100 net) arrives on 25 April. The benefit paid on 26 April is estimated on
    # March, the last month the municipality knows: 75 more counted income (25% vrijlating), so 75 less is
    # paid. (The 8 more holiday pay built up at work lowers what is saved for June, not the monthly payment.)
    # Net effect in April: +25.
    assert Decimal(april["money_in"]["b"]) - Decimal(april["money_in"]["a"]) == Decimal("25.00")
    assert main(["compare", str(a), str(b), "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Plan A: Zoals nu. Plan B: Met zaterdag." in out and "over A" in out and "erbij A" in out
    assert "Met “B” houd je over 3 maanden" in out
    assert main(["compare", str(a), str(b), "--format", "json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    kept = data["totals"]["kept"]
    assert Decimal(kept["b"]) - Decimal(kept["a"]) == Decimal(kept["difference"])
    assert data["answer"].startswith("With “Met zaterdag” you keep")
    assert main(["compare", str(a), str(tmp_path / "missing.bvp.json")]) == 2


def test_a_rules_article_is_cited_in_the_output_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = str(write(tmp_path, minimal()))
    articles = {}
    for lang in ("nl", "en"):
        code, out, _ = run(capsys, plan, "--format", "json", "--lang", lang)
        assert code == 0
        articles[lang] = json.loads(out)["months"][0]["explanations"]["vrijlating_total"]["rules"][0]["article"]
    assert articles == {
        "nl": "Participatiewet, artikel 31, tweede lid, onderdeel n",
        "en": "Participatiewet, article 31, paragraph 2, item n",
    }


def test_a_2026_value_used_in_2026_is_never_not_yet_published(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Wages in every month of 2026 (gross, so the 2026 tax tables are used) and January 2027: only 2027 is marked."""
    shifts = [{"date": f"{y}-{m:02d}-10", "hours": "8", "job": "werk"} for y, m in [(2026, k) for k in range(1, 13)] + [(2027, 1)]]
    plan = minimal(start="2026-01", months=13, shifts=shifts,
                   jobs=[{"id": "werk", "wage": "15.00", "wage_basis": "gross", "paid_in": "same_month"}])
    code, out, _ = run(capsys, str(write(tmp_path, plan)), "--format", "json")
    assert code == 0
    data = json.loads(out)

    def coverages(node: object) -> list[str]:
        if isinstance(node, dict):
            own = [node["coverage"]] if "coverage" in node else []
            return own + [c for v in node.values() for c in coverages(v)]
        if isinstance(node, list):
            return [c for v in node for c in coverages(v)]
        return []

    for month in data["months"]:
        in_2026 = month["month"].startswith("2026")
        assert month["not_yet_published"] is (not in_2026), month["month"]
        if in_2026:
            assert "not_yet_published" not in coverages(month), month["month"]
    for payment in data["payments"]:
        if payment["pay_date"].startswith("2026"):
            assert "not_yet_published" not in coverages(payment), payment["pay_date"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", ["schoonmaker-amsterdam.bvp.json", "schoonmaker-hotel-amsterdam.bvp.json"])
def test_the_table_fits_100_columns_and_says_each_note_once(capsys: pytest.CaptureFixture[str], lang: str, example: str) -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / example
    code, out, _ = run(capsys, str(path), "--lang", lang)
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 100
    start = lines.index(("Opmerkingen" if lang == "nl" else "Notes") + ":")
    end = lines.index("", start)
    numbered = [line for line in lines[start + 1:end] if re.match(r"^  \d+\. ", line)]
    assert numbered
    texts = [line.split(". ", 1)[1] for line in numbered]
    assert len(texts) == len(set(texts))
    unpublished = "Nog niet bekendgemaakt" if lang == "nl" else "Not yet published"
    assert sum(unpublished in line for line in lines) <= 1
