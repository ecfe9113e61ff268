"""Charts of a computed plan, each beside a table with the same numbers.

Three views of ready-made series from :mod:`planner.series` (they compute
nothing, they draw):

- :class:`MonthlySourcesChart`: per month, stacked bars of where the money
  comes from (wages, bijstand, premie, holiday pay), fixed costs below zero,
  and the balance at the end of the month as a line over them;
- :class:`DailyBalanceChart`: the balance at the end of every day, with marks
  on paydays, benefit days and deductions, and the safety buffer as a dashed
  line;
- :class:`HoursCliffChart`: hours a week against money in one month, the parts
  stacked, so the point where extra hours stop paying shows;
- :class:`BalanceFanChart`: the balance day by day over many possible futures
  (:mod:`planner.risk`): the middle future as a line, the band 8 in 10 futures
  fall in, the safety buffer dashed;
- :class:`LetterSizesChart`: per month, the chance of a letter and its usual
  size (the middle and the range of 8 in 10 letters).

Each is a matplotlib ``FigureCanvas(Figure())`` inside a plain widget, never
pyplot (model: PySide6 ``examples/external/matplotlib/widget_gaussian``,
minus its pyplot import and its maths). Colours are the Okabe–Ito palette,
which stays apart for colour-blind readers; every series also differs in
shape (bars, line, marker) or hatching. Text, month names and amounts follow
the current language (:mod:`planner.i18n`); ``retranslate_ui()`` redraws on a
language switch. :class:`ChartWithTable` puts a chart and a
:class:`SeriesTable` with the same numbers on two tabs, for screen-reader
users and anyone who prefers numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import get_decimal_symbol
from matplotlib.axes import Axes
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg as FigureCanvas
from matplotlib.dates import MonthLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator
from matplotlib.transforms import offset_copy
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import N_, _, babel_locale, format_day, format_money, format_month, format_number, ngettext
from planner.results import chance_words
from planner.results import label as figure_label
from planner.series import DailyBalance, HoursCliff, MonthSources
from planner.risk import BalanceBands, MonthRisk
from ui.look import FONT_SIZE, OKABE_ITO, plural_count

# --- look ---------------------------------------------------------------------------------------


COLOURS = {
    "wages": OKABE_ITO["blue"],
    "bijstand": OKABE_ITO["bluish_green"],
    "premie": OKABE_ITO["orange"],
    "holiday_pay": OKABE_ITO["reddish_purple"],
    "expenses": OKABE_ITO["vermillion"],
    "balance": OKABE_ITO["black"],
    "buffer": OKABE_ITO["vermillion"],
    "day_balance": OKABE_ITO["blue"],
    "mark_wage": OKABE_ITO["orange"],
    "mark_benefit": OKABE_ITO["bluish_green"],
    "mark_deduction": OKABE_ITO["vermillion"],
    "band": OKABE_ITO["sky_blue"],
    "letter": OKABE_ITO["orange"],
}


GRID = "#d0d0d0"
INK = "#222222"


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: the text shown and the exact value behind it (kept as ``Qt.UserRole`` text)."""

    text: str
    value: str | None = None
    """``str(Decimal)`` for an amount or a number, ISO text for a date or month; None for plain text."""
    number: bool = False
    """Right-aligned, as numbers are."""


def money_cell(amount: Decimal) -> Cell:
    return Cell(format_money(amount), str(amount), number=True)


def number_cell(value: Decimal) -> Cell:
    return Cell(format_number(value), str(value), number=True)


# --- formatting for axes --------------------------------------------------------------------------


def money_tick(value: float) -> str:
    """An axis amount in whole euros, as the current language writes money (``€ 1.400`` / ``€1,400``)."""
    text = format_money(Decimal(round(value)))
    return text.replace(get_decimal_symbol(babel_locale()) + "00", "")


def short_month(year: int, month: int, *, with_year: bool = False) -> str:
    """``mrt`` / ``Mar``; with the year on a second line where a year starts."""
    name = format_date(date(year, month, 1), "LLL", locale=babel_locale())
    return f"{name}\n{year}" if with_year else name


