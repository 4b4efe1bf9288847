"""Rows of the user's below a monthly sheet's months (a "Total" row) move down when an import adds months.

A user who types a total under the months (``Total`` in A5, ``=SUM(C2:C4)`` in C5) had to move it by hand before
every import that added months ("Customers!A5 is in the way of the new months"). :func:`move_rows_below` moves every
row below the last month down by the number of months added, as Excel's Insert Rows would: cells, styles, row
heights, the references of the moved formulas to their own rows (``=C5/E5`` becomes ``=C8/E8``), and every
reference to those rows elsewhere (another sheet's ``=Customers!C5*2``, a defined name, a print area, a chart
series: ``C8``); the ranges over the months are then stretched to the new months with every other such formula
(:mod:`~xl_retention.workbook.stretch`, listed by the import). A table whose Total Row is under the months grows; a
note (comment) on those rows moves with its cell, its box too, and so do hyperlinks, conditional formats,
validations and merged ranges on them.

What the move cannot carry along refuses with one line naming it, nothing moved: a merged range from the last month
into them, a drawing or another table on those rows, a formula of the sheet's months reading them, a formula shared
with other cells that reads them.
"""

from __future__ import annotations

import re

from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip
from .inplace import escape

__all__ = ["move_rows_below", "note_box_down", "running_on", "sums_the_months"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_F = re.compile(rb"(<" + _P + rb"f\b[^>]*>)([^<]*)(</" + _P + rb"f\s*>)")
_FORMULA_TEXT = re.compile(rb"(<" + _P + rb"(?:f|formula[12]?|definedName)\b[^>]*>)([^<]*)(</)")
_REF_ATTR = re.compile(rb"<(" + _P + rb")(mergeCell|hyperlink|conditionalFormatting|dataValidation|autoFilter|"
                       rb"selection|protectedRange|ignoredError)\b[^>]*?\s(?:sq)?ref\s*=\s*\"([^\"]*)\"")  # fmt: skip
_WHAT = {b"mergeCell": "a merged range", b"hyperlink": "a hyperlink", b"conditionalFormatting": "a conditional format",
         b"dataValidation": "a validation", b"autoFilter": "a filter", b"protectedRange": "a protected range",
         b"ignoredError": "an ignored error"}  # fmt: skip
_ANCHOR_ROW = re.compile(rb"<" + _P + rb"from\b[^>]*>.*?<" + _P + rb"row\s*>\s*(\d+)\s*</", re.S)
_COMMENT_REF = re.compile(rb"<" + _P + rb"comment\b[^>]*\sref\s*=\s*\"([A-Z]+)([0-9]+)\"")
_CELL_AT = re.compile(rb"<" + _P + rb"c\b[^>]*?\sr\s*=\s*\"([A-Z]+[0-9]+)\"")
_REF_VALUE = re.compile(rb"(\sref\s*=\s*\")([^\"]*)(\")")
_CELL_REF = re.compile(rb"(<" + _P + rb"c\b[^>]*?\sr\s*=\s*\")[A-Z]+[0-9]+(\")")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")


def _below(match: re.Match[str], sheet: str, local: bool, last: int) -> bool:
    """Whether a reference :data:`inplace._AREA` matched is to ``sheet`` and reaches a row below ``last``."""
    name = match.group(1)
    if name is not None and ip._unquote(name) != sheet or name is None and not local:
        return False
    return max(int(match.group(5)), int(match.group(9) or 0)) > last


def _readers(text: str, sheet: str, local: bool, last: int) -> bool:
    found = []

    def area(match: re.Match[str], piece: str) -> str:
        if not (match.start() > 0 and piece[match.start() - 1] in "]") and _below(match, sheet, local, last):
            found.append(match.group(0))
        return match.group(0)

    ip.areas_outside_text(text, area)
    return bool(found)


def _shift(text: str, sheet: str, last: int, by: int, local: bool = True) -> str:
    """``text`` (a formula) with its references to ``sheet``'s rows below ``last`` ``by`` rows lower, as Excel's
    Insert Rows moves them (a range from above to below ``last`` grows); ``local``: the references without a sheet
    name are ``sheet``'s (a formula on it)."""

    def area(match: re.Match[str], piece: str) -> str:
        name = match.group(1)
        if match.start() > 0 and piece[match.start() - 1] == "]" or name is not None and ip._unquote(name) != sheet:
            return match.group(0)
        if name is None and not local:
            return match.group(0)
        r1, r2 = int(match.group(5)), match.group(9)
        r1 = r1 + by if r1 > last else r1
        head = f"{name}!" if name is not None else ""
        out = f"{head}{match.group(2)}{match.group(3)}{match.group(4)}{r1}"
        if r2 is not None:
            r2 = int(r2) + by if int(r2) > last else int(r2)
            out += f":{match.group(6)}{match.group(7)}{match.group(8)}{r2}"
        return out

    return ip.areas_outside_text(text, area)


def sums_the_months(element: bytes, sheet: str, first: int, last: int, xml: ip.SheetXml | None = None) -> bool:
    """Whether the cell ``element`` of ``sheet`` holds a formula over a range of its months that ends at the last
    month (rows ``first`` to ``last``): a total or an average of a column under the months (``=SUM(L2:L4)``,
    ``=AVERAGE(Customers!$L$2:$L$4)``), in a column of the user's too. A value or a formula reading one month (a
    target typed for the months to come, ``=L4*1.05``) is not one, nor (``xml``: the sheet, to look below) a formula
    whose cell below holds it filled down (``=AVERAGE(L2:L4)`` over ``=AVERAGE(L3:L5)``: a forecast per month to come).

    >>> sums_the_months(b'<c r="L5"><f>SUM(L2:L4)/3</f></c>', "Customers", 2, 4)
    True
    >>> sums_the_months(b'<c r="L5"><f>L4*1.05</f></c>', "Customers", 2, 4), sums_the_months(b'<c r="L5"><v>9</v></c>',
    ...                                                                                   "Customers", 2, 4)
    (False, False)
    """
    found = _F.search(element)
    if found is None:
        return False
    hits = []
    at = ip.attribute(element[: element.find(b">")], b"r")
    row, column = ip.split_ref(at.decode()) if at else (0, 0)
    below = _F.search(xml.cell(f"{get_column_letter(column)}{row + 1}") or b"") if xml is not None and at else None
    if below is not None:  # a formula filled down past the months (a forecast beside each month to come): not a total
        origin = f"{get_column_letter(column)}{row}"
        try:
            moved = Translator("=" + ip.unescape(found.group(2)), origin=origin).translate_formula(
                f"{get_column_letter(column)}{row + 1}"
            )
        except Exception:  # noqa: BLE001  (a formula the translator cannot read: taken as not filled)
            moved = None
        if moved == "=" + ip.unescape(below.group(2)):
            return False

    def area(match: re.Match[str], piece: str) -> str:
        name = match.group(1)
        if match.group(9) is not None and (name is None or ip._unquote(name) == sheet) and not ip.other_workbook(match):
            r1, r2 = sorted((int(match.group(5)), int(match.group(9))))
            if first <= r1 < r2 == last:
                hits.append(match.group(0))
        return match.group(0)

    ip.areas_outside_text(ip.unescape(found.group(2)), area)
    return bool(hits)


def _typed_number(element: bytes | None) -> bool:
    """Whether a ``<c>`` element holds a number typed in (no formula)."""
    if element is None or _F.search(element) or re.search(rb"<" + _P + rb"v\b", element) is None:
        return False
    return ip.attribute(element[: element.find(b">")], b"t") in (None, b"n")


def running_on(xml: ip.SheetXml, ours: set[int], last: int, end: int) -> str | None:
    """The first cell in rows ``last`` + 1 to ``end`` of a column of the user's (not in ``ours``, the template's)
    holding a typed number where the column's last month (row ``last``) holds one too: figures that run on past the
    months (a target typed for each month to come), which moving the rows below down would put beside the wrong
    months. None when there is none."""
    for ref, element in xml.cells_in_rows(last + 1, end):
        column = ip.split_ref(ref)[1]
        if (
            column not in ours
            and _typed_number(element)
            and _typed_number(xml.cell(f"{get_column_letter(column)}{last}"))
        ):
            return ref
    return None


def _targets(package: ip.Package, part: str) -> dict[str, str]:
    """Relationship type (its last word) -> target parts of ``part`` (inside the package)."""
    import posixpath

    folder, name = posixpath.split(part)
    out: dict[str, str] = {}
    for element in _RELATIONSHIP.findall(package.data.get(posixpath.join(folder, "_rels", name + ".rels"), b"")):
        kind, target = ip.attribute(element, b"Type"), ip.attribute(element, b"Target")
        if kind is None or target is None or ip.attribute(element, b"TargetMode") == b"External":
            continue
        path = target.decode()
        path = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(folder, path))
        out[kind.decode().rsplit("/", 1)[-1] + " " + path] = path
    return out


