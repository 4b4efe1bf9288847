"""Excel cell semantics over the core: the adapter every formula surface shares.

:func:`evaluate` calls a registry function the way a worksheet formula does. Inputs
are cell values: numbers, text, ``None`` or ``""`` for a blank cell, an Excel error
(a :class:`CellError` or its code as text, e.g. ``"#N/A"``), or a range as a list of
rows. The result is a cell value or a list of rows that spills:

- one value per cell for elementwise functions; ranges broadcast and map cell by cell;
- every input of a cell blank gives a blank (``None``); some blank gives ``#VALUE!``;
- an error cell as input, text or a boolean where a number belongs give ``#VALUE!``;
- the core's errors become their Excel errors (``#DIV/0!``, ``#NUM!``), with the
  core's message kept on the :class:`CellError`;
- nothing raises: an unexpected failure is ``#VALUE!`` with its message.

The xlwings layer and the embedded engine only convert values to and from this form.
"""

from __future__ import annotations

import inspect
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import Any

import numpy as np

from .errors import EXCEL_ERRORS, NEWER_EXCEL_ERRORS, RetentionInputError, position_text
from .registry import Argument, ExcelFunction


@dataclass(frozen=True)
class CellError:
    """An Excel error value, such as ``#DIV/0!``, with the reason behind it."""

    code: str
    message: str = ""

    def __str__(self) -> str:
        return self.code


Cell = Any  # float | int | str | bool | None | CellError
_OMITTED = object()


_ERROR_CODES = frozenset(EXCEL_ERRORS + NEWER_EXCEL_ERRORS)


def is_error(value: Cell) -> bool:
    """Whether a cell value is an Excel error (a CellError or an error code as text, Office.js' newer ones too).

    >>> is_error("#BUSY!"), is_error("#N/A"), is_error("BUSY")
    (True, True, False)
    """
    return isinstance(value, CellError) or (isinstance(value, str) and value in _ERROR_CODES)


def is_blank(value: Cell) -> bool:
    """Whether a cell value is blank: ``None``, ``""``, NaN, or a text of spaces alone (a non-breaking or narrow
    no-break space pasted from a web page's table too: docs/metrics.md, "Bad input").

    >>> is_blank(None), is_blank(""), is_blank(" "), is_blank("\u00a0"), is_blank(0), is_blank("x")
    (True, True, True, True, False, False)
    """
    if isinstance(value, str):
        return value == "" or value.isspace()
    return value is None or (isinstance(value, float) and value != value)


def _is_number(value: Cell) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _is_range(value: Any) -> bool:
    return isinstance(value, (list, tuple, np.ndarray))


def _as_grid(value: Any) -> np.ndarray:
    """A cell value or a range (list of rows, or a flat list as a column) as a 2-D object array."""
    if not _is_range(value):
        grid = np.empty((1, 1), dtype=object)
        grid[0, 0] = value
        return grid
    rows = [list(r) if _is_range(r) else [r] for r in value]
    width = max((len(r) for r in rows), default=0)
    array = np.empty((len(rows), width), dtype=object)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            array[i, j] = cell
    return array


def excel_message(error: RetentionInputError, function: ExcelFunction | None = None) -> str:
    """The core's message as a cell's reason: a value's place in a range counted as Excel users count, from 1.

    ``"scores must be a whole score from 0 to 10, got 100 at position (2, 0)"`` becomes
    ``"... got 100 in row 3, column 1 of scores"``; a 1-D position ``k`` (a range read row by row) becomes ``cell k+1``.
    Given the ``function``, the core's argument names are its Excel arguments' (BGNBD_P_ALIVE's ``T`` is ``age``).
    """
    text = str(error)
    index = error.position
    suffix = position_text(index) if index is not None and 1 <= len(index) <= 2 else None
    if suffix is not None and text.endswith(suffix):
        name = error.argument or "the range"
        place = f"cell {index[0] + 1}" if len(index) == 1 else f"row {index[0] + 1}, column {index[1] + 1}"
        text = f"{text[: -len(suffix)]} in {place} of {name}"
    if isinstance(error.value, (bool, np.bool_)):  # a cell's TRUE, as Excel writes it
        for spelled in (repr(error.value), str(error.value)):  # True, np.True_
            text = text.replace(f"got {spelled}", f"got {str(bool(error.value)).upper()}", 1)
    return _excel_names(function, text) if function is not None else text


