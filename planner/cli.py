"""The headless front: ``bijverdienplanner compute PLAN`` prints the month-by-month projection.

Formats: ``table`` (for people, in the chosen language), ``json`` (a stable
contract, field names in English, amounts as strings with two decimals,
documented in the README), ``csv`` (one row per month; Dutch uses ``;`` and a
decimal comma so a Dutch spreadsheet reads it, English ``,`` and a point).

Exit codes: 0 computed; 2 bad input (missing file, not JSON, not a plan,
invalid plan, errors in the plan); never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import textwrap
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planner.assumptions import ASSUMPTIONS, FIXED_ASSUMPTIONS
from planner.benefit import BenefitMonth, Flag, Line, Projection
from planner.scenarios import Bounds, Range, Result, bounds, compare
from planner.settlement import Event
from planner.explain import Explanation, RuleRef, Text, render
from planner.i18n import LANGUAGES, N_, Language, format_day, format_money, format_month, format_number, use_language
from planner.i18n import _ as gettext_
from planner.model import Plan, parse_month
from planner.notes import collect_notes, months_text
from planner.summary import month_cards
from planner.results import benefit_label, label, work_gain_sentence
from planner.norm import NotEligible
from planner.rules import RuleFileError, load_rules
from planner.storage import PlanFileError, load_plan
from planner.validate import Issue, check_plan, describe_errors
from planner.wages.payments import Payment, net_by_month

if TYPE_CHECKING:  # imported where they are used: compute without --risk needs neither numpy nor the simulation
    from planner.risk import RiskSummary, Spread
    from planner.risk_compare import RiskComparison, Side

RISK_SAMPLES = 10_000
RISK_MAX_SAMPLES = 1_000_000

JSON_FORMAT = "bijverdienplanner.compute"
JSON_VERSION = 1

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def money(amount: Decimal) -> str:
    return f"{amount:.2f}"


# --- JSON ----------------------------------------------------------------------------------------


def _rule_json(ref: RuleRef, lang: Language) -> dict[str, Any]:
    return {
        "id": ref.id,
        "article": ref.article(lang),
        "valid_from": ref.valid_from.isoformat(),
        "status": ref.status,
        "published": ref.coverage == "in_force",
        "coverage": ref.coverage,
        "sources": [{"title": r.title, "url": r.url} for r in ref.references],
    }


def _expl_json(expl: Explanation, lang: Language) -> dict[str, Any]:
    return {"text": render(expl, lang), "rules": [_rule_json(r, lang) for r in expl.all_rules()]}


def _flag_json(flag: Flag, lang: Language) -> dict[str, Any]:
    return {"code": flag.code, "rule": flag.rule_id, "assumption": flag.assumption, "message": render(flag.explanation, lang)}


_LINES = (
    "norm",
    "vakantietoeslag_in_norm",
    "income_from_work",
    "vrijlating_total",
    "income_counted",
    "bijstand",
    "vakantieaanspraak",
    "vakantietoeslag_reserved",
    "bijstand_paid_monthly",
    "premie_accrued",
    "premie_paid",
)


def _opt(amount: Decimal | None) -> str | None:
    return None if amount is None else money(amount)


def payment_json(p: Payment, proj: Projection, lang: Language) -> dict[str, Any]:
    wanted = {bm.key for bm in proj.months}
    return {
        "job": p.job_id,
        "person": p.role,
        "kind": p.kind,
        "period": p.period,
        "period_start": p.period_start.isoformat(),
        "period_end": p.period_end.isoformat(),
        "pay_date": p.pay_date.isoformat(),
        "payslip_date": p.payslip_date.isoformat(),
        "hours": f"{p.hours:.2f}",
        "source": p.source,
        "gross": _opt(p.gross),
        "loonheffing": _opt(p.loonheffing),
        "net": money(p.net),
        "holiday_pay_gross": _opt(p.holiday_gross),
        "holiday_pay_net": money(p.holiday_net),
        "holiday_pay_accrued": money(p.holiday_accrued),
        "total_net": money(p.total_net),
        "counted_in": [
            {"month": f"{y:04d}-{m:02d}", "amount": money(a)}
            for (y, m), a in net_by_month(p, proj.attribution)  # type: ignore[arg-type]
            if f"{y:04d}-{m:02d}" in wanted
        ],
        "explanation": _expl_json(p.explanation, lang),
    }


def month_json(bm: BenefitMonth, lang: Language) -> dict[str, Any]:
    out: dict[str, Any] = {"month": bm.key}
    for name in _LINES:
        line: Line = getattr(bm, name)
        out[name] = money(line.amount)
    out["cost_sharers"] = bm.cost_sharers
    out["people"] = [
        {
            "role": p.role,
            "age": p.age,
            "state_pension_age": p.aow,
            "net_income": money(p.income.net if p.income else Decimal(0)),
            "gross_income": None if p.income is None or p.income.gross is None else money(p.income.gross),
            "vrijlating": None
            if p.vrijlating is None
            else {"rule": p.vrijlating.kind, "amount": money(p.vrijlating.amount), "month_number": p.vrijlating.month_number},
        }
        for p in bm.people
    ]
    out["vrijlatingen"] = [
        {"person": v.role, "rule": v.kind, "amount": money(v.amount), "month_number": v.month_number} for v in bm.vrijlatingen
    ]
    out["premie_payout_month"] = None if bm.premie_payout_month is None else f"{bm.premie_payout_month[0]:04d}-{bm.premie_payout_month[1]:02d}"
    out["premie_paid_for_months"] = [f"{y:04d}-{m:02d}" for y, m, _ in bm.payout.accrued] if bm.payout else []
    out["not_yet_published"] = any(f.code == "not_yet_published" for f in bm.flags)
    out["flags"] = [_flag_json(f, lang) for f in bm.flags]
    out["explanations"] = {name: _expl_json(getattr(bm, name).explanation, lang) for name in _LINES}
    return out


def _ym(ym: tuple[int, int] | None) -> str | None:
    return None if ym is None else f"{ym[0]:04d}-{ym[1]:02d}"


def event_json(e: Event, lang: Language) -> dict[str, Any]:
    return {
        "date": e.date.isoformat(),
        "type": e.kind,
        "amount": money(e.amount),
        "settles_month": _ym(e.settles),
        "month": _ym(e.month),
        "job": e.job,
        "statement": None if e.statement is None else render(e.statement, lang),
        "explanation": _expl_json(e.explanation, lang),
    }


def _range(r: Range) -> dict[str, str]:
    return {"low": money(r.low), "planned": money(r.planned), "high": money(r.high)}


def projection_json(risk: Bounds, issues: list[Issue], lang: Language, work_gain: Decimal | None = None) -> dict[str, Any]:
    result = risk.results["planned"]
    proj = result.projection
    plan = proj.plan
    timeline, ledger = result.timeline, result.ledger
    with use_language(lang):
        assumptions = [
            {
                "id": key,
                "option": option,
                "default": option == ASSUMPTIONS[key].default,
                "title": gettext_(ASSUMPTIONS[key].title),
                "option_text": gettext_(ASSUMPTIONS[key].option(option).text),
                "why": gettext_(ASSUMPTIONS[key].why),
            }
            for key, option in proj.assumptions.items()
        ]
        fixed = [{"id": key, "text": gettext_(text)} for key, text in FIXED_ASSUMPTIONS]
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "language": lang,
        "plan": {
            "name": plan.name,
            "start": plan.start,
            "months": plan.months,
            "municipality": plan.household.municipality,
            "premie_scheme": plan.premie_scheme,
        },
        "assumptions": assumptions,
        "fixed_assumptions": fixed,
        "warnings": [{"code": i.code, "where": i.where, "message": render(i.explanation, lang)} for i in issues if i.severity == "warning"],
        "income_attribution": proj.attribution,
        "payments": [payment_json(p, proj, lang) for p in proj.payments],
        "months": [
            month_json(bm, lang) | _month_money_json(result, i) for i, bm in enumerate(proj.months)
        ],
        "premie_unpaid": [{"month": f"{y:04d}-{m:02d}", "amount": money(a)} for y, m, a in proj.premie_unpaid],
        "settlement": {
            "regime": timeline.regime,
            "pay_day": timeline.pay_day,
            "events": [event_json(e, lang) for e in timeline.events],
            "pending": [{"settles_month": _ym(p.settles), "amount": money(p.amount)} for p in timeline.pending],
            "holiday_allowance_after_plan": [
                {"last_month": _ym(p.settles), "amount": money(p.amount)} for p in timeline.payouts_after_plan
            ],
            "rules": [_rule_json(r, lang) for r in timeline.used],
        },
        "set_aside_advice": [
            {"from_date": a.from_date.isoformat(), "job": a.job, "amount": money(a.amount),
             "for_date": a.for_date.isoformat(), "settles_month": _ym(a.settles),
             "kind": a.kind, "text": render(a.explanation, lang)}
            for a in ledger.advice
        ],
        "cash_flow": {
            "starting_balance": money(ledger.starting_balance),
            "safety_buffer": money(ledger.buffer),
            "lowest_balance": money(ledger.lowest),
            "daily_balance": [{"date": (ledger.start + timedelta(days=i)).isoformat(), "balance": money(b)}
                              for i, b in enumerate(ledger.daily)],
        },
        "work_gain": None if work_gain is None else money(work_gain),
        "risk": {
            "scenarios": {"fewer": "only shifts marked sure", "planned": "sure, likely and maybe shifts",
                          "more": "all shifts, extra ones included"},
            "repayment": _range(risk.repayment),
            "lowest_balance": _range(risk.lowest_balance),
            "set_aside": _range(risk.set_aside),
        },
    }


def _spread_json(spread: Spread | None) -> dict[str, str] | None:
    if spread is None:
        return None
    return {"median": money(spread.median), "low": money(spread.low), "high": money(spread.high)}


def risk_json(summary: RiskSummary, lang: Language) -> dict[str, Any]:
    """The ``risk_simulation`` section of ``compute --risk --format json`` (documented in the README)."""
    aside = summary.set_aside
    return {
        "samples": summary.samples,
        "seed": summary.seed,
        "engine": summary.engine,
        "fallback_reason": render(summary.fallback_explanation, lang) if summary.fallback_explanation else None,
        "assumptions": [{"id": a.id, "value": a.value, "text": render(a.explanation, lang)} for a in summary.assumptions],
        "letter_chance": str(summary.letter_chance),
        "letter_total": _spread_json(summary.letter_total),
        "below_zero_chance": str(summary.below_zero_chance),
        "below_buffer_chance": str(summary.below_buffer_chance),
        "lowest_balance": _spread_json(summary.lowest_balance),
        "set_aside": {
            "amount": money(aside.amount),
            "from_date": aside.from_date.isoformat() if aside.from_date else None,
            "needed_by": aside.needed_by.isoformat() if aside.needed_by else None,
            "level": str(aside.level),
            "chance_after": str(aside.chance_after),
            "text": render(aside.explanation, lang),
        },
        "months": [
            {
                "month": _ym(m.month),
                "letter_chance": str(m.letter_chance),
                "letter_size": _spread_json(m.letter_size),
                "below_zero_chance": str(m.below_zero_chance),
                "below_buffer_chance": str(m.below_buffer_chance),
                "lowest_balance": _spread_json(m.lowest_balance),
                "end_balance": _spread_json(m.end_balance),
                "text": render(m.text, lang) if m.text is not None else None,
            }
            for m in summary.months
        ],
        "texts": [render(t, lang) for t in summary.texts],
    }


def render_risk_table(summary: RiskSummary, lang: Language) -> str:
    """The risk simulation as text: the plain sentences, then the months in a grid."""
    from planner.risk import frequency

    with use_language(lang):
        lines = ["", gettext_(N_("Risk: what can happen if shifts change")), ""]
        lines.extend(render(t, lang) for t in summary.texts)
        lines.append("")
        headers = [gettext_(N_("Month")), gettext_(N_("Chance of a letter")), gettext_(N_("Usually taken")),
                   gettext_(N_("Chance below buffer"))]
        rows = []
        for m in summary.months:
            count, total = frequency(m.letter_chance)
            size = m.letter_size
            rows.append([
                format_month(m.month[0], m.month[1], lang),
                _frequency_text(m.letter_chance),
                "" if size is None else gettext_(N_("{low} to {high}")).format(
                    low=format_money(size.low, lang), high=format_money(size.high, lang)),
                _frequency_text(m.below_buffer_chance),
            ])
        lines.extend(_grid(headers, rows))
        lines.append("")
        lines.append(gettext_(N_("What we assume is uncertain:")))
        lines.extend(f"  - {render(a.explanation, lang)}" for a in summary.assumptions)
        if summary.fallback_explanation is not None:
            lines.append("")
            lines.append(gettext_(N_("This plan was worked out future by future (slower), because the fast way "
                                     "does not cover this yet: {reason}.")).format(
                reason=render(summary.fallback_explanation, lang)))
    return "\n".join(lines) + "\n"


def compare_risk_json(risk: RiskComparison, lang: Language) -> dict[str, Any]:
    """The ``risk`` object of ``compare --risk --format json`` (documented in the README)."""

    def side(s: Side) -> dict[str, Any]:
        return {"kept": _spread_json(s.kept), "letter_chance": str(s.letter_chance),
                "letter_total": _spread_json(s.letter_total)}

    return {
        "samples": risk.samples,
        "seed": risk.seed,
        "engine": risk.engine,
        "months": risk.months,
        "kept_difference": _spread_json(risk.kept_difference),
        "b_keeps_more_chance": str(risk.b_keeps_more_chance),
        "b_keeps_less_chance": str(risk.b_keeps_less_chance),
        "a": side(risk.a),
        "b": side(risk.b),
        "texts": [render(t, lang) for t in risk.texts],
    }


def render_compare_risk_table(risk: RiskComparison, lang: Language) -> list[str]:
    """The lines ``compare --risk`` adds to its table: the sentences, then A and B side by side."""
    with use_language(lang):
        lines = ["", gettext_(N_("Risk: both plans over the same possible futures")), ""]
        lines.extend(render(t, lang) for t in risk.texts)
        lines.append("")

        def usually(spread: Spread | None) -> str:
            if spread is None:
                return ""
            if spread.low == spread.high:
                return format_money(spread.low, lang)
            return gettext_(N_("{low} to {high}")).format(low=format_money(spread.low, lang),
                                                         high=format_money(spread.high, lang))

        rows = [
            [gettext_(N_("You keep (usually)")), usually(risk.a.kept), usually(risk.b.kept)],
            [gettext_(N_("Chance of a letter")), _frequency_text(risk.a.letter_chance), _frequency_text(risk.b.letter_chance)],
            [gettext_(N_("Usually taken")), usually(risk.a.letter_total), usually(risk.b.letter_total)],
        ]
        lines.extend(_grid(["", "A", "B"], rows))
    return lines


def _frequency_text(chance: Decimal) -> str:
    from planner.risk import frequency

    count, total = frequency(chance)
    if chance <= 0:
        return gettext_(N_("never"))
    if chance >= 1:
        return gettext_(N_("always"))
    if count == 0:
        return gettext_(N_("less than 1 in 100"))
    return gettext_(N_("{count} in {total}")).format(count=count, total=total)


def _month_money_json(result: Result, i: int) -> dict[str, Any]:
    lm = result.ledger.months[i]
    ms = result.timeline.months[i]
    return {
        "settlement": {
            "estimated_income": money(ms.estimated_income),
            "advance": money(ms.advance),
            "final": money(ms.final),
            "difference": money(ms.difference),
            "known_on": ms.known_on.isoformat(),
            "settled_on": None if ms.settled_on is None else ms.settled_on.isoformat(),
        },
        "cash_flow": {
            "start_balance": money(lm.start_balance),
            "money_in": money(lm.money_in),
            "money_out": money(lm.money_out),
            "end_balance": money(lm.end_balance),
            "lowest_balance": money(lm.lowest_balance),
            "lowest_on": lm.lowest_on.isoformat(),
            "days_below_buffer": lm.days_below_buffer,
            "set_aside": money(lm.set_aside),
            "withheld_or_repaid": money(lm.settlement_out),
        },
    }


# --- table and CSV -------------------------------------------------------------------------------

_COLUMNS: tuple[tuple[str, str], ...] = tuple((key, benefit_label(key)) for key in (
    "norm", "income_from_work", "vrijlating_total", "income_counted", "bijstand", "vakantietoeslag_reserved",
    "bijstand_paid_monthly", "premie_accrued", "premie_paid",
))
"""The benefit month's figures in the CSV and the table, with their labels (planner.results)."""


