"""COUNTIF and SUMIF with an array of criteria: one answer per criterion, as Excel gives them.

``SUMPRODUCT(1/COUNTIF(A1:A10,A1:A10))`` (the number of distinct values) and ``SUM(COUNTIF(A:A,{"x","z"}))``
give Excel one count per criterion; formualizer 0.13 answers 0 or #DIV/0! there. The rewrite of
:mod:`..rewrite` renames such a call (criteria a multi-cell range or an array constant, where Excel
evaluates arrays) ``_XLR.EACH.COUNTIF`` / ``_XLR.EACH.SUMIF``. Each criterion is then matched by the
engine's own COUNTIF/SUMIF (its operators, wildcards and text-number rules, the same as in a cell) in a
scratch workbook holding the range's values: one formula per criterion, evaluated at once.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from ._core import EACH, FUNCTIONS, Function, engine_value, matrix


def _block(values: Any) -> list[list[Any]]:
    rows = matrix(values)
    width = max(len(row) for row in rows)
    return [[None if v == "" else v for v in row] + [None] * (width - len(row)) for row in rows]


def _area(left: int, rows: int, columns: int) -> str:
    return f"${get_column_letter(left)}$1:${get_column_letter(left + columns - 1)}${rows}"


def each_criterion(name: str, area: Any, criteria: Any, summed: Any = None) -> Any:
    """``name`` (COUNTIF or SUMIF) of ``area`` for each element of ``criteria``: an array of the criteria's shape.

    >>> each_criterion("COUNTIF", [["x"], ["y"], ["x"]], [["x", "y", "z"]])
    [[2.0, 1.0, 0.0]]
    >>> each_criterion("SUMIF", [["x"], ["y"], ["x"]], [["x"], [">w"]], [[1.0], [2.0], [4.0]])
    [[5.0], [7.0]]
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    book = fz.Workbook()
    sheet = book.sheet("S")
    values, wanted = _block(area), _block(criteria)
    height, width = len(values), len(values[0])
    sheet.set_values_batch(1, 1, height, width, values)
    column = width + 2
    ranges = _area(1, height, width)
    if summed is not None:
        sums = _block(summed)
        sheet.set_values_batch(1, column, len(sums), len(sums[0]), sums)
        ranges += "," + _area(column, len(sums), len(sums[0]))
        column += len(sums[0]) + 1
    rows, columns = len(wanted), len(wanted[0])
    sheet.set_values_batch(1, column, rows, columns, wanted)
    formulas = [
        [f"={name}({ranges.split(',')[0]},{get_column_letter(column + j)}{i + 1}{ranges[len(ranges.split(',')[0]):]})"
         for j in range(columns)]
        for i in range(rows)
    ]  # fmt: skip
    out = column + columns + 1
    sheet.set_formulas_batch(1, out, rows, columns, formulas)
    book.evaluate_all()
    result = sheet.get_values(fz.RangeAddress("S", 1, out, rows, out + columns - 1))
    return [[engine_value(v) if isinstance(v, dict) else v for v in row] for row in result]


def _countif(area: Any, criteria: Any) -> Any:
    return each_criterion("COUNTIF", area, criteria)


def _sumif(area: Any, criteria: Any, summed: Any = None) -> Any:
    return each_criterion("SUMIF", area, criteria, area if summed is None else summed)


FUNCTIONS[EACH + "COUNTIF"] = Function(EACH + "COUNTIF", _countif, 2, 2)
FUNCTIONS[EACH + "SUMIF"] = Function(EACH + "SUMIF", _sumif, 2, 3)
#: the functions of this module, by the position of their criteria argument
CRITERIA = {"COUNTIF": 1, "SUMIF": 1}
