"""The error values a Ctrl+Shift+Enter array formula shows past its first cell, for the report's ``errors``.

Each cell of a classic array formula (``{=1/(A1:A3-2)}`` entered over F1:F4) holds the formula: Excel shows its own
value of the result there, an error one too (``#DIV/0!`` in F2), and ``#N/A`` in the cells beyond a smaller result
(F4). The report lists the formula cells in error; those after the first cell were not listed (status ``ok``,
``errors`` empty). :func:`classic_array_errors` names each, with the array formula it belongs to. An Excel 365
formula's spilled errors are listed by :mod:`.engine_results` (``spilled_errors``); a ``#N/A`` of a formula that
calls ``NA()`` is asked for (a chart's gap), as the first cell's is. A What-If data table's cells in error (every one a
result, its first too) are listed with their reason (:mod:`.data_table_reasons`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from ..sheet_names import written
from .sheet_cells import formula_cells
from .text_literals import LITERALS as _LITERALS
from .xlsx_values import _sheet_parts

__all__ = ["classic_array_errors"]

_CALLS_NA = re.compile(r"(?<![\w.])NA\(\s*\)", re.IGNORECASE)
#: #N/A typed (=IF(A1=0,#N/A,A1)): asked for as NA() is where no other cause is found (an input's error passed on
#: by CHOOSE(..,#N/A,..) has its reason)
_TYPED_NA = re.compile(r"(?<![\w.])#N/A(?![\w/])", re.IGNORECASE)
_CELL = re.compile(r"([A-Z]{1,3})([0-9]+)")


def _position(ref: str) -> tuple[int, int]:
    """``"F2"`` -> (row 2, column 6)."""
    left, top, _, _ = range_boundaries(ref)
    return top or 0, left or 0


def classic_array_errors(
    path: str | Path,
    members: Mapping[str, Mapping[str, Any]],
    spilled: Mapping[str, Mapping[str, str]],
) -> list[tuple[str, str, str]]:
    """(address, error code, reason) of each member of a Ctrl+Shift+Enter array formula in ``members`` (the computed
    values of array formulas' other cells, by sheet and reference) whose value is an error, in the sheet's order;
    ``spilled``: the dynamic arrays' members already listed (left out). Read from the package at ``path``."""
    wanted = {
        sheet: {
            ref: value
            for ref, value in cells.items()
            if isinstance(value, CellError) and ref not in spilled.get(sheet, {})
        }
        for sheet, cells in members.items()
    }
    wanted = {sheet: cells for sheet, cells in wanted.items() if cells}
    if not wanted:
        return []
    found: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        for sheet, cells in wanted.items():
            part = parts.get(sheet)
            if not part:
                continue
            arrays = [
                (ref, cell, range_boundaries(cell.ref))
                for ref, cell in formula_cells(package.read(part), None).items()
                if cell.kind in ("array", "dataTable") and not cell.dynamic and cell.ref
            ]
            for ref in sorted(cells, key=_position):
                row, col = _position(ref)
                anchor = next(
                    (
                        a
                        for a in arrays
                        if a[2][0] <= col <= a[2][2]
                        and a[2][1] <= row <= a[2][3]
                        and (a[0] != ref or a[1].kind == "dataTable")  # a data table's first cell is a result too
                    ),
                    None,
                )
                if anchor is None:
                    continue
                first, cell, _ = anchor
                code = cells[ref].code
                if cell.kind == "dataTable":  # (.data_table_reasons): the table, its inputs there and the reason
                    why = cells[ref].message or f"the data table {written(sheet)}!{cell.ref} gives {code} here"
                    found.append((f"{sheet}!{ref}", code, why))
                    continue
                bare = _LITERALS.sub('""', cell.text or "")
                typed = not cells[ref].message and _TYPED_NA.search(bare)
                if code == "#N/A" and (_CALLS_NA.search(bare) or typed):
                    continue  # =IF(A1:A3>0,A1:A3,NA()): the #N/A asked for
                why = (  # its own inputs' reason (.element_reasons), else the array's
                    cells[ref].message
                    if cells[ref].message.endswith(f"({code})")
                    else f"the array formula {written(sheet)}!{first} over {cell.ref} gives {code} here"
                )
                found.append((f"{sheet}!{ref}", code, why))
    return found