_RENAMED: dict[str, tuple[ExcelFunction, Any]] = {}


def _excel_names(function: ExcelFunction, text: str) -> str:
    """``text`` with the core's argument names that differ from the Excel function's (by position) replaced by the
    Excel ones, as whole words outside quoted values: ``recency (50) exceeds T (38)`` is ``... exceeds age (38)``.

    >>> from xl_retention.registry import BY_NAME
    >>> _excel_names(BY_NAME["BGNBD_P_ALIVE"], "recency (50) exceeds T (38): got 'T'")
    "recency (50) exceeds age (38): got 'T'"
    """
    cached = _RENAMED.get(function.name)
    if cached is None or cached[0] is not function:
        try:
            own = list(inspect.signature(function.func).parameters)
        except (TypeError, ValueError):
            own = []
        pairs = {a: spec.name for a, spec in zip(own, function.args, strict=False) if a != spec.name}
        pattern = re.compile(r"(?<![\w'\"])(" + "|".join(map(re.escape, pairs)) + r")(?![\w'\"])") if pairs else None
        cached = _RENAMED[function.name] = (function, (pattern, pairs))
    pattern, pairs = cached[1]
    return text if pattern is None else pattern.sub(lambda m: pairs[m.group(1)], text)


def _call(function: ExcelFunction, *args: Any) -> Cell:
    try:
        result = function.func(*args)
    except RetentionInputError as error:
        return CellError(error.excel_error, excel_message(error, function))
    except Exception as error:  # never a traceback in a cell
        return CellError("#VALUE!", f"{function.name} failed: {error!r}")
    if function.returns == "row":
        row = list(result)  # NPS_BREAKDOWN's counts stay whole numbers
        return next((e for e in map(partial(_finite, function), row) if type(e) is CellError), None) or [row]
    return _finite(function, result)


def _finite(function: ExcelFunction, result: Any) -> Cell:
    """``result`` as a cell's number: one beyond the largest a cell holds (infinity) or no number (NaN) is ``#NUM!``,
    as Excel makes a larger result (Microsoft KB 214373: "larger values are converted into a #NUM! error value");
    xlwings would hand Excel ``inf``, which Office.js' JSON cannot carry.

    >>> from xl_retention.registry import BY_NAME
    >>> _finite(BY_NAME["CLV"], 1.5), _finite(BY_NAME["CLV"], float("inf")).message
    (1.5, 'CLV gives inf, beyond the largest number a cell holds (about 1.8E+308)')
    """
    value = float(result)
    if value - value == 0:  # finite
        return value
    if value != value:
        return CellError("#NUM!", f"{function.name} gives no number (NaN) for these arguments")
    return CellError(
        "#NUM!", f"{function.name} gives {value:g}, beyond the largest number a cell holds (about 1.8E+308)"
    )


def _flatten(value: Any) -> list[Cell]:
    if isinstance(value, np.ndarray):
        return value.ravel().tolist()
    if not _is_range(value):
        return [value]
    if set(map(type, value)) <= {list, tuple}:  # a list of rows
        return list(chain.from_iterable(value))
    return list(chain.from_iterable(row if _is_range(row) else (row,) for row in value))


_NUMBERS = frozenset((float, int))
_NUMBER_OR_NONE = frozenset((float, int, type(None)))
_NAN_FOR_NONE = {None: float("nan")}


def without_trailing_empties(cells: list[Any], empty: Any = None) -> list[Any]:
    """``cells`` up to its last item that is not ``empty`` (an empty cell, ``None``; or ``[None]``, an empty row
    of one column): a column of survey answers is read as the template's 1,000 rows, mostly empty, whose blanks
    the core would skip one by one (:attr:`~xl_retention.registry.Argument.blanks_skipped`). Empty runs are
    found 64 at a time by C-level counts; the positions of the items kept are unchanged.

    >>> without_trailing_empties([9.0, None, 10.0, None, None]), without_trailing_empties([[7.0], [None]], [None])
    ([9.0, None, 10.0], [[7.0]])
    """
    end = len(cells)
    while end >= 64 and cells[end - 64 : end].count(empty) == 64:
        end -= 64
    while end and cells[end - 1] == empty:
        end -= 1
    return cells[:end]


