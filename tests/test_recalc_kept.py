"""Cells the embedded engine cannot compute, and the cells that read them (H6's faults of 2026-11-30).

Each workbook is built here (openpyxl), with Excel's storage patched in where openpyxl writes it otherwise.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc

SHEET = "xl/worksheets/sheet1.xml"


def patch(path: Path, part: str, *replacements: tuple[bytes, bytes]) -> Path:
    """Rewrite one part of the package (each pattern must match): re.sub(old, new)."""
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == part:
                for old, new in replacements:
                    data, count = re.subn(old, new, data)
                    assert count, old
            out.writestr(info.filename, data)
    return path


def stored(ref: bytes, value: bytes) -> tuple[bytes, bytes]:
    """The replacement that stores ``value`` as the cached value of the formula cell ``ref``."""
    return rb'(<c r="' + ref + rb'"[^>]*>)(<f[^>]*>[^<]*</f>)(?:<v>[^<]*</v>|<v ?/>)?', rb"\1\2<v>" + value + b"</v>"


def recalculated(path: Path, status: str) -> tuple[dict[str, object], object]:
    report = recalc(path, engine="embedded", output_dir=path.parent / "out")
    file = report.files[0]
    assert file.status == status, file.message
    wb = openpyxl.load_workbook(file.output, data_only=True)
    got = {f"{ws.title}!{c.coordinate}": c.value for ws in wb for row in ws.iter_rows() for c in row}
    return got, file


def data_book(tmp_path: Path) -> tuple[openpyxl.Workbook, openpyxl.worksheet.worksheet.Worksheet]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, (a, b) in enumerate([("x", 30), ("y", 10), ("x", 20), ("z", 5)], start=1):
        ws.cell(i, 1).value, ws.cell(i, 2).value = a, b
    return wb, ws


# --- the cells reading a cell without a current value ---


def test_the_cells_reading_an_unsupported_cell_without_a_stored_value_are_listed_not_computed_from_a_blank(
    tmp_path: Path,
) -> None:
    wb, ws = data_book(tmp_path)
    ws["G1"] = ArrayFormula("G1:G4", "=_xlfn.MAP(B1:B4+0,_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2))")  # MAP over a computed array
    wb.defined_names["Doubled"] = DefinedName("Doubled", attr_text="S!$G$1:$G$4")
    ws["J1"] = "=SUM(G1:G4)"
    ws["J2"] = "=G3"  # a member of the result
    ws["J3"] = "=J2+1"  # through another cell
    ws["J4"] = "=IFERROR(G1,0)"
    ws["J5"] = "=SUM(Doubled)"  # through a name over the range
    ws["J6"] = "=B1*2"  # reads nothing unsupported
    wb.defined_names["Top"] = DefinedName("Top", attr_text="S!$G$2")  # a name of one cell of the result
    ws["J7"] = "=Top+1"
    wb.create_sheet("O")["A1"] = "=S!J3*10"  # on another sheet
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, (rb'<c r="G1"', rb'<c r="G1" cm="1"'))  # Excel 365's dynamic array
    got, file = recalculated(path, "incomplete")
    assert sorted((u.address, u.function, u.kept) for u in file.unsupported) == [
        ("O!A1", "MAP", False),
        ("S!G1", "MAP", False),
        ("S!J1", "MAP", False),
        ("S!J2", "MAP", False),
        ("S!J3", "MAP", False),
        ("S!J4", "MAP", False),
        ("S!J5", "MAP", False),
        ("S!J7", "MAP", False),
    ]
    reasons = {u.address: u.reason for u in file.unsupported}
    assert reasons["S!J3"] == "reads S!G1 (MAP), which has no current value (the embedded engine cannot compute it)"
    assert [got[f"S!J{i}"] for i in range(1, 7)] == [None, None, None, None, None, 60]  # no 0 from a blank
    assert got["O!A1"] is None
    # G1 stands for its 4 cells (G1:G4 left without a value), the 7 cells reading it for 1 each
    assert "11 cells could not be recalculated (unsupported MAP, in the array formula S!G1 over G1:G4)" in file.message


def test_the_cells_reading_a_kept_value_that_may_be_stale_are_listed_after_import(tmp_path: Path) -> None:
    """import --into --recalc: the inputs changed, so Excel's stored value and what reads it are not current."""
    from xl_retention.recalculation import recalc_file

    wb, ws = data_book(tmp_path)
    ws["H1"] = "=_xlfn.FORECAST.ETS(5,B1:B4,{1,2,3,4})"
    ws["H2"] = "=H1*2"
    ws["H3"] = "=B1+1"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"H1", b"7.5"), stored(b"H2", b"15"))
    file = recalc_file(path, tmp_path / "out.xlsx", engine="embedded", stored_current=False)
    assert file.status == "incomplete"
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", False), ("S!H2", False)]
    ok = recalc_file(path, tmp_path / "out2.xlsx", engine="embedded")  # as Excel saved it: current
    assert ok.status == "ok" and [(u.address, u.kept) for u in ok.unsupported] == [("S!H1", True)]


