"""Why a NUMBERVALUE is #VALUE!: its text and what in it is no part of a number, or its separators.

``=NUMBERVALUE("USD "&A1)`` is #VALUE! in Excel (Microsoft's NUMBERVALUE page: an argument not valid is #VALUE!;
LibreOffice agrees) as in the package's function (:mod:`.excel_functions.single_values`): "USD" is a letter code, no
currency sign another locale reads (:mod:`.numbervalue_signs` lists those), and the engine kept only the code, so the
cell was listed with an empty reason (H520's task 2). :func:`numbervalue_reasons` reads the call's text (typed in, one
cell's value, or what its expression gives) and separators as the function does and names the cause:
``NUMBERVALUE: the text 'USD 5' (what "USD "&A1 gives) holds 'USD', no part of a number to NUMBERVALUE ...``.

>>> print(_why("USD 5", ".", ","))
the text 'USD 5' holds 'USD', no part of a number to NUMBERVALUE (it reads digits, the decimal separator '.', the \
group separator ',' before it, spaces and trailing %)
>>> print(_why("1,5.2", ",", "."))
the text '1,5.2' holds the group separator '.' after the decimal separator ','
>>> print(_why("12", ",", ","))
the decimal separator ',' is the group separator too
>>> _why("1.200,50", ",", ".") is None
True
>>> for subject in ("1.2.3", "5-", "--5", "1-2", "5%3"):
...     print(_why(subject, ".", ","))
the text '1.2.3' holds the decimal separator '.' 2 times (Microsoft's NUMBERVALUE page: more than once is #VALUE!)
the text '5-' holds the sign '-' after a digit: NUMBERVALUE reads one sign, before the digits
the text '--5' holds 2 signs ('--'): NUMBERVALUE reads one sign, before the digits
the text '1-2' holds the sign '-' after a digit: NUMBERVALUE reads one sign, before the digits
the text '5%3' holds '%' before its end: NUMBERVALUE reads percent signs only at the end of it
>>> print(_why("-", ".", ","))
the text '-' holds no digit
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .call_reasons import argument_value, name_call, unexplained_calls
from .excel_functions._core import ExcelError, is_error, text
from .excel_functions.single_values import numbervalue

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["numbervalue_reasons"]

#: the #VALUE! cells looked at (each costs an evaluation or a few)
MAX_LOOKED_AT = 100
_NUMBERVALUE = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?NUMBERVALUE\(")


def numbervalue_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #VALUE! cell without a reason whose NUMBERVALUE reads its text as no number (or is given separators
    it cannot use) that reason; returns how many got one."""
    named = 0
    for call in unexplained_calls(formulas, result, _NUMBERVALUE, MAX_LOOKED_AT):
        if not 1 <= len(call.arguments) <= 3:
            continue
        reason = _call_reason(workbook, call.sheet, call.place, call.arguments)
        if reason is not None and name_call(workbook, result, call, f"NUMBERVALUE: {reason}"):
            named += 1
    return named


def _call_reason(workbook: fz.Workbook, sheet: str, place: tuple[int, int], arguments: list[str]) -> str | None:
    """Why NUMBERVALUE with the argument texts ``arguments`` is #VALUE!, or None (not read, or a number)."""
    defaults = ("", ".", ",")[: len(arguments)]  # an argument left empty: the function's default
    read = [
        argument_value(workbook, sheet, place, a) if a else ("", d) for a, d in zip(arguments, defaults, strict=True)
    ]
    try:
        values = [text(v) if not isinstance(v, list) and not is_error(v) else None for _, v in read]
    except ExcelError:
        return None
    if any(v is None for v in values):  # a range, an error: another step's (or the engine's) case
        return None
    subject = values[0]
    given = len(values) > 1  # its separators: without them the computer's ("1.2.3": 123 to a decimal-comma Excel)
    decimal = values[1] if given else "."
    group = values[2] if len(values) > 2 else ","
    try:
        numbervalue(subject, decimal, group) if given else numbervalue(subject)
    except ExcelError as error:
        if error.code != "#VALUE!":
            return None
    else:
        return None
    if not given and _decimal_comma_number(subject):
        return None  # "1.2.3", "1.200.000": read by the computer's separators, listed (.numbervalue_signs)
    why = _why(subject, decimal[:1], group[:1])
    if not given and why is not None and any(f"{part} the decimal separator" in why for part in ("holds", "after")):
        return None  # the decimal separator is the computer's: '.' twice is no certain #VALUE!
    if why is None or not why.startswith("the text"):
        return why
    return why.replace(f"the text {subject!r}", f"the text {subject!r}{read[0][0]}", 1)


def _decimal_comma_number(subject: str) -> bool:
    """Whether NUMBERVALUE with ``,`` its decimal and ``.`` its group separator reads ``subject`` as a number."""
    try:
        numbervalue(subject, ",", ".")
    except ExcelError:
        return False
    return True


def _why(subject: str, point: str, comma: str) -> str | None:
    """What makes NUMBERVALUE read ``subject`` with the decimal separator ``point`` and the group separator ``comma``
    as no number, or None where it reads one."""
    if not point:
        return "the decimal separator is empty"
    if point == comma:
        return f"the decimal separator {point!r} is the group separator too"
    body = "".join(subject.split()).rstrip("%")
    _whole, found, fraction = body.partition(point)
    if found and comma and comma in fraction:
        return f"the text {subject!r} holds the group separator {comma!r} after the decimal separator {point!r}"
    known = re.escape("0123456789+-%" + point + comma)
    odd = [run for run in re.findall(rf"[^\s{known}]+", subject) if run not in ("e", "E")]
    if odd:
        shown = ", ".join(repr(run) for run in odd[:3])
        group = f"the group separator {comma!r} before it, " if comma else ""
        return (
            f"the text {subject!r} holds {shown}, no part of a number to NUMBERVALUE (it reads digits, the decimal "
            f"separator {point!r}, {group}spaces and trailing %)"
        )
    return _misplaced(subject, body, point)


def _misplaced(subject: str, body: str, point: str) -> str | None:
    """What in ``subject`` (``body``: without its spaces and trailing %), made of a number's characters only, is where
    NUMBERVALUE reads none: its decimal separator more than once, a sign not leading (or two), a % before its end."""
    if body.count(point) > 1:
        times = body.count(point)
        return (
            f"the text {subject!r} holds the decimal separator {point!r} {times} times (Microsoft's NUMBERVALUE page: "
            "more than once is #VALUE!)"
        )
    if "%" in body:
        return f"the text {subject!r} holds '%' before its end: NUMBERVALUE reads percent signs only at the end of it"
    mantissa = re.split(r"(?<=\d)[eE]", body, maxsplit=1)[0]  # 1e-3: the exponent's sign is its own
    signs = re.findall(r"[-+]+", mantissa)
    if len(signs) > 1 or signs and len(signs[0]) > 1:
        return (
            f"the text {subject!r} holds {sum(map(len, signs))} signs ({', '.join(map(repr, signs))}): NUMBERVALUE "
            "reads one sign, before the digits"
        )
    if signs and not mantissa.startswith(signs[0]):
        shown = f"the text {subject!r} holds the sign {signs[0]!r}"
        return f"{shown} after a digit: NUMBERVALUE reads one sign, before the digits"
    if not re.search(r"\d", mantissa):
        return f"the text {subject!r} holds no digit"
    return None
