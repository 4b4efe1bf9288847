"""The embedded engine's results read back as Excel shows them: formula cells' values, What-If data tables computed by
setting their input cells in turn, and array formulas' member cells (a Ctrl+Shift+Enter array fills its range, a
dynamic one spills over its result's size).

Split from :mod:`.embedded` (whose :func:`~.embedded.compute` loads, rewrites and evaluates the workbook).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import formualizer as fz
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .engine import from_engine
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .package import FormulaCell, PackageInfo
from .unsupported import Unsupported
from .xlsx_values import Resized


@dataclass
class Computed:
    """What :func:`compute` found: formula cells' values, array members' values and cells it could not compute."""

    values: dict[str, dict[str, Any]]
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    unsupported: list[Unsupported] = field(default_factory=list)
    #: "Sheet!F3" of cells whose #N/A their own formula asks for with NA() (a chart gap, not an error)
    asked_na: set[str] = field(default_factory=set)
    #: "Sheet!A1" of the cells on a circular reference's loop (not those reading it), when there is one
    loop: list[str] = field(default_factory=list)
    #: sheet -> {cell: its dynamic array's first cell} of the error values an Excel 365 formula spills past its first
    #: cell (=CRR(D1:D4,C1:C4,B1:B4): a month starting at 0 is #DIV/0! in F5), listed as the workbook's errors
    spilled_errors: dict[str, dict[str, str]] = field(default_factory=dict)
    #: "Sheet!B1" of a #REF!/#NAME? recalc finds no cause for -> "Sheet!C1" of the cells reading it, directly or not,
    #: whose values are not errors (=IFERROR(B1,0)): :func:`.unexplained_refs.value_readers`
    error_readers: dict[str, list[str]] = field(default_factory=dict)
    #: {(scope, name): the area the engine computed} of each name defined by a formula a chart's series reads (a
    #: dynamic chart range, ``OFFSET(..)``): its points brought up to date as a plain reference's (.chart_series)
    chart_areas: dict[tuple[str, str], str] = field(default_factory=dict)


def cells_of(ref: str) -> list[tuple[int, int]]:
    left, top, right, bottom = range_boundaries(ref)
    return [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]


def cell_address(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def table_inputs(cell: FormulaCell, sheet: str) -> list[tuple[int, int]]:
    """(row, column) of a What-If data table's input cells: the row input then the column input (two-variable)."""
    two_d = cell.attrs.get("dt2D") in ("1", "true")
    inputs = [cell.attrs.get("r1"), cell.attrs.get("r2")] if two_d else [cell.attrs.get("r1")]
    targets = []
    for ref in inputs:
        if not ref:
            raise ValueError(f"{sheet}!{cell.ref}: a data table without its input cell")
        column, row = range_boundaries(ref)[:2]
        targets.append((row, column))
    return targets


def table_step(cell: FormulaCell, r: int, c: int) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """Where the values a data table's cell (``r``, ``c``) sets its input cells to are (in :func:`table_inputs`'
    order), and its formula cell."""
    left, top = range_boundaries(cell.ref or "")[:2]
    if cell.attrs.get("dt2D") in ("1", "true"):  # r1: the row input cell (values along the top), r2: the column's
        return [(top - 1, c), (r, left - 1)], (top - 1, left - 1)
    if cell.attrs.get("dtr") in ("1", "true"):
        return [(top - 1, c)], (r, left - 1)
    return [(r, left - 1)], (top - 1, c)


def data_table(workbook: fz.Workbook, sheet: str, cell: FormulaCell) -> dict[tuple[int, int], Any]:
    """The results of a What-If data table (Excel's TABLE()), computed by setting its input cells in turn."""
    left, top, right, bottom = range_boundaries(cell.ref or "")
    targets = table_inputs(cell, sheet)
    originals = [workbook.get_value(sheet, *t) for t in targets]
    results: dict[tuple[int, int], Any] = {}
    try:
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                places, formula = table_step(cell, r, c)
                settings = [workbook.get_value(sheet, *place) for place in places]
                for target, value in zip(targets, settings, strict=True):
                    workbook.set_value(sheet, *target, value)
                results[(r, c)] = workbook.evaluate_cell(sheet, *formula)
    finally:
        for target, value in zip(targets, originals, strict=True):
            workbook.set_value(sheet, *target, value)
    return results


def classic_arrays(cells: dict[str, FormulaCell]) -> dict[tuple[int, int], tuple[int, int]]:
    """The Ctrl+Shift+Enter (not dynamic) array formulas of a sheet: first cell -> (rows, columns) of their range."""
    out = {}
    for ref, cell in cells.items():
        if cell.kind == "array" and not cell.dynamic and cell.ref:
            left, top, right, bottom = range_boundaries(cell.ref)
            out[cell_position(ref)] = (bottom - top + 1, right - left + 1)
    return out


