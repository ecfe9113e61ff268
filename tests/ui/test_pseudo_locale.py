"""Texts 40 % longer than Dutch still fit: no label, button, check box, header or cell is cut off.

Every translation is the Dutch text made about 40 % longer (``ui.pseudo_locale``),
put in place by replacing ``planner.i18n.translations``. The main window is
shown at 1200×800 before and after the example plan is opened, and the
glossary dialog is opened; then every visible text is measured.
``scripts/pseudo-locale`` does the same and saves a screenshot.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import planner.i18n
from planner.i18n import _, translations
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.pseudo_locale import GROWTH, clipped_texts, pseudo_text, pseudo_translations

from .conftest import EXAMPLE

#: The offscreen platform can neither pass size hints to a window nor raise it, and Qt says so when one is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SIZE = (1200, 800)


# --- the pseudo texts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "&Bestand",
        "{count} maanden berekend.",
        "Open een planbestand ({extension}). Dan zie je per maand je bijstand.",
        "Bijverdienplanner {version}\n\nPlan deeltijdwerk.",
    ],
)
def test_pseudo_text_is_about_40_percent_longer_and_keeps_fields_mnemonics_and_lines(text: str):
    longer = pseudo_text(text)
    letters = len(re.sub(r"\{[^{}]*\}|\s", "", text))  # fields are not lengthened
    assert len(longer) - len(text) >= round(letters * GROWTH) - 1
    assert longer.count("{") == text.count("{") and longer.count("\n") == text.count("\n")
    longer.format(count=3, extension=".bvp.json", version="1.0")  # the fields still work
    assert longer.split()[0].startswith(text.split()[0].rstrip(".,:;!?)")[:3])
    if text.startswith("&"):
        assert longer.startswith("&B")


def test_the_pseudo_catalog_wraps_the_dutch_one(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(planner.i18n, "translations", pseudo_translations("nl"))
    dutch = translations("nl").gettext("&File")
    assert _("&File") == pseudo_text(dutch) != dutch


def test_the_check_finds_a_label_that_is_cut_off(qtbot):
    box = QWidget()
    qtbot.add_widget(box)
    label = QLabel("A rather long text that cannot fit in forty pixels", box)
    label.setGeometry(0, 0, 40, 20)
    box.show()
    assert [c.widget for c in clipped_texts(box)] == [label]
    label.resize(label.sizeHint())
    assert clipped_texts(box) == []


# --- the app's screens --------------------------------------------------------------------------------


def _settle(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    qtbot.wait_until(lambda: not window._fit_timer.isActive(), timeout=5000)
    for _i in range(3):
        QApplication.processEvents()


def _report(clipped) -> str:  # noqa: ANN001
    return "\n".join(str(c) for c in clipped)


def test_no_text_is_cut_off_with_texts_40_percent_longer(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(planner.i18n, "translations", pseudo_translations("nl"))
    with qtbot.wait_signal(window.retranslated, timeout=5000):
        apply_language("nl")  # every widget retranslates itself, now with the longer texts
    assert window.file_menu.title() == pseudo_text(translations("nl").gettext("&File"))

    window.resize(*SIZE)
    window.show()
    qtbot.wait_exposed(window)
    _settle(qtbot, window)
    assert window.width() == SIZE[0] and window.height() == SIZE[1]
    clipped = clipped_texts(window)
    assert not clipped, "before a plan is open:\n" + _report(clipped)

    with qtbot.wait_signal(window.plan_shown, timeout=10000):
        window.open_path(EXAMPLE)
    window.select_cell(0, "bijstand")
    _settle(qtbot, window)
    assert not window.banner.isHidden()
    clipped = clipped_texts(window)
    assert not clipped, "with the example plan open:\n" + _report(clipped)

    glossary = window.show_glossary()
    qtbot.wait_exposed(glossary)
    _settle(qtbot, window)
    clipped = clipped_texts(glossary)
    assert not clipped, "in the glossary:\n" + _report(clipped)
    glossary.close()
    window.close()
    QApplication.processEvents()  # Qt's messages about the shown windows come now, while they are ignored
