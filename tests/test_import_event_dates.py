"""An orders file's date column of an event that unmakes an order ('Refunded At', 'Failed At', 'Chargeback Date', a
table's soft delete ``deleted_at``) was left unread: the order counted as a purchase, exit 0, no note (H66 finding 14);
'Erstattet am' (refunded on) was taken for a refunded amount ('values that are not numbers'). A filled failure,
chargeback or deletion date leaves the order out, as ``cancelled_at`` does; a filled refund date (in full or in part?)
or dispute date (won or lost?) is refused naming the rows unless a column says which.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEAD = "order_id,customer_id,date,amount"
ROWS = ["1,a,2024-01-05,100,", "2,b,2024-01-06,50,", "3,a,2024-02-05,80,", "4,b,2024-02-06,60,",
        "5,c,2024-02-07,40,2024-02-20"]  # fmt: skip


def _orders(path: Path, column: str, extra: str = "", values: tuple[str, ...] = ()) -> Path:
    rows = [row + (f",{values[k]}" if values else "") for k, row in enumerate(ROWS)]
    path.write_text("\n".join([f"{HEAD},{column}{extra}", *rows]) + "\n")
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_soft_deleted_order_is_no_purchase(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path / "orders.csv", "deleted_at"), backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


@pytest.mark.parametrize("column", ["Failed At", "failure_date"])
def test_a_failure_date_alone_is_refused(tmp_path: Path, capsys, column: str) -> None:
    """A failed attempt may be paid on a retry: without a status, whether the order was paid cannot be told."""
    path = _orders(tmp_path / "orders.csv", column)
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column '{column}': failure dates, and no status column says whether the order was paid after (a "
        "failed attempt may be paid on a retry): add the export's status column, or remove the rows of orders never "
        "paid in row 6 (counting the header as row 1): '2024-02-20'"
    )


@pytest.mark.parametrize(("column", "extra", "said"), [("Last Failed Payment At", ",Status", "paid"),
                                                        ("Chargeback Date", ",Chargeback Status", "won")])  # fmt: skip
def test_a_failure_or_chargeback_date_beside_its_outcome_is_read_by_the_outcome(
    tmp_path: Path, column: str, extra: str, said: str
) -> None:
    """H71 finding 01: paid after a retry, a chargeback won: the order stands (c counted in February)."""
    path = _orders(tmp_path / "orders.csv", column, extra, ("",) * 4 + (said,))
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 3, 2]]


@pytest.mark.parametrize("column", ["Refunded At", "Refund Date", "refunded_at", "Returned On", "Erstattet am"])
def test_a_refund_date_alone_is_refused(tmp_path: Path, capsys, column: str) -> None:
    path = _orders(tmp_path / "orders.csv", column)
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column '{column}': refund dates without the amount refunded (in full or in part cannot be told: "
        "add the export's refunded amount column, or a status saying refunded or paid) in row 6 (counting the header "
        "as row 1): '2024-02-20'"
    )


def test_a_refund_date_beside_a_status_is_read_by_the_status(tmp_path: Path) -> None:
    path = _orders(tmp_path / "orders.csv", "Refunded At", ",Status", ("paid",) * 4 + ("refunded",))
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


def test_a_refund_date_beside_a_refunded_amount_takes_the_amount_off(tmp_path: Path) -> None:
    path = _orders(tmp_path / "orders.csv", "Refunded At", ",Refunded Amount", ("0",) * 4 + ("15",))
    out = run(tmp_path, "--orders", path)
    purchases = pd.read_csv(out / "purchases.csv")  # c's order refunded in part: a purchase of 25
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 3, 2]]


def test_a_dispute_date_without_its_outcome_is_refused(tmp_path: Path, capsys) -> None:
    path = _orders(tmp_path / "orders.csv", "disputed_at")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'disputed_at': dispute dates, and no column says whether the dispute was won (a dispute "
        "lost is a chargeback, no purchase): add the dispute's status or outcome column, or remove the rows of "
        "disputes lost in row 6 (counting the header as row 1): '2024-02-20'"
    )


def test_a_typed_table_with_a_deletion_date_is_read_as_the_file(tmp_path: Path) -> None:
    """A DuckDB table (typed: TIMESTAMP dates, DOUBLE amounts) with a deleted_at column: c's order no purchase."""
    import duckdb

    from xl_retention import cli

    csv = _orders(tmp_path / "orders.csv", "deleted_at")
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv('{csv}', header=true)")
        assert con.execute("SELECT typeof(deleted_at) FROM orders LIMIT 1").fetchone()[0] in ("DATE", "TIMESTAMP")
    out = tmp_path / "out"
    assert cli.main(["import", "--orders", "table:orders", "--backend", "duckdb", "--connection", database,
                     "--to-csv", str(out)]) == 0  # fmt: skip
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]
