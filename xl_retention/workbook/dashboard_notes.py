"""The Dashboard's notes beside its NPS and CLV (E8:G8, E9:G9: :mod:`.figure_notes`, 5dcef37a) added to a tracker made
before them, by ``upgrade``, ``import --into`` and ``extend`` (:func:`.dashboard_upgrade.upgrade_dashboard`).

A note goes where the template puts it, merged across E:G of its row, wrapped in the look of the Dashboard's note
under the latest figures (A10) and in the middle of its row, when E:G of that row are empty, the row's label is the
template's (``NPS``, ``Lifetime value (CLV), constant churn``) and the workbook has every name the note reads (a
note's merged range there, empty: the user cleared the note of a tracker made with it, left so). Cells
of the user's there (a value, a formula, a merged range reaching into E:G) stay: a line of the report names them, and
so it does a row of another label or a name the tracker lacks. A row lower than the template's two lines is made as
tall; E:G get the template's widths where no width of the workbook's is set for them. A note in an earlier
template's form (:func:`_earlier`) gets this version's, in place.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import quote_sheetname

from . import inplace as ip
from .upgrade_cells import _names_in, put_formula

__all__ = ["add_figure_notes", "tall"]

_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"'][^>]*?/>")
_MERGES = re.compile(rb"<((?:\w+:)?)mergeCells\b([^>]*?)(/>|>)")
_AFTER_MERGES = re.compile(rb"<(?:\w+:)?(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|"
                           rb"pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|"
                           rb"ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|"
                           rb"oleObjects|controls|webPublishItems|tableParts|extLst)\b")  # fmt: skip
#: what each note is about, as the report names it
_ABOUT = {8: "the NPS of fewer than 4 answers", 9: "a CLV whose ARPA is an earlier month's"}


def _notes() -> dict[int, str]:
    from .figure_notes import ARPA_NOTE, NPS_NOTE

    return {8: NPS_NOTE, 9: ARPA_NOTE}


def _earlier() -> dict[int, tuple[str, ...]]:
    """Row -> the forms of its note earlier templates wrote, which this version's replaces in place (E9 before a CLV
    blank for want of a gross margin was said: H427's finding 01)."""
    from .figure_notes import ARPA_NOTE, ARPA_NOTE_BEFORE, ARPA_NOTE_MARGIN_ONLY
    from .lifetime_arpa import counted

    forms = (ARPA_NOTE_BEFORE, ARPA_NOTE_MARGIN_ONLY)  # ... and before a blank ARPA was said (H415's finding 04)
    # ... each before a customers-at-end pasted as text counted in finding Customers' last month (H557's finding 01)
    return {9: (*forms, *(counted(form) for form in (*forms, ARPA_NOTE)))}


def _shown(value: Any) -> str:
    """A cell's content as the report quotes it: at most 40 characters.

    >>> _shown("=SUM(A1:A2)"), _shown(3.5), _shown("x" * 50)[-3:]
    ("'=SUM(A1:A2)'", '3.5', "...'")
    """
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...") if isinstance(value, str) else text


