"""H555's finding 02: a refunded-amount column under a common synonym was ignored, a full refund counted as a purchase
(2026-09: 2 buyers and 150.00 for 1 and 50.00): "Reimbursed", German compounds "Zurückerstattet", "Rückzahlung",
"Zurückgezahlt" are refunds now (taken off as "Refund" and "Erstattet" are); Spanish "Devuelto" and Italian
"Restituito" alone may be items returned, refused as "Returned" is ("Importe devuelto" names money: taken off); a
reversal ("Reversed", Stripe Connect's amount_reversed) may be a chargeback won back: refused naming it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ORDERS = (
    "order_id,customer_id,date,amount,{name}\n"
    "A1,x,2026-09-02,100.00,100.00\n"
    "A2,y,2026-09-05,50.00,0.00\n"
    "A3,y,2026-10-05,70.00,20.00\n"
)


def _import(tmp_path: Path, name: str) -> int:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS.format(name=name), encoding="utf-8")
    return cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o")])


@pytest.mark.parametrize(
    "name", ["Reimbursed", "Zurückerstattet", "Rückzahlung", "Zurückgezahlt", "Importe devuelto", "Refund"]
)
def test_a_refund_column_under_another_word_is_taken_off(tmp_path: Path, name: str) -> None:
    assert _import(tmp_path, name) == 0
    with open(tmp_path / "o" / "order_revenue_cohorts.csv", newline="") as f:
        assert list(csv.reader(f))[1] == ["2026-09", "50.0", "50.0"]
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        assert {r["month"]: r["buyers"] for r in csv.DictReader(f)} == {"2026-09": "1", "2026-10": "1"}


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Devuelto", "a count of items returned (whether to take it off cannot be told): rename it 'Refunded Amount' "
                     "where it is money, or remove it"),
        ("Restituito", "a count of items returned (whether to take it off cannot be told): rename it 'Refunded "
                       "Amount' where it is money, or remove it"),
        ("Amount Reversed", "a chargeback won back (money returned to you: whether to take it off cannot be told): "
                            "rename it 'Refunded Amount' where it is money refunded to the customer, or remove it"),
    ],
)  # fmt: skip
def test_a_column_that_may_be_items_or_a_reversal_is_refused(tmp_path: Path, capsys, name: str, why: str) -> None:
    assert _import(tmp_path, name) == 1
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: orders.csv: column {name!r} may be the amount refunded or {why}"
    )
