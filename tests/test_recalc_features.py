"""Batch recalculation of the workbook features users have (issue 12): every file gives Excel's values.

Each test builds a small workbook of its own (openpyxl, and where Excel's storage form differs from
openpyxl's, the sheet XML patched the way Excel writes it), recalculates it with the embedded engine
and reads the stored values back with openpyxl.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from libreoffice import render_pdf, soffice_path
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table, TableStyleInfo

import xl_retention
from xl_retention.recalculation import embedded, recalc, recalc_file


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", *map(str, args)], capture_output=True, text=True, timeout=120, env=env
    )


def patch(path: Path, part: str, *replacements: tuple[bytes, bytes]) -> Path:
    """Rewrite one part of the package at ``path`` (each old bytes must occur)."""
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == part:
                for old, new in replacements:
                    assert old in data, old
                    data = data.replace(old, new)
            out.writestr(info.filename, data)
    return path


def values(path: str | Path, sheet: str) -> dict[str, object]:
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        return {c.coordinate: c.value for row in wb[sheet].iter_rows() for c in row if c.value is not None}
    finally:
        wb.close()


def recalculated(path: Path, status: str = "ok") -> tuple[dict[str, object], object]:
    report = recalc(path, engine="embedded", output_dir=path.parent / "out")
    file = report.files[0]
    assert file.status == status, file.message
    return values(file.output, openpyxl.load_workbook(path).sheetnames[0]), file


def book(tmp_path: Path, cells: dict[str, object], title: str = "S", name: str = "book.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for ref, value in cells.items():
        ws[ref] = value
    path = tmp_path / name
    wb.save(path)
    return path


# --- item 1: empty sheets ---------------------------------------------------------------------------------------------


def test_an_empty_sheet_is_skipped_and_the_rest_recalculated(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": 21, "B1": "=A1*2"}, title="Data")
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Notes")
    wb.save(path)
    got, _ = recalculated(path)
    assert got == {"A1": 21, "B1": 42}


def test_a_workbook_of_one_empty_sheet_is_ok_with_nothing_to_compute(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    report = recalc(path, engine="embedded", output_dir=tmp_path / "out")
    assert (report.files[0].status, report.files[0].formulas) == ("ok", 0)


def test_formulas_far_apart_on_a_sheet_are_all_computed(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": 2, "B1": "=A1*2", "XFD1048576": "=B1+1", "C5": "=SUM(A1:A3)"})
    file = recalc(path, engine="embedded", output_dir=tmp_path / "out").files[0]
    sheet = openpyxl.load_workbook(file.output, data_only=True)["S"]
    assert (sheet["B1"].value, sheet["XFD1048576"].value, sheet["C5"].value, file.formulas) == (4, 5, 2, 3)


# --- item 2: times ----------------------------------------------------------------------------------------------------


def test_a_time_result_is_stored_as_excels_fraction_of_a_day(tmp_path: Path) -> None:
    got, _ = recalculated(book(tmp_path, {"A1": "=TIME(14,30,0)", "B1": "=A1*24", "C1": '=TIMEVALUE("6:00")'}))
    wb = openpyxl.load_workbook(tmp_path / "out" / "book.xlsx", data_only=True)
    assert wb["S"]["A1"].value == 14.5 / 24 and got["B1"] == 14.5 and wb["S"]["C1"].value == 0.25


def test_dates_follow_the_1904_date_system_when_the_workbook_uses_it(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=DATE(2024,1,1)", "B1": "=A1+1"})
    patch(path, "xl/workbook.xml", (b"<workbookPr />", b'<workbookPr date1904="1" />'))
    got, _ = recalculated(path)
    assert (got["A1"], got["B1"]) == (43830, 43831)  # 1900 system: 45292


# --- item 3: cycles -------------------------------------------------------------------------------------------------


def test_a_reference_in_a_choose_branch_not_taken_is_no_cycle(tmp_path: Path) -> None:
    got, _ = recalculated(book(tmp_path, {"A1": '=CHOOSE(2,A1,"Not a cycle")', "B1": 1, "C1": "=B1*3"}))
    assert (got["A1"], got["C1"]) == ("Not a cycle", 3)


def test_index_to_index_over_its_own_row_is_no_cycle(tmp_path: Path) -> None:
    cells = {"A1": 1, "B1": 2, "C1": 3, "A2": 30}
    cells["B2"] = "=SUM(INDEX($A$2:$C$2,1,1):INDEX($A$2:$C$2,1,B1-1))"
    cells["C2"] = "=SUM(INDEX($A$2:$C$2,1,1):INDEX($A$2:$C$2,1,C1-1))"
    got, _ = recalculated(book(tmp_path, cells))
    assert (got["B2"], got["C2"]) == (30, 60)


def test_a_true_cycle_is_refused_naming_its_cells(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=B1+1", "B1": "=A1+1", "C1": "=5"})
    file = recalc(path, engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "failed" and file.output is None
    assert file.message == "book.xlsx: circular reference: S!A1, S!B1"


def test_a_cycle_is_named_by_the_cells_of_its_loop_not_the_cells_reading_it(tmp_path: Path) -> None:
    # A1 -> B1 -> C1 -> A1, and 40 cells reading C1: Excel's Circular References list names A1, B1, C1
    cells: dict[str, object] = {"A1": "=B1+1", "B1": "=C1*2", "C1": "=A1"}
    cells.update({f"D{row}": "=C1+1" for row in range(2, 42)})
    file = recalc(book(tmp_path, cells), engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.message == "book.xlsx: circular reference: S!A1, S!B1, S!C1"
    itself = recalc(book(tmp_path, {"A1": "=A1+1", "B1": "=A1*2"}, name="self.xlsx"), output_dir=tmp_path / "o2")
    assert itself.files[0].message == "self.xlsx: circular reference: S!A1"


def test_a_cycle_iterates_when_the_workbook_turns_iterative_calculation_on(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=B1/2+1", "B1": "=A1"})  # converges to 2
    patch(path, "xl/workbook.xml", (b"<calcPr ", b'<calcPr iterate="1" iterateCount="100" iterateDelta="0.000001" '))
    got, _ = recalculated(path)
    assert got["A1"] == pytest.approx(2, abs=1e-5) and got["B1"] == pytest.approx(2, abs=1e-5)


# --- items 4 and 8: what the engine cannot compute --------------------------------------------------------------------


def unsupported_book(tmp_path: Path) -> Path:
    """A1 uses FORECAST.ETS (not in the engine), with Excel's stored value 130; B1 depends on it; C1 is 1/0."""
    path = book(tmp_path, {"A1": "=_xlfn.FORECAST.ETS(4,D1:D3,E1:E3)", "B1": "=A1+1", "C1": "=1/0"})
    wb = openpyxl.load_workbook(path)
    for i, (d, e) in enumerate([(10, 1), (20, 2), (30, 3)], start=1):
        wb["S"][f"D{i}"], wb["S"][f"E{i}"] = d, e
    wb.save(path)
    return patch(
        path,
        "xl/worksheets/sheet1.xml",
        (b"<f>_xlfn.FORECAST.ETS(4,D1:D3,E1:E3)</f><v />", b"<f>_xlfn.FORECAST.ETS(4,D1:D3,E1:E3)</f><v>130</v>"),
    )


