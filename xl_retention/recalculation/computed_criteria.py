"""A database function (DSUM, DCOUNT, ...) whose criteria hold a computed criterion: listed, never computed from every
row.

Excel reads a condition under a criteria label that is blank or names no column of the database as a computed
criterion, a formula tested on each row (Microsoft's "Examples of criteria": ``=C7>AVERAGE($C$7:$C$10)`` under a
label that is not a column label). A1:C5 = Region | Y25 | Y26 (EU 120/130, US 90/95, APAC 150/170, LATAM 60/80),
F1 = 'Big', F2 =B2>100: ``DSUM(A1:C5,3,F1:F2)`` is 300 (EU and APAC); the engine took every row, 475, under status
ok. :func:`computed_criteria` lists such cells (their stored values kept where Excel saved them).
"""

from __future__ import annotations

import re

import formualizer as fz
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries

from .database_labels import _area, _labels, _text, database_calls
from .engine_results import table_inputs, table_step
from .formula_texts import FormulaTexts
from .formula_tokens import argument_spans
from .package import PackageInfo

__all__ = ["COMPUTED_REASON", "computed_criteria"]

#: an A1 range or whole columns (``A1:C5``, ``$A:$C``), not a name
_A1 = re.compile(r"^\$?[A-Za-z]{1,3}(?:\$?\d+)?:\$?[A-Za-z]{1,3}(?:\$?\d+)?$")


#: why a database function with a computed criterion is listed (:func:`computed_criteria`)
COMPUTED_REASON = (
    "{name}'s criteria {criteria} hold a condition in {cell} under {label}, which is no column label of {database}: "
    "Excel reads it as a computed criterion (a formula tested on each row), which the embedded engine does not "
    "compute (it took every row)"
)


