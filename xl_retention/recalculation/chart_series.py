"""The cells a chart series' reference stands for, for :mod:`.chart_caches` (H543's finding 01: a series over a
defined name or a union kept the points of the old values beside a series over the same cells brought up to date).

A series' ``c:f`` is one area (``'My data'!$B$2:$B$4``), a union of areas of one sheet (``('S'!$B$1,'S'!$B$2:$B$3)``:
Ctrl-selected ranges, points in the union's order), a whole column or row (``S!$B:$B``: the cache's number of points,
from the first cell), or a defined name (``[0]!Vals``, the workbook's; ``S!Vals``, the sheet's before the workbook's)
standing for one of these. A name defined by a formula (``OFFSET(S!$B$1,0,0,COUNT(S!$A:$A),1)``, the dynamic chart
range) stands for the area the engine computed for it (:func:`computed_areas`), where it could.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, get_column_letter

from ..sheet_names import NAME, SHEET, unquoted

__all__ = [
    "CHART_F",
    "CHART_PART",
    "ChartNames",
    "chart_name_texts",
    "computed_areas",
    "one_area",
    "series_cells",
    "series_text",
    "stale_line",
    "unread_reason",
]

#: (sheet, first row, first column, last row, last column); a whole column's rows, a whole row's columns, are None
Area = tuple[str, int | None, int | None, int | None, int | None]
#: {sheet title in lower case: {cell: its written value}} (.chart_caches.ChartValues)
Written = Mapping[str, Mapping[str, object]]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELLS = re.compile(r"^(" + SHEET + r")!\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$")
_COLUMNS = re.compile(r"^(" + SHEET + r")!\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$")
_ROWS = re.compile(r"^(" + SHEET + r")!\$?([0-9]+):\$?([0-9]+)$")
#: a defined name as a chart writes it: ``[0]!Vals`` (the workbook's), ``'My S'!Vals`` (the sheet's), ``Vals``
_NAME = re.compile(r"^(?:(\[0\]|" + SHEET + r")!)?(" + NAME + r")$")
#: a chart part (a classic chart, ``chart1.xml``, or an Excel 2016 one, ``chartEx1.xml``)
CHART_PART = re.compile(r"xl/charts/chart[^/]*\.xml")
#: a chart part's reference (``c:f``, ``cx:f``, ``c15:f``), its text
CHART_F = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?f\b[^>]*>([^<]*)</(?:[A-Za-z_][\w.\-]*:)?f\s*>")
#: another workbook's cells (``[1]Data!$B$1:$B$3``, ``'[Book.xlsx]Data'!$B$1``): their values are that workbook's
_EXTERNAL = re.compile(r"^'?\[(?!0\])[^\]]+\]")  # ([0] is the workbook's own: [0]!Vals)
_ENTITIES = {"&apos;": "'", "&quot;": '"'}


def series_text(formula: bytes | str) -> str:
    """A ``c:f``'s text (or any attribute's or element's text of a chart part) unescaped and stripped.

    >>> series_text(b"&apos;R&amp;D&apos;!$A$1"), series_text("=S!A1 ")
    ("'R&D'!$A$1", 'S!A1')
    """
    from xml.sax.saxutils import unescape  # noqa: PLC0415

    text = formula.decode("utf-8", "replace") if isinstance(formula, bytes) else formula
    return unescape(text, _ENTITIES).strip().removeprefix("=")


def _split(text: str) -> list[str]:
    """A union's references (``('S'!$B$1,'S'!$B$2:$B$3)`` or without its brackets), split at commas outside quotes.

    >>> _split("('S'!$B$1,'A, B'!$B$2:$B$3)")
    ["'S'!$B$1", "'A, B'!$B$2:$B$3"]
    """
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    parts, quoted, start = [], False, 0
    for at, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif char == "," and not quoted:
            parts.append(text[start:at].strip())
            start = at + 1
    parts.append(text[start:].strip())
    return parts


def one_area(text: str) -> Area | None:
    """One reference's area (:data:`Area`); None for anything else.

    >>> one_area("'My S'!$C$4:$B$2"), one_area("S!$B:$B"), one_area("S!2:2"), one_area("Vals")
    (('My S', 2, 2, 4, 3), ('S', None, 2, None, 2), ('S', 2, None, 2, None), None)
    """
    match = _CELLS.match(text)
    if match is not None:
        top, bottom = int(match.group(3)), int(match.group(5) or match.group(3))
        left = column_index_from_string(match.group(2).upper())
        right = column_index_from_string((match.group(4) or match.group(2)).upper())
        return unquoted(match.group(1)), min(top, bottom), min(left, right), max(top, bottom), max(left, right)
    match = _COLUMNS.match(text)
    if match is not None:
        left, right = (column_index_from_string(match.group(k).upper()) for k in (2, 3))
        return unquoted(match.group(1)), None, min(left, right), None, max(left, right)
    match = _ROWS.match(text)
    if match is not None:
        top, bottom = int(match.group(2)), int(match.group(3))
        return unquoted(match.group(1)), min(top, bottom), None, max(top, bottom), None
    return None


def _areas(text: str) -> list[Area] | None:
    """The areas of a reference or a union of references; None where any part is no reference."""
    areas = [one_area(part) for part in _split(text)]
    return None if not areas or any(a is None for a in areas) else areas  # type: ignore[return-value]


class ChartNames:
    """The workbook's defined names as its charts read them: ``texts`` ({"" (the workbook) or a sheet's title in lower
    case: {name in lower case: its text}}, :func:`chart_name_texts`) and ``computed`` ({(scope, name): the area the
    engine computed for a name defined by a formula}, :func:`computed_areas`)."""

    def __init__(self, texts: Mapping[str, Mapping[str, str]], computed: Mapping[tuple[str, str], str] | None = None):
        self.texts = texts
        self.computed = computed or {}

    def target(self, text: str) -> str | None:
        """The text (a reference, a union or a computed area) a chart's name (``[0]!Vals``, ``S!Vals``) stands for;
        None where it names no name, or one defined by a formula the engine did not give an area for.

        >>> texts = {"": {"vals": "S!$B$1:$B$3"}, "t": {"vals": "T!$A$1"}, "s": {"dyn": "OFFSET(S!A1,0,0,2)"}}
        >>> names = ChartNames(texts)
        >>> names.target("[0]!Vals"), names.target("'T'!vals"), names.target("S!Vals"), names.target("S!Dyn")
        ('S!$B$1:$B$3', 'T!$A$1', 'S!$B$1:$B$3', None)
        >>> ChartNames(names.texts, {("s", "dyn"): "S!$A$1:$A$2"}).target("S!Dyn")
        'S!$A$1:$A$2'
        """
        match = _NAME.match(text)
        if match is None:
            return None
        where, name = match.group(1), match.group(2).lower()
        scopes = [""] if where in (None, "[0]") else [unquoted(where).lower(), ""]
        for scope in scopes:
            found = self.texts.get(scope, {}).get(name)
            if found is not None:
                if _areas(found) is not None:
                    return found
                return self.computed.get((scope, name))
        return None


def chart_name_texts(package: zipfile.ZipFile) -> dict[str, dict[str, str]]:
    """{"" (the workbook) or a sheet's title in lower case: {name in lower case: its text, without ``=``}} of
    ``package``'s defined names (Excel's own ``_xlnm.`` names left out); empty where it has none or no workbook part."""
    try:
        data = package.read("xl/workbook.xml")
    except KeyError:
        return {}
    if b"definedName" not in data:
        return {}
    root = ElementTree.fromstring(data)
    titles = [sheet.get("name", "") for sheet in root.iter(f"{_MAIN}sheet")]
    found: dict[str, dict[str, str]] = {}
    for element in root.iter(f"{_MAIN}definedName"):
        name, text, local = element.get("name") or "", (element.text or "").strip(), element.get("localSheetId")
        if not name or not text or name.lower().startswith(("_xlnm.", "_xlfn.", "_xlws.")):
            continue
        scope = titles[int(local)].lower() if local is not None and local.isdigit() and int(local) < len(titles) else ""
        found.setdefault(scope, {})[name.lower()] = text.removeprefix("=")
    return found


def series_cells(
    formula: bytes, names: ChartNames | None, count: int | None, written: Written | None = None
) -> tuple[str, list[str]] | None:
    """The sheet and cells, in the order of the series' points, of a chart reference of one row or column, of a union
    of such on one sheet, of a whole column or row (``count`` points: the cache's, unless a cell ``written`` there
    lies past them: H553's finding 08, rows added since) or of a name standing for one of these; None for anything
    else (areas of several rows and columns, or on several sheets; a name not known).

    >>> series_cells(b"('S'!$B$1,'S'!$B$2:$B$3)", None, 3), series_cells(b"S!$B:$B", None, 2)
    (('S', ['B1', 'B2', 'B3']), ('S', ['B1', 'B2']))
    >>> series_cells(b"[0]!Vals", ChartNames({"": {"vals": "S!$C$1:$D$1"}}), 2), series_cells(b"(S!A1,T!A2)", None, 2)
    (('S', ['C1', 'D1']), None)
    """
    text = series_text(formula)
    areas = _areas(text)
    if areas is None and names is not None:
        target = names.target(text)
        areas = _areas(target) if target is not None else None
    if areas is None or any(area[0].lower() != areas[0][0].lower() for area in areas):
        return None
    cells: list[str] = []
    for _sheet, top, left, bottom, right in areas:
        if top is None or bottom is None:  # a whole column: its first cells, as many as the cache's points
            if len(areas) > 1 or count is None or left != right or _written_past(written, _sheet, left, None, count):
                return None
            top, bottom = 1, count
        if left is None or right is None:  # a whole row likewise
            if len(areas) > 1 or count is None or top != bottom or _written_past(written, _sheet, None, top, count):
                return None
            left, right = 1, count
        if left != right and top != bottom:
            return None  # several rows and columns: a series' values or one level of labels are one row or column
        cells += [f"{get_column_letter(c)}{r}" for r in range(top, bottom + 1) for c in range(left, right + 1)]
    return areas[0][0], cells


_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")


def _written_cells(written: Written | None, sheet: str) -> list[tuple[int, int]]:
    """(column, row) of each cell of ``sheet`` that ``written`` holds (the recalculated ones)."""
    own = written.get(sheet.lower()) if written is not None else None
    found = []
    for ref in own or ():
        match = _REF.fullmatch(ref)
        if match is not None:
            found.append((column_index_from_string(match.group(1)), int(match.group(2))))
    return found


def _written_past(written: Written | None, sheet: str, column: int | None, row: int | None, count: int) -> bool:
    """Whether a cell ``written`` on ``sheet`` lies in the whole ``column`` (or ``row``) past its first ``count``."""
    for c, r in _written_cells(written, sheet):
        if (column is not None and c == column and r > count) or (row is not None and r == row and c > count):
            return True
    return False


def computed_areas(
    package: zipfile.ZipFile, formulas: Mapping[str, Mapping[str, str]], area: Callable[[str, str], str | None]
) -> dict[tuple[str, str], str]:
    """{(scope, name): the area ``area(scope, formula)`` gives} of each name defined by a formula (``formulas``:
    :func:`.defined_names.defined_formulas`' {scope: {name: formula}}) that a chart of ``package`` reads (``[0]!Dyn``,
    ``S!Dyn``): the dynamic chart ranges, whose areas only an evaluation tells."""
    read: set[str] = set()
    for info in package.infolist():
        if CHART_PART.fullmatch(info.filename):
            read.update(series_text(f).lower() for f in CHART_F.findall(package.read(info.filename)))
    if not read:
        return {}
    texts = chart_name_texts(package)
    found: dict[tuple[str, str], str] = {}
    for text in read:
        match = _NAME.match(text)
        if match is None:
            continue
        where, name = match.group(1), match.group(2)
        for scope in [""] if where in (None, "[0]") else [unquoted(where), ""]:
            own = texts.get(scope, {}).get(name)
            if own is None:
                continue
            if _areas(own) is None:
                formula = next((f for s, n in formulas.items() if s.lower() == scope for k, f in n.items()
                                if k == name), own)  # fmt: skip
                got = area(scope, formula)
                if got is not None:
                    found[(scope, name)] = got
            break
    return found


def engine_area(workbook: Any, sheets: list[str]) -> Callable[[str, str], str | None]:
    """``area(scope, formula)``: the one area the engine gives ``formula`` (a reference it computes: OFFSET,
    INDEX:INDEX) as ``'Sheet'!$B$1:$B$3``, from its ROW, COLUMN, ROWS and COLUMNS in a scratch cell
    (:mod:`.scratch_cell`) of the one sheet ``formula`` reads (its references' sheet); None where it reads several
    sheets or none, or the engine gives no whole numbers."""
    from .scratch_cell import scratch_value  # noqa: PLC0415

    def area(scope: str, formula: str) -> str | None:
        mentioned = {unquoted(m).lower() for m in re.findall(r"(" + SHEET + r")!", formula)}
        own = [s for s in sheets if s.lower() in mentioned]
        if len(own) != 1 or len(mentioned) != 1:
            return None
        sheet = own[0]
        numbers = []
        for function in ("ROW", "COLUMN", "ROWS", "COLUMNS"):
            value = scratch_value(workbook, sheet, f"={function}({formula})")
            value = getattr(value, "value", value)
            if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value) or value < 1:
                return None
            numbers.append(int(value))
        top, left, rows, columns = numbers
        quoted = "'" + sheet.replace("'", "''") + "'"
        first = f"${get_column_letter(left)}${top}"
        last = f"${get_column_letter(left + columns - 1)}${top + rows - 1}"
        return f"{quoted}!{first}:{last}"

    return area


def stale_line(stale: list[str]) -> str:
    """The report's words for chart series, labels and linked shapes that could not be brought up to date (``stale``:
    each described with why, as :mod:`.chart_caches` and :mod:`.shape_links` name them).

    >>> stale_line(["a chart's series over [0]!Dyn (not known)", "the shape linked to A1:B2 (not one cell)"])
    "a chart's series over [0]!Dyn (not known) and the shape linked to A1:B2 (not one cell) keep what the file \
stored, which may predate the recalculated cells: Excel redraws them when it opens the file"
    """
    named = list(dict.fromkeys(stale))
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    verb = "keep" if len(named) > 1 else "keeps"
    return (
        f"{listed} {verb} what the file stored, which may predate the recalculated cells: Excel redraws them when it "
        "opens the file"
    )


def unread_reason(formula: bytes, names: ChartNames | None, written: Written | None, count: int | None) -> str | None:
    """Why the points of a chart reference :func:`series_cells` gave no cells for may predate the recalculated cells,
    in the report's words; None where no recalculation changed them: a constant (a series' name typed in,
    ``"Customers at end"``, as LibreOffice saves it; a number; an array), another workbook's cells (``[1]Data!$B$1``),
    or cells of which none was recalculated (H553's finding 06: such a chart made the file incomplete, untrue).

    >>> unread_reason(b"&quot;Customers at end&quot;", None, {}, 1), unread_reason(b"[1]Data!$B$1:$B$3", None, {}, 3)
    (None, None)
    >>> union = b"(S!A1,T!A1)"
    >>> unread_reason(union, None, {"s": {"B2": 1.0}}, 2), unread_reason(union, None, {"t": {"A1": 2.0}}, 2)
    (None, 'a union over several sheets')
    >>> unread_reason(b"S!$B:$B", None, {"s": {"B3": 1.0}}, 2)
    'a whole column whose recalculated cells reach past the 2 points the chart kept'
    >>> unread_reason(b"[0]!Dyn", ChartNames({"": {"dyn": "X()"}}), {}, 2)
    'a name the engine gives no area for'
    """
    text = series_text(formula)
    if not text or (len(text) > 1 and text[0] == text[-1] == '"') or (text[:1] == "{" and text[-1:] == "}"):
        return None
    try:
        float(text)
        return None
    except ValueError:
        pass
    if _EXTERNAL.match(text):
        return None
    areas = _areas(text)
    if areas is None:
        target = names.target(text) if names is not None else None
        areas = _areas(target) if target is not None else None
        if areas is None:
            named = _NAME.match(text) is not None
            return "a name the engine gives no area for" if named else "a reference the engine does not read"
    touched = False
    for sheet, top, left, bottom, right in areas:
        for c, r in _written_cells(written, sheet):
            if (left is None or left <= c <= right) and (top is None or top <= r <= bottom):  # type: ignore[operator]
                touched = True
    if not touched:
        return None
    if len({area[0].lower() for area in areas}) > 1:
        return "a union over several sheets"
    if len(areas) == 1 and (areas[0][1] is None or areas[0][2] is None):
        line = "column" if areas[0][1] is None else "row"
        return f"a whole {line} whose recalculated cells reach past the {count} points the chart kept"
    return "several rows and columns, not one row or column"
