"""SWITCH and IFS where the engine differs from Excel: errors among SWITCH's values, and array arguments.

The rewrite of :mod:`.arguments` sends a SWITCH here when one of its values to compare is not typed
in (a cell can hold an error, which Excel returns: the engine skips it and says #N/A) or its
expression is an array, and an IFS when a condition is an array (a Ctrl+Shift+Enter or dynamic
array formula: Excel answers element by element, the engine #VALUE!). In classic formulas a
range given as SWITCH's expression or an IFS condition is intersected with the formula's row
first (:mod:`..rewrite`), so those stay with the engine.

Comparisons as Excel's SWITCH makes them (checked against the values Excel stored in the
conformance corpus): numbers by value, text without case, logicals only with logicals, a blank
as the number 0 (never as the empty text ""); an error in the expression or in a value reached
before the match is the result.
"""

from __future__ import annotations

from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import ExcelError, check, excel_function, is_error, matrix, plain_number


def _comparable(value: Any) -> Any:
    if value is None:
        return 0.0
    if isinstance(value, str):
        return ("text", value.casefold())
    if isinstance(value, bool):
        return ("logical", value)
    return float(value)


def _scalar(value: Any, i: int | None = None, j: int | None = None) -> Any:
    """A value for element (i, j) of an array answer: its own element when it is an array of that shape."""
    if not isinstance(value, list):
        return value
    rows = matrix(value)
    if i is not None and j is not None and i < len(rows) and j < len(rows[i]):
        return rows[i][j]
    return rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else {"type": "Error", "kind": "#N/A"}


def _switch_one(key: Any, cases: tuple[Any, ...], i: int | None, j: int | None) -> Any:
    if is_error(key):
        return key
    wanted = _comparable(key)
    pairs, default = (cases[:-1], cases[-1]) if len(cases) % 2 else (cases, None)
    for k in range(0, len(pairs), 2):
        value = _scalar(pairs[k], i, j)
        if is_error(value):
            return value
        if _comparable(value) == wanted:
            return _scalar(pairs[k + 1], i, j)
    if len(cases) % 2:
        return _scalar(default, i, j)
    return {"type": "Error", "kind": "#N/A"}


def _answer(one: Any, shape: list[list[Any]] | None) -> Any:
    if shape is None:
        result = one(None, None)
        return check(result)
    return [[one(i, j) for j in range(len(row))] for i, row in enumerate(shape)]


@excel_function("_XLR.SWITCH", 3, 254)
def switch(expression: Any, *cases: Any) -> Any:
    """SWITCH(expression, value1, result1, [value2, result2, ...], [default]) as Excel compares.

    >>> switch(3.0, {"type": "Error", "kind": "Div"}, 1.0)
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: #DIV/0!
    >>> switch(None, 0.0, "match"), switch(True, 1.0, "match", "none"), switch("A", "a", 1.0)
    ('match', 'none', 1.0)
    >>> switch([[False, True]], False, 0.0, True, 1.0)
    [[0.0, 1.0]]
    """
    if len(cases) < 2:
        raise ExcelError("#VALUE!")
    shape = matrix(expression) if isinstance(expression, list) and sum(map(len, matrix(expression))) > 1 else None

    def one(i: int | None, j: int | None) -> Any:
        key = shape[i][j] if shape is not None and i is not None and j is not None else _scalar(expression)
        return _switch_one(key, cases, i, j)

    return _answer(one, shape)


def _condition(value: Any) -> bool:
    check(value)
    if isinstance(value, str):
        raise ExcelError("#VALUE!")
    return bool(value)


