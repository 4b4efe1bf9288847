"""The cells the embedded engine could not compute, and what reads them (after :func:`.embedded.compute`'s evaluation).

- :func:`keep_stored`: each such cell gets the value the file stores, and an array formula's other cells
  theirs, so that the cells reading them are computed from Excel's values (``SUM(G1:G4)`` over a kept
  ``MAP`` result reads all four values, not the first alone).
- :func:`pad_classic_arrays`: a Ctrl+Shift+Enter array's cells beyond its result (``#N/A``, or a single
  value repeated) are put in the engine, so that ``=D4`` reads what Excel shows in D4.
- :func:`.uncomputed_readers.dependents`: every formula cell that reads, directly or through others, a cell with no
  current value; they are listed too, never computed from a blank.
- :func:`.predated_values.volatile_stale` and :func:`.predated_values.inputs_stale`: a stored value that predates
  its inputs (TODAY(), or an input changed since Excel saved the file) is no current value.
- :func:`.engine_names.engine_name_error`: a ``#NAME?`` in a formula whose names all exist (a LAMBDA given a name by
  ``LET`` and called) is the engine's, not a typo in the workbook.
- :func:`.own_cycles.position_cycles`: ``CELL("row", A1)`` or ``ROWS(A1:A3)`` in A1 read where the cell is, not its
  value: no circular reference (Excel computes them).

The names moved to those modules are imported here too, as the other modules and the tests use them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..cells import CellError
from .cell_addresses import (
    _LAST_COLUMN,
    _LAST_ROW,
    _address,
    _cells_of,
    _split,  # noqa: F401 (moved out: .own_cycles imports it from here)
)
from .cell_filename import unresolved_filename
from .cycles import ITERATIVE_REASON
from .engine_names import (  # noqa: F401 (moved out: .unsupported, .embedded, .own_cycles... use them here)
    ENGINE_NAME_REASON,
    _bare,
    engine_name_error,
    reads_name_error,
)
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .google_functions import GOOGLE_FUNCTIONS
from .package import PackageInfo, stored_values
from .package_facts import other_application
from .predated_values import _same, _shown, inputs_stale, volatile_stale  # noqa: F401 (.embedded calls them here)
from .saved_elsewhere import not_excels
from .scratch_cell import scratch_value
from .uncomputed_readers import (  # noqa: F401 (moved out: many modules and tests use kept.dependents)
    Area,
    _meeting_cells,
    dependents,
    expanded,
)

if TYPE_CHECKING:
    from .embedded import Computed, Unsupported

_CELLS = re.compile(r"[A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?")
_WHOLE = re.compile(r"[A-Za-z]{1,3}:[A-Za-z]{1,3}|\d+:\d+")  # whole columns, whole rows
#: CELL's information the engine cannot give: the file's path, and the cell's format (it answers #VALUE!)
_CELL_INFO = re.compile(r'(?i)(?<![\w.])CELL\(\s*"(filename|format|color|parentheses|prefix|protect|width)"')
#: CELL without a reference (``CELL("row")``): Excel answers for the cell selected when it calculated
_CELL_SELECTED = re.compile(r'(?i)(?<![\w.])CELL\(\s*"(\w+)"\s*\)')
#: the prefix of the info type :func:`cell_info_cells` gives for such a call
SELECTED = "selected:"


#: why an uncomputed formula cell without a stored value holds #N/A in the engine (never written: no value is stored)
NO_VALUE_HELD = "a formula the recalculation could not compute, with no value stored"


def keep_stored(
    workbook: fz.Workbook,
    path: str,
    info: PackageInfo,
    unsupported: list[Unsupported],
    literal: Callable[[Any], Any],
    stored_current: bool = True,
    elsewhere_current: bool = False,
) -> None:
    """Put the file's stored value in each ``unsupported`` cell (#N/A when none: a formula cell is never blank) and in
    an array formula's members.

    ``item.kept`` says whether the cell keeps a current value: one is stored and ``stored_current``. In a file
    marked for a full calculation on load, a stored 0 is no value: XlsxWriter (pandas' writer) stores 0 for every
    formula it was not given a value for, a placeholder, not Excel's result (other stored values are kept: a
    workbook built by a program with the values Excel gave, as openpyxl marks every file it saves).
    ``elsewhere_current``: the file's values are current, though another program than Excel stored them: a cell
    calling Google Sheets' own function (ARRAYFORMULA, whose values are Google's wherever they were saved) keeps them.
    """
    arrays: dict[str, set[str]] = {}
    spills: dict[tuple[str, str], str] = {}  # (sheet in lower case, anchor) -> the range of a kept array
    loops = {  # the formulas of the loop cells of an iterative workbook, read before their values replace them
        (item.sheet, item.ref): _formula_of(workbook, item.sheet, item.ref)
        for item in unsupported
        if item.reason == ITERATIVE_REASON
    }
    for item in unsupported:
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        value = cell.cached if cell is not None else None
        if info.full_calc_on_load and type(value) in (int, float) and value == 0:
            value = None  # a writer's placeholder (XlsxWriter's write_formula without value=)
        google = item.function in GOOGLE_FUNCTIONS  # Google Sheets' values, never Excel's (.google_functions)
        item.kept = value is not None and (stored_current or google and elsewhere_current) and not item.stale
        if value is not None and not item.stale and other_application(info.application) and not google:
            item.reason = f"{item.reason}; {not_excels(info.application)}"
        # a formula cell blocks a spill whatever its value (Excel's #SPILL!, "Spill range isn't blank"): one without
        # a value is no blank the spill may fill; the cells reading it are listed, not computed from it (dependents)
        held = value if value is not None else CellError("#N/A", NO_VALUE_HELD)
        workbook.set_value(item.sheet, *cell_position(item.ref), literal(held))
        if cell is not None and cell.kind == "array" and cell.ref and value is not None:
            spills[(item.sheet.lower(), item.ref.upper())] = cell.ref.replace("$", "").upper()
            arrays.setdefault(item.sheet, set()).update(
                _address(r, c) for r, c in _cells_of(cell.ref) if _address(r, c) != item.ref
            )
    if arrays:
        for sheet, values in stored_values(path, arrays).items():
            for ref, value in values.items():
                workbook.set_value(sheet, *cell_position(ref), literal(value))
    if spills:
        _kept_spill_reads(workbook, info, spills)
    if loops:
        _unsettled_loops(workbook, info, [u for u in unsupported if u.kept and (u.sheet, u.ref) in loops], loops)


#: B1# as the engine holds it (Excel stores it as _xlfn.ANCHORARRAY(B1)), the sheet given or not
_ANCHOR = re.compile(
    r"(?i)_XLFN\.ANCHORARRAY\(\s*((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)\s*\)"
)


def _kept_spill_reads(workbook: fz.Workbook, info: PackageInfo, spills: dict[tuple[str, str], str]) -> None:
    """The formulas reading a kept array through its anchor (``=SUM(B1#)``, ``INDEX(B1#,2,2)``, ``ROWS(B1#)``) read
    the kept array's range instead (``B1:C2``, the range Excel stored its values in), in the engine only: the anchor
    holds a value now, no spill, and the engine gave #REF! with no reason, status ok (H199 finding 05: a kept
    GROUPBY, or an add-in's array function). The file's formulas are written as they are."""

    def ranged(match: re.Match[str], own: str) -> str:
        prefix = match.group(1) or ""
        sheet = prefix[:-1].strip("'").replace("''", "'") if prefix else own
        area = spills.get((sheet.lower(), f"{match.group(2)}{match.group(3)}".upper()))
        if area is None:
            return match.group(0)
        return prefix + ":".join(re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", end) for end in area.split(":"))

    for sheet, cells in info.formulas.items():
        if not any("ANCHORARRAY(" in (cell.text or "").upper() for cell in cells.values()):
            continue
        for ref, cell in cells.items():
            if cell.kind not in ("normal", "shared", "array") or cell.empty:
                continue
            text = _formula_of(workbook, sheet, ref)
            if not text or "ANCHORARRAY(" not in text.upper():
                continue
            changed = _ANCHOR.sub(lambda match, own=sheet: ranged(match, own), text)
            if changed != text:
                try:
                    workbook.set_formula(sheet, *cell_position(ref), changed)
                except Exception:  # noqa: BLE001, S112  (the engine refuses it: the cell keeps its #REF!)
                    continue


def _formula_of(workbook: fz.Workbook, sheet: str, ref: str) -> str | None:
    try:
        return workbook.get_formula(sheet, *cell_position(ref))
    except Exception:  # noqa: BLE001  (no formula the engine gives: its step cannot be told)
        return None


def _unsettled_loops(
    workbook: fz.Workbook, info: PackageInfo, items: list[Unsupported], loops: dict[tuple[str, str], str | None]
) -> None:
    """The loop cells of an iterative workbook whose stored value is no longer a solution of the loop (``items``, the
    loop cells holding their stored values now) are not kept: one step of each formula from the stored values, with
    the inputs as they are now, gives another value (H199 finding 04: an interest on the average balance kept the
    balances of last month's cash flow, 608.04 beside open 1000 + cash flow 400 + interest 8.04, with status ok).
    Excel iterates from the stored values: where they solve the loop (a time stamp ``=IF(B2="",NOW(),B2)`` gives
    back itself) it stays there, and its value is kept; where they do not, it moves on to a value of the new inputs,
    which the stored one is not, and the cells it reads on (the next month's balance) with it: when any loop cell is
    not settled, no loop cell of the workbook is kept. A step that cannot be evaluated (the engine cannot take the
    formula) keeps the value, as before."""
    unsettled: list[Unsupported] = []
    for item in items:
        text = loops.get((item.sheet, item.ref))
        if not text or _PLACE_READ.search(text):
            continue
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        stored = cell.cached if cell is not None else None
        step = scratch_value(workbook, item.sheet, _absolute(text))
        if step is None or isinstance(step, dict) or stored is None:
            continue
        if type(step) in (int, float) and type(stored) in (int, float) and not isinstance(stored, bool):
            if abs(step - stored) <= max(10 * info.iterate_delta, 1e-6 * max(abs(step), abs(stored))):
                continue
        elif _same(step, stored) or (type(step) is float and type(stored) is int and step == stored):
            continue
        item.kept = False
        item.reason += (
            f"; its stored value {_shown(stored)} no longer solves the loop: one step from it with the inputs now "
            f"gives {_shown(step)} (the file's values predate its inputs)"
        )
        unsettled.append(item)
    if not unsettled:
        return
    moved = {(item.sheet, item.ref): item for item in unsettled}
    changed = True
    while changed:  # a kept loop cell reading, directly or through other formulas, one not kept: not kept either
        changed = False
        for item in items:
            if not item.kept:
                continue
            source = _reaches(workbook, info, (item.sheet, item.ref), loops, moved)
            if source is not None:
                item.kept = False
                item.reason += (
                    f"; it reads {source[0]}!{source[1]}, whose stored value no longer solves the loop (the file's "
                    "values predate its inputs)"
                )
                moved[(item.sheet, item.ref)] = item
                changed = True


#: the formula cells followed from a loop cell at most, looking for an unsettled one (more: taken as reaching one)
_FOLLOW_AT_MOST = 5_000


def _reaches(
    workbook: fz.Workbook,
    info: PackageInfo,
    start: tuple[str, str],
    loops: dict[tuple[str, str], str | None],
    moved: dict[tuple[str, str], Any],
) -> tuple[str, str] | None:
    """The cell of ``moved`` that the formula of ``start`` reads, directly or through other formula cells (their
    references read from their text: a loop cell's from ``loops``, another's from the engine), or None."""
    from .cycles import _areas

    names = info.names.get("", {})
    todo, seen = [start], {start}
    while todo:
        cell = todo.pop()
        text = loops[cell] if cell in loops else _formula_of(workbook, *cell)
        if not text:
            continue
        for sheet, (left, top, right, bottom) in _areas(text, cell[0], names):
            left, top, right, bottom = left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW
            for key in moved:
                if key[0] == sheet and key != start:
                    row, column = cell_position(key[1])
                    if top <= row <= bottom and left <= column <= right:
                        return key
            for ref in info.formulas.get(sheet, {}):
                row, column = cell_position(ref)
                if top <= row <= bottom and left <= column <= right and (sheet, ref) not in seen:
                    seen.add((sheet, ref))
                    todo.append((sheet, ref))
                    if len(seen) > _FOLLOW_AT_MOST:
                        return next(iter(moved))
    return None


#: ROW() or COLUMN() without a reference: the formula's own place (not the scratch cell's)
_PLACE_READ = re.compile(r"(?i)(?<![\w.])(?:ROW|COLUMN)\(\s*\)")
_A1_AREA = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$")
_COLUMNS = re.compile(r"^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$")
_ROWS = re.compile(r"^\$?(\d+):\$?(\d+)$")


def _absolute(formula: str) -> str:
    """``formula`` with every cell, range, column and row reference made absolute (``$B$3``), so that it means the
    same cells wherever it is evaluated.

    >>> _absolute("=$B$1/12*(B3+E3)/2+SUM('My S'!A1:B2)+Rate+A:A+SUM(2:3)")
    "=$B$1/12*($B$3+$E$3)/2+SUM('My S'!$A$1:$B$2)+Rate+$A:$A+SUM($2:$3)"
    """
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula)
    except Exception:  # noqa: BLE001  (left as it is: the engine refuses it, and the step is not told)
        return formula
    for token in tokens.items:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        where, bang, area = token.value.rpartition("!")
        if match := _A1_AREA.match(area):
            a, b, c, d = match.groups()
            area = f"${a}${b}" + (f":${c}${d}" if c else "")
        elif match := _COLUMNS.match(area):
            area = f"${match.group(1)}:${match.group(2)}"
        elif match := _ROWS.match(area):
            area = f"${match.group(1)}:${match.group(2)}"
        else:
            continue
        token.value = f"{where}{bang}{area}"
    return tokens.render()


def pad_classic_arrays(
    workbook: fz.Workbook,
    info: PackageInfo,
    result: Computed,
    fitted: Callable[[fz.Workbook, str, str, Any], dict[str, Any]],
    value_of: Callable[[fz.Workbook, str, int, int], Any],
    literal: Callable[[Any], Any],
) -> bool:
    """Set the cells of Ctrl+Shift+Enter arrays beyond their result to what Excel shows there; True when any was set.

    ``fitted(workbook, sheet, ref, cell)`` gives an array's cells as Excel fills its range.
    """
    skip = {(u.sheet, u.ref) for u in result.unsupported}
    changed = False
    for sheet, cells in info.formulas.items():
        for ref, cell in cells.items():
            if cell.kind != "array" or cell.dynamic or not cell.ref or (sheet, ref) in skip:
                continue
            if ref not in result.values.get(sheet, {}):
                continue
            for address, value in fitted(workbook, sheet, ref, cell).items():
                r, c = cell_position(address)
                if address != ref and not _same(value_of(workbook, sheet, r, c), value):
                    workbook.set_value(sheet, r, c, literal(value))
                    changed = True
    return changed


def cell_info_cells(formulas: dict[str, FormulaTexts], info: PackageInfo) -> Iterable[tuple[str, str, str]]:
    """(sheet, ref, info type) of the formula cells calling ``CELL("filename", ...)`` (the path of the file where
    Excel saved it, which the embedded engine cannot know: kept where the file stores it; without a stored value
    ``CELL("filename", A1)`` is computed from the file's own path, :mod:`.cell_filename`) or asking for a cell's
    format (``"format"``, ``"color"``, ``"width"``...: the engine answers ``#VALUE!``), or calling CELL without a
    reference (``CELL("row")``: Excel answers for the cell selected when it calculated; the type given as
    ``selected:row``)."""
    for sheet, texts in formulas.items():
        if "CELL(" not in texts.upper_text():  # one test per sheet: most have none
            continue
        stored = info.formulas.get(sheet, {})
        for place, text in texts.master_texts():
            kinds = [match.group(1).lower() for match in _CELL_INFO.finditer(text)]
            selected = [m.group(1).lower() for m in _CELL_SELECTED.finditer(text) if m.group(1).lower() != "filename"]
            if selected:  # CELL("row"): the selection's, which the file does not record (the engine: #VALUE!)
                yield sheet, texts.refs[place], SELECTED + selected[0]
                continue
            if not kinds:
                continue
            ref = texts.refs[place]
            if set(kinds) == {"filename"} and not unresolved_filename(text):
                cell = stored.get(ref)
                if cell is None or getattr(cell, "cached", None) is None:
                    continue  # no value of Excel's: CELL("filename", A1) is computed from the file's path
            yield sheet, ref, next((k for k in kinds if k != "filename"), "filename")
