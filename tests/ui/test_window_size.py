"""The window fits small laptop screens, and the notes banner never makes it larger."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow, fitting_size
from ui.settings import WINDOW_GEOMETRY, Settings

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"

#: Screens as a laptop leaves them for windows: the screen minus a 40-pixel task bar.
SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "1280x720": QRect(0, 0, 1280, 680)}


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_default_size_fits_the_screen_with_its_frame(screen: QRect) -> None:
    size = fitting_size(screen)
    assert size.width() + 16 <= screen.width() and size.height() + 40 <= screen.height()
    assert fitting_size(QRect(0, 0, 2560, 1400)) == QSize(1200, 800)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_window_is_usable_at_small_sizes_and_the_banner_never_grows_it(
        qtbot, window: MainWindow, screen: QRect, lang: str) -> None:  # noqa: ANN001
    window.set_language(lang)
    size = fitting_size(screen)
    window.resize(size)
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(HOTEL)
    assert window.banner.isVisible()
    for expanded in (True, False, True):
        window.banner.set_expanded(expanded)
        qtbot.wait(20)  # the layout settles
        assert window.size() == size
        hint = window.minimumSizeHint()
        assert hint.width() <= size.width() and hint.height() <= size.height(), hint
    for tab in (3, 1, 2, 0):  # the charts and the shifts have minimum sizes of their own: they scroll
        window.show_tab(tab)
        qtbot.wait(50)
        assert window.size() == size, tab
    # The month cards keep room: at least a third of the window's height is theirs.
    assert window.cards.viewport().height() >= size.height() // 3
    assert window.banner.height() <= size.height() // 3


def test_a_kept_size_larger_than_the_screen_is_made_to_fit(qtbot, settings: Settings, tmp_path: Path) -> None:  # noqa: ANN001
    big = MainWindow(settings, recovery_folder=tmp_path / "r1")
    qtbot.add_widget(big)
    big.resize(4000, 3000)  # as the banner once grew it
    settings.set_value(WINDOW_GEOMETRY, big.saveGeometry())
    again = MainWindow(settings, recovery_folder=tmp_path / "r2")
    qtbot.add_widget(again)
    available = again.screen().availableGeometry()
    assert again.width() + 16 <= available.width() and again.height() + 40 <= available.height()
    big.recovery.release()
    again.recovery.release()


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_unfolding_the_details_keeps_the_window_size_also_after_a_restart(
        qtbot, window: MainWindow, settings: Settings, tmp_path: Path, screen: QRect) -> None:  # noqa: ANN001
    from .test_gate_window import open_as_user

    size = fitting_size(screen)
    window.resize(size)
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, HOTEL)  # File → Open, the dialog answered
    qtbot.wait_until(lambda: window.bounds is not None, timeout=30000)  # the headline's range is there too
    banner = window.banner
    assert banner.toggle.isVisible() and not banner.is_expanded()
    qtbot.mouseClick(banner.toggle, Qt.MouseButton.LeftButton)  # "Show the details"
    qtbot.wait(50)
    assert banner.is_expanded() and banner.scroll.isVisible()
    assert window.size() == size
    assert banner.body.height() > banner.scroll.viewport().height(), "the details scroll inside the banner"
    assert window.cards.viewport().height() >= size.height() // 3
    window.close()
    again = MainWindow(settings, recovery_folder=tmp_path / "again")
    qtbot.add_widget(again)
    # The size kept is the size the window had (the banner never grew it), made to fit this screen as always.
    assert again.size() == fitting_size(again.screen().availableGeometry(), size)
    again.recovery.release()
