"""Google Play's earnings report has no buyer id; mapped as the customer id, its order id "Description" made each
renewal (``GPA....36789..0``, ``..1``: the first order's id and a count) a new buyer: September cohort 1, 0, 0 for
1, 1, 1, October returning 0 for 1 (H266 finding 15). A renewal's id is now read as its first order's purchaser."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.workbook.importer import load_tables

ROWS = (
    (
        "Description,Transaction Date,Transaction Type,Product id,Product Type,Amount (Merchant Currency),"
        "Merchant Currency\n"
    )
    + """GPA.3371-5148-4219-36789,"Sep 3, 2026",Charge,com.acme.app,subscription,9.99,USD
GPA.3371-5148-4219-36789..0,"Oct 3, 2026",Charge,com.acme.app,subscription,9.99,USD
GPA.3371-5148-4219-36789..1,"Nov 3, 2026",Charge,com.acme.app,subscription,9.99,USD
GPA.3388-1111-2222-33333,"Oct 12, 2026",Charge,com.acme.app,inapp,5.39,USD
"""
)


@pytest.mark.parametrize("order", [True, False])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_renewals_are_their_first_orders_purchaser(tmp_path: Path, backend: str, order: bool) -> None:
    path = tmp_path / "earnings.csv"
    path.write_text(ROWS)
    columns = {"customer_id": "Description", "date": "Transaction Date", "amount": "Amount (Merchant Currency)"}
    if order:
        columns["order_id"] = "Description"
    tables = load_tables(orders=path, columns=columns, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 2, 1]
    assert tables.purchases["returning"].tolist() == [0, 1, 1]
    assert tables.order_cohorts.fillna(-1).to_numpy().tolist() == [[1, 1, 1], [1, 0, -1], [0, -1, -1]]
    assert tables.order_revenue_cohorts.iloc[0].tolist() == [9.99, 9.99, 9.99]


def test_the_note_says_so(tmp_path: Path, capsys) -> None:
    path = tmp_path / "earnings.csv"
    path.write_text(ROWS)
    columns = "customer_id=Description,date=Transaction Date,amount=Amount (Merchant Currency)"
    assert cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert (
        "earnings.csv, column 'Description': 2 Google Play renewal order id(s) read as their subscription's first "
        "order's purchaser ('GPA.3371-5148-4219-36789..0' as 'GPA.3371-5148-4219-36789'" in out
    ), out
