"""Colours, the chart text size and small display helpers shared by views, without matplotlib.

Kept apart from :mod:`ui.charts` so that the window can start without
loading matplotlib: the charts are built the first time the charts tab is
shown.
"""

from __future__ import annotations

from decimal import Decimal

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
"""Okabe & Ito (2008), "Color Universal Design": eight colours that stay distinct with any colour vision."""

FONT_SIZE = 13.0
"""Points; chart labels and ticks are this size, titles a little larger. Consultation mode passes a larger one."""


def plural_count(value: Decimal) -> int:
    """The count for ``ngettext``: a whole number as it is; a fraction (1,5 uur / 1.5 hours) takes the plural."""
    return int(value) if value == value.to_integral_value() else 2
