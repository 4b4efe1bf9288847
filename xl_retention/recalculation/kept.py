"""The cells the embedded engine could not compute, and what reads them (after :func:`.embedded.compute`'s evaluation).

- :func:`keep_stored`: each such cell gets the value the file stores, and an array formula's other cells
  theirs, so that the cells reading them are computed from Excel's values (``SUM(G1:G4)`` over a kept
  ``MAP`` result reads all four values, not the first alone).
- :func:`pad_classic_arrays`: a Ctrl+Shift+Enter array's cells beyond its result (``#N/A``, or a single
  value repeated) are put in the engine, so that ``=D4`` reads what Excel shows in D4.
- :func:`dependents`: every formula cell that reads, directly or through others, a cell with no current
  value; they are listed too, never computed from a blank.
- :func:`engine_name_error`: a ``#NAME?`` in a formula whose names all exist (a LAMBDA given a name by
  ``LET`` and called) is the engine's, not a typo in the workbook.
- :func:`.own_cycles.position_cycles`: ``CELL("row", A1)`` or ``ROWS(A1:A3)`` in A1 read where the cell is, not its
  value: no circular reference (Excel computes them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.formulas import FORMULAE

from ..cells import CellError
from ..registry import BY_NAME
from .cell_filename import unresolved_filename
from .cycles import ITERATIVE_REASON
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .indirect import indirect_targets
from .offset_readers import offset_readers
from .package import PackageInfo, stored_values
from .package_facts import other_application
from .position_reads import position_only
from .saved_elsewhere import not_excels
from .scratch_cell import scratch_value

if TYPE_CHECKING:
    from .embedded import Computed, Unsupported

_PREFIXES = ("_XLFN._XLWS.", "_XLFN.", "_XLWS.")
_LAST_ROW, _LAST_COLUMN = 1048576, 16384
#: a range read for a #NAME? typed in as a value when it has at most this many cells (larger: its formula cells only)
_READ_AT_MOST = 100_000
#: a text typed in a formula ("..." with "" for a quote inside)
_TEXT = re.compile(r'"(?:[^"]|"")*"')
_REFERENCE = re.compile(
    r"\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+"
)
_CELLS = re.compile(r"[A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?")
_WHOLE = re.compile(r"[A-Za-z]{1,3}:[A-Za-z]{1,3}|\d+:\d+")  # whole columns, whole rows
#: CELL's information the engine cannot give: the file's path, and the cell's format (it answers #VALUE!)
#: Excel's volatile functions whose value changes without any input changing (the date, the time, a random draw)
_VOLATILE = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\(")
_CELL_INFO = re.compile(r'(?i)(?<![\w.])CELL\(\s*"(filename|format|color|parentheses|prefix|protect|width)"')
#: CELL without a reference (``CELL("row")``): Excel answers for the cell selected when it calculated
_CELL_SELECTED = re.compile(r'(?i)(?<![\w.])CELL\(\s*"(\w+)"\s*\)')
#: the prefix of the info type :func:`cell_info_cells` gives for such a call
SELECTED = "selected:"


def _cells_of(ref: str) -> list[tuple[int, int]]:
    left, top, right, bottom = range_boundaries(ref)
    return [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]


def _address(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _split(address: str) -> tuple[str, str]:
    """``"'Sheet 4'!B2"`` -> ``("Sheet 4", "B2")``."""
    sheet, _, ref = address.rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, ref.replace("$", "").upper()


#: why an uncomputed formula cell without a stored value holds #N/A in the engine (never written: no value is stored)
NO_VALUE_HELD = "a formula the recalculation could not compute, with no value stored"


def keep_stored(
    workbook: fz.Workbook,
    path: str,
    info: PackageInfo,
    unsupported: list[Unsupported],
    literal: Callable[[Any], Any],
    stored_current: bool = True,
) -> None:
    """Put the file's stored value in each ``unsupported`` cell (#N/A when none: a formula cell is never blank) and in
    an array formula's members.

    ``item.kept`` says whether the cell keeps a current value: one is stored and ``stored_current``. In a file
    marked for a full calculation on load, a stored 0 is no value: XlsxWriter (pandas' writer) stores 0 for every
    formula it was not given a value for, a placeholder, not Excel's result (other stored values are kept: a
    workbook built by a program with the values Excel gave, as openpyxl marks every file it saves).
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
        item.kept = value is not None and stored_current and not item.stale
        if value is not None and not item.stale and other_application(info.application):
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


