"""Texts joined: the ``&`` operator's operands and result (``_XLR.TEXT``, ``_XLR.JOINED``), CONCAT, CONCATENATE and
TEXTJOIN; numbers as text with 15 significant digits, past 32,767 characters (Excel's cell limit) #VALUE!.

Split from :mod:`.text` verbatim.
"""

from __future__ import annotations

from typing import Any

from ._core import FUNCTIONS, ExcelError, Function, boolean, engine_call, excel_function, matrix, text, utf16
from .text_slices import _cell


def _operand_text(value: Any) -> Any:
    """An operand of ``&`` as Excel turns it into text (numbers to 15 significant digits); ranges cell by cell."""
    if isinstance(value, list):
        return [[_cell(text, item) for item in row] for row in matrix(value)]
    return text(value)


excel_function("_XLR.TEXT", 1, 1)(_operand_text)


def _joined_text(value: Any) -> Any:
    """The result of a chain of ``&`` as Excel keeps it: past 32,767 characters (UTF-16 code units, Excel's cell
    limit, as for CONCAT and REPT) #VALUE!; an array element by element, errors passed on.

    >>> _joined_text("ab"), _joined_text("a" * 32768)
    ('ab', {'type': 'Error', 'kind': '#VALUE!'})
    """
    if isinstance(value, list):
        return [[_joined_text(item) for item in row] for row in matrix(value)]
    if isinstance(value, str) and (len(value) > 32767 or (not value.isascii() and len(utf16(value)) > 32767)):
        return {"type": "Error", "kind": "#VALUE!"}
    return value


FUNCTIONS["_XLR.JOINED"] = Function("_XLR.JOINED", engine_call(_joined_text), 1, 1)


def _flat_texts(args: tuple[Any, ...]) -> list[str]:
    return [text(item) for arg in args for row in matrix(arg) for item in row]


def _joined(result: str) -> str:
    if len(result) > 32767 or (not result.isascii() and len(utf16(result)) > 32767):
        raise ExcelError("#VALUE!")
    return result


@excel_function("CONCAT", 1, 253)
def concat(*args: Any) -> str:
    """CONCAT(text1, ...): every argument and every cell of a range, as text, joined.

    >>> concat(1 / 3, [["a", True]])
    '0.333333333333333aTRUE'
    """
    return _joined("".join(_flat_texts(args)))


@excel_function("CONCATENATE", 1, 255)
def concatenate(*args: Any) -> Any:
    """CONCATENATE(text1, ...): the arguments as text, joined (a range gives one result per cell)."""
    if not any(isinstance(arg, list) for arg in args):
        return _joined("".join(text(arg) for arg in args))
    grids = [matrix(arg) for arg in args]
    rows = max(len(g) for g in grids)
    cols = max(len(g[0]) for g in grids)

    def item(grid: list[list[Any]], i: int, j: int) -> Any:
        if len(grid) == 1 and len(grid[0]) == 1:
            return grid[0][0]
        if i < len(grid) and j < len(grid[0]):
            return grid[i][j]
        return {"type": "Error", "kind": "#N/A"}

    return [[_cell(lambda *xs: _joined("".join(text(x) for x in xs)), *[item(g, i, j) for g in grids])
             for j in range(cols)] for i in range(rows)]  # fmt: skip


@excel_function("TEXTJOIN", 3, 254)
def textjoin(delimiter: Any, ignore_empty: Any, *args: Any) -> str:
    """TEXTJOIN(delimiter, ignore_empty, text1, ...): the texts joined by the delimiter(s), cycling a range of them.

    >>> textjoin(", ", True, [["a", None, 0.1 + 0.2]])
    'a, 0.3'
    """
    delimiters = _flat_texts((delimiter,)) or [""]
    skip = boolean(ignore_empty)
    items = [t for t in _flat_texts(args) if not (skip and t == "")]
    out = ""
    for k, item in enumerate(items):
        if k:
            out += delimiters[(k - 1) % len(delimiters)]
        out += item
    return _joined(out)
