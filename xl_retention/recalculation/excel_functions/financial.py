"""Financial functions: VDB, DB, the COUP* family, RATE, IRR, MIRR, XNPV and XIRR.

* VDB follows the variable-declining-balance method of Excel's documentation (declining balance at
  ``factor / life`` per period, switching to straight line over the remaining life when that is
  larger, unless ``no_switch``), on Excel's period grid for a fractional start (checked against
  Excel-saved values for start periods 0.5 ... 13.5).
* COUPPCD, COUPNCD, COUPNUM, COUPDAYBS, COUPDAYS, COUPDAYSNC: coupon dates step back from maturity
  by 12 / frequency months (a maturity at a month's end keeps coupons at month ends); day counts
  by basis 0 (US 30/360), 1 (actual/actual), 2 (actual/360), 3 (actual/365), 4 (European 30/360).
* PV, FV, PMT, NPER, IPMT and PPMT: :mod:`.payments`. RATE is numpy-financial's, with Excel's reading of
  arguments: numeric text (typed or in a cell) is a number, other text #VALUE! (the engine refuses all text), a
  result that is not a finite number or a RATE that does not converge #NUM!.
* IRR and MIRR read the numbers of their values only: "If an array or reference argument contains text, logical
  values, or empty cells, those values are ignored" (Microsoft's IRR and MIRR pages; the engine took an empty cell as
  a cash flow of 0). IRR is Newton's method from ``guess`` (#NUM! without a change of sign or convergence), MIRR
  Microsoft's formula (#DIV/0! without both a positive and a negative value).
* XNPV and XIRR: #NUM! for a payment dated before the first date (the engine gave a number), Newton's method for XIRR.
* DB: the fixed-declining-balance method of Microsoft's DB page, its last period (life + 1, when the first year had
  fewer than 12 months) ``(cost - total) * rate * (12 - month) / 12`` (the engine took the rest down to the salvage:
  19,210.77 for the page's own example, 15,845.10).

Dates are serial numbers of the 1900 date system.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ._core import ExcelError, boolean, check, excel_function, integer, matrix, number, numbers
from .payments import exactly, power, when
from .rate_notes import refused

_EPOCH = dt.date(1899, 12, 30)


def _npf() -> Any:
    """numpy-financial, imported on its first use: a recalculation calling none of IPMT, PPMT, PV, FV, PMT, NPER and
    RATE spares it (with dateutil's relativedelta, about 3.5 ms of every command's start: bench/README.md, issue 14)."""
    import numpy_financial  # noqa: PLC0415

    return numpy_financial


def _gda(cost: float, salvage: float, life: float, period: float, factor: float) -> float:
    """Declining-balance depreciation of one (whole) period."""
    rate = factor / life
    if rate >= 1.0:
        rate = 1.0
        old = cost if period == 1.0 else 0.0
    else:
        old = cost * (1.0 - rate) ** (period - 1.0)
    new = cost * (1.0 - rate) ** period
    return max(0.0, old - salvage if new < salvage else old - new)


@excel_function("VDB", 5, 7)
def vdb(cost: Any, salvage: Any, life: Any, start: Any, end: Any, factor: Any = 2.0, no_switch: Any = False) -> float:
    """VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch]).

    >>> vdb(2400, 300, 10, 0, 1)
    480.0
    """
    cost, salvage, life, start, end = map(number, (cost, salvage, life, start, end))
    factor = number(factor)
    no_switch = boolean(no_switch)
    if start < 0 or end < start or end > life or cost < 0 or salvage > cost or factor <= 0 or life <= 0:
        raise ExcelError("#NUM!")
    int_start, int_end = math.floor(start), math.ceil(end)
    if no_switch:
        total = 0.0
        for i in range(int_start + 1, int_end + 1):
            term = _gda(cost, salvage, life, float(i), factor)
            if i == int_start + 1:
                term *= min(end, int_start + 1.0) - start
            elif i == int_end:
                term *= end + 1.0 - int_end
            total += term
        return total
    return _switching_vdb(cost, salvage, life, start, end, factor)


def _switching_vdb(cost: float, salvage: float, life: float, start: float, end: float, factor: float) -> float:
    """Declining balance switching to straight line, on Excel's period grid, prorated to [start, end].

    Excel's periods begin at ``start``'s fraction: with ``start`` = 11.5 they are [0, 0.5],
    [0.5, 1.5], ... (each whole one at ``factor / life`` of the book value, the first at its
    share of that), so the switch to straight line falls where Excel puts it.
    """
    offset = start - math.floor(start)
    bounds = sorted({0.0, life, *(x for x in _grid(offset, life))})
    rate = factor / life
    book, straight, total = cost, None, 0.0
    for a, b in zip(bounds, bounds[1:], strict=False):
        length = b - a
        if straight is None:
            declining = book * rate * length
            line = (book - salvage) / (life - a)
            if line * length > declining:
                straight = line
                amount = line * length
            else:
                amount = min(declining, book - salvage)
        else:
            amount = straight * length
        low, high = max(a, start), min(b, end)
        if high > low:
            total += amount * (high - low) / length
        book -= amount
        if b >= end:
            break
    return total


def _grid(offset: float, life: float):
    x = offset if offset > 0 else 1.0
    while x < life:
        yield x
        x += 1.0


def _date(value: Any) -> dt.date:
    serial = integer(value)
    if serial < 0:
        raise ExcelError("#NUM!")
    if serial < 61:  # Excel's fictitious 29 Feb 1900 shifts the first two months by a day
        serial += 1
    return _EPOCH + dt.timedelta(days=serial)


def _serial(day: dt.date) -> float:
    serial = (day - _EPOCH).days
    return float(serial - 1 if serial <= 60 else serial)


def _month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _coupon_args(settlement: Any, maturity: Any, frequency: Any, basis: Any) -> tuple[dt.date, dt.date, int, int]:
    settle, mature = _date(settlement), _date(maturity)
    freq, base = integer(frequency), integer(basis)
    if freq not in (1, 2, 4) or base not in range(5) or settle >= mature:
        raise ExcelError("#NUM!")
    return settle, mature, freq, base


def _coupon_date(maturity: dt.date, months_back: int) -> dt.date:
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415  (on first use: issue 14, a command's start)

    day = maturity - relativedelta(months=months_back)
    if _month_end(maturity):
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def _coupons(settle: dt.date, mature: dt.date, freq: int) -> tuple[dt.date, dt.date, int]:
    """(previous coupon date, next coupon date, coupons remaining) for a settlement date."""
    step = 12 // freq
    n = 1
    while _coupon_date(mature, n * step) > settle:
        n += 1
    return _coupon_date(mature, n * step), _coupon_date(mature, (n - 1) * step), n


def _days360(start: dt.date, end: dt.date, european: bool) -> int:
    d1, d2 = start.day, end.day
    if european:
        d1, d2 = min(d1, 30), min(d2, 30)
    else:
        start_feb_end = start.month == 2 and _month_end(start)
        if start_feb_end and end.month == 2 and _month_end(end):
            d2 = 30
        if start_feb_end:
            d1 = 30
        if d2 == 31 and d1 >= 30:
            d2 = 30
        if d1 == 31:
            d1 = 30
    return (end.year - start.year) * 360 + (end.month - start.month) * 30 + (d2 - d1)


@excel_function("COUPPCD", 3, 4)
def couppcd(settlement: Any, maturity: Any, frequency: Any, basis: Any = 0) -> float:
    """COUPPCD: the coupon date before settlement."""
    settle, mature, freq, _ = _coupon_args(settlement, maturity, frequency, basis)
    return _serial(_coupons(settle, mature, freq)[0])


@excel_function("COUPNCD", 3, 4)
def coupncd(settlement: Any, maturity: Any, frequency: Any, basis: Any = 0) -> float:
    """COUPNCD: the coupon date after settlement."""
    settle, mature, freq, _ = _coupon_args(settlement, maturity, frequency, basis)
    return _serial(_coupons(settle, mature, freq)[1])


@excel_function("COUPNUM", 3, 4)
def coupnum(settlement: Any, maturity: Any, frequency: Any, basis: Any = 0) -> float:
    """COUPNUM: coupons payable between settlement and maturity.

    >>> coupnum(39107, 39767, 2, 1)  # 25 Jan 2007, 15 Nov 2008
    4.0
    """
    settle, mature, freq, _ = _coupon_args(settlement, maturity, frequency, basis)
    return float(_coupons(settle, mature, freq)[2])


def _coupdays(previous: dt.date, following: dt.date, freq: int, base: int) -> float:
    if base == 1:
        return float((following - previous).days)
    return (365.0 if base == 3 else 360.0) / freq


def _coupdaybs(previous: dt.date, settle: dt.date, base: int) -> float:
    if base in (0, 4):
        return float(_days360(previous, settle, european=base == 4))
    return float((settle - previous).days)


@excel_function("COUPDAYS", 3, 4)
def coupdays(settlement: Any, maturity: Any, frequency: Any, basis: Any = 0) -> float:
    """COUPDAYS: days in the coupon period that contains settlement."""
    settle, mature, freq, base = _coupon_args(settlement, maturity, frequency, basis)
    previous, following, _ = _coupons(settle, mature, freq)
    return _coupdays(previous, following, freq, base)


@excel_function("COUPDAYBS", 3, 4)
def coupdaybs(settlement: Any, maturity: Any, frequency: Any, basis: Any = 0) -> float:
    """COUPDAYBS: days from the coupon period's start to settlement."""
    settle, mature, freq, base = _coupon_args(settlement, maturity, frequency, basis)
    return _coupdaybs(_coupons(settle, mature, freq)[0], settle, base)