def _whole_range(spec: Argument, value: Any) -> tuple[Any, list[Cell]] | CellError:
    """A range argument taken whole: (the value for the core, its cells); blanks become None/NaN."""
    if spec.whole == "table":
        grid = _as_grid(value)
        cells = grid.ravel().tolist()
    else:
        cells = _flatten(value)
        if spec.blanks_skipped and cells and cells[-1] is None:
            cells = without_trailing_empties(cells)
    types = set(map(type, cells))
    if types <= _NUMBER_OR_NONE:  # plain numbers and blanks: straight to numpy (None -> NaN: blank to the core)
        if type(None) in types:  # mapped to NaN first: numpy's own None handling is 1.5x slower
            values = np.fromiter(map(_NAN_FOR_NONE.get, cells, cells), dtype=np.float64, count=len(cells))
        else:
            values = np.array(cells, dtype=np.float64)
        return (values.reshape(grid.shape) if spec.whole == "table" else values), cells
    for k, cell in enumerate(cells):
        if is_error(cell):  # its place as excel_message gives one (the recalc report names the cell)
            width = grid.shape[1] if spec.whole == "table" and grid.ndim == 2 and grid.shape[1] else 0
            place = f"row {k // width + 1}, column {k % width + 1}" if width else f"cell {k + 1}"
            return CellError("#VALUE!", f"{spec.name} holds the error value {cell} in {place} of {spec.name}")
    if spec.whole == "table":
        return [[None if is_blank(c) else c for c in row] for row in grid.tolist()], cells
    return [None if is_blank(c) else c for c in cells], cells


def _one_cell(value: Any) -> Any:
    """A range of one cell (``[[0.9]]``, as xlwings passes a cell to every argument) as that cell's value; any other
    value as it is (a range of several cells goes to the core, which takes it or refuses it naming the argument).

    >>> _one_cell([[0.9]]), _one_cell([[""]]), _one_cell([[1, 2]]), _one_cell(0.9)
    (0.9, '', [[1, 2]], 0.9)
    """
    cell = value
    while _is_range(cell) and len(cell) == 1:
        cell = cell[0]
    return value if _is_range(cell) else cell


def _aggregate(function: ExcelFunction, args: list[Any]) -> Cell:
    """Arguments with ``whole`` set (or the first one) go to the core whole; the others are single values."""
    blank_result = [[None] * len(function.columns)] if function.returns == "row" else None
    call, ranges, blank_single = [], [], []
    for position, (spec, value) in enumerate(zip(function.args, args, strict=False)):
        if spec.whole or position == 0:
            if spec.optional and position and (value is _OMITTED or is_blank(_one_cell(value))):
                call.append(spec.default)  # BGBB_FIT(B2:B9, C2:C9, D2:D9) without counts: one row per customer
                continue
            taken = _whole_range(spec, value)
            if isinstance(taken, CellError):
                return taken
            call.append(taken[0])
            ranges.append(taken[1])
            continue
        value = _one_cell(value)  # xlwings passes every argument as a range: one cell is its value
        if is_error(value):
            return CellError("#VALUE!", f"{spec.name} is the error value {value}")
        if not spec.optional and (value is _OMITTED or is_blank(value)):
            blank_single.append(spec.name)
        call.append(spec.default if value is _OMITTED or is_blank(value) else value)
    if all(is_blank(c) for cells in ranges for c in cells):
        return blank_result
    if blank_single:  # SBG_SURVIVAL_INTERVAL(B2:I2, J2) with J2 blank: some inputs blank, others not
        return CellError("#VALUE!", f"{', '.join(blank_single)} blank while other inputs are not")
    key = _cache_key(function, call)
    if key is not None and key in _RECENT:  # INDEX(SBG_FIT(range), 1, k) for k = 1, 2, 3: fit once
        _RECENT.move_to_end(key)
        return _copy(_RECENT[key])
    if function.aggregate_without and len(ranges[0]) == 1:
        # REPEAT_PURCHASE_RATE(B2, C2) with C2 blank would otherwise read B2 as one order count
        return CellError(
            "#VALUE!",
            f"{function.name} without {function.aggregate_without} takes a range of counts, got one cell "
            f"({ranges[0][0]!r}); give {function.aggregate_without} too",
        )
    result = _call(function, *call)
    if key is not None:
        _RECENT[key] = _copy(result)
        _RECENT_BYTES[0] += _key_bytes(key)
        while len(_RECENT) > _RECENT_SIZE or (_RECENT_BYTES[0] > _RECENT_MAX_BYTES and len(_RECENT) > 1):
            oldest, _ = _RECENT.popitem(last=False)
            _RECENT_BYTES[0] -= _key_bytes(oldest)
    return result


