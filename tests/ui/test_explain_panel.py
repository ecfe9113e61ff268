"""ui.explain_panel: a view of one amount, built from the planner's result; links open only on a click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from planner.benefit import Projection
from planner.explain import render
from planner.glossary import GLOSSARY
from planner.i18n import _
from ui import explain_panel
from ui.explain_panel import STATUS_TEXT, ExplainPanel
from ui.language import apply_language
from ui.month_model import COLUMNS, rules_for

NBSP = "\xa0"


def _column(key: str):  # noqa: ANN202
    return next(c for c in COLUMNS if c.key == key)


@pytest.fixture
def panel(qtbot) -> ExplainPanel:  # noqa: ANN001
    p = ExplainPanel()
    qtbot.add_widget(p)
    return p


def test_without_a_selection_it_says_what_to_do(panel: ExplainPanel):
    assert panel.toPlainText()
    assert panel.links() == []
    assert panel.accessibleName()


def test_it_shows_the_sentence_the_rules_and_their_status(panel: ExplainPanel, example_projection: Projection):
    january = example_projection.months[0]
    panel.show_cell(january, _column("vrijlating_total"))
    text = panel.toPlainText().replace(NBSP, " ")
    assert render(january.vrijlating_total.explanation, "nl").replace(NBSP, " ") in text
    rules = rules_for(january, _column("vrijlating_total"))
    assert rules
    for ref in rules:
        assert ref.label("nl") in text
        assert ref.article("nl") in text
        assert _(STATUS_TEXT[ref.status]) in text
    assert {s.url for ref in rules for s in ref.references} == set(panel.links())


def test_it_re_renders_in_the_new_language(panel: ExplainPanel, example_projection: Projection):
    january = example_projection.months[0]
    panel.show_cell(january, _column("norm"))
    apply_language("en")
    panel.retranslate_ui()
    assert render(january.norm.explanation, "en") in panel.toPlainText()
    assert january.norm.explanation.all_rules()[0].label("en") in panel.toPlainText()


def test_only_web_links_open_and_only_when_activated(panel: ExplainPanel, monkeypatch: pytest.MonkeyPatch):
    opened: list[str] = []

    class FakeServices:
        @staticmethod
        def openUrl(url: QUrl) -> bool:  # noqa: N802 - Qt name
            opened.append(url.toString())
            return True

    monkeypatch.setattr(explain_panel, "QDesktopServices", FakeServices)
    assert opened == []
    panel.anchorClicked.emit(QUrl("file:///etc/passwd"))
    panel.anchorClicked.emit(QUrl("https://wetten.overheid.nl/BWBR0015703"))
    assert opened == ["https://wetten.overheid.nl/BWBR0015703"]


def test_glossary_words_get_their_explanation_as_a_tooltip_once(panel: ExplainPanel, example_projection: Projection):
    january = example_projection.months[0]
    panel.show_cell(january, _column("bijstand"))
    tips = panel.glossary_tooltips()
    assert set(tips) >= {"bijstand", "norm"}
    norm = next(t for t in GLOSSARY if t.term == "bijstandsnorm")
    assert tips["norm"] == f"{norm.heading}: {norm.text('nl')}"
    plain = panel.toPlainText()
    assert render(january.bijstand.explanation, "nl").replace(NBSP, " ") in plain.replace(NBSP, " ")
    apply_language("en")
    panel.retranslate_ui()
    assert panel.glossary_tooltips()["norm"] == f"{norm.heading}: {norm.text('en')}"