@excel_function("COUPDAYSNC", 3, 4)
def coupdaysnc(settlement: Any, maturity: Any, frequency: Any, basis: Any = 0) -> float:
    """COUPDAYSNC: days from settlement to the next coupon date."""
    settle, mature, freq, base = _coupon_args(settlement, maturity, frequency, basis)
    previous, following, _ = _coupons(settle, mature, freq)
    if base in (0, 4):
        return _coupdays(previous, following, freq, base) - _coupdaybs(previous, settle, base)
    return float((following - settle).days)


@excel_function("RATE", 3, 6)
def rate(nper: Any, pmt: Any, pv: Any, fv: Any = 0.0, kind: Any = 0.0, guess: Any = 0.1) -> float:
    """RATE(nper, pmt, pv, [fv], [type], [guess]): the rate per period (Newton's method from ``guess``). A rate of 0
    is 0 (payments that add up to the loan: ``RATE(10,-100,1000)``, an interest-free plan), where Newton's step
    divides 0 by 0 near it (numpy-financial's nan: #NUM!, which Excel does not give). A root at or below -100% is
    #NUM!, as Excel gives (``RATE(12,2800,-10000)``: Newton's method from 10% reaches -184%; Excel's #NUM! asks for a
    guess, and ``RATE(12,2800,-10000,0,0,25%)`` is 26.30%, Microsoft's Tech Community; LibreOffice's RateIteration
    notes "Excel gives an error in that cases" for roots below -1), as IRR does.

    >>> rate(10, -100, 1000), round(rate(10, -100, 800), 9), round(rate(12, 2800, -10000, 0, 0, 0.25), 6)
    (0.0, 0.042774978, 0.263006)
    """
    n, payment, present, future = number(nper), number(pmt), number(pv), number(fv)
    timing = "begin" if when(kind) else "end"
    result = _npf().rate(n, payment, present, future, timing, number(guess), tol=1e-12, maxiter=100)
    if not math.isfinite(result):
        at_zero = present + payment * n + future  # the value at a rate of 0
        if n > 0 and abs(at_zero) <= 1e-12 * max(abs(present), abs(payment * n), abs(future)):
            return 0.0
    elif result <= -1.0:  # no rate: (1 + rate) is 0 or negative
        raise ExcelError("#NUM!")
    return float(result)


