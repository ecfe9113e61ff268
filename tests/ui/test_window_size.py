"""The window fits small laptop screens, and the notes banner never makes it larger."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

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
    with qtbot.wait_signals([window.plan_shown, window.chances_shown], timeout=30000):  # the chances line too
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


# --- the Shifts tab and the forms on a small screen --------------------------------------------------------


def _whole_on_screen(widget, window: MainWindow) -> bool:  # noqa: ANN001
    """The widget is shown, not cut off by a scroll area or the window: all of it can be seen and clicked."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect() and \
        window.rect().contains(widget.rect().translated(widget.mapTo(window, widget.rect().topLeft())))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_every_part_of_the_shifts_tab_is_on_screen_without_scrolling(
        qtbot, window: MainWindow, screen: QRect, lang: str) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    window.set_language(lang)
    size = fitting_size(screen)
    window.resize(size)
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signals([window.plan_shown, window.chances_shown], timeout=30000):  # the chances line too
        window.open_path(HOTEL)
    window.banner.set_expanded(True)  # the notes open: the least room there is for the tab
    window.show_tab(1)
    qtbot.wait(50)
    assert window.size() == size
    shifts = window.shifts
    area = next(a for a in window.shifts_page.findChildren(QScrollArea) if a.widget() is shifts)
    assert not area.verticalScrollBar().isVisible()
    buttons = [shifts.add_button, shifts.duplicate_button, shifts.repeat_button, shifts.delete_button,
               shifts.effect_button, *[b for b in window.payslips.findChildren(QAbstractButton) if b.isVisibleTo(window)]]
    assert len(buttons) >= 8  # the shifts' five and the payslips' add, change and delete
    for button in buttons:
        assert _whole_on_screen(button, window), button.text()
    # The list shows at least two shifts and scrolls itself for the rest.
    table = shifts.table
    assert table.viewport().height() >= 2 * table.rowHeight(0)
    assert _whole_on_screen(window.payslips.table, window)


def test_the_calendar_scrolls_and_its_focus_ring_stays_inside(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QScrollArea

    size = fitting_size(SCREENS["1280x720"])
    window.resize(size)
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signals([window.plan_shown, window.chances_shown], timeout=30000):  # the chances line too
        window.open_path(HOTEL)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    window.banner.set_expanded(True)
    window.show_tab(1)
    shifts = window.shifts
    shifts.tabs.setCurrentIndex(shifts.CALENDAR_PAGE)
    shifts.calendar.setFocus()
    area = next(a for a in window.shifts_page.findChildren(QScrollArea) if a.widget() is shifts)
    # Qt lays out after the event loop runs (later on a busy machine): wait for it, do not guess a time.
    qtbot.wait_until(lambda: area.verticalScrollBar().isVisible(), timeout=3000)  # the calendar is taller: it scrolls
    ring = window.findChild(QWidget, "bvpFocusRing")
    assert ring is not None and ring.isVisible()
    viewport = area.viewport()
    shown = QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
    assert shown.adjusted(-4, -4, 4, 4).contains(ring.geometry()), (ring.geometry(), shown)
    # The list again: only the page on screen counts, so the list needs no scroll bar.
    shifts.tabs.setCurrentIndex(shifts.LIST_PAGE)
    qtbot.wait_until(lambda: not area.verticalScrollBar().isVisible(), timeout=3000)


@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_dialogs_and_the_first_run_fit_a_small_screen(screen: QRect) -> None:
    from ui.plan_forms import size_on_screen

    for wanted in (QSize(860, 700), QSize(720, 640), QSize(660, 720)):  # the first run, a form, the shift effect
        size = size_on_screen(wanted, screen)
        assert size.width() + 16 <= screen.width() and size.height() + 40 <= screen.height()
    assert size_on_screen(QSize(860, 700), QRect(0, 0, 1920, 1040)) == QSize(860, 700)


def test_the_first_run_and_the_forms_are_made_to_fit_their_screen(qtbot) -> None:  # noqa: ANN001
    from decimal import Decimal

    from planner.storage import load_plan
    from ui.first_run import FirstRunWizard
    from ui.plan_forms import MoneyDialog

    wizard = FirstRunWizard(None, default_buffer=Decimal(0))
    dialog = MoneyDialog(load_plan(HOTEL))
    for widget in (wizard, dialog):
        qtbot.add_widget(widget)
        available = widget.screen().availableGeometry()
        assert widget.width() + 16 <= available.width() and widget.height() + 40 <= available.height()
