"""Each error an array formula of ours gives past its first cell, with the reason its own row's inputs give.

``=CRR(A2:A7,B2:B7,C2:C7)`` spilled (or entered with Ctrl+Shift+Enter over E2:E7) computes each row on its own, and
each row in error has its own cause, which the core says (:func:`xl_retention.cells.evaluate` gives one message per
element). The report named the cells after the first only as "a value of the result S!E2 spills (#DIV/0!)" or "the
array formula S!G2 over G2:G7 gives #DIV/0! here", and the user had to check every input of each month by hand (H267's
finding 02). :func:`element_reasons` gives such a cell the reason the same function gives in one cell of its row's
own inputs (``=CRR(A4,B4,C4)``, evaluated in the sheet's scratch cell with the explaining steps that name cells):
"CRR: customers_start is 0 in S!C4 (no customers at the start): the ratio is undefined (#DIV/0!)".

A formula of elementwise registry functions (one value per cell), nested (``=CLV(50,0.7,CHURN_RATE(..))``: the inner
reason given as the cause, as in one cell) or in arithmetic and ROUND-like functions of one value, whose ranges are
plain ranges (2-D ones too) given to those functions or taken in arithmetic, is done so (a range of one row or column
is read in each row or column, as Excel broadcasts it); any other keeps the wording above. At most
:data:`MAX_ELEMENTS` cells are evaluated; each array formula is read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..registry import BY_NAME
from .formula_texts import position
from .reason_cells import _RANGE, _column
from .scratch_cell import SCRATCH

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["element_formula", "element_reasons"]

#: at most this many cells of an array are given their own reason (each costs an evaluation)
MAX_ELEMENTS = 200


def element_formula(formula: str, rows: int, columns: int, names: dict[str, str] | None = None) -> str | None:
    """``formula`` as its element ``rows`` below and ``columns`` right of its first cell: each range given to an
    elementwise registry function, or taken in arithmetic, as its cell there (a range of one row or column in each
    row or column, as Excel broadcasts it; a 2-D range its own cell). The formula may nest such calls
    (``CLV(50,0.7,CHURN_RATE(..))``) and wrap them in arithmetic and functions of one value each (``ROUND(..,2)``,
    ``ABS``); None where it calls anything else (``SUM(C2:C7)`` reads the whole range in every element), gives a
    range to another function, holds a name, an array constant or a whole column, or a range does not reach the
    element.

    >>> element_formula("=CRR(A2:A7,B2:B7,C2:C7)", 2, 0)
    '=CRR(A4,B4,C4)'
    >>> element_formula("=CHURN_RATE(Data!$B$2:$B$9,10,'My data'!C2:C9)", 1, 0)
    "=CHURN_RATE(Data!B3,10,'My data'!C3)"
    >>> element_formula("=ROUND(CLV(50,0.7,CHURN_RATE(A2:A7,B2:B7,C2:C7)),2)*100", 1, 0)
    '=ROUND(CLV(50,0.7,CHURN_RATE(A3,B3,C3)),2)*100'
    >>> element_formula("=CRR(A2:B7,C2:D7,E2:E7)", 1, 1)
    '=CRR(B3,D3,E3)'
    >>> element_formula("=CRR(A2:A7,B2:B7,C2:C7)/SUM(C2:C7)", 1, 0) is None
    True
    >>> element_formula("=CRR(Ends,B2:B7,C2:C7)", 1, 0, {"ends": "S!$A$2:$A$7"})
    '=CRR(S!A3,B3,C3)'

    ``names``: the defined names of references visible there (lower case), a name read as its range.
    """
    try:
        tokens = Tokenizer("=" + formula.strip().removeprefix("=")).items
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    calls: list[str] = []  # the functions open around each token, innermost last
    registry = False
    out = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _OFFICEJS.sub("", token.value[:-1]).upper()
            function = BY_NAME.get(name)
            if function is not None and function.kind == "elementwise" and function.returns == "value":
                registry = True
                calls.append(function.name)
                out.append(f"{function.name}(")
                continue
            if name not in _ONE_VALUE_EACH:
                return None
            calls.append(name)
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE and calls:
            calls.pop()
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            reference = (names or {}).get(token.value.lower(), token.value)
            cell = _element_cell(reference, rows, columns)
            if cell is None:
                return None
            if cell != reference and calls and calls[-1] in _ONE_VALUE_EACH:
                return None  # ROUND(A2:A7,2): not read element by element here (intersected in a classic formula)
            out.append(cell)
            continue
        elif token.type == Token.ARRAY:  # an array constant: not one value an element
            return None
        out.append(token.value)
    return "=" + "".join(out) if registry else None


#: functions of one value in each argument, computed element by element over an array: kept around a registry call
_ONE_VALUE_EACH = frozenset(("ROUND", "ROUNDUP", "ROUNDDOWN", "ABS", "INT", "TRUNC", "SIGN"))
#: the prefix of a registry function's call made through Office.js, as Excel saves it
_OFFICEJS = re.compile(r"(?i)^_xldudf_(?:xlwings_)?")


def _element_cell(reference: str, rows: int, columns: int) -> str | None:
    """A plain reference as its cell ``rows`` below and ``columns`` right of its first (a one-row or one-column range
    broadcast, a cell as it is); None for a name, a whole column or row, or a range not reaching that far."""
    place = _RANGE.fullmatch(reference)
    if place is None or place.group(7) is not None:  # a name, or a whole column: not taken
        return None
    quoted, plain, left, top, right, bottom = place.groups()[:6]
    if right is None:
        return reference  # one cell: the same in every element
    c0, c1 = sorted((_column(left), _column(right)))
    r0, r1 = sorted((int(top), int(bottom)))
    r = r0 if r1 == r0 else r0 + rows
    c = c0 if c1 == c0 else c0 + columns
    if r > r1 or c > c1:
        return None
    sheet = f"'{quoted}'!" if quoted is not None else (f"{plain}!" if plain else "")
    return f"{sheet}{get_column_letter(c)}{r}"


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
    from .error_arguments import as_anchor_named  # noqa: PLC0415  (error_arguments imports literal_reasons)

    given = 0
    row, column = SCRATCH
    scratch = f"{get_column_letter(column)}{row}"
    eligible: dict[tuple[str, str], bool] = {}  # each array formula tokenized once, not for each of its members
    for sheet, ref, anchor in list(_members(formulas, result)):
        if given >= MAX_ELEMENTS:
            break
        value: Any = result.members.get(sheet, {}).get(ref)
        texts = formulas.get(sheet)
        if type(value) is not CellError or value.message or texts is None or position(anchor) not in texts:
            continue
        visible = {**(names or {}).get("", {}), **(names or {}).get(sheet, {})}  # =CRR(Ends,..): a name's range
        if (sheet, anchor) not in eligible:
            eligible[(sheet, anchor)] = element_formula(texts[position(anchor)], 0, 0, visible) is not None
        if not eligible[(sheet, anchor)]:
            continue
        (r, c), (r0, c0) = position(ref), position(anchor)
        element = element_formula(texts[position(anchor)], r - r0, c - c0, visible)
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
            reason = as_anchor_named(
                result, sheet, anchor, texts[position(anchor)], reason
            )  # one cell, named as B6 names it
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
    from .arithmetic_origins import arithmetic_origin
    from .compared_origins import compared_origin
    from .literal_reasons import blank_argument, value_argument
    from .nested_reasons import outer_reason, with_cause
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
    heard = [text for _, text in REASONS.heard.pop((sheet, scratch), [])]
    outer = outer_reason(heard, heard[0]) if heard and not heard[0].endswith(f"({code})") else None
    if outer is not None and outer.endswith(f"({code})"):  # CLV(..,CHURN_RATE(..)): the inner reason, the cause
        reason: str | None = heard[0]
    else:
        outer = None
        reason = next((text for text in heard if text.endswith(f"({code})")), None)
    if reason is None:
        return None
    steps = (
        lambda text: compared_origin(workbook, formulas, text, sheet, scratch, names),
        lambda text: name_the_cell(text, element, sheet, names),
        lambda text: blank_argument(workbook, formulas, text, element, sheet),
        lambda text: value_argument(workbook, formulas, text, element, sheet),
        lambda text: value_origin(workbook, formulas, text, sheet, scratch, names),
        lambda text: arithmetic_origin(workbook, formulas, text, sheet, scratch, names),  # A2:A6*1 over an 'x'
    )
    for step in steps:
        try:
            reason = step(reason)
        except Exception:  # noqa: BLE001  (a reason's words never fail the recalculation)
            pass
    return with_cause(outer, reason) if outer is not None else reason
