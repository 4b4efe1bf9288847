"""A payments export (Paddle-like: ``id``, ``transaction_id``, ``status``) writing a chargeback or refund as a row of
its own (``adj_01``) that repeats its sale's ``transaction_id`` and says what it is in the STATUS column
(``chargeback``, ``refunded``, ``dispute_lost``), not in a type column. The row was left out as an unpaid order and
its sale kept whole: January's revenue 90 where the sale of 40 was charged back (50). It is now the refund of its
sale, taken off it; a ``chargeback_reverse`` row undoes its chargeback (the sale stands whole, docs/metrics.md); a
chargeback row naming an id of two sales is refused naming the rows (which sale it takes back cannot be told)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "id,transaction_id,customer_id,created_at,total,currency_code,status\n"
SALES = "txn_01,txn_01,ctm_a,2024-01-05,50.00,USD,completed\ntxn_02,txn_02,ctm_b,2024-01-06,40.00,USD,completed\n"
LATER = (
    "txn_03,txn_03,ctm_c,2024-02-07,30.00,USD,completed\n"
    "adj_02,txn_03,ctm_c,2024-02-17,30.00,USD,chargeback\n"
    "adj_03,txn_03,ctm_c,2024-03-01,30.00,USD,chargeback_reverse\n"
    "txn_04,txn_04,ctm_a,2024-02-08,25.00,USD,completed\n"
    "txn_05,txn_05,ctm_d,2024-03-08,25.00,USD,completed\n"
)
COLUMNS = ("--columns", "date=created_at,amount=total")


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "chargeback",
    [
        "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,chargeback\n",
        "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,Refunded\n",
        "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,dispute_lost\n",
        "adj_01,txn_02,ctm_b,2024-01-06,40.00,USD,chargeback\n",  # the day of its sale: a row of its own still
        "adj_01,txn_02,ctm_b,2024-01-20,-40.00,USD,chargeback\n",  # negative: was dropped as a refund not made
    ],
)
def test_a_chargeback_row_by_its_status_is_taken_off_its_sale(tmp_path: Path, backend: str, chargeback: str) -> None:
    path = tmp_path / "p6.csv"
    path.write_text(HEADER + SALES + chargeback + LATER)
    out = run(tmp_path, "--orders", path, *COLUMNS, backend=backend)
    # January: txn_01's 50 (txn_02's 40 charged back); February: txn_03's 30 (its chargeback reversed) and 25
    assert _revenue(out) == ["2024-01,50.0,25.0,0.0", "2024-02,30.0,0.0,", "2024-03,25.0,,"]
    buyers = pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist()
    assert buyers == [["2024-01", 1], ["2024-02", 2], ["2024-03", 1]]  # ctm_b bought nothing


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_chargeback_of_part_of_a_sale_takes_that_part_off(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "p6.csv"
    path.write_text(HEADER + SALES + "adj_01,txn_02,ctm_b,2024-01-20,10.00,USD,chargeback\n" + LATER)
    out = run(tmp_path, "--orders", path, *COLUMNS, backend=backend)
    assert _revenue(out)[0] == "2024-01,80.0,25.0,0.0"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_with_an_order_id_column_the_chargeback_row_is_taken_off_its_order(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    text = HEADER + SALES + "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,chargeback\n" + LATER
    path.write_text(text.replace("transaction_id", "order_id", 1))  # was refused: 'rows of one order with another date'
    out = run(tmp_path, "--orders", path, *COLUMNS, backend=backend)
    assert _revenue(out)[0] == "2024-01,50.0,25.0,0.0"


def test_a_chargeback_row_naming_two_sales_is_refused_naming_the_rows(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p6.csv"
    twice = "txn_02b,txn_02,ctm_b,2024-01-07,15.00,USD,completed\n"  # was 105: both sales, the chargeback dropped
    path.write_text(HEADER + SALES + twice + "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,chargeback\n" + LATER)
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "p6.csv, column 'transaction_id': a row whose status says 'chargeback' (the money given back) with an id of "
        "its own, naming 'transaction_id' 'txn_02', the id of 2 sales: which sale it takes back cannot be told (left "
        "out as unpaid, it would take nothing off) in rows 3, 4, 5 (counting the header as row 1): 'txn_02', "
        "'txn_02', 'txn_02': give each sale an id of its own in 'transaction_id' (the refund's row naming the one it "
        "takes back)"
    )


def test_a_sale_refunded_in_full_by_its_own_status_is_still_no_purchase(tmp_path: Path) -> None:
    """A transaction whose own row says refunded (no row of its own for the refund) beside its subscription's other
    payments: no purchase, the other payments whole (a subscription id is no sale's id)."""
    path = tmp_path / "transactions.csv"
    path.write_text(
        "id,subscription_id,customer_id,created_at,total,currency_code,status\n"
        "txn_1,sub_1,ctm_a,2024-01-05,40.00,USD,completed\n"
        "txn_2,sub_1,ctm_a,2024-02-05,40.00,USD,refunded\n"
        "txn_3,sub_1,ctm_a,2024-03-05,40.00,USD,completed\n"
    )
    out = run(tmp_path, "--orders", path, *COLUMNS)
    assert _revenue(out) == ["2024-01,40.0,0.0,40.0", "2024-02,0.0,0.0,", "2024-03,0.0,,"]
