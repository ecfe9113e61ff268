"""The plan: household, jobs, shifts, payslips, money in and out. Frozen and versioned.

A plan is what a user enters; it is saved as UTF-8 JSON (``.bvp.json``) with a
``schema_version``. Amounts are written as strings (``"14.71"``) and become
``Decimal``; a JSON number with a fraction is refused so no float ever enters
the domain. Structural checks live here (pydantic); checks that need the rules
or give warnings live in :mod:`planner.validate`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

SCHEMA_VERSION = 2

_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_DEC_RE = re.compile(r"^-?\d+(\.\d+)?$")


def _decimal_from_text(value: object) -> object:
    """Amounts are quoted strings or whole numbers; floats are refused."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError("write amounts as text, for example \"14.71\"")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip().replace(",", ".") if value.count(",") == 1 and "." not in value else value.strip()
        if not _DEC_RE.match(text):
            raise ValueError(f"not an amount: {value!r}")
        return Decimal(text)
    return value


Amount = Annotated[Decimal, BeforeValidator(_decimal_from_text)]
"""A money amount or number of hours, as text in the file."""


def parse_month(text: str) -> tuple[int, int]:
    match = _MONTH_RE.match(text)
    if not match:
        raise ValueError(f"a month is written YYYY-MM, got {text!r}")
    return int(match.group(1)), int(match.group(2))


MonthText = Annotated[str, BeforeValidator(lambda v: (parse_month(v), v)[1] if isinstance(v, str) else v)]

