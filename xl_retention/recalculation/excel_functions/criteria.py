"""COUNTIF, SUMIF and the criteria functions with an array of criteria: one answer per criterion, as Excel gives them.

``SUMPRODUCT(1/COUNTIF(A1:A10,A1:A10))`` (the number of distinct values) and ``SUM(COUNTIF(A:A,{"x","z"}))``
give Excel one count per criterion; formualizer 0.13 answers 0 or #DIV/0! there. The rewrite of
:mod:`..rewrite` renames such a call (criteria a multi-cell range or an array constant, where Excel
evaluates arrays) ``_XLR.EACH.COUNTIF`` / ``_XLR.EACH.SUMIF``. Each criterion is then matched by the
engine's own COUNTIF/SUMIF (its operators, wildcards and text-number rules, the same as in a cell) in a
scratch workbook holding the range's values: one formula per criterion, evaluated at once. COUNTIFS, SUMIFS,
AVERAGEIF(S), MAXIFS and MINIFS likewise (:func:`each_criteria`): ``SUM(COUNTIFS(A1:A6,{"North","South"},B1:B6,
"active"))``, ``{=COUNTIFS(C1:C6,">="&F1:F3,C1:C6,"<"&EOMONTH(F1:F3,0)+1)}`` (one count per month).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from openpyxl.utils import get_column_letter

from ._core import (
    EACH,
    FUNCTIONS,
    Function,
    engine_call,
    engine_value,
    matrix,
)
from .criteria_keys import _distinct, _key


def _block(values: Any, blanks: bool = True) -> list[list[Any]]:
    """``values`` as rows of one width; ``blanks``: "" made a blank cell (a range's), else kept (a criterion's)."""
    rows = matrix(values)
    width = max(len(row) for row in rows)
    return [[None if blanks and v == "" else v for v in row] + [None] * (width - len(row)) for row in rows]


def _area(left: int, rows: int, columns: int) -> str:
    return f"${get_column_letter(left)}$1:${get_column_letter(left + columns - 1)}${rows}"


#: the marker of the true shape of an EACH call's ranges (see :func:`shape_marker`), a text no cell holds
_SHAPE = "\ue001shape:"
#: the registered function giving that marker
SHAPE = "_XLR.SHAPE"


def shape_marker(rows: Any, columns: Any) -> str:
    """The text that tells an EACH criteria call the true size of its ranges (``ROWS(A:A)``, ``COLUMNS(A:A)``): the
    engine passes a whole column cut to its cells in use, and each column its own length.

    >>> shape_marker(1048576.0, 1.0) == _SHAPE + "1048576:1"
    True
    """
    return f"{_SHAPE}{int(rows)}:{int(columns)}"


FUNCTIONS[SHAPE] = Function(SHAPE, engine_call(shape_marker), 2, 2)


def _shape_of(value: Any) -> tuple[int, int] | None:
    if isinstance(value, str) and value.startswith(_SHAPE):
        rows, _, columns = value[len(_SHAPE) :].partition(":")
        return int(rows), int(columns)
    return None


def _padded(blocks: list[list[list[Any]]], shape: tuple[int, int] | None) -> tuple[int, int, int, int]:
    """Pad ``blocks`` (ranges' values, in place) to one size: (rows, columns) of the values, and (rows, columns) of one
    empty row (column) more when ``shape`` (the true size) goes further: its cells beyond are all empty."""
    rows = max(len(b) for b in blocks)
    columns = max(len(b[0]) for b in blocks)
    more_rows = int(shape is not None and shape[0] > rows and shape[1] <= columns)
    more_columns = int(shape is not None and shape[1] > columns and shape[0] <= rows)
    for block in blocks:
        for row in block:
            row.extend([None] * (columns + more_columns - len(row)))
        block.extend([[None] * (columns + more_columns) for _ in range(rows + more_rows - len(block))])
    return rows, columns, rows + more_rows, columns + more_columns


def _tail(shape: tuple[int, int] | None, rows: int, columns: int) -> int:
    """How many rows (columns) of empty cells the true shape holds beyond the values' ``rows`` x ``columns``."""
    if shape is None:
        return 0
    if shape[0] > rows and shape[1] <= columns:
        return shape[0] - rows
    return shape[1] - columns if shape[1] > columns and shape[0] <= rows else 0


def each_criterion(
    name: str, area: Any, criteria: Any, summed: Any = None, shape: Any = None, *, shift: float = 0.0
) -> Any:
    """``name`` (COUNTIF or SUMIF) of ``area`` for each element of ``criteria``: an array of the criteria's shape.
    ``shape``: the true size of the ranges (:func:`shape_marker`), when the engine passed whole columns cut;
    ``shift``: the days a 1900-system date serial is ahead of the workbook's (1462 in the 1904 date system).

    >>> each_criterion("COUNTIF", [["x"], ["y"], ["x"]], [["x", "y", "z"]])
    [[2.0, 1.0, 0.0]]
    >>> each_criterion("SUMIF", [["x"], ["y"], ["x"]], [["x"], [">w"]], [[1.0], [2.0], [4.0]])
    [[5.0], [7.0]]
    >>> each_criterion("COUNTIF", [[1.0], [2.0]], [["", 1.0]], shape=shape_marker(10, 1))
    [[8.0, 1.0]]
    >>> each_criterion("SUMIF", [["x~y"], ["xy"]], [["x~y", "<>x~y"]], [[10.0], [20.0]])  # ~y is y, as alone
    [[20.0, 10.0]]
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    from .criteria_date_texts import each_date_keyed  # (a module that imports this one)
    from .criteria_formatted import written_read  # (a module that imports this one)
    from .criteria_values import tildes_read  # (likewise): "x~y" is xy, as a criterion alone

    true = _shape_of(shape)
    book = fz.Workbook()
    sheet = book.sheet("S")
    values = _block(area)
    wanted = [[tildes_read(w) for w in row] for row in _block(criteria, blanks=False)]  # "" counts blank cells
    wanted, refused = written_read(values, wanted)  # "50%" is 0.5, as typed (.criteria_formatted)
    if refused:  # over the text "50%" as well: listed, as one cell's criterion (.criteria_formatted)
        return FUNCTIONS[refused].call()
    blocks = [values] if summed is None else [values, _block(summed)]
    dated = each_date_keyed(values, wanted, shift)  # "2024-01-15" over text dates: as numbers (.criteria_date_texts)
    if dated is not None:
        blocks.append(dated[0])
        wanted = [
            [w if k is None else k for w, k in zip(*rows, strict=True)] for rows in zip(wanted, dated[1], strict=True)
        ]
    height, width, padded_height, padded_width = _padded(blocks, true)
    tail = _tail(true, height, width) if name == "COUNTIF" else 0
    column, areas, wider = 1, [], []
    for block in blocks:
        sheet.set_values_batch(1, column, padded_height, padded_width, block)
        areas.append(_area(column, height, width))
        wider.append(_area(column, padded_height, padded_width))
        column += padded_width + 1
    firsts, where = _distinct(
        [[(_key(w), dated is not None and dated[1][i][j] is not None) for j, w in enumerate(row)]
         for i, row in enumerate(wanted)]
    )  # fmt: skip
    count = len(firsts)  # one scratch formula per distinct criterion, in one column
    sheet.set_values_batch(1, column, count, 1, [[wanted[i][j]] for i, j in firsts])

    def call(n: int, ranges: list[str]) -> str:
        i, j = firsts[n]
        first, rest = ranges[0], ranges[1 : 1 + (summed is not None)]
        if dated is not None and dated[1][i][j] is not None:
            first = ranges[-1]  # the range with its date texts as numbers
        return f"{name}({first},{get_column_letter(column)}{n + 1}{''.join(',' + r for r in rest)})"

    formulas = [
        [(None if dated is not None and dated[1][i][j] is not None
          else _digits_checked(name, [areas[0], "", *areas[1 : 1 + (summed is not None)]], 1, wanted[i][j], tail))
         or "=" + call(n, areas) + (f"+({call(n, wider)}-{call(n, areas)})*{tail}" if tail else "")]
        for n, (i, j) in enumerate(firsts)
    ]  # fmt: skip
    out = column + 2
    sheet.set_formulas_batch(1, out, count, 1, formulas)
    book.evaluate_all()
    result = sheet.get_values(fz.RangeAddress("S", 1, out, count, out))
    answers = [engine_value(row[0]) if isinstance(row[0], dict) else row[0] for row in result]
    return [[answers[n] for n in line] for line in where]


def _countif(area: Any, criteria: Any, shape: Any = None, *, shift: float = 0.0) -> Any:
    return each_criterion("COUNTIF", area, criteria, shape=shape, shift=shift)


def _sumif(area: Any, criteria: Any, summed: Any = None, shape: Any = None, *, shift: float = 0.0) -> Any:
    if _shape_of(summed) is not None:  # SUMIF(range, criteria) and its shape
        summed, shape = None, summed
    return each_criterion("SUMIF", area, criteria, area if summed is None else summed, shape, shift=shift)


#: the functions of this module, by the position of their (first) criteria argument
CRITERIA = {"COUNTIF": 1, "SUMIF": 1, "AVERAGEIF": 1, "COUNTIFS": 1, "SUMIFS": 2, "AVERAGEIFS": 2, "MAXIFS": 2,
            "MINIFS": 2}  # fmt: skip
#: the step from one criteria argument to the next (the -IFS forms: range, criteria pairs)
_STEP = {"COUNTIFS": 2, "SUMIFS": 2, "AVERAGEIFS": 2, "MAXIFS": 2, "MINIFS": 2}


def criteria_positions(name: str, count: int) -> range:
    """The positions of the criteria arguments of a call of ``name`` (in :data:`CRITERIA`) with ``count`` arguments.

    >>> list(criteria_positions("SUMIFS", 7)), list(criteria_positions("COUNTIF", 2))
    ([2, 4, 6], [1])
    """
    first = CRITERIA[name]
    step = _STEP.get(name)
    return range(first, count, step) if step else range(first, min(first + 1, count))


def each_criteria(name: str, *args: Any, shift: float = 0.0) -> Any:
    """``name`` (COUNTIFS, SUMIFS, AVERAGEIF(S), MAXIFS, MINIFS) for each element of its criteria arrays, as Excel
    gives one answer per element: criteria arrays of one row or column stretch over the others, elements beyond
    a smaller array are #N/A. Each answer is the engine's own call over the ranges' values (a scratch workbook).
    ``shift``: as in :func:`each_criterion`.

    >>> each_criteria("COUNTIFS", [["x"], ["y"], ["x"]], [["x", "y"]], [[1.0], [2.0], [3.0]], ">1")
    [[1.0, 1.0]]
    >>> each_criteria("SUMIFS", [[1.0], [2.0], [4.0]], [["x"], ["y"], ["x"]], [["x"], ["y"]])
    [[5.0], [2.0]]
    """
    import formualizer as fz  # the engine itself, in a workbook of its own (never the one calling this)

    from .criteria_date_texts import each_date_keyed  # (a module that imports this one)
    from .criteria_formatted import written_read  # (a module that imports this one)
    from .criteria_values import tildes_read  # (likewise): "x~y" is xy, as a criterion alone

    true = _shape_of(args[-1]) if args else None
    if true is not None:  # the true size of whole columns the engine passed cut (see shape_marker)
        args = args[:-1]
    positions = set(criteria_positions(name, len(args)))
    grids = {k: _block(args[k], blanks=False) for k in positions if isinstance(args[k], list)}
    rows = max((len(g) for g in grids.values()), default=1)
    columns = max((len(g[0]) for g in grids.values()), default=1)
    blocks = {k: _block(value) for k, value in enumerate(args) if k not in positions}
    picks = {
        k: [[tildes_read(_pick(grids.get(k, [[args[k]]]), i, j)) for j in range(columns)] for i in range(rows)]
        for k in positions
    }
    for k in positions:  # "50%" is 0.5, as typed; over the text "50%" as well: listed (.criteria_formatted)
        picks[k], refused = written_read(blocks.get(k - 1, [[]]), picks[k])
        if refused:
            return FUNCTIONS[refused].call()
    dated = {
        k: keyed for k in positions if k - 1 in blocks and (keyed := each_date_keyed(blocks[k - 1], picks[k], shift))
    }
    for k, (_, keys) in dated.items():  # "2024-01-15" over text dates: as numbers (.criteria_date_texts)
        picks[k] = [
            [w if key is None else key for w, key in zip(*pair, strict=True)]
            for pair in zip(picks[k], keys, strict=True)
        ]
    padded = list(blocks.values()) + [keyed for keyed, _ in dated.values()]
    height, width, padded_height, padded_width = _padded(padded, true) if blocks else (1, 1, 1, 1)
    tail = _tail(true, height, width) if name == "COUNTIFS" else 0
    order = sorted(positions)
    firsts, where = _distinct(
        [[tuple((_key(picks[k][i][j]), k in dated and dated[k][1][i][j] is not None) for k in order)
          for j in range(columns)]
         for i in range(rows)]
    )  # fmt: skip
    count = len(firsts)  # one scratch formula per distinct row of criteria, in one column
    book = fz.Workbook()
    sheet = book.sheet("S")
    column, parts = 1, []
    for k in range(len(args)):
        if k in positions:
            sheet.set_values_batch(1, column, count, 1, [[picks[k][i][j]] for i, j in firsts])
            parts.append((column, None, None))
            column += 2
        else:
            sheet.set_values_batch(1, column, padded_height, padded_width, blocks[k])
            parts.append((column, _area(column, height, width), _area(column, padded_height, padded_width)))
            column += padded_width + 1
    keyed_areas = {}
    for k, (keyed, _) in dated.items():
        sheet.set_values_batch(1, column, padded_height, padded_width, keyed)
        keyed_areas[k - 1] = (_area(column, height, width), _area(column, padded_height, padded_width))
        column += padded_width + 1
    if tail:  # the engine's COUNTIFS reads as far as its sheet is in use: the empty row (column) added is in use
        sheet.set_values_batch(padded_height, column + 3, 1, 1, [[0.0]])

    def keyed_at(i: int, j: int) -> dict[int, tuple[str, str]]:  # the ranges read with their date texts as numbers
        return {k - 1: keyed_areas[k - 1] for k, (_, keys) in dated.items() if keys[i][j] is not None}

    def call(n: int, wide: bool) -> str:
        keyed = keyed_at(*firsts[n])
        cells = [(wider if wide else area) or f"{get_column_letter(first)}{n + 1}" for first, area, wider in parts]
        cells = [keyed[m][wide] if m in keyed else cell for m, cell in enumerate(cells)]
        return name + "(" + ",".join(cells) + ")"

    def checked(n: int) -> str | None:  # one criterion element at 15 digits (.criteria_cells)
        i, j = firsts[n]
        if keyed_at(i, j):
            return None
        near = [k for k in positions if _needs_digits(_pick(grids.get(k, [[args[k]]]), i, j))]
        if len(near) != 1:
            return None
        texts = [area or f"{get_column_letter(first)}{n + 1}" for first, area, _ in parts]
        return _digits_checked(name, texts, near[0], _pick(grids.get(near[0], [[args[near[0]]]]), i, j), tail)

    formulas = [
        [checked(n) or "=" + call(n, False) + (f"+({call(n, True)}-{call(n, False)})*{tail}" if tail else "")]
        for n in range(count)
    ]
    sheet.set_formulas_batch(1, column, count, 1, formulas)
    book.evaluate_all()
    result = sheet.get_values(fz.RangeAddress("S", 1, column, count, column))
    answers = [engine_value(row[0]) if isinstance(row[0], dict) else row[0] for row in result]
    return [[answers[n] for n in line] for line in where]


def _needs_digits(value: Any) -> bool:
    from .criteria_cells import near  # (a module that imports this one)

    return not isinstance(value, list) and near(value) != 0


def _digits_checked(name: str, texts: list[str], position: int, value: Any, tail: int) -> str | None:
    """The scratch formula of ``name`` over ``texts`` (its arguments) whose criterion at ``position`` is ``value``, a
    number Excel compares at 15 digits (0.3, "<>0.3": .criteria_cells), typed in and corrected as a typed one is
    (:func:`.criteria_digits.digits_corrected`); None for any other criterion (the cell's own formula is used)."""
    from .criteria_digits import digits_corrected

    if tail or not _needs_digits(value):
        return None
    args = list(texts)
    args[position] = repr(float(value)) if isinstance(value, (int, float)) else '"' + value.replace('"', '""') + '"'
    call = f"{name}({','.join(args)})"
    corrected = digits_corrected(name, args, call)
    return None if corrected is None else "=" + corrected


def _pick(block: list[list[Any]], i: int, j: int) -> Any:
    r, c = (0 if len(block) == 1 else i), (0 if len(block[0]) == 1 else j)
    if r < len(block) and c < len(block[r]):
        return block[r][c]
    return _MISSING


_MISSING = {"type": "Error", "kind": "#N/A"}

FUNCTIONS[EACH + "COUNTIF"] = Function(EACH + "COUNTIF", _countif, 2, 3)
FUNCTIONS[EACH + "SUMIF"] = Function(EACH + "SUMIF", _sumif, 2, 4)
#: the criteria functions with an array of criteria, each reading text dates (.criteria_date_texts): in 1904 moved
EACH_CRITERIA = (EACH + "COUNTIF", EACH + "SUMIF", *(EACH + n for n in ("AVERAGEIF", "COUNTIFS", "SUMIFS", "AVERAGEIFS",
                                                                      "MAXIFS", "MINIFS")))  # fmt: skip
for _name, _low, _high in (("AVERAGEIF", 2, 4), ("COUNTIFS", 2, 255), ("SUMIFS", 3, 256), ("AVERAGEIFS", 3, 256),
                           ("MAXIFS", 3, 256), ("MINIFS", 3, 256)):  # fmt: skip
    FUNCTIONS[EACH + _name] = Function(EACH + _name, partial(each_criteria, _name), _low, _high)
