"""INDIRECT of a text naming a sheet the workbook does not have: the #REF! says which sheet and where to fix it.

Excel updates references when a sheet is renamed ("Data 2025" to "Données 2025"), never the text inside INDIRECT, and
INDIRECT of a reference to no sheet is #REF! (Microsoft's INDIRECT page: "If ref_text refers to ... an invalid
reference, INDIRECT returns the #REF! error value"). recalc gave that #REF! (:mod:`.literal_indirect`) with no reason,
and an xl-retention function given it said only "customers_end is the error value #REF!". :func:`indirect_reasons`
names the text, the missing sheet and the workbook's sheets for the cell itself (``Synthèse!A3:
INDIRECT("'Data 2025'!C2") names the sheet 'Data 2025', which the workbook does not have (renamed or deleted? its
sheets: 'Données 2025', 'Synthèse'): write the sheet's name again in the formula (#REF!)``); :func:`indirect_origin`
adds it to the reason of a function whose argument is such an INDIRECT. A text built when the formula runs
(``INDIRECT(A2&"!B3")``, the usual sheet per month, A2 'Apr') is computed by the engine as the INDIRECT reads it, and
the cell holding the sheet's name is where to write it again: ``INDIRECT(A2&"!B3") gives the text "Apr!B3", which
names the sheet 'Apr', which the workbook does not have (...): write the sheet's name again in Summary!A2``.

The same for the other references computed when a formula runs: a month's cell left blank (``INDIRECT(A1&"!B3")``
is ``"!B3"``), a defined name standing for such an INDIRECT, a structured reference to a table or column the
workbook does not have, an OFFSET reaching past the sheet's edge (``OFFSET(A1,-1,0)``: row 0); and an error read
through INDIRECT or OFFSET gets the reason of the cell reached (``..., from Jan!B3``), as one read directly does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from ..registry import BY_NAME
from ..sheet_names import NAME, written
from .excel_functions.arguments import _arguments as argument_spans
from .formula_texts import position
from .indirect import indirect_calls, indirect_targets, text_of
from .package import Table, scan
from .reason_cells import _arguments
from .undefined_names import package_names
from .value_origins import evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["indirect_origin", "indirect_reasons"]

#: INDIRECT of a text typed in: ``INDIRECT("'Data 2025'!C2")``, ``INDIRECT("Feb!R2C3",FALSE)``
_INDIRECT = re.compile(r'(?i)(?<![\w.])INDIRECT\(\s*"((?:[^"]|"")*)"\s*(?:,\s*[^()]*?)?\)')
#: "CRR: customers_end is the error value #REF! (#VALUE!)", "NPS: scores holds the error value #REF! in cell 1 of
#: scores (#VALUE!)": an argument given the #REF!
_GIVEN = re.compile(r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) (?:is|holds) the error value #REF!")
#: the sheets a reason lists before "..."
FIRST = 5
#: what a blank cell should hold: a reference (``INDIRECT(A1)``), a sheet's name (``INDIRECT(A1&"!B3")``)
WANTED = ("a reference", "the sheet's name")
#: the most #REF! cells whose INDIRECT's text is computed again (each costs an evaluation)
MAX_COMPUTED = 100


def _sheets_listed(sheets: list[str]) -> str:
    more = f" and {len(sheets) - FIRST} more" if len(sheets) > FIRST else ""
    return ", ".join(f"'{s}'" for s in sheets[:FIRST]) + more


def _sheet_named(reference: str, known: set[str]) -> str | None:
    """The sheet a reference's text names (``'Data 2025'!C2``: ``Data 2025``) where the workbook (``known``: its
    sheets' names, lower case) does not have it; None where it names none, another workbook's or one it has."""
    name, bang, _ = reference.strip().rpartition("!")
    if not bang:
        return None
    if name.startswith("'") and name.endswith("'") and len(name) > 1:
        name = name[1:-1].replace("''", "'")
    if "[" in name or not name or name.lower() in known:  # another workbook's ([Book]Sheet): not said here
        return None
    return name


def _why_missing(name: str, known: set[str]) -> str:
    """Why a sheet's ``name`` may be missing: a space before or after it (``'Jan '`` of sheet Jan), else renamed or
    deleted."""
    return (
        "a space before or after it?"
        if name != name.strip() and name.strip().lower() in known
        else "renamed or deleted?"
    )


def _missing(
    text: str, sheets: list[str], workbook: fz.Workbook | None = None, sheet: str = ""
) -> tuple[str, bool] | None:
    """What to say of the first INDIRECT in ``text`` (a formula or an argument, on ``sheet``) whose text names a
    sheet not among ``sheets``, ending with where to write the name again (a computed text: the cell holding the
    name, :func:`_computed_missing`); None where none does."""
    known = {s.lower() for s in sheets}
    for found in _INDIRECT.finditer(text):
        name = _sheet_named(found.group(1).replace('""', '"'), known)
        if name is None:
            continue
        return (
            f"INDIRECT(\"{found.group(1)}\") names the sheet '{name}', which the workbook does not have "
            f"({_why_missing(name, known)} its sheets: {_sheets_listed(sheets)})",
            False,
        )
    return _computed_missing(text, sheets, workbook, sheet) if workbook is not None else None


def _computed_missing(text: str, sheets: list[str], workbook: fz.Workbook, sheet: str) -> tuple[str, bool] | None:
    """:func:`_missing` of an INDIRECT whose text is built when the formula runs (``INDIRECT(A2&"!B3")``): its text
    computed by the engine on ``sheet``, and the cell its expression reads whose text holds the sheet's name."""
    known = {s.lower() for s in sheets}
    for call, first in indirect_calls(text):
        solid = [t for t in first if t.type != Token.WSPACE]
        if not solid or (len(solid) == 1 and solid[0].subtype == Token.TEXT):  # typed in: said by the pattern
            continue
        computed = text_of(workbook, sheet, first)
        for line in (computed or "").split("\n") if computed is not None else []:
            name = _sheet_named(line, known)
            if name is not None:
                holder = _holder(
                    workbook,
                    sheet,
                    solid,
                    lambda v, n=name: bool(v) and (n.lower() in v.lower() or v.lower() in n.lower()),
                )
                fix = ""
                if holder is not None:
                    fix = (
                        f": the name comes from the formula in {holder[0]}: correct it there"
                        if holder[1]
                        else f": write the sheet's name again in {holder[0]}"
                    )
                return (
                    f"{call} gives the text \"{line.strip()}\", which names the sheet '{name}', which the workbook "
                    f"does not have ({_why_missing(name, known)} its sheets: {_sheets_listed(sheets)}){fix}",
                    bool(fix),
                )
            reference = line.strip()
            owner, bang, _ = reference.rpartition("!")
            if reference and not (bang and owner.strip("'") == ""):  # a text naming a sheet, or no sheet part at all
                continue
            holder = _holder(workbook, sheet, solid, lambda v: v == "")  # the cell left blank: no sheet, no reference
            if holder is None:
                continue
            said = (
                f'the text "{reference}", which names no sheet' if reference else "an empty text, which is no reference"
            )
            blank = (
                f"the formula in {holder[0]} gives an empty text: correct it there"
                if holder[1]
                else f"{holder[0]} is blank: type {WANTED[bool(reference)]} there"
            )
            return f"{call} gives {said}: {blank}", True
    return None


