"""Start the desktop app: ``run(args)`` is called by ``ui.launch``.

It creates the QApplication, applies the saved language (gettext, Babel,
QLocale and Qt's own catalog, see ``ui.language``), installs the local crash
dialog, opens the main window, offers a plan that a crash left unsaved
(``ui.recovery``) and, if a path is given, opens the plan in it.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from planner import resources
from ui.appinfo import APP_ID

from ui.crash import install_excepthook, install_log_handler
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANIZATION, Settings

log = logging.getLogger("ui.app")

APP_NAME = "Bijverdienplanner"


def _configure_logging() -> None:
    """Warnings to stderr; everything of our own loggers into the crash report's memory buffer."""
    install_log_handler()
    for name in ("planner", "ui"):
        logging.getLogger(name).setLevel(logging.INFO)
    if not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)


def create_application(args: Sequence[str] = ()) -> QApplication:
    """The QApplication (reused if one exists), named for QSettings."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication([APP_NAME, *args])
    app.setApplicationDisplayName(APP_NAME)
    # The desktop entry's name: Wayland compositors and docks match the window to its menu entry and icon by it.
    app.setDesktopFileName(APP_ID)
    icon = resources.icon(APP_ID)
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def tune_garbage_collector() -> None:
    """Keep Python's cycle collector from pausing the window while a plan is edited.

    Called once the window is built. ``gc.freeze`` moves everything made so
    far (Qt, matplotlib, the rules: some 150,000 objects that live as long as
    the app) out of the collector's sight, so a full collection no longer
    walks them (it took up to 100 ms, now a few). A higher first threshold
    makes the collector run less often while a result of many small objects
    is built. Memory is still freed by reference counting as before; new
    cycles wait a little longer, and a cycle among the frozen start-up objects
    stays until the app closes (they are made once). Measured by
    ``bench/bench_app.py``.
    """
    gc.freeze()
    gc.set_threshold(10_000, 20, 100)


def run(args: Sequence[str]) -> int:
    """Run the app; ``args`` are the command-line arguments after the program name."""
    _configure_logging()
    created = QApplication.instance() is None
    app = create_application(args)
    install_excepthook()
    settings = Settings()
    apply_language(settings.language())
    window = MainWindow(settings)
    window.show()
    tune_garbage_collector()
    window.offer_recovery()  # a plan left unsaved by a crash comes first
    # Qt has taken its own options (-platform, -style, …) out of its argument list.
    given = app.arguments()[1:] if created else list(args)
    paths = [a for a in given if not a.startswith("-")]
    if paths:
        window.open_path(paths[0])
    log.info("app started")
    code = app.exec()
    window.worker.wait(5000)
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1:]))
