"""A database table (DuckDB, PostgreSQL) is refused where the same rows as a CSV file are (H46's findings: look-alike
ids, placeholder e-mails, customer lists, currencies in plan ids, payments read as months or as open subscriptions,
a tax flag under a neutral name, a month's total row), as docs/metrics.md states each refusal for every engine.

Each rule the file path refuses values by is listed once in :data:`xl_retention.relational.file_rules.FILE_RULES`;
here each entry has a table it must refuse, and every refusal that reading.prepare calls is either listed there or
among the checks the engine's own code mirrors (so that a new file rule cannot be forgotten by the SQL path).
"""

import ast
import inspect
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.relational.file_rules import FILE_RULES
from xl_retention.workbook.importer import load_tables


def _dates(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days))).dt.date


#: Each rule of FILE_RULES: the input (load_tables' argument), a table the file path refuses, the columns mapped.
CASES = {
    "reading.lookalike_ids.refuse_lookalike_ids": (
        "orders",
        pd.DataFrame(
            {
                "customer_id": ["ACME GmbH", "Acme GmbH", "b"],
                "date": _dates("2024-01-05", "2024-02-05", "2024-01-07"),
                "amount": [10, 10, 5],
            }
        ),
        None,
    ),
    "reading.no_one_ids.refuse_placeholder_emails": (
        "orders",
        pd.DataFrame(
            {
                "customer_id": ["noemail@example.com", "noemail@example.com", "b@x.com"],
                "date": _dates("2024-01-05", "2024-02-05", "2024-01-07"),
                "amount": [10, 10, 5],
            }
        ),
        None,
    ),
    "reading.summaries.refuse_subtotal_ids": (
        "visits",
        pd.DataFrame(
            {
                "visitor_id": ["v1", "v2", "Total January", "v1"],
                "date": _dates("2024-01-05", "2024-01-07", "2024-01-31", "2024-02-02"),
            }
        ),
        None,
    ),
    "reading.export_kinds.refuse_retention_report": (
        "visits",
        pd.DataFrame(
            {
                "visitor_id": ["a", "b"],
                "date": _dates("2024-01-01", "2024-01-02"),
                "Day 1": [0.5, 0.4],
                "Day 2": [0.3, 0.2],
            }
        ),
        None,
    ),
    "reading.export_kinds.refuse_subscriptions_as_orders": (
        "orders",
        pd.DataFrame(
            {
                "customer_id": ["a", "b", "c"],
                "date": _dates("2024-01-05", "2024-01-06", "2024-02-01"),
                "amount": [10.0, 20, 30],
                "MRR": [10.0, 20, 30],
                "interval": ["month"] * 3,
            }
        ),
        None,
    ),
    "reading.deal_stages.check_deal_stages": (
        "orders",
        pd.DataFrame(
            {
                "customer_id": ["a", "b", "c"],
                "date": _dates("2024-01-05", "2024-01-06", "2024-02-01"),
                "amount": [10.0, 20, 30],
                "Stage": ["Closed Won", "Closed Lost", "Closed Won"],
            }
        ),
        None,
    ),
    "reading.summaries.refuse_summary_rows": (
        "orders",
        pd.DataFrame(
            {
                "customer_id": ["a", "b", "c", "Total"],
                "date": _dates("2024-01-05", "2024-01-06", "2024-02-01", "2024-02-28"),
                "amount": [10.0, 20, 30, 60],
            }
        ),
        None,
    ),
    "reading.customer_lists.refuse_customer_lists": (
        "orders",
        pd.DataFrame(
            {
                "Email": ["a@x.com", "b@x.com", "c@x.com"],
                "Created at": _dates("2024-01-05", "2024-01-20", "2024-02-03"),
                "Total Orders": [6, 1, 3],
            }
        ),
        {"customer_id": "Email", "date": "Created at"},
    ),
    "reading.plan_currencies.check_plan_currencies": (
        "orders",
        pd.DataFrame(
            {
                "customer_id": ["A", "B", "C"],
                "date": _dates("2024-01-05", "2024-01-05", "2024-02-05"),
                "amount": [100, 100, 10000],
                "Plan": ["pro-USD-Monthly", "pro-EUR-Monthly", "pro-JPY-Monthly"],
            }
        ),
        None,
    ),
    "reading.payment_logs.refuse_payments_as_months": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "B", "A"],
                "month": _dates("2024-01-01", "2024-01-01", "2024-02-01"),
                "mrr": [1200, 100, 0],
                "id": ["in_1", "in_2", "in_3"],
            }
        ),
        None,
    ),
    "reading.payment_logs.refuse_payment_log": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "B", "B", "B"],
                "month": _dates("2024-01-10", "2024-01-03", "2024-02-03", "2024-03-03"),
                "amount": [1200, 100, 100, 100],
                "interval": ["year", "month", "month", "month"],
            }
        ),
        None,
    ),
    "reading.payment_logs.refuse_open_renewals": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "A", "B"],
                "start": _dates("2024-01-15", "2024-02-15", "2024-01-20"),
                "amount": [10, 10, 100],
                "interval": ["month", "month", "year"],
            }
        ),
        None,
    ),
    "reading.tax_flags.refuse_tax_included": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "B", "A"],
                "month": _dates("2024-01-01", "2024-01-01", "2024-02-01"),
                "mrr": [120, 100, 120],
                "Type": ["Inclusive", "Inclusive", "Inclusive"],
            }
        ),
        None,
    ),
    "reading.period_spans.refuse_period_spans": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "B"],
                "start": _dates("2024-01-15", "2024-01-20"),
                "Amount": [1200.0, 50.0],
                "Current Period Start": _dates("2024-01-15", "2024-03-20"),
                "Current Period End": _dates("2025-01-15", "2024-04-20"),
            }
        ),
        {"customer_id": "customer_id", "start": "start", "mrr": "Amount"},
    ),
    "reading.ends.refuse_later_ends": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "B"],
                "start": _dates("2024-01-10", "2024-01-15"),
                "canceled_at": _dates("2024-02-01", None),
                "expires_at": _dates("2024-04-10", None),
                "mrr": [10, 20],
            }
        ),
        {"end": "canceled_at"},
    ),
    "reading.family_shares.family_shared": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "B", "C"],
                "start": _dates("2024-01-10", "2024-01-15", "2024-02-01"),
                "end": _dates("2024-03-10", "2024-04-15", "2024-04-15"),
                "mrr": [10, 20, 20],
                "ownership_type": ["PURCHASED", "PURCHASED", "FAMILY_SHARED"],
            }
        ),
        None,
    ),
    "reading.decimal_twins.with_decimal_twins": (
        "subscriptions",
        pd.DataFrame(
            {
                "subscriptions.customer_id": ["cus_A", "cus_B"],
                "subscriptions.plan_quantity": [1, 1],
                "subscriptions.plan_quantity_in_decimal": [2.5, None],
                "subscriptions.plan_unit_price": [10.0, 49.0],
                "subscriptions.billing_period_unit": ["month", "month"],
                "subscriptions.started_at": _dates("2024-01-10", "2024-02-01"),
            }
        ),
        {"customer_id": "subscriptions.customer_id", "start": "subscriptions.started_at"},
    ),
    "reading.versions.latest_versions": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer_id": ["A", "A", "B"],
                "Subscription: Name": ["S1", "S1", "S2"],
                "Subscription: Version": [1, 2, 1],
                "Subscription: Status": ["Active", "Active", "Active"],
                "start": _dates("2024-01-01", "2024-01-01", "2024-02-01"),
                "end": _dates("2024-04-01", "2024-04-01", "2024-04-01"),
                "mrr": [100, 150, 20],
            }
        ),
        None,
    ),
    "reading.open_contracts.refuse_open_contracts": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer": ["Acme", "Acme", "Hooli"],
                "start_date": _dates("2025-01-01", "2026-01-01", "2025-03-01"),
                "term_months": [12, 12, 12],
                "mrr": [1000, 1100, 500],
            }
        ),
        {"customer_id": "customer", "start": "start_date", "mrr": "mrr"},
    ),
    "reading.deal_amounts.refuse_deal_amounts": (
        "subscriptions",
        pd.DataFrame(
            {
                "customer": ["Acme", "Umbrella"],
                "start_date": ["2025-01-01", "2025-06-15"],  # text: the deal's cells quoted as written
                "end_date": ["2026-01-01", "2027-06-15"],
                "amount": [12000, 48000],
                "stage": ["Closed Won", "Closed Won"],
            }
        ),
        {"customer_id": "customer", "start": "start_date", "end": "end_date", "mrr": "amount"},
    ),
    "reading.summaries.refuse_monthly_totals": (
        "subscriptions",
        pd.DataFrame(
            {
                "Customer": ["Total January", "A", "B"],
                "Month": _dates("2024-01-01", "2024-01-01", "2024-01-01"),
                "MRR": [300, 100, 200],
            }
        ),
        {"customer_id": "Customer", "month": "Month", "mrr": "MRR"},
    ),
}


