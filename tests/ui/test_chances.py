"""The Chances tab and the chances line above the cards, as a user sees them.

The plan is opened through File → Open; the window runs the risk simulation in the background after the plan's
own results are shown (``chances_shown``). The figures themselves are tested in tests/planner/test_risk*.py;
here: the window shows the figures the domain (and ``compute --risk``) gives for the same plan, updates them
after an edit, and a newer edit stops an older run so that only the newest plan's chances are shown.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QTableView

from planner.cli import main as cli_main
from planner.cli import risk_json
from planner.explain import render
from planner.i18n import format_money, format_month
from planner.results import chance_words
from planner.risk import assess
from planner.rules import load_rules
from planner.storage import load_plan
from tests.ui.conftest import EXAMPLE, TEST_SAMPLES
from tests.ui.test_gate_window import open_as_user
from ui import main_window as main_window_module
from ui.main_window import MainWindow
from ui.plan_forms import ErrorLabel, MoneyDialog, UncertaintyDialog, UncertaintyForm
from ui.risk_view import chances_sentence

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

RULES = load_rules()
HOTEL = EXAMPLE.with_name("schoonmaker-hotel-amsterdam.bvp.json")
"""189 shifts, many of them "likely" or "maybe": letters are possible (the other example has none)."""


def open_and_wait(qtbot, window: MainWindow, path: Path = EXAMPLE) -> None:  # noqa: ANN001
    with qtbot.wait_signal(window.chances_shown, timeout=30000):
        open_as_user(qtbot, window, path)


def change_balance(window: MainWindow, text: str) -> None:
    """Edit → Money…: type another starting balance and press OK."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MoneyDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.money_form.balance.setText(text)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    window.money_action.trigger()