@excel_function("_XLR.IFS", 2, 254)
def ifs(*pairs: Any) -> Any:
    """IFS(condition1, value1, [condition2, value2, ...]) element by element over array conditions.

    A condition that is an error gives that error, text #VALUE!, none true #N/A.

    >>> ifs([[False, 0.0, 41.0]], 1.0, 0.0, 2.0)
    [[{'type': 'Error', 'kind': '#N/A'}, {'type': 'Error', 'kind': '#N/A'}, 1.0]]
    """
    if len(pairs) % 2:
        raise ExcelError("#N/A")  # Excel refuses to enter it; a condition without its value
    shape = next(
        (matrix(c) for c in pairs[0::2] if isinstance(c, list) and sum(map(len, matrix(c))) > 1),
        None,
    )

    def one(i: int | None, j: int | None) -> Any:
        for k in range(0, len(pairs), 2):
            try:
                if _condition(_scalar(pairs[k], i, j)):
                    return _scalar(pairs[k + 1], i, j)
            except ExcelError as error:
                return {"type": "Error", "kind": error.code}
        return {"type": "Error", "kind": "#N/A"}

    return _answer(one, shape)


def _choice(value: Any) -> Any:
    if isinstance(value, list):
        return [[_choice(item) for item in row] for row in matrix(value)]
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, str):
        number = plain_number(value.strip())
        return {"type": "Error", "kind": "#VALUE!"} if number is None else number
    return value


@excel_function("_XLR.CHOICE", 1, 1)
def choice(value: Any) -> Any:
    """CHOOSE's index as Excel reads it: TRUE is 1 (FALSE 0, refused), numeric text its number, other text #VALUE!.

    >>> choice(True), choice("2"), choice(1.5), choice("x")
    (1.0, 2.0, 1.5, {'type': 'Error', 'kind': '#VALUE!'})
    """
    return _choice(value)


@excel_function("_XLR.SPOT", 4, 4)
def spot(position: Any, first: Any, count: Any, other: Any) -> float:
    """The place of the formula's row (column) ``position`` in a range a call returned (its first row ``first``,
    ``count`` rows, ``other`` columns), for Excel's implicit intersection of ``=OFFSET(A1,0,0,5,1)``: 1 for a single
    row, #VALUE! when the row is outside it or the range has several rows and columns.

    >>> spot(3, 1, 5, 1), spot(7, 1, 1, 5)
    (3.0, 1.0)
    """
    values = [check(v) for v in (position, first, count, other)]
    where, top, size, across = (int(v) if isinstance(v, (int, float)) else 0 for v in values)
    if size == 1:
        return 1.0
    if across > 1 or not top <= where < top + size:
        raise ExcelError("#VALUE!")
    return float(where - top + 1)


#: SWITCH and IFS as Excel answers errors among SWITCH's values and array arguments
SWITCH, IFS = "_XLR.SWITCH", "_XLR.IFS"


def _literal(argument: list[Token]) -> bool:
    inner = [t for t in argument if t.type != Token.WSPACE]
    return (
        len(inner) == 1
        and inner[0].type == Token.OPERAND
        and inner[0].subtype
        in (
            Token.NUMBER,
            Token.TEXT,
            Token.LOGICAL,
        )
    )


def _has_area(argument: list[Token]) -> bool:
    return any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in argument)


def logical_call(name: str, parts: list[list[Token]], args: list[str]) -> str | None:
    """SWITCH with a value that may be an error or an array expression, IFS with an array condition, as Excel answers
    them: ``_XLR.SWITCH(...)`` / ``_XLR.IFS(...)`` (registered here) for the rewrite of :mod:`.arguments`, which gives
    each argument's tokens (``parts``) and rewritten text (``args``); None to leave the call to the engine."""
    if name == "SWITCH" and len(parts) >= 3:
        values = parts[1:-1:2] if len(parts) % 2 == 0 else parts[1::2]  # without the default
        if _has_area(parts[0]) or not all(_literal(v) for v in values):
            return f"{SWITCH}({','.join(args)})"
    if name == "IFS" and len(parts) >= 2 and any(_has_area(c) for c in parts[0::2]):
        return f"{IFS}({','.join(args)})"
    return None
