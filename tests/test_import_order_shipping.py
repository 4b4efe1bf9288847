"""Order revenue is net of shipping, as MRR is (H132 finding 02: a Shopify export's 'Total' beside 'Shipping' kept
the postage in the revenue, Jan 2026 65.00 for 55.00, no note). The shipping is taken off net of its own tax, per
export, by the columns' documented meanings (xl_retention.reading.order_shipping); where the file cannot tell whether
the amount or the shipping holds a tax, it is refused naming the columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run


def _revenue(out: Path) -> list[list[float]]:
    return pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_shopify_tax_exclusive_total_less_taxes_and_shipping(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"  # German Excel re-save: Total = Subtotal + Shipping + Taxes
    path.write_text(
        "Name;Email;Financial Status;Subtotal;Shipping;Taxes;Total;Created at\n"
        "#1001;a@example.de;paid;25,00;5,00;4,75;34,75;05.01.2026 10:12\n"
        "#1002;b@example.nl;paid;30,00;5,00;6,30;41,30;10.01.2026 09:00\n"
        "#1003;a@example.de;paid;25,00;5,00;4,75;34,75;14.02.2026 08:00\n"
    )
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--dayfirst", "--columns", "customer_id=Email,date=Created at,amount=Total",
              backend=backend)  # fmt: skip
    assert _revenue(out) == [[55.0, 25.0], [0.0, -1.0]]
    assert (
        "orders.csv: 'Total' includes the shipping in 'Shipping' ('Subtotal' is Total less its tax and the shipping): "
        "taken off net of its tax, revenue is net of shipping" in capsys.readouterr().out.splitlines()
    )


def test_shopify_tax_inclusive_shipping_less_its_rates_share(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # Total = Subtotal + Shipping, 19 % inside: 34,70 - 5,54 - 4,95 / 1,19 = 25,00
    path.write_text(
        "Name;Email;Financial Status;Currency;Subtotal;Shipping;Taxes;Total;Created at\n"
        "#1001;a@example.de;paid;EUR;29,75;4,95;5,54;34,70;2026-01-05 10:12:00 +0100\n"
        "#1002;b@example.de;paid;EUR;59,50;4,95;10,29;64,45;2026-01-10 10:12:00 +0100\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total")
    assert _revenue(out) == [[75.0]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_woocommerce_shipping_and_its_own_tax_are_taken_off(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"  # 28.80 = (25.00 - 5.00) + 3.80 tax + 4.20 shipping + 0.80 its tax: 20.00
    path.write_text(
        "order_id,customer_email,order_date,status,order_shipping,order_shipping_tax,order_tax,cart_discount,"
        "order_total\n1001,a@x.com,2026-01-05,completed,4.20,0.80,3.80,5.00,28.80\n"
        "1002,b@x.com,2026-01-07,completed,0.00,0.00,1.90,0.00,11.90\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=customer_email,date=order_date,amount=order_total",
              backend=backend)  # fmt: skip
    assert _revenue(out) == [[30.0]]


def test_etsy_total_less_sales_tax_and_discounted_shipping(tmp_path: Path) -> None:
    path = tmp_path / "etsy.csv"  # 24.60 - 1.60 - (5.00 - 2.00 'Shipping Discount') = 20.00
    path.write_text(
        "Sale Date,Order ID,Buyer User ID,Currency,Order Value,Discount Amount,Shipping Discount,Shipping,Sales Tax,"
        "Order Total,Status,Card Processing Fees,Order Net\n"
        "01/05/2026,1,11,USD,40.00,0.00,0.00,5.00,3.60,48.60,Completed,1.71,46.89\n"
        "01/09/2026,2,12,USD,20.00,0.00,2.00,5.00,1.60,24.60,Completed,0.94,23.66\n"
    )
    columns = "customer_id=Buyer User ID,date=Sale Date,amount=Order Total"
    out = run(tmp_path, "--orders", path, "--monthfirst", "--columns", columns)
    assert _revenue(out) == [[60.0]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_magento_grand_total_less_shipping_and_handling(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "magento.csv"  # the order grid: no tax column, 'Shipping and Handling' inside the Grand Total
    path.write_text(
        "ID,Purchase Date,Customer Email,Grand Total (Base),Grand Total (Purchased),Status,Subtotal,"
        "Shipping and Handling\n000000001,2026-01-05,a@x.com,45.00,45.00,complete,40.00,5.00\n"
        "000000002,2026-01-09,b@x.com,25.00,25.00,complete,20.00,5.00\n"
    )
    capsys.readouterr()
    columns = "customer_id=Customer Email,date=Purchase Date,amount=Grand Total (Purchased)"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    assert _revenue(out) == [[60.0]]
    assert (
        "magento.csv: 'Grand Total (Purchased)' includes the shipping in 'Shipping and Handling' (the file has no tax "
        "column): taken off net of its tax, revenue is net of shipping"
    ) in capsys.readouterr().out.splitlines()


def test_a_refund_of_the_whole_total_is_no_purchase_once_shipping_is_off(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # no tax column: 31.46 refunded of 31.46, shipping 5.00 inside
    path.write_text(
        "Name,Email,Financial Status,Subtotal,Shipping,Total,Refunded Amount,Created at\n"
        "#1,a@x.com,paid,15.12,5.00,20.12,0.00,2026-03-05\n#2,b@x.com,refunded,26.46,5.00,31.46,31.46,2026-03-20\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total")
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [1]
    assert _revenue(out) == [[15.12]]


def test_a_price_without_shipping_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "amazon.csv"  # Amazon's order report: item-price beside shipping-price and shipping-tax
    path.write_text(
        "order-id,buyer-email,purchase-date,item-price,item-tax,shipping-price,shipping-tax\n"
        "1,a@x.com,2026-01-05,100.00,8.25,5.00,0.41\n2,b@x.com,2026-01-06,50.00,4.13,5.00,0.41\n"
    )
    out = run(tmp_path, "--orders", path, "--columns",
              "customer_id=buyer-email,date=purchase-date,amount=item-price,order_id=order-id")  # fmt: skip
    assert _revenue(out) == [[150.0]]


def test_shipping_whose_tax_cannot_be_told_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"  # 5.70 is 19 % of 30.00: on a net 5.00 shipping, or inside a gross one?
    path.write_text(
        "Email,Shipping,Taxes,Total,Created at\na@x.com,5.00,5.70,35.70,2026-01-05\n"
        "b@x.com,5.00,6.65,41.65,2026-01-06\n"
    )
    assert refusal(
        capsys,
        "--orders",
        str(path),
        "--columns",
        "customer_id=Email,date=Created at,amount=Total",
        "--to-csv",
        str(tmp_path / "o"),
    ) == (  # fmt: skip
        "orders.csv: column 'Shipping' holds shipping inside 'Total' (row 2: '5.00' of '35.70') beside the tax in "
        "'Taxes', and whether 'Shipping' includes its own tax cannot be told ('Taxes' may hold it); revenue is net of "
        "tax and shipping: map a column of amounts without tax and shipping (--columns amount=NAME), write the "
        "shipping without its tax, or add a column of the shipping's tax"
    )


def test_an_amount_not_saying_whether_it_holds_shipping_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Email,Amount,Postage,Created at\na@x.com,35.00,5.00,2026-01-05\nb@x.com,20.00,0,2026-01-06\n")
    assert refusal(
        capsys,
        "--orders",
        str(path),
        "--columns",
        "customer_id=Email,date=Created at,amount=Amount",
        "--to-csv",
        str(tmp_path / "o"),
    ) == (  # fmt: skip
        "orders.csv: column 'Postage' holds shipping (row 2: '5.00' beside 'Amount' '35.00') and is not used; revenue "
        "is net of shipping, and whether 'Amount' includes it cannot be told: if it does, map a column of amounts "
        "without shipping (--columns amount=NAME) or write the amounts less the shipping; if it does not, remove the "
        "shipping columns"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subscriptions_file_takes_off_the_shipping_without_its_tax_once(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"  # BigCommerce's names: 72.00 - 5.00 shipping (ex tax) - 12.00 'Tax Total' = 55.00
    path.write_text(
        "customer_id,start,end,Order Total (inc tax),Tax Total,Shipping Cost (inc tax),Shipping Cost (ex tax)\n"
        "a,2026-01-05,,72.00,12.00,6.00,5.00\nb,2026-01-10,,120.00,20.00,0.00,0.00\n"
    )
    out = run(tmp_path, "--subscriptions", path, "--columns", "mrr=Order Total (inc tax)", backend=backend)
    assert pd.read_csv(out / "movements.csv").set_index("month").loc["2026-01", "mrr_end"] == 155.0  # was 149.00


def test_shipping_in_another_currency_than_the_amount_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "magento.csv"  # the grid's 'Shipping and Handling' is in the base currency ($)
    path.write_text(
        "ID,Purchase Date,Customer Email,Grand Total (Base),Grand Total (Purchased),Status,Subtotal,"
        "Shipping and Handling\n1,2026-01-05,a@x.com,$50.00,€46.00,complete,$45.00,$5.00\n"
        "2,2026-01-09,b@x.com,$25.00,€23.00,complete,$20.00,$5.00\n"
    )
    columns = "customer_id=Customer Email,date=Purchase Date,amount=Grand Total (Purchased)"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "magento.csv: column 'Shipping and Handling' holds shipping in $ beside 'Grand Total (Purchased)' in EUR; "
        "revenue is net of shipping, and it cannot be taken off an amount in another currency: map the amount in "
        "the shipping's currency (Magento's 'Grand Total (Base)'; --columns amount=NAME)"
    )
    out = run(tmp_path, "--orders", path, "--columns", columns.replace("(Purchased)", "(Base)"))
    assert _revenue(out) == [[65.0]]  # 45.00 + 20.00


@pytest.mark.parametrize("order_tax", ["4.60", "3.80"])
def test_an_order_tax_with_or_without_the_shippings_tax_is_told_by_its_rate(tmp_path: Path, order_tax: str) -> None:
    """WooCommerce's order tax may hold the shipping's (get_total_tax: 3.80 + 0.80) or not (the cart's, 3.80): the
    order tax that is a rate of the items (19 % of 20.00) tells which; taken off once either way."""
    path = tmp_path / "orders.csv"
    path.write_text(
        "Order Number,Order Status,Order Date,Customer Email,Order Shipping Amount,Order Shipping Tax Amount,"
        f"Cart Discount Amount,Order Total Tax Amount,Order Total Amount\n"
        f"1001,wc-completed,2026-01-05 10:00,a@x.com,4.20,0.80,5.00,{order_tax},28.80\n"
        "1002,wc-completed,2026-01-07 10:00,b@x.com,0.00,0.00,0.00,1.90,11.90\n"
    )
    columns = "customer_id=Customer Email,date=Order Date,amount=Order Total Amount,order_id=Order Number"
    out = run(tmp_path, "--orders", path, "--columns", columns)
    assert _revenue(out) == [[30.0]]  # 20.00 + 10.00
