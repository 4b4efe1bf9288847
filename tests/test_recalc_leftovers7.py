"""Recalculation leftovers of the seventh round (H48): the embedded engine against Excel on analysts' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet as _recalc
from openpyxl.chart import BarChart, Reference
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def test_a_name_defined_as_a_whole_number_is_that_number_in_every_row(tmp_path: Path) -> None:
    # Months = 12 is a constant, not a relative row reference: it was moved by the using cell's row (=Months in row 23
    # gave 34, =Months*Pct in row 2 gave 3.25, =Big+0 in row 26 gave 1525) with status ok.
    names = {"Months": "12", "Pct": "0.25", "Big": "1500"}
    cells: dict[str, object] = {"C23": "=Months", "C2": "=Months*Pct", "C26": "=Big+0", "C1": "=SUM(A1:A3)*Months"}
    cells.update({"A1": 1, "A2": 2, "A3": 3})
    result, values = _recalc(tmp_path, cells, names=names)
    assert result.status == "ok", result.message
    assert values["C23"] == 12
    assert values["C2"] == 3
    assert values["C26"] == 1500
    assert values["C1"] == 72


def test_xnpv_and_xirr_refuse_a_payment_dated_before_the_first_date(tmp_path: Path) -> None:
    # Microsoft's XNPV/XIRR pages: "If any number in dates precedes the starting date", #NUM!. Cash flows not sorted
    # (the first row not the earliest) gave XNPV 399.72 and XIRR 0.1567, an empty date cell (day 0) 198792384.8, with
    # status ok. Dates in any order after the first are fine: -1000 on 2026-01-01, 700 a year later, 600 half a year.
    cells: dict[str, object] = {
        "G1": 2750,
        "G2": -10000,
        "G3": 8250,
        "H1": dt.date(2026, 3, 1),
        "H2": dt.date(2026, 1, 1),
        "H3": dt.date(2026, 10, 30),
        "G5": -1000,
        "G6": 1200,
        "H5": dt.date(2026, 1, 1),
        "G8": -1000,
        "G9": 1250,
        "H8": dt.date(2026, 1, 1),
        "H9": dt.date(2027, 1, 1),
        "A1": "=XNPV(0.09,G1:G3,H1:H3)",
        "A2": "=XIRR(G1:G3,H1:H3)",
        "A3": "=XNPV(0.1,G5:G6,H5:H6)",
        "A4": "=XNPV(0.25,G8:G9,H8:H9)",
        "A5": "=XIRR(G8:G9,H8:H9)",
        "A6": "=XNPV(0.1,G8:G9,H8:H8)",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert (values["A1"], values["A2"], values["A3"], values["A6"]) == ("#NUM!", "#NUM!", "#NUM!", "#NUM!")
    assert values["A4"] == 0  # 1250 a year (365 days) later at 25%
    assert round(values["A5"], 12) == 0.25


def test_a_name_over_whole_rows_is_those_rows_from_any_cell(tmp_path: Path) -> None:
    # Top = S!$1:$2: the "$" before a row number alone was read as a column's, the name taken for a relative one and
    # moved by the using cell's row: =SUM(Top) in C21 read rows 21:22, itself, and the whole workbook was refused as a
    # circular reference. A relative range of rows (Next = S!2:2, the row below) still moves with the cell.
    names = {"Top": "S!$1:$2", "Next": "S!2:2"}
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A4": 8, "C21": "=SUM(Top)", "C22": "=ROWS(Top)", "D3": "=SUM(Next)"}
    result, values = _recalc(tmp_path, cells, names=names)
    assert result.status == "ok", result.message
    assert (values["C21"], values["C22"], values["D3"]) == (3, 2, 8)  # Next from row 3: row 4


def test_a_sheets_own_name_over_a_cell_wins_over_the_workbooks_constant_of_that_name(tmp_path: Path) -> None:
    # Excel: in sheet Other's formulas, Other's own Rate (Other!$A$1, 0.25) hides the workbook's Rate (0.5); the
    # workbook's constant was put in its place (Other!B1 =Rate*4 gave 2 with status ok). Sheet S still reads 0.5.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C1"] = "=Other!B1"
    sheet["C2"] = "=Rate"
    sheet["C3"] = "=Other!Rate*2"
    other = book.create_sheet("Other")
    other["A1"] = 0.25
    other["B1"] = "=Rate*4"
    book.defined_names["Rate"] = DefinedName("Rate", attr_text="0.5")
    other.defined_names["Rate"] = DefinedName("Rate", attr_text="Other!$A$1")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert (out["S"]["C1"].value, out["S"]["C2"].value, out["S"]["C3"].value, out["Other"]["B1"].value) == (
        1,
        0.5,
        0.5,
        1,
    )


def test_an_add_in_function_hidden_by_iferror_keeps_the_value_excel_stored(tmp_path: Path) -> None:
    # =IFERROR(MyRate(A1),0) of a VBA/xlwings function Excel computed (the file stores 0.5): the engine's #NAME? was
    # hidden by IFERROR, the cell written 0 with status ok, Excel's value lost (and =E1*2 0 for 1). Listed and kept
    # now, as a cell whose own value is #NAME? was.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    formulas = {"B1": "MyRate(A1)", "E1": "IFERROR(MyRate(A1),0)", "F1": "E1*2", "G1": "ISERROR(MyRate(A1))"}
    stored = {"B1": "0.5", "E1": "0.5", "F1": "1", "G1": "0"}
    sheet["A1"] = 2
    for ref, text in formulas.items():
        sheet[ref] = "=" + text
    book.save(tmp_path / "made.xlsx")
    with zipfile.ZipFile(tmp_path / "made.xlsx") as made, zipfile.ZipFile(tmp_path / "book.xlsx", "w") as book_zip:
        for item in made.infolist():
            data = made.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, text in formulas.items():
                    data = data.replace(f"<f>{text}</f><v />".encode(), f"<f>{text}</f><v>{stored[ref]}</v>".encode())
                data = data.replace(b'<c r="G1">', b'<c r="G1" t="b">')
            book_zip.writestr(item, data)
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert sorted((u.address, u.function, u.kept) for u in result.unsupported) == [
        ("S!B1", "MYRATE", True),
        ("S!E1", "MYRATE", True),
        ("S!G1", "MYRATE", True),
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["B1"].value, out["E1"].value, out["F1"].value, out["G1"].value) == (0.5, 0.5, 1, False)


def test_sheet_and_sheets_in_a_workbook_with_a_chart_sheet_are_listed(tmp_path: Path) -> None:
    # Microsoft: SHEET and SHEETS include chart, macro and dialog sheets; the engine reads worksheets only, so in
    # S, ChartOnly, Data SHEETS() gave 2 and SHEET("Data") 2 with status ok (Excel: 3 and 3). Listed with the reason;
    # the other formulas are computed.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["B1"], sheet["B2"], sheet["B3"] = (
        1,
        2,
        "=SUM(A1:A2)",
        "=_xlfn.SHEETS()",
        '=_xlfn.SHEET("Data")',
    )
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("ChartOnly").add_chart(chart)
    book.create_sheet("Data")["A1"] = 7
    sheet["B4"] = "=Data!A1*2"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert sorted((u.address, u.function) for u in result.unsupported) == [("S!B2", "SHEET"), ("S!B3", "SHEET")]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["B1"].value, out["B4"].value) == (3, 14)


def test_sheets_in_a_workbook_of_worksheets_only_is_computed(tmp_path: Path) -> None:
    result, values = _recalc(tmp_path, {"A1": "=_xlfn.SHEETS()", "A2": '=_xlfn.SHEET("S")'})
    assert result.status == "ok", result.message
    assert (values["A1"], values["A2"]) == (1, 1)
