"""LINEST and LOGEST where the engine's answer is not Excel's: sizes that do not match, collinear x values.

The engine computes the regression itself; :func:`regression_guarded` wraps its call in ``_XLR.REGRESSION`` with
the known y's and x's, which checks two things Excel decides before or beside the fit:

* known_y's and known_x's whose sizes do not match are ``#REF!`` (Microsoft's LINEST page), also when a value
  inside them is missing or text (the engine answered ``#VALUE!`` there, checking the values first):
  ``LINEST(B2:B14,A2:A13^{1,2})`` of 13 y's and 12 rows of x's;
* x values that are collinear (a column constant beside the intercept, one column a multiple of another) make
  Excel "remove any redundant X columns" (Microsoft's LINEST page: their coefficients and standard errors 0, the
  statistics of the model left). Where the redundant columns are plain (all 0, or constant beside the intercept)
  and only the coefficients are asked for, the engine's coefficients are Excel's when they are the fit of the
  other columns with 0 for those (``LINEST(y, {1,1,1,1,1})`` is {0, mean of y}): passed on. Anything else (the
  statistics, a column a multiple of another, LOGEST) Excel decides by a rule the engine lacks, and the engine
  gives other numbers: such a call is the engine's "not implemented", so the cell is listed as unsupported with
  Excel's stored value kept, never written with another value.

Otherwise the engine's result is passed on as it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._core import ExcelError, excel_function, is_error, matrix

#: the registered guard around the engine's LINEST or LOGEST
GUARD = "_XLR.REGRESSION"
#: the engine's "not implemented": the cell is listed as unsupported (see ``unsupported.reason_of``)
_NOT_IMPLEMENTED = "NImpl"
_GUARDED = frozenset(("LINEST", "LOGEST"))


def regression_guarded(name: str, args: list[str], call: str) -> str | None:
    """``call`` (the rewritten ``LINEST(...)`` or ``LOGEST(...)``) wrapped in the guard; None for other functions.

    >>> regression_guarded("LINEST", ["B2:B4", "C2:D4", "TRUE"], "LINEST(B2:B4,C2:D4,TRUE)")
    '_XLR.REGRESSION(LINEST(B2:B4,C2:D4,TRUE),B2:B4,C2:D4,TRUE,FALSE,False)'
    >>> regression_guarded("LINEST", ["B2:B4"], "LINEST(B2:B4)") is None
    True
    """
    if name not in _GUARDED or len(args) < 2 or not args[1].strip():
        return None  # no x's: 1, 2, 3, ... are never collinear, and their size is the y's
    const = args[2] if len(args) > 2 and args[2].strip() else "TRUE"
    stats = args[3] if len(args) > 3 and args[3].strip() else "FALSE"
    return f"{GUARD}({call},{args[0]},{args[1]},{const},{stats},{name == 'LOGEST'})"


@excel_function(GUARD, 6, 6)
def regression(result: Any, known_y: Any, known_x: Any, const: Any, stats: Any, logest: Any) -> Any:
    """The engine's LINEST/LOGEST ``result``, ``#REF!`` for sizes that do not match, not implemented for collinear x
    where Excel's answer is not the engine's (see the module).

    >>> regression([[2.0, 1.0]], [[1.0], [3.0], [5.0]], [[0.0], [1.0], [2.0]], True, False, False)
    [[2.0, 1.0]]
    >>> regression({"type": "Error", "kind": "Value"}, [[1.0], [None], [3.0]], [[1.0], [2.0]], True, False, False)
    Traceback (most recent call last):
      ...
    xl_retention.recalculation.excel_functions._core.ExcelError: #REF!
    >>> regression([[0.0, 2.0]], [[1.0], [2.0], [3.0]], [[2.0], [2.0], [2.0]], True, False, False)
    [[0.0, 2.0]]
    >>> regression([[0.0, 0.0, 2.0]], [[1.0], [2.0], [3.0]], [[2.0, 3.0], [2.0, 3.0], [2.0, 3.0]], True, True, False)
    Traceback (most recent call last):
      ...
    xl_retention.recalculation.excel_functions._core.ExcelError: NImpl
    """
    if is_error(known_y) or is_error(known_x):
        return result
    ys, xs = matrix(known_y), matrix(known_x)
    y_rows, y_cols = len(ys), len(ys[0]) if ys else 0
    x_rows, x_cols = len(xs), len(xs[0]) if xs else 0
    if y_cols == 1 and y_rows > 1:  # a column of y's: each column of x's a variable
        sized = x_rows == y_rows
    elif y_rows == 1 and y_cols > 1:  # a row of y's: each row of x's a variable
        sized = x_cols == y_cols
        xs = [list(column) for column in zip(*xs, strict=True)] if sized else xs
    else:
        sized = (x_rows, x_cols) == (y_rows, y_cols)
        xs = [[value] for row in xs for value in row] if sized else xs
    if not sized:
        raise ExcelError("#REF!")
    if is_error(result):
        return result
    values = xs
    if any(type(v) is not float for row in values for v in row):
        return result  # text, blanks or errors among the x's: the engine's answer (an error) stands
    x = np.array(values, dtype=float)
    intercept = _flag(const)
    design = np.hstack([x, np.ones((x.shape[0], 1))]) if intercept else x
    if np.linalg.matrix_rank(design) == design.shape[1]:
        return result
    if _flag(stats) or _flag(logest) or not _plain_redundancy(result, ys, x, intercept):
        raise ExcelError(_NOT_IMPLEMENTED)  # collinear: Excel removes columns by a rule the engine lacks
    return result


def _flag(value: Any) -> bool:
    """A logical argument as the regression functions read it: a blank cell is FALSE, as 0 is."""
    return value is not None and value is not False and value != 0.0 and value != "FALSE"


def _plain_redundancy(result: Any, ys: list[list[Any]], x: np.ndarray, intercept: bool) -> bool:
    """Whether the redundant x columns are plain ones (all 0, or constant beside the intercept), the others of full
    rank, and the engine's coefficients (LINEST's row: m_k ... m_1, b) those of the fit without them, 0 for them."""
    rows = matrix(result)
    flat_y = [v for row in ys for v in row]
    if len(rows) != 1 or any(type(v) is not float for v in rows[0]) or any(type(v) is not float for v in flat_y):
        return False
    spread = x.max(axis=0) - x.min(axis=0)
    redundant = (spread == 0) if intercept else np.all(x == 0, axis=0)
    kept = x[:, ~redundant]
    design = np.hstack([kept, np.ones((x.shape[0], 1))]) if intercept else kept
    if design.shape[1] and np.linalg.matrix_rank(design) < design.shape[1]:
        return False
    fitted = np.linalg.lstsq(design, np.array(flat_y), rcond=None)[0] if design.shape[1] else np.zeros(0)
    expected = np.zeros(x.shape[1] + 1)
    expected[np.flatnonzero(~redundant)] = fitted[: kept.shape[1]]
    if intercept:
        expected[-1] = fitted[-1]
    row = rows[0]  # m_k ... m_1, b -> m_1 ... m_k, b
    engine = np.array([*row[-2::-1], row[-1]] if len(row) == x.shape[1] + 1 else [], dtype=float)
    return engine.shape == expected.shape and bool(np.allclose(engine, expected, rtol=1e-9, atol=1e-12))
