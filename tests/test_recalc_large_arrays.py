"""Arrays over the embedded engine's 10,000 spill cells are computed where they are one call of our functions or a
Ctrl+Shift+Enter array of arithmetic on ranges (H160's findings 08 and 09, H176).

formualizer 0.13 spills at most 10,000 cells; Excel spills any result that fits on the sheet into blank cells
(Microsoft, "Dynamic array formulas and spilled array behavior") and a Ctrl+Shift+Enter array fills its range. Before,
such an array was listed (status incomplete) with Excel's stored values kept: a customer-level model over a customer
list (=BGNBD_P_ALIVE(a,r,alpha,b,A2:A10002,B2:B10002,C2:C10002)) and the user's =AVERAGE(D:D) were never computed.
Now the core computes the call from the engine's values of its arguments (each cell's error its own, as the
engine's call gives it), the engine's own array arithmetic a {=A1:A10001*2}, and the cells reading them are computed
from those values; status ok. Anything else over the limit (a built-in function, a name, a cell without a current
value among the arguments, merged cells in the spill's way, a spill read whole: D2#) stays listed as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

ROWS = 10_001
LAST = ROWS + 1
#: (frequency, recency, T) of the customers, in turn, and each one's P(alive) of the BG/NBD fit below (the core's,
#: as =BGNBD_P_ALIVE(0.2426,4.4135,0.7929,2.4258,2,10.67,38.86) gives it in one cell)
CUSTOMERS = [(2, 10.67, 38.86), (0, 0, 38.86), (3, 36.68, 38.86)]
P_ALIVE = [0.2890154756418722, 1.0, 0.8251876454320016]
FIT = "0.2426,4.4135,0.7929,2.4258"


def _customers(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    sheet.append(["frequency", "recency", "T", "p_alive"])
    for i in range(ROWS):
        sheet.append(list(CUSTOMERS[i % 3]))


def test_a_model_over_a_customer_list_is_computed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RFM"
    _customers(sheet)
    sheet["A7"] = "n/a"  # a customer's frequency typed as a text: that customer's #VALUE!, as in one cell
    for row, value in enumerate(FIT.split(","), start=1):  # the fit's parameters in cells, the recency column named
        sheet[f"J{row}"] = float(value)
    book.defined_names["Recency"] = DefinedName("Recency", attr_text=f"RFM!$B$2:$B${LAST}")
    sheet["D2"] = ArrayFormula("D2", f"=BGNBD_P_ALIVE($J$1,J2,$J$3,RFM!J4,A2:A{LAST},Recency,C2:C{LAST})")
    for row in (2, 3, 4, 7):  # the same call in one cell: the values the array's cells must hold
        sheet[f"E{row}"] = f"=BGNBD_P_ALIVE({FIT},A{row},B{row},C{row})"
    sheet["G1"] = "=AVERAGE(D:D)"  # reads D7's #VALUE!
    sheet["G2"] = f"=COUNT(D2:D{LAST})"
    sheet["G3"] = f"=D{LAST}*2"
    sheet["G4"] = f"=COUNTIF(D2:D{LAST},1)"  # the customers without a repeat purchase (P(alive) 1)
    sheet["G5"] = "=D3+D4"
    source = save_dynamic(book, tmp_path / "book.xlsx", ["D2"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.unsupported == []
    assert report.status == "ok"
    assert {e.address: e.error for e in report.errors} == {
        "RFM!G1": "#VALUE!",
        "RFM!D7": "#VALUE!",
        "RFM!E7": "#VALUE!",
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["RFM"]
    assert [out[f"D{row}"].value for row in range(2, 10)] == [*P_ALIVE, P_ALIVE[0], P_ALIVE[1], "#VALUE!", *P_ALIVE[:2]]
    assert [out[f"E{row}"].value for row in (2, 3, 4)] == P_ALIVE
    assert out[f"D{LAST}"].value == P_ALIVE[(ROWS - 1) % 3] == P_ALIVE[1]
    assert out[f"D{LAST + 1}"].value is None
    # 10,000 customers with a number (all but row 7's), 3,334 of them of the second kind
    assert [out[f"G{row}"].value for row in (2, 3, 4, 5)] == [10_000, 2, 3_334, 1 + P_ALIVE[2]]
    dynamic = openpyxl.load_workbook(tmp_path / "out.xlsx")["RFM"]["D2"].value
    assert dynamic.ref == f"D2:D{LAST}"  # the spill's range, as Excel stores it


def test_a_ctrl_shift_enter_array_is_computed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, ROWS + 1):
        sheet.cell(row, 1, row)
    sheet["C1"] = ArrayFormula(f"C1:C{ROWS + 2}", f"=A1:A{ROWS}*2")  # two rows past its result: #N/A
    sheet["D1"] = ArrayFormula(f"D1:D{ROWS}", f"=CUSTOMERS_LOST(A1:A{ROWS},A1:A{ROWS},A1:A{ROWS})")
    sheet["E1"] = ArrayFormula(f"E1:E{ROWS}", f"=IF(A1:A{ROWS}>0,A1:A{ROWS})")  # a function of Excel's: listed
    sheet["G1"] = f"=SUM(C1:C{ROWS})"
    sheet["G2"] = f"=SUM(D1:D{ROWS})"
    sheet["G3"] = f"=C{ROWS + 1}"
    source = tmp_path / "book.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert [(u.address, u.function) for u in report.unsupported] == [("S!E1", "spill of more than 10,000 cells")]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"C{row}"].value for row in (1, 2, ROWS, ROWS + 1, ROWS + 2)] == [2, 4, 2 * ROWS, "#N/A", "#N/A"]
    assert [out[f"D{row}"].value for row in (1, 2, ROWS)] == [1, 2, ROWS]
    assert (out["G1"].value, out["G2"].value, out["G3"].value) == (ROWS * (ROWS + 1), ROWS * (ROWS + 1) // 2, "#N/A")
    formulas = openpyxl.load_workbook(tmp_path / "out.xlsx")["S"]
    assert (formulas["C1"].value.ref, formulas["D1"].value.ref) == (f"C1:C{ROWS + 2}", f"D1:D{ROWS}")


def test_what_cannot_be_computed_stays_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RFM"
    _customers(sheet)
    sheet.merge_cells("E9000:F9000")  # in the spill's way: Excel's #SPILL!, never these values
    sheet["E2"] = ArrayFormula("E2", f"=PARETONBD_P_ALIVE({FIT},A2:A{LAST},B2:B{LAST},C2:C{LAST})")
    sheet["J1"] = "=GET_MRR(1)"  # a function the engine lacks, no value stored
    sheet["H5"] = "=J1*0+1"  # reads it: no current value
    sheet["G2"] = ArrayFormula("G2", f"=BGNBD_P_ALIVE({FIT},A2:A{LAST},H2:H{LAST},C2:C{LAST})")
    sheet["I2"] = ArrayFormula("I2", f"=BGNBD_P_ALIVE({FIT},A2:A{LAST},B2:B{LAST},C2:C{LAST})")
    sheet["K1"] = "=SUM(I2#)"  # its spill read whole: the engine has none to read
    source = save_dynamic(book, tmp_path / "book.xlsx", ["E2", "G2", "I2"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    listed = {u.address: u.function for u in report.unsupported}
    assert listed == {
        "RFM!E2": "spill of more than 10,000 cells",
        "RFM!G2": "spill of more than 10,000 cells",
        "RFM!I2": "spill of more than 10,000 cells",
        "RFM!K1": "spill of more than 10,000 cells",
        "RFM!J1": "GET_MRR",
        "RFM!H5": "GET_MRR",
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["RFM"]
    assert [out[ref].value for ref in ("E3", "G3", "G4")] == [None, None, None]


def test_an_oversized_spill_stored_as_its_first_cell_lists_its_cells_readers(tmp_path: Path) -> None:
    """A program's file stores a dynamic array with its first cell as its ref (openpyxl's ArrayFormula("B1", ...)
    with cm="1"), where Excel stores the spill's range: the cells reading a member of a spill not computed here had
    no current value to read and were written 0 and 1 under 'incomplete' (H198's request 3); now listed, as with the
    ref Excel saves."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 1
    sheet["B1"] = ArrayFormula("B1", "=SEQUENCE(10001)*A1")  # not one call of ours: not computed here
    sheet["D1"] = "=SUM(B1:B10001)"
    sheet["E1"] = "=B10001"  # its last cell
    sheet["E2"] = "=B5+1"
    sheet["E3"] = "=B10002+1"  # below its result: blank in Excel too
    sheet["E4"] = "=A1*2"
    source = save_dynamic(book, tmp_path / "book.xlsx", ["B1"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert {u.address: u.function for u in report.unsupported} == dict.fromkeys(
        ("S!B1", "S!D1", "S!E1", "S!E2"), "spill of more than 10,000 cells"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("E1", "E2", "E3", "E4")] == [None, None, 1, 2]
