"""A formula using a name the workbook no longer defines, or one whose sheet was deleted, as recalc's reason.

Excel and the engine give ``#NAME?`` for a name no definition has (deleted in the Name Manager), and ``#REF!`` for a
name whose range was on a deleted sheet (Excel writes ``#REF!$D$2:$D$5`` in its definition); the engine keeps only
the code. The names are read from the package itself (``xl/workbook.xml``'s defined names of every scope, its
tables' names), so that a name defined in any way (a range, a formula, a constant, a sheet's own) is never said
missing. :func:`undefined_name_reasons` names the name and the cell, and, where a missing name is one of a tracker's
names over a monthly sheet's column (``Customers_CRR``), the range to define it as again.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..sheet_names import written
from .formula_texts import position
from .formula_tokens import _bare_name
from .missing_references import missing_reference_reasons
from .undefined_totals import undefined_name

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["package_names", "undefined_name_reasons"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: functions whose parameters are names of their own (``LET(x, 1, x + 1)``): their formulas are not looked at
_OWN_NAMES = frozenset(("LET", "LAMBDA"))


def package_names(path: str | Path) -> dict[str, str] | None:
    """Every name a formula of the workbook at ``path`` may use, lower case, with its definition (the first found,
    a sheet's own name or the workbook's): its defined names of every scope (``_xlnm.Print_Area`` also as
    ``print_area``) and its tables' names (defined as ""); {} for a workbook without any (every name a formula
    uses is missing then: ``=NOSUCHNAME*2``, H371's finding 02); None where the package cannot be read (then no
    name is said to be missing)."""
    names: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as package:
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
            for element in root.iter(f"{_MAIN}definedName"):
                name = (element.get("name") or "").lower()
                for key in (name, name.removeprefix("_xlnm.")):
                    names.setdefault(key, (element.text or "").strip())
            for entry in package.namelist():
                if posixpath.dirname(entry).lower() == "xl/tables" and entry.lower().endswith(".xml"):
                    table = ElementTree.fromstring(package.read(entry))
                    for key in ("name", "displayName"):
                        names.setdefault((table.get(key) or "").lower(), "")
    except Exception:  # noqa: BLE001  (not a package read here: nothing can be said missing)
        return None
    return names


def _names(text: str) -> list[str] | None:
    """The bare names ``text`` (a formula) uses, as written, in order; None for a formula calling LET or LAMBDA
    (their parameters are names of their own) or one the tokenizer cannot read."""
    try:
        tokens = Tokenizer(text if text.startswith("=") else "=" + text).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: nothing said)
        return None
    if any(t.type == Token.FUNC and t.subtype == Token.OPEN and _bare_name(t.value[:-1]) in _OWN_NAMES for t in tokens):
        return None
    return [u for t in tokens if (u := undefined_name([t], set())) is not None]


def _reason(text: str, defined: dict[str, str], code: str) -> tuple[str, str] | None:
    """(the name, what is wrong with it) for the first name ``text`` uses that the workbook does not define
    (``#NAME?``) or whose definition refers to a deleted sheet, row or column (``#REF!`` in it, ``#REF!``)."""
    for name in _names(text) or ():
        definition = defined.get(name.lower())
        if code == "#NAME?" and definition is None:
            return name, "which the workbook does not define (deleted?): define it again in Formulas > Name Manager"
        if code == "#REF!" and definition is not None and "#REF!" in definition.upper():
            return name, (
                f"which refers to a deleted sheet, row or column ({definition} in Formulas > Name Manager): put back "
                "what it referred to (Undo before saving, or copy the sheet from a new tracker) or define it again"
            )
    return None


def _template_range(workbook: fz.Workbook, name: str) -> str | None:
    """The range a tracker's name over a monthly sheet's column (``Customers_CRR``) covers: its column (found by its
    header in row 1) over the rows of the sheet's month name (``Customers_Months``), ``Customers!$F$2:$F$5``; None
    for any other name, or where the sheet, header or month name is not there."""
    from ..workbook.formats import monthly_name
    from ..workbook.monthly import MONTHLY_SHEETS

    found = next(
        ((spec, column) for spec in MONTHLY_SHEETS for column in spec.columns if (column.name or "").lower() == name),
        None,
    )
    if found is None:
        return None
    spec, column = found
    try:
        months = next(
            (n for n in workbook.get_named_ranges() if n.get("name", "").lower() == monthly_name(spec.title).lower()),
            None,
        )
        if months is None or months.get("sheet") != spec.title:
            return None
        header = [workbook.get_value(spec.title, 1, c) for c in range(1, 41)]
    except Exception:  # noqa: BLE001  (a sheet or name the engine does not have: no range to say)
        return None
    if column.header not in header:
        return None
    letter = get_column_letter(header.index(column.header) + 1)
    return f"{written(spec.title)}!${letter}${months['start_row']}:${letter}${months['end_row']}"


def undefined_name_reasons(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, path: str | Path | None
) -> int:
    """Give each ``#NAME?`` cell without a reason whose formula uses a name the workbook at ``path`` does not
    define, and each ``#REF!`` one using a name whose definition holds ``#REF!`` (its sheet deleted), the reason
    naming it ("Dashboard!B6: the formula uses the name Customers_CRR, which the workbook does not define (deleted?):
    define it again in Formulas > Name Manager (Customers!$F$2:$F$5; or run xl-retention upgrade on the file, which
    defines it again) (#NAME?)"); returns how many got one. Nothing
    without ``path``."""
    if path is None:
        return 0
    named = _undefined(workbook, formulas, result, path)
    return named + missing_reference_reasons(formulas, result, path)  # Data!A1 of a sheet renamed, Subs[[End'']]


def _undefined(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, path: str | Path) -> int:
    waiting = [
        (sheet, ref, value.code)
        for sheet, cells in result.values.items()
        for ref, value in cells.items()
        if type(value) is CellError and value.code in ("#NAME?", "#REF!") and not value.message and sheet in formulas
    ]
    if not waiting:
        return 0
    defined = package_names(path)
    if defined is None:
        return 0
    named = 0
    ranges: dict[str, str | None] = {}
    for sheet, ref, code in waiting:
        texts: Any = formulas[sheet]
        place = position(ref)
        found = _reason(texts[place], defined, code) if place in texts else None
        if found is None:
            continue
        name, why = found
        where = ""
        if code == "#NAME?":
            if name.lower() not in ranges:
                ranges[name.lower()] = _template_range(workbook, name.lower())
            where = (  # the template's range: upgrade defines it again (H346)
                f" ({ranges[name.lower()]}; or run xl-retention upgrade on the file, which defines it again)"
                if ranges[name.lower()]
                else ""
            )
        result.values[sheet][ref] = CellError(
            code, f"{written(sheet)}!{ref}: the formula uses the name {name}, {why}{where} ({code})"
        )
        named += 1
    return named
