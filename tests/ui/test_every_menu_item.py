"""Every item of every menu, used as a person uses it, in Dutch and in English.

The items are found in the menus (a new menu item is covered without changing
this file, but must say below what it visibly does). Each is pressed by its
shortcut where it has one, otherwise triggered from its menu. A dialog that
opens is answered the way a person would (a file dialog is pointed into the
test's folder, a question gets "don't save", a form gets OK, the wizard is
clicked through with Next … Finish). The test fails on an exception in any
slot, on an error or crash dialog, on a file written outside the test's folder
(the working folder is an empty folder that must stay empty), and when an item
does not do its visible job.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
    QWizard,
)

from planner.i18n import get_language
from planner.crypt import is_encrypted
from planner.storage import EXTENSION, load_plan
from ui import files
from ui.crash import CrashDialog
from ui.language import apply_language
from ui.main_window import MainWindow
from ui.settings import LANGUAGE, Settings

ROOT = Path(__file__).resolve().parents[2]
# The offscreen platform of the tests cannot raise a window or pass on size hints; a real one does.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"


# --- finding the menu items ---------------------------------------------------------------------

def menu_actions(window: MainWindow) -> list[QAction]:
    """Every item of every menu and submenu, in menu order, as the user sees them when opening the menus."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        menu.aboutToShow.emit()  # what a menu does when it opens (Open recent fills itself then)
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu())
            else:
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def item_key(action: QAction) -> str:
    return action.objectName() or action.text()


def duplicate_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """The Alt+letters that two different visible buttons, labels or group boxes of ``root`` share.

    The same text twice is one field repeated per block (the wage of each job): Alt+letter then goes
    to each in turn, as Qt does for a repeated mnemonic.
    """
    found: dict[str, list[str]] = {}
    widgets = [*root.findChildren(QAbstractButton), *root.findChildren(QLabel), *root.findChildren(QGroupBox)]
    for widget in widgets:
        if not widget.isVisibleTo(root):
            continue
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(text)
    return {letter: texts for letter, texts in found.items() if len(set(texts)) > 1}


# --- answering dialogs ------------------------------------------------------------------------------

@dataclass
class Answers:
    """What the dialogs that opened were, and how they were answered."""

    folder: Path
    open_file: Path
    dialogs: list[str] = field(default_factory=list)
    file_dialogs: list[tuple[str, str]] = field(default_factory=list)
    """(folder the dialog started in, file name it suggested)"""
    saved: list[Path] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mnemonics: list[str] = field(default_factory=list)
    """Dialogs (and wizard pages) in which one Alt+letter is on two things at once."""

    def poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog.property("test_pending"):
            return
        # Answer from a fresh turn of the event loop: an answer may open a dialog of its own (save over
        # this file?), and this timer does not fire again while its own call is still running.
        dialog.setProperty("test_pending", True)
        QTimer.singleShot(0, lambda: self._answer(dialog))

    def _answer(self, dialog: QWidget) -> None:
        try:
            if shiboken6.isValid(dialog) and dialog.isVisible():
                self._answer_now(dialog)
        finally:
            if shiboken6.isValid(dialog):
                dialog.setProperty("test_pending", False)

    def _answer_now(self, dialog: QWidget) -> None:
        step = int(dialog.property("test_step") or 0)
        dialog.setProperty("test_step", step + 1)
        if step == 0:
            self.dialogs.append(type(dialog).__name__)
        if step == 0 or isinstance(dialog, QWizard):  # each page of the wizard
            twice = duplicate_mnemonics(dialog)
            if twice:
                self.mnemonics.append(f"{type(dialog).__name__}: {twice}")
        if isinstance(dialog, QFileDialog):
            self._file(dialog, step)
        elif isinstance(dialog, QPrintDialog):
            target = self.folder / "printed.pdf"
            dialog.findChild(QLineEdit, "filename").setText(str(target))
            self.saved.append(target)
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            self._message(dialog)
        elif isinstance(dialog, QWizard):
            finish = dialog.button(QWizard.WizardButton.FinishButton)
            (finish if finish.isVisible() else dialog.button(QWizard.WizardButton.NextButton)).click()
        elif isinstance(dialog, CrashDialog):
            self.warnings.append("crash dialog")
            dialog.reject()
        elif isinstance(dialog, QDialog):
            box = dialog.findChild(QDialogButtonBox)
            ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
            if ok is not None and step < 3:
                ok.click()
            else:
                dialog.reject()

    def _file(self, dialog: QFileDialog, step: int) -> None:
        if step:
            return  # answered; an overwrite question of its own comes as a message box
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name = name_box.text()
        self.file_dialogs.append((dialog.directory().absolutePath(), name))
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            target = self.folder / name
            self.saved.append(target)
        else:
            target = self.open_file
        name_box.setText(str(target))  # typed into the file name box, as a user may
        dialog.accept()

    def _message(self, box: QMessageBox) -> None:
        self.questions.append(box.text())
        overwrite = isinstance(box.parentWidget(), QFileDialog)  # the file dialog's own "replace it?"
        if box.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical) and not overwrite:
            self.warnings.append(box.text())
        by_role: dict[QMessageBox.ButtonRole, QAbstractButton] = {}
        for button in box.buttons():
            by_role.setdefault(box.buttonRole(button), button)
        for role in (QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.YesRole,
                     QMessageBox.ButtonRole.AcceptRole):
            if role in by_role:
                by_role[role].click()
                return
        (box.escapeButton() or box.buttons()[0]).click()


