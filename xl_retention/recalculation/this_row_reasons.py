"""``[@End]`` (``Subs[[#This Row],[End]]``) in a row the table does not cover: the reason names the table and the row
(H313's finding 11).

Excel's ``#This Row`` reads the table's row in the formula's own row; from a row outside the table's data rows it is
``#VALUE!`` (the rewrite gives the engine that error value, :mod:`.structured_references`). A CRR filled one row past
the table, ``E5 =CRR([@End],[@Gained],[@Start])`` below ``Subs`` (A1:C3), said "CRR: customers_end is the error value
#VALUE! (#VALUE!)", a plain ``=Subs[@End]*2`` nothing. :func:`this_row_reasons` says "Subs[@End] reads the row of
table Subs in the formula's row, and row 5 is not one of its rows (2-3): move the formula into the table's rows, or
extend the table (#VALUE!)".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..cells import CellError
from .formula_texts import position as cell_position
from .text_literals import LITERALS as _LITERALS
from .xlsx_values import Resized

if TYPE_CHECKING:
    import formualizer as fz

    from .engine_results import Computed
    from .formula_texts import FormulaTexts
    from .package import Table

__all__ = ["this_row_reasons"]

#: ``Subs[[#This Row],[End]]`` or ``Subs[@End]`` / ``Subs[@[Gained count]]``: the table and the column
_THIS_ROW = re.compile(
    r"(?i)(?<![\w.])([A-Za-z_\\][\w.]*)\[(?:\[#This Row\],\s*\[((?:[^\]']|'.)*)\]|@\[?((?:[^\]']|'.)*?)\]?)\]"
)


def this_row_reasons(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, tables: list[Table]
) -> int:
    """Give each #VALUE! cell whose formula reads a table's ``#This Row`` from a row outside the table's data rows the
    reason naming the table and the row (its stored formula holding no #VALUE! of its own, the engine's does: the
    rewrite's); the number of cells given one."""
    by_name = {table.name.lower(): table for table in tables}
    if not by_name:
        return 0
    given = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None or "#THIS ROW]" not in texts.upper_text() and "[@" not in texts.upper_text():
            continue
        for ref, value in cells.items():
            error = value.value if type(value) is Resized else value
            if type(error) is not CellError or error.code != "#VALUE!":
                continue
            place = cell_position(ref)
            if place not in texts:
                continue
            bare = _LITERALS.sub('""', texts[place])
            if "#VALUE!" in bare.upper():
                continue
            try:
                engine = workbook.get_formula(sheet, *place) or ""
            except Exception:  # noqa: BLE001, S112  (a cell the engine cannot give: its reason stays)
                continue
            if "#VALUE!" not in _LITERALS.sub('""', engine).upper():
                continue
            reason = _outside(bare, place[0], by_name)
            if reason is not None:
                cells[ref] = CellError("#VALUE!", reason)
                if type(value) is Resized:
                    cells[ref] = Resized(cells[ref], value.ref)
                given += 1
    return given


def _outside(formula: str, row: int, tables: dict[str, Table]) -> str | None:
    for match in _THIS_ROW.finditer(formula):
        table = tables.get(match.group(1).lower())
        if table is None:
            continue
        _, top, _, bottom = table.bounds
        first, last = top + table.header_rows, bottom - table.totals_rows
        if first <= row <= last:
            continue
        column = match.group(2) if match.group(2) is not None else match.group(3)
        rows = f"{first}-{last}" if last > first else f"{first}"
        return (
            f"{table.name}[@{column}] reads the row of table {table.name} in the formula's row, and row {row} is not "
            f"one of its rows ({rows}): move the formula into the table's rows, or extend the table (#VALUE!)"
        )
    return None