def _duckdb(path: Path, frame: pd.DataFrame) -> Path:
    with duckdb.connect(str(path)) as con:
        con.register("frame", frame)
        con.execute("CREATE OR REPLACE TABLE t AS SELECT * FROM frame")
    return path


#: Each case's refusal on DuckDB. A table has no header row and no order: its rows are named by their values (id,
#: date, the value at fault), never as a file's "row 3 (counting the header as row 1)".
REFUSED = {
    "reading.customer_lists.refuse_customer_lists": (
        "table:t, column 'Total Orders': a list of customers (one row per 'Email', with the number of their orders: "
        "'6' in the row of Email 'a@x.com', Created at '2024-01-05'), not one row per order: each customer's orders "
        "would count as one, at 'Created at'; export the orders themselves (one row per order, with its customer and "
        "date)"
    ),
    "reading.deal_amounts.refuse_deal_amounts": (
        "table:t, column 'amount': a CRM deal's amount (the deal's total) taken as mrr, on deals of contracts of 2 "
        "months or more in 2 rows, e.g. customer 'Acme', start_date '2025-01-01', amount '12000 over 2025-01-01 to "
        "2026-01-01 (12 months)'; customer 'Umbrella', start_date '2025-06-15', amount '48000 over 2025-06-15 to "
        "2027-06-15 (24 months)': is 'amount' per month, per year or per contract? Read as monthly, a year's "
        "contract would count 12 times: map mrr to a monthly column (MRR, 'Monthly Amount'), or to an annual one "
        "named so (ARR, divided by 12); a contract's total: add a column of it divided by the contract's months and "
        "map that"
    ),
    "reading.deal_stages.check_deal_stages": (
        "table:t, column 'Stage': a CRM's deal stages: deals lost or still open are no purchases (import the rows of "
        "won deals only) in 1 row, e.g. customer_id 'b', date '2024-01-06', Stage 'Closed Lost'"
    ),
    "reading.decimal_twins.with_decimal_twins": (
        "table:t, column 'subscriptions.plan_quantity_in_decimal': quantity in decimals (Chargebee's multi-decimal "
        "pricing) other than the one in 'subscriptions.plan_quantity' (which one was billed cannot be told) in 1 "
        "row, e.g. subscriptions.customer_id 'cus_A', subscriptions.started_at '2024-01-10', "
        "subscriptions.plan_quantity_in_decimal '2.5 beside 1': map the one billed, --columns "
        "quantity=subscriptions.plan_quantity_in_decimal, or blank the other"
    ),
    "reading.ends.refuse_later_ends": (
        "table:t, column 'expires_at': dates of a later month than the end mapped, 'canceled_at', on rows that "
        "ended, a month more active (a subscription cancelled on 'canceled_at' that served until 'expires_at', as "
        "Recurly's canceled_at and expires_at, Stripe's 'Canceled At' and 'Ended At': the months it paid would count "
        "as lost) in 1 row, e.g. customer_id 'A', start '2024-01-10', expires_at '2024-04-10': map the day service "
        "stopped, --columns end=expires_at, or remove this column if it is not"
    ),
    "reading.export_kinds.refuse_retention_report": (
        "table:t: a retention report (its columns 'Day 1', 'Day 2' are the share or number of each cohort still "
        "active that many days, weeks or months later), not one row per visit (visitor id and date): the import "
        "counts raw events itself; export the events (Mixpanel: Events export; Amplitude: Export Data; Google "
        "Analytics: BigQuery export, or an exploration with a user or client id dimension), one row per visit "
        "(visitor id and date)"
    ),
    "reading.export_kinds.refuse_subscriptions_as_orders": (
        "table:t: a subscriptions export (its columns 'MRR', 'interval' are a subscription's), not orders: each "
        "subscription would count as one purchase on its date, and a cancelled one as none; import it with "
        "--subscriptions (payments or invoices are orders: --orders)"
    ),
    "reading.family_shares.family_shared": (
        "table:t, column 'ownership_type': family members' rows with a price (the purchaser's row carries the price: "
        "counted here too, the subscription would count twice) in 1 row, e.g. customer_id 'C', start '2024-02-01', "
        "ownership_type 'FAMILY_SHARED': write their price as 0, or remove them"
    ),
    "reading.lookalike_ids.refuse_lookalike_ids": (
        "table:t, column 'customer_id': customer ids that differ only in capitals, spaces, apostrophes or hyphens "
        "('ACME GmbH' and 'Acme GmbH': one customer typed two ways, or two? Excel's MATCH and COUNTIF take them as "
        "one) in 2 rows, e.g. customer_id 'ACME GmbH', date '2024-01-05'; customer_id 'Acme GmbH', date "
        "'2024-02-05': write each customer's id one way, or give two customers ids that differ otherwise"
    ),
    "reading.no_one_ids.refuse_placeholder_emails": (
        "table:t, column 'customer_id': customer ids that stand for no one (a placeholder e-mail typed for walk-in "
        "sales: all of them would be one customer who returns) in 2 rows, e.g. customer_id 'noemail@example.com', "
        "date '2024-01-05'; customer_id 'noemail@example.com', date '2024-02-05': remove those rows, or give each "
        "customer their own id"
    ),
    "reading.open_contracts.refuse_open_contracts": (
        "table:t: column 'term_months' holds each contract's term (the row of customer 'Acme', start_date "
        "'2025-01-01': 12) and no end is mapped: read without it, every contract runs open-ended (a customer who did "
        "not renew is never lost, a renewal is added on top of the contract it renews); add each contract's end (its "
        "last day: in Excel =EDATE(start, term)-1) as a column and map it: --columns end=END"
    ),
    "reading.payment_logs.refuse_open_renewals": (
        "table:t, column 'start': open rows of one customer one billing interval apart (a payment and its renewal, "
        "no end date): the rows are payments, and each would be a subscription of its own, running on with its MRR "
        "added every month in 1 row, e.g. customer_id 'A', start '2024-02-15': give one row per subscription with "
        "its start and end (or import the payments with --orders)"
    ),
    "reading.payment_logs.refuse_payment_log": (
        "table:t, column 'interval': rows of a plan of 2 months or more (the first: 12 months) whose customer has no "
        "row in the month before nor after, while the file goes on to 2024-03: the rows are payments (one per paid "
        "period), not each month's subscriptions (a subscriber of a 12-month plan would be on every month's row); "
        "read by month, the customer would be lost the month after paying in 1 row, e.g. customer_id 'A', month "
        "'2024-01-10', interval 'year': give one row per customer and month the payment covers ('month' each month, "
        "the price per interval beside), or one row per subscription with its start and end"
    ),
    "reading.payment_logs.refuse_payments_as_months": (
        "table:t: 'id' holds Stripe's ids of invoices or charges, and the rows are payments (a yearly invoice would "
        "be 12 months' MRR in its month and the customer lost the month after), not each customer's month: import "
        "them with --orders, or give one row per customer and month with the MRR (or one per subscription with "
        "start, end and the price per interval)"
    ),
    "reading.period_spans.refuse_period_spans": (
        "table:t, column 'Amount': 'Amount' (taken as mrr) is a price per billing period, and 'Current Period Start' "
        "to 'Current Period End' spans 2 months or more in 1 row, e.g. customer_id 'A', start '2024-01-15', Amount "
        "'1200.0 over 2024-01-15 to 2025-01-15 (12 months)': read as monthly, a yearly price would count 12 times: "
        "map mrr to a monthly column, or give a billing interval column (month, year) and map the price as amount "
        "(--columns amount=Amount with interval=...)"
    ),
    "reading.plan_currencies.check_plan_currencies": (
        "table:t, column 'Plan': prices in 3 currencies (USD, EUR, JPY) said in its values in 3 rows, e.g. "
        "customer_id 'A', date '2024-01-05', Plan 'pro-USD-Monthly'; customer_id 'B', date '2024-01-05', Plan "
        "'pro-EUR-Monthly'; customer_id 'C', date '2024-02-05', Plan 'pro-JPY-Monthly'; amounts are added up: "
        "convert them to one currency first, or add a currency column (the code of each row) and import one currency "
        "at a time (segment='currency=EUR')"
    ),
    "reading.summaries.refuse_monthly_totals": (
        "table:t, column 'Customer': subtotal rows (a month's or a period's totals, not a customer) in 1 row, e.g. "
        "Customer 'Total January', Month '2024-01-01': remove them"
    ),
    "reading.summaries.refuse_subtotal_ids": (
        "table:t, column 'visitor_id': subtotal rows (a month's or a period's totals, not a customer) in 1 row, e.g. "
        "visitor_id 'Total January', date '2024-01-31': remove them"
    ),
    "reading.summaries.refuse_summary_rows": (
        "table:t, column 'customer_id': a summary row of the export (its totals, not data) in 1 row, e.g. "
        "customer_id 'Total', date '2024-02-28': remove it"
    ),
    "reading.tax_flags.refuse_tax_included": (
        "table:t: column 'Type' says 'mrr' includes tax (the row of customer_id 'A', month '2024-01-01': "
        "'Inclusive') and no column holds the tax; MRR is net of tax: give the amounts before tax (--columns "
        "amount=NAME), or a column of the tax beside them"
    ),
    "reading.versions.latest_versions": (
        "table:t, column 'Subscription: Status': rows of an earlier version of a subscription than its latest "
        "('Subscription: Version') whose status is not Expired (whether a later version superseded them cannot be "
        "told, and both would count) in 1 row, e.g. customer_id 'A', start '2024-01-01', Subscription: Status "
        "'Active': keep each subscription's latest version only"
    ),
}


