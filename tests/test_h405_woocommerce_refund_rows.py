"""A WooCommerce orders export (REST field names: ``id``, ``parent_id``, ``status``, ``total``, ``total_tax``,
``shipping_total``, ``shipping_tax``) whose refunds are rows of their own: ``parent_id`` the refunded order, ``total``
negative, status ``wc-completed`` (H397's findings 03 and 05).

Without an amount mapped such a row was counted as a purchase (January 2 buyers, February 1 returning, where the
hand count is 1 and 0); now it is no purchase, and a refund in part is refused naming 'total' to map. With
``amount=total`` the import was refused, asking for "a column of the shipping's tax" beside ``shipping_tax`` (0.00:
the shipping is not taxed); now it runs, each refund (written gross: no tax or shipping on its row) taken off its
order's net amount in the order's share.

Hand count: 101 a 64.40 = 50.00 + 9.50 tax + 4.90 shipping (January); 102 b wc-refunded, 103 its refund of all
of it; 104 b 64.40 (50.00 net) refunded 16.10 by 106 (a quarter: 12.50 net), 105 c 11.90 = 10.00 + 1.90
(February). Buyers: January a; February b, c (b's January order refunded: not returning). Revenue: January 50.00;
February 50.00 - 12.50 + 10.00 = 47.50.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.import_cli import refusal, run, written

HEADER = "id,parent_id,status,date_created,total,total_tax,shipping_total,shipping_tax,billing_email\n"
ROWS = [
    "101,0,wc-completed,2026-01-05 10:00:00,64.40,9.50,4.90,0.00,a@x.de",
    "102,0,wc-refunded,2026-01-10 10:00:00,23.80,3.80,0.00,0.00,b@x.de",
    "103,102,wc-completed,2026-01-12 10:00:00,-23.80,0.00,0.00,0.00,b@x.de",
    "104,0,wc-completed,2026-02-03 10:00:00,64.40,9.50,4.90,0.00,b@x.de",
    "105,0,wc-completed,2026-02-04 10:00:00,11.90,1.90,0.00,0.00,c@x.de",
    "106,104,wc-completed,2026-02-10 10:00:00,-16.10,0.00,0.00,0.00,b@x.de",
]
COLUMNS = ["--columns", "customer_id=billing_email,date=date_created,order_id=id"]


def _table(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def _counts(folder: Path) -> list[tuple[str, str, str, str]]:
    return [(r["month"], r["buyers"], r["repeat_purchasers"], r["returning"]) for r in _table(folder, "purchases.csv")]


def test_full_refund_rows_without_amount_are_no_purchases(tmp_path: Path) -> None:
    path = written(tmp_path, "woo.csv", HEADER + "\n".join(ROWS[:5]) + "\n")  # 103 refunds all of 102
    out = run(tmp_path, "--orders", path, *COLUMNS)
    assert _counts(out) == [("2026-01", "1", "0", "0"), ("2026-02", "2", "0", "0")]


def test_partial_refund_row_without_amount_is_refused_naming_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "woo.csv", HEADER + "\n".join(ROWS) + "\n")
    message = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "out"))
    assert message.startswith("woo.csv, column 'total': refund rows of paid orders, and no amount mapped")
    assert "('total' says 16.1 of 64.4 refunded)" in message
    assert "(id '104' first) in rows 5, 7 (counting the header as row 1): '64.40', '-16.10'" in message
    assert message.endswith("map the column of each row's amount ('total') with --columns amount=NAME (the refunds "
                            "are then taken off their orders)")  # fmt: skip


def test_amount_total_beside_untaxed_shipping_and_gross_refund_rows(tmp_path: Path) -> None:
    path = written(tmp_path, "woo.csv", HEADER + "\n".join(ROWS) + "\n")
    out = run(tmp_path, "--orders", path, "--columns",
              "customer_id=billing_email,date=date_created,order_id=id,amount=total")  # fmt: skip
    assert _counts(out) == [("2026-01", "1", "0", "0"), ("2026-02", "2", "0", "0")]
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert [(r["cohort"], float(r["0"])) for r in revenue] == [("2026-01", 50.0), ("2026-02", 47.5)]