def _notes(bm: BenefitMonth) -> list[str]:
    return sorted({f.code for f in bm.flags})


def _grid(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return [line(headers), *(line(r) for r in rows)]


_MONEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("money_in", label("total_in")),
    ("money_out", N_("Money out")),
    ("lowest_balance", label("lowest_balance")),
    ("end_balance", N_("End balance")),
    ("settlement_out", label("taken_back_now")),
    ("set_aside", label("set_aside")),
)


_TABLE_COLUMNS: tuple[str, ...] = (
    "norm", "income_from_work", "vrijlating_total", "vakantietoeslag_reserved", "bijstand_paid_monthly", "premie_accrued",
)
"""The months table of ``--format table``: what a person reads first, within 100 columns. The JSON and CSV have all."""


def _headed_grid(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A grid whose headers wrap onto two lines where a header is wider than its numbers."""
    tops, bottoms = [], []
    for i, header in enumerate(headers):
        width = max((len(r[i]) for r in rows), default=0)
        words = header.split(" ")
        if len(header) <= width or len(words) == 1 or i == 0:
            tops.append("")
            bottoms.append(header)
            continue
        cut = max(range(1, len(words)), key=lambda k: -max(len(" ".join(words[:k])), len(" ".join(words[k:]))))
        tops.append(" ".join(words[:cut]))
        bottoms.append(" ".join(words[cut:]))
    widths = [max(len(str(r[i])) for r in [tops, bottoms, *rows]) for i in range(len(headers))]
    grid = _grid_widths(bottoms, rows, widths)
    if any(tops):
        grid.insert(0, _line(tops, widths))
    return grid


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()


def _grid_widths(headers: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    return [_line(headers, widths), *(_line(r, widths) for r in rows)]


TABLE_WIDTH = 100
"""``--format table`` fits a terminal of this many columns: texts wrap, the tables are made to fit."""


def _wrapped(lines: list[str]) -> list[str]:
    """Lines longer than :data:`TABLE_WIDTH` wrapped at words, indented under their first words."""
    out: list[str] = []
    for line in lines:
        if len(line) <= TABLE_WIDTH:
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip(" "))
        marker = line.lstrip(" ").split(" ", 1)[0]
        hang = " " * (lead + (len(marker) + 1 if marker in ("-",) or marker.rstrip(".").isdigit() else 2))
        out.extend(textwrap.wrap(line, width=TABLE_WIDTH, subsequent_indent=hang, break_long_words=False,
                                 break_on_hyphens=False))
    return out


def work_gain_text(gain: Decimal, lang: Language) -> str:
    """The plan's answer to "is this work worth it?", as the window's headline says it (``work_gain``)."""
    with use_language(lang):
        return work_gain_sentence(gain)


def render_table(risk: Bounds, issues: list[Issue], lang: Language, work_gain: Decimal | None = None) -> str:
    result = risk.results["planned"]
    proj = result.projection
    with use_language(lang):
        labels = dict(_COLUMNS)
        headers = [gettext_(N_("Month"))] + [gettext_(labels[key]) for key in _TABLE_COLUMNS] + [gettext_(N_("Notes"))]
        notes = collect_notes(proj, (), month_cards(result))  # the same notes as the window's banner
        rows = []
        for bm in proj.months:
            ym = (bm.year, bm.month)
            marks = [str(i) for i, note in enumerate(notes, 1) if ym in note.months]
            rows.append(
                [format_month(bm.year, bm.month, lang)]
                + [format_number(getattr(bm, key).amount, lang, decimals=2) for key in _TABLE_COLUMNS]
                + [",".join(marks)]
            )
        lines = [gettext_(N_("Bijverdienplanner: your months, in euros")), ""]
        if work_gain is not None:
            lines += [work_gain_text(work_gain, lang), ""]
        lines.extend(_headed_grid(headers, rows))
        noted = {f.rule_id for bm in proj.months for f in bm.flags if f.rule_id is not None}
        settlement_notes = [
            render(Explanation(N_("Not confirmed: “{rule}” is not confirmed in an official source."),
                               {"rule": Text(ref.label_nl, ref.label_en)}), lang)
            for ref in result.timeline.used if ref.status in ("unverified", "unknown") and ref.id not in noted
        ]
        if notes or settlement_notes:
            lines.append("")
            lines.append(gettext_(N_("Notes")) + ":")
            for i, note in enumerate(notes, 1):
                lines.append(f"  {i}. {render(note.explanation, lang)} {months_text(note.months, len(proj.months))}")
            for i, text in enumerate(dict.fromkeys(settlement_notes), len(notes) + 1):
                lines.append(f"  {i}. {text}")
        lines.append("")
        lines.append(gettext_(N_("Your bank account (money out is counted before money in on the same day):")))
        money_headers = [gettext_(N_("Month"))] + [gettext_(label) for _, label in _MONEY_COLUMNS]
        money_rows = [
            [format_month(lm.month[0], lm.month[1], lang)] + [format_number(getattr(lm, key), lang, decimals=2) for key, _ in _MONEY_COLUMNS]
            for lm in result.ledger.months
        ]
        lines.extend(_grid(money_headers, money_rows))
        lines.append("")
        settle = result.timeline.settlement_events()
        if settle:
            lines.append(gettext_(N_("What the municipality corrects later, and when:")))
            for e in settle:
                lines.append(f"  {format_day(e.date, lang)}: {render(e.statement, lang) if e.statement else ''} "
                             f"{format_money(e.amount, lang)}. {render(e.explanation, lang)}")
            lines.append("")
        for p in result.timeline.pending:
            lines.append("  " + gettext_(N_("Still open after the last month of the plan, for {month}: {amount}.")).format(
                month=format_month(p.settles[0], p.settles[1], lang), amount=format_money(p.amount, lang)))
        if result.ledger.advice:
            lines.append(gettext_(N_("Set aside:")))
            for a in result.ledger.advice:
                lines.append(f"  - {render(a.explanation, lang)}")
            lines.append("")
        lines.append(gettext_(N_(
            "If shifts change (only sure shifts … all shifts and extra ones): taken back {low} to {high}; "
            "lowest balance {lowest_low} to {lowest_high}; set aside {aside_low} to {aside_high}.")).format(
            low=format_money(risk.repayment.low, lang), high=format_money(risk.repayment.high, lang),
            lowest_low=format_money(risk.lowest_balance.low, lang), lowest_high=format_money(risk.lowest_balance.high, lang),
            aside_low=format_money(risk.set_aside.low, lang), aside_high=format_money(risk.set_aside.high, lang)))
        lines.append("")
        if proj.payments:
            lines.append(gettext_(N_("Payments from work (net, on the day they arrive):")))
            names = {j.id: j.name or j.id for j in proj.plan.jobs}
            for p in proj.payments:
                if p.kind == "holiday_pay":
                    text = gettext_(N_("{date}: {job}, holiday pay {amount}")).format(
                        date=format_day(p.pay_date, lang), job=names.get(p.job_id, p.job_id), amount=format_money(p.total_net, lang))
                else:
                    text = gettext_(N_("{date}: {job}, wage for {first} to {last}: {amount}")).format(
                        date=format_day(p.pay_date, lang), job=names.get(p.job_id, p.job_id), first=format_day(p.period_start, lang),
                        last=format_day(p.period_end, lang), amount=format_money(p.total_net, lang))
                lines.append(f"  {text}")
            lines.append("")
        unpaid = proj.premie_unpaid
        if unpaid:
            total = sum((a for _, _, a in unpaid), Decimal(0))
            lines.append(gettext_(N_("Premie built up but paid after the last month of the plan: {amount}.")).format(amount=format_money(total, lang)))
            lines.append("")
        # Rules whose value was not read in the official text: listed once, by how they were read.
        sources: dict[str, dict[str, Text]] = {"copy": {}, "secondary": {}}
        for month in proj.months:
            for flag in month.flags:
                rule = flag.explanation.values.get("rule")
                if flag.code in sources and isinstance(rule, Text):
                    sources[flag.code].setdefault(flag.rule_id or rule.en, rule)
        for ref in result.timeline.used:
            if ref.status in sources:
                sources[ref.status].setdefault(ref.id, Text(ref.label_nl, ref.label_en))
        headings = {
            "copy": N_("Read in a copy of the law text, not yet checked in the official publication:"),
            "secondary": N_("Not from the official text (read on another website: news, a municipality or an adviser):"),
        }
        for status, found in sources.items():
            if found:
                lines.append(gettext_(headings[status]))
                lines.extend(f"  - {t.nl if lang == 'nl' else t.en}" for t in found.values())
                lines.append("")
        lines.append(gettext_(N_("Assumptions (where the rules are not known, we choose the careful side):")))
        for key, option in proj.assumptions.items():
            a = ASSUMPTIONS[key]
            lines.append(f"  - {gettext_(a.title)}: {gettext_(a.option(option).text)}")
        for _key, text in FIXED_ASSUMPTIONS:
            lines.append(f"  - {gettext_(text)}")
        warnings = [i for i in issues if i.severity == "warning"]
        if warnings:
            lines.append("")
            lines.append(gettext_(N_("Warnings:")))
            for issue in warnings:
                lines.append(f"  - {render(issue.explanation, lang)}")
    return "\n".join(_wrapped(lines)) + "\n"


def render_csv(result: Result, lang: Language) -> str:
    proj = result.projection
    buf = io.StringIO()
    delimiter = ";" if lang == "nl" else ","
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    with use_language(lang):
        writer.writerow([gettext_(N_("Month"))] + [gettext_(label) for _, label in _COLUMNS + _MONEY_COLUMNS] + [gettext_(N_("Notes"))])
    for bm, lm in zip(proj.months, result.ledger.months, strict=True):
        amounts = [money(getattr(bm, key).amount) for key, _ in _COLUMNS] + [money(getattr(lm, key)) for key, _ in _MONEY_COLUMNS]
        if lang == "nl":
            amounts = [a.replace(".", ",") for a in amounts]
        writer.writerow([bm.key, *amounts, " ".join(_notes(bm))])
    return buf.getvalue()


# --- main ----------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bijverdienplanner compute", description="Compute a plan month by month.")
    parser.add_argument("plan", help="plan file (.bvp.json)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM", help="first month (default: the plan's)")
    parser.add_argument("--months", type=int, metavar="N", help="number of months (default: the plan's)")
    parser.add_argument("--risk", action="store_true", help="add the risk simulation (chances over sampled futures)")
    parser.add_argument("--samples", type=int, metavar="N", help=f"futures to sample with --risk (default {RISK_SAMPLES})")
    parser.add_argument("--seed", type=int, metavar="S", help="seed of the sampling with --risk (default 0)")
    parser.add_argument("--password-file", metavar="FILE", help="a file whose first line is the plan's password")
    return parser


def _password(path: str | None, lang: Language) -> str | None | int:
    """The password in the first line of ``path`` (never from the command line, where others may see it)."""
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        return _error(lang, N_("The password file {path} cannot be read."), path=path)


def _error(lang: Language, message: str, details: Sequence[str] = (), **values: Any) -> int:
    with use_language(lang):
        text = gettext_(message).format(**values)
    print(text, file=sys.stderr)
    for line in details:
        print(f"  - {line}", file=sys.stderr)
    return EXIT_BAD_INPUT


_FILE_MESSAGES = {
    "not_found": N_("The file {path} does not exist."),
    "unreadable": N_("The file {path} cannot be read."),
    "too_large": N_("The file {path} is too large for a plan (at most 4 MB)."),
    "not_json": N_("The file {path} is not a plan file: it is not valid JSON."),
    "not_a_plan": N_("The file {path} is not a Bijverdienplanner plan."),
    "newer_version": N_("The file {path} was made by a newer version of Bijverdienplanner. Update the app to open it."),
    "invalid": N_("The plan in {path} has errors:"),
    "encrypted": N_("The file {path} is protected with a password. Give the password in a file with --password-file."),
    "wrong_password": N_("The password does not open {path}, or the file was changed after it was saved. A forgotten "
                         "password cannot be recovered."),
}


def compute_main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    lang: Language = args.lang
    try:
        rules = load_rules()
    except RuleFileError as exc:  # a broken install, not the user's input
        print(f"rule files: {exc}", file=sys.stderr)
        return 1
    password = _password(args.password_file, lang)
    if isinstance(password, int):
        return password
    loaded = _load(args.plan, lang, password)
    if isinstance(loaded, int):
        return loaded
    plan = loaded
    if args.start is not None or args.months is not None:
        try:
            if args.start:
                parse_month(args.start)
            if args.months is not None and not 1 <= args.months <= 36:
                raise ValueError
        except ValueError:
            return _error(lang, N_("Use --from YYYY-MM and --months between 1 and 36."))
        data = plan.model_dump()
        data["start"] = args.start or plan.start
        data["months"] = args.months or plan.months
        plan = Plan.model_validate(data)
    if args.risk and args.format == "csv":
        return _error(lang, N_("The risk simulation is shown with --format table or json, not csv."))
    sampling = _sampling(args, lang)
    if isinstance(sampling, int):
        return sampling
    samples, seed = sampling
    issues = check_plan(plan, rules)
    if (code := _refuse_errors(issues, args.plan, lang)) is not None:
        return code
    try:
        risk = bounds(plan, rules)
    except NotEligible as exc:
        return _error(lang, N_("This plan cannot be computed:"), [render(exc.explanation, lang)])
    from planner.compare_summary import work_gain

    gain = work_gain(plan, risk.results["planned"], rules)
    simulated = None
    if args.risk:
        from planner.risk import RiskNotSupported, assess  # numpy: only when asked for

        try:
            simulated = assess(plan, samples, seed, rules, risk.results["planned"])
        except NotEligible as exc:
            return _error(lang, N_("This plan cannot be computed:"), [render(exc.explanation, lang)])
        except RiskNotSupported as exc:
            return _error(lang, N_("The risk of this plan cannot be simulated: {reason}"), reason=render(exc.explanation, lang))
    if args.format == "json":
        data = projection_json(risk, issues, lang, gain)
        if simulated is not None:
            data["risk_simulation"] = risk_json(simulated, lang)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        sys.stdout.write(render_csv(risk.results["planned"], lang))
    else:
        sys.stdout.write(render_table(risk, issues, lang, gain))
        if simulated is not None:
            sys.stdout.write(render_risk_table(simulated, lang))
    return EXIT_OK


def _sampling(args: argparse.Namespace, lang: Language) -> tuple[int, int] | int:
    """``--samples`` and ``--seed`` of compute and compare (defaults filled in), or the exit code after saying why
    they cannot be used."""
    if not args.risk and (args.samples is not None or args.seed is not None):
        return _error(lang, N_("Use --samples and --seed together with --risk."))
    samples = RISK_SAMPLES if args.samples is None else args.samples
    if not 1 <= samples <= RISK_MAX_SAMPLES:
        return _error(lang, N_("Use --samples between 1 and {most}."), most=RISK_MAX_SAMPLES)
    seed = 0 if args.seed is None else args.seed
    if seed < 0:
        return _error(lang, N_("Use a --seed of 0 or more."))
    return samples, seed


def _load(path: str, lang: Language, password: str | None = None) -> Plan | int:
    """The plan in ``path``, or the exit code after printing why it cannot be read."""
    try:
        return load_plan(path, password)
    except PlanFileError as exc:
        details = [render(e, lang) for e in describe_errors(exc.errors)]
        return _error(lang, _FILE_MESSAGES[exc.kind], details, path=path)


def _refuse_errors(issues: list[Issue], path: str, lang: Language) -> int | None:
    """Exit code 2 with the messages when the checks found errors; None when the plan can be computed."""
    errors = [i for i in issues if i.severity == "error"]
    if not errors:
        return None
    return _error(lang, _FILE_MESSAGES["invalid"], [render(i.explanation, lang) for i in errors], path=path)


def _load_checked(path: str, lang: Language, rules, password: str | None = None) -> Plan | int:  # noqa: ANN001
    """A plan ready to compute, or the exit code after printing why not."""
    loaded = _load(path, lang, password)
    if isinstance(loaded, int):
        return loaded
    code = _refuse_errors(check_plan(loaded, rules), path, lang)
    return loaded if code is None else code


def compare_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="bijverdienplanner compare", description="Compare two plans month by month.")
    parser.add_argument("plan_a")
    parser.add_argument("plan_b")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl")
    parser.add_argument("--password-file", metavar="FILE", help="a file whose first line is the password of a protected plan")
    parser.add_argument("--risk", action="store_true",
                        help="add the ranges over sampled futures (the same futures for both plans)")
    parser.add_argument("--samples", type=int, metavar="N", help=f"futures to sample with --risk (default {RISK_SAMPLES})")
    parser.add_argument("--seed", type=int, metavar="S", help="seed of the sampling with --risk (default 0)")
    args = parser.parse_args(argv)
    lang: Language = args.lang
    sampling = _sampling(args, lang)
    if isinstance(sampling, int):
        return sampling
    samples, seed = sampling
    password = _password(args.password_file, lang)
    if isinstance(password, int):
        return password
    rules = load_rules()
    plans = []
    for path in (args.plan_a, args.plan_b):
        loaded = _load_checked(path, lang, rules, password)
        if isinstance(loaded, int):
            return loaded
        plans.append(loaded)
    name_a, name_b = plans[0].name or args.plan_a, plans[1].name or args.plan_b
    try:
        rows = compare(plans[0], plans[1], rules)
        risk = None
        if args.risk:
            from planner.risk import RiskNotSupported  # numpy: only when asked for
            from planner.risk_compare import compare_risk
            names = (name_a, name_b) if args.format == "json" else ("A", "B")
            try:
                risk = compare_risk(plans[0], plans[1], samples, seed, rules, *names)
            except RiskNotSupported as exc:
                return _error(lang, N_("The risk of this plan cannot be simulated: {reason}"),
                              reason=render(exc.explanation, lang))
    except NotEligible as exc:
        return _error(lang, N_("This plan cannot be computed:"), [render(exc.explanation, lang)])
    from planner.compare_summary import comparison_text, summarise

    fields = ("kept", "money_in", "settlement_out", "lowest_balance", "set_aside", "open_after")
    totals = summarise(rows)
    if args.format == "json":
        data = [{"month": _ym(r.month), **{f: {"a": money(getattr(r, f)[0]), "b": money(getattr(r, f)[1])} for f in fields}} for r in rows]
        total_pairs = {"kept": totals.kept, "money_in": totals.money_in, "settlement_out": totals.settlement_out,
                       "open_after": totals.open_after, "set_aside": totals.set_aside}
        with use_language(lang):
            answer = comparison_text(name_a, name_b, totals)
        out = {
            "format": "bijverdienplanner.compare", "version": 1, "answer": answer, "months": data,
            "totals": {k: {"a": money(p.a), "b": money(p.b), "difference": money(p.difference)} for k, p in total_pairs.items()},
        }
        if risk is not None:
            out["risk"] = compare_risk_json(risk, lang)
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
        return EXIT_OK
    shown = ("kept", "money_in", "settlement_out")
    with use_language(lang):
        labels = [gettext_(label("kept")), gettext_(label("total_in")), gettext_(label("taken_back_now"))]
        headers = [gettext_(N_("Month"))] + [f"{label} A" for label in labels] + [f"{label} B" for label in labels]
        table = [[format_month(r.month[0], r.month[1], lang)]
                 + [format_number(getattr(r, f)[0], lang, decimals=2) for f in shown]
                 + [format_number(getattr(r, f)[1], lang, decimals=2) for f in shown] for r in rows]
        title = gettext_(N_("Plan A: {a}. Plan B: {b}.")).format(a=name_a, b=name_b)
        answer = comparison_text("A", "B", totals)
    extra = render_compare_risk_table(risk, lang) if risk is not None else []
    sys.stdout.write("\n".join(_wrapped([title, "", answer, "", *_headed_grid(headers, table), *extra])) + "\n")
    return EXIT_OK


USAGE = (
    "usage: bijverdienplanner compute PLAN [--format table|json|csv] [--lang nl|en] [--from YYYY-MM --months N]\n"
    "                                      [--risk [--samples N] [--seed S]] [--password-file FILE]\n"
    "       bijverdienplanner compare PLAN_A PLAN_B [--format table|json] [--lang nl|en]\n"
    "                                      [--risk [--samples N] [--seed S]] [--password-file FILE]"
)


EXIT_BROKEN_PIPE = 1
"""The output's reader closed it before everything was written (as Python itself exits on it)."""

EXIT_BUG = 70
"""Something went wrong inside the planner: a bug, never the user's input (tests treat it as a failure)."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in ("compute", "compare"):
            code = (compute_main if argv[0] == "compute" else compare_main)(argv[1:])
            sys.stdout.flush()  # here, not at Python's exit: a closed pipe is answered below
            return code
    except (SystemExit, KeyboardInterrupt):
        raise
    except BrokenPipeError:  # the reader stopped early (`compute PLAN | head`): not an error of ours, and quiet
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's exit flush must not complain
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: a short message, never a traceback that may quote a household's data
        lang: Language = "en" if "--lang" in argv and argv[argv.index("--lang") + 1:][:1] == ["en"] else "nl"
        _error(lang, N_("Bijverdienplanner stopped because of an error in the program ({kind}). "
                        "Your file was not changed."), kind=type(exc).__name__)
        return EXIT_BUG
    print(USAGE, file=sys.stderr)
    return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
