"""Opening a workbook read-only whole: the one way the package opens a workbook with openpyxl's read-only reader.

openpyxl's read-only sheets take the sheet's stored ``<dimension ref="A1:K4"/>`` as its size and cut the rows they
read at it: a row's cells right of its last column and the rows below its last row are not read. The element is
only a hint (ECMA-376 calls it the used range's), which Excel, LibreOffice and openpyxl keep right, but Apache POI
and editors of the XML often leave stale: a column of the user's own in L beside ``A1:K4`` was read as not there,
and an import left it without formulas in the months it added, unsaid (H433's finding 04). Here every sheet's
dimension is reset, so the cells in the sheet's data decide. A sheet so read has no ``max_row`` or ``max_column``
(None), and the rows it gives without a ``max_col`` are as long as their last cell (a row without cells: empty).
"""

from __future__ import annotations

import os
from typing import IO, Any

__all__ = ["open_read_only"]


def open_read_only(source: str | os.PathLike[str] | IO[bytes], data_only: bool = False) -> Any:
    """The workbook at ``source`` (a path or a binary stream) opened by openpyxl read-only (``data_only``: the
    formulas' stored results instead of their texts), every worksheet's stored dimension reset (a chart sheet has
    none). Raises what :func:`openpyxl.load_workbook` raises on a package it cannot read."""
    from openpyxl import load_workbook  # here: the package's reader is loaded on first use (.._imports)

    wb = load_workbook(source, read_only=True, data_only=data_only)
    for ws in wb.worksheets:
        reset = getattr(ws, "reset_dimensions", None)
        if reset is not None:
            reset()
    return wb