Role = Literal["claimant", "partner"]
Composition = Literal["single", "single_parent", "couple"]
Certainty = Literal["sure", "likely", "maybe", "extra"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Person(_Frozen):
    """The claimant or their partner."""

    birth_date: date
    medisch_urenbeperkt: bool = False
    """Medically limited in the hours they can work (art. 31 lid 2 y / art. 34a lid 1 b)."""
    no_parental_support: bool = False
    """18-20 years old and parents cannot be asked to contribute (art. 20 lid 3, from 2026)."""
    vrijlating_months_used: int | None = Field(default=None, ge=0, le=600)
    """Months of the inkomstenvrijlating already used before the plan starts.

    ``None`` means unknown or not granted: the planner then leaves the
    vrijlating out (the careful side) and says so.
    """


class Housemate(_Frozen):
    """Someone else living in the home (not the partner, not a child under 27 in school)."""

    birth_date: date
    not_cost_sharer: Literal["commercial_tenant", "student", "bbl"] | None = None
    """Why this person does not count as kostendeler (art. 19a lid 1 b-d), if so."""


class Sanction(_Frozen):
    """A lowering of the bijstand in one month (a maatregel, Participatiewet art. 18), as the decision says."""

    month: MonthText
    percent: int = Field(ge=1, le=100)
    """How much of the norm is taken off the bijstand of that month, in percent."""


class Household(_Frozen):
    composition: Composition
    claimant: Person
    partner: Person | None = None
    housemates: tuple[Housemate, ...] = ()
    youngest_child_birth_date: date | None = None
    municipality: str = "amsterdam"
    housing_costs: bool = True
    """You pay rent or a mortgage. Without housing costs the municipality may lower the norm (art. 27)."""
    institution: bool = False
    """You live in an institution (inrichting, for example a care home): the norms of art. 23 apply."""
    assets: Amount | None = Field(default=None, ge=0)
    """Savings and other assets (vermogen) in euros; ``None`` when not given. Above the limit: no bijstand (art. 34)."""
    sanctions: tuple[Sanction, ...] = ()
    """Months in which the bijstand is lowered as a sanction (art. 18)."""

    @model_validator(mode="after")
    def _consistent(self) -> Household:
        if self.composition == "couple" and self.partner is None:
            raise ValueError("a couple needs a partner")
        if self.composition != "couple" and self.partner is not None:
            raise ValueError("only a couple has a partner")
        if self.composition == "single_parent" and self.youngest_child_birth_date is None:
            raise ValueError("a single parent needs the youngest child's birth date")
        return self

    def person(self, role: Role) -> Person | None:
        return self.claimant if role == "claimant" else self.partner


PaySchedule = Literal["monthly", "four_weekly", "weekly"]

DEFAULT_PERIOD_ANCHOR = date(2024, 12, 30)
"""Monday of ISO week 1 of 2025: four-weekly and weekly periods follow ISO weeks unless a job says otherwise."""


class Job(_Frozen):
    id: str = Field(min_length=1, max_length=40)
    name: str = ""
    person: Role = "claimant"
    wage: Amount = Field(ge=0)
    wage_unit: Literal["hour", "month"] = "hour"
    """Per hour (paid for shifts) or a fixed amount per month (a contract, paid monthly)."""
    wage_basis: Literal["net", "gross"] = "net"
    employer_applies_heffingskorting: bool = False
    """Most people on bijstand have the heffingskorting applied to their benefit, so not here."""
    start: date | None = None
    end: date | None = None
    pay_schedule: PaySchedule = "monthly"
    pay_day: int = Field(default=25, ge=1, le=31)
    """Monthly pay: the day of the month the wage arrives (the last day in a shorter month)."""
    paid_in: Literal["same_month", "next_month"] = "next_month"
    """Monthly pay: paid in the month worked, or in the month after."""
    period_anchor: date = DEFAULT_PERIOD_ANCHOR
    """Four-weekly or weekly pay: the first day of any one pay period."""
    pay_delay_days: int = Field(default=7, ge=0, le=62)
    """Four-weekly or weekly pay: days from the end of a period to the pay date."""
    payslip_delay_days: int = Field(default=0, ge=0, le=62)
    """Days from the pay date until the payslip (the proof of income) is there."""
    holiday_pay_percent: Amount = Field(default=Decimal(8), ge=0, le=100)  # not a rule value: a default the user sets (WML minimum)
    holiday_pay: Literal["yearly", "with_wage", "none"] = "yearly"
    """Holiday pay paid once a year, with every wage payment, or not at all (included in the wage)."""
    holiday_pay_month: int = Field(default=5, ge=1, le=12)
    """Yearly holiday pay: the month it is paid (usually May or June)."""

    @model_validator(mode="after")
    def _contract_is_monthly(self) -> Job:
        if self.wage_unit == "month" and self.pay_schedule != "monthly":
            raise ValueError("a fixed monthly wage is paid monthly; use an hourly wage for four-weekly or weekly pay")
        return self


class Shift(_Frozen):
    date: date
    hours: Amount
    job: str
    start: time | None = None
    certainty: Certainty = "sure"
    """How sure the shift is. ``extra`` shifts are not in the plan: only the "more work" scenario adds them."""


class Payslip(_Frozen):
    """A payslip received: it beats any estimate for that job and pay period."""

    job: str
    month: MonthText | None = None
    """Monthly pay: the month the wage was earned in (the period on the payslip)."""
    period_start: date | None = None
    period_end: date | None = None
    """Four-weekly or weekly pay: the period on the payslip."""
    net_amount: Amount = Field(ge=0)
    """Everything paid out on this payslip, holiday pay included."""
    holiday_pay_part: Amount = Field(default=Decimal(0), ge=0)
    gross_amount: Amount | None = Field(default=None, ge=0)
    pay_date: date | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Payslip:
        # Each refusal has a stable code (the error's ``type``), so a form can say it in its own words.
        if self.holiday_pay_part > self.net_amount:
            raise PydanticCustomError("payslip_holiday_part", "the holiday pay part is larger than the net amount")
        if (self.month is None) == (self.period_start is None):
            raise PydanticCustomError("payslip_month_or_period", "a payslip has either a month or a period_start and period_end")
        if (self.period_start is None) != (self.period_end is None):
            raise PydanticCustomError("payslip_period_incomplete", "a payslip period needs both period_start and period_end")
        if self.period_start is not None and self.period_end is not None and self.period_end < self.period_start:
            raise PydanticCustomError("payslip_period_reversed", "the payslip period ends before it starts")
        return self

    @property
    def period(self) -> tuple[date, date]:
        if self.period_start is not None and self.period_end is not None:
            return self.period_start, self.period_end
        y, m = parse_month(self.month)  # type: ignore[arg-type]
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


class Expense(_Frozen):
    name: str
    amount: Amount = Field(ge=0)
    every: Literal["month", "week"] = "month"
    day: int = Field(default=1, ge=1, le=31)
    """Day of the month (monthly) or ISO weekday 1-7 (weekly)."""


class LateReport(_Frozen):
    month: MonthText
    reported_on: date
    """The day the income of ``month`` reaches the municipality (later than usual)."""


class Settlement(_Frozen):
    """How the municipality pays and settles; each field overrides the municipality's rule files."""

    regime: Literal["municipality", "estimate", "voorschot", "after_income"] = "municipality"
    """``voorschot``: like ``estimate``, but only the legal minimum share (art. 52) is paid in advance."""
    income_attribution: Literal["municipality", "earned", "received", "spread_workdays"] = "municipality"
    """Which benefit month a wage counts in: the month worked, the month paid, or spread over working days."""
    pay_day: int | None = Field(default=None, ge=1, le=31)
    """Day of the month the benefit is paid (from your letter), if you know it."""
    estimated_income: Amount | None = Field(default=None, ge=0)
    """The monthly income the municipality uses as its estimate, if your letter says so."""
    withholding_limit: Amount | None = Field(default=None, ge=0)
    """At most this much is withheld from one payment, if your letter says so."""
    report_delay_days: int = Field(default=0, ge=0, le=365)
    """Days between your payslip and the moment the municipality has it."""
    late_reports: tuple[LateReport, ...] = ()
    safety_buffer: Amount = Field(default=Decimal(0), ge=0)
    """The lowest balance you want to keep."""


class Risk(_Frozen):
    """How uncertain the plan is, for the risk simulation (:mod:`planner.risk`). Every field has a default.

    Chances are percentages (0-100). A plan file without a ``risk`` section uses the defaults.
    """

    chance_sure: Amount = Field(default=Decimal(100), ge=0, le=100)
    """Chance that a shift marked "sure" is worked."""
    chance_likely: Amount = Field(default=Decimal(80), ge=0, le=100)  # not a rule value: the default chance, a named assumption the user sets
    chance_maybe: Amount = Field(default=Decimal(50), ge=0, le=100)  # not a rule value: the default chance, a named assumption the user sets
    chance_extra: Amount = Field(default=Decimal(25), ge=0, le=100)  # not a rule value: the default chance, a named assumption the user sets
    """Chance that an "extra" shift (not in the plan) comes and is worked."""
    hours_spread: dict[str, Amount] = Field(default_factory=dict)
    """Per job id: shifts run over or under by up to this percentage of their hours (0-100).

    A job id that is not in the plan does not make the file unreadable (a job can be removed after its spread
    was set); the risk simulation refuses it with a clear message (planner.risk.RiskNotSupported).
    """
    week_lost_chance: Amount = Field(default=Decimal(0), ge=0, le=100)
    """Chance, per person and per week, that all of that week's shifts are lost (illness, a quiet week)."""
    late_report_chance: Amount = Field(default=Decimal(0), ge=0, le=100)
    """Chance, per month, that the month's income reaches the municipality late."""
    late_report_days: int = Field(default=45, ge=0, le=365)
    """When late: the income is known this many days after the end of the month."""
    level: Amount = Field(default=Decimal(10), gt=0, lt=100)  # not a rule value: the default level the user chooses
    """The set-aside advice keeps the chance of dropping below the safety buffer under this percentage."""

    @field_validator("hours_spread")
    @classmethod
    def _spread_range(cls, spread: dict[str, Decimal]) -> dict[str, Decimal]:
        for job_id, pct in spread.items():
            if not Decimal(0) <= pct <= Decimal(100):
                raise ValueError(f"hours spread for {job_id!r} must be between 0 and 100 percent")
        return spread


class Plan(_Frozen):
    schema_version: Literal[2] = SCHEMA_VERSION
    name: str = ""
    start: MonthText
    months: int = Field(default=12, ge=1, le=36)
    household: Household
    jobs: tuple[Job, ...] = ()
    shifts: tuple[Shift, ...] = ()
    payslips: tuple[Payslip, ...] = ()
    starting_balance: Amount = Decimal(0)
    expenses: tuple[Expense, ...] = ()
    settlement: Settlement = Settlement()
    premie_scheme: Literal["municipality", "amsterdam-experiment-2018", "none"] = "municipality"
    """Which bijverdienpremie scheme to apply: the municipality's own, or another one to compare."""
    assumptions: dict[str, str] = Field(default_factory=dict)
    """Overrides of the named assumptions (see planner.assumptions)."""
    risk: Risk = Risk()
    """How uncertain the shifts are (see :class:`Risk`); optional in the file."""

    @field_validator("jobs")
    @classmethod
    def _unique_jobs(cls, jobs: tuple[Job, ...]) -> tuple[Job, ...]:
        ids = [j.id for j in jobs]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"job ids must be unique: {sorted(dup)}")
        return jobs

    @property
    def start_month(self) -> tuple[int, int]:
        return parse_month(self.start)

    def month_list(self) -> list[tuple[int, int]]:
        y, m = self.start_month
        out = []
        for _ in range(self.months):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def job(self, job_id: str) -> Job | None:
        return next((j for j in self.jobs if j.id == job_id), None)