def _table_ref(data: bytes) -> str:
    found = re.search(rb"<" + _P + rb"table\b[^>]*?\sref\s*=\s*\"([^\"]*)\"", data)
    return found.group(1).decode() if found else ""


def _table_end(data: bytes) -> int:
    """The last row of a table part's range (0 when it has none)."""
    return max((int(r) for r in re.findall(r"[0-9]+", _table_ref(data))), default=0)


def _totals_row(data: bytes) -> int | None:
    """The row of a table's totals row (Table Design > Total Row), or None."""
    head = re.search(rb"<" + _P + rb"table\b[^>]*>", data)
    count = ip.attribute(head.group(0), b"totalsRowCount") if head else None
    return _table_end(data) if count is not None and count.strip() not in (b"", b"0") else None


def _what_holds(package: ip.Package, title: str, last: int) -> str | None:
    """What reads or covers ``title``'s rows below ``last`` besides those rows' own cells; None when nothing does."""
    xml = package.sheet(title)
    for number in sorted(n for n in xml.rows if n > last):
        for ref, element in xml.cells_in_rows(number, number):
            if ip._SPREAD_FORMULA.search(element) or re.search(rb"<" + _P + rb"f\b[^>]*\bt=\"shared\"", element):
                return f"{quote_sheetname(title)}!{ref} holds a formula shared with other cells"
    for ref, element in xml.cells_in_rows(1, last):  # the sheet's own cells above
        found = _F.search(element)
        if found and _readers(ip.unescape(found.group(2)), title, True, last):
            return f"{quote_sheetname(title)}!{ref} reads those rows"
    for match in _REF_ATTR.finditer(xml.tail):
        if match.group(2) != b"mergeCell":  # hyperlinks, formats, validations, filters move with the rows
            continue
        rows = [int(r) for r in re.findall(rb"[A-Z]+\$?([0-9]+)", match.group(3))]
        if rows and min(rows) <= last < max(rows):  # one below the months alone moves with them
            return f"{_WHAT[match.group(2)]} ({match.group(3).decode()}) covers those rows and the last month's"
    part = package.sheet_part(title)
    for key, target in _targets(package, part).items():
        data = package.data.get(target, b"")
        if key.startswith("drawing ") and any(int(r) >= last for r in _ANCHOR_ROW.findall(data)):
            return f"a chart or picture of {title} is drawn there"
        if key.startswith("table ") and _table_end(data) > last and _totals_row(data) != last + 1:
            return f"the table {_table_ref(data)} (Insert > Table) covers those rows"
        below = [c + r for c, r in _COMMENT_REF.findall(data) if int(r) > last]
        if (
            key.startswith("comments ")
            and below
            and not any(k.startswith("vmlDrawing ") for k in _targets(package, part))
        ):
            return f"{quote_sheetname(title)}!{below[0].decode()} holds a comment"  # no drawing of it to move along
    for other in _naming(package, title):  # formulas of other sheets follow the rows; a shared one cannot
        try:
            other_xml = package.sheet(other)
        except ip.LayoutError as error:
            return f"{other} cannot be read to move its references along ({error})"
        for ref, element in other_xml.cells_in_rows(1, max(other_xml.rows, default=0)):
            found = _F.search(element)
            if found and b'"shared"' in found.group(1) and _readers(ip.unescape(found.group(2)), title, False, last):
                return f"{quote_sheetname(other)}!{ref} reads those rows in a formula shared with other cells"
    return None


