"""Rows an orders export marks as collecting no money (H266 findings 10 and 03): Paddle's 0.00 transaction of origin
``subscription_payment_method_change`` (a card update) made ctm_01b, who never paid again, a returning buyer in
October (2 buyers for 1; September cohort 2, 2, 1 for 2, 1, 1); the App Store Subscriber report's free-trial start
(Subscription Offer Type "Free Trial", 0.00 proceeds) put subscriber 2 in the September cohort (September 2 buyers
for 1, October returning 2 for 1). Such rows are left out with a note; with an amount other than 0, refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

PADDLE = (
    (
        "id,status,customer_id,currency_code,origin,subscription_id,invoice_id,created_at,subtotal,tax,total,"
        "grand_total,fee,earnings\n"
    )
    + """txn_01a,completed,ctm_01a,USD,web,sub_01a,inv_01a,2026-09-03T10:00:00Z,30.00,0.00,30.00,30.00,1.95,28.05
txn_01b,completed,ctm_01b,USD,web,sub_01b,inv_01b,2026-09-10T10:00:00Z,30.00,0.00,30.00,30.00,1.95,28.05
txn_01c,completed,ctm_01a,USD,subscription_recurring,sub_01a,inv_01c,2026-10-03T10:00:00Z,30.00,0.00,30.00,30.00,1.95,28.05
txn_01d,completed,ctm_01b,USD,subscription_payment_method_change,sub_01b,,2026-10-20T10:00:00Z,0.00,0.00,0.00,0.00,0.00,0.00
txn_01e,completed,ctm_01a,USD,subscription_recurring,sub_01a,inv_01e,2026-11-03T10:00:00Z,30.00,0.00,30.00,30.00,1.95,28.05
"""
)
APPLE = [
    ("2026-09-03", "", "9.99", "6.99", "100000000000000001"),
    ("2026-09-27", "Free Trial", "0.00", "0.00", "100000000000000002"),
    ("2026-10-03", "", "9.99", "6.99", "100000000000000001"),
    ("2026-10-04", "", "9.99", "6.99", "100000000000000002"),
    ("2026-11-03", "", "9.99", "6.99", "100000000000000001"),
    ("2026-11-04", "", "9.99", "6.99", "100000000000000002"),
]
APPLE_HEADER = "\t".join(["Event Date", "Subscription Name", "Subscription Offer Type", "Customer Price",
                           "Customer Currency", "Developer Proceeds", "Proceeds Currency", "Subscriber ID", "Refund",
                           "Purchase Date", "Units"])  # fmt: skip
APPLE_COLUMNS = {"customer_id": "Subscriber ID", "date": "Event Date", "amount": "Developer Proceeds"}


def _apple(tmp_path: Path, rows=APPLE) -> Path:
    lines = [APPLE_HEADER] + [f"{d}\tPro Monthly\t{o}\t{p}\tUSD\t{q}\tUSD\t{s}\t\t{d}\t1" for d, o, p, q, s in rows]
    path = tmp_path / "subscriber_report.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_paddle_card_update_is_no_purchase(tmp_path: Path, capsys) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(PADDLE)
    tables = load_tables(orders=path, columns={"date": "created_at", "amount": "subtotal"})
    assert tables.purchases["buyers"].tolist() == [2, 1, 1]
    assert tables.purchases["returning"].tolist() == [0, 1, 1]
    assert tables.order_cohorts.iloc[0].tolist() == [2, 1, 1]
    args = ["import", "--orders", str(path), "--columns", "date=created_at,amount=subtotal", "--to-csv", str(tmp_path)]
    assert cli.main(args) == 0
    assert "transactions.csv: 1 row(s) of 'origin' left out, row 5: a card update" in capsys.readouterr().out


def test_paddle_card_update_with_money_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(PADDLE.replace("sub_01b,,2026-10-20T10:00:00Z,0.00", "sub_01b,,2026-10-20T10:00:00Z,30.00"))
    with pytest.raises(DataError) as caught:
        load_tables(orders=path, columns={"date": "created_at", "amount": "subtotal"})
    message = str(caught.value)
    assert "column 'subtotal': rows that 'origin' calls a card update with an amount other than 0" in message, message
    assert "in row 5 (counting the header as row 1): '30.00'" in message, message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_app_store_free_trial_is_no_purchase(tmp_path: Path, backend: str) -> None:
    tables = load_tables(orders=_apple(tmp_path), columns=APPLE_COLUMNS, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 2, 2]
    assert tables.purchases["returning"].tolist() == [0, 1, 2]
    assert tables.order_cohorts.fillna(-1).to_numpy().tolist() == [[1, 1, 1], [1, 1, -1], [0, -1, -1]]


def test_app_store_free_trial_with_proceeds_is_refused(tmp_path: Path) -> None:
    rows = [r if r[1] != "Free Trial" else (r[0], r[1], "0.00", "6.99", r[4]) for r in APPLE]
    with pytest.raises(DataError) as caught:
        load_tables(orders=_apple(tmp_path, rows), columns=APPLE_COLUMNS)
    message = str(caught.value)
    assert "column 'Developer Proceeds': rows that 'Subscription Offer Type' calls a free trial's start" in message
    assert "in row 3 (counting the header as row 1): '6.99'" in message, message