def test_an_unsupported_function_keeps_the_stored_value_and_is_reported_apart_from_the_users_errors(
    tmp_path: Path,
) -> None:
    """Excel's stored answer is kept (the file is ok: every value in it is Excel's), and the cell is named."""
    got, file = recalculated(unsupported_book(tmp_path), status="ok")
    assert got["A1"] == 130 and got["B1"] == 131  # the dependent is computed from the kept value
    assert got["C1"] == "#DIV/0!"
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [("S!A1", "FORECAST.ETS", True)]
    assert file.unsupported[0].reason == "unsupported function FORECAST.ETS"
    assert [(e.address, e.error) for e in file.errors] == [("S!C1", "#DIV/0!")]  # the workbook's own error
    assert file.message == "S.xlsx: 1 cell keeps the value Excel stored (unsupported FORECAST.ETS)".replace(
        "S.xlsx", Path(file.path).name
    )


def test_an_unsupported_function_without_a_current_stored_value_makes_the_file_incomplete(tmp_path: Path) -> None:
    """After a program wrote inputs (import --into --recalc), the stored answer may be stale: not ok, and said so."""
    path = unsupported_book(tmp_path)
    file = recalc_file(path, tmp_path / "out.xlsx", engine="embedded", stored_current=False)
    assert file.status == "incomplete"
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [
        ("S!A1", "FORECAST.ETS", False),
        ("S!B1", "FORECAST.ETS", False),  # =A1+1 reads the stale value: not recalculated either
    ]
    assert "2 cells could not be recalculated (unsupported FORECAST.ETS)" in file.message


