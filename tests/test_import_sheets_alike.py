"""A workbook of one tab per month or quarter whose tabs differ in a column (a later one with 'Notes', columns in
another order or case): reading the first tab alone would leave the others' rows out, so the import stops and asks
for --sheet, naming the tabs and the columns (H14 finding 17). A sheet without the columns read (a summary, a
lookup table) is no part of the table."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


JAN = [["customer_id", "month", "mrr"], ["A", "2024-01", 100], ["B", "2024-01", 50]]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "feb",
    [
        [["customer_id", "month", "mrr", "Notes"], ["A", "2024-02", 100, ""], ["B", "2024-02", 50, "renewed"]],
        [["MRR", "Customer_ID", "Month", "Notes"], [100, "A", "2024-02", "x"], [50, "B", "2024-02", "y"]],
        [["customer_id", "month", "mrr"], ["A", "2024-02", 100], ["B", "2024-02", 50]],  # as before
    ],
)
def test_monthly_tabs_differing_in_a_column_are_refused(tmp_path, capsys, backend, feb) -> None:
    path = _book(tmp_path / "tabs.xlsx", {"Jan 2024": JAN, "Feb 2024": feb})
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert message.startswith("tabs.xlsx: sheet") and "'Feb 2024'" in message and "--sheet NAME" in message


def test_the_extra_column_on_the_first_tab_is_refused_too(tmp_path, capsys) -> None:
    jan = [["customer_id", "month", "mrr", "Notes"], ["A", "2024-01", 100, "new"], ["B", "2024-01", 50, ""]]
    feb = [["customer_id", "month", "mrr"], ["A", "2024-02", 100], ["B", "2024-02", 50]]
    path = _book(tmp_path / "tabs.xlsx", {"Jan 2024": jan, "Feb 2024": feb})
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert message == (
        "tabs.xlsx: sheet 'Feb 2024' also holds a table with the columns read ('customer_id', 'month', 'mrr'), and "
        "only sheet 'Jan 2024' is read: say which with --sheet NAME (in Python: read_table(path, sheet=NAME)), or "
        "put the rows on one sheet"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_quarterly_order_tabs_with_a_coupon_column_are_refused(tmp_path, capsys, backend) -> None:
    q1 = [
        ["order_id", "customer_id", "date", "amount"],
        ["1001", "A", "2024-01-05", 30],
        ["1002", "B", "2024-02-05", 20],
    ]
    q2 = [["Order_ID", "Customer_ID", "Date", "Amount", "coupon_note"], ["1003", "A", "2024-04-05", 30, "SPRING"]]
    path = _book(tmp_path / "orders.xlsx", {"Q1": q1, "Q2": q2})
    message = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert message == (
        "orders.xlsx: sheet 'Q2' also holds a table with the columns read ('customer_id', 'date'), and only sheet "
        "'Q1' is read: say which with --sheet NAME (in Python: read_table(path, sheet=NAME)), or put the rows on "
        "one sheet"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_summary_or_lookup_sheet_is_no_part_of_the_table(tmp_path, backend) -> None:
    feb = [["customer_id", "month", "mrr"], ["A", "2024-02", 100], ["B", "2024-02", 50]]
    summary = [["month", "mrr", "customers"], ["2024-01", 150, 2], ["2024-02", 150, 2]]
    plans = [["customer_id", "plan"], ["A", "Pro"], ["B", "Basic"]]
    path = _book(tmp_path / "subs.xlsx", {"Data": JAN + feb[1:], "Summary": summary, "Plans": plans})
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert movements.set_index("month").loc["2024-02", ["customers_end", "lost", "mrr_end"]].tolist() == [2, 0, 150]


def test_a_sheet_given_is_read_alone(tmp_path) -> None:
    feb = [["customer_id", "month", "mrr", "Notes"], ["A", "2024-02", 100, ""], ["B", "2024-02", 50, "renewed"]]
    path = _book(tmp_path / "tabs.xlsx", {"Jan 2024": JAN, "Feb 2024": feb})
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--sheet", "Feb 2024") / "movements.csv")
    assert movements["month"].tolist() == ["2024-02"]
    assert movements[["customers_end", "mrr_end"]].iloc[0].tolist() == [2, 150]