def test_values_of_a_file_marked_for_a_full_calculation_on_load_are_not_kept_as_excels(tmp_path: Path) -> None:
    """XlsxWriter (pandas' .xlsx writer) stores 0 for every formula and marks the workbook fullCalcOnLoad="1": no
    stored value is Excel's. The unsupported cell and what reads it are listed, stored blank, Excel asked to compute.
    (A file so marked that stores other values keeps them: tests/test_recalc_features.py, Excel's values kept.)"""
    wb, ws = data_book(tmp_path)
    ws["H1"] = "=_xlfn.FORECAST.ETS(5,B1:B4,{1,2,3,4})"  # the engine lacks FORECAST.ETS
    ws["H2"] = "=H1*1000"
    ws["H3"] = "=B1+1"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"H1", b"0"), stored(b"H2", b"0"), stored(b"H3", b"0"))  # XlsxWriter's placeholders
    with zipfile.ZipFile(path) as package:  # and its calcPr, as openpyxl's
        assert b'fullCalcOnLoad="1"' in package.read("xl/workbook.xml")
    got, file = recalculated(path, "incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", False), ("S!H2", False)]
    assert (got["S!H1"], got["S!H2"], got["S!H3"]) == (None, None, 31)  # never the placeholder 0
    with zipfile.ZipFile(file.output) as package:
        assert b'fullCalcOnLoad="1"' in package.read("xl/workbook.xml")
        cells = re.findall(rb'<c r="H[12]"[^>]*>.*?</c>', package.read(SHEET))
    assert len(cells) == 2 and not any(b"<v" in cell for cell in cells)  # no stored value: a rerun lists them again


def test_a_placeholder_0_is_not_kept_where_the_writer_was_given_another_formulas_value(tmp_path: Path) -> None:
    """XlsxWriter's write_formula(..., value=0.037) stores the author's value for one formula and 0 for every other
    one: the file is not all zeros, yet each 0 of a formula in a file marked fullCalcOnLoad="1" is a placeholder, not
    Excel's result (H20 g07). A stored value other than 0 is kept (a program's copy of Excel's values)."""
    wb, ws = data_book(tmp_path)
    ws["H1"] = "=_xlfn.FORECAST.ETS(5,B1:B4,{1,2,3,4})"  # XlsxWriter's 0: no value
    ws["H2"] = "=H1*1000"
    ws["H3"] = "=AVERAGE(B1:B4)"  # the author's value=16.25 (computed anyway)
    ws["H4"] = "=_xlfn.FORECAST.ETS(6,B1:B4,{1,2,3,4})"  # a value other than 0: kept
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"H1", b"0"), stored(b"H2", b"0"), stored(b"H3", b"16.25"), stored(b"H4", b"2.5"))
    got, file = recalculated(path, "incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", False), ("S!H4", True), ("S!H2", False)]
    assert (got["S!H1"], got["S!H2"], got["S!H3"], got["S!H4"]) == (None, None, 16.25, 2.5)


