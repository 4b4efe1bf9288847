"""A spill the embedded engine cannot settle, kept with Excel's stored values: checked against the inputs of now.

A dynamic array next to a spilled OFFSET (``D1 =SEQUENCE(B1)`` over ``D2 =OFFSET(A1,0,0,2,1)``) stops formualizer
0.13 (its "did not converge" error); the cell it stops at keeps the value Excel stored (:mod:`.kept`). A stored value
is Excel's answer for the inputs of the day it saved the file: after a script changed an input (A1 from 1 to 5) the
kept 1 and 2 were stale, and the cells reading them (``SUM(D2:D3)`` 3, right 7) computed from them, status ok.

:func:`check_settled_spills` computes each such cell's formula once more where it can spill freely (an empty place
far below the sheet's cells), with the result's size: a spill area holding another cell is Excel's #SPILL!, else
the computed array. Where that differs from the stored value, the cell no longer counts as kept: it is listed with
the cells reading it (status incomplete), never a silent ok.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .package import PackageInfo

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Unsupported

__all__ = ["check_settled_spills"]

#: the words of the reason the engine's stop gets (:func:`.embedded._stopped_words`)
SETTLE_WORDS = "cannot settle the spill"
_CHANGED = "; its inputs have changed since Excel stored this value (computed again: {now})"
_UNSURE = "; whether its inputs have changed since Excel stored this value cannot be checked"
#: where the formula is computed again: rows this far above the sheet's end, its last columns
_SCRATCH_ROW, _SCRATCH_COLUMN = 1_048_576 - 2_000, 16_384 - 200


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) or isinstance(b, dict):  # engine errors: {"type": "Error", "kind": ...}
        kind = lambda v: str(v.get("kind", "")).strip("#!?/").lower() if isinstance(v, dict) else None  # noqa: E731
        return kind(a) == kind(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    return (a in (None, "") and b in (None, "")) or a == b


def _shown(value: Any) -> str:
    """A value computed again as the reason writes it: an engine error as Excel's code (``#N/A``), never its dict."""
    if isinstance(value, dict) and value.get("type") == "Error":
        from .engine import excel_code  # noqa: PLC0415  (a changed spill's reason only)

        return excel_code(str(value.get("kind", "Value")))
    return value.code if isinstance(value, CellError) else str(value)


def _spill_error(value: Any) -> bool:
    return isinstance(value, CellError) and value.code == "#SPILL!"


def check_settled_spills(
    workbook: fz.Workbook,
    info: PackageInfo,
    unsupported: list[Unsupported],
    formulas: dict[str, Any] | None = None,
    given: dict[tuple[str, int, int], str] | None = None,
) -> None:
    """For each kept cell the engine stopped at over a spill (``unsupported``, after :func:`.kept.keep_stored`):
    compute its formula again where it spills freely; where Excel's answer now (#SPILL! when its area holds another
    cell, else the array) differs from the stored one, or cannot be had, it is no longer kept (listed, and so are
    the cells reading it). ``formulas``: the texts of the sheets' formula cells (a shared formula's copies have none
    in ``info``: without their text, their stored value cannot be checked and is not kept); ``given``: the formulas
    the engine was given where rewritten, by (sheet, row, column): a defined name's formula written in (the engine
    has no name ``moving`` of ``=moving``: computed again, it was #NAME?, "its inputs have changed", the value lost)."""
    for item in unsupported:
        if not item.kept or SETTLE_WORDS not in item.reason:
            continue
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        if cell is None:
            continue
        column, row = range_boundaries(item.ref)[:2]
        text = (given or {}).get((item.sheet, row, column), "").removeprefix("=") or (
            cell.text or _copy_text(formulas, item.sheet, row, column)  # a shared formula's copy: its own text
        )
        now = _computed_again(workbook, item.sheet, text) if text else None
        if now is None:
            item.kept = False
            item.reason += _UNSURE
            continue
        own = set()
        if cell.kind == "array" and cell.ref:
            left, top, right, bottom = range_boundaries(cell.ref)
            own = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
        area = [(row + i, column + j) for i in range(len(now)) for j in range(len(now[0]))]
        blocked = len(area) > 1 and any(
            (r, c) not in own and workbook.get_value(item.sheet, r, c) is not None for r, c in area[1:]
        )
        if blocked:  # Excel's #SPILL!: the stored value must be it
            if _spill_error(cell.cached):
                continue
            item.kept = False
            item.reason += _CHANGED.format(now="#SPILL!")
            continue
        stored = [[workbook.get_value(item.sheet, r, c) for c in range(column, column + len(now[0]))] for r in
                  range(row, row + len(now))]  # fmt: skip
        if _spill_error(cell.cached) or any(
            not _same(a, b) for got, kept in zip(now, stored, strict=True) for a, b in zip(got, kept, strict=True)
        ):
            item.kept = False
            shown = ", ".join(_shown(v) for r in now for v in r[:4])
            item.reason += _CHANGED.format(now=shown)


def _copy_text(formulas: dict[str, Any] | None, sheet: str, row: int, column: int) -> str | None:
    """The text of a copy of a shared formula (the file gives only its first cell's): the one the rewrite read."""
    try:
        return formulas[sheet][(row, column)] if formulas else None
    except KeyError:
        return None


def _computed_again(workbook: fz.Workbook, sheet: str, text: str) -> list[list[Any]] | None:
    """``text`` computed in an empty place of ``sheet`` (its references are absolute there), as rows (its size by
    ROWS and COLUMNS above it); None when the engine cannot compute it there either."""
    target = workbook.sheet(sheet)
    places = [(_SCRATCH_ROW, _SCRATCH_COLUMN), (_SCRATCH_ROW - 1, _SCRATCH_COLUMN), (_SCRATCH_ROW - 2, _SCRATCH_COLUMN)]
    formulas = [f"={text}", f"=ROWS({text})", f"=COLUMNS({text})"]
    try:
        for (r, c), formula in zip(places, formulas, strict=True):
            target.set_formula(r, c, formula)
        value = workbook.evaluate_cell(sheet, *places[0])
        rows, columns = (workbook.evaluate_cell(sheet, *place) for place in places[1:])
        size = (int(rows), int(columns)) if isinstance(rows, float) and isinstance(columns, float) else (1, 1)
        if size[0] > 1_000 or size[1] > 100:
            return None
        got = [
            [value if i == j == 0 else workbook.get_value(sheet, _SCRATCH_ROW + i, _SCRATCH_COLUMN + j)
             for j in range(size[1])]
            for i in range(size[0])
        ]  # fmt: skip
    except Exception:  # noqa: BLE001  (the engine stops here too: the stored value cannot be checked)
        return None
    finally:
        for r, c in places:
            try:
                target.set_value(r, c, None)
            except Exception:  # noqa: BLE001
                pass
    return got
