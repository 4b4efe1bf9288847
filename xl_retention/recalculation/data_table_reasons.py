"""Why a What-If data table's cell (Excel's ``{=TABLE(,C1)}``, ``<f t="dataTable">``) holds an error value.

The embedded engine computes a data table by setting its input cell to each value tried and evaluating its formula
cell (:func:`.engine_results.data_table`); the results are values to it, no formula's. A ``#NUM!`` there (``=CRR(..)``
given an impossible input by the table) was not listed, and ``=SUM(I2:I4)`` over it was told "S!I4 holds the error
value #NUM!, typed or pasted there" (H485's finding 07): nobody typed it. :func:`table_cause` names the data table,
the value it set its input cell to (and where that value is), and the reason the formula gives with it, the formula
evaluated again with that value as the registry functions note their messages (:mod:`.reasons`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from ..sheet_names import written
from .engine_results import cell_address, table_inputs, table_step

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts
    from .sheet_cells import FormulaCell

__all__ = ["data_table_at", "data_table_reasons", "table_cause", "table_reason"]


def data_table_at(formulas: dict[str, FormulaTexts], sheet: str, row: int, column: int) -> FormulaCell | None:
    """The data table of ``sheet`` whose results cover (``row``, ``column``); None where none does."""
    texts = formulas.get(sheet)
    for cell in texts.data_tables() if texts is not None else ():
        left, top, right, bottom = range_boundaries(cell.ref or "")
        if left <= column <= right and top <= row <= bottom:  # type: ignore[operator]
            return cell
    return None


def _shown(value: Any) -> str:
    """A value set in an input cell as a reason writes it: ``6``, ``0.05``, ``"East"``."""
    if type(value) is float and value.is_integer():
        return str(int(value))
    if type(value) is str:
        return f'"{value}"'
    return str(value)


def table_cause(workbook: fz.Workbook, sheet: str, cell: FormulaCell, row: int, column: int, code: str) -> str:
    """ "the data table S!I2:I4 with S!C1 = 6 (from S!H4)", and ": " with the reason the table's formula gives ``code``
    with those inputs, where a registry function of it says one (the formula evaluated again, the inputs restored)."""
    from .reasons import REASONS  # noqa: PLC0415  (the engine's registry functions note their messages there)

    name = written(sheet)
    targets = table_inputs(cell, sheet)
    places, formula = table_step(cell, row, column)
    settings = [workbook.get_value(sheet, *place) for place in places]
    inputs = " and ".join(
        f"{name}!{cell_address(*target)} = {_shown(value)} (from {name}!{cell_address(*place)})"
        for target, place, value in zip(targets, places, settings, strict=True)
    )
    said = f"the data table {name}!{cell.ref} with {inputs}"
    originals = [workbook.get_value(sheet, *t) for t in targets]
    key = (sheet, cell_address(*formula))
    REASONS.heard.pop(key, None)
    try:
        for target, value in zip(targets, settings, strict=True):
            workbook.set_value(sheet, *target, value)
        REASONS.cell = key
        workbook.evaluate_cell(sheet, *formula)
    except Exception:  # noqa: BLE001  (no reason found: the table named alone)
        pass
    finally:
        REASONS.cell = None
        for target, value in zip(targets, originals, strict=True):
            workbook.set_value(sheet, *target, value)
        try:
            workbook.evaluate_cell(sheet, *formula)  # its own value again, as the workbook's other steps read it
        except Exception:  # noqa: BLE001, S110  (the engine's own failure: its value is read as it was)
            pass
    heard = REASONS.heard.pop(key, [])
    reason = next((text for _, text in heard if text.endswith(f"({code})")), None)
    return f"{said}: {reason}" if reason else f"{said} gives {code} here"


def data_table_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each data table's cell in error (in ``result.members``) without a reason its :func:`table_cause`;
    returns how many got one."""
    named = 0
    for sheet, texts in formulas.items():
        members = result.members.get(sheet, {})
        for cell in texts.data_tables():
            left, top, right, bottom = range_boundaries(cell.ref or "")
            for r in range(top, bottom + 1):  # type: ignore[operator]
                for c in range(left, right + 1):  # type: ignore[operator]
                    value = members.get(cell_address(r, c))
                    if type(value) is CellError and not value.message:
                        members[cell_address(r, c)] = CellError(
                            value.code, table_cause(workbook, sheet, cell, r, c, value.code)
                        )
                        named += 1
    return named


def table_reason(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, row: int, column: int, code: str
) -> str | None:
    """The data table whose result ``sheet`` (``row``, ``column``) is and why it gives ``code`` there
    (:func:`table_cause`); None for a cell of no data table (a value typed, or an array's)."""
    table = data_table_at(formulas, sheet, row, column)
    return table_cause(workbook, sheet, table, row, column, code) if table is not None else None
