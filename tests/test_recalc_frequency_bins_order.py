"""FREQUENCY with bins not in ascending order: each count beside its own bin (H223's finding 09).

Data 2,4,4,4,5,5,7,9,0,1 over bins 5, 2, 7: bin 5 counts (2, 5] = 5, bin 2 counts up to 2 = 3, bin 7 (5, 7] = 1,
above 7: 1 (LibreOffice 7.4 gives 5, 3, 1, 1; Excel returns the counts in the bins' own order). The engine
wrote 3, 5, 1, 1.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention


def test_counts_stay_beside_their_bins(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate([2, 4, 4, 4, 5, 5, 7, 9, 0, 1], 1):
        sheet.cell(row, 1, value)
    for row, value in enumerate([5, 2, 7], 1):
        sheet.cell(row, 2, value)
    sheet["B5"], sheet["B6"] = 2, "text"  # B1:B6: a repeated bin (its count 0) and a text (left out)
    sheet["C1"] = ArrayFormula("C1:C4", "=FREQUENCY(A1:A10,B1:B3)")
    sheet["D1"] = ArrayFormula("D1:D4", "=FREQUENCY(A1:A10,{5;2;7})")
    sheet["E1"] = ArrayFormula("E1:E6", "=FREQUENCY(A1:A10,B1:B6)")
    sheet["F1"] = "=SUMPRODUCT(FREQUENCY(A1:A10,B1:B3)*{1;10;100;1000})"
    book.save(tmp_path / "freq.xlsx")
    report = xl_retention.recalc([str(tmp_path / "freq.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    values = openpyxl.load_workbook(tmp_path / "out" / "freq.xlsx", data_only=True)["S"]
    assert [values[f"C{r}"].value for r in range(1, 5)] == [5, 3, 1, 1]
    assert [values[f"D{r}"].value for r in range(1, 5)] == [5, 3, 1, 1]
    assert [values[f"E{r}"].value for r in range(1, 6)] == [
        5,
        3,
        1,
        0,
        1,
    ]  # bins 5, 2, 7, 2 (B4, B6 out)
    assert values["F1"].value == 5 + 30 + 100 + 1000
