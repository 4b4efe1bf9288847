"""WooCommerce's order export has both ``order_id`` (our own column's name) and ``order_number``: it was refused as
"2 columns could be the order id" advising --columns order_id=order_id (H213 finding 02). A column named as ours is
the order id, as an exact ``customer_id`` is the customer's (reading.orders.order_aliases); a file with only
``order_number`` still reads it as the order id. By hand: buyers 2, 2, 1 (2026-09 to 2026-11), returning 0, 1, 0;
revenue net of tax and shipping 150.00 (100 + 50; #503 refunded), 193.70 (#504: 216 - 16 tax less the 50 refund's
net share 46.30; #505: 48.20 - 3.20 tax - 5 shipping; #506 cancelled), 40.00."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import run

ROWS = """order_id,order_number,order_date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,cart_discount,order_discount,discount_total,order_total,refunded_total,order_currency,payment_method,customer_id,billing_email
501,501,2026-09-02 10:00:00,completed,5.00,0.00,0.00,0.00,8.00,0.00,0.00,0.00,113.00,0.00,USD,stripe,12,ann@x.com
502,502,2026-09-05 11:00:00,completed,5.00,0.00,0.00,0.00,4.00,0.00,0.00,0.00,59.00,0.00,USD,stripe,0,guest1@x.com
503,503,2026-09-20 12:00:00,refunded,5.00,0.00,0.00,0.00,2.00,0.00,0.00,0.00,32.00,32.00,USD,stripe,12,ann@x.com
504,504,2026-10-03 09:00:00,completed,0.00,0.00,0.00,0.00,16.00,0.00,0.00,0.00,216.00,50.00,USD,paypal,13,bo@x.com
505,505,2026-10-10 09:00:00,processing,5.00,0.00,0.00,0.00,3.20,0.00,0.00,0.00,48.20,0.00,USD,paypal,12,ann@x.com
506,506,2026-10-12 09:00:00,cancelled,5.00,0.00,0.00,0.00,3.20,0.00,0.00,0.00,48.20,0.00,USD,paypal,14,cy@x.com
507,507,2026-11-12 09:00:00,completed,5.00,0.00,0.00,0.00,3.20,0.00,0.00,0.00,48.20,0.00,USD,bacs,14,cy@x.com
"""  # noqa: E501
COLUMNS = "customer_id=billing_email,date=order_date,amount=order_total"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("drop", [None, "order_id"])
def test_the_column_named_order_id_is_the_order_id(tmp_path: Path, backend: str, drop: str | None) -> None:
    lines = [line.split(",") for line in ROWS.splitlines()]
    kept = [i for i, name in enumerate(lines[0]) if name != drop]  # only order_number: its alias still reads it
    (tmp_path / "woo.csv").write_text("\n".join(",".join(line[i] for i in kept) for line in lines) + "\n")
    out = run(tmp_path, "--orders", tmp_path / "woo.csv", "--columns", COLUMNS, backend=backend)
    purchases = [(r["month"], r["buyers"], r["returning"]) for r in _rows(out / "purchases.csv")]
    assert purchases == [("2026-09", "2", "0"), ("2026-10", "2", "1"), ("2026-11", "1", "0")]
    cohorts = _rows(out / "order_revenue_cohorts.csv")
    by_month = [0.0, 0.0, 0.0]
    for row in cohorts:
        start = ["2026-09", "2026-10", "2026-11"].index(row["cohort"])
        for age in range(3 - start):
            by_month[start + age] += float(row[str(age)] or 0)
    assert [round(v, 2) for v in by_month] == [150.0, 193.7, 40.0]
