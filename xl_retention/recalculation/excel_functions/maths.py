"""Maths and matrix functions: MMULT, MDETERM, MINVERSE (numpy), MUNIT, GCD, LCM, CEILING, FLOOR, ISEVEN, ISODD.

* Matrices must hold numbers only (anything else is #VALUE!); MMULT needs the first matrix's
  columns to match the second's rows (#VALUE!); a singular matrix has no inverse (#NUM!).
* GCD truncates its arguments (``GCD(0, 63, 15.7)`` = 3); a negative one is #NUM!.
* CEILING and FLOOR round to a multiple of ``significance`` away from / toward zero as its sign
  says: ``CEILING(-2.5, -2)`` = -4, ``FLOOR(-2.5, -2)`` = -2; a positive number with a negative
  significance is #NUM!; CEILING(x, 0) is 0 and FLOOR(x, 0) #DIV/0!.
* CEILING.MATH, FLOOR.MATH, CEILING.PRECISE, FLOOR.PRECISE and ISO.CEILING use the
  significance's size only; the quotient is taken to 15 significant digits first, as Excel does
  (``CEILING.MATH(0.1+0.2, 0.1)`` = 0.3, where the engine gives 0.4).
* ``_XLR.COMPARED`` takes an operand of ``=`` or ``<>`` to 15 significant digits and text to Excel's case-insensitive
  form, ``_XLR.ORDERED`` an operand of ``<``, ``>``, ``<=``, ``>=`` likewise with text as its collation key
  (:mod:`.collation`); the formula rewrite of :mod:`.arguments` puts them in.
* ISEVEN and ISODD read a blank as 0 and numeric text as its number; a boolean is #VALUE!.
* SUMPRODUCT counts only numbers (text, TRUE/FALSE and blanks as 0: ``SUMPRODUCT(A1:A4)`` over
  TRUE, "x", 5, "5" is 5; the engine counted TRUE and "5"); arrays of different sizes are #VALUE!.
  SUMX2MY2, SUMX2PY2 and SUMXMY2 use only the pairs where both values are numbers (different sizes: #N/A).
* ATAN2 reads a zero as 0, never -0 (``ATAN2(-1, 0*-1)`` and ``ATAN2(-1, ROUND(-0.001, 2))`` are pi: Microsoft's
  ATAN2 page, "between -pi and pi, excluding -pi"; Excel has no negative zero, KB Q63972), where the engine gave -pi.
* POWER(0, 0) is #NUM! and POWER(0, -1) #DIV/0! as in Excel (the engine gave 1 and #NUM!), element by
  element over arrays (the element-by-element form's rules, :mod:`.elementwise`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._core import (
    FUNCTIONS,
    ExcelError,
    Function,
    broadcast,
    check,
    engine_call,
    excel_function,
    matrix,
    number,
    number_text,
)
from .collation import compared, fifteen, fifteen_digits, ordered
from .elementwise import _power, whole
from .multiples import last_digit


def _numeric(value: Any) -> np.ndarray:
    rows = matrix(value)
    out = np.empty((len(rows), len(rows[0]) if rows else 0))
    for i, row in enumerate(rows):
        if len(row) != out.shape[1]:
            raise ExcelError("#VALUE!")
        for j, item in enumerate(row):
            check(item)
            if isinstance(item, bool) or not isinstance(item, (int, float)):
                raise ExcelError("#VALUE!")
            out[i, j] = item
    return out


@excel_function("MMULT", 2, 2)
def mmult(left: Any, right: Any) -> list[list[float]]:
    """MMULT(array1, array2): the matrix product.

    >>> mmult([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]])
    [[7.0, 10.0], [15.0, 22.0]]
    """
    a, b = _numeric(left), _numeric(right)
    if a.shape[1] != b.shape[0]:
        raise ExcelError("#VALUE!")
    return (a @ b).tolist()


def _square(value: Any) -> np.ndarray:
    a = _numeric(value)
    if a.shape[0] != a.shape[1] or not a.size:
        raise ExcelError("#VALUE!")
    return a


@excel_function("MDETERM", 1, 1)
def mdeterm(value: Any) -> float:
    """MDETERM(array): the determinant of a square matrix.

    >>> round(mdeterm([[1.0, 2.0], [3.0, 4.0]]), 12)
    -2.0
    """
    determinant = float(np.linalg.det(_square(value)))
    return float(f"{determinant:.15g}")  # Excel's 15 significant digits: -2, not LU's -2.0000000000000004


@excel_function("MINVERSE", 1, 1)
def minverse(value: Any) -> list[list[float]]:
    """MINVERSE(array): the inverse of a square matrix; singular: #NUM!."""
    a = _square(value)
    try:
        inverse = np.linalg.inv(a)
    except np.linalg.LinAlgError:
        raise ExcelError("#NUM!") from None
    if np.linalg.cond(a) > 1e15:
        raise ExcelError("#NUM!")
    return [[float(f"{x:.15g}") for x in row] for row in inverse.tolist()]  # Excel's 15 significant digits


