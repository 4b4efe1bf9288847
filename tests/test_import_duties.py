"""Import duties inside an order's total are no revenue (H188 finding 11).

Shopify Markets' orders export writes 'Duties' (paid to customs at checkout) inside 'Total' (= 'Subtotal' +
'Shipping' + 'Taxes' + 'Duties'): with 'Total' mapped the duties counted as revenue (January 165.0 for 140.0) and
the shipping's note said 'Subtotal' is 'Total' less the tax and the shipping, untrue on those rows. Now the duties
are taken off with a note where another column, or the amount's name, says they are in it; 'Subtotal' mapped is
without them; a name that tells nothing is refused naming the duties column.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SHOPIFY = (
    "Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,"
    "Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Refunded Amount,Id,Tax 1 Name,Tax 1 Value,Duties\n"
    "#1003,a@x.com,paid,2026-02-02 09:00:00 -0500,USD,50.00,10.00,0.00,72.50,0.00,2026-02-02 09:00:00 -0500,1,Tee,"
    "50.00,,0.00,3,,,12.50\n"
    "#1002,b@x.com,paid,2026-01-20 09:00:00 -0500,USD,40.00,5.00,3.20,48.20,0.00,2026-01-20 09:00:00 -0500,1,Cap,"
    "40.00,,0.00,2,NY 8%,3.20,\n"
    "#1001,a@x.com,paid,2026-01-05 09:00:00 -0500,USD,100.00,15.00,0.00,140.00,0.00,2026-01-05 09:00:00 -0500,2,Tee,"
    "50.00,,0.00,1,,,25.00\n"
)


def _revenue(path, amount, backend):
    columns = {"customer_id": "Email", "date": "Created at", "amount": amount}
    tables = load_tables(orders=path, columns=columns, backend=backend)
    return tables.order_revenue_cohorts.iloc[0].tolist()[:2], tables.notes


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_duties_inside_the_total_are_taken_off(tmp_path, backend: str) -> None:
    (tmp_path / "orders_export.csv").write_text(SHOPIFY)
    revenue, notes = _revenue(tmp_path / "orders_export.csv", "Total", backend)
    assert revenue == [140.0, 50.0]  # the Subtotals
    assert (
        "orders_export.csv: 'Total' includes the import duties in 'Duties' ('Subtotal' is Total less them and "
        "'Shipping'): taken off, a duty is a tax paid to customs, not revenue"
    ) in notes
    assert _revenue(tmp_path / "orders_export.csv", "Subtotal", backend)[0] == [140.0, 50.0]  # without them


def test_duties_beside_an_amount_that_tells_nothing_are_refused(tmp_path) -> None:
    (tmp_path / "o.csv").write_text(
        "order_id,customer_id,date,amount,Duties\n1,a,2026-01-05,125.00,25.00\n2,b,2026-01-20,40.00,\n"
    )
    with pytest.raises(DataError) as error:
        load_tables(orders=tmp_path / "o.csv")
    assert str(error.value) == (
        "o.csv: column 'Duties' holds import duties (row 2: '25.00' beside 'amount' "
        "'125.00') and is not used; a duty is a tax paid to customs, no revenue, and whether 'amount' includes it "
        "cannot be told: map a column of amounts without duties (--columns amount=NAME: Shopify's 'Subtotal'), or "
        "remove the duties column if the amounts are without them"
    )
