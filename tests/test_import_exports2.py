"""Real exports read as their vendors mean them (H10's findings): statuses that do not pay, ids Excel saved in
scientific notation, repeated rows of overlapping exports, UTC columns and time zones, guests, amounts in cents
and the converted amounts of multi-currency accounts. Each test builds its own small export in tmp_path."""

from __future__ import annotations

import csv
import re
import shlex
from pathlib import Path

import pytest
from import_cli import status_and_error as run


def column(path: Path, name: str, table: str = "movements.csv") -> dict[str, str]:
    """``{month: value}`` of one column of a table written by ``--to-csv``."""
    with open(path / table, newline="") as handle:
        return {row["month"]: row[name] for row in csv.DictReader(handle)}


LEMON = (
    "id,customer_id,user_email,product_name,variant_name,status,renews_at,ends_at,created_at,price,interval\n"
    "1,1001,a@x.com,App,Monthly,active,2026-04-05,,2026-01-05 10:00:00,29.00,month\n"
    "2,1002,b@x.com,App,Monthly,{status},2026-04-20,,2026-03-20 10:00:00,29.00,month\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "status", ["on_trial", "trial_ended", "awaiting_signup", "Pending"]
)  # on hold: tests/test_import_on_hold_statuses.py; suspended (paid until then): tests/test_h271_suspended_statuses.py
def test_subscription_statuses_that_do_not_pay_are_refused(tmp_path, capsys, status: str, backend: str) -> None:
    # Lemon Squeezy's on_trial, Maxio's trial_ended/awaiting_signup, WooCommerce's pending: the subscription pays
    # nothing; counted, it would be 29 MRR from March
    (tmp_path / "subs.csv").write_text(LEMON.format(status=status))
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--columns", "start=created_at,end=ends_at,"
            "amount=price", "--backend", backend, "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (
        1,
        "subs.csv, column 'status': subscriptions that do not pay, to be removed (a free trial, not started yet, "
        "paused or never paid: their price would count as MRR from their start) in row 3 (counting the header as "
        f"row 1): {status!r}",
    )
    (tmp_path / "subs.csv").write_text(LEMON.format(status="past_due"))  # paid for, a payment late: its dates say when
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "o", "mrr_end")["2026-03"] == "58.0"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("status", ["lost", "Closed Lost", "verloren", "perdu", "xyz"])
def test_a_subscription_status_the_import_does_not_know_is_refused(tmp_path, capsys, status: str, backend: str) -> None:
    """A status beside subscription statuses ('active') that is none the import knows counted as paying, silently
    (H49 f8: 'lost', 'gekündigt', 'Closed Lost'); a column of addresses' states (no status among them) is no status."""
    (tmp_path / "subs.csv").write_text(LEMON.format(status=status))
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--columns", "start=created_at,end=ends_at,"
            "amount=price", "--backend", backend, "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (
        1,
        "subs.csv, column 'status': statuses this import does not know (a status column whose other values are "
        "subscription statuses: each row must say whether it pays) in row 3 (counting the header as row 1): "
        f"{status!r}: rename them to active, canceled, trialing, paused or remove those rows",
    )


EXCEL_SAVED = (
    "Customer ID,Created at,Total\n"  # 7123456789012, 7123456789345, 7123460000000 before Excel saved the file
    "7.12346E+12,2026-01-05 10:00:00 -0500,40.00\n"
    "7123456789999,2026-01-06 10:00:00 -0500,10.00\n"
    "7.12346E+12,2026-02-05 10:00:00 -0500,35.00\n"
    "7.12346E+12,2026-03-05 10:00:00 -0500,20.00\n"
)
SCIENTIFIC = (
    "orders.csv, column 'Customer ID': customer ids in Excel's scientific notation (a long number saved from Excel in "
    "the General format: its last digits are lost, and ids that differed read as one) in rows 2, 4, 5 (counting the "
    "header as row 1): '7.12346E+12', '7.12346E+12', '7.12346E+12': export the file again from the source system and "
    "do not save it from Excel, or open it in Excel with the column as Text"
)


