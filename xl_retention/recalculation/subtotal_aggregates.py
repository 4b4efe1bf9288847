"""SUBTOTAL over a cell holding AGGREGATE: listed, Excel's value kept (H319's finding 05).

A section subtotal written with AGGREGATE (``B5 =AGGREGATE(9,4,B4)``) under a grand total written with SUBTOTAL
(``=SUBTOTAL(9,B1:B5)``): the embedded engine leaves nested SUBTOTAL cells out of SUBTOTAL but counts the AGGREGATE
cell (40 where LibreOffice gives 35, status ok). Microsoft's SUBTOTAL page says "other subtotals ... (or nested
subtotals)" are ignored without naming AGGREGATE; its AGGREGATE page says AGGREGATE (options 0-3) ignores nested
SUBTOTAL and AGGREGATE functions, and LibreOffice marks a cell calling either as a subtotal that SUBTOTAL skips. Not
being sure which Excel does, the SUBTOTAL cell is listed as one the engine cannot compute (Excel's stored value kept),
never given a number that may be double counted. A data argument that is a range, a name of one or a table's
structured reference is read here; one computed when the formula runs (``OFFSET(..)``, a name defined by a formula)
is left to the engine (not known here: a gap).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from .excel_functions.statistical import AGGREGATE_NAME
from .hidden_rows import _AREA, _calls, _explicit

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import Table

__all__ = ["subtotal_aggregates"]

_REASON = (
    "SUBTOTAL reads {cell}, a cell calling AGGREGATE, which Excel may leave out as a nested subtotal (Microsoft's "
    "SUBTOTAL page names nested subtotals only) while the embedded engine counts it, so the cell keeps Excel's value"
)


def _calls_aggregate(upper: str) -> bool:
    return "AGGREGATE(" in upper or AGGREGATE_NAME.upper() + "(" in upper


def subtotal_aggregates(
    formulas: dict[str, FormulaTexts],
    names: dict[str, dict[str, str]] | None = None,
    tables: list[Table] | None = None,
) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, ref, "SUBTOTAL", reason) of each cell whose SUBTOTAL reads a cell calling AGGREGATE (and not SUBTOTAL,
    which the engine leaves out already), see the module docstring. ``names``: each sheet's defined names (as written,
    any case) and what they stand for; ``tables``: the workbook's tables (a structured reference reads its table's
    area)."""
    if not any(_calls_aggregate(texts.upper_text()) for texts in formulas.values()):  # most workbooks have none
        return
    aggregates: dict[str, set[tuple[int, int]]] = {}
    subtotals: list[tuple[str, tuple[int, int]]] = []
    for sheet, texts in formulas.items():
        for place, master in texts.master_texts():
            upper = master.upper()
            if "SUBTOTAL(" in upper:
                subtotals.append((sheet, place))
            elif _calls_aggregate(upper):
                aggregates.setdefault(sheet, set()).add(place)
    if not aggregates:
        return
    areas = {table.name.lower(): (table.sheet, table.ref) for table in tables or ()}
    for sheet, place in subtotals:
        known = {name.lower(): text for name, text in (names or {}).get(sheet, {}).items()}
        reason = _reason(formulas[sheet][place], sheet, aggregates, known, areas)
        if reason is not None:
            yield sheet, formulas[sheet].refs[place], "SUBTOTAL", reason


def _area(
    text: str, sheet: str, names: dict[str, str], tables: dict[str, tuple[str, str]]
) -> tuple[str, tuple[int, int, int, int]] | None:
    """(sheet, bounds) of a range token's text (a range, a name of one, a structured reference), None when unknown.

    >>> _area("B1:B5", "S", {}, {}), _area("Rate", "S", {"rate": "'My Data'!$C$2"}, {})
    (('S', (2, 1, 2, 5)), ('My Data', (3, 2, 3, 2)))
    >>> _area("Costs[Amount]", "S", {}, {"costs": ("T", "A1:B5")}), _area("Rate", "S", {"rate": "OFFSET(A1,1,0)"}, {})
    (('T', (1, 1, 2, 5)), None)
    """
    if "[" in text:
        table = tables.get(text.partition("[")[0].lower())
        return None if table is None else (table[0], range_boundaries(table[1]))
    if "!" not in text and ":" not in text and text.lower() in names:
        text = names[text.lower()].removeprefix("=")
    where, _, area = text.rpartition("!")
    target = where.strip("'").replace("''", "'") if where else sheet
    area = _explicit(area.replace("$", ""))
    match = _AREA.match(area) or _AREA.match(f"{area}:{area}")
    if match is None:
        return None
    return target, range_boundaries(f"{match.group(1)}{match.group(2)}:{match.group(3)}{match.group(4)}")


def _reason(
    formula: str,
    sheet: str,
    aggregates: dict[str, set[tuple[int, int]]],
    names: dict[str, str],
    tables: dict[str, tuple[str, str]],
) -> str | None:
    try:
        tokens = list(Tokenizer("=" + formula.removeprefix("=")).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return None
    for _, name, arguments, _numbers in _calls(tokens):
        if name != "SUBTOTAL":
            continue
        for start, end in arguments[1:]:
            solid = [tokens[k] for k in range(start, end) if tokens[k].type != Token.WSPACE]
            for token in solid:
                if token.type != Token.OPERAND or token.subtype != Token.RANGE:
                    continue  # OFFSET(..), INDIRECT(..): left to the engine
                found = _area(token.value, sheet, names, tables)
                if found is None:  # a name defined by a formula, or not defined (#NAME?): left to the engine
                    continue
                target, (left, top, right, bottom) = found
                for r, c in sorted(aggregates.get(target, ())):
                    if top <= r <= bottom and left <= c <= right:
                        return _REASON.format(cell=f"{target}!{get_column_letter(c)}{r}")
    return None
