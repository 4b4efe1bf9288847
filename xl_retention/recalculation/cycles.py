"""Which cells of a circular reference are the loop itself, for the message that refuses the workbook.

The engine marks every cell of a loop, and every cell reading one, as circular. Excel names the cells of the loop
(Formulas > Error Checking > Circular References): those are the strongly connected components of the circular
cells' references among themselves (scipy's ``connected_components(connection="strong")``), a component of one
cell counting only when it reads itself. References are read from the formulas' text (cells, ranges, defined names
of one range); a loop made only through INDIRECT or OFFSET is not seen, and then every circular cell is named.

>>> texts = {("M", "A1"): "B1+1", ("M", "B1"): "C1*2", ("M", "C1"): "A1", ("M", "D2"): "C1+1"}
>>> loop_cells(list(texts), lambda sheet, ref: texts[(sheet, ref)])
[('M', 'A1'), ('M', 'B1'), ('M', 'C1')]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

__all__ = ["ITERATIVE_REASON", "iterative_starts", "loop_cells", "on_loops"]

Cell = tuple[str, str]  # sheet, "A1"


def _areas(formula: str, sheet: str, names: dict[str, str]) -> list[tuple[str, tuple[int, int, int, int]]]:
    """The (sheet, bounds) of every reference ``formula`` (text without "=") makes; names of one range resolved."""
    try:
        tokens = Tokenizer("=" + formula.removeprefix("=")).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: no references seen)
        return []
    out = []
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        text = names.get(token.value.lower(), token.value)
        where, bang, ref = text.rpartition("!")
        target = (where[1:-1].replace("''", "'") if where.startswith("'") else where) if bang else sheet
        try:
            out.append((target, range_boundaries(ref.replace("$", ""))))
        except (ValueError, TypeError):
            continue
    return out


def loop_cells(
    circular: list[Cell], text_of: Callable[[str, str], str], names: dict[str, str] | None = None
) -> list[Cell]:
    """The cells of ``circular`` (every cell the engine marked) that are on a loop, in the given order; all of them
    when no loop is seen among their references (``text_of(sheet, ref)``: the formula; ``names``: lower-case defined
    names of one range -> ``"Sheet!$A$1:$B$2"``)."""
    return on_loops(circular, text_of, names) or list(circular)


def on_loops(cells: list[Cell], text_of: Callable[[str, str], str], names: dict[str, str] | None = None) -> list[Cell]:
    """The cells of ``cells`` on a loop among themselves (a strongly connected component of two or more, or a cell
    reading itself), in the given order; none when no loop is seen.

    >>> texts = {("M", "B2"): 'IF(A2<>"",IF(B2="",NOW(),B2),"")', ("M", "C2"): "B2+1"}
    >>> on_loops(list(texts), lambda sheet, ref: texts[(sheet, ref)])
    [('M', 'B2')]
    """
    return list(loops(cells, text_of, names))


def loops(
    cells: list[Cell], text_of: Callable[[str, str], str], names: dict[str, str] | None = None
) -> dict[Cell, int]:
    """The cells of ``cells`` on a loop among themselves (as :func:`on_loops`), each with its loop's number: the
    cells of one strongly connected component share it.

    >>> texts = {("M", "A1"): "B1", ("M", "B1"): "A1", ("M", "C1"): "C1+A1", ("M", "D1"): "A1"}
    >>> loops(list(texts), lambda sheet, ref: texts[(sheet, ref)])
    {('M', 'A1'): 0, ('M', 'B1'): 0, ('M', 'C1'): 1}
    """
    index = {cell: k for k, cell in enumerate(cells)}
    single: dict[tuple[str, int, int], int] = {}  # (sheet, row, column) -> index: a one-cell reference's lookup
    positions: dict[str, list[tuple[int, int, int]]] = {}
    for sheet, ref in cells:
        column, row = range_boundaries(ref)[:2]
        single[(sheet, row, column)] = index[(sheet, ref)]
        positions.setdefault(sheet, []).append((row, column, index[(sheet, ref)]))
    rows, columns = [], []
    for k, (sheet, ref) in enumerate(cells):
        for target, (left, top, right, bottom) in _areas(text_of(sheet, ref), sheet, names or {}):
            if left is not None and left == right and top is not None and top == bottom:
                j = single.get((target, top, left))
                if j is not None:
                    rows.append(k)
                    columns.append(j)
                continue
            left, top, right, bottom = left or 1, top or 1, right or 16384, bottom or 1048576
            for row, column, j in positions.get(target, ()):
                if top <= row <= bottom and left <= column <= right:
                    rows.append(k)
                    columns.append(j)
    if not rows:
        return {}
    from scipy.sparse import csr_matrix  # here: a recalculation without a cycle does not import scipy
    from scipy.sparse.csgraph import connected_components

    n = len(cells)
    graph = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(n, n))
    _, labels = connected_components(graph, directed=True, connection="strong")
    sizes = np.bincount(labels, minlength=n) if n else np.array([], dtype=int)
    itself = {r for r, c in zip(rows, columns, strict=True) if r == c}  # A1 =A1+1
    return {cell: int(labels[k]) for k, cell in enumerate(cells) if sizes[labels[k]] > 1 or k in itself}


#: why a cell of an iterative loop keeps the value Excel stored
ITERATIVE_REASON = (
    "a circular reference computed by iteration: Excel iterates from the value it stored (a recorded time stamp, "
    '=IF(B2="",NOW(),B2), keeps its date), the embedded engine from blank cells, which gives another value here'
)


def iterative_starts(
    values: dict[str, dict[str, object]],
    texts: dict[str, Any],
    stored: dict[str, dict[str, Any]],
    names: dict[str, str],
    delta: float,
    near: list[Cell] | None = None,
) -> list[Cell]:
    """The cells on a loop of an iterative workbook whose value computed from blank cells differs from the one Excel
    stored, which Excel would have iterated from (``values``: the engine's results; ``texts``: each sheet's
    :class:`~.formula_texts.FormulaTexts`; ``stored``: the scan's formula cells, by sheet and reference, their
    ``cached`` value; ``delta``: the workbook's iterateDelta). Numbers within ``max(10 x delta, 1e-6 x size)``
    agree (a converging loop stopped at either side of its limit); those that agree without being equal are
    appended to ``near``: the engine stopped short of Excel's value (``D1 = D2*0.5+10``, ``D2 = D1*0.2``: 11.1111
    from blank cells, Excel's 100/9 stored), which Excel keeps where it still solves the loop (:mod:`.settled_loops`).
    A loop whose every stored value is 0 starts where the engine starts: none of its cells is named (H468's 01).
    """
    from .formula_texts import position

    cells = [
        (sheet, ref)
        for sheet, found in stored.items()
        if sheet in texts
        for ref, cell in found.items()
        if cell.cached is not None and position(ref) in texts[sheet]
    ]
    if not cells:
        return []
    on_loop = loops(cells, lambda sheet, ref: texts[sheet][position(ref)], names)
    from_zero = set(on_loop.values())  # the loops whose every stored value is 0: Excel starts where the engine does
    for (sheet, ref), loop in on_loop.items():
        then = stored[sheet][ref].cached
        if type(then) not in (int, float) or then != 0:
            from_zero.discard(loop)
    differ = []
    for (sheet, ref), loop in on_loop.items():
        if loop in from_zero:  # B1 =B3-B2, B2 =0.2*B1 stored 0 before B3 was typed: the engine's value is Excel's
            continue
        now, then = values.get(sheet, {}).get(ref), stored[sheet][ref].cached
        if type(now) in (int, float) and type(then) in (int, float):
            if abs(now - then) <= max(10 * delta, 1e-6 * max(abs(now), abs(then))):
                if near is not None and now != then:
                    near.append((sheet, ref))
                continue
        elif now == then or (now in (None, "") and then in (None, "")):
            continue
        differ.append((sheet, ref))
    return differ