def volatile_stale(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    unsupported: list[Unsupported],
) -> dict[tuple[str, str], str]:
    """The ``unsupported`` cells whose stored value predates a volatile input: ``{(sheet, ref): why}``.

    A stored value is Excel's answer for the inputs of the day it saved the file. A cell calling ``TODAY()``,
    ``NOW()``, ``RAND()``, ``RANDBETWEEN()`` or ``RANDARRAY()`` itself, or reading (directly or through other cells,
    :func:`dependents`) a cell calling one whose value now differs from the stored one
    (``=FORECAST.ETS(A14+30, ...)`` with ``A14 =TODAY()``: yesterday's forecast), has no current value: Excel would
    compute another. ``values``: the engine's results by sheet and reference. Called before :func:`keep_stored`
    (the engine's graph still holds these cells' formulas).
    """
    listed = {(u.sheet, u.ref) for u in unsupported}
    if not listed:
        return {}
    stale: dict[tuple[str, str], str] = {}
    moved: dict[tuple[str, str], tuple[str, str]] = {}  # volatile cells whose value changed since the save
    called: dict[tuple[str, str], str] = {}
    for sheet, texts in formulas.items():
        cells = info.formulas.get(sheet, {})
        for place, text in texts.master_texts():
            found = _VOLATILE.search(text)
            if found is None:
                continue
            ref = texts.refs[place]
            function = found.group(1).upper()
            if (sheet, ref) in listed:  # its own formula calls TODAY(): its stored value was for the day saved
                stale[(sheet, ref)] = f"it calls {function}(), whose value has changed since Excel stored this one"
                continue
            stored = cells[ref].cached if ref in cells else None
            if not _same(values.get(sheet, {}).get(ref), stored):
                moved[(sheet, ref)] = (sheet, ref)
                called[(sheet, ref)] = function
    volatile = set(moved)  # these and the cells reading them hold other values now, whatever the inputs
    if moved:
        for key, source in dependents(workbook, moved, formulas, info).items():
            volatile.add(key)
            if key in listed and key not in stale:
                stale[key] = (
                    f"it reads {source[0]}!{source[1]} ({called[source]}()), whose value has changed since Excel "
                    "stored this one"
                )
    stale.update(inputs_stale(workbook, formulas, info, values, listed, stale, volatile))
    return stale


def inputs_stale(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    listed: set[tuple[str, str]],
    done: dict[tuple[str, str], str],
    volatile: set[tuple[str, str]] | None = None,
) -> dict[tuple[str, str], str]:
    """The ``listed`` cells (not in ``done``) reading, directly or not, a computed formula cell whose stored value
    differs from its value now (``=A2*2`` stored 4, 6 now: A2 was changed by a program that keeps the stored values,
    POI, EPPlus, an XML edit): ``{(sheet, ref): why}``. The file's values predate its inputs, so a value kept there
    (``GET_MRR(B2)``'s 100) was Excel's answer for other inputs (H160 finding 01). A cell reading a listed one is no
    such evidence (it was computed before the listed cells got their stored values), nor a difference within
    :func:`_drifted`'s tolerance (the last digits Excel's arithmetic and the engine's may give differently).

    A listed cell reading a typed value that a drifted cell reads too is as stale (:func:`_reading_changed_inputs`),
    unless that cell's value moved with the day, not the inputs: one in ``volatile`` (calling TODAY() or reading
    such a cell) or calling CELL or INFO (the file's path, the machine)."""
    drifted: dict[tuple[str, str], tuple[Any, Any]] = {}
    for sheet, cells in info.formulas.items():
        now = values.get(sheet, {})
        for ref, cell in cells.items():
            stored = cell.cached
            if stored is None or (sheet, ref) in listed or ref not in now:
                continue
            if _drifted(stored, now[ref]):
                drifted[(sheet, ref)] = (stored, now[ref])
    if not drifted:
        return {}
    downstream = dependents(workbook, {key: key for key in listed}, formulas, info)
    sources = {key: key for key in drifted if key not in downstream}
    if not sources:
        return {}
    stale: dict[tuple[str, str], str] = {}
    for key, source in dependents(workbook, sources, formulas, info).items():
        if key in listed and key not in done:
            stored, now = drifted[source]
            stale[key] = (
                f"it reads {source[0]}!{source[1]}, whose stored value {_shown(stored)} differs from its value now, "
                f"{_shown(now)}: the file's values predate its inputs"
            )
    unread = listed - set(done) - set(stale)
    telling = {key: key for key in sources if key not in (volatile or ()) and not _environment(formulas, key)}
    for key, (area, source) in _reading_changed_inputs(workbook, formulas, info, telling, unread).items():
        stored, now = drifted[source]
        stale[key] = (
            f"it reads {area}, which {source[0]}!{source[1]} reads too, whose stored value {_shown(stored)} differs "
            f"from its value now, {_shown(now)}: the file's values predate its inputs"
        )
    return stale