def _holder(
    workbook: fz.Workbook, sheet: str, tokens: list[Token], holds: Callable[[str], bool]
) -> tuple[str, bool] | None:
    """The first cell ``tokens`` (an INDIRECT's text) read whose value (a text, "" for a blank cell) ``holds``, as
    (Sheet!A1, whether it holds a formula)."""
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE or ":" in token.value:
            continue
        where, bang, ref = token.value.rpartition("!")
        where = (where[1:-1].replace("''", "'") if where.startswith("'") else where) if bang else sheet
        try:
            column, row = range_boundaries(ref.replace("$", ""))[:2]
            value = workbook.get_value(where, row, column)
            formula = bool(workbook.get_formula(where, row, column))
        except Exception:  # noqa: BLE001  (a name, or a cell the engine cannot read: not named)
            continue
        value = "" if value is None else value
        if isinstance(value, str) and holds(value):
            return f"{written(where)}!{ref.replace('$', '').upper()}", formula
    return None


def indirect_reasons(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, path: str | Path | None = None
) -> int:
    """Give each #REF! cell without a reason whose formula takes INDIRECT of a text naming a sheet the workbook does
    not have what :func:`_missing` says, also through a defined name of the package at ``path`` standing for such an
    INDIRECT (``AprVal`` = ``INDIRECT("Apr!B3")``), and each other error cell reading through INDIRECT a cell whose
    same error has a reason that reason; returns how many got one."""
    try:
        return _indirect_reasons(workbook, formulas, result, path)
    except Exception:  # noqa: BLE001  (a reason's words never fail the recalculation)
        return 0


