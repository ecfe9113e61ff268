"""Plain text stays plain: markup in every user string of a plan is shown literally in every widget.

Each text a widget shows is read as Qt renders it (a label's text format, a
tooltip or an item as rich text when Qt takes it for rich text); wherever
the marker of a user string shows, the whole markup must show with it,
letters and all, and never be rendered as bold text or an image.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QMessageBox, QTextBrowser, QWidget

from ui.main_window import MainWindow

from .conftest import EXAMPLE

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

MARK = "MARK"
MARKUP = f"<b>{MARK}</b><img src=x>"
FILE_MARKUP = f"<i>{MARK}<img src=x>"
"""In the file name (which cannot hold a slash)."""


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """``text`` as Qt shows it: rendered when it is (taken for) rich text."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> list[tuple[str, str]]:
    out = []
    for row in range(model.rowCount(parent)):
        for column in range(max(1, model.columnCount(parent))):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    # Items are drawn as plain text; their tooltips as rich text when they look like it.
                    out.append((f"{type(model).__name__}[{row},{column}] role {int(role)}",
                                shown(value) if role == Qt.ItemDataRole.ToolTipRole else value))
    return out


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if widget.toolTip():
            out.append((f"{name} tooltip", shown(widget.toolTip())))
        if isinstance(widget, QLabel):
            out.append((f"{name} text", shown(widget.text(), widget.textFormat())))
        elif isinstance(widget, QMessageBox):
            out.append((f"{name} text", shown(widget.text(), widget.textFormat())))
            out.append((f"{name} informative", shown(widget.informativeText(), widget.textFormat())))
        elif isinstance(widget, QTextBrowser):
            out.append((f"{name} document", widget.toPlainText()))
        elif isinstance(widget, QAbstractButton):
            out.append((f"{name} text", widget.text()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            out += [(f"{name} {where}", text) for where, text in _model_texts(widget.model())]
    for action in root.findChildren(type(root.menuBar().actions()[0])) if hasattr(root, "menuBar") else []:
        out.append(("action tooltip", shown(action.toolTip())))
    return out


def leaks(texts: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {text[:120]!r}" for where, text in texts
            if text.count(MARK) != text.count(MARKUP) + text.count(FILE_MARKUP)]


def marked_plan(tmp_path: Path) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["name"] = f"Plan {MARKUP}"
    job = data["jobs"][0]
    old_id = job["id"]
    job["id"], job["name"] = MARKUP, f"Werk {MARKUP}"
    for shift in data["shifts"]:
        shift["job"] = MARKUP
    data["expenses"] = [{"name": f"Huur {MARKUP}", "amount": "500"}]
    data["payslips"] = [{"job": MARKUP, "month": "2026-01", "net_amount": "150"}]
    assert old_id
    path = tmp_path / f"{FILE_MARKUP}.bvp.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_markup_in_every_user_string_is_shown_literally(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    path = marked_plan(tmp_path)
    window.show()
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(path)
    qtbot.wait_until(lambda: window.bounds is not None, timeout=20000)
    found: list[tuple[str, str]] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        found += widget_texts(window)
    window.shifts.table.setCurrentIndex(window.shifts.table.model().index(0, 0))
    found += widget_texts(window)
    assert [t for _w, t in found if MARKUP in t], "the user strings are on screen"
    assert leaks(found) == []


def test_the_unsaved_changes_question_shows_the_name_literally(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    path = marked_plan(tmp_path)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(path)
    box = window.save_changes_box()
    texts = widget_texts(box)
    assert [t for _w, t in texts if MARKUP in t]
    assert leaks(texts) == []


def test_the_check_finds_rendered_markup() -> None:
    """The test above can fail: rich text with the marker is caught."""
    label = QLabel()
    label.setText(f"Plan {MARKUP}")
    assert leaks(widget_texts(label)) != []
    label.setTextFormat(Qt.TextFormat.PlainText)
    assert leaks(widget_texts(label)) == []
