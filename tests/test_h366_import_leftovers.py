"""H366: import leftovers (KNOWN.md's 'Import' line).

1. The two-currency refusals named the command line's ``--segment currency=EUR`` to a Python caller, who cannot pass
   it: in Python they name the keyword, ``segment='currency=EUR'`` (the CLI keeps ``--segment``), on the pandas path
   (reading.currency, reading.plan_currencies) and on a DuckDB table's (relational.mirrors).
3. A plain ``Type`` column of payment methods (Cash, Check, Credit Card), or of a donor export's payments beside its
   pledges (Cash, Pledge, Pay-Cash), was refused as 'row types that say neither a sale nor a refund': a way of paying
   is money received, read as a sale (reading.gift_types.paid_types); files and DuckDB tables agree.
4. A refund of a Shopify order holding a gift card, between the order's amount without the gift card and its whole
   amount, is still refused (whether of the gift card or the product cannot be told), now with the figures and a
   remedy that holds: taking the gift card's line out, as it said, left the gift card inside the order's Total.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal, written
from test_h364_gift_review import COLUMNS as GIFT_COLUMNS
from test_h364_gift_review import _mixed

from xl_retention.reading import DataError
from xl_retention.relational import order_tables, subscription_tables
from xl_retention.workbook.importer import load_tables

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

TWO = "order_id,customer_id,date,amount,currency\n1,a,2026-01-05,10,USD\n2,b,2026-01-06,20,EUR\n3,a,2026-02-05,10,USD\n"
TWO_SAID = (
    "column 'currency': 2 currencies (USD, EUR) in rows 2, 3 (counting the header as row 1): 'USD', 'EUR'; amounts "
    "are added up: convert them to one currency first, or import one currency at a time ({how})"
)
ONE_CUSTOMER = (
    "order_id,customer_id,date,amount,currency\n1,a,2026-01-05,10,USD\n2,a,2026-02-06,20,EUR\n3,b,2026-02-05,10,USD\n"
)
PLANS = "customer_id,start,end,amount,interval,Lookup Key\nA,2024-01-05,,100,month,pro_monthly_eur\n" + (
    "B,2024-01-06,,100,month,pro_monthly_usd\n"
)


def _message(call) -> str:
    with pytest.raises(DataError) as caught:
        call()
    return str(caught.value)


def test_two_currencies_refused_in_python_name_the_segment_keyword(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "two.csv", TWO)
    said = "two.csv, " + TWO_SAID.format(how="segment='currency=EUR'")
    assert _message(lambda: load_tables(orders=path)) == said
    assert _message(lambda: load_tables(orders=path, backend="duckdb")) == said
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == "two.csv, " + TWO_SAID.format(
        how="--segment currency=EUR"
    )  # the command line keeps its option


def test_a_duckdb_tables_two_currencies_name_the_segment_keyword() -> None:
    con = duckdb.connect()
    rows = "(1, 'a', date '2026-01-05', 10.0, 'USD'), (2, 'b', date '2026-01-06', 20.0, 'EUR')"
    con.execute(f"create table o as select * from (values {rows}) t(order_id, customer_id, date, amount, currency)")
    assert _message(lambda: order_tables(con.table("o"), backend=con)) == (
        "input, column 'currency': 2 currencies (EUR, USD) in 2 rows, e.g. customer_id 'a', date '2026-01-05', "
        "currency 'USD'; customer_id 'b', date '2026-01-06', currency 'EUR'; amounts are added up: convert them to one "
        "currency first, or import one currency at a time (segment='currency=USD')"
    )


def test_a_customer_in_two_currencies_and_plans_in_two_in_python(tmp_path: Path) -> None:
    path = written(tmp_path, "cust.csv", ONE_CUSTOMER)
    assert _message(lambda: load_tables(orders=path, segment="currency")) == (
        "cust.csv, column 'currency': customer 'a' has amounts in 2 currencies (USD, EUR) in rows 2, 3 (counting the "
        "header as row 1): 'USD', 'EUR'; with segment='currency', a customer counts in one segment, that of their "
        "first month, and all their amounts are added up in its tables: convert that customer's amounts to one "
        "currency, or give them an id of their own per currency"
    )
    assert _message(lambda: subscription_tables(pd.read_csv(written(tmp_path, "subs.csv", PLANS)))).endswith(
        "; amounts are added up: convert them to one currency first, or add a currency column (the code of each row) "
        "and import one currency at a time (segment='currency=EUR')"
    )


METHODS = "customer_id,date,amount,Type\na,2026-01-05,10,Cash\nb,2026-01-06,20,Check\na,2026-02-05,10,Credit Card\n"
PLEDGES = (
    "customer_id,date,amount,Type\na,2026-01-05,100,Cash\na,2026-01-05,1200,Pledge\nb,2026-01-06,100,Pay-Cash\n"
    "a,2026-02-05,100,Pay-Cash\n"
)


@pytest.mark.parametrize(("text", "january"), [(METHODS, [30.0, 10.0]), (PLEDGES, [200.0, 100.0])],
                         ids=["methods", "pledges"])  # fmt: skip
def test_a_type_column_of_ways_of_paying_is_money_received(tmp_path: Path, text: str, january: list[float]) -> None:
    path = written(tmp_path, "gifts.csv", text)
    con = duckdb.connect()
    con.execute(f"create table o as select * from read_csv('{path}')")
    for tables in (load_tables(orders=path), load_tables(orders=path, backend="duckdb")):
        assert tables.order_revenue_cohorts.loc["2026-01", [0, 1]].tolist() == january  # the pledge left out
        assert tables.purchases["buyers"].tolist() == [2, 1]
    moved = order_tables(con.table("o"), backend=con)  # a DuckDB table as the files
    assert moved.revenue_cohorts.loc["2026-01", [0, 1]].tolist() == january
    assert moved.purchases["buyers"].tolist() == [2, 1]


def test_a_refund_between_a_gift_cards_order_and_its_products_says_what_to_write(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "between.csv", _mixed("30.00"))
    said = (
        "column 'Refunded Amount': refunds of orders with gift cards sold above the order's amount without its gift "
        "cards and below its whole amount (the first: 30.00 refunded of 62.90, 12.90 without gift cards of 50.00): "
        "whether of the gift card or of the products cannot be told in {row}: '30.00': write in 'Refunded Amount' "
        "the refund of the products alone (at most the order's amount without its gift cards; its whole amount where "
        "the gift card was refunded too: the order is then no purchase), or take the order's rows out of the file"
    )
    header = "row 2 (counting the header as row 1)"
    assert refusal(capsys, "--orders", str(path), *GIFT_COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "between.csv, " + said.format(row=header)
    )
    parquet = tmp_path / "between.parquet"
    pd.read_csv(path, dtype=str, keep_default_na=False).to_parquet(parquet)
    record = "row 1 (counting the Parquet file's first record as row 1)"
    columns = dict(c.split("=") for c in GIFT_COLUMNS[1].split(","))
    assert _message(lambda: load_tables(orders=parquet, columns=columns, backend="duckdb")) == (
        "between.parquet, " + said.format(row=record)
    )