# --- what each item visibly does ---------------------------------------------------------------

@dataclass
class Run:
    window: MainWindow
    answers: Answers
    language: str
    shifts_before: int = 0


Check = Callable[[Run], None]


def _plan_path(run: Run) -> Path | None:
    return run.window.document.path


def _count(run: Run) -> int:
    plan = run.window.document.plan
    return len(plan.shifts) if plan is not None else 0


def _made_an_edit(run: Run, qtbot) -> None:  # noqa: ANN001
    """Before Undo: go to the shifts (Ctrl+2) and press Insert, as a user adds a shift."""
    window = run.window
    keys_to(qtbot, window, QKeySequence("Ctrl+2"))
    assert window.tabs.currentWidget() is window.shifts_page
    before = _count(run)
    keys_to(qtbot, window, QKeySequence(Qt.Key.Key_Insert))
    assert _count(run) == before + 1
    run.shifts_before = before + 1


def _saved_pdf(run: Run, name_part: str) -> None:
    pdfs = [p for p in run.answers.saved if p.suffix == ".pdf" and name_part in p.name]
    assert pdfs, run.answers.saved
    assert pdfs[-1].read_bytes().startswith(b"%PDF")


def _last_dialog_started_in_a_folder_with_a_name(run: Run, suffix: str) -> None:
    folder, name = run.answers.file_dialogs[-1]
    assert Path(folder).is_dir()
    assert name.endswith(suffix), name


@dataclass(frozen=True)
class Effect:
    check: Check
    signal: str | None = None
    """A signal of the window that says the (background) job is done."""
    prepare: Callable[[Run, object], None] | None = None
    wait: bool = False
    """Wait (up to 20 s) until ``check`` holds: the item starts a job in the background."""


def _visible(attribute: str) -> Check:
    def check(run: Run) -> None:
        widget = getattr(run.window, attribute)
        assert widget is not None and widget.isVisible()
        assert duplicate_mnemonics(widget) == {}
        widget.close()
    return check


def _dialog_answered(kind: str) -> Check:
    def check(run: Run) -> None:
        assert kind in run.answers.dialogs, run.answers.dialogs
    return check


def _tab(n: int) -> Effect:
    return Effect(lambda run: _assert_equal(run.window.tabs.currentIndex(), n))


