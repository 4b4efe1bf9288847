"""Payments of a loan or an annuity: PV, FV, PMT, NPER, IPMT and PPMT, computed exactly (split from :mod:`.financial`).

numpy-financial's formulas in 50-digit decimals, rounded once (:func:`exactly`): the exact answer of the binary inputs,
as Excel stores it (``PMT(0.08/12,10,10000)`` -1037.0320893591522 in a workbook saved by Excel, where ``(1 + r)^n -
1`` in floats gave -1037.0320893591636, 350 units in the last place off for ``PMT(0.06/12,216,0,50000)``: H434's
findings 01, 02). Arguments read as Excel reads them (numeric text a number, other text #VALUE!); no number (a negative
base to a fractional power, a division by 0) #NUM!.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, DecimalException, localcontext
from typing import Any

from ._core import ExcelError, excel_function, number

__all__ = ["exactly", "fv", "ipmt", "nper", "pmt", "power", "ppmt", "pv", "when"]


def exactly(compute: Callable[..., Decimal], *values: float) -> float:
    """``compute`` of ``values`` in 50-digit decimal arithmetic, rounded once to the nearest float: the exact answer
    of the binary inputs, as Excel stores it (``PMT(0.08/12,10,10000)`` -1037.0320893591522 in a workbook saved by
    Excel, where ``(1 + r)^n - 1`` in floats gave -1037.0320893591636). No number (a negative base to a fractional
    power, a division by 0): #NUM!, as numpy-financial's nan or inf gave."""
    with localcontext() as context:
        context.prec = 50
        try:
            return float(compute(*map(Decimal, values)))
        except DecimalException:
            raise ExcelError("#NUM!") from None


def power(base: Decimal, exponent: Decimal) -> Decimal:
    """``base ** exponent``, 1 for an exponent of 0 whatever the base (floats' and Excel's 0^0 in these formulas:
    DB with a salvage of 0 has a rate of 1, its second year ``(1 - 1)^0``; Decimal refuses 0 ** 0)."""
    return Decimal(1) if exponent == 0 else base**exponent


def _pv(r: Decimal, n: Decimal, payment: Decimal, future: Decimal, kind: Decimal) -> Decimal:
    if r == 0:
        return -(future + payment * n)
    growth = power(1 + r, n)
    return -(future + payment * (1 + r * kind) * (growth - 1) / r) / growth


def _fv(r: Decimal, n: Decimal, payment: Decimal, present: Decimal, kind: Decimal) -> Decimal:
    if r == 0:
        return -(present + payment * n)
    growth = power(1 + r, n)
    return -(present * growth + payment * (1 + r * kind) * (growth - 1) / r)


def _pmt(r: Decimal, n: Decimal, present: Decimal, future: Decimal, kind: Decimal) -> Decimal:
    if r == 0:
        return -(future + present) / n
    growth = power(1 + r, n)
    return -(future + present * growth) * r / ((1 + r * kind) * (growth - 1))


def _ipmt(r: Decimal, per: Decimal, n: Decimal, present: Decimal, future: Decimal, kind: Decimal) -> Decimal:
    """numpy-financial's ``ipmt``: the interest on the balance after ``per - 1`` payments; at the start of periods
    (``kind`` 1) none in the first, and discounted one period in the others."""
    interest = _fv(r, per - 1, _pmt(r, n, present, future, kind), present, kind) * r
    if kind == 1:
        return Decimal(0) if per == 1 else interest / (1 + r)
    return interest


def _payment_args(rate: Any, per: Any, nper: Any, pv: Any, fv: Any, kind: Any) -> tuple[float, ...]:
    values = tuple(map(number, (rate, per, nper, pv, fv)))
    if values[1] < 1 or values[1] > values[2]:
        raise ExcelError("#NUM!")
    return (*values, when(kind))


@excel_function("IPMT", 4, 6)
def ipmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0.0, kind: Any = 0.0) -> float:
    """IPMT(rate, per, nper, pv, [fv], [type]): the interest part of payment ``per``.

    >>> round(ipmt(0.1, 3, 3, 8000, 0, 1), 6), ipmt(0.1, 1, 3, 8000, 0, 1)
    (-265.861027, 0.0)
    """
    return exactly(_ipmt, *_payment_args(rate, per, nper, pv, fv, kind))


