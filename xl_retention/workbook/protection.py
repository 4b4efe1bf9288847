"""Refuse to write into a tracker's protected sheets or locked workbook structure (H304's finding 02).

A sheet protected in Excel (Review > Protect Sheet: ``<sheetProtection sheet="1" .../>``) lets nobody change its
locked cells, nor insert rows (a new month's row) even where cells are unlocked; a locked workbook structure
(Review > Protect Workbook: ``<workbookProtection lockStructure="1" .../>``) lets nobody add, remove or rename sheets.
``extend``, ``import --into`` and ``upgrade`` write sheets in place; where a sheet they change is protected, or they
change the sheets of a locked structure, they refuse before writing anything and say what to unprotect. ``recalc``
writes stored results only (Excel recalculates protected sheets too) and does not ask.
"""

from __future__ import annotations

import re

from . import inplace as ip

_SHEET_PROTECTED = re.compile(rb"<(?:\w+:)?sheetProtection\b[^>]*?\bsheet\s*=\s*[\"'](?:1|true)[\"']")
_STRUCTURE_LOCKED = re.compile(rb"<(?:\w+:)?workbookProtection\b[^>]*?\blockStructure\s*=\s*[\"'](?:1|true)[\"']")
_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")


def protected_sheet(xml: bytes) -> bool:
    """Whether a worksheet part is protected (``sheetProtection`` with ``sheet`` on).

    >>> protected_sheet(b'<worksheet><sheetData/><sheetProtection sheet="1" objects="1"/></worksheet>')
    True
    >>> protected_sheet(b'<worksheet><sheetData/><sheetProtection objects="1"/></worksheet>')
    False
    """
    return _SHEET_PROTECTED.search(xml) is not None


def refuse_protected(package: ip.Package, name: str) -> None:
    """Raise ``ValueError`` naming ``name``, the protected sheets this save would change and a locked structure it would
    change, with the remedy, before anything is written; return when there is none."""
    titles = {part: title for title, part in package.parts.items() if part is not None}
    changed = [p for p, data in package.data.items() if data != package.original.get(p)]
    sheets = [titles[p] for p in changed if p in titles and protected_sheet(package.original.get(p, b""))]
    book = package.original.get("xl/workbook.xml", b"")
    after = package.data.get("xl/workbook.xml", book)
    structure = _STRUCTURE_LOCKED.search(book) is not None and _SHEET_ENTRY.findall(book) != _SHEET_ENTRY.findall(after)
    if not sheets and not structure:
        return
    what, remedy = [], []
    if sheets:
        listed = ", ".join(f"'{t}'" for t in sheets)
        what.append(
            f"its sheet{'s' if len(sheets) > 1 else ''} {listed} {'are' if len(sheets) > 1 else 'is'} protected"
        )
        remedy.append("Review > Unprotect Sheet on " + ("each" if len(sheets) > 1 else "it"))
    if structure:
        what.append("its workbook structure is locked")
        remedy.append("Review > Protect Workbook to unlock the structure")
    raise ValueError(
        f"{name}: {' and '.join(what)}, which this command would change: nothing was written; "
        f"in Excel, {' and '.join(remedy)}, save, then run again (protect again afterwards)"
    )


__all__ = ["protected_sheet", "refuse_protected"]
