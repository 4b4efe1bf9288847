"""Rewritten formulas written into the package the engine reads (``engine.with_formulas``), so that formualizer builds
its dependency graph once (bench/README.md, issue 14): only a cell's own ``<f>`` or a shared formula's copy is
written; anything else (a shared group's first cell, an array formula, a cell not found, a comment in the sheet)
leaves the package alone and the formulas are set in the engine after loading, as before."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.cells import CellError
from xl_retention.recalculation.embedded import compute
from xl_retention.recalculation.engine import load, with_formulas, worksheet_names

SHEET = "xl/worksheets/sheet1.xml"


def _edited(path: Path, edit) -> Path:
    """The package at ``path`` with its first sheet's XML passed through ``edit`` (bytes -> bytes), in place."""
    with zipfile.ZipFile(path) as package:
        members = {name: package.read(name) for name in package.namelist()}
    members[SHEET] = edit(members[SHEET])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, data in members.items():
            copy.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def _workbook(tmp_path: Path, shared: bool = False, sums: bool = False) -> Path:
    """S!A2:A5 = 0.3 (0.1+0.2 when ``sums``) and numbers, S!B2:B5 = IF(A=0.3, ...) (a shared group when ``shared``)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r in range(2, 6):
        ws[f"A{r}"] = ("=0.1+0.2" if sums else 0.3) if r % 2 == 0 else r
        ws[f"B{r}"] = f'=IF(A{r}=0.3,"equal {r}","other {r}")'
    path = wb.save(tmp_path / "s.xlsx") or tmp_path / "s.xlsx"
    if shared:  # as Excel stores a filled-down column: B2 holds the formula, B3:B5 refer to it

        def share(xml: bytes) -> bytes:
            xml = xml.replace(
                b'<f>IF(A2=0.3,"equal 2","other 2")</f>',
                b'<f t="shared" ref="B2:B5" si="0">IF(A2=0.3,"equal "&amp;ROW(),"other "&amp;ROW())</f>',
            )
            for r in range(3, 6):
                xml = xml.replace(f'<f>IF(A{r}=0.3,"equal {r}","other {r}")</f>'.encode(), b'<f t="shared" si="0"/>')
            return xml

        _edited(path, share)
    return path


def _values(path: Path | str, package: bytes | str | None = None) -> list:
    workbook = load(path, package=package)
    workbook.evaluate_all()
    return [workbook.get_value("S", r, 2) for r in range(2, 6)]


def test_a_cells_own_formula_is_written_with_its_text_escaped(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    written = with_formulas(str(path), [("S", 3, 2, '=IF(A3<>0,"a&b<c>"&"x\ry","")'), ("S", 5, 2, "=A5*10")])
    assert written is not None
    assert _values(path, written) == ["equal 2", "a&b<c>x\ry", "equal 4", 50.0]
    assert _values(path) == ["equal 2", "other 3", "equal 4", "other 5"]  # the file itself is left alone


def test_a_shared_formulas_copy_is_written_and_its_first_cell_is_not(tmp_path: Path) -> None:
    path = _workbook(tmp_path, shared=True)
    assert _values(path) == ["equal 2", "other 3", "equal 4", "other 5"]
    written = with_formulas(str(path), [("S", 4, 2, "=A4*100")])
    assert written is not None
    assert _values(path, written) == ["equal 2", "other 3", 30.0, "other 5"]  # the others still shared
    assert with_formulas(str(path), [("S", 2, 2, "=A2*100")]) is None  # B2 holds the group's formula


def test_formulas_that_cannot_be_written_leave_the_package_alone(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    assert with_formulas(str(path), [("S", 9, 2, "=1")]) is None  # no such cell
    assert with_formulas(str(path), [("S", 2, 1, "=A3")]) is None  # a value cell
    assert with_formulas(str(path), [("Other", 2, 2, "=1")]) is None  # no such sheet
    assert with_formulas(str(path), [("S", 2, 2, "=CHAR(1)&\x01")]) is None  # no XML text holds U+0001
    assert with_formulas(str(path), [("S", 2, 2, "A2")]) is None  # not a formula
    # the engine reads INDIRECT of a computed text with the file as #REF! (set after loading: the cell's value)
    assert with_formulas(str(path), [("S", 3, 2, "=B2"), ("S", 2, 2, '=INDIRECT("S!A"&ROW())')]) is None
    _edited(path, lambda xml: xml.replace(b"<sheetData>", b"<sheetData><!-- <c r='B2'><f>1</f></c> -->"))
    assert with_formulas(str(path), [("S", 2, 2, "=1")]) is None
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active["B2"] = ArrayFormula("B2", "=SUM(A1:A3*2)")
    wb.save(tmp_path / "array.xlsx")
    assert with_formulas(str(tmp_path / "array.xlsx"), [("S", 2, 2, "=1")]) is None


def test_the_worksheets_are_those_the_engine_reads(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for r in range(1, 5):
        ws.append([("=0.1+0.2", 0.5, 0.3, 1)[r - 1], f'=IF(A{r}=0.3,"equal","other")'])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=4))
    wb.create_chartsheet("Chart").add_chart(chart)
    wb.create_sheet("After")["A1"] = '=Data!B1&"!"'
    path = tmp_path / "charts.xlsx"
    wb.save(path)
    assert worksheet_names(str(path)) == ["Data", "After"]
    result = compute(path)
    assert [result.values["Data"][f"B{r}"] for r in range(1, 5)] == ["equal", "other", "equal", "other"]
    assert result.values["After"] == {"A1": "equal!"}


def test_a_recalculation_reads_rewritten_shared_copies_with_the_file(tmp_path: Path) -> None:
    """The comparison of IF is rewritten (15 digits) in every cell of a shared group: the group's first cell is set
    after loading, its copies are read with the file; each row keeps its own formula."""
    path = _workbook(tmp_path, shared=True, sums=True)
    assert _values(path) == ["other 2", "other 3", "other 4", "other 5"]  # the engine's own comparison: 17 digits
    result = compute(path)
    assert [result.values["S"][f"B{r}"] for r in range(2, 6)] == ["equal 2", "other 3", "equal 4", "other 5"]
    assert result.unsupported == []
    assert not any(type(v) is CellError for v in result.values["S"].values())


def test_worksheets_stored_elsewhere_are_read_as_the_engine_names_them(tmp_path: Path) -> None:
    """A worksheet part outside xl/worksheets/ (another program's layout): the rewrites assumed other worksheets than
    the engine reads, and are made again from the engine's own."""
    path = _workbook(tmp_path, sums=True)
    with zipfile.ZipFile(path) as package:
        members = {name: package.read(name) for name in package.namelist()}
    members["xl/data/sheet1.xml"] = members.pop(SHEET)
    for name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        members[name] = members[name].replace(b"worksheets/sheet1.xml", b"data/sheet1.xml")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, data in members.items():
            copy.writestr(name, data)
    assert worksheet_names(str(path)) == []
    result = compute(path)
    assert [result.values["S"][f"B{r}"] for r in range(2, 6)] == ["equal 2", "other 3", "equal 4", "other 5"]