def _at_results(run: Run) -> None:
    assert run.window.tabs.currentWidget() is run.window.cards
    assert QApplication.focusWidget() is run.window.cards.buttons()[0]


def _assert_equal(a: object, b: object) -> None:
    assert a == b


def _language(lang: str) -> Check:
    def check(run: Run) -> None:
        assert get_language() == lang
        assert run.window.language_actions[lang].isChecked()
        run.window.language_actions[run.language].trigger()  # back to the language of this run
        assert get_language() == run.language
    return check


def _consultation(run: Run) -> None:
    window = run.window
    assert window.is_consultation_mode() and window.consultation_action.isChecked()
    window.activateWindow()
    QTest_key(window, window.consultation_action.shortcut())  # F11 again leaves it
    assert not window.is_consultation_mode()


def QTest_key(window: QWidget, keys: QKeySequence) -> None:  # noqa: N802 - reads like QTest
    from PySide6.QtTest import QTest

    QTest.keySequence(QApplication.focusWidget() or window, keys)


def _new_plan(run: Run) -> None:
    assert "FirstRunWizard" in run.answers.dialogs
    assert run.window.document.plan is not None and run.window.document.path is None


def _opened(run: Run) -> None:
    window = run.window
    assert _plan_path(run) == run.answers.open_file
    assert window.overview is not None and window.overview.plan == window.document.plan


def _saved(run: Run) -> None:
    assert not run.window.document.is_modified()
    assert load_plan(_plan_path(run)) == run.window.document.plan


def _saved_as(run: Run) -> None:
    _last_dialog_started_in_a_folder_with_a_name(run, EXTENSION)
    assert _plan_path(run) == run.answers.saved[-1]
    _saved(run)


def _summary(run: Run) -> None:
    _last_dialog_started_in_a_folder_with_a_name(run, ".pdf")
    _saved_pdf(run, "")


def _printed(run: Run) -> None:
    _saved_pdf(run, "printed")


def _compared(run: Run) -> None:
    assert run.window.dialogs, "no comparison on screen"
    for dialog in list(run.window.dialogs):
        assert duplicate_mnemonics(dialog) == {}
        dialog.close()


def _quit(run: Run) -> None:
    assert not run.window.isVisible()


def _undone(run: Run) -> None:
    assert _count(run) == run.shifts_before - 1


def _redone(run: Run) -> None:
    assert _count(run) == run.shifts_before


def _recent_cleared(run: Run) -> None:
    assert run.window.settings.recent_files() == []


def _reopen(run: Run) -> None:
    """Open the example again after an item closed it, so the items after it have a plan to work on."""
    path = run.answers.open_file
    run.window.open_path(path)
    for _i in range(1000):
        if run.window.document.plan is not None and run.window.overview is not None:
            return
        QTest.qWait(20)
    raise AssertionError("the plan did not open again")


def _closed(run: Run) -> None:
    assert run.window.document.plan is None and run.window.document.path is None
    assert run.window.overview is None
    _reopen(run)


def _forget_yes(run: Run, _qtbot: object) -> None:
    run.window.ask_forget = lambda path: True  # the question is answered "Forget"


def _forgotten(run: Run) -> None:
    assert run.window.document.plan is None
    assert str(run.answers.open_file) not in [str(p) for p in run.window.settings.recent_files()]
    _reopen(run)


def _password_given(run: Run, _qtbot: object) -> None:
    run.window.ask_new_password = lambda: "geheim wachtwoord"  # the password dialog is answered


def _protected(run: Run) -> None:
    path = run.window.document.path
    assert path is not None and is_encrypted(json.loads(path.read_text(encoding="utf-8")))
    assert b"Schoonmaak" not in path.read_bytes()
    run.window.document.password = None  # take the protection off again for the items after it
    assert run.window.save() and not is_encrypted(json.loads(path.read_text(encoding="utf-8")))


