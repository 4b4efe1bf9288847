"""INDIRECT of a reference typed in as text, read as that reference before the engine computes the formula.

``INDIRECT("H47:I48")`` is ``H47:I48`` (the engine then knows the formula depends on those cells), a structured
reference typed in (``INDIRECT("Sales[Total]")``) the range it names, an R1C1 text with ``FALSE`` (``INDIRECT("R1C3",
FALSE)``) its A1 reference for the cell, and a sheet the workbook lacks #REF!. A text computed when the formula runs
is read when it runs: an R1C1 one through ``_XLR.R1C1``, a structured one through ``_XLR.TABLEREF`` (registered by
:mod:`.embedded` for a workbook with tables). Split from :mod:`.rewrite`, which calls :func:`_literal_indirect`.
"""

from __future__ import annotations

import re

from openpyxl.formula.tokenizer import Token

from ..sheet_names import NAME
from .excel_functions.arguments import _arguments as argument_spans
from .excel_functions.r1c1 import R1C1, a1_of_r1c1, reference_text
from .formula_tokens import _A1_RANGE, _bare_name
from .indirect import names_no_reference
from .package import Table
from .structured_references import _structured

__all__ = ["TABLE_REFERENCE"]

#: a table's structured reference typed in: ``Sales[Amount]``, ``Sales[[#Headers],[Amount]]`` (a sheet's name never
#: holds a bracket; ``[Book]Sheet!A1`` starts with one)
_TABLE_TEXT = re.compile(r"\s*(" + NAME + r")\s*\[.*\]\s*", re.S)


def _computed_r1c1(tokens: list[Token], i: int, row: int, col: int) -> bool:
    """``INDIRECT("R1C"&n, FALSE)`` (tokens[i] opens the INDIRECT) -> ``INDIRECT(_XLR.R1C1("R1C"&n,row,col))``: an R1C1
    text computed when the formula runs, read as the A1 reference it names for this cell (the engine reads no R1C1
    text), an error text passed on (``IF(ISERROR(t),T(t),INDIRECT(..))``). Changes ``tokens`` in place; True when it
    did."""
    try:
        spans = argument_spans(tokens, i)[0]
    except ValueError:
        return False
    if len(spans) != 2:
        return False
    flag = [t for t in tokens[spans[1][0] : spans[1][1]] if t.type != Token.WSPACE]
    if len(flag) != 1 or flag[0].type != Token.OPERAND or flag[0].value.upper() not in ("FALSE", "0"):
        return False
    (a, b), (c, d) = spans
    if a >= b:
        return False
    text = "".join(t.value for t in tokens[a:b]).strip()
    tokens[a].value = f"{R1C1}(" + tokens[a].value
    tokens[b - 1].value += f",{row},{col})"
    for k in range(b, d):  # the separator and the FALSE
        tokens[k].value = ""
    close = argument_spans(tokens, i)[1]  # an error text passed on, as Excel (.indirect.checked_indirect)
    tokens[i].value = f"IF(ISERROR({text}),T({text}),{tokens[i].value}"
    tokens[close].value += ")"
    return True


#: the function a workbook with tables registers (.embedded): a structured reference's text as the A1 text of the
#: range it names (``"T[B]"`` -> ``"Data!$B$2:$B$3"``), any other text as it is
TABLE_REFERENCE = "_XLR.TABLEREF"


def _computed_structured(tokens: list[Token], i: int, sheet: str, row: int, col: int) -> bool:
    """``INDIRECT($B$1&"[Amount]")`` (tokens[i] opens the INDIRECT, one argument) in a workbook with tables ->
    ``INDIRECT(_XLR.TABLEREF($B$1&"[Amount]","Sheet",row,col))``: a structured reference built when the formula
    runs is read as the range it names (the engine's INDIRECT reads no structured reference). True when changed."""
    try:
        spans = argument_spans(tokens, i)[0]
    except ValueError:
        return False
    if len(spans) != 1 or spans[0][0] >= spans[0][1]:
        return False
    a, b = spans[0]
    quoted = '"' + sheet.replace('"', '""') + '"'
    tokens[a].value = f"{TABLE_REFERENCE}(" + tokens[a].value
    tokens[b - 1].value += f",{quoted},{row},{col})"
    return True


