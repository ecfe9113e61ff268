"""ui.report and the window's File → Save a summary as PDF / Print a summary."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from planner.i18n import format_money
from planner.overview import compute_overview, compute_risk
from planner.report import Report, Section, Table, build_report
from planner.risk import assess
from planner.storage import load_plan
from ui.main_window import MainWindow
from ui.report import column_widths, report_html, write_pdf

from .conftest import ROOT

HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


@pytest.fixture(scope="module")
def report() -> Report:
    plan = load_plan(HOTEL)
    return build_report(compute_overview(plan), compute_risk(plan), made_on=date(2026, 11, 30), lang="nl")


def test_every_text_is_escaped() -> None:
    sneaky = Report("<b>title</b>", "a & b", (Section("<script>", ("1 < 2",), ("x > y",), Table(("<th>",), (("<td>",),), (False,))),))
    out = report_html(sneaky)
    assert "<b>" not in out and "<script>" not in out and "&lt;th&gt;" in out and "&lt;td&gt;" in out
    assert "&lt;b&gt;title&lt;/b&gt;" in out and "a &amp; b" in out and "1 &lt; 2" in out and "&lt;script&gt;" in out


def test_columns_share_the_width_after_what_they_hold() -> None:
    widths = column_widths(("Maand", "Nettoloon", "Later teruggevraagd voor deze maand"),
                           (("december 2026", "€ 1.012,42*", "−€ 45,71* op 26 maart 2027"),))
    assert sum(widths) == 100 and all(w > 0 for w in widths)
    assert widths[2] > widths[1], "the long dates get more room than an amount"


def test_the_pdf_is_written_whole_with_the_amounts(qapp, tmp_path: Path, report: Report) -> None:  # noqa: ANN001
    target = tmp_path / "overzicht.pdf"
    pages = write_pdf(report, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert pages >= 2 and _pages(target) == pages
    assert [p.name for p in tmp_path.iterdir()] == ["overzicht.pdf"], "no temporary file left behind"
    html = report_html(report)
    money = report.sections[1].table.rows[0][2]  # December's bijstand, as the table shows it
    assert money.startswith("€") and money.replace("*", "") in html


def test_a_pdf_that_cannot_be_written_leaves_nothing(qapp, tmp_path: Path, report: Report) -> None:  # noqa: ANN001
    with pytest.raises(OSError):
        write_pdf(report, tmp_path / "no such folder" / "overzicht.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_window_saves_and_prints_the_summary(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    assert not window.pdf_action.isEnabled(), "no plan, no summary"
    window.show()
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(HOTEL)
    assert window.pdf_action.isEnabled() and window.print_action.isEnabled()
    saved = window.save_summary_pdf(tmp_path / "gesprek")
    assert saved == tmp_path / "gesprek.pdf" and _pages(saved) >= 2
    report = window.summary_report()
    assert report is not None
    bijstand = next(i for i in window.overview.cards[0].money_in if i.key == "bijstand")
    assert format_money(bijstand.amount) in report.text(), "the summary has the amounts on screen"
    assert report.subtitle.startswith(window.document.plan.name + " · ")
    device = QPrinter(QPrinter.PrinterMode.HighResolution)
    device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    device.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = window.print_summary(device)
    assert pages >= 2 and _pages(tmp_path / "printed.pdf") == pages


def test_a_plan_with_mistakes_gets_no_summary(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    from decimal import Decimal

    from planner.model import Shift

    window.show()
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(HOTEL)
    plan = window.document.plan
    bad = plan.model_copy(update={"shifts": (*plan.shifts, Shift(date=date(2026, 12, 2), hours=Decimal(30), job="hotel"))})
    window.apply_edit(bad, "too long")
    assert window.save_summary_pdf(tmp_path / "x.pdf") is None
    assert not (tmp_path / "x.pdf").exists()


def test_a_web_page_for_screen_readers(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    window.show()
    with qtbot.wait_signal(window.plan_shown, timeout=20000):
        window.open_path(HOTEL)
    out = tmp_path / "out"
    out.mkdir()
    saved = window.save_summary_pdf(out / "gesprek.html")
    assert saved == out / "gesprek.html"
    page = saved.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page and "<title>" in page
    assert '<th scope="col"' in page and "<script" not in page and "http" not in page.split("Regels en bronnen")[0]
    report = window.summary_report()
    assert report is not None and report.sections[2].table.rows[0][2] in page
    assert [p.name for p in out.iterdir()] == ["gesprek.html"], "no temporary file left behind"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", ["schoonmaker-amsterdam.bvp.json", "schoonmaker-hotel-amsterdam.bvp.json"])
def test_a_twelve_month_summary_is_at_most_three_pages(qapp, tmp_path: Path, lang: str, example: str) -> None:  # noqa: ANN001
    plan = load_plan(Path(__file__).resolve().parents[2] / "examples" / example)
    assert plan.months == 12
    report = build_report(compute_overview(plan), compute_risk(plan), made_on=date(2026, 12, 3), lang=lang,
                          chances=assess(plan))  # with the chances section, as the window makes it
    assert any(s.title in ("Kansen in veel mogelijke gevallen", "Chances over many possible futures")
               for s in report.sections)
    assert write_pdf(report, tmp_path / "summary.pdf") <= 3