def _privacy_shown(run: Run) -> None:
    box = run.window.findChild(QMessageBox, "privacy")
    assert box is not None and box.isVisible() and box.text()
    box.close()


EFFECTS: dict[str, Effect] = {
    "close_plan_action": Effect(_closed),
    "forget_action": Effect(_forgotten, prepare=_forget_yes),
    "protect_action": Effect(_protected, prepare=_password_given),
    "privacy_action": Effect(_privacy_shown),
    "new_action": Effect(_new_plan),
    "open_action": Effect(_opened, wait=True),
    "recent_file_action": Effect(_opened, wait=True),
    "clear_recent_action": Effect(_recent_cleared),
    "save_action": Effect(_saved),
    "save_as_action": Effect(_saved_as),
    "compare_extra_action": Effect(_compared, signal="comparison_shown"),
    "compare_file_action": Effect(_compared, signal="comparison_shown"),
    "pdf_action": Effect(_summary),
    "print_action": Effect(_printed),
    "quit_action": Effect(_quit),
    "undo_action": Effect(_undone, prepare=_made_an_edit),
    "redo_action": Effect(_redone),
    "household_action": Effect(_dialog_answered("HouseholdDialog")),
    "jobs_action": Effect(_dialog_answered("JobsDialog")),
    "money_action": Effect(_dialog_answered("MoneyDialog")),
    "uncertainty_action": Effect(_dialog_answered("UncertaintyDialog")),
    "effect_action": Effect(_compared, signal="effect_shown"),
    "preferences_action": Effect(_dialog_answered("PreferencesDialog")),
    "consultation_action": Effect(_consultation),
    "results_action": Effect(_at_results),
    **{f"tab_{n + 1}_action": _tab(n) for n in range(5)},
    "language_nl_action": Effect(_language("nl")),
    "language_en_action": Effect(_language("en")),
    "guide_action": Effect(_visible("guide")),
    "glossary_action": Effect(_visible("glossary")),
    "about_action": Effect(_dialog_answered("QMessageBox")),
}


# --- the test -------------------------------------------------------------------------------------

def find_item(window: MainWindow, key: str, nth: int) -> QAction:
    return [a for a in menu_actions(window) if item_key(a) == key][nth]


def keys_to(qtbot, window: MainWindow, keys: QKeySequence) -> None:  # noqa: ANN001
    """Press ``keys`` in the window, where its keyboard focus is (the window is brought to the front first)."""
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keySequence(QApplication.focusWidget() or window, keys)


