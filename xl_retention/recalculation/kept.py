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
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .indirect import indirect_targets
from .offset_readers import offset_readers
from .package import PackageInfo, stored_values
from .position_reads import position_only

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
    for item in unsupported:
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        value = cell.cached if cell is not None else None
        if info.full_calc_on_load and type(value) in (int, float) and value == 0:
            value = None  # a writer's placeholder (XlsxWriter's write_formula without value=)
        item.kept = value is not None and stored_current
        # a formula cell blocks a spill whatever its value (Excel's #SPILL!, "Spill range isn't blank"): one without
        # a value is no blank the spill may fill; the cells reading it are listed, not computed from it (dependents)
        held = value if value is not None else CellError("#N/A", NO_VALUE_HELD)
        workbook.set_value(item.sheet, *cell_position(item.ref), literal(held))
        if cell is not None and cell.kind == "array" and cell.ref and value is not None:
            arrays.setdefault(item.sheet, set()).update(
                _address(r, c) for r, c in _cells_of(cell.ref) if _address(r, c) != item.ref
            )
    if arrays:
        for sheet, values in stored_values(path, arrays).items():
            for ref, value in values.items():
                workbook.set_value(sheet, *cell_position(ref), literal(value))


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
    if moved:
        for key, source in dependents(workbook, moved, formulas, info).items():
            if key in listed and key not in stale:
                stale[key] = (
                    f"it reads {source[0]}!{source[1]} ({called[source]}()), whose value has changed since Excel "
                    "stored this one"
                )
    stale.update(inputs_stale(workbook, formulas, info, values, listed, stale))
    return stale


def inputs_stale(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    listed: set[tuple[str, str]],
    done: dict[tuple[str, str], str],
) -> dict[tuple[str, str], str]:
    """The ``listed`` cells (not in ``done``) reading, directly or not, a computed formula cell whose stored value
    differs from its value now (``=A2*2`` stored 4, 6 now: A2 was changed by a program that keeps the stored values,
    POI, EPPlus, an XML edit): ``{(sheet, ref): why}``. The file's values predate its inputs, so a value kept there
    (``GET_MRR(B2)``'s 100) was Excel's answer for other inputs (H160 finding 01). A cell reading a listed one is no
    such evidence (it was computed before the listed cells got their stored values), nor a difference within
    :func:`_drifted`'s tolerance (the last digits Excel's arithmetic and the engine's may give differently)."""
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
    return stale


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


def dependents(
    workbook: fz.Workbook,
    roots: dict[tuple[str, str], tuple[str, str]],
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
) -> dict[tuple[str, str], tuple[str, str]]:
    """The formula cells that read any of ``roots`` (``{(sheet, "G2"): (sheet, "G1") its source}``), directly or not.

    Returns ``{(sheet, ref): (source sheet, source ref)}``. Follows the engine's dependency graph, the
    names over a range holding such a cell, and every ``INDIRECT`` whose text names such a cell, or whose
    text cannot be told (:func:`.indirect.indirect_targets`: then it may point anywhere), and every ``OFFSET``
    reaching such a cell, or whose area cannot be told (:func:`.offset_readers.offset_readers`).
    """
    found: dict[tuple[str, str], tuple[str, str]] = {}
    todo = list(roots.items())
    seen = dict(roots)  # every cell reached -> the cell without a current value it reads
    range_names = [(scope, name, _split(target)) for scope, name, target in info.reference_names]
    used_names: set[tuple[str, str]] = set()
    indirect: list[tuple[tuple[str, str], list | None]] | None = None
    offsets: list[tuple[tuple[str, str], list | None]] | None = None
    unquoted: list[tuple[str, str, str]] | None = None  # (sheet, cell, formula without its texts' contents)
    while todo:
        while todo:
            (sheet, ref), source = todo.pop()
            quoted = "'" + sheet.replace("'", "''") + "'"
            try:
                report = workbook.dependents(f"{quoted}!{ref}", max_results=1 << 30, max_work=1 << 40).to_dict()
            except Exception:  # noqa: BLE001  (a cell the engine has no node for reads nothing)
                continue
            for entry in report["dependents"]:
                key = _split(entry["cell"])
                if key not in seen:
                    place = cell_position(key[1])
                    text = formulas[key[0]][place] if place in formulas.get(key[0], {}) else None
                    if text is not None and position_only(text, key[0], sheet, *cell_position(ref)):
                        continue  # ROW(C1), ROWS(C1:C3): the cell's place, whatever it holds (.position_reads)
                    seen[key] = source
                    if cell_position(key[1]) in formulas.get(key[0], {}):
                        found[key] = source
                    todo.append((key, source))
        readers: list[tuple[tuple[str, str], tuple[str, str]]] = []
        places: dict[str, list[tuple[tuple[int, int], tuple[str, str]]]] = {}  # the cells found, by sheet
        for key in seen:
            places.setdefault(key[0], []).append((cell_position(key[1]), key))
        for scope, name, (sheet, target) in range_names:  # names the engine resolves: not in its graph
            if (scope, name) in used_names:
                continue
            try:
                left, top, right, bottom = range_boundaries(target)
            except ValueError:
                continue
            left, top, right, bottom = left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW
            hit = next(
                (key for (r, c), key in places.get(sheet, ()) if left <= c <= right and top <= r <= bottom),
                None,
            )
            if hit is None:
                continue
            used_names.add((scope, name))
            word = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w(])", re.IGNORECASE)
            source = seen[hit]
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
        first = next(iter(roots.values()))
        for key, areas in indirect + offsets:
            if key in seen:
                continue
            if areas is None:
                readers.append((key, first))
                continue
            for target, (left, top, right, bottom) in areas:
                hit = next(
                    (k for (r, c), k in places.get(target, ()) if left <= c <= right and top <= r <= bottom), None
                )
                if hit is not None:
                    readers.append((key, seen[hit]))
                    break
        for key, source in readers:
            if key not in seen:
                seen[key] = source
                found[key] = source
                todo.append((key, source))
    return found


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
