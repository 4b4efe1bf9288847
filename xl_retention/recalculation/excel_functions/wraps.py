"""Excel 365's array-shaping functions formualizer 0.13 lacks: WRAPROWS, WRAPCOLS, EXPAND; and ``_XLR.ONE``, the
check the LAMBDA helpers' rewrite (:mod:`..lambda_helpers`) puts around each call of a LAMBDA.

Microsoft's pages: WRAPROWS/WRAPCOLS wrap a one-row or one-column ``vector`` after ``wrap_count`` values (#VALUE! for
a vector of more than one row and column, #NUM! for a wrap_count below 1), the last row (column) padded with
``pad_with``, #N/A by default. EXPAND pads ``array`` to ``rows`` x ``columns`` (each omitted: the array's own; fewer
than the array's: #VALUE!) with ``pad_with``, #N/A by default. An empty rows or columns (``EXPAND(A1,,3)``) is the
array's own: the rewrite (:mod:`..omitted_arguments`) passes ``ROWS(array)``/``COLUMNS(array)`` there.

>>> wraprows([[1.0, 2.0, 3.0, 4.0, 5.0]], 2)
[[1.0, 2.0], [3.0, 4.0], [5.0, {'type': 'Error', 'kind': '#N/A'}]]
>>> expand([[100.0]], 1, 2, 0.0)
[[100.0, 0.0]]
"""

from __future__ import annotations

import math
from typing import Any

from ._core import FUNCTIONS, ExcelError, Function, engine_call, excel_function, is_error, matrix, number

__all__ = [
    "CHOSEN_ARRAYS",
    "CLASSIC_LAMBDA",
    "EMPTY",
    "NO_SEQUENCE",
    "ONE",
    "ONE_CELL",
    "PAD",
    "UNPADDED",
    "empty",
    "chosen_arrays",
    "expand",
    "no_sequence",
    "one",
    "one_cell",
    "padded",
    "unpadded",
    "wrapcols",
    "wraprows",
]

_NA = {"type": "Error", "kind": "#N/A"}
#: the check around each LAMBDA call of BYROW, BYCOL, MAP, MAKEARRAY and SCAN: one value, else #CALC!
ONE = "_XLR.ONE"
#: an operand of an element-by-element operator padded to the size of the others (see :func:`padded`)
PAD = "_XLR.PAD"
#: the error of an empty array, #CALC! (see :func:`empty`)
EMPTY = "_XLR.EMPTY"
#: CHOOSECOLS/CHOOSEROWS given an array of numbers: listed as not computable (see :func:`chosen_arrays`)
CHOSEN_ARRAYS = "_XLR.CHOSENARRAYS"
#: TAKE of more rows or columns than its array has: listed as not computable (see :func:`.stacks.stacked`)
TAKE_MORE = "_XLR.TAKEMORE"
#: SEQUENCE of fewer than one row or column: listed as not computable (see :func:`.stacks.stacked`)
NO_SEQUENCE = "_XLR.NOSEQUENCE"
#: a classic formula calling a name defined as a LAMBDA with a range of several cells: listed as not computable
#: (:func:`..lambda_calls.classic_range_call`)
CLASSIC_LAMBDA = "_XLR.CLASSICLAMBDA"
#: a formula that would pad an array to a whole column's rows (:mod:`..mismatched_sizes`): listed as not computable
UNPADDED = "_XLR.UNPADDED"


def _vector(value: Any) -> list[Any]:
    grid = matrix(value)
    if len(grid) == 1:
        return list(grid[0])
    if all(len(row) == 1 for row in grid):
        return [row[0] for row in grid]
    raise ExcelError("#VALUE!")  # "If vector is not a one-dimensional array or range, WRAPROWS returns #VALUE!"


def _count(value: Any) -> int:
    count = math.floor(number(value))  # Excel truncates a fractional count
    if count < 1:
        raise ExcelError("#NUM!")
    return count


def _pad(pad_with: Any) -> Any:
    return _NA if pad_with is _OMITTED else pad_with


_OMITTED = object()


@excel_function("WRAPROWS", 2, 3)
def wraprows(vector: Any, wrap_count: Any, pad_with: Any = _OMITTED) -> list[list[Any]]:
    """WRAPROWS(vector, wrap_count, [pad_with]): the vector's values row by row, ``wrap_count`` to a row."""
    values, count = _vector(vector), _count(wrap_count)
    rows = [values[k : k + count] for k in range(0, len(values), count)] or [[]]
    rows[-1] = rows[-1] + [_pad(pad_with)] * (count - len(rows[-1]))
    return rows