def _npv(rate: float, flows: list[float]) -> float:
    """The value at period 0 of ``flows`` at periods 0, 1, 2, ..."""
    return sum(flow / (1.0 + rate) ** k for k, flow in enumerate(flows))


@excel_function("IRR", 1, 2)
def irr(values: Any, guess: Any = 0.1) -> float:
    """IRR(values, [guess]): the rate at which the numbers of ``values`` (text, logicals and empty cells left out)
    have a net present value of 0.

    >>> round(irr([[-1000.0], [300.0], [None], [400.0], [500.0], [200.0]]), 6), round(irr([[-100.0, 110.0]]), 12)
    (0.153221, 0.1)
    """
    flows = numbers(values)
    if not any(f > 0 for f in flows) or not any(f < 0 for f in flows):
        refused("IRR", _one_sign(flows))
    return _newton_rate(
        "IRR",
        number(guess) if guess is not None else 0.1,
        lambda rate: _npv(rate, flows),
        lambda rate: sum(-k * flow / (1.0 + rate) ** (k + 1) for k, flow in enumerate(flows)),
    )


def _newton_rate(name: str, rate: float, value: Callable[[float], float], slope: Callable[[float], float]) -> float:
    """The rate where ``value`` (a net present value) is 0, by Newton's method from ``rate`` (IRR's and XIRR's guess):
    at most 100 steps, done when a step is within 1e-12 of the rate; #NUM! below -100% or on a flat slope or no
    convergence, as Excel gives (its cause noted for ``name``'s reason, :mod:`.rate_notes`)."""
    guess = rate
    again = f"; Excel's #NUM! asks for another guess (the {'third' if name == 'XIRR' else 'second'} argument)"
    for _ in range(100):
        if rate <= -1.0:
            refused(name, f"Newton's method from the guess {guess:.15g} reached a rate of -100% or below{again}")
        here = slope(rate)
        if here == 0:
            refused(name, f"Newton's method from the guess {guess:.15g} met a flat slope at {rate:.15g}{again}")
        step = value(rate) / here
        rate -= step
        if abs(step) <= 1e-12 * max(1.0, abs(rate)):
            return rate
    refused(name, f"Newton's method from the guess {guess:.15g} did not settle on a rate in 100 steps{again}")


