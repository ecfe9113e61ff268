"""ui.banner: the notes that matter, each once, with the months they apply to."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from planner.benefit import Projection
from planner.i18n import get_language
from planner.notes import collect_notes, months_text, secondary_rules
from ui.banner import NoteBanner
from ui.language import apply_language
from ui.month_model import NOTE_CODES


def test_notes_are_the_flags_that_matter_each_once(example_projection: Projection):
    notes = collect_notes(example_projection)
    keys = [(n.explanation.message, tuple(sorted(n.explanation.values.items(), key=str))) for n in notes]
    assert notes
    assert len(keys) == len(set(keys))
    assert [n.order for n in notes] == sorted(n.order for n in notes), "most serious first"
    codes = {f.code for m in example_projection.months for f in m.flags}
    assert "secondary" in codes, "the example has a value from a news page"
    assert all(
        any(f.explanation is n.explanation and f.code in NOTE_CODES for m in example_projection.months for f in m.flags)
        for n in notes
    )
    assert secondary_rules(example_projection)


def test_months_are_shown_as_ranges(qapp):  # noqa: ANN001
    assert months_text(((2026, 1), (2026, 2)), 12) == "This applies to 2 months: januari to februari 2026." or get_language() == "nl"
    apply_language("en")
    assert months_text(((2026, 1), (2026, 2)), 12) == "This applies to 2 months: January to February 2026."
    assert months_text(((2026, 12), (2027, 1), (2027, 3)), 12) == (
        "This applies to 3 months: December 2026 to January 2027 and March 2027."
    )
    assert months_text(((2026, 5),), 12) == "This applies to 1 month: May 2026."
    assert months_text(tuple((2026, m) for m in range(1, 13)), 12) == "This applies to every month of the plan."


def test_the_banner_widget(qtbot, example_projection: Projection):  # noqa: ANN001
    parent = QWidget()  # never shown: the banner is checked as part of a window, not as one
    qtbot.add_widget(parent)
    banner = NoteBanner(parent)
    assert banner.isHidden(), "nothing to say without a plan"
    banner.set_projection(example_projection)
    assert not banner.isHidden()
    assert len(banner.texts()) == len(collect_notes(example_projection))
    assert banner.accessibleName()
    assert banner.secondary_text()
    banner.set_projection(None)
    assert banner.isHidden()


def test_the_causes_are_always_shown_and_the_details_fold(qtbot, example_projection: Projection):  # noqa: ANN001
    parent = QWidget()
    qtbot.add_widget(parent)
    banner = NoteBanner(parent)
    banner.set_projection(example_projection)
    assert not banner.is_expanded(), "the details start folded: the causes say enough"
    assert banner.body.isHidden() and not banner.summary.isHidden()
    causes = banner.causes()
    assert causes and len(causes) < len(banner.texts()), "fewer causes than notes: each cause once"
    for cause in causes:
        assert html.escape(cause) in banner.summary.text()
    banner.toggle.click()
    assert banner.is_expanded()
    assert not banner.body.isHidden() and not banner.summary.isHidden()
    banner.set_projection(example_projection)
    assert banner.is_expanded(), "a recompute keeps the user's choice"


def test_the_banner_says_each_cause_once_in_plain_words(qtbot):  # noqa: ANN001
    from planner.overview import compute_overview
    from planner.storage import load_plan

    from .conftest import ROOT

    overview = compute_overview(load_plan(ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"))
    parent = QWidget()
    qtbot.add_widget(parent)
    banner = NoteBanner(parent)
    banner.set_projection(overview.result.projection, overview.warnings, overview.cards)
    causes = banner.causes()
    assert causes[0] == "Bedragen vanaf januari 2027 zijn nog niet bekendgemaakt. We gebruiken de laatst bekende bedragen."
    assert sum("nog niet bekendgemaakt" in c for c in causes) == 1
    unverified = sum(1 for n in banner.notes() if n.code == "unverified")
    assert f"{unverified} regels zijn nog niet bevestigd door een officiële bron." in causes
    assumed = sum(1 for n in banner.notes() if n.code == "assumption")
    assert assumed == 3, "the cards' assumptions (the estimate, how much is withheld) count too"
    assert f"Waar de regels niet duidelijk zijn, rekenen we voorzichtig ({assumed} keer)." in causes
    assert len(causes) == 4 and "waarschuwingen over je plan" in causes[3]
    details = " ".join(banner.texts())
    for plain in ("de bijstandsnorm", "de belastingtarieven", "het vakantiegeld dat je bij je werk opbouwt"):
        assert plain in details
    for jargon in ("aftrek schijf", "Bijstandsnorm alleenstaande", "Tarief eerste schijf", "box 1"):
        assert jargon not in details and jargon not in " ".join(causes)
    apply_language("en")  # the app sends LanguageChange to every widget
    qtbot.wait_until(lambda: banner.title.text() == "Good to know about these amounts")
    assert banner.causes()[0] == "Amounts from January 2027 on are not yet published. We use the last known ones."
    assert "Amounts from January 2027 on are not yet published." in banner.summary.text()