def test_every_file_rule_has_a_table_it_refuses() -> None:
    assert set(CASES) == set(REFUSED) == {rule.rule for rule in FILE_RULES}


def _refusal(**arguments) -> str:
    with pytest.raises(DataError) as caught:
        load_tables(**arguments)
    return str(caught.value)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_duckdb_table_is_refused_as_the_same_rows_in_a_csv_file_are(tmp_path, rule) -> None:
    kind, frame, columns = CASES[rule]
    frame.to_csv(tmp_path / "t.csv", index=False)
    by_file = _refusal(**{kind: tmp_path / "t.csv"}, columns=columns)
    db = _duckdb(tmp_path / "db.duckdb", frame)
    by_table = _refusal(**{kind: "table:t"}, columns=columns, backend="duckdb", connection=str(db))
    assert by_table == REFUSED[rule]
    assert "counting the header" not in by_table
    # the same problem; the file's rows by number, the table's by value (no rows named: the file's very words)
    assert _before_rows(by_file).replace("t.csv", "table:t", 1) == _before_rows(by_table)
    assert (_before_rows(by_file) == by_file) == (_before_rows(by_table) == by_table)


def _before_rows(message: str) -> str:
    """``message`` up to where it names its first row: a file's by number, a table's by value (all of it if none)."""
    found = re.search(r" in (rows? \d|\d+ rows?, e\.g\.|the row of )|\((the )?row (of |\d)", message)
    return message if found is None else message[: found.start()]