def test_an_add_in_function_keeps_excels_stored_value_and_a_typo_is_the_users_name_error(tmp_path: Path) -> None:
    """GET_MRR (an xlwings UDF, a VBA function) and _xll.FX_RATE (an XLL add-in's): Excel stored values, so it had
    them; the engine lacks them. SUMM stored #NAME?: Excel's own error of a typo."""
    wb, ws = data_book(tmp_path)
    ws["D1"] = '=GET_MRR("2026-03")'
    ws["D2"] = "=NET_REVENUE_CHURN(800,500,D1)"
    ws["D3"] = '=_xll.FX_RATE("EURUSD")'
    ws["D4"] = "=D1*D3"
    ws["D5"] = "=SUMM(B1:B2)"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"D1", b"10000"), stored(b"D2", b"0.03"), stored(b"D3", b"1.1"))
    patch(path, SHEET, stored(b"D4", b"11000"), (rb'(<c r="D5")([^>]*>)(<f>[^<]*</f>)', rb'\1 t="e"\2\3<v>#NAME?</v>'))
    got, file = recalculated(path, "ok")
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [
        ("S!D1", "GET_MRR", True),
        ("S!D3", "FX_RATE", True),
    ]
    assert "GET_MRR is not an Excel function" in file.unsupported[0].reason
    assert [got[f"S!D{r}"] for r in range(1, 6)] == [10000, 0.03, 1.1, 11000, "#NAME?"]  # D2, D4 from the kept ones


def test_a_workbook_set_to_precision_as_displayed_is_refused_in_one_line(tmp_path: Path) -> None:
    wb, ws = data_book(tmp_path)
    ws["H1"] = "=7/300"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, "xl/workbook.xml", (rb"<calcPr ", rb'<calcPr fullPrecision="0" '))
    file = recalc(path, engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "failed" and "\n" not in file.message
    assert file.message.startswith('book.xlsx uses Excel\'s "Set precision as displayed" (calcPr fullPrecision="0")')
    assert "--engine excel" in file.message and not (tmp_path / "out" / "book.xlsx").exists()


def test_links_to_workbooks_written_by_a_script_are_listed_and_the_rest_computed(tmp_path: Path) -> None:
    """A link typed by a script, without Excel's external-link part: the engine has no copy of the other workbook
    (it refused the whole file, naming no cell). Each such cell keeps its stored value or is listed; B5 is computed."""
    wb, ws = data_book(tmp_path)
    ws["D1"] = "='[Q1 2026.xlsx]Churn'!$B$2"
    ws["D2"] = "=[Q1.xlsx]Sheet1!A1*2"
    ws["D3"] = "='C:\\Reports\\[Q1.xlsx]Sheet1'!A1"
    ws["D4"] = "=SUM([1]Sheet1!A1:A3)"
    ws["D5"] = "=CRR(110,20,100)"
    ws["D6"] = "=D1*100"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"D1", b"0.05"))  # the value the link last gave, as Excel stored it
    got, file = recalculated(path, "incomplete")
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [
        ("S!D1", "linked workbook", True),
        ("S!D2", "linked workbook", False),
        ("S!D3", "linked workbook", False),
        ("S!D4", "linked workbook", False),
    ]
    assert "holds no copy" in file.unsupported[0].reason
    assert (got["S!D1"], got["S!D5"], got["S!D6"]) == (0.05, 0.9, 5)


def test_values_stored_by_libreoffice_are_not_kept_as_excels(tmp_path: Path) -> None:
    """A workbook last saved by LibreOffice stores LibreOffice's own FORECAST.ETS (and its CELL("filename") text):
    no value of Excel's, so the cell and what reads it are listed, not kept."""
    wb, ws = data_book(tmp_path)
    ws["H1"] = "=_xlfn.FORECAST.ETS(5,B1:B4,{1,2,3,4})"
    ws["H2"] = "=H1*2"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"H1", b"0.0318678634007483"), stored(b"H2", b"0.0637357268014966"))
    patch(
        path,
        "docProps/app.xml",
        (
            rb"<Application>[^<]*</Application>",
            rb"<Application>LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application>",
        ),
    )
    got, file = recalculated(path, "incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", False), ("S!H2", False)]
    assert (got["S!H1"], got["S!H2"]) == (None, None)


