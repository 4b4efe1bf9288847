"""A discount column beside an order's amount before discounts: revenue is after discounts (H36 finding 09: Square's
Gross Sales beside Discounts, Shopify's Lineitem price beside Lineitem discount: Jan cohort 150 for 130, a free
item's 30 counted, exit 0, no note)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

SQUARE = (
    "Date,Time,Category,Item,Qty,Gross Sales,Discounts,Net Sales,Transaction ID,Customer ID\n"
    "2024-01-05,10:00:00,Food,Cake,2,$100.00,-$20.00,$80.00,T1,C1\n"
    "2024-01-06,10:00:00,Food,Tea,1,$50.00,$0.00,$50.00,T2,C2\n"
    "2024-02-05,10:00:00,Food,Tea,1,$30.00,-$30.00,$0.00,T3,C1\n"
)
SHOPIFY = (
    "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem discount\n"
    "#1001,a@x.com,paid,2024-01-05 10:00:00,2,Mug,50.00,20.00\n"
    "#1002,b@x.com,paid,2024-01-06 10:00:00,1,Cup,50.00,0.00\n"
    "#1003,a@x.com,paid,2024-02-05 10:00:00,1,Tea,30.00,30.00\n"
)


@pytest.mark.parametrize("text, columns, note", [
    (SQUARE, "customer_id=Customer ID,amount=Gross Sales",
     "square.csv: 'Gross Sales' is before the discounts in 'Discounts' ('Net Sales' is Gross Sales - Discounts): "
     "taken off, revenue is after discounts"),
    (SHOPIFY, "customer_id=Email,date=Created at,amount=Lineitem price",
     "square.csv: 'Lineitem price' is before the discounts in 'Lineitem discount' (its name says before discounts): "
     "taken off, revenue is after discounts"),
])  # fmt: skip
def test_an_amount_before_its_discount_has_it_taken_off(tmp_path: Path, capsys, text, columns, note) -> None:
    path = tmp_path / "square.csv"
    path.write_text(text)
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", columns)
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2024-01,130.0,0.0"
    assert note in capsys.readouterr().out.splitlines()


def test_an_amount_after_its_discount_is_kept_and_an_untold_one_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,Total,Discount Amount\na,2024-01-05,80,20\nb,2024-01-06,50,0\n"
                    "a,2024-02-05,10,5\n")  # fmt: skip
    out = run(tmp_path, "--orders", path, "--columns", "amount=Total")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2024-01,130.0,10.0"
    path.write_text("customer_id,date,amount,Rabatt\na,2024-01-05,80,20\nb,2024-01-06,50,0\n")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Rabatt': discounts beside 'amount' in row 2 (counting the header as row 1): '20': "
        "revenue is after discounts, and whether 'amount' is before or after them cannot be told: map the amount "
        "after discounts (--columns amount=NAME), or remove the discount column if 'amount' is after it already"
    )


def test_an_amount_another_column_proves_after_its_discount_is_kept(tmp_path: Path, capsys) -> None:
    """H116 finding 01: Shopify's Subtotal is after its Discount Amount (Lineitem price 50 = Subtotal 40 + 10): the
    proof was a ('after', column) pair compared with 'after', so the discount was taken off again (30 for 40)."""
    path = tmp_path / "shopify.csv"
    path.write_text(
        "Name,Email,Created at,Subtotal,Discount Amount,Lineitem quantity,Lineitem price\n"
        "#2001,zoe@x.com,2026-01-10 10:00:00,70.00,0.00,1,70.00\n"
        "#2002,zoe@x.com,2026-02-10 10:00:00,40.00,10.00,1,50.00\n"
        "#2003,yan@x.com,2026-02-11 10:00:00,20.00,0.00,1,20.00\n"
    )
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Subtotal")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2026-01,70.0,40.0", "2026-02,20.0,"]
    assert not any("discount" in line for line in capsys.readouterr().out.splitlines())


SQUARE_TAXED = (  # Square's item sales with its Tax column: Tax is 8.75 % of Net Sales, added on top of it
    "Date,Time,Item,Qty,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Customer ID\n"
    "2026-01-15,17:23:17,Latte,1,$20.00,$0.00,$20.00,$1.75,T1,C4\n"
    "2026-01-11,16:29:57,Tea,1,$12.50,-$2.00,$10.50,$0.92,T2,C19\n"
    "2026-01-20,19:02:46,Latte,1,$20.00,$0.00,$20.00,$1.75,T3,C12\n"
)


def test_gross_sales_before_discounts_is_before_tax_too(tmp_path: Path, capsys) -> None:
    """H188 finding 01: "gross" in Square's 'Gross Sales' means before discounts ('Net Sales' is it less 'Discounts'),
    and its 'Tax' is a rate of the Net Sales: revenue 20.00 + 10.50 + 20.00 = 50.50, not 46.08 with the tax taken off
    an amount that never held it."""
    path = tmp_path / "items.csv"
    path.write_text(SQUARE_TAXED)
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Customer ID,date=Date,amount=Gross Sales")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,50.5"
    assert not [line for line in capsys.readouterr().out.splitlines() if "includes the tax" in line]
