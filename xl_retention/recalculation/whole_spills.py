"""A dynamic array formula spilling one of our element-wise functions over whole columns (``=CRR(A:A,B:B,C:C)``).

Excel computes such a call for every row of the columns and spills 1,048,576 values (a whole row: 16,384): from row 1
the spill fits, the rows below the data blank; from any other row it reaches past the sheet's edge, #SPILL!
(Microsoft, "Dynamic array formulas and spilled array behavior"). The engine computed the call over the million rows
eight times (its evaluation, the size of the spill asked, the reasons): 300 s and more for a three-row list.

Its size is known from the formula alone (:func:`whole_spill`), so it is decided before the evaluation:

- past the sheet's edge: Excel's #SPILL!, given by a formula of that size the engine makes at once
  (``SEQUENCE(1048576,1)``) and said with the rows in use advised (:func:`edge_advice`);
- a Ctrl+Shift+Enter array entered over a range (``{=CRR(A:A,B:B,C:C)}`` in E1:E4) shows the top-left part of the
  result that fits in it: each whole column is read down to as many rows as the range has (:func:`entered_area`),
  the same values (the call's element in row i reads the arguments' row i alone; 34 s to 2 s);
- fitting (row 1): not computed, the cell listed (Excel's stored values kept where current). A million cells, blank
  past the data, written into the file and counted by its formulas (``COUNTA(E:E)`` 1,048,576) is what Excel does,
  but not what a user meant by the columns of a list, and computing them takes minutes; the reason
  (:func:`fitting_reason`) names the cell and advises the rows of the data (``A2:A100``), which give the values at
  once.
"""

from __future__ import annotations

from functools import lru_cache

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token, TokenizerError

from ..sheet_names import written
from .formula_tokens import _LAST_COLUMN, _LAST_ROW, _WHOLE, _bare_name, _box
from .whole_ranges import may_have_whole_ranges

__all__ = ["edge_advice", "entered_area", "fitting_reason", "spill_stand_in", "whole_spill"]


@lru_cache(maxsize=1)
def _elementwise() -> frozenset[str]:
    from ..registry import FUNCTIONS  # noqa: PLC0415  (the metrics' own modules: loaded with the engine, not before)

    return frozenset(f.name for f in FUNCTIONS if f.kind == "elementwise")


def whole_spill(text: str) -> tuple[str, tuple[int, int], list[str]] | None:
    """(the function, (rows, columns) of its result, its whole columns or rows as written) where ``text`` (a formula,
    with or without ``=``) is one call of our element-wise function given a whole column or row, each argument a
    reference, number, text or logical (the result is as large as the largest: Excel's lifting); None otherwise.

    >>> whole_spill("=CRR(A:A,B:B,C:C)")
    ('CRR', (1048576, 1), ['A:A', 'B:B', 'C:C'])
    >>> whole_spill("=CRR(Data!$A:$A,75,500)"), whole_spill("=CRR(A2:A9,B2:B9,C2:C9)"), whole_spill("=SUM(A:A)")
    (('CRR', (1048576, 1), ['Data!$A:$A']), None, None)
    >>> whole_spill("=ROUND(CRR(A:A,B:B,C:C),2)") is None
    True
    """
    if not may_have_whole_ranges(text):  # (every array formula is asked: most hold no whole column)
        return None
    try:
        tokens = [t for t in Tokenizer(text if text.startswith("=") else "=" + text).items if t.type != Token.WSPACE]
    except TokenizerError:
        return None
    if len(tokens) < 3 or tokens[0].type != Token.FUNC or tokens[0].subtype != Token.OPEN:
        return None
    if tokens[-1].type != Token.FUNC or tokens[-1].subtype != Token.CLOSE:
        return None
    name = _bare_name(tokens[0].value[:-1])
    for prefix in ("_XLUDF.",):
        name = name.removeprefix(prefix)
    if name not in _elementwise():
        return None
    rows, columns, wholes = 1, 1, []
    for token in tokens[1:-1]:
        if token.type == Token.SEP and token.subtype == Token.ARG:
            continue
        if token.type != Token.OPERAND:
            return None  # an expression, a nested call: left to the engine
        if token.subtype != Token.RANGE:
            continue  # a number, a text, a logical
        box = _box(token.value)
        if box is None:
            return None  # a name: left to the engine
        left, top, right, bottom = box[1]
        if _WHOLE.match(token.value) is not None:
            wholes.append(token.value)
        rows, columns = max(rows, bottom - top + 1), max(columns, right - left + 1)
    return (name, (rows, columns), wholes) if wholes else None


