"""The notes of a plan's results: what makes the amounts uncertain, each once, most serious first.

Shared by the banner of the window (``ui.banner``) and the consultation
summary (``planner.report``). A note is a flag of a benefit month that matters
to the user (``planner.summary.NOTE_CODES``: a rule not yet published or not
known for a month, a value not confirmed, an assumption where the rules are not
known), or a warning about the plan; a note that holds for several months is
listed once, with the months it applies to. Texts are in the current language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from babel.lists import format_list

from planner.benefit import BenefitMonth, Flag, Projection
from planner.explain import Explanation, Month, Text
from planner.i18n import N_, NP_, _, babel_locale, format_month, ngettext, translations
from planner.summary import NOTE_CODES, NOTE_ORDER, MonthCard
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


#: The plain name of what a rule is about, by the start of its id (the first that fits wins). A note says
#: "the bijstand norm", not "Benefit norm, single person or single parent, 21 to state pension age", and
#: "the holiday pay you build up at work", not "Holiday entitlement: deduction in band 2".
RULE_TOPICS: tuple[tuple[str, str], ...] = (
    ("participatiewet/norm/", N_("the bijstand norm")),
    ("gemeenten/amsterdam/norm_verlaging", N_("the lower norm without housing costs")),
    ("gemeenten/overig/norm_verlaging", N_("the lower norm without housing costs")),
    ("participatiewet/kostendelersnorm/", N_("the norm when you share a home (kostendelersnorm)")),
    ("belastingen/box1/", N_("the tax rates")),
    ("belastingen/ahk/", N_("the general tax credit")),
    ("belastingen/arbeidskorting/", N_("the work tax credit")),
    ("participatiewet/vakantieaanspraak/", N_("the holiday pay you build up at work")),
    ("participatiewet/vakantietoeslag/", N_("the holiday allowance of your bijstand")),
    ("participatiewet/vrijlating/", N_("the part of your wage you may keep (vrijlating)")),
    ("participatiewet/premie/", N_("the most premie you may get in a year")),
    ("gemeenten/amsterdam/bijverdienpremie", N_("the bijverdienpremie")),
    ("wml/", N_("the minimum wage")),
    ("aow/", N_("the state pension age")),
    ("participatiewet/vermogen/", N_("the limit on savings")),
    ("participatiewet/verrekening/", N_("how money is taken back")),
    ("participatiewet/voorschot/", N_("the advance payment")),
    ("gemeenten/amsterdam/uitkering/", N_("when and how the municipality pays")),
    ("gemeenten/overig/uitkering/", N_("when and how the municipality pays")),
    ("gemeenten/amsterdam/inkomenstoerekening", N_("the month your wage counts in")),
    ("gemeenten/overig/inkomenstoerekening", N_("the month your wage counts in")),
)


def topic(rule_id: str) -> str | None:
    """The ``N_``-marked plain name of what rule ``rule_id`` is about (``None``: no plain name known)."""
    return next((name for prefix, name in RULE_TOPICS if rule_id.startswith(prefix)), None)


def topics_text(flags: Iterable[Flag]) -> Text:
    """The plain names of the rules of ``flags``, each once, as one list in both languages."""
    names: dict[str, Text] = {}
    for flag in flags:
        name = topic(flag.rule_id) if flag.rule_id else None
        if name is not None:
            names.setdefault(name, Text(translations("nl").gettext(name), translations("en").gettext(name)))
            continue
        rule = flag.explanation.values.get("rule")  # no plain name: the rule's own label
        if isinstance(rule, Text):
            names.setdefault(rule.en, rule)
    return Text(format_list([t.nl for t in names.values()], locale="nl"),
                format_list([t.en for t in names.values()], locale="en"))


_UNKNOWN = frozenset({"unknown_value", "earlier_unknown"})


def _unpublished(flags: list[tuple[tuple[int, int], Flag, bool]]) -> Note | None:
    """One note for every amount not yet published: from which month, what it is about, what we use instead.

    The months are those of the benefit months that use such an amount; an amount of the cards (the tax on
    December's wage, paid in January) adds what it is about, and its month only when no benefit month has one.
    """
    found = [(ym, f, own) for ym, f, own in flags if f.code == "not_yet_published"]
    if not found:
        return None
    months = sorted({ym for ym, _f, own in found if own}) or sorted({ym for ym, _f, _own in found})
    explanation = Explanation(
        N_("From {month} on, these amounts are not yet published: {topics}. We use the last known ones."),
        {"month": Month(*months[0]), "topics": topics_text(f for _ym, f, _own in found)},
    )
    return Note(_ORDER["not_yet_published"], explanation, tuple(months), "not_yet_published")


def collect_notes(projection: Projection, warnings: tuple[Issue, ...] = (), cards: Sequence[MonthCard] = ()) -> list[Note]:
    """The flags of all months (and of the month ``cards``' amounts), each once, most serious first.

    Every amount that is not yet published makes one note together, naming in plain words what the amounts
    are about; not one note per rule.
    """
    flags: list[tuple[tuple[int, int], Flag, bool]] = []  # the month, the flag, whether of the benefit month itself
    for month in projection.months:
        flags.extend(((month.year, month.month), f, True) for f in notes_of(month))
    for card in cards:
        flags.extend((card.month, f, False) for f in card.notes if f.code in NOTE_CODES)
    found: dict[tuple[str, str | None, str | None], tuple[Flag, list[tuple[int, int]]]] = {}
    for ym, flag, _own in flags:
        if flag.code == "not_yet_published":
            continue
        key = (flag.code, flag.rule_id, flag.assumption if flag.assumption else flag.explanation.message)
        if key not in found:
            found[key] = (flag, [])
        if ym not in found[key][1]:
            found[key][1].append(ym)
    notes = [Note(_ORDER.get(flag.code, 9), flag.explanation, tuple(sorted(months)), flag.code)
             for flag, months in found.values()]
    unpublished = _unpublished(flags)
    if unpublished is not None:
        notes.append(unpublished)
    notes.sort(key=lambda n: n.order)  # stable: within a kind, in the order they first appear
    notes += [Note(10, issue.explanation, (), "warning") for issue in warnings if issue.severity == "warning"]
    return notes


def causes(notes: Sequence[Note]) -> list[Explanation]:
    """What makes the amounts uncertain, each cause once, in a short sentence (the window's banner).

    Not yet published: from which month; not known, not confirmed, assumptions, warnings about the plan:
    how many; any other note (the premie of the 2018 experiment) as it is.
    """
    out: list[Explanation] = []
    for note in notes:
        if note.code == "not_yet_published":
            month = note.explanation.values["month"]
            out.append(Explanation(N_("Amounts from {month} on are not yet published. We use the last known ones."),
                                   {"month": month}))
    unknown = sum(1 for n in notes if n.code in _UNKNOWN)
    if unknown:
        out.append(_counted(NP_("{count} amount is not known. We use the nearest known one.",
                                "{count} amounts are not known. We use the nearest known ones."), unknown))
    unverified = sum(1 for n in notes if n.code == "unverified")
    if unverified:
        out.append(_counted(NP_("{count} rule is not confirmed in an official source.",
                                "{count} rules are not confirmed in an official source."), unverified))
    assumed = sum(1 for n in notes if n.code == "assumption")
    if assumed:
        out.append(_counted(NP_("Where the rules are unclear, we take the careful side ({count} time).",
                                "Where the rules are unclear, we take the careful side ({count} times)."), assumed))
    out.extend(n.explanation for n in notes if n.code not in _COUNTED)
    warned = sum(1 for n in notes if n.code == "warning")
    if warned:
        out.append(_counted(NP_("There is {count} warning about your plan. Show the details to read it.",
                                "There are {count} warnings about your plan. Show the details to read them."), warned))
    return out


_COUNTED = frozenset({"not_yet_published", "unverified", "assumption", "warning", *_UNKNOWN})


def _counted(pair: tuple[str, str], count: int) -> Explanation:
    return Explanation(pair[0], {"count": count}, plural=pair[1], count="count")


def amount_causes(flags: Sequence[Flag], *, short: bool = False) -> list[Explanation]:
    """The notes about one amount, each cause once.

    What is not yet published, or not known, makes one sentence each, in plain names; then every other note
    as it is (the explanation panel). ``short``: the rules not confirmed and the assumptions are counted
    instead, for an amount's tooltip and what a screen reader says of it.
    """
    out: list[Explanation] = []
    unpublished = [f for f in flags if f.code == "not_yet_published"]
    if unpublished:
        out.append(Explanation(N_("Not yet published: {topics}. We use the last known amounts."),
                               {"topics": topics_text(unpublished)}))
    unknown = [f for f in flags if f.code in _UNKNOWN]
    if unknown:
        out.append(Explanation(N_("Not known: {topics}. We use the nearest known amounts."),
                               {"topics": topics_text(unknown)}))
    seen: dict[str, Flag] = {}
    for flag in flags:
        if flag.code not in ("not_yet_published", *_UNKNOWN):
            seen.setdefault(repr((flag.code, flag.rule_id, flag.assumption, flag.explanation.message)), flag)
    rest = list(seen.values())
    if not short:
        return out + [f.explanation for f in rest]
    unverified = sum(1 for f in rest if f.code == "unverified")
    if unverified:
        out.append(_counted(NP_("{count} rule used here is not confirmed in an official source.",
                                "{count} rules used here are not confirmed in an official source."), unverified))
    if any(f.code == "assumption" for f in rest):
        out.append(Explanation(N_("Where the rules are unclear, we take the careful side.")))
    out.extend(f.explanation for f in rest if f.code not in ("unverified", "assumption"))
    return out


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


__all__ = [
    "RULE_TOPICS",
    "Note",
    "amount_causes",
    "causes",
    "collect_notes",
    "months_text",
    "notes_of",
    "secondary_rules",
    "topic",
    "topics_text",
]
