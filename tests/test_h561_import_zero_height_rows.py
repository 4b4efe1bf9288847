"""Rows import writes on a tracker's sheet that hides the rows it does not list stay hidden (H561's brief, item 5).

Excel's "hide every row below" stores ``<sheetFormatPr zeroHeight="1"/>`` and lists only the rows shown. The months
import added (and the answers it wrote) were new ``<row>`` elements without ``hidden="1"``: shown rows (ECMA-376
18.3.1.73), so the rows the user hid showed after the import. They are written ``hidden="1"`` now, as recalc writes
such rows (tests/test_recalc_zero_height_rows.py); a sheet that shows its rows gets shown rows as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

SUBSCRIPTIONS = "customer_id,month,mrr\na,2025-01,100\nb,2025-01,50\na,2025-02,120\nc,2025-02,30\na,2025-03,120\n"
SUBSCRIPTIONS += "a,2025-04,120\na,2025-05,120\n"
ORDERS = "customer_id,date,amount\nx,2025-01-03,10\ny,2025-01-09,4\nx,2025-02-03,12\ny,2025-05-10,5\n"


@pytest.mark.parametrize("zero_height", [True, False])
def test_months_added_on_a_sheet_hiding_its_unlisted_rows_are_hidden(tmp_path: Path, zero_height: bool) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    wb = openpyxl.load_workbook(book)
    for title in ("Customers", "Revenue", "Purchases and visits"):
        wb[title].sheet_format.zeroHeight = zero_height
    wb.save(book)
    (tmp_path / "subs.csv").write_text(SUBSCRIPTIONS)
    (tmp_path / "orders.csv").write_text(ORDERS)
    args = ["import", "--subscriptions", str(tmp_path / "subs.csv"), "--orders", str(tmp_path / "orders.csv")]
    assert cli.main([*args, "--into", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    for title in ("Customers", "Revenue", "Purchases and visits"):
        sheet = wb[title]
        assert [sheet.cell(r, 1).value.month for r in (2, 3, 4, 5, 6)] == [1, 2, 3, 4, 5], title
        hidden = [bool(sheet.row_dimensions[r].hidden) for r in (2, 3, 4, 5, 6)]
        assert hidden == [False, False, False, zero_height, zero_height], title  # April and May: rows 5 and 6