def test_ids_excel_saved_in_scientific_notation_are_refused(tmp_path, capsys) -> None:
    (tmp_path / "orders.csv").write_text(EXCEL_SAVED)
    args = ("import", "--orders", tmp_path / "orders.csv", "--columns", "customer_id=Customer ID,date=Created at,"
            "amount=Total", "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (1, SCIENTIFIC)
    # the ids as the shop wrote them: three customers, none returning
    ids = iter(["7123456789012", "7123456789345", "7123460000000"])
    (tmp_path / "orders.csv").write_text(re.sub(r"7\.12346E\+12", lambda _: next(ids), EXCEL_SAVED))
    assert run(capsys, *args) == (0, "")
    assert purchases(tmp_path / "o") == [("2026-01", "2", "0"), ("2026-02", "1", "0", "0"), ("2026-03", "1", "0", "0")]
    assert column(tmp_path / "o", "buyers", "purchases.csv") == {"2026-01": "2", "2026-02": "1", "2026-03": "1"}


def test_scientific_ids_are_refused_in_every_id_column(tmp_path, capsys) -> None:
    import pandas as pd

    from xl_retention import NotANumberError, rfm_summary

    subs = "customer_id,month,mrr\n1.23457E+15,2026-01,10\n1234567890123456,2026-01,20\n"
    (tmp_path / "subs.csv").write_text(subs)
    code, message = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o")
    assert code == 1 and message.startswith("subs.csv, column 'customer_id': customer ids in Excel's scientific")
    assert message.endswith(
        "in row 2 (counting the header as row 1): '1.23457E+15': export the file again from the source system and do "
        "not save it from Excel, or open it in Excel with the column as Text"
    )
    visits = "visitor_id,date\n4.5E+11,2026-01-03\nv2,2026-01-04\n"
    (tmp_path / "visits.csv").write_text(visits)
    code, message = run(capsys, "import", "--visits", tmp_path / "visits.csv", "--to-csv", tmp_path / "o")
    assert code == 1 and message.startswith("visits.csv, column 'visitor_id': visitor ids in Excel's scientific")
    orders = pd.DataFrame({"customer_id": ["7.12346E+12", "a"], "date": ["2026-01-05", "2026-01-06"], "amount": [5, 6]})
    # a DataFrame given in Python: its row by its index label
    with pytest.raises(NotANumberError, match=r"scientific .* in the row at index 0: '7.12346E"):
        rfm_summary(orders)
    # ids that only look alike are ids: no exponent sign (12E4), or text around it
    fine = "customer_id,month,mrr\n12E4,2026-01,10\nE+12,2026-01,20\ncus_1E+5,2026-01,5\n"
    (tmp_path / "subs.csv").write_text(fine)
    assert run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o") == (0, "")
    assert column(tmp_path / "o", "mrr_end") == {"2026-01": "35.0"}


MAGENTO = (
    '"ID","Purchase Date","Grand Total (Purchased)","Status","Customer Email","Total Refunded"\n'
    '"000000101","Jan 5, 2026 10:12:33 AM","$120.00","Complete","ann@x.com","$0.00"\n'
    '"000000102","Jan 20, 2026 3:01:00 PM","$80.00","Closed","ann@x.com","$80.00"\n'
    '"000000103","Feb 14, 2026 9:00:00 AM","$60.00","Complete","bob@x.com","$20.00"\n'
    '"000000104","Feb 15, 2026 9:00:00 AM","$30.00","Processing","ann@x.com","$0.00"\n'
)


def purchases(path: Path) -> list[tuple[str, ...]]:
    """(month, buyers, repeat purchasers, returning) of purchases.csv; the first month's returning customers are left
    out (whether they are 0 or unknown, customers who ordered before the data, is not what these tests are about)."""
    out = [(r[0], r[1], r[2], r[3]) for r in rows(path, "purchases.csv")]
    return [out[0][:3], *out[1:]] if out else out


def rows(path: Path, table: str) -> list[tuple[str, ...]]:
    with open(path / table, newline="") as handle:
        return [tuple(row) for row in csv.reader(handle)][1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_magento_refunds_total_refunded_and_closed(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "orders.csv").write_text(MAGENTO)
    columns = "customer_id=Customer Email,date=Purchase Date,amount=Grand Total (Purchased),order_id=ID"
    args = ("import", "--orders", tmp_path / "orders.csv", "--backend", backend, "--columns", columns,
            "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    # order 102 refunded in full (Closed): no purchase; order 103: 60 less 20 refunded
    assert purchases(tmp_path / "o") == [("2026-01", "1", "0"), ("2026-02", "2", "0", "1")]
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "120.0", "30.0"), ("2026-02", "40.0", "")]
    # without the refunded amount, 'closed' cannot be told (Magento: refunded in full; Shopify: archived, paid)
    (tmp_path / "orders.csv").write_text("\n".join(line.rsplit(",", 1)[0] for line in MAGENTO.splitlines()) + "\n")
    assert run(capsys, *args) == (1, (
        "orders.csv, column 'Status': order statuses that say refunded in full in Magento and paid (archived) in "
        "Shopify: add the refunded amount column of the export (Magento's 'Total Refunded'), or give them the status "
        "refunded or completed in row 3 (counting the header as row 1): 'Closed'"
    ))  # fmt: skip
    # a refund above its amount is of another amount: refused, never made into a refund of the purchase
    (tmp_path / "orders.csv").write_text(MAGENTO.replace('"$20.00"', '"$600.00"'))
    assert run(capsys, *args) == (1, (
        "orders.csv, column 'Total Refunded': refunded amounts above the amount of their row in 'Grand Total "
        "(Purchased)' (a refund of another amount, in another currency?) in row 4 (counting the header as row 1): "
        "'$600.00': map the amount whose refund this is, or correct the rows"
    ))  # fmt: skip


def test_stripe_payments_refunded_in_full_are_no_purchase(tmp_path, capsys) -> None:
    payments = (
        "id,Created (UTC),Amount,Amount Refunded,Currency,Customer ID\n"
        "ch_1,2026-01-05 10:00,49.00,0.00,usd,cus_A\n"
        "ch_2,2026-01-20 10:00,49.00,49.00,usd,cus_A\n"  # refunded in full, no status column to say so
        "ch_3,2026-02-05 10:00,49.00,9.00,usd,cus_A\n"
    )
    (tmp_path / "pay.csv").write_text(payments)
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", "customer_id=Customer ID,date=Created (UTC)",
            "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert purchases(tmp_path / "o") == [("2026-01", "1", "0"), ("2026-02", "1", "0", "1")]
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "49.0", "40.0"), ("2026-02", "0.0", "")]


STRIPE_SUBS = (
    "id,Customer ID,Status,Plan Interval,Plan Amount,Quantity,Start Date (UTC),Ended At (UTC)\n"
    "sub_1,cus_A,active,month,49.00,1,2026-01-05 10:00,\n"
    "sub_2,cus_B,canceled,month,99.00,1,2026-01-20 10:00,2026-03-20 10:00\n"
    "sub_3,cus_C,active,year,1200.00,1,2026-02-03 10:00,\n"
)
REPEATED = (
    "rows identical in every column to an earlier row with the same id: the same record twice (overlapping exports "
    "appended?), which would be counted twice in {rows} (counting the header as row 1): {ids}: remove the repeated "
    "rows"
)


def repeated(source: str, name: str, rows: str, ids: str) -> str:
    return f"{source}, column {name!r}: " + REPEATED.format(rows=rows, ids=ids)


def test_a_subscription_exported_twice_is_refused_not_added_twice(tmp_path, capsys) -> None:
    # two overlapping Stripe exports appended: sub_2 and sub_3 twice (their MRR would count twice: 247/447/249)
    (tmp_path / "subs.csv").write_text(STRIPE_SUBS + "".join(STRIPE_SUBS.splitlines(keepends=True)[2:]))
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--columns", "start=Start Date (UTC),end=Ended At "
            "(UTC)", "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (
        1,
        repeated("subs.csv", "id", "rows 5, 6", "'sub_2', 'sub_3'"),
    )
    (tmp_path / "subs.csv").write_text(STRIPE_SUBS)
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "o", "mrr_end") == {"2026-01": "148.0", "2026-02": "248.0", "2026-03": "149.0"}
    # one id on rows that differ (a later export with the end date): which is current cannot be told
    (tmp_path / "subs.csv").write_text(STRIPE_SUBS.replace("sub_3", "sub_2"))
    assert run(capsys, *args) == (1, (
        "subs.csv, column 'id': rows with the id of an earlier row and other values: the same record in two exports, "
        "changed between them (which row is current cannot be told, and both would count) in row 4 (counting the "
        "header as row 1): 'sub_2': keep the row of the latest export"
    ))  # fmt: skip


PAYMENTS = (
    "id,Description,Created (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,Captured\n"
    "ch_3A1,Invoice 1,2026-01-05 10:00,49.00,0.00,usd,Paid,cus_A,true\n"
    "ch_3A2,Invoice 2,2026-01-28 10:00,49.00,0.00,usd,Paid,cus_B,true\n"
    "ch_3A3,Invoice 3,2026-02-05 10:00,49.00,0.00,usd,Paid,cus_A,true\n"
    "ch_3A4,Invoice 4,2026-03-05 10:00,49.00,0.00,usd,Paid,cus_B,true\n"
)