@excel_function("WRAPCOLS", 2, 3)
def wrapcols(vector: Any, wrap_count: Any, pad_with: Any = _OMITTED) -> list[list[Any]]:
    """WRAPCOLS(vector, wrap_count, [pad_with]): the vector's values column by column, ``wrap_count`` to a column."""
    columns = wraprows(vector, wrap_count, pad_with)
    return [list(row) for row in zip(*columns, strict=True)]


@excel_function("EXPAND", 2, 4)
def expand(array: Any, rows: Any, columns: Any = _OMITTED, pad_with: Any = _OMITTED) -> list[list[Any]]:
    """EXPAND(array, rows, [columns], [pad_with]): ``array`` padded to ``rows`` x ``columns``."""
    grid = matrix(array)
    height, width = len(grid), max(len(row) for row in grid)
    want_rows = math.floor(number(rows))
    want_columns = width if columns is _OMITTED else math.floor(number(columns))
    if want_rows < height or want_columns < width:
        raise ExcelError("#VALUE!")
    fill = _pad(pad_with)
    out = [list(row) + [fill] * (want_columns - len(row)) for row in grid]
    return out + [[fill] * want_columns for _ in range(want_rows - height)]


@excel_function(ONE, 1, 1)
def one(value: Any) -> Any:
    """A LAMBDA's result where Excel takes one value: a 1 x 1 array is its value, a larger one #CALC! (Microsoft's
    BYROW page: "anything but a single value returned from the LAMBDA function returns a #CALC error"); a blank
    cell is 0, as a formula shows it."""
    if isinstance(value, list):
        grid = matrix(value)
        if len(grid) != 1 or len(grid[0]) != 1:
            raise ExcelError("#CALC!")
        value = grid[0][0]
    if is_error(value):
        return value
    return 0.0 if value is None else value


def padded(value: Any, *others: Any) -> Any:
    """``value`` (an operand of an element-by-element operator, or an argument of IF, in an array formula) as Excel
    pads it against the ``others`` of the operation: an array shorter than the largest rows (columns) of them all is
    padded with #N/A to that many, unless it has one row (column), which stretches; a single value is as it is.
    The rewrite (:mod:`..array_lifting`) uses it where an operand's size is known only when the formula runs: a
    defined name of a formula, OFFSET, FILTER, a spilled range, ...

    >>> padded([[10.0], [20.0]], [[1.0], [2.0], [3.0]])
    [[10.0], [20.0], [{'type': 'Error', 'kind': '#N/A'}]]
    >>> padded([[1.0, 2.0]], [[1.0], [2.0], [3.0]]), padded(5.0, [[1.0], [2.0]])
    ([[1.0, 2.0]], 5.0)
    """
    if not isinstance(value, list):
        return value
    grid = matrix(value)
    height, width = len(grid), max(len(row) for row in grid)
    sizes = [(height, width)]
    for other in others:
        if isinstance(other, list):
            block = matrix(other)
            sizes.append((len(block), max(len(row) for row in block)))
    want_rows = height if height == 1 else max(s[0] for s in sizes)
    want_columns = width if width == 1 else max(s[1] for s in sizes)
    if (want_rows, want_columns) == (height, width):
        return grid
    out = [list(row) + [_NA] * (want_columns - len(row)) for row in grid]
    return out + [[_NA] * want_columns for _ in range(want_rows - height)]


FUNCTIONS[PAD] = Function(PAD, engine_call(padded), 1, None)


def unpadded() -> Any:
    """The engine's "not implemented" error, which lists the cell as not computable (Excel's stored value kept): the
    rewrite (:mod:`..mismatched_sizes`) puts ``=_XLR.UNPADDED()`` in place of a formula whose arrays Excel pads to a
    whole column's 1,048,576 rows (``{=SUM(IFERROR((A:A>0)*B1:B3,0))}``: B1:B3 padded with #N/A), which the engine
    makes one #VALUE! (0 after IFERROR) and which is not padded here.

    >>> engine_call(unpadded)()
    {'type': 'Error', 'kind': 'Nimpl'}
    """
    raise ExcelError("Nimpl")  # formualizer's kind itself: Excel's codes have no "not implemented"


FUNCTIONS[UNPADDED] = Function(UNPADDED, engine_call(unpadded), 0, 0)