#: Each case made valid (the one spelling, real e-mails, one currency, ...): the rule lets it through, and DuckDB's
#: tables are the pandas path's, with these figures (orders: each month's buyers; subscriptions: each month's MRR).
VALID = {
    "reading.lookalike_ids.refuse_lookalike_ids": (
        lambda f: f.assign(customer_id=["Acme GmbH", "Acme GmbH", "b"]),
        [2, 1],
    ),
    "reading.no_one_ids.refuse_placeholder_emails": (
        lambda f: f.assign(customer_id=["a@x.com", "a@x.com", "b@x.com"]),
        [2, 1],
    ),
    "reading.summaries.refuse_subtotal_ids": (lambda f: f.assign(visitor_id=["v1", "v2", "Total Wine", "v1"]), [3, 1]),
    "reading.export_kinds.refuse_retention_report": (lambda f: f.drop(columns=["Day 1", "Day 2"]), [2]),
    "reading.export_kinds.refuse_subscriptions_as_orders": (lambda f: f.drop(columns=["MRR", "interval"]), [2, 1]),
    "reading.deal_stages.check_deal_stages": (lambda f: f.assign(Stage=["Closed Won"] * 3), [2, 1]),
    "reading.summaries.refuse_summary_rows": (lambda f: f.assign(customer_id=["a", "b", "c", "Totalis"]), [2, 2]),
    "reading.customer_lists.refuse_customer_lists": (lambda f: f.assign(**{"Total Orders": [1, 1, 1]}), [2, 1]),
    "reading.plan_currencies.check_plan_currencies": (lambda f: f.assign(Plan=["pro-USD-Monthly"] * 3), [2, 1]),
    "reading.payment_logs.refuse_payments_as_months": (lambda f: f.assign(id=["a1", "b1", "a2"]), [1300.0, 0.0]),
    "reading.payment_logs.refuse_payment_log": (lambda f: f.assign(interval=["month"] * 4), [1300.0, 100.0, 100.0]),
    "reading.payment_logs.refuse_open_renewals": (
        lambda f: f.assign(customer_id=["A", "C", "B"]),
        [10.0 + 100 / 12, 20.0 + 100 / 12],
    ),
    "reading.tax_flags.refuse_tax_included": (lambda f: f.assign(Type=["Exclusive"] * 3), [220.0, 120.0]),
    "reading.period_spans.refuse_period_spans": (
        lambda f: f.assign(**{"Current Period End": _dates("2024-02-15", "2024-04-20")}),
        [1250.0, 1250.0, 1250.0],
    ),
    "reading.ends.refuse_later_ends": (lambda f: f.assign(expires_at=f["canceled_at"]), [30.0, 20.0]),
    "reading.family_shares.family_shared": (lambda f: f.assign(mrr=[10, 20, 0]), [30.0, 30.0, 20.0, 0.0]),
    "reading.decimal_twins.with_decimal_twins": (
        lambda f: f.assign(**{"subscriptions.plan_quantity": [None, 1]}),
        [25.0, 74.0],
    ),
    "reading.versions.latest_versions": (
        lambda f: f.assign(**{"Subscription: Status": ["Expired", "Active", "Active"]}),
        [150.0, 170.0, 170.0, 0.0],
    ),
    "reading.summaries.refuse_monthly_totals": (
        lambda f: f.assign(Customer=["C", "A", "B"], MRR=[250, 100, 200]),
        [550.0],
    ),
}


