"""The charts tab: money per month, the balance day by day, and where extra hours stop paying.

Each chart sits on its own tab with a table of the same numbers
(:class:`ui.charts.ChartWithTable`). The page only draws series the planner
made (:mod:`planner.series`); it computes nothing. Drawing is work, so new
numbers are drawn when the page is visible: an edit while another tab is on
screen only keeps the numbers, and they are drawn when the page is shown.
matplotlib itself is loaded then too, so the window starts without it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from planner.i18n import _, format_month
from planner.series import DailyBalance, HoursCliff, MonthSources

if TYPE_CHECKING:
    from ui.charts import ChartWithTable
from ui.look import FONT_SIZE

log = logging.getLogger("ui.charts_page")

YM = tuple[int, int]


class ChartsPage(QWidget):
    """Three charts on tabs; the hours chart has a month to choose."""

    cliff_month_changed = Signal(object)
    """The user chose another month for the hours chart: ``(year, month)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.font_size = FONT_SIZE
        self._sources: tuple[MonthSources, ...] | None = None
        self._daily: DailyBalance | None = None
        self._cliff: HoursCliff | None = None
        self._cliff_known = False
        self._dirty = False
        self.monthly: ChartWithTable | None = None
        self.daily: ChartWithTable | None = None
        self.cliff: ChartWithTable | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self._pages: dict[str, QStackedWidget] = {}
        self._waiting: dict[str, QLabel] = {}
        for key in ("monthly", "daily", "cliff"):
            stack = QStackedWidget(self.tabs)
            label = QLabel(stack)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            stack.addWidget(label)
            self._pages[key] = stack
            self._waiting[key] = label
            if key == "cliff":
                holder = QWidget(self.tabs)
                box = QVBoxLayout(holder)
                box.setContentsMargins(0, 6, 0, 0)
                row = QHBoxLayout()
                self.month_label = QLabel(holder)
                self.month_box = QComboBox(holder)
                self.month_label.setBuddy(self.month_box)
                self.month_box.currentIndexChanged.connect(self._on_month_chosen)
                row.addWidget(self.month_label)
                row.addWidget(self.month_box)
                row.addStretch(1)
                box.addLayout(row)
                box.addWidget(stack, 1)
                self.tabs.addTab(holder, "")
            else:
                self.tabs.addTab(stack, "")
        self._months: list[YM] = []
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def set_months(self, months: Sequence[YM], current: YM) -> None:
        """The months the hours chart can show, and the one it shows."""
        months = list(months)
        self.month_box.blockSignals(True)
        self._months = months
        self.month_box.clear()
        for ym in months:
            self.month_box.addItem(format_month(*ym), ym)
        if current in months:
            self.month_box.setCurrentIndex(months.index(current))
        self.month_box.blockSignals(False)

    def current_month(self) -> YM | None:
        data = self.month_box.currentData()
        return tuple(data) if data is not None else None  # type: ignore[return-value]

    def set_series(self, sources: tuple[MonthSources, ...], daily: DailyBalance | None) -> None:
        self._sources, self._daily = sources, daily
        self._mark_dirty()

    def set_cliff(self, cliff: HoursCliff | None) -> None:
        self._cliff, self._cliff_known = cliff, True
        self._mark_dirty()

    def set_font_size(self, size: float) -> None:
        if size != self.font_size:
            self.font_size = size
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.draw_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.draw_now()

    def draw_now(self) -> None:
        """Draw what is waiting (tests and screenshots call this directly)."""
        self._dirty = False
        # matplotlib is loaded here, the first time a chart is drawn, not when the window starts.
        from ui.charts import DailyBalanceChart, HoursCliffChart, MonthlySourcesChart

        if self._sources:
            self.monthly = self._put("monthly", self.monthly, MonthlySourcesChart, self._sources)
        if self._daily is not None:
            self.daily = self._put("daily", self.daily, DailyBalanceChart, self._daily)
        if self._cliff is not None:
            self.cliff = self._put("cliff", self.cliff, HoursCliffChart, self._cliff)
        elif self.cliff is not None and self._cliff_known:
            self._pages["cliff"].setCurrentWidget(self._waiting["cliff"])
        self._retranslate_waiting()

    def _put(self, key: str, current: ChartWithTable | None, cls: type, series: object) -> ChartWithTable:
        from ui.charts import ChartWithTable

        stack = self._pages[key]
        if current is None:
            current = ChartWithTable(cls(series, font_size=self.font_size), stack)
            stack.addWidget(current)
        else:
            current.set_series(series, font_size=self.font_size)
        stack.setCurrentWidget(current)
        return current

    def _on_month_chosen(self, index: int) -> None:
        if 0 <= index < len(self._months):
            self.cliff_month_changed.emit(self._months[index])

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, _("Money per &month"))
        self.tabs.setTabText(1, _("&Balance per day"))
        self.tabs.setTabText(2, _("&Hours a week"))
        self.tabs.setAccessibleName(_("Charts"))
        self.month_label.setText(_("Mon&th:"))
        self.month_box.setAccessibleName(_("Month of the hours chart"))
        self.month_box.setToolTip(_("The month for which the chart shows the money for each number of hours a week"))
        self._retranslate_waiting()

    def _retranslate_waiting(self) -> None:
        self._waiting["monthly"].setText(_("The chart appears when your plan has been computed."))
        self._waiting["daily"].setText(_("The chart appears when your plan has been computed."))
        if self._cliff_known and self._cliff is None:
            self._waiting["cliff"].setText(_("This chart needs a job that pays by the hour."))
        else:
            self._waiting["cliff"].setText(_("The chart appears when your plan has been computed."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