@excel_function("MUNIT", 1, 1)
def munit(dimension: Any) -> list[list[float]]:
    """MUNIT(dimension): the unit matrix of ``dimension`` (truncated) rows and columns; 0 or below: #VALUE!.

    >>> munit(2.9)
    [[1.0, 0.0], [0.0, 1.0]]
    """
    size = int(number(dimension))
    if size <= 0:
        raise ExcelError("#VALUE!")
    return [[1.0 if i == j else 0.0 for j in range(size)] for i in range(size)]


def _integers(args: tuple[Any, ...]) -> list[int]:
    out = []
    for arg in args:
        for row in matrix(arg):
            for item in row:
                x = number(item)
                if x < 0 or x >= 2.0**53:
                    raise ExcelError("#NUM!")
                out.append(int(whole(x)))  # from 15 digits: GCD(5-9E-16,10) is 5
    return out


@excel_function("GCD", 1, 255)
def gcd(*args: Any) -> float:
    """GCD(number1, ...): the greatest common divisor of the truncated arguments.

    >>> gcd(0, 63, 15.7)
    3.0
    """
    return float(math.gcd(*_integers(args)))


@excel_function("LCM", 1, 255)
def lcm(*args: Any) -> float:
    """LCM(number1, ...): the least common multiple of the truncated arguments; an array or range gives each of its
    values (the engine's LCM refused an array, ``{=LCM(D2:D7+1,2)}``). A negative number, or a multiple of 2^53 or
    more, is #NUM!; any 0 makes it 0.

    >>> lcm([[4.0, 3.0, 1.0, 5.0, 2.0, 6.0]], 2), lcm(2.5, 3), lcm(0, 7)
    (60.0, 6.0, 0.0)
    """
    result = math.lcm(*_integers(args))
    if result >= 2**53:
        raise ExcelError("#NUM!")
    return float(result)


def _quotient(n: float, s: float) -> float:
    return fifteen(n / s)  # Excel's 15 significant digits: 0.3 / 0.1 is 3


@excel_function("CEILING", 2, 2)
def ceiling(value: Any, significance: Any) -> float:
    """CEILING(number, significance).

    >>> ceiling(-2.5, -2), ceiling(-2.5, 2), ceiling(2.5, 1)
    (-4.0, -2.0, 3.0)
    """
    n, s = number(value), number(significance)
    if s == 0:
        return 0.0
    if n > 0 and s < 0:
        raise ExcelError("#NUM!")
    return last_digit(f"CEILING({number_text(n)}, {number_text(s)})", s, math.ceil(_quotient(n, s)))


