"""``upgrade`` of the Start here sheet's Windows steps: an earlier template's text (Import Functions before the save
as .xlsm, no xlwings reference: H348's finding 01) replaced by this version's, where the sheet holds it exactly."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import quote_sheetname

from . import inplace as ip
from .sheets import WINDOWS_EARLIER, WINDOWS_STEPS, WINDOWS_STEPS_IN_4

__all__ = ["upgrade_start_here"]

#: the rows of column A looked through: the template's text runs to row 40; rows a user inserted above it may move it
_ROWS = 80


def upgrade_start_here(package: ip.Package, wb: Any, title: str = "Start here") -> list[str]:
    """Replace the Windows steps of the Start here sheet ``title`` (column A) where its cells hold one of the earlier
    templates' forms (:data:`~.sheets.WINDOWS_EARLIER`) exactly, in consecutive rows, by this version's
    (:data:`~.sheets.WINDOWS_STEPS`; a 4-row form by :data:`~.sheets.WINDOWS_STEPS_IN_4`): each cell's style kept,
    no row added or moved. ``wb``: the workbook opened with openpyxl (read-only is fine). Returns a note naming the
    cells; none where the sheet is missing or its text is not an earlier form (edited by the user: kept).

    Example: a tracker of 2026-11-30's template, 'Start here'!A5:A9 reading "xlwings ribbon > Import Functions, then
    save as .xlsm" in A9, gets "Save the workbook as .xlsm first ..." in A7 and the References step in A8.
    """
    if title not in wb.sheetnames:
        return []
    rows = wb[title].iter_rows(min_row=1, max_row=_ROWS, min_col=1, max_col=1, values_only=True)
    texts = [row[0] if row else None for row in rows]
    for form in WINDOWS_EARLIER:
        for first in range(len(texts) - len(form) + 1):
            if tuple(texts[first : first + len(form)]) != form:
                continue
            steps = WINDOWS_STEPS if len(form) == len(WINDOWS_STEPS) else WINDOWS_STEPS_IN_4
            xml = package.sheet(title)
            for row, text in enumerate(steps, start=first + 1):
                xml.put(f"A{row}", _text_cell(xml, f"A{row}", text))
            cells = f"{quote_sheetname(title)}!A{first + 1}:A{first + len(steps)}"
            return [
                f"{cells}: the Windows steps of this version (save as .xlsm before Import Functions, tick the "
                "xlwings reference in the VBA editor), in place of an earlier template's"
            ]
    return []


def _text_cell(xml: ip.SheetXml, ref: str, text: str) -> bytes:
    """A cell at ``ref`` holding ``text`` inline, with the style the cell there has."""
    p, style = xml.prefix, xml.style(ref)
    attrs = b' r="' + ref.encode() + b'"' + (b' s="' + style + b'"' if style is not None else b"") + b' t="inlineStr"'
    body = b"<" + p + b"is><" + p + b"t>" + ip.escape(text).encode() + b"</" + p + b"t></" + p + b"is>"
    return b"<" + p + b"c" + attrs + b">" + body + b"</" + p + b"c>"
