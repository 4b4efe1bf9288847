"""European shop exports (H132's findings): amounts whose values or neighbours say they include tax are taken net
or refused, never read gross silently; zeros written with a decimal comma are no discount and no add-on."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run, written

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


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_gross_amount_beside_an_unused_net_column_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    subs = tmp_path / "subscriptions.csv"
    subs.write_text(
        "Kundennr;Start;Ende;Intervall;Gesamtbetrag;Nettobetrag\nK1;05.01.2026;;monatlich;29,75;25,00\n"
        "K2;20.01.2026;;monatlich;26,75;25,00\nK3;20.02.2026;;monatlich;36,30;30,00\n"
    )
    columns = "customer_id=Kundennr,start=Start,end=Ende,amount=Gesamtbetrag,interval=Intervall"
    args = ["--subscriptions", str(subs), "--dayfirst", "--columns", columns, "--to-csv", str(tmp_path / "s")]
    assert refusal(capsys, *args, "--backend", backend) == (
        "subscriptions.csv: column 'Nettobetrag' holds 'Gesamtbetrag' less a tax (row 2: '25,00' beside '29,75') and "
        "is not used; MRR is net of tax: map it (--columns amount=Nettobetrag), or give the amounts before tax"
    )
    orders = tmp_path / "orders.csv"
    orders.write_text("Date,Customer,Total,Net Total\n2026-01-05,K1,29.75,25.00\n2026-01-17,K2,29.75,25.00\n")
    args = ["--orders", str(orders), "--columns", "customer_id=Customer,date=Date,amount=Total"]
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "o"), "--backend", backend) == (
        "orders.csv: column 'Net Total' holds 'Total' less a tax (row 2: '25.00' beside '29.75') and is not used; "
        "revenue is net of tax: map it (--columns 'amount=Net Total'), or give the amounts before tax"
    )


def test_a_gross_beside_a_net_after_fees_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # PayPal-like: Net is Gross less a fee, not a tax
    path.write_text("Date,Customer,Total,Net\n2026-01-05,K1,100.00,96.80\n2026-01-17,K2,50.00,48.25\n")
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Customer,date=Date,amount=Total")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,150.0"


@pytest.mark.parametrize(("amount", "rate"), [("Total", "Tax Rate"), ("Gesamtbetrag", "Steuersatz")])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_total_beside_a_tax_rate_is_refused_as_a_gross_amount(
    tmp_path: Path, capsys, amount: str, rate: str, backend: str
) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(
        f"Kundennr;Start;Ende;Intervall;{amount};{rate}\nK1;05.01.2026;;monthly;29,75;19%\n"
        "K2;20.01.2026;;monthly;26,75;7%\n"
    )
    columns = f"customer_id=Kundennr,start=Start,end=Ende,amount={amount},interval=Intervall"
    args = ["--subscriptions", str(path), "--dayfirst", "--columns", columns, "--to-csv", str(tmp_path / "s")]
    assert refusal(capsys, *args, "--backend", backend) == (
        f"subscriptions.csv: {amount!r} says by its name that it includes tax (beside {rate!r}) and no column holds "
        "the tax; MRR is net of tax: give the amounts before tax (--columns amount=NAME), or a column of the tax "
        "beside them"
    )


# WooCommerce Subscriptions' export re-saved by German Excel: cart_discount 0,00 in every row (no coupon)
WOO_HEAD = (
    "subscription_id;customer_id;start_date;end_date;billing_period;billing_interval;order_shipping;"
    "order_shipping_tax;order_tax;cart_discount;cart_discount_tax;order_total\n"
)
WOO_ZERO = (
    "1001;101;05.01.2026;0;month;1;4,20;0,80;4,75;0,00;0,00;34,75\n"
    "1002;102;12.01.2026;0;month;1;0,00;0,00;5,70;0,00;0,00;35,70\n"
    "1003;103;03.02.2026;0;month;1;5,00;1,05;6,30;0,00;0,00;42,35\n"
)
WOO = "start=start_date,end=end_date,amount=order_total"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_zero_discounts_written_with_a_decimal_comma_pass(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "subscriptions.csv", WOO_HEAD + WOO_ZERO)
    out = run(tmp_path, "--subscriptions", path, "--dayfirst", "--columns", WOO, backend=backend)
    head = (out / "movements.csv").read_text().splitlines()[0].split(",")
    rows = [dict(zip(head, r.split(","), strict=True)) for r in (out / "movements.csv").read_text().splitlines()[1:]]
    assert [(r["month"], r["customers_end"], float(r["mrr_end"])) for r in rows] == [
        ("2026-01", "2", 55.0),
        ("2026-02", "3", 85.0),
    ]


@pytest.mark.parametrize("value", ["0,00", "0 %", "0,00 €"])
def test_a_zero_add_on_with_a_decimal_comma_passes(tmp_path: Path, value: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(
        "Kundennr;Start;Ende;Intervall;Betrag;Add-on\n"
        f"K1;05.01.2026;;monatlich;25,00;{value}\nK2;20.01.2026;;monatlich;30,00;{value}\n"
    )
    columns = "customer_id=Kundennr,start=Start,end=Ende,amount=Betrag,interval=Intervall"
    out = run(tmp_path, "--subscriptions", path, "--dayfirst", "--columns", columns)
    assert (out / "movements.csv").read_text().splitlines()[1].split(",")[0] == "2026-01"
    head = (out / "movements.csv").read_text().splitlines()[0].split(",")
    assert (out / "movements.csv").read_text().splitlines()[1].split(",")[head.index("mrr_end")] == "55.0"


def test_a_discount_of_a_comma_written_amount_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subscriptions.csv"
    text = (WOO_HEAD + WOO_ZERO).replace("order_total", "line_price")  # a price: not what is charged
    path.write_text(text.replace("4,75;0,00;0,00;34,75", "4,75;5,00;0,00;29,75", 1))
    columns = WOO.replace("order_total", "line_price")
    args = ["--subscriptions", str(path), "--dayfirst", "--columns", columns, "--to-csv", str(tmp_path / "s")]
    assert refusal(capsys, *args).startswith(
        "subscriptions.csv, column 'cart_discount': discounts that lower what the customer pays in row 2 (counting "
        "the header as row 1): '5,00'"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_woocommerce_total_is_after_its_cart_discount(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "subscriptions.csv"  # 1004: (25,00 - 5,00) + 3,80 tax + 4,20 + 0,80 shipping = 28,80
    path.write_text(WOO_HEAD + WOO_ZERO + "1004;104;10.02.2026;0;month;1;4,20;0,80;3,80;5,00;0,95;28,80\n")
    capsys.readouterr()
    out = run(tmp_path, "--subscriptions", path, "--dayfirst", "--columns", WOO, backend=backend)
    head = (out / "movements.csv").read_text().splitlines()[0].split(",")
    rows = [dict(zip(head, r.split(","), strict=True)) for r in (out / "movements.csv").read_text().splitlines()[1:]]
    assert [(r["month"], r["customers_end"], float(r["mrr_end"])) for r in rows] == [
        ("2026-01", "2", 55.0),
        ("2026-02", "4", 105.0),
    ]
    assert (
        "subscriptions.csv: 'order_total' is what is charged, after the discounts in 'cart_discount' and "
        "'cart_discount_tax' (its name says a total): kept, MRR is after discounts"
    ) in capsys.readouterr().out.splitlines()


def test_a_discount_beside_a_price_not_named_a_total_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,start,amount,interval,Discount\na,2026-01-05,25.00,month,5.00\n")
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "s")).startswith(
        "subscriptions.csv, column 'Discount': discounts that lower what the customer pays in row 2"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subtotal_whose_total_is_not_its_sum_with_the_tax_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"  # the tax-inclusive store's export without its Shipping column
    path.write_text(
        "Name;Email;Subtotal;Taxes;Total;Created at\n#1;a@x.de;29,75;5,54;34,70;2026-01-05\n"
        "#2;b@x.de;59,50;10,29;64,45;2026-01-10\n"
    )
    args = ["--orders", str(path), "--columns", ORDERS, "--to-csv", str(tmp_path / "o"), "--backend", backend]
    assert refusal(capsys, *args) == (
        "orders.csv: column 'Taxes' holds taxes and is not used, and 'Total' is not 'Subtotal' + 'Taxes' (row 2: "
        "'34,70' beside '29,75' and '5,54'), nor is each tax a tax rate of 'Subtotal'; revenue is net of tax, and "
        "whether 'Subtotal' includes it cannot be told (a store's prices may include tax): if it does, map a column "
        "of amounts before tax (--columns amount=NAME) or write the amounts less the tax; if it is before tax "
        "already, remove the tax column"
    )


def test_a_subtotal_before_tax_with_taxed_shipping_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # a tax-exclusive store taxing its shipping: Total = Subtotal + Shipping + Taxes
    path.write_text(
        "Email,Subtotal,Shipping,Taxes,Total,Created at\na@x.com,25.00,5.00,5.70,35.70,2026-01-05\n"
        "b@x.com,30.00,5.00,6.65,41.65,2026-01-06\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Subtotal")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,55.0"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_total_of_a_tax_inclusive_store_with_shopify_s_tax_breakdown(tmp_path: Path, backend: str) -> None:
    """H188 finding 03: Shopify writes 'Tax 1 Name' / 'Tax 1 Value' (the 'Taxes' by rate) on every export; the
    breakdown was taken for a second tax where the shipping's tax is told, and every tax-inclusive store's 'Total'
    was refused. Revenue net of the 19 % VAT and the shipping: 35.70/1.19 + 23.80/1.19 = 50.00 in January, kunde1's
    59.50/1.19 = 50.00 in February (as the same file without the Tax 1 columns gives)."""
    path = tmp_path / "orders_export.csv"
    path.write_text(
        "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Tax 1 Name,Tax 1 Value\n"
        "#1003,k1@example.de,paid,EUR,59.50,4.95,10.29,64.45,2026-02-10 10:00:00 +0100,DE MwSt 19%,10.29\n"
        "#1002,k2@example.de,paid,EUR,23.80,4.95,4.59,28.75,2026-01-20 10:00:00 +0100,DE MwSt 19%,4.59\n"
        "#1001,k1@example.de,paid,EUR,35.70,4.95,6.49,40.65,2026-01-05 10:00:00 +0100,DE MwSt 19%,6.49\n"
    )
    out = run(
        tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total", backend=backend
    )
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1] == "2026-01,50.0,50.0"
