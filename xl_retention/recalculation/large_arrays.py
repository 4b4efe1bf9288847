"""Array formulas over the embedded engine's 10,000 spill cells, computed here where that can be done exactly.

formualizer 0.13 spills at most 10,000 cells (:data:`.spill_reasons.ENGINE_SPILL_CELLS`) where Excel spills any
result that fits on the sheet into blank cells (Microsoft, "Dynamic array formulas and spilled array behavior") and a
Ctrl+Shift+Enter array fills the range it was entered in. Such arrays are listed (:func:`.spill_reasons.
oversized_spills`, a :class:`LargeArray` each); :func:`compute_large_arrays` then computes those it can:

- one call of this package's own functions (:mod:`xl_retention.registry`) whose arguments are cell references,
  numbers, texts or logicals (``=BGNBD_P_ALIVE(0.24,4.41,0.79,2.43,A2:A25001,B2:B25001,C2:C25001)`` over a customer
  list): the arguments' values read from the engine as it passes them to the function, the result computed by the
  core on the path the engine's call takes (:func:`xl_retention.cells.evaluate`, each cell's error with its
  message);
- a Ctrl+Shift+Enter array of arithmetic on ranges alone (``{=A1:A12000*2}``): the engine's own array arithmetic,
  asked whole as one function's argument (which it passes at any size), as it computes the same formula under the
  limit.

The values are put into the engine as the array's cells and their dependents (``=AVERAGE(D:D)``) evaluated again by
the caller; :meth:`LargeArrays.place` gives the array's cells and range as :func:`.engine_results.fit_arrays` gives a
spill's. Anything else stays listed (Excel's stored values kept), and so does an array whose arguments read a cell
without a current value, or whose spill area holds anything Excel's spill is blocked by.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries

from ..cells import CellError, evaluate, without_trailing_empties
from ..registry import BY_NAME, ExcelFunction
from ..sheet_names import SHEET
from . import kept
from .denormals import unflushed
from .formula_texts import position
from .merged_spills import merged_areas
from .text_literals import LITERALS as _TEXTS
from .unsupported import Unsupported
from .xlsx_values import Resized, _sheet_parts

if TYPE_CHECKING:
    import formualizer as fz

    from .engine_results import Computed
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["LargeArray", "LargeArrays", "compute_large_arrays", "free_area"]

#: the function a formula is handed to whole, so that the engine gives its array at any size
CAPTURE = "_XLR_LARGE_ARRAY"
_SMALLEST = 2.2250738585072014e-308  # Excel holds no denormal: an add-in function's result below it is 0
_EMPTY_ROW = [None]
_ARITHMETIC = frozenset(("+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="))
#: the engine's own error kinds: no value of Excel's (a loop, a spill, what it does not implement)
_ENGINE_KINDS = frozenset(("circ", "spill", "nimpl", "error"))

Box = tuple[int, int, int, int]  # left, top, right, bottom
#: a spill's reference: ``D2#``, ``'My data'!D2#``, ``_xlfn.ANCHORARRAY(D2)``
_SPILL_REFERENCE = re.compile(
    r"(?i)(?<![\w.$!':])(?:(?:_xlfn\.)?ANCHORARRAY\(\s*(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)\s*\)"
    r"|(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)#)"
)
_DEFINED_NAME = re.compile(r"<(?:\w+:)?definedName\b[^>]*>([^<]*)</(?:\w+:)?definedName>")
#: a Ctrl+Shift+Enter array's formula as :mod:`.embedded` cuts a larger result to the range it was entered in
_CLIPPED = re.compile(
    r"LET\(_xlr_a,\s*(.+),\s*TAKE\(_xlr_a,\s*MIN\(ROWS\(_xlr_a\),\s*\d+\),\s*MIN\(COLUMNS\(_xlr_a\),\s*\d+\)\)\)",
    re.DOTALL,
)


def cell_address(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


def cells_of(ref: str) -> list[tuple[int, int]]:
    left, top, right, bottom = range_boundaries(ref if ":" in ref else f"{ref}:{ref}")
    return [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]  # type: ignore[operator,arg-type]


@dataclass
class LargeArray(Unsupported):
    """An array formula listed for the engine's spill limit, with what computing it here needs."""

    formula: str = ""  #: the engine's formula text in its first cell (without "=") when it was listed
    size: tuple[int, int] = (0, 0)  #: the result's rows and columns, as the engine gives them
    free: bool = False  #: nothing in its area blocks Excel's spill (a Ctrl+Shift+Enter array fills its range)