def test_a_payment_refunded_in_the_later_export_is_refused_naming_it(tmp_path, capsys) -> None:
    (tmp_path / "pay.csv").write_text(
        PAYMENTS + "ch_3A2,Invoice 2,2026-01-28 10:00,49.00,49.00,usd,Refunded,cus_B,true\n"
    )
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", "customer_id=Customer ID,date=Created (UTC)",
            "--to-csv", tmp_path / "o")  # fmt: skip
    code, message = run(capsys, *args)
    assert code == 1 and message.startswith("pay.csv, column 'id': rows with the id of an earlier row and other")
    assert message.endswith("in row 6 (counting the header as row 1): 'ch_3A2': keep the row of the latest export")


@pytest.mark.parametrize("order_id", [None, "id"])
def test_a_payment_exported_twice_is_refused_not_counted_twice(tmp_path, capsys, order_id: str | None) -> None:
    lines = PAYMENTS.splitlines(keepends=True)
    (tmp_path / "pay.csv").write_text("".join(lines[:4] + lines[2:4] + lines[4:]))  # ch_3A2, ch_3A3 twice
    columns = "customer_id=Customer ID,date=Created (UTC)" + (f",order_id={order_id}" if order_id else "")
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", columns, "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (
        1,
        repeated("pay.csv", "id", "rows 5, 6", "'ch_3A2', 'ch_3A3'"),
    )
    (tmp_path / "pay.csv").write_text(PAYMENTS)
    assert run(capsys, *args) == (0, "")
    assert purchases(tmp_path / "o") == [("2026-01", "2", "0"), ("2026-02", "1", "0", "1"), ("2026-03", "1", "0", "1")]
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv")[0] == ("2026-01", "98.0", "49.0", "49.0")


def test_repeated_orders_and_answers_and_line_items(tmp_path, capsys) -> None:
    # an orders list appended twice: the same order number with its total twice is a copy, not two line items
    orders = "Order Number,Customer,Date,Total\n1001,ann,2026-01-05,35.00\n1002,bob,2026-01-06,20.00\n"
    (tmp_path / "orders.csv").write_text(orders + "1001,ann,2026-01-05,35.00\n")
    args = ("import", "--orders", tmp_path / "orders.csv", "--columns", "customer_id=Customer,date=Date,amount=Total",
            "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (
        1,
        repeated("orders.csv", "Order Number", "row 4", "'1001'"),
    )
    # an order's other line items (no amount on them) are its rows, however alike
    (tmp_path / "orders.csv").write_text(orders + "1001,ann,2026-01-05,\n1001,ann,2026-01-05,\n")
    assert run(capsys, *args) == (0, "")
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "55.0")]
    # Typeform's '#' is the response's id: the same response twice would count twice in the NPS
    answers = "#,How likely?,Submit Date (UTC)\nr1,10,2026-01-05 10:00:00\nr2,3,2026-01-06 10:00:00\n"
    (tmp_path / "nps.csv").write_text(answers + "r1,10,2026-01-05 10:00:00\n")
    columns = "score=How likely?,date=Submit Date (UTC)"
    args = ("import", "--nps", tmp_path / "nps.csv", "--columns", columns, "--to-csv", tmp_path / "n")
    assert run(capsys, *args) == (1, repeated("nps.csv", "#", "row 4", "'r1'"))
    # without a response id, two equal answers on one day are two respondents
    (tmp_path / "nps.csv").write_text(answers.replace("#,", "Respondent,").replace("r2", "r1"))
    assert run(capsys, *args) == (0, "")


def test_timezone_converts_utc_columns_and_never_month_labels(tmp_path, capsys) -> None:
    # Stripe writes UTC without an offset and says so in the header: 23:30 UTC on 31 January is 1 February in Berlin
    payments = (
        "id,Created (UTC),Amount,Currency,Status,Customer ID\n"
        "ch_1,2026-01-10 10:00,49.00,eur,Paid,cus_A\n"
        "ch_2,2026-01-31 23:30,49.00,eur,Paid,cus_B\n"
        "ch_3,2026-02-15 10:00,49.00,eur,Paid,cus_A\n"
        "ch_4,2026-02-28,49.00,eur,Paid,cus_C\n"  # a date without a time stays that date
    )
    (tmp_path / "pay.csv").write_text(payments)
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", "customer_id=Customer ID,date=Created (UTC)",
            "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args, "--timezone", "Europe/Berlin") == (0, "")
    assert column(tmp_path / "o", "buyers", "purchases.csv") == {"2026-01": "1", "2026-02": "3"}
    assert run(capsys, *args) == (0, "")  # without --timezone: the date as written
    assert column(tmp_path / "o", "buyers", "purchases.csv") == {"2026-01": "2", "2026-02": "2"}
    # a header without UTC: times without an offset are wall times as written, --timezone leaves them
    (tmp_path / "pay.csv").write_text(payments.replace("Created (UTC)", "Created"))
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", "customer_id=Customer ID,date=Created",
            "--timezone", "Europe/Berlin", "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "o", "buyers", "purchases.csv") == {"2026-01": "2", "2026-02": "2"}
    # a snapshot's month is a label: 1 January 00:00+01 stays January whatever --timezone says
    snapshots = "customer_id,month,mrr\na,{0},100\nb,{0},50\na,{1},100\nb,{1},0\n"
    (tmp_path / "mrr.csv").write_text(snapshots.format("2026-01-01 00:00:00+01", "2026-02-01 00:00:00+01"))
    args = (
        "import",
        "--subscriptions",
        tmp_path / "mrr.csv",
        "--timezone",
        "Europe/London",
        "--to-csv",
        tmp_path / "s",
    )
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "s", "mrr_end") == {"2026-01": "150.0", "2026-02": "100.0"}
    assert column(tmp_path / "s", "lost") == {"2026-01": "0", "2026-02": "1"}