#: a call whose value depends on the day, a draw, the file's place or the machine, not on the cells it reads
_ENVIRONMENT = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\(")


def _environment(formulas: dict[str, FormulaTexts], key: tuple[str, str]) -> bool:
    """Whether the formula in ``key`` calls one of :data:`_ENVIRONMENT`'s functions."""
    place = cell_position(key[1])
    text = formulas[key[0]][place] if place in formulas.get(key[0], {}) else ""
    return _ENVIRONMENT.search(text) is not None


#: the cells read (precedents followed through formula cells) from a listed cell at most, before it is taken as
#: reading a changed input (too many to tell: listed, not kept)
_WALK_AT_MOST = 20_000
_Area = tuple[str, int, int, int, int]  # sheet, top, left, bottom, right


def _reading_changed_inputs(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    drifted: dict[tuple[str, str], tuple[str, str]],
    listed: set[tuple[str, str]],
) -> dict[tuple[str, str], tuple[str, tuple[str, str]]]:
    """The ``listed`` cells reading, directly or through formula cells, a typed value (not a formula) that one of the
    ``drifted`` formula cells reads itself: ``{(sheet, ref): (the area read, the drifted cell)}``.

    ``=GET_FX(A1)`` kept beside ``=SUM(A1:C1)`` stored 6 and 105 now: A1, B1 or C1 was changed by a program that
    keeps the stored values (POI, an XML edit), so GET_FX's stored value may be Excel's answer for another A1 (H199
    finding 01: it was kept with status ok). Which of the drifted cell's typed inputs changed cannot be told: a kept
    cell reading any of them is listed (a refusal, never an old value under ok). An OFFSET's reference is not read:
    the cells it lands on are (:func:`.offset_readers.offset_readers`; any cell when they cannot be told)."""
    inputs: list[tuple[_Area, tuple[str, str]]] = []
    for key in drifted:
        for area in _precedent_areas(workbook, key):
            if not _formula_cell(info, area):
                inputs.append((area, key))
    if not inputs:
        return {}
    found: dict[tuple[str, str], tuple[str, tuple[str, str]]] = {}
    landing: dict[tuple[str, str], list | None] | None = None  # each OFFSET cell -> the areas it reads (None: any)
    anywhere = ("", 1, 1, _LAST_ROW, _LAST_COLUMN)
    for key in sorted(listed):
        todo, seen, walked = [key], {key}, 0
        while todo and key not in found:
            cell = todo.pop()
            areas = _precedent_areas(workbook, cell)
            place = cell_position(cell[1])
            text = formulas[cell[0]][place] if place in formulas.get(cell[0], {}) else ""
            if "OFFSET(" in text.upper():
                if landing is None:
                    landing = dict(offset_readers(workbook, formulas, info))
                based = _offset_bases(text, cell[0])
                areas = [area for area in areas if (area[0].lower(), *area[1:]) not in based]
                lands = landing.get(cell, [])
                if lands is None:
                    areas.append(anywhere)
                else:
                    areas += [(target, top, left, bottom, right) for target, (left, top, right, bottom) in lands]
            walked += 1 + len(areas)
            for area in areas:
                hit = next((source for changed, source in inputs if area is anywhere or _overlap(area, changed)), None)
                if hit is not None or walked > _WALK_AT_MOST:
                    read = "the cells its OFFSET may land on" if area is anywhere else _area_text(area)
                    found[key] = (read, hit or next(iter(drifted)))
                    break
                if area[1] == area[3] and area[2] == area[4]:
                    cell = (area[0], _address(area[1], area[2]))
                    if cell not in seen and cell[1] in info.formulas.get(cell[0], {}):
                        seen.add(cell)
                        todo.append(cell)
                else:
                    for sheet, ref in _formula_cells_in(info, area):
                        if (sheet, ref) not in seen:
                            seen.add((sheet, ref))
                            todo.append((sheet, ref))
    return found


#: OFFSET's reference written as a cell or range (its first argument)
_OFFSET_BASE = re.compile(
    r"(?i)(?<![\w.])OFFSET\(\s*(?:('(?:[^']|'')+'|[\w.]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)\s*,"
)


def _offset_bases(text: str, sheet: str) -> set[tuple[str, int, int, int, int]]:
    """The areas ``text`` (in ``sheet``) gives OFFSET as its reference, sheet names in lower case.

    >>> sorted(_offset_bases("GET(OFFSET(A1,ROW()-4,1))+OFFSET('My S'!$B$2:C3,1,0)", "S"))
    [('my s', 2, 2, 3, 3), ('s', 1, 1, 1, 1)]
    """
    bases = set()
    for match in _OFFSET_BASE.finditer(text):
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        left, top, right, bottom = range_boundaries(match.group(2).replace("$", "").upper())
        bases.add((where.lower(), top, left, bottom, right))
    return bases


def _precedent_areas(workbook: fz.Workbook, key: tuple[str, str]) -> list[_Area]:
    """The cells and ranges the formula in ``key`` reads, as the engine's graph declares them."""
    quoted = "'" + key[0].replace("'", "''") + "'"
    try:
        report = workbook.precedents(f"{quoted}!{key[1]}", max_links=1 << 20, max_work=1 << 30).to_dict()
    except Exception:  # noqa: BLE001  (a cell the engine has no node for reads nothing)
        return []
    areas = []
    for entry in report.get("precedents", []):
        reference = entry.get("reference") or {}
        text = reference.get("resolved") or reference.get("address") or reference.get("declared")
        if not text or "!" not in text:
            continue
        sheet, ref = _split(text)
        try:
            left, top, right, bottom = range_boundaries(ref)
        except ValueError:
            continue
        areas.append((sheet, top or 1, left or 1, bottom or _LAST_ROW, right or _LAST_COLUMN))
    return areas


def _formula_cell(info: PackageInfo, area: _Area) -> bool:
    """Whether ``area`` is one cell holding a formula."""
    sheet, top, left, bottom, right = area
    return top == bottom and left == right and _address(top, left) in info.formulas.get(sheet, {})


def _formula_cells_in(info: PackageInfo, area: _Area) -> list[tuple[str, str]]:
    sheet, top, left, bottom, right = area
    return [
        (sheet, ref)
        for ref in info.formulas.get(sheet, {})
        if top <= (place := cell_position(ref))[0] <= bottom and left <= place[1] <= right
    ]


def _overlap(a: _Area, b: _Area) -> bool:
    return a[0].lower() == b[0].lower() and a[1] <= b[3] and b[1] <= a[3] and a[2] <= b[4] and b[2] <= a[4]


def _area_text(area: _Area) -> str:
    sheet, top, left, bottom, right = area
    ref = _address(top, left) if (top, left) == (bottom, right) else f"{_address(top, left)}:{_address(bottom, right)}"
    return f"{sheet}!{ref}"


def _drifted(stored: Any, now: Any) -> bool:
    """Whether a formula cell's value ``now`` is not the ``stored`` one: numbers beyond 1e-6 of the larger (and 1e-9
    apart: Excel's IRR, RATE and the like stop "accurate within 0.00001 percent", Microsoft's IRR page, where the
    engine's go on: Microsoft's WorksheetFunction.Irr page), other values by :func:`_same`.

    >>> _drifted(4.0, 6.0), _drifted(-0.0015549323725281283, -0.0015549323652521707), _drifted(0.1 + 0.2, 0.3)
    (True, False, False)
    >>> _drifted(0.0872320, 0.08723203), _drifted(100.0, 100.01)
    (False, True)
    >>> _drifted("a", "a"), _drifted(1.0, True), _drifted("", None), _drifted(5.0, CellError("#N/A"))
    (False, True, False, True)
    """
    numbers = (int, float)
    if type(stored) in numbers and type(now) in numbers:
        gap = abs(stored - now)
        return gap > 1e-9 and gap > 1e-6 * max(abs(stored), abs(now))
    return not _same(stored, now)


def _shown(value: Any) -> str:
    if isinstance(value, CellError):
        return value.code
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, CellError) or isinstance(b, CellError):
        return isinstance(a, CellError) and isinstance(b, CellError) and a.code == b.code
    return type(a) is type(b) and a == b or (a in (None, "") and b in (None, ""))


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


