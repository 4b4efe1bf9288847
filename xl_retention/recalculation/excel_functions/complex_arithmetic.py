"""IMSUM, IMSUB, IMPRODUCT, IMDIV, IMCONJUGATE and IMPOWER computed here, as Excel does: the engine left out a part
below 1E-10 (``IMSUM("1E-12+i","1")`` "1+i", Excel "1.000000000001+i"; ``IMDIV("1","3E11")`` "0", Excel
"3.33333333333333E-12"), where Excel keeps each part to 15 significant digits however small; and it multiplied
IMPOWER's number out ("-46+9i") where Excel takes the polar form ``r^n (cos nθ + i sin nθ)`` of Microsoft's page
(its example ``IMPOWER("2+3i",3)`` is "-46+9.00000000000001i"), with sines and cosines
of :mod:`.x87_trigonometry` (a residue of pi, ``IMPOWER("i",2)``'s imaginary part, is listed: its digits depend on the
pi Excel reduces by). A part that is only the rounding
of the others (below 1E-12 of the size) where the angle is not on an axis (``IMPOWER("1+i",4)``: its digits follow the
last bit of the angle, which may differ from Excel's) is listed.

A complex number is read from text as Microsoft writes it (``x``, ``x+yi``, ``yi``, ``i``, ``-i``, suffix ``i`` or
``j``; a number is its real part); any other text is #NUM!, a logical #VALUE!, suffixes ``i`` and ``j`` together
#VALUE!; the result is written by :func:`.complex_texts.complex_number` with the suffix read. Products and quotients
use Microsoft's formulas (``(ac-bd)+(ad+bc)i``, ``((ac+bd)+(bc-ad)i)/(c²+d²)``); a quotient by 0 is #NUM!. An empty
text or a blank cell (what Excel reads there is not documented) is listed as not computed.

>>> imsum("1E-12+i", "1"), imsub("1.000000000001", "1"), imdiv("1", "3E11"), improduct("1E-6+i", "1E-6")
('1.000000000001+i', '1.00008890058234E-12', '3.33333333333333E-12', '1E-12+0.000001i')
>>> improduct("3+4i", "5-3i"), imdiv("-238+240i", "10+24i"), imconjugate("3+4j"), imsum([["1", "2j"]], "j", "-2j")
('27+11i', '5+12i', '3-4j', '1+j')
>>> impower("2+3i", 3), impower("4", 0.5), impower("0", 2), impower("3+4i", -1), impower("2", 3)
('-46+9.00000000000001i', '2', '0', '0.12-0.16i', '8')
"""

from __future__ import annotations

import math
import re
from typing import Any

from ._core import ExcelError, check, excel_function, number
from .complex_texts import complex_number
from .x87_trigonometry import x87_sin_cos

__all__ = ["imconjugate", "imdiv", "impower", "improduct", "imsub", "imsum"]

_NUMBER = r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_FORM = re.compile(rf"([+-]?{_NUMBER})?(?:([+-])({_NUMBER})?([ij]))?|([+-]?)({_NUMBER})?([ij])")


def _read(value: Any) -> tuple[float, float, str]:
    """(real, imaginary, suffix or "") of one complex argument."""
    check(value)
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    if isinstance(value, (int, float)):
        return float(value), 0.0, ""
    if value is None or value == "":
        raise ExcelError("NImpl")
    found = _FORM.fullmatch(str(value))
    if found is None:
        raise ExcelError("#NUM!")
    real, sign, imaginary, suffix, alone_sign, alone, alone_suffix = found.groups()
    if alone_suffix:
        size = float(alone) if alone else 1.0
        return 0.0, -size if alone_sign == "-" else size, alone_suffix
    size = (float(imaginary) if imaginary else 1.0) if suffix else 0.0
    return float(real) if real else 0.0, -size if sign == "-" else size, suffix or ""  # "-2i": no real part


def _all(values: tuple[Any, ...]) -> list[tuple[float, float, str]]:
    read = []
    for value in values:
        for item in value if isinstance(value, list) else [[value]]:
            read.extend(_read(cell) for cell in (item if isinstance(item, list) else [item]))
    return read


def _written(real: float, imaginary: float, parts: list[tuple[float, float, str]]) -> str:
    suffixes = {suffix for _, _, suffix in parts if suffix}
    if len(suffixes) > 1:
        raise ExcelError("#VALUE!")
    return complex_number(real, imaginary, suffixes.pop() if suffixes else "i")


@excel_function("IMSUM", 1, None)
def imsum(*values: Any) -> str:
    parts = _all(values)
    return _written(sum(p[0] for p in parts), sum(p[1] for p in parts), parts)


@excel_function("IMSUB", 2, 2)
def imsub(first: Any, second: Any) -> str:
    parts = _all((first, second))
    if len(parts) != 2:
        raise ExcelError("NImpl")
    (a, b, _), (c, d, _) = parts
    return _written(a - c, b - d, parts)


@excel_function("IMPRODUCT", 1, None)
def improduct(*values: Any) -> str:
    parts = _all(values)
    real, imaginary = parts[0][0], parts[0][1]
    for c, d, _ in parts[1:]:
        real, imaginary = real * c - imaginary * d, real * d + imaginary * c
    return _written(real, imaginary, parts)


@excel_function("IMDIV", 2, 2)
def imdiv(first: Any, second: Any) -> str:
    parts = _all((first, second))
    if len(parts) != 2:
        raise ExcelError("NImpl")
    (a, b, _), (c, d, _) = parts
    size = c * c + d * d
    if size == 0:
        raise ExcelError("#NUM!")
    return _written((a * c + b * d) / size, (b * c - a * d) / size, parts)


@excel_function("IMCONJUGATE", 1, 1)
def imconjugate(value: Any) -> str:
    parts = _all((value,))
    if len(parts) != 1:
        raise ExcelError("NImpl")
    return _written(parts[0][0], -parts[0][1], parts)


@excel_function("IMPOWER", 2, 2)
def impower(value: Any, power: Any) -> str:
    parts = _all((value,))
    if len(parts) != 1 or isinstance(power, list):
        raise ExcelError("NImpl")
    check(power)
    if isinstance(power, bool):
        raise ExcelError("#VALUE!")
    n = number(power)
    x, y, _ = parts[0]
    size = math.sqrt(x * x + y * y)
    if size == 0:
        if n > 0:
            return _written(0.0, 0.0, parts)
        raise ExcelError("#NUM!" if n < 0 else "NImpl")  # 0 to the power 0: Excel's answer is not documented
    angle, scaled = math.atan2(y, x), size**n
    sine, cosine = x87_sin_cos(n * angle)
    real, imaginary = scaled * cosine, scaled * sine
    if (x and y) and any(part != 0 and abs(part) < 1e-12 * scaled for part in (real, imaginary)):
        raise ExcelError("NImpl")  # a rounding's remainder of an angle from atan2's last bit: Excel's may differ
    return _written(real, imaginary, parts)