def test_guest_checkouts_are_no_customer(tmp_path, capsys) -> None:
    # WooCommerce writes customer_id 0 for every guest checkout: one heavy "returning" buyer of all guests
    orders = (
        "order_id,customer_id,Billing Email,date,amount,status\n"
        "1,12,ann@x.com,2026-01-05,10.00,wc-completed\n"
        "2,0,bob@x.com,2026-01-06,25.00,wc-completed\n"
        "3,0,cyd@x.com,2026-01-07,40.00,wc-processing\n"
        "4,0,dan@x.com,2026-02-07,15.00,wc-completed\n"
        "5,12,ann@x.com,2026-02-09,10.00,wc-completed\n"
    )
    (tmp_path / "orders.csv").write_text(orders)
    assert run(capsys, "import", "--orders", tmp_path / "orders.csv", "--to-csv", tmp_path / "o") == (1, (
        "orders.csv, column 'customer_id': customer ids that stand for no one (a guest checkout: WooCommerce writes 0; "
        "Google Analytics '(not set)': all of them would be one customer who returns) in rows 3, 4, 5 (counting the "
        "header as row 1): '0', '0', '0': map the e-mail as the id, --columns 'customer_id=Billing Email', or remove "
        "those rows"
    ))  # fmt: skip
    args = ("import", "--orders", tmp_path / "orders.csv", "--columns", "customer_id=Billing Email", "--to-csv",
            tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")  # the remedy pasted: each guest is their own customer
    assert purchases(tmp_path / "o") == [("2026-01", "3", "0"), ("2026-02", "2", "0", "1")]
    # 'guest' and -1 are no one too; '00' and '007' are ids, and so is a typed integer column's 0 (numbered from 0)
    import pandas as pd

    frame = pd.DataFrame({"customer_id": [0, 1], "date": pd.to_datetime(["2026-01-05", "2026-02-06"])})
    frame.to_parquet(tmp_path / "orders.parquet")
    assert run(capsys, "import", "--orders", tmp_path / "orders.parquet", "--to-csv", tmp_path / "p") == (0, "")
    (tmp_path / "o.csv").write_text("customer_id,date\n00,2026-01-05\n007,2026-01-06\nGuest,2026-01-07\n")
    code, message = run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "p")
    assert code == 1 and message.endswith(
        "in row 4 (counting the header as row 1): 'Guest': map the e-mail as the id, --columns customer_id=NAME (an "
        "e-mail or user id column), or remove those rows"
    )


def test_amounts_in_the_smallest_currency_unit(tmp_path, capsys) -> None:
    # Paddle Billing's API: unit_price.amount in cents (4900 is 49.00 USD)
    paddle = (
        "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
        "items.price.unit_price.amount,items.quantity\n"
        "sub_01h1,active,ctm_01a,USD,2026-01-05T10:00:00Z,,month,1,4900,1\n"
        "sub_01h2,canceled,ctm_01b,USD,2026-01-20T10:00:00Z,2026-03-20T10:00:00Z,year,1,49000,2\n"
        "sub_01h3,active,ctm_01c,USD,2026-02-13T10:00:00Z,,month,3,12000,1\n"
    )
    (tmp_path / "paddle.csv").write_text(paddle)
    columns = "start=started_at,end=canceled_at,quantity=items.quantity,amount=items.price.unit_price.amount"
    assert run(capsys, "import", "--subscriptions", tmp_path / "paddle.csv", "--columns", columns, "--to-csv",
               tmp_path / "p") == (0, "")  # fmt: skip
    mrr = {m: round(float(v), 6) for m, v in column(tmp_path / "p", "mrr_end").items()}
    assert mrr == {"2026-01": 130.666667, "2026-02": 170.666667, "2026-03": 89.0}
    # Stripe's API in a zero-decimal currency: 5000 is 5,000 yen; a three-decimal one: 5120 is 5.120 KWD
    charges = (
        "id,customer,created,amount,currency,status\nch_1,cus_A,2026-01-05 10:00:00,5000,jpy,succeeded\n"
        "ch_2,cus_B,2026-01-06 10:00:00,12000,jpy,succeeded\nch_3,cus_C,2026-01-07 10:00:00,4900,usd,succeeded\n"
    )
    (tmp_path / "charges.csv").write_text(charges)
    args = ("import", "--orders", tmp_path / "charges.csv", "--columns", "customer_id=customer,date=created",
            "--segment", "currency", "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    with open(tmp_path / "o" / "order_revenue_cohorts.csv", newline="") as handle:
        revenue = {(r["segment"], r["cohort"]): r["0"] for r in csv.DictReader(handle)}
    assert revenue == {("JPY", "2026-01"): "17000.0", ("USD", "2026-01"): "49.0"}  # codes upper case
    (tmp_path / "charges.csv").write_text(charges.replace("jpy", "kwd").replace("5000", "5120"))
    assert run(capsys, *args) == (0, "")
    with open(tmp_path / "o" / "order_revenue_cohorts.csv", newline="") as handle:
        revenue = {(r["segment"], r["cohort"]): r["0"] for r in csv.DictReader(handle)}
    assert revenue == {("KWD", "2026-01"): "17.12", ("USD", "2026-01"): "49.0"}
    # Stripe's Dashboard export saved by Excel (49.00 written as 49): its headers say Dashboard, amounts in units
    dashboard = (
        "id,Customer ID,Currency,Interval,Amount,Quantity,Status,Start Date (UTC),Ended At (UTC)\n"
        "sub_1,cus_A,usd,month,49,1,active,1/5/2026 10:00,\n"
        "sub_2,cus_B,usd,year,490,2,active,1/20/2026 10:00,\n"
    )
    (tmp_path / "subs.csv").write_text(dashboard)
    assert run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--columns", "start=Start Date (UTC),"
               "end=Ended At (UTC)", "--monthfirst", "--to-csv", tmp_path / "s") == (0, "")  # fmt: skip
    assert round(float(column(tmp_path / "s", "mrr_end")["2026-01"]), 6) == 130.666667


def test_stripe_converted_amounts_go_with_their_currency_and_refunds(tmp_path, capsys) -> None:
    # a multi-currency account: "Converted Amount" is all in "Converted Currency" (eur); "Currency" is the charges'
    full = (
        "id,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,"
        "Converted Currency,Status,Customer ID\n"
        "ch_1,2026-01-05 10:00,100.00,100.00,usd,90.00,90.00,eur,Paid,cus_A\n"
        "ch_2,2026-01-06 10:00,1000,500,jpy,6.50,3.25,eur,Paid,cus_B\n"
        "ch_3,2026-02-05 10:00,100.00,0.00,usd,92.00,0.00,eur,Paid,cus_A\n"
    )
    (tmp_path / "pay.csv").write_text(full)
    columns = "customer_id=Customer ID,date=Created (UTC),amount=Converted Amount"
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", columns, "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (0, "")  # B keeps 3.25 EUR of 6.50; A's January charge was refunded in full
    assert column(tmp_path / "o", "buyers", "purchases.csv") == {"2026-01": "1", "2026-02": "1"}
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "3.25", "0.0"), ("2026-02", "92.0", "")]
    # the charges' own amounts are in three currencies: refused, naming them
    code, message = run(capsys, *args[:4], "customer_id=Customer ID,date=Created (UTC),amount=Amount", *args[5:])
    assert code == 1 and message.startswith("pay.csv, column 'Currency': 2 currencies (USD, JPY)")