#: a rectangle of cells without a current value standing for its cells as roots of :func:`dependents` (a spill too
#: large for the engine, stored as its first cell): (sheet, (top, left, bottom, right), source, index), ``index`` its
#: place among the roots (the number of roots before its cells), its cells in rows from the top
Area = tuple[str, tuple[int, int, int, int], tuple[str, str], int]


def dependents(
    workbook: fz.Workbook,
    roots: dict[tuple[str, str], tuple[str, str]],
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    areas: list[Area] | tuple[()] = (),
) -> dict[tuple[str, str], tuple[str, str]]:
    """The formula cells that read any of ``roots`` (``{(sheet, "G2"): (sheet, "G1") its source}``), directly or not.

    Returns ``{(sheet, ref): (source sheet, source ref)}``. Follows the engine's dependency graph, the
    names over a range holding such a cell, and every ``INDIRECT`` whose text names such a cell, or whose
    text cannot be told (:func:`.indirect.indirect_targets`: then it may point anywhere), and every ``OFFSET``
    reaching such a cell, or whose area cannot be told (:func:`.offset_readers.offset_readers`).

    ``areas`` (:data:`Area`): rectangles whose cells are roots too, as if each were in ``roots`` at the area's place
    (:func:`expanded` gives that dict; the answer is the same). A rectangle of more cells than the workbook has
    formula cells is not looked up cell by cell in the engine's graph: only the cells where a reference of a formula
    meets it are (:func:`_meeting_cells`: its last cell there, where a look-up cell by cell, from the last cell up,
    first finds that reader); names, INDIRECT and OFFSET are tested against the rectangle itself. A spill of
    1,000,000 cells read by a few formulas: a few look-ups, not 1,000,000.
    """
    if areas:
        met = [_meeting_cells(workbook, formulas, area, roots) for area in areas]
        if any(cells is None for cells in met):
            return dependents(workbook, expanded(roots, areas), formulas, info)
        return _dependents(workbook, roots, formulas, info, list(zip(areas, met, strict=True)))  # type: ignore[arg-type]
    return _dependents(workbook, roots, formulas, info, [])


