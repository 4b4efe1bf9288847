"""PRICE and YIELD of a bond paying periodic coupons, in every day-count basis, as Excel computes them.

The engine's PRICE and YIELD took bases 2 (actual/360) and 3 (actual/365) as basis 1 (actual/actual) and basis 0
(US 30/360) after a 31st as basis 4, with no sign of it. Here they follow Microsoft's formula of PRICE with the
coupon figures of :mod:`.financial` (COUPNUM ``N``, COUPDAYS ``E``, COUPDAYBS ``A``, COUPDAYSNC ``DSC``),
``c = 100 * rate / frequency`` and ``v = 1 + yld / frequency``:

* ``N > 1``: ``PRICE = redemption / v^(N-1+DSC/E) + sum(k=1..N) c / v^(k-1+DSC/E) - c * A/E``
* ``N = 1``: ``PRICE = (redemption + c) / (1 + DSC/E * yld / frequency) - c * A/E``

YIELD is the yield at which PRICE gives ``pr``: for ``N = 1`` Microsoft's closed form
``((redemption + c) - (pr + c * A/E)) / (pr + c * A/E) * frequency * E / DSC``, otherwise the root of PRICE - pr
(PRICE falls as the yield rises, so there is one). Errors as Excel's: settlement on or after maturity, a frequency
other than 1, 2 or 4, a basis outside 0-4 (COUPDAYS' checks), a negative rate or yield, a price or redemption of 0
or less are #NUM!; text that is not a number #VALUE!. LibreOffice computes the same values in every basis.

>>> round(price(39493, 43054, 0.0575, 0.065, 100, 2, 0), 9)  # Microsoft's example: 15 Feb 2008 to 15 Nov 2017
94.634361621
>>> round(price(39614, 43054, 0.0575, 0.065, 100, 2, 2), 9)  # actual/360: E = 180 days
94.706037759
>>> round(yield_(39614, 43054, 0.0575, 94.706037759, 100, 2, 2), 9)
0.065
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, excel_function, number
from .financial import coupdaybs, coupdays, coupdaysnc, coupnum

__all__ = ["price", "yield_"]


def _coupon_figures(settlement: Any, maturity: Any, frequency: Any, basis: Any) -> tuple[int, int, float, float]:
    """(frequency, N, A/E, DSC/E) of the coupon period holding settlement (COUPDAYS' checks and errors)."""
    days = coupdays(settlement, maturity, frequency, basis)
    accrued = coupdaybs(settlement, maturity, frequency, basis) / days
    to_next = coupdaysnc(settlement, maturity, frequency, basis) / days
    return int(number(frequency)), int(coupnum(settlement, maturity, frequency, basis)), accrued, to_next


def _price(f: int, n: int, accrued: float, to_next: float, rate: float, yld: float, redemption: float) -> float:
    coupon = 100.0 * rate / f
    if n == 1:
        return (redemption + coupon) / (1.0 + to_next * yld / f) - coupon * accrued
    v = 1.0 + yld / f
    flows = sum(coupon / v ** (k - 1 + to_next) for k in range(1, n + 1))
    return redemption / v ** (n - 1 + to_next) + flows - coupon * accrued


@excel_function("PRICE", 6, 7)
def price(
    settlement: Any, maturity: Any, rate: Any, yld: Any, redemption: Any, frequency: Any, basis: Any = 0.0
) -> float:
    """PRICE(settlement, maturity, rate, yld, redemption, frequency, [basis]): the price per 100 of face value."""
    coupon, wanted, paid = number(rate), number(yld), number(redemption)
    f, n, accrued, to_next = _coupon_figures(settlement, maturity, frequency, basis)
    if coupon < 0 or wanted < 0 or paid <= 0:
        raise ExcelError("#NUM!")
    return _price(f, n, accrued, to_next, coupon, wanted, paid)


@excel_function("YIELD", 6, 7)
def yield_(
    settlement: Any, maturity: Any, rate: Any, pr: Any, redemption: Any, frequency: Any, basis: Any = 0.0
) -> float:
    """YIELD(settlement, maturity, rate, pr, redemption, frequency, [basis]): the yield at which PRICE gives ``pr``."""
    coupon, given, paid = number(rate), number(pr), number(redemption)
    f, n, accrued, to_next = _coupon_figures(settlement, maturity, frequency, basis)
    if coupon < 0 or given <= 0 or paid <= 0:
        raise ExcelError("#NUM!")
    if n == 1:
        c = 100.0 * coupon / f
        dirty = given + c * accrued
        return ((paid + c) - dirty) / dirty * f / to_next

    def gap(y: float) -> float:
        return _price(f, n, accrued, to_next, coupon, y, paid) - given

    low, high = -f * (1.0 - 1e-9), 1.0  # v > 0; PRICE falls as the yield rises
    while gap(high) > 0:
        high *= 2.0
        if high > 1e6:
            raise ExcelError("#NUM!")
    if gap(low) < 0:
        raise ExcelError("#NUM!")
    from scipy.optimize import brentq  # noqa: PLC0415  (here: a recalculation without YIELD does not import scipy)

    return float(brentq(gap, low, high, xtol=1e-16, rtol=1e-15, maxiter=500))