def spill_stand_in(rows: int, columns: int) -> str:
    """A formula of a ``rows`` x ``columns`` result the engine makes at once: its spill past the sheet's edge is
    #SPILL!, as Excel's, and its size is the one the reasons ask for."""
    return f"=SEQUENCE({rows},{columns})"


def _example(wholes: list[str]) -> str:
    """The whole columns (rows) written as the rows of a list (``A:A`` as ``A2:A100``)."""
    shown = []
    for whole in wholes:
        match = _WHOLE.match(whole)
        assert match is not None
        sheet = match.group("sheet") or ""
        if match.group("c1"):
            first, last = match.group("c1").lstrip("$"), match.group("c2").lstrip("$")
            shown.append(f"{sheet}{first}2:{last}100")
        else:
            first, last = match.group("r1"), match.group("r2")
            shown.append(f"{sheet}B{first}:M{last}")
    return ",".join(shown)


def edge_advice(formula: str) -> str | None:
    """What to write instead, said after a #SPILL! past the sheet's edge of :func:`whole_spill`'s formulas; None for
    another formula.

    >>> edge_advice("=CRR(A:A,B:B,C:C)").partition(": ")[2]
    'give it the rows of the data (A2:A100,B2:B100,C2:C100 for A:A,B:B,C:C)'
    """
    found = whole_spill(formula)
    if found is None:
        return None
    name, (rows, columns), wholes = found
    across = rows < _LAST_ROW and columns == _LAST_COLUMN
    count, kind = _count(across, rows, columns), "rows" if across else "columns"
    return (
        f"{name} over whole {kind} gives one value for each of their {count}: give it the "
        f"{'columns' if across else 'rows'} of the data ({_example(wholes)} for {','.join(wholes)})"
    )


def _count(across: bool, rows: int, columns: int) -> str:
    return f"{columns:,} columns" if across else f"{rows:,} rows"


def fitting_reason(sheet: str, ref: str, formula: str) -> str | None:
    """The reason a fitting spill of :func:`whole_spill` is listed, not computed; None for another formula.

    >>> fitting_reason("S", "E1", "=CRR(A:A,B:B,C:C)")[:100]
    'S!E1 spills CRR over whole columns: Excel gives one value for each of their 1,048,576 rows (E1:E1048'
    """
    found = whole_spill(formula)
    if found is None:
        return None
    name, (rows, columns), wholes = found
    from openpyxl.utils.cell import get_column_letter, range_boundaries  # noqa: PLC0415

    left, top = range_boundaries(f"{ref}:{ref}")[:2]
    area = f"{ref}:{get_column_letter(left + columns - 1)}{top + rows - 1}"
    across = rows < _LAST_ROW and columns == _LAST_COLUMN
    count, kind = _count(across, rows, columns), "rows" if across else "columns"
    return (
        f"{written(sheet)}!{ref} spills {name} over whole {kind}: Excel gives one value for each of their {count} "
        f"({area}, blank past the data), cells written into the file and counted by its formulas (COUNTA), so it is "
        f"not computed here: give it the {'columns' if across else 'rows'} of the data ({_example(wholes)} for "
        f"{','.join(wholes)})"
    )


def entered_area(text: str, area: str) -> str:
    """``text`` (:func:`whole_spill`'s formula, with ``=``) of a Ctrl+Shift+Enter array entered over ``area``
    (``E1:E4``) with each whole column read from row 1 down to as many rows as ``area`` has, each whole row from
    column A across to as many columns: the part of the result the range shows, the same values.

    >>> entered_area("=CRR(A:A,$B:$B,Data!C:C)", "E1:E4"), entered_area("=CRR(1:1,2:2,3:3)", "A5:C5")
    ('=CRR($A$1:$A$4,$B$1:$B$4,Data!$C$1:$C$4)', '=CRR($A$1:$C$1,$A$2:$C$2,$A$3:$C$3)')
    """
    from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries  # noqa: PLC0415

    left, top, right, bottom = range_boundaries(area if ":" in area else f"{area}:{area}")
    rows, columns = bottom - top + 1, right - left + 1
    tokens = Tokenizer(text).items
    for token in tokens:
        match = _WHOLE.match(token.value) if token.type == Token.OPERAND and token.subtype == Token.RANGE else None
        if match is None:
            continue
        sheet = match.group("sheet") or ""
        if match.group("c1"):
            first, last = sorted(column_index_from_string(match.group(c).lstrip("$").upper()) for c in ("c1", "c2"))
            token.value = f"{sheet}${get_column_letter(first)}$1:${get_column_letter(last)}${rows}"
        else:
            first, last = sorted(int(match.group(r)) for r in ("r1", "r2"))
            token.value = f"{sheet}$A${first}:${get_column_letter(columns)}${last}"
    return "=" + "".join(t.value for t in tokens)