def computed_criteria(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo
) -> list[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each formula cell calling a database function whose criteria (references
    typed in) hold a condition under a blank label or one naming no column of the database: Excel's computed criterion
    (``F1`` blank or 'Big', ``F2 =B2>100``: the rows whose 2025 is over 100), which the engine does not compute (it
    gave the sum of every row, 475 for Excel's 300, under status ok). Listed, never computed from every row."""
    found: list[tuple[str, str, str, str]] = []
    done: set[tuple[str, tuple[int, int]]] = set()
    tables = any(texts.data_tables() for texts in formulas.values())
    calls: _Calls = {}  # each formula cell's database calls, for the data tables' cells (one pass over the calls)
    for sheet, place, names, tokens, k, name in database_calls(formulas, info):
        if tables:
            spans, close = argument_spans(tokens, k)
            if close != len(tokens) and len(spans) == 3:
                arguments = [[t for t in tokens[a:b] if t.type != Token.WSPACE] for a, b in spans]
                calls.setdefault((sheet, place), []).append((name, arguments, names))
        if (sheet, place) in done:
            continue
        reason = _computed(tokens, k, workbook, sheet, name, names)
        if reason is not None:
            found.append((sheet, formulas[sheet].refs[place], name, reason))
            done.add((sheet, place))
    if tables:
        found += _table_labels(workbook, formulas, calls)
    return found


#: why a What-If data table's cell setting a criteria label to no column label is listed (:func:`_table_labels`)
TABLE_REASON = (
    "the data table {table} sets {input}, {name}'s criteria label in {criteria}, to {tried}, which is no column label "
    "of {database}: Excel reads the condition under it as a computed criterion (a formula tested on each row), which "
    "the embedded engine does not compute"
)


#: each formula cell's database calls of three arguments: {(sheet, place): [(function, arguments' tokens, names)]}
_Calls = dict[tuple[str, tuple[int, int]], list[tuple[str, list[list[Token]], dict[str, str]]]]


def _table_labels(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], calls: _Calls
) -> list[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each result cell of a What-If data table whose formula cell calls a database
    function (``calls``) and that sets a label of its criteria (references typed in) to a value naming no column of
    the database, over a condition: Excel's computed criterion there (H520's task 4: a table over F1, Region / East,
    trying 'Nope' gave 0 under status ok), as :func:`computed_criteria` lists such a formula cell."""
    found: list[tuple[str, str, str, str]] = []
    for sheet, texts in formulas.items():
        for table in texts.data_tables():
            try:
                targets = table_inputs(table, sheet)
            except ValueError:
                continue
            left, top, right, bottom = range_boundaries(table.ref or "")
            for r in range(top, bottom + 1):  # type: ignore[operator]
                for c in range(left, right + 1):  # type: ignore[operator]
                    places, formula = table_step(table, r, c)
                    tried = {t: workbook.get_value(sheet, *p) for t, p in zip(targets, places, strict=True)}
                    reason = _tried_label(workbook, sheet, calls.get((sheet, formula), []), tried)
                    if reason is not None:  # that result listed, the others computed
                        found.append(
                            (sheet, f"{get_column_letter(c)}{r}", reason[0], reason[1].format(table=table.ref))
                        )
    return found


def _tried_label(
    workbook: fz.Workbook,
    sheet: str,
    calls: list[tuple[str, list[list[Token]], dict[str, str]]],
    tried: dict[tuple[int, int], object],
) -> tuple[str, str] | None:
    """(function, reason with ``{table}`` left to fill) where one of ``calls`` (a formula cell's database calls) has
    a criteria label among the input cells ``tried`` sets (place -> value) to no column label, over a condition."""
    for name, arguments, names in calls:
        if len(arguments[0]) != 1 or len(arguments[2]) != 1:
            continue
        database, criteria = _area(arguments[0][0], sheet, names), _area(arguments[2][0], sheet, names)
        if database is None or criteria is None or criteria[3] or criteria[0] != sheet:
            continue
        left, top, right, bottom = criteria[2]
        for (row, column), value in tried.items():
            if row != top or not left <= column <= right:
                continue
            headers = {(_text(v) or "").lower() for v in _labels(workbook, database[0], database[2])} - {""}
            if (_text(value) or "").lower() in headers:
                continue
            under = [workbook.get_value(sheet, below, column) for below in range(top + 1, bottom + 1)]
            if all(v is None or v == "" for v in under):
                continue
            shown = "blank" if _text(value) in (None, "") else repr(_text(value))
            return name, TABLE_REASON.format(
                table="{table}",
                input=f"{get_column_letter(column)}{row}",
                name=name,
                criteria=arguments[2][0].value,
                tried=shown,
                database=arguments[0][0].value,
            )
    return None


def _computed(
    tokens: list[Token], start: int, workbook: fz.Workbook, own: str, name: str, names: dict[str, str]
) -> str | None:
    spans, close = argument_spans(tokens, start)
    if close == len(tokens) or len(spans) != 3:
        return None
    arguments = [[t for t in tokens[a:b] if t.type != Token.WSPACE] for a, b in spans]
    if len(arguments[0]) != 1 or len(arguments[2]) != 1:
        return None
    for token in (arguments[0][0], arguments[2][0]):  # a name of no range (a formula's): not read as a column
        if token.value.lower() not in names and not _A1.search(token.value.rpartition("!")[2]):
            return None
    database, criteria = _area(arguments[0][0], own, names), _area(arguments[2][0], own, names)
    if database is None or criteria is None or criteria[3]:  # (criteria over whole columns: not read)
        return None
    headers = {(_text(v) or "").lower() for v in _labels(workbook, database[0], database[2])} - {""}
    left, top, right, bottom = criteria[2]
    for column in range(left, right + 1):
        label = workbook.get_value(criteria[0], top, column)
        if (_text(label) or "").lower() in headers:
            continue
        for row in range(top + 1, bottom + 1):
            value = workbook.get_value(criteria[0], row, column)
            if value is None or value == "":
                continue
            cell = f"{get_column_letter(column)}{row}"
            said = "a blank label" if _text(label) in (None, "") else f"the label {_text(label)!r}"
            return COMPUTED_REASON.format(
                name=name, criteria=arguments[2][0].value, cell=cell, label=said, database=arguments[0][0].value
            )
    return None