@pytest.mark.parametrize("placeholder", ["(not set)", "(other)", "undefined", "Gast"])
def test_analytics_placeholders_are_no_visitor(tmp_path, capsys, placeholder: str) -> None:
    # GA4's '(not set)' (no user id), '(other)' (grouped rows), Segment's 'undefined': one visitor who "returns"
    visits = f"User ID,Date\nu1,20260105\n{placeholder},20260106\nu2,20260203\n{placeholder},20260204\n"
    (tmp_path / "visits.csv").write_text(visits)
    args = ("import", "--visits", tmp_path / "visits.csv", "--columns", "visitor_id=User ID,date=Date", "--to-csv",
            tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (1, (
        "visits.csv, column 'User ID': visitor ids that stand for no one (a guest checkout: WooCommerce writes 0; "
        "Google Analytics '(not set)': all of them would be one visitor who returns) in rows 3, 5 (counting the "
        f"header as row 1): {placeholder!r}, {placeholder!r}: map the e-mail as the id, --columns visitor_id=NAME (an "
        "e-mail or user id column), or remove those rows"
    ))  # fmt: skip


def test_a_status_that_says_ended_needs_an_end_date(tmp_path, capsys) -> None:
    subs = "customer_id,start,end,mrr,status\na,2026-01-05,,100,active\nb,2026-01-06,,100,canceled\n" \
           "c,2026-02-06,,50,Expired\n"  # fmt: skip
    (tmp_path / "subs.csv").write_text(subs)
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, (
        "subs.csv, column 'status': subscriptions whose status says they ended, with no end date (an empty end is a "
        "subscription still active, which would never churn) in rows 3, 4 (counting the header as row 1): 'canceled', "
        "'Expired': map the column of the day service stopped, --columns end=NAME (Stripe: 'Ended At (UTC)', Recurly: "
        "expires_at), or give those rows their end"
    ))  # fmt: skip
    (tmp_path / "subs.csv").write_text(subs.replace(",,100,canceled", ",2026-03-06,100,canceled").replace(
        ",,50,Expired", ",2026-03-06,50,Expired"))  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "o", "lost") == {"2026-01": "0", "2026-02": "0", "2026-03": "2"}


@pytest.mark.parametrize("dtype", ["int64", "float64"])
def test_stripe_cents_in_a_typed_float_column(tmp_path, capsys, dtype: str) -> None:
    import pandas as pd

    # a sync tool's Stripe charges: amount in cents, float64 when the column has a null anywhere
    frame = pd.DataFrame({"id": ["ch_1", "ch_2", "ch_3"], "customer_id": ["cus_A", "cus_B", "cus_A"],
                          "created": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-02-05"]),
                          "amount": [4900, 9900, 4900], "currency": ["usd"] * 3})  # fmt: skip
    frame.astype({"amount": dtype}).to_parquet(tmp_path / "charges.parquet")
    args = ("import", "--orders", tmp_path / "charges.parquet", "--columns", "date=created", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (0, "")
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv")[0] == ("2026-01", "148.0", "49.0")
    frame.assign(amount=[49.5, 99.0, 49.0]).to_parquet(tmp_path / "charges.parquet")  # a decimal: in units
    assert run(capsys, *args) == (0, "")
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv")[0] == ("2026-01", "148.5", "49.0")


@pytest.mark.parametrize("name", ["subscriptions.currency_code", "Account.Currency", "Transaction Currency",
                                  "Currency (ISO)", "Währung", "Devise"])  # fmt: skip
def test_currency_columns_by_any_name_are_checked(tmp_path, capsys, name: str) -> None:
    (tmp_path / "s.csv").write_text(f"customer_id,start,end,mrr,{name}\na,2026-01-05,,100,USD\nb,2026-01-06,,100,EUR\n")
    args = ("import", "--subscriptions", tmp_path / "s.csv", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, (
        f"s.csv, column {name!r}: 2 currencies (USD, EUR) in rows 2, 3 (counting the header as row 1): 'USD', 'EUR'; "
        f"amounts are added up: convert them to one currency first, or import one currency at a time (--segment "
        f"{shlex.quote(name + '=EUR')})"  # a name with spaces quoted: the option pasted as it is
    ))  # fmt: skip
    assert run(capsys, *args[:3], "--segment", name, *args[3:]) == (0, "")  # each currency summed in its own


def test_a_column_that_only_mentions_currency_is_not_one(tmp_path, capsys) -> None:
    (tmp_path / "s.csv").write_text("customer_id,start,end,mrr,Currency Rate\na,2026-01-05,,100,1.0\nb,2026-01-06,,"
                                    "100,1.1\n")  # fmt: skip
    assert run(capsys, "import", "--subscriptions", tmp_path / "s.csv", "--to-csv", tmp_path / "o") == (0, "")


QUALTRICS = (
    "StartDate,Status,Finished,RecordedDate,ResponseId,DistributionChannel,Q1_NPS_GROUP,Q1\n"
    "2026-01-05 10:00:00,Survey Preview,True,2026-01-05 10:01:00,R_1,preview,Detractor,0\n"
    "2026-01-06 10:00:00,IP Address,True,2026-01-06 10:01:00,R_3,anonymous,Promoter,10\n"
    "2026-01-07 10:00:00,Spam,True,2026-01-07 10:01:00,R_4,anonymous,Detractor,1\n"
    "2026-01-08 10:00:00,IP Address,True,2026-01-08 10:01:00,R_5,anonymous,Promoter,9\n"
)


def test_survey_previews_tests_and_spam_are_no_answers(tmp_path, capsys) -> None:
    (tmp_path / "nps.csv").write_text(QUALTRICS)
    out = tmp_path / "o"
    args = ("import", "--nps", tmp_path / "nps.csv", "--columns", "date=RecordedDate,score=Q1", "--to-csv", out)
    assert run(capsys, *args) == (1, (
        "nps.csv, column 'Status': responses that are previews, tests or spam, to be removed (no respondent's answer: "
        "they would count in the NPS) in rows 2, 4 (counting the header as row 1): 'Survey Preview', 'Spam'"
    ))  # fmt: skip
    lines = QUALTRICS.splitlines(keepends=True)
    (tmp_path / "nps.csv").write_text(lines[0] + lines[2] + lines[4])
    assert run(capsys, *args) == (0, "")
    assert rows(out, "nps.csv")[0][:5] == ("2026-01", "2", "2", "0", "0")
    # a test distribution alone says it too
    (tmp_path / "nps.csv").write_text(lines[0] + lines[2] + lines[4].replace("IP Address", "Imported").replace(
        "anonymous", "test"))  # fmt: skip
    code, message = run(capsys, *args)
    assert code == 1 and message.startswith("nps.csv, column 'DistributionChannel': responses that are previews")


GUMROAD = (
    "Purchase ID,Buyer Email,Purchase Email,Sale Date,Sale Price ($),Fees ($),Refunded?,Partial Refund ($),"
    "Fully Refunded?,Disputed?,Dispute Won?\n"
    "p1,a@x.com,a@x.com,2026-01-05,100.0,10.0,false,0.0,false,false,false\n"
    "p2,a@x.com,a@x.com,2026-01-20,100.0,10.0,true,40.0,false,false,false\n"
    "p3,b@x.com,b@x.com,2026-01-21,100.0,10.0,false,0.0,false,true,false\n"
    "p4,b@x.com,b@x.com,2026-02-21,100.0,10.0,false,0.0,false,false,false\n"
    "p5,c@x.com,c@x.com,2026-02-22,100.0,10.0,false,0.0,false,true,true\n"
)


def test_gumroad_partial_refunds_and_lost_disputes(tmp_path, capsys) -> None:
    (tmp_path / "sales.csv").write_text(GUMROAD)
    columns = "customer_id=Purchase Email,date=Sale Date,amount=Sale Price ($),order_id=Purchase ID"
    args = ("import", "--orders", tmp_path / "sales.csv", "--columns", columns, "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (0, "")
    # p2: 100 less 40 refunded; p3: a dispute lost, no purchase; p5: a dispute won, a purchase
    assert purchases(tmp_path / "o") == [("2026-01", "1", "1"), ("2026-02", "2", "0", "0")]
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "160.0", "0.0"), ("2026-02", "200.0", "")]
    # a disputed flag without the outcome cannot be told
    (tmp_path / "sales.csv").write_text("\n".join(line.rsplit(",", 1)[0] for line in GUMROAD.splitlines()) + "\n")
    code, message = run(capsys, *args)
    assert code == 1 and message.startswith("sales.csv, column 'Disputed?': disputed payments, and no column says")
    assert message.endswith("in rows 4, 6 (counting the header as row 1): 'true', 'true'")


