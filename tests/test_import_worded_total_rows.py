"""A hand-kept MRR sheet's total row under each month labelled "Total MRR", "Grand total (USD)", "Sum of MRR", German
pivot tables' "Ergebnis", "Összesen", "Toplam", "總計" (its MRR the sum of the month's two customers), or an
average row "Avg.", "Average MRR", "Media", "平均" (their mean), was read as one more customer under exit 0: January
3 customers and MRR 60.0 (or 45.0) instead of 2 and 30.0 (H200's finding 02). Such rows are refused, named; a
customer whose name holds such a word ('Total Wine') and whose MRR is not each month the others' sum is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


def _sheet(tmp_path: Path, label: str, figure: int) -> Path:
    path = tmp_path / "mrr.csv"
    path.write_text(
        "Customer,Month,MRR\n"
        f"Acme,2026-01,10\nBeta,2026-01,20\n{label},2026-01,{figure}\n"
        f"Acme,2026-02,10\nBeta,2026-02,20\n{label},2026-02,{figure}\n"
        f"Acme,2026-03,10\n{label},2026-03,10\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "label", ["Total MRR", "Total Revenue", "Grand total (USD)", "Sum of MRR", "Ergebnis", "Összesen", "Toplam", "總計"]
)
def test_a_worded_total_row_of_each_month_is_refused(tmp_path: Path, capsys, label: str) -> None:
    path = _sheet(tmp_path, label, 30)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=Customer", "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "mrr.csv, column 'Customer': a total row of each month (its MRR is the sum of the month's other rows: the "
        f"report's totals, not a customer) in rows 4, 7, 9 (counting the header as row 1): '{label}', '{label}', "
        f"'{label}': remove them"
    )


@pytest.mark.parametrize("label", ["Avg.", "Average MRR", "Media", "平均", "Median"])
def test_a_worded_average_row_of_each_month_is_refused(tmp_path: Path, capsys, label: str) -> None:
    path = _sheet(tmp_path, label, 15)
    message = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=Customer", "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message == (
        "mrr.csv, column 'Customer': an average row of each month (its MRR is the mean of the month's other rows: "
        f"the report's averages, not a customer) in rows 4, 7, 9 (counting the header as row 1): '{label}', "
        f"'{label}', '{label}': remove them"
    )


def test_an_orders_total_revenue_row_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "Customer,Date,Amount\nAcme,2026-01-03,10\nBeta,2026-01-04,20\nTotal Revenue,2026-01-31,30\n"
        "Acme,2026-02-03,10\nTotal Revenue,2026-02-28,10\n",
        encoding="utf-8",
    )
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Customer", "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message.startswith(
        "orders.csv, column 'Customer': a total row of each month (its amount is the sum of the month's other rows: "
        "the report's totals, not a customer) in rows 4, 6 (counting the header as row 1): 'Total Revenue'"
    )


def test_a_customer_named_total_wine_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mrr.csv"
    path.write_text(
        "Customer,Month,MRR\nAcme,2026-01,10\nTotal Wine,2026-01,10\nBeta,2026-01,20\n"
        "Acme,2026-02,10\nTotal Wine,2026-02,40\nBeta,2026-02,20\n",
        encoding="utf-8",
    )
    movements = pd.read_csv(
        run(tmp_path, "--subscriptions", path, "--columns", "customer_id=Customer") / "movements.csv"
    )
    assert movements["customers_end"].tolist() == [3, 3]
    assert movements["mrr_end"].tolist() == [40.0, 70.0]
