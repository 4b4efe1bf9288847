"""Square's tips beside a partial refund: 'Net Sales' is read, and the tip refusal never names the column mapped
(H188 finding 09).

'Total Collected' is 'Net Sales' + 'Tax' + 'Tip' less the 'Partial Refunds' (-$10.00): the import looked for the sum
without the refund, found none and refused, telling the user to map Square's 'Net Sales', the column mapped. Now the
refund is taken out of the sum too: the tips are outside 'Net Sales' and the refund comes off it (January 40.0).
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SQUARE = (
    "Date,Gross Sales,Discounts,Net Sales,Tax,Tip,Partial Refunds,Total Collected,Transaction ID,Customer ID\n"
    "2026-01-05,$20.00,$0.00,$20.00,$1.75,$2.00,-$10.00,$13.75,T1,CUST1\n"
    "2026-01-20,$30.00,$0.00,$30.00,$2.63,$0.00,$0.00,$32.63,T2,CUST2\n"
    "2026-02-03,$10.00,$0.00,$10.00,$0.88,$0.00,$0.00,$10.88,T3,CUST1\n"
)
COLUMNS = {"customer_id": "Customer ID", "date": "Date", "amount": "Net Sales"}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_tips_beside_a_partial_refund(tmp_path, backend: str) -> None:
    (tmp_path / "transactions.csv").write_text(SQUARE)
    revenue = load_tables(orders=tmp_path / "transactions.csv", columns=COLUMNS, backend=backend).order_revenue_cohorts
    # Ann 20 less the 10.00 refunded of her 23.75 collected in its share (H441: 10 x 20 / 23.75), Bob 30; Ann's
    # February 10
    assert [round(v, 2) for v in revenue.iloc[0].tolist()[:2]] == [41.58, 10.0]
    # a total that tells nothing: refused, never naming the column mapped as the way out
    (tmp_path / "transactions.csv").write_text(SQUARE.replace("$13.75", "$99.00"))
    with pytest.raises(DataError) as error:
        load_tables(orders=tmp_path / "transactions.csv", columns=COLUMNS, backend=backend)
    assert str(error.value).endswith(
        "map a column of amounts without tips (--columns amount=NAME), or remove the tip column if the amounts are "
        "without them"
    )
