"""Shipping beside a subscription's amount (H119's finding 01): WooCommerce Subscriptions' export
(woocommerce-subscriptions-importer-exporter, includes/class-wcs-exporter.php: ``order_shipping``,
``order_shipping_tax``, ``order_tax``, ``order_total``) writes ``order_total`` with the recurring shipping and taxes in
it; mapped ``amount=order_total``, the shipping was counted as MRR, silently (January 55.00, hand count 50.00), and a
shipping tax beside the order's tax refused the export as two taxes. MRR is the recurring price, net of tax and
shipping (the lead's decision): the shipping and its tax are taken off a total, with a note; a price is used as it
is; where the name and the columns cannot tell, the import is refused naming the shipping column. The same by the
engines (a DuckDB table)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal

from xl_retention import cli
from xl_retention.workbook.importer import load_tables

WOO = (
    "subscription_id,customer_id,subscription_status,start_date,trial_end_date,next_payment_date,"
    "last_order_date_created,end_date,billing_period,billing_interval,order_shipping,order_shipping_tax,fee_total,"
    "fee_tax_total,order_tax,cart_discount,cart_discount_tax,order_total,order_currency,shipping_method,"
    "shipping_postcode\n"
    # 30.00 a month, 10 % tax 3.00, shipping 5.00 with its tax 1.00: 39.00
    "101,1,wc-active,2026-01-03 10:00:00,0,2026-04-03 10:00:00,2026-03-03 10:00:00,0,month,1,5.00,1.00,0.00,0.00,"
    "3.00,0.00,0.00,39.00,USD,Flat rate,10115\n"
    "102,2,wc-cancelled,2026-01-10 10:00:00,0,0,2026-02-10 10:00:00,2026-03-10 10:00:00,month,1,0.00,0.00,0.00,0.00,"
    "0.00,0.00,0.00,20.00,USD,,\n"
    # a year at 120.00 with 12.00 shipping a year: 10.00 a month
    "103,3,wc-active,2026-02-01 10:00:00,0,2027-02-01 10:00:00,2026-02-01 10:00:00,0,year,1,12.00,0.00,0.00,0.00,"
    "0.00,0.00,0.00,132.00,USD,Flat rate,80331\n"
)
MAPPED = ["--columns", "start=start_date,end=end_date,amount=order_total"]


def _mrr(out: Path) -> dict[str, float]:
    with open(out / "movements.csv", newline="") as f:
        return {r["month"]: round(float(r["mrr_end"]), 2) for r in csv.DictReader(f)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_woocommerce_shipping_and_its_tax_are_taken_off_the_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "woo.csv"
    path.write_text(WOO, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(out), "--backend", backend, *MAPPED]) == 0
    # hand count: January 30.00 + 20.00; February + 120 / 12; March 102 gone
    assert _mrr(out) == {"2026-01": 50.0, "2026-02": 60.0, "2026-03": 40.0}
    said = capsys.readouterr()
    assert (
        "woo.csv: 'order_total' includes the shipping in 'order_shipping' and 'order_shipping_tax' (its name says a "
        "total): taken off, MRR is the recurring price, net of shipping" in said.out + said.err
    )
    assert "includes the tax in 'order_tax'" in said.out + said.err


SUBSCRIPTIONS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "c"],
        "start": pd.to_datetime(["2026-01-05", "2026-01-12", "2026-02-02"]).date,
        "Shipping": [5.0, 0.0, 4.0],
        "Shipping Method": ["DHL", "", "UPS"],
    }
)


def _load(tmp_path: Path, frame: pd.DataFrame, money: str, backend: str):
    if backend == "pandas":
        frame.to_csv(tmp_path / "t.csv", index=False)
        return load_tables(subscriptions=tmp_path / "t.csv", columns={"mrr": money})
    db = tmp_path / "db.duckdb"
    db.unlink(missing_ok=True)
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    return load_tables(subscriptions="table:t", columns={"mrr": money}, backend="duckdb", connection=str(db))


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("column", "values", "figures"),
    [
        ("Total", [35.0, 20.0, 44.0], [50.0, 90.0]),  # a total: 5.00 and 4.00 of shipping taken off
        ("Price", [30.0, 20.0, 40.0], [50.0, 90.0]),  # a price: used as it is
        ("MRR", [30.0, 20.0, 40.0], [50.0, 90.0]),
    ],
)
def test_a_total_has_its_shipping_taken_off_a_price_is_used_as_it_is(
    tmp_path: Path, backend: str, column: str, values: list[float], figures: list[float]
) -> None:
    tables = _load(tmp_path, SUBSCRIPTIONS.assign(**{column: values}), column, backend)
    assert tables.movements["mrr_end"].round(2).tolist()[:2] == figures


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_columns_sum_tells_where_the_name_does_not(tmp_path: Path, backend: str) -> None:
    # 'Amount' + 'Shipping' is 'Charged' in every row with shipping: the amount is without it
    frame = SUBSCRIPTIONS.assign(Amount=[30.0, 20.0, 40.0], Charged=[35.0, 20.0, 44.0])
    assert _load(tmp_path, frame, "Amount", backend).movements["mrr_end"].round(2).tolist()[:2] == [50.0, 90.0]
    # 'Amount' - 'Shipping' is 'Net' in every row with shipping: the amount includes it
    frame = SUBSCRIPTIONS.assign(Amount=[35.0, 20.0, 44.0], Net=[30.0, 20.0, 40.0])
    assert _load(tmp_path, frame, "Amount", backend).movements["mrr_end"].round(2).tolist()[:2] == [50.0, 90.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_amount_beside_shipping_that_nothing_tells_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "subscriptions.csv"
    SUBSCRIPTIONS.assign(Amount=[35.0, 20.0, 44.0]).to_csv(path, index=False)
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Amount", "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "subscriptions.csv: column 'Shipping' holds shipping (row 2: '5.0' beside 'Amount' '35.0') and is not used; "
        "MRR is the recurring price, net of shipping, and whether 'Amount' includes it cannot be told: if it does, map "
        "a column of prices without shipping (--columns mrr=NAME) or write the amounts less the shipping; if it does "
        "not, remove the shipping columns"
    )
