"""The main window: plan shifts, see the months, the buffer and the "why" of every amount.

Layout, top to bottom: mistakes in the plan (if any), the answer for the plan
(what is taken back later and from when, what to set aside, then the range
over fewer or more shifts), the notes banner (what is uncertain about the
amounts, each cause once), then the plan's tabs beside the explanation panel
("Why?"). The tabs: the month cards (overview), the shifts and payslips, every
amount of the bijstand calculation, and the charts. Before a plan is open, a short text
offers to start a new plan or open one.

The plan is a :class:`ui.document.PlanDocument`: every edit is a new frozen
plan on its undo stack. After each change the plan is computed on the
background helper (``ui.worker``); the window never computes anything itself
and never freezes. Edits made while a computation runs are computed once,
after it. The results re-render on a language switch without computing again.
"""

from __future__ import annotations

import html
import logging
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.explain import render
from planner.i18n import LANGUAGES, _, format_day, format_money, get_language, ngettext
from planner.model import Plan
from planner.overview import Overview, cliff_month, compute_overview, compute_risk
from planner.report import Report, build_report
from planner.results import FIGURES, Headline, headline, work_gain_sentence
from planner.scenarios import Bounds
from planner.storage import EXTENSION, PlanFileError, ReadOnlyFile, remove_leftovers
from ui.actions import on_toggle, on_trigger
from ui.banner import NoteBanner
from ui.look import FONT_SIZE
from ui.charts_page import ChartsPage
from ui.compare_view import CompareDialog
from ui.recovery import Recovery, Unsaved, default_folder
from ui.document import PlanDocument, StepName
from ui.errors import ErrorMessage, present, show_error, write_failed
from ui.files import ask_open, ask_save, file_stem, start_folder
from ui.explain_panel import ExplainPanel
from ui.file_dialog import forget_folders
from ui.first_run import FirstRunWizard, scrolling
from ui.focus_ring import install as install_focus_ring
from ui.fonts import use_content_font
from ui.glossary_dialog import GlossaryDialog
from ui.guide_dialog import GuideDialog
from ui.jobs import CHANCES_SEED, Chances, ChancesRun, Cliff, Comparison, Effect, LoadedPlan, Risk, read_plan
from ui.jobs import chances as job_chances
from ui.jobs import cliff as job_cliff
from ui.jobs import compare_extra as job_compare_extra
from ui.jobs import compare_with_file as job_compare_with_file
from ui.jobs import effect as job_effect
from ui.jobs import overview as job_overview
from ui.jobs import risk as job_risk
from ui.language import AUTONYMS, apply_language
from ui.month_cards import MonthCardsView
from ui.month_model import MonthTableModel
from ui.payslips_view import PayslipsPanel
from ui.plain import tooltip as plain_tooltip
from ui.plan_forms import edit_household, edit_jobs, edit_money, edit_uncertainty
from ui.preferences import PreferencesDialog
from ui.risk_view import ChancesView, chances_sentence
from ui.settings import CONSULTATION_SCALE, DEFAULT_SAFETY_BUFFER, LANGUAGE, SAVING_IN, WINDOW_GEOMETRY, Settings
from ui.shift_effect import ShiftEffectDialog
from ui.shifts_view import ShiftsPanel
from ui.worker import Worker

YM = tuple[int, int]

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger("ui.main")


class _ChancesProgress(QObject):
    """Lives in the main thread; the chances run reports its progress on it from the pool thread (queued)."""

    moved = Signal(object, int, int)
    """The run (:class:`ui.jobs.ChancesRun`), the futures done, the futures in all."""


DEFAULT_SIZE = QSize(1200, 800)
"""The window's size on a screen large enough for it."""

FRAME_ALLOWANCE = QSize(16, 40)
"""Room for the window's title bar and borders, which the desktop adds around it."""


def fitting_size(available: QRect, wanted: QSize = DEFAULT_SIZE) -> QSize:
    """``wanted``, made smaller where needed so that the window with its frame fits in ``available``."""
    return QSize(
        max(min(wanted.width(), available.width() - FRAME_ALLOWANCE.width()), 320),
        max(min(wanted.height(), available.height() - FRAME_ALLOWANCE.height()), 240),
    )


def share_width(available: int, minimums: list[int]) -> list[int]:
    """Widths for columns that share ``available`` equally, but never below their own minimum.

    Columns whose minimum is more than an equal share get their minimum; the
    others share what is left. When even the minimums do not fit, every column
    gets its minimum (and the table scrolls sideways): a text is never cut off.
    """
    sizes = list(minimums)
    free = list(range(len(minimums)))
    while free:
        rest = available - sum(minimums[i] for i in range(len(minimums)) if i not in free)
        each, extra = divmod(max(rest, 0), len(free))
        too_wide = [i for i in free if minimums[i] > each]
        if not too_wide:
            for n, i in enumerate(free):
                sizes[i] = each + (1 if n < extra else 0)
            break
        free = [i for i in free if i not in too_wide]
    return sizes


