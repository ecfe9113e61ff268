"""The answer first, as the user sees it: open the hotel example with File → Open and read the window.

The line above the results answers "what will it cost me later?": what is taken back later in all and from when,
what to set aside in all (the ledger's one figure), then the range over fewer or more shifts. Each month card
starts with its answer; no card holds a notes box; the banner says each cause once; a warning sign says why.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFrame, QLabel

from planner.i18n import _, format_day, format_money
from planner.results import FIGURES, headline
from ui.main_window import MainWindow
from ui.month_cards import AmountButton

from .conftest import ROOT
from .test_gate_window import open_as_user

HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture
def hotel(qtbot, window: MainWindow) -> MainWindow:  # noqa: ANN001
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, HOTEL)
    qtbot.wait_until(lambda: window.bounds is not None, timeout=30000)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    return window


def _switch_to(qtbot, window: MainWindow, lang: str) -> None:  # noqa: ANN001
    """Language → English (or Nederlands), and wait until the window shows it."""
    if window.language_actions[lang].isChecked():
        return
    with qtbot.wait_signal(window.retranslated, timeout=5000):
        window.language_actions[lang].trigger()


def _visible_texts(window: MainWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window) and label.text()]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_headline_says_what_is_taken_back_later_and_what_to_set_aside(qtbot, hotel: MainWindow, lang: str):  # noqa: ANN001
    window = hotel
    _switch_to(qtbot, window, lang)
    result = window.overview.result
    h = headline(result)
    assert h.taken_back > 0 and h.first_taken is not None and h.set_aside > 0
    line = window.risk_label
    text = line.accessibleDescription()
    answer = _("{label}: {amount}, the first time on {date}.").format(
        label=_(FIGURES["taken_back_total"].label), amount=format_money(h.taken_back), date=format_day(h.first_taken))
    assert answer in text, "what is taken back later, and from when"
    assert text.index(answer) < text.index(_(FIGURES["set_aside_total"].label)), "before what to set aside"
    assert _(FIGURES["set_aside_total"].label) + ": " + format_money(result.ledger.set_aside) in text
    b = window.bounds
    assert text.endswith(_("With fewer or more shifts: {low} to {high} taken back, {aside_low} to {aside_high} to set aside.").format(
        low=format_money(b.repayment.low), high=format_money(b.repayment.high),
        aside_low=format_money(b.set_aside.low), aside_high=format_money(b.set_aside.high)))
    assert b.repayment.planned == h.taken_back and b.set_aside.planned == h.set_aside, "the range's 'as planned' is the headline"
    assert line.accessibleName() == _("Your plan in short")
    assert line.isVisible() and line.geometry().bottom() < window.banner.geometry().top(), "the answer before the notes"


def test_the_banner_says_each_cause_once_and_no_card_repeats_it(qtbot, hotel: MainWindow):  # noqa: ANN001
    window = hotel
    assert not window.banner.is_expanded()
    shown = " ".join(_visible_texts(window))
    assert shown.count("nog niet bekendgemaakt") == 1, "once for the whole plan, not on every card"
    assert "Bedragen vanaf januari 2027 zijn nog niet bekendgemaakt." in shown
    assert "Lees eerst" not in shown, "no 'read these notes before you rely on the amounts'"
    for card in window.cards.card_widgets():
        assert card.findChild(QFrame, "cardNotes") is None
    causes = window.banner.causes()
    assert len(causes) == len(set(causes)) == 4


def test_the_first_tab_stop_of_the_results_is_a_cards_answer(qtbot, hotel: MainWindow):  # noqa: ANN001
    window = hotel
    qtbot.keySequence(QApplication.focusWidget() or window, window.results_action.shortcut())  # Ctrl+0
    focused = QApplication.focusWidget()
    assert isinstance(focused, AmountButton) and focused.item.key == "total_in"
    card = window.cards.card_widgets()[0]
    assert focused.parent() is card.findChild(QFrame, "answer")
    assert card.accessibleDescription().startswith(_(FIGURES["total_in"].label))


def test_a_warning_sign_says_its_cause(qtbot, hotel: MainWindow):  # noqa: ANN001
    window = hotel
    january = window.cards.button_for((2027, 1), "bijstand")
    assert not january.icon().isNull()
    assert "Nog niet bekendgemaakt: de bijstandsnorm" in january.toolTip()
    assert january.accessibleDescription().startswith("Let op: Nog niet bekendgemaakt: de bijstandsnorm")
    _switch_to(qtbot, window, "en")
    qtbot.wait_until(lambda: "Not yet published: the bijstand norm" in window.cards.button_for((2027, 1), "bijstand").toolTip())
    english = window.cards.button_for((2027, 1), "bijstand")
    assert english.accessibleDescription().startswith("Warning: Not yet published: the bijstand norm")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_headline_starts_with_what_the_work_brings_the_same_as_the_cli(qtbot, hotel: MainWindow, lang: str,  # noqa: ANN001
                                                                           capsys) -> None:  # noqa: ANN001
    """"Can I take this work?": the line above the cards starts with what the work brings over the plan, after
    everything taken back; `bijverdienplanner compute` says the same sentence with the same amount."""
    from planner.cli import main as cli_main

    window = hotel
    _switch_to(qtbot, window, lang)
    gain = window.overview.work_gain
    assert gain is not None and gain > 0
    text = window.risk_label.accessibleDescription()
    assert text.startswith(_("{label}: {amount} more in all than with no work, after everything taken back (also later).")
                           .format(label=_(FIGURES["work_gain"].label), amount=format_money(gain)))
    assert cli_main(["compute", "--lang", lang, str(HOTEL)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert format_money(gain, lang).replace("\xa0", " ") in out and _(FIGURES["work_gain"].label) in out
