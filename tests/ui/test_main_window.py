"""The main window: open a plan, read the table and the explanation, switch language, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QProgressBar, QTableView, QTextBrowser

from planner.explain import render
from planner.i18n import _, get_language, translations
from ui import errors
from ui.main_window import MainWindow
from ui.month_model import COLUMNS, MonthTableModel, notes_of
from ui.settings import LANGUAGE

from .conftest import EXAMPLE

NBSP = "\xa0"
MENUS = ("&File", "&Edit", "&View", "&Language", "&Help")


def _text(model: MonthTableModel, row: int, key: str) -> str:
    return model.data(model.index(row, MonthTableModel.column_index(key))).replace(NBSP, " ")


def _plain(text: str) -> str:
    """QTextDocument.toPlainText turns no-break spaces into spaces; compare like that."""
    return text.replace(NBSP, " ")


def _panel_text(window: MainWindow) -> str:
    return _plain(window.panel.toPlainText())


def _headers(window: MainWindow) -> list[str]:
    model = window.model
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


# --- opening --------------------------------------------------------------------------------------


def test_empty_state_says_how_to_open_a_plan(window: MainWindow):
    assert window.stack.currentWidget() is window.empty
    assert window.empty.open_button.text()
    assert ".bvp.json" in window.empty.text.text()
    assert window.model.rowCount() == 0


def test_opening_the_example_shows_twelve_months(qtbot, opened_window: MainWindow):
    window = opened_window
    assert window.stack.currentWidget() is window.plan_page
    assert window.model.rowCount() == 12
    assert _text(window.model, 0, "norm") == "€ 1.401,50"
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "januari 2026"
    assert window.settings.recent_files() == [str(EXAMPLE.resolve())]
    assert not window.worker.is_busy()
    assert window.busy_bar.isHidden()


def test_the_recent_plans_can_be_forgotten(qtbot, opened_window: MainWindow):  # noqa: ANN001
    window = opened_window
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0] == f"&1 {EXAMPLE.name}"
    clear = next(a for a in window.recent_menu.actions() if a.text() == _("&Clear this list"))
    clear.trigger()
    assert window.settings.recent_files() == []
    assert [a.text() for a in window.recent_menu.actions()] == [_("No plans opened yet")]
    assert EXAMPLE.exists(), "only the name is forgotten"


def test_selecting_bijstand_shows_its_explanation_and_sources(opened_window: MainWindow):
    window = opened_window
    window.select_cell(0, "bijstand")
    bijstand = window.model.month(0).bijstand
    assert _plain(render(bijstand.explanation, "nl")) in _panel_text(window)
    assert window.panel.links(), "at least one source link"
    assert all(url.startswith("https://") for url in window.panel.links())
    assert window.panel.links()[0] in window.panel.toHtml()


def test_arrow_keys_move_and_the_panel_follows(qtbot, opened_window: MainWindow):
    window = opened_window
    window.select_cell(0, "norm")
    assert window.panel.column is not None and window.panel.column.key == "norm"
    qtbot.keyClick(window.table, Qt.Key.Key_Right)
    assert window.panel.column.key == "income_from_work"
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.panel.month is window.model.month(1)
    assert _plain(render(window.model.month(1).income_from_work.explanation, "nl")) in _panel_text(window)


def test_the_banner_lists_each_note_once(opened_window: MainWindow):
    window = opened_window
    assert not window.banner.isHidden()
    texts = window.banner.texts()
    first: dict[tuple, str] = {}
    flags = [f for month in window.model.projection.months for f in notes_of(month)]
    flags += [f for card in window.overview.cards for f in card.notes]  # the notes of the cards' amounts too
    for flag in flags:
        if flag.code == "not_yet_published":  # one note for all of them (tests/planner/test_notes.py)
            first.setdefault(("not_yet_published",), "Vanaf ")
            continue
        key = (flag.code, flag.rule_id, flag.assumption or flag.explanation.message)
        first.setdefault(key, render(flag.explanation, "nl"))
    warnings = [i for i in window.overview.warnings if i.severity == "warning"]
    assert len(texts) == len(first) + len(warnings)
    for text in first.values():
        assert any(t.startswith(text) for t in texts), text


# --- language ---------------------------------------------------------------------------------------


def test_switching_language_re_renders_without_recomputing(qtbot, opened_window: MainWindow):
    window = opened_window
    projection = window.model.projection
    window.select_cell(0, "bijstand")
    nl = translations("nl")
    assert _headers(window) == [nl.gettext(c.label) for c in COLUMNS]

    with qtbot.wait_signal(window.retranslated, timeout=5000):
        window.language_actions["en"].trigger()

    assert get_language() == "en"
    assert window.settings.value(LANGUAGE) == "en"
    assert QLocale().name() == "en_GB"
    assert window.language_actions["en"].isChecked() and not window.language_actions["nl"].isChecked()
    assert window.model.projection is projection, "nothing was recomputed"
    assert _text(window.model, 0, "norm") == "€1,401.50"
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "January 2026"
    assert _headers(window) == [c.label for c in COLUMNS]
    assert _menu_titles(window) == list(MENUS)
    # No Dutch text is left among the headers and menu titles.
    dutch = {nl.gettext(c.label) for c in COLUMNS} | {nl.gettext(t) for t in MENUS}
    dutch -= {c.label for c in COLUMNS} | set(MENUS)
    visible = set(_headers(window)) | set(_menu_titles(window))
    assert not visible & dutch
    assert _plain(render(window.model.month(0).bijstand.explanation, "en")) in _panel_text(window)

    with qtbot.wait_signal(window.retranslated, timeout=5000):
        window.language_actions["nl"].trigger()
    assert get_language() == "nl"
    assert _text(window.model, 0, "norm") == "€ 1.401,50"
    assert _headers(window) == [nl.gettext(c.label) for c in COLUMNS]
    assert _menu_titles(window) == [nl.gettext(t) for t in MENUS]
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "januari 2026"


def test_language_switch_tells_the_model_to_re_render(qtbot, opened_window: MainWindow):
    window = opened_window
    with qtbot.wait_signals([window.model.headerDataChanged, window.model.dataChanged], timeout=5000):
        window.set_language("en")


# --- errors -------------------------------------------------------------------------------------------


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[errors.ErrorMessage]:
    shown: list[errors.ErrorMessage] = []
    monkeypatch.setattr(errors, "present", lambda parent, message: shown.append(message))
    return shown


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"schema_version": 1, "household": {', "damaged"),
        (b"\xff\xfe not text at all", "damaged"),
        (b'{"hello": "world"}', "not a Bijverdienplanner plan"),
        (b'{"schema_version": 999, "household": {}}', "newer version"),
        (b'{"schema_version": 1, "household": {}, "start": "2026-01", "months": 12}', "mistakes"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_left_untouched(
    qtbot, window: MainWindow, tmp_path: Path, captured: list, content: bytes, expected: str
):
    window.set_language("en")
    path = tmp_path / "broken.bvp.json"
    path.write_bytes(content)
    before = path.stat().st_mtime_ns
    window.open_path(path)
    qtbot.wait_until(lambda: len(captured) == 1, timeout=10000)
    message = captured[0]
    assert expected in message.text
    assert "broken.bvp.json" in message.text
    assert str(tmp_path) not in message.text, "only the file name, not the folder"
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == before
    assert window.stack.currentWidget() is window.empty
    assert window.settings.recent_files() == []
    assert not window.worker.is_busy()


def test_a_missing_file_is_reported(qtbot, window: MainWindow, tmp_path: Path, captured: list):
    window.open_path(tmp_path / "gone.bvp.json")
    qtbot.wait_until(lambda: len(captured) == 1, timeout=10000)
    assert "gone.bvp.json" in captured[0].text
    assert not (tmp_path / "gone.bvp.json").exists()


# --- accessibility --------------------------------------------------------------------------------------


def _unnamed(window: MainWindow) -> list[str]:
    missing = []
    for button in window.findChildren(QAbstractButton):
        if not (button.accessibleName() or button.text()):
            missing.append(f"{type(button).__name__} {button.objectName()!r}")
    for kind in (QTableView, QTextBrowser, QMenuBar, QProgressBar):
        for widget in window.findChildren(kind):
            if not widget.accessibleName():
                missing.append(f"{kind.__name__} {widget.objectName()!r}")
    for label in window.findChildren(QLabel):
        has_links = "<a " in label.text() or label.openExternalLinks()
        if has_links and not label.accessibleName():
            missing.append(f"QLabel with links {label.text()[:30]!r}")
    for menu_action in window.menuBar().actions():
        if not menu_action.text():
            missing.append("menu without a title")
        for action in menu_action.menu().actions():
            if not action.isSeparator() and not action.text():
                missing.append(f"action without text in {menu_action.text()!r}")
    return missing


def test_every_widget_has_a_name(opened_window: MainWindow):
    assert _unnamed(opened_window) == []


def test_every_widget_has_a_name_before_a_plan_is_open(window: MainWindow):
    assert _unnamed(window) == []


def test_menus_have_mnemonics_and_shortcuts(window: MainWindow):
    for title in _menu_titles(window):
        assert "&" in title
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_two_items_of_a_menu_share_a_mnemonic(qtbot, window: MainWindow, lang: str):  # noqa: ANN001
    with qtbot.wait_signal(window.retranslated):
        window.set_language(lang)
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        keys = [t[t.index("&") + 1].lower() for t in (a.text() for a in menu.actions()) if "&" in t]
        assert len(keys) == len(set(keys)), (menu.title(), [a.text() for a in menu.actions()])


def test_the_table_is_keyboard_friendly(window: MainWindow):
    assert window.table.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not window.table.tabKeyNavigation(), "Tab leaves the table; arrows move inside"


def test_closing_stops_the_background_work(qtbot, opened_window: MainWindow):  # noqa: ANN001
    window = opened_window
    plan = window.document.plan
    window.apply_edit(plan.model_copy(update={"starting_balance": plan.starting_balance + 1}), "more money")
    qtbot.wait_until(lambda: window._background.isActive(), timeout=10000)  # the range waits for edits to pause
    window.close()
    assert not window._background.isActive()
    assert not any(w.is_busy() for w in (window.worker, window.risk_worker, window.cliff_worker, window.task_worker))
    window._start_background()  # as a late timer would: nothing starts
    assert not window.risk_worker.is_busy()