@excel_function("FLOOR", 2, 2)
def floor(value: Any, significance: Any) -> float:
    """FLOOR(number, significance).

    >>> floor(-2.5, -2), floor(-2.5, 2), floor(2.5, 1)
    (-2.0, -4.0, 2.0)
    """
    n, s = number(value), number(significance)
    if n > 0 and s < 0:
        raise ExcelError("#NUM!")
    if s == 0:
        if n == 0:
            return 0.0
        raise ExcelError("#DIV/0!")
    return last_digit(f"FLOOR({number_text(n)}, {number_text(s)})", s, math.floor(_quotient(n, s)))


def _whole(value: Any) -> int:
    check(value)
    if isinstance(value, bool) or isinstance(value, list):
        raise ExcelError("#VALUE!")
    return int(whole(number(value)))


@excel_function("ISEVEN", 1, 1)
def iseven(value: Any) -> bool:
    """ISEVEN(number): TRUE for an even (truncated) number."""
    return _whole(value) % 2 == 0


@excel_function("ISODD", 1, 1)
def isodd(value: Any) -> bool:
    """ISODD(number): TRUE for an odd (truncated) number."""
    return _whole(value) % 2 == 1


def _to_multiple(n: float, s: float, up: bool, name: str) -> float:
    """``n`` rounded to a multiple of ``s`` (> 0) toward +infinity (``up``) or -infinity (``name``: the function's, for
    a note of :func:`.multiples.last_digit`)."""
    q = fifteen(n / s)
    return last_digit(f"{name}({number_text(n)}, {number_text(s)})", s, math.ceil(q) if up else math.floor(q))


@excel_function("CEILING.MATH", 1, 3)
def ceiling_math(value: Any, significance: Any = 1.0, mode: Any = 0.0) -> float:
    """CEILING.MATH(number, [significance], [mode]): up; a negative number away from zero when mode is not 0.

    >>> ceiling_math(0.1 + 0.2, 0.1), ceiling_math(-2.5), ceiling_math(-2.5, 2, 1)
    (0.3, -2.0, -4.0)
    """
    n, s = number(value), abs(number(significance))
    if s == 0:
        return 0.0
    return _to_multiple(n, s, not (n < 0 and number(mode) != 0), "CEILING.MATH")


@excel_function("FLOOR.MATH", 1, 3)
def floor_math(value: Any, significance: Any = 1.0, mode: Any = 0.0) -> float:
    """FLOOR.MATH(number, [significance], [mode]): down; a negative number toward zero when mode is not 0."""
    n, s = number(value), abs(number(significance))
    if s == 0:
        return 0.0
    return _to_multiple(n, s, n < 0 and number(mode) != 0, "FLOOR.MATH")


def _precise(value: Any, significance: Any, up: bool, name: str) -> float:
    n, s = number(value), abs(number(significance))
    return 0.0 if s == 0 else _to_multiple(n, s, up, name)


@excel_function("CEILING.PRECISE", 1, 2)
def ceiling_precise(value: Any, significance: Any = 1.0) -> float:
    return _precise(value, significance, True, "CEILING.PRECISE")


@excel_function("ISO.CEILING", 1, 2)
def iso_ceiling(value: Any, significance: Any = 1.0) -> float:
    return _precise(value, significance, True, "ISO.CEILING")


@excel_function("FLOOR.PRECISE", 1, 2)
def floor_precise(value: Any, significance: Any = 1.0) -> float:
    return _precise(value, significance, False, "FLOOR.PRECISE")


excel_function("_XLR.COMPARED", 1, 1)(compared)
excel_function("_XLR.ORDERED", 1, 1)(ordered)
excel_function("_XLR.FIFTEEN", 1, 1)(fifteen_digits)


def _operand_call(name: str) -> None:
    """The engine's call of ``_XLR.COMPARED`` or ``_XLR.ORDERED`` with a finite number, the common operand
    (``=IF(G2>0.95,..)`` filled down 10,000 rows: one call each), made without the general call's checks: the number
    at 15 significant digits, as :func:`.collation.compared` and :func:`.collation.ordered` give it. Anything else,
    and a number whose 15 digits overflow (1.7976931348623157e308 is 1.79769313486232e308: #NUM!), takes the
    general call."""
    general = FUNCTIONS[name].call

    def call(value: Any) -> Any:
        if type(value) is float and value - value == 0:
            rounded = fifteen(value)
            if rounded - rounded == 0:
                return rounded
        return general(value)

    call.__name__ = call.__qualname__ = general.__name__
    call.__doc__ = general.__doc__
    FUNCTIONS[name] = Function(name, call, 1, 1)


