"""Repayment risk: many sampled futures of the whole chain, vectorised and seeded.

What is uncertain is a named, visible assumption of the plan (``plan.risk``,
:class:`planner.model.Risk`): the chance that a shift is worked, per "how
sure" (sure 100 %, likely 80 %, maybe 50 %, extra 25 % by default); hours
that run over or under, per job; a whole week lost for one person (illness,
a quiet week) as one correlated event; and a month whose income reaches the
municipality late.

:func:`sample` draws ``n`` futures with a seeded generator (numpy's SFC64, :func:`generator`):
which shifts are worked, their hours, which months are reported late.
:func:`simulate` replays the chain for all futures at once: shifts → wages on
their paydays → benefit month (norm, vrijlating, holiday entitlement, premie
and its payouts) → the municipality's estimate by its method → advance,
correction, withholding and repayment on their dates and within their limits
→ the day-by-day ledger. It works in whole cents (numpy ``int64``; float64
is not needed) and rounds exactly where the Decimal engine rounds, half up.

It uses no rule value of its own. Every amount comes from :mod:`planner.rules`
through the same look-ups and helper functions as the Decimal engine
(``norm_for_month``, ``vrijlating_for_month``, ``vakantieaanspraak``,
``scheme_month``/``accrue``, ``loonheffing``, ``bijzonder_tarief``,
``pay_periods``, ``net_by_month``). Where a formula is applied to many
futures at once, it is first checked against the Decimal helper on probe
values, so a changed rule shows up as an error, not as a silent difference.
Non-linear steps with few distinct inputs (the wage tax of a gross wage per
pay period, the special rate on a yearly holiday payout) call the Decimal
function once per distinct input.

Plan features the vectorised path does not cover yet are said plainly
(:class:`NotVectorised`): repayment in instalments, the premie as a share of
the gross wage, a job that ends inside the plan with yearly holiday pay, and
amounts with more than two decimals. For them :func:`simulate` runs the
Decimal engine once per distinct future (exact, slower) and says so in the
result (``engine == "exact"``).

The test that holds it together: with all uncertainty at zero the vectorised
result agrees with the Decimal engine to the cent, on every month, every
settlement event, the ledger and the set-aside (tests/planner/test_risk.py).
"""

from __future__ import annotations

import calendar
import ctypes
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from decimal import Decimal
from typing import Literal

import numpy as np

from planner import vrijlating as vr
from planner.assumptions import resolve
from planner.benefit import ASSETS_COUPLE_OR_PARENT, ASSETS_SINGLE, VA, premie_scheme_id, va_table, vakantieaanspraak
from planner.explain import Day, Explanation, Money, Month, Number, Percent
from planner.i18n import N_
from planner.income import attribution_rule
from planner.model import LateReport, Plan, Role, Shift
from planner.money import HUNDRED, ZERO, cents
from planner.norm import norm_for_month
from planner.premie import J_MAX, accrue, scheme_month
from planner.rules import RuleSet, load_rules
from planner.scenarios import Result, run, shifts_of
from planner.settlement import expense_events
from planner.vrijlating import Clock, vrijlating_for_month
from planner.wages.payments import Payment, job_active, net_by_month, pay_periods, workdays_by_month
from planner.wages.tax import bijzonder_tarief, loonheffing

YM = tuple[int, int]
Engine = Literal["vectorised", "exact"]
I64 = np.int64
BIG_DAY = 10**9  # not a rule value: a day after every plan
"""A day number later than any date: "never"."""


class NotVectorised(Exception):
    """A plan feature the vectorised simulation does not cover; :func:`simulate` then runs the Decimal engine.

    ``explanation`` names the feature in words a person can read (translated when shown); ``feature`` is the
    same in English, for logs and tests.
    """

    def __init__(self, message: str, **values: object) -> None:
        self.explanation = Explanation(message, values)  # type: ignore[arg-type]
        self.feature = message.format(**values)
        super().__init__(f"not vectorised yet: {self.feature}")


class RiskNotSupported(ValueError):
    """The plan cannot be simulated at all (for example: hours with more than two decimals)."""

    def __init__(self, message: str, **values: object) -> None:
        self.explanation = Explanation(message, values)  # type: ignore[arg-type]
        super().__init__(message.format(**values))


# --- whole-cent arithmetic, rounded half up as planner.money.cents ---------------------------------


_FILLED: dict[tuple, np.ndarray] = {}
"""Read-only arrays of one number by shape, type and number, for :func:`_nonneg` and :func:`_at_most`."""


def _filled(like: np.ndarray, value: int) -> np.ndarray:
    """A kept, read-only array shaped and typed as ``like``, every element ``value``. numpy's maximum and minimum
    against a number are about twice as slow as against an array (numpy 2.4), so a bound is given as one."""
    key = (like.shape, like.dtype.str, value)
    full = _FILLED.get(key)
    if full is None:
        if len(_FILLED) > 64:  # not a rule value: bounds remembered (a run uses a few dozen; each up to a few MB)
            _FILLED.clear()
        full = _FILLED[key] = np.full(like.shape, value, dtype=like.dtype)
        full.setflags(write=False)
    return full


