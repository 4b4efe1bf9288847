"""A new user's findings about orders, payments and currencies (H54's 01, 02, 05, 06, 07, 08, 16): a customer's two
currencies under ``--segment currency``, whole prices read as cents with no word, an order appended twice with its
status changed, a bare ``$`` beside another dollar, Stripe's converted amounts, refunds that carry their sale's id.
Each test builds its own small export in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention import cli

BACKENDS = ["pandas", "duckdb"]


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def _table(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype={"cohort": str, "month": str})


# -- 01: --segment currency and a customer whose rows are in two currencies ------------------------------------------
SUBS = (
    "customer_id,start,end,mrr,currency\nx,2026-01-10,2026-03-01,10.00,USD\nx,2026-03-01,,100.00,EUR\n"
    "y,2026-01-11,,20.00,USD\nz,2026-02-12,,50.00,EUR\n"
)
ORDERS = (
    "order_id,customer_id,date,amount,currency\no1,x,2026-01-10,10.00,USD\no2,x,2026-02-10,100.00,eur\n"
    "o3,y,2026-01-11,20.00,USD\no4,z,2026-02-12,50.00,EUR\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("flag", "text"), [("--subscriptions", SUBS), ("--orders", ORDERS)])
@pytest.mark.parametrize("segment", ["currency=USD", "currency"])
def test_a_customer_in_two_currencies_is_refused_by_currency_segment(
    tmp_path: Path, capsys, backend: str, flag: str, text: str, segment: str
) -> None:
    # x pays 10 USD, then 100 EUR: in the USD segment (their first month's) the 100 EUR were added as USD (120)
    path = _csv(tmp_path, "in.csv", text)
    err = refusal(capsys, flag, str(path), "--segment", segment, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "in.csv, column 'currency': customer 'x' has amounts in 2 currencies (USD, EUR) in rows 2, 3 (counting the "
        f"header as row 1): 'USD', {'EUR' if flag == '--subscriptions' else 'eur'!r}; with --segment currency, a "
        "customer counts in one segment, that of their first month, and all their amounts are added up in its "
        "tables: convert that customer's amounts to one currency, or give them an id of their own per currency"
    )


def test_customers_of_one_currency_each_are_split_by_it(tmp_path: Path) -> None:
    path = _csv(tmp_path, "o.csv", ORDERS.replace("o2,x,2026-02-10,100.00,eur", "o2,x,2026-02-10,15.00,usd"))
    usd = run(tmp_path, "--orders", path, "--segment", "currency=USD")
    assert _table(usd, "order_revenue_cohorts").to_csv(index=False) == "cohort,0,1\n2026-01,30.0,15.0\n2026-02,0.0,\n"


# -- 02: whole prices of a Stripe-like file read as cents: said in a note --------------------------------------------
def test_whole_amounts_that_may_be_cents_are_refused(tmp_path: Path, capsys) -> None:
    # was: read in cents with a note only (49 as 0.49: an MRR a hundredth of the file's, exit 0); see also
    # tests/test_import_amount_units.py
    path = _csv(tmp_path, "subs.csv", "customer_id,start,end,amount,interval,currency\n"
                "cus_001,2026-01-05,,49,month,usd\ncus_002,2026-01-10,2026-03-10,99,month,usd\n")  # fmt: skip
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "subs.csv, column 'amount': whole amounts beside Stripe's customer ids and currency codes: in cents, as "
        "Stripe's API writes them (49 as 0.49), or in units (49.00)? (49 in cents is below one currency unit): say "
        "which with --amounts cents or --amounts units in row 2 (counting the header as row 1): '49'"
    )
    for option, mrr in (("units", 148.0), ("cents", 1.48)):  # as the message says
        assert cli.main(["import", "--subscriptions", str(path), "--amounts", option, "--to-csv",
                         str(tmp_path / option)]) == 0  # fmt: skip
        assert _table(tmp_path / option, "movements")["mrr_end"].tolist()[0] == pytest.approx(mrr)
    # written with the decimal mark: whole units, no note
    path.write_text(path.read_text().replace(",49,", ",49.00,").replace(",99,", ",99.00,"))
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o2")]) == 0
    assert "cents" not in capsys.readouterr().out
    assert _table(tmp_path / "o2", "movements")["mrr_end"].tolist()[0] == 148.0


def test_stripe_orders_in_cents_are_noted(tmp_path: Path, capsys) -> None:
    path = _csv(tmp_path, "ch.csv", "id,customer,created,amount,currency\n"
                "ch_1,cus_A,2026-01-05,4900,usd\nch_2,cus_B,2026-01-06,550,usd\n")  # fmt: skip
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(path), "--columns", "customer_id=customer,date=created",
                     "--to-csv", str(tmp_path / "o")]) == 0  # fmt: skip
    assert "ch.csv: the whole amounts of 'amount' were read in cents" in capsys.readouterr().out
    assert _table(tmp_path / "o", "order_revenue_cohorts")["0"].tolist() == [54.5]


# -- 05, 06: an order in two exports appended, its status changed between them ---------------------------------------
SHOPIFY = (
    "Name,Email,Financial Status,Fulfillment Status,Total,Created at,Lineitem name,Lineitem price\n"
    "#1001,a@x.com,{s1},{f1},30.00,2026-01-03 10:00:00 -0500,A,30.00\n"
    "#1002,b@x.com,paid,fulfilled,20.00,2026-01-04 10:00:00 -0500,B,20.00\n"
    "#1003,a@x.com,paid,fulfilled,10.00,2026-02-03 10:00:00 -0500,C,10.00\n"
    "#1001,a@x.com,paid,fulfilled,30.00,2026-01-03 10:00:00 -0500,A,30.00\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("first", "column", "values"),
    [(("pending", "unfulfilled"), "Financial Status", "'pending', 'paid'"),
     (("paid", "unfulfilled"), "Fulfillment Status", "'unfulfilled', 'fulfilled'")],
)  # fmt: skip
def test_an_order_whose_status_changed_between_two_exports_is_refused(
    tmp_path: Path, capsys, backend: str, first: tuple[str, str], column: str, values: str
) -> None:
    # was: left out whole as unpaid (1 buyer in January), or its item counted twice (revenue 80 for 50)
    path = _csv(tmp_path, "orders.csv", SHOPIFY.format(s1=first[0], f1=first[1]))
    err = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Email,date=Created at,amount=Lineitem price",
                  "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        f"orders.csv, column {column!r}: rows of one order ('#1001') with 2 statuses ({values}): the same order in two "
        "exports, changed between them (which row is current cannot be told: its items would count twice, or the "
        f"order as unpaid); keep the row of the latest export in rows 2, 5 (counting the header as row 1): {values}"
    )


def test_an_orders_items_and_its_refund_row_keep_working(tmp_path: Path) -> None:
    # one order of two items (statuses on its first row only), and an order with a refund row of status 'refunded'
    path = _csv(tmp_path, "o.csv", "order_id,customer_id,date,amount,status,Lineitem name\n"
                "1,a,2026-01-03,30.00,paid,A\n1,,,20.00,,B\n2,b,2026-01-04,40.00,completed,C\n"
                "2,b,2026-01-20,-10.00,refunded,C\n")  # fmt: skip
    out = run(tmp_path, "--orders", path)
    assert _table(out, "order_revenue_cohorts").to_csv(index=False) == "cohort,0\n2026-01,80.0\n"


# -- 07: a bare '$' beside another dollar ----------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("other", "code"), [("CA$120.00", "CAD"), ("120.00 AUD", "AUD"), ("A$120", "AUD")])
def test_a_bare_dollar_beside_another_dollar_is_refused(
    tmp_path: Path, capsys, backend: str, other: str, code: str
) -> None:
    # was: '$' taken for the column's one dollar code, 100 USD + 120 CAD summed as 220
    path = _csv(tmp_path, "o.csv", f'customer_id,date,amount\nx,2026-01-10,"$100.00"\ny,2026-01-11,"{other}"\n')
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"o.csv, column 'amount': amounts in 2 currencies ($, {code}) in rows 2, 3 (counting the header as row 1): "
        f"'$100.00', {other!r}; a bare '$' does not say which currency: write its code ('$100.00 USD'); amounts are "
        "added up: convert them to one currency first, or import one currency at a time (with a currency column: "
        "--segment currency=EUR)"
    )


@pytest.mark.parametrize(("first", "second"), [("$100.00", "$120.00 USD"), ("$100.00", "$120.00 CAD")])
def test_a_bare_dollar_that_the_column_says_is_one_currency(tmp_path: Path, first: str, second: str) -> None:
    # '$' written with USD in the column ('$120.00 USD'), or with CAD ('$120.00 CAD'); beside '120.00 USD' alone it
    # is refused (tests/test_import_bare_dollar.py: a Canadian shop's '$' is CAD)
    path = _csv(tmp_path, "o.csv", f'customer_id,date,amount\nx,2026-01-10,"{first}"\ny,2026-01-11,"{second}"\n')
    assert _table(run(tmp_path, "--orders", path), "order_revenue_cohorts")["0"].tolist() == [220.0]


# -- 08: Stripe's payments with 'Converted Amount' in the account's one currency -------------------------------------
STRIPE = (
    "id,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Converted Currency,"
    "Status,Customer Email\nch_1,2026-01-05 10:00,100.00,0.00,eur,108.00,0.00,usd,Paid,a@x.com\n"
    "ch_2,2026-01-06 10:00,50.00,0.00,usd,50.00,0.00,usd,Paid,b@x.com\n"
    "ch_3,2026-02-06 10:00,20.00,5.00,eur,21.60,5.40,usd,Paid,a@x.com\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_currencies_refusal_names_the_converted_amount(tmp_path: Path, capsys, backend: str) -> None:
    path = _csv(tmp_path, "payments.csv", STRIPE)
    args = ("--orders", str(path), "--columns", "customer_id=Customer Email,date=Created (UTC)", "--backend", backend)
    err = refusal(capsys, *args, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "payments.csv, column 'Currency': 2 currencies (EUR, USD) in rows 2, 3 (counting the header as row 1): 'eur', "
        "'usd'; 'Converted Amount' holds the amounts in one currency (USD, by 'Converted Currency'): import it with "
        "--columns 'amount=Converted Amount'; amounts are added up: convert them to one currency first, or import one "
        "currency at a time (--segment Currency=usd)"
    )
    # as the message says: January 108 + 50, February 21.60 less 5.40 refunded
    columns = "customer_id=Customer Email,date=Created (UTC),amount=Converted Amount"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    assert _table(out, "order_revenue_cohorts")["0"].tolist()[0] == 158.0
    assert _table(out, "order_revenue_cohorts")["1"].tolist()[0] == pytest.approx(16.2)


# -- 16: a refund row that carries its sale's id ---------------------------------------------------------------------
SQUARE = (
    "Date,Time,Time Zone,Gross Sales,Net Total,Transaction ID,Payment ID,Event Type,Customer ID,Customer Name\n"
    "2026-01-05,10:00:00,Eastern Time (US & Canada),$100.00,$100.00,T1,P1,Payment,C1,Ann\n"
    "2026-01-06,11:00:00,Eastern Time (US & Canada),$50.00,$50.00,T2,P2,Payment,C2,Bob\n"
    "2026-01-20,12:00:00,Eastern Time (US & Canada),-$100.00,-$100.00,T1,P1,Refund,C1,Ann\n"
    "2026-02-05,10:00:00,Eastern Time (US & Canada),$30.00,$30.00,T3,P3,Payment,C1,Ann\n"
)
GENERIC = (
    "transaction_id,customer_email,date,amount,type\nt1,a@x.com,2026-01-05,100.00,sale\n"
    "t2,b@x.com,2026-01-06,50.00,sale\nt1,a@x.com,2026-01-20,-40.00,refund\nt3,a@x.com,2026-02-05,30.00,sale\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("text", "columns", "january"),
    [(SQUARE, "customer_id=Customer ID,amount=Net Total", (1, 50.0)),  # Ann's sale refunded in full: no purchase
     (GENERIC, "customer_id=customer_email", (2, 110.0))],  # a's sale of 100 less its refund of 40
)  # fmt: skip
def test_a_refund_row_with_its_sales_id_is_that_sales_refund(
    tmp_path: Path, backend: str, text: str, columns: str, january: tuple[int, float]
) -> None:
    # was refused as one record changed between two exports, 'keep the row of the latest export' (the refund)
    out = run(tmp_path, "--orders", _csv(tmp_path, "t.csv", text), "--columns", columns, backend=backend)
    purchases = _table(out, "purchases")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-01", january[0]], ["2026-02", 1]]
    assert _table(out, "order_revenue_cohorts")["0"].tolist()[0] == january[1]


def test_an_id_on_two_sales_is_still_refused(tmp_path: Path, capsys) -> None:
    path = _csv(tmp_path, "t.csv", GENERIC.replace("-40.00,refund", "40.00,sale"))
    err = refusal(capsys, "--orders", str(path), "--columns", "customer_id=customer_email", "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("t.csv, column 'transaction_id': rows with the id of an earlier row and other values")


def test_a_database_tables_amounts_in_cents_are_noted(tmp_path: Path, capsys) -> None:
    duckdb = pytest.importorskip("duckdb")
    frame = pd.DataFrame({"id": ["ch_1", "ch_2"], "customer": ["cus_A", "cus_B"],
                          "created": pd.to_datetime(["2026-01-05", "2026-01-06"]), "amount": [4900, 550],
                          "currency": ["usd", "usd"]})  # fmt: skip
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    con.register("frame", frame)
    con.execute("create table ch as select * from frame")
    con.close()
    capsys.readouterr()
    db, out = str(tmp_path / "db.duckdb"), str(tmp_path / "o")
    args = ["--backend", "duckdb", "--connection", db, "--columns", "customer_id=customer,date=created"]
    assert cli.main(["import", "--orders", "table:ch", *args, "--to-csv", out]) == 0
    assert "table:ch: the whole amounts of 'amount' were read in cents" in capsys.readouterr().out
    assert _table(tmp_path / "o", "order_revenue_cohorts")["0"].tolist() == [54.5]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("text", "columns", "january"),
    [("order_id,customer_id,date,amount,kind\n1,a,2026-01-05,100.00,sale\n1,a,2026-01-05,40.00,refund\n"
      "2,b,2026-01-06,50.00,sale\n", None, (2, 110.0)),  # was: order 1 left out whole (1 buyer, 50)
     ("order_id,customer_id,date,amount,kind\n1,a,2026-01-05,100.00,sale\n1,a,2026-01-20,100.00,refund\n"
      "2,b,2026-01-06,50.00,sale\n", None, (1, 50.0)),  # refunded in full, later: no purchase
     (GENERIC.replace("-40.00,refund", "40.00,refund"), "customer_id=customer_email", (2, 110.0))],
)  # fmt: skip
def test_a_refund_row_of_type_refund_with_a_positive_amount_is_taken_off(
    tmp_path: Path, backend: str, text: str, columns: str | None, january: tuple[int, float]
) -> None:
    args = ("--columns", columns) if columns else ()
    out = run(tmp_path, "--orders", _csv(tmp_path, "t.csv", text), *args, backend=backend)
    purchases = _table(out, "purchases")
    assert purchases[["month", "buyers"]].values.tolist()[0] == ["2026-01", january[0]]
    assert _table(out, "order_revenue_cohorts")["0"].tolist()[0] == january[1]


def test_a_positive_refund_above_its_order_is_refused(tmp_path: Path, capsys) -> None:
    path = _csv(tmp_path, "t.csv", "order_id,customer_id,date,amount,kind\n1,a,2026-01-05,100.00,sale\n"
                "1,a,2026-01-06,140.00,refund\n")  # fmt: skip
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("t.csv, column 'amount': ") and "row 3" in err


def test_a_database_tables_refund_row_with_its_sales_id(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    frame = pd.DataFrame({"transaction_id": ["t1", "t2", "t1"], "customer_id": ["a", "b", "a"],
                          "date": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-20"]),
                          "amount": [100.0, 50.0, -100.0]})  # fmt: skip
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    con.register("frame", frame)
    con.execute("create table t as select * from frame")
    con.close()
    out = str(tmp_path / "o")
    args = ["--backend", "duckdb", "--connection", str(tmp_path / "db.duckdb"), "--to-csv", out]
    assert cli.main(["import", "--orders", "table:t", *args]) == 0  # was refused as one record changed
    assert _table(tmp_path / "o", "purchases")["buyers"].tolist() == [1]
    assert _table(tmp_path / "o", "order_revenue_cohorts")["0"].tolist() == [50.0]


BRAINTREE = (
    "Transaction ID,Created Datetime,Customer Email,Amount Submitted For Settlement,Currency ISO Code,"
    "Settlement Amount,Settlement Currency ISO Code\nt1,2026-01-05 10:00,a@x.com,100.00,EUR,108.00,USD\n"
    "t2,2026-01-06 10:00,b@x.com,50.00,USD,50.00,USD\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_braintrees_settlement_amount_goes_with_its_currency_iso_code(tmp_path: Path, capsys, backend: str) -> None:
    path = _csv(tmp_path, "bt.csv", BRAINTREE)
    columns = "customer_id=Customer Email,date=Created Datetime,amount="
    err = refusal(capsys, "--orders", str(path), "--columns", columns + "Amount Submitted For Settlement",
                  "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "bt.csv, column 'Currency ISO Code': 2 currencies (EUR, USD) in rows 2, 3 (counting the header as row 1): "
        "'EUR', 'USD'; 'Settlement Amount' holds the amounts in one currency (USD, by 'Settlement Currency ISO "
        "Code'): import it with --columns 'amount=Settlement Amount'; amounts are added up: convert them to one "
        "currency first, or import one currency at a time (--segment 'Currency ISO Code=USD')"
    )
    # was refused too: 'Currency ISO Code' was checked beside the settlement amount, its currency not paired by name
    out = run(tmp_path, "--orders", path, "--columns", columns + "Settlement Amount", backend=backend)
    assert _table(out, "order_revenue_cohorts")["0"].tolist() == [158.0]


def test_two_currencies_in_one_currency_segments_rows_are_refused(tmp_path: Path, capsys) -> None:
    # with --segment currency the amounts' own signs went unchecked: '$100.00' and '€120.00' summed in USD's tables
    text = "customer_id,date,amount,currency\nx,2026-01-10,$100.00,USD\ny,2026-01-11,{y},USD\nz,2026-01-12,€50,EUR\n"
    path = _csv(tmp_path, "o.csv", text.format(y="€120.00"))
    err = refusal(capsys, "--orders", str(path), "--segment", "currency", "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        "o.csv, column 'amount': amounts in 2 currencies (USD, EUR) in rows 2, 3 (counting the header as row 1): "
        "'$100.00', '€120.00'; both in the rows of currency 'USD'; amounts are added up"
    )
    path.write_text(text.format(y="$120.00"))  # each segment's signs its own currency: summed per segment
    out = run(tmp_path, "--orders", path, "--segment", "currency")
    assert (
        _table(out, "order_revenue_cohorts").to_csv(index=False)
        == "segment,cohort,0\nEUR,2026-01,50.0\nUSD,2026-01,220.0\n"
    )
