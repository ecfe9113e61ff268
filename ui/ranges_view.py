""""With uncertain shifts": the part under a comparison and under "what does this shift add?".

A view of :class:`planner.risk_compare.RiskComparison` or :class:`planner.risk_compare.RiskShiftEffect`: both
sides over the same sampled futures, worked out on the part's own background worker after the deterministic
answer above it is on screen (``ui.jobs.compare_ranges`` / ``ui.jobs.effect_ranges``, the samples and seed of
``bijverdienplanner compare --risk``). It computes nothing itself:

- the natural-frequency sentences of the domain ("In 3 of 10 futures …"), then
- a small table with the same numbers for screen readers: what you keep (or have left at the end) on each side,
  in the middle future and in 8 of 10 futures, the difference, and the chance and size of a letter on each side.

While the run takes longer than a moment, "Working out the ranges…" shows with a busy bar. Closing the window
stops the run (:meth:`RangesPart.stop`); so does a change to the plan (the window calls
:meth:`RangesPart.plan_changed`). The labels of the rows are figures of :mod:`planner.results`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from planner.explain import Explanation, render
from planner.i18n import _, format_money, format_signed_money, get_language, ngettext
from planner.model import Plan
from planner.results import FIGURES, chance_words
from planner.results import label as figure_label
from ui.compare_view import MONEY_CHANGE, change_item, change_sentence, read_only_table, signed_money
from ui.fonts import use_content_font
from ui.jobs import ChancesRun, Ranges
from ui.worker import Worker

if TYPE_CHECKING:
    from planner.risk import Spread
    from planner.risk_compare import RiskComparison, RiskShiftEffect, Side

log = logging.getLogger("ui.ranges")

RANGES_MOMENT_MS = 400
"""A run that takes longer than this shows "Working out the ranges…" with a busy bar (as the Chances tab)."""

ROWS_COMPARE = ("range_kept_median", "range_kept_range", "range_letter_chance", "range_letters_median",
                "range_letters_range")
"""The table's rows under a comparison: figures of :data:`planner.results.FIGURES`."""
ROWS_EFFECT = ("range_end_median", "range_end_range", "range_letter_chance", "range_letters_median",
               "range_letters_range")
"""The table's rows under "what does this shift add?" (what you have at the end, not what you keep)."""


def _signed(amount: Decimal) -> str:
    return format_signed_money(amount, plus=True)


def range_text(spread: Spread, signed: bool = False) -> str:
    """"€ 40,00 – € 120,00" (8 in 10 futures between), or one amount when both ends are the same. A difference
    has its sign ("−€ 5,00 – +€ 30,00"); its middle amount, in the row above, has the arrow and the colour."""
    if spread.low == spread.high:
        return signed_money(spread.low) if signed else format_money(spread.low)
    show = _signed if signed else format_money
    # TRANSLATORS: a range of two amounts in a narrow table cell: 8 in 10 futures fall between them.
    return _("{low} – {high}").format(low=show(spread.low), high=show(spread.high))


def spoken_range(spread: Spread, signed: bool = False) -> str:
    if not signed:
        if spread.low == spread.high:
            return format_money(spread.low)
        return _("between {low} and {high}").format(low=format_money(spread.low), high=format_money(spread.high))
    if spread.low == spread.high:
        return change_sentence(spread.low, MONEY_CHANGE)
    return _("between {low} and {high}").format(low=change_sentence(spread.low, MONEY_CHANGE),
                                                high=change_sentence(spread.high, MONEY_CHANGE))