def test_workbook_ids_of_more_than_15_digits_are_refused(tmp_path, capsys) -> None:
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "date", "amount"])
    for day in (5, 6):  # 76561198000000001 and ...002 pasted into Excel: both kept as 7.6561198e+16
        sheet.append([7.6561198e16, dt.datetime(2026, 1, day), 10])
    sheet.append([123456789012345, dt.datetime(2026, 1, 7), 10])  # 15 digits: Excel keeps every one
    book.save(tmp_path / "orders.xlsx")
    assert run(capsys, "import", "--orders", tmp_path / "orders.xlsx", "--to-csv", tmp_path / "o") == (1, (
        "orders.xlsx, column 'customer_id': customer ids held as numbers of more than 15 digits, which Excel keeps to "
        "15 (the last digits are lost, and ids that differed read as one) in rows 2, 3 of sheet 'Sheet': "
        "7.6561198e+16, 7.6561198e+16: give the column as text (in Excel, format it as Text before pasting the ids), "
        "or export it again from the source system"
    ))  # fmt: skip


def test_a_workbook_whose_formulas_were_never_calculated_is_refused(tmp_path, capsys) -> None:
    import datetime as dt
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "date", "net", "amount"])
    for i, (who, day, net) in enumerate([("a", 5, 10), ("b", 6, 20)], start=2):
        sheet.append([who, dt.datetime(2026, 1, day), net, f"=C{i}*1.19"])
    book.save(tmp_path / "plain.xlsx")

    def stored(value: str) -> None:  # as XlsxWriter writes it: every formula with a stored result, calculated on load
        with zipfile.ZipFile(tmp_path / "plain.xlsx") as src, zipfile.ZipFile(tmp_path / "o.xlsx", "w") as out:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename.startswith("xl/worksheets/sheet"):
                    data = re.sub(r"<f>([^<]*)</f>(?:<v\s*/>)?", rf"<f>\1</f><v>{value}</v>", data.decode()).encode()
                out.writestr(item, data)

    stored("0")
    args = ("import", "--orders", tmp_path / "o.xlsx", "--to-csv", tmp_path / "out")
    assert run(capsys, *args) == (1, (
        "o.xlsx: the formulas of sheet 'Sheet' (column 'amount') were never calculated (cells D2, D3 hold 0 or "
        "nothing, and the workbook asks Excel to calculate them when it opens: written by XlsxWriter or pandas?): "
        "calculate them with 'xl-retention recalc o.xlsx' and import the o.recalc.xlsx it writes, or open it in Excel "
        "and save it, or write the values instead of formulas"
    ))  # fmt: skip
    stored("11.9")  # calculated (by Excel, LibreOffice): the stored results are the values
    assert run(capsys, *args) == (0, "")
    assert rows(tmp_path / "out", "order_revenue_cohorts.csv") == [("2026-01", "23.8")]


def test_workbook_ids_shown_with_leading_zeros_are_the_ids_shown(tmp_path, capsys) -> None:
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "date", "amount"])
    sheet.append(["00042", dt.datetime(2026, 1, 5), 10])  # the CRM's text
    sheet.append(["00077", dt.datetime(2026, 1, 6), 10])
    sheet.append([42, dt.datetime(2026, 2, 6), 12])  # typed by hand, shown 00042 by the number format 00000
    sheet.cell(4, 1).number_format = "00000"
    sheet.append([7, dt.datetime(2026, 2, 7), 5])  # a number without a zero-padding format stays 7
    book.save(tmp_path / "orders.xlsx")
    assert run(capsys, "import", "--orders", tmp_path / "orders.xlsx", "--to-csv", tmp_path / "o") == (0, "")
    assert purchases(tmp_path / "o") == [("2026-01", "2", "0"), ("2026-02", "2", "0", "1")]
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "20.0", "12.0"), ("2026-02", "5.0", "")]


