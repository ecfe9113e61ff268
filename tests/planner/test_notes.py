"""planner.notes: what makes the amounts uncertain, each cause once, in plain words; planner.results.headline.

The example with 2027 amounts (the hotel plan, December 2026 to November 2027) has many rule values that are not
yet published; they make one note, naming in plain words what they are about, for the months they apply to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.explain import render
from planner.i18n import translations
from planner.notes import RULE_TOPICS, amount_causes, causes, collect_notes, topic
from planner.overview import Overview, compute_overview
from planner.results import headline
from planner.rules import load_rules
from planner.storage import load_plan

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"


@pytest.fixture(scope="module")
def hotel() -> Overview:
    return compute_overview(load_plan(HOTEL))


def test_every_rule_has_a_plain_name_in_both_languages() -> None:
    ids = load_rules().ids()
    assert ids
    missing = [i for i in ids if topic(i) is None]
    assert missing == []
    for _prefix, name in RULE_TOPICS:
        nl, en = translations("nl").gettext(name), translations("en").gettext(name)
        assert nl and en and nl != name, name  # translated into Dutch, not left in English


def test_not_yet_published_is_one_note_with_plain_names(hotel: Overview) -> None:
    notes = collect_notes(hotel.result.projection, hotel.warnings, hotel.cards)
    unpublished = [n for n in notes if n.code == "not_yet_published"]
    assert len(unpublished) == 1
    note = unpublished[0]
    assert note.months == tuple((2027, m) for m in range(1, 12)), "the benefit months with a 2027 amount"
    en, nl = render(note.explanation, "en"), render(note.explanation, "nl")
    assert en.startswith("From January 2027 on, these amounts are not yet published: the bijstand norm")
    assert "the tax rates" in en, "the tax on the wages (a card's amount) is named too"
    assert nl.startswith("Vanaf januari 2027 zijn deze bedragen nog niet bekendgemaakt: de bijstandsnorm")
    flagged = {f.rule_id for c in hotel.cards for f in c.notes if f.code == "not_yet_published"}
    assert len(flagged) > 4
    for card in hotel.cards:
        for flag in card.notes:
            if flag.code == "not_yet_published":
                label = flag.explanation.values["rule"]
                assert label.en not in en and label.nl not in nl, "plain names, not the rules' labels"
    assert notes == sorted(notes, key=lambda n: n.order)


def test_each_cause_once(hotel: Overview) -> None:
    notes = collect_notes(hotel.result.projection, hotel.warnings, hotel.cards)
    said = [render(c, "en") for c in causes(notes)]
    unverified = sum(n.code == "unverified" for n in notes)
    assumed = sum(n.code == "assumption" for n in notes)
    warned = sum(n.code == "warning" for n in notes)
    assert unverified > 1 and assumed > 1 and warned > 1
    assert said == [
        "Amounts from January 2027 on are not yet published. We use the last known ones.",
        f"{unverified} rules are not confirmed in an official source.",
        f"Where the rules are unclear, we take the careful side ({assumed} times).",
        f"There are {warned} warnings about your plan. Show the details to read them.",
    ]


def test_an_amounts_notes_group_what_is_not_yet_published(hotel: Overview) -> None:
    january = next(c for c in hotel.cards if c.month == (2027, 1))
    bijstand = next(i for i in january.money_in if i.key == "bijstand")
    published = [f for f in bijstand.flags if f.code == "not_yet_published"]
    assert len(published) > 2
    notes = [render(e, "en") for e in amount_causes(bijstand.flags)]
    assert len(notes) == len(bijstand.flags) - len(published) + 1
    assert notes[0].startswith("Not yet published: the bijstand norm") and "the tax rates" in notes[0]
    short = [render(e, "en") for e in amount_causes(bijstand.flags, short=True)]
    assert short[0] == notes[0] and len(short) <= len(notes)


def test_the_cli_lists_the_same_notes_as_the_window(hotel: Overview, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compute", str(HOTEL), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    notes = out.split("\nNotes:\n", 1)[1].split("\n\n", 1)[0]
    assert notes.count("not yet published") == 1
    assert "the bijstand norm" in notes and "the tax rates" in notes
    assert "Benefit norm, single person" not in notes and "box 1" not in notes
    assert max(len(line) for line in out.splitlines()) <= 100


@pytest.mark.parametrize("path", [HOTEL, EXAMPLE], ids=["hotel", "example"])
def test_the_headline_is_the_cards_added_up(path: Path) -> None:
    overview = compute_overview(load_plan(path))
    h = headline(overview.result)
    taken = [i for c in overview.cards for i in c.taken_back_later]
    assert h.taken_back == -sum(i.amount for i in taken) == overview.result.repaid_or_withheld
    assert h.first_taken == (min(i.when for i in taken) if taken else None)
    assert h.set_aside == overview.result.ledger.set_aside == sum(c.set_aside.amount for c in overview.cards)
