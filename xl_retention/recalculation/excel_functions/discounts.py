"""Discounted securities and those paying interest at maturity the engine lacks: DISC, INTRATE, RECEIVED, PRICEDISC,
YIELDDISC, PRICEMAT and YIELDMAT, as Excel computes them.

Each reads the time from settlement to maturity as a fraction of a year in its ``basis`` (``DSM / B`` in Microsoft's
formulas; YEARFRAC's fraction, :func:`.dates.yearfrac`): basis 2 actual/360, 3 actual/365 and 4 European 30/360 in every
case (a 31st at either end is the 30th, as Excel's YEARFRAC and DAYS360's European method count; LibreOffice's INTRATE,
RECEIVED and PRICEDISC keep an ending 31st, a day more); basis 0 (US 30/360) where neither date is the last day of
February, and basis 1 (actual/actual) within one calendar year (B is that year's 365 or 366 days). Where Excel's own
count could differ from YEARFRAC's (a period from or to the end of February in basis 0, across a year's end in basis 1)
the cell is listed as not computed, never given another number. DISC's and YIELDMAT's basis 1 is computed over any
period: Microsoft documents their actual/actual (MS-OI29500, "Part 1 Section 18.17.7.91, DISC" and "18.17.7.355,
YIELDMAT") as YEARFRAC's: dates at most a year apart (the same year, or the next up to the same day of the year) over
365 days, 366 where a 29 February is in the period or the dates are in one leap year; else over the average days of the
years touched, first to last (2018-07-01 to 2019-03-01: 243 days over 365; 2018-07-01 to 2019-09-01: 427 over 365;
2019-07-01 to 2020-03-01: 244 over 366). Their basis 0 from or to the end of February is computed by the same notes' US
(NASD) 30/360, a chain of which one step applies: both days the 31st become the 30th; else a first day the 31st; else a
second 31st after a first 30th; else both the last of February the 30th; else a first last of February the 30th
(2008-02-29 to 2008-03-31: 31 days, where YEARFRAC's basis 0 counts 30). Microsoft's DISC example, 2018-07-01 to
2048-01-01 at 97.975, is 0.00068638 (B of 365 days would give 0.00068590, 365.25 0.00068637); LibreOffice
0.000686384169121348, this 0.0006863841691213468. Dates are truncated to days; settlement on or after maturity, a basis
outside 0-4, and a price, investment, redemption or discount of 0 or below are #NUM!.

* ``DISC = (redemption - pr) / redemption / fraction``; ``INTRATE = (redemption - investment) / investment / fraction``
* ``RECEIVED = investment / (1 - discount * fraction)``; ``PRICEDISC = redemption * (1 - discount * fraction)``
* ``YIELDDISC = (redemption / pr - 1) / fraction``
* ``PRICEMAT = (100 + DIM * rate * 100) / (1 + DSM * yld) - A * rate * 100`` and ``YIELDMAT``, its inverse, with the
  year fractions issue to maturity (DIM), settlement to maturity (DSM) and issue to settlement (A); an issue after
  settlement is listed, a negative rate or yield #NUM!.

>>> round(disc(39107, 39248, 97.975, 100, 1), 9), round(intrate(39493, 39583, 1000000, 1014420, 2), 9)
(0.052420213, 0.05768)
>>> round(received(39493, 39583, 1000000, 0.0575, 2), 3), round(pricedisc(39494, 39508, 0.0525, 100, 2), 8)
(1014584.654, 99.79583333)
>>> round(yielddisc(39494, 39508, 99.795, 100, 2), 9), round(pricemat(39493, 39551, 39397, 0.061, 0.061, 0), 8)
(0.052822572, 99.98449888)
>>> round(yieldmat(39522, 39755, 39394, 0.0625, 100.0123, 0), 9)
0.060954334
"""

from __future__ import annotations

import calendar
from typing import Any

from ._core import ExcelError, excel_function, number
from .dates import _basis, _no_logical, serial_to_date, yearfrac

__all__ = ["disc", "intrate", "pricedisc", "pricemat", "received", "yielddisc", "yieldmat"]

#: the error that lists a cell as not computed (its stored value kept, the file incomplete where it has none)
_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!


def _day(value: Any) -> int:
    return int(_no_logical(value))


def _checked(kind: int, *days: int, actual: bool = False) -> None:
    """Listed as not computed where Excel's count may differ from YEARFRAC's (see the module); ``actual``: the
    function's day counts are Microsoft's documented ones (DISC, YIELDMAT: :func:`_fraction`)."""
    if actual:
        return
    dates = [serial_to_date(day) for day in days]
    if kind == 1 and len({d.year for d in dates}) > 1:
        raise ExcelError(_NOT_COMPUTED)
    if kind == 0 and any(_last_of_february(d) for d in dates):
        raise ExcelError(_NOT_COMPUTED)


def _last_of_february(day: Any) -> bool:
    return day.month == 2 and day.day == calendar.monthrange(day.year, 2)[1]


