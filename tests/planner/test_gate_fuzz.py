"""No crash, whatever the file: hypothesis over the plan schema and over raw bytes, through the CLI.

Every outcome is exit 0 (computed) or 2 (refused, with a message in the
chosen language and nothing on stdout); a traceback, another exit code, or a
Dutch refusal with pydantic's English is a failure. The file is never changed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

from .test_gate import ENGLISH_VALIDATOR

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"
BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

#: Values a field may be given: the right kind, the wrong kind, and the extremes.
WILD = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, -1, 24, 25, 36, 37, 2**63, "0", "1", "-1", "24.5", "1e5", "NaN", "", " ", "12,50",
                     "9999-12-31", "10000-01-01", "0001-01-01", "2026-02-30", "2026-13", "2026-01", "09:00+01:00",
                     "24:00", "9", "99:99", "1" * 400, "€ 12", "true", "null", "\x00", "\u202e", "\ud800x"]),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


PATHS = [p for p in _paths(BASE) if p]
FIELDS = ["months", "start", "name", "starting_balance", "premie_scheme", "assumptions", "settlement", "expenses",
          "payslips", "jobs", "shifts", "household"]


def check(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    before = path.read_bytes()
    for lang in ("nl", "en"):
        code = main(["compute", str(path), "--lang", lang, "--format", "json"])
        out, err = capsys.readouterr()
        assert code in (0, 2), err
        assert "Traceback" not in err
        if code == 2:
            assert out == "" and err.strip()
            if lang == "nl":
                assert not ENGLISH_VALIDATOR.search(err), err
        else:
            json.loads(out)
    assert path.read_bytes() == before


@SETTINGS
@given(where=st.sampled_from(PATHS), value=WILD, extra=st.sampled_from(FIELDS), extra_value=WILD)
def test_any_value_in_any_field(capsys: pytest.CaptureFixture[str], tmp_path: Path, where: tuple, value: object,
                                extra: str, extra_value: object) -> None:
    data = json.loads(json.dumps(BASE))
    node = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    data[extra] = extra_value
    path = tmp_path / "fuzz.bvp.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    check(capsys, path)


@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32), edits=st.integers(min_value=1, max_value=8))
def test_mutated_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: int, edits: int) -> None:
    raw = bytearray(EXAMPLE.read_bytes())
    rng = random.Random(seed)
    for _ in range(edits):
        at = rng.randrange(len(raw))
        choice = rng.randrange(4)
        if choice == 0:
            raw[at] = rng.randrange(256)
        elif choice == 1:
            del raw[at: at + rng.randrange(1, 20)]
        elif choice == 2:
            raw[at:at] = rng.choice([b"9", b"99999999999999999999", b"{", b"[", b'"', b",", b"-", b"\xef\xbb\xbf", b"\\u0000"])
        else:
            raw[at:at] = raw[rng.randrange(len(raw)):][:30]
    path = tmp_path / "bytes.bvp.json"
    path.write_bytes(bytes(raw))
    check(capsys, path)


@SETTINGS
@given(blob=st.binary(max_size=300))
def test_random_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "random.bvp.json"
    path.write_bytes(blob)
    check(capsys, path)


def test_compare_with_a_broken_file_never_crashes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "b.bvp.json"
    path.write_bytes(b"[" * 5000)
    assert main(["compare", str(EXAMPLE), str(path), "--lang", "nl"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
