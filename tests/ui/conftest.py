"""Fixtures for the UI tests: temporary settings, a fresh window, Dutch to start with.

The user's real settings are never touched: Qt's standard paths are in test
mode and QSettings' user scope points into a temporary folder for the whole
session; widgets get a :class:`ui.settings.Settings` on their own INI file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from planner.benefit import Projection, project
from planner.i18n import get_language
from planner.storage import load_plan
from ui import errors, main_window
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.settings import Settings


ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"
TEST_SAMPLES = 200
"""Futures per chances run in the window tests (the app uses the default of ``compute --risk``; the figures
themselves are tested in tests/planner/test_risk*.py)."""


@pytest.fixture(scope="session", autouse=True)
def _no_real_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    QStandardPaths.setTestModeEnabled(True)
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)


@pytest.fixture(autouse=True)
def _dutch_first(qapp) -> Iterator[None]:  # noqa: ANN001 - pytest-qt fixture
    """Every UI test starts in Dutch and leaves the app in Dutch."""
    apply_language("nl")
    yield
    if get_language() != "nl":
        apply_language("nl")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings: Settings, tmp_path: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    win = MainWindow(settings, recovery_folder=tmp_path / "recovery", chances_samples=TEST_SAMPLES)
    # No modal "save your changes?" box when a test ends with an edited plan (tests of the prompt replace this).
    win.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.add_widget(win)
    yield win
    win.worker.cancel()
    win.worker.wait(5000)
    win.chances_worker.shutdown(5000)
    win.recovery.release()


@pytest.fixture
def opened_window(qtbot, window: MainWindow) -> MainWindow:  # noqa: ANN001
    with qtbot.wait_signal(window.plan_shown, timeout=10000):
        window.open_path(EXAMPLE)
    return window


@pytest.fixture(scope="session")
def example_projection() -> Projection:
    return project(load_plan(EXAMPLE))


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> list[errors.ErrorMessage]:
    """The error messages the window shows, instead of showing them."""
    shown: list[errors.ErrorMessage] = []
    monkeypatch.setattr(errors, "present", lambda parent, message: shown.append(message))
    monkeypatch.setattr(main_window, "present", lambda parent, message: shown.append(message))
    return shown