def move_rows_below(package: ip.Package, title: str, last: int, by: int) -> str | None:
    """Move every row of sheet ``title`` below row ``last`` down ``by`` rows (in ``package``); returns None when
    moved, or, moving nothing, why not (``"a formula of Dashboard reads those rows (SUM(Customers!C5))"``)."""
    why = _what_holds(package, title, last)
    if why is not None:
        return why
    xml = package.sheet(title)
    for number in sorted((n for n in xml.rows if n > last), reverse=True):
        old = xml._cells(number)
        row = xml.rows.pop(number)
        cells = {}
        for column, element in old.items():
            ref = f"{get_column_letter(column)}{number + by}".encode()
            element = _CELL_REF.sub(lambda m, ref=ref: m.group(1) + ref + m.group(2), element, count=1)

            def formula(m: re.Match[bytes]) -> bytes:
                text = ip.unescape(m.group(2))
                return m.group(1) + escape(_shift(text, title, last, by)).encode() + m.group(3)

            cells[column] = _F.sub(formula, element)
        xml.rows[number + by] = ip._Row(row.attrs, b"", cells=cells, edited=True)
    _shift_readers(package, title, last, by)
    xml.tail = _tail_down(xml.tail, title, last, by)
    for key, target in _targets(package, package.sheet_part(title)).items():  # a table's totals row moved with it
        if key.startswith("table ") and _totals_row(package.data.get(target, b"")) == last + 1:
            package.edit(target, lambda data: _table_down(data, last, by))
        if key.startswith(("comments ", "threadedComment ")):  # notes and comments on the rows moved with them
            package.edit(target, lambda data: _COMMENT_AT.sub(lambda m: _ref_down(m, last, by), data))
        if key.startswith("vmlDrawing "):  # the boxes of those notes
            package.edit(target, lambda data: _NOTE_SHAPE.sub(lambda m: _note_down(m, last, by), data))
    return None


