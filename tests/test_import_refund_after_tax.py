"""A refunded amount beside a gross amount whose tax is taken off is taken off in the same share (H54 finding 04).

Shopify's orders export: 'Total' (gross) beside 'Taxes' is read net of tax, and its 'Refunded Amount' is written
gross, as the Total it refunds. The refund was compared with (and taken off) the Total after its tax was taken off:
an order refunded in full (31.46 of 31.46, net 29.50) was refused as "refunded amounts above the amount of their row
in 'Total'", in every Shopify export with one full refund (and by rfm_summary); a partial refund of 20.00 of 95.04
left 88.00 - 20.00 = 68.00. Now the refund is taken off in the amount's net share: in full, no purchase; 20.00 of
95.04 leaves 88 x 75.04 / 95.04 = 69.4815.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")

ORDERS = pd.DataFrame({
    "Name": ["#1001", "#1002", "#1003", "#1004"],
    "Email": ["a@x.com", "b@x.com", "a@x.com", "c@x.com"],
    "Financial Status": ["paid", "refunded", "paid", "partially_refunded"],
    "Created at": ["2026-03-05 10:00:00 -0500", "2026-03-20 10:00:00 -0400", "2026-04-02 10:00:00 -0400",
                   "2026-04-03 10:00:00 -0400"],
    "Subtotal": [14.00, 24.50, 88.00, 88.00],
    "Shipping": [5.00, 5.00, 0.00, 0.00],
    "Taxes": [1.12, 1.96, 7.04, 7.04],
    "Total": [20.12, 31.46, 95.04, 95.04],
    "Refunded Amount": [0.00, 31.46, 0.00, 20.00],
})  # fmt: skip
COLUMNS = {"customer_id": "Email", "date": "Created at", "amount": "Total"}
PARTIAL = 88 * (95.04 - 20) / 95.04  # 69.4815...


def _tables(tmp_path, frame: pd.DataFrame = ORDERS, **engine):
    frame.to_csv(tmp_path / "orders.csv", index=False)
    return load_tables(orders=tmp_path / "orders.csv", columns=COLUMNS, **engine)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_full_refund_of_a_gross_total_is_no_purchase(tmp_path, backend) -> None:
    tables = _tables(tmp_path, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 2]
    revenue = tables.order_revenue_cohorts
    assert revenue.loc["2026-03", 0] == pytest.approx(14.00, abs=1e-9)  # 20.12 - 1.12 - 5.00 shipping; #1002 refunded
    assert revenue.loc["2026-03", 1] == pytest.approx(88.00, abs=1e-9)
    assert revenue.loc["2026-04", 0] == pytest.approx(PARTIAL, abs=1e-9)  # not 88.00 - 20.00 = 68.00


def test_a_duckdb_table_takes_the_refund_off_alike(tmp_path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.register("frame", ORDERS)
        con.execute("CREATE TABLE orders AS SELECT * FROM frame")
    tables = load_tables(
        orders="table:orders", columns=COLUMNS, backend="duckdb", connection=str(tmp_path / "w.duckdb")
    )
    assert tables.purchases["buyers"].tolist() == [1, 2]
    assert tables.order_revenue_cohorts.loc["2026-04", 0] == pytest.approx(PARTIAL, abs=1e-9)


def test_rfm_summary_reads_the_export() -> None:
    rfm = xr.rfm_summary(ORDERS, customer_id="Email", date="Created at", amount="Total")
    assert rfm.loc["a@x.com"].tolist() == [1.0, 28.0, 29.0, 88.0]
    assert "b@x.com" not in rfm.index  # refunded in full: no purchase


def test_a_refund_above_the_gross_amount_is_still_refused(tmp_path) -> None:
    over = ORDERS.assign(**{"Refunded Amount": [0.00, 40.00, 0.00, 20.00]})
    with pytest.raises(DataError) as caught:
        _tables(tmp_path, over)
    assert str(caught.value) == (
        "orders.csv, column 'Refunded Amount': refunded amounts above the amount of their row in 'Total' (a refund "
        "of another amount, in another currency?) in row 3 (counting the header as row 1): '40.0': map the amount "
        "whose refund this is, or correct the rows"
    )


def test_a_net_amount_takes_the_refund_off_as_written(tmp_path) -> None:
    net = ORDERS.drop(columns=["Taxes"])  # no tax taken off: 95.04 - 20.00
    assert _tables(tmp_path, net).order_revenue_cohorts.loc["2026-04", 0] == pytest.approx(75.04, abs=1e-9)