def _indirect_reasons(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, path: str | Path | None
) -> int:
    """:func:`indirect_reasons`."""
    named = computed = 0
    sheets: list[str] | None = None
    explained: dict[str, list[tuple[int, int, str, str, str]]] | None = None
    through: dict[str, str] | None = None
    package: dict[str, Table] | None = None
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None or CellError not in set(map(type, cells.values())):  # the types at once, in C
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message:
                continue
            place = position(ref)
            if place not in texts or computed >= MAX_COMPUTED:
                continue
            if "INDIRECT" not in texts[place].upper():
                if "OFFSET(" in texts[place].upper() and value.code == "#REF!":  # =OFFSET(A1,-1,0): row 0
                    edge = _offset_edge(workbook, texts[place], sheet, place)
                    if edge is not None:
                        result.values[sheet][ref] = CellError("#REF!", f"{written(sheet)}!{ref}: {edge} (#REF!)")
                        named += 1
                        _noted(explained, sheet, ref, result)
                        continue
                if "OFFSET(" in texts[place].upper():  # =OFFSET(Jan!B1,2,0) of Jan!B3's explained error
                    computed += 1
                    explained = _explained(result) if explained is None else explained
                    origin = _offset_origin(workbook, texts[place], sheet, place, value.code, explained)
                    if origin is not None:
                        result.values[sheet][ref] = CellError(value.code, origin)
                        named += 1
                        _noted(explained, sheet, ref, result)
                        continue
                if value.code != "#REF!" or path is None:
                    continue
                through = _indirect_names(path) if through is None else through
                sheets = list(workbook.sheet_names) if sheets is None else sheets
                why = _through_name(texts[place], through, sheets, workbook, sheet) if through else None
                if why is not None:
                    result.values[sheet][ref] = CellError("#REF!", f"{written(sheet)}!{ref}: {why} (#REF!)")
                    named += 1
                    _noted(explained, sheet, ref, result)
                continue
            computed += 1
            sheets = list(workbook.sheet_names) if sheets is None else sheets
            said = _missing(texts[place], sheets, workbook, sheet) if value.code == "#REF!" else None
            if said is None and value.code == "#REF!" and path is not None:
                package = package if package is not None else _tables(path)
                said = _missing_table(texts[place], package)
            if said is not None:
                fix = "" if said[1] else ": write the sheet's name again in the formula"
                why = f"{written(sheet)}!{ref}: {said[0]}{fix} (#REF!)"
                result.values[sheet][ref] = CellError("#REF!", why)
                named += 1
                _noted(explained, sheet, ref, result)
                continue
            explained = _explained(result) if explained is None else explained
            origin = _read_origin(workbook, texts[place], sheet, place, value.code, explained, sheets)
            if origin is not None:  # =INDIRECT(A2&"!B3") of Jan!B3's explained error: its reason, from Jan!B3
                result.values[sheet][ref] = CellError(value.code, origin)
                named += 1
                _noted(explained, sheet, ref, result)
    return named


