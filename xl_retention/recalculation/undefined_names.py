"""A formula using a name the workbook no longer defines (deleted in the Name Manager), as recalc's reason.

Excel and the engine give ``#NAME?`` for a name no definition has; the engine keeps only the code. The names are
read from the package itself (``xl/workbook.xml``'s defined names of every scope, its tables' names), so that a name
defined in any way (a range, a formula, a constant, a sheet's own) is never blamed. :func:`undefined_name_reasons`
names the missing name and the cell, and, where it is one of a tracker's names over a monthly sheet's column
(``Customers_CRR``), the range to define it as again.
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
from .undefined_totals import undefined_name

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["package_names", "undefined_name_reasons"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: functions whose parameters are names of their own (``LET(x, 1, x + 1)``): their formulas are not looked at
_OWN_NAMES = frozenset(("LET", "LAMBDA"))


def package_names(path: str | Path) -> set[str]:
    """Every name, lower case, a formula of the workbook at ``path`` may use: its defined names of every scope
    (``_xlnm.Print_Area`` also as ``print_area``) and its tables' names; an empty set where the package cannot be
    read (then no name is said to be missing)."""
    names: set[str] = set()
    try:
        with zipfile.ZipFile(path) as package:
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
            for element in root.iter(f"{_MAIN}definedName"):
                name = (element.get("name") or "").lower()
                names |= {name, name.removeprefix("_xlnm.")}
            for entry in package.namelist():
                if posixpath.dirname(entry).lower() == "xl/tables" and entry.lower().endswith(".xml"):
                    table = ElementTree.fromstring(package.read(entry))
                    names |= {(table.get(key) or "").lower() for key in ("name", "displayName")}
    except Exception:  # noqa: BLE001  (not a package read here: nothing can be said missing)
        return set()
    return names


def _missing(text: str, known: set[str]) -> str | None:
    """The first bare name ``text`` (a formula) uses that is not among ``known`` (lower case), else None; None too
    for a formula calling LET or LAMBDA (their parameters are names of their own) or one the tokenizer cannot read."""
    try:
        tokens = Tokenizer(text if text.startswith("=") else "=" + text).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: nothing said)
        return None
    if any(t.type == Token.FUNC and t.subtype == Token.OPEN and _bare_name(t.value[:-1]) in _OWN_NAMES for t in tokens):
        return None
    return next((u for t in tokens if (u := undefined_name([t], known)) is not None), None)


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
    define the reason naming it ("Dashboard!B6: the formula uses the name Customers_CRR, which the workbook does not
    define (deleted?): define it again (Formulas > Name Manager: Customers!$F$2:$F$5) (#NAME?)"); returns how many
    got one. Nothing without ``path``."""
    if path is None:
        return 0
    waiting = [
        (sheet, ref)
        for sheet, cells in result.values.items()
        for ref, value in cells.items()
        if type(value) is CellError and value.code == "#NAME?" and not value.message and sheet in formulas
    ]
    if not waiting:
        return 0
    known = package_names(path)
    if not known:
        return 0
    named = 0
    ranges: dict[str, str | None] = {}
    for sheet, ref in waiting:
        texts: Any = formulas[sheet]
        place = position(ref)
        name = _missing(texts[place], known) if place in texts else None
        if name is None:
            continue
        if name.lower() not in ranges:
            ranges[name.lower()] = _template_range(workbook, name.lower())
        where = f" ({ranges[name.lower()]})" if ranges[name.lower()] else ""
        result.values[sheet][ref] = CellError(
            "#NAME?",
            f"{written(sheet)}!{ref}: the formula uses the name {name}, which the workbook does not define "
            f"(deleted?): define it again in Formulas > Name Manager{where} (#NAME?)",
        )
        named += 1
    return named
