"""IMSQRT, IMLN, IMLOG10, IMLOG2, IMEXP, the trigonometric and hyperbolic IM functions, IMABS, IMARGUMENT, IMREAL and
IMAGINARY computed here, as Excel does. The engine left out a part below 1E-10 (``IMSQRT("1E-24")`` "0", Excel
"1E-12"; ``IMLN("1.000000000001")`` "0", its logarithm 1.00008890058184E-12), wrote an overflow as text
(``IMEXP("1000")`` "infNaNi") and took other formulas than Excel's (``IMTAN("4+3i")`` "0.00490825806749608+…",
Microsoft's example "0.00490825806749606+…").

Each uses the formula of Microsoft's page where it gives one (``sqrt(r)(cos θ/2 + i sin θ/2)``, ``ln r + iθ``,
``log10(e)·ln z``, ``e^x(cos y + i sin y)``, ``sin x cosh y + i cos x sinh y``…) and, for the tangent, secant,
cosecant and cotangent and the hyperbolic secant and cosecant, the double-angle forms (``tan z = (sin 2x + i sinh 2y)
/ (cos 2x + cosh 2y)``), which give Microsoft's examples to the last digit where the quotient of two complex numbers
does not. Sines and cosines are :mod:`.x87_trigonometry`'s: exact, but within 1E-4 of a nonzero multiple of pi/2
(``IMSQRT("-4")``: 2 cos(pi/2), the residue of the pi Excel reduces by, whose digits are not known) listed.

Listed (not computed): a denominator that is only the cancellation of its terms (``IMTAN`` near a pole,
``IMCOT("0")``: what Excel writes there depends on its last bits), a term of those quotients that overflows
(``IMTAN("1+400i")``), a square ``x²+y²`` that overflows or underflows, a logarithm near 0 that is the rounding of
``x²+y²`` (``IMLN("0.6+0.8i")``), an angle of 2^27 or more (Excel's SIN refuses it), an empty text or blank cell.

>>> imsqrt("1E-24"), imsqrt("4"), imsqrt("1+i"), imln("1.000000000001"), imln("3+4j")
('1E-12', '2', '1.09868411346781+0.455089860562227i', '1.00008890058184E-12', \
'1.6094379124341+0.927295218001612j')
>>> imexp("1+i"), imsin("4+3i"), imcos("1+i"), imtan("4+3i")
('1.46869393991589+2.28735528717884i', '-7.61923172032141-6.548120040911i', \
'0.833730025131149-0.988897705762865i', '0.00490825806749606+1.00070953606723i')
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from ._core import ExcelError, excel_function, number_text
from .complex_arithmetic import _all, _written
from .x87_trigonometry import x87_sin_cos as _x87


def _one(value: Any) -> tuple[float, float, list[tuple[float, float, str]]]:
    parts = _all((value,))
    if len(parts) != 1:
        raise ExcelError("NImpl")  # a range of several cells: Excel's answer is not documented
    x, y, _ = parts[0]
    return x, y, parts


def _finite(*values: float) -> None:
    if not all(math.isfinite(v) for v in values):
        raise ExcelError("#NUM!")


def _square(x: float, y: float) -> float:
    """x² + y², listed where it overflows or underflows (Excel's answer there is not documented)."""
    square = x * x + y * y
    if math.isinf(square) or (square == 0 and (x or y)) or (square < 2.2250738585072014e-308 and square):
        raise ExcelError("NImpl")
    return square


def _over(numerators: tuple[float, float], first: float, second: float) -> tuple[float, float]:
    """``numerators`` divided by ``first + second``; listed where that sum is mostly the cancellation of its terms."""
    denominator = first + second
    if abs(denominator) * 16 < max(abs(first), abs(second)):
        raise ExcelError("NImpl")  # the last bits of Excel's terms decide its digits
    real, imaginary = numerators[0] / denominator, numerators[1] / denominator
    _finite(real, imaginary)
    return real, imaginary


def _bounded(fn: Callable[[Any], str]) -> Callable[[Any], str]:
    """``fn`` (a quotient of the double-angle forms) listed where a term overflows though the quotient is finite
    (``IMTAN("1+400i")`` is about i; Excel's answer there is not documented)."""

    @functools.wraps(fn)
    def call(value: Any) -> str:
        try:
            return fn(value)
        except OverflowError:
            raise ExcelError("NImpl") from None

    return call


def _result(real: float, imaginary: float, parts: list[tuple[float, float, str]]) -> str:
    _finite(real, imaginary)
    return _written(real, imaginary, parts)


def _logarithm(value: Any) -> tuple[float, float, list[tuple[float, float, str]]]:
    """(ln r, θ, parts) of a logarithm's argument; listed where ln r (near 1) is the rounding of x² + y²: Excel's
    digits there depend on its processor's precision (``IMLN("0.6+0.8i")``: 0 in doubles, ln of the exact 1.0000…)."""
    x, y, parts = _one(value)
    if x == 0 and y == 0:
        raise ExcelError("#NUM!")
    size = math.log(math.sqrt(_square(x, y)))
    exact = Fraction(x) ** 2 + Fraction(y) ** 2
    precise = math.log1p(float(exact - 1)) / 2 if 0.5 < exact < 2 else math.log(float(exact)) / 2
    if number_text(size) != number_text(precise):
        raise ExcelError("NImpl")
    return size, math.atan2(y, x), parts


@excel_function("IMSQRT", 1, 1)
def imsqrt(value: Any) -> str:
    x, y, parts = _one(value)
    if x == 0 and y == 0:
        return _written(0.0, 0.0, parts)
    root, half = math.sqrt(math.sqrt(_square(x, y))), math.atan2(y, x) / 2
    sine, cosine = _x87(half)
    return _result(root * cosine, root * sine, parts)


@excel_function("IMLN", 1, 1)
def imln(value: Any) -> str:
    real, imaginary, parts = _logarithm(value)
    return _result(real, imaginary, parts)


@excel_function("IMLOG10", 1, 1)
def imlog10(value: Any) -> str:
    real, imaginary, parts = _logarithm(value)
    scale = math.log10(math.e)
    return _result(scale * real, scale * imaginary, parts)


@excel_function("IMLOG2", 1, 1)
def imlog2(value: Any) -> str:
    real, imaginary, parts = _logarithm(value)
    scale = math.log2(math.e)
    return _result(scale * real, scale * imaginary, parts)


@excel_function("IMEXP", 1, 1)
def imexp(value: Any) -> str:
    x, y, parts = _one(value)
    size = math.exp(x)
    sine, cosine = _x87(y)
    return _result(size * cosine, size * sine, parts)


@excel_function("IMSIN", 1, 1)
def imsin(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(x)
    return _result(sine * math.cosh(y), cosine * math.sinh(y), parts)


@excel_function("IMCOS", 1, 1)
def imcos(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(x)
    return _result(cosine * math.cosh(y), -sine * math.sinh(y), parts)


@excel_function("IMSINH", 1, 1)
def imsinh(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(y)
    return _result(math.sinh(x) * cosine, math.cosh(x) * sine, parts)


@excel_function("IMCOSH", 1, 1)
def imcosh(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(y)
    return _result(math.cosh(x) * cosine, math.sinh(x) * sine, parts)


@excel_function("IMTAN", 1, 1)
@_bounded
def imtan(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(2 * x)
    return _written(*_over((sine, math.sinh(2 * y)), cosine, math.cosh(2 * y)), parts)


@excel_function("IMCOT", 1, 1)
@_bounded
def imcot(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(2 * x)
    return _written(*_over((sine, -math.sinh(2 * y)), math.cosh(2 * y), -cosine), parts)


@excel_function("IMSEC", 1, 1)
@_bounded
def imsec(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(x)
    double = _x87(2 * x)[1]
    numerators = (2 * cosine * math.cosh(y), 2 * sine * math.sinh(y))
    return _written(*_over(numerators, double, math.cosh(2 * y)), parts)


@excel_function("IMCSC", 1, 1)
@_bounded
def imcsc(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(x)
    double = _x87(2 * x)[1]
    numerators = (2 * sine * math.cosh(y), -2 * cosine * math.sinh(y))
    return _written(*_over(numerators, math.cosh(2 * y), -double), parts)


@excel_function("IMSECH", 1, 1)
@_bounded
def imsech(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(y)
    double = _x87(2 * y)[1]
    numerators = (2 * math.cosh(x) * cosine, -2 * math.sinh(x) * sine)
    return _written(*_over(numerators, math.cosh(2 * x), double), parts)


@excel_function("IMCSCH", 1, 1)
@_bounded
def imcsch(value: Any) -> str:
    x, y, parts = _one(value)
    sine, cosine = _x87(y)
    double = _x87(2 * y)[1]
    numerators = (2 * math.sinh(x) * cosine, -2 * math.cosh(x) * sine)
    return _written(*_over(numerators, math.cosh(2 * x), -double), parts)


@excel_function("IMABS", 1, 1)
def imabs(value: Any) -> float:
    x, y, _ = _one(value)
    return math.sqrt(_square(x, y))


@excel_function("IMARGUMENT", 1, 1)
def imargument(value: Any) -> float:
    x, y, _ = _one(value)
    if x == 0 and y == 0:
        raise ExcelError("#DIV/0!")
    _square(x, y)
    return math.atan2(y, x)


@excel_function("IMREAL", 1, 1)
def imreal(value: Any) -> float:
    return _one(value)[0]


@excel_function("IMAGINARY", 1, 1)
def imaginary(value: Any) -> float:
    return _one(value)[1]
