"""The template's "see Customers!F3" follows a sheet the user renamed.

The Dashboard's figures say where an error is instead of showing it: ``"see Customers!"&ADDRESS(...)``, ``"see
Lifetime value!B8"`` (:func:`.dashboard.error_after`). The sheet's name is text in the formula, which Excel does not
rename with the sheet (its references and the template's names follow it, as extend and import do since 8780316):
after Customers was renamed Kunden, the Dashboard said "see Customers!F3", a sheet there is no more.
:func:`follow_renamed_sheets`, run by ``extend`` and ``import``, rewrites that text in every formula that has it to
the sheet's name now, where the template's sheet is renamed (gone under its title, found under another); a text of
the user's naming a sheet that is there is theirs, left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import inplace as ip
from .inplace import escape
from .template import LIFETIME_TITLE
from .upgrade import _lifetime_title

if TYPE_CHECKING:
    from .found import _Monthly

__all__ = ["follow_renamed_sheets", "see_text_renamed"]

_F = re.compile(rb"(<(?:\w+:)?f\b[^>]*>)([^<]*)(</(?:\w+:)?f\s*>)")


def see_text_renamed(formula: str, renamed: dict[str, str]) -> str:
    """``formula`` with each ``"see OLD!`` (a text the template writes) naming ``renamed[OLD]`` instead.

    >>> see_text_renamed('=IF(X,"see Customers!"&ADDRESS(1,2,4),Y)', {"Customers": "Kunden"})
    '=IF(X,"see Kunden!"&ADDRESS(1,2,4),Y)'
    >>> see_text_renamed('=IF(ISERROR(CLV),"see Lifetime value!B8",CLV)', {"Lifetime value": "CLV"})
    '=IF(ISERROR(CLV),"see CLV!B8",CLV)'
    >>> see_text_renamed('="see Customersheet!A1"', {"Customers": "Kunden"})
    '="see Customersheet!A1"'
    """
    for old, new in renamed.items():
        formula = formula.replace(f'"see {old}!', f'"see {new.replace(chr(34), chr(34) * 2)}!')
    return formula


def follow_renamed_sheets(package: ip.Package, wb: Any, sheets: Iterable[_Monthly]) -> None:
    """Rewrite the template's ``"see SHEET!`` texts in the formulas of ``package`` (``wb``: the same workbook opened
    with openpyxl) for each monthly sheet of ``sheets`` and the Lifetime value sheet renamed by the user."""
    renamed = {s.template.title: s.spec.title for s in sheets if s.template.title != s.spec.title}
    lifetime = _lifetime_title(wb)
    if lifetime is not None and lifetime != LIFETIME_TITLE:
        renamed[LIFETIME_TITLE] = lifetime
    renamed = {old: new for old, new in renamed.items() if old not in wb.sheetnames}
    if not renamed:
        return
    for title, part in package.parts.items():
        if part is None or part not in package.data or b"see " not in package.data[part]:
            continue
        try:
            xml = package.sheet(title)
        except ip.LayoutError:
            continue
        for number in sorted(xml.rows):
            if b"see " not in xml.rows[number].raw and not xml.rows[number].edited:
                continue
            for ref, element in list(xml.cells_in_rows(number, number)):
                found = _F.search(element)
                if found is None:
                    continue
                formula = ip.unescape(found.group(2))
                new = see_text_renamed(formula, renamed)
                if new != formula:
                    text = found.group(1) + escape(new).encode() + found.group(3)
                    xml.put(ref, element[: found.start()] + text + element[found.end() :])
