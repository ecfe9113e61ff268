"""The strict schema of a rule parameter file.

One YAML file is one legal parameter (OpenFisca style). Every dated value
carries its status and at least one reference (title, URL, date consulted).
Unknown keys are errors (``extra="forbid"``), amounts are quoted strings that
become ``Decimal``, and dates are kept as ``YYYY-MM-DD`` strings until they
are checked here.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Status = Literal["verified", "copy", "secondary", "derived", "unverified", "unknown"]
"""How sure we are of a value.

- ``verified``: read in the official text (law, Normenbrief, Staatscourant).
- ``copy``: read in a copy of the official text (a machine-readable copy of the law text), not in the
  official publication itself; used where that copy is the only source.
- ``secondary``: read on another website (news, a municipality, an adviser), not in the official text.
- ``derived``: computed from verified or secondary values by a published rule.
- ``unverified``: our best reading, not confirmed in any source read.
- ``unknown``: we know a value exists here but could not source it: no number.
"""

Unit = Literal["eur", "percent", "count", "months", "years", "month_list", "day_of_month", "choice"]
Period = Literal["month", "year", "hour", "once", "none"]
Indexation = Literal["half-yearly", "yearly", "none"]

_DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_RE = re.compile(r"^https?://\S+$")

_STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Text(BaseModel):
    """A text in both languages of the app."""

    model_config = _STRICT
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Reference(BaseModel):
    """Where a value was read: the article or page, one URL, and when."""

    model_config = _STRICT
    title: str = Field(min_length=3)
    url: str
    consulted: str

    @field_validator("url")
    @classmethod
    def _one_url(cls, url: str) -> str:
        if not _URL_RE.match(url) or url.count("http://") + url.count("https://") != 1:
            raise ValueError(f"reference url must be exactly one http(s) URL, got {url!r}")
        return url

    @field_validator("consulted")
    @classmethod
    def _date(cls, text: str) -> str:
        _parse_date(text)
        return text


class DatedValue(BaseModel):
    """The value of a parameter from one date on."""

    model_config = _STRICT
    value: str | int | list[int] | None = None
    status: Status
    ends: bool = False
    references: tuple[Reference, ...] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _value_matches_status(self) -> DatedValue:
        if self.ends and self.value is not None:
            raise ValueError("a value that ends the rule ('ends: true') must have no value")
        if self.status == "unknown" and self.value is not None:
            raise ValueError("status 'unknown' means no number: remove the value")
        if self.status != "unknown" and not self.ends and self.value is None:
            raise ValueError("a value is required unless status is 'unknown' or 'ends: true'")
        return self


class ParameterFile(BaseModel):
    """One parameter file as written on disk."""

    model_config = _STRICT
    label: Text
    description: Text
    article: Text
    """The article or regulation, cited in each language (the English names the Dutch law it cites)."""
    unit: Unit
    period: Period
    indexation: Indexation
    earlier_values: Literal["none", "unknown"] = "none"
    values: dict[str, DatedValue] = Field(min_length=1)

    @field_validator("values")
    @classmethod
    def _dates_in_order(cls, values: dict[str, DatedValue]) -> dict[str, DatedValue]:
        keys = list(values)
        for key in keys:
            _parse_date(key)
        if keys != sorted(keys):
            raise ValueError(f"dates must be in ascending order, got {keys}")
        return values

    @model_validator(mode="after")
    def _values_fit_unit(self) -> ParameterFile:
        for key, dated in self.values.items():
            if dated.value is None:
                continue
            parse_value(self.unit, dated.value, where=key)
        return self


def _parse_date(text: str) -> date:
    if not isinstance(text, str) or not _DATE_RE.match(text):
        raise ValueError(f"dates are written YYYY-MM-DD, got {text!r}")
    return date.fromisoformat(text)


_CHOICE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def parse_value(unit: Unit, raw: str | int | list[int], *, where: str = "") -> Decimal | int | tuple[int, ...] | str:
    """Turn a raw file value into its typed value, strictly by unit."""
    if unit == "choice":
        if not isinstance(raw, str) or not _CHOICE_RE.match(raw):
            raise ValueError(f"{where}: a choice is a lower-case identifier, got {raw!r}")
        return raw
    if unit in ("eur", "percent"):
        if not isinstance(raw, str) or not _DECIMAL_RE.match(raw):
            raise ValueError(f"{where}: amounts and percentages are quoted decimal strings, got {raw!r}")
        return Decimal(raw)
    if unit in ("count", "months", "years", "day_of_month"):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"{where}: a {unit} value is a whole number, got {raw!r}")
        if unit == "day_of_month" and not 1 <= raw <= 31:
            raise ValueError(f"{where}: a day of the month is 1..31, got {raw!r}")
        return raw
    if unit == "month_list":
        if not isinstance(raw, list) or not raw or any(
            isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12 for m in raw
        ):
            raise ValueError(f"{where}: a month list is a list of month numbers 1..12, got {raw!r}")
        return tuple(raw)
    raise ValueError(f"{where}: unknown unit {unit!r}")  # pragma: no cover - Literal guards this
