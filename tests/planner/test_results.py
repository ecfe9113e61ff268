"""One figure, one meaning: each figure's label is defined once (planner.results) and every view uses it.

Two different figures never share a label in either language, every view's header for a figure is that label,
and the example plan shows the same value under the same label in the cards, the printed summary and the CLI.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planner.cli import _COLUMNS, main
from planner.i18n import format_money, translations
from planner.overview import compute_overview
from planner.report import build_report
from planner.results import BENEFIT_MONTH_FIELDS, FIGURES, benefit_label, label
from planner.storage import load_plan
from planner.summary import LABELS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_two_figures_share_a_label(lang: str) -> None:
    t = translations(lang)
    labels = [t.gettext(f.label) for f in FIGURES.values()]
    assert len(labels) == len(set(labels))
    assert all(t.gettext(f.definition) for f in FIGURES.values())


def test_every_view_takes_the_label_from_planner_results() -> None:
    for key in ("wages", "bijstand", "premie", "holiday_pay", "total_in", "taken_back_now", "lowest_balance", "set_aside"):
        assert LABELS[key] == label(key)  # the month cards
    for field, text in _COLUMNS:  # the CLI table and CSV
        assert text == benefit_label(field) == FIGURES[BENEFIT_MONTH_FIELDS.get(field, field)].label


def test_the_example_shows_one_value_under_one_label_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    plan = load_plan(EXAMPLE)
    overview = compute_overview(plan)
    report = build_report(overview, None, made_on=date(2026, 12, 3), lang="en")
    table = next(s.table for s in report.sections if s.table is not None and s.table.headers[0] == "Month")
    column = table.headers.index("Bijstand received")
    for card, row in zip(overview.cards, table.rows, strict=True):
        received = next(i for i in card.money_in if i.key == "bijstand")
        assert received.label == label("bijstand")
        assert row[column].rstrip("*") == format_money(received.amount, "en")
    assert main(["compute", str(EXAMPLE), "--format", "json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    for month, bm in zip(data["months"], overview.result.projection.months, strict=True):
        assert month["bijstand_paid_monthly"] == f"{bm.bijstand_paid_monthly.amount:.2f}"
        assert month["bijstand"] == f"{bm.bijstand.amount:.2f}"
    # The set-aside of the cards adds up to the one total the line above the cards shows.
    assert sum(c.set_aside.amount for c in overview.cards) == overview.result.ledger.set_aside
