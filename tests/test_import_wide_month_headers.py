"""A wide MRR table (one column per month) whose month headers are Excel date cells ('mmm-yy'), 'mrr_2024_01' or
'Jan-24' got "missing columns 'customer_id', 'month', 'mrr'" listing '2024-01-01 00:00:00', no way out (H35 finding 11),
where 'Jan 2024' headers got the unpivot hint. Each gets the hint now, the months shown as the user sees them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def _hint(first: str, last: str, id_column: str) -> str:
    return (
        f"one column per month ({first!r} ... {last!r}): the import reads one row per customer and month (customer_id, "
        "month, mrr): unpivot the table (Excel: Data > From Table/Range, Unpivot Columns; pandas: "
        f"df.melt(id_vars={id_column!r}, var_name='month', value_name='mrr'))"
    )


def test_date_cell_headers(tmp_path: Path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Customer", "Plan", dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1), dt.datetime(2024, 3, 1)])
    for cell in sheet[1][2:5]:
        cell.number_format = "mmm-yy"
    sheet.append(["A", "Pro", 100, 100, 0])
    book.save(tmp_path / "wide.xlsx")
    err = refusal(capsys, "--subscriptions", str(tmp_path / "wide.xlsx"), "--to-csv", str(tmp_path / "o"))
    assert err == "wide.xlsx: " + _hint("2024-01", "2024-03", "Customer")


@pytest.mark.parametrize(("headers", "first", "last"), [
    ("mrr_2024_01,mrr_2024_02,mrr_2024_03", "mrr_2024_01", "mrr_2024_03"),
    ("Jan-24,Feb-24,Mar-24", "Jan-24", "Mar-24"),
    ("Jan,Feb,Mar", "Jan", "Mar"),
])  # fmt: skip
def test_text_headers(tmp_path: Path, capsys, headers: str, first: str, last: str) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(f"customer_id,{headers}\nA,100,100,0\nB,50,80,80\n")
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == "wide.csv: " + _hint(first, last, "customer_id")
