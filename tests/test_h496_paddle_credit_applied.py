"""Paddle Billing's ``details.totals.credit`` (a transaction paid from the customer's credit balance: nothing charged)
was ignored and counted as revenue (H484 finding 10: cohort 2026-09 150.0, 150.0, where 50.00 of October was credit),
as were "Credit used", "Applied Credit", "Paid by Credit"; "Credit Applied" was refused. A column whose words say
credit applied, used or paid by credit (never a card's) is refused naming it and the rows, by pandas and by DuckDB.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
COLUMNS = ["--columns", "amount=details.totals.total,date=billed_at,order_id=id"]


def _paddle(column: str, credit: str = "50.00") -> str:
    return (
        "id,status,origin,customer_id,billed_at,currency_code,details.totals.subtotal,details.totals.tax,"
        f"details.totals.total,{column}\n"
        "txn_01a,completed,subscription_recurring,ctm_01a,2026-09-03T10:00:00.000Z,USD,100.00,0.00,100.00,0.00\n"
        "txn_01b,completed,subscription_recurring,ctm_01b,2026-09-04T10:00:00.000Z,USD,50.00,0.00,50.00,0.00\n"
        f"txn_01c,completed,subscription_recurring,ctm_01b,2026-10-04T10:00:00.000Z,USD,50.00,0.00,50.00,{credit}\n"
        "txn_01d,completed,subscription_recurring,ctm_01a,2026-10-03T10:00:00.000Z,USD,100.00,0.00,100.00,0.00\n"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column", ["details.totals.credit", "Credit used", "Applied Credit", "Paid by Credit"])
def test_a_credit_balance_applied_is_refused(tmp_path: Path, capsys, backend: str, column: str) -> None:
    path = written(tmp_path, "t.csv", _paddle(column))
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"t.csv, column '{column}': amounts credited after the sale, not paid (counted at 'details.totals.total' the "
        "revenue and repeat purchases would count money never received): write the amount kept as the amount and "
        "remove the invoices that kept nothing, or remove this column where 'details.totals.total' already leaves it "
        "out in row 4 (counting the header as row 1): '50.00'"
    )


@pytest.mark.parametrize("column", ["details.totals.credit", "Paid by Credit Card"])
def test_no_credit_spent_imports(tmp_path: Path, column: str) -> None:
    credit = "0.00" if column == "details.totals.credit" else "50.00"  # nothing spent; a card paid it
    path = written(tmp_path, "t.csv", _paddle(column, credit))
    cohorts = pd.read_csv(run(tmp_path, "--orders", path, *COLUMNS) / "order_revenue_cohorts.csv")
    assert cohorts.iloc[0].tolist() == ["2026-09", 150.0, 150.0]
