"""docs/guide.*.md stays true: every menu path it names exists in the app, in that language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMenu

from ui.main_window import MainWindow

from .conftest import ROOT

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

MENU_PATH = re.compile(r"\*\*([^*]+?(?: → [^*]+?)+)\*\*")


def _plain(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def _menu_texts(window: MainWindow) -> set[str]:
    texts: set[str] = set()
    for menu in window.menuBar().findChildren(QMenu):
        texts.add(_plain(menu.title()))
        texts.update(_plain(a.text()) for a in menu.actions() if a.text())
    return texts


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_menu_path_in_the_guide_exists(qtbot, window: MainWindow, lang: str) -> None:  # noqa: ANN001
    with qtbot.wait_signal(window.retranslated):
        window.set_language(lang)
    window.settings.add_recent_file(ROOT / "examples" / "schoonmaker-amsterdam.bvp.json")
    window._fill_recent_menu()  # "Clear this list" is there once a plan was opened
    texts = _menu_texts(window)
    guide = re.sub(r"\s+", " ", (ROOT / "docs" / f"guide.{lang}.md").read_text(encoding="utf-8"))  # joined lines
    paths = MENU_PATH.findall(guide)
    assert len(paths) >= 8
    for path in paths:
        for part in path.split(" → "):
            for item in part.split(" / "):  # "Edit → Household / Work / Money"
                assert item.strip() in texts, (path, item)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_shortcuts_in_the_guide_are_the_apps(window: MainWindow, lang: str) -> None:
    guide = (ROOT / "docs" / f"guide.{lang}.md").read_text(encoding="utf-8")
    keys = {s.toString() for a in window.findChildren(type(window.new_action)) for s in a.shortcuts()}
    for wanted in ("Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+P", "Ctrl+P", "F11", "Ctrl+1", "Ctrl+4", "Ctrl+Y"):
        assert wanted in guide and wanted in keys, wanted


def test_help_shows_the_guide_in_the_language_of_the_app(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    with qtbot.wait_signal(window.retranslated):
        window.set_language("nl")
    dialog = window.show_guide()
    assert dialog.browser.toPlainText().startswith("Handleiding Bijverdienplanner")
    assert "Overzicht opslaan als pdf" in dialog.browser.toPlainText()
    with qtbot.wait_signal(window.retranslated):
        window.set_language("en")
    assert dialog.browser.toPlainText().startswith("Bijverdienplanner user guide")
    dialog._on_link(QUrl("guide.nl.md"))  # the link at the top
    assert dialog.lang == "nl" and "Sneltoetsen" in dialog.browser.toPlainText()
    assert dialog.browser.accessibleName() and window.guide_action.text() == "&User guide"
    assert window.show_guide() is dialog, "one window"