def expanded(roots: dict[tuple[str, str], tuple[str, str]], areas: list[Area] | tuple[()]) -> dict:
    """``roots`` with each area's cells put in at its place, as ``dict.update`` of them there would (a cell already
    in keeps its place and takes the area's source)."""
    if not areas:
        return roots
    items = list(roots.items())
    out: dict[tuple[str, str], tuple[str, str]] = {}
    done = 0
    for sheet, (top, left, bottom, right), source, index in sorted(areas, key=lambda area: area[3]):
        out.update(items[done:index])
        done = index
        out.update({(sheet, _address(r, c)): source for r in range(top, bottom + 1) for c in range(left, right + 1)})
    out.update(items[done:])
    return out


def _meeting_cells(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], area: Area, roots: dict
) -> list[tuple[str, str]] | None:
    """The cells of ``area`` where the engine's graph may lead from it to a reader: for each reference of a formula
    (the engine's own, as it declares them) that meets the area, the last cell (row by row) of their common part;
    in rows from the top. None where that cannot stand for a look-up of every cell: the area has no more cells than
    the workbook has formula cells (looked up cell by cell, as before), a formula's reference is not a cell or a range
    of one sheet (a name, a 3-D range, ...), or a formula meeting it names cells for their place (ROW, COLUMN,
    ISREF, CELL: which cell of the area it reads may decide whether it reads one), or a root of another source
    (or after it) lies in it."""
    sheet, (top, left, bottom, right), source, index = area
    size = (bottom - top + 1) * (right - left + 1)
    if size <= sum(len(texts) for texts in formulas.values()):
        return None
    for place, (key, origin) in enumerate(roots.items()):
        if key[0] == sheet and _inside(cell_position(key[1]), top, left, bottom, right):
            if origin != source or place >= index:
                return None
    lowered = sheet.lower()
    meeting: set[tuple[int, int]] = set()
    for other, texts in formulas.items():
        quoted = "'" + other.replace("'", "''") + "'"
        for place, text in texts.master_texts():
            try:
                report = workbook.precedents(
                    f"{quoted}!{texts.refs[place]}", max_links=1 << 30, max_work=1 << 40
                ).to_dict()
            except Exception:  # noqa: BLE001  (what the cell reads cannot be told: every cell looked up)
                return None
            if (report.get("truncation") or {}).get("incomplete"):
                return None
            for entry in report["precedents"]:
                reference = entry["reference"]
                kind = reference.get("kind")
                written = reference.get("address") if kind == "Cell" else reference.get("declared")
                if kind not in ("Cell", "Range") or not written or "!" not in written:
                    return None
                where, _, cells = written.rpartition("!")
                if where.startswith("'") and where.endswith("'"):
                    where = where[1:-1].replace("''", "'")
                if where.lower() != lowered:
                    continue
                try:
                    first, high, last, low = range_boundaries(cells.replace("$", ""))
                except ValueError:
                    return None
                first, high = first or 1, high or 1
                last, low = last or _LAST_COLUMN, low or _LAST_ROW
                if last < left or first > right or low < top or high > bottom:
                    continue
                upper = text.upper()
                if "ROW" in upper or "COLUMN" in upper or "ISREF(" in upper or "CELL(" in upper:
                    return None
                meeting.add((min(low, bottom), min(last, right)))
    return [(sheet, _address(r, c)) for r, c in sorted(meeting) if (sheet, _address(r, c)) not in roots]


