"""The error cells a reason step looks at: each cell of a recalculation holding an error without a reason, whose
formula text the step can explain, at most :data:`MAX_LOOKED_AT` of them (each costs the step an evaluation or a
read). Shared by the steps naming an error's cause (:mod:`.divisor_reasons`, :mod:`.lookup_reasons`,
:mod:`.rate_reasons`, :mod:`.literal_reasons`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..cells import CellError
from .formula_texts import position

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["MAX_LOOKED_AT", "unexplained_errors"]

#: the most cells one step looks at
MAX_LOOKED_AT = 1000


def unexplained_errors(
    formulas: dict[str, FormulaTexts],
    result: Computed,
    code: str | None,
    explains: Callable[[str], object] | None = None,
    limit: int = MAX_LOOKED_AT,
) -> Iterator[tuple[str, str, tuple[int, int], str, CellError]]:
    """``(sheet, ref, (row, column), formula text, error)`` of each cell of ``result`` holding the error ``code``
    (any error where None) without a reason, whose formula ``explains`` accepts (every formula where None); stops
    after ``limit`` of them. The caller may replace the cell's value in ``result.values[sheet][ref]``."""
    looked_at = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message or (code is not None and value.code != code):
                continue
            place = position(ref)
            if place not in texts:
                continue
            text = texts[place]
            if explains is not None and not explains(text):
                continue
            looked_at += 1
            if looked_at > limit:
                return
            yield sheet, ref, place, text, value
