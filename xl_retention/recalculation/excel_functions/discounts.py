"""Discounted securities and those paying interest at maturity the engine lacks: DISC, INTRATE, RECEIVED, PRICEDISC,
YIELDDISC, PRICEMAT and YIELDMAT, as Excel computes them.

Microsoft's formulas read days over a year of ``B`` days: DSM (settlement to maturity) for the first five; DIM (issue
to maturity), A (issue to settlement) and DSM = DIM - A for PRICEMAT and YIELDMAT, whose ``B`` is the year from issue
to settlement. Days and ``B`` in each ``basis`` as MS-OI29500's notes on the basis argument (Part 1 Section 18.17.7.91
DISC, .355 YIELDMAT: one text for every function of them) give Excel's:

* basis 1 (actual/actual): the days between the dates over ``B`` = :func:`.dates.actual_year`: 365, or 366 where a
  29 February is in the period or both dates are in one leap year, dates at most a year apart; further apart the
  average days of the years touched (2018-07-01 to 2019-03-01: 243 days over 365; 1990-03-04 to 1993-12-31: 365.25);
* basis 0 (US 30/360) over 360, a chain of which one step applies: both days the 31st become the 30th; else a first
  31st; else a second 31st after a first 30th; else both the last of February the 30th; else a first last of
  February the 30th (2008-02-29 to 2008-03-31: 31 days); basis 4 (European) a 31st at either end the 30th;
* basis 2 the days over 360, basis 3 over 365.

Checked against Excel's own answers (an open-source port's test data, computed by Excel): INTRATE from 1980-02-15 to
2000-02-28 at 100 -> 67 in basis 1 is -0.01647229922305 (7,318 days over 7,671/21); PRICEMAT from an issue on
1993-02-28, settled 1993-12-31, due 2000-02-28 at 7% for 3% is 119.8933565603 in basis 1 as in basis 3 (B of 1993's
365 days for all three spans: YEARFRAC's average over 1993-2000 for DIM would give another price). Microsoft's DISC
example, 2018-07-01 to 2048-01-01 at 97.975, is 0.00068638 (this 0.0006863841691213468). Dates are truncated to days;
settlement on or after maturity, a basis outside 0-4, and a price, investment, redemption or discount of 0 or below
are #NUM!; an issue on or after settlement (PRICEMAT, YIELDMAT: Excel's answer not known here; Microsoft's DAX
versions, which follow Excel's, are an error unless maturity > settlement > issue) and RECEIVED's discount of the
whole or more are listed as not computed, never given another number.

* ``DISC = (redemption - pr) / redemption / (DSM / B)``
* ``INTRATE = (redemption - investment) / investment / (DSM / B)``
* ``RECEIVED = investment / (1 - discount * DSM / B)``; ``PRICEDISC = redemption * (1 - discount * DSM / B)``
* ``YIELDDISC = (redemption / pr - 1) / (DSM / B)``
* ``PRICEMAT = (100 + DIM/B * rate * 100) / (1 + DSM/B * yld) - A/B * rate * 100`` and ``YIELDMAT``, its inverse; a
  negative rate or yield #NUM!.

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
from .dates import _basis, _no_logical, actual_year, serial_to_date

__all__ = ["disc", "intrate", "pricedisc", "pricemat", "received", "yielddisc", "yieldmat"]

#: the error that lists a cell as not computed (its stored value kept, the file incomplete where it has none)
_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!


def _day(value: Any) -> int:
    return int(_no_logical(value))


def _checked(kind: int, *days: int) -> None:
    """Listed as not computed where Excel's count may differ from YEARFRAC's: basis 1 over a year end, basis 0 from or
    to the last of February (AMORDEGRC and AMORLINC's periods, :mod:`.amortization`)."""
    dates = [serial_to_date(day) for day in days]
    if kind == 1 and len({d.year for d in dates}) > 1:
        raise ExcelError(_NOT_COMPUTED)
    if kind == 0 and any(_last_of_february(d) for d in dates):
        raise ExcelError(_NOT_COMPUTED)


def _last_of_february(day: Any) -> bool:
    return day.month == 2 and day.day == calendar.monthrange(day.year, 2)[1]


def _days(start: int, end: int, kind: int) -> float:
    """The days from ``start`` to ``end`` (serials, ``start`` first) in basis ``kind``: actual days in 1-3, 30/360's
    in 0 (MS-OI29500's US chain, one step of which applies) and 4 (European).

    >>> _days(39507, 39538, 0), _days(39141, 39507, 0), _days(39462, 39507, 0)  # 2008-02-29 to 03-31; to Feb's end
    (31.0, 360.0, 44.0)
    >>> _days(39507, 39538, 4), _days(39507, 39538, 1)
    (31.0, 31.0)
    """
    if kind in (1, 2, 3):
        return float(end - start)
    first, second = serial_to_date(start), serial_to_date(end)
    d1, d2 = first.day, second.day
    if kind == 4:
        d1, d2 = min(d1, 30), min(d2, 30)
    elif d1 == 31 and d2 == 31:
        d1 = d2 = 30
    elif d1 == 31:
        d1 = 30
    elif d1 == 30 and d2 == 31:
        d2 = 30
    elif _last_of_february(first) and _last_of_february(second):
        d1 = d2 = 30
    elif _last_of_february(first):
        d1 = 30
    return float((second.year - first.year) * 360 + (second.month - first.month) * 30 + (d2 - d1))


def _year(start: int, end: int, kind: int) -> float:
    """``B``, the days in a year from ``start`` to ``end`` in basis ``kind`` (:func:`.dates.actual_year` in 1)."""
    if kind == 1:
        return actual_year(serial_to_date(start), serial_to_date(end))
    return 365.0 if kind == 3 else 360.0


def _read(settlement: Any, maturity: Any, basis: Any, *values: Any) -> tuple[float, list[float]]:
    """(DSM / B, ``values`` as numbers): every argument read first (text that is no number: #VALUE!), then Excel's
    #NUM! checks (each value must be above 0)."""
    start, end = _day(settlement), _day(maturity)
    figures = [number(v) for v in values]
    kind = _basis(basis)
    if start >= end or start < 0 or any(v <= 0 for v in figures):
        raise ExcelError("#NUM!")
    return _days(start, end, kind) / _year(start, end, kind), figures


def _at_maturity(settlement: Any, maturity: Any, issue: Any, basis: Any) -> tuple[float, float, float]:
    """(DIM / B, DSM / B, A / B) of PRICEMAT and YIELDMAT: issue to maturity, settlement to maturity (DIM - A) and
    issue to settlement in days, over ``B`` from issue to settlement."""
    start, end, first = _day(settlement), _day(maturity), _day(issue)
    kind = _basis(basis)
    if start >= end or first < 0:
        raise ExcelError("#NUM!")
    if first >= start:  # issued on or after settlement: Excel's answer is not known here
        raise ExcelError(_NOT_COMPUTED)
    dim, accrued, year = _days(first, end, kind), _days(first, start, kind), _year(first, start, kind)
    return dim / year, (dim - accrued) / year, accrued / year


@excel_function("DISC", 4, 5)
def disc(settlement: Any, maturity: Any, pr: Any, redemption: Any, basis: Any = 0.0) -> float:
    fraction, (price, paid) = _read(settlement, maturity, basis, pr, redemption)
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
    dim, dsm, accrued = _at_maturity(settlement, maturity, issue, basis)
    if coupon < 0 or price <= 0:
        raise ExcelError("#NUM!")
    paid = price / 100 + accrued * coupon
    return ((1 + dim * coupon) - paid) / paid / dsm
