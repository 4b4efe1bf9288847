"""A tracker with cells typed over it, recalculated in place by the embedded engine (tests' helper)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def recalculated(path: Path, typed: Mapping[str, Mapping[str, object]]) -> openpyxl.Workbook:
    """The workbook at ``path`` with ``typed`` (sheet -> cell -> value) typed over it and saved, recalculated in place
    by the embedded engine (status ``ok``): its values."""
    wb = openpyxl.load_workbook(path)
    for sheet, cells in typed.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    assert report.status == "ok", report.message
    return openpyxl.load_workbook(path, data_only=True)
