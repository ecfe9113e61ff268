"""A plan protected with a password, as a user: File → Protect with a password…, then File → Open."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.storage import PlanFileError, load_plan
from ui.main_window import MainWindow, password_warning

from .conftest import EXAMPLE
from .test_gate_window import open_as_user

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

PASSWORD = "buurthuis-2026"




@pytest.fixture
def protected(qtbot, window: MainWindow, tmp_path: Path) -> Path:  # noqa: ANN001
    path = tmp_path / "jansen.bvp.json"
    path.write_bytes(EXAMPLE.read_bytes())
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(path)
    window.ask_new_password = lambda: PASSWORD  # type: ignore[method-assign]
    window.protect_action.trigger()
    return path


def test_protecting_saves_the_plan_sealed(qtbot, window: MainWindow, protected: Path) -> None:  # noqa: ANN001
    raw = protected.read_bytes()
    assert b"bijverdienplanner.encrypted" in raw and b"schoonmaak" not in raw
    assert load_plan(protected, PASSWORD) == load_plan(EXAMPLE)
    with pytest.raises(PlanFileError):
        load_plan(protected)
    # The copy of unsaved changes is sealed too.
    plan = window.document.plan
    window.apply_edit(plan.model_copy(update={"shifts": plan.shifts[1:]}), "delete")
    window._write_copy()
    copy = (window.recovery.folder / "unsaved.bvp.json").read_bytes()
    assert b"bijverdienplanner.encrypted" in copy and b"schoonmaak" not in copy


def test_the_warning_says_a_forgotten_password_cannot_be_recovered(window: MainWindow) -> None:
    assert "kan niemand het bestand openen" in password_warning() and "door niemand terug te halen" in password_warning()
    window.set_language("en")
    assert "cannot be recovered" in password_warning()


def test_opening_asks_for_the_password_and_a_wrong_one_is_refused(
    qtbot, window: MainWindow, protected: Path, captured: list  # noqa: ANN001
) -> None:
    window.close_plan_action.trigger()
    asked: list[tuple[str, bool]] = []
    answers = ["fout", PASSWORD]
    window.ask_password = lambda name, wrong=False: (asked.append((name, wrong)), answers.pop(0))[1]  # type: ignore[method-assign]
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        open_as_user(qtbot, window, protected)
    assert asked == [("jansen.bvp.json", False), ("jansen.bvp.json", True)]
    assert window.document.plan == load_plan(EXAMPLE)
    assert window.document.password == PASSWORD
    assert captured == []
    # Saved again, it stays protected.
    window.save_action.trigger()
    assert b"bijverdienplanner.encrypted" in protected.read_bytes()


def test_cancelling_the_password_changes_nothing(qtbot, window: MainWindow, protected: Path, captured: list) -> None:  # noqa: ANN001
    window.close_plan_action.trigger()
    asked: list[str] = []
    window.ask_password = lambda name, wrong=False: (asked.append(name), "")[1]  # type: ignore[method-assign]
    open_as_user(qtbot, window, protected)
    qtbot.wait_until(lambda: bool(asked), timeout=10000)
    qtbot.wait_until(lambda: not window.worker.is_busy(), timeout=10000)
    assert window.document.plan is None and window.stack.currentWidget() is window.empty
    assert captured == []
