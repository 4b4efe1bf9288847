"""Degrees of freedom and sizes Excel truncates to whole numbers, truncated before the engine reads them.

Excel truncates the degrees of freedom of the T, chi-square and F distributions and the size of the
CONFIDENCE functions ("If deg_freedom is not an integer, it is truncated", Microsoft's pages for
CHISQ.DIST, F.DIST, T.INV, CONFIDENCE.NORM, ...), as the engine's legacy TDIST, CHIDIST, FDIST, TINV,
CHIINV and FINV do; the engine's modern functions computed with the fraction (``T.DIST.2T(1.5,2.7)``
0.2403 where Excel gives T.DIST.2T(1.5,2) = 0.27239). :mod:`.arguments` therefore wraps each such
argument in :data:`WHOLE` (``_XLR.WHOLE``), registered here: a number (or numeric text, TRUE, FALSE) truncated
toward zero, an array element by element; a blank, an error and other text as they are (the engine
then answers as before: 0 degrees of freedom #NUM!, an error passed on, text #VALUE!).

>>> whole(2.7), whole(-1.5), whole("3.6"), whole(None), whole("abc")
(2.0, -1.0, 3.0, None, 'abc')
>>> whole([[2.7, 1e300], [True, {"type": "Error", "kind": "#N/A"}]])
[[2.0, 1e+300], [1.0, {'type': 'Error', 'kind': '#N/A'}]]

The k of LARGE, SMALL, PERCENTILE, QUARTILE and PERCENTRANK's x and significance, and RANK's number, are read
as numbers likewise: a text that is no number is #VALUE! in Excel (and LibreOffice), where the engine said #NUM!
or #N/A (H223's finding 02); :mod:`.arguments` wraps them in :data:`READ_NUMBER` (``_XLR.READNUMBER``).

>>> numbered("abc"), numbered("2"), numbered(None), numbered([[1.0, "x"]])
({'type': 'Error', 'kind': '#VALUE!'}, 2.0, None, [[1.0, {'type': 'Error', 'kind': '#VALUE!'}]])
"""

from __future__ import annotations

import math
from typing import Any

from ._core import FUNCTIONS, ExcelError, Function, engine_call, is_error, number

__all__ = ["READ_AS_NUMBERS", "READ_NUMBER", "TRUNCATED", "WHOLE", "numbered", "whole"]

#: the registered function an argument Excel truncates is wrapped in
WHOLE = "_XLR.WHOLE"

#: function -> positions (from 0) of the arguments Excel truncates (degrees of freedom, CONFIDENCE's size)
TRUNCATED: dict[str, tuple[int, ...]] = {
    "T.DIST": (1,), "T.DIST.2T": (1,), "T.DIST.RT": (1,), "T.INV": (1,), "T.INV.2T": (1,),
    "CHISQ.DIST": (1,), "CHISQ.DIST.RT": (1,), "CHISQ.INV": (1,), "CHISQ.INV.RT": (1,),
    "F.DIST": (1, 2), "F.DIST.RT": (1, 2), "F.INV": (1, 2), "F.INV.RT": (1, 2),
    "CONFIDENCE.T": (2,), "CONFIDENCE.NORM": (2,), "CONFIDENCE": (2,),
}  # fmt: skip


#: the registered function a single number of LARGE, RANK, ... is wrapped in
READ_NUMBER = "_XLR.READNUMBER"

#: function -> positions (from 0) of the single numbers a text that is no number makes #VALUE! (see READ_NUMBER)
READ_AS_NUMBERS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC"), (1,)),
    **dict.fromkeys(("QUARTILE", "QUARTILE.INC", "QUARTILE.EXC"), (1,)),
    **dict.fromkeys(("PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC"), (1, 2)),
    **dict.fromkeys(("RANK", "RANK.EQ", "RANK.AVG"), (0,)),
}

_VALUE_ERROR = {"type": "Error", "kind": "#VALUE!"}


def _read(value: Any) -> Any:
    if value is None or is_error(value) or not isinstance(value, str):
        return value
    try:
        return number(value)
    except ExcelError:
        return dict(_VALUE_ERROR)


def numbered(value: Any) -> Any:
    """``value`` with a text read as a number, #VALUE! when it is none; an array element by element."""
    if isinstance(value, list):
        return [[_read(item) for item in row] if isinstance(row, list) else _read(row) for row in value]
    return _read(value)


def _one(value: Any) -> Any:
    if value is None or is_error(value):
        return value
    try:
        read = number(value)
    except ExcelError:  # text that is no number: the engine's own #VALUE!
        return value
    return float(math.trunc(read)) if math.isfinite(read) else read


def whole(value: Any) -> Any:
    """``value`` truncated toward zero as Excel truncates a degrees of freedom; an array element by element."""
    if isinstance(value, list):
        return [[_one(item) for item in row] if isinstance(row, list) else _one(row) for row in value]
    return _one(value)


FUNCTIONS[WHOLE] = Function(WHOLE, engine_call(whole), 1, 1)
FUNCTIONS[READ_NUMBER] = Function(READ_NUMBER, engine_call(numbered), 1, 1)
