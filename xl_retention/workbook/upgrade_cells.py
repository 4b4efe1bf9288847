"""Cells of an earlier template's formulas and the names they read, for ``upgrade`` (the monthly sheets', the
Lifetime value sheet's (:mod:`.lifetime_forms`) and the Dashboard's (:mod:`.dashboard_upgrade`)): whether a cell holds
one of the forms, this version's formula put in its place, and the workbook's defined names."""

from __future__ import annotations

import re
from typing import Any

from . import inplace as ip

__all__ = ["is_earlier", "put_formula", "workbook_names"]

_NAME_ATTR = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>")
_NAME_USE = re.compile(r"(?<![A-Za-z0-9_.!$])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])")
_CELL = re.compile(r"\$?[A-Za-z]{1,3}\$?[0-9]+")
#: an error value in a formula (Lifetime value!B5's CHOOSE(..,#NULL!,#DIV/0!,..)): no name ("N/A" read as N and A)
_ERROR_CONSTANT = re.compile(r"#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA)", re.I)


def _names_in(formula: str) -> set[str]:
    """The defined names a formula reads: words that are no function, cell, string, error value or TRUE/FALSE."""
    words = _NAME_USE.findall(_ERROR_CONSTANT.sub("0", re.sub(r'"(?:[^"]|"")*"', '""', formula)))
    return {w for w in words if not _CELL.fullmatch(w) and w.upper() not in ("TRUE", "FALSE")}


def is_earlier(value: Any, forms: tuple[str, ...]) -> bool:
    """Whether a cell's ``value`` is one of an earlier template's ``forms`` of its formula (as LibreOffice re-saves
    it too: :func:`.inplace.formula_key`)."""
    return isinstance(value, str) and ip.formula_key(value) in {ip.formula_key(form) for form in forms}


def put_formula(xml: ip.SheetXml, ref: str, formula: str) -> bool:
    """This version's ``formula`` (with its ``=``) in ``ref``, its style kept; False, nothing done, where the cell is
    gone or holds a formula other cells share (Excel's shared or array formulas: replacing it would break them)."""
    element = xml.cell(ref)
    if element is None or ip._SPREAD_FORMULA.search(element):
        return False
    xml.put(ref, xml.element(ref, xml.style(ref), formula=formula.removeprefix("=")))
    return True


def workbook_names(package: ip.Package) -> set[str]:
    """The workbook-level defined names of ``package`` (a sheet's own names left out)."""
    names = set()
    for match in _NAME_ATTR.finditer(package.data.get("xl/workbook.xml", b"")):
        name = ip.attribute(match.group(1), b"name")
        if name is not None and ip.attribute(match.group(1), b"localSheetId") is None:
            names.add(name.decode())
    return names
