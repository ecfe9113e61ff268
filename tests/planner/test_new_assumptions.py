"""Every named assumption reaches the user: in compute's JSON, as a note of the result, in nl and en.

And the explanation of a month with wages names the holiday-entitlement step.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.assumptions import ASSUMPTIONS, FIXED_ASSUMPTIONS
from planner.benefit import project
from planner.cli import main
from planner.explain import render
from planner.notes import collect_notes
from planner.rules import load_rules
from planner.storage import load_plan

RULES = load_rules()


def plan_data(**over: object) -> dict:
    """Alex, 40, Amsterdam, vrijlating used up; 1250 net in March (above the 5 % in the norm and the premie cap),
    2000 net in June (no bijstand in a payout month)."""
    shifts = [{"date": f"2026-03-{d:02d}", "hours": "10", "job": "werk"} for d in range(2, 12)]
    shifts += [{"date": f"2026-06-{d:02d}", "hours": "10", "job": "werk"} for d in range(1, 17)]
    data = {
        "schema_version": 1,
        "start": "2026-03",
        "months": 4,
        "household": {"composition": "single", "claimant": {"birth_date": "1986-01-01", "vrijlating_months_used": 6}},
        "jobs": [{"id": "werk", "wage": "12.50", "wage_basis": "net", "paid_in": "same_month"}],
        "shifts": shifts,
    }
    data.update(over)
    return data


@pytest.fixture()
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "alex.bvp.json"
    path.write_text(json.dumps(plan_data()), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_assumption_is_in_the_json(plan_file: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compute", str(plan_file), "--format", "json", "--lang", lang]) == 0
    data = json.loads(capsys.readouterr().out)
    listed = {a["id"]: a for a in data["assumptions"]}
    assert set(listed) == set(ASSUMPTIONS)
    for key in ("vakantieaanspraak_excess", "premie_monthly_cap", "premie_payout_without_bijstand", "premie_during_vrijlating"):
        assert listed[key]["default"] is True
        assert listed[key]["title"] and listed[key]["why"] and listed[key]["option_text"]
    assert {f["id"] for f in data["fixed_assumptions"]} >= {"tax_refund_not_counted", "holiday_allowance_monthly"}
    tax = next(f["text"] for f in data["fixed_assumptions"] if f["id"] == "tax_refund_not_counted")
    assert ("Belasting die je terugkrijgt" in tax) if lang == "nl" else ("Tax refunds are not counted" in tax)


def test_the_new_assumptions_are_notes_of_the_result(plan_file: Path) -> None:
    projection = project(load_plan(plan_file), RULES)
    notes = collect_notes(projection)
    texts = {lang: [render(n.explanation, lang) for n in notes] for lang in ("nl", "en")}
    expected = {
        "en": ["more than the holiday allowance in your norm", "The premie is capped at", "No premie is paid out this month"],
        "nl": ["hoger dan het vakantiegeld in je norm", "De premie is hoogstens", "Deze maand wordt geen premie uitbetaald"],
    }
    for lang, parts in expected.items():
        for part in parts:
            assert any(part in t for t in texts[lang]), (lang, part, texts[lang])


@pytest.mark.parametrize(("lang", "words"), [("en", "holiday pay you build up at work"), ("nl", "vakantiegeld dat je bij je werk opbouwt")])
def test_a_month_with_wages_explains_the_holiday_entitlement(plan_file: Path, lang: str, words: str) -> None:
    march = project(load_plan(plan_file), RULES).months[0]
    for line in (march.bijstand, march.vakantieaanspraak, march.vakantietoeslag_reserved):
        assert words in render(line.explanation, lang)
    more = " ".join(render(e, lang) for e in march.vakantieaanspraak.explanation.more)
    assert "8" in more  # the art. 13 percentage is named


def test_fixed_assumptions_are_translated() -> None:
    from planner.i18n import translations

    for _key, text in FIXED_ASSUMPTIONS:
        assert translations("nl").gettext(text) != text
