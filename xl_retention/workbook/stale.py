"""Formula results stored before an import: cleared with the import, never left beside the new inputs.

A workbook stores each formula's last result (``<v>`` in the cell) so that programs which do not
calculate (pandas, openpyxl ``data_only=True``, Power Query, file previews) can read it. Once the
import has written new inputs, every stored result computed from the old ones is wrong, and those
programs would read the old rates beside the new inputs. The import therefore drops the stored
result of every formula cell (and of every cell an array formula or data table covers) in the
workbook, in the same atomic save as the inputs, and asks Excel to recalculate on open
(``fullCalcOnLoad``). A blank is honest; ``import --recalc`` (the embedded engine) stores the new
results right away.

Only cells that hold a stored result are rewritten; every other byte of a sheet part stays.
"""

from __future__ import annotations

import re

from openpyxl.utils import column_index_from_string

from . import inplace as ip
from .protection import refuse_protected

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_SHEET_DATA = re.compile(rb"<(" + _P + rb")sheetData\b[^>]*?(/?)>")
_CELL = re.compile(rb"<(?P<p>" + _P + rb")c(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*"
                   rb"(?:/>|>(?P<body>.*?)</(?P=p)c\s*>)", re.S)  # fmt: skip
_FORMULA = re.compile(rb"<" + _P + rb"f\b")
_VALUE = re.compile(rb"<(" + _P + rb")v\b[^>]*?(?:/>|>.*?</\1v\s*>)", re.S)
_HELD = re.compile(rb"<(" + _P + rb")v\b[^>]*?>\s*[^<\s]")  # a stored result that is not empty
_TYPE = re.compile(rb"\s+t\s*=\s*(?:\"[^\"]*\"|'[^']*')")
# an array formula or a What-If data table over several cells: every cell of its ref holds a result
_SPREAD = re.compile(rb"<" + _P + rb"f\b(?=[^>]*\bt\s*=\s*[\"'](?:array|dataTable)[\"'])[^>]*?\bref\s*=\s*[\"']"
                     rb"\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?[\"']")  # fmt: skip
_REF = re.compile(rb"^([A-Z]{1,3})([0-9]+)$")


