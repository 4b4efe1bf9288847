"""Securities with an odd first or last period the engine lacks: ODDFPRICE, ODDFYIELD, ODDLPRICE and ODDLYIELD, as
Excel computes them.

A short first period (the issue within the coupon period ending at the first coupon) follows Microsoft's formula of
ODDFPRICE: with ``E`` the days of that coupon period, ``A`` issue to settlement, ``DFC`` issue to first coupon, ``DSC``
settlement to first coupon (days of the basis: 30/360 in 0 and 4, actual in 1, where E is the period's own length),
``N`` the coupons from the first to maturity, ``c = 100 * rate / f`` and ``v = 1 + yld / f``:
``redemption / v^(N-1+DSC/E) + c * DFC/E / v^(DSC/E) + sum(k=2..N) c / v^(k-1+DSC/E) - c * A/E``. ODDFYIELD is the
yield giving ``pr``. Microsoft's examples are exact (113.597717 in basis 1, 7.72% in basis 0). A long first period,
bases 2 and 3, a first coupon off maturity's schedule and dates on the 28th or later are listed as not computed.

From the last coupon date to maturity the period counts ``DC`` (last coupon to maturity), ``DSC`` (settlement to
maturity) and ``A`` (last coupon to settlement) coupon periods: Microsoft's sums over quasi-coupon periods of each
count over the period's normal length. In a 30/360 basis (0 US, 4 European) with days of the month below 28 the days
add up over those periods, so each sum is YEARFRAC's fraction times the frequency (the formula of LibreOffice):

* ``ODDLPRICE = (redemption + DC * 100 * rate / f) / (1 + DSC * yld / f) - A * 100 * rate / f``
* ``ODDLYIELD = (redemption + DC * 100 * rate / f - (pr + A * 100 * rate / f)) / (pr + A * 100 * rate / f) * f / DSC``

Microsoft's examples are exact (99.87828601, 0.04519). A settlement after the last coupon and before maturity is
required, a frequency of 1, 2 or 4, a basis 0-4, a rate and yield from 0, a price and redemption above 0 (else #NUM!,
text #VALUE!). Other bases (actual days: the quasi-coupon periods' lengths differ from YEARFRAC's year) and a date on
the 28th or later (end-of-month rules) are listed as not computed, never given another number.

>>> round(oddfprice(39763, 44256, 39736, 39873, 0.0785, 0.0625, 100, 2, 1), 6)
113.597717
>>> round(oddfyield(39763, 44256, 39736, 39873, 0.0575, 84.5, 100, 2, 0), 4)
0.0772
>>> round(oddlprice(39485, 39614, 39370, 0.0375, 0.0405, 100, 2, 0), 8)
99.87828601
>>> round(oddlyield(39558, 39614, 39440, 0.0375, 99.875, 100, 2, 0), 5)
0.04519
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._core import ExcelError, excel_function, integer, number
from .dates import _basis, serial_to_date, yearfrac
from .discounts import _day

__all__ = ["oddfprice", "oddfyield", "oddlprice", "oddlyield"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed


def _periods(settlement: Any, maturity: Any, last: Any, frequency: Any, basis: Any) -> tuple[int, float, float, float]:
    """(frequency, DC, DSC, A) in coupon periods, or the error or listing (see the module)."""
    start, end, coupon = _day(settlement), _day(maturity), _day(last)
    per_year = integer(frequency)
    kind = _basis(basis)
    if per_year not in (1, 2, 4) or not coupon < start < end:
        raise ExcelError("#NUM!")
    if kind not in (0, 4) or any(serial_to_date(day).day >= 28 for day in (start, end, coupon)):
        raise ExcelError(_NOT_COMPUTED)
    fractions = [
        yearfrac(float(a), float(b), float(kind)) * per_year for a, b in ((coupon, end), (start, end), (coupon, start))
    ]
    return per_year, fractions[0], fractions[1], fractions[2]


@excel_function("ODDLPRICE", 8, 9)
def oddlprice(
    settlement: Any, maturity: Any, last: Any, rate: Any, yld: Any, redemption: Any, frequency: Any, basis: Any = 0.0
) -> float:
    coupon, wanted, paid = number(rate), number(yld), number(redemption)
    f, dc, dsc, accrued = _periods(settlement, maturity, last, frequency, basis)
    if coupon < 0 or wanted < 0 or paid <= 0:
        raise ExcelError("#NUM!")
    return (paid + dc * 100 * coupon / f) / (1 + dsc * wanted / f) - accrued * 100 * coupon / f


@excel_function("ODDLYIELD", 8, 9)
def oddlyield(
    settlement: Any, maturity: Any, last: Any, rate: Any, pr: Any, redemption: Any, frequency: Any, basis: Any = 0.0
) -> float:
    coupon, price, paid = number(rate), number(pr), number(redemption)
    f, dc, dsc, accrued = _periods(settlement, maturity, last, frequency, basis)
    if coupon < 0 or price <= 0 or paid <= 0:
        raise ExcelError("#NUM!")
    bought = price + accrued * 100 * coupon / f
    return (paid + dc * 100 * coupon / f - bought) / bought * f / dsc


def _months_back(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` months earlier (its day of the month is below 28: always there)."""
    total = day.year * 12 + day.month - 1 - months
    return dt.date(total // 12, total % 12 + 1, day.day)


def _first_period(
    settlement: Any, maturity: Any, issue: Any, first: Any, frequency: Any, basis: Any
) -> tuple[int, float, float, float, float, int]:
    """(f, E, A, DFC, DSC, N) of a short first period, or the error or listing (see the module)."""
    days = [_day(v) for v in (issue, settlement, first, maturity)]
    per_year = integer(frequency)
    kind = _basis(basis)
    if per_year not in (1, 2, 4) or not days[0] < days[1] < days[2] < days[3]:
        raise ExcelError("#NUM!")
    issued, settled, coupon, due = (serial_to_date(day) for day in days)
    step = 12 // per_year
    apart = (due.year - coupon.year) * 12 + due.month - coupon.month
    if kind not in (0, 1, 4) or any(d.day >= 28 for d in (issued, settled, coupon, due)):
        raise ExcelError(_NOT_COMPUTED)
    if due.day != coupon.day or apart % step:  # a first coupon off maturity's schedule
        raise ExcelError(_NOT_COMPUTED)
    start = _months_back(coupon, step)
    if issued < start:  # a long first period
        raise ExcelError(_NOT_COMPUTED)

    def count(a: dt.date, b: dt.date) -> float:
        if kind == 1:
            return float((b - a).days)
        return float((b.year - a.year) * 360 + (b.month - a.month) * 30 + b.day - a.day)

    length = count(start, coupon) if kind == 1 else 360.0 / per_year
    return per_year, length, count(issued, settled), count(issued, coupon), count(settled, coupon), apart // step + 1


def _first_price(
    periods: tuple[int, float, float, float, float, int], coupon: float, wanted: float, paid: float
) -> float:
    f, length, accrued, first, left, n = periods
    c, v = 100 * coupon / f, 1 + wanted / f
    part = left / length
    price = paid / v ** (n - 1 + part) + c * first / length / v**part
    price += sum(c / v ** (k - 1 + part) for k in range(2, n + 1))
    return price - c * accrued / length


@excel_function("ODDFPRICE", 9, 10)
def oddfprice(
    settlement: Any, maturity: Any, issue: Any, first: Any, rate: Any, yld: Any, redemption: Any, frequency: Any,
    basis: Any = 0.0,
) -> float:  # fmt: skip
    coupon, wanted, paid = number(rate), number(yld), number(redemption)
    periods = _first_period(settlement, maturity, issue, first, frequency, basis)
    if coupon < 0 or wanted < 0 or paid <= 0:
        raise ExcelError("#NUM!")
    return _first_price(periods, coupon, wanted, paid)


@excel_function("ODDFYIELD", 9, 10)
def oddfyield(
    settlement: Any, maturity: Any, issue: Any, first: Any, rate: Any, pr: Any, redemption: Any, frequency: Any,
    basis: Any = 0.0,
) -> float:  # fmt: skip
    coupon, price, paid = number(rate), number(pr), number(redemption)
    periods = _first_period(settlement, maturity, issue, first, frequency, basis)
    if coupon < 0 or price <= 0 or paid <= 0:
        raise ExcelError("#NUM!")
    low, high = 0.0, 1.0
    while _first_price(periods, coupon, high, paid) > price:
        high *= 2
        if high > 1e6:
            raise ExcelError(_NOT_COMPUTED)
    if _first_price(periods, coupon, low, paid) < price:  # a yield below 0: Excel's answer is not known here
        raise ExcelError(_NOT_COMPUTED)
    for _ in range(200):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if _first_price(periods, coupon, middle, paid) > price:
            low = middle
        else:
            high = middle
    return (low + high) / 2
