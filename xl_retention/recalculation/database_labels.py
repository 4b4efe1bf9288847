"""The database functions (DSUM, DCOUNT, DGET, ...) given a criteria label that is a number (H313's finding 10).

A table whose column labels are years typed as numbers (``Region | 2025 | 2026``) and criteria ``F1:F2`` = 2025 (or
``=B1``) / ``>100``: Excel matches a criteria label to the column label of the same value (Microsoft's DSUM page: "a
column label ... the same as a column label in the database"), so ``DSUM(A1:C5,3,F1:F2)`` sums the 2026 column of
the rows whose 2025 is over 100 (LibreOffice: 300). The engine matches text labels alone: a number found no column,
and every D-function answered as for no matching row (0) under status ok.

After an evaluation, :func:`numeric_labels` gives each such call, whose database and criteria are references typed
in or defined names of one range (two rows or more), the engine's formula with both label rows as texts,
``VSTACK(A1:C1&"",A2:C5)``: the number 2025 is the label ``2025`` on both sides, and the values under the labels are
the cells as they are. It does so only where a criteria label is a number and no label of one kind would then meet
one of the other (a number 2025 beside a text "2025": what Excel does there is not said), nor a field given as a text
equal to a number's label.

Two more of Excel's criteria rules, given to the engine in the same pass (H485's findings 01 and 02):

- a criterion typed as text without an operator finds every value that BEGINS with it (Microsoft's DSUM page: type
  ``="=East"`` for an equality; "East" finds Eastern too). The engine matched it whole: Region ``East`` over East
  100, Eastern 200, West 150, East 50 gave ``DSUM(A1:C5,"Sales",F1:F2)`` 150 for Excel's 350 under status ok. Each such
  criteria cell is given to the engine as itself followed by ``*``, decided when the formula runs:
  ``VSTACK(F1,_XLR.BEGINSWITH(F2))`` (:mod:`.excel_functions.database_criteria`; a What-If data table over a
  criteria cell sets it to other texts in turn, H495's finding 07);
- a criteria row left blank is a condition every record meets (rows are ORed: "to include the entire database,
  enter a blank line below the labels"); the engine dropped it beside another row (``F1:F3`` = Region / ``="=West"``
  / blank: 250 for Excel's 450). Such criteria are given to the engine as their labels over that blank row;
- DCOUNT and DCOUNTA with the field left out (``DCOUNT(A1:C5,,F1:F2)``) count the records that match (the engine's
  #VALUE!): the database is given a last column of 1s, ``HSTACK(A1:C5,VSTACK("(record)",SEQUENCE(4,1,1,0)))``,
  and the field is its number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import groupby
from typing import Any

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries

from .excel_functions.database_criteria import BEGINS_WITH, begins_with, read_as_number
from .formula_texts import FormulaTexts
from .formula_tokens import _bare_name, argument_spans
from .package import PackageInfo
from .unsupported import Unsupported

__all__ = ["DATABASE", "begins_with", "database_calls", "database_texts", "numeric_labels", "unsure_database_cells"]

#: Excel's database functions (their arguments: database, field, criteria)
DATABASE = frozenset(
    ("DAVERAGE", "DCOUNT", "DCOUNTA", "DGET", "DMAX", "DMIN", "DPRODUCT", "DSTDEV", "DSTDEVP", "DSUM", "DVAR", "DVARP")
)


#: Excel's last row: whole columns (``A:C``) run to it
_LAST_ROW = 1_048_576
_REASON = (
    "{why}: the embedded engine matches a database's text labels alone, and this call's labels cannot be given to it "
    "as texts with certainty"
)


def _number(value: object) -> bool:
    return type(value) in (int, float)


def _text(value: object) -> str | None:
    """A label as the engine's ``&""`` writes it (a number as Excel's text of it), None for a blank cell."""
    if value is None or isinstance(value, dict):
        return None
    if type(value) is bool:
        return "TRUE" if value else "FALSE"
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _area(token: Token, own: str, names: dict[str, str]) -> tuple[str, str, tuple[int, int, int, int], bool] | None:
    """(sheet, the reference's sheet prefix as written, (left, top, right, bottom), whole columns?) of a range typed
    in, or of a defined name that is one (``names``: lower-case name -> ``Sheet!$A$1:$C$5``); whole columns (``A:C``)
    from row 1 to Excel's last."""
    if token.type != Token.OPERAND or token.subtype != Token.RANGE:
        return None
    reference = names.get(token.value.lower(), token.value)  # DSUM(Db,3,Crit): the ranges the names stand for
    prefix, bang, area = reference.rpartition("!")
    try:
        box = range_boundaries(area.replace("$", ""))
    except (ValueError, TypeError):
        return None
    whole = box[1] is None and box[3] is None and None not in (box[0], box[2])
    if whole:
        box = (box[0], 1, box[2], _LAST_ROW)
    if None in box or box[1] == box[3]:  # whole rows, or one row: left as they are
        return None
    sheet = prefix.strip("'").replace("''", "'") if bang else own
    return sheet, prefix + bang, box, whole  # type: ignore[return-value]


#: why a DCOUNT without a field over whole columns (or a computed database) is listed (:func:`unsure_database_cells`)
_BLANK_FIELD = (
    "{name}'s field is left out (Excel counts every record that matches) and its database is {where}: the embedded "
    "engine counts records only given a field, and recalc gives it one only over a range of rows typed in"
)
#: the label of the column of 1s a DCOUNT without a field is given (:func:`numeric_labels`)
_RECORD = "(record)"


def _row(prefix: str, left: int, right: int, top: int, bottom: int) -> str:
    return f"{prefix}${get_column_letter(left)}${top}:${get_column_letter(right)}${bottom}"


def _labels(workbook: fz.Workbook, sheet: str, box: tuple[int, int, int, int]) -> list[object]:
    left, top, right, _ = box
    return [workbook.get_value(sheet, top, column) for column in range(left, right + 1)]


def _numeric_call(
    tokens: list[Token], start: int, workbook: fz.Workbook, own: str, names: dict[str, str]
) -> tuple[list[tuple[Token, tuple[str, str, tuple[int, int, int, int], bool]]], str | None] | None:
    """For the database call opened at ``tokens[start]``: None where no criteria label is a number (or its criteria
    is no range read here: computed); else its two references with their areas, to be given their labels as texts,
    or no reference and why that cannot be done with certainty (the call is then listed)."""
    spans, close = argument_spans(tokens, start)
    if close == len(tokens) or len(spans) != 3:
        return None
    arguments = [[t for t in tokens[a:b] if t.type != Token.WSPACE] for a, b in spans]
    criteria = _area(arguments[2][0], own, names) if len(arguments[2]) == 1 else None
    if criteria is None:
        return None
    labels = _labels(workbook, criteria[0], criteria[2])
    number = next((_text(label) for label in labels if _number(label)), None)
    if number is None:
        return None
    said = f"its criteria label {number} is a number"
    database = _area(arguments[0][0], own, names) if len(arguments[0]) == 1 else None
    if database is None:
        return [], f"{said} and its database is computed"
    if database[3] or criteria[3]:
        return [], f"{said} and it reads whole columns"
    kinds: dict[str, set[bool]] = {}
    for value in _labels(workbook, database[0], database[2]) + labels:
        text = _text(value)
        if text is not None:
            kinds.setdefault(text.lower(), set()).add(_number(value))
    both = next((text for text, kind in kinds.items() if len(kind) > 1), None)
    if both is not None:  # 2025 beside "2025": not said what Excel matches
        return [], f"{said} and the label {both} is both a number and a text there"
    if not arguments[1]:  # DCOUNT(A1:C5,,F1:F2): every record (:func:`_as_excel_reads`)
        return [(arguments[0][0], database), (arguments[2][0], criteria)], None
    field = arguments[1][0] if len(arguments[1]) == 1 else None
    if field is None or field.type != Token.OPERAND:
        return [], f"{said} and its field is computed"
    if field.subtype == Token.TEXT and True in kinds.get(field.value[1:-1].lower(), set()):
        return [], f"{said} and its field {field.value} names a number's label"
    return [(arguments[0][0], database), (arguments[2][0], criteria)], None


def _calls(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo
) -> Iterator[tuple[str, tuple[int, int], list[Token], list[tuple[str, Any]]]]:
    """(sheet, place, the stored formula's tokens, [(function, :func:`_numeric_call`'s answer)]) of each formula cell
    calling a database function with a criteria label that is a number."""
    for (sheet, place), calls in groupby(database_calls(formulas, info), key=lambda call: call[:2]):
        found, tokens = [], []
        for _, _, names, tokens, k, function in calls:
            answer = _numeric_call(tokens, k, workbook, sheet, names)
            if answer is not None:
                found.append((function, answer))
        if found:
            yield sheet, place, tokens, found


def database_calls(
    formulas: dict[str, FormulaTexts], info: PackageInfo
) -> Iterator[tuple[str, tuple[int, int], dict[str, str], list[Token], int, str]]:
    """(sheet, place, the names the sheet sees, the stored formula's tokens, the call's opening token, the function)
    of each database function call (DSUM, DCOUNT, ...) of the workbook's formulas, a cell's calls in their order."""
    for sheet, place, text, names in database_texts(formulas, info):
        try:
            tokens = list(Tokenizer("=" + text.removeprefix("=")).items)
        except Exception:  # noqa: BLE001, S112  (not read: the engine's answer stands)
            continue
        for k, token in enumerate(tokens):
            if token.type == Token.FUNC and token.subtype == Token.OPEN:
                if (function := _bare_name(token.value[:-1])) in DATABASE:
                    yield sheet, place, names, tokens, k, function


def database_texts(
    formulas: dict[str, FormulaTexts], info: PackageInfo
) -> Iterator[tuple[str, tuple[int, int], str, dict[str, str]]]:
    """(sheet, place, formula text, the defined names the sheet sees) of each formula cell whose text calls a
    database function (DSUM, DCOUNT, ...): the cells :func:`numeric_labels` and :mod:`.computed_criteria` look at."""
    for sheet, texts in formulas.items():
        if DATABASE.isdisjoint(texts.called()):  # the sheet's distinct shapes, read once for every listing: not its
            continue  # whole text, twelve times per call (0.037 s of the 120-month tracker's recalc, issue 14)
        names = {**info.names.get("", {}), **info.names.get(sheet, {})}
        for place, text in texts.master_texts():
            if any(name + "(" in text.upper() for name in DATABASE):
                yield sheet, place, text, names


def numeric_labels(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    values: dict[str, dict[str, object]],
    info: PackageInfo,
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
) -> bool:
    """Give each database function call its criteria as Excel reads them, in the engine (see the module docstring): a
    criteria label that is a number, its labels as texts; a text criterion, "begins with"; DCOUNT/DCOUNTA without a
    field, the records counted. True when a formula was set (the caller evaluates again). A call set is set no more:
    its criteria and database are then no single reference, its field no longer blank."""
    found: list[tuple[str, int, int, str]] = []
    tables = any(texts.data_tables() for texts in formulas.values())  # inputs set in turn: "begins with" then too
    for sheet, place, _, names in database_texts(formulas, info):
        try:
            tokens = list(Tokenizer("=" + (workbook.get_formula(sheet, *place) or "").removeprefix("=")).items)
        except Exception:  # noqa: BLE001, S112  (the engine's own formula: left as it is)
            continue
        changed = False
        for k, token in enumerate(tokens):
            if token.type == Token.FUNC and token.subtype == Token.OPEN:
                if (function := _bare_name(token.value[:-1])) in DATABASE:
                    changed |= _as_excel_reads(tokens, k, workbook, sheet, names, function, tables)
        if changed:
            found.append((sheet, *place, "=" + "".join(t.value for t in tokens)))
    if found:
        set_formulas(workbook, found)
    return bool(found)


def _as_excel_reads(
    tokens: list[Token],
    start: int,
    workbook: fz.Workbook,
    own: str,
    names: dict[str, str],
    function: str,
    tables: bool = False,
) -> bool:
    """Set the tokens of the database call opened at ``tokens[start]`` to Excel's reading of its criteria (labels
    that are numbers as texts, text criteria as "begins with", a DCOUNT's blank field as every record); True when one
    was set. ``tables``: the workbook has What-If data tables, which set cells to other values in turn: the criteria
    are given through ``_XLR.BEGINSWITH`` even where none is read so now."""
    numeric = _numeric_call(tokens, start, workbook, own, names)
    spans, close = argument_spans(tokens, start)
    if close == len(tokens) or len(spans) != 3:
        return False
    arguments = [[t for t in tokens[a:b] if t.type != Token.WSPACE] for a, b in spans]
    as_texts = numeric is not None and numeric[1] is None  # labels that are numbers, given as texts
    changed = False
    criteria = _area(arguments[2][0], own, names) if len(arguments[2]) == 1 else None
    if criteria is not None and not criteria[3]:
        _, prefix, (left, top, right, bottom), _ = criteria
        cells = [
            [workbook.get_value(criteria[0], row, column) for column in range(left, right + 1)]
            for row in range(top + 1, bottom + 1)
        ]
        begun = tables or any(begins_with(value) or read_as_number(value) for row in cells for value in row)
        blank = next((top + 1 + k for k, row in enumerate(cells) if all(v is None for v in row)), None)
        if blank is not None and len(cells) > 1 and not tables:  # a row of no condition: every record (the engine
            # dropped it); under a data table decided when the formula runs (.excel_functions.database_criteria.begun)
            first = _row(prefix, left, right, top, top)
            arguments[2][0].value = f"VSTACK({first},{_row(prefix, left, right, blank, blank)})"
            changed = True
        elif as_texts or begun:
            first, rest = _row(prefix, left, right, top, top), _row(prefix, left, right, top + 1, bottom)
            if begun:  # decided when it runs: a data table sets the criteria to other values in turn (H495/07)
                rest = f"{BEGINS_WITH}({rest})"
            text = '&""' if as_texts else ""  # a number's label as the text of it
            arguments[2][0].value = f"VSTACK({first}{text},{rest})"
            changed = True
    database = _area(arguments[0][0], own, names) if len(arguments[0]) == 1 else None
    if database is not None and as_texts:
        _, prefix, (left, top, right, bottom), _ = database
        first, rest = _row(prefix, left, right, top, top), _row(prefix, left, right, top + 1, bottom)
        arguments[0][0].value = f'VSTACK({first}&"",{rest})'
        changed = True
    if function in ("DCOUNT", "DCOUNTA") and not arguments[1] and database is not None and not database[3]:
        _, prefix, (left, top, right, bottom), _ = database
        records = f'VSTACK("{_RECORD}",SEQUENCE({bottom - top},1,1,0))'  # (the engine's IF(ROW(..)): one row)
        arguments[0][0].value = f"HSTACK({arguments[0][0].value},{records})"
        separator = tokens[spans[0][1]]  # the comma after the database: the field, the last column, after it
        separator.value = f",{right - left + 2}"
        changed = True
    return changed


def unsure_database_cells(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo
) -> list[Unsupported]:
    """Each formula cell calling a database function with a criteria label that is a number whose labels could not be
    given as texts with certainty (:func:`numeric_labels`: whole columns, a database computed, a label both a number
    and a text, a field computed or naming a number's label), listed: the engine, matching text labels alone, answers
    as for no matching row (``DSUM(A:C,3,G1:G2)`` 0 where Excel sums the column labelled 2025's rows). So is a
    DCOUNT/DCOUNTA without a field over whole columns or a computed database (the engine's #VALUE!, Excel's count)."""
    listed: list[Unsupported] = []
    for sheet, place, _, calls in _calls(workbook, formulas, info):
        why = next(((function, reason) for function, (_, reason) in calls if reason is not None), None)
        if why is not None:
            listed.append(Unsupported(sheet, formulas[sheet].refs[place], why[0], _REASON.format(why=why[1])))
    done = {(u.sheet, u.ref) for u in listed}
    for sheet, place, names, tokens, k, function in database_calls(formulas, info):
        ref = formulas[sheet].refs[place]
        spans, close = argument_spans(tokens, k)
        if (sheet, ref) in done or function not in ("DCOUNT", "DCOUNTA") or close == len(tokens) or len(spans) != 3:
            continue
        arguments = [[t for t in tokens[a:b] if t.type != Token.WSPACE] for a, b in spans]
        database = _area(arguments[0][0], sheet, names) if len(arguments[0]) == 1 else None
        if not arguments[1] and (database is None or database[3]):  # DCOUNT(A:C,,F1:F2): no column of records
            where = "whole columns" if database is not None else "computed"
            listed.append(Unsupported(sheet, ref, function, _BLANK_FIELD.format(name=function, where=where)))
            done.add((sheet, ref))
    return listed