# Recent aggregate results: the core is pure, and a workbook often asks for the same fit or
# breakdown several times (one cell per spilled column).
_RECENT: OrderedDict[tuple, Cell] = OrderedDict()
#: enough for a column of monthly breakdowns read one spilled column at a time (the template: INDEX(NPS_BREAKDOWN(
#: month's answers), 1, k) for k = 1..4, 120 months, which the engine evaluates column by column); a key holds its
#: ranges' bytes, 8 KB for a month of 1,000 answers: at most a few MB
_RECENT_SIZE = 512
#: and at most 64 MB of ranges in the keys (a whole column's 1,048,576 answers is 8 MB): the oldest go first
_RECENT_MAX_BYTES = 64 << 20
_RECENT_BYTES = [0]


def _key_bytes(key: tuple) -> int:
    """The bytes of the ranges a :data:`_RECENT` key holds."""
    return sum(len(part[2]) for part in key[1:] if isinstance(part, tuple) and len(part) == 3)


def _cache_key(function: ExcelFunction, call: list[Any]) -> tuple | None:
    parts: list[Any] = [function.name]
    for value in call:  # each value with its type: TRUE == 1 and 1 == 1.0 in Python, not to a function's checks
        if isinstance(value, np.ndarray):
            parts.append((value.dtype.str, value.shape, value.tobytes()))
        elif value is None or isinstance(value, (int, float, str)):
            parts.append((type(value), value))
        else:
            return None  # text cells in a range, ...: not worth a key
    return tuple(parts)


def _copy(result: Cell) -> Cell:
    return [list(row) for row in result] if isinstance(result, list) else result


def _cell(function: ExcelFunction, values: tuple[Cell, ...]) -> Cell:
    blank = {}  # required argument -> is it blank? (aggregate_without is required once given)
    for position, (spec, value) in enumerate(zip(function.args, values, strict=False)):
        if is_error(value):
            return CellError("#VALUE!", f"{spec.name} is the error value {value}")
        if spec.blank_where_zero and is_blank(value) and _zero_beside(function, values, spec.blank_where_zero):
            values = (*values[:position], None, *values[position + 1 :])  # "" too: not needed, the core's blank
            continue
        if not spec.optional or spec.name == function.aggregate_without:
            blank[spec.name] = is_blank(value)
    if all(blank.values()):
        return None
    if any(blank.values()):
        names = [name for name, is_blank_ in blank.items() if is_blank_]
        return CellError("#VALUE!", f"{', '.join(names)} blank while other inputs are not")
    call = [
        spec.default if spec.optional and (value is _OMITTED or is_blank(value)) else value
        for spec, value in zip(function.args, values, strict=False)
    ]
    return _call(function, *call)


def _zero_beside(function: ExcelFunction, values: tuple[Cell, ...], name: str) -> bool:
    """Whether the argument ``name`` of ``function`` is the number 0 among ``values`` (one cell's)."""
    names = [spec.name for spec in function.args]
    value = values[names.index(name)] if name in names[: len(values)] else None
    return _is_number(value) and value == 0


