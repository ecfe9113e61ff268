"""Plan files: round trip, atomic save, refusals that leave the file untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner import storage
from planner.model import Plan
from planner.storage import PlanFileError, load_plan, save_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"


def test_round_trip_is_equal(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    target = tmp_path / "copy.bvp.json"
    save_plan(plan, target)
    again = load_plan(target)
    assert again == plan
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert data["starting_balance"] == "150.00"  # amounts stay text
    assert list(tmp_path.iterdir()) == [target]  # no temp file left behind


def test_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.bvp.json"
    target.write_text("original", encoding="utf-8")

    def broken(plan: Plan) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(storage, "plan_to_json", broken)
    with pytest.raises(OSError):
        save_plan(load_plan(EXAMPLE), target)
    assert target.read_text(encoding="utf-8") == "original"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\xff\xfe not utf-8", "not_json"),
        (b"[1, 2", "not_json"),
        (b"[1, 2]", "not_a_plan"),
        (b'{"schema_version": 3, "household": {}}', "newer_version"),
        (b'{"schema_version": "1", "household": {}}', "not_a_plan"),
        (b'{"schema_version": 1, "household": {}, "start": "2026-01"}', "invalid"),
    ],
)
def test_refused_files_are_left_byte_identical(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "x.bvp.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert info.value.kind == kind
    assert path.read_bytes() == content


def test_float_amounts_are_refused(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["starting_balance"] = 150.5
    path = tmp_path / "f.bvp.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert info.value.kind == "invalid"


def test_a_failing_migration_is_reported_and_the_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = EXAMPLE.read_bytes()
    path = tmp_path / "old.bvp.json"
    path.write_bytes(content)

    def broken(old: dict) -> dict:
        raise KeyError("title")

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(storage.MIGRATIONS, 1, broken)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert info.value.kind == "invalid" and "migration" in info.value.detail
    assert path.read_bytes() == content


@pytest.mark.parametrize(("slip", "nl"), [
    ({"job": "x", "month": "2026-01", "net_amount": "10", "holiday_pay_part": "20"}, "het deel vakantiegeld is meer dan het nettobedrag"),
    ({"job": "x", "period_start": "2026-02-01", "period_end": "2026-01-01", "net_amount": "10"}, "eindigt voordat"),
])
def test_a_payslip_that_does_not_fit_together_is_explained_in_both_languages(tmp_path: Path, slip: dict, nl: str) -> None:
    from planner.explain import render
    from planner.validate import describe_errors

    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["payslips"] = [slip]
    path = tmp_path / "p.bvp.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    (message,) = describe_errors(info.value.errors)
    assert "payslip 1" in render(message, "en") and nl in render(message, "nl")
    assert "is not valid" not in render(message, "en"), "a message of its own, not the generic one"
