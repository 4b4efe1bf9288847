"""Each evaluation of an iterative workbook iterates its loops at most Maximum Iterations times, from blank cells.

Excel recalculates a circular chain at most ``iterateCount`` times per recalculation (File > Options > Formulas >
Maximum Iterations), or until the largest change is below ``iterateDelta``. formualizer iterates a loop from the
values it holds: each ``evaluate_all`` after the first (the steps that set formulas again after an evaluation, in
:mod:`.embedded`) iterated it that many times more, so ``=B1+A1`` with Maximum Iterations 1 gave 2 x A1, the
accumulator idiom's one step counted twice. :class:`IteratedLoops` wraps the engine's workbook: before an evaluation
after one that iterated, every formula cell on a loop (:func:`.cycles.on_loops`, read from the formulas' text) is
made blank and given its formula again, so that the engine starts the loop from blank cells, as the first
evaluation did. A cell whose formula has given way to a value (Excel's stored value kept) is left as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .cycles import on_loops
from .formula_texts import position

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = ["IteratedLoops"]

#: a reference made when the formula runs, which the formula's text does not show
_DYNAMIC = re.compile(r"\b(?:INDIRECT|OFFSET)\s*\(", re.IGNORECASE)
#: the sheet of the one cell standing for every formula cell (no workbook's: a sheet name holds no ':')
_ALL = "xl-retention: every cell"


class IteratedLoops:
    """The engine's ``workbook`` of an iterative workbook, whose :meth:`evaluate_all` starts its loops from blank
    cells each time (``formulas``: each sheet's formula texts; ``names``: lower-case workbook names of one range)."""

    def __init__(self, workbook: fz.Workbook, formulas: dict[str, FormulaTexts], names: dict[str, str]) -> None:
        self.loaded = workbook
        self._formulas = formulas
        self._names = names
        self._cells: list[tuple[str, int, int]] | None = None
        self._iterated = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loaded, name)

    def evaluate_all(self) -> None:
        """The engine's evaluation, its loops started from blank cells when an earlier one iterated them."""
        if self._iterated:
            self._blank_loops()
        try:
            self.loaded.evaluate_all()
        finally:
            telemetry = self.loaded.last_cycle_telemetry()
            self._iterated = self._iterated or bool(telemetry.iterated_sccs)

    def loop_cells(self) -> list[tuple[str, int, int]]:
        """(sheet, row, column) of each formula cell on a loop among the workbook's formulas (computed once). A
        reference made when the formula runs (INDIRECT, OFFSET) is not in its text: such a cell is taken to read
        every formula cell (through one cell standing for them all), so that every cell reading it is counted on a
        loop with it (a cell counted so that is on none is evaluated from blank as any other: no harm)."""
        if self._cells is None:
            texts = self._formulas
            cells = [(sheet, sheet_texts.refs[place]) for sheet, sheet_texts in texts.items() for place in sheet_texts]
            every = "+".join("'" + sheet.replace("'", "''") + "'!A:XFD" for sheet in texts)

            def text_of(sheet: str, ref: str) -> str:
                if sheet == _ALL:
                    return every
                text = texts[sheet][position(ref)]
                return f"{text}+'{_ALL}'!A1" if _DYNAMIC.search(text) else text

            dynamic = any(_DYNAMIC.search(texts[sheet][position(ref)]) for sheet, ref in cells)
            loops = on_loops(cells + [(_ALL, "A1")] if dynamic else cells, text_of, self._names)
            self._cells = [(sheet, *position(ref)) for sheet, ref in loops if sheet != _ALL]
        return self._cells

    def _blank_loops(self) -> None:
        workbook = self.loaded
        held = [(sheet, r, c, workbook.get_formula(sheet, r, c)) for sheet, r, c in self.loop_cells()]
        held = [item for item in held if item[3]]  # a kept value stays
        if not held:
            return
        for sheet, r, c, _ in held:
            workbook.set_value(sheet, r, c, None)
        workbook.evaluate_cells([(sheet, r, c) for sheet, r, c, _ in held])  # (the blank is the loop's start)
        for sheet, r, c, formula in held:
            workbook.set_formula(sheet, r, c, formula)
