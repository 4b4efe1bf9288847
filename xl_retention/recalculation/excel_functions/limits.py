"""Excel's limits of numbers where IEEE 754 arithmetic goes further: a result below the smallest normal number is 0.

Microsoft KB 78113 ("Floating-point arithmetic may give inaccurate results in Excel"): Excel does not implement
denormalized numbers, and a result too small to be represented underflows to 0; the smallest positive number is
2.2250738585072E-308 (2**-1022). The engine keeps IEEE's denormals (``=1E-310`` is 1E-310, ``=A1=0`` FALSE, where
Excel shows 0 and TRUE). A formula cell whose result is one gets :data:`UNDERFLOW` around its formula
(:func:`.unsure_results.underflows`), so the cell and the cells reading it see Excel's 0 (a literal ``=1E-310`` is
one); the steps inside a formula (``=1E-300*1E-10*1E300``) are flushed by the processor while the engine evaluates
(:mod:`..denormals`).

>>> underflow(1e-310), underflow(-1e-320), underflow(2.5e-308), underflow("x")
(0.0, 0.0, 2.5e-308, 'x')
"""

from __future__ import annotations

import struct
import sys
from typing import Any

from ._core import excel_function

#: the wrapper of a formula whose result underflows (registered as an Excel function of this package)
UNDERFLOW = "_XLR.UNDERFLOW"
#: the smallest positive number Excel holds: 2**-1022
SMALLEST = sys.float_info.min
_EXPONENT, _FRACTION = 0x7FF0000000000000, 0x000FFFFFFFFFFFFF


def is_denormal(value: Any) -> bool:
    """Whether ``value`` is a number below Excel's smallest (a denormal of IEEE 754), not 0: read from its bits, as
    a comparison counts a denormal as 0 while :func:`..denormals.flushing` is on."""
    if type(value) is not float:
        return False
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    return bits & _EXPONENT == 0 and bits & _FRACTION != 0


@excel_function(UNDERFLOW, 1, 1)
def underflow(value: Any) -> Any:
    """``value``, but 0 for a number below Excel's smallest; other values (text, errors) as they are."""
    return 0.0 if is_denormal(value) else value
