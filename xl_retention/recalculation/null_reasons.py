"""Why a cell is ``#NULL!``: two references joined by a space, Excel's intersection operator, that share no cell.

``=A1:A3 A5``, ``=SUM(A1:A3 C1:C3)``: the rewrite (:mod:`.intersection`) writes such an intersection as Excel's
``#NULL!`` and the engine keeps only the code, so the cell was listed with an empty reason (H381's item 3).
:func:`null_reasons` names the cell, the two references and what Excel does: "S!B1: the references A1:A3 and A5,
joined by a space (Excel's intersection operator), share no cell: Excel gives #NULL!; a comma (A1:A3,A5) lists both,
a colon (A1:A3:A5) spans them (#NULL!)". A reader of such a cell gets its reason passed on (:mod:`.reasons`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..cells import CellError
from ..sheet_names import written
from .formula_texts import position
from .intersection import _intersect

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["empty_intersection", "null_reasons"]


def empty_intersection(text: str, sheet: str) -> tuple[str, str] | None:
    """The first two references of ``text`` (a formula on ``sheet``) joined by a space that share no cell, as written
    (the first one the intersection of those before it: ``A1:C3 B2:D4 A5``); None where there is none.

    >>> empty_intersection("=A1:A3 A5", "S"), empty_intersection("=SUM(A1:C3 B2:D4)", "S")
    (('A1:A3', 'A5'), None)
    >>> empty_intersection("=SUM(A1:C3 B2:D4 A5)+1", "S"), empty_intersection('=" A1 A5"&A1', "S")
    (('A1:C3 B2:D4', 'A5'), None)
    """
    if " " not in text:
        return None
    try:
        tokens = [t for t in Tokenizer(text if text.startswith("=") else "=" + text).items]
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: no reason found)
        return None
    for i, token in enumerate(tokens):
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        if i > 1 and tokens[i - 1].type == Token.WSPACE and tokens[i - 2].subtype == Token.RANGE:
            continue  # inside a chain started before
        shown, met, j = token.value, token.value, i
        while j + 2 < len(tokens) and tokens[j + 1].type == Token.WSPACE and tokens[j + 2].subtype == Token.RANGE:
            other = tokens[j + 2]
            if other.type != Token.OPERAND:
                break
            met = _intersect(met, other.value, sheet)  # type: ignore[assignment]
            if met is None:
                break
            if met == "#NULL!":
                return shown, other.value
            shown, j = f"{shown} {other.value}", j + 2
    return None


def null_reasons(formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each ``#NULL!`` cell without a reason whose formula intersects references sharing no cell the reason
    naming the cell and the references (:func:`empty_intersection`); returns how many got one."""
    named = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message or value.code != "#NULL!":
                continue
            place = position(ref)
            if place not in texts:
                continue
            found = empty_intersection(texts[place], sheet)
            if found is None:
                continue
            first, second = found
            why = (
                f"{written(sheet)}!{ref}: the references {first} and {second}, joined by a space (Excel's intersection "
                f"operator), share no cell: Excel gives #NULL!; a comma ({first},{second}) lists both, a colon spans "
                "them (#NULL!)"
            )
            cells[ref] = CellError(value.code, why)
            named += 1
    return named
