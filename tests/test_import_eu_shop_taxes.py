"""European shop exports (H132's findings): amounts whose values or neighbours say they include tax are taken net
or refused, never read gross silently; zeros written with a decimal comma are no discount and no add-on."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

# Shopify's orders export of a tax-inclusive store (EU): Total = Subtotal + Shipping, Taxes inside both (5,54 = 4,75
# of the 29,75 + 0,79 of the 4,95 shipping)
INCLUSIVE = (
    "Name;Email;Financial Status;Currency;Subtotal;Shipping;Taxes;Total;Created at\n"
    "#1001;a@example.de;paid;EUR;29,75;4,95;5,54;34,70;2026-01-05 10:12:00 +0100\n"
    "#1002;b@example.de;paid;EUR;59,50;4,95;10,29;64,45;2026-01-10 10:12:00 +0100\n"
    "#1003;a@example.de;paid;EUR;26,75;4,95;2,54;31,70;2026-02-05 10:12:00 +0100\n"
)
ORDERS = "customer_id=Email,date=Created at,amount=Subtotal"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subtotal_of_a_tax_inclusive_store_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(INCLUSIVE, encoding="utf-8")
    args = ["--orders", str(path), "--columns", ORDERS, "--to-csv", str(tmp_path / "o"), "--backend", backend]
    assert refusal(capsys, *args) == (
        "orders.csv: column 'Taxes' holds taxes and is not used, and 'Total' is 'Subtotal' + 'Shipping' with the "
        "taxes not added (row 2: '34,70' = '29,75' + '4,95', Taxes '5,54'), so 'Subtotal' includes the tax although "
        "its name says net; revenue is net of tax, and the share of 'Taxes' in 'Subtotal' cannot be told (it may "
        "hold the shipping's tax too): map a column of amounts before tax (--columns amount=NAME) or write the "
        "amounts less their tax"
    )


def test_a_subtotal_with_its_tax_inside_and_untaxed_shipping_is_taken_net(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "Email,Subtotal,Shipping,Taxes,Total,Created at\na@x.de,119.00,5.00,19.00,124.00,2026-01-05\n"
        "b@x.de,107.00,5.00,7.00,112.00,2026-01-10\na@x.de,59.50,5.00,9.50,64.50,2026-02-05\n"
    )
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Subtotal")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,200.0,50.0"
    assert (
        "orders.csv: 'Subtotal' includes the tax in 'Taxes' ('Total' is Subtotal + Shipping with the tax inside): "
        "taken off, revenue is net of tax" in capsys.readouterr().out.splitlines()
    )
