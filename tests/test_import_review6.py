"""Import faults found by a reviewer (H45, sixth review): each test on its own small input, pandas and DuckDB.

* 1: a later positive order naming an earlier one as its parent (a renewal, a re-order) is an order of its own; only
  a refund (a negative amount, a refund type or status) with a parent is taken off its parent (was refused as a row
  of the parent 'with another date').
* 2: a bare 'Total' with one amount on each order's rows (items at one price, or the order's total repeated?) is
  refused naming the column and order (was counted once: 50 where the items add up to 70, silently); Shopify's
  'Total' on an order's first row only, items at different prices and 'Order Total' are read.
* 3: an order whose status says refunded while its refund rows take off only part of it is refused naming its rows
  (was left out whole: January 30, 1 buyer, silently).
* 4: a snapshot row (customer, month, MRR) whose flag (is_active false, cancelled or churned true) or status says the
  subscription ended, with an MRR above 0, is refused naming the row (was counted active: February MRR 150).
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
WOO_COLUMNS = "customer_id=billing_email,date=date_created,amount=total"


# -- 1: a positive order with a parent order id is an order of its own ----------------------------------------------
RENEWALS = (
    "order_id,parent_order_id,status,date_created,billing_email,total\n"
    "100,,completed,2026-01-10 10:00:00,ann@x.com,80.00\n"
    "200,100,completed,2026-02-10 10:00:00,ann@x.com,80.00\n"
    "300,,completed,2026-02-11 10:00:00,bob@x.com,30.00\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_1_a_positive_order_naming_a_parent_is_an_order_of_its_own(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "renewals.csv"
    path.write_text(RENEWALS)
    out = run(tmp_path, "--orders", path, "--columns", WOO_COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 1, 0], ["2026-02", 2, 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")[["0", "1"]].values.tolist()[0] == [80.0, 80.0]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("amount", ["-20.00", "(20.00)"])
def test_1_a_refund_naming_a_parent_is_still_taken_off_it(tmp_path: Path, backend: str, amount: str) -> None:
    path = tmp_path / "refund.csv"
    path.write_text(RENEWALS.replace("ann@x.com,80.00\n300", f"ann@x.com,{amount}\n300"))
    out = run(tmp_path, "--orders", path, "--columns", WOO_COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-01", 1], ["2026-02", 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [60.0, 30.0]


# -- 2: a bare 'Total' with equal amounts on an order's rows is ambiguous --------------------------------------------
ITEMS = (
    "order_id,customer_id,date,{total},item\n"
    "1,a,2026-01-05,20.00,Latte\n"
    "1,a,2026-01-05,{second},Cappuccino\n"
    "2,b,2026-01-06,30.00,Mug\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_2_a_bare_total_equal_on_an_orders_rows_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "items.csv"
    path.write_text(ITEMS.format(total="Total", second="20.00"))  # was 50 in January (counted once), silently
    args = ("--orders", str(path), "--columns", "amount=Total", "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        "items.csv, column 'Total': rows of one order (order_id '1') with the same amount each under a bare 'Total' "
        "(each item's total, equal by chance, to add up, or the order's total on each item's row, to count once?) in "
        "rows 2, 3 (counting the header as row 1): '20.00', '20.00': map amount to the items' price column (--columns "
        "amount=NAME), or, if it is the order's total, head its column 'Order Total'"
    )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("total", "second", "january"),
    [
        ("Total", "", 50.0),  # Shopify's: the order's total on its first row only
        ("Total", "25.00", 75.0),  # items at different prices: added up
        ("Order Total", "20.00", 50.0),  # the order's total on each item's row: once
    ],
)
def test_2_a_total_the_layout_or_name_decides_is_read(
    tmp_path: Path, backend: str, total: str, second: str, january: float
) -> None:
    path = tmp_path / "items.csv"
    path.write_text(ITEMS.format(total=total, second=second))
    out = run(tmp_path, "--orders", path, "--columns", f"amount={total}", backend=backend)
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-01", 2]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].sum() == january


# -- 3: an order whose status says refunded, with refund rows of part of it -------------------------------------------
REFUNDED = (
    "order_id,customer_id,date,amount,status\n"
    "1,a,2026-01-05,80,Refunded\n"
    "1,a,2026-01-20,{refund},Refunded\n"
    "2,b,2026-01-06,30,completed\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_3_a_refunded_status_with_a_partial_refund_row_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(REFUNDED.format(refund="-20"))  # was left out whole: January 30, 1 buyer, silently
    args = ("--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        "orders.csv, column 'status': an order (order_id '1') whose status says refunded in full, with refund rows "
        "that take off only part of it (60 kept): which is right cannot be told; correct the status or the refund "
        "rows in rows 2, 3 (counting the header as row 1): 'Refunded', 'Refunded'"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_3_a_refunded_status_with_a_full_refund_row_leaves_no_purchase(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(REFUNDED.format(refund="-80"))  # both say refunded in full
    out = run(tmp_path, "--orders", path, backend=backend)
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-01", 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [30.0]


# -- 4: a snapshot row flagged ended or not active with an MRR --------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "ended", "going"),
    [("is_active", "false", "true"), ("cancelled", "true", "false"), ("churned", "true", "false"),
     ("status", "canceled", "active")],
)  # fmt: skip
def test_4_a_snapshot_row_flagged_ended_with_an_mrr_is_refused(
    tmp_path: Path, capsys, backend: str, column: str, ended: str, going: str
) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_text(
        f"customer_id,month,mrr,{column}\na,2026-01,100,{going}\na,2026-02,100,{going}\nb,2026-01,50,{going}\n"
        f"b,2026-02,50,{ended}\n"
    )  # was counted active: February 2 customers, MRR 150, silently
    what = "status" if column == "status" else "flag"
    args = ("--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        f"snapshots.csv, column '{column}': snapshot rows with an MRR whose {what} says the subscription ended or is "
        "not active (a snapshot's row with an MRR counts as an active, paying customer that month; whether this one "
        f"paid cannot be told): remove the rows of subscriptions that ended, or correct the {what} in row 5 "
        f"(counting the header as row 1): '{ended}'"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_4_a_snapshot_row_flagged_ended_with_mrr_0_is_read(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "snapshots.csv"
    path.write_text(
        "customer_id,month,mrr,is_active\na,2026-01,100,true\na,2026-02,100,true\nb,2026-01,50,true\n"
        "b,2026-02,0,false\n"
    )
    out = run(tmp_path, "--subscriptions", path, backend=backend)
    movements = pd.read_csv(out / "movements.csv")
    assert movements.loc[movements["month"] == "2026-02", ["customers_end", "mrr_end"]].values.tolist() == [[1, 100.0]]
