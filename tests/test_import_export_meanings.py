"""What billing and shop exports mean by their columns: the end of service (not the request to cancel), trials that
are not paying customers, numbers and text in an Excel date column; each with the tool's own remedies pasted."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    """The CLI in process: (exit status, the one-line error or '')."""
    code = cli.main([str(a) for a in args])
    err = capsys.readouterr().err
    if code:
        assert err.startswith(ERROR) and err.count("\n") == 1 and "Traceback" not in err, err
    return code, err[len(ERROR) :].strip() if code else ""


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
    assert code == 1 and message.endswith("map them: --columns start=activated_at,end=expires_at")
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
        "'15/01/2026', as Excel leaves a day-first CSV file it opens month-first (03/01/2026 became 1 March): import "
        "the CSV file itself, or open it with its own date order (Data > From Text/CSV) in rows 2, 4 of sheet "
        "'Orders': '2026-03-01', '2026-02-01'"
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
TRIAL_REFUSED = (
    "subs.csv, column 'Status': subscriptions that do not pay, to be removed (a free trial, not started yet, paused "
    "or never paid: their price would count as MRR from their start) in row 4 (counting the header as row 1): "
    "'trialing'"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_subscriptions_in_a_free_trial_are_refused_not_counted(tmp_path, capsys, backend: str) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE_TRIAL)
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--backend", backend, "--to-csv", tmp_path / "o",
            "--columns", "customer_id=Customer ID,start=Start (UTC),end=Ended At (UTC)")  # fmt: skip
    assert run(capsys, *args) == (1, TRIAL_REFUSED)
    (tmp_path / "subs.csv").write_text(STRIPE_TRIAL.rsplit("sub_4", 1)[0])  # the trial removed
    assert run(capsys, *args) == (0, "")
    assert table(tmp_path / "o", "mrr_end") == {"2026-01": "98.0", "2026-02": "49.0"}


def test_a_typed_table_with_trials_is_refused_by_the_engine(tmp_path, capsys) -> None:
    import pandas as pd

    frame = pd.DataFrame({"customer_id": ["a", "b", "c"], "start": pd.to_datetime(["2026-01-03", "2026-01-05",
                          "2026-02-01"]), "mrr": [49.0, 49.0, 49.0], "subscription_state": ["active", "in_trial",
                          "Paused"]})  # fmt: skip
    frame.to_parquet(tmp_path / "subs.parquet")
    args = ("import", "--subscriptions", tmp_path / "subs.parquet", "--backend", "duckdb", "--to-csv", tmp_path / "o")
    assert run(capsys, *args) == (
        1,
        TRIAL_REFUSED.replace("subs.csv, column 'Status'", "subs.parquet, column 'subscription_state'")
        .replace("in row 4", "in rows 3, 4")
        .replace("'trialing'", "'in_trial', 'Paused'"),
    )
    frame["subscription_state"] = ["active", "canceled", "future_plan"]  # other statuses are paid subscriptions
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
