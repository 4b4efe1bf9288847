"""An error in a matched row of a SUMIF, SUMIFS, AVERAGEIF or AVERAGEIFS sum range: Excel gives it, the engine skipped
it (:func:`error_checked` rewrites the call, :func:`matched_error` finds the error, ``_XLR.MATCHEDERROR``).

Split from :mod:`.criteria` verbatim.
"""

from __future__ import annotations

from typing import Any

from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter

from ._core import FUNCTIONS, ExcelError, Function, engine_call, error_code, is_error, matrix
from .criteria_rewrites import _is_array

# --- an error in a matched row of the sum range ---------------------------------------------------------------------
#: the registered function giving the first error of a sum range in a row its criteria match (see below)
MATCHED_ERROR = "_XLR.MATCHEDERROR"
_SUMMING = {"SUMIF": 3, "AVERAGEIF": 3, "SUMIFS": 0, "AVERAGEIFS": 0}


def error_checked(name: str, parts: list[list[Token]], args: list[str], call: str) -> str | None:
    """A SUMIF, SUMIFS, AVERAGEIF or AVERAGEIFS ``call`` (its arguments' tokens ``parts``, rewritten texts ``args``)
    made to give the error of a matched row of its sum range, as Excel does ("=SUMIF(A1:A4,"y",B1:B4)" is #DIV/0!
    when a "y" row of B holds =1/0; the engine skipped the error: the sum of the other rows). Only when the sum range
    holds an error (``ISERROR(SUM(range))``, read by the engine) does :func:`matched_error` look for one in a matched
    row. None to leave the call alone (criteria arrays, one answer each: :func:`each_criteria`).

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> error_checked("SUMIFS", parts('=SUMIFS(B1:B4,A1:A4,"y")'), ["B1:B4", "A1:A4", '"y"'], 'SUMIFS(B1:B4,A1:A4,"y")')
    'LET(_xlr_v,SUMIFS(B1:B4,A1:A4,"y"),IF(ISERROR(SUM(B1:B4)),_XLR.MATCHEDERROR(_xlr_v,TRUE,B1:B4,A1:A4,"y"),_xlr_v))'
    """
    count = _SUMMING.get(name)
    if count is None or not args:
        return None
    args = [a.strip() for a in args]
    if count:  # SUMIF(range, criteria, [sum_range]): the sum range resized to the range's shape (Excel)
        if len(args) not in (2, 3) or _is_array(parts[1]):
            return None
        area, criterion = args[0], args[1]
        summed = args[2] if len(args) == 3 and args[2] else area
        same = "TRUE" if summed == area else f"AND(ROWS({summed})=ROWS({area}),COLUMNS({summed})=COLUMNS({area}))"
        pairs = [area, criterion]
    else:
        if len(args) < 3 or len(args) % 2 == 0 or any(_is_array(parts[k]) for k in range(2, len(args), 2)):
            return None
        summed, same, pairs = args[0], "TRUE", args[1:]
    checked = ",".join([summed, *pairs])
    return f"LET(_xlr_v,{call},IF(ISERROR(SUM({summed})),{MATCHED_ERROR}(_xlr_v,{same},{checked}),_xlr_v))"


def matched_error(value: Any, same: Any, summed: Any, *pairs: Any) -> Any:
    """``value`` (the engine's SUMIF/SUMIFS/AVERAGEIF(S)), or the first error of ``summed`` (row by row) in a position
    every criterion matches: ``pairs`` are (range, criterion) values. Each error's position is matched by the
    engine's own COUNTIF (a scratch workbook of those positions only). ``same``: the sum range has the criteria
    range's shape (SUMIF resizes it otherwise: the engine's value is kept).

    >>> error = {"type": "Error", "kind": "Div"}
    >>> matched_error(5.0, True, [[10.0], [error], [30.0], [5.0]], [["x"], ["y"], ["x"], ["y"]], "y")
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: #DIV/0!
    >>> matched_error(40.0, True, [[10.0], [error], [30.0], [5.0]], [["x"], ["y"], ["x"], ["y"]], "x")
    40.0
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    grid = matrix(summed)
    errors = [(i, j, v) for i, row in enumerate(grid) for j, v in enumerate(row) if is_error(v)]
    criteria = [matrix(c) for c in pairs[1::2]]
    if not errors or same is not True or any(len(c) != 1 or len(c[0]) != 1 or is_error(c[0][0]) for c in criteria):
        return value
    errors = errors[:10000]
    ranges = [matrix(r) for r in pairs[0::2]]
    cells = [
        [v for r, c in zip(ranges, criteria, strict=True) for v in (_cell(r, i, j), c[0][0])] for i, j, _ in errors
    ]
    book = fz.Workbook()
    sheet = book.sheet("S")
    width = 2 * len(ranges)
    sheet.set_values_batch(1, 1, len(cells), width, cells)
    formulas = [
        ["=" + "*".join(f"COUNTIF({get_column_letter(2 * k + 1)}{i},{get_column_letter(2 * k + 2)}{i})"
                        for k in range(len(ranges)))]
        for i in range(1, len(cells) + 1)
    ]  # fmt: skip
    sheet.set_formulas_batch(1, width + 1, len(cells), 1, formulas)
    book.evaluate_all()
    matched = sheet.get_values(fz.RangeAddress("S", 1, width + 1, len(cells), width + 1))
    for (_, _, error), (hit,) in zip(errors, matched, strict=True):
        if hit == 1:
            raise ExcelError(error_code(error))
    return value


def _cell(values: list[list[Any]], i: int, j: int) -> Any:
    """The value at row ``i``, column ``j`` of a range's values (the engine passes a whole column cut to its cells in
    use: beyond them, empty)."""
    return values[i][j] if i < len(values) and j < len(values[i]) else None


FUNCTIONS[MATCHED_ERROR] = Function(MATCHED_ERROR, engine_call(matched_error), 3, 255)