def _figures(tables, kind: str) -> list:
    if kind == "orders":
        return tables.purchases["buyers"].tolist()
    if kind == "visits":
        return tables.visits["visitors"].tolist()
    return tables.movements["mrr_end"].round(6).tolist()


@pytest.mark.parametrize("rule", sorted(VALID))
def test_the_valid_table_imports_with_the_files_figures(tmp_path, rule) -> None:
    kind, frame, columns = CASES[rule]
    fix, figures = VALID[rule]
    frame = fix(frame)
    frame.to_csv(tmp_path / "t.csv", index=False)
    by_file = load_tables(**{kind: tmp_path / "t.csv"}, columns=columns)
    by_table = load_tables(**{kind: "table:t"}, columns=columns, backend="duckdb",
                           connection=str(_duckdb(tmp_path / "db.duckdb", frame)))  # fmt: skip
    assert _figures(by_table, kind) == _figures(by_file, kind) == pytest.approx(figures)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_postgresql_table_is_refused_by_every_file_rule() -> None:
    import ibis
    from postgres_server import throwaway_server

    from xl_retention import relational as R

    with throwaway_server("xl-retention-pg-h47-") as url:
        con = R.connect("postgres", url)
        for number, rule in enumerate(sorted(CASES)):
            kind, frame, columns = CASES[rule]
            name = f"t{number}"
            typed = frame.assign(**{c: pd.to_datetime(frame[c]) for c in frame.columns if c in ("date", "month",
                                    "start", "Month", "Created at")})  # fmt: skip
            con.create_table(name, schema=ibis.memtable(typed).schema())
            con.insert(name, typed)
            got = _refusal(**{kind: f"table:{name}"}, columns=columns, backend="postgres", connection=url)
            assert got == REFUSED[rule].replace("table:t", f"table:{name}", 1), rule


