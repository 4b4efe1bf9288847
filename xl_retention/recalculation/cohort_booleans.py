"""TRUE or FALSE typed in a tracker's cohort triangles (H495's finding 09): an earlier template's retention shares
(``=IF(OR(C4="",$B4="",..),"",C4/$B4)``) read TRUE in Cohorts!C4 as 1 survivor, Excel as well (Cohorts!C10 0.01,
charted), while the sBG fit refuses it (#VALUE!). recalc keeps Excel's value and names the cell, the file incomplete,
as for the monthly sheets' formulas of an earlier template (:mod:`.typed_text_inputs`). This version's shares test the
cells with ``ISLOGICAL`` (:func:`~..workbook.sheets.share_formula`: #VALUE!, whose reason names the cell): a boolean
whose share is such a formula is not named here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter, range_boundaries

from ..sheet_names import written
from .typed_over import FIRST, workbook_names

__all__ = ["cohort_booleans_line"]

#: the template's names over the triangles typed by the user (or written by import), with what a cell there counts
_COUNTS = {"Cohort_Counts": "survivors", "Order_Cohort_Counts": "customers ordering"}
#: the names over their shares, each cell the share of the count in the same place
_SHARES = {"Cohort_Counts": "Cohort_Retention", "Order_Cohort_Counts": "Order_Cohort_Share"}


def cohort_booleans_line(path: str | Path) -> str | None:
    """One line naming the cells of the workbook at ``path``'s cohort triangles (the template's ``Cohort_Counts``,
    ``Order_Cohort_Counts``) that hold TRUE or FALSE, or None where none does (or the file has no such names)."""
    try:
        _, names = workbook_names(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
        return None
    areas = [(names[name], label, names.get(_SHARES[name])) for name, label in _COUNTS.items() if name in names]
    if not areas:
        return None
    from .._workbooks import open_read_only

    found: list[str] = []
    try:
        wb = open_read_only(path)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
        return None
    try:
        for (title, area), label, shares in areas:
            if title not in wb.sheetnames or not hasattr(wb[title], "iter_rows"):
                continue
            left, top, right, bottom = range_boundaries(area.replace("$", ""))
            guarded = _guarded(wb, shares, left, top)
            for row in wb[title].iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right):
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, bool) and (cell.row, cell.column) not in guarded:
                        ref = f"{get_column_letter(cell.column)}{cell.row}"
                        found.append(
                            f"{written(title)}!{ref} ({label}) is {str(value).upper()}, no number (Excel reads it "
                            f"as {int(value)})"
                        )
    finally:
        wb.close()
    if not found:
        return None
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    return (
        f"{'; '.join(found[:FIRST])}{more}: the cohort triangle's shares and projections are computed from "
        f"{'these numbers' if len(found) > 1 else 'that number'}: type the count of customers as a number "
        f"{'in each cell' if len(found) > 1 else 'there'}"
    )


def _guarded(wb: Any, shares: tuple[str, str] | None, left: int, top: int) -> set[tuple[int, int]]:
    """The cells (row, column) of a triangle whose top left cell is at ``left``, ``top`` whose share (the cell in the
    same place of ``shares``, the name's sheet and area) tests them for a boolean (``ISLOGICAL``: #VALUE!, named by
    the reason of that error); none where the shares are not in the workbook."""
    if shares is None or shares[0] not in wb.sheetnames or not hasattr(wb[shares[0]], "iter_rows"):
        return set()
    s_left, s_top, s_right, s_bottom = range_boundaries(shares[1])
    found = set()
    for row in wb[shares[0]].iter_rows(min_row=s_top, max_row=s_bottom, min_col=s_left, max_col=s_right):
        for cell in row:
            value = getattr(cell, "value", None)
            if isinstance(value, str) and "ISLOGICAL(" in value.upper():
                found.add((cell.row - s_top + top, cell.column - s_left + left))
    return found
