"""Formula cells the engine calls circular that read where their own cell is, not its value (split from .kept).

- :func:`position_cycles`: ``CELL("row", A1)``, ``ROWS(A1:A5)`` or ``COLUMNS(..)`` in A1 read the place or size of a
  range holding the cell: each such call is set as that constant (Excel computes them). A table's structured
  references and a defined name of one range are read as their cells (``ROWS(Tbl[[#Headers],[No]]:[@No])``,
  ``ROWS(CustCol)`` in CustCol's first cell).
- :func:`named_cycles`: ``=INDEX(CustCol,1)``, ``=ROWS(CustCol)-1`` in A1 with ``CustCol`` = ``List!$A$1:$A$10``:
  through the name the engine's graph links the cell to every cell of the range, and the whole file was refused
  "circular reference" (H187's finding 05), where it computes the same formula with the range written out. Each
  circular cell is given its formula with each such name written as its reference; a formula that does read the
  cell (``MATCH(x,CustCol,0)``) is then circular still, and refused as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .kept import _CELLS, _WHOLE, _bare, _split
from .position_reads import offset_constant
from .structured_references import _structured_in

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed

__all__ = ["named_cycles", "position_cycles"]


def _position_constant(tokens: list[Token], start: int, sheet: str) -> tuple[int, str] | None:
    """(end, constant) for a ``CELL("row"|"col"|"address", ref)``, ``ROWS(ref)`` or ``COLUMNS(ref)`` call opening at
    ``tokens[start]`` over one literal reference of this sheet (cells, whole columns or rows); None otherwise."""
    name = _bare(tokens[start].value[:-1])
    inner = [t for t in tokens[start + 1 :] if t.type != Token.WSPACE]
    at = 2 if name == "CELL" else 0  # ROWS(OFFSET(H1,0,0,3,1)): H1:H3's size
    if name in ("CELL", "ROWS", "COLUMNS") and len(inner) > at and inner[at].type == Token.FUNC:
        if name == "CELL" and (inner[0].subtype != Token.TEXT or inner[1].type != Token.SEP):
            return None
        info = inner[0].value.strip('"').lower() if name == "CELL" else name.lower()
        return offset_constant(tokens, inner, at, start, sheet, info) if inner[at].subtype == Token.OPEN else None
    if name == "CELL":
        if (
            len(inner) < 4
            or inner[0].subtype != Token.TEXT
            or inner[1].type != Token.SEP
            or inner[3].subtype != Token.CLOSE
        ):
            return None
        info, reference = inner[0].value.strip('"').lower(), inner[2]
    elif name in ("ROWS", "COLUMNS"):
        if len(inner) < 2 or inner[1].subtype != Token.CLOSE:
            return None
        info, reference = name.lower(), inner[0]
    else:
        return None
    if reference.type != Token.OPERAND or reference.subtype != Token.RANGE:
        return None
    other, area = (
        _split(reference.value) if "!" in reference.value else (sheet, reference.value.replace("$", "").upper())
    )
    if other != sheet or not (_CELLS.fullmatch(area) or _WHOLE.fullmatch(area)):
        return None
    try:
        left, top, right, bottom = range_boundaries(area)
    except ValueError:
        return None
    left, top, right, bottom = left or 1, top or 1, right or 16384, bottom or 1048576  # A:A, 3:3: whole ones
    constants = {
        "row": str(top),
        "col": str(left),
        "address": f'"${get_column_letter(left)}${top}"',
        "rows": str(bottom - top + 1),
        "columns": str(right - left + 1),
    }
    if info not in constants:
        return None
    close = tokens.index(inner[3] if name == "CELL" else inner[1], start)
    return close, constants[info]


def position_cycles(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    circular: str,
    tables: Any = (),
    names: dict[str, dict[str, str]] | None = None,
) -> bool:
    """Re-set each circular cell whose formula reads a cell's place, not its value (``CELL("row", A1)`` in A1,
    ``ROWS(A1:A5)``, ``ROWS(T[[#Headers],[No]]:[@No])`` of ``tables``) with that place as a constant; True: again."""
    changed = False
    by_name = {t.name.lower(): t for t in tables}
    for sheet, values in result.values.items():
        for ref, value in values.items():
            if type(value) is not CellError or value.code != circular:
                continue
            text = formulas[sheet][cell_position(ref)]
            text = _structured_in(text, by_name, sheet, *cell_position(ref)) if by_name and "[" in text else text
            text = _written_names(text, _absolute_names(names or {}, sheet))  # ROWS(CustCol) in A1
            upper = text.upper()
            if "CELL(" not in upper and "ROWS(" not in upper and "COLUMNS(" not in upper:
                continue
            try:
                tokens = Tokenizer("=" + text).items
            except Exception:  # noqa: BLE001
                continue
            out, i, replaced = [], 0, False
            while i < len(tokens):
                token = tokens[i]
                found = (
                    _position_constant(tokens, i, sheet)
                    if token.type == Token.FUNC and token.subtype == Token.OPEN
                    else None
                )
                if found is None:
                    out.append(token.value)
                    i += 1
                else:
                    out.append(found[1])
                    i, replaced = found[0] + 1, True
            if replaced:
                try:
                    workbook.set_formula(sheet, *cell_position(ref), "=" + "".join(out))
                except Exception:  # noqa: BLE001  (the engine refuses it: the cycle stays reported)
                    continue
                changed = True
    return changed


#: a range of cells with every row and column fixed (a name Excel moves with the cell using it is not written out)
_ABSOLUTE = re.compile(
    r"(?:'(?:[^']|'')+'|[^\W\d][\w.]*)!"
    r"(?:\$[A-Za-z]{1,3}\$\d+(?::\$[A-Za-z]{1,3}\$\d+)?|\$[A-Za-z]{1,3}:\$[A-Za-z]{1,3}|\$\d+:\$\d+)"
)


def named_cycles(
    workbook: fz.Workbook, values: dict[str, dict[str, Any]], circular: str, names: dict[str, dict[str, str]]
) -> bool:
    """Set again each formula cell of ``values`` in error ``circular`` whose formula (as the engine holds it) uses
    a defined name of one range (``names``: "" for the workbook's or a sheet's title -> lower case name -> its
    reference), each such name written as its reference; True when one was set (evaluate again)."""
    changed = False
    for sheet, cells in values.items():
        visible = _absolute_names(names, sheet)
        if not visible:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.code != circular:
                continue
            row, column = cell_position(ref)
            try:
                formula = workbook.get_formula(sheet, row, column)
            except Exception:  # noqa: BLE001  (no formula: the cycle stays reported)
                continue
            written = _written_names(formula.removeprefix("="), visible)
            if written == formula.removeprefix("="):
                continue
            try:
                workbook.set_formula(sheet, row, column, "=" + written)
            except Exception:  # noqa: BLE001  (the engine refuses it: the cycle stays reported)
                continue
            changed = True
    return changed


def _absolute_names(names: dict[str, dict[str, str]], sheet: str) -> dict[str, str]:
    """The defined names visible on ``sheet`` (lower case) that are one range with its rows and columns fixed."""
    visible = {**names.get("", {}), **names.get(sheet, {})}
    return {name: target.lstrip("=") for name, target in visible.items() if _ABSOLUTE.fullmatch(target.lstrip("="))}


def _written_names(text: str, names: dict[str, str]) -> str:
    """``text`` (a formula without ``=``) with each of ``names`` used in it written as its reference.

    >>> _written_names('ROWS(CustCol)-1+LEN("CustCol")', {"custcol": "List!$A$1:$A$10"})
    'ROWS(List!$A$1:$A$10)-1+LEN("CustCol")'
    """
    if not names:
        return text
    try:
        tokens = Tokenizer("=" + text).items
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: as it is)
        return text
    written = False
    for token in tokens:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and token.value.lower() in names:
            token.value, written = names[token.value.lower()], True
    return "".join(t.value for t in tokens) if written else text
