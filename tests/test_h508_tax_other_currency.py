"""H508's finding 02: a FastSpring-style orders report writes each order's 'Tax' in the order's own currency beside
'Total (USD)' converted to dollars. The tax was taken off as if it were dollars (19.00 EUR off 128.52 USD: 109.52,
where 128.52 x 100/119 = 108.00 is right; January 209.52 for 208.00). The import now refuses naming the tax column,
the row's currency and the way that works: the amount in the rows' own currency, one table per currency."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

HEADER = "Order Reference,Order Date,Customer Email,Currency,Subtotal,{tax},Total,Total (USD)\n"
ROWS = (
    "FS1,2026-01-04,a@x.com,USD,100.00,0.00,100.00,100.00\n"
    "FS2,2026-01-09,b@x.de,EUR,100.00,19.00,119.00,128.52\n"
    "FS3,2026-02-02,a@x.com,USD,180.00,0.00,180.00,180.00\n"
    "FS5,2026-03-01,b@x.de,EUR,100.00,19.00,119.00,133.28\n"
)
COLUMNS = "customer_id=Customer Email,date=Order Date,amount={amount}"


def _import(tmp_path: Path, tax: str, amount: str, *more: str) -> int:
    (tmp_path / "fs.csv").write_text(HEADER.format(tax=tax) + ROWS)
    args = ["import", "--orders", str(tmp_path / "fs.csv"), "--to-csv", str(tmp_path / "out")]
    return cli.main([*args, "--columns", COLUMNS.format(amount=amount), *more])


def test_a_tax_in_each_orders_currency_beside_converted_amounts_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(tmp_path, "Tax", "Total (USD)") == 1  # was 0, January 209.52
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == (
        "xl-retention: error: fs.csv: column 'Tax' holds taxes in each row's own currency ('Currency': 'EUR' in row 3, "
        "tax '19.00') beside 'Total (USD)' converted to USD ('128.52'); revenue is net of tax, and tax in another "
        "currency cannot be taken off it: map the amount in the rows' own currency (--columns amount=Total) and "
        "import with --segment 'Currency' (one table per currency), or add the tax in USD as a column of its own"
    )
    assert not (tmp_path / "out").exists()


def test_the_way_the_refusal_gives_reads_each_currency_net_of_its_tax(tmp_path: Path) -> None:
    assert _import(tmp_path, "Tax", "Total", "--segment", "Currency") == 0
    table = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str})
    first = table[table["cohort"] == "2026-01"].set_index("segment")
    assert first.loc["EUR", "0"] == 100.0 and first.loc["EUR", "2"] == 100.0  # 119.00 less 19.00 VAT
    assert first.loc["USD", "0"] == 100.0 and first.loc["USD", "1"] == 180.0


def test_a_tax_named_in_the_converted_currency_is_taken_off_as_before(tmp_path: Path) -> None:
    (tmp_path / "fs.csv").write_text(
        "Order Reference,Order Date,Customer Email,Currency,Tax (USD),Total (USD)\n"
        "FS1,2026-01-04,a@x.com,USD,0.00,100.00\n"
        "FS2,2026-01-09,b@x.de,EUR,20.52,128.52\n"
    )
    args = ["import", "--orders", str(tmp_path / "fs.csv"), "--to-csv", str(tmp_path / "out")]
    assert cli.main([*args, "--columns", COLUMNS.format(amount="Total (USD)")]) == 0
    table = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str})
    assert table.set_index("cohort").loc["2026-01", "0"] == 208.0  # 100.00 + 128.52 - 20.52


def test_shipping_in_each_orders_currency_beside_converted_amounts_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fs.csv").write_text(
        "Order Reference,Order Date,Customer Email,Currency,Subtotal,Shipping,Total,Total (USD)\n"
        "FS1,2026-01-04,a@x.com,USD,100.00,5.00,105.00,105.00\n"
        "FS2,2026-01-09,b@x.de,EUR,100.00,5.00,105.00,113.40\n"
    )
    args = ["import", "--orders", str(tmp_path / "fs.csv"), "--to-csv", str(tmp_path / "out")]
    assert cli.main([*args, "--columns", COLUMNS.format(amount="Total (USD)")]) == 1  # was 0: 5.00 EUR taken as USD
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "xl-retention: error: fs.csv: column 'Shipping' holds shipping in each row's own currency ('Currency': 'EUR' "
        "in row 3, shipping '5.00') beside 'Total (USD)' converted to USD ('113.40'); revenue is net of shipping, and "
        "shipping in another currency cannot be taken off it: map the amount in the rows' own currency (--columns "
        "amount=Total) and import with --segment 'Currency' (one table per currency), or add the shipping in USD as a "
        "column of its own"
    )


def test_refunds_in_each_orders_currency_beside_converted_amounts_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """H513's finding 03: the same fault in the refunded amounts (50.00 EUR taken off 108.00 USD as dollars: January
    158.00 for 154.00, exit 0)."""
    (tmp_path / "fs.csv").write_text(
        "Order Reference,Order Date,Customer Email,Currency,Total,Total (USD),Refunded Amount\n"
        "FS1,2026-01-04,a@x.com,USD,100.00,100.00,0.00\n"
        "FS2,2026-01-09,b@x.de,EUR,100.00,108.00,50.00\n"
    )
    args = ["import", "--orders", str(tmp_path / "fs.csv"), "--to-csv", str(tmp_path / "out")]
    assert cli.main([*args, "--columns", COLUMNS.format(amount="Total (USD)")]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "xl-retention: error: fs.csv: column 'Refunded Amount' holds refunds in each row's own currency ('Currency': "
        "'EUR' in row 3, refunds '50.00') beside 'Total (USD)' converted to USD ('108.00'); revenue is net of refunds, "
        "and refunds in another currency cannot be taken off it: map the amount in the rows' own currency (--columns "
        "amount=Total) and import with --segment 'Currency' (one table per currency), or add the refunds in USD as a "
        "column of its own"
    )


def test_a_subscriptions_refusal_advises_the_mrr_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """H513's finding 08: the refusal of a subscriptions file advised '--columns amount=mrr', itself refused there."""
    (tmp_path / "m.csv").write_text(
        "customer_id,month,currency,mrr,tax,mrr_usd\n"
        "a,2026-01,USD,100.00,0.00,100.00\n"
        "b,2026-01,EUR,100.00,19.00,128.52\n"
    )
    args = ["import", "--subscriptions", str(tmp_path / "m.csv"), "--to-csv", str(tmp_path / "out")]
    assert cli.main([*args, "--columns", "mrr=mrr_usd"]) == 1
    said = capsys.readouterr().err.strip().splitlines()[-1]
    assert "map the amount in the rows' own currency (--columns mrr=mrr) and import with --segment 'currency'" in said