def _literal_indirect(
    tokens: list[Token],
    tables: dict[str, Table] | None = None,
    sheet: str = "",
    row: int = 1,
    col: int = 1,
    sheets: frozenset[str] | None = None,
    workbook_names: frozenset[str] | None = None,
) -> bool:
    """``INDIRECT("H47:I48")`` -> ``H47:I48``: a reference typed in as text is that reference, and the engine
    then knows the formula depends on it (it computed INDIRECT before an array formula filled those cells).
    So are a table's structured reference (``INDIRECT("Sales[Total]")``) and, with ``FALSE`` as second argument,
    an R1C1 reference (``INDIRECT("R1C3",FALSE)`` is ``$C$1``). An end of a range stays one:
    ``INDIRECT("B2"):INDIRECT("B4")`` is ``B2:B4`` (it was ``B2B4``, #NAME?). A sheet the workbook does not have
    (``sheets``: its sheets' names, lower case) is #REF!, as in Excel (``ROWS(INDIRECT("Nope!A1:A3"))`` was 3). So is
    a text typed in that names no reference (:func:`_no_reference`): ``SUM(INDIRECT("Sheet1:Sheet3!A1"))``, a 3-D
    reference, was the engine's #NAME?, listed as "cannot resolve a name this formula uses"."""
    changed = False
    for i, token in enumerate(tokens[:-2]):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        head, colon, name = token.value[:-1].rpartition(":")  # ":INDIRECT(", "B1:INDIRECT(": the end of a range
        if _bare_name(name) != "INDIRECT":
            continue
        text, close = tokens[i + 1], tokens[i + 2]
        if text.type != Token.OPERAND or text.subtype != Token.TEXT or close.type not in (Token.SEP, Token.FUNC):
            if _computed_r1c1(tokens, i, row, col):  # a text computed when the formula runs
                changed = True
            elif tables and not colon and _computed_structured(tokens, i, sheet, row, col):
                changed = True
            continue
        r1c1 = False
        if close.type == Token.SEP and close.subtype == Token.ARG and i + 4 < len(tokens):
            flag, last = tokens[i + 3], tokens[i + 4]
            if flag.type != Token.OPERAND or flag.value.upper() not in ("FALSE", "0"):
                continue
            r1c1 = True
            flag.value, flag.type, close.value, close.type, close.subtype = "", "SKIPPED", "", "SKIPPED", ""
            close = last
        if close.type != Token.FUNC or close.subtype != Token.CLOSE:
            continue
        typed = text.value[1:-1].replace('""', '"')
        reference = typed.rstrip(" ")  # "A1 ": A1, as Excel reads it; " A1", "A1"&CHAR(9): #REF! (_no_reference)
        if not colon and typed[:1].isspace():  # INDIRECT(" A1"), INDIRECT(" R1C1",FALSE): #REF! in Excel
            token.value, text.value, close.value = "", "#REF!", ""
            token.type = close.type = "SKIPPED"
            text.subtype = Token.ERROR
            changed = True
            continue
        if not r1c1 and not colon and _no_reference(reference, workbook_names, tables):
            token.value, text.value, close.value = "", "#REF!", ""  # Excel's INDIRECT gives #REF!
            token.type = close.type = "SKIPPED"
            text.subtype = Token.ERROR
            changed = True
            continue
        if r1c1:
            reference = a1_of_r1c1(reference, row, col) or ""
        elif _A1_RANGE.fullmatch(reference) is None and _TABLE_TEXT.fullmatch(reference) is not None and sheets:
            table = _TABLE_TEXT.fullmatch(reference)
            known = (tables or {}).get(table.group(1).lower()) if table is not None else None
            reference = _structured(reference, tables, sheet, row, col) or "" if known is not None else "#REF!"
            if reference == "#REF!" and not colon:  # no such table, or column: Excel's INDIRECT gives #REF!
                token.value, text.value, close.value = "", "#REF!", ""
                token.type = close.type = "SKIPPED"
                text.subtype = Token.ERROR
                changed = True
                continue
        if not reference or reference.startswith("#") or _A1_RANGE.fullmatch(reference) is None:
            continue
        if reference_text(reference) == "#REF!":  # INDIRECT("A0"): no cell, #REF! (checked_indirect)
            continue
        if sheets is not None and "!" in reference and _sheet_of(reference) not in sheets:
            token.value, text.value, close.value = "", "#REF!", ""  # no such sheet: Excel's INDIRECT gives #REF!
            token.type = close.type = "SKIPPED"
            text.subtype = Token.ERROR
            changed = True
            continue
        if colon and ("!" in head or "!" in reference):  # the two ends on named sheets: left to the engine
            continue
        token.value, text.value, close.value = "", head + colon + reference, ""
        token.type = close.type = "SKIPPED"
        text.subtype = Token.RANGE
        changed = True
    return changed


def _no_reference(text: str, workbook_names: frozenset[str] | None, tables: dict[str, Table] | None) -> bool:
    """Whether INDIRECT's A1-style ``text``, typed in, names no reference, so that Excel's INDIRECT gives #REF!
    (Microsoft's INDIRECT page: "If ref_text is not a valid cell reference, INDIRECT returns the #REF! error value"):
    a text :func:`.excel_functions.r1c1.reference_text` refuses (a 3-D reference such as ``Sheet1:Sheet3!A1``, which
    INDIRECT does not take, ``A0``, ``""``), or a name without a sheet that no scope of the workbook defines and no
    table has (:func:`.indirect.names_no_reference`; ``workbook_names``: every defined name, lower case; None: no
    name said missing).

    >>> [_no_reference(t, frozenset({"total"}), None) for t in ("Sheet1:Sheet3!A1", "A0", "", "Nope", "Total", "B2")]
    [True, True, True, True, False, False]
    >>> _no_reference("Nope", None, None), _no_reference("Sales", frozenset(), {"sales": None})
    (False, False)
    """
    return reference_text(text) == "#REF!" or names_no_reference(text, workbook_names, tables)


def _sheet_of(reference: str) -> str:
    """The sheet a reference names, lower case, without its quotes."""
    name = reference.rpartition("!")[0]
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    return name.lower()
