"""An invoice written off, credited or adjusted after the sale was counted in full (H26 finding 12): beside the mapped
amount, Chargebee's "Write Off Amount" and "Credits Applied", and "Written Off", "Credited", "Adjustments" were ignored
(Jan cohort 150, 100: an invoice that brought nothing counted as revenue and a repeat purchase). Such a column holding
a number other than 0 is refused naming it and the rows, by pandas and by DuckDB; where all are 0, or the mapped
amount is the amount paid, the file imports.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


def _problem(what: str, amount: str = "amount") -> str:
    return (
        f"amounts {what} after the sale, not paid (counted at {amount!r} the revenue and repeat purchases would count "
        "money never received): write the amount kept as the amount and remove the invoices that kept nothing, or "
        f"remove this column where {amount!r} already leaves it out"
    )


def _invoices(column: str, third: str) -> str:
    return f"order_id,customer_id,date,amount,{column}\n1,a,2024-01-05,100,0\n2,b,2024-01-10,50,\n" + (
        f"3,a,2024-02-05,100,{third}\n4,c,2024-02-12,70,0.00\n"
    )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "what", "value"),
    [
        ("Write Off Amount", "written off", "100"),
        ("Written Off", "written off", "100.00"),
        ("write-off", "written off", "$100.00"),
        ("Bad Debt", "written off", "100"),
        ("Credited", "credited", "100"),
        ("Credits Applied", "credited", "30"),
        ("Amount Credited", "credited", "100"),
        ("Adjustments", "adjusted", "-100"),
        ("Adjustment Amount", "adjusted", "(100.00)"),
        ("Amount Adjusted", "adjusted", "100.00"),  # Chargebee's: the part credited, not the amount after it
    ],
)
def test_a_written_off_credited_or_adjusted_amount_is_refused(
    tmp_path: Path, capsys, backend: str, column: str, what: str, value: str
) -> None:
    path = tmp_path / "inv.csv"
    path.write_text(_invoices(column, value))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == f"inv.csv, column '{column}': {_problem(what)} in row 4 (counting the header as row 1): '{value}'"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("column", ["Write Off Amount", "Credits Applied", "Adjustments", "Amount Adjusted",
                                    "Write Off Date", "Credit Note Date", "Adjustment Reason"])  # fmt: skip
def test_zeros_and_columns_that_are_no_amount_import(tmp_path: Path, backend: str, column: str) -> None:
    path = tmp_path / "inv.csv"
    third = "0.00" if column.split()[-1] not in ("Date", "Reason") else ("2024-02-20" if "Date" in column else "late")
    path.write_text(_invoices(column, third))
    cohorts = pd.read_csv(run(tmp_path, "--orders", path, backend=backend) / "order_revenue_cohorts.csv")
    assert cohorts.iloc[0].tolist() == ["2024-01", 150.0, 100.0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_chargebees_invoices_with_the_amount_paid_mapped_import(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "Invoices.csv"
    path.write_text(
        "Invoice Number,Invoice Date,Customer Id,Status,Amount,Amount Paid,Amount Adjusted,Credits Applied,"
        "Amount Due,Write Off Amount\n"
        "1001,2024-01-05,cust_a,Paid,100.00,100.00,0.00,0.00,0.00,0.00\n"
        "1002,2024-01-10,cust_b,Paid,50.00,50.00,0.00,0.00,0.00,0.00\n"
        "1003,2024-02-05,cust_a,Paid,100.00,70.00,0.00,0.00,0.00,30.00\n"
        "1004,2024-02-12,cust_c,Paid,70.00,70.00,0.00,0.00,0.00,0.00\n"
    )
    mapped = "customer_id=Customer Id,date=Invoice Date,order_id=Invoice Number,amount="
    err = refusal(capsys, "--orders", str(path), "--columns", mapped + "Amount", "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err == (
        f"Invoices.csv, column 'Write Off Amount': {_problem('written off', 'Amount')} in row 4 (counting the header "
        "as row 1): '30.00'"
    )
    out = run(tmp_path, "--orders", path, "--columns", mapped + "Amount Paid", backend=backend)
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2024-01", 150.0, 70.0]
