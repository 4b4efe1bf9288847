"""A model fit written as a one-cell formula: the cells it was meant to spill into, and its ``K1#``, explained.

``ws["K1"] = "=SBG_FIT(B1:I1)"`` (openpyxl's natural way to put a formula in a file) stores a one-cell formula
without Excel's dynamic-array flag: Excel shows a legacy formula's top-left value (alpha) and spills nothing, so L1
(beta) is blank and ``K1#`` is ``#REF!``. The reasons sent the user to L1 ("S!L1 is blank"), which they never meant to
type, or gave none (``=INDEX(K1#,1,2)``: ``#REF!``) (H296's finding 03). :func:`one_cell_fit` says what happened and
how to write the formula so that it spills; :func:`plain_fit_beside` adds it to a blank cell's reason where the cell
lies where the fit would have spilled, :func:`plain_fit_reads` to the reasons of the cells reading ``K1#``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..registry import BY_NAME
from ..sheet_names import written
from .formula_texts import position
from .spill_reasons import _SPILL_REFERENCE

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["one_cell_fit", "plain_fit_beside", "plain_fit_reads"]

#: a formula that is one call: its function's name
_CALL = re.compile(r"^\s*=?\s*(?:_xludf\.|_xll\.)?([A-Za-z_][\w.]*)\(")
#: the columns to the left of a blank cell searched for a fit that would have spilled into it
_WIDEST = 8


def one_cell_fit(formulas: dict[str, FormulaTexts], sheet: str, row: int, column: int) -> tuple[str, int] | None:
    """(the explanation, the number of values) where ``sheet``'s cell (``row``, ``column``) holds a one-cell formula
    (not an array formula) that is one call of a function giving a row of values (SBG_FIT's alpha, beta,
    log-likelihood); None otherwise."""
    texts = formulas.get(sheet)
    place = (row, column)
    if texts is None or place not in texts:
        return None
    cell = getattr(texts, "_cells", {}).get(texts.refs.get(place, ""))
    if cell is None or cell.kind != "normal":
        return None
    text = texts[place].strip().removeprefix("=")
    found = _CALL.match(text)
    function = BY_NAME.get(found.group(1).upper()) if found is not None else None
    if function is None or function.returns != "row" or len(function.columns) < 2 or not text.endswith(")"):
        return None
    width = len(function.columns)
    anchor = f"{get_column_letter(column)}{row}"
    extent = f"{anchor}:{get_column_letter(column + width - 1)}{row}"
    return (
        f"{written(sheet)}!{anchor} holds {function.name}, which gives {width} values in a row "
        f"({', '.join(function.columns)}), as a one-cell formula (saved without Excel's dynamic-array flag, as "
        f'openpyxl writes ws["{anchor}"] = "={text}"), so it shows the first alone and spills nothing: write it as an '
        f'array formula over {extent} (openpyxl: ws["{anchor}"] = ArrayFormula("{extent}", "={text}")), or take each '
        f"value with INDEX({text},1,k)",
        width,
    )


def plain_fit_beside(formulas: dict[str, FormulaTexts], sheet: str, row: int, column: int) -> str:
    """``": "`` and :func:`one_cell_fit`'s explanation where the blank cell (``row``, ``column``) of ``sheet`` lies
    where a one-cell fit to its left would have spilled; "" otherwise."""
    for left in range(column - 1, max(0, column - _WIDEST), -1):
        if (row, left) in formulas.get(sheet, ()):
            found = one_cell_fit(formulas, sheet, row, left)
            return f": {found[0]}" if found is not None and left + found[1] > column else ""
    return ""


#: "SBG_SURVIVAL: alpha is the error value #REF! (#VALUE!)": the error value's origin not named
_UNNAMED_REF = re.compile(r"^(?P<head>[A-Z_][A-Z0-9_.]*: \w+ is the error value #REF!) \((?P<code>#[A-Z0-9/!?]+)\)$")


def plain_fit_reads(formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each error cell that reads ``K1#`` of a one-cell fit (:func:`one_cell_fit`), with no reason or one that
    names no cell for its #REF!, the reason its ``K1#`` is #REF!; returns how many got one."""
    named = 0
    for sheet, texts in formulas.items():
        if "#" not in texts.upper_text() and "ANCHORARRAY(" not in texts.upper_text():
            continue
        cells = result.values.get(sheet, {})
        for place in texts.positions():
            ref = texts.refs[place]
            value = cells.get(ref)
            if type(value) is not CellError:
                continue
            unnamed = _UNNAMED_REF.match(value.message or "")
            if value.message and unnamed is None:
                continue
            for match in _SPILL_REFERENCE.finditer(texts[place]):
                quoted = match.group(1) or match.group(4)
                letters, digits = (
                    (match.group(2), match.group(3)) if match.group(2) else (match.group(5), match.group(6))
                )
                target = quoted.strip("'").replace("''", "'") if quoted else sheet
                target = next((s for s in formulas if s.lower() == target.lower()), target)
                found = one_cell_fit(formulas, target, *position(f"{letters.upper()}{digits}"))
                if found is None:
                    continue
                spill = f"{written(target)}!{letters.upper()}{digits}#"
                reason = (
                    f"{unnamed['head']} of {spill}, because {spill} is no spill range: {found[0]} ({unnamed['code']})"
                    if unnamed is not None
                    else f"{spill} is no spill range: {found[0]} ({value.code})"
                )
                cells[ref] = CellError(value.code, reason)
                named += 1
                break
    return named
