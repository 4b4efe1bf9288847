"""What the formula engine does not read from an .xlsx/.xlsm package: read here, from the package's XML.

:func:`scan` returns, for the embedded engine's adapter (:mod:`.embedded`):

- each formula cell's kind (plain, array with the range it covers, Excel 365 dynamic array,
  What-If data table) and the value stored in the file (Excel's last answer);
- the Excel tables (``Sales`` over ``A1:B3`` with its column names), for structured references;
- the workbook's date system (1900 or 1904) and iterative-calculation settings (``calcPr``).

Sheet parts are read at the byte level (only the ``<c>`` elements that hold an ``<f>``: :mod:`.sheet_cells`), as
:mod:`.xlsx_values` writes them; small parts (workbook, tables, shared strings) with ElementTree.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, range_boundaries

from ..sheet_names import SHEET
from .damage import not_number
from .defined_names import _REFERENCE, qualify
from .excel_functions.number_text_cells import shared_candidates, text_cells
from .excel_functions.number_texts import formatted_results
from .package_parts import part_bytes
from .rich_values import rich_cells
from .sheet_case import respell_formulas, respelled
from .sheet_cells import FormulaCell, cached_value, formula_cells, iso_date_cells, unescaped
from .sheet_corners import same_sheet_corners
from .sheet_ranges import sheets_of
from .xlsx_values import (
    _TOKEN,
    _attribute,
    _column,
    _letters,
    _local,
    _relationships,
    _resolve,
    _sheet_parts,
)

__all__ = ["FormulaCell", "PackageInfo", "Table", "scan", "stored_values", "with_references", "without_members"]

_NAMED_RANGE = re.compile(
    SHEET + r"!(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?"
    r"|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)"  # cells, whole columns and rows too (H22: g02, g05)
)


@dataclass
class Table:
    """An Excel table: ``name`` over ``ref`` (header row included when ``header_rows``)."""

    name: str
    sheet: str
    ref: str
    columns: list[str]
    header_rows: int = 1
    totals_rows: int = 0
    #: whether its autoFilter holds a criterion (``<filterColumn>``): rows hidden in it are then the filter's
    filtered: bool = False

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """(first column, first row, last column, last row), 1-based."""
        return range_boundaries(self.ref)


@dataclass
class PackageInfo:
    """What :func:`scan` found: ``formulas[sheet]["B2"]``, ``tables``, the date system and ``calcPr``."""

    formulas: dict[str, dict[str, FormulaCell]]
    tables: list[Table]
    date1904: bool = False
    iterate: bool = False
    iterate_count: int = 100
    iterate_delta: float = 0.001
    #: defined names that are one range: {"" (workbook) or sheet title: {name in lower case: "Sheet1!$A$1:$B$2"}}
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    #: every defined name that is one reference (a cell too): ("" or its sheet's title, name in lower case, "S!$A$1")
    reference_names: list[tuple[str, str, str]] = field(default_factory=list)
    #: every defined name of every scope, lower case (Excel's own also bare: ``print_area``); None: not read
    all_names: frozenset[str] | None = None
    #: the names of :attr:`all_names` by scope: {"" (the workbook's, and a name whose sheet is not told) or a sheet's
    #: title: its names, lower case}; a name without a sheet (``INDIRECT("Amt")``) is read in "" and the formula's own
    scoped_names: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the application that saved the file last (docProps/app.xml: "Microsoft Excel", "LibreOffice/7.4.7.2$Linux...");
    #: "" when the file does not say
    application: str = ""
    #: ``<calcPr calcMode="manual" calcOnSave="0">``: Excel saved it without recalculating (values may predate inputs)
    saved_uncalculated: bool = False
    #: ``<calcPr fullCalcOnLoad="1">``: a program wrote the file and asks Excel to compute it when it opens it
    full_calc_on_load: bool = False
    #: linked workbooks' names as formulas write them ("[1]!rate") -> the value the file holds for them ("0.25")
    external_names: dict[str, str] = field(default_factory=dict)
    #: value cells stored as ISO 8601 dates (t="d"), as the serial numbers Excel reads: {sheet: {(row, col): serial}}
    iso_dates: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)
    #: value cells holding an error the engine's reader refuses (#CALC!, #SPILL!, ...): {sheet: {(row, col): code}};
    #: the sheets with any such error, cached in a formula cell too, are in ``newer_errors_in``
    newer_errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    newer_errors_in: set[str] = field(default_factory=set)
    #: sheets whose formulas call Office.js custom functions as Excel saves them (``_xldudf_CRR(...)``)
    officejs_sheets: set[str] = field(default_factory=set)
    #: the workbook links other workbooks (``<externalReferences>``)
    linked: bool = False
    #: text cells holding a number the engine misreads in arithmetic ("1,234", "$1,200", "(50)"): {sheet: {(row, col)}}
    number_texts: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    #: every sheet's title in the workbook's order, chart, macro and dialog sheets too (the engine reads worksheets)
    sheet_titles: list[str] = field(default_factory=list)
    #: value cells holding a rich value (a data type, a picture in the cell: t="e" vm=): {sheet: {"A1"}} (.rich_values)
    rich_values: dict[str, set[str]] = field(default_factory=dict)
    #: a defined name spells a sheet in other capitals than its tab (``data!$A$1`` for Data), or quotes it where Excel
    #: does not: the engine reads the package with the names as Excel writes them (:func:`without_members`)
    respelled_names: bool = False
    #: sheets with booleans stored as the words true or false (``<c t="b"><v>false</v></c>``, as excel4node writes
    #: them), which Excel reads as the logicals and the engine's reader reads as TRUE both: given it as 1 and 0
    word_booleans: set[str] = field(default_factory=set)
    #: sheets with Excel's Lotus 1-2-3 "Transition formula evaluation" on (``<sheetPr transitionEvaluation="1">``)
    lotus_sheets: set[str] = field(default_factory=set)
    #: the first cell storing as a number a text that is no number (``<v>abc</v>``, ``<v>NaN</v>``): (sheet, cell,
    #: the text), which the file is refused for before the engine reads it (:func:`.damage.not_number`)
    not_number: tuple[str, str, str] | None = None


def _shared_strings(package: zipfile.ZipFile) -> list[str] | None:
    """The shared strings' texts as Excel reads them: an ``<si>``'s ``<t>`` or its runs' (``<r><t>``), not the
    phonetic reading of Japanese text beside them (``<rPh><t>``: 東京 is not 東京トウキョウ), with the ``_xHHHH_``
    escapes of characters XML cannot hold decoded (``a_x000D_b`` is a, carriage return, b)."""
    names = {n.lower(): n for n in package.namelist()}
    entry = names.get("xl/sharedstrings.xml")
    if entry is None:
        return None
    strings = []
    for element in ElementTree.fromstring(package.read(entry)):
        if _local(element.tag) == "si":
            texts = [
                t.text or ""
                for part in element
                for t in ([part] if _local(part.tag) == "t" else part if _local(part.tag) == "r" else [])
                if _local(t.tag) == "t"
            ]
            strings.append(unescaped("".join(texts)))
    return strings


def _tables(package: zipfile.ZipFile, parts: dict[str, str | None]) -> list[Table]:
    names = {n.lower(): n for n in package.namelist()}
    tables = []
    for sheet, part in parts.items():
        if part is None:
            continue
        rels = names.get(posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels").lower())
        if rels is None:
            continue
        for rel in _relationships(package.read(rels)):
            if not rel.get("Type", "").endswith("/table") or rel.get("TargetMode") == "External":
                continue
            entry = names.get(_resolve(posixpath.dirname(part), rel.get("Target", "")).lower())
            if entry is None:
                continue
            root = ElementTree.fromstring(package.read(entry))
            columns = [c.get("name", "") for c in root.iter() if _local(c.tag) == "tableColumn"]
            tables.append(
                Table(
                    name=root.get("displayName") or root.get("name") or "",
                    sheet=sheet,
                    ref=root.get("ref", ""),
                    columns=columns,
                    header_rows=int(root.get("headerRowCount", "1")),
                    totals_rows=int(root.get("totalsRowCount", "0")) or (1 if root.get("totalsRowShown") == "1" else 0),
                    filtered=any(_local(e.tag) == "filterColumn" for e in root.iter()),
                )
            )
    return tables


_EXTERNAL_TARGET = re.compile(r"=?(?:'((?:[^']|'')+)'|([^'!\s]+))!\$?([A-Za-z]{1,3})\$?(\d+)")


def _external_names(package: zipfile.ZipFile, root: ElementTree.Element) -> dict[str, str]:
    """The workbook-level names of linked workbooks as formulas write them (``[1]!rate``, lower case) -> the value
    the file holds for them (``0.25``, a literal), as Excel uses them while the link is not updated. Only names
    of one cell whose value the link's copy holds; the others stay as they are (:mod:`.unsupported` keeps
    Excel's stored value for the cells that read them)."""
    names = {name.lower(): name for name in package.namelist()}
    rels_entry = names.get("xl/_rels/workbook.xml.rels")
    ids = [
        next((v for k, v in e.attrib.items() if k.startswith("{") and k.endswith("}id")), None)
        for e in root.iter()
        if e.tag.rpartition("}")[2] == "externalReference"
    ]
    if not ids or rels_entry is None:
        return {}
    targets = {rel.get("Id"): _resolve("xl", rel.get("Target", "")) for rel in _relationships(package.read(rels_entry))}
    out: dict[str, str] = {}
    for index, rel_id in enumerate(ids, start=1):
        part = names.get(targets.get(rel_id, "").lower()) if rel_id else None
        if part is None:
            continue
        book = ElementTree.fromstring(package.read(part))
        local = [
            e for e in book.iter() if e.tag.rpartition("}")[2] in ("sheetName", "definedName", "sheetData", "cell")
        ]
        sheets = [e.get("val") for e in local if e.tag.endswith("sheetName")]
        cached: dict[tuple[int, str], str] = {}
        for data in (e for e in local if e.tag.endswith("sheetData")):
            for cell in data.iter():
                if cell.tag.rpartition("}")[2] == "cell" and cell.get("r"):
                    value = next((v.text for v in cell if v.tag.rpartition("}")[2] == "v"), None)
                    if value is not None:
                        kind = cell.get("t", "n")
                        literal = (
                            '"' + value.replace('"', '""') + '"' if kind in ("str", "s", "inlineStr")
                            else ("TRUE" if value in ("1", "true") else "FALSE") if kind == "b"
                            else value if kind == "e" or _NUMBER_TEXT.fullmatch(value)
                            else None
                        )  # fmt: skip
                        if literal is not None:
                            cached[(int(data.get("sheetId", "-1")), cell.get("r").upper())] = literal
        for element in (e for e in local if e.tag.endswith("definedName")):
            match = _EXTERNAL_TARGET.fullmatch((element.get("refersTo") or "").strip())
            if element.get("sheetId") is not None or match is None or not element.get("name"):
                continue
            sheet = match[1].replace("''", "'") if match[1] else match[2]
            literal = cached.get((sheets.index(sheet), (match[3] + match[4]).upper())) if sheet in sheets else None
            if literal is not None:
                out[f"[{index}]!{element.get('name').lower()}"] = literal
    return out


