""""With uncertain shifts" under a comparison and under "what does this shift add?" (ui.ranges_view).

The user asks as they would: File → Compare with another plan… (its file dialog answered), Edit → Compare with
the extra shifts, Ctrl+E on selected shifts. The deterministic answer shows first; the ranges follow on the
dialog's own worker (``RangesPart.shown``). The window tests sample few futures (``TEST_SAMPLES``, as the
Chances tests); the numbers themselves are tested in tests/planner/test_risk_compare.py, and here they must be
the domain's and the CLI's for the same samples and seed.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.cli import RISK_SAMPLES, main
from planner.explain import render
from planner.i18n import translations
from planner.model import Plan
from planner.results import FIGURES
from planner.risk_compare import compare_risk, shift_effect_risk
from planner.rules import load_rules
from planner.storage import load_plan, save_plan
from ui.compare_view import CompareDialog
from ui.jobs import without_and_with_extra
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.ranges_view import RANGES_MOMENT_MS, ROWS_COMPARE, ROWS_EFFECT
from ui.shift_effect import ShiftEffectDialog

from .conftest import ROOT, TEST_SAMPLES

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"
RULES = load_rules()


def _open(qtbot, window: MainWindow, path: Path) -> None:  # noqa: ANN001
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=30000):
        window.open_path(path)


def _ranges_of(qtbot, dialog):  # noqa: ANN001, ANN202
    """Wait for the dialog's ranges, as the user waits for them to appear."""
    if dialog.ranges.state == "running":
        with qtbot.wait_signal(dialog.ranges.shown, timeout=60000):
            pass
    assert dialog.ranges.state == "done", dialog.ranges.status.text()
    return dialog.ranges


def _cell(part, key: str, column: int) -> str:  # noqa: ANN001
    table = part.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == key)
    return table.item(row, column).data(Qt.ItemDataRole.UserRole)


def _spread(text: str) -> tuple[Decimal, Decimal]:
    low, high = text.split("..")
    return Decimal(low), Decimal(high)


def _two_plans(tmp_path: Path) -> tuple[Path, Path]:
    """Plan A: the hotel example as planned. Plan B: the same with every extra shift taken (another name)."""
    plan = load_plan(HOTEL)
    a = tmp_path / "a.bvp.json"
    save_plan(plan, a)
    more = plan.model_copy(update={"name": "Met alle extra diensten", "shifts": tuple(
        s.model_copy(update={"certainty": "sure"}) if s.certainty == "extra" else s for s in plan.shifts)})
    b = tmp_path / "b.bvp.json"
    save_plan(more, b)
    return a, b


