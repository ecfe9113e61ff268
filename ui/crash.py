"""A local crash dialog: the traceback and a few allow-listed facts, to copy; no upload.

:func:`install_excepthook` routes every uncaught exception to
:class:`CrashDialog`. The report holds the traceback, recent log lines of our
own loggers (which never contain personal data), and facts from a fixed list
(app, Python, Qt and PySide versions, OS, language). It never holds a plan,
an amount or an environment variable, and home folders in paths are shortened
to ``~``. The user can copy the text and give it to whoever helps them; the app
sends nothing anywhere (model: qutebrowser ``misc/crashdialog.py``
``_get_environment_vars`` and ``utils/log.py`` ``RAMHandler``; Anki
``qt/aqt/errors.py``; without qutebrowser's pastebin upload).
"""

from __future__ import annotations

import collections
import logging
import platform
import sys
import traceback
from importlib import metadata
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QEvent, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import _, get_language
from ui.actions import on_trigger

log = logging.getLogger("ui.crash")

RAM_LINES = 200


class RAMHandler(logging.Handler):
    """Keeps the last lines of the app's own log in memory, for the crash report."""

    def __init__(self, capacity: int = RAM_LINES) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


ram_handler = RAMHandler()


def install_log_handler() -> None:
    """Keep recent lines of the ``planner`` and ``ui`` loggers for the crash report."""
    for name in ("planner", "ui"):
        logger = logging.getLogger(name)
        if ram_handler not in logger.handlers:
            logger.addHandler(ram_handler)


def _app_version() -> str:
    try:
        return metadata.version("bijverdienplanner")
    except metadata.PackageNotFoundError:
        return "unknown"


def environment_facts() -> list[tuple[str, str]]:
    """Allow-listed facts about the program; nothing about the person or the plan."""
    app = QGuiApplication.instance()
    return [
        ("Bijverdienplanner", _app_version()),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("OS", platform.platform(terse=True)),
        ("Qt platform", QGuiApplication.platformName() if app is not None else "-"),
        ("Language", get_language()),
        ("Frozen", "yes" if getattr(sys, "frozen", False) else "no"),
    ]


def _shorten_home(text: str) -> str:
    home = str(Path.home())
    return text.replace(home, "~") if home and home != "/" else text


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, log_lines: list[str] | None = None
) -> str:
    """The text of the crash report (English: it is for whoever fixes the bug)."""
    lines = ["Bijverdienplanner crash report", ""]
    lines += [f"{key}: {value}" for key, value in environment_facts()]
    lines += ["", "Traceback:", "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()]
    recent = list(ram_handler.lines) if log_lines is None else log_lines
    if recent:
        lines += ["", "Recent log lines:", *recent[-50:]]
    return _shorten_home("\n".join(lines)) + "\n"


class CrashDialog(QDialog):
    """Says that something went wrong, shows the report, and lets the user copy it."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setModal(True)
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(report)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self)
        on_trigger(self.copy_button, self.copy_report)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Bijverdienplanner ran into a problem"))
        self.intro.setText(
            _(
                "Something went wrong inside Bijverdienplanner. This is a fault in the app, not something you did. "
                "Your plan files were not changed. Nothing has been sent anywhere. If you want to report the problem, "
                "copy the text below and give it to the person who helps you with the app. It should not contain data from "
                "your plan, but you can read it before you pass it on."
            )
        )
        self.copy_button.setText(_("&Copy the text"))
        self.copy_button.setAccessibleName(_("Copy the text of the problem report"))
        self.text.setAccessibleName(_("Problem report"))
        self.close_button.setAccessibleName(_("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(_("Copied"))


_showing = False


def show_crash(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, parent: QWidget | None = None
) -> None:
    """Log the crash and show the dialog (or print it when there is no GUI)."""
    global _showing
    log.error("uncaught %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
    report = crash_report(exc_type, exc, tb)
    if _showing or QApplication.instance() is None:
        sys.stderr.write(report)
        return
    _showing = True
    try:
        dialog = CrashDialog(report, parent or QApplication.activeWindow())
        dialog.exec()
        dialog.deleteLater()
    except Exception:  # noqa: BLE001 - the crash dialog itself must not loop
        sys.__excepthook__(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        _showing = False


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    show_crash(exc_type, exc, tb)


def install_excepthook() -> None:
    sys.excepthook = excepthook
