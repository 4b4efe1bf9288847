"""A refund in the charge's own currency is not taken off the converted amount mapped (Stripe's payments export).

H66 finding 08: 'Amount Refunded' (50.00, in the charge's GBP) beside 'Converted Amount' (127.00 USD) mapped as the
amount was taken off it: 77.00 kept (right 63.50), Feb cohort revenue 223.00 for 209.50, exit 0; a full refund in GBP
left a purchase. Only a refund above the converted amount was refused. Now a refund column named as another amount's
refund ('Amount' + ' Refunded') is refused naming its rows where that amount differs from the one mapped; where they
are the same (one currency), it is taken off as before.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Currency,Status,Customer ID\n"
)
ROWS = (
    "ch_1,2024-01-05 10:00,100.00,,eur,108.00,usd,Paid,cus_A\n"  # blank: nothing refunded
    "ch_2,2024-01-06 10:00,100.00,0.00,usd,100.00,usd,Paid,cus_B\n"
    "ch_3,2024-02-05 10:00,50.00,0.00,usd,50.00,usd,Paid,cus_A\n"
    "ch_4,2024-02-06 10:00,100.00,50.00,gbp,127.00,usd,Paid,cus_C\n"
    "ch_5,2024-02-07 10:00,200.00,0.00,cad,146.00,usd,Paid,cus_D\n"
)
COLUMNS = {"customer_id": "Customer ID", "date": "Created date (UTC)", "amount": "Converted Amount"}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refund_of_another_amount_is_refused(tmp_path, backend: str) -> None:
    (tmp_path / "payments.csv").write_text(HEADER + ROWS)
    with pytest.raises(DataError) as error:
        load_tables(orders=tmp_path / "payments.csv", columns=COLUMNS, backend=backend)
    assert str(error.value) == (
        "payments.csv, column 'Amount Refunded': refunds of 'Amount', not of 'Converted Amount' (the amount mapped, "
        "which differs there: another currency?) in row 5 (counting the header as row 1): '50.00': export the refunded "
        "part of 'Converted Amount' too ('Converted Amount Refunded': Stripe's export dialog)"
    )
    # refunded in USD, the same amount both ways: taken off as before (ch_2: 100 less 40)
    (tmp_path / "payments.csv").write_text(HEADER + ROWS.replace("100.00,0.00,usd,100.00", "100.00,40.00,usd,100.00"
                                           ).replace("100.00,50.00,gbp", "100.00,0.00,gbp"))  # fmt: skip
    revenue = load_tables(orders=tmp_path / "payments.csv", columns=COLUMNS, backend=backend).order_revenue_cohorts
    assert revenue.loc[revenue.index[0]].tolist()[:2] == [168.0, 50.0]  # 108 + (100 - 40); cus_A's 50 in February
