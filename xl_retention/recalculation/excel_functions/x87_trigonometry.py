"""Sines and cosines as Excel's processor's instructions give them (x87 ``FSIN``/``FCOS``): the argument is reduced by
multiples of a pi of 66 bits, not the true pi, so near a multiple of pi/2 the result is the distance to that pi's
multiple: ``SIN(PI())`` is 1.22460635382238E-16 in Excel (1.22464679914735E-16 from the true pi), and Excel's complex
numbers in polar form carry it (``IMSQRT("-4")`` "1.22460635382238E-16+2i", ``IMPOWER("i",2)``
"-1+1.22460635382238E-16i"). Away from those points the result is the true sine to the last bit or so.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ._core import ExcelError

__all__ = ["x87_cos", "x87_sin", "x87_sin_cos"]

#: the x87's pi: 66 significant bits (0xC90FDAA22168C234C / 2^66)
_HALF_PI_66 = Fraction(0xC90FDAA22168C234C, 2**67)
_LIMIT = 2.0**27  # Excel's SIN and COS give #NUM! from here


def x87_sin_cos(angle: float) -> tuple[float, float]:
    """(sin, cos) of ``angle`` as the x87 gives them: reduced by multiples of its pi/2, then exact.

    >>> x87_sin(math.pi), x87_cos(math.pi / 2), x87_sin_cos(0.5) == (math.sin(0.5), math.cos(0.5))
    (1.2246063538223773e-16, 6.123031769111886e-17, True)
    """
    if abs(angle) >= _LIMIT or not math.isfinite(angle):
        raise ExcelError("NImpl")  # Excel's SIN gives #NUM! there; its IM functions' answer is not documented
    if abs(angle) <= math.pi / 4:
        return math.sin(angle), math.cos(angle)
    exact = Fraction(angle)
    quarter = round(exact / _HALF_PI_66)
    rest = exact - quarter * _HALF_PI_66
    high = float(rest)
    low = float(rest - Fraction(high))
    sine = math.sin(high) + math.cos(high) * low
    cosine = math.cos(high) - math.sin(high) * low
    return [(sine, cosine), (cosine, -sine), (-sine, -cosine), (-cosine, sine)][quarter % 4]


def x87_sin(angle: float) -> float:
    """The sine of ``angle`` as Excel's processor gives it (``x87_sin(math.pi)`` 1.2246063538223773e-16)."""
    return x87_sin_cos(angle)[0]


def x87_cos(angle: float) -> float:
    """The cosine of ``angle`` as Excel's processor gives it."""
    return x87_sin_cos(angle)[1]