def nice_step(span: float, intervals: int = 5) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that cuts ``span`` into at most ``intervals`` parts."""
    if span <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(span / intervals))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if span / (factor * power) <= intervals:
            return factor * power
    return 10.0 * power  # pragma: no cover - the loop always ends at 10


def align_twin(left: Axes, right: Axes, left_range: tuple[float, float], right_range: tuple[float, float]) -> None:
    """Give a twin pair of y axes the same zero and the same gridlines, each with its own round step.

    Both get ``a`` steps below zero and ``b`` above, so every tick on the
    right sits on a gridline of the left.
    """
    ranges = [(min(lo, 0.0), max(hi, 0.0)) for lo, hi in (left_range, right_range)]
    steps = [nice_step(hi - lo) for lo, hi in ranges]
    below = max(math.ceil(-lo / st - 1e-9) for (lo, _hi), st in zip(ranges, steps, strict=True))
    above = max(math.ceil(hi / st - 1e-9) for (_lo, hi), st in zip(ranges, steps, strict=True))
    above = max(above, 1)
    for ax, st in zip((left, right), steps, strict=True):
        ax.set_ylim(-below * st, above * st)
        ax.yaxis.set_major_locator(MultipleLocator(st))


def _row_major(items: list, columns: int) -> list:
    """Reorder legend items so that they read left to right, row by row (matplotlib fills column by column)."""
    rows = -(-len(items) // columns)
    return [items[r * columns + c] for c in range(columns) for r in range(rows) if r * columns + c < len(items)]


# --- the chart base ------------------------------------------------------------------------------


class Chart(QWidget):
    """A matplotlib figure drawn from ready-made series, in the current language.

    Subclasses keep their series and implement :meth:`draw`,
    :meth:`chart_title`, :meth:`chart_description`, :meth:`table_headers` and
    :meth:`table_rows`, then call :meth:`retranslate_ui` at the end of their
    constructor.
    """

    def __init__(self, parent: QWidget | None = None, *, font_size: float = FONT_SIZE) -> None:
        super().__init__(parent)
        self.font_size = font_size
        self.figure = Figure(figsize=(10, 6), layout="constrained")
        self.canvas = FigureCanvas(self.figure)
        self.canvas.setMinimumSize(QSize(480, 320))
        self.axes: Axes | None = None
        """The main axes, for tests and for callers that add to the chart."""
        self._legend_items: tuple[list, list[str]] = ([], [])
        self.canvas.mpl_connect("resize_event", self._fit_legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    # --- what a chart provides ---------------------------------------------------------------

    def draw(self) -> None:
        raise NotImplementedError

    def chart_title(self) -> str:
        raise NotImplementedError

    def chart_description(self) -> str:
        raise NotImplementedError

    def chart_subtitle(self) -> str | None:
        """A line under the title, if the chart has one."""
        return None

    def table_headers(self) -> list[str]:
        raise NotImplementedError

    def table_rows(self) -> list[list[Cell]]:
        raise NotImplementedError

    # --- shared drawing helpers --------------------------------------------------------------

    SERIES_ATTR = ""
    """The attribute that holds the chart's series (set by each subclass)."""

    def set_series(self, series: object, *, font_size: float | None = None) -> None:
        """Show new numbers (after an edit) or a new text size, and draw again."""
        setattr(self, self.SERIES_ATTR, series)
        if font_size is not None:
            self.font_size = font_size
        self.retranslate_ui()

    def _new_axes(self) -> Axes:
        ax = self.figure.add_subplot()
        subtitle = self.chart_subtitle()
        pad = 12 + (self.font_size * 1.7 if subtitle else 0)
        ax.set_title(self.chart_title(), fontsize=self.font_size * 1.25, loc="left", color=INK, pad=pad,
                     fontweight="bold")
        if subtitle:
            ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 8), textcoords="offset points",
                        ha="left", va="bottom", fontsize=self.font_size, color=INK)
        ax.tick_params(labelsize=self.font_size, colors=INK)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: money_tick(v)))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        self.axes = ax
        return ax

    def _label(self, ax: Axes, x: str | None, y: str | None) -> None:
        if x is not None:
            ax.set_xlabel(x, fontsize=self.font_size, color=INK, labelpad=8)
        if y is not None:
            ax.set_ylabel(y, fontsize=self.font_size, color=INK, labelpad=8)

    def _legend(self, handles: list, labels: list[str]) -> None:  # noqa: ANN001 - matplotlib artists
        """The legend under the chart, in as many columns as fit the figure's width (refitted on resize)."""
        self._legend_items = (handles, labels)
        self._fit_legend()

    def _fit_legend(self, _event: object = None) -> None:
        if not self._legend_items[0]:
            return
        handles, labels = self._legend_items
        renderer = self.canvas.get_renderer()
        width = self.figure.bbox.width
        count = len(handles)
        for rows in range(1, count + 1):
            columns = -(-count // rows)
            for old in list(self.figure.legends):
                old.remove()
            order = _row_major(list(range(count)), columns)
            legend = self.figure.legend([handles[i] for i in order], [labels[i] for i in order],
                                        loc="outside lower center", ncols=columns, frameon=False,
                                        fontsize=self.font_size, handlelength=2.4, columnspacing=1.8)
            if legend.get_window_extent(renderer).width <= 0.97 * width:
                break

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Draw again with the labels, month names and amounts of the current language."""
        self.figure.clear()
        self.axes = None
        self._legend_items = ([], [])
        self.draw()
        self.canvas.draw_idle()
        title = self.chart_title()
        description = self.chart_description()
        for widget in (self, self.canvas):
            widget.setAccessibleName(title)
            widget.setAccessibleDescription(description)
        self.canvas.setToolTip(description)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# --- where the money comes from -------------------------------------------------------------------

SOURCE_PARTS: tuple[tuple[str, str], ...] = tuple((key, figure_label(key)) for key in ("wages", "bijstand", "premie", "holiday_pay"))
"""The stacked parts, bottom to top: attribute of :class:`MonthSources` and its label."""

EXPENSES_LABEL = N_("Fixed costs")
END_BALANCE_LABEL = N_("Balance at the end of the month")


class MonthlySourcesChart(Chart):
    """Stacked bars per month of where the money comes from, the end balance as a line over them."""

    SERIES_ATTR = "sources"

    def __init__(self, sources: Sequence[MonthSources], parent: QWidget | None = None, *,
                 font_size: float = FONT_SIZE) -> None:
        super().__init__(parent, font_size=font_size)
        self.sources = tuple(sources)
        self.balance_axes: Axes | None = None
        self.retranslate_ui()

    def chart_title(self) -> str:
        return _("Where your money comes from, month by month")

    def chart_description(self) -> str:
        return _("Bars for each month show the money that came in: wages, bijstand (after anything withheld or "
                 "paid back), bijverdienpremie and holiday pay. Fixed costs are shown below the zero line. A black "
                 "line shows your balance at the end of each month, on the scale on the right.")

    def draw(self) -> None:
        ax = self._new_axes()
        months = self.sources
        x = list(range(len(months)))
        up = [0.0] * len(months)
        down = [0.0] * len(months)
        handles, labels = [], []
        for key, label in SOURCE_PARTS:
            values = [float(getattr(m, key)) for m in months]
            if not any(values):
                continue
            bottoms = [up[i] if v >= 0 else down[i] for i, v in enumerate(values)]
            bars = ax.bar(x, values, bottom=bottoms, width=0.72, color=COLOURS[key], edgecolor="white",
                          linewidth=0.8, zorder=2)
            for i, v in enumerate(values):
                if v >= 0:
                    up[i] += v
                else:
                    down[i] += v
            handles.append(bars)
            labels.append(_(label))
        costs = [-float(m.expenses) for m in months]
        if any(costs):
            bars = ax.bar(x, costs, bottom=down, width=0.72, color="white", edgecolor=COLOURS["expenses"],
                          hatch="///", linewidth=1.2, zorder=2)
            handles.append(bars)
            labels.append(_(EXPENSES_LABEL))
            down = [d + c for d, c in zip(down, costs, strict=True)]
        ax.axhline(0, color=INK, linewidth=0.9, zorder=3)
        ax.set_xticks(x, [short_month(*m.month, with_year=(i == 0 or m.month[1] == 1)) for i, m in enumerate(months)])
        ax.set_xlim(-0.6, len(months) - 0.4)
        self._label(ax, None, _("Money in and out per month"))

        twin = ax.twinx()
        twin.tick_params(labelsize=self.font_size, colors=INK)
        twin.spines["top"].set_visible(False)
        twin.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: money_tick(v)))
        (line,) = twin.plot(x, [float(m.end_balance) for m in months], color=COLOURS["balance"], linewidth=2.5,
                            marker="o", markersize=7, markerfacecolor="white", markeredgewidth=2, zorder=4)
        self._label(twin, None, _(END_BALANCE_LABEL))
        pad = 1.04
        align_twin(ax, twin, (min(down) * pad, max(up) * pad),
                   (min(float(m.end_balance) for m in months) * pad, max(float(m.end_balance) for m in months) * pad))
        self.balance_axes = twin
        handles.append(line)
        labels.append(_(END_BALANCE_LABEL))
        self._legend(handles, labels)

    def table_headers(self) -> list[str]:
        return [_("Month")] + [_(label) for _key, label in SOURCE_PARTS] + [_(EXPENSES_LABEL), _(END_BALANCE_LABEL)]

    def table_rows(self) -> list[list[Cell]]:
        rows = []
        for m in self.sources:
            row = [Cell(format_month(*m.month), f"{m.month[0]:04d}-{m.month[1]:02d}")]
            row += [money_cell(getattr(m, key)) for key, _label in SOURCE_PARTS]
            row += [money_cell(m.expenses), money_cell(m.end_balance)]
            rows.append(row)
        return rows


# --- the balance, day by day ----------------------------------------------------------------------

MARKS: tuple[tuple[str, str, str], ...] = (
    ("wage", N_("Payday"), "^"),
    ("benefit", N_("Paid by the municipality"), "o"),
    ("deduction", N_("Withheld or paid back"), "v"),
)
"""Mark kind, legend label and marker shape (the shape differs as well as the colour)."""

EVENT_LABELS: dict[str, str] = {
    "wage": N_("Wage"),
    "holiday_pay": N_("Holiday pay"),
    "benefit": N_("Bijstand"),
    "correction_paid": N_("Extra bijstand paid afterwards"),
    "withholding": N_("Withheld from your bijstand"),
    "repayment": N_("Paid back to the municipality"),
    "premie": N_("Bijverdienpremie"),
    "vakantietoeslag": N_("Holiday allowance (vakantietoeslag)"),
    "expense": N_("Fixed costs"),
}
"""What happened on a day, in the table: one label per kind of event."""

DAY_BALANCE_LABEL = N_("Balance at the end of the day")


class DailyBalanceChart(Chart):
    """The balance at the end of every day, marks on paydays, benefit days and deductions, the buffer dashed."""

    SERIES_ATTR = "daily"

    def __init__(self, daily: DailyBalance, parent: QWidget | None = None, *, font_size: float = FONT_SIZE) -> None:
        super().__init__(parent, font_size=font_size)
        self.daily = daily
        self.retranslate_ui()

    def chart_title(self) -> str:
        return _("Your balance, day by day")

    def chart_description(self) -> str:
        d = self.daily
        text = _("A line shows your balance at the end of every day, with marks on paydays, on days the "
                 "municipality pays and on days money is withheld or paid back. A dashed line shows your safety "
                 "buffer of {buffer}. Your lowest balance is {lowest}, on {day}.")
        return text.format(buffer=format_money(d.buffer), lowest=format_money(d.lowest), day=format_day(d.lowest_on))

    def chart_subtitle(self) -> str:
        text = _("Lowest balance: {amount}, on {day}")
        return text.format(amount=format_money(self.daily.lowest), day=format_day(self.daily.lowest_on))

    def draw(self) -> None:
        ax = self._new_axes()
        d = self.daily
        xs = [date2num(day) for day in d.dates]
        ys = [float(b) for b in d.balances]
        buffer = float(d.buffer)
        handles, labels = [], []
        (line,) = ax.plot(xs, ys, drawstyle="steps-post", color=COLOURS["day_balance"], linewidth=2.2, zorder=3)
        handles.append(line)
        labels.append(_(DAY_BALANCE_LABEL))
        below = [y < buffer for y in ys]
        if any(below):
            # A day below the buffer stays below until the next day: the filled step reaches that day too.
            reach = [b or (i > 0 and below[i - 1]) for i, b in enumerate(below)]
            ax.fill_between(xs, ys, buffer, where=reach, step="post", color=COLOURS["buffer"], alpha=0.18,
                            linewidth=0, zorder=2)
        buffer_line = ax.axhline(buffer, color=COLOURS["buffer"], linestyle=(0, (4, 2)), linewidth=2, zorder=2)
        size = self.font_size * 1.25  # points across a mark
        for kind, label, marker in MARKS:
            marks = [m for m in d.marks if m.kind == kind]
            if not marks:
                continue
            # Paydays sit just under the line (pointing up at it), deductions just above (pointing down), so
            # marks of one day do not hide each other.
            shift = {"wage": -0.75, "deduction": 0.75}.get(kind, 0.0) * size
            where = offset_copy(ax.transData, fig=self.figure, y=shift, units="points")
            dots = ax.scatter([date2num(m.date) for m in marks], [float(m.balance) for m in marks], marker=marker,
                              s=size**2, color=COLOURS["mark_" + kind], edgecolors=INK, linewidths=0.8, zorder=4,
                              transform=where)
            handles.append(dots)
            labels.append(_(label))
        handles.append(buffer_line)
        buffer_text = _("Safety buffer: {amount}")
        labels.append(buffer_text.format(amount=format_money(d.buffer)))
        ax.axhline(0, color=INK, linewidth=0.9, zorder=1)
        low, high = min(min(ys), buffer, 0.0), max(max(ys), buffer)
        pad = 0.05 * ((high - low) or 1.0)
        ax.set_ylim(low - pad if low < 0 else 0.0, high + pad)

        span = (d.dates[-1].year - d.dates[0].year) * 12 + d.dates[-1].month - d.dates[0].month + 1
        ax.xaxis.set_major_locator(MonthLocator(interval=max(1, -(-span // 12))))
        first = d.dates[0]

        def month_label(value: float, _pos: object) -> str:
            day = num2date(value).date()
            starts = day.month == 1 or (day.year, day.month) == (first.year, first.month)
            return short_month(day.year, day.month, with_year=starts)

        ax.xaxis.set_major_formatter(FuncFormatter(month_label))
        ax.set_xlim(xs[0] - 2, xs[-1] + 0.9)
        self._label(ax, None, _("Balance"))
        self._legend(handles, labels)

    def table_headers(self) -> list[str]:
        return [_("Date"), _("Money in"), _("Money out"), _(DAY_BALANCE_LABEL), _("What happened")]

    def table_rows(self) -> list[list[Cell]]:
        locale = babel_locale()
        rows = []
        for r in self.daily.rows:
            what = format_list([_(EVENT_LABELS[k]) for k in r.kinds], locale=locale)
            rows.append([Cell(format_day(r.date), r.date.isoformat()), money_cell(r.money_in),
                         money_cell(r.money_out), money_cell(r.balance), Cell(what)])
        return rows


# --- hours a week against money in the month ------------------------------------------------------

CLIFF_PARTS: tuple[tuple[str, str], ...] = (
    ("wage", figure_label("income_from_work")),
    ("bijstand", figure_label("bijstand_paid_monthly")),
    ("premie", figure_label("premie_accrued")),
    ("holiday", N_("Holiday money built up")),
)
_CLIFF_COLOURS = {"wage": COLOURS["wages"], "bijstand": COLOURS["bijstand"], "premie": COLOURS["premie"],
                  "holiday": COLOURS["holiday_pay"]}


class HoursCliffChart(Chart):
    """Hours a week at one job against the money of one month, the parts stacked; the cliff marked."""

    SERIES_ATTR = "cliff"

    def __init__(self, cliff: HoursCliff, parent: QWidget | None = None, *, font_size: float = FONT_SIZE) -> None:
        super().__init__(parent, font_size=font_size)
        self.cliff = cliff
        self.retranslate_ui()

    def _month(self) -> str:
        return format_month(*self.cliff.month)

    def chart_title(self) -> str:
        title = _("Money in {month} for each number of hours a week")
        return title.format(month=self._month())

    def chart_description(self) -> str:
        c = self.cliff
        stop = c.stops_paying_at
        if stop is None:
            text = _("Bars show the money you get in {month} for each number of hours a week at {job}: your net "
                     "wage, the bijstand paid out, the premie you build up and the holiday money you build up "
                     "(paid later). In this range, every extra hour brings more money.")
            return text.format(month=self._month(), job=c.job_name)
        text = ngettext(
            "Bars show the money you get in {month} for each number of hours a week at {job}: your net wage, the "
            "bijstand paid out, the premie you build up and the holiday money you build up (paid later). Above "
            "{hours} hour a week, extra hours bring no more money, or less.",
            "Bars show the money you get in {month} for each number of hours a week at {job}: your net wage, the "
            "bijstand paid out, the premie you build up and the holiday money you build up (paid later). Above "
            "{hours} hours a week, extra hours bring no more money, or less.",
            plural_count(stop.hours_per_week),
        )
        return text.format(month=self._month(), job=c.job_name, hours=format_number(stop.hours_per_week))

    def chart_subtitle(self) -> str:
        c = self.cliff
        if c.wage_basis == "gross":
            text = _("At {job}, {wage} an hour gross")
        else:
            text = _("At {job}, {wage} an hour net")
        return text.format(job=c.job_name, wage=format_money(c.hourly_wage))

    def draw(self) -> None:
        ax = self._new_axes()
        c = self.cliff
        points = c.points
        xs = [float(p.hours_per_week) for p in points]
        steps = [b - a for a, b in zip(xs, xs[1:]) if b > a]
        width = 0.75 * (min(steps) if steps else 1.0)
        bottoms = [0.0] * len(points)
        handles, labels = [], []
        for key, label in CLIFF_PARTS:
            values = [float(getattr(p, key)) for p in points]
            bars = ax.bar(xs, values, bottom=bottoms, width=width, color=_CLIFF_COLOURS[key], edgecolor="white",
                          linewidth=0.6, zorder=2)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
            handles.append(bars)
            labels.append(_(label))
        totals = [float(p.total) for p in points]
        (line,) = ax.plot(xs, totals, color=COLOURS["balance"], linewidth=2, marker="o", markersize=5, zorder=4)
        handles.append(line)
        labels.append(_("Total"))
        top = max(totals, default=1.0)
        step = min(steps) if steps else 1.0
        stop = c.stops_paying_at
        box = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": COLOURS["expenses"]}
        if stop is not None:
            x = float(stop.hours_per_week) + step / 2
            ax.axvline(x, color=COLOURS["expenses"], linestyle=(0, (4, 2)), linewidth=2, zorder=3)
            note = _("More hours stop paying here")
            ax.annotate(note, xy=(x, top * 1.19), xytext=(-10, 0), textcoords="offset points", ha="right",
                        va="center", fontsize=self.font_size, color=INK, bbox=box, zorder=5)
        previous = {b.hours_per_week: a for a, b in zip(points, points[1:])}
        for p in c.drops[:1]:
            text = ngettext("{amount} less at {hours} hour a week", "{amount} less at {hours} hours a week",
                            plural_count(p.hours_per_week))
            label = text.format(amount=format_money(previous[p.hours_per_week].total - p.total),
                                hours=format_number(p.hours_per_week))
            # The box hangs towards the middle of the chart; the arrow drops from its end to the point.
            x = float(p.hours_per_week)
            right_half = x > (xs[0] + xs[-1]) / 2
            ax.annotate(label, xy=(x, float(p.total)), xytext=(x + (0.3 if right_half else -0.3) * step, top * 1.07),
                        textcoords="data", ha="right" if right_half else "left", va="center",
                        fontsize=self.font_size, color=INK, bbox=box, zorder=5,
                        arrowprops={"arrowstyle": "-|>", "color": COLOURS["expenses"], "linewidth": 1.8,
                                    "shrinkA": 0, "shrinkB": 4, "relpos": (1.0 if right_half else 0.0, 0.5)})
        ax.set_ylim(0, top * 1.26)
        ax.set_xlim(xs[0] - width, xs[-1] + width)
        ax.xaxis.set_major_locator(MultipleLocator(4 if (xs[-1] - xs[0]) > 16 else 2))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(Decimal(round(v)))))
        self._label(ax, _("Hours a week"), _("Money in the month"))
        self._legend(handles, labels)

    def table_headers(self) -> list[str]:
        return [_("Hours a week"), _("Hours in the month")] + [_(label) for _key, label in CLIFF_PARTS] + [_("Total")]

    def table_rows(self) -> list[list[Cell]]:
        return [
            [number_cell(p.hours_per_week), number_cell(p.hours)]
            + [money_cell(getattr(p, key)) for key, _label in CLIFF_PARTS]
            + [money_cell(p.total)]
            for p in self.cliff.points
        ]


# --- chances over many possible futures ------------------------------------------------------------


def _month_axis(ax: Axes, first: date, xs: list[float]) -> None:
    last = num2date(xs[-1]).date()
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    ax.xaxis.set_major_locator(MonthLocator(interval=max(1, -(-span // 12))))

    def month_label(value: float, _pos: object) -> str:
        day = num2date(value).date()
        starts = day.month == 1 or (day.year, day.month) == (first.year, first.month)
        return short_month(day.year, day.month, with_year=starts)

    ax.xaxis.set_major_formatter(FuncFormatter(month_label))


class BalanceFanChart(Chart):
    """The balance at the end of every day over the possible futures: the middle one and the band of 8 in 10."""

    SERIES_ATTR = "bands"

    def __init__(self, bands: BalanceBands, parent: QWidget | None = None, *, font_size: float = FONT_SIZE) -> None:
        super().__init__(parent, font_size=font_size)
        self.bands = bands
        self.retranslate_ui()

    def _lowest(self) -> tuple[int, Decimal]:
        i = min(range(len(self.bands.median)), key=lambda k: (self.bands.median[k], k))
        return i, self.bands.median[i]

    def chart_title(self) -> str:
        return _("Your balance over many possible futures")

    def chart_description(self) -> str:
        i, low = self._lowest()
        text = _("A line shows your balance at the end of every day in the middle future: half of the futures are "
                 "higher, half lower. The shaded band shows where 8 in 10 futures are. A dashed line shows your "
                 "safety buffer of {buffer}. In the middle future your lowest balance is {lowest}, on {day}.")
        return text.format(buffer=format_money(self.bands.buffer), lowest=format_money(low),
                           day=format_day(self.bands.day(i)))

    def chart_subtitle(self) -> str:
        i, low = self._lowest()
        text = _("Lowest balance in the middle future: {amount}, on {day}")
        return text.format(amount=format_money(low), day=format_day(self.bands.day(i)))

    def draw(self) -> None:
        ax = self._new_axes()
        for text in ax.texts:  # the subtitle: the title's padding keeps room for it; a long one on a narrow
            text.set_in_layout(False)  # chart (large text) must not squeeze the axes away
        b = self.bands
        days = [b.day(i) for i in range(len(b.median))]
        xs = [date2num(d) for d in days]
        low = [float(v) for v in b.low]
        high = [float(v) for v in b.high]
        mid = [float(v) for v in b.median]
        buffer = float(b.buffer)
        band = ax.fill_between(xs, low, high, step="post", color=COLOURS["band"], alpha=0.45, linewidth=0, zorder=2)
        (line,) = ax.plot(xs, mid, drawstyle="steps-post", color=COLOURS["day_balance"], linewidth=2.2, zorder=3)
        buffer_line = ax.axhline(buffer, color=COLOURS["buffer"], linestyle=(0, (4, 2)), linewidth=2, zorder=2)
        ax.axhline(0, color=INK, linewidth=0.9, zorder=1)
        bottom, top = min(min(low), buffer, 0.0), max(max(high), buffer)
        pad = 0.05 * ((top - bottom) or 1.0)
        ax.set_ylim(bottom - pad if bottom < 0 else 0.0, top + pad)
        _month_axis(ax, days[0], xs)
        ax.set_xlim(xs[0] - 2, xs[-1] + 0.9)
        self._label(ax, None, _("Balance"))
        buffer_text = _("Safety buffer: {amount}")
        self._legend([line, band, buffer_line], [_(figure_label("balance_median")), _("8 in 10 futures"),
                                                 buffer_text.format(amount=format_money(b.buffer))])

    def table_headers(self) -> list[str]:
        return [_("Date"), _(figure_label("balance_low")), _(figure_label("balance_median")),
                _(figure_label("balance_high"))]

    def table_rows(self) -> list[list[Cell]]:
        b = self.bands
        return [[Cell(format_day(b.day(i)), b.day(i).isoformat()), money_cell(b.low[i]), money_cell(b.median[i]),
                 money_cell(b.high[i])] for i in range(len(b.median))]


class LetterSizesChart(Chart):
    """Per month: how big a letter usually is (the middle, and the range of 8 in 10 letters) and how likely."""

    SERIES_ATTR = "months"

    def __init__(self, months: Sequence[MonthRisk], parent: QWidget | None = None, *,
                 font_size: float = FONT_SIZE) -> None:
        super().__init__(parent, font_size=font_size)
        self.months = tuple(months)
        self.retranslate_ui()

    def chart_title(self) -> str:
        return _("Letters: how likely, and how much")

    def chart_description(self) -> str:
        with_letter = [m for m in self.months if m.letter_size is not None]
        if not with_letter:
            return _("In none of the possible futures is money withheld or reclaimed in any month.")
        text = _("For each month a bar shows how much is usually withheld or reclaimed when it happens: 8 in 10 "
                 "letters are in the bar, the dark line is the middle one. Above each bar: in how many futures it "
                 "happens. Letters are possible in {months}.")
        return text.format(months=format_list([format_month(*m.month) for m in with_letter], locale=babel_locale()))

    def draw(self) -> None:
        ax = self._new_axes()
        xs = list(range(len(self.months)))
        handles, labels = [], []
        top = 0.0
        bars = None
        middle = None
        for x, m in zip(xs, self.months, strict=True):
            if m.letter_size is None:
                continue
            lo, hi, mid = float(m.letter_size.low), float(m.letter_size.high), float(m.letter_size.median)
            bars = ax.bar([x], [max(hi - lo, 0.0)], bottom=[lo], width=0.6, color=COLOURS["letter"], alpha=0.55,
                          edgecolor=INK, linewidth=0.8, zorder=2)
            (middle,) = ax.plot([x - 0.3, x + 0.3], [mid, mid], color=INK, linewidth=2.6, zorder=3)
            ax.annotate("\n".join(chance_words(m.letter_chance).rsplit(" ", 1)), xy=(x, hi), xytext=(0, 4), textcoords="offset points",
                        ha="center", va="bottom", fontsize=self.font_size * 0.8, color=INK,
                        linespacing=1.0)  # on two lines ("4 in" / "100"), so neighbours never touch
            top = max(top, hi)
        if bars is not None and middle is not None:
            handles += [bars, middle]
            labels += [_("8 in 10 letters"), _(figure_label("letter_median"))]
        ax.set_ylim(0.0, (top or 100.0) * 1.18)
        ax.set_xticks(xs)
        first = self.months[0].month if self.months else (2000, 1)
        ax.set_xticklabels([short_month(*m.month, with_year=m.month[1] == 1 or m.month == first) for m in self.months])
        ax.set_xlim(-0.6, len(xs) - 0.4)
        self._label(ax, None, _("Withheld or reclaimed"))
        if handles:
            self._legend(handles, labels)

    def table_headers(self) -> list[str]:
        return [_("Month"), _(figure_label("letter_chance")), _(figure_label("letter_low")),
                _(figure_label("letter_median")), _(figure_label("letter_high"))]

    def table_rows(self) -> list[list[Cell]]:
        rows = []
        for m in self.months:
            ym = f"{m.month[0]:04d}-{m.month[1]:02d}"
            chance = Cell(chance_words(m.letter_chance), str(m.letter_chance), number=True)
            if m.letter_size is None:
                rows.append([Cell(format_month(*m.month), ym), chance, Cell("—"), Cell("—"), Cell("—")])
            else:
                s = m.letter_size
                rows.append([Cell(format_month(*m.month), ym), chance, money_cell(s.low), money_cell(s.median),
                             money_cell(s.high)])
        return rows


# --- the table beside a chart ---------------------------------------------------------------------


class SeriesTable(QTableWidget):
    """The numbers of a chart, read-only, one row per bar, day or point."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        headers = self.chart.table_headers()
        rows = self.chart.table_rows()
        self.clear()
        self.setColumnCount(len(headers))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell.text)
                if cell.value is not None:
                    item.setData(Qt.ItemDataRole.UserRole, cell.value)
                if cell.number:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        name = _("The numbers of the chart “{title}”")
        self.setAccessibleName(name.format(title=self.chart.chart_title()))
        self.setAccessibleDescription(self.chart.chart_description())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ChartWithTable(QTabWidget):
    """A chart and a table of the same numbers, on the tabs "Chart" and "Table"."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.table = SeriesTable(chart)
        self.addTab(chart, "")
        self.addTab(self.table, "")
        self._retranslate_tabs()

    def set_series(self, series: object, *, font_size: float | None = None) -> None:
        """New numbers for the chart and its table."""
        self.chart.set_series(series, font_size=font_size)
        self.table.retranslate_ui()
        self._retranslate_tabs()

    def show_table(self, table: bool = True) -> None:
        self.setCurrentWidget(self.table if table else self.chart)

    def _retranslate_tabs(self) -> None:
        self.setTabText(0, _("Chart"))
        self.setTabText(1, _("Table"))
        self.setTabToolTip(1, _("The same numbers as in the chart, in a table"))
        self.setAccessibleName(self.chart.chart_title())
        self.setAccessibleDescription(self.chart.chart_description())

    def retranslate_ui(self) -> None:
        """The chart, the table and the tabs in the current language."""
        self.chart.retranslate_ui()
        self.table.retranslate_ui()
        self._retranslate_tabs()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # The chart and the table get the event themselves.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_tabs()
        super().changeEvent(event)


__all__ = [
    "COLOURS",
    "FONT_SIZE",
    "OKABE_ITO",
    "Cell",
    "Chart",
    "BalanceFanChart",
    "ChartWithTable",
    "DailyBalanceChart",
    "LetterSizesChart",
    "HoursCliffChart",
    "MonthlySourcesChart",
    "SeriesTable",
    "money_tick",
    "short_month",
]