def test_values_of_a_workbook_saved_in_manual_calculation_without_recalculating_are_not_kept(tmp_path: Path) -> None:
    """Formulas > Calculation Options > Manual, "Recalculate workbook before saving" off: the stored values may
    predate the inputs (SUM stored 20 where the inputs give 65), so FORECAST.ETS's stored value is no current one."""
    wb, ws = data_book(tmp_path)
    ws["H1"] = "=_xlfn.FORECAST.ETS(5,B1:B4,{1,2,3,4})"
    ws["H2"] = "=SUM(B1:B4)"
    ws["H3"] = "=H1*2"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"H1", b"99"), stored(b"H2", b"20"), stored(b"H3", b"198"))
    patch(path, "xl/workbook.xml", (rb"<calcPr ", rb'<calcPr calcMode="manual" calcOnSave="0" '))
    got, file = recalculated(path, "incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", False), ("S!H3", False)]
    assert (got["S!H1"], got["S!H2"], got["S!H3"]) == (None, 65, None)


def test_cli_import_into_recalc_exits_1_when_the_recalculation_is_incomplete(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "400"}

    def cli(*args: object) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "xl_retention", *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)

    assert cli("new", "t.xlsx", "--start", "2025-01", "--months", "4").returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    mine = wb.create_sheet("Mine")
    mine["A1"] = "=_xlfn.FORECAST.ETS(DATE(2025,5,1),Customers!D2:D4,Customers!A2:A4)"
    mine["A2"] = "=A1*2"
    wb.save(tmp_path / "t.xlsx")
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\nA,2025-01,10\nB,2025-02,20\nA,2025-02,10\n")
    result = cli("import", "--subscriptions", "s.csv", "--into", "t.xlsx", "--recalc")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "t.xlsx: 2 cells could not be recalculated (unsupported FORECAST.ETS)" in result.stdout
    assert "Mine!A2 not recalculated: reads Mine!A1 (FORECAST.ETS)" in result.stdout
    again = cli("recalc", "t.xlsx", "--engine", "embedded", "--output-dir", "o", "--json")
    assert again.returncode == 1
    assert [u["address"] for u in json.loads(again.stdout)["files"][0]["unsupported"]] == ["Mine!A1", "Mine!A2"]


# --- a #NAME? the engine gives for names that exist ---

# a LAMBDA named by LET, called where the name it reads (k) is bound again: Excel reads the outer k, 5+1 (a LAMBDA
# named by LET and called plainly is computed: test_recalc_let_bound_lambdas.py)
LET_LAMBDA = "=_xlfn.LET(_xlpm.k,1,_xlpm.f,_xlfn.LAMBDA(_xlpm.z,_xlpm.z+_xlpm.k),_xlfn.LET(_xlpm.k,2,_xlpm.f(A1)))"


def test_a_lambda_given_a_name_by_let_keeps_excels_stored_value(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["J1"], ws["J2"] = 5, LET_LAMBDA, "=J1*2"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"J1", b"6"), stored(b"J2", b"12"))
    got, file = recalculated(path, "ok")
    assert (got["S!J1"], got["S!J2"]) == (6, 12)
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [("S!J1", "LAMBDA", True)]
    assert file.unsupported[0].reason == "the embedded engine cannot call a LAMBDA given a name by LET"
    assert file.errors == []


