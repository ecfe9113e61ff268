"""The one gate for plan files (planner.storage.load_plan), as ``compute`` and ``compare`` meet it.

Strict JSON, bounds for every number and date, strict types, local times;
every refusal a message of the catalog in the chosen language, naming the
field and the allowed range, without pydantic's English.
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from planner import model as plan_model
from planner.cli import main
from planner.explain import render
from planner.storage import MAX_FILE_BYTES, PlanFileError, load_plan
from planner.validate import _PYDANTIC_MESSAGES, FIELD_LABELS, describe_errors

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"

#: Words of pydantic's own messages and of Python's errors: none may reach a user.
ENGLISH_VALIDATOR = re.compile(
    r"Input should|Field required|Value error|validation error|Extra inputs|type=|Traceback|Error:|"
    r"should be|must be|is not|not valid|Expecting|Invalid|Unterminated|not allowed|at most",
)


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def write(tmp_path: Path, content: bytes | str | dict, name: str = "plan.bvp.json") -> Path:
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def compute(capsys: pytest.CaptureFixture[str], path: Path, lang: str) -> tuple[int, str, str]:
    code = main(["compute", str(path), "--lang", lang])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[str, str]:
    """Both languages' refusals of ``path``: exit code 2, nothing on stdout, the file byte-identical."""
    before = path.read_bytes()
    texts = []
    for lang in ("nl", "en"):
        code, out, err = compute(capsys, path, lang)
        assert code == 2, err
        assert out == ""
        assert err.strip()
        texts.append(err)
    assert path.read_bytes() == before
    nl, en = texts
    assert not ENGLISH_VALIDATOR.search(nl), nl
    return nl, en


# --- strict JSON ------------------------------------------------------------------------------------


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load_plan(path) == load_plan(EXAMPLE)


def test_duplicate_keys_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('"months": 12,', '"months": 12, "months": 1,')
    nl, en = refused(capsys, write(tmp_path, text))
    assert "“months” komt twee keer voor" in nl
    assert "“months” appears twice" in en


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, constant: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('"months": 12,', f'"months": {constant},')
    nl, en = refused(capsys, write(tmp_path, text))
    assert "geen getal" in nl and "not a number" in en


