"""What billing and shop exports mean by their columns: the end of service (not the request to cancel), trials that
are not paying customers, numbers and text in an Excel date column; each with the tool's own remedies pasted."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import pandas as pd
import pytest
from import_cli import status_and_error as run

from xl_retention.reading import DataError


def table(path: Path, name: str) -> dict[str, str]:
    with open(path / "movements.csv", newline="") as handle:
        return {row["month"]: row[name] for row in csv.DictReader(handle)}


RECURLY = (
    "account_code,subscription_state,quantity,unit_amount_in_cents,currency,activated_at,canceled_at,expires_at,"
    "plan_interval_length,plan_interval_unit\n"
    "acc1,active,1,4900,USD,2026-01-05 10:00:00 UTC,,,1,months\n"
    "acc2,canceled,1,4900,USD,2026-01-10 10:00:00 UTC,2026-02-20 10:00:00 UTC,2026-04-10 10:00:00 UTC,1,months\n"
    "acc3,expired,2,4900,USD,2026-01-15 10:00:00 UTC,2026-01-20 10:00:00 UTC,2026-02-15 10:00:00 UTC,1,months\n"
)


def test_the_date_hint_names_the_end_of_service_not_the_request_to_cancel(tmp_path, capsys) -> None:
    # Recurly: canceled_at is when acc2 asked to cancel; it is served (and pays) until expires_at
    (tmp_path / "recurly.csv").write_text(RECURLY)
    args = ("import", "--subscriptions", tmp_path / "recurly.csv", "--columns", "customer_id=account_code")
    code, message = run(capsys, *args, "--to-csv", tmp_path / "o")
    assert code == 1 and message.endswith(
        "map them: --columns start=activated_at,end=expires_at "
        "(in Python: columns={'start': 'activated_at', 'end': 'expires_at'})"
    )
    remedy = shlex.split(message.rsplit("map them: ", 1)[1])[1]
    assert run(capsys, *args, "--columns", remedy, "--to-csv", tmp_path / "out") == (0, "")
    assert table(tmp_path / "out", "customers_end") == {"2026-01": "3", "2026-02": "2", "2026-03": "2", "2026-04": "1"}
    assert table(tmp_path / "out", "mrr_end") == {"2026-01": "196.0", "2026-02": "98.0", "2026-03": "98.0",
                                                  "2026-04": "49.0"}  # fmt: skip


def orders_book(path: Path, dates: list[object]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["customer_id", "date", "amount"])
    for who, when in zip("abcd", dates, strict=True):
        sheet.append([who, when, 10])
    book.save(path)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_date_cells_that_excel_swapped_beside_text_dates_are_refused(tmp_path, capsys, backend: str) -> None:
    import datetime as dt

    # a day-first CSV opened in a month-first Excel: 03/01/2026 (3 January) became the date cell 1 March,
    # 02/01/2026 became 1 February, 15/01/2026 and 20/02/2026 stayed text
    path = orders_book(tmp_path / "orders.xlsx", [dt.datetime(2026, 3, 1), "15/01/2026", dt.datetime(2026, 2, 1),
                                                  "20/02/2026"])  # fmt: skip
    args = ("import", "--orders", path, "--backend", backend, "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, (
        "orders.xlsx, column 'date': date cells (each day 12 or less) beside day-first text dates such as "
        "'15/01/2026', as Excel leaves a day-first CSV file it opens month-first (03/01/2026 became 1 March) in rows "
        "2, 4 of sheet 'Orders': '2026-03-01', '2026-02-01': import the CSV file itself, or open it with its own date "
        "order (Data > From Text/CSV)"
    ))  # fmt: skip
    # month-first text beside cells from a day-first Excel: the same fingerprint, the other way round
    path = orders_book(tmp_path / "orders.xlsx", [dt.datetime(2026, 1, 3), "01/15/2026", dt.datetime(2026, 1, 2),
                                                  "02/20/2026"])  # fmt: skip
    code, message = run(capsys, *args)
    assert code == 1 and message.startswith(
        "orders.xlsx, column 'date': date cells (each day 12 or less) beside month-first text dates such as "
        "'01/15/2026', as Excel leaves a month-first CSV file it opens day-first (03/01/2026 became 3 January)"
    )


def test_date_cells_beside_text_dates_without_that_fingerprint_are_read(tmp_path, capsys) -> None:
    import datetime as dt

    day_above_12 = [dt.datetime(2026, 1, 13), "15/01/2026", dt.datetime(2026, 2, 1), "20/02/2026"]
    iso_text = [dt.datetime(2026, 1, 3), "2026-01-15", dt.datetime(2026, 1, 2), "2026-02-20"]
    for dates, buyers in (
        (day_above_12, {"2026-01": "2", "2026-02": "2"}),
        (iso_text, {"2026-01": "3", "2026-02": "1"}),
    ):
        path = orders_book(tmp_path / "orders.xlsx", dates)
        assert run(capsys, "import", "--orders", path, "--to-csv", tmp_path / "o") == (0, "")
        with open(tmp_path / "o" / "purchases.csv", newline="") as handle:
            assert {row["month"]: row["buyers"] for row in csv.DictReader(handle)} == buyers


STRIPE_TRIAL = (
    "id,Customer ID,Plan,Quantity,Interval,Amount,Status,Start (UTC),Trial End (UTC),Ended At (UTC)\n"
    "sub_1,cus_A,price_1,1,month,49.00,active,2026-01-03 10:00,,\n"
    "sub_2,cus_B,price_1,1,month,49.00,canceled,2026-01-05 10:00,,2026-02-10 10:00\n"
    "sub_4,cus_D,price_1,1,month,49.00,trialing,2026-03-01 10:00,2026-04-14 10:00,\n"
)
RECORDS = "(counting the Parquet file's first record as row 1)"
TRIAL_REFUSED = (
    "subs.csv, column 'Status': subscriptions that do not pay, to be removed (a free trial, not started yet, paused "
    "or never paid: their price would count as MRR from their start) in row 4 (counting the header as row 1): "
    "'trialing'"
)
TRIAL_PASSED = (
    "subs.csv, column 'Status': subscriptions in their free trial whose trial end is not after today (blank, or passed "
    "while the status still says in trial: when they pay cannot be told), to be removed or given their trial's end in "
    "row 4 (counting the header as row 1): 'trialing'"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_subscriptions_in_a_free_trial_are_refused_not_counted(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE_TRIAL)
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--backend", backend, "--to-csv", tmp_path / "o",
            "--columns", "customer_id=Customer ID,start=Start (UTC),end=Ended At (UTC)")  # fmt: skip
    # its trial ended in April while the status still says trialing (tests/test_import_trial_statuses.py: a trial
    # ending after today is read, not paying yet)
    assert run(capsys, *args) == (1, TRIAL_PASSED)
    (tmp_path / "subs.csv").write_text(STRIPE_TRIAL.rsplit("sub_4", 1)[0])  # the trial removed
    assert run(capsys, *args) == (0, "")
    assert table(tmp_path / "o", "mrr_end") == {"2026-01": "98.0", "2026-02": "49.0"}


def test_a_typed_table_with_trials_without_their_end_is_refused_by_the_engine(tmp_path, capsys) -> None:
    # no trial-end column: when they pay cannot be told, refused as a file's rows are (beside a trial end after
    # today, a table's trialing rows are read as a file's: tests/test_import_table_trials.py)

    frame = pd.DataFrame({"customer_id": ["a", "b", "c"], "start": pd.to_datetime(["2026-01-03", "2026-01-05",
                          "2026-02-01"]), "mrr": [49.0, 49.0, 49.0], "subscription_state": ["active", "in_trial",
                          "Paused"]})  # fmt: skip
    frame.to_parquet(tmp_path / "subs.parquet")
    args = ("import", "--subscriptions", tmp_path / "subs.parquet", "--backend", "duckdb", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (  # paused: told to end it, as a file's (reading.held_statuses; H196)
        1,
        "subs.parquet, column 'subscription_state': subscriptions paused, which paid until they paused and pay nothing "
        "while paused (removing them would lose the months they paid): give each such row its end the day it paused "
        "(its pause date) and a status that says it ended (cancelled), and a row of its own from the day it resumed "
        f"in row 3 {RECORDS}: 'Paused'",
    )
    frame["subscription_state"] = ["active", "in_trial", "active"]
    frame.to_parquet(tmp_path / "subs.parquet")
    assert run(capsys, *args) == (
        1,
        TRIAL_REFUSED.replace("subs.csv, column 'Status'", "subs.parquet, column 'subscription_state'")
        .replace("in row 4 (counting the header as row 1)", f"in row 2 {RECORDS}")
        .replace("'trialing'", "'in_trial'"),
    )
    frame["subscription_state"] = ["active", "past_due", "non_renewing"]  # paid subscriptions (an unknown one: refused)
    frame.to_parquet(tmp_path / "subs.parquet")
    assert run(capsys, *args) == (0, "")


SHOPIFY = (
    "Name,Email,Financial Status,Paid at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Cancelled at,"
    "Channel\n"
    "#1001,ann@x.com,paid,2026-01-05 10:00:00 +0100,EUR,35.00,2026-01-05 09:59:00 +0100,1,Mug,,web\n"
    "#1001,ann@x.com,,,,,2026-01-05 09:59:00 +0100,2,Plate,,web\n"
    "#1002,bob@x.com,paid,2026-01-07 10:00:00 +0100,EUR,25.00,2026-01-07 09:59:00 +0100,1,Bowl,,shop\n"
    "#1003,bob@x.com,voided,,EUR,25.00,2026-01-20 09:59:00 +0100,1,Bowl,2026-01-20 12:00:00 +0100,shop\n"
    "#1004,ann@x.com,paid,2026-02-05 10:00:00 +0100,EUR,15.00,2026-02-05 09:59:00 +0100,1,Mug,,web\n"
)


def rows_of(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_shopify_line_items_are_one_order_and_voided_orders_are_not_purchases(tmp_path, capsys, backend) -> None:
    # ann: one order of two products (#1001) in January, one in February; bob: one paid order, one voided
    (tmp_path / "orders.csv").write_text(SHOPIFY)
    columns = "customer_id=Email,date=Created at,amount=Total"
    args = ("import", "--orders", tmp_path / "orders.csv", "--columns", columns, "--backend", backend)
    assert run(capsys, *args, "--to-csv", tmp_path / "o") == (0, "")
    assert [
        (r["month"], r["buyers"], r["repeat_purchasers"], r["returning"])
        for r in rows_of(tmp_path / "o" / "purchases.csv")
    ] == [("2026-01", "2", "0", "0"), ("2026-02", "1", "0", "1")]
    revenue = rows_of(tmp_path / "o" / "order_revenue_cohorts.csv")
    assert [(r["cohort"], r["0"], r["1"]) for r in revenue] == [("2026-01", "60.0", "15.0"), ("2026-02", "0.0", "")]
    assert run(capsys, *args, "--segment", "Channel", "--to-csv", tmp_path / "s") == (0, "")
    assert [(r["segment"], r["month"], r["buyers"], r["returning"]) for r in rows_of(tmp_path / "s" / "purchases.csv")
            ] == [("shop", "2026-01", "1", "0"), ("shop", "2026-02", "0", "0"), ("web", "2026-01", "1", "0"),
                  ("web", "2026-02", "1", "1")]  # fmt: skip


def test_a_line_item_export_without_an_order_id_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "orders.csv").write_text(SHOPIFY.replace("Name,", "Order,", 1).replace("Order,", "Ref,", 1))
    args = ("import", "--orders", tmp_path / "orders.csv", "--to-csv", tmp_path / "o", "--columns")
    assert run(capsys, *args, "customer_id=Email,date=Created at") == (1, (
        "orders.csv: 'Lineitem quantity' says one row per line item, but no order id column was found: every line "
        "item would count as an order; map it: --columns order_id=NAME (Shopify: order_id=Name)"
    ))  # fmt: skip
    assert run(capsys, *args, "customer_id=Email,date=Created at,order_id=Ref") == (0, "")
    # rows of one order with another customer cannot be one order
    (tmp_path / "orders.csv").write_text(SHOPIFY.replace("#1001,ann@x.com,,", "#1001,eve@x.com,,"))
    assert run(capsys, *args, "customer_id=Email,date=Created at") == (1, (
        "orders.csv, column 'Email': rows of one order (Name '#1001') with another customer than its first row in "
        "row 3 (counting the header as row 1): 'eve@x.com'"
    ))  # fmt: skip


STRIPE_TRIALS = (
    "id,Customer ID,Interval,Amount,Status,Start (UTC),Trial Start (UTC),Trial End (UTC),Canceled At (UTC),"
    "Ended At (UTC)\n"
    "sub_1,cus_A,month,49.00,active,2026-01-03 10:00,,,,\n"
    "sub_2,cus_T,month,49.00,canceled,2026-03-01 10:00,2026-03-01 10:00,2026-03-15 10:00,2026-03-10 09:00,"
    "2026-03-15 10:00\n"  # a trial that never converted: never paid
    "sub_3,cus_U,month,49.00,active,2026-03-01 10:00,2026-03-01 10:00,2026-04-14 10:00,,\n"  # pays from 14 April
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_subscription_pays_from_its_trials_end(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE_TRIALS)
    columns = "customer_id=Customer ID,start=Start (UTC),end=Ended At (UTC)"
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--columns", columns, "--backend", backend)
    assert run(capsys, *args, "--to-csv", tmp_path / "o") == (0, "")
    assert table(tmp_path / "o", "customers_end") == {"2026-01": "1", "2026-02": "1", "2026-03": "1", "2026-04": "2"}
    assert table(tmp_path / "o", "mrr_end") == {"2026-01": "49.0", "2026-02": "49.0", "2026-03": "49.0",
                                                "2026-04": "98.0"}  # fmt: skip
    assert set(table(tmp_path / "o", "lost").values()) == {"0"}  # the trial that never paid is nobody's churn
    lines = STRIPE_TRIALS.splitlines()  # a second trial-end column (Recurly's name), blank
    doubled = "\n".join([lines[0] + ",trial_ends_at"] + [line + "," for line in lines[1:]]) + "\n"
    (tmp_path / "subs.csv").write_text(doubled)
    assert run(capsys, *args, "--to-csv", tmp_path / "o") == (1, (
        "subs.csv: 2 columns could be the free trial's end ('Trial End (UTC)', 'trial_ends_at'): remove the one that "
        "is not"
    ))  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_billing_exports_discount_is_refused_not_ignored(tmp_path, capsys, backend: str) -> None:
    rows = (
        "customer_id,start,end,amount,interval,discount_percent\na,2026-01-03,,100,month,\nb,2026-01-05,,100,month,{}\n"
    )
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--backend", backend, "--to-csv", tmp_path / "o")
    (tmp_path / "subs.csv").write_text(rows.format("50"))
    assert run(capsys, *args) == (1, (
        "subs.csv, column 'discount_percent': discounts that lower what the customer pays in row 3 (counting the "
        "header as row 1): '50': MRR is after discounts (the price per interval is the list price): convert the "
        "prices to what each customer pays first, or remove the column if they already are"
    ))  # fmt: skip
    (tmp_path / "subs.csv").write_text(rows.format("0%"))  # no discount
    assert run(capsys, *args) == (0, "")
    assert table(tmp_path / "o", "mrr_end")["2026-01"] == "200.0"


WOO = (
    "Order Number,Order Status,Order Date,Customer Email,Order Total\n"
    "1001,Completed,2026-01-05 10:00,ann@x.com,35.00\n"
    "1002,Completed,2026-01-07 10:00,bob@x.com,25.00\n"
    "1003,Failed,2026-01-08 10:00,bob@x.com,25.00\n"
    "1004,Pending payment,2026-01-09 10:00,ann@x.com,10.00\n"
    "1005,wc-cancelled,2026-01-10 10:00,bob@x.com,10.00\n"
    "1006,Completed,2026-02-05 10:00,cyd@x.com,15.00\n"
)
PAYMENTS = (
    "id,Created (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,Captured\n"
    "ch_1,2026-01-05 10:00,49.00,0.00,usd,Paid,cus_A,true\n"
    "ch_2,2026-01-20 10:00,49.00,0.00,usd,Failed,cus_A,false\n"
    "ch_3,2026-01-21 10:00,49.00,49.00,usd,Refunded,cus_B,true\n"
    "ch_4,2026-02-05 10:00,49.00,0.00,usd,Paid,cus_A,true\n"
    "ch_5,2026-02-06 10:00,20.00,5.00,usd,Partially refunded,cus_C,true\n"
)


def purchases(path: Path) -> list[tuple[str, ...]]:
    return [(r["month"], r["buyers"], r["repeat_purchasers"]) for r in rows_of(path / "purchases.csv")]


def revenue(path: Path) -> list[tuple[str, ...]]:
    return [(r["cohort"], r["0"], r["1"]) for r in rows_of(path / "order_revenue_cohorts.csv")]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_orders_that_were_not_paid_are_not_purchases(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "woo.csv").write_text(WOO)  # failed, pending payment and (wc-)cancelled orders are no purchase
    columns = "customer_id=Customer Email,date=Order Date,amount=Order Total"
    args = ("import", "--orders", tmp_path / "woo.csv", "--columns", columns, "--backend", backend)
    assert run(capsys, *args, "--to-csv", tmp_path / "w") == (0, "")
    assert purchases(tmp_path / "w") == [("2026-01", "2", "0"), ("2026-02", "1", "0")]
    assert revenue(tmp_path / "w") == [("2026-01", "60.0", "0.0"), ("2026-02", "15.0", "")]
    (tmp_path / "woo.csv").write_text(WOO.replace("Pending payment", "On hold"))
    assert run(capsys, *args, "--to-csv", tmp_path / "w") == (1, (
        "woo.csv, column 'Order Status': order statuses that say neither paid nor unpaid (whether these were "
        "purchases cannot be told: give them the status completed where they were paid, cancelled where they were "
        "not) in row "
        "5 (counting the header as row 1): 'On hold'"
    ))  # fmt: skip
    # Stripe payments: a failed (uncaptured) charge is no purchase; a refund is taken off the amount
    (tmp_path / "pay.csv").write_text(PAYMENTS)
    columns = "customer_id=Customer ID,date=Created (UTC),amount=Amount"
    args = ("import", "--orders", tmp_path / "pay.csv", "--columns", columns, "--backend", backend)
    assert run(capsys, *args, "--to-csv", tmp_path / "p") == (0, "")
    assert purchases(tmp_path / "p") == [("2026-01", "1", "0"), ("2026-02", "2", "0")]
    assert revenue(tmp_path / "p") == [("2026-01", "49.0", "49.0"), ("2026-02", "15.0", "")]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_excel_error_values_are_never_ids(tmp_path, capsys, suffix: str) -> None:
    import openpyxl

    from xl_retention.tables import cohort_table

    rows = [["customer_id", "date", "amount"], ["a", "2026-01-05", 10], ["#N/A", "2026-01-06", 20],
            ["#N/A", "2026-01-07", 30], ["b", "2026-02-01", 5]]  # fmt: skip
    path = tmp_path / f"orders.{suffix}"
    if suffix == "xlsx":  # error cells, as a VLOOKUP that found nothing leaves them
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        for ref in ("A3", "A4"):
            book.active[ref].data_type = "e"
        book.save(path)
    else:  # Excel writes an error cell to a CSV file as its text
        path.write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n")
    where = "of sheet 'Sheet'" if suffix == "xlsx" else "(counting the header as row 1)"
    assert run(capsys, "import", "--orders", path, "--to-csv", tmp_path / "o") == (1, (
        f"orders.{suffix}, column 'customer_id': Excel error values where customer ids belong (a lookup that found "
        f"nothing?) in rows 3, 4 {where}: '#N/A', '#N/A'"
    ))  # fmt: skip
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    with pytest.raises(DataError, match=r"Excel error values where customer ids belong .* in rows 3, 4 "):
        cohort_table(frame, source="orders.csv")


STRIPE_PRICES = (
    "subscription_id,customer_id,price_id,unit_amount,currency,recurring_interval,recurring_interval_count,quantity,"
    "start_date,ended_at\n"
    "sub_1,cus_A,price_1,4900,usd,month,1,1,2026-01-05,\n"  # 49.00 a month
    "sub_2,cus_B,price_2,49900,usd,year,1,1,2026-01-10,\n"  # 499.00 a year: 41.5833 a month
    "sub_3,cus_C,price_1,4900,usd,month,1,2,2026-02-01,\n"  # 2 seats: 98.00
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripes_unit_amount_is_in_cents(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE_PRICES)
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--backend", backend, "--to-csv", tmp_path / "o",
            "--columns", "start=start_date,end=ended_at")  # fmt: skip
    assert run(capsys, *args) == (0, "")
    assert {m: round(float(v), 2) for m, v in table(tmp_path / "o", "mrr_end").items()} == {
        "2026-01": 90.58, "2026-02": 188.58}  # fmt: skip
    (tmp_path / "subs.csv").write_text(STRIPE_PRICES.replace(",cus_", ",c"))  # ids that do not say Stripe
    assert run(capsys, *args) == (1, (
        "subs.csv: 'unit_amount' is the price in cents in Stripe's exports and in units in Recurly's, and the file "
        "does not tell which (no Stripe customer ids, cus_...): map amount=unit_amount if it is in units, or rename "
        "the column unit_amount_in_cents if it is in cents"
    ))  # fmt: skip
    assert run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--backend", backend, "--to-csv",
               tmp_path / "u", "--columns", "start=start_date,end=ended_at,amount=unit_amount") == (0, "")  # fmt: skip
    assert round(float(table(tmp_path / "u", "mrr_end")["2026-01"]), 2) == 9058.33  # in units, as the map says


def test_segment_values_that_excel_would_run_as_formulas_are_written_as_text(tmp_path, capsys) -> None:
    link = '=HYPERLINK("http://evil.example","click")'
    rows = [["visitor_id", "date", "channel"], ["v1", "2026-01-05", link], ["v2", "2026-01-06", "+cmd"],
            ["v3", "2026-01-07", "web"]]  # fmt: skip
    with open(tmp_path / "visits.csv", "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    args = ("import", "--visits", tmp_path / "visits.csv", "--segment", "channel", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (0, "")
    written = rows_of(tmp_path / "o" / "visits.csv")
    assert sorted({r["segment"] for r in written}) == ["'+cmd", "'" + link, "web"]
    assert [(r["segment"], r["visitors"]) for r in written] == [("'+cmd", "1"), ("'" + link, "1"), ("web", "1")]


def test_a_table_on_several_sheets_is_refused_until_one_is_named(tmp_path, capsys) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    jan = book.active
    jan.title = "Jan"
    for row in (["customer_id", "month", "mrr"], ["a", "2026-01", 100], ["b", "2026-01", 50]):
        jan.append(row)
    feb = book.create_sheet("Feb")  # the same columns under a title, in another order: the table goes on here
    for row in (["February"], [], ["month", "Customer ID", "MRR"], ["2026-02", "a", 100], ["2026-02", "c", 10]):
        feb.append(row)
    book.create_sheet("Notes").append(["read me"])
    book.save(tmp_path / "subs.xlsx")
    args = ("import", "--subscriptions", tmp_path / "subs.xlsx", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (1, (
        "subs.xlsx: sheets 'Jan' and 'Feb' hold tables with the same columns, and only one sheet is read: say which "
        "with --sheet NAME (in Python: read_table(path, sheet=NAME)), or put the rows on one sheet"
    ))  # fmt: skip
    assert run(capsys, *args, "--sheet", "Feb") == (0, "")
    assert table(tmp_path / "o", "mrr_end") == {"2026-02": "110.0"}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_email_address_is_one_customer_whatever_its_capitals(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "orders.csv").write_text(
        "customer_id,date,amount\nAnn@Example.com,2026-01-05,10\nbob@x.com,2026-01-06,10\n"
        "ann@example.com,2026-02-03,10\ncus_AbC,2026-02-04,10\ncus_abc,2026-02-05,10\n"
    )  # Stripe's cus_ ids keep their case: two customers
    args = ("import", "--orders", tmp_path / "orders.csv", "--backend", backend, "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (0, "")
    got = [(r["month"], r["buyers"], r["returning"]) for r in rows_of(tmp_path / "o" / "purchases.csv")]
    assert got == [("2026-01", "2", "0"), ("2026-02", "3", "1")]


def test_excels_separator_line_is_skipped_and_its_separator_used(tmp_path, capsys) -> None:
    for first in ("sep=;", '"sep=;"', "SEP=;"):
        (tmp_path / "orders.csv").write_text(
            f"{first}\ncustomer_id;date;amount\na;2026-01-05;12,50\nb;2026-01-20;7,50\na;2026-02-03;1,25\n"
        )
        assert run(capsys, "import", "--orders", tmp_path / "orders.csv", "--to-csv", tmp_path / "o") == (0, "")
        revenue = [(r["cohort"], r["0"], r["1"]) for r in rows_of(tmp_path / "o" / "order_revenue_cohorts.csv")]
        assert revenue == [("2026-01", "20.0", "1.25"), ("2026-02", "0.0", "")]


CUSTOMERS = (
    "Customer,Start,Cancelled,MRR\n"
    "Acme,2026-01-05,,100\n"
    "Beta,2026-01-10,2026-03-02,0\n"  # today's MRR: 0 once cancelled
    "Gamma,2026-02-01,2026-04-15,0\n"
    "Delta,2026-02-03,,30\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_intervals_that_ended_with_mrr_0_are_refused(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "customers.csv").write_text(CUSTOMERS)
    args = ("import", "--subscriptions", tmp_path / "customers.csv", "--backend", backend, "--to-csv", tmp_path / "o",
            "--columns", "customer_id=Customer,start=Start,end=Cancelled")  # fmt: skip
    assert run(capsys, *args) == (1, (
        "customers.csv, column 'MRR': subscriptions that ended with MRR 0, as a list with today's MRR gives them (a "
        "cancelled customer would vanish from every month, and their churn with them) in rows 3, 4 (counting the "
        "header as row 1): '0', '0': give the MRR they paid, or the price and the billing interval; remove them if "
        "they were free plans"
    ))  # fmt: skip
    (tmp_path / "customers.csv").write_text(CUSTOMERS.replace("03-02,0", "03-02,50").replace("04-15,0", "04-15,20"))
    assert run(capsys, *args) == (0, "")
    assert table(tmp_path / "o", "lost") == {"2026-01": "0", "2026-02": "0", "2026-03": "1", "2026-04": "1"}


def test_a_typed_table_that_ended_with_mrr_0_is_refused_by_the_engine(tmp_path, capsys) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b"], "start": pd.to_datetime(["2026-01-05", "2026-01-10"]),
                          "end": pd.to_datetime([None, "2026-03-02"]), "mrr": [100.0, 0.0]})  # fmt: skip
    frame.to_parquet(tmp_path / "subs.parquet")
    args = ("import", "--subscriptions", tmp_path / "subs.parquet", "--backend", "duckdb", "--to-csv", tmp_path / "o")
    code, message = run(capsys, *args)
    assert code == 1 and message.startswith("subs.parquet, column 'mrr': subscriptions that ended with MRR 0")
    assert message.endswith(
        "in row 2 (counting the Parquet file's first record as row 1): 0.0: give the MRR they paid, or the price and "
        "the billing interval; remove them if they were free plans"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_arr_and_cents_taken_as_mrr_are_per_month_in_units(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "arr.csv").write_text("Customer,Month,ARR\na,2026-01,1200\na,2026-02,1200\nb,2026-02,600\n")
    args = ("import", "--subscriptions", tmp_path / "arr.csv", "--backend", backend, "--to-csv")
    assert run(capsys, *args, tmp_path / "o", "--columns", "customer_id=Customer,mrr=ARR") == (0, "")
    assert table(tmp_path / "o", "mrr_end") == {"2026-01": "100.0", "2026-02": "150.0"}  # ARR / 12
    (tmp_path / "arr.csv").write_text("Customer,Month,mrr_cents\na,2026-01,4900\n")
    assert run(capsys, *args, tmp_path / "c", "--columns", "customer_id=Customer,mrr=mrr_cents") == (0, "")
    assert table(tmp_path / "c", "mrr_end") == {"2026-01": "49.0"}
    (tmp_path / "arr.csv").write_text("Customer,Month,Annual revenue\na,2026-01,1200\n")
    assert run(capsys, *args, tmp_path / "y", "--columns", "customer_id=Customer,mrr=Annual revenue") == (1, (
        "arr.csv: 'Annual revenue' (taken as mrr) says a year, and MRR is per month: whether it is recurring revenue "
        "cannot be told; map mrr to a monthly column, or give a billing interval column (year) and map "
        "amount=Annual revenue"
    ))  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_refunds_marked_by_a_type_or_a_refunded_flag_are_not_purchases(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "t.csv").write_text("customer_id,date,amount,type\na,2026-01-05,50,sale\na,2026-01-20,50,Refund\n"
                                    "b,2026-02-01,20,sale\n")  # fmt: skip
    args = ("import", "--orders", tmp_path / "t.csv", "--backend", backend, "--to-csv")
    assert run(capsys, *args, tmp_path / "t") == (0, "")
    assert purchases(tmp_path / "t") == [("2026-01", "1", "0"), ("2026-02", "1", "0")]
    assert revenue(tmp_path / "t") == [("2026-01", "50.0", "0.0"), ("2026-02", "20.0", "")]
    (tmp_path / "t.csv").write_text("customer_id,date,amount,type\na,2026-01-05,50,sale\na,2026-01-20,50,gift\n")
    assert run(capsys, *args, tmp_path / "u") == (1, (
        "t.csv, column 'type': row types that say neither a sale nor a refund (whether these were purchases cannot "
        "be told) in row 3 (counting the header as row 1): 'gift'"
    ))  # fmt: skip
    (tmp_path / "g.csv").write_text(
        "Purchase Email,Sale Date,Price,Refunded?,Fully Refunded?\na@x.com,2026-01-05,50,false,false\n"
        "a@x.com,2026-01-20,30,true,true\na@x.com,2026-01-25,40,true,false\nb@x.com,2026-02-01,20,false,false\n"
    )  # a partial refund (Refunded? true, Fully Refunded? false) is a purchase
    columns = "customer_id=Purchase Email,date=Sale Date,amount=Price"
    assert run(capsys, "import", "--orders", tmp_path / "g.csv", "--columns", columns, "--backend", backend,
               "--to-csv", tmp_path / "g") == (0, "")  # fmt: skip
    assert purchases(tmp_path / "g") == [("2026-01", "1", "1"), ("2026-02", "1", "0")]
    assert revenue(tmp_path / "g") == [("2026-01", "90.0", "0.0"), ("2026-02", "20.0", "")]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripes_api_amounts_are_in_cents_and_its_dashboards_in_units(tmp_path, capsys, backend: str) -> None:
    invoices = (
        "id,customer,amount_paid,currency,status,created\nin_1,cus_A,4900,usd,paid,2026-01-03 10:00:00\n"
        "in_2,cus_A,4900,usd,paid,2026-02-03 10:00:00\nin_3,cus_B,9900,usd,paid,2026-02-05 10:00:00\n"
    )
    columns = "customer_id=customer,date=created,amount=amount_paid"
    for name, text, first in (("api", invoices, ("2026-01", "49.0", "49.0")),
                              ("dashboard", invoices.replace("4900", "49.00").replace("9900", "99.00"),
                               ("2026-01", "49.0", "49.0"))):  # fmt: skip
        (tmp_path / f"{name}.csv").write_text(text)
        assert run(capsys, "import", "--orders", tmp_path / f"{name}.csv", "--columns", columns, "--backend", backend,
                   "--to-csv", tmp_path / name) == (0, "")  # fmt: skip
        assert revenue(tmp_path / name) == [first, ("2026-02", "99.0", "")]
    plans = (
        "id,customer,plan_id,plan_amount,plan_interval,plan_interval_count,quantity,currency,start_date,ended_at\n"
        "sub_1,cus_A,plan_1,4900,month,1,1,usd,2026-01-03,\nsub_2,cus_B,plan_2,49000,year,1,1,usd,2026-01-05,\n"
    )
    (tmp_path / "plans.csv").write_text(plans)
    assert run(capsys, "import", "--subscriptions", tmp_path / "plans.csv", "--backend", backend, "--columns",
               "customer_id=customer,start=start_date,end=ended_at", "--to-csv", tmp_path / "p") == (0, "")  # fmt: skip
    assert round(float(table(tmp_path / "p", "mrr_end")["2026-01"]), 2) == 89.83  # 49.00 + 490.00 / 12