def fit_arrays(workbook: fz.Workbook, info: PackageInfo, result: Computed) -> None:
    """Array formulas' member cells as Excel shows them.

    A Ctrl+Shift+Enter array fills exactly the range it was entered in: a smaller result repeats a single
    row or column and leaves ``#N/A`` elsewhere. A dynamic array spills over its result's own size: the
    range stored with it becomes a :class:`~.xlsx_values.Resized` value when the result grew or shrank.
    """
    listed = {(u.sheet, u.ref): u.kept for u in result.unsupported}
    for sheet, cells in info.formulas.items():
        for ref, cell in cells.items():
            if cell.kind != "array" or not cell.ref:
                continue
            members = result.members.setdefault(sheet, {})
            covered = [cell_address(r, c) for r, c in cells_of(cell.ref)]
            if listed.get((sheet, ref)) is False:  # listed, its stored value not kept: none of its old range is
                members.update((address, None) for address in covered if address != ref)
                continue
            if (sheet, ref) in listed or ref not in result.values.get(sheet, {}):
                for address in covered:  # not computed: the stored values stay
                    members.pop(address, None)
                continue
            spill = (
                workbook.inspect_cell("'" + sheet.replace("'", "''") + f"'!{ref}").to_dict()["cell"].get("spill") or {}
            )
            extent = spill.get("extent") if spill.get("kind") == "Anchor" else None
            box = range_boundaries(extent.rpartition("!")[2]) if extent else range_boundaries(ref + ":" + ref)
            left, top, right, bottom = box
            grid = [
                [cell_value(workbook, sheet, r, c, "") for c in range(left, right + 1)] for r in range(top, bottom + 1)
            ]
            if cell.dynamic:
                for address in covered:
                    members[address] = None  # cells of the old range outside the new result
                for r in range(top, bottom + 1):
                    for c in range(left, right + 1):
                        members[cell_address(r, c)] = value = grid[r - top][c - left]
                        if type(value) is CellError and (r, c) != (top, left):
                            result.spilled_errors.setdefault(sheet, {})[cell_address(r, c)] = ref
                new_ref = cell_address(top, left)  # one cell (a #SPILL! when blocked): Excel writes ref="D2"
                if (bottom, right) != (top, left):
                    new_ref += f":{cell_address(bottom, right)}"
                if new_ref != cell.ref and (top, left) == range_boundaries(ref)[1::-1]:
                    result.values[sheet][ref] = Resized(result.values[sheet][ref], new_ref)
            else:
                members.update(classic_members(workbook, sheet, ref, cell, grid))
            members.pop(ref, None)


def classic_members(
    workbook: fz.Workbook, sheet: str, ref: str, cell: FormulaCell, grid: list[list[Any]] | None = None
) -> dict[str, Any]:
    """A Ctrl+Shift+Enter array's cells as Excel fills its range: the result, a single row or column repeated,
    ``#N/A`` beyond. ``grid``: the result (read from the engine when not given)."""
    if grid is None:
        spill = workbook.inspect_cell("'" + sheet.replace("'", "''") + f"'!{ref}").to_dict()["cell"].get("spill") or {}
        extent = spill.get("extent") if spill.get("kind") == "Anchor" else None
        left, top, right, bottom = range_boundaries(extent.rpartition("!")[2] if extent else ref + ":" + ref)
        grid = [[cell_value(workbook, sheet, r, c) for c in range(left, right + 1)] for r in range(top, bottom + 1)]
    first_col, first_row = range_boundaries(cell.ref or ref)[:2]
    out = {}
    for r, c in cells_of(cell.ref or ref):
        i, j = r - first_row, c - first_col
        i = i if i < len(grid) else (0 if len(grid) == 1 else None)
        j = j if j < len(grid[0]) else (0 if len(grid[0]) == 1 else None)
        out[cell_address(r, c)] = grid[i][j] if i is not None and j is not None else CellError("#N/A")
    return out


def cell_value(workbook: fz.Workbook, sheet: str, row: int, col: int, empty: Any = None) -> Any:
    """The engine's value of a cell; its empty text as ``empty`` (a formula's own cell: None, written as Excel
    writes a formula's ""; an array's member: "", the empty text Excel stores there, never a blank cell)."""
    value = from_engine(workbook.get_value(sheet, row, col))
    return empty if value == "" else value


def read_values(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], members: dict[str, set[tuple[int, int]]]
) -> Computed:
    values: dict[str, dict[str, Any]] = {}
    member_values: dict[str, dict[str, Any]] = {}
    for sheet in dict.fromkeys([*formulas, *members]):  # the workbook's order (a set's varied from run to run)
        positions = list(formulas.get(sheet, {})) + list(members.get(sheet, ()))
        if not positions:
            continue
        rows, columns = zip(*positions, strict=True)
        top, left, bottom, right = min(rows), min(columns), max(rows), max(columns)
        grid = None
        if (bottom - top + 1) * (right - left + 1) <= 4 * len(positions) + 10_000:
            grid = workbook.sheet(sheet).get_values(fz.RangeAddress(sheet, top, left, bottom, right))

            def value_at(r: int, c: int, empty: Any = None, grid: list = grid, top: int = top, left: int = left) -> Any:
                value = from_engine(grid[r - top][c - left])
                return empty if value == "" else value
        else:  # a few cells far apart: one by one

            def value_at(r: int, c: int, empty: Any = None, sheet: str = sheet) -> Any:
                return cell_value(workbook, sheet, r, c, empty)

        found = formulas.get(sheet)
        if found is not None and grid is not None:  # finite numbers and text, the common results, need no conversion
            values[sheet] = {
                ref: v
                if ((kind := type(v := grid[r - top][c - left])) is float and v - v == 0) or (kind is str and v)
                else value_at(r, c)
                for (r, c), ref in found.refs.items()
            }
        else:
            values[sheet] = {found.refs[(r, c)]: value_at(r, c) for r, c in found} if found is not None else {}
        if members.get(sheet):
            member_values[sheet] = {
                # a spilled "" (=A1:A3&"" over a blank) is the empty text Excel stores, not a blank cell
                cell_address(r, c): value_at(r, c, "")
                for r, c in members[sheet]
                if (r, c) not in formulas.get(sheet, {})
            }
    return Computed(values={s: v for s, v in values.items() if v}, members=member_values)
