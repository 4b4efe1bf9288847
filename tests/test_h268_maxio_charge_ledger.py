"""Maxio's (Chargify's) transactions export: every renewal is a Charge row (the invoice's line, ``kind`` baseline) and
the Payment row settling it a second later; a Refund row names the payment it refunds in ``payment_id`` (H266
finding 09). Both rows were counted (September 98.00 for 49.00, every buyer a repeat purchaser) and the refund only
left out (customer 702's 99.00 refunded in full still a buyer). By hand: September 1 buyer, 49.00, no repeat
purchaser; October 1 buyer (701, returning), 49.00."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    "id,created_at,type,kind,transaction_type,amount_in_cents,success,memo,customer_id,subscription_id,payment_id,"
    "parent_id\n"
)
CHARGES = """9001,2026-09-03 10:00:00 -0400,Charge,baseline,charge,4900,true,Basic,701,5001,,
9003,2026-10-03 10:00:00 -0400,Charge,baseline,charge,4900,true,Basic,701,5001,,
9005,2026-10-10 10:00:00 -0400,Charge,baseline,charge,9900,true,Pro,702,5002,,
"""
PAYMENTS = """9002,2026-09-03 10:00:01 -0400,Payment,,payment,4900,true,,701,5001,,
9004,2026-10-03 10:00:01 -0400,Payment,,payment,4900,true,,701,5001,,
9006,2026-10-10 10:00:01 -0400,Payment,,payment,9900,true,,702,5002,,
9007,2026-10-15 10:00:00 -0400,Refund,,refund,9900,true,Refund,702,5002,9006,
"""
COLUMNS = {"date": "created_at", "amount": "amount_in_cents"}


def _write(tmp_path: Path, rows: str, drop_kind: bool = False) -> Path:
    path = tmp_path / "transactions.csv"
    text = HEADER + rows
    if drop_kind:
        text = "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != 3) for line in text.splitlines())
    path.write_text(text + ("\n" if drop_kind else ""))
    return path


@pytest.mark.parametrize("drop_kind", [False, True])
def test_charges_beside_their_payments_are_refused(tmp_path: Path, drop_kind: bool) -> None:
    with pytest.raises(DataError) as caught:
        load_tables(orders=_write(tmp_path, CHARGES + PAYMENTS, drop_kind), columns=COLUMNS)
    message = str(caught.value)
    assert "column 'type': payments beside the charges they settle" in message, message
    assert "in rows 5, 6, 7 (counting the header as row 1)" in message, message
    assert "keep the Payment rows only" in message


def test_a_refund_naming_its_payment_asks_for_the_payments_id(tmp_path: Path, capsys) -> None:
    args = [
        "import",
        "--orders",
        str(_write(tmp_path, PAYMENTS)),
        "--columns",
        "date=created_at,amount=amount_in_cents",
    ]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) != 0
    err = capsys.readouterr().err
    assert "column 'payment_id': refund rows that name their sale's 'id' in 'payment_id'" in err, err
    assert "in row 5 (counting the header as row 1): '9006': map the sales' id, --columns order_id=id" in err, err


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_payments_with_the_refund_taken_off(tmp_path: Path, backend: str) -> None:
    columns = "date=created_at,amount=amount_in_cents,order_id=id"
    args = ["import", "--orders", str(_write(tmp_path, PAYMENTS)), "--columns", columns, "--backend", backend]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 0
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        rows = {r["month"]: (r["buyers"], r["repeat_purchasers"], r["returning"]) for r in csv.DictReader(f)}
    assert rows == {"2026-09": ("1", "0", "0"), "2026-10": ("1", "0", "1")}
    tables = load_tables(orders=tmp_path / "transactions.csv", columns={**COLUMNS, "order_id": "id"})
    assert tables.order_revenue_cohorts.fillna(-1).to_numpy().tolist() == [[49.0, 49.0], [0.0, -1.0]]


def test_two_kinds_of_sale_pass(tmp_path: Path) -> None:
    """A charge and a payment of one customer and amount a month apart: two sales (Stripe's card charge, then a
    payment by another method), counted as such."""
    rows = """1,2026-09-03 10:00:00 -0400,charge,,charge,4900,true,,701,,,
2,2026-10-03 10:00:00 -0400,payment,,payment,4900,true,,701,,,
"""
    tables = load_tables(orders=_write(tmp_path, rows, drop_kind=True), columns=COLUMNS)
    assert tables.purchases["buyers"].tolist() == [1, 1]
