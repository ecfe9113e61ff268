"""ui.crash: a local report with allow-listed facts, copied on request, never uploaded."""

from __future__ import annotations

import logging
import os
import platform
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from ui import crash


def _report(**kwargs) -> str:  # noqa: ANN003
    try:
        raise RuntimeError("something broke")
    except RuntimeError as exc:
        return crash.crash_report(type(exc), exc, exc.__traceback__, **kwargs)


def test_the_report_has_the_traceback_and_allow_listed_facts(qapp, monkeypatch):  # noqa: ANN001
    monkeypatch.setenv("BVP_SECRET_TEST_VALUE", "do-not-leak")
    text = _report(log_lines=["INFO ui.main: opening a plan"])
    assert "RuntimeError: something broke" in text
    assert "test_crash.py" in text
    assert platform.python_version() in text
    assert "Qt: " in text and "PySide6: " in text and "OS: " in text
    assert "opening a plan" in text
    assert "do-not-leak" not in text, "no environment variables"
    home = str(Path.home())
    if home != "/":
        assert home not in text, "home folder is shortened to ~"


def test_the_ram_handler_keeps_recent_lines_only():
    handler = crash.RAMHandler(capacity=3)
    logger = logging.getLogger("ui.test_crash")
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        for i in range(5):
            logger.info("line %d", i)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert [line.rsplit(": ", 1)[1] for line in handler.lines] == ["line 2", "line 3", "line 4"]


def test_the_dialog_shows_the_report_and_copies_it(qtbot):  # noqa: ANN001
    report = _report(log_lines=[])
    dialog = crash.CrashDialog(report)
    qtbot.add_widget(dialog)
    assert dialog.text.toPlainText() == report
    assert dialog.text.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    assert dialog.copy_button.accessibleName() and dialog.text.accessibleName()


def test_the_excepthook_routes_to_the_dialog(monkeypatch, qapp):  # noqa: ANN001
    seen = []
    monkeypatch.setattr(crash, "show_crash", lambda t, e, tb, parent=None: seen.append(e))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook()
    assert sys.excepthook is crash.excepthook
    error = ValueError("x")
    sys.excepthook(ValueError, error, None)
    assert seen == [error]
    assert os.environ.get("QT_QPA_PLATFORM")