def _inside(position: tuple[int, int], top: int, left: int, bottom: int, right: int) -> bool:
    return top <= position[0] <= bottom and left <= position[1] <= right


def _dependents(
    workbook: fz.Workbook,
    roots: dict[tuple[str, str], tuple[str, str]],
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    areas: list[tuple[Area, list[tuple[str, str]]]],
) -> dict[tuple[str, str], tuple[str, str]]:
    found: dict[tuple[str, str], tuple[str, str]] = {}
    todo: list[Any] = list(roots.items())
    for (_, _, source, index), cells in reversed(sorted(areas, key=lambda pair: pair[0][3])):
        todo.insert(index, ((None, cells), source))  # its cells put on the list when it is reached
    seen = dict(roots)  # every cell reached -> the cell without a current value it reads
    held = [(sheet, rectangle, source) for (sheet, rectangle, source, _), _ in areas]

    def known(key: tuple[str, str]) -> bool:
        if key in seen:
            return True
        if held:
            spot = cell_position(key[1])
            return any(key[0] == s and _inside(spot, *box) for s, box, _ in held)
        return False

    marks = sorted((index, sheet, rectangle, source) for (sheet, rectangle, source, index), _ in areas)
    range_names = [(scope, name, _split(target)) for scope, name, target in info.reference_names]
    used_names: set[tuple[str, str]] = set()
    indirect: list[tuple[tuple[str, str], list | None]] | None = None
    offsets: list[tuple[tuple[str, str], list | None]] | None = None
    unquoted: list[tuple[str, str, str]] | None = None  # (sheet, cell, formula without its texts' contents)
    while todo:
        while todo:
            (sheet, ref), source = todo.pop()
            if sheet is None:  # an area: its meeting cells, looked up from the last (as its cells would be)
                todo.extend((cell, source) for cell in ref)
                continue
            quoted = "'" + sheet.replace("'", "''") + "'"
            try:
                report = workbook.dependents(f"{quoted}!{ref}", max_results=1 << 30, max_work=1 << 40).to_dict()
            except Exception:  # noqa: BLE001  (a cell the engine has no node for reads nothing)
                continue
            for entry in report["dependents"]:
                key = _split(entry["cell"])
                if not known(key):
                    place = cell_position(key[1])
                    text = formulas[key[0]][place] if place in formulas.get(key[0], {}) else None
                    if text is not None and position_only(text, key[0], sheet, *cell_position(ref)):
                        continue  # ROW(C1), ROWS(C1:C3): the cell's place, whatever it holds (.position_reads)
                    seen[key] = source
                    if cell_position(key[1]) in formulas.get(key[0], {}):
                        found[key] = source
                    todo.append((key, source))
        readers: list[tuple[tuple[str, str], tuple[str, str]]] = []
        places: dict[str, list[tuple[Any, Any]]] = {}  # the cells found, by sheet (an area: (None, its entry))
        waiting = list(marks)
        for count, key in enumerate(seen):
            while waiting and waiting[0][0] <= count:
                _, where, rectangle, origin = waiting.pop(0)
                places.setdefault(where, []).append((None, (rectangle, origin)))
            places.setdefault(key[0], []).append((cell_position(key[1]), key))
        for _, where, rectangle, origin in waiting:
            places.setdefault(where, []).append((None, (rectangle, origin)))
        for scope, name, (sheet, target) in range_names:  # names the engine resolves: not in its graph
            if (scope, name) in used_names:
                continue
            try:
                left, top, right, bottom = range_boundaries(target)
            except ValueError:
                continue
            left, top, right, bottom = left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW
            hit = _hit_source(places, seen, sheet, (left, top, right, bottom))
            if hit is None:
                continue
            used_names.add((scope, name))
            word = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w(])", re.IGNORECASE)
            source = hit
            if unquoted is None:  # a name inside a text ("Jan!Total") is read by an INDIRECT only: see below
                unquoted = [
                    (other, texts.refs[p], _TEXT.sub('""', text) if '"' in text else text)
                    for other, texts in formulas.items()
                    for p, text in texts.master_texts()
                ]
            # every sheet (S!Name): more cells than read it, never fewer
            readers += [((other, ref), source) for other, ref, text in unquoted if word.search(text)]
        if indirect is None:  # every INDIRECT cell, with the areas its text names (None: it may read anything)
            indirect = [
                ((other, texts.refs[p]), indirect_targets(workbook, other, text, info.tables, p, info.names))
                for other, texts in formulas.items()
                for p, text in texts.master_texts()
                if "INDIRECT(" in text.upper()
            ]
        if offsets is None:  # every OFFSET cell, with the areas it reads (None: it may read anything; .offset_readers)
            offsets = offset_readers(workbook, formulas, info)
        first = next(iter(roots.values())) if roots and (not marks or marks[0][0] > 0) else marks[0][3]
        for key, targets in indirect + offsets:
            if known(key):
                continue
            if targets is None:
                readers.append((key, first))
                continue
            for target, (left, top, right, bottom) in targets:
                hit = _hit_source(places, seen, target, (left, top, right, bottom))
                if hit is not None:
                    readers.append((key, hit))
                    break
        for key, source in readers:
            if not known(key):
                seen[key] = source
                found[key] = source
                todo.append((key, source))
    return found


