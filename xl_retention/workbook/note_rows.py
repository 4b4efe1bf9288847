"""The rows of the notes beside the Lifetime value figures sized for the text they show, after a recalculation.

The template makes each note's row as tall as the note's longest text (:data:`.lifetime_value.NOTE_LINES`: C5's
"see Customers!G5: that month's churn rate is the text '5.5%', ..." needs 5 lines, H248), so that a note computed
where no recalculation sizes its row (Excel does not fit a row to a formula's new value) is never cut. A filled
tracker shows most notes empty, though: its Lifetime value sheet had rows 32 to 77 points tall beside nothing, rendered
by LibreOffice (H427's finding 02). :func:`fit_note_rows`, run by ``recalc`` on the workbook it wrote (whose values
are current), makes each such row as tall as its note's text is now: 15 points a line of column C wrapped at 48
characters plus 2 (:func:`.lifetime_value.note_height`), the sheet's default height where the note is empty.

Only the template's notes are fitted: the cells of :data:`~.lifetime_value.NOTE_LINES` holding a formula on the sheet
the name ``LTV_ARPA`` is on (renamed, or rows inserted above: found there), on rows of a height the template or this
function writes (none, or 15 x lines + 2 points); a row given another height by the user stays as it is.
"""

from __future__ import annotations

import html
import os
import re
import textwrap
import zipfile

from . import inplace as ip
from .lifetime_value import NOTE_LINES, note_height

__all__ = ["NOTE_WIDTH", "fit_note_rows", "note_lines", "rooms_back"]

#: the characters of a line of column C (48 wide: Excel and LibreOffice put 48 to 57 italic characters a line there)
NOTE_WIDTH = 48
_ARPA_NAME = re.compile(rb"<(?:\w+:)?definedName\b[^>]*\bname=\"LTV_ARPA\"[^>]*>([^<]*)<")
_TARGET = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?B\$?(\d+)$")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_TEXT = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_KIND = re.compile(rb"\bt=\"([^\"]*)\"")


def note_lines(text: str) -> int:
    """The lines ``text`` takes in column C (0 for none).

    >>> note_lines(""), note_lines("Type the gross margin (B4) to see the lifetime values."), note_lines("x " * 60)
    (0, 2, 3)
    """
    return len(textwrap.wrap(text, NOTE_WIDTH))


def _ours(height: bytes | None) -> bool:
    """Whether a row of ``height`` (points, as written) is one the template or :func:`fit_note_rows` sized: none, or
    15 x lines + 2 (LibreOffice saves 62 as 61.5: its units rounded)."""
    if height is None:
        return True
    try:
        points = float(height)
    except ValueError:
        return False
    return any(abs(points - note_height(lines)) <= 1 for lines in range(1, 10))


def _shown(element: bytes) -> str | None:
    """The text a formula cell's ``element`` stores (its value written by the recalculation); None for a number, an
    error or a shared string (not written so by recalc: left as it is)."""
    kind = _KIND.search(element.split(b">", 1)[0])
    value = _TEXT.search(element)
    if value is None:
        return ""
    if kind is None or kind.group(1) not in (b"str", b"inlineStr"):
        return None
    return html.unescape(value.group(1).decode("utf-8"))


def fit_note_rows(path: str | os.PathLike[str]) -> int:
    """Size the rows of the template's Lifetime value notes of the recalculated workbook ``path`` to their texts.

    Formula: each note row's height is ``note_height(lines)`` for a note of ``lines`` > 0 lines (:func:`note_lines`),
    the default (no height) for an empty note. Returns the number of rows changed; the file is replaced atomically
    only when one changed. A workbook without the name ``LTV_ARPA`` on a sheet of its own is left as it is.
    Example: ``fit_note_rows("tracker.xlsx")`` after ``recalc_file("tracker.xlsx", "tracker.xlsx", in_place=True)``.
    """
    with zipfile.ZipFile(path) as zipped:  # a workbook of the user's own: not loaded whole
        try:
            found = _ARPA_NAME.search(zipped.read("xl/workbook.xml"))
        except KeyError:
            return 0
    target = _TARGET.match(html.unescape(found.group(1).decode("utf-8")).strip()) if found else None
    if target is None:
        return 0
    title = (target.group(1) or "").replace("''", "'") or target.group(2)
    down = int(target.group(3)) - 3  # the ARPA is on row 3 of the template: rows inserted above move every note
    package = ip.Package(path)
    try:
        xml = package.sheet(title)
    except (KeyError, ip.LayoutError):
        return 0
    changed = 0
    for ref in NOTE_LINES:
        row = int(ref[1:]) + down
        element = xml.cell(f"C{row}")
        if element is None or not _FORMULA.search(element) or row not in xml.rows:
            continue
        text = _shown(element)
        attrs = xml.rows[row].attrs
        if text is None or not _ours(ip.attribute(attrs, b"ht")):
            continue
        lines = note_lines(text)
        height = ip.attribute(attrs, b"ht")
        if (height is None and lines == 0) or (height is not None and lines and float(height) == note_height(lines)):
            continue
        list(xml.cells_in_rows(row, row))  # the row's cells read: an edited row is written from them
        attrs = ip._without(attrs, b"ht", b"customHeight")
        if lines:
            attrs += f' ht="{note_height(lines)}" customHeight="1"'.encode()
        xml.rows[row].attrs, xml.rows[row].edited = attrs, True
        changed += 1
    if changed:
        package.save()
    return changed


def rooms_back(package: ip.Package) -> int:
    """The rows of the template's Lifetime value notes of ``package`` that :func:`fit_note_rows` sized for the texts
    stored (none, or 15 x lines + 2 points: a row the user sized is left) made the template's rooms again
    (:data:`~.lifetime_value.NOTE_LINES`); the number of rows changed. Call where the stored results are cleared
    (:func:`.stale.save_cleared`): the notes will show texts of the new inputs, which Excel computes on open without
    fitting a row to them (an import of changed data kept the fitted rows: C5's 5-line note in a row of the default
    height). An import that changes no cell keeps the results and the fitted rows."""
    found = _ARPA_NAME.search(package.data.get("xl/workbook.xml", b""))
    target = _TARGET.match(html.unescape(found.group(1).decode("utf-8")).strip()) if found else None
    if target is None:
        return 0
    title = (target.group(1) or "").replace("''", "'") or target.group(2)
    down = int(target.group(3)) - 3
    part = package.parts.get(title)
    if part is None or b"sheetProtection" in package.data.get(part, b"sheetProtection"):
        return 0  # a protected sheet (checked before the save, H315's finding 05): left as it is
    try:
        xml = package.sheet(title)
    except (KeyError, ip.LayoutError):
        return 0
    changed = 0
    for ref, lines in NOTE_LINES.items():
        row = int(ref[1:]) + down
        element = xml.cell(f"C{row}")
        if element is None or not _FORMULA.search(element) or row not in xml.rows:
            continue
        attrs = xml.rows[row].attrs
        height = ip.attribute(attrs, b"ht")
        if not _ours(height) or (height is not None and float(height) >= note_height(lines) - 1):
            continue
        list(xml.cells_in_rows(row, row))  # the row's cells read: an edited row is written from them
        attrs = ip._without(attrs, b"ht", b"customHeight") + f' ht="{note_height(lines)}" customHeight="1"'.encode()
        xml.rows[row].attrs, xml.rows[row].edited = attrs, True
        changed += 1
    return changed