def _offset_origin(
    workbook: fz.Workbook,
    formula: str,
    sheet: str,
    place: tuple[int, int],
    code: str,
    explained: dict[str, list[tuple[int, int, str, str, str]]],
) -> str | None:
    """As :func:`_read_origin`, for the area each ``OFFSET(base,..)`` of ``formula`` reaches (the engine computes
    its row, column and size in the cell; ``base`` a cell or range, on the sheet it names)."""
    try:
        tokens = list(Tokenizer("=" + formula.removeprefix("=")).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not understand: not said)
        return None
    by_name = {s.lower(): s for s in explained}
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare(token.value) != "OFFSET":
            continue
        try:
            spans, close = argument_spans(tokens, k)
        except (ValueError, IndexError):
            continue
        base = [t for t in tokens[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE] if spans else []
        if len(base) != 1 or base[0].type != Token.OPERAND or base[0].subtype != Token.RANGE:
            continue
        owner, bang, _ = base[0].value.rpartition("!")
        where = (owner[1:-1].replace("''", "'") if owner.startswith("'") else owner) if bang else sheet
        call = "".join(t.value for t in tokens[k : close + 1])
        probe = f'=ROW({call})&"|"&COLUMN({call})&"|"&ROWS({call})&"|"&COLUMNS({call})'
        answer = evaluated(workbook, sheet, place[0], place[1], probe)
        parts = answer.split("|") if isinstance(answer, str) else []
        if len(parts) != 4 or not all(p.isdigit() for p in parts):
            continue
        top, left, rows, columns = (int(p) for p in parts)
        actual = by_name.get(where.lower())
        inside = [
            (row, column, cell, message)
            for row, column, cell, message, error in explained.get(actual or "", ())
            if error == code and top <= row < top + rows and left <= column < left + columns
        ]
        if actual is not None and inside:
            _, _, cell, message = min(inside)
            return f"{message.split(', from ')[0]}, from {written(actual)}!{cell}"
    return None


def _offset_edge(workbook: fz.Workbook, formula: str, sheet: str, place: tuple[int, int]) -> str | None:
    """What to say of the first ``OFFSET(base,rows,cols[,height,width])`` of ``formula`` whose area reaches past the
    sheet's edge (Microsoft's OFFSET page: "If rows and cols offset reference over the edge of the worksheet, OFFSET
    returns the #REF! error value"), its corners computed by the engine in the cell; None where none does."""
    try:
        tokens = list(Tokenizer("=" + formula.removeprefix("=")).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not understand: not said)
        return None
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare(token.value) != "OFFSET":
            continue
        try:
            spans, close = argument_spans(tokens, k)
        except (ValueError, IndexError):
            continue
        args = ["".join(t.value for t in tokens[a:b]).strip() for a, b in spans]
        if len(args) < 3 or not all(args[:3]):
            continue
        base, rows, cols = args[:3]
        height = args[3] if len(args) > 3 and args[3] else f"ROWS({base})"
        width = args[4] if len(args) > 4 and args[4] else f"COLUMNS({base})"
        probe = f'=(ROW({base})+({rows}))&"|"&(COLUMN({base})+({cols}))&"|"&({height})&"|"&({width})'
        answer = evaluated(workbook, sheet, place[0], place[1], probe)
        parts = answer.split("|") if isinstance(answer, str) else []
        try:
            top, left, tall, wide = (int(float(p)) for p in parts)
        except ValueError:
            continue
        if len(parts) != 4 or tall < 1 or wide < 1:
            continue
        call = "".join(t.value for t in tokens[k : close + 1])
        if top < 1:
            return f"{call} reaches row {top}, above the sheet's first row: change its rows offset"
        if left < 1:
            return f"{call} reaches column {left}, left of column A: change its columns offset"
        if top + tall - 1 > 1_048_576:
            return f"{call} reaches row {top + tall - 1}, below the sheet's last row (1048576): change its rows"
        if left + wide - 1 > 16_384:
            return f"{call} reaches column {left + wide - 1}, right of column XFD (16384): change its columns"
    return None


def _bare(value: str) -> str:
    name = value.rstrip("(").upper()
    for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _noted(
    explained: dict[str, list[tuple[int, int, str, str, str]]] | None, sheet: str, ref: str, result: Computed
) -> None:
    """The reason just given to ``sheet!ref`` added to ``explained`` (:func:`_explained`), for the cells after it
    that read it (``INDIRECT("R3C2",FALSE)`` of a cell explained before it)."""
    if explained is not None:
        value = result.values[sheet][ref]
        row, column = position(ref)
        explained.setdefault(sheet, []).append((row, column, ref, value.message, value.code))


#: a table's structured reference: its name and its one column (``Sales[Amount]``, ``Sales[[#Data],[Amount]]``)
_TABLE_TEXT = re.compile(r"\s*(" + NAME + r")\s*\[(?:\[[^\]]*\],\s*)?\[?([^\[\]#@,:]+)\]?\]\s*")


def _tables(path: str | Path) -> dict[str, Table]:
    """The tables of the package at ``path`` by name, lower case; {} where it cannot be read."""
    try:
        return {table.name.lower(): table for table in scan(str(path)).tables}
    except Exception:  # noqa: BLE001  (a package not read again: no table said missing)
        return {}


def _missing_table(text: str, tables: dict[str, Table]) -> tuple[str, bool] | None:
    """What to say of the first INDIRECT in ``text`` whose typed-in structured reference names a table the workbook
    does not have, or a column its table does not have (Excel's #REF!); None where none does."""
    if not tables:
        return None
    for found in _INDIRECT.finditer(text):
        reference = found.group(1).replace('""', '"')
        shape = _TABLE_TEXT.fullmatch(reference)
        if shape is None:
            continue
        name, column = shape.group(1), shape.group(2).strip()
        table = tables.get(name.lower())
        call = f'INDIRECT("{found.group(1)}")'
        if table is None:
            listed = ", ".join(f"'{t.name}'" for t in list(tables.values())[:FIRST])
            said = f"{call} names the table '{name}', which the workbook does not have (its tables: {listed})"
            return f"{said}: write the table's name again in the formula", True
        columns = [c for c in table.columns if c]
        if column.lower() not in {c.lower() for c in columns}:
            listed = ", ".join(f"'{c}'" for c in columns[:FIRST]) + (
                f" and {len(columns) - FIRST} more" if len(columns) > FIRST else ""
            )
            said = f"{call} names the column '{column}', which the table {table.name} does not have"
            return f"{said} (its columns: {listed}): write the column's name again in the formula", True
    return None


def _indirect_names(path: str | Path) -> dict[str, str]:
    """The defined names of the package at ``path`` standing for a formula with INDIRECT: {name in lower case: its
    formula}."""
    return {name: text for name, text in (package_names(path) or {}).items() if "INDIRECT" in text.upper()}


def _through_name(
    formula: str, names: dict[str, str], sheets: list[str], workbook: fz.Workbook, sheet: str
) -> str | None:
    """What to say of the first defined name of ``names`` ``formula`` uses whose INDIRECT names a sheet the workbook
    does not have (:func:`_missing`); None where none does."""
    try:
        tokens = Tokenizer("=" + formula.removeprefix("=")).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not understand: not said)
        return None
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE or token.value.lower() not in names:
            continue
        said = _missing(names[token.value.lower()], sheets, workbook, sheet)
        if said is not None:
            fix = (
                "" if said[1] else f": write the sheet's name again in the name {token.value} (Formulas > Name Manager)"
            )
            return f"the name {token.value}: {said[0]}{fix}"
    return None


