"""Each error an array formula of ours gives past its first cell, with the reason its own row's inputs give.

``=CRR(A2:A7,B2:B7,C2:C7)`` spilled (or entered with Ctrl+Shift+Enter over E2:E7) computes each row on its own, and
each row in error has its own cause, which the core says (:func:`xl_retention.cells.evaluate` gives one message per
element). The report named the cells after the first only as "a value of the result S!E2 spills (#DIV/0!)" or "the
array formula S!G2 over G2:G7 gives #DIV/0! here", and the user had to check every input of each month by hand (H267's
finding 02). :func:`element_reasons` gives such a cell the reason the same function gives in one cell of its row's
own inputs (``=CRR(A4,B4,C4)``, evaluated in the sheet's scratch cell with the explaining steps that name cells):
"CRR: customers_start is 0 in S!C4 (no customers at the start): the ratio is undefined (#DIV/0!)".

Only a formula that is one call of an elementwise registry function (one value per cell) whose range arguments are
plain ranges is done so (a range of one row or column is read in each row or column, as Excel broadcasts it); any
other keeps the wording above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..registry import BY_NAME
from .formula_texts import position
from .reason_cells import _RANGE, _call_end, _column
from .scratch_cell import SCRATCH

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["element_formula", "element_reasons"]

_CALL = re.compile(r"^=?\s*(?:_xldudf_(?:xlwings_)?)?([A-Za-z_][A-Za-z0-9_.]*)\(", re.IGNORECASE)
_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")
#: at most this many cells of an array are given their own reason (each costs an evaluation)
MAX_ELEMENTS = 200


def element_formula(formula: str, rows: int, columns: int) -> str | None:
    """``formula`` (one call of an elementwise registry function) as its call for the element ``rows`` below and
    ``columns`` right of its first cell: each range argument as its cell there; None where the formula is not such a
    call or a range does not reach that element.

    >>> element_formula("=CRR(A2:A7,B2:B7,C2:C7)", 2, 0)
    '=CRR(A4,B4,C4)'
    >>> element_formula("=CHURN_RATE(Data!$B$2:$B$9,10,'My data'!C2:C9)", 1, 0)
    "=CHURN_RATE(Data!B3,10,'My data'!C3)"
    >>> element_formula("=CRR(A2:A7,B2:B7,C2:C7)+1", 1, 0) is None
    True
    """
    call = _CALL.match(formula.strip())
    function = BY_NAME.get(call.group(1).upper()) if call is not None else None
    if call is None or function is None or function.kind != "elementwise" or function.returns != "value":
        return None
    found = _call_end(formula.strip(), call.end())
    if found is None or formula.strip()[found[1] :].strip():
        return None
    out = []
    for argument in found[0]:
        if argument == "" or _NUMBER.match(argument) or re.fullmatch(r'"(?:[^"]|"")*"', argument):
            out.append(argument)
            continue
        place = _RANGE.fullmatch(argument)
        if place is None or place.group(7) is not None:  # not a plain range (a whole column: not taken)
            return None
        quoted, plain, left, top, right, bottom = place.groups()[:6]
        right, bottom = right or left, bottom or top
        c0, c1 = sorted((_column(left), _column(right)))
        r0, r1 = sorted((int(top), int(bottom)))
        r = r0 if r1 == r0 else r0 + rows
        c = c0 if c1 == c0 else c0 + columns
        if r > r1 or c > c1:
            return None
        sheet = f"'{quoted}'!" if quoted is not None else (f"{plain}!" if plain else "")
        out.append(f"{sheet}{get_column_letter(c)}{r}")
    return f"={function.name}({','.join(out)})"


def _members(formulas: dict[str, FormulaTexts], result: Computed) -> Iterator[tuple[str, str, str]]:
    """(sheet, cell, its array formula's first cell) of each array member in error without a reason: a dynamic
    array's (``spilled_errors``) and a Ctrl+Shift+Enter array's (its cells in ``members``)."""
    for sheet, cells in result.spilled_errors.items():
        for ref, anchor in cells.items():
            yield sheet, ref, anchor
    for sheet, cells in result.members.items():
        texts = formulas.get(sheet)
        arrays = []
        for ref, cell in getattr(texts, "_cells", {}).items():
            if getattr(cell, "kind", None) == "array" and not getattr(cell, "dynamic", False) and cell.ref:
                left, top = position(cell.ref.split(":")[0])[::-1]
                right, bottom = position(cell.ref.split(":")[-1])[::-1]
                arrays.append((ref, top, left, bottom, right))
        spilled = result.spilled_errors.get(sheet, {})
        for ref, value in cells.items():
            if type(value) is not CellError or ref in spilled:
                continue
            row, column = position(ref)
            for anchor, top, left, bottom, right in arrays:
                if anchor != ref and top <= row <= bottom and left <= column <= right:
                    yield sheet, ref, anchor
                    break


def element_reasons(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
) -> int:
    """Give each array member in error (see the module docstring) the reason of its element's own call, as
    ``result.members[sheet][cell]``'s message; ``names``: the defined names of references by scope. Returns how many
    were given."""
    given = 0
    row, column = SCRATCH
    scratch = f"{get_column_letter(column)}{row}"
    for sheet, ref, anchor in list(_members(formulas, result)):
        if given >= MAX_ELEMENTS:
            break
        value: Any = result.members.get(sheet, {}).get(ref)
        texts = formulas.get(sheet)
        if type(value) is not CellError or value.message or texts is None or position(anchor) not in texts:
            continue
        (r, c), (r0, c0) = position(ref), position(anchor)
        element = element_formula(texts[position(anchor)], r - r0, c - c0)
        if element is None:
            continue
        try:
            if workbook.get_value(sheet, row, column) is not None:
                continue  # the scratch cell holds something: not ours to use
            reason = _reason_of(workbook, formulas, sheet, scratch, element, value.code, names)
        except Exception:  # noqa: BLE001  (no reason found: the wording of the array stays)
            reason = None
        finally:
            try:
                workbook.set_value(sheet, row, column, None)
            except Exception:  # noqa: BLE001, S110  (nothing was set)
                pass
        if reason:
            result.members[sheet][ref] = CellError(value.code, reason)
            given += 1
    return given


def _reason_of(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    sheet: str,
    scratch: str,
    element: str,
    code: str,
    names: dict[str, dict[str, str]] | None,
) -> str | None:
    """The reason ``element`` (a formula of one call) gives evaluated in ``sheet``'s scratch cell, its error code
    ``code``, the cells named by the steps :func:`.reasons.explain` names them with; None where it gives none."""
    from .compared_origins import compared_origin
    from .literal_reasons import blank_argument, value_argument
    from .reason_cells import name_the_cell
    from .reasons import REASONS
    from .value_origins import value_origin

    row, column = SCRATCH
    REASONS.cell = (sheet, scratch)
    try:
        workbook.sheet(sheet).set_formula(row, column, element)
        workbook.evaluate_cell(sheet, row, column)
    finally:
        REASONS.cell = None
    heard = REASONS.heard.pop((sheet, scratch), [])
    reason = next((text for _, text in heard if text.endswith(f"({code})")), None)
    if reason is None:
        return None
    steps = (
        lambda text: compared_origin(workbook, formulas, text, sheet, scratch, names),
        lambda text: name_the_cell(text, element, sheet, names),
        lambda text: blank_argument(workbook, formulas, text, element, sheet),
        lambda text: value_argument(workbook, formulas, text, element, sheet),
        lambda text: value_origin(workbook, formulas, text, sheet, scratch, names),
    )
    for step in steps:
        try:
            reason = step(reason)
        except Exception:  # noqa: BLE001  (a reason's words never fail the recalculation)
            pass
    return reason
