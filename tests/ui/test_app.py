"""ui.app.run: starts the window, opens the plan given on the command line, runs until quit."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui import app as app_module
from ui import crash
from ui.main_window import MainWindow
from ui.settings import Settings

from .conftest import EXAMPLE


def test_run_opens_the_plan_from_the_command_line(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path):  # noqa: ANN001
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "Settings", lambda: Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    shown: list[MainWindow] = []

    class QuitWhenShown(MainWindow):
        def __init__(self, settings: Settings) -> None:
            super().__init__(settings)
            shown.append(self)
            self.plan_shown.connect(self.close)
            self.plan_shown.connect(QApplication.quit)

    monkeypatch.setattr(app_module, "MainWindow", QuitWhenShown)
    monkeypatch.setattr(QuitWhenShown, "show", lambda self: None)  # no real window offscreen
    assert app_module.run([str(EXAMPLE)]) == 0
    assert sys.excepthook is crash.excepthook
    window = shown[0]
    assert window.model.rowCount() == 12
    assert QApplication.applicationName() == "Bijverdienplanner"
    assert QApplication.organizationName() == "Bijverdienplanner"
    window.deleteLater()


def test_the_app_has_its_icon_and_the_name_of_its_desktop_entry(qapp) -> None:  # noqa: ANN001
    from ui.appinfo import APP_ID

    app = app_module.create_application()
    assert app.desktopFileName() == APP_ID
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(48, 48).toImage().isNull()