def empty() -> Any:
    """#CALC!, Excel's answer where an array would be empty ("Excel currently doesn't support empty arrays", its FILTER
    page; TAKE's and DROP's pages: "Excel returns a #CALC! error to indicate an empty array"), where the engine gave
    an empty array: a blank cell, ROWS 0 (:mod:`.stacks`).

    >>> engine_call(empty)()
    {'type': 'Error', 'kind': '#CALC!'}
    """
    raise ExcelError("#CALC!")


FUNCTIONS[EMPTY] = Function(EMPTY, engine_call(empty), 0, 0)


def _refusal(fn: Any, function: str) -> Any:
    """``fn`` as the engine calls it, named for the user's ``function`` it stands for: a cell whose "not implemented"
    error IFERROR hides is listed naming it (:func:`..unsure_results.hidden_not_implemented`), not "call"."""
    call = engine_call(fn)
    call.__name__ = call.__qualname__ = f"excel_{function}"
    return call


def chosen_arrays() -> Any:
    """The engine's "not implemented" error, which lists the cell (Excel's stored value kept): :mod:`.stacks` puts
    ``_XLR.CHOSENARRAYS()`` in place of ``CHOOSECOLS(A1:C4,{1,3})``, whose array of column numbers the engine made one
    #VALUE! (status ok) and whose answer Microsoft's CHOOSECOLS and CHOOSEROWS pages do not give.

    >>> engine_call(chosen_arrays)()
    {'type': 'Error', 'kind': 'Nimpl'}
    """
    raise ExcelError("Nimpl")


FUNCTIONS[CHOSEN_ARRAYS] = Function(CHOSEN_ARRAYS, _refusal(chosen_arrays, "CHOOSECOLS"), 0, 0)


def no_sequence() -> Any:
    """The engine's "not implemented" error, which lists the cell: :mod:`.stacks` puts ``_XLR.NOSEQUENCE()`` where
    a SEQUENCE the user wrote is asked for fewer than one row or column (``SEQUENCE(0)``, ``SEQUENCE(B1)`` of a blank
    B1), whose engine's #VALUE! was kept with status ok; Microsoft's SEQUENCE page does not say what Excel returns
    then (an empty array is #CALC! on its FILTER page, a count below 1 #VALUE! or #NUM! on others').

    >>> engine_call(no_sequence)()
    {'type': 'Error', 'kind': 'Nimpl'}
    """
    raise ExcelError("Nimpl")


FUNCTIONS[NO_SEQUENCE] = Function(NO_SEQUENCE, _refusal(no_sequence, "SEQUENCE"), 0, 0)
FUNCTIONS[TAKE_MORE] = Function(TAKE_MORE, _refusal(chosen_arrays, "TAKE"), 0, 0)  # the same "not implemented"
FUNCTIONS[CLASSIC_LAMBDA] = Function(CLASSIC_LAMBDA, _refusal(chosen_arrays, "LAMBDA"), 0, 0)


#: a LET name's value where a classic formula reads one value (:mod:`..let_companions`): one value, else listed
ONE_CELL = "_XLR.ONECELL"


def one_cell(value: Any) -> Any:
    """The value of a classic formula's LET name that may stand for a range, where one value is read, once the
    rewrite intersected every range it passes with the formula's row or column (:mod:`..let_companions`): a single
    value (a 1 x 1 array's) as it is; several values the engine's "not implemented" error, which lists the cell
    (Excel takes the cell of a range in the formula's row or column, the first value of an array, which the engine's
    LET, holding values, does not tell apart).

    >>> one_cell([[7.0]]), engine_call(one_cell)([[7.0, 8.0]])
    (7.0, {'type': 'Error', 'kind': 'Nimpl'})
    >>> engine_call(one_cell)({"type": "Error", "kind": "NImpl"})  # an inner LET's companion refused: refused too
    {'type': 'Error', 'kind': 'Nimpl'}
    """
    if isinstance(value, dict) and str(value.get("kind", "")).lower() == "nimpl":
        raise ExcelError("Nimpl")
    if isinstance(value, list):
        grid = matrix(value)
        if len(grid) != 1 or len(grid[0]) != 1:
            raise ExcelError("Nimpl")
        value = grid[0][0]
    return value


FUNCTIONS[ONE_CELL] = Function(ONE_CELL, _refusal(one_cell, "LET"), 1, 1)
