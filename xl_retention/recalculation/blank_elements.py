"""A blank element of an array formula's result read as a number: whose result it is and which inputs are blank.

``=CRR(A2:A5,B2:B5,C2:C5)`` spilled from E2 gives a blank for a month whose inputs are all blank (a month not filled
in yet, as the README promises); the engine holds that blank as the empty text, so ``=E3+0`` is #VALUE! and its
reason said ``S!E3 holds only spaces (or an empty text), no number: clear it`` (H278's finding 04): E3 is no cell
typed in and cannot be cleared (Excel refuses to change part of a spill). :func:`blank_element` says instead what E3
is: ``is the blank result of the spill S!E2 in its row, CRR(A3,B3,C3) over the blank S!A3, S!B3 and S!C3, no number:
fill those in, or leave the blank out (IF(S!E3="",..))``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from ..sheet_names import SHEET, written
from .element_reasons import element_formula
from .text_literals import LITERALS as _LITERALS

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = ["blank_element"]

#: a cell in an element's formula: (sheet as written, column, row)
_CELL = re.compile(r"(?<![\w.$!':])(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w.(!:])")


def blank_element(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, row: int, column: int
) -> str | None:
    """What a reason says of the cell (``row``, ``column``) of ``sheet`` holding the empty text, where it is a member
    of an array formula's result (a spill or a Ctrl+Shift+Enter array): its first cell and, where the formula reads
    its element's own cells (:func:`.element_reasons.element_formula`), those of them that are blank; None for a cell
    of no array (typed in: said as before)."""
    from .literal_reasons import _array_anchor  # noqa: PLC0415  (literal_reasons calls this module)

    here = f"{written(sheet)}!{get_column_letter(column)}{row}"
    anchor = _array_anchor(workbook, sheet, f"{get_column_letter(column)}{row}")
    if anchor is None:
        return None
    where, _, cell = anchor.rpartition("!")
    home = where.strip("'").replace("''", "'") if where else sheet
    left, top = range_boundaries(f"{cell}:{cell}")[:2]
    shown = f"{written(home)}!{cell}"
    said = f"is the blank result of the spill {shown}"
    texts = formulas.get(home)
    try:
        formula = texts[(top, left)] if texts is not None else None  # type: ignore[index]
    except KeyError:
        formula = None
    element = element_formula(formula, row - top, column - left) if formula and home == sheet else None
    if element is None:
        return f'{said}, no number: read it with IF({here}="",..) where it may be blank'
    blank = []
    for match in _CELL.finditer(_LITERALS.sub('""', element)):
        named, letters, digits = match.group(1, 2, 3)
        at = named.strip("'").replace("''", "'") if named else home
        try:
            held = workbook.get_value(at, int(digits), column_index_from_string(letters.upper()))
        except Exception:  # noqa: BLE001  (a cell the engine cannot read: not named)
            continue
        if held is None or held == "":
            name = f"{written(at)}!{letters.upper()}{digits}"
            if name not in blank:
                blank.append(name)
    if not blank:
        return f"{said} in its row, {element.removeprefix('=')}, no number"
    inputs = blank[0] if len(blank) == 1 else ", ".join(blank[:-1]) + " and " + blank[-1]
    return (
        f"{said} in its row, {element.removeprefix('=')} over the blank {inputs}, no number: fill "
        f'{"it" if len(blank) == 1 else "those"} in, or leave the blank out (IF({here}="",..))'
    )
