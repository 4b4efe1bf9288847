"""Excel functions for xlwings, generated from the registry.

Name this module under "UDF Modules" (``xl_retention.udfs``): classic xlwings (the
Excel add-in: Import Functions writes a VBA wrapper per function) and xlwings'
Office.js custom functions (xlwings Server, xlwings Lite) both read the functions
below. Each is a thin wrapper: xlwings hands it the cells (every argument as a 2-D
range, error cells as their code, e.g. ``"#N/A"``), :func:`xl_retention.cells.evaluate`
applies the Excel semantics over the core, and the result goes back with Excel
errors as their codes, which xlwings' Office.js path turns into real error values.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import xlwings as xw

from .cells import CellError, evaluate
from .registry import FUNCTIONS, ExcelFunction


def _to_xlwings(value: Any) -> Any:
    if isinstance(value, CellError):
        return value.code
    if isinstance(value, list):
        return [[_to_xlwings(cell) for cell in row] for row in value]
    return value


def _make_udf(function: ExcelFunction) -> Callable[..., Any]:
    def udf(*args: Any) -> Any:
        return _to_xlwings(evaluate(function, *args))

    udf.__name__ = udf.__qualname__ = function.name
    udf.__module__ = __name__
    udf.__doc__ = function.doc
    udf.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                a.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=None if a.optional else inspect.Parameter.empty,
            )
            for a in function.args
        ]
    )
    for a in reversed(function.args):
        udf = xw.arg(a.name, ndim=2, err_to_str=True, doc=a.doc)(udf)
    return xw.func(udf)


for _function in FUNCTIONS:
    globals()[_function.name] = _make_udf(_function)

__all__ = [f.name for f in FUNCTIONS]
