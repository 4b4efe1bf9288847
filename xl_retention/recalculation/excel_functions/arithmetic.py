"""A formula's final + or - as Excel computes it: exactly 0 when the two operands are equal but for rounding.

Microsoft's "Floating-point arithmetic may give inaccurate results in Excel" (KB 78113): "Should an
addition or subtraction operation result in a value at or very close to zero, Excel 97 and later
will compensate for any error introduced as a result of converting an operand to and from binary".
Excel does so for the last operation of a formula only: ``=0.1+0.2-0.3`` and ``=SUM(B1:B3)-1`` (0.7,
0.2, 0.1) are 0, ``=(0.1+0.2-0.3)`` keeps 5.55E-17 and ``=1*(0.5-0.4-0.1)`` -2.78E-17. The
rewrite of :mod:`.final_operations` (:func:`~.final_operations.rewrite_final`) passes such an operation's result
and operands to ``_XLR.NEARZERO``.

When it applies: the two operands of the subtraction (for ``a + b``, ``a`` and ``-b``) have the same
sign and their 64-bit patterns differ by at most 7 units in the last place; worked out from Excel's
own results on the forums (``=A1-A2`` with A2 = A1 + n*2^-76 near 1E-7 is 0 for n = 1..7, not for 8;
likewise at 1E25 and at the largest double; ``=65.57-58.03-7.54`` keeps -7.99E-15, 9 units apart,
``=818562.54-778536.1-40026.44`` keeps 5.82E-11, 8 units apart). LibreOffice's ``rtl::math::approxSub``
is the same idea with a wider margin (2^-48 of the operand).
"""

from __future__ import annotations

import math
import struct
from typing import Any

from ._core import FUNCTIONS, Function, engine_value

_DOUBLE = struct.Struct("<d")
_INTEGER = struct.Struct("<q")
#: operands this many units in the last place apart, or fewer, make Excel's final + or - exactly 0
UNITS = 7
_MARGIN = UNITS * 2.0**-52  # UNITS units in the last place of a number are at most this fraction of it


def units_apart(a: float, b: float) -> int:
    """How many representable doubles lie between ``|a|`` and ``|b|`` (their 64-bit patterns' difference).

    >>> units_apart(0.1 + 0.2, 0.3), units_apart(1.0, 0.9999999999999999), units_apart(1.0, 2.0)
    (1, 1, 4503599627370496)
    """
    first = _INTEGER.unpack(_DOUBLE.pack(abs(a)))[0]
    second = _INTEGER.unpack(_DOUBLE.pack(abs(b)))[0]
    return abs(first - second)


def near_zero(result: Any, left: Any, right: Any) -> Any:
    """``result`` (``left - right``) as Excel gives it when it is a formula's last operation: 0 when both operands
    are numbers of the same sign at most :data:`UNITS` units in the last place apart, else ``result`` itself.

    >>> near_zero(0.1 + 0.2 - 0.3, 0.1 + 0.2, 0.3), near_zero(5.0, 7.0, 2.0), near_zero("x", "x", 1.0)
    (0.0, 5.0, 'x')
    """
    kind = type(result)
    if kind is float or kind is int:
        if (
            result != 0
            and (type(left) is float or type(left) is int)
            and abs(result) <= abs(left) * _MARGIN  # cheap first: most results are far from it
            and (type(right) is float or type(right) is int)
            and ((left > 0 and right > 0) or (left < 0 and right < 0))
            and math.isfinite(left)
            and math.isfinite(right)
            and units_apart(float(left), float(right)) <= UNITS
        ):
            return 0.0
        return float(result)
    return engine_value(result)


FUNCTIONS["_XLR.NEARZERO"] = Function("_XLR.NEARZERO", near_zero, 3, 3)