def _one_sign(flows: list[float]) -> str:
    """Why a rate of ``flows`` without a positive and a negative payment is no rate."""
    if not flows:
        return "its values hold no number"
    kind = "positive" if any(f > 0 for f in flows) else ("negative" if any(f < 0 for f in flows) else "0")
    return (
        f"its values hold no change of sign (every payment is {kind}): a rate needs at least one positive and one "
        "negative payment"
    )


@excel_function("MIRR", 3, 3)
def mirr(values: Any, finance_rate: Any, reinvest_rate: Any) -> float:
    """MIRR(values, finance_rate, reinvest_rate): the modified internal rate of return of the numbers of ``values``
    (text, logicals and empty cells left out), Microsoft's formula
    ``(-NPV(reinvest, positives) * (1 + reinvest)^n / (NPV(finance, negatives) * (1 + finance)))^(1/(n-1)) - 1``.

    >>> round(mirr([[-1000.0], [300.0], [None], [400.0], [500.0]], 0.1, 0.12), 6)
    0.098157
    """
    flows = numbers(values)
    finance, reinvest = number(finance_rate), number(reinvest_rate)
    n = len(flows)
    future = sum(f * (1.0 + reinvest) ** (n - 1 - k) for k, f in enumerate(flows) if f > 0)  # reinvested to the end
    present = sum(f / (1.0 + finance) ** k for k, f in enumerate(flows) if f < 0)  # financed from the start
    if n < 2 or future == 0 or present == 0:
        raise ExcelError("#DIV/0!")
    return (future / -present) ** (1.0 / (n - 1)) - 1.0


def _dated_flows(values: Any, dates: Any, name: str = "XNPV") -> list[tuple[float, float]]:
    """The (payment, days after the first date) pairs of XNPV's and XIRR's ``values`` and ``dates``.

    Microsoft's XNPV and XIRR pages: dates are truncated to whole days; values and dates of different counts, or a
    date that precedes the starting date (the first one), #NUM! (the engine discounted such a payment by a negative
    number of days: a number with status ok; an empty date cell is day 0, before any start). An empty value is a
    payment of 0. Text among the values or dates (a date typed as text, "50") is listed (#NIMPL!): the pages say "If
    any number in dates is not a valid date", #VALUE!, and nothing of text values; whether Excel reads such text as a
    number, #VALUE! or #NUM! (the engine's answer, given before with status ok) is not documented. So is a logical
    (TRUE among the values was a payment of 1, as a date day 1, with status ok): nothing documents it either.
    """
    flows = [item for row in matrix(values) for item in row]
    days = [item for row in matrix(dates) for item in row]
    if len(flows) != len(days) or not flows:
        refused(name, f"its values ({len(flows)}) and dates ({len(days)}) are not as many")
    pairs = []
    for flow, day in zip(flows, days, strict=True):
        check(flow)
        check(day)
        if isinstance(flow, (str, bool)) or isinstance(day, (str, bool)):
            raise ExcelError("NImpl")  # the engine's kind of #NIMPL!: the cell is listed
        pairs.append((0.0 if flow is None else number(flow), float(math.floor(number(day)))))
    start = pairs[0][1]
    if start < 0:
        refused(name, f"its first date is {start:.15g}, before any date")
    early = next((day for _, day in pairs if day < start), None)
    if early is not None:
        refused(name, f"a date ({early:.15g}) precedes the first date ({start:.15g})")
    return [(flow, day - start) for flow, day in pairs]


def _xnpv(rate: float, pairs: list[tuple[float, float]]) -> float:
    return sum(flow / (1.0 + rate) ** (days / 365.0) for flow, days in pairs)