@excel_function("PPMT", 4, 6)
def ppmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0.0, kind: Any = 0.0) -> float:
    """PPMT(rate, per, nper, pv, [fv], [type]): the principal part of payment ``per``, the payment less its interest.

    >>> round(ppmt(0.1 / 12, 1, 24, 2000), 6)
    -75.623186
    """

    def principal(r: Decimal, p: Decimal, n: Decimal, present: Decimal, future: Decimal, k: Decimal) -> Decimal:
        return _pmt(r, n, present, future, k) - _ipmt(r, p, n, present, future, k)

    return exactly(principal, *_payment_args(rate, per, nper, pv, fv, kind))


def when(kind: Any) -> float:
    """The payments' timing: 1 at the start of periods (any ``type`` but 0), 0 at their end."""
    return 1.0 if number(kind) != 0 else 0.0


@excel_function("PV", 3, 5)
def pv(rate: Any, nper: Any, pmt: Any, fv: Any = 0.0, kind: Any = 0.0) -> float:
    """PV(rate, nper, pmt, [fv], [type]): the present value, ``-(fv + pmt (1 + rate type) ((1 + rate)^nper - 1) /
    rate) / (1 + rate)^nper`` (rate 0: ``-(fv + pmt nper)``), computed exactly (:func:`exactly`).

    >>> round(pv(0.05, "5", 500, 1000, 1), 8)
    -3056.50141855
    """
    return exactly(_pv, number(rate), number(nper), number(pmt), number(fv), when(kind))


@excel_function("FV", 3, 5)
def fv(rate: Any, nper: Any, pmt: Any, pv: Any = 0.0, kind: Any = 0.0) -> float:
    """FV(rate, nper, pmt, [pv], [type]): the future value, ``-(pv (1 + rate)^nper + pmt (1 + rate type) ((1 +
    rate)^nper - 1) / rate)`` (rate 0: ``-(pv + pmt nper)``), computed exactly (:func:`exactly`).

    >>> round(fv(0.06 / 12, 10, -200, -500, 1), 2)  # Microsoft's FV page: $2,581.40
    2581.4
    """
    return exactly(_fv, number(rate), number(nper), number(pmt), number(pv), when(kind))


@excel_function("PMT", 3, 5)
def pmt(rate: Any, nper: Any, pv: Any, fv: Any = 0.0, kind: Any = 0.0) -> float:
    """PMT(rate, nper, pv, [fv], [type]): the payment per period, ``-(fv + pv (1 + rate)^nper) rate / ((1 + rate
    type) ((1 + rate)^nper - 1))`` (rate 0: ``-(fv + pv) / nper``), computed exactly (:func:`exactly`: the value
    Excel stores, to the last binary digit); nper 0 is #NUM!. The arguments are read in order, so the first one's
    error is the result, as in Excel (``PMT(1/0,NA(),100)`` is #DIV/0!, not nper's #N/A).

    >>> round(pmt(0.1, 3, 8000, 0, 1), 6), pmt(0.08 / 12, 10, 10000), pmt(0.06 / 12, 216, 0, 50000)
    (-2924.471299, -1037.0320893591522, -129.08116086799092)
    """
    r, periods, present, future = number(rate), number(nper), number(pv), number(fv)
    if periods == 0:
        raise ExcelError("#NUM!")
    return exactly(_pmt, r, periods, present, future, when(kind))


@excel_function("NPER", 3, 5)
def nper(rate: Any, pmt: Any, pv: Any, fv: Any = 0.0, kind: Any = 0.0) -> float:
    """NPER(rate, pmt, pv, [fv], [type]): the number of periods (rate 0: -(pv + fv) / pmt).

    >>> nper(0, -100, 1000), round(nper(0.01, -100, -1000, 10000, 1), 8)
    (10.0, 59.67386567)
    """
    r, payment, present, future = number(rate), number(pmt), number(pv), number(fv)
    if r == 0:  # numpy-financial 1.0 gives the wrong sign here
        return -(present + future) / payment

    def periods(r: Decimal, payment: Decimal, present: Decimal, future: Decimal, kind: Decimal) -> Decimal:
        paid = payment * (1 + r * kind) / r  # numpy-financial's z / rate
        return ((paid - future) / (paid + present)).ln() / (1 + r).ln()

    return exactly(periods, r, payment, present, future, when(kind))