def _compare_through_the_menu(qtbot, window: MainWindow, other: Path, monkeypatch) -> CompareDialog:  # noqa: ANN001
    monkeypatch.setattr(window, "_ask_file", lambda title, save: str(other))  # the file dialog, answered
    with qtbot.wait_signal(window.comparison_shown, timeout=30000) as blocker:
        window.compare_file_action.trigger()
    return blocker.args[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_compare_view_shows_what_compare_risk_prints(qtbot, window, tmp_path, monkeypatch, capsys,  # noqa: ANN001
                                                          lang: str):
    apply_language(lang)
    a, b = _two_plans(tmp_path)
    _open(qtbot, window, a)
    dialog = _compare_through_the_menu(qtbot, window, b, monkeypatch)
    # The deterministic answer is on screen first; the ranges follow.
    assert dialog.view.summary.text()
    assert dialog.ranges.state == "running"
    part = _ranges_of(qtbot, dialog)

    code = main(["compare", str(a), str(b), "--risk", "--samples", str(TEST_SAMPLES), "--seed", "0",
                 "--format", "json", "--lang", lang])
    assert code == 0
    risk = json.loads(capsys.readouterr().out)["risk"]
    assert risk["samples"] == part.result.samples == TEST_SAMPLES and risk["seed"] == 0
    # Every number of the table is the CLI's.
    for column, side in ((1, "a"), (2, "b")):
        kept = risk[side]["kept"]
        assert Decimal(_cell(part, "range_kept_median", column)) == Decimal(kept["median"])
        assert _spread(_cell(part, "range_kept_range", column)) == (Decimal(kept["low"]), Decimal(kept["high"]))
        assert Decimal(_cell(part, "range_letter_chance", column)) == Decimal(risk[side]["letter_chance"])
        letters = risk[side]["letter_total"]
        assert letters is not None  # worth testing: both plans have letters in some futures
        assert Decimal(_cell(part, "range_letters_median", column)) == Decimal(letters["median"])
        assert _spread(_cell(part, "range_letters_range", column)) == (Decimal(letters["low"]),
                                                                        Decimal(letters["high"]))
    difference = risk["kept_difference"]
    assert Decimal(_cell(part, "range_kept_median", 3)) == Decimal(difference["median"]) > 0
    assert _spread(_cell(part, "range_kept_range", 3)) == (Decimal(difference["low"]), Decimal(difference["high"]))
    assert Decimal(difference["low"]) != Decimal(difference["high"])  # a range, not one amount
    # The sentences are the CLI's too (both plans have a name, so both name them alike).
    assert part.sentences.text() == "\n".join(risk["texts"])
    assert part.sentences.isVisible() and part.table.isVisible()
    # The labels are the results' vocabulary, in the user's language; the cells speak their row and column.
    cat = translations(lang)
    assert [part.table.item(r, 0).text() for r in range(part.table.rowCount())] == [
        cat.gettext(FIGURES[key].label) for key in ROWS_COMPARE]
    assert part.heading.text() == cat.gettext("With uncertain shifts")
    name_b = load_plan(b).name
    assert part.table.horizontalHeaderItem(2).text() == name_b
    assert part.table.accessibleName() == cat.gettext("The ranges of “{name_a}” and “{name_b}”").format(
        name_a=load_plan(a).name, name_b=name_b)
    spoken = part.table.item(0, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(f"{cat.gettext(FIGURES['range_kept_median'].label)}, {name_b}: ")
    dialog.close()


def test_the_window_samples_as_many_futures_as_compare_risk(qtbot, settings, tmp_path, monkeypatch):  # noqa: ANN001
    """Without a test's number of futures the window samples the CLI's default, with seed 0."""
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery")
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.add_widget(window)
    a, b = _two_plans(tmp_path)
    _open(qtbot, window, a)
    dialog = _compare_through_the_menu(qtbot, window, b, monkeypatch)
    part = _ranges_of(qtbot, dialog)
    plan_a, plan_b = load_plan(a), load_plan(b)
    expected = compare_risk(plan_a, plan_b, RISK_SAMPLES, 0, RULES, plan_a.name, plan_b.name)
    assert part.result == expected
    dialog.close()
    window.close()


def test_compare_with_the_extra_shifts_has_its_ranges_too(qtbot, window):  # noqa: ANN001
    _open(qtbot, window, HOTEL)
    with qtbot.wait_signal(window.comparison_shown, timeout=30000) as blocker:
        window.compare_extra_action.trigger()
    dialog = blocker.args[0]
    part = _ranges_of(qtbot, dialog)
    planned, more = without_and_with_extra(window.document.plan)
    expected = compare_risk(planned, more, TEST_SAMPLES, 0, RULES, *dialog.view.plan_names())
    assert part.result == expected
    assert part.sentences.text() == "\n".join(render(t, "nl") for t in expected.texts)
    dialog.close()


def _select_first_rows(qtbot, window: MainWindow, count: int) -> list[int]:  # noqa: ANN001
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence("Ctrl+2"))  # the Shifts tab
    table = window.shifts.table
    qtbot.wait_until(table.isVisible)
    plan = window.document.plan
    by_day = sorted(range(len(plan.shifts)), key=lambda i: plan.shifts[i].date)
    first = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    for _row in range(count - 1):
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(table.selectionModel().selectedRows()) == count
    return sorted(by_day[:count])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ctrl_e_on_selected_shifts_shows_what_they_add_over_the_same_futures(qtbot, window, lang: str):  # noqa: ANN001
    apply_language(lang)
    _open(qtbot, window, HOTEL)
    chosen = _select_first_rows(qtbot, window, 3)
    with qtbot.wait_signal(window.effect_shown, timeout=30000) as blocker:
        qtbot.keyClick(window.shifts.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog: ShiftEffectDialog = blocker.args[0]
    assert dialog.headline.text()  # the deterministic answer first
    part = _ranges_of(qtbot, dialog)
    expected = shift_effect_risk(window.document.plan, chosen, TEST_SAMPLES, 0, RULES)
    assert part.result == expected
    with_, without, net = expected.with_shifts, expected.without, expected.net
    assert Decimal(_cell(part, "range_end_median", 1)) == with_.kept.median
    assert Decimal(_cell(part, "range_end_median", 2)) == without.kept.median
    assert Decimal(_cell(part, "range_end_median", 3)) == net.median
    assert _spread(_cell(part, "range_end_range", 3)) == (net.low, net.high)
    assert Decimal(_cell(part, "range_letter_chance", 1)) == with_.letter_chance
    assert Decimal(_cell(part, "range_letter_chance", 2)) == without.letter_chance
    assert with_.letter_chance != without.letter_chance  # worth testing: the columns cannot be swapped unseen
    assert part.sentences.text() == "\n".join(render(t, lang) for t in expected.texts)
    cat = translations(lang)
    assert [part.table.item(r, 0).text() for r in range(part.table.rowCount())] == [
        cat.gettext(FIGURES[key].label) for key in ROWS_EFFECT]
    assert part.table.horizontalHeaderItem(1).text() == cat.ngettext("With this shift", "With these shifts", 3)
    assert part.table.horizontalHeaderItem(2).text() == cat.ngettext("Without this shift", "Without these shifts", 3)
    assert part.table.accessibleName() == cat.ngettext("The ranges with and without the shift",
                                                       "The ranges with and without the shifts", 3)
    # Another language: the same numbers, said again; nothing is computed anew.
    other = "en" if lang == "nl" else "nl"
    held = part.result
    apply_language(other)
    heading = translations(other).gettext("With uncertain shifts")
    qtbot.wait_until(lambda: part.heading.text() == heading, timeout=5000)
    assert part.result is held and part.state == "done"
    assert part.sentences.text() == "\n".join(render(t, other) for t in expected.texts)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def _slow_window(qtbot, settings, tmp_path: Path, samples: int) -> MainWindow:  # noqa: ANN001
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery", chances_samples=samples)
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.add_widget(window)
    return window


def test_progress_after_a_moment_and_closing_stops_the_run(qtbot, settings, tmp_path):  # noqa: ANN001
    window = _slow_window(qtbot, settings, tmp_path, 40_000)  # a run that takes a while
    _open(qtbot, window, HOTEL)
    _select_first_rows(qtbot, window, 2)
    with qtbot.wait_signal(window.effect_shown, timeout=30000) as blocker:
        qtbot.keyClick(window.shifts.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = blocker.args[0]
    part = dialog.ranges
    assert part.state == "running" and not part.bar.isVisible()  # not at once: only after a moment
    # Named for a screen reader before the numbers are there.
    assert part.table.accessibleName() == translations("nl").ngettext(
        "The ranges with and without the shift", "The ranges with and without the shifts", 2)
    qtbot.wait_until(part.bar.isVisible, timeout=RANGES_MOMENT_MS * 5)
    assert part.status.text() == translations("nl").gettext("Working out the ranges…")
    assert part.state == "running"
    run = part._run
    shown: list[str] = []
    part.shown.connect(lambda: shown.append(part.state))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the user closes the window
    assert run is not None and run.cancelled()
    assert not part.worker.is_busy()  # nothing is waited for any more
    qtbot.wait(300)
    assert shown == []
    window.close()


def test_an_edit_stops_the_ranges_of_the_plan_before_it(qtbot, settings, tmp_path):  # noqa: ANN001
    window = _slow_window(qtbot, settings, tmp_path, 40_000)
    _open(qtbot, window, HOTEL)
    with qtbot.wait_signal(window.comparison_shown, timeout=30000) as blocker:
        window.compare_extra_action.trigger()
    dialog = blocker.args[0]
    part = dialog.ranges
    assert part.state == "running"
    run = part._run
    shown: list[str] = []
    part.shown.connect(lambda: shown.append(part.state))
    plan: Plan = window.document.plan
    window.apply_edit(plan.model_copy(update={"shifts": plan.shifts[1:]}), "delete")  # as the Delete key does
    assert run is not None and run.cancelled()
    assert part.state == "stopped"
    assert part.status.text() == translations("nl").gettext(
        "The plan has changed. Ask again to see the ranges of the changed plan.")
    assert part.status.isVisible() and not part.table.isVisible() and not part.bar.isVisible()
    qtbot.wait(300)
    assert shown == [] and part.result is None
    dialog.close()
    window.close()
