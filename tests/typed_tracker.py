"""A tracker with cells typed over it, saved; recalculated in place by the embedded engine (tests' helper)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def typed_over(path: Path, typed: Mapping[str, Mapping[str, object]]) -> Path:
    """The workbook at ``path`` with ``typed`` (sheet -> cell -> value) typed over it, saved in place."""
    wb = openpyxl.load_workbook(path)
    for sheet, cells in typed.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    return path


def recalculated(path: Path, typed: Mapping[str, Mapping[str, object]]) -> openpyxl.Workbook:
    """The workbook at ``path`` with ``typed`` typed over it (:func:`typed_over`), recalculated in place by the
    embedded engine (status ``ok``): its values."""
    typed_over(path, typed)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    assert report.status == "ok", report.message
    return openpyxl.load_workbook(path, data_only=True)