def _filled_rows(args: list[Any]) -> tuple[int, int] | None:
    """(rows up to the last one holding a value in some argument, rows in all) when every range argument is a list of
    the same number of rows (more than 64) and every other argument blank or omitted: the rows after are blank in
    every argument (``=CRR(D:D,C:C,B:B)``, 1,048,576 rows of which one month is filled), each one's answer a blank
    (:func:`_cell`). None when there is nothing to drop so."""
    lengths = {len(a) for a in args if _is_range(a)}
    if len(lengths) != 1 or not all(type(a) is list or not _is_range(a) for a in args):
        return None
    total = lengths.pop()
    if total <= 64 or any(not _is_range(a) and a is not _OMITTED and not is_blank(a) for a in args):
        return None
    end = 0
    for cells in args:
        if not _is_range(cells):
            continue
        kinds = set(map(type, cells))
        if kinds & {list, tuple, np.ndarray} and (not kinds <= {list, tuple} or len(set(map(len, cells))) != 1):
            return None  # rows of different widths (or arrays): as they are
        last = cells[-1]
        empty = type(last)([None] * len(last)) if type(last) in (list, tuple) else None if not _is_range(last) else ()
        filled = len(without_trailing_empties(cells, empty))  # runs of exactly blank rows, 64 at a time
        while filled and all(is_blank(v) for v in _row(cells[filled - 1])):
            filled -= 1  # a row of "" or NaN
        end = max(end, filled)
    return end, total


def _row(value: Any) -> Any:
    return value if _is_range(value) else (value,)


def _elementwise(function: ExcelFunction, args: list[Any], whole: bool = True) -> Cell:
    filled = _filled_rows(args) if whole else None
    if filled is not None and filled[0] < filled[1]:  # the trailing blank rows answered in bulk, not cell by cell
        keep, total = max(filled[0], 1), filled[1]
        head = _elementwise(function, [a[:keep] if _is_range(a) else a for a in args], whole=False)
        if type(head) is list and head and all(type(row) is list for row in head):
            width = len(head[0])
            return head + [[None] * width for _ in range(total - keep)]
    grids = [_as_grid(a) for a in args]
    try:
        shape = np.broadcast_shapes(*(g.shape for g in grids))
    except ValueError:
        shapes = ", ".join(f"{s.name} {g.shape[0]}x{g.shape[1]}" for s, g in zip(function.args, grids, strict=False))
        return CellError("#VALUE!", f"{function.name}: ranges of different sizes ({shapes})")
    spread = [np.broadcast_to(g, shape) for g in grids]
    out = np.empty(shape, dtype=object)
    flat = [s.ravel() for s in spread]
    # Fast path: a block of plain numbers goes to the vectorized core in one call (not for the rows kept of a range
    # whose blank rows were dropped: those went cell by cell with them, and still do)
    if whole and all(all(_is_number(v) for v in f) for f in flat) and out.size > 1:
        try:
            result = np.asarray(function.func(*(f.astype(np.float64) for f in flat)), dtype=np.float64)
            if np.isfinite(result).all():  # else each cell on its own: an infinite one is #NUM! (_finite)
                out[...] = result.reshape(shape)
                return out.tolist()
        except RetentionInputError:
            pass  # some cells are invalid: map cell by cell so each gets its own error
    for index in np.ndindex(shape):
        value = _cell(function, tuple(s[index] for s in spread))
        out[index] = _placed(function, grids, index, value) if type(value) is CellError and value.message else value
    if not any(_is_range(a) for a in args):
        return out[0, 0]
    return out.tolist()


def _placed(function: ExcelFunction, grids: list[np.ndarray], index: tuple[int, ...], error: CellError) -> CellError:
    """``error`` of one element of an elementwise call over ranges, its value's place in the range it names added
    ("customers_end must be a number, got 'End' in row 1, column 1 of customers_end"), so that the reason names the
    cell (:func:`.recalculation.reason_cells.name_the_cell`), as a range function's does."""
    message = error.message or ""
    if " in cell " in message or " in row " in message:
        return error
    for spec, grid in zip(function.args, grids, strict=False):
        if grid.size > 1 and message.startswith(f"{spec.name} must be"):
            row = index[0] if grid.shape[0] > 1 else 0
            column = index[1] if grid.shape[1] > 1 else 0
            return CellError(error.code, f"{message} in row {row + 1}, column {column + 1} of {spec.name}")
    return error