#: The refusals of reading.prepare (and of the functions it calls for ids and export kinds) that are not in
#: FILE_RULES: the engine path applies them by its own checks (relational.mirrors, .input_checks, .inputs' reading
#: as a file's), or they concern a file's own layout. A refusal added to the file path must be added to FILE_RULES
#: (or, where the engine's own code applies it, here): this test fails until it is. (Not verified one by one here:
#: check_appended_copies, an export appended again in the same order, is NOT asked of a database table, whose rows
#: have no order: a known gap.)
ELSEWHERE = frozenset({
    "_check_dates_given", "_refuse_add_ons", "refuse_add_ons", "_refuse_billing_names_without_interval",
    "_refuse_count_without_interval", "_refuse_unused_billing_columns", "check_answer_statuses",
    "check_appended_copies", "check_copied_rows", "check_currency_column", "check_customer_currencies",
    "check_discounts", "check_end_dates", "check_ended_at_zero", "check_ended_snapshots",
    "check_ended_without_end", "check_money_twins", "check_negative_mrr", "check_one_currency", "check_order_id",
    "check_pauses", "check_questions", "check_renewal_ends", "check_repeated_rows", "check_scale", "check_scores",
    "check_statuses", "check_test_mode", "refuse_bad_ids", "refuse_counts", "refuse_empty_end", "refuse_extra_prices",
    "refuse_future_months", "refuse_missing_months", "refuse_movements_log", "refuse_orders_as_subscriptions",
    "refuse_repeated_headers", "refuse_sheets_alike", "refuse_shifted_column",
    "refuse_times", "refuse_unused_dates", "refuse_unused_end",
})  # fmt: skip