_NUMBER_TEXT = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


_APPLICATION = re.compile(rb"<(?:\w+:)?Application>([^<]*)</(?:\w+:)?Application>")


def _application(package: zipfile.ZipFile) -> str:
    """The ``Application`` docProps/app.xml names (the program that saved the file last), or ""."""
    names = {n.lower(): n for n in package.namelist()}
    name = names.get("docprops/app.xml")
    if name is None:
        return ""
    found = _APPLICATION.search(package.read(name)[:65536])
    return found.group(1).decode("utf-8", "replace").strip() if found else ""


#: SpreadsheetML's main namespace, transitional and strict: a workbook.xml's own elements (not its extensions')
_MAIN = (
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}",
)


def _main(tag: str) -> bool:
    """Whether the element tagged ``tag`` is SpreadsheetML's own (or unqualified), not an extension's (``x15:``).

    >>> _main("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}workbookPr"), _main("workbookPr")
    (True, True)
    >>> _main("{http://schemas.microsoft.com/office/spreadsheetml/2010/11/main}workbookPr")
    False
    """
    return not tag.startswith("{") or tag.startswith(_MAIN)


def _flag(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true")


def visible_names(info: PackageInfo, sheet: str) -> frozenset[str] | None:
    """The defined names (lower case) a name without a sheet means in a formula on ``sheet``: the workbook's and the
    sheet's own, as Excel reads them (``INDIRECT("Amt")`` on Sheet1 of a name Amt only Sheet2 has is #REF!); None
    where the workbook's names were not read (:attr:`PackageInfo.all_names` where their scopes were not).

    >>> info = PackageInfo({}, [], all_names=frozenset({"amt", "rate"}))
    >>> info.scoped_names = {"": frozenset({"rate"}), "Sheet2": frozenset({"amt"})}
    >>> sorted(visible_names(info, "Sheet1")), sorted(visible_names(info, "sheet2"))
    (['rate'], ['amt', 'rate'])
    """
    if info.all_names is None or not info.scoped_names:
        return info.all_names
    own = next((found for scope, found in info.scoped_names.items() if scope and scope.lower() == sheet.lower()), None)
    return info.scoped_names.get("", frozenset()) | (own or frozenset())


def scan(path: str) -> PackageInfo:
    """The formula cells, tables, date system and calculation settings of the package at ``path``."""
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        info = PackageInfo(formulas={}, tables=_tables(package, parts))
        root = ElementTree.fromstring(package.read("xl/workbook.xml"))
        titles = [e.get("name") for e in root.iter() if _local(e.tag) == "sheet"]
        info.sheet_titles = [title or "" for title in titles]
        for element in root.iter():
            tag = _local(element.tag)
            if (
                tag == "definedName"
                and element.text
                and (text := same_sheet_corners(respelled(element.text, info.sheet_titles), False)) != (element.text)
            ):  # data!$A$1 for the tab Data: Excel's sheet, as Excel writes it; S!$A$1:S!$A$5 as S!$A$1:$A$5
                element.text, info.respelled_names = text, True
            if tag == "definedName" and element.get("name") and _REFERENCE.fullmatch((element.text or "").strip()):
                local = element.get("localSheetId")
                scope = titles[int(local)] if local is not None and local.isdigit() and int(local) < len(titles) else ""
                name = element.get("name").lower()
                # Excel's built-in names (_xlnm.Print_Area) are also read under their bare names (Print_Area)
                for key in (name, name[6:]) if name.startswith("_xlnm.") else (name,):
                    info.reference_names.append((scope or "", key, element.text.strip()))
                    if _NAMED_RANGE.fullmatch(element.text.strip()) and sheets_of(element.text.strip(), titles) is None:
                        info.names.setdefault(scope or "", {})[key] = element.text.strip()
            if not _main(element.tag):  # <x15:workbookPr chartTrackingRefBase="1"/> in Excel 2013+'s extLst
                continue
            if tag == "workbookPr":
                info.date1904 = _flag(element.get("date1904"))
            elif tag == "calcPr":
                info.iterate = _flag(element.get("iterate"))
                info.iterate_count = int(element.get("iterateCount", "100"))
                info.iterate_delta = float(element.get("iterateDelta", "0.001"))
                # a program that wrote formulas asks for a full calculation on load (openpyxl, XlsxWriter)
                info.full_calc_on_load = _flag(element.get("fullCalcOnLoad"))
                # manual calculation saved without recalculating (Formulas > Calculation Options): values may be stale
                info.saved_uncalculated = (element.get("calcMode") or "").lower() == "manual" and (
                    element.get("calcOnSave") or ""
                ).strip().lower() in ("0", "false")
        scoped: dict[str, set[str]] = {}
        for element in root.iter():
            if _local(element.tag) == "definedName":
                local, name = element.get("localSheetId"), (element.get("name") or "").lower()
                scope = titles[int(local)] if local is not None and local.isdigit() and int(local) < len(titles) else ""
                scoped.setdefault(scope or "", set()).update({name, name.removeprefix("_xlnm.")})
        info.scoped_names = {scope: frozenset(found) for scope, found in scoped.items()}
        info.all_names = frozenset().union(*info.scoped_names.values())
        qualify(info.names)  # S!Name: sheet S's own name, from any sheet
        info.external_names = _external_names(package, root)  # [1]!Rate: a linked workbook's name's value held
        info.linked = any(e.tag.rpartition("}")[2] == "externalReference" for e in root.iter())
        info.application = _application(package)
        shared: list[str] | None = None
        shared_read = False
        formatted: dict[int, float] | None = None  # shared strings that are formatted numbers (number_texts)
        for sheet, part in parts.items():
            if part is None:
                continue
            xml = with_references(part_bytes(package, part))  # each reader finds a cell by its r
            has_shared = b't="s"' in xml  # a test of the whole part (when absent): made once
            if has_shared or b"inlineStr" in xml:
                if formatted is None:
                    entry = {n.lower(): n for n in package.namelist()}.get("xl/sharedstrings.xml")
                    formatted = shared_candidates(package.read(entry)) if entry is not None else {}
                texts = text_cells(xml, formatted)
                if texts:
                    info.number_texts[sheet] = texts
            if not shared_read and has_shared and b"<f" in xml:
                shared, shared_read = _shared_strings(package), True
            cells = formula_cells(xml, shared)
            if cells and b"!" in xml:  # data!A1 for the tab Data: read as the tab's spelling
                respell_formulas(cells.values(), info.sheet_titles)
            if cells:
                info.formulas[sheet] = cells
                results = formatted_results(cells)  # formulas whose stored value is such text ("1,234")
                if results:
                    info.number_texts.setdefault(sheet, set()).update(results)
            if b't="d"' in xml:
                dates = iso_date_cells(xml, info.date1904)
                if dates:
                    info.iso_dates[sheet] = dates
            if b'"b"' in xml and _WORD_BOOLEAN.search(xml) is not None:
                info.word_booleans.add(sheet)
            if b"vm=" in xml and (rich := rich_cells(xml)):
                info.rich_values[sheet] = rich
            if b"_xldudf_" in xml or b"_XLDUDF_" in xml:
                info.officejs_sheets.add(sheet)
            head = xml.find(b"sheetData") + 1 or len(xml)  # <sheetPr transitionEvaluation="1">, before the cells:
            if xml.find(b"transitionEvaluation", 0, head) != -1 and _LOTUS.search(xml, 0, head):  # looked for there
                info.lotus_sheets.add(sheet)
            if info.not_number is None and (stored := not_number(xml)) is not None:
                info.not_number = (sheet, *stored)
            if b'"e"' in xml and _NEWER_ERROR.search(xml):
                info.newer_errors_in.add(sheet)
                values = _newer_error_values(xml)
                if values:
                    info.newer_errors[sheet] = values
    return info


def _covered(cells: dict[str, FormulaCell]) -> set[bytes]:
    """The cells of array formulas and data tables other than the first (data tables: all), as b"B2"."""
    out: set[bytes] = set()
    for ref, cell in cells.items():
        if cell.kind in ("array", "dataTable") and cell.ref:
            left, top, right, bottom = range_boundaries(cell.ref)
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    out.add(f"{_letters(c)}{r}".encode())
            if cell.kind == "array":
                out.discard(ref.encode())
        elif cell.empty:
            out.add(ref.encode())
    return out


#: Excel's Lotus 1-2-3 "Transition formula evaluation" of a sheet: text counts 0, comparisons 1 or 0, Lotus criteria
_LOTUS = re.compile(rb"""<(?:\w+:)?sheetPr\b[^>]*\stransitionEvaluation\s*=\s*["'](?:1|true)["']""")
#: an error value stored in a cell that is none of the seven classic ones (#CALC!, #SPILL!, #FIELD!, #BLOCKED!,
#: #GETTING_DATA, ...): the engine's reader refuses the whole workbook for one
_CLASSIC_ERRORS = rb"(?:#NULL!|#DIV/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N/A)"
_NEWER_ERROR = re.compile(rb"<(?:\w+:)?v>\s*(?!" + _CLASSIC_ERRORS + rb"\s*<)#[^<]*<")
#: the body of a value cell (no formula) holding one, its code the group
_NEWER_ERROR_BODY = re.compile(rb"\s*<(?:\w+:)?v>\s*(?!" + _CLASSIC_ERRORS + rb"\s*<)(#[^<]*?)\s*</(?:\w+:)?v>\s*")


def _newer_error_values(xml: bytes) -> dict[tuple[int, int], str]:
    """The value cells (no formula) of a sheet part holding an error the engine's reader refuses: {(row, column):
    code}, a cell written without its r too (:func:`positioned_cells`)."""
    out: dict[tuple[int, int], str] = {}
    for match, ref in positioned_cells(xml, max(xml.find(b"<sheetData"), 0)):
        body = match.group("body")
        if body is None or _attribute(match.group("attrs"), b"t") != b"e":
            continue
        found = _NEWER_ERROR_BODY.fullmatch(body)
        if found is not None:
            letters = ref.rstrip(b"0123456789")
            out[(int(ref[len(letters) :]), column_index_from_string(letters.decode()))] = found[1].decode()
    return out


def positioned_cells(xml: bytes, start: int = 0) -> Iterator[tuple[re.Match[bytes], bytes]]:
    """Each ``<c>`` element of a sheet part (a ``_TOKEN`` match) with its reference (``b"C3"``): its ``r``, or for a
    cell written without one (the attribute is optional), the column after the cell before it in its row, in the row
    after the row before it unless the row says its number, as Excel and the engine's reader place it.

    >>> [ref for _, ref in positioned_cells(b'<row><c/><c r="C1"/><c/></row><row r="4"><c/></row><row><c/></row>')]
    [b'A1', b'C1', b'D1', b'A4', b'A5']
    """
    row = column = 0
    for match in _TOKEN.finditer(xml, start):
        row_attrs = match.group("row")
        if row_attrs is not None:
            number = _attribute(row_attrs, b"r")
            row = int(number) if number is not None and number.isdigit() else row + 1
            column = 0
            continue
        attrs = match.group("attrs")
        if attrs is None:  # a comment or CDATA section
            continue
        ref = _attribute(attrs, b"r")
        if ref is None:
            column += 1
            yield match, (_letters(column) + str(row)).encode()
        else:
            column = _column(ref)
            yield match, ref.upper()


#: a ``<c>`` whose first attribute is not its ``r`` (or one written with a namespace prefix, ``<x:c``): such a sheet
#: part is looked at cell by cell (:func:`with_references`); Excel and openpyxl write ``r`` first, always
_NOT_R_FIRST = re.compile(rb"<c(?=[\s/>])(?! r=\")")
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
#: the last part :func:`with_references` found with an ``r`` on every cell (bytes never change: the same object
#: needs no second look; the scan's readers, ``number_text_cells.text_cells``, pass it the part the scan gave them)
_COMPLETE: list[bytes] = []


def with_references(xml: bytes) -> bytes:
    """A sheet part's XML with an ``r`` attribute on every ``<c>``: the one :func:`positioned_cells` gives a cell
    written without it (the attribute is optional), added after the element's name; the XML itself (no copy) when
    every cell has one. The package scan reads the sheet parts through it, so that every reader of a cell finds it
    by its ``r``, which some did not (a ``t="d"`` date or a rich value cell without one was skipped).

    >>> with_references(b'<row r="2"><c t="s"><v>0</v></c><c r="C2"/><c/></row><row><x:c/></row>')
    b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"/><c r="D2"/></row><row><x:c r="A3"/></row>'
    """
    if _COMPLETE and _COMPLETE[0] is xml:  # the part the scan passed it just now, passed again by a reader of it
        return xml
    if _NOT_R_FIRST.search(xml) is None and _PREFIXED_CELL.search(xml) is None:  # a few ms for a 5 MB part
        _COMPLETE[:] = [xml]  # held, so that no other object can have its identity
        return xml
    parts, last = [], 0
    for match, ref in positioned_cells(xml, max(xml.find(b"<sheetData"), 0)):
        if _attribute(match.group("attrs"), b"r") is not None:
            continue
        name_end = match.start() + 2 + len(match.group("p"))  # after "<", the prefix and "c"
        parts += [xml[last:name_end], b' r="' + ref + b'"']
        last = name_end
    if not parts:
        return xml
    return b"".join(parts) + xml[last:]


def without_members(path: str, info: PackageInfo) -> bytes | None:
    """The package as the engine should read it, or None when that is the package itself: the stored values of
    array members and data-table cells removed, and the cells holding an error value the engine's reader
    refuses (#CALC!, #SPILL!, ...) left out (value cells: :func:`.engine.load` puts the error back) or, in a
    formula cell, without their cached value.

    Excel stores an array formula once, in its first cell; the other cells hold only values, which
    the engine would read as cells blocking the array's result.
    """
    covered = {sheet: _covered(cells) for sheet, cells in info.formulas.items()}
    covered = {sheet: refs for sheet, refs in covered.items() if refs}
    if not covered and not info.newer_errors_in and not info.respelled_names and not info.word_booleans:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as package, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        sheets = {part: sheet for sheet, part in _sheet_parts(package).items() if part}
        for entry in package.infolist():
            data = package.read(entry)
            sheet = sheets.get(entry.filename)
            refs = covered.get(sheet, set()) if sheet is not None else set()
            newer = sheet in info.newer_errors_in
            words = sheet in info.word_booleans
            if refs or newer or words:
                chunks, last = [], 0
                for match, ref in positioned_cells(data):  # a member written without its r is one too
                    attrs = match.group("attrs")
                    body = match.group("body") or b""
                    if ref in refs:
                        chunks.append(data[last : match.start()])
                        if _attribute(attrs, b"r") is None:  # an empty cell in its place: the next keeps its column
                            chunks.append(b"<" + match.group("p") + b"c/>")
                        last = match.end()
                    elif newer and _attribute(attrs, b"t") == b"e" and _NEWER_ERROR.search(body):
                        chunks.append(data[last : match.start()])
                        formula = _FORMULA_ELEMENT.search(body)
                        if formula is not None:  # the formula without its cached error
                            chunks.append(b"<" + match.group("p") + b"c" + _T_ATTRIBUTE.sub(b"", attrs) + b">")
                            chunks.append(formula.group(0) + match.group("tail"))
                        elif _attribute(attrs, b"r") is None:
                            chunks.append(b"<" + match.group("p") + b"c/>")
                        last = match.end()
                    elif words and (word := _WORD_BOOLEAN_BODY.fullmatch(body)) and _attribute(attrs, b"t") == b"b":
                        start = match.start("body")  # the word as the digit Excel writes: false 0, true 1
                        chunks += (data[last : start + word.start(2)], b"1" if b"true" in word[2] else b"0")
                        last = start + word.end(2)
                chunks.append(data[last:])
                data = b"".join(chunks)
            if info.respelled_names and entry.filename.lower() == "xl/workbook.xml":
                data = _DEFINED_NAME.sub(lambda m: _respelled_name(m, info.sheet_titles), data)
            copy.writestr(entry.filename, data, compresslevel=1)
    return buffer.getvalue()


_DEFINED_NAME = re.compile(rb"(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<)")
#: a value cell's boolean written as a word, which Excel reads (Microsoft's Tom Jebo in dotnet/Open-XML-SDK#890:
#: "Excel reads this as lower case true or false but will only write as 0 or 1")
_WORD_BOOLEAN = re.compile(rb"""\st=["']b["'][^>]*>\s*<(?:\w+:)?v>\s*(?:true|false)\s*<""")
_WORD_BOOLEAN_BODY = re.compile(rb"(\s*<(?:\w+:)?v>)(\s*(?:true|false)\s*)(</(?:\w+:)?v>\s*)")


def _respelled_name(match: re.Match[bytes], titles: list[str]) -> bytes:
    """A ``<definedName>`` element's text with its sheets spelled as their tabs (:func:`.sheet_case.respelled`)."""
    text = match.group(2).decode("utf-8")
    plain = text.replace("&apos;", "'").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    plain = plain.replace("&amp;", "&")
    new = same_sheet_corners(respelled(plain, titles), False)  # S!$A$1:S!$A$5 as S!$A$1:$A$5 too (.sheet_corners)
    if new == plain:
        return match.group(0)
    escaped = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return match.group(1) + escaped.encode("utf-8") + match.group(3)


_FORMULA_ELEMENT = re.compile(rb"<(?P<p>(?:\w+:)?)f\b[^>]*?(?:/>|>.*?</(?P=p)f\s*>)", re.S)
_T_ATTRIBUTE = re.compile(rb"\s+t\s*=\s*(?:\"[^\"]*\"|'[^']*')")


def stored_values(path: str, wanted: dict[str, set[str]]) -> dict[str, dict[str, object]]:
    """The values the package stores in the cells ``wanted[sheet]`` (``{"G2", "G3"}``): ``{sheet: {"G2": 20.0}}``.

    For the members of an array formula whose first cell keeps its stored value (their values were removed
    before loading: :func:`without_members`). A cell the package stores no value for is left out.
    """
    out: dict[str, dict[str, object]] = {}
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        shared: list[str] | None = None
        shared_read = False
        for sheet, refs in wanted.items():
            part = parts.get(sheet)
            if not part or not refs:
                continue
            xml = package.read(part)
            targets = {ref.upper().encode() for ref in refs}
            for match, ref in positioned_cells(xml, max(xml.find(b"<sheetData"), 0)):
                if ref not in targets:
                    continue
                attrs = match.group("attrs")
                kind = _attribute(attrs, b"t")
                if kind == b"s" and not shared_read:
                    shared, shared_read = _shared_strings(package), True
                value = cached_value(kind, match.group("body") or b"", shared)
                if value is not None:
                    out.setdefault(sheet, {})[ref.decode()] = value
    return out
