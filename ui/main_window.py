"""The main window: open a plan, see its months, and why every amount is what it is.

Layout, top to bottom: the notes banner (what is uncertain about the amounts),
the month table, and the explanation panel for the selected amount. Before a
plan is open, a short text says how to open one.

Opening a plan reads and computes it on the worker (``ui.worker``); the status
bar shows that it is busy. The window shows the planner's frozen results and
re-renders them on a language switch without computing again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import LANGUAGES, _, get_language, ngettext
from planner.storage import EXTENSION
from ui.banner import NoteBanner
from ui.errors import show_error
from ui.explain_panel import ExplainPanel
from ui.fonts import CONTENT_POINT_SIZE, use_content_font
from ui.glossary_dialog import GlossaryDialog
from ui.jobs import OpenedPlan, open_and_project
from ui.language import AUTONYMS, apply_language
from ui.month_model import MonthTableModel
from ui.settings import LANGUAGE, WINDOW_GEOMETRY, Settings
from ui.worker import Worker

log = logging.getLogger("ui.main")


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
        self.open_button = QPushButton(column)
        self.open_button.setMinimumWidth(200)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row.addWidget(column, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("No plan is open yet"))
        self.text.setText(
            _(
                "Open a plan file ({extension}) to see, month by month, your bijstand, the part of your wage you "
                "may keep and the premie, with an explanation of every amount."
            ).format(extension=EXTENSION)
        )
        self.open_button.setText(_("&Open a plan…"))
        self.open_button.setAccessibleName(_("Open a plan"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """The app's window. ``settings`` and ``worker`` are passed in (tests use temporary ones)."""

    plan_shown = Signal()
    """A plan was computed and is on screen."""
    retranslated = Signal()
    """Every widget of the window has re-rendered itself in the new language."""

    def __init__(self, settings: Settings, worker: Worker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = worker if worker is not None else Worker(self)
        self.worker.finished.connect(self._on_opened)
        self.worker.failed.connect(self._on_failed)
        self.worker.busy_changed.connect(self._on_busy)
        self.opened: OpenedPlan | None = None
        self.glossary: GlossaryDialog | None = None
        self._status_months: int | None = None

        self.model = MonthTableModel(parent=self)
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status_bar()
        self.resize(1200, 800)
        geometry = settings.value(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.retranslate_ui()

    # --- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self.open_dialog)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(f"&{AUTONYMS[lang]}", self)  # a language's own name is never translated
            action.setCheckable(True)
            action.setData(lang)
            action.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.glossary_action = QAction(self)
        self.glossary_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.glossary_action.triggered.connect(self.show_glossary)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.language_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.glossary_action)
        self.help_menu.addAction(self.about_action)
        self._fill_recent_menu()

    def _build_central(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(self.stack)
        self.empty.open_button.clicked.connect(self.open_dialog)
        self.stack.addWidget(self.empty)

        page = QWidget(self.stack)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        self.banner = NoteBanner(page)
        use_content_font(self.banner)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
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
        self.panel = ExplainPanel(self.splitter)
        use_content_font(self.panel)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
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

    # --- opening a plan -----------------------------------------------------------------------

    def open_dialog(self) -> None:
        """File → Open…: ask for a file, then :meth:`open_path`."""
        recent = self.settings.recent_files()
        start = str(Path(recent[0]).parent) if recent else ""
        pattern = f"*{EXTENSION}"
        filters = ";;".join(
            [_("Plan files ({pattern})").format(pattern=pattern), _("All files ({pattern})").format(pattern="*")]
        )
        path, _filter = QFileDialog.getOpenFileName(self, _("Open a plan"), start, filters)
        if path:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> int:
        """Read and compute the plan at ``path`` in the background; returns the job number.

        The file is only read. When the job is done, :attr:`plan_shown` is
        emitted, or the error is shown with :func:`ui.errors.show_error`.
        """
        log.info("opening a plan")
        return self.worker.submit(open_and_project, str(path))

    def _on_opened(self, _generation: int, opened: OpenedPlan) -> None:
        self.opened = opened
        self.settings.add_recent_file(opened.path)
        self._fill_recent_menu()
        self.show_projection(opened)
        self.plan_shown.emit()

    def _on_failed(self, _generation: int, exc: BaseException) -> None:
        show_error(self, exc)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        self.open_action.setEnabled(not busy)
        self.empty.open_button.setEnabled(not busy)

    def show_projection(self, opened: OpenedPlan) -> None:
        """Show a computed plan (a view of the planner's result; nothing is computed here)."""
        self.model.set_projection(opened.projection)
        self.banner.set_projection(opened.projection, opened.warnings)
        self.stack.setCurrentWidget(self.plan_page)
        self._status_months = len(opened.projection.months)
        self._retranslate_status()
        self._retranslate_title()
        if self.model.rowCount():
            first = self.model.index(0, 0)
            self.table.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self.panel.clear_cell()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self.fit_table)

    def fit_table(self) -> None:
        """Give the table the height of its rows (if that leaves room) and the rest to the explanation."""
        total = sum(self.splitter.sizes())
        if total <= 0 or self.model.rowCount() == 0:
            return
        rows = self.table.verticalHeader().length()
        needed = rows + self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + 2
        if self.table.horizontalScrollBar().isVisible():
            needed += self.table.horizontalScrollBar().height()
        needed = min(needed, int(total * 0.65))
        self.splitter.setSizes([needed, total - needed])

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

    # --- recent files -------------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for i, path in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, path=path: self.open_path(path))
        if not files:
            empty = self.recent_menu.addAction(_("No plans opened yet"))
            empty.setEnabled(False)
        self.recent_menu.setEnabled(True)

    # --- language -----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole app to ``lang`` now, and remember it."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self.settings.set_value(LANGUAGE, lang)  # type: ignore[arg-type]
        apply_language(lang)  # type: ignore[arg-type]

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.open_action.setText(_("&Open…"))
        self.open_action.setToolTip(_("Open a plan file"))
        self.recent_menu.setTitle(_("Open &recent"))
        self.quit_action.setText(_("&Quit"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.glossary_action.setText(_("&Glossary"))
        self.glossary_action.setToolTip(_("The words in letters from the municipality, explained"))
        self.about_action.setText(_("&About Bijverdienplanner"))
        self.menuBar().setAccessibleName(_("Menu bar"))
        for lang, action in self.language_actions.items():
            action.setChecked(lang == get_language())
        self.table.setAccessibleName(_("Your months"))
        self.table.setAccessibleDescription(
            _("One row per month, one column per amount. Use the arrow keys to move; the explanation below follows.")
        )
        # Qt's own buttons inside the menu bar (">>" when the window is narrow) and the table corner.
        extension = self.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
        if extension is not None:
            extension.setAccessibleName(_("More menus"))
        corner = self.table.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName(_("Select all amounts"))
        self.table.horizontalHeader().setAccessibleName(_("Amounts"))
        self.table.verticalHeader().setAccessibleName(_("Months"))
        self.splitter.setAccessibleName(_("Table and explanation"))
        self.busy_label.setText(_("Computing your plan…"))
        self.busy_bar.setAccessibleName(_("Busy computing"))
        self.status_label.setAccessibleName(_("Status"))
        self.model.retranslate()
        self._fit_timer.start()
        self._fill_recent_menu()
        self._retranslate_status()
        self._retranslate_title()

    def _retranslate_title(self) -> None:
        if self.opened is None:
            self.setWindowTitle("Bijverdienplanner")
            return
        name = self.opened.plan.name or self.opened.path.name
        self.setWindowTitle(_("{plan} – Bijverdienplanner").format(plan=name))

    def _retranslate_status(self) -> None:
        if self._status_months is None:
            self.status_label.setText(_("Open a plan with File, Open (Ctrl+O)."))
        else:
            n = self._status_months
            self.status_label.setText(ngettext("{count} month computed.", "{count} months computed.", n).format(count=n))

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set_value(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        self.worker.cancel()
        self.worker.wait(5000)
        super().closeEvent(event)
