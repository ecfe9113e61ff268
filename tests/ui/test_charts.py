"""ui.charts: each chart is a view of a ready-made series, with a table of the same numbers, in either language.

The series are built first from the example plan (``planner.series``), then
the widgets from them, as the app does.
"""

from __future__ import annotations

import ast
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.text import Text
from PySide6.QtCore import QCoreApplication, QEvent, Qt

import ui.charts
from planner.i18n import _, format_day, format_money, format_month, format_number, set_language
from planner.rules import load_rules
from planner.scenarios import Result, run
from planner.series import DailyBalance, HoursCliff, MonthSources, daily_balance, hours_cliff, monthly_sources
from planner.storage import load_plan
from ui.charts import (
    CLIFF_PARTS,
    SOURCE_PARTS,
    Chart,
    ChartWithTable,
    DailyBalanceChart,
    HoursCliffChart,
    MonthlySourcesChart,
    align_twin,
    money_tick,
    nice_step,
)
from ui.language import apply_language

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):  # noqa: ANN001, ANN202 - pytest-qt fixture
    """Delete the widgets pytest-qt closed, so later language switches do not redraw them too."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


# --- no pyplot -------------------------------------------------------------------------------------


def test_the_charts_never_load_pyplot() -> None:
    assert ui.charts.FigureCanvas.__module__.startswith("matplotlib.backends.backend_qt")
    assert "matplotlib.pyplot" not in sys.modules


def test_no_source_file_imports_pyplot() -> None:
    offenders = []
    files = [*ROOT.joinpath("planner").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py"),
             ROOT / "scripts" / "chart-screenshots"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            if any(n == "matplotlib.pyplot" or n.startswith("matplotlib.pyplot.") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


# --- the series, built once --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def result() -> Result:
    return run(load_plan(EXAMPLE), load_rules())


@pytest.fixture(scope="module")
def sources(result: Result) -> tuple[MonthSources, ...]:
    return monthly_sources(result)


@pytest.fixture(scope="module")
def daily(result: Result) -> DailyBalance:
    return daily_balance(result)


@pytest.fixture(scope="module")
def cliff() -> HoursCliff:
    # December is a month of the single-parent vrijlating (r). By default no premie is built up in a month
    # with a vrijlating (the careful assumption), and then there is no cliff to draw; with the premie on
    # top of the vrijlating there is one.
    plan = load_plan(EXAMPLE)
    plan = plan.model_copy(update={"assumptions": {"premie_during_vrijlating": "alongside"}})
    return hours_cliff(plan, (2026, 12), rules=load_rules())


def _cells(widget: ChartWithTable) -> list[list[tuple[str, str | None]]]:
    table = widget.table
    return [
        [(table.item(r, c).text(), table.item(r, c).data(Qt.ItemDataRole.UserRole)) for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _headers(widget: ChartWithTable) -> list[str]:
    table = widget.table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def _texts(chart: Chart) -> list[Text]:
    chart.canvas.draw()
    return [t for t in chart.figure.findobj(Text) if t.get_text().strip() and t.get_visible()]


# --- the tables hold the series' numbers ---------------------------------------------------------------


def test_monthly_table_has_the_series_numbers(qtbot, sources: tuple[MonthSources, ...]) -> None:  # noqa: ANN001
    widget = ChartWithTable(MonthlySourcesChart(sources))
    qtbot.add_widget(widget)
    rows = _cells(widget)
    assert len(rows) == len(sources) == 12
    for row, m in zip(rows, sources, strict=True):
        assert row[0] == (format_month(*m.month), f"{m.month[0]:04d}-{m.month[1]:02d}")
        amounts = [getattr(m, key) for key, _label in SOURCE_PARTS] + [m.expenses, m.end_balance]
        assert [Decimal(value) for _text, value in row[1:]] == amounts
        assert [text for text, _value in row[1:]] == [format_money(a) for a in amounts]
    assert rows[5][4] == (format_money(Decimal("328.89")), "328.89")  # June: the vakantietoeslag
    assert _headers(widget)[0] == _("Month")


def test_daily_table_has_the_days_money_moved(qtbot, daily: DailyBalance) -> None:  # noqa: ANN001
    widget = ChartWithTable(DailyBalanceChart(daily))
    qtbot.add_widget(widget)
    rows = _cells(widget)
    assert len(rows) == len(daily.rows) == 15
    for row, day in zip(rows, daily.rows, strict=True):
        assert row[0] == (format_day(day.date), day.date.isoformat())
        assert [Decimal(v) for _t, v in row[1:4]] == [day.money_in, day.money_out, day.balance]
        assert row[4][1] is None and row[4][0]
    assert rows[-1][3][1] == str(daily.balances[-1])


def test_cliff_table_has_every_point(qtbot, cliff: HoursCliff) -> None:  # noqa: ANN001
    widget = ChartWithTable(HoursCliffChart(cliff))
    qtbot.add_widget(widget)
    rows = _cells(widget)
    assert len(rows) == len(cliff.points) == 21
    for row, p in zip(rows, cliff.points, strict=True):
        assert row[0] == (format_number(p.hours_per_week), str(p.hours_per_week))
        assert row[1] == (format_number(p.hours), str(p.hours))
        parts = [getattr(p, key) for key, _label in CLIFF_PARTS]
        assert [Decimal(v) for _t, v in row[2:]] == [*parts, p.total]
    # The cliff: from 32 hours a week in December there is no bijstand, so no premie either.
    assert [p.hours_per_week for p in cliff.drops] == [Decimal(32)]
    texts = [t.get_text() for t in _texts(widget.chart)]
    assert _("More hours stop paying here") in texts


# --- accessibility -------------------------------------------------------------------------------------


@pytest.fixture
def widgets(qtbot, sources, daily, cliff) -> list[ChartWithTable]:  # noqa: ANN001
    out = [ChartWithTable(MonthlySourcesChart(sources)), ChartWithTable(DailyBalanceChart(daily)),
           ChartWithTable(HoursCliffChart(cliff))]
    for w in out:
        qtbot.add_widget(w)
    return out


def test_every_chart_and_table_has_an_accessible_name_and_description(widgets: list[ChartWithTable]) -> None:
    names = set()
    for w in widgets:
        for part in (w, w.chart, w.chart.canvas, w.table):
            assert part.accessibleName().strip(), part
            assert part.accessibleDescription().strip(), part
        names.add(w.chart.accessibleName())
        assert w.tabText(0) == _("Chart") and w.tabText(1) == _("Table")
    assert len(names) == 3


def test_the_table_tab_can_be_chosen(widgets: list[ChartWithTable]) -> None:
    w = widgets[0]
    assert w.currentWidget() is w.chart
    w.show_table()
    assert w.currentWidget() is w.table
    w.show_table(False)
    assert w.currentWidget() is w.chart


def test_all_text_is_large_enough(widgets: list[ChartWithTable]) -> None:
    for w in widgets:
        small = [(t.get_text(), t.get_fontsize()) for t in _texts(w.chart) if t.get_fontsize() < 12]
        assert small == []


def test_okabe_ito_colours_only(widgets: list[ChartWithTable]) -> None:
    allowed = {c.lower() for c in ui.charts.OKABE_ITO.values()}
    assert {c.lower() for c in ui.charts.COLOURS.values()} <= allowed


# --- language ----------------------------------------------------------------------------------------------


def _tick_texts(chart: Chart) -> tuple[list[str], list[str]]:
    chart.canvas.draw()
    assert chart.axes is not None
    return ([t.get_text() for t in chart.axes.get_xticklabels()], [t.get_text() for t in chart.axes.get_yticklabels()])


def test_a_language_switch_redraws_labels_months_and_amounts(widgets: list[ChartWithTable]) -> None:
    monthly, days, hours = widgets
    before = {id(w): _tick_texts(w.chart) for w in widgets}
    assert before[id(monthly)][0][:3] == ["jan\n2026", "feb", "mrt"]
    assert "€\xa01.000" in before[id(monthly)][1]
    assert monthly.chart.axes.get_ylabel() == _("Money in and out per month")
    money_nl = _cells(monthly)[0][2][0]

    set_language("en")
    for w in widgets:
        w.retranslate_ui()

    after = {id(w): _tick_texts(w.chart) for w in widgets}
    assert after[id(monthly)][0][:3] == ["Jan\n2026", "Feb", "Mar"]
    assert "€1,000" in after[id(monthly)][1]
    assert after[id(days)][0][:2] == ["Jan\n2026", "Feb"]
    for w in widgets:
        assert after[id(w)] != before[id(w)]
        assert w.chart.axes.get_title(loc="left") == w.chart.chart_title()
    assert monthly.chart.axes.get_ylabel() == _("Money in and out per month")
    assert monthly.chart.balance_axes.get_ylabel() == _("Balance at the end of the month")
    assert hours.chart.axes.get_xlabel() == _("Hours a week")
    assert "December 2026" in hours.chart.chart_title()
    assert _cells(monthly)[0][2][0] == "€1,197.02" != money_nl
    assert _headers(monthly)[0] == _("Month")
    assert monthly.tabText(1) == _("Table")


def test_the_app_wide_switch_reaches_the_charts(qtbot, widgets: list[ChartWithTable]) -> None:  # noqa: ANN001
    """apply_language sends Qt's LanguageChange; every chart, table and tab bar redraws itself."""
    monthly = widgets[0]
    apply_language("en")
    qtbot.wait_until(lambda: _cells(monthly)[0][2][0] == "€1,197.02")
    assert _tick_texts(monthly.chart)[0][:2] == ["Jan\n2026", "Feb"]
    apply_language("nl")
    qtbot.wait_until(lambda: _tick_texts(monthly.chart)[0][:2] == ["jan\n2026", "feb"])


# --- axis helpers -----------------------------------------------------------------------------------------


def test_axis_amounts_are_whole_euros_in_the_locale() -> None:
    set_language("nl")
    assert money_tick(1400.0) == "€\xa01.400"  # Babel puts a no-break space after the sign
    assert money_tick(-1000.0) == "€\xa0-1.000"
    set_language("en")
    assert money_tick(1400.0) == "€1,400"
    assert money_tick(0.0) == "€0"


def test_twin_axes_share_zero_and_gridlines() -> None:
    from matplotlib.figure import Figure

    assert nice_step(17000) == 5000
    assert nice_step(1400) == 500
    ax = Figure().add_subplot()
    twin = ax.twinx()
    align_twin(ax, twin, (-1300.0, 1800.0), (0.0, 16700.0))
    lo1, hi1 = ax.get_ylim()
    lo2, hi2 = twin.get_ylim()
    assert lo1 / hi1 == pytest.approx(lo2 / hi2)  # zero at the same height
    assert (lo1, hi1) == (-2000, 4000)  # steps of 1000: two below zero, four above
    assert (lo2, hi2) == (-10000, 20000)  # steps of 5000: as many, so the gridlines are shared