_MOVED_REF = re.compile(rb"(<" + _P + rb"(?:hyperlink|conditionalFormatting|dataValidation|autoFilter|protectedRange|"
                        rb"ignoredError|mergeCell)\b[^>]*?\s(?:sq)?ref\s*=\s*\")([^\"]*)(\")")  # fmt: skip
_SQREF_TEXT = re.compile(rb"(<" + _P + rb"sqref\s*>)([^<]*)(</)")


def _tail_down(tail: bytes, title: str, last: int, by: int) -> bytes:
    """A sheet part's markup after its cells with what is on its rows below ``last`` ``by`` rows lower, as Insert Rows
    moves it: hyperlinks, conditional formats and validations (their ranges and formulas; a range from above to below
    ``last`` grows), filters, protected ranges, ignored errors, merged ranges.

    >>> _tail_down(b'<hyperlink ref="A5" r:id="rId1"/><conditionalFormatting sqref="C2:C5 E6"><cfRule><formula>'
    ...            b"C2=D6</formula></cfRule></conditionalFormatting>", "S", 4, 3).decode()[:90]
    '<hyperlink ref="A8" r:id="rId1"/><conditionalFormatting sqref="C2:C8 E9"><cfRule><formula>'
    >>> _tail_down(b'<formula>C2=D6</formula>', "S", 4, 3).decode()
    '<formula>C2=D9</formula>'
    """

    def refs(match: re.Match[bytes]) -> bytes:
        moved = " ".join(_shift(ref, title, last, by) for ref in match.group(2).decode().split())
        return match.group(1) + moved.encode() + match.group(3)

    def formula(match: re.Match[bytes]) -> bytes:
        text = ip.unescape(match.group(2))
        moved = _shift(text, title, last, by)
        return match.group(0) if moved == text else match.group(1) + escape(moved).encode() + match.group(3)

    return _FORMULA_TEXT.sub(formula, _SQREF_TEXT.sub(refs, _MOVED_REF.sub(refs, tail)))


_COMMENT_AT = re.compile(rb"(<" + _P + rb"(?:comment|threadedComment)\b[^>]*?\sref\s*=\s*\")([A-Z]+)([0-9]+)(\")")
_NOTE_SHAPE = re.compile(rb"<(\w+:)?ClientData\b[^>]*>.*?</\1ClientData\s*>", re.S)


def _ref_down(match: re.Match[bytes], last: int, by: int) -> bytes:
    """A comment's ``ref="A5"``, ``by`` rows lower when its row is below ``last``."""
    row = int(match.group(3))
    return match.group(1) + match.group(2) + str(row + by if row > last else row).encode() + match.group(4)


