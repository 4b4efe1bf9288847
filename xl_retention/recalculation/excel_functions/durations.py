"""DURATION and MDURATION (Macaulay and modified duration of a bond paying coupons), which the engine lacks.

From the coupon dates of :mod:`.financial` (COUPNUM, COUPDAYS, COUPDAYBS): the k-th of the N coupons is
``DSC/E + k - 1`` periods away (``E`` the coupon period's days, ``DSC`` the days from settlement to the next coupon),
each cash flow (``100 * coupon / frequency``, with 100 more at maturity) discounted at ``yld / frequency`` a period;
DURATION is their time weighted by their present value, in years; MDURATION is DURATION / (1 + yld / frequency).
Microsoft's examples (basis 1): ``DURATION(2018-07-01, 2048-01-01, 8%, 9%, 2, 1)`` = 10.9191453,
``MDURATION(2008-01-01, 2016-01-01, 8%, 9%, 2, 1)`` = 5.73567. Where the days to the next coupon counted in the
basis (COUPDAYSNC) differ from ``E - COUPDAYBS`` (30/360 and the x/360, x/365 bases around month ends) it is not
known which Excel takes: the cell is listed as not computed. A negative coupon or yield is #NUM!; so are
settlement on or after maturity, a frequency other than 1, 2 or 4 and a basis outside 0-4 (COUPDAYS' checks).

>>> round(duration(43282, 54058, 0.08, 0.09, 2, 1), 7), round(mduration(39448, 42370, 0.08, 0.09, 2, 1), 5)
(10.9191453, 5.73567)
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, excel_function, number
from .financial import coupdaybs, coupdays, coupdaysnc, coupnum

__all__ = ["duration", "mduration"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed


def _duration(settlement: Any, maturity: Any, coupon: Any, yld: Any, frequency: Any, basis: Any) -> tuple[float, float]:
    """(Macaulay duration in years, yield per period)."""
    rate, wanted = number(coupon), number(yld)
    period_days = coupdays(settlement, maturity, frequency, basis)  # checks dates, frequency and basis
    before = coupdaybs(settlement, maturity, frequency, basis)
    count = int(coupnum(settlement, maturity, frequency, basis))
    if rate < 0 or wanted < 0:
        raise ExcelError("#NUM!")
    if abs(coupdaysnc(settlement, maturity, frequency, basis) - (period_days - before)) > 1e-9:
        raise ExcelError(_NOT_COMPUTED)
    per_year = int(number(frequency))
    per_period = wanted / per_year
    first = (period_days - before) / period_days
    weighted = total = 0.0
    for k in range(1, count + 1):
        time = first + k - 1
        flow = 100 * rate / per_year + (100 if k == count else 0)
        value = flow / (1 + per_period) ** time
        weighted += time * value
        total += value
    return weighted / total / per_year, per_period


@excel_function("DURATION", 5, 6)
def duration(settlement: Any, maturity: Any, coupon: Any, yld: Any, frequency: Any, basis: Any = 0.0) -> float:
    return _duration(settlement, maturity, coupon, yld, frequency, basis)[0]


@excel_function("MDURATION", 5, 6)
def mduration(settlement: Any, maturity: Any, coupon: Any, yld: Any, frequency: Any, basis: Any = 0.0) -> float:
    years, per_period = _duration(settlement, maturity, coupon, yld, frequency, basis)
    return years / (1 + per_period)