def _explained(result: Computed) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """The error cells with a reason, by sheet: (row, column, cell, reason, code)."""
    found: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for where, cells in result.values.items():
        if CellError not in set(map(type, cells.values())):
            continue
        for target, candidate in cells.items():
            if type(candidate) is CellError and candidate.message:
                row, column = position(target)
                found.setdefault(where, []).append((row, column, target, candidate.message, candidate.code))
    return found


def _read_origin(
    workbook: fz.Workbook,
    formula: str,
    sheet: str,
    place: tuple[int, int],
    code: str,
    explained: dict[str, list[tuple[int, int, str, str, str]]],
    sheets: list[str],
) -> str | None:
    """The reason, passed on (``..., from Jan!B3``), of the first cell, row by row, of the areas the INDIRECTs of
    ``formula`` (on ``sheet``, at ``place``) read whose error ``code`` has one; None where there is none or the
    areas cannot be told."""
    areas = indirect_targets(workbook, sheet, formula, place=place)
    by_name = {s.lower(): s for s in sheets}
    for where, (left, top, right, bottom) in areas or []:
        actual = by_name.get(where.lower())
        inside = [
            (row, column, cell, message)
            for row, column, cell, message, error in explained.get(actual or "", ())
            if error == code and top <= row <= bottom and left <= column <= right
        ]
        if actual is not None and inside:
            _, _, cell, message = min(inside)
            return f"{message.split(', from ')[0]}, from {written(actual)}!{cell}"
    return None


def indirect_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` (a registry function's, of the cell ``sheet!ref``) saying an argument is the error value #REF!,
    with the INDIRECT of that argument naming a sheet the workbook does not have said: ``CRR: customers_end is the
    error value #REF!: INDIRECT("'Data 2025'!C2") names the sheet 'Data 2025', ...: write the sheet's name again in
    Synthèse!A1 (#VALUE!)``; else as it is."""
    found = _GIVEN.match(reason)
    function = BY_NAME.get(found["function"]) if found is not None else None
    arguments = [a.name for a in function.args] if function is not None else []
    place = position(ref)
    if found is None or found["argument"] not in arguments or place not in formulas.get(sheet, {}):
        return reason
    k = arguments.index(found["argument"])
    texts = {args[k] for args in _arguments(formulas[sheet][place], function.name) if k < len(args)}
    if len(texts) != 1:
        return reason
    text = texts.pop()
    said = _missing(text, list(workbook.sheet_names), workbook, sheet)
    if said is None and "OFFSET(" in text.upper():  # =CRR(OFFSET(A1,-1,0),1,100): row 0
        edge = _offset_edge(workbook, text, sheet, place)
        said = (edge, True) if edge is not None else None
    if said is None:
        return reason
    head, _, code = reason.rpartition(" (")
    fix = "" if said[1] else f": write the sheet's name again in {written(sheet)}!{ref}"
    return f"{head}: {said[0]}{fix} ({code}"