def _nonneg(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """max(x, 0) element by element."""
    return np.maximum(x, _filled(x, 0), out=out)


def _at_most(x: np.ndarray, bound: int, out: np.ndarray | None = None) -> np.ndarray:
    """min(x, bound) element by element."""
    return np.minimum(x, _filled(x, bound), out=out)


def _ratio(value: Decimal) -> tuple[int, int]:
    num, den = value.as_integer_ratio()
    return int(num), int(den)


def _c(amount: Decimal) -> int:
    """An amount in whole cents; refuses anything finer (the vectorised path works in cents)."""
    c = amount * 100
    if c != c.to_integral_value():
        raise NotVectorised(N_("an amount with more than two decimals ({amount})"), amount=str(amount))
    return int(c)


def _rhu(num: np.ndarray | int, den: np.ndarray | int) -> np.ndarray:
    """num / den rounded half up, for integers num >= 0 and den > 0 (every amount divided here is never negative:
    wages, incomes, benefits, percentages of them)."""
    if isinstance(den, int) and den % 2 == 0:  # (num + den/2) // den: the same, one step fewer
        out = np.add(num, den // 2, dtype=I64)
        out //= den
        return out
    return (2 * np.asarray(num, dtype=I64) + den) // (2 * np.asarray(den, dtype=I64))


@lru_cache(maxsize=256)  # not a rule value: distinct percentages remembered (a plan has a few)
def _ratio_of_pct(pct: Decimal) -> tuple[int, int]:
    return _ratio(pct)


def _pct(cents_: np.ndarray, pct: Decimal) -> np.ndarray:
    """``cents(percent_of(amount, pct))`` in whole cents: (amount x p + 50 q) // (100 q) for pct = p / q, which is
    amount x pct / 100 rounded half up (100 q is even)."""
    p, q = _ratio_of_pct(pct)
    out = np.multiply(cents_, p, dtype=I64)
    out += 50 * q  # not a rule value: half of the divisor 100 q (rounding half up)
    out //= 100 * q
    return out


class _Distinct:
    """The distinct values of an integer array, and where each element's value is among them. A function of the
    values is worked out once per distinct value and handed out by look-up (exact, and fast: a wage depends only
    on the hours worked, which take few distinct values)."""

    def __init__(self, values: np.ndarray) -> None:
        low, high = int(values.min()), int(values.max())
        if high - low <= 4 * values.size + 1024:  # not a rule value: when a look-up table over the range is cheaper than sorting
            self._where = np.subtract(values, low, dtype=np.intp)  # intp: the index type, converted once
            self._slots: np.ndarray | None = np.flatnonzero(np.bincount(self._where.ravel(), minlength=1))
            self._size = high - low + 1
            self.values = self._slots.astype(I64) + low
        else:
            self.values = np.unique(values).astype(I64)  # sorted; finding each value in it is cheaper than return_inverse
            self._where = np.searchsorted(self.values, values)
            self._slots, self._size = None, 0

    def each(self, fn: Callable[[int], int]) -> np.ndarray:
        """``fn`` (a Python function of one int) of every distinct value, as int64."""
        return np.fromiter((fn(int(v)) for v in self.values), dtype=I64, count=len(self.values))

    def spread(self, mapped: np.ndarray) -> np.ndarray:
        """Values per distinct value (as :attr:`values`) handed out to every element of the array."""
        if self._slots is None:
            return mapped[self._where]
        table = np.zeros(self._size, dtype=I64)
        table[self._slots] = mapped
        return table[self._where]


@lru_cache(maxsize=1 << 16)  # not a rule value: how many wages to remember (a few MB at most)
def _net_wage(gross_c: int, period: str, pay_date: date, with_lhk: bool, rules: RuleSet) -> int:
    """The net wage in cents of a gross wage in cents, by planner.wages.tax.loonheffing (exact; remembered, as
    the same wages come back in every simulation of a plan and after most edits)."""
    return _c(loonheffing(_dec(gross_c), period, pay_date, with_lhk=with_lhk, rules=rules).net)  # type: ignore[arg-type]


@lru_cache(maxsize=1 << 14)  # not a rule value: how many yearly wages to remember (small)
def _special_rate(annual_c: int, year: int, with_lhk: bool, rules: RuleSet) -> tuple[int, int]:
    """planner.wages.tax.bijzonder_tarief of a yearly wage in cents, as a fraction (exact; remembered like
    :func:`_net_wage`)."""
    return _ratio(bijzonder_tarief(_dec(annual_c), year, with_lhk=with_lhk, rules=rules)[0])  # type: ignore[arg-type]


def _dec(c: int | np.integer) -> Decimal:
    return (Decimal(int(c)) / 100).quantize(Decimal("0.01"))


# --- memory: freed arrays used again by the next run (glibc only) -----------------------------------------


class _FreedMemory:
    """From the first risk run on, glibc's malloc keeps freed memory for the next arrays instead of handing it
    back to the system and asking for fresh pages (each first touch of a fresh page is a page fault).

    By default glibc serves a large block with its own ``mmap`` (from 128 KiB; the threshold rises as such
    blocks are freed) and gives the free top of its heap back above a threshold (twice that). The engine
    makes many arrays of a few hundred KiB to a few MiB, and its result is dropped when the next run starts:
    depending on what the process did before, a run touched tens of MiB of fresh pages (measured: about 10,000
    page faults, a third of its time, in one process; in another glibc's rising threshold had already avoided
    most of them, but not those of the sampling; bench/bench_risk.py prints both ways). :meth:`keep` sets the mmap threshold to 32 MiB (glibc's maximum on
    64-bit) and the trim threshold to 64 MiB, so freed blocks stay in the heap and the next run uses them
    again. The cost is memory: the process keeps about its peak (the bench prints the resident memory after
    the runs, with and without). :meth:`give_back` restores glibc's defaults (128 KiB, without the rising
    threshold) and hands the free memory back (``malloc_trim``), for when no risk run is expected.

    Nothing happens on other platforms, with a C library without ``mallopt``/``malloc_trim``, or when the
    user set glibc's own ``MALLOC_MMAP_THRESHOLD_``/``MALLOC_TRIM_THRESHOLD_`` (theirs win). The settings are
    process-wide and safe from any thread; they change where memory comes from, never a result.
    """

    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameter numbers (malloc.h)
    MMAP_THRESHOLD = 32 * 2**20  # not a rule value: glibc's largest mmap threshold on 64-bit
    TRIM_THRESHOLD = 64 * 2**20  # not a rule value: keep up to this much free at the top of the heap
    DEFAULT = 128 * 2**10  # not a rule value: glibc's default for both

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._libc: ctypes.CDLL | None | bool = False  # False: not looked up yet
        self.kept = False
        """Whether :meth:`keep` is in force."""
        self.enabled = True
        """False: leave malloc alone (bench/bench_risk.py measures both)."""

    def libc(self) -> ctypes.CDLL | None:
        """glibc, when the settings can apply here (else None)."""
        if not self.enabled:
            return None
        if self._libc is False:
            self._libc = None
            if sys.platform.startswith("linux") and not any(
                    k in os.environ for k in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")):
                try:
                    lib = ctypes.CDLL(None)
                    if all(hasattr(lib, f) for f in ("gnu_get_libc_version", "mallopt", "malloc_trim")):
                        lib.mallopt.argtypes, lib.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
                        lib.malloc_trim.argtypes, lib.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
                        self._libc = lib
                except OSError:
                    pass
        return self._libc  # type: ignore[return-value]

    def keep(self) -> bool:
        """Keep freed memory from now on (once; cheap after that). True when it is in force."""
        if self.kept:
            return True
        with self._lock:
            lib = self.libc()
            if lib is not None and not self.kept:
                ok = lib.mallopt(self.M_MMAP_THRESHOLD, self.MMAP_THRESHOLD)
                ok &= lib.mallopt(self.M_TRIM_THRESHOLD, self.TRIM_THRESHOLD)
                self.kept = bool(ok)
            return self.kept

    def give_back(self) -> None:
        """glibc's default thresholds again, and the free memory handed back to the system."""
        with self._lock:
            lib = self.libc()
            if lib is not None and self.kept:
                lib.mallopt(self.M_MMAP_THRESHOLD, self.DEFAULT)
                lib.mallopt(self.M_TRIM_THRESHOLD, self.DEFAULT)
                lib.malloc_trim(0)
            self.kept = False


FREED_MEMORY = _FreedMemory()


# --- settings and sampling ------------------------------------------------------------------------


CERTAINTIES = ("sure", "likely", "maybe", "extra")


@dataclass(frozen=True, slots=True)
class RiskSettings:
    """The uncertainty of one plan, as fractions (from the plan's ``risk`` section)."""

    chance: dict[str, Decimal]
    """Chance (percent) that a shift of each "how sure" is worked."""
    hours_spread: dict[str, Decimal]
    week_lost_chance: Decimal
    late_report_chance: Decimal
    late_report_days: int
    level: Decimal

    @classmethod
    def of(cls, plan: Plan) -> RiskSettings:
        r = plan.risk
        return cls(
            {"sure": r.chance_sure, "likely": r.chance_likely, "maybe": r.chance_maybe, "extra": r.chance_extra},
            dict(r.hours_spread), r.week_lost_chance, r.late_report_chance, r.late_report_days, r.level,
        )


@dataclass(frozen=True)
class Futures:
    """``n`` sampled futures of one plan."""

    worked: np.ndarray
    """bool [n, shifts]: the shift is worked."""
    hours: np.ndarray
    """int32 [n, shifts]: its hours, in hundredths of an hour."""
    late: np.ndarray
    """bool [n, months]: the month's income reaches the municipality late."""
    seed: int | None = None
    hours_most: int | None = None
    """At least the largest value in ``hours`` when known without looking (:func:`sample` works it out from the
    plan and the spread), so the simulation need not search the array for it; None: not known."""

    @property
    def n(self) -> int:
        return int(self.worked.shape[0])


def _hundredths(hours: Decimal) -> int:
    h = hours * 100
    if h != h.to_integral_value():
        raise RiskNotSupported(N_("hours with more than two decimals: {hours}"), hours=str(hours))
    return int(h)


def _frozen_shifts(plan: Plan) -> np.ndarray:
    """Shifts in a pay period with a payslip: what happened is known, so they are not uncertain."""
    frozen = np.zeros(len(plan.shifts), dtype=bool)
    if not plan.payslips:
        return frozen
    periods = [(p.job, *p.period) for p in plan.payslips]
    for k, s in enumerate(plan.shifts):
        frozen[k] = any(job == s.job and first <= s.date <= last for job, first, last in periods)
    return frozen


def certain_future(plan: Plan) -> Futures:
    """The one future of the plan as planned: every sure, likely and maybe shift worked, no extra ones."""
    worked = np.array([[s.certainty != "extra" for s in plan.shifts]], dtype=bool).reshape(1, len(plan.shifts))
    hours = np.array([[_hundredths(s.hours) for s in plan.shifts]], dtype=np.int32).reshape(1, len(plan.shifts))
    return Futures(worked, hours, np.zeros((1, plan.months), dtype=bool))


def generator(seed: int | None) -> np.random.Generator:
    """The seeded random generator of :func:`sample`: numpy's SFC64 (a small, fast generator of good statistical
    quality, about a third faster than numpy's default PCG64 here), seeded through numpy's SeedSequence."""
    return np.random.Generator(np.random.SFC64(seed))


DRAW_BITS = 16  # not a rule value: random bits per draw (four draws from each 64-bit output of the generator)
_DRAW = np.uint16
_FULL = 2**DRAW_BITS  # not a rule value: the number of distinct draws


def _draws(rng: np.random.Generator, rows: int, n: int) -> np.ndarray:
    """[rows, n] uniform 16-bit draws (uint16): four from each 64-bit output of the generator, no floats.

    Sixteen bits are plenty here: a chance is met to within 1/65,536 (0.0015 percentage points, far below the
    sampling error of 10,000 futures, about 0.5 points), and hours are rounded to quarters of an hour."""
    per_output = 64 // DRAW_BITS  # not a rule value: draws per 64-bit output
    if rows * n == 0:
        return np.zeros((rows, n), dtype=_DRAW)
    raw = rng.bit_generator.random_raw((rows * n + per_output - 1) // per_output)
    return raw.view(_DRAW)[: rows * n].reshape(rows, n)


@lru_cache(maxsize=256)  # not a rule value: distinct chances remembered (a plan has a few)
def _limit(percent: Decimal) -> int:
    """The threshold of a chance in percent (a draw below it: the event happens), rounded down."""
    return min(int(Decimal(percent) * _FULL / 100), _FULL - 1)


def _happens(draws: np.ndarray, percent: Sequence[Decimal]) -> np.ndarray:
    """bool [rows, n]: each row's event happens with its chance (percent): a draw below chance x 2**16.

    Exact at 0 % (never) and 100 % (always); in between the chance is met to within 2**-16 (rounded down)."""
    limit = np.array([_limit(p) for p in percent], dtype=_DRAW)
    out = draws < limit[:, None]
    always = [k for k, p in enumerate(percent) if p >= 100]
    if always:
        out[always] = True
    return out


def _spread_hours(draws: np.ndarray, base: np.ndarray, percent: Sequence[Decimal]) -> np.ndarray:
    """int32 [rows, n]: hours (hundredths) that run over or under by up to ``percent`` of ``base``, evenly, in
    whole quarter hours (at least one): quarters = rint(low + width x u), u = draw / 2**16, in float32."""
    quarter = 25  # not a rule value: a quarter hour in hundredths
    share = np.array([float(p) / 100 for p in percent], dtype=np.float64)
    low = (base * (1 - share) / quarter).astype(np.float32)[:, None]
    width = (base * 2 * share / quarter / _FULL).astype(np.float32)[:, None]  # per unit of a draw
    q = np.multiply(draws, width, dtype=np.float32, casting="unsafe")
    q += low
    np.rint(q, out=q)
    # At least one quarter: only a row whose lowest value is under one quarter can round below it (and numpy's
    # maximum against a number is slow: so not over every row).
    tiny = np.flatnonzero(low[:, 0] < 1)
    if tiny.size:
        q[tiny] = np.maximum(q[tiny], 1)
    q *= quarter
    return q.astype(np.int32)


def sample(plan: Plan, n: int, seed: int | None = 0, settings: RiskSettings | None = None) -> Futures:
    """Draw ``n`` futures; the same plan, ``n`` and ``seed`` give the same futures.

    The arrays are drawn shift by shift (one row of ``n`` per shift) and handed out transposed, as views, so
    the simulation reads each shift's futures as one contiguous row. Each draw is 16 random bits (four from each
    64-bit output of :func:`generator`, :func:`_draws`): "worked with chance p" is a draw below p x 2**16 (a
    shift at 0 % or 100 % takes no draws: never or always worked), and a shift's hours move in proportion to
    its draw (:func:`_spread_hours`).
    """
    if n < 1:
        raise ValueError("at least one future")
    FREED_MEMORY.keep()
    settings = settings or RiskSettings.of(plan)
    unknown = sorted(set(settings.hours_spread) - {j.id for j in plan.jobs})
    if unknown:
        raise RiskNotSupported(N_("the hours spread is set for a job that is not in the plan: {job}"), job=unknown[0])
    rng = generator(seed)
    lay = _sample_layout(plan, settings)
    s_count = len(plan.shifts)
    # Only a shift whose chance is neither 0 % nor 100 % needs draws; the others are never or always worked.
    worked = np.empty((s_count, n), dtype=bool)
    worked[lay.never] = False
    worked[lay.always] = True
    if lay.drawn.size:
        worked[lay.drawn] = _happens(_draws(rng, lay.drawn.size, n), lay.drawn_chance)
    if lay.spread_rows.size:
        hours = np.empty((s_count, n), dtype=np.int32)
        hours[lay.steady] = lay.base_hours[lay.steady]  # the spread rows are written below, once
        rows = lay.spread_rows
        hours[rows] = _spread_hours(_draws(rng, rows.size, n), lay.base_hours[rows, 0], lay.spread_pct)
    else:
        hours = np.broadcast_to(lay.base_hours, (s_count, n))
    if settings.week_lost_chance > 0 and s_count:
        kept = ~_happens(_draws(rng, lay.weeks, n), [settings.week_lost_chance] * lay.weeks)  # per week: not lost
        worked &= kept.take(lay.week_of_shift, axis=0)
    late = np.zeros((plan.months, n), dtype=bool)
    if settings.late_report_chance > 0:
        late = _happens(_draws(rng, plan.months, n), [settings.late_report_chance] * plan.months)
    if lay.frozen.any():
        worked = np.where(lay.frozen, lay.planned, worked)
        hours = np.where(lay.frozen, lay.base_hours, hours)
    hours = np.ascontiguousarray(hours, dtype=np.int32)
    return Futures(worked.T, hours.T, late.T, seed, lay.hours_most)


@dataclass(frozen=True)
class _SampleLayout:
    """What :func:`sample` needs of a plan's shifts and risk settings, worked out once (arrays: read only)."""

    base_hours: np.ndarray
    """int32 [shifts, 1]: the planned hours, in hundredths."""
    frozen: np.ndarray
    """bool [shifts, 1]: in a pay period with a payslip (what happened is known)."""
    planned: np.ndarray
    """bool [shifts, 1]: planned (not "extra")."""
    never: np.ndarray
    always: np.ndarray
    drawn: np.ndarray
    """The shifts whose chance is neither 0 % (``never``) nor 100 % (``always``), and their chances."""
    drawn_chance: list[Decimal]
    spread_rows: np.ndarray
    steady: np.ndarray
    """The shifts whose hours run over or under (and their spread in percent), and the others."""
    spread_pct: list[Decimal]
    hours_most: int
    """At least the most hours (hundredths) a shift can get: see :attr:`Futures.hours_most`."""
    weeks: int
    week_of_shift: np.ndarray
    """How many (person, ISO week) pairs the shifts fall in, and each shift's."""


def _identity(*parts: tuple) -> tuple[int, ...]:
    """A cache key of a plan's (immutable) tuples of shifts, jobs, ...: which objects they are. An edit that leaves
    them alone keeps the same objects (pydantic's ``model_copy``); hashing 300 shifts by value costs more than
    the look-up saves. The cache keeps the tuples themselves, so an id is never reused while it is a key."""
    return tuple(id(p) for p in parts)


_SAMPLE_LAYOUTS: dict[tuple, tuple[tuple, _SampleLayout]] = {}


def _sample_layout(plan: Plan, settings: RiskSettings) -> _SampleLayout:
    """The :class:`_SampleLayout` of a plan, remembered by its shifts, jobs, payslips and risk settings (the same
    after most edits: a new rent or assumption leaves it alone)."""
    key = (*_identity(plan.shifts, plan.jobs, plan.payslips), tuple(sorted(settings.chance.items())),
           tuple(sorted(settings.hours_spread.items())))
    if key in _SAMPLE_LAYOUTS:
        return _SAMPLE_LAYOUTS[key][1]
    if len(_SAMPLE_LAYOUTS) > 16:  # not a rule value: plans remembered
        _SAMPLE_LAYOUTS.clear()
    shifts = plan.shifts
    base_hours = np.array([_hundredths(s.hours) for s in shifts], dtype=np.int32).reshape(len(shifts), 1)
    chance = [settings.chance[s.certainty] for s in shifts]
    drawn = [k for k, pct in enumerate(chance) if 0 < pct < 100]
    spread = [settings.hours_spread.get(s.job, Decimal(0)) for s in shifts]
    rows = np.array([k for k, pct in enumerate(spread) if pct], dtype=np.intp)
    most = int(base_hours.max()) if shifts else 0
    if rows.size:
        # The most a spread row can reach: its hours at the largest draw (the same float32 steps), plus a quarter.
        top = _spread_hours(np.full((rows.size, 1), _FULL - 1, dtype=_DRAW), base_hours[rows, 0],  # the largest draw
                            [spread[k] for k in rows])
        most = max(most, int(top.max()) + 25)  # not a rule value: a quarter hour in hundredths, as a margin
    role_of = {j.id: j.person for j in plan.jobs}
    keys = [(role_of.get(s.job, "claimant"), *s.date.isocalendar()[:2]) for s in shifts]
    index = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    layout = _SampleLayout(
        base_hours=base_hours,
        frozen=_frozen_shifts(plan)[:, None],
        planned=np.array([s.certainty != "extra" for s in shifts], dtype=bool).reshape(len(shifts), 1),
        never=np.array([k for k, pct in enumerate(chance) if pct <= 0], dtype=np.intp),
        always=np.array([k for k, pct in enumerate(chance) if pct >= 100], dtype=np.intp),
        drawn=np.array(drawn, dtype=np.intp),
        drawn_chance=[chance[k] for k in drawn],
        spread_rows=rows,
        steady=np.array([k for k, pct in enumerate(spread) if not pct], dtype=np.intp),
        spread_pct=[spread[k] for k in rows],
        hours_most=most,
        weeks=len(index),
        week_of_shift=np.array([index[k] for k in keys], dtype=np.intp),
    )
    for value in vars(layout).values():
        if isinstance(value, np.ndarray):
            value.setflags(write=False)
    _SAMPLE_LAYOUTS[key] = ((plan.shifts, plan.jobs, plan.payslips), layout)  # the tuples kept: ids stay theirs
    return layout


def shift_key(plan: Plan) -> list[tuple[int, str, str, int]]:
    """Each shift's identity across plans: its day, job and start time, and which of the shifts with those it is
    (0 for the first). A shift with the same key in two plans is "the same shift" for :func:`sample_together`."""
    seen: dict[tuple[int, str, str], int] = {}
    keys = []
    for s in plan.shifts:
        base = (s.date.toordinal(), s.job, "" if s.start is None else s.start.isoformat())
        keys.append((*base, seen.get(base, 0)))
        seen[base] = seen.get(base, 0) + 1
    return keys


def sample_together(plans: Sequence[Plan], n: int, seed: int | None = 0) -> tuple[Futures, ...]:
    """Draw ``n`` futures for several plans at once, with common random numbers: future ``i`` of every plan
    comes from the same random draws.

    A shift that is in more than one plan (the same :func:`shift_key`) gets the same draw in each: with the
    same "how sure" and hours spread it is worked, or not, in all of them, with the same hours. A lost week
    (per person and ISO week) and a late report (per calendar month) are shared the same way. So a difference
    between the plans in one future comes from the plans, not from chance. Each plan uses its own risk
    settings; the same plans, ``n`` and ``seed`` give the same futures. (Not the same futures as
    :func:`sample`, which draws for one plan.)
    """
    if n < 1:
        raise ValueError("at least one future")
    settings = [RiskSettings.of(p) for p in plans]
    for plan, st in zip(plans, settings, strict=True):
        unknown = sorted(set(st.hours_spread) - {j.id for j in plan.jobs})
        if unknown:
            raise RiskNotSupported(N_("the hours spread is set for a job that is not in the plan: {job}"), job=unknown[0])
    keys = [shift_key(p) for p in plans]
    shift_at = {k: i for i, k in enumerate(sorted(set().union(*keys)))}

    def week_keys(plan: Plan) -> list[tuple[str, int, int]]:
        role_of = {j.id: j.person for j in plan.jobs}
        return [(role_of.get(s.job, "claimant"), *s.date.isocalendar()[:2]) for s in plan.shifts]

    weeks = [week_keys(p) for p in plans]
    week_at = {k: i for i, k in enumerate(sorted(set().union(*weeks)))}
    month_at = {ym: i for i, ym in enumerate(sorted(set().union(*(p.month_list() for p in plans))))}
    rng = np.random.default_rng(seed)
    u_work = rng.random((len(shift_at), n))
    u_hours = rng.random((len(shift_at), n), dtype=np.float32)
    u_week = rng.random((len(week_at), n))
    u_late = rng.random((len(month_at), n))
    out = []
    for plan, st, plan_keys, plan_weeks in zip(plans, settings, keys, weeks, strict=True):
        rows = np.array([shift_at[k] for k in plan_keys], dtype=np.intp)
        base_hours = np.array([_hundredths(s.hours) for s in plan.shifts], dtype=np.int32)[:, None]
        chance = np.array([float(st.chance[s.certainty]) / 100 for s in plan.shifts], dtype=np.float64)[:, None]
        worked = u_work[rows] < chance
        hours = np.broadcast_to(base_hours, (len(plan.shifts), n)).copy()
        spread = np.array([float(st.hours_spread.get(s.job, 0)) / 100 for s in plan.shifts], dtype=np.float64)
        for r in np.flatnonzero(spread > 0):  # as in sample(), with this shift's shared draw
            factor = 1 + (2 * u_hours[rows[r]] - 1) * np.float32(spread[r])
            quarters = np.rint(base_hours[r].astype(np.float32) * factor / 25).astype(np.int32)  # not a rule value: a quarter hour in hundredths
            hours[r] = np.maximum(quarters, 1) * 25  # not a rule value: a quarter hour in hundredths
        if st.week_lost_chance > 0 and plan.shifts:
            lost = u_week[[week_at[k] for k in plan_weeks]] < float(st.week_lost_chance) / 100
            worked &= ~lost
        late = np.zeros((plan.months, n), dtype=bool)
        if st.late_report_chance > 0:
            late = u_late[[month_at[ym] for ym in plan.month_list()]] < float(st.late_report_chance) / 100
        frozen = _frozen_shifts(plan)[:, None]
        if frozen.any():
            planned = np.array([s.certainty != "extra" for s in plan.shifts], dtype=bool)[:, None]
            worked = np.where(frozen, planned, worked)
            hours = np.where(frozen, base_hours, hours)
        out.append(Futures(np.ascontiguousarray(worked.T).reshape(n, len(plan.shifts)),
                           np.ascontiguousarray(hours.T, dtype=np.int32).reshape(n, len(plan.shifts)),
                           np.ascontiguousarray(late.T), seed))
    return tuple(out)


# --- what one simulation gives --------------------------------------------------------------------


@dataclass(frozen=True)
class DailyRows:
    """The end-of-day balance of each day and each future, in whole cents, without a [futures, days] array.

    Only some days change differently per future (paydays, the first of a month); on the other days only the
    fixed costs change, the same in every future. So the balance of future ``i`` on day ``d`` (counted from
    ``start``) is ``rows[i, row_of_day[d]] + offset[d]``: memory grows with the futures times the paydays, not
    times the days. Adding the same amount to every future moves each percentile by that amount, so the
    per-day percentiles come from the rows' percentiles (:func:`balance_bands`).
    """

    start: date
    rows: np.ndarray
    """int64 [n, rows]."""
    row_of_day: np.ndarray
    """int [days]: the row each day builds on."""
    offset: np.ndarray
    """int64 [days]: what the fixed costs change after that row, up to and including the day."""

    def balance(self) -> np.ndarray:
        """[n, days]: every day of every future (for tests and small ``n``)."""
        return self.rows[:, self.row_of_day] + self.offset

    def same_days(self, other: DailyRows) -> bool:
        return (self.start == other.start and np.array_equal(self.row_of_day, other.row_of_day)
                and np.array_equal(self.offset, other.offset))


def _compact_daily(start: date, balances: np.ndarray) -> DailyRows:
    """:class:`DailyRows` of full end-of-day balances [futures, days] (the exact engine's ledgers): a day whose
    change from the day before is the same in every future builds on the row before it (an offset); only the
    other days are rows. Exact: the balance of every day of every future is kept."""
    if balances.shape[1] == 0:
        return DailyRows(start, balances, np.zeros(0, dtype=np.intp), np.zeros(0, dtype=I64))
    change = np.diff(balances, axis=1)
    is_row = np.concatenate([[True], ~(change == change[:1]).all(axis=0)])  # the first day is always a row
    row_days = np.flatnonzero(is_row)
    row_of_day = np.cumsum(is_row) - 1
    offset = balances[0] - balances[0, row_days][row_of_day]  # the same in every future (see above)
    return DailyRows(start, balances[:, row_days], row_of_day, offset)


def _concat_daily(parts: list[DailyRows | None]) -> DailyRows | None:
    """The daily balances of futures simulated in slices, as if simulated at once."""
    if any(p is None for p in parts):
        return None
    first = parts[0]
    assert first is not None
    if all(first.same_days(p) for p in parts):  # type: ignore[arg-type]
        return DailyRows(first.start, np.concatenate([p.rows for p in parts], axis=0),  # type: ignore[union-attr]
                         first.row_of_day, first.offset)
    # Different rows (the exact engine's slices): all slices on the same row days. A day is a row where it is a
    # row in any slice, or where the slices' changes differ (each the same within its own futures, but not alike).
    is_row = np.zeros(len(first.row_of_day), dtype=bool)
    is_row[0] = True
    for part in parts:
        assert part is not None and part.start == first.start and len(part.row_of_day) == len(first.row_of_day)
        is_row[1:] |= np.diff(part.row_of_day) != 0
        is_row[1:] |= np.diff(part.offset) != np.diff(first.offset)  # a day not a row: every future's change
    row_days = np.flatnonzero(is_row)
    row_of_day = np.cumsum(is_row) - 1
    rows = [part.rows[:, part.row_of_day[row_days]] + part.offset[row_days] for part in parts]  # type: ignore[union-attr]
    offset = first.offset - first.offset[row_days][row_of_day]  # between row days: the same change in every slice
    return DailyRows(first.start, np.concatenate(rows, axis=0), row_of_day, offset)


@dataclass(frozen=True)
class Outcome:
    """The simulated futures, in whole cents (int64), indexed [future, ...]."""

    months: tuple[YM, ...]
    pay_dates: tuple[date, ...]
    """The benefit's pay date in each month (settlement events fall on these)."""
    income: np.ndarray
    """[n, months] net income from work counted in the month."""
    final: np.ndarray
    """[n, months] bijstand due on the actual income, the part paid monthly."""
    advance: np.ndarray
    """[n, months] paid on the pay day, on the estimate."""
    reserved: np.ndarray
    premie_paid: np.ndarray
    correction: np.ndarray
    """[n, pay dates] extra bijstand paid afterwards."""
    withheld: np.ndarray
    """[n, pay dates, months settled] withheld from the benefit (int32 from the vectorised engine: it fits)."""
    repaid: np.ndarray
    """[n, pay dates, months settled] a repayment demand (a letter); int32 like ``withheld``."""
    money_in: np.ndarray
    money_out: np.ndarray
    end_balance: np.ndarray
    lowest_in_month: np.ndarray
    lowest: np.ndarray
    """[n] the lowest balance of the plan (money out taken before money in on a day)."""
    first_below_buffer: np.ndarray
    """[n] ordinal of the first day below the safety buffer, or BIG_DAY."""
    set_aside: np.ndarray
    """[n] what the deterministic advice would set aside: everything withheld or paid back, and the shortfall below
    the safety buffer (planner.cashflow)."""
    engine: Engine = "vectorised"
    open_after: np.ndarray | None = None
    """[n, months] what is still settled after the plan's last month for each benefit month: + still to be paid
    to you, - still to be withheld or paid back (planner.settlement's ``pending``)."""
    fallback_reason: str | None = None
    """In English: the plan feature that made :func:`simulate` use the exact engine."""
    fallback_explanation: Explanation | None = None
    daily: DailyRows | None = None
    """The end-of-day balance of every day of every future (kept compactly, see :class:`DailyRows`)."""

    @property
    def n(self) -> int:
        return int(self.income.shape[0])

    @property
    def deducted_by_date(self) -> np.ndarray:
        """[n, pay dates] withheld plus paid back on each pay date."""
        return self.withheld.sum(axis=2) + self.repaid.sum(axis=2)


# --- the exact engine: the Decimal chain once per distinct future -------------------------------------


def outcome_of_result(result: Result, plan: Plan) -> Outcome:
    """One Decimal result as a one-future :class:`Outcome` (the reference the tests compare with)."""
    return _stack([_exact_arrays(result, plan)], result, "exact", None)


def _exact_arrays(result: Result, plan: Plan) -> dict[str, np.ndarray]:
    proj, timeline, ledger = result.projection, result.timeline, result.ledger
    months = [(bm.year, bm.month) for bm in proj.months]
    m = len(months)
    pay_day = timeline.pay_day
    pay_dates = [date(y, mo, min(pay_day, calendar.monthrange(y, mo)[1])) for y, mo in months]
    k_of = {d: k for k, d in enumerate(pay_dates)}
    corr = np.zeros(m, dtype=I64)
    withheld = np.zeros((m, m), dtype=I64)
    repaid = np.zeros((m, m), dtype=I64)
    for e in timeline.settlement_events():
        k = k_of[e.date]
        if e.kind == "correction_paid":
            corr[k] += _c(e.amount)
        else:
            target = withheld if e.kind == "withholding" else repaid
            target[k, months.index(e.settles)] += -_c(e.amount)
    buffer = plan.settlement.safety_buffer
    first_below = next((ledger.start.toordinal() + d for d, low in enumerate(ledger.daily_low) if low < buffer), BIG_DAY)
    return {
        "income": np.array([_c(bm.income_from_work.amount) for bm in proj.months], dtype=I64),
        "final": np.array([_c(bm.bijstand_paid_monthly.amount) for bm in proj.months], dtype=I64),
        "advance": np.array([_c(s.advance) for s in timeline.months], dtype=I64),
        "reserved": np.array([_c(bm.vakantietoeslag_reserved.amount) for bm in proj.months], dtype=I64),
        "premie_paid": np.array([_c(bm.premie_paid.amount) for bm in proj.months], dtype=I64),
        "correction": corr,
        "withheld": withheld,
        "repaid": repaid,
        "money_in": np.array([_c(lm.money_in) for lm in ledger.months], dtype=I64),
        "money_out": np.array([_c(lm.money_out) for lm in ledger.months], dtype=I64),
        "end_balance": np.array([_c(lm.end_balance) for lm in ledger.months], dtype=I64),
        "lowest_in_month": np.array([_c(lm.lowest_balance) for lm in ledger.months], dtype=I64),
        "lowest": np.array(_c(ledger.lowest), dtype=I64),
        "first_below_buffer": np.array(first_below, dtype=I64),
        "set_aside": np.array(sum((_c(a.amount) for a in ledger.advice), 0), dtype=I64),
        "open_after": np.array([sum((_c(p.amount) for p in timeline.pending if p.settles == ym), 0) for ym in months],
                               dtype=I64),
        "daily": np.array([_c(b) for b in ledger.daily], dtype=I64),
    }


def _stack(rows: list[dict[str, np.ndarray]], result: Result, engine: Engine, reason: str | None) -> Outcome:
    months = tuple((bm.year, bm.month) for bm in result.projection.months)
    pay_day = result.timeline.pay_day
    pay_dates = tuple(date(y, m, min(pay_day, calendar.monthrange(y, m)[1])) for y, m in months)
    arrays = {key: np.stack([r[key] for r in rows]) for key in rows[0]}
    daily = _compact_daily(result.ledger.start, arrays.pop("daily"))
    return Outcome(months, pay_dates, engine=engine, fallback_reason=reason, daily=daily, **arrays)


def future_plan(plan: Plan, futures: Futures, i: int) -> tuple[Plan, tuple[Shift, ...]]:
    """Future ``i`` as a plan (with its late reports) and the shifts that are worked in it."""
    shifts = []
    for k, s in enumerate(plan.shifts):
        if not futures.worked[i, k]:
            continue
        h = int(futures.hours[i, k])
        shifts.append(s if h == _hundredths(s.hours) else s.model_copy(update={"hours": Decimal(h) / 100}))
    late = tuple(
        LateReport(month=f"{y:04d}-{m:02d}", reported_on=date(y, m, calendar.monthrange(y, m)[1])
                   + timedelta(days=plan.risk.late_report_days))
        for (y, m), is_late in zip(plan.month_list(), futures.late[i], strict=True) if is_late
    )
    if late:
        settlement = plan.settlement.model_copy(update={"late_reports": plan.settlement.late_reports + late})
        plan = plan.model_copy(update={"settlement": settlement})
    return plan, tuple(shifts)


def simulate_exact(plan: Plan, futures: Futures, rules: RuleSet | None = None,
                   reason: NotVectorised | None = None) -> Outcome:
    """The Decimal engine once per distinct future (exact; as slow as that many runs)."""
    rules = rules or load_rules()
    planned = planned_result(plan, rules)
    key = np.concatenate([futures.worked.astype(I64), futures.hours.astype(I64), futures.late.astype(I64)], axis=1)
    uniq, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    rows = []
    for i in first:
        p, shifts = future_plan(plan, futures, int(i))
        rows.append(_exact_arrays(run(p, rules, shifts, planned=planned.projection), plan))
    out = _stack(rows, planned, "exact", None)
    inverse = inverse.reshape(-1)
    assert out.daily is not None
    daily = DailyRows(out.daily.start, out.daily.rows[inverse], out.daily.row_of_day, out.daily.offset)
    return Outcome(out.months, out.pay_dates, engine="exact",
                   fallback_reason=reason.feature if reason else None,
                   fallback_explanation=reason.explanation if reason else None, daily=daily,
                   **{name: getattr(out, name)[inverse] for name in _ARRAY_FIELDS})


_ARRAY_FIELDS = ("income", "final", "advance", "reserved", "premie_paid", "correction", "withheld", "repaid",
                 "money_in", "money_out", "end_balance", "lowest_in_month", "lowest", "first_below_buffer", "set_aside",
                 "open_after")


def planned_result(plan: Plan, rules: RuleSet) -> Result:
    """The plan as planned (sure, likely and maybe shifts): the Decimal engine's answer the risk builds on."""
    return run(plan, rules, shifts_of(plan, "planned"))


def simulate(plan: Plan, futures: Futures, rules: RuleSet | None = None, planned: Result | None = None) -> Outcome:
    """All futures at once (vectorised), or the exact engine per distinct future where that is not possible.

    ``planned`` is :func:`planned_result` when the caller has it already (the deterministic answer is shown
    first); otherwise it is computed here.
    """
    rules = rules or load_rules()
    try:
        FREED_MEMORY.keep()
        return _Vectorised(plan, rules, planned).run(futures)
    except NotVectorised as exc:
        return simulate_exact(plan, futures, rules, exc)


# --- the vectorised engine ------------------------------------------------------------------------


def _daily_rows(start: date, end: date, varying: list[date], days: list[date], fixed_cum: np.ndarray,
                moving: np.ndarray, start_c: int) -> DailyRows:
    """The end-of-day balances of the vectorised ledger (see :class:`DailyRows`).

    ``varying``: the days whose money differs per future (the rows of ``moving``, [rows, n]: what changed up to
    and including that day); ``days`` and ``fixed_cum``: every day with money and the fixed costs up to and
    including it. A day's balance is the start, plus the fixed costs up to it, plus the changes of its row.
    """
    ordinals = np.arange(start.toordinal(), end.toordinal() + 1)
    day_ord = np.array([d.toordinal() for d in days], dtype=I64)
    row_ord = np.array([d.toordinal() for d in varying], dtype=I64)
    if row_ord.size == 0 or row_ord[0] > ordinals[0]:
        raise ValueError("the ledger's first day has no row")  # never: the first of the first month is a row
    cum = np.concatenate([[0], np.asarray(fixed_cum, dtype=I64)])

    def fixed_to(ords: np.ndarray) -> np.ndarray:
        return cum[np.searchsorted(day_ord, ords, side="right")]

    row_of_day = np.searchsorted(row_ord, ordinals, side="right") - 1
    row_fixed = fixed_to(row_ord)
    moving += (start_c + row_fixed)[:, None]  # the caller's array, not needed after this
    rows = moving.T  # [n, rows] as a view (column-major): no copy
    return DailyRows(start, rows, row_of_day, fixed_to(ordinals) - row_fixed[row_of_day])


def _month_reduce(ufunc: np.ufunc, rows: np.ndarray, firsts: list[int]) -> np.ndarray:
    """``ufunc.reduceat(rows, firsts, axis=0)``, month by month over whole rows (numpy's reduceat walks down the
    columns there, which is several times slower for [rows, futures])."""
    out = np.empty((len(firsts), rows.shape[1]), dtype=rows.dtype)
    ends = [*firsts[1:], rows.shape[0]]
    for i, (lo, hi) in enumerate(zip(firsts, ends, strict=True)):
        ufunc.reduce(rows[lo:hi], axis=0, out=out[i])
    return out


_FIXED_COSTS: dict[tuple, dict[date, int]] = {}
"""Per fixed costs and window: the fixed costs per day in cents (the same in every run and slice of a plan)."""


def _fixed_costs(plan: Plan, start: date, end: date) -> dict[date, int]:
    """planner.settlement.expense_events as cents per day (remembered: a plan's slices ask for it again)."""
    key = (plan.expenses, start, end)
    if key not in _FIXED_COSTS:
        if len(_FIXED_COSTS) > 64:  # not a rule value: plans remembered
            _FIXED_COSTS.clear()
        fixed: dict[date, int] = {}
        for e in expense_events(plan, start, end):
            fixed[e.date] = fixed.get(e.date, 0) + _c(e.amount)
        _FIXED_COSTS[key] = fixed
    return _FIXED_COSTS[key]


def _pay_dates_up_to(pay_ord: np.ndarray, days: np.ndarray) -> np.ndarray:
    """For each day (an ordinal), how many of the sorted pay dates fall on or before it: ``np.searchsorted(pay_ord,
    days, side="right")``, by a look-up table over the days' range (numpy's searchsorted costs about 20 ns a value,
    the table one subtraction and one look-up)."""
    low, high = int(days.min()), int(days.max())
    if high - low > 4 * days.size + 1024:  # not a rule value: when a table over the range costs more than searching
        return np.searchsorted(pay_ord, days, side="right")
    table = np.searchsorted(pay_ord, np.arange(low, high + 1), side="right")
    return table[np.subtract(days, low, dtype=np.intp)]


def _cumsum_rows(rows: np.ndarray) -> np.ndarray:
    """``np.cumsum(rows, axis=0, out=rows)`` in place, row by row (numpy's walks down the columns of [rows,
    futures], several times slower)."""
    for r in range(1, rows.shape[0]):
        np.add(rows[r - 1], rows[r], out=rows[r])
    return rows


def _add_months(ym: YM, n: int) -> YM:
    k = ym[0] * 12 + ym[1] - 1 + n
    return k // 12, k % 12 + 1


def _month_end(ym: YM) -> date:
    return date(ym[0], ym[1], calendar.monthrange(*ym)[1])


_KIND_PARAMS: dict[str, tuple[str, str | None]] = {
    "n": (vr.N_PCT, vr.N_MAX),
    "r": (vr.R_PCT, vr.R_MAX),
    "y": (vr.Y_PCT, vr.Y_MAX),
    "34a": (vr.A34_PCT, None),
    "34a_mub": (vr.A34_PCT, None),
    "34a_aow": (vr.A34_AOW_PCT, vr.A34_AOW_MAX),
}
"""The percentage and cap of each kind of vrijlating: the ids planner.vrijlating applies (checked on probes)."""

_PROBES = (Decimal("100.00"), Decimal("100000.00"))  # not a rule value: test inputs to compare with the Decimal helper


@dataclass
class _Slot:
    """One payment (or possible payment) of a job, for all futures at once."""

    job_id: str
    role: Role
    kind: Literal["wage", "holiday_pay"]
    pay: date
    payslip: date
    exists: np.ndarray
    net: np.ndarray
    total_net: np.ndarray
    gross: np.ndarray | None
    accrued: np.ndarray
    parts: list[tuple[int, np.ndarray, np.ndarray]] = field(default_factory=list)
    """(month index, amount, present) of the net wage attributed to each benefit month."""
    paid_as_is: bool = False
    """``total_net`` is never negative and 0 wherever nothing was worked: what reaches the account is then
    ``total_net`` itself (else: where the payment exists and is positive)."""

    def cash(self) -> np.ndarray:
        """What reaches the account on the pay date, per future."""
        return self.total_net if self.paid_as_is else np.where(self.exists & (self.total_net > 0), self.total_net, 0)


def _split(net: np.ndarray, weights: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """planner.wages.payments._split for all futures: parts in proportion, the rest on the largest weight.

    ``weights`` and ``keys`` are [parts, futures]; ``net`` is [futures].
    """
    if weights.shape[0] == 1:  # one month: all of it
        present = keys & True
        return net * present, present  # x * mask: what np.where(mask, x, 0) gives, faster
    cols = np.arange(net.shape[0])
    w = np.where(keys, weights, 0)
    wsum = w.sum(axis=0)
    pos = wsum > 0
    safe = np.where(pos, wsum, 1)
    parts = np.where(keys, _rhu(net * w, safe), 0)
    rest = net - parts.sum(axis=0)
    largest = np.argmax(np.where(keys, w, -1), axis=0)
    parts[largest, cols] += rest
    first_key = np.argmax(keys, axis=0)
    only_first = np.zeros_like(keys)
    only_first[first_key, cols] = keys.any(axis=0)
    parts = np.where(pos, parts, np.where(only_first, net, 0))
    present = np.where(pos, keys, only_first)
    return parts, present


@dataclass(frozen=True)
class _PayPeriod:
    """One pay period of an hourly job that holds shifts: ``lo:hi`` in the job's shifts in date order."""

    first: date
    last: date
    pay_date: date
    lo: int
    hi: int
    earned_months: list[YM]
    """The months its shifts fall in, in order."""
    rows_of: list[list[int]]
    """For each of those months, its shifts (as rows from ``lo``)."""


_PAY_PERIODS: dict[tuple, tuple[tuple, dict[str, tuple[np.ndarray, list[_PayPeriod]]]]] = {}


def _pay_periods_of_shifts(plan: Plan, start: date, end: date) -> dict[str, tuple[np.ndarray, list[_PayPeriod]]]:
    """Per hourly job: its shifts in the window in date order (indices into ``plan.shifts``), and its pay periods
    that hold shifts and have no payslip. Remembered by the shifts, jobs, payslips and window (the same for every
    slice of a run and after most edits)."""
    key = (*_identity(plan.shifts, plan.jobs, plan.payslips), start, end)
    if key in _PAY_PERIODS:
        return _PAY_PERIODS[key][1]
    if len(_PAY_PERIODS) > 16:  # not a rule value: plans remembered
        _PAY_PERIODS.clear()
    slips = {(p.job, *p.period) for p in plan.payslips}
    in_window = [k for k, s in enumerate(plan.shifts) if start <= s.date <= end]
    out = {}
    for job in plan.jobs:
        if job.wage_unit != "hour":
            continue
        mine_list = sorted((k for k in in_window if plan.shifts[k].job == job.id), key=lambda k: plan.shifts[k].date)
        mine_days = np.array([plan.shifts[k].date.toordinal() for k in mine_list], dtype=I64)
        periods = []
        for first, last, pay_date in pay_periods(job, start, end):
            if (job.id, first, last) in slips or not job_active(job, first, last):
                continue
            lo = int(np.searchsorted(mine_days, first.toordinal()))
            hi = int(np.searchsorted(mine_days, last.toordinal(), "right"))
            if hi > lo:
                months = [(plan.shifts[k].date.year, plan.shifts[k].date.month) for k in mine_list[lo:hi]]
                earned = sorted(set(months))
                periods.append(_PayPeriod(first, last, pay_date, lo, hi, earned,
                                          [[j for j, ym in enumerate(months) if ym == e] for e in earned]))
        out[job.id] = (np.array(mine_list, dtype=np.intp), periods)
    _PAY_PERIODS[key] = ((plan.shifts, plan.jobs, plan.payslips), out)  # the tuples kept: their ids stay theirs
    return out


_FEW_IN_ORDER = 48  # not a rule value: up to this many futures, the in-order withholding runs one future at a time

_VRIJLATING_CACHES: dict[tuple, dict] = {}
"""Per household, months, assumptions, rules and premie scheme: the norms, the schemes, the answers of
:meth:`_Vectorised._vrijlating_rule` and the formulas already checked (see :meth:`_Vectorised._months_static`)."""


class _Vectorised:
    def __init__(self, plan: Plan, rules: RuleSet, planned: Result | None = None) -> None:
        self.plan, self.rules = plan, rules
        self.assumptions = a = resolve(plan.assumptions)
        if a["repayment"] == "instalments":
            raise NotVectorised(N_("repayment in instalments"))
        if a["premie_income_basis"] == "gross":
            raise NotVectorised(N_("the premie as a share of the gross wage"))
        self.months = plan.month_list()
        self.m = len(self.months)
        self.planned = planned if planned is not None else planned_result(plan, rules)
        self.roles: list[Role] = ["claimant"] + (["partner"] if plan.household.partner is not None else [])
        self.window_start = date(*self.months[0], 1)
        self.window_end = _month_end(self.months[-1])
        method = attribution_rule(plan, rules).value
        self.method = plan.settlement.income_attribution if plan.settlement.income_attribution != "municipality" else method
        self.month_index = {ym: i for i, ym in enumerate(self.months)}
        self.scheme_id = premie_scheme_id(plan)
        self._months_static()

    # --- payments ---

    def _fixed_slot(self, p: Payment, n: int) -> _Slot:
        def full(value: Decimal) -> np.ndarray:
            return np.full(n, _c(value), dtype=I64)

        slot = _Slot(p.job_id, p.role, p.kind, p.pay_date, p.payslip_date, np.ones(n, dtype=bool), full(p.net),
                     full(p.total_net), None if p.gross is None else full(p.gross), full(p.holiday_accrued))
        for ym, amount in net_by_month(p, self.method):  # type: ignore[arg-type]
            if ym in self.month_index:
                slot.parts.append((self.month_index[ym], full(amount), np.ones(n, dtype=bool)))
        return slot

    def _slots(self, futures: Futures) -> list[_Slot]:
        plan, rules, n = self.plan, self.rules, futures.n
        fixed_jobs = {j.id for j in plan.jobs if j.wage_unit == "month"}
        slots: list[_Slot] = []
        for p in self.planned.projection.payments:
            if p.job_id in fixed_jobs or (p.kind == "wage" and p.source == "payslip"):
                slots.append(self._fixed_slot(p, n))
        wage_cents = {j.id: _c(j.wage) for j in plan.jobs if j.wage_unit == "hour"}
        # A pay period's hours are summed as int32 when no sum can overflow it (else as int64).
        most = (futures.hours_most if futures.hours_most is not None
                else int(self._hours.max()) if self._hours.size else 0)
        rows_int32 = np.iinfo(np.int32).max // most if most > 0 else len(plan.shifts)
        hours_buf = np.empty((0, n), dtype=self._hours.dtype)
        worked_buf = np.empty((0, n), dtype=bool)
        layout = _pay_periods_of_shifts(plan, self.window_start, self.window_end)
        for job in plan.jobs:
            if job.wage_unit != "hour":
                continue
            # The job's shifts in date order: a pay period is then a run of them. Its rows of futures are taken
            # into two buffers used again for every period (not one fresh copy of all the job's rows).
            mine, periods = layout[job.id]
            job_slots = [s for s in slots if s.job_id == job.id and s.kind == "wage"]
            widest = max((pp.hi - pp.lo for pp in periods), default=0)
            if widest > len(hours_buf):
                hours_buf = np.empty((widest, n), dtype=self._hours.dtype)
                worked_buf = np.empty((widest, n), dtype=bool)
            for pp in periods:
                rows = pp.hi - pp.lo
                hours, worked = hours_buf[:rows], worked_buf[:rows]
                # mode="clip": the indices are valid, and numpy buffers ``out`` with the default "raise"
                np.take(self._hours, mine[pp.lo:pp.hi], axis=0, out=hours, mode="clip")
                np.take(self._worked, mine[pp.lo:pp.hi], axis=0, out=worked, mode="clip")
                np.multiply(hours, worked, out=hours)  # hundredths of an hour, 0 when not worked
                slot = self._variable_slot(job, pp, worked, hours, wage_cents[job.id],
                                           np.int32 if rows <= rows_int32 else I64)
                slots.append(slot)
                job_slots.append(slot)
            if job.holiday_pay == "yearly":
                slots.extend(self._holiday_payouts(job, job_slots, n))
        return slots

    def _variable_slot(self, job, pp: _PayPeriod, worked: np.ndarray, hours: np.ndarray,  # noqa: ANN001
                       wage_c: int, sum_type: type = I64) -> _Slot:
        """The wage of one pay period for all futures: ``worked`` and ``hours`` are the rows of futures of its
        shifts (in date order; hours 0 where not worked); ``sum_type``: a dtype their sums fit in."""
        rules = self.rules
        first, last, pay_date, earned_months, rows_of = pp.first, pp.last, pp.pay_date, pp.earned_months, pp.rows_of
        exists = worked.any(axis=0)
        # hours x wage in 1/10,000 euro: exact.
        if len(earned_months) == 1:
            worked_hours = hours.sum(axis=0, dtype=sum_type)
            raw, keys = None, exists[None, :]
        else:
            raw = np.stack([hours[r].sum(axis=0, dtype=sum_type) for r in rows_of]).astype(I64)
            worked_hours = raw.sum(axis=0)
            raw *= wage_c
            keys = np.stack([worked[r].any(axis=0) for r in rows_of])
        period = {"monthly": "month", "four_weekly": "four_weeks", "weekly": "week"}[job.pay_schedule]
        if job.wage_basis == "net":  # a few whole-array steps, no Decimal function
            total = _rhu(np.multiply(worked_hours, wage_c, dtype=I64), 100)
            holiday = _pct(total, job.holiday_pay_percent) if job.holiday_pay != "none" else None
            net = total
            total_net = total + holiday if holiday is not None and job.holiday_pay == "with_wage" else total
            accrued = holiday if holiday is not None and job.holiday_pay == "yearly" else np.zeros_like(total)
            # hours >= 0: never negative, and 0 for no hours, when the wage and the percentage are not negative
            paid_as_is = wage_c >= 0 and job.holiday_pay_percent >= 0
        else:
            # A gross wage's tax is a Decimal function of the hours worked: worked out once per distinct number
            # of hours (few), then looked up for every future; so is every other amount of the period.
            hours_of = _Distinct(worked_hours)
            total_of = _rhu(hours_of.values * wage_c, 100)
            holiday_of = _pct(total_of, job.holiday_pay_percent) if job.holiday_pay != "none" else np.zeros_like(total_of)

            def tax(c: int) -> int:
                return _net_wage(c, period, pay_date, job.employer_applies_heffingskorting, rules)

            net_of = np.fromiter((tax(int(c)) for c in total_of), dtype=I64, count=len(total_of))
            total_net_of = (np.fromiter((tax(int(c)) for c in total_of + holiday_of), dtype=I64, count=len(total_of))
                            if job.holiday_pay == "with_wage" else net_of)  # what is paid: with holiday pay in it
            total = hours_of.spread(total_of)
            net = hours_of.spread(net_of)
            total_net = net if total_net_of is net_of else hours_of.spread(total_net_of)
            accrued = hours_of.spread(holiday_of) if job.holiday_pay == "yearly" else np.zeros_like(total)
            paid_as_is = bool((total_net_of >= 0).all() and (total_net_of[hours_of.values == 0] == 0).all())
        gross = total if job.wage_basis == "gross" else None
        earned = total[None, :] if raw is None else _rhu(raw, 100)
        slot = _Slot(job.id, job.person, "wage", pay_date, pay_date + timedelta(days=job.payslip_delay_days), exists,
                     net, total_net, gross, accrued, paid_as_is=paid_as_is)
        counted = exists & (net != 0)
        if self.method == "received":
            ym = (pay_date.year, pay_date.month)
            if ym in self.month_index:
                slot.parts.append((self.month_index[ym], net, counted))
            return slot
        if self.method == "spread_workdays" and period != "month":
            days = sorted(workdays_by_month(first, last).items())
            part_months = [ym for ym, _ in days]
            weights = np.broadcast_to(np.array([d for _, d in days], dtype=I64)[:, None], (len(days), len(net)))
            parts, present = _split(net, weights, np.ones(weights.shape, dtype=bool))
        else:
            part_months = earned_months
            parts, present = _split(net, earned, keys)
        for j, ym in enumerate(part_months):
            if ym in self.month_index:
                slot.parts.append((self.month_index[ym], parts[j], present[j] & counted))
        return slot

    def _holiday_payouts(self, job, slots: list[_Slot], n: int) -> list[_Slot]:  # noqa: ANN001
        """planner.wages.payments._yearly_holiday_payouts for all futures (the job's yearly holiday pay)."""
        if not slots:
            return []
        if job.end is not None and job.end <= self.window_end:
            raise NotVectorised(N_("a job with yearly holiday pay that ends inside the plan"))
        slots = sorted(slots, key=lambda s: s.pay)
        dates = []
        y = min(s.pay.year for s in slots)
        while date(y, 1, 1) <= self.window_end:
            dates.append(date(y, job.holiday_pay_month, min(job.pay_day, calendar.monthrange(y, job.holiday_pay_month)[1])))
            y += 1
        has_accrued = [s.exists & (s.accrued > 0) for s in slots]
        annual = None
        if job.wage_basis == "gross":
            g_sum = sum((s.gross * h for s, h in zip(slots, has_accrued, strict=True) if s.gross is not None),
                        np.zeros(n, dtype=I64))
            annual = _rhu(g_sum * 12, max(1, self.m))
        out = []
        previous = date.min
        for pay_date in sorted(set(dates)):
            pending = [s for s in slots if previous < s.pay <= pay_date]
            previous = pay_date
            if not pending or pay_date > self.window_end:
                continue
            amount = sum((s.accrued * s.exists for s in pending), np.zeros(n, dtype=I64))
            net = amount.copy()
            if annual is not None:
                # The special rate per distinct yearly wage (a Decimal call each), then applied to all futures.
                uniq, inverse = np.unique(annual, return_inverse=True)
                ratios = [_special_rate(int(v), pay_date.year, job.employer_applies_heffingskorting, self.rules)
                          for v in uniq]
                p = np.array([r[0] for r in ratios], dtype=I64)[inverse.reshape(-1)]
                q = np.array([r[1] for r in ratios], dtype=I64)[inverse.reshape(-1)]
                net = amount - _rhu(amount * p, 100 * q)
            out.append(_Slot(job.id, job.person, "holiday_pay", pay_date, pay_date + timedelta(days=job.payslip_delay_days),
                             amount > 0, np.zeros(n, dtype=I64), np.where(amount > 0, net, 0), None, np.zeros(n, dtype=I64)))
        return out

    # --- the benefit month ---

    def _months_static(self) -> None:
        plan, rules = self.plan, self.rules
        # The norms, the premie scheme and the vrijlating per month, person and clock state depend only on the
        # household, the months, the assumptions and the rules: remembered across runs by those values (the
        # next run after an edit that leaves them alone, and every slice of a run, asks the Decimal helpers
        # nothing). So are the checks of the vectorised formulas against those helpers (on probes).
        static = (plan.household, tuple(self.months), tuple(sorted(self.assumptions.items())), rules, self.scheme_id)
        if len(_VRIJLATING_CACHES) > 64 and static not in _VRIJLATING_CACHES:  # not a rule value: plans remembered
            _VRIJLATING_CACHES.clear()
        cache = _VRIJLATING_CACHES.setdefault(static, {})
        if "norms" not in cache:
            household = plan.household
            norms, assets_above, schemes = [], [], []
            for y, m in self.months:
                norms.append(norm_for_month(household, y, m, rules))
                limit = None
                if household.assets is not None:
                    key = ASSETS_COUPLE_OR_PARENT if household.composition != "single" else ASSETS_SINGLE
                    limit = rules.get(key, date(y, m, 1)).decimal
                assets_above.append(limit is not None and household.assets > limit)
                schemes.append(scheme_month(self.scheme_id, y, m, rules, self.assumptions["premie_monthly_cap"])
                               if self.scheme_id is not None else None)
            cache.update(norms=norms, assets_above=assets_above, schemes=schemes, rules={}, va_checked=set(),
                         vrijlating_checked=set(), accrue_checked=set())
        self.norms, self.assets_above, self.schemes = cache["norms"], cache["assets_above"], cache["schemes"]
        self._vrijlating_cache: dict = cache["rules"]
        self.va_checked: set = cache["va_checked"]
        self._vrijlating_checked: set = cache["vrijlating_checked"]
        self._accrue_checked: set = cache["accrue_checked"]

    def _vrijlating(self, m: int, pim, inc: np.ndarray, used: np.ndarray | int, used34: np.ndarray | int):  # noqa: ANN001, ANN202
        """planner.vrijlating.vrijlating_for_month for all futures; the clock moves per future."""
        y, mo = self.months[m]
        day = date(y, mo, 1)
        positive = inc > 0
        # Futures share a few clock states: one Decimal call per distinct (clock, any income) group. A clock
        # that is the same in every future is kept as one int (often: until the futures' incomes differ in
        # whether there is any), not as an array.
        if isinstance(used, int) and isinstance(used34, int):
            some = bool(positive.any())
            if not some or bool(positive.all()):  # one group: every future has income, or none has
                clock_used, rule = self._vrijlating_rule(m, pim, used, used34, some)
                amount = np.zeros_like(inc) if rule is None else self._capped(inc, rule)
                return amount, clock_used[0], clock_used[1]
        used = np.full(inc.shape, used, dtype=I64) if isinstance(used, int) else used
        used34 = np.full(inc.shape, used34, dtype=I64) if isinstance(used34, int) else used34
        amount = np.zeros_like(inc)
        new_used, new34 = used.copy(), used34.copy()
        width = int(used34.max()) + 2
        key = ((used + 1) * width + used34 + 1) * 2 + positive
        groups = np.flatnonzero(np.bincount(key))
        for g in groups:
            u, u34, pos = int(g // 2 // width) - 1, int(g // 2 % width) - 1, bool(g % 2)
            mask = key == g if len(groups) > 1 else slice(None)
            clock_used, rule = self._vrijlating_rule(m, pim, u, u34, pos)
            new_used[mask], new34[mask] = clock_used
            if rule is not None:
                capped = self._capped(inc, rule)
                amount = capped if len(groups) == 1 else np.where(mask, capped, amount)
        return amount, new_used, new34

    @staticmethod
    def _capped(inc: np.ndarray, rule: tuple[Decimal, int | None]) -> np.ndarray:
        """The vrijlating of a percentage of the income, at most the cap and at most the income."""
        pct, cap = rule
        capped = _pct(inc, pct)
        if cap is not None:
            _at_most(capped, cap, out=capped)
        return np.minimum(capped, inc, out=capped)

    def _vrijlating_rule(self, m: int, pim, u: int, u34: int, pos: bool):  # noqa: ANN001, ANN202
        """For one clock state: the clock after this month, and the percentage and cap that apply (or None).

        Asks planner.vrijlating itself (with a probe income; the kind and the clock depend only on whether
        there is income), and checks the percentage and cap on two probes. Kept per month, person and state.
        """
        key = (m, pim.role, u, u34, pos)
        if key in self._vrijlating_cache:
            return self._vrijlating_cache[key]
        y, mo = self.months[m]
        day = date(y, mo, 1)
        clock = Clock(None if u < 0 else u, None if u34 < 0 else u34)
        outcome = vrijlating_for_month(pim, self.plan.household, _PROBES[0] if pos else ZERO, y, mo, clock,
                                       self.assumptions, self.rules)
        clock_used = (-1 if outcome.clock.used is None else outcome.clock.used,
                      -1 if outcome.clock.used_34a is None else outcome.clock.used_34a)
        rule = None
        if pos and outcome.line is not None:
            pct_id, cap_id = _KIND_PARAMS[outcome.line.kind]
            pct = self.rules.get(pct_id, day).decimal
            cap = _c(self.rules.get(cap_id, day).decimal) if cap_id is not None else None
            if (outcome.line.kind, pct, cap) not in self._vrijlating_checked:
                for probe in _PROBES:
                    line = vrijlating_for_month(pim, self.plan.household, probe, y, mo, clock, self.assumptions,
                                                self.rules).line
                    want = min(int(_pct(np.array([_c(probe)]), pct)[0]), cap if cap is not None else _c(probe), _c(probe))
                    if line is None or want != _c(line.amount):
                        raise NotVectorised(N_("the vrijlating in {month}"), month=f"{y:04d}-{mo:02d}")
                self._vrijlating_checked.add((outcome.line.kind, pct, cap))
            rule = (pct, cap)
        self._vrijlating_cache[key] = (clock_used, rule)
        return clock_used, rule

    def _va(self, m: int, inc: np.ndarray, table: str) -> np.ndarray:
        """planner.benefit.vakantieaanspraak for all futures (checked on probes around every band edge)."""
        y, mo = self.months[m]
        day = date(y, mo, 1)
        rules = self.rules
        if table != "art11":
            pct = rules.get(VA + ("art13_percentage" if table == "art13" else "art14_2_percentage"), day).decimal

            def va(c: np.ndarray) -> np.ndarray:
                v = _pct(c, pct)
                return _nonneg(v, out=v)
            edges: list[int] = []
        else:
            g = {k: rules.get(VA + k, day).decimal for k in (
                "art11_grens_1", "art11_grens_2", "art11_grens_3", "art11_percentage",
                "art11_aftrek_2", "art11_aftrek_3", "art11_percentage_4", "art11_aftrek_4")}
            edges = [_c(g["art11_grens_1"]), _c(g["art11_grens_2"]), _c(g["art11_grens_3"])]

            def va(c: np.ndarray) -> np.ndarray:
                low = _pct(c, g["art11_percentage"])
                top = _pct(c, g["art11_percentage_4"]) - _c(g["art11_aftrek_4"])
                out = np.where(c < edges[0], low, np.where(c < edges[1], low - _c(g["art11_aftrek_2"]),
                               np.where(c < edges[2], low - _c(g["art11_aftrek_3"]), top)))
                return _nonneg(out, out=out)
        values = (table, pct) if table != "art11" else (table, *g.values())
        if values not in self.va_checked:
            probes = [1, 10000, 500000] + [e + d for e in edges for d in (-1, 0, 1)]
            for c in probes:
                want = vakantieaanspraak(_dec(c), day, rules, table)[0]  # type: ignore[arg-type]
                if int(va(np.array([c], dtype=I64))[0]) != _c(want):
                    raise NotVectorised(N_("the holiday pay built up at work in {month}"), month=f"{y:04d}-{mo:02d}")
            self.va_checked.add(values)
        return va(inc)

    def _accrue(self, scheme, base: np.ndarray) -> np.ndarray:  # noqa: ANN001
        cap = _c(scheme.monthly_cap)
        if (scheme.percentage, scheme.monthly_cap) not in self._accrue_checked:
            for probe in (Decimal("0.01"), Decimal("100.00"), Decimal("100000.00")):  # not a rule value: test inputs to compare with the Decimal helper
                if int(np.minimum(_pct(np.array([_c(probe)]), scheme.percentage), cap)[0]) != _c(accrue(scheme, probe)[0]):
                    raise NotVectorised(N_("the premie formula"))
            self._accrue_checked.add((scheme.percentage, scheme.monthly_cap))
        accrued = _pct(base, scheme.percentage)
        return _at_most(accrued, cap, out=accrued)

    def months_run(self, incomes: dict[Role, np.ndarray]) -> dict[str, np.ndarray]:
        """planner.benefit.project for all futures, with the given net income per person, [months, futures]."""
        plan, rules, a = self.plan, self.rules, self.assumptions
        n = next(iter(incomes.values())).shape[1]
        clocks = {}
        for role in self.roles:
            person = plan.household.person(role)
            used = -1 if person.vrijlating_months_used is None else person.vrijlating_months_used  # type: ignore[union-attr]
            clocks[role] = (used, -1)  # the same in every future: ints (see _vrijlating)
        # Only what the settlement and the ledger read is kept per month (fresh memory costs time: page faults).
        out = {k: np.zeros((self.m, n), dtype=I64) for k in ("paid", "reserved", "premie_paid")}
        unpaid = np.zeros((self.m, n), dtype=I64)
        paid_in_year: dict[int, np.ndarray] = {}
        careful_excess = a["vakantieaanspraak_excess"] == "from_monthly"
        for m, (y, mo) in enumerate(self.months):
            norm = self.norms[m]
            day = date(y, mo, 1)
            counted = np.zeros(n, dtype=I64)
            va_total = np.zeros(n, dtype=I64)
            people = []
            for pim in norm.people:
                inc = incomes[pim.role][m]
                used, used34 = clocks[pim.role]
                vrij, used, used34 = self._vrijlating(m, pim, inc, used, used34)
                clocks[pim.role] = (used, used34)
                counted += inc - vrij
                table = va_table(plan, pim.role, pim.aow)
                if table is not None:
                    va_total += self._va(m, inc, table)  # 0 without income
                people.append((pim, inc, vrij > 0))
            norm_c, vt = _c(norm.amount), _c(norm.vakantietoeslag)
            taken = va_total if careful_excess else np.minimum(va_total, vt)
            # counted and taken are not needed after this: worked in place (fewer fresh arrays)
            left = np.subtract(norm_c, counted, out=counted)  # norm - counted income
            bijstand = left - taken
            _nonneg(bijstand, out=bijstand)
            excess = np.subtract(taken, vt, out=taken)
            _nonneg(excess, out=excess)
            room = np.subtract(left, excess, out=left)
            room -= vt
            _nonneg(room, out=room)
            paid = np.minimum(bijstand, room, out=room)
            reserved = bijstand - paid
            # planner.benefit: a sanction (art. 18) of the month, then assets above the limit (art. 34).
            for sanction in plan.household.sanctions:
                if sanction.month == f"{y:04d}-{mo:02d}":
                    cut = np.minimum(bijstand, _c(cents(norm.amount * sanction.percent / HUNDRED)))
                    from_monthly = np.minimum(paid, cut)
                    paid, reserved, bijstand = paid - from_monthly, reserved - (cut - from_monthly), bijstand - cut
            if self.assets_above[m]:
                bijstand, paid, reserved = np.zeros_like(bijstand), np.zeros_like(paid), np.zeros_like(reserved)
            out["paid"][m], out["reserved"][m] = paid, reserved
            scheme = self.schemes[m]
            if scheme is None:
                continue
            min_age = int(rules.get("participatiewet/vrijlating/minimum_leeftijd", day).value)  # type: ignore[arg-type]
            bases = []
            for pim, inc, in_vrij in people:
                if pim.age < min_age and a["premie_under_27"] == "excluded":
                    continue
                bases.append(inc * ~in_vrij if a["premie_during_vrijlating"] == "no_premie" else inc)  # 0 in the vrijlating
            if a["premie_cap_couple"] == "per_person":
                accrued = sum((self._accrue(scheme, b) for b in bases), np.zeros(n, dtype=I64))
            else:
                accrued = self._accrue(scheme, bases[0] if len(bases) == 1 else sum(bases, np.zeros(n, dtype=I64)))
            if a["premie_month_without_bijstand"] == "no_premie":
                accrued = np.multiply(accrued, bijstand > 0, out=accrued)
            unpaid[m] = accrued
            if mo in scheme.payout_months:
                # planner.premie.PremieLedger.pay: the months before the payout month (and its own month where
                # the scheme says so); in a month without bijstand the payout may wait (the assumption).
                end = m + 1 if scheme.includes_payout_month else m
                pays = np.ones(n, dtype=bool)
                if a["premie_payout_without_bijstand"] == "waits":
                    pays = bijstand > 0
                total = unpaid[:end].sum(axis=0)
                if not pays.all():
                    total *= pays
                amount = total
                if scheme.yearly_cap_j:
                    cap = rules.find(J_MAX, date(y, 1, 1))
                    if cap is not None:
                        so_far = paid_in_year.setdefault(y, np.zeros(n, dtype=I64))
                        amount = np.minimum(total, np.maximum(0, _c(cap.decimal) - so_far))
                paid_in_year[y] = paid_in_year.get(y, np.zeros(n, dtype=I64)) + amount
                out["premie_paid"][m] = amount
                if pays.all():
                    unpaid[:end] = 0
                else:
                    unpaid[:end] *= ~pays
        return out

    # --- settlement and ledger ---

    def run(self, futures: Futures) -> Outcome:
        """All futures at once. Inside, arrays are [months, futures] (each month's futures in one row)."""
        plan, n, mcount = self.plan, futures.n, self.m
        if futures.worked.shape[1] != len(plan.shifts) or futures.late.shape[1] != mcount:
            raise ValueError("these futures belong to another plan")
        self._worked = np.ascontiguousarray(futures.worked.T)
        self._hours = np.ascontiguousarray(futures.hours.T)
        slots = self._slots(futures)
        incomes = {role: np.zeros((mcount, n), dtype=I64) for role in self.roles}
        month_end = np.array([_month_end(ym).toordinal() for ym in self.months], dtype=I64)
        known = np.repeat(month_end[:, None], n, axis=1)
        for slot in slots:
            for i, amount, present in slot.parts:
                if slot.role in incomes:
                    incomes[slot.role][i] += amount * present  # np.where(present, amount, 0), faster
                np.maximum(known[i], present * slot.payslip.toordinal(), out=known[i])
        known += plan.settlement.report_delay_days
        for late in plan.settlement.late_reports:
            ym = (int(late.month[:4]), int(late.month[5:]))
            if ym in self.month_index:
                i = self.month_index[ym]
                np.maximum(known[i], late.reported_on.toordinal(), out=known[i])
        late_known = (month_end + plan.risk.late_report_days)[:, None]
        np.maximum(known, late_known * futures.late.T, out=known)  # where late: at least late_known (ordinals > 0)

        timeline = self.planned.timeline
        if timeline.regime == "after_income":
            actual = self.months_run(incomes)
        else:
            # The months on the actual income and on the municipality's estimate, in one pass: [months, 2n].
            estimates = self._estimates(incomes, known, np.array(
                [date(y, m, min(timeline.pay_day, calendar.monthrange(y, m)[1])).toordinal() for y, m in self.months]))
            both = self.months_run({role: np.concatenate([incomes[role], estimates[role]], axis=1) for role in self.roles})
            actual = {key: value[:, :n] for key, value in both.items()}
            advance = both["paid"][:, n:]
            if timeline.regime == "voorschot":
                advance = _pct(advance, self.rules.get("participatiewet/voorschot/percentage", self.window_start).decimal)
        final = actual["paid"]
        pay_dates = [date(y, m, min(timeline.pay_day, calendar.monthrange(y, m)[1])) for y, m in self.months]
        pay_ord = np.array([d.toordinal() for d in pay_dates], dtype=I64)
        benefit_cash = np.zeros((mcount, n), dtype=I64)
        corr = np.zeros((mcount, n), dtype=I64)
        # int32: one month's withholding or repayment is at most a month's benefit (far below 2**31 cents), and
        # these two are the largest arrays of the run (half the memory to clear and to keep).
        withheld = np.zeros((mcount, mcount, n), dtype=np.int32)
        repaid = np.zeros((mcount, mcount, n), dtype=np.int32)
        touched = np.zeros((mcount, mcount), dtype=bool)  # the [pay date, month] rows that may hold a deduction
        if timeline.regime == "after_income":
            advance = final
            later = _pay_dates_up_to(pay_ord, known)
            on = np.where(known <= pay_ord[:, None], np.arange(mcount)[:, None], later)
            for k in range(mcount):
                benefit_cash[k] = np.where((on == k) & (final > 0), final, 0).sum(axis=0)
            open_after = np.where((on >= mcount) & (final > 0), final, 0)
        else:
            benefit_cash += _nonneg(advance)
            settle_on = _pay_dates_up_to(pay_ord, known)  # == mcount: after the plan
            touched = self._corrections(advance, final, settle_on, corr, withheld, repaid)
            # Still open after the plan: a month settled after it (either way), or what is left of a debt.
            diff = final - advance
            left = np.negative(diff)
            _nonneg(left, out=left)
            for k, i in zip(*np.nonzero(touched), strict=True):
                left[i] -= withheld[k, i] + repaid[k, i]
            open_after = np.where(settle_on >= mcount, diff, -left)

        # The ledger. Days on which some future's money changes (paydays, every first of a month) are rows
        # of [rows, futures]; days with only fixed costs are the same in every future and are kept as one
        # number each, added to the row before them. Money out is counted before money in on a day.
        start, end = self.window_start, self.window_end
        start_c, buffer_c = _c(plan.starting_balance), _c(plan.settlement.safety_buffer)
        varying = sorted({date(y, m, 1) for y, m in self.months} | set(pay_dates)
                         | {s.pay for s in slots if start <= s.pay <= end})
        row = {d: k for k, d in enumerate(varying)}
        ins = np.zeros((len(varying), n), dtype=I64)
        outs = np.zeros((len(varying), n), dtype=I64)
        pay_rows = [row[d] for d in pay_dates]
        paid_in = self._holiday_allowance(final, actual["reserved"])
        paid_in += benefit_cash
        paid_in += corr
        paid_in += actual["premie_paid"]
        deducted = np.zeros((mcount, n), dtype=I64)
        for k, i in zip(*np.nonzero(touched), strict=True):
            deducted[k] += withheld[k, i]
            deducted[k] += repaid[k, i]
        for k, r in enumerate(pay_rows):  # row by row, in place (pay dates are distinct rows)
            ins[r] += paid_in[k]
            outs[r] -= deducted[k]
        for slot in slots:
            if start <= slot.pay <= end:
                ins[row[slot.pay]] += slot.cash()
        fixed = _fixed_costs(plan, start, end)
        days = sorted(set(varying) | set(fixed))
        fixed_cum = np.cumsum([fixed.get(d, 0) for d in days])  # fixed costs up to and including each day
        cum_at = dict(zip(days, fixed_cum.tolist(), strict=True))
        segment = np.searchsorted(np.array([d.toordinal() for d in varying]), [d.toordinal() for d in days],
                                  side="right") - 1
        row_fixed = np.array([cum_at[d] for d in varying], dtype=I64)[:, None]
        firsts = [row[date(y, m, 1)] for y, m in self.months]
        money_in = _month_reduce(np.add, ins, firsts)
        month_fixed = np.zeros(mcount, dtype=I64)  # the fixed costs of each month
        for d, v in fixed.items():
            if (d.year, d.month) in self.month_index:
                month_fixed[self.month_index[(d.year, d.month)]] += v
        money_out = _month_reduce(np.add, outs, firsts)
        money_out += month_fixed[:, None]
        np.negative(money_out, out=money_out)
        moving = np.add(ins, outs, out=outs)  # outs is not needed any more
        _cumsum_rows(moving)  # what changed in this future, up to and including each row
        # On a row's day: start + fixed costs up to that day + the changes before it + its money out.
        low = np.subtract(moving, ins, out=ins)  # ins is not needed any more
        low += start_c + row_fixed
        # The days with only fixed costs after a row (same month): start + fixed costs up to that day + changes.
        only_fixed = np.full(len(varying), np.iinfo(I64).max, dtype=I64)
        first_fixed_below = [[] for _ in varying]
        for d, seg in zip(days, segment, strict=True):
            if d not in row:
                only_fixed[seg] = min(only_fixed[seg], cum_at[d])
                first_fixed_below[seg].append((d, cum_at[d]))
        has_fixed = only_fixed != np.iinfo(I64).max
        lowest_in_month = _month_reduce(np.minimum, low, firsts)
        month_of_row = np.searchsorted(np.array(firsts), np.arange(len(varying)), side="right") - 1
        for r in np.flatnonzero(has_fixed):
            i = month_of_row[r]
            np.minimum(lowest_in_month[i], moving[r] + (start_c + int(only_fixed[r])), out=lowest_in_month[i])
        last_rows = [k - 1 for k in firsts[1:]] + [len(varying) - 1]
        month_last_fixed = np.zeros(mcount, dtype=I64)  # the fixed costs up to each month's last day with money
        for d, cum in zip(days, fixed_cum.tolist(), strict=True):  # in date order: the last one of a month stays
            month_last_fixed[self.month_index[(d.year, d.month)]] = cum
        balance_end = moving[last_rows] + (start_c + month_last_fixed)[:, None]
        # The first day below the buffer: a row's own day, or the first fixed-cost day after it that is (fixed
        # costs only go down, so once below, the following fixed-cost days of that segment are below too).
        # Per row: its own day when below there, else the first fixed-cost day after it that is below; the first
        # day below is the earliest of them (rows and their fixed-cost days are in date order).
        below = low < buffer_c
        candidate = np.full((len(varying), n), BIG_DAY, dtype=I64)
        for seg in range(len(varying)):
            np.copyto(candidate[seg], varying[seg].toordinal(), where=below[seg])
            if not first_fixed_below[seg]:
                continue
            # Fixed costs only go down: a fixed-cost day of this segment is below only if its last one is.
            lowest_fixed = start_c + int(only_fixed[seg]) - buffer_c
            some = np.flatnonzero((moving[seg] < -lowest_fixed) & ~below[seg])
            if some.size:
                fixed_days = np.array([d.toordinal() for d, _ in first_fixed_below[seg]] + [BIG_DAY], dtype=I64)
                cums = np.array([-cum for _, cum in first_fixed_below[seg]], dtype=I64)
                candidate[seg, some] = fixed_days[np.searchsorted(cums, moving[seg, some] + start_c - buffer_c,
                                                                  side="right")]
        first_below = candidate.min(axis=0)
        income = incomes["claimant"] + incomes["partner"] if "partner" in incomes else incomes["claimant"]
        return Outcome(
            tuple(self.months), tuple(pay_dates),
            income=income.T, final=final.T, advance=advance.T, reserved=actual["reserved"].T,
            premie_paid=actual["premie_paid"].T, correction=corr.T, withheld=withheld.transpose(2, 0, 1),
            repaid=repaid.transpose(2, 0, 1), money_in=money_in.T, money_out=money_out.T,
            end_balance=balance_end.T, lowest_in_month=lowest_in_month.T, lowest=lowest_in_month.min(axis=0),
            first_below_buffer=first_below, open_after=open_after.T,
            # planner.cashflow: the deductions, and what the balance would lack below the buffer (kept from the start).
            set_aside=deducted.sum(axis=0) + np.maximum(0, buffer_c - lowest_in_month.min(axis=0)),
            daily=_daily_rows(start, end, varying, days, fixed_cum, moving, start_c),
        )

    def _estimates(self, incomes: dict[Role, np.ndarray], known: np.ndarray, pay_ord: np.ndarray) -> dict[Role, np.ndarray]:
        """The municipality's estimate of each month's income, by its method (planner.settlement._estimates)."""
        plan, n = self.plan, known.shape[1]
        planned = {role: np.zeros(self.m, dtype=I64) for role in self.roles}
        for i, bm in enumerate(self.planned.projection.months):
            for p in bm.people:
                planned[p.role][i] = _c(p.income.net) if p.income else 0
        if plan.settlement.estimated_income is not None:
            estimates = {role: np.full((self.m, n), _c(plan.settlement.estimated_income) if role == "claimant" else 0,
                                       dtype=I64) for role in self.roles}
        elif self.assumptions["estimate_method"] == "plan":
            estimates = {role: np.repeat(planned[role][:, None], n, axis=1) for role in self.roles}
        else:
            take = 1 if self.assumptions["estimate_method"] == "last_known" else 3
            estimates = {role: np.zeros((self.m, n), dtype=I64) for role in self.roles}
            for i in range(self.m):
                count = np.zeros(n, dtype=I64)
                sums = {role: np.zeros(n, dtype=I64) for role in self.roles}
                for j in range(i - 1, -1, -1):
                    if count.min() >= take:  # every future has its months already
                        break
                    use = (known[j] < pay_ord[i]) & (count < take)
                    for role in self.roles:
                        sums[role] += incomes[role][j] * use
                    count += use
                for role in self.roles:
                    # The average of the months used (one month: that month's income itself, no division).
                    average = sums[role] if take == 1 else _rhu(sums[role], np.maximum(count, 1))
                    # where no month is known: the plan's own figure (average is 0 there)
                    estimates[role][i] = average + (count == 0) * planned[role][i]
        return estimates

    def _limits(self) -> tuple[int, int | None]:
        """The look-back in months and the withholding limit per payment (as planner.settlement.build_timeline)."""
        plan, rules, start = self.plan, self.rules, self.window_start
        gem = f"gemeenten/{plan.household.municipality}/uitkering/"
        lookback = int(rules.get("participatiewet/verrekening/termijn_maanden", start).value)  # type: ignore[arg-type]
        municipal = None
        if gem + "verrekening_maximum" in rules:
            found = rules.find(gem + "verrekening_maximum", start)
            municipal = found.decimal if found is not None else None
        limit = plan.settlement.withholding_limit
        if limit is None and self.assumptions["withholding_limit"] == "municipal_limit" and municipal is not None:
            limit = municipal
        return lookback, None if limit is None else _c(limit)

    def _corrections(self, advance: np.ndarray, final: np.ndarray, settle_on: np.ndarray, corr: np.ndarray,
                     withheld: np.ndarray, repaid: np.ndarray) -> np.ndarray:
        """planner.settlement._corrections for all futures: pay afterwards, withhold within the limit, or reclaim.

        Arrays are [months, futures]; ``withheld`` and ``repaid`` are [pay date, month settled, futures].
        Most futures never owe for two months at once: for them one amount and one month are carried from pay
        date to pay date (several new debts that are withheld in full at once are fine too). The futures with
        several debts of which only a part can be withheld are worked out again by
        :meth:`_corrections_in_order`, which follows the Decimal engine's list of debts.

        Returns [pay date, month settled] as bool: the rows of ``withheld`` and ``repaid`` that may hold money
        (the others are all zero and are not touched, so their memory is never used).
        """
        mcount, n = advance.shape
        lookback, limit = self._limits()
        up = final - advance
        down = np.negative(up)
        _nonneg(up, out=up)
        _nonneg(down, out=down)
        too_late = np.zeros((mcount, mcount + 1), dtype=bool)  # [month, pay date]; the last column: after the plan
        for i, ym in enumerate(self.months):
            too_late[i, :mcount] = [_add_months(ym, lookback) < pay_ym for pay_ym in self.months]
        # What each pay date settles: scattered month by month (row mcount: after the plan). A new debt is
        # written as withheld at once ("tentatively"); below, that is corrected where it is not.
        corr_all = np.zeros((mcount + 1, n), dtype=I64)
        new_sum = np.zeros((mcount + 1, n), dtype=I64)
        new_count = np.zeros((mcount + 1, n), dtype=I64)
        new_month = np.zeros((mcount + 1, n), dtype=I64)
        # Which [pay date, month] rows of withheld and repaid may hold money: the rest are never written (and
        # never read below), so their memory is not touched.
        touched = np.zeros((mcount, mcount), dtype=bool)
        for i in range(mcount):
            k = settle_on[i]
            # Usually one or two pay dates settle month i across all futures: whole rows, masked.
            dates = np.flatnonzero(np.bincount(k, minlength=mcount + 1))
            for kk in dates:
                if len(dates) == 1:  # all futures on the same pay date: no mask needed
                    up_k, down_k = up[i], down[i]
                else:
                    mask = k == kk
                    up_k, down_k = up[i] * mask, down[i] * mask  # np.where(mask, x, 0), faster
                corr_all[kk] += up_k
                if kk == mcount:
                    continue
                touched[kk, i] = True
                if too_late[i, kk]:
                    repaid[kk, i] += down_k
                    continue
                new_sum[kk] += down_k
                has = down_k > 0
                new_count[kk] += has
                np.maximum(new_month[kk], has * i, out=new_month[kk])  # months come in order: i where has
                withheld[kk, i] += down_k
        corr[...] = corr_all[:mcount]
        owed = np.zeros(n, dtype=I64)  # a debt carried from an earlier pay date (one at most, else in order)
        month = np.zeros(n, dtype=I64)
        in_order = np.zeros(n, dtype=bool)
        for k in range(mcount):
            count, new = new_count[k], new_sum[k]
            total = owed + new
            available = advance[k] + corr[k]
            take = np.minimum(total, _nonneg(available, out=available), out=available)
            if limit is not None:
                take = np.minimum(take, limit)
            partial = take < total
            in_order |= partial & (count + (owed > 0) > 1)
            here = withheld[k].reshape(-1)
            # One new debt, nothing carried, not all withheld: only ``take`` of it.
            one = np.flatnonzero(partial & (count == 1) & (owed == 0))
            here[new_month[k, one] * n + one] += take[one] - new[one]
            # A carried debt: withheld first (it is older), all of it when everything is withheld.
            carried = np.flatnonzero((owed > 0) & ((count == 0) | ~partial))
            here[month[carried] * n + carried] += np.minimum(take[carried], owed[carried])
            touched[k] |= np.bincount(month[carried], minlength=mcount).astype(bool)
            np.copyto(month, new_month[k], where=count > 0)  # few futures have a new debt: a sparse copy
            owed = total - take
            ended = np.flatnonzero(owed)  # owed >= 0: the futures still owing, then those whose payments ended
            if ended.size:
                ended = ended[(advance[k, ended] <= 0) & (final[k, ended] <= 0)]
            if ended.size:
                repaid[k].reshape(-1)[month[ended] * n + ended] += owed[ended]
                touched[k] |= np.bincount(month[ended], minlength=mcount).astype(bool)
                owed[ended] = 0
        redo = np.flatnonzero(in_order)
        if redo.size:
            sub = [np.zeros((mcount, redo.size), dtype=I64), np.zeros((mcount, mcount, redo.size), dtype=I64),
                   np.zeros((mcount, mcount, redo.size), dtype=I64)]
            redo_in_order = (self._corrections_in_order if redo.size > _FEW_IN_ORDER
                             else self._corrections_in_order_one_by_one)
            redo_in_order(advance[:, redo], final[:, redo], settle_on[:, redo], *sub)
            corr[:, redo] = sub[0]
            touched |= sub[1].any(axis=2) | sub[2].any(axis=2)
            for k, i in zip(*np.nonzero(touched), strict=True):
                withheld[k, i, redo], repaid[k, i, redo] = sub[1][k, i], sub[2][k, i]
        return touched

    def _corrections_in_order(self, advance: np.ndarray, final: np.ndarray, settle_on: np.ndarray, corr: np.ndarray,
                              withheld: np.ndarray, repaid: np.ndarray) -> None:
        """The same, with every debt kept apart and withheld in the order the debts arose."""
        mcount, n = advance.shape
        lookback, limit = self._limits()
        diff = final - advance
        up, down = np.maximum(diff, 0), np.maximum(-diff, 0)
        owed = np.zeros((mcount, n), dtype=I64)
        # Debts are withheld in the order they arose: by settle date, then by month.
        order = np.argsort(settle_on * mcount + np.arange(mcount)[:, None], axis=0, kind="stable")
        late_at = np.array([[_add_months(ym, lookback) < pay_ym for ym in self.months] for pay_ym in self.months])
        for k in range(1, mcount):
            # A month is settled after its own pay date (its income is known after the month ends), so on pay
            # date k only months before k are settled: rows [:k].
            too_late = late_at[k, :k, None]
            due = settle_on[:k] == k
            corr[k] = np.where(due, up[:k], 0).sum(axis=0)
            available = advance[k] + corr[k]
            new = due & (down[:k] > 0)
            repaid[k, :k] += np.where(new & too_late, down[:k], 0)
            owed_k = owed[:k]
            owed_k[...] = np.where(new & ~too_late, down[:k], owed_k)
            has = owed_k > 0
            debts = has.sum(axis=0)
            # One debt (or none): withhold what the payment and the limit allow.
            take = np.minimum(owed_k.sum(axis=0), np.maximum(available, 0))
            if limit is not None:
                take = np.minimum(take, limit)
            part = np.where(has & (debts <= 1), take, 0)
            withheld[k, :k] += part
            owed_k -= part
            # Several debts: in the order they arose, each within what is left of the payment and the limit.
            many = np.flatnonzero(debts > 1)
            if many.size:
                sub = np.arange(many.size)
                sub_owed, sub_available = owed[:, many], available[many].copy()
                sub_withheld = np.zeros_like(sub_owed)
                taken_here = np.zeros(many.size, dtype=I64)
                # Only months settled by now can be owed; they come first in ``order`` (settled on k at the latest).
                for r in range(int((settle_on[:, many] <= k).sum(axis=0).max())):
                    i = order[r, many]
                    rest = sub_owed[i, sub]
                    step = np.minimum(rest, sub_available)
                    if limit is not None:
                        step = np.minimum(step, np.maximum(0, limit - taken_here))
                    step = np.where((rest > 0) & (sub_available > 0) & (step > 0), step, 0)
                    sub_owed[i, sub] -= step
                    sub_withheld[i, sub] += step
                    sub_available -= step
                    taken_here += step
                owed[:, many] = sub_owed
                withheld[k][:, many] += sub_withheld
            ended = (advance[k] <= 0) & (final[k] <= 0)
            if ended.any():
                rest = np.where(ended & (owed_k > 0), owed_k, 0)
                repaid[k, :k] += rest
                owed_k -= rest

    def _corrections_in_order_one_by_one(self, advance: np.ndarray, final: np.ndarray, settle_on: np.ndarray,
                                         corr: np.ndarray, withheld: np.ndarray, repaid: np.ndarray) -> None:
        """:meth:`_corrections_in_order` future by future on Python ints: the same steps, faster for a few
        futures (the whole-array form pays numpy's cost per call on arrays of a few elements)."""
        mcount, n = advance.shape
        lookback, limit = self._limits()
        late_at = [[_add_months(ym, lookback) < pay_ym for ym in self.months] for pay_ym in self.months]
        for f in range(n):
            adv, fin = advance[:, f].tolist(), final[:, f].tolist()
            due: list[list[int]] = [[] for _ in range(mcount + 1)]  # the months settled on each pay date
            for i, k in enumerate(settle_on[:, f].tolist()):
                due[k].append(i)
            owed = [0] * mcount
            debts: list[int] = []  # the months still owed, in the order the debts arose (pay date, then month)
            for k in range(1, mcount):  # on pay date k only months before k are settled
                corr_k = 0
                for i in due[k]:
                    if fin[i] > adv[i]:
                        corr_k += fin[i] - adv[i]
                    elif adv[i] > fin[i]:
                        if late_at[k][i]:
                            repaid[k, i, f] += adv[i] - fin[i]
                        else:
                            owed[i] = adv[i] - fin[i]
                            debts.append(i)
                corr[k, f] = corr_k
                available = adv[k] + corr_k
                if len(debts) == 1:  # withhold what the payment and the limit allow
                    i = debts[0]
                    take = min(owed[i], max(available, 0))
                    if limit is not None:
                        take = min(take, limit)
                    withheld[k, i, f] += take
                    owed[i] -= take
                elif debts:  # in the order they arose, each within what is left of the payment and the limit
                    taken = 0
                    for i in debts:
                        step = min(owed[i], available)
                        if limit is not None:
                            step = min(step, max(0, limit - taken))
                        if available > 0 and step > 0:
                            owed[i] -= step
                            withheld[k, i, f] += step
                            available -= step
                            taken += step
                if adv[k] <= 0 and fin[k] <= 0:  # no more payments to withhold from: reclaimed
                    for i in debts:
                        repaid[k, i, f] += owed[i]
                        owed[i] = 0
                debts = [i for i in debts if owed[i] > 0]

    def _holiday_allowance(self, final: np.ndarray, reserved: np.ndarray) -> np.ndarray:
        """planner.settlement._payouts (the holiday allowance part): every June, or within three months after the end."""
        mcount, n = final.shape
        nonpos = final <= 0
        # The month the bijstand ended: where the last run of months without bijstand starts (not the first
        # month). Row by row: numpy's accumulate and argmax walk down the columns of [months, futures], slowly.
        tail = nonpos.copy()  # tail[i]: no bijstand from month i to the end
        for i in range(mcount - 2, -1, -1):
            tail[i] &= tail[i + 1]
        ended = np.full(n, -1, dtype=I64)
        for i in range(1, mcount):
            ended[tail[i] & ~nonpos[i - 1]] = i  # at most one such month per future: the last run starts once
        paid = np.zeros((mcount, n), dtype=bool)
        cash = np.zeros((mcount, n), dtype=I64)
        rows = np.arange(mcount)[:, None]
        for i, (y, m) in enumerate(self.months):
            vt_months = self.rules.get("participatiewet/vakantietoeslag/uitbetaalmaand", date(y, m, 1)).value
            now = (ended >= 0) & (ended + 2 == i)
            if now.any():
                window = now & (rows < ended)
                cash[i] += np.where(window & ~paid, reserved, 0).sum(axis=0)
                paid |= window
            if m in vt_months:  # type: ignore[operator]
                window = np.array([_add_months((y, m), -12) <= ym < (y, m) for ym in self.months])[:, None]
                cash[i] += np.where(window & ~paid, reserved, 0).sum(axis=0)
                paid |= window
        return cash


# --- what a person sees: chances, sizes, and what to set aside ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Spread:
    """The middle of the futures (median) and the range that 8 in 10 of them fall in (10th to 90th percentile).

    Each is an amount that occurred in one of the futures (numpy's ``inverted_cdf`` percentile), so it is whole cents.
    """

    median: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class MonthRisk:
    month: YM
    letter_chance: Decimal
    """Share of the futures (0 to 1) with money withheld or reclaimed on this month's pay date."""
    letter_size: Spread | None
    """What is withheld or reclaimed in this month, in the futures where it happens."""
    below_zero_chance: Decimal
    below_buffer_chance: Decimal
    lowest_balance: Spread
    end_balance: Spread
    text: Explanation | None


@dataclass(frozen=True, slots=True)
class SetAside:
    amount: Decimal
    """Keep this much aside (not spent) so that the chance of dropping below the buffer is at most ``level``."""
    from_date: date | None
    """The payday to set it aside from (the last money in, in the plan, before the day it is needed); None: now."""
    needed_by: date | None
    """The first day it is needed in the futures it protects."""
    level: Decimal
    """The chosen level (0 to 1)."""
    chance_after: Decimal
    """In the simulated futures, the chance of dropping below the buffer with this amount kept aside."""
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class RiskAssumption:
    id: str
    value: str
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class RiskSummary:
    samples: int
    seed: int | None
    engine: Engine
    fallback_reason: str | None
    fallback_explanation: Explanation | None
    months: tuple[MonthRisk, ...]
    letter_chance: Decimal
    letter_total: Spread | None
    below_zero_chance: Decimal
    below_buffer_chance: Decimal
    lowest_balance: Spread
    set_aside: SetAside
    assumptions: tuple[RiskAssumption, ...]
    texts: tuple[Explanation, ...]
    balance: BalanceBands | None = None
    """The balance day by day over the futures: median and the 80 % band (for the fan chart)."""


@dataclass(frozen=True, slots=True)
class BalanceBands:
    """The end-of-day balance over the futures, for each day from ``start``: the median and the range that 8 in
    10 futures fall in (10th to 90th percentile, amounts that occurred, as :class:`Spread`)."""

    start: date
    median: tuple[Decimal, ...]
    low: tuple[Decimal, ...]
    high: tuple[Decimal, ...]
    buffer: Decimal
    """The plan's safety buffer (the line the set-aside advice protects)."""

    def day(self, i: int) -> date:
        return self.start + timedelta(days=i)


def balance_bands(daily: DailyRows, buffer: Decimal) -> BalanceBands:
    """Per-day percentiles from the rows' percentiles: adding a day's fixed costs to every future moves each
    percentile by the same amount (``inverted_cdf`` picks an occurring value, so this is exact)."""
    q = np.percentile(daily.rows, [50, 10, 90], axis=0, method="inverted_cdf").astype(I64)
    per_day = q[:, daily.row_of_day] + daily.offset
    median, low, high = (tuple(_dec(int(v)) for v in line) for line in per_day)
    return BalanceBands(daily.start, median, low, high, buffer)


def chance_of(mask: np.ndarray) -> Decimal:
    """The share of the futures (0 to 1, four places) where ``mask`` is true."""
    return (Decimal(int(np.count_nonzero(mask))) / Decimal(mask.size)).quantize(Decimal("0.0001"))  # not a rule value: a chance to four places


def spread_of(values: np.ndarray) -> Spread:
    """The :class:`Spread` (median, 10th and 90th percentile) of amounts in whole cents, one per future."""
    q = np.percentile(values, [50, 10, 90], method="inverted_cdf")
    return Spread(*(_dec(int(v)) for v in q))


_chance, _spread = chance_of, spread_of


def frequency(chance: Decimal) -> tuple[int, int]:
    """A chance as a natural frequency "count in total": 3 in 10, or 4 in 100 below 1 in 20 (and above 19 in 20).

    (0, 100) means less than 1 in 100 but not never; exact 0 and 1 are (0, 10) and (10, 10).
    """
    if chance <= 0:
        return 0, 10
    if chance >= 1:
        return 10, 10
    tens = int((chance * 10).to_integral_value())  # not a rule value: out of 10
    if 1 <= tens <= 9 and Decimal("0.05") <= chance <= Decimal("0.95"):  # not a rule value: when to say "in N of 10"
        return tens, 10
    return min(99, int((chance * 100).to_integral_value())), 100


def _natural(chance: Decimal, some: str, fewer: str, every: str, **values: object) -> Explanation:
    """A chance in words, as a natural frequency: "In 3 of 10 futures ...", with its own words for rare and for all."""
    count, total = frequency(chance)
    message = every if chance >= 1 else (fewer if count == 0 else some)
    return Explanation(message, {"count": count, "total": total, **values})  # type: ignore[arg-type]


def _letter_text(ym: YM, chance: Decimal, size: Spread) -> Explanation:
    values = {"month": Month(*ym), "low": Money(size.low), "high": Money(size.high), "amount": Money(size.median)}
    if size.low == size.high:
        return _natural(
            chance,
            N_("In {count} of {total} futures you get a letter in {month}: {amount} is withheld or reclaimed."),
            N_("In fewer than 1 in 100 futures you get a letter in {month}: {amount} is withheld or reclaimed."),
            N_("In every future we tried you get a letter in {month}: {amount} is withheld or reclaimed."),
            **values)
    return _natural(
        chance,
        N_("In {count} of {total} futures you get a letter in {month}: money is withheld or reclaimed, usually "
           "between {low} and {high}."),
        N_("In fewer than 1 in 100 futures you get a letter in {month}: money is withheld or reclaimed, usually "
           "between {low} and {high}."),
        N_("In every future we tried you get a letter in {month}: money is withheld or reclaimed, usually between "
           "{low} and {high}."),
        **values)


def _assumptions(plan: Plan) -> tuple[RiskAssumption, ...]:
    r = plan.risk
    out = [
        RiskAssumption("chance_sure", str(r.chance_sure), Explanation(
            N_("A shift marked “sure” is worked in {percent} of the futures."), {"percent": Percent(r.chance_sure)})),
        RiskAssumption("chance_likely", str(r.chance_likely), Explanation(
            N_("A shift marked “likely” is worked in {percent} of the futures."), {"percent": Percent(r.chance_likely)})),
        RiskAssumption("chance_maybe", str(r.chance_maybe), Explanation(
            N_("A shift marked “maybe” is worked in {percent} of the futures."), {"percent": Percent(r.chance_maybe)})),
        RiskAssumption("chance_extra", str(r.chance_extra), Explanation(
            N_("An extra shift (not in your plan) comes and is worked in {percent} of the futures."),
            {"percent": Percent(r.chance_extra)})),
    ]
    for job in plan.jobs:
        spread = r.hours_spread.get(job.id, Decimal(0))
        out.append(RiskAssumption(f"hours_spread.{job.id}", str(spread), Explanation(
            N_("Shifts at {job} take up to {percent} more or fewer hours than planned (in quarter hours)."),
            {"job": job.name or job.id, "percent": Percent(spread)})))
    out += [
        RiskAssumption("week_lost_chance", str(r.week_lost_chance), Explanation(
            N_("Chance that you lose all your shifts of one week (illness, a quiet week): {percent} per week. "
               "It is 0 unless you change it, so that a sure shift stays sure."),
            {"percent": Percent(r.week_lost_chance)})),
        RiskAssumption("late_report_chance", str(r.late_report_chance), Explanation(
            N_("Chance that the municipality gets a month's income late: {percent} per month. Then it knows the "
               "income {days} days after the month."), {"percent": Percent(r.late_report_chance), "days": r.late_report_days})),
        RiskAssumption("level", str(r.level), Explanation(
            N_("The advice to set money aside keeps the chance that your balance drops below your safety buffer "
               "under {percent}."), {"percent": Percent(r.level)})),
    ]
    return tuple(out)


def summarise(plan: Plan, outcome: Outcome, seed: int | None = None, rules: RuleSet | None = None,
              planned: Result | None = None) -> RiskSummary:
    """Chances, sizes and the set-aside advice of simulated futures, as Decimal amounts and explanations."""
    buffer = _c(plan.settlement.safety_buffer)
    deducted = outcome.deducted_by_date
    months = []
    texts: list[Explanation] = []
    for k, ym in enumerate(outcome.months):
        has = deducted[:, k] > 0
        chance = _chance(has)
        size = _spread(deducted[has, k]) if has.any() else None
        text = _letter_text(ym, chance, size) if size is not None else None
        if text is not None:
            texts.append(text)
        months.append(MonthRisk(
            ym, chance, size, _chance(outcome.lowest_in_month[:, k] < 0), _chance(outcome.lowest_in_month[:, k] < buffer),
            _spread(outcome.lowest_in_month[:, k]), _spread(outcome.end_balance[:, k]), text))
    total = deducted.sum(axis=1)
    any_letter = total > 0
    letter_chance = _chance(any_letter)
    letter_total = _spread(total[any_letter]) if any_letter.any() else None
    if letter_total is None:
        texts.insert(0, Explanation(N_("In none of the futures we tried is money withheld or reclaimed.")))
    else:
        texts.insert(0, _natural(
            letter_chance,
            N_("In {count} of {total} futures money is withheld or reclaimed at least once. Together usually "
               "between {low} and {high}."),
            N_("In fewer than 1 in 100 futures money is withheld or reclaimed. Together usually between {low} "
               "and {high}."),
            N_("In every future we tried money is withheld or reclaimed. Together usually between {low} and "
               "{high}."),
            low=Money(letter_total.low), high=Money(letter_total.high)))
    below_zero = _chance(outcome.lowest < 0)
    below_buffer = _chance(outcome.lowest < buffer)
    if below_zero > 0:
        texts.append(_natural(
            below_zero,
            N_("In {count} of {total} futures your balance drops below zero."),
            N_("In fewer than 1 in 100 futures your balance drops below zero."),
            N_("In every future we tried your balance drops below zero.")))
    if buffer > 0 and below_buffer > 0:
        texts.append(_natural(
            below_buffer,
            N_("In {count} of {total} futures your balance drops below your safety buffer of {buffer}."),
            N_("In fewer than 1 in 100 futures your balance drops below your safety buffer of {buffer}."),
            N_("In every future we tried your balance drops below your safety buffer of {buffer}."),
            buffer=Money(plan.settlement.safety_buffer)))
    set_aside = _set_aside(plan, outcome, planned or planned_result(plan, rules or load_rules()))
    texts.append(set_aside.explanation)
    texts.append(Explanation(
        N_("These chances come from {samples} possible futures of your plan. They are not a promise: they show "
           "what can happen if the assumptions below are right."), {"samples": Number(Decimal(outcome.n))}))
    return RiskSummary(
        outcome.n, seed, outcome.engine, outcome.fallback_reason, outcome.fallback_explanation, tuple(months),
        letter_chance, letter_total,
        below_zero, below_buffer, _spread(outcome.lowest), set_aside, _assumptions(plan), tuple(texts),
        balance_bands(outcome.daily, plan.settlement.safety_buffer) if outcome.daily is not None else None)


def _set_aside(plan: Plan, outcome: Outcome, planned: Result) -> SetAside:
    """The amount to keep aside so that the chance of dropping below the safety buffer is at most the level.

    Per future, the shortfall is how far its lowest balance falls below the buffer. Keeping ``A`` aside (not
    spending it) protects every future whose shortfall is at most ``A``; ``A`` is the smallest shortfall that
    leaves at most the chosen share of futures unprotected. It must be there by the first day any protected
    future drops below the buffer; the advice names the last payday of the plan before that day.
    """
    level = plan.risk.level / 100
    buffer_c = _c(plan.settlement.safety_buffer)
    shortfall = np.maximum(0, buffer_c - outcome.lowest)
    amount = int(np.percentile(shortfall, float(1 - level) * 100, method="inverted_cdf"))
    chance_after = _chance(shortfall > amount)
    protected = (shortfall > 0) & (shortfall <= amount)
    buffer = Money(plan.settlement.safety_buffer)
    if amount == 0:
        return SetAside(ZERO, None, None, level, chance_after, Explanation(
            N_("You do not need to set money aside for this: the chance that your balance drops below {buffer} "
               "is already at most {level}."), {"buffer": buffer, "level": Percent(plan.risk.level)}))
    needed_by = date.fromordinal(int(outcome.first_below_buffer[protected].min()))
    timeline = planned.timeline
    paydays = [e.date for e in timeline.events if e.amount > 0 and e.kind in ("wage", "benefit", "holiday_pay", "premie")
               and e.date < needed_by]  # on the day itself money out is counted before money in
    from_date = max(paydays) if paydays else None
    values = {"amount": Money(_dec(amount)), "buffer": buffer, "level": Percent(plan.risk.level),
              "needed_by": Day(needed_by)}
    if from_date is None:
        expl = Explanation(N_("Keep {amount} aside from now on. Then the chance that your balance drops below "
                              "{buffer} is at most {level}. You may need it from {needed_by}."), values)
    else:
        values["from_date"] = Day(from_date)
        expl = Explanation(N_("Set aside {amount} from the money you get on {from_date}. Then the chance that your "
                              "balance drops below {buffer} is at most {level}. You may need it from {needed_by}."),
                           values)
    return SetAside(_dec(amount), from_date, needed_by, level, chance_after, expl)


def assess(plan: Plan, samples: int = 10_000, seed: int | None = 0, rules: RuleSet | None = None,
           planned: Result | None = None) -> RiskSummary:
    """Sample, simulate and summarise: the whole risk answer for one plan (``planned``: see :func:`simulate`)."""
    rules = rules or load_rules()
    planned = planned or planned_result(plan, rules)
    outcome = simulate(plan, sample(plan, samples, seed), rules, planned)
    return summarise(plan, outcome, seed, rules, planned)


# --- in slices: progress and cancel for a window ---------------------------------------------------------------


SLICE_ROWS = 1000  # not a rule value: futures simulated per slice (progress steps of a tenth at the default 10,000)
"""How many futures :func:`assess_in_slices` simulates at a time (the first slice, with ``slice_ms``)."""


class RiskCancelled(Exception):
    """:func:`assess_in_slices` stopped because ``cancelled()`` said so (a newer plan replaces this one)."""


def _slice(futures: Futures, lo: int, hi: int) -> Futures:
    return Futures(futures.worked[lo:hi], futures.hours[lo:hi], futures.late[lo:hi], futures.seed, futures.hours_most)


def concat_outcomes(parts: list[Outcome]) -> Outcome:
    """Outcomes of consecutive slices of the same futures as one Outcome (every array is [future, ...])."""
    first = parts[0]
    exact = next((p for p in parts if p.engine == "exact"), None)
    return Outcome(
        first.months, first.pay_dates,
        engine="exact" if exact is not None else first.engine,
        fallback_reason=exact.fallback_reason if exact is not None else None,
        fallback_explanation=exact.fallback_explanation if exact is not None else None,
        daily=_concat_daily([p.daily for p in parts]),
        **{name: np.concatenate([getattr(p, name) for p in parts], axis=0) for name in _ARRAY_FIELDS})


def assess_in_slices(plan: Plan, samples: int = 10_000, seed: int | None = 0, rules: RuleSet | None = None,
                     planned: Result | None = None, *, progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, slice_rows: int = SLICE_ROWS,
                     slice_ms: float | None = None) -> RiskSummary:
    """:func:`assess`, with the sampled futures simulated ``slice_rows`` at a time.

    The futures are drawn once, as :func:`assess` draws them; each future is independent of the others, so
    simulating them in slices and putting the slices together gives exactly the same answer. Between slices
    ``progress(done, total)`` is called and ``cancelled()`` is asked: when it says yes, :class:`RiskCancelled`
    is raised and nothing more is computed. Plain Python: the callables come from whoever runs it.

    Each slice costs a fixed part besides its futures, so many small slices are slower than one run. With
    ``slice_ms`` the first slice has ``slice_rows`` futures and each next one as many as take about
    ``slice_ms`` milliseconds at the pace so far (never fewer than ``slice_rows``): a few slices, each a
    visible step of the progress bar and a moment to cancel. Without it every slice has ``slice_rows``.
    """
    if slice_rows < 1:
        raise ValueError("at least one future per slice")
    rules = rules or load_rules()
    planned = planned or planned_result(plan, rules)
    futures = sample(plan, samples, seed)
    total = futures.n
    parts: list[Outcome] = []
    if progress is not None:
        progress(0, total)
    lo, rows = 0, slice_rows
    while lo < total:
        if cancelled is not None and cancelled():
            raise RiskCancelled
        hi = min(total, lo + rows)
        started = time.perf_counter()
        parts.append(simulate(plan, _slice(futures, lo, hi), rules, planned))
        if slice_ms is not None:
            per_future = (time.perf_counter() - started) * 1000 / (hi - lo)  # not a rule value: seconds to ms
            rows = max(slice_rows, int(slice_ms / per_future) if per_future > 0 else total)
        lo = hi
        if progress is not None:
            progress(hi, total)
    if cancelled is not None and cancelled():
        raise RiskCancelled
    return summarise(plan, concat_outcomes(parts), seed, rules, planned)
