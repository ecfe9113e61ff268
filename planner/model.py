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
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, field_validator, model_validator
from pydantic_core import PydanticCustomError

SCHEMA_VERSION = 2

_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")
_DEC_RE = re.compile(r"^-?\d+(\.\d+)?$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# --- bounds: every number, date, text and list a plan file may hold ------------------------------
# The gate of planner.storage refuses anything outside these, with a message naming the field and the
# allowed range (planner.validate.describe_errors). A new field gets its bounds here: an amount is
# ``Annotated[Amount, between(low, high)]``, a whole number ``Annotated[Int, between(low, high)]``, a
# date ``Day``, a text ``Name``; and a label in planner.validate.FIELD_LABELS.

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_AMOUNT = Decimal(1_000_000)  # not a rule value: a sanity bound on input
"""No amount in a plan (a wage, a payslip, a cost, a balance) is more than a million euros."""
MAX_WAGE = Decimal(100_000)  # not a rule value: a sanity bound on input
"""A wage per hour or per month (tests and what-ifs use a one-hour "shift" for a month's income)."""
MAX_HOURS = Decimal(1000)  # not a rule value: a sanity bound on input
"""A sanity bound for the hours of one shift; planner.validate refuses more than 24 with its own message."""
MAX_TEXT = 200
"""Characters in a name, an id or another short text."""
MAX_SHIFTS = 5000
"""Shifts in one plan: 36 months of several shifts a day. The CLI and the window refuse more alike."""
MAX_JOBS = 50
MAX_PAYSLIPS = 2000
MAX_EXPENSES = 200
MAX_HOUSEMATES = 20
MAX_LATE_REPORTS = 200
MAX_ASSUMPTIONS = 50
MAX_SANCTIONS = 60


def between(low: int | Decimal, high: int | Decimal, *, places: int | None = None) -> AfterValidator:
    """A number from ``low`` to ``high`` (both included), with at most ``places`` decimals."""

    def check(value: int | Decimal) -> int | Decimal:
        if not low <= value <= high:
            raise PydanticCustomError("out_of_range", "must be from {min} to {max}", {"min": str(low), "max": str(high)})
        if places is not None and isinstance(value, Decimal) and -value.as_tuple().exponent > places:  # type: ignore[operator]
            raise PydanticCustomError("too_many_decimals", "at most {places} decimals", {"places": places})
        return value

    return AfterValidator(check)


def _decimal_from_text(value: object) -> object:
    """Amounts are quoted strings or whole numbers; floats are refused."""
    if isinstance(value, bool):
        raise PydanticCustomError("amount_type", "not an amount")
    if isinstance(value, float):
        raise PydanticCustomError("float_amount", "write amounts as text", {"value": repr(value)})
    if isinstance(value, int):
        if abs(value) > 10**15:  # not a rule value: a sanity bound on input
            raise PydanticCustomError("out_of_range", "too large", {"min": str(-MAX_AMOUNT), "max": str(MAX_AMOUNT)})
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip().replace(",", ".") if value.count(",") == 1 and "." not in value else value.strip()
        if len(text) > 40:  # not a rule value: length of a text
            raise PydanticCustomError("amount_too_long", "a number that is too long")
        if not _DEC_RE.match(text):
            raise PydanticCustomError("amount_type", "not an amount")
        return Decimal(text)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PydanticCustomError("amount_type", "not an amount")
        return value
    raise PydanticCustomError("amount_type", "not an amount")


Amount = Annotated[Decimal, BeforeValidator(_decimal_from_text)]
"""A money amount or number of hours, as text in the file (bounded where it is used, see :func:`between`)."""
Money = Annotated[Amount, between(0, MAX_AMOUNT, places=2)]
"""A money amount from 0 to :data:`MAX_AMOUNT`, in cents."""

Int = Annotated[int, Strict()]
"""A whole number as a JSON number: never ``true``, never ``"12"``, never ``12.0``."""
Bool = Annotated[bool, Strict()]
"""``true`` or ``false``: never ``1`` or ``"yes"``."""


def _no_control(text: str) -> str:
    if _CONTROL_RE.search(text):
        raise PydanticCustomError("control_character", "contains a control character")
    return text


Name = Annotated[str, Strict(), Field(max_length=MAX_TEXT), AfterValidator(_no_control)]
"""A short text from the user: a name, an id; no control characters."""


def _year_ok(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PydanticCustomError("year_out_of_range", "a year from {min} to {max}", {"min": str(MIN_YEAR), "max": str(MAX_YEAR)})


def _date_from_text(value: object) -> object:
    """A date is ``YYYY-MM-DD`` in the file (or a ``date`` from the app), from 1900 to 2100."""
    if isinstance(value, datetime) or not isinstance(value, date | str):
        raise PydanticCustomError("date_type", "a date like 2026-03-25")
    if isinstance(value, str):
        if not _DATE_RE.match(value.strip()):
            raise PydanticCustomError("date_type", "a date like 2026-03-25")
        _year_ok(int(value.strip()[:4]))
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_type", "a date like 2026-03-25") from None
    _year_ok(value.year)
    return value


Day = Annotated[date, BeforeValidator(_date_from_text)]


def _time_from_text(value: object) -> object:
    """A start time is ``HH:MM`` local time in the file: no time zone, never a number of seconds."""
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise PydanticCustomError("time_type", "a time like 09:30")
        return value
    if isinstance(value, str) and (match := _TIME_RE.match(value.strip())):
        return time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    raise PydanticCustomError("time_type", "a time like 09:30")


LocalTime = Annotated[time, BeforeValidator(_time_from_text)]


def parse_month(text: str) -> tuple[int, int]:
    match = _MONTH_RE.match(text)
    if not match:
        raise ValueError(f"a month is written YYYY-MM, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def _month_from_text(value: object) -> object:
    if not isinstance(value, str) or not _MONTH_RE.match(value):
        raise PydanticCustomError("month_type", "a month like 2026-03")
    _year_ok(int(value[:4]))
    return value


MonthText = Annotated[str, BeforeValidator(_month_from_text)]

Role = Literal["claimant", "partner"]
Composition = Literal["single", "single_parent", "couple"]
Certainty = Literal["sure", "likely", "maybe", "extra"]


class _Frozen(BaseModel):
    # defer_build: a model's validator is made when it is first used, not when this module is imported. Reading
    # a plan file builds Plan's validator, with the nested models inside it, once; the nested models get
    # validators of their own only where they are made directly (the window's forms).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Person(_Frozen):
    """The claimant or their partner."""

    birth_date: Day
    medisch_urenbeperkt: Bool = False
    """Medically limited in the hours they can work (art. 31 lid 2 y / art. 34a lid 1 b)."""
    no_parental_support: Bool = False
    """18-20 years old and parents cannot be asked to contribute (art. 20 lid 3, from 2026)."""
    vrijlating_months_used: Annotated[Int, between(0, 600)] | None = None
    """Months of the inkomstenvrijlating already used before the plan starts.

    ``None`` means unknown or not granted: the planner then leaves the
    vrijlating out (the careful side) and says so.
    """


class Housemate(_Frozen):
    """Someone else living in the home (not the partner, not a child under 27 in school)."""

    birth_date: Day
    not_cost_sharer: Literal["commercial_tenant", "student", "bbl"] | None = None
    """Why this person does not count as kostendeler (art. 19a lid 1 b-d), if so."""


class Sanction(_Frozen):
    """A lowering of the bijstand in one month (a maatregel, Participatiewet art. 18), as the decision says."""

    month: MonthText
    percent: Annotated[Int, between(1, 100)]
    """How much of the norm is taken off the bijstand of that month, in percent."""


class Household(_Frozen):
    composition: Composition
    claimant: Person
    partner: Person | None = None
    housemates: tuple[Housemate, ...] = Field(default=(), max_length=MAX_HOUSEMATES)
    youngest_child_birth_date: Day | None = None
    municipality: Name = "amsterdam"
    housing_costs: Bool = True
    """You pay rent or a mortgage. Without housing costs the municipality may lower the norm (art. 27)."""
    institution: Bool = False
    """You live in an institution (inrichting, for example a care home): the norms of art. 23 apply."""
    assets: Annotated[Amount, between(0, MAX_AMOUNT, places=2)] | None = None
    """Savings and other assets (vermogen) in euros; ``None`` when not given. Above the limit: no bijstand (art. 34)."""
    sanctions: tuple[Sanction, ...] = Field(default=(), max_length=MAX_SANCTIONS)
    """Months in which the bijstand is lowered as a sanction (art. 18)."""

    @model_validator(mode="after")
    def _consistent(self) -> Household:
        if self.composition == "couple" and self.partner is None:
            raise PydanticCustomError("couple_needs_partner", "a couple needs a partner")
        if self.composition != "couple" and self.partner is not None:
            raise PydanticCustomError("partner_only_for_couple", "only a couple has a partner")
        if self.composition == "single_parent" and self.youngest_child_birth_date is None:
            raise PydanticCustomError("single_parent_needs_child", "a single parent needs the youngest child's birth date")
        return self

    def person(self, role: Role) -> Person | None:
        return self.claimant if role == "claimant" else self.partner


PaySchedule = Literal["monthly", "four_weekly", "weekly"]

DEFAULT_PERIOD_ANCHOR = date(2024, 12, 30)
"""Monday of ISO week 1 of 2025: four-weekly and weekly periods follow ISO weeks unless a job says otherwise."""


class Job(_Frozen):
    id: Annotated[Name, Field(min_length=1, max_length=40)]
    name: Name = ""
    person: Role = "claimant"
    wage: Annotated[Amount, between(0, MAX_WAGE, places=4)]
    wage_unit: Literal["hour", "month"] = "hour"
    """Per hour (paid for shifts) or a fixed amount per month (a contract, paid monthly)."""
    wage_basis: Literal["net", "gross"] = "net"
    employer_applies_heffingskorting: Bool = False
    """Most people on bijstand have the heffingskorting applied to their benefit, so not here."""
    start: Day | None = None
    end: Day | None = None
    pay_schedule: PaySchedule = "monthly"
    pay_day: Annotated[Int, between(1, 31)] = 25
    """Monthly pay: the day of the month the wage arrives (the last day in a shorter month)."""
    paid_in: Literal["same_month", "next_month"] = "next_month"
    """Monthly pay: paid in the month worked, or in the month after."""
    period_anchor: Day = DEFAULT_PERIOD_ANCHOR
    """Four-weekly or weekly pay: the first day of any one pay period."""
    pay_delay_days: Annotated[Int, between(0, 62)] = 7
    """Four-weekly or weekly pay: days from the end of a period to the pay date."""
    payslip_delay_days: Annotated[Int, between(0, 62)] = 0
    """Days from the pay date until the payslip (the proof of income) is there."""
    holiday_pay_percent: Annotated[Amount, between(0, 100, places=2)] = Decimal(8)  # not a rule value: a default the user sets (WML minimum)
    holiday_pay: Literal["yearly", "with_wage", "none"] = "yearly"
    """Holiday pay paid once a year, with every wage payment, or not at all (included in the wage)."""
    holiday_pay_month: Annotated[Int, between(1, 12)] = 5
    """Yearly holiday pay: the month it is paid (usually May or June)."""

    @model_validator(mode="after")
    def _contract_is_monthly(self) -> Job:
        if self.wage_unit == "month" and self.pay_schedule != "monthly":
            raise PydanticCustomError("contract_is_monthly", "a fixed monthly wage is paid monthly")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise PydanticCustomError("job_end_before_start", "the job ends before it starts")
        return self


class Shift(_Frozen):
    date: Day
    hours: Annotated[Amount, between(0, MAX_HOURS, places=4)]
    job: Name
    start: LocalTime | None = None
    certainty: Certainty = "sure"
    """How sure the shift is. ``extra`` shifts are not in the plan: only the "more work" scenario adds them."""


class Payslip(_Frozen):
    """A payslip received: it beats any estimate for that job and pay period."""

    job: Name
    month: MonthText | None = None
    """Monthly pay: the month the wage was earned in (the period on the payslip)."""
    period_start: Day | None = None
    period_end: Day | None = None
    """Four-weekly or weekly pay: the period on the payslip."""
    net_amount: Money
    """Everything paid out on this payslip, holiday pay included."""
    holiday_pay_part: Money = Decimal(0)
    gross_amount: Money | None = None
    pay_date: Day | None = None

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
    name: Name
    amount: Money
    every: Literal["month", "week"] = "month"
    day: Annotated[Int, between(1, 31)] = 1
    """Day of the month (monthly) or ISO weekday 1-7 (weekly)."""


class LateReport(_Frozen):
    month: MonthText
    reported_on: Day
    """The day the income of ``month`` reaches the municipality (later than usual)."""


class Settlement(_Frozen):
    """How the municipality pays and settles; each field overrides the municipality's rule files."""

    regime: Literal["municipality", "estimate", "voorschot", "after_income"] = "municipality"
    """``voorschot``: like ``estimate``, but only the legal minimum share (art. 52) is paid in advance."""
    income_attribution: Literal["municipality", "earned", "received", "spread_workdays"] = "municipality"
    """Which benefit month a wage counts in: the month worked, the month paid, or spread over working days."""
    pay_day: Annotated[Int, between(1, 31)] | None = None
    """Day of the month the benefit is paid (from your letter), if you know it."""
    estimated_income: Money | None = None
    """The monthly income the municipality uses as its estimate, if your letter says so."""
    withholding_limit: Money | None = None
    """At most this much is withheld from one payment, if your letter says so."""
    report_delay_days: Annotated[Int, between(0, 365)] = 0
    """Days between your payslip and the moment the municipality has it."""
    late_reports: tuple[LateReport, ...] = Field(default=(), max_length=MAX_LATE_REPORTS)
    safety_buffer: Money = Decimal(0)
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
    hours_spread: dict[Name, Amount] = Field(default_factory=dict, max_length=MAX_JOBS)
    """Per job id: shifts run over or under by up to this percentage of their hours (0-100).

    A job id that is not in the plan does not make the file unreadable (a job can be removed after its spread
    was set); the risk simulation refuses it with a clear message (planner.risk.RiskNotSupported).
    """
    week_lost_chance: Amount = Field(default=Decimal(0), ge=0, le=100)
    """Chance, per person and per week, that all of that week's shifts are lost (illness, a quiet week)."""
    late_report_chance: Amount = Field(default=Decimal(0), ge=0, le=100)
    """Chance, per month, that the month's income reaches the municipality late."""
    late_report_days: Annotated[Int, between(0, 365)] = 45
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
    name: Name = ""
    start: MonthText
    months: Annotated[Int, between(1, 36)] = 12
    household: Household
    jobs: tuple[Job, ...] = Field(default=(), max_length=MAX_JOBS)
    shifts: tuple[Shift, ...] = Field(default=(), max_length=MAX_SHIFTS)
    payslips: tuple[Payslip, ...] = Field(default=(), max_length=MAX_PAYSLIPS)
    starting_balance: Annotated[Amount, between(-MAX_AMOUNT, MAX_AMOUNT, places=2)] = Decimal(0)
    expenses: tuple[Expense, ...] = Field(default=(), max_length=MAX_EXPENSES)
    settlement: Settlement = Settlement()
    premie_scheme: Literal["municipality", "amsterdam-experiment-2018", "none"] = "municipality"
    """Which bijverdienpremie scheme to apply: the municipality's own, or another one to compare."""
    assumptions: dict[Name, Name] = Field(default_factory=dict, max_length=MAX_ASSUMPTIONS)
    """Overrides of the named assumptions (see planner.assumptions)."""
    risk: Risk = Risk()
    """How uncertain the shifts are (see :class:`Risk`); optional in the file."""

    @field_validator("jobs")
    @classmethod
    def _unique_jobs(cls, jobs: tuple[Job, ...]) -> tuple[Job, ...]:
        ids = [j.id for j in jobs]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise PydanticCustomError("job_ids_unique", "job ids must be unique: {ids}", {"ids": ", ".join(sorted(dup))})
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