def _hit_source(
    places: dict[str, list[tuple[Any, Any]]], seen: dict, sheet: str, box: tuple[int, int, int, int]
) -> tuple[str, str] | None:
    """The source of the first cell reached (or area: ``(None, (rectangle, source))``) within ``box`` (left, top,
    right, bottom) of ``sheet``, in the order reached (:func:`_dependents`' ``places``)."""
    left, top, right, bottom = box
    for spot, key in places.get(sheet, ()):
        if spot is None:
            (high, first, low, last), origin = key
            if first <= right and left <= last and high <= bottom and top <= low:
                return origin
        elif left <= spot[1] <= right and top <= spot[0] <= bottom:
            return seen[key]
    return None


def _bare(name: str) -> str:
    upper = name.upper()
    for prefix in _PREFIXES:
        upper = upper.removeprefix(prefix)
    return upper


def _bound_names(tokens: list[Token]) -> set[str]:
    """The names ``LET`` and ``LAMBDA`` give in a formula (lower case, without ``_xlpm.``)."""
    bound: set[str] = set()
    stack: list[list[Any]] = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            stack.append([_bare(token.value[:-1]), 0])
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG:
            if stack:
                stack[-1][1] += 1
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and stack:
            function, argument = stack[-1]
            if function == "LAMBDA" or (function == "LET" and argument % 2 == 0):
                bound.add(token.value.lower().removeprefix("_xlpm."))
    return bound


