"""A wide MRR table (one column per month) whose month headers are Excel date cells ('mmm-yy'), 'mrr_2024_01' or
'Jan-24' got "missing columns 'customer_id', 'month', 'mrr'" listing '2024-01-01 00:00:00', no way out (H35 finding 11),
where 'Jan 2024' headers got the unpivot hint. Each gets the hint now, the months shown as the user sees them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal

from xl_retention.cli import main

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def _hint(first: str, last: str, id_columns: str | list[str]) -> str:
    return (
        f"one column per month ({first!r} ... {last!r}): the import reads one row per customer and month (customer_id, "
        "month, mrr): unpivot the table (Excel: Data > From Table/Range, Unpivot Columns; pandas: "
        f"df.melt(id_vars={id_columns!r}, var_name='month', value_name='mrr').dropna(subset=['mrr']))"
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
    assert err == "wide.xlsx: " + _hint("2024-01", "2024-03", ["Customer", "Plan"])


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


def test_the_advice_followed_imports_an_mrr_pivot(tmp_path: Path, capsys) -> None:
    # H467's finding 04: id_vars='Customer' melted the Plan column too ('Plan' as a month), and the blank cells of
    # months a customer was not active came out as missing MRR: the advice, followed, was refused twice
    path = tmp_path / "wide.csv"
    path.write_text(
        "Customer,Plan,Jan 2026,Feb 2026,Mar 2026\n"
        'acme,Pro,"$1,200.00","$1,200.00","$1,500.00"\nbeta,Basic,$50.00,,\ngamma,Basic,,$50.00,$50.00\n'
    )
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == "wide.csv: " + _hint("Jan 2026", "Mar 2026", ["Customer", "Plan"])
    df = pd.read_csv(path)
    melted = tmp_path / "long.csv"
    df.melt(id_vars=["Customer", "Plan"], var_name="month", value_name="mrr").dropna(subset=["mrr"]).to_csv(
        melted, index=False
    )
    out = tmp_path / "out"
    args = ["import", "--subscriptions", str(melted), "--columns", "customer_id=Customer", "--to-csv", str(out)]
    assert main(args) == 0
    movements = pd.read_csv(out / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end"]].values.tolist() == [
        ["2026-01", 2, 1250.0],
        ["2026-02", 2, 1250.0],
        ["2026-03", 2, 1550.0],
    ]