def _merged(tail: bytes) -> list[tuple[str, int, int, int, int]]:
    """The sheet's merged ranges: (ref, first row, first column, last row, last column)."""
    out = []
    for found in _MERGE.finditer(tail):
        ref = found.group(1).decode()
        first, _, last = ref.partition(":")
        r1, c1 = ip.split_ref(first.replace("$", ""))
        r2, c2 = ip.split_ref((last or first).replace("$", ""))
        out.append((ref, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return out


def _add_merge(xml: ip.SheetXml, ref: str) -> None:
    """``ref`` merged: a ``<mergeCell>`` added to the sheet's ``<mergeCells>`` (made where it has none)."""
    p = xml.prefix
    cell = b"<" + p + b'mergeCell ref="' + ref.encode() + b'"/>'
    found = _MERGES.search(xml.tail)
    if found is None:
        after = _AFTER_MERGES.search(xml.tail)
        at = after.start() if after is not None else xml.tail.rfind(b"</")
        element = b"<" + p + b'mergeCells count="1">' + cell + b"</" + p + b"mergeCells>"
        xml.tail = xml.tail[:at] + element + xml.tail[at:]
        return
    count = str(len(_MERGE.findall(xml.tail)) + 1).encode()
    attrs = ip._without(found.group(2), b"count") + b' count="' + count + b'"'
    if found.group(3) == b"/>":  # <mergeCells/>: none yet
        new = b"<" + found.group(1) + b"mergeCells" + attrs + b">" + cell + b"</" + found.group(1) + b"mergeCells>"
    else:
        new = b"<" + found.group(1) + b"mergeCells" + attrs + b">" + cell
    xml.tail = xml.tail[: found.start()] + new + xml.tail[found.end() :]


def tall(xml: ip.SheetXml, row: int) -> None:
    """Row ``row`` at least the latest figures' two lines tall (:data:`.dashboard.FIGURE_ROW_HEIGHT`)."""
    from .dashboard import FIGURE_ROW_HEIGHT

    if row not in xml.rows:
        return
    attrs = xml.rows[row].attrs
    height = ip.attribute(attrs, b"ht")
    if height is not None and float(height) >= FIGURE_ROW_HEIGHT:
        return
    list(xml.cells_in_rows(row, row))  # the row's cells read: an edited row is written from them
    xml.rows[row].attrs = ip._without(attrs, b"ht", b"customHeight") + (
        f' ht="{FIGURE_ROW_HEIGHT}" customHeight="1"'.encode()
    )
    xml.rows[row].edited = True


def add_figure_notes(
    package: ip.Package, xml: ip.SheetXml, mine: dict[str, Any], names: set[str], down: int, labels: dict[int, Any]
) -> tuple[list[str], list[str]]:
    """The notes E8 (:data:`.figure_notes.NPS_NOTE`) and E9 (:data:`.figure_notes.ARPA_NOTE`) written into the
    Dashboard ``xml`` (the sheet part itself, its rows as they are: ``down`` rows lower than the template's where rows
    were inserted above the latest figures), where they are missing and may go; returns the cells written
    (``'Dashboard'!E8:G8``) and the report's lines on those not written.

    ``mine``: the Dashboard's cells as the template places them (A1 to G9, moved up by ``down``); ``names``: the
    workbook's defined names; ``labels``: row -> the template's label in A (``NPS``).
    """
    from .dashboard_layout import _wrap_style
    from .dashboard_upgrade import _same

    where = quote_sheetname(xml.title)
    changed, notes = [], []
    merged = _merged(xml.tail)
    spans = {ref for ref, *_ in merged}
    for row, note in _notes().items():
        at = row + down
        formula = note.replace("ISNUMBER(B8)", f"ISNUMBER(B{8 + down})")
        span = f"E{at}:G{at}"
        if _same(mine.get(f"E{row}"), formula):
            continue
        if any(_same(mine.get(f"E{row}"), earlier) for earlier in _earlier().get(row, ())):
            if put_formula(xml, f"E{at}", formula):  # an earlier template's note: this version's, its look kept
                changed.append(f"{where}!E{at}")
            continue
        if span in spans and all(mine.get(f"{c}{row}") in (None, "") for c in "EFG"):
            continue  # the note's merged range of a tracker made with it, cleared by the user: left so
        what = f"where this version's Dashboard notes {_ABOUT[row]}"
        held = [(f"{c}{at}", mine.get(f"{c}{row}")) for c in "EFG" if mine.get(f"{c}{row}") not in (None, "")]
        over = [ref for ref, r1, c1, r2, c2 in merged if r1 <= at <= r2 and c1 <= 7 and c2 >= 5 and ref != span]
        missing = sorted(_names_in(formula) - names)
        if held:
            cells = ", ".join(f"{ref} {_shown(value)}" for ref, value in held)
            notes.append(f"{where}!{span} holds cells of yours ({cells}), {what}: kept, the note not added")
        elif over:
            notes.append(f"{where}!{span} is in a merged range of yours ({', '.join(over)}), {what}: kept, the note "
                         "not added")  # fmt: skip
        elif mine.get(f"A{row}") != labels[row]:
            notes.append(f"{where}!A{at} is {_shown(mine.get(f'A{row}'))}, not the template's {labels[row]!r}: "
                         f"{span}, {what}, left empty")  # fmt: skip
        elif missing:
            notes.append(f"{where}!{span}, {what}, left empty: the tracker lacks the names it reads "
                         f"({', '.join(missing)})")  # fmt: skip
        else:
            try:
                style = _wrap_style(package, xml.style(f"A{10 + down}"), vertical=b"center")
            except ip.LayoutError as error:
                notes.append(f"{where}!{span}, {what}, left empty: {error}")
                continue
            xml.put(f"E{at}", xml.element(f"E{at}", style, formula=formula.removeprefix("=")))
            _add_merge(xml, span)
            tall(xml, at)
            changed.append(f"{where}!{span}")
    return changed, notes
