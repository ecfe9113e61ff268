"""Structured explanations: a message id, the values that went in, the rules used.

The domain builds :class:`Explanation` objects with ``N_``-marked English
messages and typed values. They are rendered in a language only when shown
(:func:`render`), so one result can be shown in Dutch and in English, and a
view can show the rule's article, source and status beside the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from planner.i18n import (
    Language,
    format_day,
    format_money,
    format_month,
    format_number,
    format_percent,
    ngettext,
    npgettext,
    pgettext,
    use_language,
)
from planner.i18n import _ as gettext_
from planner.rules import Coverage, Reference, RuleValue
from planner.rules.schema import Status


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Percent:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Day:
    day: date


@dataclass(frozen=True, slots=True)
class Msg:
    """A translatable fragment used as a value inside another message."""

    message: str
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """Data that exists in both languages already (a rule's label from its file)."""

    nl: str
    en: str


Value = Money | Percent | Number | Month | Day | Msg | Text | int | str


_REFS: dict[tuple, tuple[object, RuleRef]] = {}
"""RuleRef per rule value; the parameter object is kept to tell rule sets apart."""


@dataclass(frozen=True, slots=True)
class RuleRef:
    """The rule behind an amount: id, article, status and sources."""

    id: str
    article_nl: str
    article_en: str
    label_nl: str
    label_en: str
    valid_from: date
    status: Status
    coverage: Coverage
    references: tuple[Reference, ...]
    note: str | None = None

    @classmethod
    def of(cls, rv: RuleValue) -> RuleRef:
        key = (rv.id, rv.valid_from, rv.coverage, rv.status)
        cached = _REFS.get(key)
        if cached is not None and cached[0] is rv.param:
            return cached[1]
        ref = cls._make(rv)
        _REFS[key] = (rv.param, ref)
        return ref

    @classmethod
    def _make(cls, rv: RuleValue) -> RuleRef:
        return cls(
            id=rv.id,
            article_nl=rv.param.article.nl,
            article_en=rv.param.article.en,
            label_nl=rv.param.label.nl,
            label_en=rv.param.label.en,
            valid_from=rv.valid_from,
            status=rv.status,
            coverage=rv.coverage,
            references=rv.references,
            note=rv.note,
        )

    def label(self, lang: Language) -> str:
        return self.label_nl if lang == "nl" else self.label_en

    def article(self, lang: Language) -> str:
        """The article or regulation behind the rule, cited in ``lang``."""
        return self.article_nl if lang == "nl" else self.article_en


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an amount is what it is.

    ``message`` is an English msgid with named ``{fields}`` (marked ``N_``);
    ``values`` fills the fields; ``rules`` lists the rules used.
    """

    message: str
    values: Mapping[str, Value] = field(default_factory=dict)
    rules: tuple[RuleRef, ...] = ()
    context: str | None = None
    plural: str | None = None
    """Plural form of ``message``; ``values[count]`` chooses between them (ngettext)."""
    count: str | None = None
    more: tuple[Explanation, ...] = ()
    """Further sentences, rendered after this one."""

    def all_rules(self) -> tuple[RuleRef, ...]:
        """The rules of this explanation and its further sentences, each once."""
        seen: dict[str, RuleRef] = {}
        for ref in self.rules:
            seen.setdefault(ref.id, ref)
        for part in self.more:
            for ref in part.all_rules():
                seen.setdefault(ref.id, ref)
        return tuple(seen.values())


def format_value(value: Value, lang: Language) -> str:
    if isinstance(value, Money):
        return format_money(value.amount, lang)
    if isinstance(value, Percent):
        return format_percent(value.value, lang)
    if isinstance(value, Number):
        return format_number(value.value, lang)
    if isinstance(value, Month):
        return format_month(value.year, value.month, lang)
    if isinstance(value, Day):
        return format_day(value.day, lang)
    if isinstance(value, Text):
        return value.nl if lang == "nl" else value.en
    if isinstance(value, Msg):
        with use_language(lang):
            if value.context:
                return pgettext(value.context, value.message)
            return gettext_(value.message)
    return str(value)


def render(expl: Explanation, lang: Language) -> str:
    """The explanation as one sentence (or a few) in ``lang``: translate first, then format."""
    with use_language(lang):
        if expl.plural is not None and expl.count is not None:
            n = expl.values[expl.count]
            if not isinstance(n, int):
                raise TypeError(f"count field {expl.count!r} must be an int")
            if expl.context:
                template = npgettext(expl.context, expl.message, expl.plural, n)
            else:
                template = ngettext(expl.message, expl.plural, n)
        elif expl.context:
            template = pgettext(expl.context, expl.message)
        else:
            template = gettext_(expl.message)
    text = template.format(**{k: format_value(v, lang) for k, v in expl.values.items()})
    if expl.more:
        text = " ".join([text, *(render(part, lang) for part in expl.more)])
    return text