def test_a_lambda_given_a_name_by_let_without_a_stored_value_is_unsupported_not_a_typo(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["J1"], ws["J2"] = 5, LET_LAMBDA, "=J1*2"
    # a function Excel does not have, no value stored (a script wrote the file): a misspelling or an add-in's UDF
    # (GET_MRR), which Excel computes where the add-in is loaded; cannot be known, so listed (H4 finding 06: it was
    # #NAME? with status ok), with the cell passing it on
    ws["K1"], ws["K2"] = "=SUMM(A1)", "=K1+1"
    ws["K3"] = "=_xlfn.LET(_xlpm.x,1,_xlpm.x+NoSuchName)"  # a name the workbook does not define
    path = tmp_path / "book.xlsx"
    wb.save(path)
    got, file = recalculated(path, "incomplete")
    assert sorted((u.address, u.function) for u in file.unsupported) == [
        ("S!J1", "LAMBDA"), ("S!J2", "LAMBDA"), ("S!K1", "SUMM"), ("S!K2", "SUMM")
    ]  # fmt: skip
    assert [(e.address, e.error) for e in file.errors] == [("S!K3", "#NAME?")]


def test_a_name_error_typed_in_as_a_value_passes_on_as_the_workbooks_error(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = "#NAME?", 1  # openpyxl stores it as an error value, as Excel does
    ws["B1"], ws["B2"], ws["B3"] = "=AND(A1,TRUE)", "=SUM(A1:A2)", "=_xlfn.IFNA(A1,0)"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    got, file = recalculated(path, "ok")
    assert (got["S!B1"], got["S!B2"], got["S!B3"]) == ("#NAME?", "#NAME?", "#NAME?")
    assert file.unsupported == [] and len(file.errors) == 3


# --- array members ---


@pytest.mark.parametrize("dynamic", [True, False], ids=["dynamic", "ctrl-shift-enter"])
def test_a_kept_array_result_gives_its_stored_members_to_the_cells_reading_them(tmp_path: Path, dynamic: bool) -> None:
    wb, ws = data_book(tmp_path)
    ws["G1"] = ArrayFormula("G1:G4", "=_xlfn.MAP(B1:B4+0,_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2))")
    ws["G2"], ws["G3"], ws["G4"] = 20, 40, 10  # Excel stores the spilled members as values
    ws["J1"], ws["J2"], ws["J3"] = "=SUM(G1:G4)", "=G1", "=G4*2"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"G1", b"60"), *([(rb'<c r="G1"', rb'<c r="G1" cm="1"')] if dynamic else []))
    got, file = recalculated(path, "ok")
    assert (got["S!J1"], got["S!J2"], got["S!J3"]) == (130, 60, 20)
    assert [got[f"S!G{i}"] for i in range(1, 5)] == [60, 20, 40, 10]
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!G1", True)]


