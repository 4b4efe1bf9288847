"""Recalculation faults of H45's review (sixth round): the embedded engine against Excel on users' workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and reads
the written values back; the expected values are Excel's documented ones, or the cells listed with their reason.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet, save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _dynamic_book(tmp_path: Path, dynamic: dict[str, tuple[str, str]], cells: dict[str, str]) -> Path:
    """Sheet S: B1:B3 = 100, 200, 50, the ``dynamic`` array formulas (anchor: (area, formula)) marked as Excel marks
    a dynamic array (``cm="1"``), and ``cells``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate([100, 200, 50], 1):
        sheet[f"B{row}"] = value
    for ref, (area, formula) in dynamic.items():
        sheet[ref] = ArrayFormula(area, formula)
    for ref, formula in cells.items():
        sheet[ref] = formula
    return save_dynamic(book, tmp_path / "book.xlsx", dynamic)


def test_a_cell_reading_the_spill_of_a_dynamic_array_of_one_value_reads_that_cell(tmp_path: Path) -> None:
    # Q1 = FILTER giving 200 alone, saved as a dynamic array: Excel's Q1# is the one cell Q1. The engine's Q1# is
    # #REF!, which IFERROR, ISREF and ISERROR hid (-1, FALSE, 0 with status ok), and 67cc089/ba8e7b0 listed the cells
    # (H52: computed now). V1 reads R8's own one-value spill (=Q1#*2, dynamic too), a second round; a spill of two
    # values (U1:U2) and Q1 itself are computed as before.
    dynamic = {
        "Q1": ("Q1", "=_xlfn._xlws.FILTER(B1:B3,B1:B3>150)"),
        "U1": ("U1:U2", "=_xlfn._xlws.FILTER(B1:B3,B1:B3>60)"),
        "R8": ("R8", "=_xlfn.ANCHORARRAY(Q1)*2"),
    }
    cells = {
        "R1": "=IFERROR(SUM(_xlfn.ANCHORARRAY(Q1)),-1)",
        "R2": "=ISREF(_xlfn.ANCHORARRAY(Q1))",
        "R3": "=IF(ISERROR(_xlfn.ANCHORARRAY(Q1)),0,1)*5",
        "R4": "=R1+1",
        "R5": "=SUM(_xlfn.ANCHORARRAY(U1))",
        "R6": "=IFERROR(SUM(_xlfn.ANCHORARRAY(U1)),-1)",
        "R7": "=SUM(Q1)",
        "R9": "=ROWS(_xlfn.ANCHORARRAY(Q1))+SUM(_xlfn.ANCHORARRAY(U1))",
        "V1": "=SUM(_xlfn.ANCHORARRAY(R8))+1",
    }
    result = recalc_file(_dynamic_book(tmp_path, dynamic, cells), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert result.unsupported == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"R{row}"].value for row in range(1, 10)] == [200, True, 5, 201, 300, 300, 200, 400, 301]
    assert out["V1"].value == 401
    assert (out["Q1"].value, out["U1"].value, out["U2"].value) == (200, 100, 200)


def test_a_cell_reading_the_spill_of_a_formula_not_saved_as_a_dynamic_array_is_listed(tmp_path: Path) -> None:
    # Q1 holds FILTER giving one value as a plain formula (no cm mark: not a dynamic array to Excel): what Excel's Q1#
    # is there is not known, and the engine's is #REF!, hidden by IFERROR: listed, with the cell reading it.
    cells = {
        "Q1": "=_xlfn._xlws.FILTER(B1:B3,B1:B3>150)",
        "R1": "=IFERROR(SUM(_xlfn.ANCHORARRAY(Q1)),-1)",
        "R4": "=R1+1",
    }
    result = recalc_file(_dynamic_book(tmp_path, {}, cells), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u.reason for u in result.unsupported}
    assert sorted(listed) == ["S!R1", "S!R4"]
    assert "Q1#" in listed["S!R1"] and "S!R1" in listed["S!R4"]


def test_a_date_typed_as_text_in_arithmetic_is_read_as_datevalue_reads_it(tmp_path: Path) -> None:
    # "2026/01/15"+0, "15 January 2026"+0 and "Jan-2026"+0 were #VALUE! with status ok while DATEVALUE of the same
    # text gave the date: Excel reads a text in arithmetic with DATEVALUE's reading, typed in the formula or held by
    # a cell (shared string), also in the 1904 date system (1,462 days less).
    texts = ["2026/01/15", "15 January 2026", "Jan-2026", "1/2026", "15-January-2026", "2026/01/15 12:00", "2026/13/45"]
    for epoch, shift in ((None, 0), (openpyxl.utils.datetime.CALENDAR_MAC_1904, 1462)):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "S"
        if epoch is not None:
            book.epoch = epoch
        for row, text in enumerate(texts, 1):
            sheet[f"A{row}"] = text
            sheet[f"B{row}"] = f"=A{row}+0"
            sheet[f"C{row}"] = f'="{text}"*1'
            sheet[f"D{row}"] = f'=DATEVALUE("{text}")'
        book.save(tmp_path / "book.xlsx")
        result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
        assert result.status == "ok", result.message
        out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
        got = [[out[f"{column}{row}"].value for column in "BCD"] for row in range(1, len(texts) + 1)]
        day, month = 46037 - shift, 46023 - shift
        assert got == [
            [day, day, day],
            [day, day, day],
            [month, month, month],
            [month, month, month],
            [day, day, day],
            [day + 0.5, day + 0.5, day],
            ["#VALUE!", "#VALUE!", "#VALUE!"],
        ]


def test_a_date_or_time_text_given_to_a_function_of_one_number_is_read_as_in_arithmetic(tmp_path) -> None:
    """ROUND, INT and ABS of a date or time text the engine reads in arithmetic ("2026/1/15", "2026-01-15",
    "Jan 2026", "12:00", "10:30 PM") gave #VALUE! with status ok (H47); Excel reads them as VALUE does. SUM of the
    cell alone still skips the text, as in Excel. (The slash dates are year first, read alike in every locale:
    "1/15/2026" is no date to a day-first Excel, listed as the locale's.)"""
    texts = ["2026/1/15", "2026-01-15", "Jan 2026", "January 15, 2026", "12:00", "10:30 PM", "2026/1/15 10:00"]
    cells: dict[str, object] = {}
    for i, text in enumerate(texts, start=1):
        cells.update({f"A{i}": text, f"B{i}": f"=ROUND(A{i},0)", f"C{i}": f'=INT("{text}")', f"D{i}": f"=ABS(A{i})"})
        cells[f"E{i}"] = f"=SUM(A{i})"
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok", report.message
    rows = [[values[f"{c}{i}"] for c in "BCDE"] for i in range(1, len(texts) + 1)]
    assert rows == [
        [46037, 46037, 46037, 0],
        [46037, 46037, 46037, 0],
        [46023, 46023, 46023, 0],
        [46037, 46037, 46037, 0],
        [1, 0, 0.5, 0],
        [1, 0, 0.9375, 0],
        [46037, 46037, 46037 + 10 / 24, 0],
    ]
