"""The "Chances" tab: what may happen over many possible futures of the plan, in words, charts and tables.

A view of :class:`planner.risk.RiskSummary` (the window's background run, ``ui.jobs.chances``); it computes
nothing. From top to bottom: the natural-frequency sentences of the summary ("In 3 of 10 futures you get a
letter in March, usually between €40 and €120"), the balance over the days as a fan chart (the middle future
and the band 8 in 10 futures fall in, the safety buffer dashed), the letters per month (how likely, how big),
each chart beside a table of the same numbers for screen readers (:class:`ui.charts.ChartWithTable`), and the
assumptions the chances rest on (the plan's "Uncertainty", Edit → Uncertainty…).

While the run is busy for longer than a moment, "Working out the chances…" shows with a progress bar.
matplotlib and numpy are loaded when the charts are first shown, so the window starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from planner.explain import Explanation, render
from planner.i18n import _, format_day, format_money, get_language
from planner.results import chance_words
from planner.results import label as figure_label
from ui.fonts import use_content_font
from ui.look import FONT_SIZE

if TYPE_CHECKING:
    from planner.risk import RiskSummary
    from ui.charts import ChartWithTable


def chances_sentence(summary: RiskSummary) -> str:
    """The one line above the cards: the chance of a letter over the whole plan, its usual size, and what to keep
    aside against setbacks (the risk's set-aside, not the plan's "Set aside in all")."""
    letter = _(figure_label("letter_chance"))
    if summary.letter_total is None:
        first = _("{label}: {chance}.").format(label=letter, chance=chance_words(summary.letter_chance))
    else:
        first = _("{label}: {chance}, together usually between {low} and {high}.").format(
            label=letter, chance=chance_words(summary.letter_chance),
            low=format_money(summary.letter_total.low), high=format_money(summary.letter_total.high))
    aside = summary.set_aside
    keep = _(figure_label("risk_set_aside"))
    if aside.amount <= 0:
        second = _("{label}: nothing extra.").format(label=keep)
    elif aside.from_date is None:
        second = _("{label}: {amount}, from now on.").format(label=keep, amount=format_money(aside.amount))
    else:
        second = _("{label}: {amount}, from the money you get on {day}.").format(
            label=keep, amount=format_money(aside.amount), day=format_day(aside.from_date))
    return f"{first} {second}"


CHART_HEIGHT = 440
"""Pixels for a chart and its tab bar at the usual text size; a page scrolls, so a chart is never squeezed."""


class ChancesView(QWidget):
    """The chances of one plan; empty until the first run is done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: RiskSummary | None = None
        self.problem: Explanation | None = None
        self.running = False
        self.progress_shown = False
        self.fan: ChartWithTable | None = None
        self.letters: ChartWithTable | None = None
        self._dirty = False
        self.font_size = FONT_SIZE
        """The charts' text size (larger in consultation mode)."""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        self.heading = QLabel(self)
        self.heading.setObjectName("chances_heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("chances_progress")
        self.progress.setMaximumWidth(360)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.sentences = QLabel(self)
        self.sentences.setObjectName("chances_sentences")
        self.sentences.setWordWrap(True)
        self.sentences.setTextFormat(Qt.TextFormat.PlainText)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                               | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentences.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.sentences)
        self.charts = QWidget(self)
        self.charts_layout = QVBoxLayout(self.charts)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_layout.setSpacing(14)
        layout.addWidget(self.charts)
        self.assumptions = QLabel(self)
        self.assumptions.setObjectName("chances_assumptions")
        self.assumptions.setWordWrap(True)
        self.assumptions.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.assumptions)
        layout.addStretch(1)
        for label in (self.message, self.sentences, self.assumptions):
            use_content_font(label)
        self.retranslate_ui()

    # --- what the window tells it ------------------------------------------------------------

    def set_running(self, running: bool) -> None:
        """A run for the plan shown has started (True) or ended; the older answer stays until the new one."""
        self.running = running
        if not running:
            self.progress.hide()
            self.progress_shown = False
        self._retranslate_message()

    def set_progress(self, done: int, total: int, *, visible: bool) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(visible and self.running)
        self.progress_shown = visible and self.running
        self._retranslate_message()

    def set_font_size(self, size: float) -> None:
        if size != self.font_size:
            self.font_size = size
            self._dirty = True
            if self.isVisible():
                self._draw_charts()

    def set_summary(self, summary: RiskSummary | None, problem: Explanation | None = None) -> None:
        self.summary = summary
        self.problem = problem
        self._dirty = True
        self.retranslate_ui()

    # --- drawing ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self._draw_charts()

    def _draw_charts(self) -> None:
        self._dirty = False
        summary = self.summary
        if summary is None or summary.balance is None:
            for chart in (self.fan, self.letters):
                if chart is not None:
                    chart.hide()
            return
        from ui.charts import BalanceFanChart, ChartWithTable, LetterSizesChart

        scale = self.font_size / FONT_SIZE  # larger text (consultation mode) needs a taller chart
        if self.fan is None:
            self.fan = ChartWithTable(BalanceFanChart(summary.balance, font_size=self.font_size), self.charts)
            self.fan.setObjectName("chances_fan")
            self.charts_layout.addWidget(self.fan)
            self.letters = ChartWithTable(LetterSizesChart(summary.months, font_size=self.font_size), self.charts)
            self.letters.setObjectName("chances_letters")
            self.charts_layout.addWidget(self.letters)
        else:
            assert self.letters is not None
            self.fan.setMinimumHeight(round(CHART_HEIGHT * scale))  # first the room, then the larger text
            self.letters.setMinimumHeight(round(CHART_HEIGHT * scale))
            self.fan.set_series(summary.balance, font_size=self.font_size)
            self.letters.set_series(summary.months, font_size=self.font_size)
        self.fan.setMinimumHeight(round(CHART_HEIGHT * scale))
        self.letters.setMinimumHeight(round(CHART_HEIGHT * scale))
        self.fan.show()
        self.letters.show()

    # --- language -----------------------------------------------------------------------------

    def _retranslate_message(self) -> None:
        if self.running and self.progress_shown:
            self.message.setText(_("Working out the chances…"))
        elif self.problem is not None:
            self.message.setText(_("The chances of this plan cannot be worked out: {reason}").format(
                reason=render(self.problem, get_language())))
        elif self.summary is None:
            self.message.setText(_("The chances are worked out after your plan's own results are shown."))
        elif self.summary.engine == "exact" and self.summary.fallback_explanation is not None:
            self.message.setText(_("Worked out one future at a time (slower) because of: {reason}").format(
                reason=render(self.summary.fallback_explanation, get_language())))
        else:
            self.message.setText("")
        self.message.setVisible(bool(self.message.text()))
        self.progress.setAccessibleName(_("Working out the chances…"))

    def retranslate_ui(self) -> None:
        lang = get_language()
        self.heading.setText(_("Chances over many possible futures"))
        self._retranslate_message()
        summary = self.summary
        if summary is None:
            self.sentences.setText("")
            self.assumptions.setText("")
        else:
            self.sentences.setText("\n\n".join(render(t, lang) for t in summary.texts))
            lines = [_("What these chances assume (change it with Edit → Uncertainty…):")]
            lines += ["• " + render(a.explanation, lang) for a in summary.assumptions]
            self.assumptions.setText("\n".join(lines))
        self.sentences.setVisible(summary is not None)
        self.assumptions.setVisible(summary is not None)
        self.charts.setVisible(summary is not None and summary.balance is not None)
        self.sentences.setAccessibleName(_("The chances in words"))
        self.assumptions.setAccessibleName(_("What the chances assume"))
        if self.isVisible() and self._dirty:
            self._draw_charts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