def test_add_on_columns_of_a_billing_export_are_refused_not_ignored(tmp_path, capsys) -> None:
    plain = "customer_id,start,end,amount,interval,quantity,addon_unit_price,addon_quantity\n" \
            "a,2026-01-05,,49,month,1,{price},{qty}\nb,2026-01-06,,49,month,1,,\n"  # fmt: skip
    (tmp_path / "subs.csv").write_text(plain.format(price="10", qty="3"))
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, (
        "subs.csv, column 'addon_unit_price': add-on prices or quantities, which the subscription pays beside its plan "
        "(MRR = amount x quantity / months per interval leaves them out): add them into the amount (price x quantity "
        "+ add-on price x add-on quantity, per interval), or remove the column if they are free in row 2 (counting "
        "the header as row 1): '10'"
    ))  # fmt: skip
    (tmp_path / "subs.csv").write_text(plain.format(price="0", qty="0"))  # no add-on bought: nothing to add
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "o", "mrr_end")["2026-01"] == "98.0"


def test_paid_statuses_of_bigcommerce_and_amazon(tmp_path, capsys) -> None:
    bigcommerce = (
        "Order ID,Order Status,Order Date,Customer Email,Order Total (ex tax)\n"
        "101,Awaiting Fulfillment,2026-01-05,ann@x.com,40.00\n"
        "102,Awaiting Payment,2026-01-06,ann@x.com,30.00\n"
        "103,Awaiting Shipment,2026-01-07,bob@x.com,20.00\n"
        "104,Partially Shipped,2026-02-07,ann@x.com,10.00\n"
        "105,Incomplete,2026-02-08,bob@x.com,10.00\n"
    )
    (tmp_path / "bc.csv").write_text(bigcommerce)
    columns = "customer_id=Customer Email,date=Order Date,amount=Order Total (ex tax)"
    args = ("import", "--orders", tmp_path / "bc.csv", "--columns", columns, "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (0, "")  # awaiting payment and incomplete (an abandoned checkout) were not paid
    assert purchases(tmp_path / "o") == [("2026-01", "2", "0"), ("2026-02", "1", "0", "1")]
    amazon = "amazon-order-id\tpurchase-date\torder-status\tbuyer-email\titem-price\n" \
             "1\t2026-01-05\tShipped\ta@x.com\t10.00\n2\t2026-01-06\tUnshipped\tb@x.com\t12.00\n" \
             "3\t2026-02-06\tPartiallyShipped\ta@x.com\t8.00\n4\t2026-02-07\tPending\tc@x.com\t9.00\n"  # fmt: skip
    (tmp_path / "amazon.txt").write_text(amazon)
    columns = "customer_id=buyer-email,date=purchase-date,amount=item-price,order_id=amazon-order-id"
    args = ("import", "--orders", tmp_path / "amazon.txt", "--columns", columns, "--to-csv", tmp_path / "a")
    assert run(capsys, *args) == (0, "")  # Amazon's Pending: payment not yet authorized
    assert purchases(tmp_path / "a") == [("2026-01", "2", "0"), ("2026-02", "1", "0", "1")]


def test_an_unpaid_orders_blank_paid_at_is_no_refusal(tmp_path, capsys) -> None:
    shopify = (
        "Name,Email,Financial Status,Paid at,Total,Lineitem quantity,Lineitem name\n"
        "#1001,ann@x.com,paid,2026-01-05 10:00:00 +0100,35.00,1,Mug\n"
        "#1001,ann@x.com,,,,2,Plate\n"  # the order's other line item: Shopify writes no date nor total
        "#1002,bob@x.com,pending,,25.00,1,Bowl\n"  # never paid: no 'Paid at', left out by its status
        "#1003,cyd@x.com,voided,,25.00,1,Bowl\n"
        "#1004,ann@x.com,paid,2026-02-05 10:00:00 +0100,15.00,1,Mug\n"
    )
    (tmp_path / "orders.csv").write_text(shopify)
    args = ("import", "--orders", tmp_path / "orders.csv", "--columns", "customer_id=Email,date=Paid at,amount=Total,"
            "order_id=Name", "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert purchases(tmp_path / "o") == [("2026-01", "1", "0"), ("2026-02", "1", "0", "1")]
    # a paid order without its date is refused, naming its row
    (tmp_path / "orders.csv").write_text(shopify.replace("paid,2026-02-05 10:00:00 +0100", "paid,"))
    assert run(capsys, *args) == (
        1,
        "orders.csv, column 'Paid at': missing dates in row 6 (counting the header as row 1)",
    )


@pytest.mark.parametrize("months", [("Jan 2026", "Feb 2026"), ("January 2026", "February 2026"),
                                    ("01/2026", "02/2026"), ("2026/01", "2026/02"), ("1.2026", "2.2026")])  # fmt: skip
def test_months_written_with_their_year_are_read(tmp_path, capsys, months: tuple[str, str]) -> None:
    first, second = months
    (tmp_path / "mrr.csv").write_text(f"customer_id,month,mrr\nx,{first},10\ny,{first},10\nx,{second},10\n")
    assert run(capsys, "import", "--subscriptions", tmp_path / "mrr.csv", "--to-csv", tmp_path / "o") == (0, "")
    assert column(tmp_path / "o", "lost") == {"2026-01": "0", "2026-02": "1"}


def test_months_with_a_two_digit_year_name_the_option(tmp_path, capsys) -> None:
    (tmp_path / "mrr.csv").write_text("customer_id,month,mrr\nx,Jan-26,10\ny,Jan-26,10\nx,Feb-26,10\n")
    args = ("import", "--subscriptions", tmp_path / "mrr.csv", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, (
        "mrr.csv, column 'month': dates that do not parse (months with a two-digit year?) in rows 2, 3, 4 (counting "
        "the header as row 1): 'Jan-26', 'Jan-26', 'Feb-26': read them with --date-format '%b-%y'"
    ))  # fmt: skip
    assert run(capsys, *args, "--date-format", "%b-%y") == (0, "")  # the remedy pasted
    assert column(tmp_path / "o", "lost") == {"2026-01": "0", "2026-02": "1"}


def test_refusals_name_the_files_rows_after_blank_lines(tmp_path, capsys) -> None:
    # an empty line 3 and a line of only separators (a row Excel still counts as used) before the bad row 6
    (tmp_path / "orders.csv").write_text(
        "customer_id,date,amount\na,2026-01-05,10\n\nb,2026-01-06,10\n,,\n,2026-01-07,10\nc,2026-01-08,10\n"
    )
    args = ("import", "--orders", tmp_path / "orders.csv", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, "orders.csv, column 'customer_id': missing customer ids in row 6 (counting the "
                                     "header as row 1): (date '2026-01-07', amount '10'): a row without one is no "
                                     "known customer's (a guest's or till "
                                     "sale?): fill the ids in, map a column that names each one, --columns "
                                     "customer_id=NAME, or remove those rows: the figures then count the known ones "
                                     "only")  # fmt: skip
    (tmp_path / "orders.csv").write_text("customer_id,date,amount\na,2026-01-05,10\n\nb,2026-01-06,10\n,,\n")
    assert run(capsys, *args) == (0, "")  # the empty line and the row of separators are no rows
    assert purchases(tmp_path / "o") == [("2026-01", "2", "0")]
    (tmp_path / "orders.csv").write_text("customer_id,date,amount\na,2026-01-05,10\n\n\nb,2026-13-06,10\n")
    code, message = run(capsys, *args)
    assert code == 1 and "in row 5 (counting the header as row 1): '2026-13-06'" in message


def test_refusals_that_point_at_the_cause(tmp_path, capsys) -> None:
    # a ';' file whose row has a field more than the header: the project's words, not the tokenizer's
    (tmp_path / "o.csv").write_text("customer_id;date;amount\na;2026-01-05;49,00\nb;2026-01-06;10,50;x\n")
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "o") == (1, (
        "o.csv: row 3 has 4 fields where the header has 3 names (counting the header as row 1): a separator at the "
        "end of the row, or a value with the separator in it and no quotes around it? remove the extra separator, or "
        "quote the value"
    ))  # fmt: skip
    # one column per month: no column map can help, the table needs unpivoting
    (tmp_path / "wide.csv").write_text("customer_id,2026-01,2026-02,2026-03\na,100,100,0\nb,50,60,60\n")
    code, message = run(capsys, "import", "--subscriptions", tmp_path / "wide.csv", "--to-csv", tmp_path / "o")
    assert code == 1 and message.startswith("wide.csv: one column per month ('2026-01' ... '2026-03'): the import")
    # two columns of one name: their cells
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, "Customer", "Date", "Total", None, "Month", "Total"])
    sheet.append([None, "a", "2026-01-05", 10, None, "2026-01", 30])
    book.save(tmp_path / "side.xlsx")
    args = ("import", "--orders", tmp_path / "side.xlsx", "--columns", "customer_id=Customer,amount=Total", "--to-csv",
            tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (1, "side.xlsx: 2 columns match 'Total' ('Total' in D1, 'Total' in G1): rename or "
                                     "remove the one that is not it")  # fmt: skip
    # Recharge's interval columns are a billing export's; an amount mapped without any interval says what is missing
    recharge = ("subscription_id,customer_id,status,price,quantity,charge_interval_unit_type,charge_interval_frequency,"
                "created_at,cancelled_at\n1,11,ACTIVE,90.00,1,month,3,2026-01-05T10:00:00,\n")  # fmt: skip
    (tmp_path / "rech.csv").write_text(recharge)
    args = ("import", "--subscriptions", tmp_path / "rech.csv", "--columns", "start=created_at,end=cancelled_at,"
            "amount=price", "--to-csv", tmp_path / "r")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert column(tmp_path / "r", "mrr_end")["2026-01"] == "30.0"
    (tmp_path / "rech.csv").write_text(recharge.replace("charge_interval_unit_type", "unit").replace(
        "charge_interval_frequency", "every"))  # fmt: skip
    assert run(capsys, *args) == (1, (
        "rech.csv: amount=price names the price of a billing export, which needs its billing interval column (month, "
        "year, ...), and none was found: map it: --columns interval=NAME (or map mrr=NAME to a column of monthly "
        "revenue)"
    ))  # fmt: skip


@pytest.mark.parametrize(
    "header, first",
    [
        ("#,How likely?,Why?,Submit Date (UTC)", 'r1,9,"Fast, friendly",2026-03-04 10:00:00'),
        ('#,"On a scale of 0-10, how likely?",Why?,Submit Date (UTC)', "r1,9,ok,2026-03-04 10:00:00"),
    ],
)
def test_typeforms_hash_header_with_a_comma_in_a_quoted_field_is_its_header(tmp_path, capsys, header, first) -> None:
    """Typeform's header starts with '#' (the response id); a comma inside a quoted answer or question made it look
    like a '#' comment line of another width, and the first answer was taken for the header (refused, listing
    answers as the columns found)."""
    (tmp_path / "typeform.csv").write_text(f"{header}\n{first}\nr2,6,ok,2026-03-05 10:00:00\n")
    question = next(csv.reader([header]))[1]
    columns = f'score="{question}",date=Submit Date (UTC)'
    args = ("import", "--nps", tmp_path / "typeform.csv", "--columns", columns, "--to-csv", tmp_path / "n")
    assert run(capsys, *args) == (0, "")
    assert rows(tmp_path / "n", "nps.csv")[0][:5] == ("2026-03", "2", "1", "0", "1")


def test_a_failed_charge_and_its_retry_on_one_invoice_are_two_records(tmp_path, capsys) -> None:
    """Stripe's payments: a failed charge and its successful retry share the 'Invoice ID' (ch_3 and ch_4 on in_3);
    they were refused as one record changed between two exports. Each row has its own 'id': two charges, the failed
    one no purchase (H45)."""
    (tmp_path / "unified_payments.csv").write_text(
        "id,Created (UTC),Amount,Amount Refunded,Currency,Captured,Status,Customer ID,Invoice ID\n"
        "ch_1,2026-01-05 10:00:00,50.00,0.00,usd,true,Paid,cus_a,in_1\n"
        "ch_2,2026-01-06 10:00:00,30.00,10.00,usd,true,Paid,cus_b,in_2\n"
        "ch_3,2026-02-06 10:00:00,50.00,0.00,usd,false,Failed,cus_a,in_3\n"
        "ch_4,2026-02-06 11:00:00,50.00,0.00,usd,true,Paid,cus_a,in_3\n"
    )
    args = ("import", "--orders", tmp_path / "unified_payments.csv", "--columns",
            "customer_id=Customer ID,date=Created (UTC),amount=Amount", "--to-csv", tmp_path / "o")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert rows(tmp_path / "o", "order_revenue_cohorts.csv") == [("2026-01", "70.0", "50.0"), ("2026-02", "0.0", "")]
    # the same charge in two exports, changed between them, is still refused
    (tmp_path / "unified_payments.csv").write_text(
        (tmp_path / "unified_payments.csv").read_text()
        + "ch_2,2026-01-06 10:00:00,30.00,30.00,usd,true,Paid,cus_b,in_2\n"
    )
    code, err = run(capsys, *args)
    assert code == 1 and "column 'id': rows with the id of an earlier row and other values" in err
