"""Why a classic formula's XLOOKUP is #VALUE!: it gave several cells where one value is taken, and none of them is in
the formula's own row or column (Excel's implicit intersection).

``=XLOOKUP("x",E1:E5,F1:F5,F1:F5)`` in row 7, "x" not in E1:E5, gives its if_not_found F1:F5; a classic formula takes
the cell of it in its own row, and row 7 has none: #VALUE!, as in Excel (:mod:`.xlookup_cells` intersects the call).
The engine keeps only the code, so recalc listed the cell with no reason; :func:`xlookup_intersection_reasons` names
the cells the call gave and the formula's row or column they miss: ``XLOOKUP("x",E1:E5,F1:F5,F1:F5) gives S!F1:F5
(its if_not_found: "x" is not in E1:E5), 5 cells where one value is taken: a classic (non-array) formula takes the
one in its own row, and S!H7 is in row 7, outside rows 1-5 (#VALUE!)``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter

from ..cells import CellError
from ..sheet_names import written
from .intersection import SPOT
from .reason_cells import call_end
from .unexplained import unexplained_errors
from .value_origins import _probe, evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["xlookup_intersection_reasons"]

_XLOOKUP = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?XLOOKUP\(")
#: the most #VALUE! cells looked at (each costs an evaluation or two)
MAX_LOOKED_AT = 100


def xlookup_intersection_reasons(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
) -> int:
    """Give each #VALUE! cell without a reason whose XLOOKUP, intersected with the formula's row and column
    (:func:`.xlookup_cells.xlookup_cell`), gave several cells none of which is there, that reason; returns how many
    got one. ``names``: the defined names of references by scope ("" the workbook's), by which a range may be given."""
    named = 0
    for sheet, ref, place, text, _error in unexplained_errors(
        formulas, result, "#VALUE!", _XLOOKUP.search, MAX_LOOKED_AT
    ):
        try:
            engine = workbook.get_formula(sheet, *place) or ""
        except Exception:  # noqa: BLE001  (a cell the engine cannot give)
            continue
        if SPOT.upper() + "(" not in engine.upper():  # no call of it was intersected
            continue
        visible = {**(names or {}).get("", {}), **(names or {}).get(sheet, {})}
        reason = _cause(workbook, sheet, ref, place, text.removeprefix("="), visible)
        if reason is not None:
            result.values[sheet][ref] = CellError("#VALUE!", f"{reason} (#VALUE!)")
            named += 1
    return named


def _cause(
    workbook: fz.Workbook, sheet: str, ref: str, place: tuple[int, int], text: str, names: dict[str, str]
) -> str | None:
    """The first XLOOKUP call of ``text`` (the formula of ``sheet!ref``, at ``place``) giving several cells, none of
    them in the formula's row and column, and why (``names``: the names of references visible there); None where
    there is none."""
    row, column = place
    for match in _XLOOKUP.finditer(text):
        found = call_end(text, match.end())
        if found is None or len(found[0]) < 3:
            continue
        args, end = found
        call = text[match.start() : end]
        at = _probe(workbook, sheet, row, column, _written_out(call, names))
        if at is None:
            continue
        where, top, left, rows, columns = at
        if rows * columns == 1:
            continue
        cell = f"{written(sheet)}!{ref}"
        if rows > 1 and columns > 1:
            missed = f"the cell in its own row and column, and {cell} is not in it"
        elif rows > 1 and not top <= row < top + rows:
            missed = f"the one in its own row, and {cell} is in row {row}, outside rows {top}-{top + rows - 1}"
        elif columns > 1 and not left <= column < left + columns:
            own, first, last = (get_column_letter(c) for c in (column, left, left + columns - 1))
            missed = f"the one in its own column, and {cell} is in column {own}, outside columns {first}-{last}"
        else:
            continue
        area = f"{get_column_letter(left)}{top}:{get_column_letter(left + columns - 1)}{top + rows - 1}"
        name = call[: match.end() - match.start() - 1].removeprefix("_xlfn.").removeprefix("_XLFN.")
        shown = name + call[match.end() - match.start() - 1 :]
        return (
            f"{shown} gives {written(where)}!{area}{_not_found(workbook, sheet, place, args)}, {rows * columns} cells "
            f"where one value is taken: a classic (non-array) formula takes {missed}"
        )
    return None


def _not_found(workbook: fz.Workbook, sheet: str, place: tuple[int, int], args: list[str]) -> str:
    """`` (its if_not_found: "x" is not in E1:E5)`` where the call's value is not found and it gave its
    if_not_found; else empty."""
    if len(args) < 4 or not args[3]:
        return ""
    modes = ",".join([args[0], args[1], *(a or default for a, default in zip(args[4:6], ("0", "1"), strict=False))])
    if evaluated(workbook, sheet, *place, f"=ISNA(_xlfn.XMATCH({modes}))") is not True:
        return ""
    return f" (its if_not_found: {args[0]} is not in {args[1]})"


def _written_out(call: str, names: dict[str, str]) -> str:
    """``call`` with each name of a reference in it written as its reference (``Keys``: ``S!$E$1:$E$5``), whose
    shape the probe reads.

    >>> _written_out('XLOOKUP("x",Keys,F1:F5)', {"keys": "S!$E$1:$E$5"})
    'XLOOKUP("x",S!$E$1:$E$5,F1:F5)'
    """
    if not names:
        return call
    try:
        tokens = list(Tokenizer("=" + call).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: as it is)
        return call
    for token in tokens:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and token.value.lower() in names:
            token.value = names[token.value.lower()]
    return "".join(t.value for t in tokens)