def test_an_unsupported_function_with_no_stored_value_makes_the_file_incomplete(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=_xlfn.FORECAST.ETS(4,D1:D3,E1:E3)", "D1": 1, "E1": 1})
    got, file = recalculated(path, status="incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!A1", False)]


def test_cli_an_incomplete_file_exits_non_zero_and_names_the_cell_and_function(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=_xlfn.FORECAST.ETS(4,D1:D3,E1:E3)", "D1": 1, "E1": 1})
    result = run_cli("recalc", path, "--engine", "embedded", "--output-dir", tmp_path / "out", "--json")
    assert result.returncode == 1
    file = json.loads(result.stdout)["files"][0]
    assert file["status"] == "incomplete"
    assert file["unsupported"][0]["address"] == "S!A1" and file["unsupported"][0]["function"] == "FORECAST.ETS"


def test_cli_a_file_whose_unsupported_cells_keep_excels_values_is_ok_and_names_them(tmp_path: Path) -> None:
    result = run_cli("recalc", unsupported_book(tmp_path), "--engine", "embedded", "--output-dir", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "S!A1 kept the value Excel stored: unsupported function FORECAST.ETS" in result.stdout


def test_an_engine_internal_error_is_a_cell_finding_in_words_not_a_failed_file(tmp_path: Path) -> None:
    """The engine cannot intersect a function's result with a range: that cell keeps its stored value."""
    path = book(tmp_path, {"A1": 1, "B1": 2, "A2": 3, "B2": 4, "D1": '=SUM(INDIRECT("A1:B2") B1:C3)', "D2": "=A1+1"})
    patch(path, "xl/worksheets/sheet1.xml", (b"B1:C3)</f><v />", b"B1:C3)</f><v>6</v>"))
    got, file = recalculated(path, status="ok")  # Excel's stored 6 is kept: every value in the output is right
    assert (got["D1"], got["D2"]) == (6, 2)
    assert [(u.address, u.function, u.reason) for u in file.unsupported] == [
        ("S!D1", "intersection operator", "the embedded engine cannot intersect these ranges (a space between them)")
    ]
    assert "#NIMPL" not in file.message and file.errors == []


def test_a_na_the_formula_asks_for_is_a_chart_gap_not_an_error(tmp_path: Path) -> None:
    cells = {"A1": "k", "B1": 1, "C1": "=IF(ISNUMBER(D1),D1,NA())", "C2": "=NA()", "C3": '=VLOOKUP("zz",A1:B1,2,FALSE)'}
    cells["C4"] = '=IF(C1="NA()",1,NA())'
    got, file = recalculated(book(tmp_path, cells))
    assert (got["C1"], got["C2"], got["C3"], got["C4"]) == ("#N/A", "#N/A", "#N/A", "#N/A")
    assert [(e.address, e.error) for e in file.errors] == [("S!C3", "#N/A")]  # a lookup that found nothing


def test_a_misspelt_function_without_a_stored_value_is_listed_not_a_name_error(tmp_path: Path) -> None:
    # no value stored (a script wrote the file): a misspelling or an add-in's UDF cannot be told apart, and Excel
    # computes a UDF where it is loaded, so the cell is listed (H4 finding 06); Excel's own stored #NAME? of a typo
    # stays the workbook's error (tests/test_recalc_udf_without_value.py)
    path = book(tmp_path, {"A1": "=SUMM(1,2)"})
    file = recalc(path, engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "incomplete" and file.errors == []
    assert [(u.address, u.function) for u in file.unsupported] == [("S!A1", "SUMM")]


def test_overflow_to_infinity_is_stored_as_num(tmp_path: Path) -> None:
    got, _ = recalculated(book(tmp_path, {"A1": "=1E308*10", "B1": "=SQRT(-1)"}))
    assert (got["A1"], got["B1"]) == ("#NUM!", "#NUM!")


def test_a_workbook_beyond_the_readers_limit_is_refused_in_one_line_naming_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XL_RETENTION_MAX_XML_MB", "0.0001")  # about 100 bytes
    file = recalc(book(tmp_path, {"A1": "=1+1"}), engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "failed"
    assert file.message == (
        "book.xlsx is too large for the embedded engine: its XML unpacks to more than 0.0001 MB "
        "(the limit; set XL_RETENTION_MAX_XML_MB to raise it, or use --engine excel)"
    )
    monkeypatch.setenv("XL_RETENTION_MAX_XML_MB", "")  # declared but empty: the default
    assert recalc(book(tmp_path, {"A1": "=1+1"}), output_dir=tmp_path / "out2").files[0].status == "ok"
    for bad in ("abc", "-1", "0", "nan"):
        monkeypatch.setenv("XL_RETENTION_MAX_XML_MB", bad)
        with pytest.raises(ValueError) as caught:  # once for the batch, not as each file's failure
            recalc(book(tmp_path, {"A1": "=1+1"}), engine="embedded", output_dir=tmp_path / "out3")
        assert str(caught.value) == f"XL_RETENTION_MAX_XML_MB must be a positive number of megabytes, got {bad!r}"


def test_excel_error_codes_pass_on_and_text_arguments_are_value_errors(tmp_path: Path) -> None:
    cells = {"A1": "a", "B1": 1, "A2": "b", "B2": 2, "A3": "=1/0", "D1": "=VLOOKUP(A3,A1:B2,2)"}
    cells.update({"D2": '=AVERAGE("Hola")', "D3": '=SMALL("Hello",1)'})
    got, _ = recalculated(book(tmp_path, cells))
    assert (got["A3"], got["D1"], got["D2"], got["D3"]) == ("#DIV/0!", "#DIV/0!", "#VALUE!", "#VALUE!")


# --- item 6: arrays ---------------------------------------------------------------------------------------------------


def test_a_legacy_array_formula_recomputes_its_stale_member_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i in (1, 2, 3):
        ws[f"A{i}"] = i
    ws["B1"] = ArrayFormula("B1:B3", "=A1:A3*10")
    ws["B2"], ws["B3"] = 999, 999  # stale values of the members, as after inputs changed outside Excel
    wb.save(tmp_path / "array.xlsx")
    got, _ = recalculated(tmp_path / "array.xlsx")
    assert [got["B1"], got["B2"], got["B3"]] == [10, 20, 30]


def regions_book(tmp_path: Path, dynamic: bool) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for i, (region, amount) in enumerate([("EU", 10), ("US", 20), ("EU", 30), ("APAC", 40), ("US", 50)], start=2):
        ws[f"B{i}"], ws[f"C{i}"] = region, amount
    ws["D2"] = ArrayFormula("D2:D4", "=_xlfn.UNIQUE(B2:B6)")
    ws["F2"] = ArrayFormula("F2:F6", "=_xlfn._xlws.SORT(C2:C6,1,-1)")
    for i, region in enumerate(["US", "APAC"], start=3):
        ws[f"D{i}"] = region  # members stored as plain values, as Excel stores them
    for i, amount in enumerate([40, 30, 20, 10], start=3):
        ws[f"F{i}"] = amount
    ws["H2"] = "=COUNTA(D2:D4)"
    path = tmp_path / ("dynamic.xlsx" if dynamic else "cse.xlsx")
    wb.save(path)
    if dynamic:  # Excel 365 marks dynamic arrays with cell metadata
        patch(
            path, "xl/worksheets/sheet1.xml", (b'<c r="D2"', b'<c r="D2" cm="1"'), (b'<c r="F2"', b'<c r="F2" cm="1"')
        )
    return path


@pytest.mark.parametrize("dynamic", [True, False], ids=["dynamic", "ctrl-shift-enter"])
def test_excel_saved_arrays_compute_instead_of_spill_errors(tmp_path: Path, dynamic: bool) -> None:
    got, _ = recalculated(regions_book(tmp_path, dynamic))
    assert [got[f"D{i}"] for i in (2, 3, 4)] == ["EU", "US", "APAC"]
    assert [got[f"F{i}"] for i in range(2, 7)] == [50, 40, 30, 20, 10]
    assert got["H2"] == 3


def test_a_dynamic_array_that_grew_spills_further_and_its_range_follows(tmp_path: Path) -> None:
    path = regions_book(tmp_path, dynamic=True)
    wb = openpyxl.load_workbook(path)
    wb["Data"]["B7"], wb["Data"]["C7"] = "LATAM", 60  # a 4th region since Excel saved the file
    wb.save(path)
    patch(path, "xl/worksheets/sheet1.xml", (b'<c r="D2"', b'<c r="D2" cm="1"'), (b"UNIQUE(B2:B6)", b"UNIQUE(B2:B7)"))
    got, file = recalculated(path)
    assert [got.get(f"D{i}") for i in range(2, 7)] == ["EU", "US", "APAC", "LATAM", None]
    with zipfile.ZipFile(file.output) as package:
        assert b'<f t="array" ref="D2:D5">_xlfn.UNIQUE(B2:B7)</f>' in package.read("xl/worksheets/sheet1.xml")


def test_a_ctrl_shift_enter_array_larger_than_its_result_repeats_a_column_and_shows_na(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = 1, 2
    ws["C1"] = ArrayFormula("C1:D3", "=A1:A2*10")  # a 2x1 result entered over 3x2 cells
    wb.save(tmp_path / "cse.xlsx")
    got, _ = recalculated(tmp_path / "cse.xlsx")
    assert [[got[f"{c}{r}"] for c in "CD"] for r in (1, 2, 3)] == [[10, 10], [20, 20], ["#N/A", "#N/A"]]


def test_a_volatile_array_member_stored_with_an_empty_formula_is_computed(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["D1"] = 7, 8, "=A1+A2"
    ws["B1"] = ArrayFormula("B1:B2", "=OFFSET(A1,0,0,2,1)")
    ws["B2"] = 1
    wb.save(tmp_path / "volatile.xlsx")
    patch(
        tmp_path / "volatile.xlsx",
        "xl/worksheets/sheet1.xml",
        (b'<c r="B2" t="n"><v>1</v>', b'<c r="B2" t="n"><f ca="1"/><v>1</v>'),
    )
    got, _ = recalculated(tmp_path / "volatile.xlsx")
    assert (got["B1"], got["B2"], got["D1"]) == (7, 8, 15)


def test_spilled_results_are_stored_in_every_cell_they_cover(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for i, row in enumerate([(535, 75, 500), (90, 30, 70), (110, 10, 100)], start=1):
        ws[f"A{i}"], ws[f"B{i}"], ws[f"C{i}"] = row
    ws["E1"] = ArrayFormula("E1:E3", "=CRR(A1:A3,B1:B3,C1:C3)")
    ws["G1"] = ArrayFormula("G1:G3", "=_xlfn.SEQUENCE(3)")
    ws["H1"] = "=SUM(E1:E3)"
    wb.save(tmp_path / "spill.xlsx")
    patch(
        tmp_path / "spill.xlsx",
        "xl/worksheets/sheet1.xml",
        (b'<c r="E1"', b'<c r="E1" cm="1"'),
        (b'<c r="G1"', b'<c r="G1" cm="1"'),
    )
    got, _ = recalculated(tmp_path / "spill.xlsx")
    assert [got["E1"], got["E2"], got["E3"]] == [0.92, 60 / 70, 1.0]
    assert [got["G1"], got["G2"], got["G3"]] == [1, 2, 3]
    assert got["H1"] == 0.92 + 60 / 70 + 1.0


def test_pandas_reads_every_cell_of_a_ctrl_shift_enter_crr_array(tmp_path: Path) -> None:
    import pandas as pd

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Month", "Start", "Gained", "End", "CRR"])
    for i, start in enumerate(range(500, 620, 20)):
        ws.append([f"2024-{i + 1:02d}", start, 40, start + 20])
    ws["E2"] = ArrayFormula("E2:E7", "=CRR(D2:D7,C2:C7,B2:B7)")
    wb.save(tmp_path / "crr.xlsx")
    file = recalc(tmp_path / "crr.xlsx", engine="embedded", output_dir=tmp_path / "out").files[0]
    crr = pd.read_excel(file.output)["CRR"].tolist()
    assert crr == [(s + 20 - 40) / s for s in range(500, 620, 20)]


# --- item 7: workbook features ----------------------------------------------------------------------------------------


def test_structured_references_to_an_excel_table(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sales"
    ws.append(["Customer", "Amount", "Double"])
    for customer, amount in [("a", 10), ("b", 20), ("c", 30)]:
        ws.append([customer, amount, "=Table1[[#This Row],[Amount]]*2"])
    table = Table(displayName="Table1", ref="A1:C4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9")
    ws.add_table(table)
    ws["E1"], ws["E2"], ws["E3"] = "=SUM(Table1[Amount])", "=SUM(Table1)", "=ROWS(Table1)"
    ws["E4"], ws["E5"] = "=SUBTOTAL(109,Table1[Amount])", "=SUM(Table1[[#All],[Amount]])"
    ws["E6"] = "=COUNTA(Table1[#Headers])"
    wb.save(tmp_path / "table.xlsx")
    got, _ = recalculated(tmp_path / "table.xlsx")
    assert [got["C2"], got["C3"], got["C4"]] == [20, 40, 60]
    assert [got[f"E{i}"] for i in range(1, 7)] == [60, 180, 3, 60, 60, 3]


def test_this_row_shorthand_inside_the_table(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws.append(["Region", "Amount", "Twice"])
    ws.append(["N", 10, "=[@Amount]*2"])
    ws.append(["S", 32, "=[@Amount]*2"])
    ws.add_table(Table(displayName="Sales", ref="A1:C3"))
    ws["E1"] = "=SUM(Sales[Amount])"
    wb.save(tmp_path / "sales.xlsx")
    got, _ = recalculated(tmp_path / "sales.xlsx")
    assert (got["C2"], got["C3"], got["E1"]) == (20, 64, 42)


def test_the_range_intersection_operator(tmp_path: Path) -> None:
    cells = {f"{c}{r}": 10 * r + i for r in (1, 2, 3) for i, c in enumerate("ABC", start=1)}
    cells["E1"], cells["E2"] = "=SUM(A1:C3 B2:D4)", "=SUM(A1:A3 C1:C3)"
    got, _ = recalculated(book(tmp_path, cells))
    assert (got["E1"], got["E2"]) == (110, "#NULL!")


def test_the_intersection_of_two_named_ranges(tmp_path: Path) -> None:
    """Months = B1:D3 by column (Jan, Feb, Mar), Regions by row: =Feb North is the cell both name."""
    cells = {f"{c}{r}": 10 * r + i for r in (1, 2, 3) for i, c in enumerate("BCD", start=1)}
    cells["F1"] = "=Feb North"
    path = book(tmp_path, cells)
    wb = openpyxl.load_workbook(path)
    wb.defined_names["Feb"] = DefinedName("Feb", attr_text="S!$C$1:$C$3")
    wb.defined_names["North"] = DefinedName("North", attr_text="S!$B$2:$D$2")
    wb.save(path)
    got, _ = recalculated(path)
    assert got["F1"] == 22


def test_implicit_intersection_in_classic_formulas(tmp_path: Path) -> None:
    cells = {"A1": 1, "A2": 2, "A3": 3, "B1": 10, "B2": 20, "B3": 30}
    cells.update({"D2": "=A1:A3+B1:B3", "E3": "=B1:B3*2", "F2": "=SUM(A1:A3)", "D5": "=A1:A3*2"})
    got, _ = recalculated(book(tmp_path, cells))
    assert (got["D2"], got["E3"], got["F2"], got["D5"]) == (22, 60, 6, "#VALUE!")


def test_a_defined_name_used_as_one_value_is_intersected_and_index_ranges_over_its_own_row(tmp_path: Path) -> None:
    """Indice = A1:D1 (a row of counts), Liste = A2:D2: =SUM(INDEX(Liste,1,1):INDEX(Liste,1,Indice-1)) in B2
    takes Indice's cell in its own column (B1), as Excel does in a classic formula."""
    cells = {"A1": 1, "B1": 2, "C1": 3, "D1": 4, "A2": 30}
    for column in "BCD":
        cells[f"{column}2"] = "=SUM(INDEX(Liste,1,1):INDEX(Liste,1,Indice-1))"
    path = book(tmp_path, cells)
    wb = openpyxl.load_workbook(path)
    wb.defined_names["Indice"] = DefinedName("Indice", attr_text="S!$A$1:$D$1")
    wb.defined_names["Liste"] = DefinedName("Liste", attr_text="S!$A$2:$D$2")
    wb.save(path)
    got, _ = recalculated(path)
    assert (got["B2"], got["C2"], got["D2"]) == (30, 60, 120)


def test_lambda_called_in_place_and_let(tmp_path: Path) -> None:
    cells = {"A1": "=_xlfn.LAMBDA(_xlpm.x,_xlpm.x+1)(2)", "B1": 5, "C1": "=B1+1", "D1": "=CRR(120,30,100)"}
    cells["E1"] = "=_xlfn.LET(_xlpm.a,2,_xlpm.a*3)"
    got, _ = recalculated(book(tmp_path, cells))
    assert (got["A1"], got["C1"], got["D1"], got["E1"]) == (3, 6, 0.9, 6)


def test_a_what_if_data_table_is_computed(tmp_path: Path) -> None:
    path = book(tmp_path, {"B1": "=E1*100", "D1": "=SUM(B1:B3)", "E1": 0.1, "A2": 0.2, "A3": 0.3, "B2": 0, "B3": 0})
    patch(
        path,
        "xl/worksheets/sheet1.xml",
        (
            b'<c r="B2" t="n"><v>0</v></c>',
            b'<c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="E1"/><v>0</v></c>',
        ),
    )
    got, _ = recalculated(path)
    assert (got["B1"], got["B2"], got["B3"], got["D1"], got["E1"]) == (10, 20, 30, 60, 0.1)


def test_an_external_link_is_computed_from_the_copy_the_file_holds(tmp_path: Path) -> None:
    """=[1]Data!A1*2 where the linked book (not present) had 40 in Data!A1 when Excel last saved the file; a sheet
    name with a space is quoted with its link number, as Excel stores it: '[1]Q1 data'!$A$1:$A$2 (H20 g08)."""
    path = book(tmp_path, {"A1": "=[1]Data!A1*2", "B1": "=A1+1", "C1": "=SUM('[1]Q1 data'!$A$1:$A$2)+B1"})
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    patch(
        path,
        "xl/workbook.xml",
        (b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rId99"/></externalReferences>'),
    )
    patch(
        path,
        "xl/_rels/workbook.xml.rels",
        (
            b"</Relationships>",
            f'<Relationship Id="rId99" Type="{rel}/externalLink" '
            'Target="externalLinks/externalLink1.xml"/></Relationships>'.encode(),
        ),
    )
    patch(
        path,
        "[Content_Types].xml",
        (
            b"</Types>",
            b'<Override PartName="/xl/externalLinks/externalLink1.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
        ),
    )
    with zipfile.ZipFile(path, "a") as package:
        package.writestr(
            "xl/externalLinks/externalLink1.xml",
            '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'xmlns:r="{rel}"><externalBook r:id="rId1"><sheetNames><sheetName val="Data"/>'
            '<sheetName val="Q1 data"/></sheetNames>'
            '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>40</v></cell></row></sheetData>'
            '<sheetData sheetId="1"><row r="1"><cell r="A1"><v>1</v></cell></row>'
            '<row r="2"><cell r="A2"><v>2</v></cell></row></sheetData>'
            "</sheetDataSet></externalBook></externalLink>",
        )
        package.writestr(
            "xl/externalLinks/_rels/externalLink1.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            f'Id="rId1" Type="{rel}/externalLinkPath" Target="other.xlsx" TargetMode="External"/></Relationships>',
        )
    got, _ = recalculated(path)
    assert (got["A1"], got["B1"], got["C1"]) == (80, 81, 84)


# --- item 10: races ---------------------------------------------------------------------------------------------------


def test_in_place_does_not_replace_a_file_saved_by_another_program_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book(tmp_path, {"A1": 2, "B1": "=A1*2"})
    newer = book(tmp_path, {"A1": 5, "B1": "=A1*3"}, name="newer.xlsx").read_bytes()
    compute = embedded.compute

    def compute_while_someone_saves(source: Path) -> embedded.Computed:
        result = compute(source)
        Path(source).write_bytes(newer)  # another program saves the workbook during the run
        return result

    monkeypatch.setattr(embedded, "compute", compute_while_someone_saves)
    file = recalc_file(path, path, engine="embedded", in_place=True)
    assert file.status == "failed"
    assert (
        file.message == "book.xlsx changed on disk during the recalculation (saved by another program?): "
        "not replaced; recalculate it again"
    )
    assert path.read_bytes() == newer
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx", "newer.xlsx"]  # no temporary file left


# --- issue 11 item 5: what LibreOffice shows of the stored values ----------------------------------------------------


@pytest.mark.skipif(soffice_path() is None or shutil.which("pdftotext") is None, reason="needs LibreOffice, pdftotext")
def test_libreoffice_keeps_stored_numbers_and_text_and_computes_guarded_blanks(tmp_path: Path) -> None:
    """LibreOffice keeps a stored number or text (it lacks CRR); a blank or an error it recomputes, so a month
    without data must be blank by logic it can compute: IF(COUNT(...)=0,"",CRR(...)) (see xlsx_values)."""
    cells = {"A1": 535, "B1": 75, "C1": 500, "D1": "=CRR(A1,B1,C1)", "E1": '=IF(D1>0.9,"kept text","low")'}
    cells.update({"A2": "row 2", "D2": '=IF(COUNT(A3,B3,C3)=0,"",CRR(A3,B3,C3))', "E2": "=1/0"})
    file = recalc(book(tmp_path, cells), engine="embedded", output_dir=tmp_path / "out").files[0]
    pdf = render_pdf(file.output, tmp_path / "pdf", recalculate=False)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.split() == ["535", "75", "500", "0.92", "kept", "text", "row", "2", "#DIV/0!"]


# --- cases 18 to 20: arguments and booleans ---------------------------------------------------------------------------


def test_cli_jobs_below_zero_is_a_usage_error_naming_jobs(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=1+1"})
    result = run_cli("recalc", path, "--jobs", "-1", "--output-dir", tmp_path / "out")
    assert result.returncode == 2 and "argument --jobs: must be 0 or more" in result.stderr
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="jobs must be a whole number 0 or more"):
        recalc(path, engine="embedded", jobs=-1)


@pytest.mark.parametrize("value", ["no", "false", 0, 1, 0.0001, None])
def test_in_place_other_than_true_or_false_is_refused_and_the_file_kept(tmp_path: Path, value: object) -> None:
    # "no" or 0.0001 used to replace the input (anything truthy did), "false" too
    path = book(tmp_path, {"A1": "=1+1"})
    before = path.read_bytes()
    with pytest.raises(ValueError, match=re.escape(f"in_place must be True or False, got {value!r}")):
        recalc(path, engine="embedded", in_place=value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_output_dir_not_a_path_is_refused_naming_it(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=1+1"})
    message = "output_dir must be a folder's path (text or a Path) or None, got 5"
    with pytest.raises(ValueError, match=re.escape(message)):
        recalc(path, engine="embedded", output_dir=5)


def test_progress_not_a_function_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = book(tmp_path, {"A1": "=1+1"})
    message = "progress must be a function called with each file's report, or None, got 5"
    with pytest.raises(ValueError, match=re.escape(message)):
        recalc(path, engine="embedded", output_dir=tmp_path / "out", progress=5)
    assert not (tmp_path / "out").exists()


def test_cli_new_refuses_a_start_before_1900(tmp_path: Path) -> None:
    result = run_cli("new", tmp_path / "tracker.xlsx", "--start", "1899-12", "--months", "3")
    assert result.returncode == 2
    assert "argument --start: can be no earlier than 1900-01 (Excel's first date), got '1899-12'" in result.stderr
    assert not (tmp_path / "tracker.xlsx").exists()


def test_booleans_among_nps_scores_are_value_errors(tmp_path: Path) -> None:
    cells = {"A1": True, "A2": 10, "A3": 9, "B1": "=NPS(A1:A3)", "B3": "=NPS_BREAKDOWN(A1:A3)", "C1": "=AVERAGE(A1:A3)"}
    got, _ = recalculated(book(tmp_path, cells))
    assert (got["B1"], got["B3"], got["C1"]) == ("#VALUE!", "#VALUE!", 9.5)
    with pytest.raises(xl_retention.NotANumberError, match="got True at position 0"):
        xl_retention.nps([True, 10, 9])
    with pytest.raises(xl_retention.NotANumberError):
        xl_retention.nps([[10], [False]])
    assert xl_retention.nps([10, 9, 0]) == 100 / 3


def test_rewritten_formulas_filled_down_columns_each_get_their_own_rows_values(tmp_path: Path) -> None:
    """Rewritten formulas (here the 15-digit comparison of IF) are set a column's run of rows at a time: every row
    keeps its own formula, across gaps in the column and neighbouring columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r in range(2, 9):
        ws[f"A{r}"] = "=0.1+0.2" if r % 2 == 0 else 0.3 + r / 100
        if r != 5:  # a gap in the column: two runs
            ws[f"B{r}"] = f'=IF(A{r}=0.3,"equal {r}","other {r}")'
        ws[f"C{r}"] = f"=IF(A{r}<>0.3,{r},-{r})"
    path = tmp_path / "runs.xlsx"
    wb.save(path)
    got, _ = recalculated(path)
    assert [got.get(f"B{r}") for r in range(2, 9)] == [
        "equal 2",
        "other 3",
        "equal 4",
        None,
        "equal 6",
        "other 7",
        "equal 8",
    ]
    assert [got[f"C{r}"] for r in range(2, 9)] == [-2, 3, -4, 5, -6, 7, -8]