def _fraction(start: int, end: int, kind: int, actual: bool) -> float:
    """The year fraction from ``start`` to ``end`` (serials, ``start`` first): YEARFRAC's, but in basis 0 of a
    function whose counts Microsoft documents (``actual``), MS-OI29500's US (NASD) 30/360 chain, one step of which
    applies (see the module).

    >>> _fraction(39507, 39538, 0, True) * 360, _fraction(39507, 39538, 0, False) * 360  # 2008-02-29 to 2008-03-31
    (31.0, 30.0)
    >>> _fraction(39141, 39507, 0, True) * 360, _fraction(39462, 39507, 0, True) * 360  # to a last of February
    (360.0, 44.0)
    """
    if not (actual and kind == 0):
        return yearfrac(float(start), float(end), float(kind))
    first, second = serial_to_date(start), serial_to_date(end)
    d1, d2 = first.day, second.day
    if d1 == 31 and d2 == 31:
        d1 = d2 = 30
    elif d1 == 31:
        d1 = 30
    elif d1 == 30 and d2 == 31:
        d2 = 30
    elif _last_of_february(first) and _last_of_february(second):
        d1 = d2 = 30
    elif _last_of_february(first):
        d1 = 30
    return ((second.year - first.year) * 360 + (second.month - first.month) * 30 + (d2 - d1)) / 360.0


def _read(settlement: Any, maturity: Any, basis: Any, *values: Any, actual: bool = False) -> tuple[float, list[float]]:
    """The year fraction from settlement to maturity in ``basis`` and ``values`` as numbers: every argument read
    first (text that is no number: #VALUE!), then Excel's #NUM! checks (each value must be above 0)."""
    start, end = _day(settlement), _day(maturity)
    figures = [number(v) for v in values]
    kind = _basis(basis)
    if start >= end or start < 0 or any(v <= 0 for v in figures):
        raise ExcelError("#NUM!")
    _checked(kind, start, end, actual=actual)
    return _fraction(start, end, kind, actual), figures


def _at_maturity(
    settlement: Any, maturity: Any, issue: Any, basis: Any, actual: bool = False
) -> tuple[float, float, float]:
    """(issue to maturity, settlement to maturity, issue to settlement) as year fractions in ``basis``: DIM/B, DSM/B
    and A/B of PRICEMAT and YIELDMAT."""
    start, end, first = _day(settlement), _day(maturity), _day(issue)
    kind = _basis(basis)
    if start >= end or first < 0:
        raise ExcelError("#NUM!")
    if first > start:  # issued after settlement: Excel's answer is not known here
        raise ExcelError(_NOT_COMPUTED)
    _checked(kind, first, start, end, actual=actual)
    return tuple(_fraction(a, b, kind, actual) for a, b in ((first, end), (start, end), (first, start)))


@excel_function("DISC", 4, 5)
def disc(settlement: Any, maturity: Any, pr: Any, redemption: Any, basis: Any = 0.0) -> float:
    fraction, (price, paid) = _read(settlement, maturity, basis, pr, redemption, actual=True)
    return (paid - price) / paid / fraction


@excel_function("INTRATE", 4, 5)
def intrate(settlement: Any, maturity: Any, investment: Any, redemption: Any, basis: Any = 0.0) -> float:
    fraction, (invested, paid) = _read(settlement, maturity, basis, investment, redemption)
    return (paid - invested) / invested / fraction


@excel_function("RECEIVED", 4, 5)
def received(settlement: Any, maturity: Any, investment: Any, discount: Any, basis: Any = 0.0) -> float:
    fraction, (invested, rate) = _read(settlement, maturity, basis, investment, discount)
    left = 1 - rate * fraction
    if left <= 0:  # a discount of the whole or more: Excel's answer is not known here
        raise ExcelError(_NOT_COMPUTED)
    return invested / left


@excel_function("PRICEDISC", 4, 5)
def pricedisc(settlement: Any, maturity: Any, discount: Any, redemption: Any, basis: Any = 0.0) -> float:
    fraction, (rate, paid) = _read(settlement, maturity, basis, discount, redemption)
    return paid - rate * paid * fraction


@excel_function("YIELDDISC", 4, 5)
def yielddisc(settlement: Any, maturity: Any, pr: Any, redemption: Any, basis: Any = 0.0) -> float:
    fraction, (price, paid) = _read(settlement, maturity, basis, pr, redemption)
    return (paid / price - 1) / fraction


@excel_function("PRICEMAT", 5, 6)
def pricemat(settlement: Any, maturity: Any, issue: Any, rate: Any, yld: Any, basis: Any = 0.0) -> float:
    coupon, wanted = number(rate), number(yld)
    dim, dsm, accrued = _at_maturity(settlement, maturity, issue, basis)
    if coupon < 0 or wanted < 0:
        raise ExcelError("#NUM!")
    return (100 + dim * coupon * 100) / (1 + dsm * wanted) - accrued * coupon * 100


@excel_function("YIELDMAT", 5, 6)
def yieldmat(settlement: Any, maturity: Any, issue: Any, rate: Any, pr: Any, basis: Any = 0.0) -> float:
    coupon, price = number(rate), number(pr)
    dim, dsm, accrued = _at_maturity(settlement, maturity, issue, basis, actual=True)
    if coupon < 0 or price <= 0:
        raise ExcelError("#NUM!")
    paid = price / 100 + accrued * coupon
    return ((1 + dim * coupon) - paid) / paid / dsm