def _refusals_called(function) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(function))):
        if isinstance(node, ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if called.lstrip("_").startswith(("refuse", "check")):
                found.add(called)
    return found


def test_every_refusal_of_the_file_path_is_a_file_rule_or_applied_by_the_engine_path() -> None:
    from xl_retention.reading import export_kinds, preparation, summaries, values

    asked = (preparation.prepare, values.refuse_bad_ids, export_kinds.refuse_counts, summaries.refuse_monthly_totals)
    called = set().union(*map(_refusals_called, asked))
    listed = {rule.rule.rsplit(".", 1)[1] for rule in FILE_RULES}
    assert called - listed - ELSEWHERE == set()


@pytest.mark.parametrize(
    ("first", "second", "refused"),
    [
        ("O’Neil Ltd", "O'Neil Ltd", True),  # Word's curly apostrophe beside the typed one
        ("Anna  Schmidt", "Anna Schmidt", True),  # two spaces
        ("Müller\u2010Lang", "Müller-Lang", True),  # U+2010 hyphen
        ("STRASSE AG", "Straße AG", True),  # casefold: ß is ss
        ("O`Neil", "o'neil", True),  # a backtick
        ("cus_AbC", "cus_abc", False),  # a machine's ids: their capitals tell them apart
        ("Acme GmbH", "Acme Ltd", False),
    ],
)
def test_look_alike_ids_of_a_duckdb_table_are_the_csv_files(tmp_path, first, second, refused) -> None:
    frame = CASES["reading.lookalike_ids.refuse_lookalike_ids"][1].assign(customer_id=[first, second, "b"])
    frame.to_csv(tmp_path / "t.csv", index=False)
    db = str(_duckdb(tmp_path / "db.duckdb", frame))
    if not refused:
        by_file = load_tables(orders=tmp_path / "t.csv")
        assert _figures(load_tables(orders="table:t", backend="duckdb", connection=db), "orders") == [2, 1]
        assert _figures(by_file, "orders") == [2, 1]
        return
    by_file = _refusal(orders=tmp_path / "t.csv")
    by_table = _refusal(orders="table:t", backend="duckdb", connection=db)
    assert by_file.split(" in ")[0].replace("t.csv", "table:t", 1) == by_table.split(" in ")[0]
    rows = [f"customer_id {first!r}, date '2024-01-05'", f"customer_id {second!r}, date '2024-02-05'"]
    rows = rows if first < second else rows[::-1]  # in the order of their ids
    assert by_table.endswith(
        f"in 2 rows, e.g. {rows[0]}; {rows[1]}: write each customer's id one way, or give two customers ids that "
        "differ otherwise"
    )
    assert by_file.endswith(": write each customer's id one way, or give two customers ids that differ otherwise")


def test_a_subtotal_row_with_its_mrr_blank_is_named_as_one_before_the_blank(tmp_path) -> None:
    frame = pd.DataFrame({"customer_id": ["A", "B", "Total January"], "month": _dates(*["2024-01-01"] * 3),
                          "mrr": [100.0, 200.0, None]})  # fmt: skip
    frame.to_csv(tmp_path / "t.csv", index=False)
    by_file = _refusal(subscriptions=tmp_path / "t.csv")
    db = str(_duckdb(tmp_path / "db.duckdb", frame))
    by_table = _refusal(subscriptions="table:t", backend="duckdb", connection=db)
    problem = "subtotal rows (a month's or a period's totals, not a customer)"
    assert by_file.startswith(f"t.csv, column 'customer_id': {problem} in row 4")
    assert by_file.endswith(": remove them")
    assert by_table == (
        f"table:t, column 'customer_id': {problem} in 1 row, e.g. customer_id 'Total January', month '2024-01-01': "
        "remove them"
    )
