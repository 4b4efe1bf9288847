"""R1C1-style references as text, as ``INDIRECT(text, FALSE)`` reads them: the A1 reference they name.

formualizer 0.13 reads no R1C1 text (``INDIRECT("R2C1",FALSE)`` is #REF!). A text typed in is rewritten to the
reference it names (:mod:`..rewrite`); a text computed when the formula runs (``"R1C"&n&":R6C"&n``, the usual
reason to use R1C1 in a cohort triangle) goes through ``_XLR.R1C1(text, row, column)``, which gives the A1 text of
the reference for the formula's own cell (``R[1]C[-4]`` is relative to it), for INDIRECT to read.

>>> a1_of_r1c1("R1C3", 5, 5), a1_of_r1c1("R[1]C[-1]", 5, 5), a1_of_r1c1("'My Data'!R1C1:R3C2", 1, 1)
('$C$1', 'D6', "'My Data'!$A$1:$B$3")
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils.cell import get_column_letter

from ...sheet_names import NAME
from ._core import FUNCTIONS, ExcelError, Function, engine_call

#: formualizer's "not implemented" error kind: the cell is listed as one the engine cannot compute
NOT_IMPLEMENTED = "NImpl"
#: a formula whose INDIRECT is given an array of texts (.indirect.checked_indirect): listed as not computable
MANY_REFERENCES = "_XLR.MANYREFS"

__all__ = ["R1C1", "a1_of_r1c1"]

R1C1 = "_XLR.R1C1"
_PART = re.compile(r"(?i)^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$")
_LAST_ROW, _LAST_COLUMN = 1048576, 16384


def a1_of_r1c1(text: str, row: int, col: int) -> str | None:
    """``R1C3`` -> ``$C$1``, ``R[1]C[-1]`` -> the cell one row down and one column left of (row, col), a sheet name
    and a range of two kept; None when ``text`` is no R1C1 reference or names a cell outside the sheet."""
    sheet, bang, rest = text.strip().rpartition("!")
    cells = []
    for part in rest.split(":"):
        match = _PART.match(part.strip())
        if match is None:
            return None
        numbers = []
        for group, here in ((match.group(1), row), (match.group(2), col)):
            if group is None:
                numbers.append((here, ""))
            elif group.startswith("["):
                numbers.append((here + int(group[1:-1]), ""))
            else:
                numbers.append((int(group), "$"))
        (r, r_abs), (c, c_abs) = numbers
        if not (1 <= r <= _LAST_ROW and 1 <= c <= _LAST_COLUMN):
            return None
        cells.append(f"{c_abs}{get_column_letter(c)}{r_abs}{r}")
    return (sheet + bang if bang else "") + ":".join(cells)


def _a1_text(text: Any, row: Any, col: Any) -> str:
    """``_XLR.R1C1(text, row, column)``: the A1 text of an R1C1 text for the cell (row, column); the text "#REF!"
    when the text names no reference, which INDIRECT reads as Excel's #REF! (the error #REF! itself it made
    #VALUE!: ``INDIRECT("R0C1",FALSE)``)."""
    if isinstance(text, list):
        text = text[0][0] if text and isinstance(text[0], list) else (text[0] if text else "")
    if not isinstance(text, str) or isinstance(row, bool) or not isinstance(row, int | float):
        return "#REF!"
    found = a1_of_r1c1(text, int(row), int(col))
    return "#REF!" if found is None else found


FUNCTIONS[R1C1] = Function(R1C1, engine_call(_a1_text), 3, 3)


# --- a sheet's own name in INDIRECT's text: INDIRECT(A1&"!Total") ---------------------------------------------------
#: the registered function reading INDIRECT's text ``Sheet!Name`` as the reference of sheet Sheet's own name Name
NAMED = "_XLR.NAMED"


def named(text: Any, *pairs: Any) -> Any:
    """INDIRECT's ``text`` as the reference it names when it is a sheet's own name qualified by the sheet
    (``"Jan!Total"``, ``"'Feb 2026'!Total"``, any case); ``pairs``: (qualified name in lower case, its reference)
    of the workbook's sheet-level names, as the rewrite writes them into the formula. Any other text (or value) as
    it is.

    >>> named("'Feb 2026'!TOTAL", "jan!total", "Jan!$B$1", "'feb 2026'!total", "'Feb 2026'!$B$1")
    "'Feb 2026'!$B$1"
    >>> named("B2", "jan!total", "Jan!$B$1"), named(5.0, "jan!total", "Jan!$B$1")
    ('B2', 5.0)
    """
    if not isinstance(text, str) or "!" not in text:
        return text
    key = text.strip().lower()
    for k in range(0, len(pairs) - 1, 2):
        if pairs[k] == key:
            return pairs[k + 1]
    return text


