"""One formula evaluated by the engine in a sheet's last cell (XFD1048576), for a question the workbook's own cells
do not answer (an OFFSET's area, INDIRECT's text, a spill's size), the cell cleared afterwards."""

from __future__ import annotations

from typing import Any

#: the sheet's last cell, where no workbook of ours holds anything
SCRATCH = (1_048_576, 16_384)


def scratch_value(workbook: Any, sheet: str, formula: str) -> Any:
    """The value of ``formula`` (with its ``=``) in ``sheet``'s last cell, cleared afterwards; None where that cell
    holds something (not ours to use) or the engine cannot take the formula."""
    row, column = SCRATCH
    try:
        if workbook.get_value(sheet, row, column) is not None:
            return None
        workbook.set_formula(sheet, row, column, formula)
        return workbook.evaluate_cell(sheet, row, column)
    except Exception:  # noqa: BLE001  (a formula the engine cannot take: cannot tell)
        return None
    finally:
        try:
            workbook.set_value(sheet, row, column, None)
        except Exception:  # noqa: BLE001, S110  (nothing was set)
            pass
