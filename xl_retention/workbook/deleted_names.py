"""The template's defined names left pointing nowhere (``#REF!``) by deleted columns, named by recalc.

A user who unhides the monthly sheets' helper columns (Customers' "Customers at end (chart)" to "Months with customers
at end so far", H:K) and deletes them leaves the names on them (``Customers_CRR_Chart``, ``Customers_Churn_Seq``, ...)
as ``#REF!`` in Excel and LibreOffice alike: the Dashboard's retention and the lifetime value's churn read them and show
``#REF!``, while recalc said ``ok`` (a tester's finding 4, 2026-12-04). :func:`deleted_names` names the first such
name, the column it stood for and where, so the file is ``incomplete``; ``upgrade`` puts the columns and their names
back (:func:`.upgrade_helpers.restore_helpers`).
"""

from __future__ import annotations

import os
import re
import zipfile

from ..sheet_names import written
from . import inplace as ip
from .monthly import MONTHLY_SHEETS, MonthlySheet

__all__ = ["deleted_names", "template_names"]

_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]*)<")
_NAME = re.compile(rb"\bname=\"([^\"]+)\"")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")


def template_names() -> dict[str, tuple[MonthlySheet, str, str, bool]]:
    """Each of the monthly sheets' defined names -> (the sheet's spec, the column's key, its header, hidden)."""
    return {
        column.name: (spec, column.key, column.header, column.hidden)
        for spec in MONTHLY_SHEETS
        for column in spec.columns
        if getattr(column, "name", None)
    }


def broken_names(workbook_xml: bytes) -> list[str]:
    """The workbook's global defined names (in workbook.xml's order) whose text is or holds ``#REF!``."""
    out = []
    for match in _DEFINED.finditer(workbook_xml):
        name = _NAME.search(match.group(1))
        if name is None or b"localSheetId" in match.group(1):
            continue
        if "#REF!" in ip.unescape(match.group(2)).upper():
            out.append(name.group(1).decode())
    return out


def deleted_names(path: str | os.PathLike[str]) -> str | None:
    """One line naming the first of the template's monthly names (:func:`template_names`) that points to ``#REF!``,
    or None.

    Example: Customers' helper columns H:K deleted -> ``"the name Customers_End_Chart (Customers' hidden column
    'Customers at end (chart)', H) points to #REF!: ..."``
    """
    try:
        with zipfile.ZipFile(path) as package:
            workbook = package.read("xl/workbook.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    from .template import column_letter

    ours = template_names()
    sheets = {ip.unescape(match.group(1)).casefold() for match in _SHEET.finditer(workbook)}
    for name in broken_names(workbook):
        if name not in ours:
            continue
        spec, key, header, hidden = ours[name]
        if spec.title.casefold() not in sheets:  # the whole sheet deleted: upgrade cannot put it back (the name's
            continue  # own reason advises copying the sheet from a new tracker)
        kind = ", a hidden helper column" if hidden else ""
        where = f"the column {header!r} of {written(spec.title)}, {column_letter(spec, key)} in the template{kind}"
        said = (
            f"the name {name} ({where}) points to #REF!: its cells were deleted, and the formulas reading it (the "
            "Dashboard's figures, the lifetime value's churn, the charts) give #REF!: "
        )
        if hidden:  # a helper column (the sheet's last): upgrade writes it back whole (.upgrade_helpers)
            return said + "run xl-retention upgrade on the file to put the column and its name back, then run again"
        # an input column among the others (H265's finding 04): the columns after it moved left, which upgrade does
        # not undo; with the column inserted again, upgrade puts its name and the formulas left #REF! back
        return said + (
            f"insert a column headed {header!r} where it was ({column_letter(spec, key)}, the columns after it moving "
            "right again; or undo the deletion), then run xl-retention upgrade on the file, which points the name at "
            "it and puts the template's formulas left #REF! back, then run again"
        )
    return None
