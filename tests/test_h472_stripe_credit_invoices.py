"""Stripe invoices: a proration credit invoice counted as a purchase by its 0.00 paid (H467 finding 02).

cus_B's Feb invoice in_4 is a downgrade's credit: Subtotal and Total -20.00, Amount Due and Amount Paid 0.00. Mapped
as ``amount="Amount Paid"`` it was an order of 0.00: Feb buyers 2, returning 2; ``amount=Total`` gave 1 and 1 (a
negative amount is a refund). A row whose mapped amount is 0 and whose own total is below 0 is left out now, with a
note: 1 and 1 whichever money column is mapped, on pandas and on an engine (hand count: only cus_A bought in Feb and
had bought in Jan). A 0.00 invoice beside a Subtotal of 49.00 (a coupon) stays an order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

_ROWS = (
    "id,Customer,Amount Due,Amount Paid,Subtotal,Total,{status}Billing Reason,Date (UTC),Ending Balance\n"
    "in_1,cus_A,100.00,100.00,100.00,100.00,{paid}subscription_create,2026-01-05 10:00,0.00\n"
    "in_2,cus_B,50.00,50.00,50.00,50.00,{paid}subscription_create,2026-01-06 10:00,0.00\n"
    "in_3,cus_A,100.00,100.00,100.00,100.00,{paid}subscription_cycle,2026-02-05 10:00,0.00\n"
    "in_4,cus_B,0.00,0.00,-20.00,-20.00,{paid}subscription_update,2026-02-07 10:00,-20.00\n"
    "in_5,cus_C,0.00,0.00,49.00,0.00,{paid}subscription_cycle,2026-03-01 10:00,0.00\n"
)


def _february_and_march(out: Path) -> list[list[object]]:
    purchases = pd.read_csv(out / "purchases.csv").set_index("month")
    return [purchases.loc[m, ["buyers", "returning"]].tolist() for m in ("2026-02", "2026-03")]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("status", [True, False])
@pytest.mark.parametrize("amount", ["Amount Paid", "Amount Due", "Total"])
def test_a_credit_invoice_is_no_purchase_whichever_money_column_is_mapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, status: bool, amount: str
) -> None:
    text = _ROWS.format(status="Status," if status else "", paid="paid," if status else "")
    path = written(tmp_path, "invoices.csv", text)
    columns = f"customer_id=Customer,date=Date (UTC),amount={amount}"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    assert _february_and_march(out) == [[1, 1], [1, 0]]  # cus_B credited in Feb: no buyer; cus_C's coupon: one
    said = capsys.readouterr()
    notes = [line for line in (said.out + said.err).splitlines() if "credit invoice" in line]
    if amount == "Total":  # -20.00: a refund, no purchase, as before
        assert notes == []
    else:
        assert notes == [
            f"invoices.csv: 1 row(s) of a credit invoice left out, row 5: {amount!r} 0.00 beside 'Subtotal' -20.00 "
            "(the invoice's own total a credit to the customer, nothing paid) is no purchase, as 'Subtotal' mapped "
            "reads it; any other order of 0.00 is an order"
        ]


def test_a_duckdb_table_of_invoices_with_a_credit_invoice(tmp_path: Path) -> None:
    """A typed DuckDB table (amounts DOUBLE, no status): counted where it is and by the table functions, Feb buyers 1,
    returning 1, as the import's (before: 2 and 2 where it is)."""
    import duckdb
    import ibis

    from xl_retention import relational, tables
    from xl_retention.reading import ReadOptions

    path = written(tmp_path, "i.csv", _ROWS.format(status="", paid=""))
    con = duckdb.connect()
    con.execute(
        'CREATE TABLE invoices AS SELECT Customer AS customer_id, "Date (UTC)" AS date, "Amount Paid" AS amount, '
        f"Total AS total FROM read_csv('{path}')"
    )
    table = ibis.duckdb.from_connection(con).table("invoices")
    units = ReadOptions(amounts="units")  # whole DOUBLEs beside cus_ ids, no currency: cents or units is asked
    for got in (
        relational.repeat_purchases(table, options=units),
        tables.repeat_purchases(table.to_pandas(), options=units),
    ):
        assert got[["buyers", "returning"]].to_numpy().tolist() == [[2, 0], [1, 1], [1, 0]]
