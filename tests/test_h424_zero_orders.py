"""An order of amount 0.00 collects no money: no purchase, left out with a note naming its rows (H413's finding 02).

Stripe's invoices export writes a trial's first invoice as ``paid``, "Billing Reason" ``subscription_create``, "Amount
Paid" 0.00. Before, each counted as a purchase on every engine: 2025-01 buyers 3, repeat purchasers 1, 2025-02 a
cohort of one customer who never paid. docs/metrics.md (Orders) now says the rule for any order netted to 0.00.
"""

from __future__ import annotations

import duckdb
import ibis
import pandas as pd
import pytest

from xl_retention import cli, relational, tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

HEADER = "id,Customer,Date (UTC),Currency,Subtotal,Amount Paid,Status,Billing Reason\n"
INVOICES = HEADER + (
    "in_01,cus_A,2025-01-05 10:00,usd,0.00,0.00,paid,subscription_create\n"
    "in_02,cus_B,2025-01-08 10:00,usd,49.00,49.00,paid,subscription_create\n"
    "in_03,cus_C,2025-01-09 10:00,usd,0.00,0.00,paid,subscription_create\n"
    "in_04,cus_A,2025-01-19 10:00,usd,49.00,49.00,paid,subscription_cycle\n"
    "in_05,cus_B,2025-02-08 10:00,usd,49.00,49.00,paid,subscription_cycle\n"
    "in_06,cus_A,2025-02-19 10:00,usd,49.00,49.00,paid,subscription_cycle\n"
    "in_07,cus_D,2025-02-20 10:00,usd,0.00,0.00,paid,subscription_create\n"
    "in_08,cus_C,2025-01-23 10:00,usd,49.00,0.00,open,subscription_cycle\n"
)
COLUMNS = "customer_id=Customer,date=Date (UTC),amount=Amount Paid,order_id=id"
#: (month, buyers, repeat purchasers, returning): cus_A and cus_B paid in each month, nobody else paid anything.
PURCHASES = [["2025-01", 2, 0, 0], ["2025-02", 2, 0, 2]]
#: Order cohorts: 2025-01 of A and B, both back in 2025-02; no customer's first paid order in 2025-02.
COHORTS = [["2025-01", 2, 2.0], ["2025-02", 0, None]]

#: Orders without an id: a's 0.00 first order, c's only order of 0 (written "0"), b's item lines with their own ids.
PLAIN = (
    "customer_id,date,amount\n"
    "a,2025-01-05,0.00\n"
    "a,2025-01-20,10.00\n"
    "b,2025-01-07,10.00\n"
    "c,2025-02-03,0\n"
    "a,2025-02-10,10.00\n"
    "b,2025-02-11,5.00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripe_trial_invoices_are_no_purchase(tmp_path, capsys, backend) -> None:
    (tmp_path / "stripe_invoices.csv").write_text(INVOICES)
    args = ["import", "--orders", str(tmp_path / "stripe_invoices.csv"), "--columns", COLUMNS, "--to-csv"]
    assert cli.main([*args, str(tmp_path / "out"), "--backend", backend]) == 0
    said = capsys.readouterr()
    assert (
        "stripe_invoices.csv: 3 order(s) of amount 0.00 left out, rows 2, 4, 8: a trial's invoice ('Billing Reason' "
        "subscription_create of 0.00: a free trial's start, nothing paid) collects no money, no purchase"
    ) in " ".join((said.out + said.err).split())
    bought = pd.read_csv(tmp_path / "out" / "purchases.csv")
    assert bought[["month", "buyers", "repeat_purchasers", "returning"]].to_numpy().tolist() == PURCHASES
    cohorts = pd.read_csv(tmp_path / "out" / "order_cohorts.csv").astype(object)
    assert cohorts.where(cohorts.notna(), None).to_numpy().tolist() == COHORTS


def test_every_order_of_zero_is_refused_naming_the_amount_column(tmp_path, capsys) -> None:
    rows = [line for line in INVOICES.splitlines()[1:] if ",0.00,paid," in line]  # the three trial invoices
    (tmp_path / "trials.csv").write_text(HEADER + "\n".join(rows) + "\n")
    assert cli.main(["import", "--orders", str(tmp_path / "trials.csv"), "--columns", COLUMNS, "--to-csv",
                     str(tmp_path / "out")]) != 0  # fmt: skip
    said = capsys.readouterr()
    err = said.err.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert "column 'Amount Paid': every order's amount is 0.00 (3 orders)" in " ".join(err.split())
    assert not (tmp_path / "out" / "purchases.csv").exists()


def test_orders_of_zero_without_order_id_on_every_engine(tmp_path) -> None:
    """The table functions (pandas), the engine given a DataFrame and the engine counting a DuckDB table where it is:
    a and b bought in 2025-01 (a's 0.00 is no second order: no repeat purchaser), a and b again in 2025-02, c never."""
    (tmp_path / "o.csv").write_text(PLAIN)
    frame = pd.read_csv(tmp_path / "o.csv")
    con = duckdb.connect()
    con.execute(f"CREATE TABLE orders AS SELECT * FROM read_csv('{tmp_path / 'o.csv'}')")
    table = ibis.duckdb.from_connection(con).table("orders")
    want = [[2, 0, 0], [2, 0, 2]]
    for got in (tables.repeat_purchases(frame), relational.repeat_purchases(frame), relational.repeat_purchases(table)):
        assert got.index.astype(str).tolist() == ["2025-01", "2025-02"]
        assert got[["buyers", "repeat_purchasers", "returning"]].to_numpy().tolist() == want


def test_the_printed_sql_counts_no_order_of_zero(tmp_path, capsys) -> None:
    """`xl-retention sql`'s purchases query, run on the orders as a warehouse holds them, gives the import's counts."""
    (tmp_path / "o.csv").write_text(PLAIN)
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "out")]) == 0
    imported = pd.read_csv(tmp_path / "out" / "purchases.csv")[["buyers", "repeat_purchasers", "returning"]]
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "purchases"]) == 0
    sql = capsys.readouterr().out
    header = " ".join(line.lstrip("- ") for line in sql.splitlines())
    assert "nor is an order of 0.00 (no money collected: a trial's $0 invoice;" in header
    db = duckdb.connect()
    db.register("orders", pd.read_csv(tmp_path / "o.csv", parse_dates=["date"]))
    got = db.sql(sql.rstrip().rstrip(";")).df()[["buyers", "repeat_purchasers", "returning"]]
    assert got.to_numpy().tolist() == imported.to_numpy().tolist() == [[2, 0, 0], [2, 0, 2]]
