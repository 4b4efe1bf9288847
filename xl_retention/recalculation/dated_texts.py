"""Why XNPV or XIRR was not computed: the text (or TRUE/FALSE) among its values or dates, named with its cell.

:func:`.excel_functions.financial._dated_flows` lists a call whose values or dates hold text (a date or a payment
pasted from a CSV as text, '2024-07-01', '600') or a logical: Excel's answer there is not documented. The cell was
listed with the general "the embedded engine cannot compute this formula (=XIRR(A1:A3,B1:B3))", naming neither the
cell nor its text, which in a cash flow of 600 cells the user could not find (H570's finding 02).
:func:`dated_text_reason` reads each XNPV and XIRR call's values and dates (ranges, read
row by row in pairs, as the function does) and names the first text or logical of the first call the engine lists,
by its cell; an array constant's by its place there; an argument of another kind keeps the general reason:

>>> _reason("XIRR", "dates", "2024-07-01", " (S!B2)")
"XIRR: its dates hold the text '2024-07-01' (S!B2), whose answer in Excel is not documented: type it as a date"
>>> print(_reason("XNPV", "values", True, " ('Cash flow'!C2)"))
XNPV: its values hold the logical TRUE ('Cash flow'!C2), whose answer in Excel is not documented: type it as a number
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ..sheet_names import SHEET, written
from .excel_functions._core import is_error
from .formula_tokens import _bare_name, argument_spans

if TYPE_CHECKING:
    import formualizer as fz

__all__ = ["DATED", "dated_text_reason"]

#: the functions, and the positions of their values and dates
DATED = {"XNPV": (1, 2), "XIRR": (0, 1)}
#: a range or cell a formula writes, its sheet named or not (its parts: sheet, the range)
_RANGE = re.compile(r"(?:(" + SHEET + r")!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)")
_TYPE_AS = {"values": "a number", "dates": "a date"}
#: the most cells of one argument read (a larger one keeps the general reason)
MAX_CELLS = 65_536


def dated_text_reason(
    workbook: fz.Workbook, sheet: str, row: int, column: int, formula: str, only: str | None = None
) -> tuple[str, str] | None:
    """(function, reason) naming the text or logical among the values or dates of the first XNPV or XIRR call of
    ``formula`` (the cell at ``row``, ``column`` of ``sheet``) that the engine lists for it; None where no call has
    one (the cell's case is another's). ``only``: that function's calls alone."""
    if "XNPV(" not in formula.upper() and "XIRR(" not in formula.upper():
        return None
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (not read: the caller's own reason stands)
        return None
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare_name(token.value[:-1])
        if name not in DATED or only not in (None, name):
            continue
        spans, _ = argument_spans(tokens, k)
        if len(spans) <= DATED[name][1]:
            continue
        read = [_read(workbook, sheet, tokens[spans[i][0] : spans[i][1]]) for i in DATED[name]]
        found = _first_text(name, *read)
        if found is not None:
            return name, found
    return None


def _first_text(name: str, values: list[tuple[str, Any]] | None, dates: list[tuple[str, Any]] | None) -> str | None:
    """The reason of the first text or logical among ``values`` and ``dates`` (each item's place and value) read in
    pairs as :func:`.excel_functions.financial._dated_flows` reads them; None where it meets none (or an error first,
    or values and dates of different counts: its #NUM!), or where an argument was not read (no place to name)."""
    if values is None or dates is None or len(values) != len(dates) or not values:
        return None
    for pair in zip(values, dates, strict=True):
        for what, (place, item) in zip(("values", "dates"), pair, strict=True):
            if is_error(item):
                return None  # its error is the call's answer
            if isinstance(item, (str, bool)):
                return _reason(name, what, item, place)
    return None


def _read(workbook: fz.Workbook, sheet: str, tokens: list[Token]) -> list[tuple[str, Any]] | None:
    """(`` (S!B2)`` or `` (typed in, its 2nd item)``, value) of each item of an argument (its tokens), row by row as
    the function reads them: a range or cell's cells, an array constant's items; None where it is something else or
    is not read."""
    inner = [t for t in tokens if t.type != Token.WSPACE]
    if inner and inner[0].type == Token.ARRAY and inner[0].subtype == Token.OPEN:
        return _constant(inner)
    found = _RANGE.fullmatch("".join(t.value for t in inner))
    if found is None:
        return None
    where = found.group(1).strip("'").replace("''", "'") if found.group(1) else sheet
    low_column, low_row, high_column, high_row = range_boundaries(found.group(2).replace("$", "").upper())
    if (high_column - low_column + 1) * (high_row - low_row + 1) > MAX_CELLS:
        return None
    try:
        page = workbook.range_page(f"{written(where)}!{found.group(2)}", offset=0, limit=MAX_CELLS, include_values=True)
    except Exception:  # noqa: BLE001  (a sheet the engine does not have: nothing to name)
        return None
    width = high_column - low_column + 1
    return [
        (f" ({written(where)}!{get_column_letter(low_column + k % width)}{low_row + k // width})", item.value)
        for k, item in enumerate(page.items)
    ]


def _constant(tokens: list[Token]) -> list[tuple[str, Any]] | None:
    """The items of an array constant (``{45292,"2024-07-01"}``: its tokens, nothing after its closing brace) as
    :func:`_read` gives them: a text, a logical or an error as it is, a number 0.0 (its value is not asked)."""
    items: list[tuple[str, Any]] = []
    for k, token in enumerate(tokens[1:], start=1):
        if token.type == Token.ARRAY and token.subtype == Token.CLOSE:
            return items if k == len(tokens) - 1 else None  # {..}*1: another value
        if token.type != Token.OPERAND:
            continue
        if token.subtype == Token.TEXT:
            value: Any = token.value[1:-1].replace('""', '"')
        elif token.subtype == Token.LOGICAL:
            value = token.value.upper() == "TRUE"
        elif token.subtype == Token.ERROR:
            value = {"type": "Error", "kind": token.value}
        else:
            value = 0.0
        items.append((f" (typed in, its {_ordinal(len(items) + 1)} item)", value))
    return None  # not closed


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _reason(name: str, what: str, item: str | bool, place: str) -> str:
    """The reason of ``name``'s ``what`` ("values" or "dates") holding ``item`` (from ``place``)."""
    held = f"the logical {str(item).upper()}" if isinstance(item, bool) else f"the text {item!r}"
    return (
        f"{name}: its {what} hold {held}{place}, whose answer in Excel is not documented: type it as {_TYPE_AS[what]}"
    )