@pytest.mark.parametrize("depth", [20, 1000, 100_000])
def test_deep_nesting_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, depth: int) -> None:
    data = example()
    text = json.dumps(data)[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"
    nl, en = refused(capsys, write(tmp_path, text))
    assert "dieper" in nl and "deeper" in en


def test_a_file_larger_than_the_limit_is_refused_unread(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = example()
    data["name"] = "x" * (MAX_FILE_BYTES + 10)
    nl, en = refused(capsys, write(tmp_path, data))
    assert "te groot" in nl and "too large" in en


def test_huge_numbers_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = example()
    data["months"] = 10**30
    nl, en = refused(capsys, write(tmp_path, data))
    assert "te lang" in nl and "too long" in en
    data = example()
    data["starting_balance"] = "1" * 5000
    nl, en = refused(capsys, write(tmp_path, data))
    assert "“geld op de rekening bij de start” is een getal dat te lang is" in nl


# --- bounds and strict types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "nl", "en"),
    [
        (lambda d: d.update(months=True), "“aantal maanden” moet een heel getal zijn", "“number of months” must be a whole number"),
        (lambda d: d.update(months="12"), "“aantal maanden” moet een heel getal zijn", "“number of months” must be a whole number"),
        (lambda d: d.update(months=0), "“aantal maanden” moet van 1 tot en met 36 zijn", "“number of months” must be from 1 to 36"),
        (lambda d: d.update(months=37), "van 1 tot en met 36", "from 1 to 36"),
        (lambda d: d["shifts"][0].update(start=9), "“dienst 1 › begintijd” moet een tijd", "“shift 1 › start time” must be a time"),
        (lambda d: d["shifts"][0].update(start="09:00+01:00"), "zonder tijdzone", "without a time zone"),
        (lambda d: d["shifts"][0].update(date="10000-01-01"), "“dienst 1 › datum” moet een datum", "“shift 1 › date” must be a date"),
        (lambda d: d["shifts"][0].update(date="9999-12-31"), "in een jaar van 1900 tot en met 2100", "in a year from 1900 to 2100"),
        (lambda d: d["shifts"][0].update(date=20260106), "moet een datum", "must be a date"),
        (lambda d: d["household"].update(youngest_child_birth_date="9999-12-31"), "geboortedatum van het jongste kind", "birth date of the youngest child"),
        (lambda d: d["household"]["claimant"].update(birth_date="1899-12-31"), "1900 tot en met 2100", "1900 to 2100"),
        (lambda d: d["jobs"][0].update(wage="12.34567"), "“werk 1 › loon” mag ten hoogste 4 decimalen", "“job 1 › wage” may have at most 4 decimals"),
        (lambda d: d["jobs"][0].update(wage="1" + "0" * 24), "“werk 1 › loon” moet van 0 tot en met 100000 zijn", "from 0 to 100000"),
        (lambda d: d["shifts"][0].update(hours="1000000"), "“dienst 1 › uren” moet van 0 tot en met 1000", "from 0 to 1000"),
        (lambda d: d["household"]["claimant"].update(medisch_urenbeperkt=1), "moet true of false", "must be true or false"),
        (lambda d: d["household"]["claimant"].update(vrijlating_months_used=-1), "van 0 tot en met 600", "from 0 to 600"),
        (lambda d: d.update(starting_balance=150.5), "als tekst", "as text"),
        (lambda d: d.update(name="a\x1b[2Jb"), "stuurteken", "control character"),
        (lambda d: d.update(name="x" * 201), "ten hoogste 200 tekens", "at most 200 characters"),
        (lambda d: d.update(colour="red"), "“colour” is geen bekend veld", "“colour” is not a known field"),
        (lambda d: d.update(premie_scheme="x"), "Toegestaan: municipality, amsterdam-experiment-2018, none", "Allowed: municipality"),
        (lambda d: d["household"].update(composition="couple"), "een stel heeft een partner nodig", "a couple needs a partner"),
        (lambda d: d["jobs"].append(dict(d["jobs"][0])), "twee banen hebben dezelfde code (schoonmaak)", "two jobs have the same code"),
        (lambda d: d.update(shifts=d["shifts"] * 1000), "ten hoogste 5000", "at most 5000"),
    ],
)
def test_every_refusal_names_the_field_and_the_range(capsys: pytest.CaptureFixture[str], tmp_path: Path, change, nl: str, en: str) -> None:  # noqa: ANN001
    data = example()
    change(data)
    nl_text, en_text = refused(capsys, write(tmp_path, data))
    assert nl in nl_text
    assert en in en_text


def test_a_time_zone_next_to_a_local_time_is_refused_not_a_crash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Before the gate, ``compute`` stopped with a TypeError (and the window crashed) on this plan."""
    data = example()
    data["shifts"] = [
        {"date": "2026-01-06", "hours": "4", "job": "schoonmaak", "start": "09:00+01:00"},
        {"date": "2026-01-06", "hours": "4", "job": "schoonmaak", "start": "14:00"},
    ]
    nl, en = refused(capsys, write(tmp_path, data))
    assert "dienst 1 › begintijd" in nl and "shift 1 › start time" in en


@pytest.mark.parametrize(
    ("change", "nl", "en"),
    [
        (lambda d: d["household"]["claimant"].update(birth_date="1900-01-01"), "ouder dan 110", "age over 110"),
        (lambda d: d["household"].update(youngest_child_birth_date="2099-01-01"), "jongste kind", "youngest child"),
        (lambda d: d["household"].update(housemates=[{"birth_date": "2090-01-01"}]), "huisgenoot", "housemate"),
    ],
)
def test_impossible_ages_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, change, nl: str, en: str) -> None:  # noqa: ANN001
    data = example()
    change(data)
    nl_text, en_text = refused(capsys, write(tmp_path, data))
    assert nl in nl_text and en in en_text


def test_a_wage_of_a_tenth_of_a_cent_is_not_computed_without_a_word(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = example()
    data["jobs"][0]["wage"] = "0.001"
    for lang, words in (("nl", "Kijk of het loon klopt"), ("en", "Check the wage")):
        code, out, _err = compute(capsys, write(tmp_path, data), lang)
        assert code == 0 and words in out


def test_compare_uses_the_same_gate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = example()
    data["months"] = True
    bad = write(tmp_path, data, "bad.bvp.json")
    assert main(["compare", str(EXAMPLE), str(bad), "--lang", "nl"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "“aantal maanden” moet een heel getal zijn" in err


# --- the catalog ------------------------------------------------------------------------------------


def _models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [plan_model.Plan]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.append(cls)
        for f in cls.model_fields.values():
            stack = [f.annotation]
            while stack:
                t = stack.pop()
                if isinstance(t, type) and issubclass(t, BaseModel):
                    todo.append(t)
                stack.extend(typing.get_args(t))
    return found


def test_every_field_of_a_plan_has_a_label() -> None:
    """A field added to planner.model needs its name for the messages in planner.validate.FIELD_LABELS."""
    missing = [f"{cls.__name__}.{name}" for cls in _models() for name in cls.model_fields
               if f"{cls.__name__}.{name}" not in FIELD_LABELS]
    assert missing == []


@pytest.mark.parametrize("kind", sorted(_PYDANTIC_MESSAGES))
def test_every_refusal_has_its_own_words_in_both_languages(kind: str) -> None:
    error = {"type": kind, "loc": ("shifts", 0, "hours"), "input": "x",
             "ctx": {"min": "1", "max": "2", "max_length": 3, "places": 2, "ids": "a", "expected": "'a' or 'b'"}}
    (message,) = describe_errors([error])
    nl, en = render(message, "nl"), render(message, "en")
    assert nl != en, "translated"
    assert not ENGLISH_VALIDATOR.search(nl)


def test_an_unknown_refusal_is_still_said_in_dutch() -> None:
    (message,) = describe_errors([{"type": "something_new", "loc": ("months",), "msg": "Input should be fine"}])
    assert render(message, "nl") == "“aantal maanden” is niet geldig."
    assert "Input should" not in render(message, "en")


def test_a_refused_file_raises_with_its_kind(tmp_path: Path) -> None:
    path = write(tmp_path, b'{"a": 1, "a": 2}')
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert info.value.kind == "not_json"
