"""A hand-kept sheet with each customer merged down over its months (Merge & Center) was refused as 'missing customer
ids in rows 3, 4, 6' though Excel shows the id on each row (H35 finding 10). A range merged down one column below the
header is read as Excel shows it, its value on each row, with a note; a title merged across above the table and a
range merged across columns are left as they are.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def _sheet(path: Path, title: bool = False) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "MRR"
    if title:
        sheet.append(["MRR by customer, kept by hand"])
        sheet.merge_cells("A1:C1")
    top = sheet.max_row + (1 if title else 0)
    sheet.append(["Customer", "Month", "MRR"])
    for row in [("A", "2024-01", 100), (None, "2024-02", 100), (None, "2024-03", 120), ("B", "2024-01", 50),
                (None, "2024-02", 50), ("C", "2024-03", 30)]:  # fmt: skip
        sheet.append(list(row))
    sheet.merge_cells(f"A{top + 1}:A{top + 3}")
    sheet.merge_cells(f"A{top + 4}:A{top + 5}")
    book.save(path)


@pytest.mark.parametrize("title", [False, True])
def test_ids_merged_down_are_read_on_each_row(tmp_path: Path, capsys, title: bool) -> None:
    path = tmp_path / "mrr.xlsx"
    _sheet(path, title)
    out = run(tmp_path, "--subscriptions", path, "--columns", "customer_id=Customer")
    march = pd.read_csv(out / "movements.csv").set_index("month").loc["2024-03"]
    assert march[["new", "lost", "customers_end", "mrr_end"]].tolist() == [1, 1, 2, 150.0]
    first = 3 if title else 2
    assert (
        f"mrr.xlsx, sheet 'MRR': cells merged down (A{first}:A{first + 2}, A{first + 3}:A{first + 4}) read as Excel "
        "shows them, their value on each row of the range"
    ) in capsys.readouterr().out


def test_a_range_merged_across_columns_is_not_filled(tmp_path: Path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "month", "mrr"])
    sheet.append(["A", "2024-01", 100])
    sheet.append(["B", "2024-02", None])
    sheet.merge_cells("B3:C3")  # across: which column the value is cannot be told, the MRR stays blank
    book.save(tmp_path / "mrr.xlsx")
    err = refusal(capsys, "--subscriptions", str(tmp_path / "mrr.xlsx"), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("mrr.xlsx, column 'mrr'") and "row 3 of sheet 'Sheet'" in err
