"""Sines and cosines of Excel's complex-number functions, and where Excel's digits cannot be known.

Away from the multiples of pi/2 a sine or cosine is the true one to the last bit, and Excel's 15 digits are known.
Near a nonzero multiple of pi/2 the small result is the distance from the angle to that multiple as the processor
counts it, which depends on the pi it reduces by: the true pi gives ``SIN(PI())`` 1.22464679914735E-16, the x87's
66-bit pi 1.22460635382238E-16, and the value published for Excel is 1.22514845490862E-16 (neither). So where such a
residue is a part of the result (``IMSQRT("-4")``'s real part, ``IMPOWER("i",2)``'s imaginary part: within 1E-4 of a
nonzero multiple of pi/2) the cell is listed rather than given digits Excel may not write. The reduction itself is the
x87's (its 66-bit pi), exact for every other angle.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ._core import ExcelError

__all__ = ["x87_cos", "x87_sin", "x87_sin_cos"]

#: the x87's pi: 66 significant bits (0xC90FDAA22168C234C / 2^66)
_HALF_PI_66 = Fraction(0xC90FDAA22168C234C, 2**67)
_LIMIT = 2.0**27  # Excel's SIN and COS give #NUM! from here
#: within this of a nonzero multiple of pi/2 the result's 15 digits depend on the pi Excel reduces by (5E-20 apart)
_RESIDUE = 1e-4


def x87_sin_cos(angle: float) -> tuple[float, float]:
    """(sin, cos) of ``angle``: reduced by multiples of the x87's pi/2, then exact; Excel's function's answer is not
    known (``ExcelError("NImpl")``: listed) within 1E-4 of a nonzero multiple of pi/2 (see the module docstring), nor
    from 2^27 on.

    >>> x87_sin_cos(0.5) == (math.sin(0.5), math.cos(0.5)), x87_sin(3.0), x87_cos(1e-300)
    (True, 0.1411200080598672, 1.0)
    >>> x87_sin(math.pi)
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: NImpl
    """
    if abs(angle) >= _LIMIT or not math.isfinite(angle):
        raise ExcelError("NImpl")  # Excel's SIN gives #NUM! there; its IM functions' answer is not documented
    if abs(angle) <= math.pi / 4:
        return math.sin(angle), math.cos(angle)
    exact = Fraction(angle)
    quarter = round(exact / _HALF_PI_66)
    rest = exact - quarter * _HALF_PI_66
    high = float(rest)
    if quarter and abs(high) < _RESIDUE:  # the distance to pi's multiple: Excel's reduction constant is not known
        raise ExcelError("NImpl")
    low = float(rest - Fraction(high))
    sine = math.sin(high) + math.cos(high) * low
    cosine = math.cos(high) - math.sin(high) * low
    return [(sine, cosine), (cosine, -sine), (-sine, -cosine), (-cosine, sine)][quarter % 4]


def x87_sin(angle: float) -> float:
    """The sine of ``angle`` (:func:`x87_sin_cos`)."""
    return x87_sin_cos(angle)[0]


def x87_cos(angle: float) -> float:
    """The cosine of ``angle`` (:func:`x87_sin_cos`)."""
    return x87_sin_cos(angle)[1]
