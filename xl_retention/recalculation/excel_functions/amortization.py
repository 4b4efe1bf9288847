"""French accounting's depreciation the engine lacks: AMORLINC (linear) and AMORDEGRC (degressive), as Excel computes
them (the formulas of LibreOffice's analysis add-in, which agrees with Microsoft's examples).

``AMORLINC(cost, date_purchased, first_period, salvage, period, rate, [basis])``: period 0 is the part of a year from
the purchase to the end of the first period (YEARFRAC in ``basis``) times ``cost * rate``; each later period
``cost * rate`` until the cost less the salvage is used up, the period after that the rest, then 0.

``AMORDEGRC``: the rate times a coefficient of the asset's life (``1 / rate``): 1.5 for 3 to 4 years, 2 for 5 to 6,
2.5 above 6; each period's depreciation is that rate times the value left, rounded to a whole number (period 0 for
its part of a year).

Computed only where Excel's answer is known: a cost above 0, a salvage from 0 to below the cost, a rate above 0, a
whole period from 0, a purchase before the end of the first period, basis 0, 1, 3 or 4 where YEARFRAC's count is
Excel's (not across a year's end in basis 1, nor from/to the end of February in basis 0), and, for AMORDEGRC, a life
Microsoft's table covers, before the value left falls below the salvage (the last periods, which Excel's page words
differently from LibreOffice's code). A life between 0 and 3 years other than 3 itself, or between 4 and 5, is
#NUM! as Microsoft documents. Anything else is listed as not computed, never given another number.

>>> amorlinc(2400, 39679, 39813, 300, 1, 0.15, 1), amordegrc(2400, 39679, 39813, 300, 1, 0.15, 1)
(360.0, 776.0)
>>> round(amorlinc(2400, 39679, 39813, 300, 0, 0.15, 1), 6), amordegrc(2400, 39679, 39813, 300, 0, 0.15, 1)
(131.803279, 330.0)
"""

from __future__ import annotations

import math
from typing import Any

from ._core import ExcelError, excel_function, number
from .dates import _basis, yearfrac
from .discounts import _checked, _day

__all__ = ["amordegrc", "amorlinc"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed


def _read(cost: Any, purchased: Any, first_period: Any, salvage: Any, period: Any, rate: Any, basis: Any) -> tuple:
    """(cost, part of a year of period 0, salvage, period, rate), or the error or listing (see the module)."""
    start, end = _day(purchased), _day(first_period)
    figures = [number(v) for v in (cost, salvage, period, rate)]
    kind = _basis(basis)
    value, left, count, yearly = figures
    if start < 0 or end < 0 or yearly <= 0:
        raise ExcelError("#NUM!")
    if not (value > 0 and 0 <= left < value and count >= 0 and count == int(count) and start < end and kind != 2):
        raise ExcelError(_NOT_COMPUTED)
    _checked(kind, start, end)
    return value, yearfrac(float(start), float(end), float(kind)), left, int(count), yearly


def _round(value: float) -> float:
    """A whole number, halves away from 0 (as LibreOffice's rtl::math::round and Excel's ROUND)."""
    return float(math.floor(abs(value) + 0.5 + 1e-9) * (1 if value >= 0 else -1))


@excel_function("AMORLINC", 6, 7)
def amorlinc(cost: Any, bought: Any, first: Any, salvage: Any, period: Any, rate: Any, basis: Any = 0.0) -> float:
    value, part, left, count, yearly = _read(cost, bought, first, salvage, period, rate, basis)
    one = value * yearly
    opening = part * yearly * value
    if opening > value - left:  # the first part of a year already more than the whole: not known
        raise ExcelError(_NOT_COMPUTED)
    full = int((value - left - opening) / one)
    if count == 0:
        result = opening
    elif count <= full:
        result = one
    elif count == full + 1:
        result = value - left - one * full - opening
    else:
        result = 0.0
    return max(result, 0.0)


def _coefficient(life: float) -> float:
    if life < 3 or 4 < life < 5:
        raise ExcelError("#NUM!" if life != int(life) else _NOT_COMPUTED)  # 1 or 2 years: not in Microsoft's table
    return 1.5 if life <= 4 else 2.0 if life <= 6 else 2.5


@excel_function("AMORDEGRC", 6, 7)
def amordegrc(cost: Any, bought: Any, first: Any, salvage: Any, period: Any, rate: Any, basis: Any = 0.0) -> float:
    value, part, left, count, yearly = _read(cost, bought, first, salvage, period, rate, basis)
    used = yearly * _coefficient(1.0 / yearly)
    taken = _round(part * used * value)
    value -= taken
    rest = value - left
    for _ in range(count):
        taken = _round(used * value)
        rest -= taken
        if rest < 0:  # the last periods: Excel's rule there is not known
            raise ExcelError(_NOT_COMPUTED)
        value -= taken
    return taken
