"""The embedded engine: formualizer (a Rust formula engine) with every registry function.

Imported lazily by :mod:`xl_retention.recalc`, so that the formula layer stays
importable where formualizer is not (xlwings Lite). Each registry function is
registered as a formualizer function that converts formualizer's values to cell
values and calls :func:`xl_retention.cells.evaluate`: the same Excel semantics as the
xlwings layer, from the same registry.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import chain
from pathlib import Path
from typing import Any

import formualizer as fz
from openpyxl.utils import column_index_from_string, get_column_letter

from ..cells import CellError, evaluate
from ..registry import FUNCTIONS, ExcelFunction

# formualizer's error kinds -> Excel's codes
_CODES = {
    "div": "#DIV/0!",
    "#div/0!": "#DIV/0!",
    "num": "#NUM!",
    "value": "#VALUE!",
    "name": "#NAME?",
    "ref": "#REF!",
    "null": "#NULL!",
    "na": "#N/A",
    "n/a": "#N/A",
    "spill": "#SPILL!",
    "calc": "#CALC!",
    "circ": "#CIRC",  # a circular reference: Excel has no error code for it
}
CIRCULAR = "#CIRC"


def excel_code(kind: str) -> str:
    """formualizer's error kind (``"Div"``, ``"#DIV/0!"``) as Excel's code (``"#DIV/0!"``)."""
    key = kind.strip().lower()
    return _CODES.get(key, _CODES.get(key.strip("#!?"), kind if kind.startswith("#") else f"#{kind.upper()}!"))


_EPOCH = dt.datetime(1899, 12, 30)
_PLAIN = frozenset((float, int, str, bool, type(None)))
_NUMBERS = frozenset((float, int))


def _from_engine(value: Any) -> Any:
    if isinstance(value, dt.date):  # dates are serial numbers in the cell
        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        return (moment - _EPOCH).total_seconds() / 86400
    if isinstance(value, dict) and value.get("type") == "Error":
        return CellError(excel_code(str(value.get("kind", "Value"))))
    if isinstance(value, list):
        rows = value if set(map(type, value)) == {list} else [r if isinstance(r, list) else [r] for r in value]
        if set(map(type, chain.from_iterable(rows))) <= _PLAIN:
            return rows  # numbers, text, booleans and blanks need no conversion
        return [[_from_engine(v) for v in row] for row in rows]
    return value


def _to_engine(value: Any) -> Any:
    if isinstance(value, CellError):
        return {"type": "Error", "kind": value.code}
    if value is None:
        return ""  # a blank result: formualizer would show None as 0
    if isinstance(value, list):
        return [[_to_engine(v) for v in row] for row in value]
    return value


def _engine_function(function: ExcelFunction):
    def call(*args: Any) -> Any:
        if not set(map(type, args)) <= _NUMBERS:
            args = tuple(_from_engine(a) for a in args)
        return _to_engine(evaluate(function, *args))

    return call


def load(path: str | Path) -> fz.Workbook:
    """The workbook at ``path`` in formualizer, with every registry function registered."""
    config = fz.EvaluationConfig()
    config.enable_parallel = False  # faster for Python functions, which hold the GIL anyway
    workbook = fz.Workbook.load_path(str(path), config=fz.WorkbookConfig(eval_config=config))
    for function in FUNCTIONS:  # before the first evaluation, or formulas keep #NAME?
        required = sum(not a.optional for a in function.args)
        workbook.register_function(
            function.name, _engine_function(function), min_args=required, max_args=len(function.args)
        )
    return workbook


def _extent(workbook: fz.Workbook, sheet: str) -> tuple[int, int]:
    quoted = "'" + sheet.replace("'", "''") + "'"
    rows = workbook.range_page(f"{quoted}!A:XFD", limit=1).resolved
    cols = workbook.range_page(f"{quoted}!1:1048576", limit=1).resolved
    last_row = int(re.search(r"(\d+)$", rows).group(1))
    last_col = column_index_from_string(re.search(r":\$?([A-Z]+)\d+$", cols).group(1))
    return last_row, last_col


def compute(path: str | Path) -> dict[str, dict[str, Any]]:
    """Every formula cell's computed value: ``{sheet: {"F3": value}}``.

    Values are numbers, text, booleans, ``None`` for a blank result, or a
    :class:`~xl_retention.cells.CellError` (code ``#CIRC`` for a circular reference).
    """
    workbook = load(path)
    workbook.evaluate_all()
    out: dict[str, dict[str, Any]] = {}
    for sheet in workbook.sheet_names:
        last_row, last_col = _extent(workbook, sheet)
        if not last_row or not last_col:
            continue
        area = fz.RangeAddress(sheet, 1, 1, last_row, last_col)
        handle = workbook.sheet(sheet)
        formulas, values = handle.get_formulas(area), handle.get_values(area)
        cells: dict[str, Any] = {}
        for i, row in enumerate(formulas):
            for j, formula in enumerate(row):
                if formula:
                    value = _from_engine(values[i][j])
                    cells[f"{get_column_letter(j + 1)}{i + 1}"] = None if value == "" else value
        if cells:
            out[sheet] = cells
    return out
