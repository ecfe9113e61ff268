"""ui.glossary_dialog: Help → Glossary lists the words with their explanations, filters, and follows the language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView

from planner.glossary import GLOSSARY, Term
from planner.i18n import translations
from ui.glossary_dialog import GlossaryDialog, GlossaryModel
from ui.language import apply_language
from ui.main_window import MainWindow

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when a dialog is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture
def dialog(qtbot) -> GlossaryDialog:  # noqa: ANN001
    d = GlossaryDialog()
    qtbot.add_widget(d)
    d.show()
    qtbot.wait_exposed(d)
    return d


def _column(d: GlossaryDialog, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[str]:
    return [d.proxy.data(d.proxy.index(r, col), role) for r in range(d.proxy.rowCount())]


def test_it_lists_every_word_with_its_dutch_explanation(dialog: GlossaryDialog):
    assert dialog.shown_terms() == list(GLOSSARY)
    assert _column(dialog, 0) == [t.heading for t in GLOSSARY]
    assert _column(dialog, 1) == [t.text("nl") for t in GLOSSARY]
    nl = translations("nl")
    assert [dialog.proxy.headerData(i, Qt.Orientation.Horizontal) for i in range(2)] == [
        nl.gettext("Word"),
        nl.gettext("Explanation"),
    ]
    assert dialog.windowTitle().startswith("Woordenlijst")
    assert str(len(GLOSSARY)) in dialog.count.text()


def test_the_filter_matches_words_and_explanations_and_says_how_many(qtbot, dialog: GlossaryDialog):
    qtbot.keyClicks(dialog.search, "Voorschot")
    shown = dialog.shown_terms()
    assert shown and all(t.matches("voorschot") for t in shown)
    assert "voorschot" in [t.term for t in shown]
    assert len(shown) < len(GLOSSARY)
    assert str(len(shown)) in dialog.count.text() and "Voorschot" in dialog.count.text()

    dialog.set_query("huisgenoot")  # only in the Dutch explanation of "kostendeler"
    assert "kostendeler" in [t.term for t in dialog.shown_terms()]

    dialog.set_query("xyzzy")
    assert dialog.shown_terms() == []
    assert "xyzzy" in dialog.count.text()
    assert dialog.count.accessibleName() == dialog.count.text()

    dialog.search.clear()
    assert dialog.shown_terms() == list(GLOSSARY)


def test_keyboard_search_then_arrow_down_into_the_list(qtbot, dialog: GlossaryDialog):
    assert dialog.search.hasFocus() or dialog.focusWidget() is dialog.search
    qtbot.keyClicks(dialog.search, "loon")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.table.hasFocus()
    first = dialog.table.currentIndex()
    assert first.isValid() and first.row() == 0
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentIndex().row() == 1
    # The search label's mnemonic goes back to the search box.
    assert dialog.search_label.buddy() is dialog.search
    assert "&" in dialog.search_label.text()


def test_escape_closes_it(qtbot, dialog: GlossaryDialog):
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_control_has_an_accessible_name(dialog: GlossaryDialog):
    for widget in (dialog.search, dialog.table, dialog.count):
        assert widget.accessibleName(), widget
    assert dialog.search.placeholderText()
    assert dialog.table.tabKeyNavigation() is False
    term = GLOSSARY[0]
    spoken = dialog.proxy.data(dialog.proxy.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert term.heading in spoken and term.text("nl") in spoken


def test_a_language_switch_retranslates_it_live(qtbot, dialog: GlossaryDialog):
    dialog.set_query("housemate")
    assert dialog.shown_terms() == []  # an English word: not in the Dutch explanations
    apply_language("en")  # as the Language menu does: the app sends LanguageChange to every window
    qtbot.wait_until(lambda: dialog.windowTitle().startswith("Glossary"), timeout=5000)
    assert [t.term for t in dialog.shown_terms()] == ["kostendeler"]  # filtered again, in English
    dialog.search.clear()
    assert _column(dialog, 0) == [t.heading for t in GLOSSARY]  # the words stay Dutch
    assert _column(dialog, 1) == [t.text("en") for t in GLOSSARY]
    assert dialog.proxy.headerData(1, Qt.Orientation.Horizontal) == "Explanation"
    assert dialog.search_label.text() == "&Search:"
    assert dialog.search.accessibleName() == "Search the glossary"
    assert dialog.count.text() == f"{len(GLOSSARY)} words."


def test_help_glossary_opens_one_dialog(qtbot, window: MainWindow):
    window.show()
    texts = [a.text() for a in window.help_menu.actions()]
    nl = translations("nl")
    assert nl.gettext("&Glossary") in texts
    assert window.glossary_action.shortcut().toString()
    window.glossary_action.trigger()
    first = window.glossary
    assert isinstance(first, GlossaryDialog) and first.isVisible()
    window.glossary_action.trigger()
    assert window.glossary is first, "a second trigger shows the same window again"
    assert first.findChild(QLineEdit) is first.search
    assert first.findChild(QTableView) is first.table
    assert all(label.text() for label in first.findChildren(QLabel))
    first.close()
    window.close()
    QApplication.processEvents()  # Qt's messages about the shown windows come now, while they are ignored


def test_a_model_built_from_a_few_terms_shows_only_those(qtbot):
    terms = (Term("voorschot", "Bijstand paid in advance, before your income is known; the municipality settles it later."),)
    model = GlossaryModel(terms)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "voorschot"
