"""Why a formula gives ``#REF!`` or ``#NAME?`` where what it names is not there, as recalc's reason.

A reference to a sheet the workbook does not have (``=Data!A1*2`` left as it was when a script renamed the sheet:
openpyxl does not rewrite formulas; ``SUM(Jan:Mar!A1)`` without a sheet Mar), a table's column the table does not
have (``Subs[[End'']]``, a column "End'", where the header is "End's", written ``End''s``), and a name defined for
other sheets only (``Rate`` defined for sheets A and B, used on sheet C) are ``#REF!`` (the first two) and ``#NAME?``
(the last) in Excel and the engine, which keeps only the code. :func:`missing_reference_reasons` names the sheet,
the column or the name, and what the workbook has instead. The package itself is read (``xl/workbook.xml``'s sheets
and defined names with their scopes, its tables' columns).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..cells import CellError
from ..sheet_names import written
from .formula_texts import position
from .package import Table, _sheet_parts, _tables
from .sheet_corners import same_sheet_corners
from .sheet_ranges import missing_sheets
from .structured_references import (
    _SPAN,
    _SPECIALS,
    _closing,
    _column_name,
    _header,
    _items,
    _structured,
    structured_spans,
)
from .undefined_totals import undefined_name

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["missing_reference_reasons"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})
#: how many of a workbook's sheets, or a table's columns, a reason lists
_LISTED = 12


@dataclass
class _Package:
    """What a reason compares a formula with: the sheets (in order), each defined name's scopes (lower case name ->
    the sheets defining it for themselves, None for the workbook's own), each table's columns (lower case name ->
    its :class:`.package.Table`)."""

    sheets: list[str] = field(default_factory=list)
    scopes: dict[str, list[str | None]] = field(default_factory=dict)
    #: (lower case name, scope) -> the name's definition (``Data!$A$1``)
    definitions: dict[tuple[str, str | None], str] = field(default_factory=dict)
    #: each definition looked at -> what is wrong with it (:func:`_name_of_missing_sheet`)
    checked: dict[str, str | None] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)


def _package(path: str | Path) -> _Package | None:
    found = _Package()
    try:
        with zipfile.ZipFile(path) as package:
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
            found.sheets = [s.get("name") or "" for s in root.iter(f"{_MAIN}sheet")]
            for element in root.iter(f"{_MAIN}definedName"):
                local = element.get("localSheetId")
                scope = found.sheets[int(local)] if local is not None and int(local) < len(found.sheets) else None
                found.scopes.setdefault((element.get("name") or "").lower(), []).append(scope)
                found.definitions[((element.get("name") or "").lower(), scope)] = (element.text or "").strip()
            found.tables = {t.name.lower(): t for t in _tables(package, _sheet_parts(package))}
    except Exception:  # noqa: BLE001  (not a package read here: nothing said)
        return None
    return found


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return shown + (f" and {len(items) - _LISTED} more" if len(items) > _LISTED else "")


def _escaped(column: str) -> str:
    """A column's name as a structured reference writes it: ``'`` before ``[ ] # '`` (Microsoft, "Using structured
    references with Excel tables")."""
    return re.sub(r"(['\[\]#])", r"'\1", column)


def _unescaped(column: str) -> str:
    return re.sub(r"'(.)", r"\1", column.strip())


def _table_of(reference: str, package: _Package, sheet: str, row: int, col: int) -> Table | None:
    name = reference.partition("[")[0].lower()
    if name:
        return package.tables.get(name)
    return next(
        (
            t
            for t in package.tables.values()
            if t.sheet == sheet and t.bounds[0] <= col <= t.bounds[2] and t.bounds[1] <= row <= t.bounds[3]
        ),
        None,
    )


def _missing_column(text: str, package: _Package, sheet: str, row: int, col: int) -> str | None:
    """What is wrong with the first structured reference in ``text`` (the formula of ``sheet``'s cell at row, col)
    that is ``#REF!``: a column its table does not have, or a header or totals row it has not."""
    for start, end in structured_spans(text, set(package.tables)):
        reference = text[start:end]
        if _structured(reference, package.tables, sheet, row, col) != "#REF!":
            continue
        table = _table_of(reference, package, sheet, row, col)
        if table is None:
            continue
        inner = reference.partition("[")[2][:-1].strip()
        inner = inner[1:].strip() if inner.startswith("@") else inner
        columns = [_header(c) for c in table.columns]
        known = [c.lower() for c in columns]
        spaced = [re.sub(r"\s+", " ", c).strip() for c in known]
        items = _items(inner) if inner else []
        for item in items:
            for column in item.split(_SPAN):
                if column.strip().lower() in _SPECIALS:
                    continue
                key = _column_name(column)
                if key in known or re.sub(r"\s+", " ", key).strip() in spaced:
                    continue
                shown = _listed(["[" + _escaped(c) + "]" for c in columns])
                return (
                    f"{reference} names the column {_unescaped(column)!r} ([{column.strip()}]), which table "
                    f"{table.name} does not have (its columns, as a reference writes them: {shown}; a ' goes before "
                    "[ ] # ' in a column's name): write the column's name again in the formula"
                )
        specials = {i.strip().lower() for i in items}
        if "#totals" in specials and not table.totals_rows:
            return f"{reference} reads the totals row of table {table.name}, which has none (Table Design > Total Row)"
        if "#headers" in specials and not table.header_rows:
            return f"{reference} reads the header row of table {table.name}, which has none (Table Design > Header Row)"
    return None


_TABLE_WORD = re.compile(r"(?<![\w.\\'\]])([A-Za-z_\\][\w.\\]*)\[")
_TEXTS = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')