class EmptyState(QWidget):
    """Shown before a plan is open: what the app does and how to open a plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        column = QWidget(self)
        column.setMaximumWidth(640)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(column)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.text = QLabel(column)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        use_content_font(self.text)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.new_button = QPushButton(column)
        self.new_button.setMinimumWidth(200)
        self.new_button.setDefault(True)
        buttons.addWidget(self.new_button)
        self.open_button = QPushButton(column)
        self.open_button.setMinimumWidth(200)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        row.addWidget(column, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("No plan is open yet"))
        self.text.setText(
            _(
                "See before you say yes to a shift what a month brings in: wages, bijstand and premie. See when the "
                "money comes, what is taken back later, and how much to set aside. Start a new plan with a few "
                "questions (about two minutes), or open a plan file ({extension})."
            ).format(extension=EXTENSION)
        )
        self.new_button.setText(_("&Start a new plan…"))
        self.new_button.setAccessibleName(_("Start a new plan"))
        self.open_button.setText(_("&Open a plan…"))
        self.open_button.setAccessibleName(_("Open a plan"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """The app's window. ``settings`` and ``worker`` are passed in (tests use temporary ones)."""

    plan_shown = Signal()
    """The results of the current plan are on screen (after opening, and again after every edit)."""
    retranslated = Signal()
    """Every widget of the window has re-rendered itself in the new language."""
    comparison_shown = Signal(object)
    """A comparison dialog is open (carries the dialog)."""
    effect_shown = Signal(object)
    """A "what does this shift add?" dialog is open (carries the dialog)."""
    risk_shown = Signal()
    """The range over fewer / planned / more shifts of the shown results is on screen."""
    chances_shown = Signal()
    """The chances over many possible futures of the shown plan are on screen (the Chances tab, the top line)."""

    def __init__(self, settings: Settings, worker: Worker | None = None, parent: QWidget | None = None, *,
                 recovery_folder: Path | None = None, chances_samples: int | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = worker if worker is not None else Worker(self)
        """Opening files and computing the plan: the newest job wins."""
        self.worker.finished.connect(self._on_job_done)
        self.worker.failed.connect(self._on_job_failed)
        self.worker.busy_changed.connect(self._on_busy)
        self.risk_worker = Worker(self)
        """The range over fewer / planned / more shifts: asked for once the plan's own results are on screen."""
        self.risk_worker.finished.connect(self._on_risk)
        self.risk_worker.failed.connect(self._on_job_failed)
        self.cliff_worker = Worker(self)
        """The hours-per-week chart: many computations of one month, asked for after the range."""
        self.cliff_worker.finished.connect(self._on_cliff)
        self.cliff_worker.failed.connect(self._on_job_failed)
        self.task_worker = Worker(self)
        """Questions the user asks (compare, the effect of a shift): never drop the plan's own results."""
        self.task_worker.finished.connect(self._on_task_done)
        self.task_worker.failed.connect(self._on_job_failed)
        self.task_worker.busy_changed.connect(self._on_busy)
        self.chances_worker = Worker(self)
        """The chances over many possible futures: after the plan's own results, a newer edit stops an older run."""
        self.chances_worker.finished.connect(self._on_chances)
        self.chances_worker.failed.connect(self._on_chances_failed)
        self.chances_samples = chances_samples
        """Futures per run; ``None``: the default of ``compute --risk`` (tests use fewer)."""
        self.chances: Chances | None = None
        """The chances on screen (of ``chances.plan``)."""
        self._chances_run: ChancesRun | None = None
        self._chances_progress_shown = False
        self._chances_progress = _ChancesProgress(self)
        self._chances_progress.moved.connect(self._on_chances_progress)
        self._chances_slow = QTimer(self)
        """The progress shows only when a run takes longer than a moment."""
        self._chances_slow.setSingleShot(True)
        self._chances_slow.setInterval(CHANCES_MOMENT_MS)
        self._chances_slow.timeout.connect(self._show_chances_progress)

        self.document = PlanDocument(self)
        self.document.plan_changed.connect(self._on_plan_changed)
        self.document.modified_changed.connect(lambda _modified: self._retranslate_title())
        self.document.path_changed.connect(self._retranslate_title)
        self.recovery = Recovery(recovery_folder if recovery_folder is not None else default_folder())
        """A copy of a plan with unsaved changes, so a crash loses nothing (see ui.recovery)."""
        if self.recovery.active:  # the only app running, so no save of another one is under way
            self.remove_leftovers()
        self._keep_copy = QTimer(self)
        self._keep_copy.setSingleShot(True)
        self._keep_copy.setInterval(COPY_DELAY_MS)
        self._keep_copy.timeout.connect(self._write_copy)
        self.document.plan_changed.connect(self._schedule_copy)
        self.document.modified_changed.connect(self._on_modified_for_copy)
        self.overview: Overview | None = None
        """The newest computed results (they may be of an earlier version of the plan while it has errors)."""
        self.latest: Overview | None = None
        """The newest overview, also when the plan had mistakes and nothing could be computed."""
        self.bounds: Bounds | None = None
        """The range of the shown results (``None`` until it is computed, and while it is computed again)."""
        self.glossary: GlossaryDialog | None = None
        self.guide: GuideDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.dialogs: list[QWidget] = []
        self._status_months: int | None = None
        self._cliff_month: YM | None = None
        self._compute_pending = False
        self._consultation = False
        self._cliff_stale = False
        self._background = QTimer(self)
        """The range and the hours chart wait until edits pause, so they never slow down the next edit's results."""
        self._background.setSingleShot(True)
        self._background.setInterval(BACKGROUND_DELAY_MS)
        self._background.timeout.connect(self._start_background)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_focus_ring(app)  # a clear mark on whatever has the keyboard focus, in every window
        self.model = MonthTableModel(parent=self)
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status_bar()
        available = self.screen().availableGeometry()
        self.resize(fitting_size(available))
        geometry = settings.value(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
            if not self.isMaximized() and not self.isFullScreen():
                # A size kept from a larger screen (or from a window that once grew) is made to fit this one.
                self.resize(fitting_size(available, self.size()))
        self.retranslate_ui()
        self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot, *,  # noqa: ANN001
                checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if checkable:
            on_toggle(action, slot)
        else:
            on_trigger(action, slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(keys.New, self.new_plan)
        self.open_action = self._action("Ctrl+O", self.open_dialog)
        self.close_plan_action = self._action(keys.Close, self.close_plan)
        self.protect_action = self._action(None, self.protect_with_password)
        self.forget_action = self._action(None, self.forget_household)
        self.privacy_action = self._action(None, self.show_privacy)
        self.save_action = self._action(keys.Save, self.save)
        self.save_as_action = self._action("Ctrl+Shift+S", self.save_as)
        self.compare_file_action = self._action(None, self.compare_dialog)
        self.compare_extra_action = self._action(None, self.compare_with_extra)
        self.pdf_action = self._action("Ctrl+Shift+P", self.save_summary_pdf)
        self.print_action = self._action(keys.Print, self.print_summary)
        self.quit_action = self._action("Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        stack = self.document.undo_stack
        self.undo_action = self._action(keys.Undo, stack.undo)
        self.redo_action = self._action(keys.Redo, stack.redo)
        self.redo_action.setShortcuts(keys.Redo)  # every binding of the platform: Ctrl+Y and Ctrl+Shift+Z
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._retranslate_undo)
        stack.redoTextChanged.connect(self._retranslate_undo)
        self.household_action = self._action(None, self.edit_household)
        self.jobs_action = self._action(None, self.edit_jobs)
        self.money_action = self._action(None, self.edit_money)
        self.uncertainty_action = self._action(None, self.edit_uncertainty)
        self.effect_action = self._action(None, self.show_shift_effect)
        self.preferences_action = self._action(QKeySequence.StandardKey.Preferences, self.show_preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.consultation_action = self._action("F11", self.set_consultation_mode, checkable=True)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(f"&{AUTONYMS[lang]}", self)  # a language's own name is never translated
            action.setCheckable(True)
            action.setData(lang)
            action.setObjectName(f"language_{lang}_action")
            on_trigger(action, lambda lang=lang: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.glossary_action = self._action(QKeySequence.StandardKey.HelpContents, self.show_glossary)
        self.guide_action = self._action(None, self.show_guide)
        self.about_action = self._action(None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.results_action = self._action("Ctrl+0", self.go_to_results)
        self.tab_actions: list[QAction] = []
        for n in range(5):
            action = self._action(f"Ctrl+{n + 1}", lambda n=n: self.show_tab(n))
            action.setObjectName(f"tab_{n + 1}_action")
            self.addAction(action)
            self.tab_actions.append(action)
        for attribute, value in vars(self).items():  # a name for tests and for finding an action in a report
            if attribute.endswith("_action") and isinstance(value, QAction):
                value.setObjectName(attribute)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.new_action, self.open_action):
            self.file_menu.addAction(action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addAction(self.protect_action)
        self.file_menu.addAction(self.close_plan_action)
        self.file_menu.addAction(self.forget_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.compare_extra_action)
        self.file_menu.addAction(self.compare_file_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.pdf_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        for action in (self.household_action, self.jobs_action, self.money_action, self.uncertainty_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.effect_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.consultation_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.results_action)
        for action in self.tab_actions:
            self.view_menu.addAction(action)
        self.language_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.glossary_action)
        self.help_menu.addAction(self.privacy_action)
        self.help_menu.addAction(self.about_action)
        self._fill_recent_menu()

    def _build_central(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(self.stack)
        on_trigger(self.empty.open_button, self.open_dialog)
        on_trigger(self.empty.new_button, self.new_plan)
        self.stack.addWidget(self.empty)

        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        self.problems = ProblemStrip(page)
        use_content_font(self.problems)
        self.problems.hide()
        layout.addWidget(self.problems)
        self.risk_label = QLabel(page)  # the answer for the plan, then the range over fewer / more shifts
        self.risk_label.setObjectName("headline")
        self.risk_label.setWordWrap(True)
        self.risk_label.setTextFormat(Qt.TextFormat.RichText)
        use_content_font(self.risk_label)
        layout.addWidget(self.risk_label)
        chances_row = QHBoxLayout()
        chances_row.setSpacing(10)
        self.chances_label = QLabel(page)
        """The one line on the chances: the whole plan's chance of a letter, and what to keep aside against setbacks."""
        self.chances_label.setObjectName("chances_label")
        self.chances_label.setWordWrap(True)
        self.chances_label.setTextFormat(Qt.TextFormat.PlainText)
        use_content_font(self.chances_label)
        self.chances_label.hide()
        chances_row.addWidget(self.chances_label, 1)
        self.chances_bar = QProgressBar(page)
        self.chances_bar.setObjectName("chances_bar")
        self.chances_bar.setMaximumWidth(200)
        self.chances_bar.setTextVisible(False)
        self.chances_bar.hide()
        chances_row.addWidget(self.chances_bar)
        layout.addLayout(chances_row)
        self.banner = NoteBanner(page)
        use_content_font(self.banner)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setDocumentMode(True)

        self.cards = MonthCardsView(self.tabs)
        self.cards.item_activated.connect(self._on_card_item)
        self.tabs.addTab(self.cards, "")

        shifts_page = QSplitter(Qt.Orientation.Vertical, self.tabs)
        shifts_page.setChildrenCollapsible(False)
        self.shifts = ShiftsPanel(parent=shifts_page)
        self.shifts.edit_requested.connect(self.apply_edit)
        self.shifts.effect_requested.connect(self.show_shift_effect)
        self.shifts.effect_count_changed.connect(lambda _count: self._retranslate_effect())
        self.payslips = PayslipsPanel(parent=shifts_page)
        self.payslips.edit_requested.connect(self.apply_edit)
        # On a small screen the shifts scroll (the calendar is taller than the list); their size never makes the
        # window taller. The payslips need little height: not in a scroll area, so their buttons are always seen.
        shifts_page.addWidget(scrolling(self.shifts, shifts_page))
        shifts_page.addWidget(self.payslips)
        shifts_page.setStretchFactor(0, 3)
        shifts_page.setStretchFactor(1, 1)
        self.shifts_page = shifts_page
        # Insert (add a shift) and Ctrl+E (what does it add?) work anywhere on the Shifts tab, also before the
        # focus is in the table: on the tab itself, its payslips, and its title in the tab bar (_on_tab_changed).
        self.shifts_tab_actions = (self.shifts.add_action, self.shifts.effect_action)
        shifts_page.addActions(list(self.shifts_tab_actions))
        self.tabs.addTab(shifts_page, "")

        self.table = QTableView(self.tabs)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        use_content_font(self.table)
        header = self.table.horizontalHeader()
        # Columns share the width equally, but each is at least as wide as its longest header word and its
        # amounts (fit_columns); long headers ("Premie built up") wrap onto more lines instead of being cut off.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(
            Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap))
        )
        header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 10)
        header.setHighlightSections(True)
        rows = self.table.verticalHeader()
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setHighlightSections(True)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        self.table.viewport().installEventFilter(self)
        self.model.headerDataChanged.connect(self._fit_timer.start)
        self.model.modelReset.connect(self._fit_timer.start)
        self.tabs.addTab(self.table, "")

        self.charts = ChartsPage(self.tabs)
        self.charts.cliff_month_changed.connect(self._on_cliff_month)
        self.charts_tab = scrolling(self.charts, self.tabs)  # a chart keeps a readable size; the page scrolls
        self.tabs.addTab(self.charts_tab, "")

        self.chances_view = ChancesView(self.tabs)
        self.chances_tab = scrolling(self.chances_view, self.tabs)
        self.tabs.addTab(self.chances_tab, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.panel = ExplainPanel(self.splitter)
        use_content_font(self.panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([820, 360])
        layout.addWidget(self.splitter, 1)
        self.plan_page = page
        self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # "busy", no percentage
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setTextVisible(False)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.busy_bar)
        self.busy_label.hide()
        self.busy_bar.hide()
        self.status_label = QLabel(self)
        status.addWidget(self.status_label, 1)

    # --- a new plan, opening and saving ---------------------------------------------------------

    def new_plan(self) -> FirstRunWizard | None:
        """File → New: the first-run path (window-modal); its plan opens as a new, unsaved document."""
        if not self.maybe_save():
            return None
        wizard = FirstRunWizard(self, default_buffer=Decimal(self.settings.value(DEFAULT_SAFETY_BUFFER)))
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self.show_new_plan(wizard.plan()))
        self.wizard = wizard
        wizard.destroyed.connect(lambda _obj=None: setattr(self, "wizard", None))
        wizard.open()
        return wizard

    def show_new_plan(self, plan: Plan) -> None:
        """Show ``plan`` as a new document that is not saved yet."""
        self.clear_results()
        self.document.load(plan, None, modified=True)
        self.tabs.setCurrentWidget(self.cards)

    def open_dialog(self) -> None:
        """File → Open…: ask for a file, then :meth:`open_path`."""
        path = self._ask_file(_("Open a plan"), save=False)
        if path:
            self.open_path(path)

    def _ask_file(self, title: str, *, save: bool) -> str:
        """Ask for a plan file; see ``ui.files`` for where the dialog starts and the name it suggests."""
        folder = start_folder(self.document.path, self.settings.recent_files())
        pattern = f"*{EXTENSION}"
        filters = [_("Plan files ({pattern})").format(pattern=pattern), _("All files ({pattern})").format(pattern="*")]
        if not save:
            return ask_open(self, title, folder, filters)
        if self.document.path is not None:
            name = self.document.path.name
        else:
            plan = self.document.plan
            name = file_stem(plan.name if plan is not None else "", _("plan")) + EXTENSION
        path, _filter = ask_save(self, title, folder, name, filters)
        return path

    def open_path(self, path: str | os.PathLike[str]) -> int | None:
        """Read the plan at ``path`` in the background, then compute and show it; returns the job number.

        The file is only read. Unsaved changes are offered for saving first
        (``None`` when the user cancels). When the results are on screen,
        :attr:`plan_shown` is emitted; an unreadable file is explained with
        :func:`ui.errors.show_error` and the plan on screen stays.
        """
        if not self.maybe_save():
            return None
        log.info("opening a plan")
        return self.worker.submit(read_plan, str(path))

    def save(self) -> bool:
        """File → Save; a new plan asks for a file name. ``False`` when nothing was saved."""
        if self.document.plan is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document.plan is None:
            return False
        path = self._ask_file(_("Save the plan"), save=True)
        if not path:
            return False
        if not path.endswith(EXTENSION) and not Path(path).suffix:
            path += EXTENSION
        return self._save_to(Path(path))

    def remove_leftovers(self) -> None:
        """Delete the temp files of saves that were interrupted (a crash, a power cut): in the app's own folder,
        the folders of the recent plans and the folder of a save that never finished."""
        folders = {self.recovery.folder, *(Path(f).parent for f in self.settings.recent_files()),
                   *(Path(f) for f in self.settings.value(SAVING_IN))}
        removed = [p for folder in sorted(folders) for p in remove_leftovers(folder)]
        if removed:
            log.info("removed %d temp file(s) of interrupted saves", len(removed))
        if self.settings.value(SAVING_IN):
            self.settings.set_value(SAVING_IN, [])
            self.settings.sync()

    def _saving_in(self, path: Path) -> None:
        """Note the folder of a save before it starts (:meth:`remove_leftovers` cleans it after a crash)."""
        self.settings.set_value(SAVING_IN, [str(Path(os.path.realpath(path)).parent)])
        self.settings.sync()

    def _saved(self) -> None:
        self.settings.set_value(SAVING_IN, [])
        self.settings.sync()

    def _save_to(self, path: Path, *, overwrite_read_only: bool = False) -> bool:
        try:
            self._saving_in(path)
            try:
                saved = self.document.save(path, overwrite_read_only=overwrite_read_only)
            finally:
                self._saved()
        except ReadOnlyFile:
            answer = self.ask_overwrite_read_only(path)
            if answer == QMessageBox.StandardButton.Save:
                return self._save_to(path, overwrite_read_only=True)
            if answer == QMessageBox.StandardButton.SaveAll:  # "save under another name"
                return self.save_as()
            return False
        except OSError as exc:
            log.info("saving failed: %s (errno %s)", type(exc).__name__, exc.errno)
            present(self, write_failed(exc, _("The plan could not be saved"), path.name,
                                       _("The file that was there before is unchanged.")))
            return False
        self.settings.add_recent_file(saved)
        self._fill_recent_menu()
        self.statusBar().showMessage(_("Saved as “{name}”.").format(name=saved.name), 5000)
        return True

    def ask_overwrite_read_only(self, path: Path) -> QMessageBox.StandardButton:
        """The plan's file is read-only: Save (overwrite it anyway), SaveAll (under another name) or Cancel."""
        box = self.read_only_box(path)
        box.exec()
        clicked = box.clickedButton()
        name = clicked.objectName() if clicked is not None else ""
        box.deleteLater()
        return {"overwrite": QMessageBox.StandardButton.Save, "other": QMessageBox.StandardButton.SaveAll}.get(
            name, QMessageBox.StandardButton.Cancel)

    def read_only_box(self, path: Path) -> QMessageBox:
        """The question of :meth:`ask_overwrite_read_only`, not shown yet (plain text: the name may hold anything)."""
        box = QMessageBox(QMessageBox.Icon.Question, _("The file is read-only"), "", QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_("The file “{name}” is read-only. Someone may have made it so on purpose. Save your plan under "
                      "another name, or overwrite the file anyway?").format(name=path.name))
        box.addButton(_("Save under &another name…"), QMessageBox.ButtonRole.AcceptRole).setObjectName("other")
        box.addButton(_("&Overwrite anyway"), QMessageBox.ButtonRole.DestructiveRole).setObjectName("overwrite")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName(_("The file is read-only"))
        return box

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Ask what to do with unsaved changes: Save, Discard or Cancel (tests replace this)."""
        box = self.save_changes_box()
        answers = {
            box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole): QMessageBox.StandardButton.Save,
            box.addButton(_("&Don't save"), QMessageBox.ButtonRole.DestructiveRole): QMessageBox.StandardButton.Discard,
        }
        cancel = box.addButton(_("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(next(iter(answers)))
        box.setEscapeButton(cancel)
        box.exec()
        answer = answers.get(box.clickedButton(), QMessageBox.StandardButton.Cancel)
        box.deleteLater()
        return answer

    def save_changes_box(self) -> QMessageBox:
        """The question of :meth:`ask_save_changes`, without its buttons yet; the plan's name is shown as plain text.
        Our own buttons each get their own Alt+letter (Qt's have none, and its Dutch "Verwerpen" is not B1)."""
        box = QMessageBox(QMessageBox.Icon.Question, _("Save your changes?"), "", QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_("The plan “{name}” has changes that are not saved yet. Do you want to save them?").format(
            name=self._plan_name()))
        box.setAccessibleName(_("Save your changes?"))
        return box

    def maybe_save(self) -> bool:
        """``True`` when it is fine to replace or close the plan (saved, discarded or unchanged)."""
        if not self.document.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- editing and computing ------------------------------------------------------------------

    def apply_edit(self, plan: Plan, name: StepName) -> None:
        """One undoable edit from a view: the new plan and what the step is called (see :data:`ui.document.StepName`)."""
        self.document.apply(plan, name)

    def edit_household(self) -> None:
        self._edit_with(edit_household)

    def edit_jobs(self) -> None:
        self._edit_with(edit_jobs)

    def edit_money(self) -> None:
        self._edit_with(edit_money)

    def edit_uncertainty(self) -> None:
        """Edit → Uncertainty…: what the chances assume (undoable, checked like every edit)."""
        self._edit_with(edit_uncertainty)

    def _edit_with(self, dialog) -> None:  # noqa: ANN001 - one of ui.plan_forms' edit_* functions
        plan = self.document.plan
        if plan is None:
            return
        new = dialog(self, plan)
        if new is not None:
            self.apply_edit(new, self._edit_text(dialog))

    @staticmethod
    def _edit_text(dialog) -> StepName:  # noqa: ANN001
        if dialog is edit_household:
            return lambda: _("Change the household")
        if dialog is edit_jobs:
            return lambda: _("Change the work")
        if dialog is edit_uncertainty:
            return lambda: _("Change the uncertainty")
        return lambda: _("Change the money")

    def _on_plan_changed(self, plan: Plan | None) -> None:
        if plan is None:  # File → Close: back to the start page
            self.stack.setCurrentWidget(self.empty)
        self.shifts.set_plan(plan)
        self.payslips.set_plan(plan)
        self._update_actions()
        self._retranslate_title()
        self._stop_chances()  # the chances of the plan before this edit are never shown over it
        for dialog in self.dialogs:  # their ranges of the plan before this edit stop
            ranges = getattr(dialog, "ranges", None)
            if ranges is not None:
                ranges.plan_changed(plan)
        self.request_compute()

    def request_compute(self) -> None:
        """Compute the current plan in the background; edits made meanwhile are computed once, after it."""
        if self.document.plan is None:
            return
        if self.worker.is_busy():
            self._compute_pending = True
            return
        self._compute_pending = False
        self.worker.submit(job_overview, self.document.plan)

    def _on_job_done(self, _generation: int, payload: object) -> None:
        if isinstance(payload, LoadedPlan):
            self.settings.add_recent_file(payload.path)
            self._fill_recent_menu()
            self.clear_results()  # never the previous household's results under this plan's name
            self.document.load(payload.plan, payload.path, password=payload.password)
            return
        if isinstance(payload, Overview):
            if self._compute_pending or payload.plan != self.document.plan:
                self.request_compute()
                if payload.plan != self.document.plan and self.overview is not None:
                    return
            self.show_overview(payload)

    def _on_job_failed(self, _generation: int, exc: BaseException) -> None:
        if isinstance(exc, PlanFileError) and exc.kind in ("encrypted", "wrong_password") and self.sender() is self.worker:
            password = self.ask_password(exc.path.name, wrong=exc.kind == "wrong_password")
            if password:
                self.worker.submit(read_plan, str(exc.path), password)
            return
        show_error(self, exc)
        if self._compute_pending:
            self.request_compute()

    def _on_busy(self, _busy: bool) -> None:
        busy = self.worker.is_busy() or self.task_worker.is_busy()
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def ask_password(self, name: str, *, wrong: bool = False) -> str:
        """The password of a protected plan ("" when the user cancels). Tests replace this."""
        text = _("“{name}” is protected with a password. Type the password:").format(name=name)
        if wrong:
            text = _("That password does not open “{name}”. Try again:").format(name=name)
        password, ok = QInputDialog.getText(self, _("Password"), text, QLineEdit.EchoMode.Password)
        return password if ok else ""

    def ask_new_password(self) -> str | None:
        """A new password typed twice (``""``: no password any more; ``None``: cancelled). Tests replace this."""
        first, ok = QInputDialog.getText(self, _("Protect with a password"), password_warning(), QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if not first:
            return ""
        again, ok = QInputDialog.getText(self, _("Protect with a password"), _("Type the password again:"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if again != first:
            present(self, ErrorMessage(_("Protect with a password"), _("The two passwords are not the same. Nothing was changed.")))
            return None
        return first

    def protect_with_password(self) -> bool:
        """File → Protect with a password…: the plan file (and the copy of unsaved changes) sealed with a password
        (planner.crypt); an empty password takes the protection off. Saved at once when the plan has a file."""
        if self.document.plan is None:
            return False
        password = self.ask_new_password()
        if password is None:
            return False
        self.document.password = password or None
        self.recovery.clear()
        if self.document.path is not None:
            return self._save_to(self.document.path)
        return self.save()

    def close_plan(self) -> bool:
        """File → Close: back to the start page, nothing of the household left on screen or in the window.

        Unsaved changes are offered for saving first (``False`` when the user cancels).
        """
        if self.document.plan is None:
            return True
        if not self.maybe_save():
            return False
        self._keep_copy.stop()
        self.recovery.clear()
        self.clear_results()
        self.worker.cancel()
        self._compute_pending = False
        self.document.close()
        self.statusBar().clearMessage()
        return True

    def forget_household(self) -> bool:
        """File → Forget this household on this computer: close the plan and remove every trace the app kept of
        it here (its place in the recent list, the copy of unsaved changes, its folder in the file dialog's
        shared history). The plan file itself stays where it is."""
        path = self.document.path
        if self.document.plan is None or not self.ask_forget(path):
            return False
        if not self.close_plan():
            return False
        if path is not None:
            self.settings.remove_recent_file(path)
            forget_folders([path.parent, path.resolve().parent])
        self.recovery.clear()
        self.settings.set_value(SAVING_IN, [])
        self.settings.sync()
        self._fill_recent_menu()
        self.statusBar().showMessage(_("Forgotten on this computer. The plan file itself is still there."), 8000)
        return True

    def ask_forget(self, path: Path | None) -> bool:
        """Forget this household? (Tests replace this.)"""
        box = self.forget_box(path)
        box.exec()
        clicked = box.clickedButton()
        answer = clicked is not None and clicked.objectName() == "forget"
        box.deleteLater()  # the household's name does not stay behind in a hidden box
        return answer

    def forget_box(self, path: Path | None) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, _("Forget this household"), "", QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_("Close “{name}” and forget it on this computer: its name in the list of recent plans and a "
                      "copy of unsaved changes are removed. The plan file itself is not deleted.").format(
            name=self._plan_name()))
        box.addButton(_("&Forget"), QMessageBox.ButtonRole.AcceptRole).setObjectName("forget")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName(_("Forget this household"))
        return box

    def show_privacy(self) -> QMessageBox:
        """Help → Privacy: what the app stores where, what it never sends, how to delete it (non-modal)."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Privacy"), "", QMessageBox.StandardButton.Close, self)
        box.setObjectName("privacy")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(privacy_statement())
        box.setAccessibleName(_("Privacy"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        box.show()
        return box

    def clear_results(self) -> None:
        """Take every result of the plan shown off the screen (another plan is opened, or the plan is closed).

        Questions still being computed for it (the range, the hours chart, a
        comparison) are dropped, so nothing of it comes back later.
        """
        self._background.stop()
        for worker in (self.risk_worker, self.cliff_worker, self.task_worker):
            worker.cancel()
        self._stop_chances()
        self.chances = None
        self.chances_view.set_summary(None)
        self.overview = None
        self.latest = None
        self.bounds = None
        self._status_months = None
        self._cliff_month = None
        self._cliff_stale = False
        self.model.set_projection(None)
        self.banner.set_projection(None)
        self.banner.hide()
        self.cards.set_cards(())
        self.charts.set_series((), None)
        self.charts.set_cliff(None)
        self.charts.set_months([], (0, 0))
        self.panel.clear_cell()
        self.problems.clear()
        for dialog in list(self.dialogs):  # a comparison or a shift's effect of the plan shown
            dialog.close()
        self._retranslate_risk()
        self._retranslate_status()
        self._update_actions()

    def show_overview(self, overview: Overview) -> None:
        """Show computed results (a view of the planner's result; nothing is computed here)."""
        first = self.overview is None or self.stack.currentWidget() is not self.plan_page
        self.latest = overview
        shown = self.overview is not None and self.overview.computed
        self.problems.set_overview(overview, current=overview.plan == self.document.plan,
                                   results_shown=shown or overview.computed)
        if overview.computed:
            self.overview = overview
            result = overview.result
            assert result is not None
            self.model.set_projection(result.projection)
            self.banner.set_projection(result.projection, overview.warnings, overview.cards)
            self.cards.set_cards(overview.cards)
            self.charts.set_series(overview.sources, overview.daily)
            self._status_months = len(result.projection.months)
            months = overview.plan.month_list()
            month = cliff_month(overview.plan, self._cliff_month or self.charts.current_month())
            self.charts.set_months(months, month)
            self._cliff_month = month
            self.bounds = None
            self._cliff_stale = True
            self._background.start()
            self._start_chances(overview.plan)
        elif self.overview is None:
            self.overview = overview
            self._status_months = None
        self._retranslate_risk()
        self._name_corner_buttons()
        self.stack.setCurrentWidget(self.plan_page)
        self._retranslate_status()
        self._retranslate_title()
        self._update_actions()
        if first and self.model.rowCount():
            index = self.model.index(0, MonthTableModel.column_index("bijstand"))
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.panel.month is not None and self.model.rowCount():
            current = self.table.currentIndex()
            if current.isValid():
                self._on_current_changed(current, current)
        self.plan_shown.emit()

    def _start_background(self) -> None:
        if self.worker.is_busy():  # another edit is being computed: its results will start this again
            return
        if self.overview is not None and self.overview.computed:
            self.risk_worker.submit(job_risk, self.overview.plan)

    def _on_risk(self, _generation: int, payload: Risk) -> None:
        if self.overview is None or payload.plan != self.overview.plan:
            return
        self.bounds = payload.bounds
        self._retranslate_risk()
        self.risk_shown.emit()
        self._request_cliff()

    # --- the chances over many possible futures ------------------------------------------------

    def _start_chances(self, plan: Plan) -> None:
        """Run the chances of the plan shown in the background; an older run is stopped first."""
        self._stop_chances()
        run = ChancesRun()
        self._chances_run = run
        relay = self._chances_progress
        self.chances_worker.submit(job_chances, plan, self.chances_samples, CHANCES_SEED, run,
                                   lambda done, total: relay.moved.emit(run, done, total))
        self.chances_view.set_running(True)
        self._chances_slow.start()

    def _stop_chances(self) -> None:
        """Stop the run under way (it ends at its next slice) and drop whatever it would still deliver."""
        if self._chances_run is not None:
            self._chances_run.stop()
            self._chances_run = None
        self.chances_worker.cancel()
        self._chances_slow.stop()
        self._chances_progress_shown = False
        self.chances_view.set_running(False)
        self.chances_bar.hide()
        self.cards.set_chances(None)  # the cards never show the chances of the plan before an edit
        self._retranslate_chances()

    def _show_chances_progress(self) -> None:
        if self._chances_run is None:
            return
        self._chances_progress_shown = True
        self.chances_bar.show()
        self.chances_view.set_progress(self.chances_view.progress.value(), self.chances_view.progress.maximum(),
                                       visible=True)
        self._retranslate_chances()

    def _on_chances_progress(self, run: ChancesRun, done: int, total: int) -> None:
        if run is not self._chances_run:
            return
        self.chances_bar.setRange(0, max(total, 1))
        self.chances_bar.setValue(done)
        self.chances_view.set_progress(done, total, visible=self._chances_progress_shown)

    def _on_chances(self, _generation: int, payload: Chances) -> None:
        if self.overview is None or payload.plan != self.overview.plan or payload.plan != self.document.plan:
            return
        self._chances_run = None
        self._chances_slow.stop()
        self._chances_progress_shown = False
        self.chances = payload
        self.chances_bar.hide()
        self.chances_view.set_running(False)
        self.chances_view.set_summary(payload.summary, payload.problem)
        self.cards.set_chances(payload.summary.months if payload.summary is not None else None)
        self._retranslate_chances()
        self.chances_shown.emit()

    def _on_chances_failed(self, _generation: int, exc: BaseException) -> None:
        from planner.risk import RiskCancelled

        if isinstance(exc, RiskCancelled):
            return
        self._chances_run = None
        self._chances_slow.stop()
        self._chances_progress_shown = False
        self.chances_bar.hide()
        self.chances_view.set_running(False)
        self._retranslate_chances()
        show_error(self, exc)

    def _retranslate_chances(self) -> None:
        """The line above the cards: the chances once worked out, greyed while an edit's chances are on the way."""
        label = self.chances_label
        label.setAccessibleName(_("Chances over many possible futures"))
        self.chances_bar.setAccessibleName(_("Working out the chances…"))
        if self.overview is None or not self.overview.computed:
            label.setText("")
            label.hide()
            return
        running = self._chances_run is not None
        summary = self.chances.summary if self.chances is not None else None
        if running and self._chances_progress_shown:
            label.setText(_("Working out the chances…"))
        elif summary is not None:
            label.setText(chances_sentence(summary))
        elif self.chances is not None and self.chances.problem is not None:
            label.setText(_("The chances of this plan cannot be worked out: {reason}").format(
                reason=render(self.chances.problem, get_language())))
        else:
            label.setText("")
        label.setEnabled(self.chances is not None and self.chances.plan == self.document.plan)  # greyed: an older plan's
        label.setVisible(bool(label.text()))

    def _request_cliff(self) -> None:
        """The hours chart is computed when it is on screen (it computes one month many times)."""
        if not self._cliff_stale or self.overview is None or not self.overview.computed or self._cliff_month is None:
            return
        if self.charts.isVisible():  # otherwise when the charts tab is shown (_on_tab_changed)
            self._cliff_stale = False
            self.cliff_worker.submit(job_cliff, self.overview.plan, self._cliff_month)

    def _on_tab_changed(self, _index: int) -> None:
        bar = self.tabs.tabBar()
        for action in self.shifts_tab_actions:
            if self.tabs.currentWidget() is self.shifts_page:
                bar.addAction(action)
            else:
                bar.removeAction(action)
        if self.tabs.currentWidget() is self.charts_tab:
            self._request_cliff()

    def _on_cliff_month(self, month: YM) -> None:
        self._cliff_month = month
        self._cliff_stale = True
        self._request_cliff()

    def _on_cliff(self, _generation: int, payload: Cliff) -> None:
        if self.overview is not None and payload.month == self._cliff_month:
            self.charts.set_cliff(payload.cliff)

    # --- questions: compare, what does this shift add -------------------------------------------

    def _plan_name(self) -> str:
        plan = self.document.plan
        if plan is not None and plan.name:
            return plan.name
        if self.document.path is not None:
            return self.document.path.name
        return _("This plan")

    # --- the summary for a consultation ---------------------------------------------------------

    def summary_report(self) -> Report | None:
        """The consultation summary of the plan as it is now (``None``, with a message, while it has mistakes).

        Uses the results on screen when they are of this plan; otherwise (an
        edit still being computed, the range not there yet) they are computed
        here, once, so the summary is never of an older plan.
        """
        plan = self.document.plan
        if plan is None:
            return None
        overview = self.overview if self.overview is not None and self.overview.plan == plan else None
        bounds = self.bounds if overview is not None else None
        chances = self.chances if self.chances is not None and self.chances.plan == plan else None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if overview is None:
                overview = compute_overview(plan)
            if not overview.computed:
                self.statusBar().showMessage(_("Correct the mistakes in the plan first."), 5000)
                return None
            if bounds is None:
                bounds = compute_risk(plan)
            if chances is None:  # the same run as the Chances tab's (same futures, same seed): the same numbers
                chances = job_chances(plan, self.chances_samples, CHANCES_SEED, ChancesRun())
            name = self.document.path.name.removesuffix(EXTENSION) if self.document.path is not None else ""
            return build_report(overview, bounds, made_on=date.today(), name=name, chances=chances.summary,
                                chances_problem=chances.problem)
        finally:
            QApplication.restoreOverrideCursor()

    def _summary_file(self) -> str:
        """Ask where to save the summary; a name made from the plan's name is suggested."""
        folder = start_folder(self.document.path, self.settings.recent_files())
        if self.document.path is not None:
            stem = self.document.path.name.removesuffix(EXTENSION)
        else:
            plan = self.document.plan
            stem = file_stem(plan.name if plan is not None else "", _("plan"))
        suggested = _("{name}-summary.pdf").format(name=stem)
        web = _("Web page, readable with a screen reader ({pattern})").format(pattern="*.html")
        filters = [_("PDF files ({pattern})").format(pattern="*.pdf"), web]
        path, chosen = ask_save(self, _("Save a summary as PDF"), folder, suggested, filters)
        if path and chosen == web and Path(path).suffix.lower() not in (".html", ".htm"):
            path = str(Path(path).with_suffix(".html"))
        return path

    def save_summary_pdf(self, path: str | os.PathLike[str] | None = None) -> Path | None:
        """File → Save a summary as PDF…: the consultation summary, in the language shown now.

        A name that ends in ``.html`` gives a web page with the same content
        instead, which a screen reader reads more easily than a PDF.
        """
        if isinstance(path, bool):  # from the menu: QAction.triggered passes "checked"
            path = None
        report = self.summary_report()
        if report is None:
            return None
        chosen = str(path) if path is not None else self._summary_file()
        if not chosen:
            return None
        target = Path(chosen)
        web = target.suffix.lower() in (".html", ".htm")
        if not web and target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        from ui.report import write_pdf, write_web_page  # here: Qt's print and PDF classes load only when first used

        try:
            self._saving_in(target)
            try:
                if web:
                    write_web_page(report, target, get_language())
                else:
                    write_pdf(report, target)
            finally:
                self._saved()
        except ReadOnlyFile:
            log.info("the summary's file is read-only")
            present(self, ErrorMessage(_("The summary could not be saved"),
                                       _("The file “{name}” is read-only. Choose another name.").format(name=target.name)))
            return None
        except OSError as exc:
            log.info("writing the summary failed: %s (errno %s)", type(exc).__name__, exc.errno)
            present(self, write_failed(exc, _("The summary could not be saved"), target.name,
                                       _("A file that was there before is unchanged.")))
            return None
        self.statusBar().showMessage(_("Summary saved as “{name}”.").format(name=target.name), 5000)
        return target

    def print_summary(self, device: QPrinter | None = None) -> int:
        """File → Print a summary…: choose a printer, then print; returns the number of pages printed (0: not)."""
        from PySide6.QtPrintSupport import QPrintDialog  # here: loads only when first used

        from ui.report import print_report, printer

        if isinstance(device, bool):  # from the menu: QAction.triggered passes "checked"
            device = None
        report = self.summary_report()
        if report is None:
            return 0
        if device is None:
            device = printer()
            dialog = QPrintDialog(device, self)
            dialog.setWindowTitle(_("Print a summary"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        try:
            return print_report(report, device)
        except OSError as exc:
            log.info("printing failed: %s", type(exc).__name__)
            present(self, ErrorMessage(_("The summary could not be printed"), _("Check the printer and try again.")))
            return 0

    def compare_dialog(self) -> None:
        """File → Compare with another plan…: choose a plan file and see both side by side."""
        if not self._can_ask():
            return
        path = self._ask_file(_("Compare with another plan"), save=False)
        if path:
            self.compare_with_file(path)

    def compare_with_file(self, path: str | os.PathLike[str]) -> int | None:
        if not self._can_ask():
            return None
        return self.task_worker.submit(job_compare_with_file, self.document.plan, self._plan_name(), str(path))

    def compare_with_extra(self) -> int | None:
        """File → Compare: as planned / with the extra shifts."""
        if not self._can_ask():
            return None
        return self.task_worker.submit(job_compare_extra, self.document.plan, _("As planned"), _("With the extra shifts"))

    def show_shift_effect(self, indices: int | Sequence[int] | None = None) -> int | None:
        """What the chosen shifts add together to each month (from the shift table, or Edit → What does this shift
        add?): every selected shift, or the current one when none is selected."""
        if indices is None:
            indices = self.shifts.effect_indices()
        chosen = [indices] if isinstance(indices, int) else list(indices)
        plan = self.document.plan
        if not chosen or plan is None or not all(0 <= i < len(plan.shifts) for i in chosen):
            self.statusBar().showMessage(_("Choose a shift in the list first."), 5000)
            return None
        if not self._can_ask():
            return None
        return self.task_worker.submit(job_effect, plan, chosen)

    def _retranslate_effect(self) -> None:
        """Edit → "What does this shift add?", or "What do these shifts add?" when several shifts are selected."""
        n = max(len(self.shifts.effect_indices()), 1)
        self.effect_action.setText(ngettext("What does this shift &add?", "What do these shifts &add?", n))
        self.effect_action.setToolTip(ngettext(
            "What the chosen shift adds to each month, after bijstand and premie",
            "What the {count} chosen shifts add together to each month, after bijstand and premie", n).format(count=n))

    def _can_ask(self) -> bool:
        if self.document.plan is None:
            return False
        latest = self.latest
        if latest is not None and latest.plan == self.document.plan and not latest.computed:
            self.statusBar().showMessage(_("Correct the mistakes in the plan first."), 5000)
            return False
        return True

    def _on_task_done(self, _generation: int, payload: object) -> None:
        if isinstance(payload, Comparison):
            dialog = CompareDialog(payload.name_a, payload.name_b, list(payload.rows), self)
            self._keep(dialog)
            if payload.plans is not None:  # the ranges follow, on the dialog's own worker
                dialog.start_ranges(*payload.plans, self.chances_samples, CHANCES_SEED, payload.source)
            self.comparison_shown.emit(dialog)
        elif isinstance(payload, Effect):
            dialog = ShiftEffectDialog(payload.shifts, payload.job_names, list(payload.effects), self)
            self._keep(dialog)
            if payload.plan is not None:  # the ranges follow, on the dialog's own worker
                dialog.start_ranges(payload.plan, payload.indices, self.chances_samples, CHANCES_SEED)
            self.effect_shown.emit(dialog)

    def _keep(self, dialog: QDialog) -> None:
        """Show a non-modal dialog and keep it until it is closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # --- the table, the cards and the explanation -------------------------------------------------

    def show_tab(self, index: int) -> None:
        if self.stack.currentWidget() is self.plan_page and 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            page = self.tabs.currentWidget()
            target = self.shifts.current_view() if page is self.shifts_page else page
            target = self.charts if page is self.charts_tab else target
            target = self.chances_view.sentences if page is self.chances_tab else target
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_to_results(self) -> None:
        """View → Go to the results (Ctrl+0): the overview, with the keyboard on the first amount of the first card."""
        if self.stack.currentWidget() is not self.plan_page:
            return
        self.tabs.setCurrentWidget(self.cards)
        buttons = self.cards.buttons()
        if buttons:
            self.cards.ensureWidgetVisible(buttons[0])
            buttons[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.cards.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def fit_columns(self) -> None:
        """Share the table's width over the columns so that no header word or amount is cut off.

        Each column gets an equal share, or more when its longest header word
        (in bold, as the current column's header is) or its widest amount needs
        more; the header grows to the lines its wrapped texts need.
        """
        header = self.table.horizontalHeader()
        count = self.model.columnCount()
        available = self.table.viewport().width()
        if count == 0 or available <= 0:
            return
        font = header.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        pad = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 6
        texts = [str(self.model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(count)]
        minimums = [
            max(
                max((metrics.horizontalAdvance(word) for word in text.split()), default=0) + pad,
                self.table.sizeHintForColumn(i),
                header.minimumSectionSize(),
            )
            for i, text in enumerate(texts)
        ]
        sizes = share_width(available, minimums)
        for i, size in enumerate(sizes):
            if header.sectionSize(i) != size:
                header.resizeSection(i, size)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignRight)
        lines = max(
            metrics.boundingRect(QRect(0, 0, max(size - pad, 1), 100000), flags, text).height()
            for size, text in zip(sizes, texts, strict=True)
        )
        header.setMinimumHeight(max(lines, 2 * metrics.lineSpacing()) + 10)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def select_cell(self, row: int, column_key: str) -> None:
        index = self.model.index(row, MonthTableModel.column_index(column_key))
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.model.projection is None:
            self.panel.clear_cell()
            return
        self.panel.show_cell(self.model.month(current.row()), self.model.column(current.column()))

    def _on_card_item(self, item: object) -> None:
        self.panel.show_item(item)

    # --- recent files -------------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for i, path in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{i} {Path(path).name.replace('&', '&&')}")
            action.setToolTip(plain_tooltip(path))
            action.setObjectName("recent_file_action")
            on_trigger(action, lambda path=path: self.open_path(path))
        if not files:
            empty = self.recent_menu.addAction(_("No plans opened yet"))
            empty.setEnabled(False)
            empty.setObjectName("no_recent_files_action")
        else:
            # Someone who helps several households on one laptop may not want the next one to see these names.
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(_("&Clear this list"))
            clear.setObjectName("clear_recent_action")
            clear.setToolTip(_("Forget the names of the plans opened here. The files themselves stay."))
            on_trigger(clear, self.clear_recent_files)
        self.recent_menu.setEnabled(True)

    def clear_recent_files(self) -> None:
        """Open recent → Clear this list: the names go, and their folders from the file dialog's shared history."""
        folders = [Path(f).parent for f in self.settings.recent_files()]
        self.settings.clear_recent_files()
        forget_folders(folders)
        self._fill_recent_menu()

    # --- consultation mode --------------------------------------------------------------------

    def set_consultation_mode(self, on: bool) -> None:
        """View → Consultation mode (F11): full screen, larger text and charts, to show across a table."""
        on = bool(on)
        self._consultation = on
        self.consultation_action.setChecked(on)
        factor = self.settings.value(CONSULTATION_SCALE) / 100 if on else 1.0
        scale_fonts(self.centralWidget(), factor, skip=(self.cards, self.charts))  # these two scale themselves
        scale_fonts(self.menuBar(), factor)  # the menus too, read across the table as well
        scale_fonts(self.statusBar(), factor)
        self.cards.set_scale(factor)
        self.charts.set_font_size(FONT_SIZE * factor)
        self.chances_view.set_font_size(FONT_SIZE * factor)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self._fit_timer.start()

    def is_consultation_mode(self) -> bool:
        return self._consultation

    # --- language -----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole app to ``lang`` now, and remember it."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self.settings.set_value(LANGUAGE, lang)  # type: ignore[arg-type]
        apply_language(lang)  # type: ignore[arg-type]

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.new_action.setText(_("&New plan…"))
        self.new_action.setToolTip(_("Start a new plan with a few questions"))
        self.open_action.setText(_("&Open…"))
        self.open_action.setToolTip(_("Open a plan file"))
        self.recent_menu.setTitle(_("Open &recent"))
        self.save_action.setText(_("&Save"))
        self.protect_action.setText(_("Protect with a pass&word…"))
        self.protect_action.setToolTip(_("Save the plan so that it opens only with a password"))
        self.close_plan_action.setText(_("C&lose"))
        self.close_plan_action.setToolTip(_("Close this plan and go back to the start page"))
        self.forget_action.setText(_("&Forget this household on this computer…"))
        self.forget_action.setToolTip(_("Close the plan and remove its name and any copy of it that the app kept here"))
        self.privacy_action.setText(_("&Privacy"))
        self.privacy_action.setToolTip(_("What the app keeps on this computer, and how to delete it"))
        self.save_as_action.setText(_("Save &as…"))
        self.compare_extra_action.setText(_("Compare with the &extra shifts"))
        self.compare_extra_action.setToolTip(_("Your plan as planned next to your plan with every extra shift worked"))
        self.compare_file_action.setText(_("&Compare with another plan…"))
        self.pdf_action.setText(_("Save a summary as P&DF…"))
        self.pdf_action.setToolTip(_("A summary for a consultation, to take home: the months, what is taken back and when, notes, rules and sources"))
        self.print_action.setText(_("&Print a summary…"))
        self.print_action.setToolTip(_("Print the summary for a consultation"))
        self.quit_action.setText(_("&Quit"))
        self.edit_menu.setTitle(_("&Edit"))
        self.document.retranslate()  # the undo steps' names
        self._retranslate_undo()
        self.household_action.setText(_("&Household…"))
        self.household_action.setToolTip(_("Who lives with you, ages, municipality"))
        self.jobs_action.setText(_("&Work…"))
        self.jobs_action.setToolTip(_("Your jobs: wage, pay day, holiday pay"))
        self.money_action.setText(_("&Money…"))
        self.money_action.setToolTip(_("Money in the bank, safety buffer and fixed costs"))
        self.uncertainty_action.setText(_("U&ncertainty…"))
        self.uncertainty_action.setToolTip(_("How sure your shifts are: what the chances on the Chances tab assume"))
        self._retranslate_effect()
        self.preferences_action.setText(_("&Preferences…"))
        self.view_menu.setTitle(_("&View"))
        self.consultation_action.setText(_("&Consultation mode"))
        self.consultation_action.setToolTip(_("Full screen with larger text, to show the plan across a table"))
        self.results_action.setText(_("&Go to the results"))
        self.results_action.setToolTip(_("The overview, with the keyboard on the first amount"))
        for action, text in zip(self.tab_actions, self._tab_titles(), strict=True):
            action.setText(text)
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.guide_action.setText(_("&User guide"))
        self.guide_action.setToolTip(_("How to use Bijverdienplanner, step by step"))
        self.glossary_action.setText(_("&Glossary"))
        self.glossary_action.setToolTip(_("The words in letters from the municipality, explained"))
        self.about_action.setText(_("&About Bijverdienplanner"))
        self.menuBar().setAccessibleName(_("Menu bar"))
        for lang, action in self.language_actions.items():
            action.setChecked(lang == get_language())
        for i, text in enumerate(self._tab_titles()):
            self.tabs.setTabText(i, text)
        self.tabs.setAccessibleName(_("Parts of your plan"))
        self.tabs.setTabToolTip(0, _("Per month: money in, what is taken back later, lowest balance, what to set aside"))
        self.tabs.setTabToolTip(1, _("Your shifts and the payslips you received"))
        self.tabs.setTabToolTip(2, _("Every amount of the bijstand calculation, month by month"))
        self.tabs.setTabToolTip(3, _("Charts of your money, each with a table of the same numbers"))
        self.tabs.setTabToolTip(4, _("How likely a letter is, and how big, over many possible futures of your plan"))
        self.table.setAccessibleName(_("Your months"))
        self.table.setAccessibleDescription(
            _("One row per month, one column per amount. Use the arrow keys to move; the explanation follows.")
        )
        # Qt's own buttons inside the menu bar (">>" when the window is narrow) and the table corner.
        extension = self.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
        if extension is not None:
            extension.setAccessibleName(_("More menus"))
        self._name_corner_buttons()
        self.table.horizontalHeader().setAccessibleName(_("Amounts"))
        self.table.verticalHeader().setAccessibleName(_("Months"))
        self.splitter.setAccessibleName(_("Your plan and the explanation"))
        self.shifts_page.setAccessibleName(_("Shifts and payslips"))
        self.panel.setAccessibleName(_("Why? The explanation of the chosen amount"))
        self.risk_label.setAccessibleName(_("Your plan in short"))
        self.busy_label.setText(_("Computing your plan…"))
        self.busy_bar.setAccessibleName(_("Busy computing"))
        self.status_label.setAccessibleName(_("Status"))
        self.model.retranslate()
        self._fit_timer.start()
        self._fill_recent_menu()
        self._retranslate_risk()
        self._retranslate_chances()
        self._retranslate_status()
        self._retranslate_title()

    def _retranslate_undo(self, _text: str = "") -> None:
        """The undo and redo actions name the step they undo or redo ("Undo: add a shift")."""
        stack = self.document.undo_stack
        if not shiboken6.isValid(stack):  # the stack says so while the window is being deleted
            return
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(_("&Undo: {step}").format(step=undo) if undo else _("&Undo"))
        self.redo_action.setText(_("&Redo: {step}").format(step=redo) if redo else _("&Redo"))
        self.undo_action.setToolTip(_("Undo the last change"))
        self.redo_action.setToolTip(_("Do the change again"))

    @staticmethod
    def _tab_titles() -> list[str]:
        return [_("&Overview"), _("&Shifts"), _("&Months in detail"), _("Ch&arts"), _("C&hances")]

    def _name_corner_buttons(self) -> None:
        """Qt's "select all" button in the corner of every table (tables of charts come and go with the plan)."""
        for table in self.findChildren(QTableView):
            corner = table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
            if corner is not None:
                corner.setAccessibleName(_("Select all amounts") if table is self.table else _("Select all"))

    def _retranslate_title(self) -> None:
        plan = self.document.plan
        if plan is None:
            self.setWindowTitle("Bijverdienplanner")
            return
        name = plan.name or (self.document.path.name if self.document.path else _("New plan"))
        # "[*]" is Qt's place for the unsaved-changes mark: shown as "*" while setWindowModified(True).
        self.setWindowTitle(_("{plan} – Bijverdienplanner").format(plan=f"{name}[*]"))
        self.setWindowModified(self.document.is_modified())

    def _retranslate_status(self) -> None:
        if self._status_months is None and self.document.plan is not None:
            mistakes = self.latest is not None and not self.latest.computed
            self.status_label.setText(_("Nothing is computed yet: correct the mistakes in the plan.") if mistakes else "")
        elif self._status_months is None:
            self.status_label.setText(_("Start a new plan (Ctrl+N) or open one (Ctrl+O)."))
        else:
            n = self._status_months
            self.status_label.setText(ngettext("{count} month computed.", "{count} months computed.", n).format(count=n))

    def _retranslate_risk(self) -> None:
        if self.overview is None or not self.overview.computed:
            self.risk_label.setText("")
            self.risk_label.hide()
            return
        self.risk_label.show()
        assert self.overview.result is not None
        answer = headline_sentence(headline(self.overview.result))
        if self.overview.work_gain is not None:
            answer = f"{work_gain_sentence(self.overview.work_gain)} {answer}"
        after = _("Computing the range for fewer and more shifts…") if self.bounds is None else risk_sentence(self.bounds)
        self.risk_label.setText(f"<b>{html.escape(answer)}</b> {html.escape(after)}")
        self.risk_label.setAccessibleDescription(f"{answer} {after}")

    def _update_actions(self) -> None:
        has_plan = self.document.plan is not None
        for action in (self.save_action, self.save_as_action, self.close_plan_action, self.forget_action, self.protect_action, self.household_action, self.jobs_action,
                       self.money_action, self.uncertainty_action, self.effect_action, self.compare_file_action, self.compare_extra_action):
            action.setEnabled(has_plan)
        if has_plan:
            extra = any(s.certainty == "extra" for s in self.document.plan.shifts)  # type: ignore[union-attr]
            self.compare_extra_action.setEnabled(extra)
        for action in (*self.tab_actions, self.results_action):
            action.setEnabled(has_plan)
        computed = self.overview is not None and self.overview.computed
        self.pdf_action.setEnabled(has_plan and computed)
        self.print_action.setEnabled(has_plan and computed)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # changeEvent here, then the same event for every child
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslated.emit()
        return handled

    # --- help and closing ---------------------------------------------------------------------

    def show_glossary(self) -> GlossaryDialog:
        """Help → Glossary: open the glossary (one window, kept while the app runs) and bring it to the front."""
        if self.glossary is None:
            self.glossary = GlossaryDialog(parent=self)
        self.glossary.show()
        self.glossary.raise_()
        self.glossary.activateWindow()
        self.glossary.search.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.glossary

    def show_guide(self) -> GuideDialog:
        """Help → User guide: the guide in the language of the app (one window, kept while the app runs)."""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        self.guide.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.guide

    def show_preferences(self) -> PreferencesDialog:
        """Edit → Preferences: language, the safety buffer of new plans, the consultation text size."""
        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._preferences_done(dialog))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _preferences_done(self, dialog: PreferencesDialog) -> None:
        if dialog.chosen_language() != get_language():
            self.set_language(dialog.chosen_language())
        if self._consultation:
            self.set_consultation_mode(True)

    def show_about(self) -> None:
        from ui.crash import environment_facts

        version = dict(environment_facts()).get("Bijverdienplanner", "")
        QMessageBox.about(
            self,
            _("About Bijverdienplanner"),
            _(
                "Bijverdienplanner {version}\n\n"
                "Plan part-time and flex work next to bijstand: month by month you see your bijstand, the part of your "
                "wage you may keep and the premie, with the rules behind every amount.\n\n"
                "The amounts are an estimate. Your municipality decides. The app works offline and keeps your plans on "
                "this computer."
            ).format(version=version),
        )

    # --- a copy of unsaved changes -------------------------------------------------------------

    def _schedule_copy(self, _plan: Plan) -> None:
        if self.document.is_modified():
            self._keep_copy.start()  # once edits pause; again after each one

    def _on_modified_for_copy(self, modified: bool) -> None:
        if modified:  # the first change (the plan changes before the undo stack says it is not clean)
            self._keep_copy.start()
        else:  # saved, or another plan opened: the copy is not needed
            self._keep_copy.stop()
            self.recovery.clear()

    def _write_copy(self) -> None:
        if self.document.plan is not None and self.document.is_modified():
            self.recovery.write(self.document.plan, self.document.path, self.document.password)

    def ask_restore(self, unsaved: Unsaved) -> QMessageBox.StandardButton:
        """Open the plan that was not saved when the app stopped? (Tests replace this.)"""
        box = self.restore_box(unsaved)
        box.exec()
        clicked = box.clickedButton()
        return QMessageBox.StandardButton.Open if clicked is not None and clicked.objectName() == "open" \
            else QMessageBox.StandardButton.Discard

    def restore_box(self, unsaved: Unsaved) -> QMessageBox:
        """The question of :meth:`ask_restore`, not shown yet."""
        box = QMessageBox(QMessageBox.Icon.Question, _("Changes that were not saved"), "", QMessageBox.StandardButton.NoButton, self)
        written = unsaved.written
        # TRANSLATORS: a day and a time, e.g. "30 november 2026, 14:05".
        when = _("{day}, {time}").format(day=format_day(written.date()), time=f"{written:%H:%M}") if written else ""
        if unsaved.original is not None:
            text = _("Bijverdienplanner stopped before the changes to “{name}” were saved. Open the plan with these "
                     "changes again?").format(name=unsaved.original.name)
        else:
            text = _("Bijverdienplanner stopped before a new plan was saved. Open it again?")
        box.setText(text)
        if when:
            box.setInformativeText(_("The last changes were kept on {time}.").format(time=when))
        box.addButton(_("&Open again"), QMessageBox.ButtonRole.AcceptRole).setObjectName("open")
        box.addButton(_("&Delete the changes"), QMessageBox.ButtonRole.DestructiveRole).setObjectName("delete")
        return box

    def offer_recovery(self) -> bool:
        """At start: a plan left unsaved by a crash is offered again; returns whether it was opened."""
        unsaved = self.recovery.left_behind()
        if unsaved is None:
            return False
        if self.ask_restore(unsaved) != QMessageBox.StandardButton.Open:
            self.recovery.clear()
            return False
        password = None
        while True:
            try:
                plan, original = self.recovery.restore(password)
                break
            except PlanFileError as exc:
                if exc.kind in ("encrypted", "wrong_password"):
                    password = self.ask_password(unsaved.original.name if unsaved.original else "",
                                                 wrong=exc.kind == "wrong_password")
                    if password:
                        continue
                    return False  # the copy stays: it can be opened at the next start
                show_error(self, exc)
                self.recovery.clear()
                return False
        self.document.load(plan, original, modified=True, password=password)  # modified: saving it is still to be done
        self.statusBar().showMessage(_("The plan with your unsaved changes is open again. Save it to keep it."), 10000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self._keep_copy.stop()
        self.recovery.clear()  # saved or discarded on purpose: nothing to offer next time
        self.recovery.release()
        self.settings.set_value(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        self._background.stop()  # no range or chart is asked for after this
        for dialog in list(self.dialogs):  # a comparison or a shift's effect: their ranges stop
            dialog.close()
        if self._chances_run is not None:
            self._chances_run.stop()  # it ends at its next slice
        workers = (self.worker, self.risk_worker, self.cliff_worker, self.task_worker, self.chances_worker)
        for worker in workers:
            worker.shutdown(0)
        for worker in workers:
            if not worker.wait(10000):
                log.warning("a background job did not end within 10 seconds")
        super().closeEvent(event)


COPY_DELAY_MS = 3000
"""How long edits must pause before the copy of unsaved changes is written (see ui.recovery)."""

BACKGROUND_DELAY_MS = 300

CHANCES_MOMENT_MS = 400
"""A chances run that takes longer than this shows "Working out the chances…" with a progress bar."""
"""How long edits must pause before the range over fewer / more shifts and the hours chart are computed."""


def password_warning() -> str:
    return _("Choose a password for this plan. Without it nobody can open the file, also not you: a forgotten "
             "password cannot be recovered, by anyone. Leave it empty to save the plan without a password.")


def privacy_statement() -> str:
    """The short privacy statement of Help → Privacy (the README has the same in English)."""
    return "\n\n".join([
        _("Bijverdienplanner works offline. It never sends anything over the internet."),
        _("What it keeps on this computer: your plans, only where you save them; while a plan has unsaved changes, "
          "a copy in the app's own folder, deleted when you save or close; your settings (language, text size) and "
          "the names of the plans opened here. Files the app writes can only be read by your own user account."),
        _("To delete it: File → Forget this household on this computer removes the name and the copy of one plan; "
          "File → Open recent → Clear this list removes all names. Delete a plan or a summary like any other file."),
        _("A summary (PDF or web page) holds the household's amounts; give it only to whom it is for."),
    ])


def headline_sentence(h: Headline) -> str:
    """The answer for the plan as planned, in B1 words: what is taken back later and from when, what to set aside."""
    parts = []
    if h.taken_back > 0 and h.first_taken is not None:
        parts.append(_("{label}: {amount}, the first time on {date}.").format(
            label=_(FIGURES["taken_back_total"].label), amount=format_money(h.taken_back), date=format_day(h.first_taken)))
    else:
        parts.append(_("If your hours go as planned, nothing is taken back later."))
    if h.set_aside > 0:
        parts.append(_("{label}: {amount}. Each card says how much, and when.").format(
            label=_(FIGURES["set_aside_total"].label), amount=format_money(h.set_aside)))
    else:
        parts.append(_("You do not need to set money aside."))
    return " ".join(parts)


def risk_sentence(b: Bounds) -> str:
    """After the answer: the range of what is taken back and what to set aside, over fewer / planned / more shifts."""
    r, s = b.repayment, b.set_aside
    if r.high <= 0 and s.high <= 0:
        return _("With fewer or more shifts, nothing is taken back later either.")
    return _("With fewer or more shifts: {low} to {high} taken back, {aside_low} to {aside_high} to set aside.").format(
        low=format_money(r.low), high=format_money(r.high), aside_low=format_money(s.low), aside_high=format_money(s.high))


class ProblemStrip(QFrame):
    """Mistakes in the plan that stop the computation, shown above the results (never a dialog while editing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemStrip")
        self.setStyleSheet(
            "#problemStrip { background-color: #fde8e4; border: 1px solid #d55e00; border-left: 6px solid #d55e00;"
            " border-radius: 4px; } #problemStrip QLabel { color: #2b2b2b; background: transparent; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self._overview: Overview | None = None
        self._current = True
        self._results_shown = True

    def set_overview(self, overview: Overview, *, current: bool, results_shown: bool = True) -> None:
        self._overview, self._current, self._results_shown = overview, current, results_shown
        self.retranslate_ui()

    def clear(self) -> None:
        self._overview = None
        self.retranslate_ui()

    def messages(self) -> list[str]:
        overview = self._overview
        if overview is None:
            return []
        lang = get_language()
        out = [render(i.explanation, lang) for i in overview.errors]
        if overview.not_eligible is not None:
            out.append(render(overview.not_eligible, lang))
        return out

    def retranslate_ui(self) -> None:
        messages = self.messages()
        self.setVisible(bool(messages))
        if not messages:
            return
        n = len(messages)
        if self._results_shown:
            title = ngettext(
                "Your plan has a mistake, so it cannot be computed. The results shown are from before this change.",
                "Your plan has {count} mistakes, so it cannot be computed. The results shown are from before this change.",
                n,
            ).format(count=n)
        else:
            title = ngettext(
                "Your plan has a mistake, so it cannot be computed. Correct it to see the results.",
                "Your plan has {count} mistakes, so it cannot be computed. Correct them to see the results.",
                n,
            ).format(count=n)
        items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
        self.label.setText(f"<b>{html.escape(title)}</b><ul style='margin-left: -20px'>{items}</ul>")
        self.setAccessibleName(_("Mistakes in the plan"))
        self.label.setAccessibleName(_("Mistakes in the plan"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def scale_fonts(root: QWidget, factor: float, skip: tuple[QWidget, ...] = ()) -> None:
    """Every widget under ``root`` gets ``factor`` times its own normal text size.

    The normal sizes are read once, the first time, before anything is changed
    (a child inherits its parent's font, so reading them while scaling would
    scale twice). Widgets in ``skip``, and everything inside them, keep their
    own size: they scale their own content, and their font is pinned so it does
    not follow the scaled parent.
    """
    widgets = [w for w in [root, *root.findChildren(QWidget)]
               if not any(w is s or s.isAncestorOf(w) for s in skip)]
    for widget in [*widgets, *skip]:
        if widget.property("bvp_base_point_size") is None and widget.font().pointSizeF() > 0:
            widget.setProperty("bvp_base_point_size", widget.font().pointSizeF())
    for widget in skip:
        font = widget.font()
        font.setPointSizeF(float(widget.property("bvp_base_point_size")))
        widget.setFont(font)
    for widget in widgets:
        base = widget.property("bvp_base_point_size")
        if base is None:
            continue
        font = widget.font()
        font.setPointSizeF(float(base) * factor)
        widget.setFont(font)
