"""Import faults of list B (H51): surveys, analytics, orders and messages, each test on its own small input.

* 1: Google Forms' timestamps with their offset ("2026/03/04 5:06:07 PM GMT+1", "GMT-5", "GMT+5:30").
* 2: a retention report (Mixpanel's, Amplitude's "Day 1" columns) or a table of counts ("Date, Active users") is
  refused, not read as one visitor per row.
* 3: header names on two lines (Alt+Enter in Excel: "Customer\\nID"), in a CSV file and in a workbook.
* 4: a subscriptions export given as --orders is refused with the option to use.
* 5: import --to-csv names an input's last month when it is before the last full month (the tables end there).
* 6: a customer named "Total" with a dated order is a customer; a dated total is still refused.
* 7: PayPal's activity download: payments received and their refunds; conversions, withdrawals, pending left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


# -- 1: Google Forms' "GMT+1" ---------------------------------------------------------------------------------------
FORMS = (
    "Timestamp,How likely are you to recommend us?\n"
    "2026/03/04 5:06:07 PM GMT+1,9\n"
    "2026/03/31 11:30:00 PM GMT-5,10\n"
    "2026/04/01 12:30:00 AM GMT+5:30,3\n"
    "2026/04/02 9:00:00 AM GMT,7\n"
)
FORMS_COLUMNS = "date=Timestamp,score=How likely are you to recommend us?"


@pytest.mark.parametrize("backend", BACKENDS)
def test_1_google_forms_offsets_keep_the_date_as_written(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "forms.csv"
    path.write_text(FORMS)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", FORMS_COLUMNS, backend=backend) / "nps.csv")
    assert nps["month"].tolist() == ["2026-03", "2026-04"]
    assert nps[["responses", "promoters", "passives", "detractors"]].values.tolist() == [[2, 2, 0, 0], [2, 0, 1, 1]]


def test_1_google_forms_offsets_are_converted_with_timezone(tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_text(FORMS)
    out = run(tmp_path, "--nps", path, "--columns", FORMS_COLUMNS, "--timezone", "UTC")
    nps = pd.read_csv(out / "nps.csv")  # 31 March 23:30 at -5 is 1 April in UTC; 1 April 00:30 at +5:30 is 31 March
    assert nps["month"].tolist() == ["2026-03", "2026-04"]
    assert nps[["responses", "promoters", "passives", "detractors"]].values.tolist() == [[2, 1, 0, 1], [2, 1, 1, 0]]


def test_1_an_offset_no_zone_has_is_refused_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "forms.csv"
    path.write_text("Timestamp,Score\n2026/03/04 5:06:07 PM GMT+1,9\n2026/03/05 5:06:07 PM GMT+19,8\n")
    err = refusal(capsys, "--nps", str(path), "--columns", "date=Timestamp", "--to-csv", str(tmp_path / "o"))
    assert err.startswith("forms.csv, column 'Timestamp': ")
    assert err.endswith("in row 3 (counting the header as row 1): '2026/03/05 5:06:07 PM GMT+19'")


# -- 3: header names on two lines -----------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_3_a_csv_header_on_two_lines_is_matched_by_its_words(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text('"Customer\nID","Signup\r\ndate","MRR"\nc1,2026-01-05,10\nc2,2026-02-05,20\n')
    out = run(tmp_path, "--subscriptions", path, "--columns", "start=Signup date", backend=backend)
    moves = pd.read_csv(out / "movements.csv")
    assert moves["month"].tolist() == ["2026-01", "2026-02"]
    assert moves["customers_end"].tolist() == [1, 2]
    assert moves["mrr_end"].tolist() == [10.0, 30.0]


def test_3_refusals_quote_a_two_line_header_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "subs.csv"
    path.write_text('"Customer\nID","Month","Monthly\nRevenue"\nc1,2026-01,10\nc2,2026-02,x\n')
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("subs.csv: missing column 'mrr' (columns found: 'Customer ID', 'Month', 'Monthly Revenue')")
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "mrr=Monthly Revenue", "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("subs.csv, column 'Monthly Revenue': ")
    assert "in row 3 (counting the header as row 1): 'x'" in err


def test_3_a_workbook_header_with_alt_enter_is_matched(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Customer\nID", "Order\nDate", "Amount"])
    sheet.append(["a", dt.datetime(2026, 1, 5), 100])
    sheet.append(["b", dt.datetime(2026, 1, 6), 50])
    sheet.append(["a", dt.datetime(2026, 2, 6), 30])
    book.save(tmp_path / "orders.xlsx")
    out = run(tmp_path, "--orders", tmp_path / "orders.xlsx", "--columns", "date=Order Date")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["buyers", "returning"]].values.tolist() == [[2, 0], [1, 1]]


# -- 6: a customer named 'Total' -------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", ["Total", "TOTAL"])
def test_6_a_customer_named_total_with_a_dated_order_is_a_customer(tmp_path: Path, backend: str, name: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        f"customer_id,date,amount\nTotal Wine & More,2026-01-05,120\nAcme,2026-01-07,80\n{name},2026-02-03,45\n"
    )
    out = run(tmp_path, "--orders", path, backend=backend)
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [2, 1]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [200.0, 45.0]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("tail", "label"),
    [
        ("TOTAL,2026-02-03,200.00,", "TOTAL"),  # the sum of the amounts above, dated
        ("Total,2026-02-03,100,", "Total"),  # their average
        ("Total,2026-02-03,45,", "Total"),  # the e-mail column, filled in every other row, left blank
    ],
)
def test_6_a_dated_total_whose_cells_are_totals_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, tail: str, label: str
) -> None:
    path = tmp_path / "orders.csv"
    rows = "customer_id,date,amount,email\nTotal Wine,2026-01-05,120,tw@x.com\nAcme,2026-01-07,80,a@x.com\n"
    path.write_text(rows + tail + ("" if tail.startswith("Total,2026-02-03,45") else "t@x.com") + "\n")
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'customer_id': a summary row of the export (its totals, not data) in row 4 "
        f"(counting the header as row 1): {label!r}: remove it"
    )


# -- 2: retention reports and tables of counts ----------------------------------------------------------------------
MIXPANEL = (
    "Date,Users,< 1 Day,Day 1,Day 2,Day 3\n2026-01-01,1200,100%,45.2%,38.1%,33.0%\n2026-02-01,1350,100%,44.0%,37.5%,\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_2_a_retention_report_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    path = tmp_path / "retention.csv"
    path.write_text(MIXPANEL)
    err = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Users", "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith(
        "retention.csv: a retention report (its columns '< 1 Day', 'Day 1', 'Day 2', ... are the share or number of "
        "each cohort still active that many days, weeks or months later), not one row per visit (visitor id and date)"
    )
    assert not (tmp_path / "o").exists()


def test_2_an_amplitude_report_given_as_orders_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "amplitude.csv"
    path.write_text("Cohort,Users,Week 0,Week 1,Week 2\n2026-01-05,320,100.0%,22.5%,18.1%\n")
    err = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Users,date=Cohort", "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("amplitude.csv: a retention report (its columns 'Week 0', 'Week 1', 'Week 2' are")
    assert "not one row per order" in err


@pytest.mark.parametrize("backend", BACKENDS)
def test_2_counts_per_date_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    path = tmp_path / "ga.csv"
    path.write_text('Date,Active users\n2026-01-01,"1,204"\n2026-01-02,988\n2026-02-01,1010\n')
    err = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Active users,date=Date", "--backend",
                  backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err.startswith(
        "ga.csv, column 'Active users': numbers of active users per date (one row per date, '1,204' on '2026-01-01'), "
        "a report's counts"
    )


def test_2_visitor_ids_in_a_users_column_are_visitors(tmp_path: Path) -> None:
    path = tmp_path / "visits.csv"  # numeric ids in a column named 'Users': the same id on several dates
    path.write_text("Date,Users\n2026-01-01,1001\n2026-01-01,1002\n2026-02-01,1001\n")
    visits = pd.read_csv(run(tmp_path, "--visits", path, "--columns", "visitor_id=Users,date=Date") / "visits.csv")
    assert visits[["visitors", "returning"]].values.tolist() == [[2, 0], [1, 1]]


# -- 4: a subscriptions export given as orders ----------------------------------------------------------------------
STRIPE_SUBSCRIPTIONS = (
    "id,Customer ID,Plan,Quantity,Interval,Amount,Status,Created (UTC),Current Period End (UTC),Ended At (UTC)\n"
    "sub_1,cus_A,pro,1,month,49.00,active,2026-01-05 10:00,2026-04-05 10:00,\n"
    "sub_2,cus_B,basic,1,month,19.00,canceled,2026-01-10 10:00,2026-03-10 10:00,2026-03-10 10:00\n"
    "sub_3,cus_C,pro,1,year,490.00,active,2026-02-01 10:00,2027-02-01 10:00,\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("text", "columns", "named"),
    [
        (STRIPE_SUBSCRIPTIONS, "date=Created (UTC)",
         "columns 'Current Period End (UTC)', 'Ended At (UTC)', 'Interval' are a subscription's"),
        ("customer_id,plan,status,mrr,date\nc1,pro,active,49,2026-01-05\nc2,basic,cancelled,19,2026-01-10\n", "",
         "column 'mrr' is a subscription's"),
    ],
)  # fmt: skip
def test_4_a_subscriptions_export_given_as_orders_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, text: str, columns: str, named: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(text)
    args = ["--columns", columns] if columns else []
    err = refusal(capsys, "--orders", str(path), *args, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"subs.csv: a subscriptions export (its {named}), not orders: each subscription would count as one purchase "
        "on its date, and a cancelled one as none; import it with --subscriptions (payments or invoices are orders: "
        "--orders)"
    )


def test_4_orders_with_an_order_id_and_a_billing_interval_are_orders(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # Recharge's orders of subscription products: each one a purchase
    path.write_text(
        "order_id,customer_id,date,amount,order_interval_unit\n1,c1,2026-01-05,20,month\n2,c1,2026-02-05,20,month\n"
    )
    purchases = pd.read_csv(run(tmp_path, "--orders", path) / "purchases.csv")
    assert purchases[["buyers", "returning"]].values.tolist() == [[1, 0], [1, 1]]


# -- 7: PayPal's activity download ------------------------------------------------------------------------------------
PAYPAL_HEADER = (
    '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",'
    '"To Email Address","Transaction ID","Reference Txn ID","Balance"\n'
)
_ROWS = [
    (
        "01/05/2026 10:01:02",
        "Ann",
        "Subscription Payment",
        "Completed",
        "USD",
        "49.00",
        "-1.72",
        "ann@x.com",
        "me@shop.com",
        "1AB",
        "I-SUB1",
    ),
    (
        "01/20/2026 11:00:00",
        "Bob",
        "Express Checkout Payment",
        "Completed",
        "USD",
        "120.00",
        "-3.78",
        "bob@x.com",
        "me@shop.com",
        "2CD",
        "",
    ),
    (
        "01/25/2026 12:00:00",
        "Bob",
        "Payment Refund",
        "Completed",
        "USD",
        "-120.00",
        "3.48",
        "me@shop.com",
        "bob@x.com",
        "3EF",
        "2CD",
    ),
    (
        "02/05/2026 10:01:02",
        "Ann",
        "Subscription Payment",
        "Completed",
        "USD",
        "49.00",
        "-1.72",
        "ann@x.com",
        "me@shop.com",
        "4GH",
        "I-SUB1",
    ),
    (
        "02/07/2026 09:00:00",
        "Cid",
        "Website Payment",
        "Pending",
        "USD",
        "80.00",
        "0.00",
        "cid@x.com",
        "me@shop.com",
        "5IJ",
        "",
    ),
    (
        "02/08/2026 09:00:00",
        "Dee",
        "Website Payment",
        "Denied",
        "USD",
        "60.00",
        "0.00",
        "dee@x.com",
        "me@shop.com",
        "6KL",
        "",
    ),
    ("02/09/2026 09:00:00", "", "General Currency Conversion", "Completed", "USD", "-50.00", "0.00", "", "", "7MN", ""),
    ("02/09/2026 09:00:00", "", "General Currency Conversion", "Completed", "EUR", "46.00", "0.00", "", "", "8OP", ""),
    (
        "02/15/2026 13:00:00",
        "Eve",
        "Express Checkout Payment",
        "Completed",
        "USD",
        "30.00",
        "-1.17",
        "eve@x.com",
        "me@shop.com",
        "9QR",
        "",
    ),
    (
        "02/16/2026 13:00:00",
        "Eve",
        "Payment Refund",
        "Completed",
        "USD",
        "-10.00",
        "0.30",
        "me@shop.com",
        "eve@x.com",
        "9QS",
        "9QR",
    ),
    ("02/20/2026 13:00:00", "", "General Withdrawal", "Completed", "USD", "-50.00", "0.00", "", "", "10ST", ""),
    (
        "02/21/2026 13:00:00",
        "Supplier",
        "Express Checkout Payment",
        "Completed",
        "USD",
        "-25.00",
        "0.00",
        "me@shop.com",
        "s@x.com",
        "11UV",
        "",
    ),
]
PAYPAL = PAYPAL_HEADER + "".join(
    '"{}","{}","PST","{}","{}","{}","{}","{}","{}","","{}","{}","{}","{}",""\n'.format(*r[0].split(), *r[1:])
    for r in _ROWS
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_7_paypal_activity_is_read_as_payments_received_and_their_refunds(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "paypal.csv"
    path.write_text(PAYPAL)
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")  # Bob refunded in full; Cid pending, Dee denied; no conversions
    assert purchases[["buyers", "repeat_purchasers", "returning"]].values.tolist() == [[1, 0, 0], [2, 0, 1]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")  # Eve's 30 less her refund of 10; the supplier no buyer
    assert revenue[["0", "1"]].fillna(-1).values.tolist() == [[49.0, 49.0], [20.0, -1.0]]


@pytest.mark.parametrize(
    ("old", "new", "column", "row"),
    [('"General Withdrawal"', '"Crypto Purchase"', "Type", 12), ('"Pending"', '"On Hold"', "Status", 6)],
)
def test_7_a_paypal_type_or_status_not_known_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, column: str, row: int
) -> None:
    path = tmp_path / "paypal.csv"
    path.write_text(PAYPAL.replace(old, new))
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith(f"paypal.csv, column '{column}': PayPal ")
    advice = {
        "Type": "filter the activity to payments received",
        "Status": "relabel them Completed, or remove the rows",
    }
    assert err.endswith(f"in row {row} (counting the header as row 1): {new.strip(chr(34))!r}: {advice[column]}")


# -- 5: where the tables end ------------------------------------------------------------------------------------------
def test_5_an_export_that_ends_before_the_last_full_month_is_noted(tmp_path: Path) -> None:
    from xl_retention.workbook.importer import load_tables
    from xl_retention.workbook.last_month import last_month_notes

    (tmp_path / "orders.csv").write_text("customer_id,date,amount\na,2026-01-05,10\nb,2026-03-07,20\n")
    (tmp_path / "subs.csv").write_text("customer_id,start,end,mrr\na,2026-01-05,,10\nb,2026-02-05,,20\n")
    tables = load_tables(subscriptions=tmp_path / "subs.csv", orders=tmp_path / "orders.csv")
    notes = last_month_notes(tables, today="2026-06-10")
    assert notes == [
        "2026-02 is the last month of subs.csv (its last date): its customer and MRR tables end there, and the months "
        "after it, 2026-03 to 2026-05 (the last full month), are not written (a tracker keeps them blank, not 0); its "
        "2 customers at the end of 2026-02 are not counted after it; if the export was cut short, export it up to "
        "2026-05; if it was taken later, its subscriptions without an end active since, give its current period or "
        "term start column (Stripe's \"Current Period Start (UTC)\", Chargebee's current_term_start, Recurly's "
        "current_period_started_at), or --through with the last month it covers (e.g. --through 2026-05)",
        "2026-03 is the last month of orders.csv (its last order): its purchase tables end there, and the months after "
        "it, 2026-04 to 2026-05 (the last full month), are not written (a tracker keeps them blank, not 0); if the "
        "export was cut short, export it up to 2026-05",
    ]
    one_month = notes[0].replace("2026-03 to 2026-05", "2026-03").replace("2026-05", "2026-03")
    assert last_month_notes(tables, today="2026-04-01") == [one_month]  # the orders end with the last full month
    assert last_month_notes(tables, today="2026-03-31") == []  # each ends with the last full month or the current one


def test_5_the_import_prints_the_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from xl_retention import cli

    (tmp_path / "orders.csv").write_text("customer_id,date,amount\na,2024-01-05,10\nb,2024-03-07,20\n")
    assert cli.main(["import", "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "2024-03 is the last month of orders.csv (its last order): its purchase tables end there" in out


# -- more of these kinds (H51) ---------------------------------------------------------------------------------------
def test_2_sessions_per_date_and_country_are_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ga.csv"  # the dates repeat (one row per country), the name says a count all the same
    path.write_text("Date,Country,Sessions\n2026-01-01,US,120\n2026-01-01,FR,30\n2026-02-01,US,100\n")
    err = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Sessions,date=Date", "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("ga.csv, column 'Sessions': numbers of sessions per date ('120' on '2026-01-01'), a report's")


@pytest.mark.parametrize("backend", BACKENDS)
def test_2_an_average_score_per_month_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "nps.csv"  # read as answers, each month's average was one passive
    path.write_text("Month,Responses,Average score\n2026-01,40,8.2\n2026-02,35,7.9\n")
    err = refusal(capsys, "--nps", str(path), "--columns", "date=Month,score=Average score", "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "nps.csv, column 'Average score': an average of answers (its name says so), not one row per answer: the NPS "
        "counts each answer's score (promoters 9-10, detractors 0-6); export the answers themselves"
    )


def test_3_no_break_spaces_in_headers_are_spaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "subs.csv"  # a header copied from a web page
    path.write_text("Customer\u00a0ID,Month,Monthly\u00a0Revenue\u200b\nc1,2026-01,10\n", encoding="utf-8")
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("subs.csv: missing column 'mrr' (columns found: 'Customer ID', 'Month', 'Monthly Revenue')")
    out = run(tmp_path, "--subscriptions", path, "--columns", "mrr=Monthly Revenue")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist() == [10.0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_4_an_orders_export_given_as_subscriptions_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = tmp_path / "shop.csv"  # each order was a customer paying its total every month from then on
    path.write_text("Name,Email,Created at,Total,Lineitem name\n#1001,a@x.com,2026-01-05,80,Mug\n#1002,b@x.com,"
                    "2026-02-05,30,Cup\n")  # fmt: skip
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=Email,start=Created at,mrr=Total",
                  "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "shop.csv: an orders export (its column 'Lineitem name' is an order's), not subscriptions: each order would be "
        "a customer paying 'Total' every month; import it with --orders (subscriptions are one row per subscription "
        "with its MRR, or per customer and month)"
    )


def test_1_javascript_dates_with_their_offset_and_zone_name(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(
        "Timestamp,Score\nWed Mar 04 2026 17:06:07 GMT+0100 (Central European Standard Time),9\n"
        "Sun Feb 01 2026 23:00:00 GMT-0500 (Eastern Standard Time),8\n"
    )
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "date=Timestamp") / "nps.csv")
    assert nps[["month", "responses", "promoters"]].values.tolist() == [["2026-02", 1, 0], ["2026-03", 1, 1]]


def test_2_a_cohort_table_with_numbered_periods_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cohorts.csv"  # a cohort table, its periods numbered alone (xl-retention's own output too)
    path.write_text("Cohort,Size,0,1,2,3\n2026-01-01,320,100%,40%,30%,25%\n2026-02-01,300,100%,41%,31%,\n")
    err = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Size,date=Cohort", "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    assert err.startswith("cohorts.csv: a retention report (its columns '0', '1', '2', ... are the share or number")


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("subs.csv", '"Customer\nID";Month;MRR\nc1;2026-01;10\nCafé;2026-02;20\n', "cp1252"),
        ("subs.txt", '"Customer\nID"\tMonth\tMRR\nc1\t2026-01\t10\nCafé\t2026-02\t20\n', "utf-16"),
    ],
)
def test_3_a_two_line_header_keeps_its_separator(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    path = tmp_path / name  # the separator was counted on '"Customer' alone: a comma, one column
    path.write_text(text, encoding=encoding)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert moves[["customers_end", "lost"]].values.tolist() == [[1, 0], [1, 1]]


def test_5_one_customer_at_the_end_is_said_in_the_singular(tmp_path: Path) -> None:
    """H116 finding 04: "its 1 customer at the end of 2026-02 are not counted after it"."""
    from xl_retention.workbook.importer import load_tables
    from xl_retention.workbook.last_month import last_month_notes

    (tmp_path / "subs.csv").write_text("customer_id,start,end,mrr\na,2026-01-05,2026-02-10,10\nb,2026-02-05,,20\n")
    (note,) = last_month_notes(load_tables(subscriptions=tmp_path / "subs.csv"), today="2026-06-10")
    assert "; its 1 customer at the end of 2026-02 is not counted after it;" in note
