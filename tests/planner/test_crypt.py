"""Password protection of a plan file: exact round trip, no plaintext, wrong password and tampering refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import PlanFileError, load_plan, save_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"
PASSWORD = "correct paard batterij nietje"


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    path = tmp_path / "geheim.bvp.json"
    save_plan(load_plan(EXAMPLE), path, password=PASSWORD)
    return path


def test_the_round_trip_is_exact(sealed: Path) -> None:
    assert load_plan(sealed, PASSWORD) == load_plan(EXAMPLE)


def test_no_name_date_or_amount_is_readable(sealed: Path) -> None:
    raw = sealed.read_bytes()
    plan = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    fragments = [plan["name"], plan["household"]["claimant"]["birth_date"], plan["jobs"][0]["name"], plan["jobs"][0]["id"],
                 plan["jobs"][0]["wage"], plan["shifts"][0]["date"], "schema_version", "household", "shifts"]
    for fragment in fragments:
        assert fragment.encode() not in raw, fragment
    assert b"bijverdienplanner.encrypted" in raw and b"AES-256-GCM" in raw


def test_every_save_is_sealed_anew(sealed: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.bvp.json"
    save_plan(load_plan(EXAMPLE), again, password=PASSWORD)
    a, b = json.loads(sealed.read_text()), json.loads(again.read_text())
    assert a["nonce"] != b["nonce"] and a["kdf"]["salt"] != b["kdf"]["salt"] and a["data"] != b["data"]


def test_no_password_and_a_wrong_password_are_refused(sealed: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan(sealed)
    assert info.value.kind == "encrypted"
    with pytest.raises(PlanFileError) as info:
        load_plan(sealed, PASSWORD + "!")
    assert info.value.kind == "wrong_password"


def _tamper(path: Path, change) -> None:  # noqa: ANN001
    envelope = json.loads(path.read_text())
    change(envelope)
    path.write_text(json.dumps(envelope))


def _flip(text: str, at: int = 5) -> str:
    data = bytearray(base64.b64decode(text))
    data[at % len(data)] ^= 1
    return base64.b64encode(bytes(data)).decode()


@pytest.mark.parametrize(("change", "kind"), [
    (lambda e: e.update(data=_flip(e["data"])), "wrong_password"),
    (lambda e: e.update(data=_flip(e["data"], -1)), "wrong_password"),
    (lambda e: e.update(nonce=_flip(e["nonce"])), "wrong_password"),
    (lambda e: e["kdf"].update(salt=_flip(e["kdf"]["salt"])), "wrong_password"),
    (lambda e: e["kdf"].update(n=2**14), "wrong_password"),
    (lambda e: e["kdf"].update(n=2**30), "not_a_plan"),
    (lambda e: e.update(cipher="ROT13"), "not_a_plan"),
    (lambda e: e.update(data="not base64!"), "not_a_plan"),
    (lambda e: e.pop("nonce"), "not_a_plan"),
    (lambda e: e.update(extra=1), "not_a_plan"),
])
def test_a_tampered_file_is_refused(sealed: Path, change, kind: str) -> None:  # noqa: ANN001
    _tamper(sealed, change)
    before = sealed.read_bytes()
    with pytest.raises(PlanFileError) as info:
        load_plan(sealed, PASSWORD)
    assert info.value.kind == kind
    assert sealed.read_bytes() == before


def test_compute_with_a_password_file(capsys: pytest.CaptureFixture[str], sealed: Path, tmp_path: Path) -> None:
    secret = tmp_path / "wachtwoord.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    assert main(["compute", str(sealed), "--password-file", str(secret), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["months"]
    assert main(["compute", str(sealed), "--lang", "nl"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "beveiligd met een wachtwoord" in err and "--password-file" in err
    secret.write_text("fout\n", encoding="utf-8")
    assert main(["compute", str(sealed), "--password-file", str(secret), "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "A forgotten password cannot be recovered" in err
    assert main(["compare", str(sealed), str(sealed), "--password-file", str(secret), "--lang", "nl"]) == 2
    assert "niet terug te halen" in capsys.readouterr().err