@dataclass
class _Placed:
    sheet: str
    ref: str
    area: Box
    grid: list[list[Any]]
    dynamic: bool
    stored_ref: str


@dataclass
class LargeArrays:
    """The arrays :func:`compute_large_arrays` computed; falsy when none."""

    placed: list[_Placed] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.placed)

    def place(self, result: Computed) -> None:
        """Each computed array's first cell, cells and range in ``result`` (after :func:`.engine_results.
        fit_arrays`, which sees no spill in the engine for them): a dynamic array's range is its result's, a
        Ctrl+Shift+Enter array fills its own. One listed since (a cell it reads has no current value) is left as
        listed."""
        from .engine_results import classic_members  # noqa: PLC0415  (.engine reads this module's importers)

        listed = {(u.sheet, u.ref) for u in result.unsupported}
        for done in self.placed:
            if (done.sheet, done.ref) in listed:
                continue
            values = result.values.setdefault(done.sheet, {})
            members = result.members.setdefault(done.sheet, {})
            first = done.grid[0][0]
            left, top, right, bottom = done.area
            if done.dynamic:
                spilled = result.spilled_errors.get(done.sheet, {})
                for address in [a for a, anchor in spilled.items() if anchor == done.ref]:
                    del spilled[address]
                for r, c in cells_of(done.stored_ref):
                    members[cell_address(r, c)] = None  # cells of the stored range outside the result
                for r in range(top, bottom + 1):
                    for c in range(left, right + 1):
                        value = done.grid[r - top][c - left]
                        members[cell_address(r, c)] = "" if value is None else value
                        if type(value) is CellError and (r, c) != (top, left):
                            result.spilled_errors.setdefault(done.sheet, {})[cell_address(r, c)] = done.ref
                extent = f"{done.ref}:{cell_address(bottom, right)}"
                values[done.ref] = Resized(first, extent) if extent != done.stored_ref else first
            else:
                grid = [["" if v is None else v for v in row] for row in done.grid]
                members.update(classic_members(None, done.sheet, done.ref, _Stored(done.stored_ref), grid))  # type: ignore[arg-type]
                values[done.ref] = first
            members.pop(done.ref, None)


@dataclass
class _Stored:
    """What :func:`.engine_results.classic_members` reads of a Ctrl+Shift+Enter array: its range."""

    ref: str


def free_area(workbook: fz.Workbook, info: PackageInfo, sheet: str, area: Box) -> bool:
    """Whether a dynamic array's spill ``area`` (its first cell its own) holds no value, no formula and no table:
    Excel spills into it (Microsoft, "How to correct a #SPILL! error"). Asked before the file's stored values are
    put back into the engine (which holds none in a dynamic array's cells); merged cells are looked at when it is
    computed (:func:`compute_large_arrays`)."""
    import formualizer as fz  # noqa: PLC0415  (loaded with the engine already)

    left, top, right, bottom = area
    for table in info.tables:
        if table.sheet == sheet and _meets(area, table.bounds):
            return False
    for ref in info.formulas.get(sheet, {}):
        column, row = range_boundaries(ref)[:2]
        if (row, column) != (top, left) and left <= column <= right and top <= row <= bottom:  # type: ignore[operator]
            return False
    try:
        grid = workbook.sheet(sheet).get_values(fz.RangeAddress(sheet, top, left, bottom, right))
    except Exception:  # noqa: BLE001  (not read: not known to be free)
        return False
    if len(grid) != bottom - top + 1:
        return False
    for i, row in enumerate(grid):
        if len(row) != right - left + 1:
            return False
        if i == 0:
            row = row[1:]  # noqa: PLW2901  (its own first cell)
        if row.count(None) != len(row):
            return False
    return True