def _note_down(match: re.Match[bytes], last: int, by: int) -> bytes:
    """A note's box in the sheet's VML drawing (``<x:Row>`` counts from 0, ``<x:Anchor>``'s third and seventh numbers
    are its top and bottom rows), ``by`` rows lower when the note's cell is below row ``last``.

    >>> _note_down(re.match(rb".*", b'<x:ClientData ObjectType="Note"><x:Anchor>1, 15, 3, 2, 3, 15, 7, 16</x:Anchor>'
    ...     b'<x:Row>4</x:Row></x:ClientData>'), 4, 3).decode()
    '<x:ClientData ObjectType="Note"><x:Anchor>1, 15, 6, 2, 3, 15, 10, 16</x:Anchor><x:Row>7</x:Row></x:ClientData>'
    """
    shape = match.group(0)
    row = re.search(rb"<(?:\w+:)?Row>\s*([0-9]+)\s*</", shape)
    if row is None or int(row.group(1)) + 1 <= last:
        return shape
    return note_box_down(shape, by)


def note_box_down(shape: bytes, by: int, across: bool = False) -> bytes:
    """A note's box (``<x:ClientData>`` of a VML drawing) ``by`` rows lower: its ``<x:Row>`` and the top and bottom
    rows of its ``<x:Anchor>`` (the third and seventh numbers); with ``across``, ``by`` columns right: its
    ``<x:Column>`` (from 0) and the left and right columns of its ``<x:Anchor>`` (the first and fifth numbers).

    >>> note_box_down(b"<x:Anchor>1, 15, 3, 2, 3, 15, 7, 16</x:Anchor><x:Row>4</x:Row>", 6).decode()
    '<x:Anchor>1, 15, 9, 2, 3, 15, 13, 16</x:Anchor><x:Row>10</x:Row>'
    >>> note_box_down(b"<x:Anchor>15, 15, 3, 2, 17, 15, 7, 16</x:Anchor><x:Column>14</x:Column>", 2, True).decode()
    '<x:Anchor>17, 15, 3, 2, 19, 15, 7, 16</x:Anchor><x:Column>16</x:Column>'
    """
    first, tag = (0, rb"Column") if across else (2, rb"Row")

    def anchor(found: re.Match[bytes]) -> bytes:
        numbers = [int(n) for n in found.group(2).split(b",")]
        if len(numbers) == 8:
            numbers[first], numbers[first + 4] = numbers[first] + by, numbers[first + 4] + by
        return found.group(1) + ", ".join(map(str, numbers)).encode() + found.group(3)

    shape = re.sub(rb"(<(?:\w+:)?Anchor>\s*)([0-9 ,]+?)(\s*</)", anchor, shape)
    return re.sub(
        rb"(<(?:\w+:)?" + tag + rb">\s*)([0-9]+)",
        lambda m: m.group(1) + str(int(m.group(2)) + by).encode(),
        shape,
        count=1,
    )


def _naming(package: ip.Package, title: str) -> list[str]:
    """The other sheets whose part names ``title`` (a quick test on the raw bytes)."""
    quoted = escape(title).encode()
    parts = package.parts.items()
    return [other for other, part in parts if other != title and quoted in package.data.get(part or "", b"")]


def _shift_readers(package: ip.Package, title: str, last: int, by: int) -> None:
    """Every reference to ``title``'s rows below ``last`` outside it (cell, format and validation formulas of other
    sheets, defined names, chart series) ``by`` rows lower: =Customers!C5 (a Total) reads C8 where it moved."""

    def moved(match: re.Match[bytes]) -> bytes:
        text = ip.unescape(match.group(2))
        new = _shift(text, title, last, by, local=False)
        return match.group(0) if new == text else match.group(1) + escape(new).encode() + match.group(3)

    for other in _naming(package, title):
        xml = package.sheet(other)
        for number in sorted(xml.rows):
            if not xml.rows[number].edited and not _F.search(xml.rows[number].raw):
                continue
            for ref, element in list(xml.cells_in_rows(number, number)):
                new = _FORMULA_TEXT.sub(moved, element)
                if new != element:
                    xml.put(ref, new)
        xml.tail = _FORMULA_TEXT.sub(moved, xml.tail)
    package.edit("xl/workbook.xml", lambda data: _FORMULA_TEXT.sub(moved, data))
    for name in package.names(r"xl/charts/chart[^/]*\.xml"):
        package.edit(name, lambda data: _FORMULA_TEXT.sub(moved, data))


def _table_down(data: bytes, last: int, by: int) -> bytes:
    """A table part whose totals row was row ``last + 1``: its range (and its filter's, where it reached the totals
    row) ends ``by`` rows lower; a filter over the months alone is stretched with the months."""
    return _REF_VALUE.sub(lambda m: m[1] + _shift(m[2].decode(), "", last, by).encode() + m[3], data)
