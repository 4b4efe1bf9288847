"""Stripe's $0 invoice of a subscription starting with a free trial is no purchase; any other order of 0.00 is.

Stripe's invoices export writes a trial's first invoice as Status ``paid``, "Billing Reason" ``subscription_create``,
"Amount Paid" and "Total" 0.00. Imported as orders, each was a purchase on every engine: January buyers 3 and repeat
purchasers 1 below, where a user counts 2 and 0 (A's and C's trials paid nothing). Only rows the file marks so (a
reason ``subscription_create`` or a line "Trial period for ...", every amount 0.00) are left out, with a note; an
order of 0.00 the file does not mark as a trial's (a 100% coupon beside its "Subtotal", a ``subscription_update``,
a plain file's 0) is an order as docs/metrics.md says.
"""

from __future__ import annotations

import duckdb
import ibis
import pandas as pd
import pytest

from xl_retention import cli, relational, tables
from xl_retention.reading import ReadOptions

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

HEADER = (
    "id,Customer,Customer Email,Amount Due,Amount Paid,Status,Billing Reason,Subscription,Date (UTC),Currency,"
    "Subtotal,Total\n"
)
INVOICES = HEADER + (
    "in_01,cus_A,a@example.com,0.00,0.00,paid,subscription_create,sub_A,2025-01-05 10:00,usd,0.00,0.00\n"
    "in_02,cus_B,b@example.com,29.00,29.00,paid,subscription_create,sub_B,2025-01-08 10:00,usd,29.00,29.00\n"
    "in_03,cus_C,c@example.com,0.00,0.00,paid,subscription_create,sub_C,2025-01-09 10:00,usd,0.00,0.00\n"
    "in_04,cus_A,a@example.com,49.00,49.00,paid,subscription_cycle,sub_A,2025-01-19 10:00,usd,49.00,49.00\n"
    "in_05,cus_B,b@example.com,29.00,29.00,paid,subscription_cycle,sub_B,2025-02-08 10:00,usd,29.00,29.00\n"
    "in_06,cus_A,a@example.com,49.00,49.00,paid,subscription_cycle,sub_A,2025-02-19 10:00,usd,49.00,49.00\n"
    "in_07,cus_C,c@example.com,0.00,0.00,paid,subscription_update,sub_C,2025-02-20 10:00,usd,0.00,0.00\n"
    "in_08,cus_D,d@example.com,0.00,0.00,paid,subscription_create,sub_D,2025-02-21 10:00,usd,49.00,0.00\n"
)
COLUMNS = "customer_id=Customer,date=Date (UTC),amount=Amount Paid,order_id=id"
NOTE = (
    "stripe_invoices.csv: 2 row(s) of a free trial's $0 invoice left out, rows 2, 4: 'Billing Reason' "
    "subscription_create of 0.00 (a subscription starting with a free trial, nothing paid) is no purchase; any other "
    "order of 0.00 is an order"
)
#: (month, buyers, repeat purchasers, returning). January: A (in_04) and B, C's and A's trials no purchase (before:
#: 3 buyers, A a repeat purchaser). February: A, B, C's 0.00 update and D's first invoice of 0.00 beside a Subtotal of
#: 49.00 (a coupon, not a trial) are orders; C's January was a trial, so C is no returning customer (before: 3).
PURCHASES = [["2025-01", 2, 0, 0], ["2025-02", 4, 0, 2]]
#: Order cohorts (cohort, size, back a month later): A and B of January both back; C and D of February.
COHORTS = [["2025-01", 2, 2.0], ["2025-02", 2, None]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripe_trial_invoices_are_no_purchase(tmp_path, capsys, backend) -> None:
    (tmp_path / "stripe_invoices.csv").write_text(INVOICES)
    args = ["import", "--orders", str(tmp_path / "stripe_invoices.csv"), "--columns", COLUMNS, "--to-csv"]
    assert cli.main([*args, str(tmp_path / "out"), "--backend", backend]) == 0
    said = capsys.readouterr()
    bought = pd.read_csv(tmp_path / "out" / "purchases.csv")
    assert bought[["month", "buyers", "repeat_purchasers", "returning"]].to_numpy().tolist() == PURCHASES
    assert NOTE in said.out + said.err
    cohorts = pd.read_csv(tmp_path / "out" / "order_cohorts.csv").astype(object)
    assert cohorts.where(cohorts.notna(), None).to_numpy().tolist() == COHORTS


def _invoices_table(tmp_path) -> ibis.Table:
    """The invoices in a DuckDB table, typed (amounts DOUBLE, dates TIMESTAMP), its columns as a warehouse names
    them and no Status (nothing else makes the table be read as a file's)."""
    (tmp_path / "i.csv").write_text(INVOICES)
    con = duckdb.connect()
    con.execute(
        'CREATE TABLE invoices AS SELECT Customer AS customer_id, "Date (UTC)" AS date, "Amount Paid" AS amount, '
        f"\"Billing Reason\" AS billing_reason, Subtotal AS subtotal FROM read_csv('{tmp_path / 'i.csv'}')"
    )
    return ibis.duckdb.from_connection(con).table("invoices")


def test_a_duckdb_table_of_stripe_invoices(tmp_path) -> None:
    """Counted where it is (relational) and by the table functions (pandas), the same purchases as the import's."""
    table = _invoices_table(tmp_path)
    units = ReadOptions(amounts="units")  # whole DOUBLEs beside cus_ ids, no currency: cents or units is asked
    for got in (
        relational.repeat_purchases(table, options=units),
        tables.repeat_purchases(table.to_pandas(), options=units),
    ):
        assert got.index.astype(str).tolist() == ["2025-01", "2025-02"]
        assert got[["buyers", "repeat_purchasers", "returning"]].to_numpy().tolist() == [[2, 0, 0], [4, 0, 2]]


def test_stripe_line_items_trial_period(tmp_path, capsys) -> None:
    """An invoice line items export: A's line "Trial period for Pro Plan" of 0.00 is no purchase; C's line of the
    free plan, 0.00, is an order (before: A a repeat purchaser, 3 buyers and 1 repeat in January)."""
    (tmp_path / "lines.csv").write_text(
        "Invoice ID,Customer,Created (UTC),Description,Amount,Currency\n"
        "in_1,cus_A,2025-01-05 10:00,Trial period for Pro Plan,0.00,usd\n"
        "in_2,cus_A,2025-01-19 10:00,1 × Pro Plan (at $49.00 / month),49.00,usd\n"
        "in_3,cus_B,2025-01-08 10:00,1 × Pro Plan (at $49.00 / month),49.00,usd\n"
        "in_4,cus_C,2025-01-25 10:00,1 × Free Plan (at $0.00 / month),0.00,usd\n"
        "in_5,cus_A,2025-02-19 10:00,1 × Pro Plan (at $49.00 / month),49.00,usd\n"
    )
    columns = "customer_id=Customer,date=Created (UTC),amount=Amount,order_id=Invoice ID"
    for backend in ("pandas", "duckdb"):
        out = tmp_path / backend
        assert cli.main(["import", "--orders", str(tmp_path / "lines.csv"), "--columns", columns, "--to-csv",
                         str(out), "--backend", backend]) == 0  # fmt: skip
        said = capsys.readouterr()
        assert (
            "lines.csv: 1 row(s) of a free trial's $0 invoice left out, row 2: 'Description' 'Trial period for ...' "
            "of 0.00 (a subscription starting with a free trial, nothing paid) is no purchase"
        ) in said.out + said.err
        got = pd.read_csv(out / "purchases.csv")[["month", "buyers", "repeat_purchasers", "returning"]]
        assert got.to_numpy().tolist() == [["2025-01", 3, 0, 0], ["2025-02", 1, 0, 1]]


def test_orders_of_zero_without_a_trial_mark_stay_orders(tmp_path, capsys) -> None:
    """docs/metrics.md: an order of amount 0 is an order. A plain file's 0.00 orders count, and no note is made."""
    (tmp_path / "o.csv").write_text(
        "customer_id,date,amount\na,2025-01-05,0.00\na,2025-01-20,10.00\nb,2025-01-07,10.00\nc,2025-02-03,0\n"
    )
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "out")]) == 0
    said = capsys.readouterr()
    assert "trial" not in said.out + said.err
    got = pd.read_csv(tmp_path / "out" / "purchases.csv")[["month", "buyers", "repeat_purchasers", "returning"]]
    assert got.to_numpy().tolist() == [["2025-01", 2, 1, 0], ["2025-02", 1, 0, 0]]


