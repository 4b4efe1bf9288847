"""A tax column's twins are no second tax (H484's findings 02 and 03).

Paddle Classic writes each payment in the buyer's currency (sale_gross, payment_tax, fee, earnings) and in the
seller's balance currency (balance_gross, balance_tax, balance_fee, balance_earnings); Lemon Squeezy writes every
amount beside its display twin (tax 200 beside tax_formatted '$2.00'). Both were refused: "columns ... hold taxes and
are not used; revenue is net of tax, and whether 'balance_gross' includes them cannot be told". Each amount's tax is
the one named as its own (balance_tax of balance_gross), or the one no other amount of the file owns (payment_tax of
sale_gross); a display twin is the same tax. Hand counts: (130 - 20.76) + 50 = 159.24 a month in the balance currency,
119 - 19 = 100 a month for the EUR payments; Lemon Squeezy's September cohort 12 - 2 + 40 - 10 = 40, October 10.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import status_and_output, written

PADDLE = (
    "alert_name,order_id,subscription_id,email,event_time,currency,sale_gross,payment_tax,fee,earnings,"
    "balance_currency,balance_gross,balance_tax,balance_fee,balance_earnings\n"
    "subscription_payment_succeeded,1001-1,501,ann@x.com,2026-09-03 10:00:00,EUR,119.00,19.00,6.45,93.55,USD,130.00,"
    "20.76,7.05,102.19\n"
    "subscription_payment_succeeded,1002-1,502,bob@x.com,2026-09-10 10:00:00,USD,50.00,0.00,3.00,47.00,USD,50.00,0.00,"
    "3.00,47.00\n"
    "subscription_payment_succeeded,1001-2,501,ann@x.com,2026-10-03 10:00:00,EUR,119.00,19.00,6.45,93.55,USD,130.00,"
    "20.76,7.05,102.19\n"
    "subscription_payment_succeeded,1002-2,502,bob@x.com,2026-10-10 10:00:00,USD,50.00,0.00,3.00,47.00,USD,50.00,0.00,"
    "3.00,47.00\n"
)
LEMON = (
    "id,order_number,user_email,currency,currency_rate,subtotal,discount_total,tax,total,subtotal_usd,"
    "discount_total_usd,tax_usd,total_usd,status,refunded,refunded_amount,refunded_amount_usd,subtotal_formatted,"
    "discount_total_formatted,tax_formatted,total_formatted,refunded_amount_formatted,created_at,test_mode\n"
    "1001,1,ann@x.com,USD,1.0000,1000,0,200,1200,1000,0,200,1200,paid,false,0,0,$10.00,$0.00,$2.00,$12.00,$0.00,"
    "2026-09-05T10:00:00.000000Z,false\n"
    "1002,2,bob@x.com,USD,1.0000,5000,1000,0,4000,5000,1000,0,4000,partial_refund,false,1000,1000,$50.00,$10.00,"
    "$0.00,$40.00,$10.00,2026-09-07T10:00:00.000000Z,false\n"
    "1003,3,ann@x.com,USD,1.0000,1000,0,200,1200,1000,0,200,1200,paid,false,0,0,$10.00,$0.00,$2.00,$12.00,$0.00,"
    "2026-10-05T10:00:00.000000Z,false\n"
    "1004,4,cid@x.com,USD,1.0000,3000,0,0,3000,3000,0,0,3000,refunded,true,3000,3000,$30.00,$0.00,$0.00,$30.00,"
    "$30.00,2026-10-08T10:00:00.000000Z,false\n"
)
PADDLE_IDS = "customer_id=email,date=event_time,order_id=order_id"


def _revenue(capsys, tmp_path: Path, text: str, *options: str) -> tuple[list[str], pd.DataFrame]:
    path = written(tmp_path, "orders.csv", text)
    code, said, _ = status_and_output(capsys, "import", "--orders", path, *options, "--to-csv", tmp_path / "o")
    assert code == 0, said
    return said.splitlines(), pd.read_csv(tmp_path / "o" / "order_revenue_cohorts.csv").set_index("cohort")


def test_paddle_balance_gross_takes_balance_tax_off(tmp_path: Path, capsys) -> None:
    said, revenue = _revenue(capsys, tmp_path, PADDLE, "--columns", PADDLE_IDS + ",amount=balance_gross")
    assert list(revenue.loc["2026-09", ["0", "1"]]) == pytest.approx([159.24, 159.24])
    assert any("'balance_gross' includes the tax in 'balance_tax'" in line for line in said), said


def test_paddle_sale_gross_takes_payment_tax_off(tmp_path: Path, capsys) -> None:
    options = ("--segment", "currency=EUR", "--columns", PADDLE_IDS + ",amount=sale_gross")
    said, revenue = _revenue(capsys, tmp_path, PADDLE, *options)
    assert list(revenue.loc["2026-09", ["0", "1"]]) == pytest.approx([100.0, 100.0])
    assert "orders.csv: 'balance_tax' is the tax of 'balance_gross', not of 'sale_gross': not used" in said


def test_lemon_squeezy_display_twin_is_no_second_tax(tmp_path: Path, capsys) -> None:
    columns = "customer_id=user_email,date=created_at,amount=total,order_id=id"
    said, revenue = _revenue(capsys, tmp_path, LEMON, "--columns", columns)
    assert list(revenue.loc["2026-09", ["0", "1"]]) == pytest.approx([40.0, 10.0])
    assert (
        "orders.csv: 'tax_formatted' is a tax column written for display beside the same tax: not a second tax"
    ) in said