def _meets(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def compute_large_arrays(
    workbook: fz.Workbook,
    path: str,
    info: PackageInfo,
    formulas: dict[str, FormulaTexts],
    unsupported: list[Unsupported],
) -> LargeArrays:
    """Compute each :class:`LargeArray` of ``unsupported`` that can be (see the module), put its values into the
    engine as its cells and take it off ``unsupported`` (in place); the caller evaluates the workbook again. Called
    once the file's stored values of the cells not computed are in the engine (their readers' inputs final)."""
    large = [u for u in unsupported if type(u) is LargeArray and u.free and u.formula]
    done = LargeArrays()
    if not large:
        return done
    from .engine_results import classic_members  # noqa: PLC0415  (.engine reads this module's importers)

    unread = _without_values(workbook, formulas, info, unsupported)
    read_whole = _spills_read(path, formulas, {(u.sheet, u.ref) for u in large})
    merged = _merged(path, {u.sheet for u in large if info.formulas[u.sheet][u.ref].dynamic})
    for item in large:
        cell = info.formulas[item.sheet][item.ref]
        if (item.sheet, item.ref) in read_whole:
            continue  # =AVERAGE(D2#): no spill of D2 in the engine to read (its #REF!): listed as before
        row, column = position(item.ref)
        if cell.dynamic:
            area = (column, row, column + item.size[1] - 1, row + item.size[0] - 1)
            if any(_meets(area, box) for box in merged.get(item.sheet, [])):
                continue  # Excel's #SPILL! (merged cells in the way): listed as before
        else:
            area = range_boundaries(cell.ref or item.ref)  # type: ignore[assignment]
        grid = _whole_sequence(cell.text) if cell.text else None  # =SEQUENCE(10001): as typed, not as rewritten
        try:
            grid = grid or _computed(workbook, item, unread, legacy=not cell.dynamic, names=info.names)
        except Exception:  # noqa: BLE001  (not computed: listed as before)
            grid = None
        if grid is None:
            continue
        if cell.dynamic:
            if (len(grid), len(grid[0])) != item.size:
                continue
        else:  # a Ctrl+Shift+Enter array shows its result in its own range (a row or column repeated, #N/A beyond)
            filled = classic_members(None, item.sheet, item.ref, _Stored(cell.ref or item.ref), grid)  # type: ignore[arg-type]
            left, top, right, bottom = area
            grid = [[filled[cell_address(r, c)] for c in range(left, right + 1)] for r in range(top, bottom + 1)]
        _put(workbook, item.sheet, area, grid)
        unsupported.remove(item)
        done.placed.append(_Placed(item.sheet, item.ref, area, grid, cell.dynamic, cell.ref or item.ref))
    return done


def _put(workbook: fz.Workbook, sheet: str, area: Box, grid: list[list[Any]]) -> None:
    """The values of ``grid`` into the engine's cells of ``area`` (a blank result as the empty text, as the engine
    shows a function's None in a spill)."""
    from .engine import engine_literal  # noqa: PLC0415  (.engine reads this module's importers)

    left, top = area[:2]
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if value is None:
                value = ""  # noqa: PLW2901
            elif type(value) is CellError:
                value = engine_literal(value)  # noqa: PLW2901
            workbook.set_value(sheet, top + i, left + j, value)


def _merged(path: str, sheets: set[str]) -> dict[str, list[Box]]:
    if not sheets:
        return {}
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        return {sheet: merged_areas(package.read(parts[sheet])) for sheet in sheets if parts.get(sheet)}


def _spills_read(path: str, formulas: dict[str, FormulaTexts], anchors: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The ``anchors`` (sheet, first cell) whose spill a formula or a defined name reads (``D2#``,
    ``ANCHORARRAY(D2)``); where the names cannot be read, every one."""
    found: set[tuple[str, str]] = set()
    by_name = {(sheet.lower(), ref): (sheet, ref) for sheet, ref in anchors}

    def note(text: str, sheet: str) -> None:
        for match in _SPILL_REFERENCE.finditer(_TEXTS.sub('""', text)):
            where = match.group(1) or match.group(4)
            if where:
                where = where[1:-1].replace("''", "'") if where.startswith("'") else where
            else:
                where = sheet
            anchor = f"{(match.group(2) or match.group(5)).upper()}{match.group(3) or match.group(6)}"
            if (where.lower(), anchor) in by_name:
                found.add(by_name[(where.lower(), anchor)])

    for sheet, texts in formulas.items():
        upper = texts.upper_text()
        if "#" in upper or "ANCHORARRAY" in upper:
            for place in texts:
                note(texts[place], sheet)
    try:
        with zipfile.ZipFile(path) as package:
            book = next((n for n in package.namelist() if n.lower() == "xl/workbook.xml"), None)
            names = package.read(book).decode("utf-8", "replace") if book else ""
    except (OSError, KeyError, zipfile.BadZipFile):
        return set(anchors)
    import html  # noqa: PLC0415  (on first use: issue 14, a command's start)

    for match in _DEFINED_NAME.finditer(names):
        note(html.unescape(match.group(1)), "")  # a name's reference names its sheet
    return found


def _without_values(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo, unsupported: list[Unsupported]
) -> set[tuple[str, int, int]]:
    """The cells without a current value (those listed keeping none, their array's cells, and the cells reading
    them): an array reading one is not computed from it."""
    roots: dict[tuple[str, str], tuple[str, str]] = {}
    for item in unsupported:
        if item.kept or type(item) is LargeArray:
            continue
        cell = info.formulas.get(item.sheet, {}).get(item.ref)
        area = cell.ref if cell is not None and cell.kind == "array" and cell.ref else item.ref
        roots.update({(item.sheet, cell_address(r, c)): (item.sheet, item.ref) for r, c in cells_of(area)})
    if not roots:
        return set()
    reached = {**roots, **kept.dependents(workbook, roots, formulas, info)}
    return {(sheet.lower(), *position(ref)) for sheet, ref in reached}


def _computed(
    workbook: fz.Workbook,
    item: LargeArray,
    unread: set[tuple[str, int, int]],
    legacy: bool,
    names: dict[str, dict[str, str]] | None = None,
) -> list[list[Any]] | None:
    """The result of ``item``'s formula as rows of cell values, or None where it is not computed here."""
    clipped = _CLIPPED.fullmatch(item.formula)  # a Ctrl+Shift+Enter array's result cut to its range: the same cells
    text = clipped.group(1) if clipped is not None and legacy else item.formula
    tokens = [t for t in Tokenizer("=" + text).items if t.type != Token.WSPACE]
    call = _our_call(tokens, item.sheet, workbook.sheet_names, names)
    if call is not None:
        function, arguments = call
        if any(_reads(a, unread) for a in arguments):
            return None
        grid = _core(workbook, function, arguments)
        first = grid[0][0] if grid else None
        if type(first) is CellError and first.message:  # its reason as one cell's: CRR's name, the cell named
            from .reason_cells import name_the_cell  # noqa: PLC0415

            said = f"{function.name}: {first.message.removeprefix(function.name + ': ')} ({first.code})"
            grid[0][0] = CellError(first.code, name_the_cell(said, "=" + text, item.sheet, names))  # type: ignore[index]
        return grid
    if legacy and _arithmetic(text, item.sheet, workbook.sheet_names):
        ranges = _ranges(text, item.sheet, workbook.sheet_names)
        if ranges is None or any(_reads(r, unread) for r in ranges):
            return None
        return _engine_array(workbook, item.sheet, item.ref, text)
    return None


#: SEQUENCE given whole numbers typed in (rows, and columns, start and step or none)
_SEQUENCE = re.compile(
    r"(?i)\s*(?:_xlfn\.)?SEQUENCE\(\s*(\d+)\s*(?:,\s*(\d*)\s*(?:,\s*([-+]?\d*)\s*(?:,\s*([-+]?\d*)\s*)?)?)?\)\s*"
)


def _whole_sequence(formula: str) -> list[list[Any]] | None:
    """``=SEQUENCE(10001)`` and the like with whole numbers typed in: its rows of whole numbers (``start + step * k``,
    exact), which Excel spills whole; None for any other formula (a fraction's step, a reference: left listed).

    >>> _whole_sequence("_xlfn.SEQUENCE(3,2,10,-5)"), _whole_sequence("SEQUENCE(2)")
    ([[10.0, 5.0], [0.0, -5.0], [-10.0, -15.0]], [[1.0], [2.0]])
    >>> _whole_sequence("SEQUENCE(2,,,0.5)"), _whole_sequence("SEQUENCE(A1)")
    (None, None)
    """
    match = _SEQUENCE.fullmatch(formula)
    if match is None:
        return None
    rows, columns, start, step = (int(part) if part not in (None, "") else 1 for part in match.groups())
    if rows < 1 or columns < 1 or rows * columns > 1_048_576 * 16_384:
        return None
    return [[float(start + step * (row * columns + column)) for column in range(columns)] for row in range(rows)]


@dataclass
class _Range:
    sheet: str
    box: Box


def _reads(argument: Any, unread: set[tuple[str, int, int]]) -> bool:
    if type(argument) is not _Range or not unread:
        return False
    left, top, right, bottom = argument.box
    sheet = argument.sheet.lower()
    return any(s == sheet and top <= r <= bottom and left <= c <= right for s, r, c in unread)


def _reference(
    text: str, sheet: str, sheets: list[str], names: dict[str, dict[str, str]] | None = None
) -> _Range | None:
    """A cell or range reference (``A2:A25001``, ``'My data'!$A$2``), or a defined name of one (``names``: {sheet or
    "": {name in lower case: its reference}}, the sheet's own first), as a :class:`_Range`; None for anything else (a
    name of something else, a whole column, another workbook's)."""
    if names and "!" not in text:
        named = names.get(sheet, {}).get(text.lower()) or names.get("", {}).get(text.lower())
        if named:
            return _reference(named, sheet, sheets)
    where, bang, ref = text.rpartition("!")
    if bang:
        if where.startswith("'") and where.endswith("'") and len(where) > 1:
            where = where[1:-1].replace("''", "'")
        if "[" in where or ":" in where:
            return None
        found = next((s for s in sheets if s.lower() == where.lower()), None)
        if found is None:
            return None
        sheet = found
    try:
        left, top, right, bottom = range_boundaries(ref.replace("$", ""))
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    return _Range(sheet, (left, top, right, bottom))  # type: ignore[arg-type]


def _our_call(
    tokens: list[Token], sheet: str, sheets: list[str], names: dict[str, dict[str, str]] | None = None
) -> tuple[ExcelFunction, list[Any]] | None:
    """(the function, its arguments: a :class:`_Range`, a number, a text or a logical each) of a formula that is one
    call of ours and nothing else; None otherwise."""
    if len(tokens) < 2 or tokens[0].type != Token.FUNC or tokens[0].subtype != Token.OPEN:
        return None
    if tokens[-1].type != Token.FUNC or tokens[-1].subtype != Token.CLOSE:
        return None
    name = tokens[0].value[:-1].upper()
    for prefix in ("_XLUDF.", "_XLDUDF_"):
        name = name.removeprefix(prefix)
    function = BY_NAME.get(name)
    if function is None:
        return None
    arguments: list[Any] = []
    sign = 1.0
    expect = True  # an argument next
    for token in tokens[1:-1]:
        if token.type == Token.SEP and token.subtype == Token.ARG and not expect:
            expect = True
            continue
        if not expect:
            return None
        if token.type == Token.OP_PRE and token.value in "+-":
            sign = -sign if token.value == "-" else sign
            continue
        if token.type != Token.OPERAND:
            return None
        if token.subtype == Token.NUMBER:
            arguments.append(sign * float(token.value))
        elif sign != 1.0:
            return None
        elif token.subtype == Token.TEXT:
            arguments.append(token.value[1:-1].replace('""', '"'))
        elif token.subtype == Token.LOGICAL and token.value.upper() in ("TRUE", "FALSE"):
            arguments.append(token.value.upper() == "TRUE")
        elif token.subtype == Token.RANGE and (found := _reference(token.value, sheet, sheets, names)) is not None:
            arguments.append(found)
        else:
            return None
        sign, expect = 1.0, False
    if expect and arguments:  # a trailing comma: an omitted argument
        return None
    return function, arguments


def _core(workbook: fz.Workbook, function: ExcelFunction, arguments: list[Any]) -> list[list[Any]] | None:
    """``function``'s result over ``arguments`` as the engine's call of it gives it (:mod:`.engine`'s general path:
    a range as rows of the engine's values, a skipped-blanks column's trailing blanks dropped, converted to cell
    values, the core run with IEEE's denormals), rows of cell values with each error's message."""
    import formualizer as fz  # noqa: PLC0415  (loaded with the engine already)

    from .engine import from_engine  # noqa: PLC0415  (.engine reads this module's importers)

    given = []
    for k, argument in enumerate(arguments):
        if type(argument) is _Range:
            left, top, right, bottom = argument.box
            if (left, top) == (right, bottom):
                value: Any = workbook.get_value(argument.sheet, top, left)
            else:
                value = workbook.sheet(argument.sheet).get_values(
                    fz.RangeAddress(argument.sheet, top, left, bottom, right)
                )
                if k < len(function.args) and function.args[k].blanks_skipped:
                    value = without_trailing_empties(value, _EMPTY_ROW)
            argument = from_engine(value)  # noqa: PLW2901
        given.append(argument)
    result = unflushed(lambda: evaluate(function, *given))()
    if type(result) is not list or not result or type(result[0]) is not list:
        return None
    width = len(result[0])
    if not width or any(len(row) != width for row in result):
        return None
    return [[0.0 if type(v) is float and -_SMALLEST < v < _SMALLEST else v for v in row] for row in result]


def _arithmetic(text: str, sheet: str, sheets: list[str]) -> bool:
    """Whether ``text`` is arithmetic, joins and comparisons of references and numbers alone, one reference a range
    at least (``A1:A12000*2``, ``(B2:B9-C2:C9)/C2:C9``): no function, name or intersection."""
    tokens = Tokenizer("=" + text).items
    ranged = operated = False
    previous: Token | None = None
    for token in tokens:
        if token.type == Token.WSPACE:
            continue
        if token.type == Token.OPERAND:
            if token.subtype == Token.RANGE:
                found = _reference(token.value, sheet, sheets)
                if found is None:
                    return False
                ranged = ranged or found.box[:2] != found.box[2:]
            elif token.subtype != Token.NUMBER:
                return False
            if previous is not None and (previous.type == Token.OPERAND or previous.subtype == Token.CLOSE):
                return False  # two operands side by side: an intersection
        elif token.type == Token.OP_IN and token.value in _ARITHMETIC:
            operated = True
        elif token.type == Token.OP_PRE and token.value in "+-":
            pass
        elif token.type == Token.PAREN:
            if token.subtype == Token.OPEN and previous is not None and previous.type == Token.OPERAND:
                return False
        else:
            return False
        previous = token
    return ranged and operated


def _ranges(text: str, sheet: str, sheets: list[str]) -> list[_Range] | None:
    found = []
    for token in Tokenizer("=" + text).items:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            reference = _reference(token.value, sheet, sheets)
            if reference is None:
                return None
            found.append(reference)
    return found


def _engine_array(workbook: fz.Workbook, sheet: str, ref: str, formula: str) -> list[list[Any]] | None:
    """The engine's own value of the ``formula`` of the array in ``sheet!ref``, whole: handed to a function of one
    argument in its first cell (the engine passes an argument's array at any size), as rows of cell values; None
    where it holds an error of the engine's own (a loop, a spill) or a blank."""
    from .engine import engine_literal, from_engine  # noqa: PLC0415  (.engine reads this module's importers)

    captured: list[Any] = []

    def capture(value: Any) -> float:
        captured.append(value)
        return 0.0

    row, column = position(ref)
    held = workbook.get_value(sheet, row, column)  # the file's stored value (kept.keep_stored): put back
    workbook.register_function(CAPTURE, capture, min_args=1, max_args=1)
    try:
        workbook.set_formula(sheet, row, column, f"={CAPTURE}(({formula}))")
        workbook.evaluate_cell(sheet, row, column)
    finally:
        workbook.set_value(sheet, row, column, engine_literal(held))
        workbook.unregister_function(CAPTURE)
    if len(captured) != 1 or type(captured[0]) is not list or not captured[0]:
        return None
    rows = [r if type(r) is list else [r] for r in captured[0]]
    width = len(rows[0])
    grid = []
    for row_values in rows:
        if len(row_values) != width:
            return None
        out = []
        for value in row_values:
            if value is None:
                return None
            if isinstance(value, dict) and str(value.get("kind", "")).strip("#!?").lower() in _ENGINE_KINDS:
                return None
            out.append(from_engine(value))
        grid.append(out)
    return grid