def number_caller(function: ExcelFunction) -> Any:
    """:func:`evaluate` for a call whose arguments are all plain numbers (``int`` or ``float``, not ``bool``).

    The common case of a worksheet cell, ``=CRR(535, 75, 500)``: no blanks, errors or ranges to
    map, so the core is called directly with the omitted optional arguments' defaults. The core
    validates the numbers as always; its errors become Excel errors with the same codes and
    messages as through :func:`evaluate`. None for functions this does not apply to (aggregates,
    functions with a spilled row result or a range form). Built once per function, kept.

    >>> from xl_retention.registry import BY_NAME
    >>> call = number_caller(BY_NAME["CRR"])
    >>> call(535, 75, 500), call(535, 75, 0).code
    (0.92, '#DIV/0!')
    """
    cached = _NUMBER_CALLERS.get(function.name, _OMITTED)
    if cached is not _OMITTED and cached[0] is function:
        return cached[1]
    call = None
    if function.kind == "elementwise" and function.aggregate_without is None and function.returns != "row":
        func, name, specs = function.func, function.name, function.args
        required, total = sum(not a.optional for a in specs), len(specs)
        defaults = tuple(a.default for a in specs)

        def call(*args: Any) -> Cell:
            count = len(args)
            if count < required or count > total:
                return evaluate(function, *args)  # the message for a wrong number of arguments
            try:
                result = func(*args) if count == total else func(*args, *defaults[count:])
            except RetentionInputError as error:
                return CellError(error.excel_error, excel_message(error, function))
            except Exception as error:  # never a traceback in a cell
                return CellError("#VALUE!", f"{name} failed: {error!r}")
            return _finite(function, result)

    _NUMBER_CALLERS[function.name] = (function, call)
    return call


_NUMBER_CALLERS: dict[str, tuple[ExcelFunction, Any]] = {}


def evaluate(function: ExcelFunction, *args: Any) -> Cell:
    """Call ``function`` on cell values as a worksheet formula would; never raises.

    Arguments not given are omitted (optional arguments take their default).

    >>> from xl_retention.registry import BY_NAME
    >>> evaluate(BY_NAME["CRR"], 535, 75, 500)
    0.92
    >>> evaluate(BY_NAME["CRR"], [[535], [None]], [[75], [None]], [[500], [None]])
    [[0.92], [None]]
    >>> evaluate(BY_NAME["CRR"], 535, 75, 0).code
    '#DIV/0!'
    """
    if function.kind == "elementwise" and set(map(type, args)) <= _NUMBERS and function.aggregate_without is None:
        if len(args) >= sum(not a.optional for a in function.args) and len(args) <= len(function.args):
            # plain numbers in every argument, the common case: no blanks or errors to map
            if function.returns != "row":
                return number_caller(function)(*args)
            return _call(function, *args, *(a.default for a in function.args[len(args) :]))
    if len(args) > len(function.args):
        return CellError("#VALUE!", f"{function.name} takes at most {len(function.args)} arguments, got {len(args)}")
    missing = [a.name for a in function.args[len(args) :] if not a.optional]
    if missing:
        return CellError("#VALUE!", f"{function.name} is missing {', '.join(missing)}")
    full = list(args) + [_OMITTED] * (len(function.args) - len(args))
    if function.kind == "elementwise" and not any(_is_range(a) for a in full):
        if function.aggregate_without is None:
            return _cell(function, tuple(full))  # one cell: the common case, kept short
    if function.kind == "aggregate":
        return _aggregate(function, full)
    if function.aggregate_without is not None:
        position = [a.name for a in function.args].index(function.aggregate_without)
        if full[position] is _OMITTED or (full[position] is None and not _is_range(full[position])):
            return _aggregate(function, full[:position] + full[position + 1 :])
    return _elementwise(function, full)
