"""The LibreOffice harness really recalculates openpyxl-written workbooks."""

import re
import shutil
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from libreoffice import computed_values, pdf_to_pngs, recalculate, render_pdf, soffice_path

pytestmark = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")


def write_doubling_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calc"
    ws["A1"] = 2
    ws["B1"] = "=A1*2"
    wb.save(path)
    return path


def test_formula_written_by_openpyxl_is_computed(tmp_path):
    src = write_doubling_workbook(tmp_path / "double.xlsx")
    out = recalculate(src, tmp_path / "out")
    assert out == (tmp_path / "out" / "double.xlsx").resolve()
    assert openpyxl.load_workbook(out, data_only=True)["Calc"]["B1"].value == 4
    # The source is left alone: still a formula without a cached value.
    assert openpyxl.load_workbook(src, data_only=True)["Calc"]["B1"].value is None


def test_wrong_cached_value_is_recomputed(tmp_path):
    plain = write_doubling_workbook(tmp_path / "plain.xlsx")
    src = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml, count = re.subn(r"<f>A1\*2</f><v\s*(/>|>\s*</v>)", "<f>A1*2</f><v>999</v>", data.decode())
                assert count == 1
                data = xml.encode()
            zout.writestr(item, data)
    assert openpyxl.load_workbook(src, data_only=True)["Calc"]["B1"].value == 999

    assert computed_values(src, tmp_path / "out") == {"Calc": {"B1": 4}}


def test_unknown_function_is_a_name_error(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calc"
    ws.append([100, 20, 110])
    ws["D1"] = "=CRR(A1,B1,C1)"
    ws["E1"] = '=IFERROR(CRR(A1,B1,C1),"bad")'
    ws["F1"] = "=1/0"
    wb.save(tmp_path / "unknown.xlsx")

    values = computed_values(tmp_path / "unknown.xlsx", tmp_path / "out")
    assert values == {"Calc": {"D1": "#NAME?", "E1": "bad", "F1": "#DIV/0!"}}


def test_cross_sheet_reference_to_a_sheet_name_with_a_space(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Summary"
    other = wb.create_sheet("Lifetime value")
    other["B2"] = 42
    other["B3"] = "=B2/2"
    ws["A1"] = "='Lifetime value'!B2+1"
    ws["A2"] = "=SUM('Lifetime value'!B2:B3)"
    wb.save(tmp_path / "sheets.xlsx")

    values = computed_values(tmp_path / "sheets.xlsx", tmp_path / "out")
    assert values == {"Summary": {"A1": 43, "A2": 63}, "Lifetime value": {"B3": 21}}


def test_built_in_functions_compute_as_in_excel(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calc"
    for row, value in enumerate([1, 5, 9, "x", 0], start=1):
        ws.cell(row, 1, value)
    ws["C1"] = 45322  # 2024-01-31 as a serial date
    formulas = {
        "B1": ("=EDATE(C1,1)", 45351),  # 2024-02-29
        "B2": ("=SUM(OFFSET(A1,1,0,2,1))", 14),
        "B3": ("=INDEX(A1:A5,3)", 9),
        "B4": ("=COUNT(A1:A5)", 4),
        "B5": ('=COUNTIF(A1:A5,">2")', 2),
        "B6": ("=AVERAGE(A1:A3)", 5),
        "B7": ('=IF(A1>0,"pos","neg")', "pos"),
        "B8": ("=IFERROR(1/A5,-1)", -1),
        "B9": ("=MAX(A1:A5)", 9),
        "B10": ("=MIN(A1:A3)", 1),
    }
    for ref, (formula, _) in formulas.items():
        ws[ref] = formula
    wb.save(tmp_path / "functions.xlsx")

    values = computed_values(tmp_path / "functions.xlsx", tmp_path / "out")
    assert values == {"Calc": {ref: expected for ref, (_, expected) in formulas.items()}}


def test_concurrent_calls_serialize(tmp_path):
    sources = [write_doubling_workbook(tmp_path / f"book{i}.xlsx") for i in range(3)]
    results: dict[int, object] = {}

    def run(i: int) -> None:
        try:
            out = recalculate(sources[i], tmp_path / f"out{i}")
            results[i] = openpyxl.load_workbook(out, data_only=True)["Calc"]["B1"].value
        except Exception as exc:  # reported through the assertion below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(sources))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {0: 4, 1: 4, 2: 4}


def test_failed_conversion_raises_with_libreoffice_message(tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(RuntimeError, match="source file could not be loaded"):
        recalculate(junk, tmp_path / "out")


def test_outdir_must_differ_from_the_source_folder(tmp_path):
    src = write_doubling_workbook(tmp_path / "double.xlsx")
    with pytest.raises(ValueError, match="outdir"):
        recalculate(src, tmp_path)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_render_pdf_and_rasterize(tmp_path):
    src = write_doubling_workbook(tmp_path / "double.xlsx")
    pdf = render_pdf(src, tmp_path / "pdf")
    assert pdf == (tmp_path / "pdf" / "double.pdf").resolve()
    assert pdf.read_bytes().startswith(b"%PDF")

    pngs = pdf_to_pngs(pdf, tmp_path / "png")
    assert len(pngs) >= 1
    for png in pngs:
        assert png.parent == (tmp_path / "png").resolve()
        assert png.read_bytes().startswith(b"\x89PNG")
