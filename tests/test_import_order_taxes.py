"""An order's amount with a tax column beside it: revenue is net of tax, as MRR is (H36 finding 07: Shopify's Total
beside Taxes counted gross, Jan cohort revenue 204 for 170, exit 0, no note)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

SHOPIFY = (
    "Name,Email,Financial Status,Created at,Subtotal,Shipping,Taxes,Total\n"
    "#1001,a@x.com,paid,2024-01-05 10:00:00 -0500,100.00,10.00,22.00,132.00\n"
    "#1002,b@x.com,paid,2024-01-06 10:00:00 -0500,50.00,10.00,12.00,72.00\n"
    "#1003,a@x.com,paid,2024-02-05 10:00:00 -0500,30.00,0.00,6.00,36.00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_orders_total_beside_its_taxes_is_taken_net(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(SHOPIFY)
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total",
              backend=backend)  # fmt: skip
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2024-01,150.0,30.0"  # less Shipping
    assert (
        "orders_export.csv: 'Total' includes the tax in 'Taxes' (its name says gross): taken off, revenue is net of tax"
        in capsys.readouterr().out.splitlines()
    )


def test_an_amount_before_tax_is_kept_and_an_untold_one_refused(tmp_path: Path, capsys) -> None:
    amazon = tmp_path / "amazon.csv"
    amazon.write_text(
        "order-id,buyer-email,purchase-date,item-price,item-tax\n1,a@x.com,2024-01-05,100.00,8.25\n"
        "2,b@x.com,2024-01-06,50.00,4.13\n3,a@x.com,2024-02-05,30.00,2.48\n"
    )
    columns = "customer_id=buyer-email,date=purchase-date,amount=item-price,order_id=order-id"
    out = run(tmp_path, "--orders", amazon, "--columns", columns)
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2024-01,150.0,30.0"
    untold = tmp_path / "orders.csv"
    untold.write_text("customer_id,date,amount,Tax\na,2024-01-05,100,3.33\nb,2024-01-06,50,1.11\n")
    assert refusal(capsys, "--orders", str(untold), "--to-csv", str(tmp_path / "o")) == (
        "orders.csv: column 'Tax' holds taxes (row 2: '3.33' beside 'amount' '100') and is not used; revenue is net of "
        "tax, and whether 'amount' includes it cannot be told: if it does, map a column of amounts before tax "
        "(--columns amount=NAME) or write the amounts less the tax; if it is before tax already, remove the tax column"
    )
