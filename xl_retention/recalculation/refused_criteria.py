"""The reasons of a criteria call the rewrite refused for formatted-number text, naming the user's own criterion
and range (H239's finding 6: the reason quoted a canned ``"10%"`` whatever the formula held).

:mod:`.excel_functions.criteria_runtime` and :mod:`.excel_functions.criteria_formatted` put the criterion's and the
range's formula text into the refusing call (``_XLR.FORMATTEDREFUSED(">12%","G1:G3")``) for these reasons.
"""

from __future__ import annotations

import re

from .excel_functions.collation import formatted_number
from .excel_functions.text import text_to_number

_LITERAL = r'"((?:[^"]|"")*)"'
_CALL = re.compile(r"_XLR\.(FORMATTEDREFUSED|NUMBERTEXTREFUSED)\(\s*" + _LITERAL + r"\s*,\s*" + _LITERAL)
_OPERATORS = ("<=", ">=", "<>", "<", ">", "=")


def _read(literal: str) -> str:
    return literal.replace('""', '"')


def _number_of(criterion: str) -> str:
    """The number Excel reads a formatted criterion as (``">12%"`` -> ``0.12``), or '' where it is not one."""
    operator = next((op for op in _OPERATORS if criterion.startswith(op)), "")
    number = text_to_number(criterion[len(operator) :])
    return "" if isinstance(number, str) else f"{number:.15g}"


def number_text_kinds(texts: list[str]) -> str:
    """How the texts of a range that read as numbers are written, for the reason: dates (letters, ``/``, ``-``
    inside), numbers written with %, $ or thousands separators, or both.

    >>> number_text_kinds(["Jan 5, 2024", "x"]), number_text_kinds(["12%"])
    ('a date written as text', 'a number written with %, $ or thousands separators')
    >>> number_text_kinds(["1/5/2024", "$5"])
    'a date written as text, or a number written with %, $ or thousands separators'
    """
    dates = formatted = False
    for text in texts:
        if isinstance(text_to_number(text), str):
            continue
        if _DATE_TEXT.search(text.strip()):
            dates = True
        else:
            formatted = True
    if dates and not formatted:
        return _KINDS[0]
    if formatted and not dates:
        return _KINDS[1]
    return f"{_KINDS[0]}, or {_KINDS[1]}"


_KINDS = ("a date written as text", "a number written with %, $ or thousands separators")
_DATE_TEXT = re.compile(r"[A-Za-z]|\d[/-]\d")


def refused_criterion_reason(rewritten: str, call: str = "", kinds: str = "") -> str | None:
    """The reason for the first criteria call of ``rewritten`` refused over formatted-number text (of ``call``'s
    name, ``"_XLR.FORMATTEDREFUSED("``, where given), naming its criterion and range (``kinds``: how its range's texts
    of numbers are written, :func:`number_text_kinds`); None where it holds none (or one without their texts).

    >>> refused_criterion_reason('IF(OR(_XLR.FORMATTEDTEXTS(G1:G3)),_XLR.FORMATTEDREFUSED(">12%","G1:G3"),1)')[:96]
    'a criterion here, ">12%", is a number written with %, $ or thousands separators (12%: 0.12) and '
    >>> refused_criterion_reason('IF(x,_XLR.NUMBERTEXTREFUSED("C2","G1:G3"),1)')[:60]
    'a criterion here, C2, is a number when the formula runs and '
    >>> refused_criterion_reason("IF(x,_XLR.NUMBERTEXTREFUSED(),1)") is None
    True
    >>> refused_criterion_reason('IF(x,_XLR.FORMATTEDREFUSED("D1","G1:G3"),1)')[:88]
    'a criterion here, D1, is when the formula runs an operator before a number written with '
    """
    found = next((f for f in _CALL.finditer(rewritten) if f"_XLR.{f.group(1)}(" == call or not call), None)
    if found is None:
        return None
    kind, criterion, area = found.group(1), _read(found.group(2)), _read(found.group(3))
    undocumented = "whether Excel matches that text is not documented, so the embedded engine does not compute it"
    if kind == "FORMATTEDREFUSED" and not formatted_number(criterion):  # D1 holding ">=50%", ">="&E1: when it runs
        return (
            f"a criterion here, {criterion}, is when the formula runs an operator before a number written with %, $ "
            f"or thousands separators and its range {area} holds such text; {undocumented}"
        )
    if kind == "FORMATTEDREFUSED":
        number = _number_of(criterion)
        operator = next((op for op in _OPERATORS if criterion.startswith(op)), "")
        read = f" ({criterion[len(operator) :]}: {number})" if number else ""
        return (
            f'a criterion here, "{criterion}", is a number written with %, $ or thousands separators{read} and its '
            f"range {area} holds such text; {undocumented}"
        )
    typed = not isinstance(text_to_number(criterion), str)
    kind_of = "is a number" if typed else "is a number when the formula runs"
    return (
        f"a criterion here, {criterion}, {kind_of} and its range {area} holds the same number as text "
        f"({kinds or f'{_KINDS[0]}, or {_KINDS[1]}'}); {undocumented}"
    )