def test_cells_reading_a_ctrl_shift_enter_arrays_padding_see_what_excel_shows_there(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, v in enumerate([5, 3, 9, 1, 7], start=1):
        ws.cell(i, 1).value = v
    ws["C1"] = ArrayFormula("C1:C5", "=A1:A3*2")  # three results over five cells: #N/A below
    ws["D3"] = ArrayFormula("D3:D4", "=A1*2")  # one result repeated
    ws["J1"], ws["J2"], ws["J3"], ws["J4"] = "=C4", "=C3", "=D4", "=SUM(D3:D4)"
    ws["J5"] = "=IFERROR(C5,-1)"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    got, file = recalculated(path, "ok")
    assert [got[f"S!J{i}"] for i in range(1, 6)] == ["#N/A", 18, 10, 20, -1]
    assert (got["S!C4"], got["S!D4"]) == ("#N/A", 10)


# --- formulas reading a cell's place, not its value ---


def test_cell_row_address_and_rows_of_the_formulas_own_cell_are_no_cycle(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A2"] = '=CELL("row",A2)'
    ws["A3"] = '=CELL("address",$A$3)&"/"&CELL("col",A3)'
    ws["A4"] = "=ROWS(A4:A6)*COLUMNS(A4:B4)"
    ws["B1"], ws["B2"] = 21, "=A2+A4"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    got, file = recalculated(path, "ok")
    assert (got["S!A2"], got["S!A3"], got["S!A4"], got["S!B2"]) == (2, "$A$3/1", 6, 8)
    assert file.unsupported == [] and file.errors == []


def test_the_sheet_name_idiom_keeps_excels_stored_path_and_is_no_cycle(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"] = '=MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255)'
    ws["B1"], ws["B2"] = '=A1&"!"', "=21*2"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, (rb'(<c r="A1")([^>]*>)(<f>[^<]*</f>)(?:<v ?/>)?', rb'\1 t="str"\2\3<v>S</v>'))
    got, file = recalculated(path, "ok")
    assert (got["S!A1"], got["S!B1"], got["S!B2"]) == ("S", "S!", 42)
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [("S!A1", "CELL", True)]
    wb.save(path.with_name("bare.xlsx"))  # no stored value (a script wrote it): computed from the file's own path
    got, file = recalculated(path.with_name("bare.xlsx"), "ok")
    assert (got["S!A1"], got["S!B1"], got["S!B2"]) == ("S", "S!", 42) and file.unsupported == []


# --- sheet-level names written with their sheet ---


def test_a_name_written_with_its_sheet_is_that_sheets_own_name(tmp_path: Path) -> None:
    """Rate is 0.1 for the workbook, 0.5 on S and 0.7 on O; Cell and Data are ranges with a sheet-level twin."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    other = wb.create_sheet("O")
    wb.defined_names["Rate"] = DefinedName("Rate", attr_text="0.1")
    ws.defined_names["Rate"] = DefinedName("Rate", attr_text="0.5")
    other.defined_names["Rate"] = DefinedName("Rate", attr_text="0.7")
    wb.defined_names["Cell"] = DefinedName("Cell", attr_text="S!$B$1")
    ws.defined_names["Cell"] = DefinedName("Cell", attr_text="S!$B$2")
    wb.defined_names["Data"] = DefinedName("Data", attr_text="S!$C$1:$C$2")
    ws.defined_names["Data"] = DefinedName("Data", attr_text="S!$B$1:$B$2")
    ws["B1"], ws["B2"], ws["C1"], ws["C2"] = 100, 200, 1, 2
    ws["A1"], ws["A2"], ws["A3"] = "=Rate*10", "=O!Rate*10", "=SUM(Data)"
    cells = {"A1": "=Rate*10", "A2": "=S!Rate*10", "A3": "=Cell", "A4": "=S!Cell", "A5": "=SUM(S!Data)"}
    cells["A6"] = "=SUM(Data)"
    for ref, formula in cells.items():
        other[ref] = formula
    path = tmp_path / "book.xlsx"
    wb.save(path)
    got, file = recalculated(path, "ok")
    assert [got[f"S!A{i}"] for i in range(1, 4)] == [5, 7, 300]
    assert [got[f"O!A{i}"] for i in range(1, 7)] == [7, 5, 100, 200, 300, 3]
    assert file.errors == [] and file.unsupported == []


# --- 3-D references ---


def three_d_book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, name in enumerate(["Jan", "Feb", "Mar"], start=1):
        wb.create_sheet(name)["B2"] = i * 10
    wb.create_sheet("Sheet 4")["B2"] = 1000
    ws["J1"], ws["J2"], ws["J3"] = "=SUM(Jan:Mar!B2)", "=SUM('Feb:Sheet 4'!B2)", "=1+1"
    ws["J4"], ws["J5"] = "=Jan:Mar!B2*2", "='Feb:Sheet 4'!B2*2"  # not an argument of SUM and the like
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_3d_references_are_summed_over_their_sheets_and_named_where_the_engine_cannot_read_them(
    tmp_path: Path,
) -> None:
    """SUM(Jan:Mar!B2) is each sheet's B2 in tab order; elsewhere the cell is unsupported, the reason naming the
    3-D reference (a quoted one was called an intersection operator, for the space in the sheet's name)."""
    from xl_retention.recalculation import embedded

    computed = embedded.compute(three_d_book(tmp_path))
    assert [computed.values["S"][ref] for ref in ("J1", "J2", "J3")] == [60, 1050, 2]
    assert [(u.ref, u.function, u.reason) for u in computed.unsupported] == [
        ("J4", "3-D reference", "the embedded engine cannot compute the reference across sheets Jan:Mar!B2 here"),
        ("J5", "3-D reference", "the embedded engine cannot compute the reference across sheets 'Feb:Sheet 4'!B2 here"),
    ]


def test_3d_references_are_written_as_their_sheets_in_tab_order_where_a_function_reads_them_alike() -> None:
    from xl_retention.recalculation.sheet_ranges import expand_sheet_ranges

    sheets = ["Summary", "Jan", "Feb", "Mar", "Sheet 4"]
    assert expand_sheet_ranges("=SUM(Jan:Mar!B2)", sheets) == "=SUM(Jan!B2,Feb!B2,Mar!B2)"
    assert expand_sheet_ranges("=SUM(Mar:Jan!B2)", sheets) == "=SUM(Jan!B2,Feb!B2,Mar!B2)"  # either order
    assert expand_sheet_ranges("=AVERAGE('Feb:Sheet 4'!$B$2:C3)", sheets) == (
        "=AVERAGE(Feb!$B$2:C3,Mar!$B$2:C3,'Sheet 4'!$B$2:C3)"
    )
    assert expand_sheet_ranges("=_xlfn.STDEV.S(Jan:Feb!B2, 1)", sheets) == "=_xlfn.STDEV.S(Jan!B2,Feb!B2, 1)"
    for unchanged in ("=Jan:Mar!B2*2", "=SUMIF(Jan:Mar!B2,1)", '=SUM("Jan:Mar!B2")', "=A1:B2"):
        assert expand_sheet_ranges(unchanged, sheets) == unchanged
    # no sheet Nov: Excel's #REF! (was left as it is, then listed as a 3-D reference; tests/test_recalc_three_d_missing)
    assert expand_sheet_ranges("=SUM(Jan:Nov!B2)", sheets) == "=SUM(#REF!)"


def test_a_lambda_defined_as_a_name_is_computed(tmp_path: Path) -> None:
    # was kept and listed; the rewrite now calls it in place (Double(3) is LET(x,3,x*2): tests/test_excel_leftovers4)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    wb.defined_names["Double"] = DefinedName("Double", attr_text="_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)")
    ws["A1"], ws["A2"] = "=Double(3)", "=A1+1"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"A1", b"6"), stored(b"A2", b"7"))
    got, file = recalculated(path, "ok")
    assert (got["S!A1"], got["S!A2"]) == (6, 7)
    assert file.unsupported == []


def test_cells_format_information_keeps_excels_stored_value(tmp_path: Path) -> None:
    """CELL("format"/"width"/...) reads the cell's format, which the engine cannot give (it answers #VALUE!); in
    the cell itself it is no circular reference."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["C1"] = '=CELL("format",A1)', '=CELL("width",C1)*2', 5
    ws["D1"] = "=B1+1"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(
        path,
        SHEET,
        (rb'(<c r="A1")([^>]*>)(<f>[^<]*</f>)(?:<v ?/>)?', rb'\1 t="str"\2\3<v>G</v>'),
        stored(b"B1", b"16"),
        stored(b"D1", b"17"),
    )
    got, file = recalculated(path, "ok")
    assert (got["S!A1"], got["S!B1"], got["S!D1"]) == ("G", 16, 17)
    assert [(u.address, u.function, u.reason, u.kept) for u in file.unsupported] == [
        ("S!A1", "CELL", 'the embedded engine cannot give CELL("format")', True),
        ("S!B1", "CELL", 'the embedded engine cannot give CELL("width")', True),
    ]


def test_a_kept_value_reading_today_is_not_kept_once_the_day_has_changed(tmp_path: Path) -> None:
    """A function the engine lacks keeps Excel's stored value only while its inputs are the ones Excel computed it
    from: TODAY() stored as 1 Jun 2025 is another day now, so a forecast from it (directly, or through a cell) has
    no current value; a volatile input whose value has not moved (RANDBETWEEN(5,5)) leaves it kept (H20 g03)."""
    wb, ws = data_book(tmp_path)
    ws["A6"] = "=TODAY()"
    ws["A7"] = "=RANDBETWEEN(5,5)"
    ws["D1"] = "=GET_FORECAST(A6+30)"  # through the TODAY() cell
    ws["D2"] = "=GET_FORECAST(TODAY()+30)"  # in its own formula
    ws["D3"] = "=D1*2"
    ws["D4"] = '=GET_MRR("2026-03")'  # no volatile input: kept
    ws["D5"] = "=GET_FX(A7)"  # a volatile input with the value stored: kept
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"A6", b"45809"), stored(b"A7", b"5"), stored(b"D1", b"300.5"), stored(b"D2", b"250"))
    patch(path, SHEET, stored(b"D3", b"601"), stored(b"D4", b"10000"), stored(b"D5", b"1.1"))
    got, file = recalculated(path, "incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [
        ("S!D1", False),
        ("S!D2", False),
        ("S!D4", True),
        ("S!D5", True),
        ("S!D3", False),
    ]
    reasons = {u.address: u.reason for u in file.unsupported}
    assert reasons["S!D1"].endswith("; it reads S!A6 (TODAY()), whose value has changed since Excel stored this one")
    assert reasons["S!D2"].endswith("; it calls TODAY(), whose value has changed since Excel stored this one")
    assert reasons["S!D3"].startswith("reads S!D1 (GET_FORECAST), which has no current value")
    assert [got[f"S!D{r}"] for r in range(1, 6)] == [None, None, None, 10000, 1.1]
    assert got["S!A7"] == 5 and got["S!A6"] > 45809


def test_an_iterative_loop_starts_from_excels_stored_values(tmp_path: Path) -> None:
    """With iterative calculation on, Excel iterates a loop from the values it stored: the time-stamp idiom
    =IF(A2<>"",IF(B2="",NOW(),B2),"") keeps the date it recorded (the engine, from blank cells, would write NOW()
    over it). Those cells keep Excel's value and are listed; a new row (no stored value) is stamped now; a loop
    converging to one limit (interest on the average balance) is computed (H20 g04)."""
    wb, ws = data_book(tmp_path)
    wb.calculation.iterate = True
    wb.calculation.iterateCount = 100
    wb.calculation.iterateDelta = 0.001
    for row in (2, 3, 4):
        ws[f"D{row}"] = "closed"
        ws[f"E{row}"] = f'=IF(D{row}<>"",IF(E{row}="",NOW(),E{row}),"")'
    ws["G1"] = 1000
    ws["H1"] = "=0.05*(G1+I1)/2"  # interest on the average balance
    ws["I1"] = "=G1+H1"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"E2", b"45000.5"), stored(b"E3", b"45100.25"))  # E4: a row closed since the save
    patch(path, SHEET, stored(b"H1", b"51.2819"), stored(b"I1", b"1051.2819"))
    got, file = recalculated(path, "ok")
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [
        ("S!E2", "circular reference", True),
        ("S!E3", "circular reference", True),
    ]
    assert (got["S!E2"], got["S!E3"]) == (45000.5, 45100.25)
    assert got["S!E4"] > 46000  # stamped at this recalculation
    assert abs(got["S!H1"] - 51.282051) < 0.01 and abs(got["S!I1"] - 1051.282051) < 0.01


def test_a_formula_the_engine_cannot_compute_is_listed_with_the_construct_it_lacks(tmp_path: Path) -> None:
    """Each listed cell names what the engine cannot do: a 3-D reference over whole columns, a name standing for a
    3-D reference, TEXT's conditional format; never only "this formula" (H20 g13). (COUNT(Jan:Feb!B:B) and SUM(Q1),
    listed here before, are computed since SUM, COUNT ... take them sheet by sheet: tests/test_recalc_three_d_names.)"""
    wb, ws = data_book(tmp_path)
    for name, value in (("Jan", 1), ("Feb", 2)):
        wb.create_sheet(name)["B2"] = value
    wb.defined_names["Q1"] = DefinedName("Q1", attr_text="Jan:Feb!$B$2")
    ws["E2"] = "=SUMPRODUCT(Jan:Feb!B:B)"
    ws["E3"] = "=Q1+1"
    ws["E4"] = '=TEXT(-1500,"[>=1000]#,##0,""K"";0")'  # a negative number under conditions: still listed
    path = tmp_path / "book.xlsx"
    wb.save(path)
    _, file = recalculated(path, "incomplete")
    reasons = {u.address: (u.function, u.reason) for u in file.unsupported}
    assert reasons["S!E2"] == (
        "3-D reference",
        "the embedded engine cannot compute the reference across sheets Jan:Feb!B:B here",
    )
    assert reasons["S!E3"] == (
        "3-D reference",
        "the name Q1 stands for Jan:Feb!$B$2: the embedded engine cannot compute the reference across sheets "
        "Jan:Feb!$B$2 here",
    )
    assert reasons["S!E4"] == ("TEXT", "the embedded engine cannot apply TEXT's conditional format [>=1000]")