def press(qtbot, window: MainWindow, action: QAction) -> None:  # noqa: ANN001
    """By the shortcut, as a user does; an item without one is chosen in its menu."""
    if not action.shortcut().isEmpty():
        keys_to(qtbot, window, action.shortcut())
    else:
        action.trigger()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_menu_item_does_its_job_without_errors_or_stray_files(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:  # noqa: ANN001
    work = tmp_path / "work"
    work.mkdir()
    plan_file = work / f"hotel{EXTENSION}"
    shutil.copy(HOTEL, plan_file)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setattr(files, "documents_folder", lambda: documents)
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: caught.append(exc))

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_value(LANGUAGE, lang)  # as the app starts: in the language the user chose
    apply_language(lang)
    window = MainWindow(settings, recovery_folder=tmp_path / "recovery")
    qtbot.add_widget(window)
    window.show()
    qtbot.wait_exposed(window)
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(plan_file)

    answers = Answers(folder=work, open_file=plan_file)
    poller = QTimer()
    poller.setInterval(20)
    poller.timeout.connect(answers.poll)
    poller.start()
    run = Run(window, answers, lang)

    items = [(item_key(a), a.menuRole() == QAction.MenuRole.QuitRole) for a in menu_actions(window)]
    unknown = sorted({key for key, _quit in items if key not in EFFECTS})
    assert not unknown, f"menu items without a declared effect in EFFECTS: {unknown}"
    ordered = [key for key, quits in items if not quits] + [key for key, quits in items if quits]
    seen: dict[str, int] = {}
    done = []
    try:
        for key in ordered:
            nth = seen.get(key, 0)
            seen[key] = nth + 1
            effect = EFFECTS[key]
            if effect.prepare is not None:
                effect.prepare(run, qtbot)
            action = find_item(window, key, nth) if key != "recent_file_action" else find_item(window, key, 0)
            assert action.isEnabled(), f"{key} is not enabled when its turn comes"
            if effect.signal is not None:
                with qtbot.wait_signal(getattr(window, effect.signal), timeout=20000):
                    press(qtbot, window, action)
            else:
                press(qtbot, window, action)
            qtbot.wait_until(lambda: QApplication.activeModalWidget() is None, timeout=10000)
            if effect.wait:
                qtbot.wait_until(lambda effect=effect: effect.check(run), timeout=20000)
            else:
                effect.check(run)
            assert caught == [], f"{key}: {caught!r}"
            assert answers.warnings == [], f"{key}: {answers.warnings}"
            assert answers.mnemonics == [], f"{key}: {answers.mnemonics}"
            assert get_language() == lang, key
            done.append(key)
    finally:
        poller.stop()
        if window.isVisible():
            window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
            window.close()
        window.worker.wait(5000)
        window.recovery.release()
        apply_language("nl")

    assert "quit_action" in done and "pdf_action" in done and "print_action" in done
    assert list(cwd.iterdir()) == [], "a file was written in the current folder"
    assert list(documents.iterdir()) == [], "a file was written in the documents folder"
    assert {p.parent for p in answers.saved} == {work}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_of_the_wizard_has_its_own_alt_letters(qtbot, lang: str) -> None:  # noqa: ANN001
    """Also the shifts page, which the defaults skip (it needs a job paid by the hour)."""
    from decimal import Decimal

    from ui.first_run import FirstRunWizard

    apply_language(lang)
    try:
        wizard = FirstRunWizard(None, default_buffer=Decimal(0))
        qtbot.add_widget(wizard)
        wizard.show()
        pages = []
        job_added = False
        for _step in range(10):
            assert duplicate_mnemonics(wizard) == {}, type(wizard.currentPage()).__name__
            pages.append(wizard.currentId())
            if wizard.currentId() == FirstRunWizard.WORK and not job_added:
                wizard.work_page.form.add_job().wage.setText("12")
                job_added = True
                assert duplicate_mnemonics(wizard) == {}, "work page with a job"
            if wizard.button(QWizard.WizardButton.FinishButton).isVisible():
                break
            if wizard.currentId() == FirstRunWizard.SHIFTS:
                break  # its own checks refuse an empty pattern; its letters are checked above
            wizard.next()
        assert FirstRunWizard.SHIFTS in pages
    finally:
        apply_language("nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_dialogs_of_the_shifts_tab_have_their_own_alt_letters(qtbot, opened_window: MainWindow, lang: str) -> None:  # noqa: ANN001
    """Repeat (Ctrl+R) and a new payslip: opened with the keyboard, checked, closed with Escape."""
    window = opened_window
    window.set_language(lang)
    window.show()
    qtbot.wait_exposed(window)
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence("Ctrl+2"))
    qtbot.keySequence(QApplication.focusWidget() or window, QKeySequence("Ctrl+R"))
    qtbot.wait_until(lambda: window.shifts.repeat_dialog is not None and window.shifts.repeat_dialog.isVisible())
    assert duplicate_mnemonics(window.shifts.repeat_dialog) == {}
    qtbot.keyClick(window.shifts.repeat_dialog, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: window.shifts.repeat_dialog is None)

    seen: list[dict[str, list[str]]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(duplicate_mnemonics(dialog))
        QTimer.singleShot(0, dialog.reject)

    QTimer.singleShot(20, look)
    window.payslips.add_button.click()
    qtbot.wait_until(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert seen == [{}]
