"""An order's status that says its dispute (Shopify's "Financial Status" ``dispute_won``) and Paddle's chargeback rows
(a type ``chargeback``, then ``chargeback_reverse`` when Paddle won the dispute) were refused as 'order statuses
that say neither paid nor unpaid' / 'row types that say neither a sale nor a refund' (H63). docs/metrics.md: a
dispute lost is a chargeback, the money taken back (no purchase, as a refund); a dispute won keeps it. Now
``dispute_won`` is paid, ``dispute_lost`` not, a chargeback's reversal undoes its chargeback (the sale stands whole),
and a dispute still open (``disputed``, ``chargeback_warning``) is refused as an open dispute, naming the rows.
Paddle's adjustments' ``action`` column, blank on the transactions, was not read at all (each chargeback one more
purchase, silently): it is read as a type column.
"""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.relational.load import load_tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]
SHOPIFY = "customer_id=Email,date=Created at,amount=Total"
OPEN = (
    "disputes not decided yet (a dispute lost takes the money back, a dispute won keeps it: whether these were "
    "purchases cannot be told)"
)
ADVICE = "import again once they are decided, or remove their rows"


def _shopify(third: str = "dispute_lost", fourth: str = "dispute_won") -> str:
    return (
        "Name,Email,Financial Status,Paid at,Total,Created at\n"
        "#1001,a@x.com,paid,2024-01-05 10:00:00 -0500,50.00,2024-01-05 10:00:00 -0500\n"
        "#1002,b@x.com,paid,2024-01-06 10:00:00 -0500,40.00,2024-01-06 10:00:00 -0500\n"
        f"#1003,c@x.com,{third},2024-01-07 10:00:00 -0500,30.00,2024-01-07 10:00:00 -0500\n"
        f"#1004,c@x.com,{fourth},2024-02-07 10:00:00 -0500,20.00,2024-02-07 10:00:00 -0500\n"
        "#1005,a@x.com,paid,2024-02-08 10:00:00 -0500,25.00,2024-02-08 10:00:00 -0500\n"
    )


def _tables(out: Path) -> tuple[list[list[object]], list[list[object]]]:
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv").fillna("").to_numpy().tolist()
    buyers = pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].to_numpy().tolist()
    return cohorts, buyers


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_dispute_lost_is_no_purchase_and_one_won_is(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(_shopify())
    cohorts, buyers = _tables(run(tmp_path, "--orders", path, "--columns", SHOPIFY, backend=backend))
    # c's January order charged back (no purchase): c is new in February with the dispute won's 20
    assert cohorts == [["2024-01", 90.0, 25.0], ["2024-02", 20.0, ""]]
    assert buyers == [["2024-01", 2, 0], ["2024-02", 2, 1]]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("status", ["disputed", "chargeback_pending", "Dispute Open"])
def test_a_dispute_not_decided_is_refused(tmp_path: Path, capsys, backend: str, status: str) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(_shopify(fourth=status))
    err = refusal(capsys, "--orders", str(path), "--columns", SHOPIFY, "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err == (
        f"orders_export.csv, column 'Financial Status': {OPEN} in row 5 (counting the header as row 1): '{status}': "
        f"{ADVICE}"
    )


def _paddle(reversal: str = "chargeback_reverse") -> str:
    return (
        "id,transaction_id,customer_id,created_at,total,currency_code,type\n"
        "txn_01,txn_01,ctm_a,2024-01-05,50.00,USD,payment\n"
        "txn_02,txn_02,ctm_b,2024-01-06,40.00,USD,payment\n"
        "adj_01,txn_02,ctm_b,2024-01-20,40.00,USD,chargeback\n"
        "txn_03,txn_03,ctm_c,2024-02-07,30.00,USD,payment\n"
        "adj_02,txn_03,ctm_c,2024-02-17,30.00,USD,chargeback\n"
        f"adj_03,txn_03,ctm_c,2024-03-01,30.00,USD,{reversal}\n"
        "txn_04,txn_04,ctm_a,2024-02-08,25.00,USD,payment\n"
        "txn_05,txn_05,ctm_d,2024-03-08,25.00,USD,payment\n"
    )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("reversal", ["chargeback_reverse", "Chargeback Reversal", "dispute_reversal"])
def test_a_chargeback_reversed_undoes_its_chargeback(tmp_path: Path, backend: str, reversal: str) -> None:
    path = tmp_path / "paddle.csv"
    path.write_text(_paddle(reversal))
    cohorts, buyers = _tables(run(tmp_path, "--orders", path, "--columns", "date=created_at,amount=total",
                                  backend=backend))  # fmt: skip
    # ctm_b's payment charged back: no purchase; ctm_c's chargeback reversed: its 30 stands, March no purchase of it
    assert cohorts == [["2024-01", 50.0, 25.0, 0.0], ["2024-02", 30.0, 0.0, ""], ["2024-03", 25.0, "", ""]]
    assert buyers == [["2024-01", 1, 0], ["2024-02", 2, 1], ["2024-03", 1, 0]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_chargeback_warning_is_a_dispute_not_decided(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "paddle.csv"
    path.write_text(_paddle("chargeback_warning"))
    err = refusal(capsys, "--orders", str(path), "--columns", "date=created_at,amount=total", "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        f"paddle.csv, column 'type': {OPEN} in row 7 (counting the header as row 1): 'chargeback_warning': {ADVICE}"
    )


def _adjustments() -> str:
    """Paddle's transactions beside their adjustments: the adjustments' ``action``, blank on the transactions."""
    lines = _paddle().splitlines()
    lines[0] = lines[0].replace(",type", ",action")
    return "\n".join(line.replace(",payment", ",") for line in lines) + "\n"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_chargeback_in_an_adjustments_action_column_is_no_purchase(tmp_path: Path, backend: str) -> None:
    """The 'action' column was not read at all: each chargeback and its reversal counted as one more purchase (January
    revenue 130 for 50, ctm_b a repeat purchaser), silently. Blank on the sales, it is read as a type column is."""
    path = tmp_path / "paddle.csv"
    path.write_text(_adjustments())
    cohorts, buyers = _tables(run(tmp_path, "--orders", path, "--columns", "date=created_at,amount=total",
                                  backend=backend))  # fmt: skip
    assert cohorts == [["2024-01", 50.0, 25.0, 0.0], ["2024-02", 30.0, 0.0, ""], ["2024-03", 25.0, "", ""]]
    assert buyers == [["2024-01", 1, 0], ["2024-02", 2, 1], ["2024-03", 1, 0]]


def test_a_chargeback_in_an_adjustments_action_column_of_a_duckdb_table(tmp_path: Path) -> None:
    frame = pd.read_csv(io.StringIO(_adjustments().replace("ctm_", "c"))).assign(
        created_at=lambda f: pd.to_datetime(f["created_at"])
    )
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    tables = load_tables(orders="table:t", backend="duckdb", connection=str(db),
                         columns={"date": "created_at", "amount": "total"})  # fmt: skip
    assert tables.order_revenue_cohorts.fillna(-1).to_numpy().tolist() == [[50.0, 25.0, 0.0], [30.0, 0.0, -1],
                                                                            [25.0, -1, -1]]  # fmt: skip
