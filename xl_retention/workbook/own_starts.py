"""Formulas of the user's in an imported month's start (Customers!B4, Revenue!B4), said by the import (H332's 08).

The import writes each month's figures and puts the template's formula back where a value was typed over one; a
formula of the user's own is kept. In a month's start that is where a Google Sheets tracker's ARRAYFORMULA lands:
its .xlsx download writes each cell as ``IFERROR(__xludf.DUMMYFUNCTION(..COMPUTED_VALUE..),14)``, the value Google
showed, frozen. The import rewrites the months' ends; those starts stay the previous download's ends, and every rate
of the month is computed from them. The import keeps them (they are the user's) and says so, naming the cells; the
recalculation names each start that is then not the month before's end (:mod:`..recalculation.formula_starts`).
"""

from __future__ import annotations

from ..recalculation.google_functions import GOOGLE_FROZEN
from .formula_text import formula_key
from .monthly import Column
from .report_lines import listed
from .template import render_formula

__all__ = ["GOOGLE_FROZEN", "own_start", "own_starts_line"]


def own_start(column: Column, letters: dict[str, str], row: int, old: str, formula: str, title: str = "") -> bool:
    """Whether ``old`` (a start cell's formula at ``row``) is neither the template's ``formula`` there nor one an
    earlier template wrote (:data:`.upgrade.EARLIER`, of sheet ``title``)."""
    from .upgrade import EARLIER

    known = {formula_key(formula)}
    for earlier in (*column.earlier, *EARLIER.get((title, column.key), ())):
        try:
            known.add(formula_key(render_formula(earlier, letters, row)))
        except KeyError:
            continue
    return formula_key(old) not in known


def _cut(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[: most - 3] + "..."


def own_starts_line(cells: list[tuple[str, str]]) -> str:
    """The import's line naming the months' starts (``cells``: (cell, formula)) holding formulas of the user's."""
    google = any(GOOGLE_FROZEN in formula.upper() for _, formula in cells)
    first_cell, first = cells[0]
    why = (
        "Google Sheets' download keeps a formula it cannot write for Excel (an ARRAYFORMULA) as the fixed value it "
        "showed, so "
        if google
        else ""
    )
    return (
        f"kept {len(cells)} formula{'s' * (len(cells) > 1)} of yours in the imported months' starts, where the "
        f"template's formula takes the month before's end: {listed([c for c, _ in cells])} ({first_cell} "
        f"{_cut(first)!r}); the import rewrote the months' ends, not these starts: {why}a start other than the month "
        "before's end makes its month's rates wrong (xl-retention recalc names each such start): put the column's own "
        "formula back over them (copy it from a month's row of a tracker made by xl-retention new)"
    )