def _missing_table(text: str, package: _Package) -> str | None:
    """What is wrong with the first structured reference in ``text`` naming a table the workbook does not have."""
    plain = _TEXTS.sub('""', text)
    for match in _TABLE_WORD.finditer(plain):
        name = match.group(1)
        if name.lower() in package.tables or name.lower() in package.scopes:
            continue
        end = _closing(plain, match.end() - 1)
        reference = plain[match.start() : end + 1] if end is not None else f"{name}[...]"
        tables = _listed(sorted(t.name for t in package.tables.values())) or "none"
        return (
            f"{reference} names the table {name!r}, which the workbook does not have (renamed or deleted? its tables: "
            f"{tables}): write the table's name again in the formula (Table Design > Table Name shows it)"
        )
    return None


def _sheet_of(reference: str) -> str | None:
    """The sheet a reference names (``Data!A1``, ``'Data 2026'!A1:B2``: ``Data``, ``Data 2026``); None for none, an
    external workbook's (``[1]Data!A1``) or several sheets' (``Jan:Mar!A1``)."""
    where, bang, _ = reference.rpartition("!")
    if not bang or not where or "[" in where:
        return None
    if where.startswith("'") and where.endswith("'") and len(where) > 1:
        where = where[1:-1].replace("''", "'")
    elif ":" in where:
        return None
    return None if ":" in where or where.upper().startswith("#REF") else where


def _missing_sheet(tokens: list[Token], package: _Package, where: str = "the formula") -> str | None:
    have = {s.lower() for s in package.sheets}
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        sheet = _sheet_of(same_sheet_corners(token.value, False))  # T!A1:T!A3: T (.sheet_corners)
        missing = (
            [sheet]
            if sheet is not None and sheet.lower() not in have
            else missing_sheets(token.value, package.sheets, package.scopes)
        )
        if missing:  # Jan:Mar!B2 without a sheet Mar: each sheet it lacks named (.sheet_ranges)
            listed = _listed([written(s) for s in package.sheets])
            named = " and ".join(map(repr, missing))
            return (
                f"{token.value} names the sheet{'s' * (len(missing) > 1)} {named}, which the workbook does not have "
                f"(renamed or deleted? its sheets: {listed}): write the sheet's name again in {where}, or put the "
                "sheet back"
            )
    return None


def _name_of_missing_sheet(tokens: list[Token], sheet: str, package: _Package) -> str | None:
    """What is wrong with the first name ``tokens`` use (on ``sheet``) whose definition names a sheet the workbook
    does not have (``Rate`` = ``Data!$A$1``, the sheet renamed by a script)."""
    for token in tokens:
        name = undefined_name([token], set())
        if name is None:
            continue
        key = name.lower()
        definition = package.definitions.get((key, sheet), package.definitions.get((key, None)))
        if not definition or "!" not in definition:
            continue
        if definition not in package.checked:  # once per definition (a name used down a column)
            try:
                inner = Tokenizer("=" + definition.removeprefix("=")).items
            except Exception:  # noqa: BLE001  (a definition the tokenizer does not read: nothing said)
                inner = []
            package.checked[definition] = _missing_sheet(inner, package, "its definition (Formulas > Name Manager)")
        missing = package.checked[definition]
        if missing is not None:
            return f"the formula uses the name {name}, defined as {definition}: {missing}"
    return None


def _other_sheets_name(tokens: list[Token], sheet: str, package: _Package) -> str | None:
    for token in tokens:
        name = undefined_name([token], set())
        if name is None:
            continue
        scopes = package.scopes.get(name.lower())
        if not scopes or None in scopes or sheet in scopes:
            continue
        owners = [s for s in scopes if s is not None]
        return (
            f"the name {name} is defined for the sheet{'s' if len(owners) > 1 else ''} {_listed(owners)} only, not for "
            f"{sheet}: write {written(owners[0])}!{name}, or define {name} for the workbook in Formulas > Name Manager"
        )
    return None


def missing_reference_reasons(formulas: dict[str, FormulaTexts], result: Computed, path: str | Path) -> int:
    """Give each ``#REF!`` cell without a reason whose formula names a sheet the workbook at ``path`` does not have,
    or a column its table does not have, and each ``#NAME?`` one using a name defined for other sheets only, the
    reason naming it ("Main!A1: Data!A1 names the sheet 'Data', which the workbook does not have (...) (#REF!)");
    returns how many got one."""
    waiting = [
        (sheet, ref, value.code)
        for sheet, cells in result.values.items()
        for ref, value in cells.items()
        if type(value) is CellError and value.code in ("#NAME?", "#REF!") and not value.message and sheet in formulas
    ]
    package = _package(path) if waiting else None
    if package is None:
        return 0
    named = 0
    for sheet, ref, code in waiting:
        texts: Any = formulas[sheet]
        place = position(ref)
        if place not in texts:
            continue
        text = texts[place]
        text = text if text.startswith("=") else "=" + text
        why = None
        if "[" in text and code == "#REF!":
            why = _missing_column(text, package, sheet, *place)
        elif "[" in text:
            why = _missing_table(text, package)
        if why is None:
            try:
                tokens = Tokenizer(text).items
            except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: nothing more said)
                tokens = []
            if code == "#REF!":
                why = _missing_sheet(tokens, package)
            else:
                why = _other_sheets_name(tokens, sheet, package)
            why = why or _name_of_missing_sheet(tokens, sheet, package)
        if why is not None:
            why = why.translate(_ONE_LINE)  # a header's line break or tab shown, the reason one line
            result.values[sheet][ref] = CellError(code, f"{written(sheet)}!{ref}: {why} ({code})")
            named += 1
    return named
