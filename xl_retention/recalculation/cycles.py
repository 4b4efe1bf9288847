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

import numpy as np
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

__all__ = ["loop_cells"]

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
    index = {cell: k for k, cell in enumerate(circular)}
    positions = {}
    for sheet, ref in circular:
        column, row = range_boundaries(ref)[:2]
        positions.setdefault(sheet, []).append((row, column, index[(sheet, ref)]))
    rows, columns = [], []
    for k, (sheet, ref) in enumerate(circular):
        for target, (left, top, right, bottom) in _areas(text_of(sheet, ref), sheet, names or {}):
            for row, column, j in positions.get(target, ()):
                if top <= row <= bottom and left <= column <= right:
                    rows.append(k)
                    columns.append(j)
    from scipy.sparse import csr_matrix  # here: a recalculation without a cycle does not import scipy
    from scipy.sparse.csgraph import connected_components

    n = len(circular)
    graph = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(n, n))
    _, labels = connected_components(graph, directed=True, connection="strong")
    sizes = np.bincount(labels, minlength=n) if n else np.array([], dtype=int)
    itself = {r for r, c in zip(rows, columns, strict=True) if r == c}  # A1 =A1+1
    looping = [cell for k, cell in enumerate(circular) if sizes[labels[k]] > 1 or k in itself]
    return looping or list(circular)