_operand_call("_XLR.COMPARED")
_operand_call("_XLR.ORDERED")
_operand_call("_XLR.FIFTEEN")

FUNCTIONS["POWER"] = Function("POWER", broadcast(engine_call(_power)), 2, 2)


def _grid(value: Any) -> tuple[tuple[int, int], np.ndarray]:
    """(shape, numbers) of an array argument: numbers as they are, NaN for anything else (errors pass on)."""
    rows = matrix(value)
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ExcelError("#VALUE!")
    flat = []
    for row in rows:
        for item in row:
            if type(item) is float:
                flat.append(item)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                flat.append(float(item))
            else:
                check(item)
                flat.append(math.nan)
    return (len(rows), width), np.array(flat, dtype=float)


@excel_function("SUMPRODUCT", 1, 255)
def sumproduct(*arrays: Any) -> float:
    """SUMPRODUCT(array1, [array2], ...): the sum of the products of corresponding entries; only numbers count.

    >>> sumproduct([[True], ["x"], [5.0], ["5"]]), sumproduct([[1.0, 2.0]], [[3.0, 4.0]])
    (5.0, 11.0)
    """
    grids = [_grid(a) for a in arrays]
    if any(shape != grids[0][0] for shape, _ in grids):
        raise ExcelError("#VALUE!")
    product = np.ones(grids[0][1].shape)
    for _, values in grids:
        product *= np.nan_to_num(values, nan=0.0)
    return float(product.sum())


def _pairs(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = _grid(x)[1], _grid(y)[1]
    if xs.size != ys.size:
        raise ExcelError("#N/A")
    both = ~(np.isnan(xs) | np.isnan(ys))
    return xs[both], ys[both]


@excel_function("SUMX2MY2", 2, 2)
def sumx2my2(x: Any, y: Any) -> float:
    """SUMX2MY2(array_x, array_y): the sum of x^2 - y^2 over the pairs of two numbers.

    >>> sumx2my2([[True], ["x"], [5.0], ["5"]], [[2.0], [2.0], [2.0], [2.0]])
    21.0
    """
    xs, ys = _pairs(x, y)
    return float((xs**2 - ys**2).sum())


@excel_function("SUMX2PY2", 2, 2)
def sumx2py2(x: Any, y: Any) -> float:
    """SUMX2PY2(array_x, array_y): the sum of x^2 + y^2 over the pairs of two numbers."""
    xs, ys = _pairs(x, y)
    return float((xs**2 + ys**2).sum())


@excel_function("SUMXMY2", 2, 2)
def sumxmy2(x: Any, y: Any) -> float:
    """SUMXMY2(array_x, array_y): the sum of (x - y)^2 over the pairs of two numbers."""
    xs, ys = _pairs(x, y)
    return float(((xs - ys) ** 2).sum())


@excel_function("ATAN2", 2, 2)
def atan2(x_num: Any, y_num: Any) -> float:
    """ATAN2(x_num, y_num): the angle of the point (x, y), in (-pi, pi]; (0, 0) is #DIV/0!. A zero is +0 (Excel has no
    negative zero), so a point on the negative x axis is pi, never -pi.

    >>> atan2(-1.0, -0.0), atan2(1.0, 1.0) == math.pi / 4, atan2("-1", 0.0)
    (3.141592653589793, True, 3.141592653589793)
    """
    x, y = number(x_num) + 0.0, number(y_num) + 0.0  # -0.0 + 0.0 is +0.0
    if x == 0 and y == 0:
        raise ExcelError("#DIV/0!")
    return math.atan2(y, x)