FUNCTIONS[NAMED] = Function(NAMED, engine_call(named), 1, 255)


# --- INDIRECT's text that names no reference: #REF! ----------------------------------------------------------------
#: the registered function checking INDIRECT's A1-style text (see :func:`reference_text`)
REFERENCE_TEXT = "_XLR.REFTEXT"
_SHEET = r"(?:(?:'(?:[^']|'')+'|[^'!:\s\[\]]+)!)?"
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_A1_TEXT = re.compile(_SHEET + r"(?P<body>[^!]+)")
_NAME_TEXT = re.compile(NAME)


def _cell_ok(text: str) -> tuple[int, int] | None:
    match = _CELL.fullmatch(text)
    if match is None:
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    row = int(match.group(2))
    return (row, column) if 1 <= row <= _LAST_ROW and 1 <= column <= _LAST_COLUMN else None


def reference_text(text: Any) -> Any:
    """INDIRECT's A1-style text as Excel reads it: a cell, a range (its corners in any order, given top-left first),
    whole columns or rows, or a name, with an optional sheet, as it is; anything else (``"A0"``, ``"1:A"``, an empty
    cell, a number) the text "#REF!", which INDIRECT reads as #REF! ("If ref_text is not a valid cell reference,
    INDIRECT returns the #REF! error value"),
    where the engine gave #NAME?, #VALUE! or a value. A table's or a linked workbook's reference passes unchecked.

    >>> reference_text("S!B2"), reference_text("A3:A1"), reference_text("'My Data'!C:A"), reference_text("Total")
    ('S!B2', 'A1:A3', "'My Data'!C:A", 'Total')
    >>> [reference_text(t) for t in ("A0", "1:A", "", None, 5.0)] == ["#REF!"] * 5
    True
    >>> [reference_text(t) for t in ("A1 ", "S!A3:A1  ", " A1", "A1" + chr(9), "Total ")]  # spaces after: read
    ['A1', 'S!A1:A3', '#REF!', '#REF!', '#REF!']

    """
    if isinstance(text, dict):
        return text  # an error passed on
    refused = "#REF!"  # INDIRECT's own #REF! (the engine's INDIRECT makes an error argument #VALUE!)
    if not isinstance(text, str) or not text:
        return refused
    if "[" in text:
        return text
    trimmed = text.rstrip(" ")
    if trimmed != text and trimmed:  # "A1 ", "A1:B2  ": Excel reads the reference (a name's spaces: not told, #REF!)
        read = reference_text(trimmed)
        body = trimmed.rpartition("!")[2]
        return read if read != refused and (":" in body or _cell_ok(body) is not None) else refused
    match = _A1_TEXT.fullmatch(text)
    if match is None:
        return refused
    body = match.group("body")
    head = text[: match.start("body")]
    parts = body.split(":")
    if len(parts) == 1:
        named = _NAME_TEXT.fullmatch(body) is not None and _CELL.fullmatch(body) is None
        return text if _cell_ok(body) is not None or named else refused
    if len(parts) != 2:
        return refused
    corners = [_cell_ok(p) for p in parts]
    if corners[0] is not None and corners[1] is not None:
        (r1, c1), (r2, c2) = corners
        if r1 <= r2 and c1 <= c2:
            return text
        top, left, bottom, right = min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)
        return f"{head}{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
    columns = [re.fullmatch(r"\$?([A-Za-z]{1,3})", p) for p in parts]
    if all(columns) and all(_cell_ok(f"{m.group(1)}1") for m in columns if m is not None):
        return text
    rows = [re.fullmatch(r"\$?(\d+)", p) for p in parts]
    if all(rows) and all(1 <= int(m.group(1)) <= _LAST_ROW for m in rows if m is not None):
        return text
    return refused


FUNCTIONS[REFERENCE_TEXT] = Function(REFERENCE_TEXT, engine_call(reference_text), 1, 1)


def many_references() -> Any:
    """The engine's "not implemented" error, which lists the cell (Excel's stored value kept): the rewrite
    (:func:`..indirect.checked_indirect`) puts ``=_XLR.MANYREFS()`` in place of a formula whose INDIRECT is given an
    array of texts (``SUMPRODUCT(N(INDIRECT("'"&C1:C3&"'!B2")))``: one reference per element in Excel, the
    multi-sheet SUMIF's form), which the engine's INDIRECT makes one #REF! or #VALUE!.

    >>> engine_call(many_references)()
    {'type': 'Error', 'kind': 'NImpl'}
    """
    raise ExcelError(NOT_IMPLEMENTED)


FUNCTIONS[MANY_REFERENCES] = Function(MANY_REFERENCES, engine_call(many_references), 0, 0)