def engine_name_error(formula: str, known: set[str], engine_knows: Callable[[str], bool]) -> tuple[str, str] | None:
    """(function, reason) when a ``#NAME?`` of ``formula`` cannot be the workbook's own: every function it calls
    exists (in Excel, or as a name, or given by ``LET``/``LAMBDA``) and every name it uses is defined
    (``known``: the workbook's names and tables, lower case). None when some name is unknown (a typo: Excel's
    ``#NAME?`` too) or the formula cannot be read."""
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:  # noqa: BLE001
        return None
    bound = _bound_names(tokens)
    called: list[str] = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            raw = token.value[:-1]
            name = _bare(raw)
            lower = raw.lower().removeprefix("_xlpm.")
            if raw.lower().startswith("_xlpm.") or lower in bound:
                called.append("LAMBDA")
            elif lower in known:
                called.append(name)
            elif not (raw.upper().startswith(_PREFIXES) or name in FORMULAE or name in BY_NAME or engine_knows(name)):
                return None  # a function Excel does not have: the workbook's #NAME?
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            value = token.value
            if "[" in value:
                continue  # a table's column or an external link
            bare = value.rpartition("!")[2]
            lower = bare.lower().removeprefix("_xlpm.")
            if _REFERENCE.fullmatch(bare) or lower in bound or lower in known or lower in ("true", "false"):
                continue
            return None  # a name the workbook does not define
    if "LAMBDA" in called:
        return "LAMBDA", "the embedded engine cannot call a LAMBDA given a name by LET"
    if called:
        return called[0], f"the embedded engine cannot call {called[0]}, a name defined by a LAMBDA"
    return "formula", ENGINE_NAME_REASON


#: :func:`engine_name_error`'s reason for a formula calling no LAMBDA (a cell reading an uncomputed cell through
#: OFFSET or INDIRECT gets it too, the engine's #NAME? passed on: that cell's reason replaces it)
ENGINE_NAME_REASON = "the embedded engine cannot resolve a name this formula uses (every name it uses exists)"


def reads_name_error(workbook: fz.Workbook, sheet: str, ref: str, errors: dict[str, set[tuple[int, int]]]) -> bool:
    """Whether the cell reads a cell holding ``#NAME?`` (``errors[sheet]``: their places): it passes that error on."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    try:
        report = workbook.precedents(f"{quoted}!{ref}", max_links=1 << 30, max_work=1 << 40).to_dict()
    except Exception:  # noqa: BLE001  (no graph for it: assume it reads one, the error stays the workbook's)
        return True
    for entry in report["precedents"]:
        reference = entry["reference"]
        target = reference.get("address") or reference.get("resolved")
        resolution = reference.get("resolution") or {}
        target = target or resolution.get("address")
        if not target:
            if reference.get("kind") not in ("Cell", "Range"):
                return True  # a name or reference the engine could not resolve: not the formula's own error
            continue
        other, area = _split(target)
        try:
            left, top, right, bottom = range_boundaries(area)
        except ValueError:
            continue
        left, top, right, bottom = left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW
        if any(
            left <= c <= right and top <= r <= bottom and (other, (r, c)) != (sheet, cell_position(ref))
            for r, c in errors.get(other, ())
        ):
            return True
        if (bottom - top + 1) * (right - left + 1) <= _READ_AT_MOST:  # a #NAME? typed in as a value
            try:
                grid = workbook.sheet(other).get_values(fz.RangeAddress(other, top, left, bottom, right))
            except Exception:  # noqa: BLE001  (a sheet the engine does not have: nothing read there)
                continue
            if any(_is_name_error(v) for row in grid for v in row):
                return True
    return False


def _is_name_error(value: Any) -> bool:
    return isinstance(value, dict) and value.get("type") == "Error" and str(value.get("kind", "")).lower() == "name"


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