def show_chances_tab(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.show()
    qtbot.wait_exposed(window)
    window.tab_actions[4].trigger()  # Ctrl+5
    assert window.tabs.currentWidget() is window.chances_tab


def table_text(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_chances_tab_shows_the_domain_s_figures_in_words_charts_and_tables(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window, HOTEL)
    plan = load_plan(HOTEL)
    expected = assess(plan, TEST_SAMPLES, 0, RULES)
    shown = window.chances.summary
    assert shown == expected
    show_chances_tab(qtbot, window)
    view = window.chances_view
    assert view.sentences.text() == "\n\n".join(render(t, "nl") for t in expected.texts)
    assert "gevallen" in view.sentences.text()  # Dutch
    assert expected.letter_total is not None and any(m.letter_size is not None for m in expected.months)

    # The fan chart's table: one row per day, the middle and the band of 8 in 10 futures.
    fan = view.fan.table
    rows = table_text(fan)
    bands = expected.balance
    assert len(rows) == len(bands.median) == 365  # the plan runs from 1 January to 31 December
    for i in (0, 40, 200, 364):
        assert rows[i][1:] == [format_money(bands.low[i]), format_money(bands.median[i]), format_money(bands.high[i])]
    assert fan.accessibleName() and view.fan.chart.accessibleName()

    # The letters' table: one row per month, the chance and the sizes where a letter is possible.
    letters = table_text(view.letters.table)
    assert len(letters) == len(expected.months) == 12
    for row, month in zip(letters, expected.months, strict=True):
        if month.letter_size is None:
            assert row[2:] == ["—", "—", "—"]
        else:
            assert row[2:] == [format_money(month.letter_size.low), format_money(month.letter_size.median),
                               format_money(month.letter_size.high)]
    assert view.letters.table.accessibleName()

    # One line above the cards: the whole plan's chance of a letter and what to keep aside against setbacks.
    line = window.chances_label.text()
    assert line == chances_sentence(expected)
    assert line.startswith("Kans op een brief: ")
    assert "Achter de hand houden voor tegenvallers: " in line
    assert format_money(expected.set_aside.amount) in line


def test_the_window_and_compute_risk_give_the_same_figures(qtbot, settings, tmp_path: Path,  # noqa: ANN001
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """With the real default (the samples and seed of ``compute --risk``), the window's answer is the CLI's."""
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery")
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.add_widget(window)
    open_and_wait(qtbot, window)
    summary = window.chances.summary
    assert summary.samples == 10_000 and summary.seed == 0
    assert cli_main(["compute", str(EXAMPLE), "--risk", "--format", "json", "--lang", "nl"]) == 0
    cli = json.loads(capsys.readouterr().out)["risk_simulation"]
    assert json.loads(json.dumps(risk_json(summary, "nl"))) == cli


def test_an_edit_updates_the_chances(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window)
    before = window.chances.summary
    with qtbot.wait_signal(window.chances_shown, timeout=30000):
        change_balance(window, "2500")
    assert window.document.plan.starting_balance == 2500
    after = window.chances.summary
    assert window.chances.plan == window.document.plan
    assert after == assess(window.document.plan, TEST_SAMPLES, 0, RULES)
    assert after.balance.median[0] != before.balance.median[0]
    assert window.chances_label.text() == chances_sentence(after)
    assert window.chances_label.isEnabled()


def test_a_newer_edit_stops_the_older_run_and_only_the_newest_chances_are_shown(  # noqa: ANN201
        qtbot, settings, tmp_path: Path):  # noqa: ANN001
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery", chances_samples=20_000)  # a run that takes a while
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.add_widget(window)
    open_and_wait(qtbot, window, HOTEL)
    opened = window.document.plan
    shown: list[object] = []
    window.chances_shown.connect(lambda: shown.append(window.chances.plan))

    with qtbot.wait_signal(window.plan_shown, timeout=10000):
        change_balance(window, "40")  # edit 1: its results are shown and its chances start
    first = window._chances_run
    assert first is not None and window.document.plan != opened
    with qtbot.wait_signal(window.chances_shown, timeout=60000):
        window.undo_action.trigger()  # edit 2, at once (Ctrl+Z): back to the plan as opened
    assert first.stopped, "the older run was told to stop"
    qtbot.wait(500)  # nothing of the older run arrives later
    assert shown == [opened]
    assert window.chances.plan == window.document.plan == opened
    assert window.chances_label.text() == chances_sentence(window.chances.summary)


def test_the_progress_shows_when_it_takes_longer_than_a_moment(qtbot, settings, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window_module, "CHANCES_MOMENT_MS", 0)  # every run "takes longer than a moment"
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery", chances_samples=5000)
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.add_widget(window)
    seen: list[tuple[str, bool, int]] = []
    window._chances_progress.moved.connect(lambda _run, done, _total: seen.append(
        (window.chances_label.text(), window.chances_bar.isVisibleTo(window), done)))
    open_and_wait(qtbot, window)
    shown = [(text, bar) for text, bar, done in seen if done > 0]
    assert shown and all(text == "Kansen uitrekenen…" and bar for text, bar in shown)
    assert not window.chances_bar.isVisibleTo(window)
    assert window.chances_label.text() == chances_sentence(window.chances.summary)


def test_a_quick_run_shows_no_progress(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    bars: list[bool] = []
    window._chances_progress.moved.connect(lambda *_: bars.append(window.chances_bar.isVisibleTo(window)))
    open_and_wait(qtbot, window)
    assert bars and not any(bars)  # 200 futures take less than a moment


def test_the_chances_in_english(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window, HOTEL)
    with qtbot.wait_signal(window.retranslated, timeout=5000):
        window.language_actions["en"].trigger()
    show_chances_tab(qtbot, window)
    summary = window.chances.summary
    assert window.chances_view.sentences.text() == "\n\n".join(render(t, "en") for t in summary.texts)
    assert window.chances_label.text().startswith("Chance of a letter")
    assert "Keep aside against setbacks" in window.chances_label.text()
    headers = [window.chances_view.letters.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers[1] == "Chance of a letter"


# --- Edit → Uncertainty…: what the chances assume ----------------------------------------------------------


def answer_uncertainty(fill) -> list[object]:  # noqa: ANN001 - fill(dialog) types into the form
    """Answer the next Uncertainty dialog: ``fill`` types, then OK is pressed; the dialog is kept for checks."""
    seen: list[object] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UncertaintyDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog)
        fill(dialog.uncertainty_form)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():  # refused: remember what it said, then cancel
            seen.append([label.text() for label in dialog.findChildren(ErrorLabel) if label.isVisibleTo(dialog)])
            seen.append(dialog.focusWidget())
            dialog.reject()

    QTimer.singleShot(0, answer)
    return seen


def test_the_uncertainty_is_shown_changed_undone_and_the_chances_follow(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window, HOTEL)
    opened = window.document.plan
    before = window.chances.summary

    def fill(form: UncertaintyForm) -> None:
        assert form.chances["likely"].text() == "80" and form.level.text() == "10"  # the plan's (default) values
        assert set(form.spreads) == {job.id for job in opened.jobs}
        assert form.chance_blocks["likely"].help.text()  # each with a one-line explanation
        form.chances["likely"].setText("50")
        form.spreads["hotel"].setText("20")
        form.week_lost.setText("2,5")
        form.late_days.setValue(60)

    seen = answer_uncertainty(fill)
    with qtbot.wait_signal(window.chances_shown, timeout=30000):
        window.uncertainty_action.trigger()
    assert seen and len(seen) == 1, "the dialog closed on OK"
    risk = window.document.plan.risk
    assert (risk.chance_likely, risk.hours_spread, risk.week_lost_chance, risk.late_report_days) == (
        50, {"hotel": 20}, Decimal("2.5"), 60)
    after = window.chances.summary
    assert after == assess(window.document.plan, TEST_SAMPLES, 0, RULES)
    assert after != before
    assert any(a.id == "chance_likely" and a.value == "50" for a in after.assumptions)
    assert "50%" in window.chances_view.assumptions.text()

    assert window.undo_action.text() == "&Ongedaan maken: De onzekerheid veranderen"
    with qtbot.wait_signal(window.chances_shown, timeout=30000):
        window.undo_action.trigger()
    assert window.document.plan == opened
    assert window.chances.summary == before


@pytest.mark.parametrize(("field", "text", "message"), [
    ("likely", "120", "Schrijf een percentage van 0 tot en met 100."),
    ("level", "0", "Schrijf een percentage boven 0."),
    ("level", "100", "Schrijf een percentage onder 100."),
    ("late", "veel", None),
])
def test_the_uncertainty_gate_refuses_what_is_not_a_percentage(qtbot, opened_window: MainWindow, field: str,  # noqa: ANN001
                                                              text: str, message: str | None) -> None:
    window = opened_window
    plan = window.document.plan

    def widget(form: UncertaintyForm) -> QLineEdit:
        return {"likely": form.chances["likely"], "level": form.level, "late": form.late_chance}[field]

    def fill(form: UncertaintyForm) -> None:
        widget(form).setText(text)

    seen = answer_uncertainty(fill)
    window.uncertainty_action.trigger()
    qtbot.wait_until(lambda: len(seen) == 3, timeout=5000)
    dialog, errors, focus = seen
    assert errors and (message is None or errors == [message])
    assert focus is widget(dialog.uncertainty_form)  # the focus is on the field to correct
    assert window.document.plan == plan  # nothing changed


def test_the_uncertainty_dialog_in_english(qtbot, opened_window: MainWindow) -> None:  # noqa: ANN001
    window = opened_window
    with qtbot.wait_signal(window.retranslated, timeout=5000):
        window.language_actions["en"].trigger()
    texts: list[str] = []

    def fill(form: UncertaintyForm) -> None:
        texts.extend([form.intro.text(), form.chance_blocks["maybe"].label.text(), form.days_block.label.text()])
        form.show()
        form.grab()

    answer_uncertainty(fill)
    window.uncertainty_action.trigger()
    assert texts[0].startswith("The chances on the Chances tab")
    assert texts[1] == "A “m&aybe” shift is worked in"
    assert window.uncertainty_action.text() == "U&ncertainty…"


# --- the summary for a consultation: the chances the screen shows -------------------------------------------


def chances_section(report):  # noqa: ANN001, ANN201
    (section,) = [s for s in report.sections if s.title == "Kansen in veel mogelijke gevallen"]
    return section


def test_the_summary_has_the_chances_of_the_screen(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window, HOTEL)
    summary = window.chances.summary
    report = window.summary_report()
    section = chances_section(report)
    (paragraph,) = section.paragraphs
    assert paragraph.startswith(render(summary.texts[0], "nl"))  # the whole plan, as on the Chances tab
    assert render(summary.set_aside.explanation, "nl") in paragraph
    assert "200 mogelijke" in paragraph  # how many futures
    shown = {row[0]: row[2:] for row in table_text(window.chances_view.letters.table)} if window.chances_view.letters else None
    rows = section.table.rows
    months = [m for m in summary.months if m.letter_size is not None]
    assert len(section.table.headers) == 1 + len(months)  # a column per month in which a letter is possible
    assert rows[0][1:] == tuple(chance_words(m.letter_chance) for m in months)
    assert rows[1][1:] == tuple(format_money(m.letter_size.median) for m in months)
    assert rows[2][1:] == tuple(format_money(m.letter_size.low) for m in months)
    assert rows[3][1:] == tuple(format_money(m.letter_size.high) for m in months)
    if shown is not None:  # the same numbers as the Chances tab's table
        on_screen = [shown[format_month(*m.month)] for m in months]
        assert [r[1] for r in on_screen] == list(rows[1][1:])
    assert "Kansen in veel mogelijke gevallen" in report.text()


def test_a_summary_made_before_the_chances_are_back_has_the_same_numbers(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window, HOTEL)
    with qtbot.wait_signal(window.plan_shown, timeout=10000):
        change_balance(window, "300")
    early = window.summary_report()  # its own run, with the same futures and seed
    if window.chances is None or window.chances.plan != window.document.plan:
        qtbot.wait_signal(window.chances_shown, timeout=30000).wait()
    assert window.chances.plan == window.document.plan
    assert window.summary_report().text() == early.text()
    assert chances_section(early).paragraphs[0].startswith(render(window.chances.summary.texts[0], "nl"))


def test_a_plan_whose_chances_cannot_be_worked_out_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["risk"] = {"hours_spread": {"gone": "10"}}  # a job that was removed after its spread was set
    path = tmp_path / "weg.bvp.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    open_and_wait(qtbot, window, path)
    assert window.chances.summary is None and window.chances.problem is not None
    assert window.chances_label.text().startswith("De kansen van dit plan zijn niet uit te rekenen: ")
    assert "gone" in window.chances_label.text()
    show_chances_tab(qtbot, window)
    assert window.chances_view.message.text() == window.chances_label.text()
    assert window.chances_view.fan is None  # no chart of chances that are not there


def test_consultation_mode_makes_the_chances_charts_larger(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    open_and_wait(qtbot, window, HOTEL)
    show_chances_tab(qtbot, window)
    normal = window.chances_view.fan.chart.font_size
    window.consultation_action.trigger()
    assert window.chances_view.fan.chart.font_size > normal
    assert window.chances_view.letters.chart.font_size == window.chances_view.fan.chart.font_size
    qtbot.wait(100)  # laid out at the new size
    for chart in (window.chances_view.fan.chart, window.chances_view.letters.chart):
        chart.canvas.draw()  # the larger text still fits (a squeezed layout is a warning, an error in the tests)
    window.consultation_action.trigger()
    assert window.chances_view.fan.chart.font_size == normal


def _card_texts(window: MainWindow, month: tuple[int, int]) -> list[str]:
    from PySide6.QtWidgets import QLabel

    (card,) = [w for w in window.cards.card_widgets() if w.card.month == month]
    return [label.text() for label in card.findChildren(QLabel)]


def test_each_card_says_its_month_s_chance_of_a_letter_and_drops_it_after_an_edit(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """The cards' answer gets the month's chance of a letter (the domain's figure in its words) once the chances are
    back; an edit takes the line away until the new plan's chances are there, so no card shows an old chance."""
    open_and_wait(qtbot, window, HOTEL)
    summary = window.chances.summary
    months = [m for m in summary.months if m.letter_chance > 0 and m.letter_size is not None
              and m.letter_size.low != m.letter_size.high]
    assert months, "the hotel plan has letters in some futures"
    m = months[0]
    line = "Kans op een brief in {month}: {chance}, meestal {low} tot {high}.".format(
        month=format_month(*m.month), chance=chance_words(m.letter_chance), low=format_money(m.letter_size.low),
        high=format_money(m.letter_size.high))
    assert line in _card_texts(window, m.month)
    quiet = [x.month for x in summary.months if x.letter_chance == 0]
    for month in quiet:
        assert not any(t.startswith("Kans op een brief") for t in _card_texts(window, month))
    with qtbot.wait_signal(window.plan_shown, timeout=30000):
        change_balance(window, "2500")
    assert window.chances is None or window.chances.plan != window.document.plan
    assert not any(t.startswith("Kans op een brief") for w in window.cards.card_widgets() for t in _card_texts(window, w.card.month))
    qtbot.wait_until(lambda: window.chances is not None and window.chances.plan == window.document.plan, timeout=30000)
    assert any(t.startswith("Kans op een brief") for t in _card_texts(window, m.month))
