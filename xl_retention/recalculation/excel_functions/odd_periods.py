"""Securities with an odd (short or long) last period the engine lacks: ODDLPRICE and ODDLYIELD, as Excel computes
them.

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

>>> round(oddlprice(39485, 39614, 39370, 0.0375, 0.0405, 100, 2, 0), 8)
99.87828601
>>> round(oddlyield(39558, 39614, 39440, 0.0375, 99.875, 100, 2, 0), 5)
0.04519
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, excel_function, integer, number
from .dates import _basis, serial_to_date, yearfrac
from .discounts import _day

__all__ = ["oddlprice", "oddlyield"]

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