class RangesPart(QWidget):
    """"With uncertain shifts": sentences and a small table, filled in by a background run."""

    shown = Signal()
    """The ranges (or why there are none) are on screen."""

    def __init__(self, parent: QWidget | None = None, kind: str = "compare", names: tuple[str, str] = ("", ""),
                 count: int = 1) -> None:
        super().__init__(parent)
        self.setObjectName("rangesPart")
        self.result: RiskComparison | RiskShiftEffect | None = None
        self.problem: Explanation | None = None
        self.plan: Plan | None = None
        """The plan on screen when the question was asked: a change to it stops the run."""
        self.names = names
        """For a comparison: the names of plans A and B (the columns)."""
        self.count = count
        """For a shift's effect: how many shifts were chosen (this shift / these shifts)."""
        self.kind = kind
        """``compare`` (plan A against plan B) or ``effect`` (with and without the chosen shifts)."""
        self.state = "idle"
        """``idle``, ``running``, ``done``, ``problem``, ``failed`` or ``stopped`` (the plan changed)."""
        self._run: ChancesRun | None = None
        self.progress_shown = False

        self.worker = Worker(self)
        """The part's own background worker: the deterministic answer above never waits for it."""
        self.worker.finished.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(RANGES_MOMENT_MS)
        self._slow.timeout.connect(self._show_progress)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("rangesHeading")
        use_content_font(self.heading)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        use_content_font(self.status)
        self.status.hide()
        layout.addWidget(self.status)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: the run has no steps worth counting
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(240)
        self.bar.hide()
        layout.addWidget(self.bar)

        self.sentences = QLabel(self)
        self.sentences.setObjectName("rangesSentences")
        self.sentences.setWordWrap(True)
        self.sentences.setTextFormat(Qt.TextFormat.PlainText)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.sentences.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        use_content_font(self.sentences)
        self.sentences.hide()
        layout.addWidget(self.sentences)

        self.table = QTableWidget(self)
        self.table.setObjectName("rangesTable")
        read_only_table(self.table)
        self.table.hide()
        layout.addWidget(self.table)
        self.retranslate_ui()

    # --- the run ----------------------------------------------------------------------------------

    def start(self, plan: Plan | None, job: Callable[..., Ranges], *args: Any) -> None:
        """Run ``job(*args, run)`` on the part's worker (``ui.jobs.compare_ranges`` or ``effect_ranges``)."""
        self.stop()
        self.plan = plan
        self.result = None
        self.problem = None
        self.state = "running"
        self._run = ChancesRun()
        self.worker.submit(job, *args, self._run)
        self._slow.start()
        self.retranslate_ui()

    def set_names(self, name_a: str, name_b: str) -> None:
        """The names of the plans compared (shown as the names of the columns)."""
        self.names = (name_a, name_b)
        self.retranslate_ui()

    def is_running(self) -> bool:
        return self._run is not None

    def stop(self) -> None:
        """Stop the run (it ends at its next step, unseen)."""
        if self._run is not None:
            self._run.stop()
            self._run = None
        self.worker.cancel()
        self._slow.stop()
        self.progress_shown = False

    def shutdown(self) -> None:
        """The window closes: stop the run and wait for it to end before the worker goes (see Worker.shutdown)."""
        self.stop()
        if not self.worker.shutdown(10000):
            log.warning("the ranges did not stop within 10 seconds")

    def plan_changed(self, plan: Plan | None) -> None:
        """The plan on screen changed: a run for the plan before it stops, and says so."""
        if self._run is not None and plan != self.plan:
            self.stop()
            self.state = "stopped"
            self.retranslate_ui()

    def _show_progress(self) -> None:
        if self._run is None:
            return
        self.progress_shown = True
        self.retranslate_ui()

    def _on_done(self, _generation: int, payload: Ranges) -> None:
        self._run = None
        self._slow.stop()
        self.progress_shown = False
        self.result = payload.result
        self.problem = payload.problem
        self.state = "done" if payload.result is not None else "problem"
        self.retranslate_ui()
        self.shown.emit()

    def _on_failed(self, _generation: int, exc: BaseException) -> None:
        from planner.risk import RiskCancelled

        self._run = None
        self._slow.stop()
        self.progress_shown = False
        if isinstance(exc, RiskCancelled):
            return
        log.error("the ranges failed: %s", type(exc).__name__, exc_info=exc)
        self.state = "failed"
        self.retranslate_ui()
        self.shown.emit()

    # --- rendering --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Render the held ranges again in the current language; nothing is computed."""
        self.heading.setText(_("With uncertain shifts"))
        self.heading.setAccessibleName(_("With uncertain shifts"))
        self.bar.setAccessibleName(_("Working out the ranges…"))
        status = ""
        if self.state == "running":
            status = _("Working out the ranges…") if self.progress_shown else ""
        elif self.state == "stopped":
            status = _("The plan has changed. Ask again to see the ranges of the changed plan.")
        elif self.state == "failed":
            status = _("The ranges could not be worked out. The answer above is not affected.")
        elif self.state == "problem" and self.problem is not None:
            status = _("The ranges cannot be worked out for this plan: {reason}").format(
                reason=render(self.problem, get_language()))
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.bar.setVisible(self.state == "running" and self.progress_shown)
        self._name_parts()
        result = self.result if self.state == "done" else None
        self.sentences.setVisible(result is not None)
        self.table.setVisible(result is not None)
        if result is None:
            return
        lang = get_language()
        text = "\n".join(render(t, lang) for t in result.texts)
        self.sentences.setText(text)
        self.sentences.setAccessibleDescription(text)
        self._fill_table(result)

    def _name_parts(self) -> None:
        """The names a screen reader says, also before the ranges are there (the table is hidden until then)."""
        self.sentences.setAccessibleName(_("The ranges in words"))
        table = self.table
        name = (_("The ranges of “{name_a}” and “{name_b}”").format(name_a=self.names[0], name_b=self.names[1])
                if self.kind == "compare" else
                ngettext("The ranges with and without the shift", "The ranges with and without the shifts",
                         self.count))
        table.setAccessibleName(name)
        table.setAccessibleDescription(_("One row for each figure, over the same possible futures. Use the arrow "
                                         "keys to move from cell to cell."))
        table.horizontalHeader().setAccessibleName(_("Columns"))

    def columns(self) -> tuple[str, str, str, str]:
        """The table's headers: the figure, the two sides, and the difference."""
        if self.kind == "compare":
            name_a, name_b = self.names
            return (_("Over the same futures"), name_a, name_b, _("Difference"))
        return (_("Over the same futures"),
                ngettext("With this shift", "With these shifts", self.count),
                ngettext("Without this shift", "Without these shifts", self.count),
                ngettext("What the shift adds", "What the shifts add", self.count))

    def _fill_table(self, result: RiskComparison | RiskShiftEffect) -> None:
        from planner.risk_compare import RiskComparison

        if isinstance(result, RiskComparison):
            rows, sides, difference = ROWS_COMPARE, (result.a, result.b), result.kept_difference
        else:
            rows, sides, difference = ROWS_EFFECT, (result.with_shifts, result.without), result.net
        headers = self.columns()
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        for c, text in enumerate(headers):
            header = QTableWidgetItem(text)
            if c == 0:
                header.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            table.setHorizontalHeaderItem(c, header)
        palette = table.palette()
        for r, key in enumerate(rows):
            label = _(figure_label(key))
            first = QTableWidgetItem(label)
            first.setData(Qt.ItemDataRole.UserRole, key)
            definition = _(FIGURES[key].definition)
            first.setToolTip(definition)
            first.setData(Qt.ItemDataRole.AccessibleDescriptionRole, definition)
            table.setItem(r, 0, first)
            for c, side in enumerate(sides, start=1):
                text, spoken, value = self._side_cell(key, side)
                table.setItem(r, c, self._item(text, spoken, value, label, headers[c]))
            table.setItem(r, 3, self._difference_cell(key, difference, palette, label, headers[3]))
        table.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        """Every row shows without scrolling down; room for the scroll bar when the columns are wider than the
        window (a small screen)."""
        table = self.table
        header = table.horizontalHeader()
        height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
        if header.length() > self.width() - 2 * table.frameWidth():
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height + 2 * table.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.table.rowCount():
            self._fit_height()

    def _side_cell(self, key: str, side: Side) -> tuple[str, str, str]:
        """(text, spoken value, exact value) of one side's cell."""
        if key in ("range_kept_median", "range_end_median"):
            return format_money(side.kept.median), format_money(side.kept.median), str(side.kept.median)
        if key in ("range_kept_range", "range_end_range"):
            return range_text(side.kept), spoken_range(side.kept), f"{side.kept.low}..{side.kept.high}"
        if key == "range_letter_chance":
            words = chance_words(side.letter_chance)
            return words, words, str(side.letter_chance)
        total = side.letter_total
        if total is None:
            return "–", _("No letter in any future"), ""
        if key == "range_letters_median":
            return format_money(total.median), format_money(total.median), str(total.median)
        return range_text(total), spoken_range(total), f"{total.low}..{total.high}"

    def _difference_cell(self, key: str, difference: Spread, palette: Any, label: str,
                         header: str) -> QTableWidgetItem:
        if key in ("range_kept_median", "range_end_median"):
            item = change_item(difference.median, palette)
            spoken = _("{figure}, {side}: {value}.").format(
                figure=label, side=header, value=change_sentence(difference.median, MONEY_CHANGE))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(spoken)
            return item
        if key in ("range_kept_range", "range_end_range"):
            return self._item(range_text(difference, signed=True), spoken_range(difference, signed=True),
                              f"{difference.low}..{difference.high}", label, header)
        return self._item("", _("Not compared"), "", label, header)

    def _item(self, text: str, spoken: str, value: str, label: str, header: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        said = _("{figure}, {side}: {value}.").format(figure=label, side=header, value=spoken)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, said)
        item.setToolTip(said)
        return item

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["RANGES_MOMENT_MS", "ROWS_COMPARE", "ROWS_EFFECT", "RangesPart", "range_text", "spoken_range"]
