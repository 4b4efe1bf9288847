"""INDEX of a whole column (or row) that holds the formula's own cell is no circular reference (H7 finding 04).

The running balance of vertex42.com's ledgers, ``=SUM(B3,-C3,N(INDEX(E:E,ROW()-1)))`` filled down column E, reads the
row above: Excel and LibreOffice compute it. The engine took the whole column as the cell's dependency and the whole
workbook was refused as a circular reference. A true cycle through such an INDEX is still refused.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def test_a_running_balance_reading_the_row_above_through_index_of_its_column(tmp_path: Path) -> None:
    cells: dict[str, object] = {"B2": 100, "C3": 30, "B4": 50, "C5": 20, "A10": 1}
    for row in range(2, 6):
        cells[f"E{row}"] = f"=SUM(B{row},-C{row},N(INDEX(E:E,ROW()-1)))"
        cells[f"F{row}"] = f"=B{row}-C{row}+N(INDEX($F:$G,ROW()-1,1))"
        cells[f"G{row}"] = f"=SUM(B{row},-C{row},N(INDEX(Balance,ROW()-1)))"  # Balance = S!$G:$G
    cells["B10"] = "=A10+N(INDEX(10:10,1,COLUMN()-1))"  # along a row
    cells["C10"] = "=B10+N(INDEX($10:$10,COLUMN()-1))"
    cells["H1"] = "=E5+F5+G5"
    result, values = recalc_sheet(tmp_path, cells, {"Balance": "S!$G:$G"})
    assert result.status == "ok", result.message
    assert [[values[f"{col}{row}"] for row in range(2, 6)] for col in "EFG"] == [[100, 70, 120, 100]] * 3
    assert (values["B10"], values["C10"], values["H1"]) == (2, 4, 300)


def test_a_true_cycle_through_index_of_a_whole_column_is_still_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["E2"], sheet["A1"], sheet["A2"] = "=1+INDEX(E:E,ROW())", "=E2", "=1+INDEX(Col,2)"
    book.defined_names["Col"] = DefinedName("Col", attr_text="S!$A:$A")
    book.save(tmp_path / "cycle.xlsx")
    result = recalc_file(tmp_path / "cycle.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "failed" and not (tmp_path / "out.xlsx").exists()
    assert result.message.endswith("circular reference: S!A2, S!E2"), result.message
