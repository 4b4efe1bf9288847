"""A Total row of the user's under the last month (label in the Month column, SUMs beside it) was torn apart when an
import added a month (H143's finding 05): the rows below moved down as Insert Rows moves them, then the step for the
note earlier templates put two rows below the last month moved the label, now in that row, a second time (formulas in
row 5, the label in A6). Now the note moves only where the rows below were not moved (they carried it already).
"""

from pathlib import Path

import openpyxl
import pytest
from cli_process import run

OCTOBER = "customer_id,date,amount\nx,2026-09-03,10\ny,2026-09-09,4\nx,2026-10-03,12\n"
NOVEMBER = OCTOBER + "y,2026-11-02,5\nz,2026-11-05,7\n"


@pytest.mark.parametrize("row", [4, 5])  # right under the last month (row 3), or one blank row between
def test_a_total_row_moves_down_as_one_row(tmp_path: Path, row: int):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-09", "--months", "2").returncode == 0
    orders = tmp_path / "orders.csv"
    orders.write_text(OCTOBER)
    assert run("import", "--orders", orders, "--into", book).returncode == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Purchases and visits"]
    ws[f"A{row}"] = "Total"
    ws[f"B{row}"] = "=SUM(B2:B3)"
    wb.save(book)
    orders.write_text(NOVEMBER)
    result = run("import", "--orders", orders, "--into", book)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(book)["Purchases and visits"]
    assert ws["B4"].value == 2  # November's buyers: y and z
    assert [ws[f"A{row + 1}"].value, ws[f"B{row + 1}"].value] == ["Total", "=SUM(B2:B4)"]
    assert [ws[f"A{row + 2}"].value, ws[f"B{row + 2}"].value] == [None, None]
