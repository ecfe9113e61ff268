"""After a live language switch, no text of the other language is left anywhere in the window.

The example plan is open and an amount is selected. After switching, every
text a user can see or hear is collected: labels, buttons, menus and actions,
window title, tooltips, accessible names and descriptions, the table's headers
and cells (display, tooltip and screen-reader text), the notes banner, the
explanation panel for every column, and the glossary dialog. Each is searched
for whole words that surely belong to the other language.

Only three kinds of text are taken out before searching, because they are the
user's own data or a name, never the app's wording:

- the plan's own data: its name and the names of its jobs, and file paths;
- the titles of the sources the explanation panel links to (a news article or
  a law is called what it is called);
- the glossary's Dutch words, which it shows as is in both languages so that a
  reader finds them in their letter (their explanations are checked).

The Dutch legal terms that the English texts use on purpose (bijstand,
vrijlating, premie, kostendelersnorm, …) are not in the Dutch word list, so
they need no exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QTextEdit,
    QWidget,
)

from planner.glossary import GLOSSARY
from planner.i18n import get_language
from ui.main_window import MainWindow
from ui.month_model import COLUMNS, rules_for

#: Words that only Dutch has (as whole words, any case). Not the legal terms the English text keeps.
DUTCH_WORDS = frozenset(
    """
    maand maanden het een je jouw jij van niet geen bedrag bedragen regels regel opmerking opmerkingen uitleg
    deze dit dat wordt worden voor met zijn ook bij krijg krijgt krijgen loon nettoloon brutoloon hoe wat welke
    de en artikel lid onderdeel gemeente betaald opgebouwd openen bestand taal jaar geopend
    nog hebt heeft kun mag moet waar wanneer
    """.split()
)

#: Words that only English has (as whole words, any case).
ENGLISH_WORDS = frozenset(
    """
    the and your you month months amount amounts rules rule notes note to with from this which what paid
    wage income holiday benefit municipality file language about built counted saved explanation choose there
    are not never
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def _plain(text: str) -> str:
    """Rich text as the user reads it; mnemonics (``&File``) without their ``&``."""
    if QtGuiNamespace.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return re.sub(r"&(?=\w)", "", text).replace("\xa0", " ")


def _widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName() or ''}".strip()
        for attr in ("toolTip", "accessibleName", "accessibleDescription", "whatsThis", "statusTip"):
            yield f"{where}.{attr}", getattr(w, attr)()
        if w.isWindow():
            yield f"{where}.windowTitle", w.windowTitle()
        if isinstance(w, QLabel):
            yield f"{where}.text", w.text()
        elif isinstance(w, QAbstractButton):
            yield f"{where}.text", w.text()
        elif isinstance(w, QLineEdit):
            yield f"{where}.placeholderText", w.placeholderText()
        elif isinstance(w, QTextEdit):
            yield f"{where}.plainText", w.toPlainText()
        elif isinstance(w, QMenu):
            yield f"{where}.title", w.title()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            yield from _model_texts(f"{where}.model", w.model())
    actions = {a for w in widgets for a in w.actions()} | set(root.findChildren(QAction))
    for action in actions:
        for attr in ("text", "toolTip", "statusTip", "whatsThis", "iconText"):
            yield f"QAction {action.text()!r}.{attr}", getattr(action, attr)()


_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
)


def _model_texts(where: str, model: QAbstractItemModel) -> Iterator[tuple[str, str]]:
    for role in _ROLES:
        for col in range(model.columnCount()):
            yield f"{where} column {col} header", model.headerData(col, Qt.Orientation.Horizontal, role)
        for row in range(model.rowCount()):
            yield f"{where} row {row} header", model.headerData(row, Qt.Orientation.Vertical, role)
            for col in range(model.columnCount()):
                yield f"{where} cell {row},{col}", model.data(model.index(row, col), role)


def _own_data(window: MainWindow) -> list[str]:
    """The plan's own data and paths: the household's words, not the app's."""
    plan = window.document.plan
    assert plan is not None
    data = [plan.name, *(job.name for job in plan.jobs), *(e.name for e in plan.expenses), str(window.document.path)]
    data += window.settings.recent_files()
    return sorted((d for d in data if d), key=len, reverse=True)


def _source_titles(window: MainWindow) -> list[str]:
    titles = set()
    for month in window.model.projection.months:
        for column in COLUMNS:
            for ref in rules_for(month, column):
                titles.update(r.title for r in ref.references)
    return sorted(titles, key=len, reverse=True)


def _glossary_words() -> list[str]:
    return sorted((t.heading for t in GLOSSARY), key=len, reverse=True)


def _leaks(texts: list[tuple[str, str]], words: frozenset[str], remove: list[str]) -> list[str]:
    found = []
    for where, raw in texts:
        if not isinstance(raw, str) or not raw:
            continue
        text = _plain(raw)
        for data in remove:
            text = text.replace(data, " ")
        hits = sorted({w for w in _WORD.findall(text) if w.lower() in words})
        if hits:
            found.append(f"{where}: {hits} in {text[:160]!r}")
    return found


def _collect(window: MainWindow) -> list[tuple[str, str]]:
    """Everything shown or spoken in the window, plus the panel's text for every column of two months."""
    texts = list(_widget_texts(window))
    for row in (0, window.model.rowCount() - 1):
        for column in COLUMNS:
            window.select_cell(row, column.key)
            texts.append((f"panel {row} {column.key}", window.panel.toPlainText()))
            texts += [(f"panel {row} {column.key} tooltip", tip) for tip in window.panel.glossary_tooltips().values()]
    for window_ in QApplication.topLevelWidgets():
        if window_ is not window and window_.isVisible():
            texts.extend(_widget_texts(window_))
    return texts


#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when one is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.mark.parametrize(("target", "words"), [("en", DUTCH_WORDS), ("nl", ENGLISH_WORDS)])
def test_no_text_of_the_other_language_after_a_switch(qtbot, opened_window: MainWindow, target: str, words):
    window = opened_window
    window.select_cell(0, "bijstand")
    glossary = window.show_glossary()
    glossary.set_query("bijstand")
    if target == "nl":  # first to English, then back, so that Dutch is reached by a live switch as well
        with qtbot.wait_signal(window.retranslated, timeout=5000):
            window.set_language("en")
    with qtbot.wait_signal(window.retranslated, timeout=5000):
        window.set_language(target)
    assert get_language() == target

    texts = _collect(window)
    assert len(texts) > 500, "the collection found the window's texts"
    assert any(where.startswith("GlossaryDialog") for where, _text in texts), "the glossary is included"
    leaks = _leaks(texts, words, _own_data(window) + _source_titles(window) + _glossary_words())
    glossary.close()
    QApplication.processEvents()  # Qt's messages about the shown dialog come now, while they are ignored
    assert not leaks, f"{len(leaks)} text(s) in the wrong language after switching to {target}:\n" + "\n".join(leaks[:60])
