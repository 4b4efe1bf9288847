"""A report's total row dated with its last period and summing that period's rows ("Grand Total" in the customer
column, dated 2026-02-01, MRR 180 = February's 100 + 50 + 30) was read as one more customer paying 180 (4 customers
and MRR 360 at the end of February, silently): only the sum of every row above it was taken as a total's. The sum of
the other rows of its own dates (two at least) is a total's too, and the row is refused, naming it; a customer
named 'Total' whose amount is one other same-day order's is still a customer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

BACKENDS = ["pandas", "duckdb"]


def _snapshots(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "MRR"
    sheet.append(["Customer", "Month", "MRR"])
    for who, month, mrr in [("c1", 1, 100), ("c2", 1, 50), ("c1", 2, 100), ("c2", 2, 50), ("c3", 2, 30)]:
        sheet.append([who, dt.datetime(2026, month, 1), mrr])
    sheet.append(["Grand Total", dt.datetime(2026, 2, 1), 180])
    book.save(path)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_grand_total_of_the_last_month_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "mrr.xlsx"
    _snapshots(path)
    columns = "customer_id=Customer,month=Month,mrr=MRR"
    err = refusal(capsys, "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "mrr.xlsx, column 'Customer': a summary row of the export (its totals, not data) in row 7 of sheet 'MRR': "
        "'Grand Total': remove it"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_orders_total_of_its_day_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,date,amount\nTotal Wine,2026-01-05,120\nAcme,2026-02-03,30\nBeta,2026-02-03,45.5\n"
        "Total,2026-02-03,75.50\n"
    )
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'customer_id': a summary row of the export (its totals, not data) in row 5 "
        "(counting the header as row 1): 'Total': remove it"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_customer_named_total_beside_one_order_of_its_day_is_read(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\nTotal Wine,2026-01-05,120\nAcme,2026-02-03,45\nTotal,2026-02-03,45\n")
    out = run(tmp_path, "--orders", path, backend=backend)
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [1, 2]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [120.0, 90.0]
