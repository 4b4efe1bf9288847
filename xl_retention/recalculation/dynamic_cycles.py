"""Circular references made by a reference computed when the formula runs: OFFSET's, INDIRECT's.

The engine's dependency graph holds the references a formula is given, not the areas an OFFSET or INDIRECT computes
from them, and its check at run time does not see a loop through them either: ``=SUM(OFFSET(A2,0,0,3,1))`` in A4
(A2:A4, its own cell), ``=SUM(Dyn)`` in A1 with ``Dyn = OFFSET(S!$A$2,-1,0,3,1)`` (A1:A3) and
``=SUM(INDIRECT("A2:A"&ROW()))`` were computed (11) with status ok, where Excel reports a circular reference and,
iteration off, does not calculate the cell (Microsoft, Worksheet.CircularReference), and where the same loop made
with a reference typed in is refused (H173's finding 06). :func:`dynamic_cycles` finds each formula cell whose
OFFSET or INDIRECT area (:mod:`.offset_readers`, :func:`.indirect.indirect_targets`: the areas the call reads now)
holds its own cell, or a formula cell reading it, and gives it the engine's circular-reference error, so that the
workbook is refused naming it as any other loop. An area that cannot be told is not taken as a loop (nor one whose
arguments the engine would be asked about past the first :data:`_ASKED_AT_MOST` such formulas: the check runs on
every workbook), nor a call in a formula choosing what it runs (IF, IFS, IFERROR, IFNA, CHOOSE, SWITCH: the call may
not run); a call whose result only a place or size is asked of (``ROWS(OFFSET(..))``) reads no value.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..cells import CellError
from .formula_texts import position
from .indirect import indirect_targets
from .offset_readers import offset_readers
from .package import visible_names
from .text_literals import LITERALS as _TEXTS

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["dynamic_cycles"]

#: a call computing a reference, and one whose reference only a place or size is asked of
_CALLS = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(OFFSET|INDIRECT)\(")
_PLACE_ONLY = re.compile(
    r"(?i)(?<![\w.])(?:ROWS|COLUMNS|ROW|COLUMN|AREAS|ISREF)\(\s*(?:_xlfn\.)?(?:OFFSET|INDIRECT)\($"
)
#: a function that runs one of its arguments only: the area read may not be read at all (Excel's loop is at run time)
_CONDITIONAL = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(?:IF|IFS|IFERROR|IFNA|CHOOSE|SWITCH)\(")
#: the most formulas whose OFFSET or INDIRECT arguments (no number, text or cell typed in: a MATCH, an ADDRESS) the
#: engine is asked about for this check, run on every workbook: 0.2 s at most; the others are not told (no loop)
_ASKED_AT_MOST = 200

Area = tuple[str, tuple[int, int, int, int]]


def dynamic_cycles(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    formula_names: dict[str, dict[str, str]],
    circular: str,
    literal: Callable[[Any], Any],
) -> list[tuple[str, str]]:
    """The formula cells on a loop through an OFFSET's or INDIRECT's area (see the module), each given the error
    ``circular`` (the engine's code of a circular reference, made an engine value by ``literal``); the caller
    evaluates again. None in a workbook computed by iteration (its loops are meant)."""
    if info.iterate:
        return []
    candidates: list[tuple[tuple[str, str], list[Area] | None]] = []
    budget = [_ASKED_AT_MOST]  # formulas whose arguments the engine is asked (0.5 ms each); past it: not told
    if any("OFFSET(" in t.upper_text() for t in formulas.values()) or any(
        "OFFSET(" in f.upper() for scope in formula_names.values() for f in scope.values()
    ):
        candidates += offset_readers(workbook, formulas, info, formula_names, budget)
    for sheet, texts in formulas.items():
        if "INDIRECT(" not in texts.upper_text():
            continue
        for place in texts:
            text = texts[place]
            if "INDIRECT(" in text.upper():
                key = (sheet, texts.refs[place])
                every = visible_names(info, sheet)
                reached = indirect_targets(workbook, sheet, text, info.tables, place, info.names, budget, every)
                candidates.append((key, reached))
    columns: dict[str, dict[int, list[int]]] | None = None  # made for the first area not holding its own formula
    found: list[tuple[str, str]] = []
    for (sheet, ref), areas in candidates:
        if not areas or (sheet, ref) in found:
            continue
        row, column = position(ref)
        text = formulas[sheet][(row, column)]
        if _places_only(text) or _CONDITIONAL.search(_TEXTS.sub('""', text)):
            continue  # a branch may not run the call (=IF(ROW()=1,0,SUM(OFFSET(..)))): not told, no loop claimed
        if not _holds(areas, sheet, row, column):
            if columns is None:  # every formula cell by column (50,000 cells: 20-30 ms), only where an area is read
                columns = _formula_columns(formulas)
            if not _reads_a_reader(workbook, formulas, info, sheet, ref, areas, columns):
                continue
        found.append((sheet, ref))
    for sheet, ref in found:
        workbook.set_value(sheet, *position(ref), literal(CellError(circular)))
    return found


def _holds(areas: list[Area], sheet: str, row: int, column: int) -> bool:
    return any(
        target.lower() == sheet.lower() and left <= column <= right and top <= row <= bottom
        for target, (left, top, right, bottom) in areas
    )


def _formula_columns(formulas: dict[str, FormulaTexts]) -> dict[str, dict[int, list[int]]]:
    """Each sheet's (lower case) formula cells: column -> its rows, in order."""
    out: dict[str, dict[int, list[int]]] = {}
    for name, texts in formulas.items():
        by_column = out.setdefault(name.lower(), {})
        for row, column in texts:
            by_column.setdefault(column, []).append(row)
    for by_column in out.values():
        for rows in by_column.values():
            rows.sort()
    return out


def _reads_a_reader(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    sheet: str,
    ref: str,
    areas: list[Area],
    columns: dict[str, dict[int, list[int]]],
) -> bool:
    """Whether an area holds a formula cell reading ``sheet!ref``, directly or not (a loop through other cells);
    ``columns``: :func:`_formula_columns`."""
    inside = []
    for target, (left, top, right, bottom) in areas:
        by_column = columns.get(target.lower(), {})
        for column in by_column if len(by_column) < right - left + 1 else range(left, right + 1):
            rows = by_column.get(column)
            if rows is None or not left <= column <= right:
                continue
            start = bisect.bisect_left(rows, top)
            inside += [(target, (row, column)) for row in rows[start : bisect.bisect_right(rows, bottom)]]
    if not inside:
        return False
    from . import kept  # noqa: PLC0415  (.kept reads .unsupported, which reads this package's listings)

    readers = kept.dependents(workbook, {(sheet, ref): (sheet, ref)}, formulas, info)
    held = {(s.lower(), position(r)) for s, r in readers}
    return any((target.lower(), place) in held for target, place in inside)


def _places_only(text: str) -> bool:
    """Whether every OFFSET and INDIRECT of ``text`` is only asked its place or size (``ROWS(OFFSET(..))``)."""
    bare = _TEXTS.sub('""', text)
    calls = list(_CALLS.finditer(bare))
    return bool(calls) and all(_PLACE_ONLY.search(bare[: call.end()]) for call in calls)