def test_the_printed_sql_says_to_leave_trial_invoices_out(tmp_path, capsys) -> None:
    """`xl-retention sql`'s header says which rows to leave out of orders; so prepared, its purchases query gives the
    import's counts of the Stripe file, and a 0.00 order left in (C's update, D's coupon) is a buyer there too."""
    (tmp_path / "stripe_invoices.csv").write_text(INVOICES)
    args = ["import", "--orders", str(tmp_path / "stripe_invoices.csv"), "--columns", COLUMNS, "--to-csv"]
    assert cli.main([*args, str(tmp_path / "out")]) == 0
    imported = pd.read_csv(tmp_path / "out" / "purchases.csv")[["buyers", "repeat_purchasers", "returning"]]
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "purchases"]) == 0
    sql = capsys.readouterr().out
    header = " ".join(line.lstrip("- ") for line in sql.splitlines() if line.startswith("--"))
    assert (
        "A free trial's $0 invoice (Stripe's Billing Reason subscription_create, or its line 'Trial period for ...', "
        "every amount 0.00 or blank) is no purchase: leave its rows out of orders (WHERE NOT (COALESCE(billing_reason, "
        "'') = 'subscription_create' AND COALESCE(amount_due, 0) = 0 AND COALESCE(amount_paid, 0) = 0 AND "
        "COALESCE(subtotal, 0) = 0 AND COALESCE(total, 0) = 0): a row without a reason is kept), as the import leaves "
        "them out with a note; any other order of 0.00 (a 100% coupon's, its subtotal 49.00) is an order (its "
        "customer a buyer), here as in the import."
    ) in header
    db = duckdb.connect()
    db.execute(
        'CREATE TABLE invoices AS SELECT Customer AS customer_id, "Date (UTC)" AS date, "Amount Due" AS amount_due, '
        '"Amount Paid" AS amount_paid, "Billing Reason" AS billing_reason, Subtotal AS subtotal, Total AS total '
        f"FROM read_csv('{tmp_path / 'stripe_invoices.csv'}')"
    )
    db.execute(
        "CREATE VIEW orders AS SELECT customer_id, date, amount_paid AS amount FROM invoices WHERE NOT "
        "(COALESCE(billing_reason, '') = 'subscription_create' AND COALESCE(amount_due, 0) = 0 AND "
        "COALESCE(amount_paid, 0) = 0 AND COALESCE(subtotal, 0) = 0 AND COALESCE(total, 0) = 0)"
    )
    got = db.sql(sql.rstrip().rstrip(";")).df()[["buyers", "repeat_purchasers", "returning"]]
    assert got.to_numpy().tolist() == imported.to_numpy().tolist() == [row[1:] for row in PURCHASES]
    # a 0.00 invoice without a reason (a one-off written by hand) is an order, as in the import: the filter keeps it
    # (billing_reason = ... of a NULL reason is NULL, and WHERE NOT (NULL) dropped it: H446's review of 9a011fd5)
    db.execute("INSERT INTO invoices SELECT 'z', date, 0, 0, NULL, 0, 0 FROM invoices LIMIT 1")
    assert db.sql("SELECT count(*) FROM orders WHERE customer_id = 'z'").fetchone() == (1,)
