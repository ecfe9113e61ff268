"""Money and percentages in the domain: ``Decimal`` only, rounded as the rules say.

Dutch benefit and payroll amounts are rounded half up to the cent (the SZW
Normenbrief's derived amounts, such as the A = 2 kostendelersnorm
2.002,13 / 2 = 1.001,065 -> 1.001,07, only come out with ``ROUND_HALF_UP``;
banker's rounding would give 1.001,06).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def cents(amount: Decimal) -> Decimal:
    """Round half up to whole cents."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def cents_down(amount: Decimal) -> Decimal:
    """Round towards zero to whole cents."""
    return amount.quantize(CENT, rounding=ROUND_DOWN)


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``amount``, unrounded (round where the rule says)."""
    return amount * percent / HUNDRED


def to_decimal(text: str | int | Decimal) -> Decimal:
    """Parse a money or percentage value given as a string (never a float)."""
    if isinstance(text, float):  # pragma: no cover - guarded by the schemas
        raise TypeError("floats are not allowed for money; quote the value")
    return Decimal(str(text))
