"""The notes of a plan's results: what makes the amounts uncertain, each once, most serious first.

Shared by the banner of the window (``ui.banner``) and the consultation
summary (``planner.report``). A note is a flag of a benefit month that matters
to the user (``planner.summary.NOTE_CODES``: a rule not yet published or not
known for a month, a value not confirmed, an assumption where the rules are not
known), or a warning about the plan; a note that holds for several months is
listed once, with the months it applies to. Texts are in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from babel.lists import format_list

from planner.benefit import BenefitMonth, Flag, Projection
from planner.explain import Explanation, Month, Text
from planner.i18n import N_, _, babel_locale, format_month, ngettext
from planner.summary import NOTE_CODES, NOTE_ORDER
from planner.validate import Issue


def notes_of(month: BenefitMonth) -> tuple[Flag, ...]:
    """The flags of ``month`` that matter (see :data:`planner.summary.NOTE_CODES`)."""
    return tuple(f for f in month.flags if f.code in NOTE_CODES)


#: Most serious first (the cards' order), then values read on a news or municipal page.
_ORDER = {**NOTE_ORDER, "copy": len(NOTE_ORDER), "secondary": len(NOTE_ORDER)}


@dataclass(frozen=True, slots=True)
class Note:
    """One line of the banner: an explanation and the months it applies to."""

    order: int
    explanation: Explanation
    months: tuple[tuple[int, int], ...]
    code: str = ""


def _unpublished(projection: Projection) -> Note | None:
    """One note for every rule not yet published: from which month, which rules, and what we do instead."""
    months: list[tuple[int, int]] = []
    labels: dict[str, Text] = {}
    for month in projection.months:
        flags = [f for f in month.flags if f.code == "not_yet_published"]
        if flags:
            months.append((month.year, month.month))
        for flag in flags:
            rule = flag.explanation.values.get("rule")
            if isinstance(rule, Text) and flag.rule_id not in labels:
                labels[flag.rule_id or rule.en] = rule
    if not months:
        return None
    rules = Text(
        format_list([t.nl for t in labels.values()], locale="nl"),
        format_list([t.en for t in labels.values()], locale="en"),
    )
    explanation = Explanation(
        N_("Not yet published from {month} on: {rules}. We use the last known amounts."),
        {"month": Month(*months[0]), "rules": rules},
    )
    return Note(_ORDER["not_yet_published"], explanation, tuple(months), "not_yet_published")


def collect_notes(projection: Projection, warnings: tuple[Issue, ...] = ()) -> list[Note]:
    """The flags of all months, each once (same kind, same rule or assumption), most serious first.

    Every rule that is not yet published for some months makes one note together, not one per rule.
    """
    found: dict[tuple[str, str | None, str | None], tuple[Flag, list[tuple[int, int]]]] = {}
    for month in projection.months:
        for flag in notes_of(month):
            if flag.code == "not_yet_published":
                continue
            key = (flag.code, flag.rule_id, flag.assumption if flag.assumption else flag.explanation.message)
            if key not in found:
                found[key] = (flag, [])
            ym = (month.year, month.month)
            if ym not in found[key][1]:
                found[key][1].append(ym)
    notes = [Note(_ORDER.get(flag.code, 9), flag.explanation, tuple(months), flag.code) for flag, months in found.values()]
    unpublished = _unpublished(projection)
    if unpublished is not None:
        notes.append(unpublished)
    notes.sort(key=lambda n: n.order)  # stable: within a kind, in the order they first appear
    notes += [Note(10, issue.explanation, (), "warning") for issue in warnings if issue.severity == "warning"]
    return notes


def secondary_rules(projection: Projection) -> tuple[str, ...]:
    """Ids of the rules whose value was not read in the official text (another website, or a copy), each once."""
    ids: dict[str, None] = {}
    for month in projection.months:
        for flag in month.flags:
            if flag.code in ("secondary", "copy") and flag.rule_id is not None:
                ids.setdefault(flag.rule_id, None)
    return tuple(ids)


def _runs(months: tuple[tuple[int, int], ...]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = []
    for ym in sorted(months):
        if runs:
            y, m = runs[-1][1]
            nxt = (y + 1, 1) if m == 12 else (y, m + 1)
            if ym == nxt:
                runs[-1][1] = ym
                continue
        runs.append([ym, ym])
    return [(a, b) for a, b in runs]


def _month_name(year: int, month: int) -> str:
    """The month's name alone, as it stands in a date range ("januari", "January")."""
    return format_date(date(year, month, 1), format="LLLL", locale=babel_locale())


def months_text(months: tuple[tuple[int, int], ...], all_months: int) -> str:
    """``This applies to 6 months: juli to december 2026.`` in the current language."""
    n = len(months)
    if n == all_months and n > 1:
        return _("This applies to every month of the plan.")
    parts = []
    for first, last in _runs(months):
        if first == last:
            parts.append(format_month(*first))
        else:
            # "januari to februari 2026" within a year, "november 2026 to februari 2027" across years
            start = _month_name(*first) if first[0] == last[0] else format_month(*first)
            parts.append(_("{first} to {last}").format(first=start, last=format_month(*last)))
    listed = format_list(parts, locale=babel_locale())
    return ngettext("This applies to {count} month: {months}.", "This applies to {count} months: {months}.", n).format(
        count=n, months=listed
    )


__all__ = ["Note", "collect_notes", "months_text", "notes_of", "secondary_rules"]
