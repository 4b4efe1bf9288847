"""The complex numbers of Excel's engineering functions as Excel writes them: each part at 15 significant digits.

COMPLEX, IMSUM, IMDIV and the other IM functions giving a complex number give text, each part written the way Excel
turns a number into text (``IMSUM("1.1","2.2")`` is "3.3", ``IMDIV("1","3")`` "0.333333333333333"). The engine
computes the same doubles and wrote Python's shortest form, up to 17 digits ("3.3000000000000003"), so that
``=IMSUM("1.1","2.2")="3.3"`` was FALSE and LEN one more. Each such call is given the engine inside
``_XLR.IMTEXT(..)`` (:func:`complex_texts`), which writes the parts again with :func:`._core.number_text`.

COMPLEX itself is computed here: the engine left out a part below 1E-10 (``COMPLEX(1E-20,-1)`` "-i", Excel
"1E-20-i"; ``COMPLEX(1E-11,0)`` "0") and took an upper-case suffix, which Microsoft's page says is #VALUE!.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, ExcelError, Function, check, engine_call, excel_function, number, number_text

__all__ = ["COMPLEX_CALL", "complex_texts"]

IM_TEXT = "_XLR.IMTEXT"
_GIVING_TEXT = frozenset(
    "COMPLEX IMSUM IMSUB IMPRODUCT IMDIV IMPOWER IMSQRT IMEXP IMLN IMLOG10 IMLOG2 IMSIN IMCOS IMTAN IMSINH IMCOSH "
    "IMSEC IMSECH IMCSC IMCSCH IMCOT IMCONJUGATE".split()
)
#: a call of one of them, on the upper-cased text
COMPLEX_CALL = re.compile(r"(?<![\w.])(?:_XLFN\.)?(?:COMPLEX|IM[A-Z0-9]+)\(")
_NUMBER = r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_COMPLEX = re.compile(rf"([+-]?{_NUMBER})?(?:([+-])({_NUMBER})?([ij]))?|([+-]?)({_NUMBER})?([ij])")


def im_text(value: Any) -> Any:
    """``value`` (an IM function's result) with each part of a complex number written at 15 significant digits.

    >>> im_text("3.3000000000000003"), im_text("0.3333333333333333+2i"), im_text("1-0.30000000000000004j")
    ('3.3', '0.333333333333333+2i', '1-0.3j')
    >>> im_text("-0.1111111111111111i"), im_text("i"), im_text("300000000000000000000+60000000000i"), im_text(5.0)
    ('-0.111111111111111i', 'i', '3E+20+60000000000i', 5.0)
    """
    if not isinstance(value, str) or not value:
        return value
    found = _COMPLEX.fullmatch(value)
    if found is None:
        return value
    real, sign, imaginary, suffix, alone_sign, alone, alone_suffix = found.groups()
    if alone_suffix:  # "3i", "-i": no real part
        return alone_sign + (number_text(float(alone)) if alone else "") + alone_suffix
    text = number_text(float(real)) if real is not None else ""
    if suffix:
        text += sign + (number_text(float(imaginary)) if imaginary else "") + suffix
    return text


FUNCTIONS[IM_TEXT] = Function(IM_TEXT, engine_call(im_text), 1, 1)


def complex_texts(formula: str) -> str:
    """``formula`` (with ``=``) with each call giving a complex number's text wrapped in ``_XLR.IMTEXT(..)``.

    >>> complex_texts('=LEN(IMSUM("1.1",A1))+IMREAL(A2)'), complex_texts("=A1")
    ('=LEN(_XLR.IMTEXT(IMSUM("1.1",A1)))+IMREAL(A2)', '=A1')
    """
    if COMPLEX_CALL.search(formula.upper()) is None:
        return formula
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: the engine's own)
        return formula
    opened: list[bool] = []  # per open call or bracket: whether it is wrapped
    changed = False
    for token in tokens:
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN):
            name = token.value[:-1].upper().removeprefix("_XLFN.") if token.type == Token.FUNC else ""
            wrap = name in _GIVING_TEXT
            if wrap:
                token.value, changed = f"{IM_TEXT}(" + token.value, True
            opened.append(wrap)
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN) and opened:
            if opened.pop():
                token.value += ")"
    return "=" + "".join(t.value for t in tokens) if changed else formula


@excel_function("COMPLEX", 2, 3)
def complex_number(real: Any, imaginary: Any, suffix: Any = None) -> str:
    """COMPLEX(real_num, i_num, [suffix]): the complex number's text, each part at 15 significant digits however
    small (no part left out but a 0), an imaginary part of 1 or -1 written ``i`` or ``-i``. The suffix is "i" (omitted
    or empty) or "j"; any other, upper case too, is #VALUE! (Microsoft's COMPLEX page), as a logical is (the engine's
    reading too); an array is left to be listed (#NIMPL!).

    >>> complex_number(1e-20, -1), complex_number(3, 4, "j"), complex_number(0, 0), complex_number(-2.5, 0)
    ('1E-20-i', '3+4j', '0', '-2.5')
    >>> complex_number(0, -0.5), complex_number("1", 1), complex_number(1e-11, 0), complex_number(0, 1)
    ('-0.5i', '1+i', '1E-11', 'i')
    """
    for value in (real, imaginary, suffix):
        check(value)
        if isinstance(value, list):
            raise ExcelError("NImpl")
        if isinstance(value, bool):
            raise ExcelError("#VALUE!")
    if suffix not in (None, "", "i", "j"):
        raise ExcelError("#VALUE!")
    x, y, unit = number(real), number(imaginary), suffix or "i"
    if y == 0:
        return number_text(x)
    part = unit if abs(y) == 1 else number_text(abs(y)) + unit
    sign = "-" if y < 0 else ("+" if x != 0 else "")
    return (number_text(x) if x != 0 else "") + sign + part
