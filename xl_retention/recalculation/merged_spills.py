"""A dynamic array whose spill range covers merged cells or a table is #SPILL!, as in Excel.

Microsoft, "How to correct a #SPILL! error": "Spill range has merged cells ... you'll need to un-merge the cells or
move the formula to another range that doesn't intersect with merged cells". The embedded engine knows nothing of a
sheet's merged cells (``<mergeCells>`` in its XML) and spills over them; nor does it refuse a spill in or into an
Excel table ("Spilled array formulas aren't supported in Excel tables"; Excel's #SPILL! subtypes MergedCell and
Table). :func:`spills_over_merged` runs after an evaluation: each Excel 365 dynamic array formula whose result
covers more than its own cell and meets a merged area or a table gets the #SPILL! error in the engine (its spill
cleared), so that the cells reading it see Excel's values.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from typing import Any

import formualizer as fz
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .package import PackageInfo
from .xlsx_values import _sheet_parts

_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?\bref="([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)"')

Box = tuple[int, int, int, int]  # left, top, right, bottom


def merged_areas(sheet_xml: bytes) -> list[Box]:
    """The merged areas of a sheet (its XML), as (left, top, right, bottom).

    >>> merged_areas(b'<mergeCells count="1"><mergeCell ref="C3:D3"/></mergeCells>')
    [(3, 3, 4, 3)]
    """
    if b"mergeCell" not in sheet_xml:
        return []
    boxes = []
    for match in _MERGE_CELL.finditer(sheet_xml):
        ref = match.group(1).decode()
        left, top, right, bottom = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
        boxes.append((left, top, right, bottom))
    return boxes


def _meets(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def spills_over_merged(path: str, workbook: fz.Workbook, info: PackageInfo, literal: Callable[[Any], Any]) -> bool:
    """After an evaluation of ``workbook`` (the package at ``path``, scanned as ``info``): each dynamic array formula
    spilling over a merged area is set to #SPILL! (``literal`` makes the engine's value). True when any was, and the
    caller evaluates again."""
    dynamic = {
        sheet: [ref for ref, cell in cells.items() if cell.kind == "array" and cell.dynamic]
        for sheet, cells in info.formulas.items()
    }
    dynamic = {sheet: refs for sheet, refs in dynamic.items() if refs}
    if not dynamic:
        return False
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        merged = {sheet: merged_areas(package.read(parts[sheet])) for sheet in dynamic if parts.get(sheet)}
    for table in info.tables:  # "Spilled array formulas aren't supported in Excel tables": a table blocks a spill
        if table.sheet in merged:
            merged[table.sheet].append(table.bounds)
    blocked = False
    for sheet, refs in dynamic.items():
        areas = merged.get(sheet)
        if not areas:
            continue
        for ref in refs:
            spill = (
                workbook.inspect_cell("'" + sheet.replace("'", "''") + f"'!{ref}").to_dict()["cell"].get("spill") or {}
            )
            extent = spill.get("extent") if spill.get("kind") == "Anchor" else None
            if not extent:
                continue
            box = range_boundaries(extent.rpartition("!")[2].replace("$", ""))
            if box[:2] == box[2:] or not any(_meets(box, area) for area in areas):
                continue
            left, top = range_boundaries(ref)[:2]
            workbook.set_value(sheet, top, left, literal(CellError("#SPILL!")))
            blocked = True
    return blocked