@excel_function("XNPV", 3, 3)
def xnpv(rate: Any, values: Any, dates: Any) -> float:
    """XNPV(rate, values, dates): ``sum(P_i / (1 + rate)^((d_i - d_1) / 365))``; #NUM! for a rate of -1 or below and
    as :func:`_dated_flows` says.

    >>> flows, days = [[-10000.0, 2750.0, 4250.0, 3250.0, 2750.0]], [[39448.0, 39508.0, 39751.0, 39859.0, 39904.0]]
    >>> round(xnpv(0.09, flows, days), 6)
    2086.647602
    >>> xnpv(0.1, [[-1000.0, 700.0, 600.0]], [[46023.0, 46388.0, 46022.0]])
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: #NUM!
    """
    r = number(rate)
    pairs = _dated_flows(values, dates)
    if r <= -1.0:
        raise ExcelError("#NUM!")
    return _xnpv(r, pairs)


@excel_function("XIRR", 2, 3)
def xirr(values: Any, dates: Any, guess: Any = 0.1) -> float:
    """XIRR(values, dates, [guess]): the rate at which :func:`xnpv` is 0, Newton's method from ``guess`` (#NUM!
    without a positive and a negative payment, without convergence in 100 steps, and as :func:`_dated_flows` says).

    >>> round(xirr([[-10000.0, 2750.0, 4250.0, 3250.0, 2750.0]], [[39448.0, 39508.0, 39751.0, 39859.0, 39904.0]]), 6)
    0.373363
    """
    pairs = _dated_flows(values, dates, "XIRR")
    if not any(flow > 0 for flow, _ in pairs) or not any(flow < 0 for flow, _ in pairs):
        refused("XIRR", _one_sign([flow for flow, _ in pairs]))
    return _newton_rate(
        "XIRR",
        number(guess) if guess is not None else 0.1,
        lambda rate: _xnpv(rate, pairs),
        lambda rate: sum(-(days / 365.0) * flow / (1.0 + rate) ** (days / 365.0 + 1.0) for flow, days in pairs),
    )


def _rate_3(value: float) -> float:
    """``value`` rounded to three decimal places as ROUND does (halves away from zero, at 15 digits)."""
    return float(Decimal(f"{value:.15g}").quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


@excel_function("DB", 4, 5)
def db(cost: Any, salvage: Any, life: Any, period: Any, month: Any = 12.0) -> float:
    """DB(cost, salvage, life, period, [month]): the depreciation of ``period`` by the fixed-declining-balance method.
    The rate ``1 - (salvage / cost) ^ (1 / life)`` is rounded to three decimal places; the first period has ``month``
    months, each next one ``(cost - total so far) * rate``, and period ``life + 1`` (a first year of fewer than 12
    months) the rest of its year. #NUM! for a life or period of 0 or less, a period past ``life + 1``, a month outside
    1..12 or a salvage and cost of different signs; a cost of 0 depreciates nothing. A period that is not a whole
    number is listed (``ExcelError("NImpl")``): Microsoft's DB page says only that it uses the life's units, and no
    workbook saved by Excel settles whether Excel truncates it or depreciates part of a period.

    >>> [round(db(1000000, 100000, 6, p, 7), 2) for p in range(1, 8)]
    [186083.33, 259639.42, 176814.44, 120410.64, 81999.64, 55841.76, 15845.1]
    >>> db(1000, 100, 5, 6), db(0, 0, 5, 1), round(db(1000, 100, 5.5, 2), 6)
    (0.0, 0.0, 225.036)
    >>> db(1000, 100, 5, 1.5)
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: NImpl
    """
    c, v, n, whole, m = number(cost), number(salvage), number(life), number(period), number(month)
    if not whole.is_integer() and 0 < whole <= n + 1:  # DB(1000,100,5,1.5): not known (listed)
        raise ExcelError("NImpl")
    p = math.trunc(whole)
    if n <= 0 or p <= 0 or not 1 <= m <= 12 or p > n + 1:
        raise ExcelError("#NUM!")
    if c == 0:
        return 0.0
    if v / c < 0:
        raise ExcelError("#NUM!")
    rate = _rate_3(1.0 - (v / c) ** (1.0 / n))

    def depreciation(c: Decimal, rate: Decimal, m: Decimal, n: Decimal, p: Decimal) -> Decimal:
        """Period ``p``'s: the book value after the first period, ``c (1 - rate m / 12)``, declined ``p - 2`` times,
        times the rate (the last period of a short first year: its ``(12 - m) / 12``), in decimals: the year-by-year
        sum in floats drifted 60 units in the last place by year 10 of Excel's stored values."""
        first = c * rate * m / 12
        if p == 1:
            return first
        rest = (c - first) * power(1 - rate, p - 2) * rate
        return rest * (12 - m) / 12 if p > n else rest

    return exactly(depreciation, c, rate, m, n, float(p))