def _areas(xml: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every array formula and data table in the sheet."""
    out = []
    for m in _SPREAD.finditer(xml, start, end):
        c1, r1 = column_index_from_string(m.group(1).decode()), int(m.group(2))
        c2, r2 = (column_index_from_string(m.group(3).decode()), int(m.group(4))) if m.group(3) else (c1, r1)
        out.append((r1, c1, r2, c2))
    return out


def without_results(xml: bytes) -> tuple[bytes, int]:
    """A sheet part without the stored results of its formulas, and how many cells lost one.

    A cell loses its ``<v>`` (and its value type ``t``) when it holds a formula (``<f>``, shared
    ones included) or lies in the range of an array formula or data table. Cells without a stored
    result, and every byte outside ``<sheetData>``, stay as they were.

    Example: ``without_results(b'<sheetData><row r="1"><c r="A1" t="str"><f>B1</f><v>x</v></c></row></sheetData>')``
    gives ``(b'<sheetData><row r="1"><c r="A1"><f>B1</f></c></row></sheetData>', 1)``.
    """
    opening = _SHEET_DATA.search(xml)
    if opening is None or opening.group(2):
        return xml, 0
    closing = re.compile(rb"</" + re.escape(opening.group(1)) + rb"sheetData\s*>").search(xml, opening.end())
    end = closing.start() if closing is not None else len(xml)
    areas = _areas(xml, opening.end(), end)
    cleared = 0

    def clear(match: re.Match[bytes]) -> bytes:
        nonlocal cleared
        body = match.group("body")
        if not body or not _HELD.search(body):  # nothing stored (openpyxl writes an empty <v/>)
            return match.group(0)
        if not _FORMULA.search(body):
            if not areas:
                return match.group(0)
            ref = ip.attribute(match.group("attrs"), b"r")
            found = _REF.match(ref or b"")
            if found is None:
                return match.group(0)
            row, column = int(found.group(2)), column_index_from_string(found.group(1).decode())
            if not any(r1 <= row <= r2 and c1 <= column <= c2 for r1, c1, r2, c2 in areas):
                return match.group(0)
        cleared += 1
        p, attrs = match.group("p"), _TYPE.sub(b"", match.group("attrs"))
        body = _VALUE.sub(b"", body)
        return b"<" + p + b"c" + attrs + (b">" + body + b"</" + p + b"c>" if body.strip() else b"/>")

    middle = _CELL.sub(clear, xml[opening.end() : end])
    return (xml[: opening.end()] + middle + xml[end:], cleared) if cleared else (xml, 0)


def clear_results(package: ip.Package) -> int:
    """Drop the stored formula results of every sheet of ``package`` (edited sheets included); the cell count.

    Call it just before :meth:`~xl_retention.workbook.inplace.Package.save`; sheets edited through
    :meth:`~xl_retention.workbook.inplace.Package.sheet` are serialized first.
    """
    package.flush()
    cleared = 0
    for part in {p for p in package.parts.values() if p is not None and p in package.data}:
        xml, count = without_results(package.data[part])
        if count:
            package.data[part] = xml
            cleared += count
    return cleared


def holds(element: bytes | None, value: float | int | None) -> bool:
    """Whether a ``<c>`` element holds ``value`` already, as the number it is (no formula, no text): writing it again
    would change nothing.

    >>> holds(b'<c r="B2" s="5" t="n"><v>3</v></c>', 3), holds(b'<c r="B2" t="s"><v>3</v></c>', 3)
    (True, False)
    >>> holds(b'<c r="B2" s="5"/>', None), holds(None, None), holds(b'<c r="B2"><v>3.5</v></c>', 3)
    (True, True, False)
    """
    if element is None or not ip.has_content(element):
        return value is None
    if value is None or _FORMULA.search(element) or b"<is" in element:
        return False
    kind = ip.attribute(element.split(b">", 1)[0], b"t")
    found = re.search(rb"<(?:" + _P + rb")v\b[^>]*>\s*([^<]*?)\s*</", element)
    if kind not in (None, b"n") or found is None:
        return False
    try:
        return float(found.group(1)) == float(value)
    except ValueError:
        return False


def save_cleared(package: ip.Package, name: str, refitted: dict[str, tuple[bytes, bytes]] | None = None,
                 charts: bool = False) -> int:  # fmt: skip
    """Save ``package`` (the workbook ``name``) in place after new inputs or months: Excel asked to recalculate on open,
    the calculation chain dropped and every stored result cleared (:func:`clear_results`: results of the old inputs
    never read beside the new ones; new cells and widened formulas computed again; an import that changed no cell, the
    same data again, keeps every result, and the charts a recalc fitted to the months with figures: ``refitted``, chart
    part -> (its bytes as recalc fitted it, as the import reset it), gets the first back where it is still the second;
    nothing is written when no part changed), in one atomic save refused when
    another program saved or opened the file meanwhile. Returns the number of formula cells cleared. A failed save (a
    full disk, a lost network drive) leaves the file as it was and says so, naming it. With ``charts``, the cached
    points of every chart (:func:`without_chart_caches`) are dropped with the results: drawn from the old cells."""
    package.flush()
    refuse_protected(package, name)  # a protected sheet or locked structure it would change: nothing written
    sheets = {p for p in package.parts.values() if p is not None and p in package.data}
    if any(package.data[p] != package.original.get(p) for p in sheets):  # else no cell changed: every result holds
        package.edit("xl/workbook.xml", ip.full_calc_on_load)
        package.drop_calc_chain()
        from .note_rows import rooms_back  # noqa: PLC0415  (the Lifetime value sheet's modules: where needed)

        rooms_back(package)  # the note rows recalc fitted to the old results: the template's rooms for the new
        cleared = clear_results(package)
        if charts:
            for part in package.names(_CHART_PART):
                package.data[part] = without_chart_caches(package.data[part])
    else:  # no cell changed: the results hold, and so do the charts' ranges fitted to them
        cleared = 0
        for part, (fitted, reset) in (refitted or {}).items():
            if package.data.get(part) == reset:
                package.data[part] = fitted
        if package.data == package.original and not package.removed:  # the file is as it was: not written again
            return 0
    try:
        package.save(not_open=True)  # not saved by another program, nor opened in one, meanwhile
    except OSError as error:  # a full disk, a lost network drive: the atomic save left the file as it was
        if name in str(error):
            raise
        raise OSError(f"{name} was not written ({error.strerror or error}): it is as it was") from None
    return cleared


_CHART_PART = r"xl/charts/chart[^/]*\.xml"
_CHART_CACHE = re.compile(rb"<(" + _P + rb")(numCache|strCache|multiLvlStrCache)\b[^>]*?(?:/>|>.*?</\1\2\s*>)", re.S)


def without_chart_caches(xml: bytes) -> bytes:
    """A chart part without the cached points of its series (``c:numCache``, ``c:strCache``, ``c:multiLvlStrCache``,
    optional beside the reference ``c:f``): a program that does not calculate (a file preview, a reader of the
    package) drew the old points beside the new inputs; Excel and LibreOffice draw the cells. Every other byte stays.

    >>> without_chart_caches(b'<c:val><c:numRef><c:f>S!$B$2:$B$3</c:f><c:numCache><c:ptCount val="2"/>'
    ...                      b'<c:pt idx="0"><c:v>5</c:v></c:pt></c:numCache></c:numRef></c:val>')
    b'<c:val><c:numRef><c:f>S!$B$2:$B$3</c:f></c:numRef></c:val>'
    """
    return _CHART_CACHE.sub(b"", xml)


__all__ = ["clear_results", "save_cleared", "without_chart_caches", "without_results"]
