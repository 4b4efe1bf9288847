"""Notes (comments) on the Cohorts sheet move with their cells when the sheet grows to more months.

Growing a tracker replaces its Cohorts sheet by the template's for the new months
(:func:`~xl_retention.workbook.cohort_sheet.grow_cohorts`); every table below the first moves down. A note the user
put on a cell (a remark on a signup month's row, on the sBG fit) lives in parts of its own beside the sheet: the
comments part (``ref="B4"``), the VML drawing of its box (``<x:Row>``, ``<x:Anchor>``) and Excel 365's threaded
comments. They are kept as they are, each moved to the row that holds the same thing in the new layout
(:func:`~xl_retention.workbook.cohort_refs.cohort_row_map`), and the new sheet points to the boxes' drawing as the
old one did. A hyperlink's relationship stays in the sheet's relationships part (its ``<hyperlink>`` right of the
tables is carried: :mod:`.cohort_marks`); anything else beside the sheet (a chart or picture, a table, printer
settings) is not carried over: :func:`other_parts` names it and the sheet does not grow.
"""

from __future__ import annotations

import posixpath
import re

from openpyxl.utils import column_index_from_string, get_column_letter

from . import inplace as ip
from .rows_below import _NOTE_SHAPE, note_box_down

__all__ = ["move_notes", "other_parts"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
#: the relationships of a sheet that hold its notes (the last word of their type)
_NOTES = ("comments", "vmlDrawing", "threadedComment")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_LEGACY = re.compile(rb"<" + _P + rb"legacyDrawing\b[^>]*?/>")
_REL_ID = re.compile(rb"\s[\w.\-]+:id\s*=\s*\"([^\"]*)\"")
#: the elements a worksheet part may hold after legacyDrawing, in the schema's order
_AFTER = re.compile(
    rb"<" + _P + rb"(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b"
    rb"|</" + _P + rb"worksheet\s*>"
)
_COMMENT_AT = re.compile(rb"(<" + _P + rb"(?:comment|threadedComment)\b[^>]*?\sref\s*=\s*\")([A-Z]+)([0-9]+)(\")")
_RELATIONSHIPS_NS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _relationships(package: ip.Package, part: str) -> list[tuple[str, str]]:
    """(type's last word, target part) of each relationship of ``part`` (an external link: its target as written)."""
    folder, name = posixpath.split(part)
    out = []
    for element in _RELATIONSHIP.findall(package.data.get(posixpath.join(folder, "_rels", name + ".rels"), b"")):
        kind, target = ip.attribute(element, b"Type") or b"", (ip.attribute(element, b"Target") or b"").decode()
        if ip.attribute(element, b"TargetMode") != b"External":  # a part inside the package
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
        out.append((kind.decode().rsplit("/", 1)[-1], target))
    return out


def other_parts(package: ip.Package, part: str, carried: tuple[str, ...] = ()) -> str | None:
    """What beside the sheet ``part`` growing would not carry over (``"drawing"``: a chart or picture), or None when
    it has nothing but notes (and relationships of the kinds ``carried``: ``"hyperlink"``, whose part is kept)."""
    return next((kind for kind, _ in _relationships(package, part) if kind not in (*_NOTES, *carried)), None)


def move_notes(
    package: ip.Package,
    part: str,
    old_xml: bytes,
    fresh_xml: bytes,
    rows: dict[int, int],
    columns: tuple[int, int] = (0, 0),
) -> bytes:
    """The notes of sheet ``part`` (``old_xml`` its markup before it was replaced) moved by ``rows`` (old row -> new
    row; a row not in it stays) and ``columns`` (first, by: the columns from ``first`` on, 1 = A, ``by`` to the right,
    as the user's right of the grown tables move: :mod:`.cohort_columns`), in ``package``; returns ``fresh_xml`` (the
    new sheet's markup) pointing to the notes' drawing as the old one did."""
    for kind, target in _relationships(package, part):
        if kind in ("comments", "threadedComment"):
            package.edit(target, lambda data: _COMMENT_AT.sub(lambda m: _ref_moved(m, rows, columns), data))
        elif kind == "vmlDrawing":
            package.edit(target, lambda data: _NOTE_SHAPE.sub(lambda m: _box_moved(m, rows, columns), data))
    legacy = _LEGACY.search(old_xml)
    found = _REL_ID.search(legacy.group(0)) if legacy else None
    if found is None or _LEGACY.search(fresh_xml):
        return fresh_xml
    element = b'<legacyDrawing r:id="' + found.group(1) + b'"/>'
    root = re.search(rb"<" + _P + rb"worksheet\b[^>]*>", fresh_xml)
    if root is not None and b'xmlns:r="' + _RELATIONSHIPS_NS + b'"' not in root.group(0):
        opened = root.group(0)[:-1] + b' xmlns:r="' + _RELATIONSHIPS_NS + b'">'
        fresh_xml = fresh_xml[: root.start()] + opened + fresh_xml[root.end() :]
    at = _AFTER.search(fresh_xml)
    if at is None:
        return fresh_xml
    main = re.search(rb"<(\w+:)?worksheet\b", fresh_xml)
    if main is not None and main.group(1):  # the sheet's elements prefixed (<x:worksheet>): so is this one
        element = b"<" + main.group(1) + element[1:]
    return fresh_xml[: at.start()] + element + fresh_xml[at.start() :]


def _ref_moved(match: re.Match[bytes], rows: dict[int, int], columns: tuple[int, int] = (0, 0)) -> bytes:
    """A note's ``ref="B4"`` moved to its cell's new row and column.

    >>> _ref_moved(_COMMENT_AT.search(b'<comment ref="B16" authorId="0">'), {16: 22}).decode()
    '<comment ref="B22"'
    >>> _ref_moved(_COMMENT_AT.search(b'<comment ref="O4" authorId="0">'), {}, (15, 2)).decode()
    '<comment ref="Q4"'
    """
    row, column = int(match.group(3)), column_index_from_string(match.group(2).decode())
    letters = get_column_letter(column + columns[1] if columns[1] and column >= columns[0] else column).encode()
    return match.group(1) + letters + str(rows.get(row, row)).encode() + match.group(4)


def _box_moved(match: re.Match[bytes], rows: dict[int, int], columns: tuple[int, int] = (0, 0)) -> bytes:
    """A note's box in the VML drawing (``<x:Row>`` counts from 0; ``<x:Anchor>``'s third and seventh numbers are its
    top and bottom rows) moved as far as its cell.

    >>> box = b'<x:ClientData ObjectType="Note"><x:Anchor>2, 15, 14, 2, 4, 15, 18, 16</x:Anchor><x:Row>15</x:Row>'
    >>> _box_moved(re.match(rb".*", box + b"</x:ClientData>"), {16: 22}).decode()[32:]
    '<x:Anchor>2, 15, 20, 2, 4, 15, 24, 16</x:Anchor><x:Row>21</x:Row></x:ClientData>'
    """
    shape = match.group(0)
    row = re.search(rb"<(?:\w+:)?Row>\s*([0-9]+)\s*</", shape)
    if row is None:
        return shape
    column = re.search(rb"<(?:\w+:)?Column>\s*([0-9]+)\s*</", shape)
    if column is not None and columns[1] and int(column.group(1)) + 1 >= columns[0]:
        shape = note_box_down(shape, columns[1], across=True)
    by = rows.get(int(row.group(1)) + 1, int(row.group(1)) + 1) - (int(row.group(1)) + 1)
    return shape if by == 0 else note_box_down(shape, by)
