"""xl-retention import of real billing exports (Stripe, Chargebee, Recurly, Paddle, Shopify headers), mixed
currencies, future end dates, missing snapshot months: each built here, with its exact MRR or its refusal."""

import csv
import shlex
from pathlib import Path

import pandas as pd
import pytest
from import_cli import status_and_output as run

from xl_retention.reading import DataError
from xl_retention.reading.errors import command_line
from xl_retention.tables import monthly_movements


def column(path: Path, name: str) -> list[tuple[str, str]]:
    with open(path, newline="") as handle:
        return [(row["month"], row[name]) for row in csv.DictReader(handle)]


def refused(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    """The one-line error of a refused import (exit 1, nothing else on stderr, no traceback)."""
    status, _, err = run(capsys, *args)
    assert status == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("xl-retention: error: "), err
    return err[len("xl-retention: error: ") :].rstrip("\n")


# -- billing headers -------------------------------------------------------------------------------------------------
STRIPE = (
    "Customer ID,Start Date (UTC),Ended At (UTC),Plan Amount,Plan Interval,Plan Interval Count,Quantity\n"
    "cus_1,2025-01-10,,1200,year,1,1\n"  # 100 a month
    "cus_2,2025-01-12,,100,month,1,3\n"  # 3 seats x 100
    "cus_3,2025-01-20,2025-03-02,300,month,3,1\n"  # 300 a quarter: 100 a month, January and February
)


def test_stripe_headers_are_recognised_and_the_first_hint_leads_to_the_right_mapping(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE)
    message = refused(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o")
    assert message == (
        "subs.csv: no dates of the subscriptions (columns found: 'Customer ID', 'Start Date (UTC)', 'Ended At (UTC)', "
        "'Plan Amount', 'Plan Interval', 'Plan Interval Count', 'Quantity'): a 'start' column (one row per "
        "subscription, 'end' when it stopped) or a 'month' column (one row per customer and month); 'Plan Interval' "
        "makes it a billing export (MRR from the price per interval: no 'mrr' needed); "
        "map them: --columns 'start=Start Date (UTC),end=Ended At (UTC)' "
        "(in Python: columns={'start': 'Start Date (UTC)', 'end': 'Ended At (UTC)'})"
    )
    hint = shlex.split(message.rsplit("map them: ", 1)[1])[1]  # pasted into a shell
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--columns", hint,
                         "--to-csv", tmp_path / "out")  # fmt: skip
    assert status == 0, err
    assert column(tmp_path / "out" / "movements.csv", "mrr_end") == [
        ("2025-01", "500.0"),
        ("2025-02", "500.0"),
        ("2025-03", "400.0"),
    ]


def test_mrr_mapped_to_the_plan_amount_is_converted_by_the_recognised_interval(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE)
    columns = "customer_id=Customer ID,start=Start Date (UTC),end=Ended At (UTC),mrr=Plan Amount"
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--columns", columns,
                         "--to-csv", tmp_path / "out")  # fmt: skip
    assert status == 0, err
    assert column(tmp_path / "out" / "movements.csv", "mrr_end")[0] == ("2025-01", "500.0")


def test_the_date_hint_prefers_the_start_and_the_end_of_service_over_created_trial_and_period_dates() -> None:
    from xl_retention.reading import prepare

    names = ("id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start (UTC),Current "
             "Period Start (UTC),Current Period End (UTC),Trial Start (UTC),Trial End (UTC),Canceled At (UTC),"
             "Cancel At Period End,Ended At (UTC)").split(",")  # fmt: skip
    with pytest.raises(DataError) as error:
        prepare(pd.DataFrame([["x"] * len(names)], columns=names), "snapshots", source="s.csv")
    assert str(error.value).endswith(
        "; 'Interval' makes it a billing export (MRR from the price per interval: no 'mrr' needed); "
        "map them: --columns 'start=Start (UTC),end=Ended At (UTC)' "
        "(in Python: columns={'start': 'Start (UTC)', 'end': 'Ended At (UTC)'})"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Chargebee: billing_period is the count, billing_period_unit the unit
        ("customer_id,month,plan_unit_price,billing_period_unit,billing_period,plan_quantity", [700.0]),
        # Recurly
        ("customer_id,month,unit_amount,plan_interval_unit,plan_interval_length,quantity", [700.0]),
        # Paddle Billing
        ("customer_id,month,unit_price,billing_cycle.interval,billing_cycle.frequency,quantity", [700.0]),
        # Shopify subscriptions
        ("Customer ID,Month,Price,Billing Interval,Billing interval count,Seats", [700.0]),
    ],
)
def test_billing_headers_of_other_systems(header: str, expected: list[float]) -> None:
    # a: 1,200 a year = 100; b: 300 every 3 months x 2 seats = 200; c: 400 a month = 400
    rows = [("a", "2025-01", 1200, "year", 1, 1), ("b", "2025-01", 300, "month", 3, 2), ("c", "2025-01", 400,
            "month", 1, 1)]  # fmt: skip
    frame = pd.DataFrame(rows, columns=header.split(","))
    assert monthly_movements(frame)["mrr_end"].tolist() == expected


def test_a_unit_price_mapped_to_mrr_beside_a_quantity_without_an_interval_is_refused(tmp_path, capsys) -> None:
    # the interval is in a column whose name is not recognised: "Plan Amount" as MRR would ignore "Quantity"
    (tmp_path / "subs.csv").write_text("Customer ID,Start,Plan Amount,Cycle,Quantity\nc1,2025-01-05,100,month,3\n")
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o", "--columns")
    assert refused(capsys, *args, "mrr=Plan Amount") == (
        "subs.csv: 'Plan Amount' (mapped to mrr) is a price per unit, and 'Quantity' is there: the MRR is price x "
        "quantity / months per interval, but no billing interval column was found (month, year, ...): map it: "
        "--columns 'interval=NAME,amount=Plan Amount' (or map mrr to a column of monthly revenue)"
    )
    status, _, err = run(capsys, *args, "interval=Cycle,amount=Plan Amount")
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "mrr_end") == [("2025-01", "300.0")]


def test_an_own_mrr_column_beside_an_interval_is_refused_until_mapped_either_way(tmp_path, capsys) -> None:
    (tmp_path / "m.csv").write_text("customer_id,Month,MRR,Plan Interval,Quantity\na,2025-01,1200,year,3\n")
    args = ("import", "--subscriptions", tmp_path / "m.csv", "--to-csv", tmp_path / "o")
    assert refused(capsys, *args) == (
        "m.csv: 'MRR' and 'Plan Interval' are both there: is 'MRR' per month or per billing interval? map amount=MRR "
        "to convert it by the interval, or mrr=MRR if it is per month (the interval is then not used)"
    )
    for mapping, mrr in (("amount=MRR", "300.0"), ("mrr=MRR", "1200.0")):  # 1,200 a year x 3 seats; or as it is
        status, _, err = run(capsys, *args, "--columns", mapping)
        assert status == 0, err
        assert column(tmp_path / "o" / "movements.csv", "mrr_end") == [("2025-01", mrr)]


def test_a_price_in_cents_is_divided_by_100_in_pandas_and_in_the_engine() -> None:
    import ibis

    from xl_retention import relational as R

    # Recurly v2: 120000 cents a year = 100 a month; 2 x 2500 cents a month = 50
    frame = pd.DataFrame({"account_code": ["a", "b"], "customer_id": ["a", "b"], "month": pd.to_datetime(["2025-01-01",
                          "2025-01-01"]), "unit_amount_in_cents": [120000, 2500], "plan_interval_unit": ["year",
                          "month"], "plan_interval_length": [1, 1], "quantity": [1, 2]})  # fmt: skip
    assert monthly_movements(frame)["mrr_end"].tolist() == [150.0]
    con = R.connect("duckdb")
    con.create_table("recurly", schema=ibis.memtable(frame).schema())
    con.insert("recurly", frame)
    assert R.monthly_movements(con.table("recurly"))["mrr_end"].tolist() == [150.0]


def test_an_unmapped_interval_count_or_quantity_beside_a_mapped_interval_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text("Customer ID,Start,Price,Period,Every N,Seat count\nc1,2025-01-05,300,month,3,2")
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o", "--columns")
    assert refused(capsys, *args, "interval=Period,interval_count=Every N,amount=Price") == (
        "subs.csv: column 'Seat count' looks like the billing quantity but is not used; it changes the MRR "
        "(MRR = amount x quantity / (months per interval x interval_count)): map it: --columns 'quantity=Seat count'"
    )
    (tmp_path / "subs.csv").write_text("Customer ID,Start,Price,Period,Interval Length (months)\nc1,2025-01-05,300,"
                                       "month,3\n")  # fmt: skip
    assert refused(capsys, *args, "interval=Period,amount=Price") == (
        "subs.csv: column 'Interval Length (months)' looks like the billing interval count but is not used; it "
        "changes the MRR (MRR = amount x quantity / (months per interval x interval_count)): map it: "
        "--columns 'interval_count=Interval Length (months)'"
    )
    status, _, err = run(capsys, *args, "interval=Period,amount=Price,interval_count=Interval Length (months)")
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "mrr_end") == [("2025-01", "100.0")]


def test_an_interval_count_without_an_interval_and_two_price_columns_are_refused() -> None:
    counted = pd.DataFrame({"customer_id": ["a"], "month": ["2025-01"], "mrr": [300], "Plan Interval Count": [3]})
    with pytest.raises(DataError) as error:
        monthly_movements(counted, source="s.csv")
    assert str(error.value) == (
        "s.csv: 'Plan Interval Count' is a billing interval count, but no billing interval column was found "
        "(month, year, ...): map it: --columns interval=NAME (the MRR is the price per interval divided by the "
        "months of the interval and by the count)"
    )
    chargebee = pd.DataFrame({"customer_id": ["a"], "month": ["2025-01"], "plan_unit_price": [300], "plan_amount":
                              [600], "plan_quantity": [2], "billing_period_unit": ["month"]})  # fmt: skip
    with pytest.raises(DataError) as error:
        monthly_movements(chargebee, source="cb.csv")
    assert str(error.value) == (
        "cb.csv: 2 columns could be the amount (the price of one unit for one interval) ('plan_unit_price', "
        "'plan_amount'): say which, e.g. --columns amount=plan_unit_price (in Python: columns={'amount': "
        "'plan_unit_price'})"
    )
    assert monthly_movements(chargebee, columns={"amount": "plan_unit_price"})["mrr_end"].tolist() == [600.0]


# -- currencies ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("A,2025-01,$100.00\nB,2025-01,€100.00\nA,2025-02,$100.00\n",
         "cur.csv, column 'mrr': amounts in 2 currencies ($, EUR) in rows 2, 3 (counting the header as row 1): "
         "'$100.00', '€100.00'"),
        ("A,2025-01,100 USD\nB,2025-01,100 EUR\n",
         "cur.csv, column 'mrr': amounts in 2 currencies (USD, EUR) in rows 2, 3 (counting the header as row 1): "
         "'100 USD', '100 EUR'"),
        ("A,2025-01,$5\nB,2025-01,5 CAD\nC,2025-01,USD 5\n",
         "cur.csv, column 'mrr': amounts in 3 currencies ($, CAD, USD) in rows 2, 3, 4 (counting the header as row "
         "1): '$5', '5 CAD', 'USD 5'; a bare '$' does not say which currency: write its code ('$100.00 USD')"),
    ],
)  # fmt: skip
def test_amounts_in_two_currencies_are_refused(tmp_path, capsys, rows: str, message: str) -> None:
    (tmp_path / "cur.csv").write_text("customer_id,month,mrr\n" + rows)
    got = refused(capsys, "import", "--subscriptions", tmp_path / "cur.csv", "--to-csv", tmp_path / "o")
    assert got == message + (
        "; amounts are added up: convert them to one currency first, or import one currency at a time "
        "(with a currency column: --segment currency=EUR)"
    )
    assert not (tmp_path / "o").exists()


def test_a_currency_column_with_two_currencies_is_refused_and_split_by_segment(tmp_path, capsys) -> None:
    (tmp_path / "cur.csv").write_text(
        "customer_id,month,mrr,Plan Currency\nA,2025-01,100,usd\nB,2025-01,70,EUR\nA,2025-02,100,USD\n"
        "B,2025-02,80,eur\n"
    )
    args = ("import", "--subscriptions", tmp_path / "cur.csv", "--to-csv", tmp_path / "o")
    assert refused(capsys, *args) == (
        "cur.csv, column 'Plan Currency': 2 currencies (USD, EUR) in rows 2, 3 (counting the header as row 1): "
        "'usd', 'EUR'; amounts are added up: convert them to one currency first, or import one currency at a time "
        "(--segment 'Plan Currency=EUR')"
    )
    status, _, err = run(capsys, *args, "--segment", "Plan Currency=EUR")
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "mrr_end") == [("2025-01", "70.0"), ("2025-02", "80.0")]


def test_a_database_table_with_two_currencies_is_refused_unless_split_by_them() -> None:
    import ibis

    from xl_retention import relational as R

    months = pd.to_datetime(["2025-01-01", "2025-01-01", "2025-02-01"])
    frame = pd.DataFrame({"customer_id": ["a", "b", "a"], "month": months, "mrr": [100.0, 70.0, 100.0],
                          "currency_code": ["usd", "EUR", "USD"]})  # fmt: skip
    con = R.connect("duckdb")
    con.create_table("subs", schema=ibis.memtable(frame).schema())
    con.insert("subs", frame)
    with pytest.raises(DataError) as error:
        R.monthly_movements(con.table("subs"), source="subs")
    assert str(error.value) == (
        "subs, column 'currency_code': 2 currencies (EUR, USD) in 2 rows, e.g. customer_id 'a', month '2025-02-01', "
        "currency_code 'USD'; customer_id 'b', month '2025-01-01', currency_code 'EUR'; amounts are added up: convert "
        "them to one currency first, or import one currency at a time (segment='currency_code=USD')"
    )
    split = R.monthly_movements(con.table("subs"), source="subs", segment="currency_code")
    assert split["mrr_end"].tolist() == [70.0, 0.0, 100.0, 100.0]


@pytest.mark.parametrize(
    "values",
    [("$1,200.00", "$100.00"), ("€1.200,00", "100 €"), ("1200 EUR", "EUR 100"), ("1,200.00 USD", "US$100"),
     ("1200", "£100")],
)  # fmt: skip
def test_one_currency_keeps_working(values: tuple[str, str]) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b"], "month": ["2025-01", "2025-01"], "mrr": list(values),
                          "currency": ["EUR", " eur"]})  # fmt: skip
    assert monthly_movements(frame)["mrr_end"].tolist() == [1300.0]


# -- future end dates: months after the current one are not observed ------------------------------------------------
FUTURE = "customer_id,start,end,mrr\nA,2025-01-10,2027-06-01,10\nB,2025-01-10,2025-04-01,20\nC,2025-03-10,,20\n"
FUTURE_MRR = [("2025-01", "30.0"), ("2025-02", "30.0"), ("2025-03", "50.0"), ("2025-04", "30.0"), ("2025-05", "30.0"),
              ("2025-06", "30.0")]  # fmt: skip


def test_intervals_stop_at_the_current_month() -> None:
    from xl_retention.tables.subscriptions import snapshots_from_intervals

    frame = pd.read_csv(__import__("io").StringIO(FUTURE + "D,2025-09-01,,99\n"), dtype=str)
    snaps = snapshots_from_intervals(frame, today="2025-06-15")
    assert str(snaps["month"].max()) == "2025-06"
    moves = monthly_movements(snaps)
    assert [(str(m), f"{v}") for m, v in moves["mrr_end"].items()] == FUTURE_MRR
    assert moves["customers_end"].tolist() == [2, 2, 3, 2, 2, 2]
    assert moves["lost"].tolist() == [0, 0, 0, 1, 0, 0]
    # a past current month ends the default range; an explicit `through` is kept
    assert str(snapshots_from_intervals(frame, today="2027-12-01")["month"].max()) == "2027-06"
    assert str(snapshots_from_intervals(frame, through="2025-08", today="2025-06-15")["month"].max()) == "2025-08"
    with pytest.raises(DataError) as error:
        snapshots_from_intervals(frame, today="2024-12-31", source="subs.csv")
    assert str(error.value) == (
        "subs.csv, column 'start': every start is after the current month (2024-12): nothing is observed yet in rows "
        "2, 3, 4, 5 (counting the header as row 1): '2025-01-10', '2025-01-10', '2025-03-10', '2025-09-01'"
    )


@pytest.mark.parametrize("backend", [(), ("--backend", "duckdb")])
def test_import_of_future_end_dates_stops_at_the_current_month(tmp_path, capsys, monkeypatch, backend) -> None:
    from xl_retention.tables import interval_snapshots, subscriptions

    june = int(pd.Period("2025-06", freq="M").ordinal)
    for module in (subscriptions, interval_snapshots):  # the snapshots read their own name since bd1daec's split
        monkeypatch.setattr(module, "current_month", lambda today=None: june)
    (tmp_path / "subs.csv").write_text(FUTURE)
    status, _, err = run(
        capsys, "import", "--subscriptions", tmp_path / "subs.csv", *backend, "--to-csv", tmp_path / "o"
    )
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "mrr_end") == FUTURE_MRR


# -- snapshots: a month without any row ------------------------------------------------------------------------------
def test_a_snapshot_month_without_rows_is_refused_and_a_zero_row_marks_an_empty_month(tmp_path, capsys) -> None:
    subs = tmp_path / "subs.csv"
    subs.write_text("customer_id,month,mrr\nA,2025-01,10\nB,2025-01,10\nA,2025-03,10\nB,2025-03,10\nA,2025-05,10\n")
    args = ("import", "--subscriptions", subs, "--to-csv", tmp_path / "o")
    assert refused(capsys, *args) == (
        "subs.csv, column 'month': no rows at all for the months 2025-02, 2025-04, between months with rows: a month's "
        "export is missing (every customer would show as lost, then back); add it, or, if no customer was active "
        "then, a row with MRR 0 for that month"
    )
    subs.write_text("customer_id,month,mrr\nA,2025-01,10\nA,2025-02,0\nB,2025-03,10\n")
    status, _, err = run(capsys, *args)
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "lost") == [("2025-01", "0"), ("2025-02", "1"), ("2025-03", "0")]
    assert column(tmp_path / "o" / "movements.csv", "reactivated") == [("2025-01", "0"), ("2025-02", "0"),
                                                                        ("2025-03", "0")]  # fmt: skip


def test_months_without_rows_in_intervals_and_in_one_segment_are_months_of_zeros(tmp_path, capsys) -> None:
    iv = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2025-01-05", "2025-04-02"], "end": ["2025-02-01", None],
                       "mrr": [10, 20]})  # fmt: skip
    from xl_retention.tables.subscriptions import snapshots_from_intervals

    moves = monthly_movements(snapshots_from_intervals(iv, today="2025-04"))
    assert moves["customers_end"].tolist() == [1, 0, 0, 1]
    # segment Basic has no row in 2025-02 (its customer left), the whole file has
    (tmp_path / "subs.csv").write_text("customer_id,month,mrr,plan\na,2025-01,10,Basic\nb,2025-01,5,Pro\n"
                                       "b,2025-02,5,Pro\na,2025-03,10,Basic\nb,2025-03,5,Pro\n")  # fmt: skip
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--segment", "plan=Basic",
                         "--to-csv", tmp_path / "o")  # fmt: skip
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "reactivated") == [("2025-01", "0"), ("2025-02", "0"),
                                                                        ("2025-03", "1")]  # fmt: skip


# -- CSV files with leading comment lines (Google Analytics) ---------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_leading_comment_lines_are_skipped(tmp_path, capsys, encoding: str) -> None:
    text = (
        "# ----------------------------------------\n# Utilisateurs, données du site\n# 20250101-20250331\n"
        "# ----------------------------------------\n\nvisitor_id;date\nu1;20250105\nu2;20250210\nu1;20250301\n"
    )
    (tmp_path / "ga.csv").write_bytes(text.encode(encoding))
    status, _, err = run(capsys, "import", "--visits", tmp_path / "ga.csv", "--to-csv", tmp_path / "o")
    assert status == 0, err
    assert column(tmp_path / "o" / "visits.csv", "returning") == [("2025-01", "0"), ("2025-02", "0"), ("2025-03", "1")]


# -- messages: thousands points, a date format without month, rows ending with a separator -------------------------
def test_two_points_are_thousands_separators(tmp_path, capsys) -> None:
    (tmp_path / "o.csv").write_text('customer_id,date,amount\na,2025-01-03,"1.234.567"\nb,2025-01-04,"2.000.000,50"\n')
    from xl_retention.tables import order_tables

    frame = pd.read_csv(tmp_path / "o.csv", dtype=str)
    from xl_retention.reading import prepare

    typed, _ = prepare(frame, "orders", source="o.csv")
    assert typed["amount"].tolist() == [1234567.0, 2000000.5]
    assert order_tables(frame).purchases["buyers"].tolist() == [2]
    with pytest.raises(DataError, match=r"decimal mark cannot be told .* '1\.234': give options=ReadOptions\(decimal="):
        prepare(frame.assign(amount=["1.234", "7"]), "orders", source="o.csv")
    with command_line(), pytest.raises(DataError, match=r"'1\.234': give --decimal , or --decimal \.$"):  # the CLI's
        prepare(frame.assign(amount=["1.234", "7"]), "orders", source="o.csv")


def test_a_date_format_without_month_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "y.csv").write_text("customer_id,date\na,2025\nb,2026\n")
    args = ("import", "--orders", tmp_path / "y.csv", "--to-csv", tmp_path / "o", "--date-format")
    assert refused(capsys, *args, "%Y") == (
        "the date format '%Y' (--date-format) has no month (%m, %b or %B; or %j, a day of the year): a month cannot "
        "be read from it"
    )
    (tmp_path / "y.csv").write_text("customer_id,date\na,2025-032\nb,2025-060\n")
    status, _, err = run(capsys, *args[:-1], "--date-format", "%Y-%j")
    assert status == 0, err
    assert column(tmp_path / "o" / "purchases.csv", "buyers") == [("2025-02", "1"), ("2025-03", "1")]


def test_rows_ending_with_a_separator(tmp_path, capsys) -> None:
    (tmp_path / "t.csv").write_text("customer_id,month,mrr\nA,2025-01,10,\nB,2025-01,20,\nA,2025-02,15,\n")
    args = ("import", "--subscriptions", tmp_path / "t.csv", "--to-csv", tmp_path / "o")
    status, _, err = run(capsys, *args)
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "mrr_end") == [("2025-01", "30.0"), ("2025-02", "15.0")]
    (tmp_path / "t.csv").write_text("customer_id,month,mrr\nA,2025-01,10,,\nB,2025-01,20,x,\nA,2025-02,15,,y\n")
    assert refused(capsys, *args) == (
        "t.csv: rows with 2 fields more than the header's 3 names, not empty in rows 3, 4 (counting the header as "
        "row 1): 'x'; is a column name missing from the header?"
    )


def test_a_header_that_starts_with_a_hash_is_a_header(tmp_path) -> None:
    from xl_retention.reading import read_table

    path = tmp_path / "numbered.csv"
    path.write_text("#,customer_id,date\n1,a,2025-01-03\n2,b,2025-02-03\n")
    frame = read_table(path)
    assert list(frame.columns) == ["#", "customer_id", "date"]
    assert frame["customer_id"].tolist() == ["a", "b"]


RECURLY_NO_DATES = (
    "subscription_id,account_code,plan_code,state,quantity,unit_amount,currency,activated_at,expires_at,"
    "plan_interval_length,plan_interval_unit\n"
    "s1,acct1,pro-m,active,1,49.00,USD,2026-01-10 14:02:11 UTC,,1,months\n"  # 49 a month
    "s2,acct2,pro-y,active,2,1200.00,USD,2026-02-03 09:00:00 UTC,,12,months\n"  # 2 x 1200 a year: 200 a month
    "s3,acct3,pro-m,expired,1,49.00,USD,2026-01-20 10:00:00 UTC,2026-04-20 10:00:00 UTC,1,months\n"
)


def test_a_file_lacking_its_dates_and_customer_id_gets_one_mapping_for_all(tmp_path, capsys) -> None:
    # H515's finding 02: the mapping named start and end only; following it, "missing column 'customer_id'"
    (tmp_path / "subs.csv").write_text(RECURLY_NO_DATES)
    message = refused(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o")
    assert message == (
        "subs.csv: no dates of the subscriptions (columns found: 'subscription_id', 'account_code', 'plan_code', "
        "'state', 'quantity', 'unit_amount', 'currency', 'activated_at', 'expires_at', 'plan_interval_length', "
        "'plan_interval_unit'): a 'start' column (one row per subscription, 'end' when it stopped) or a 'month' "
        "column (one row per customer and month); 'plan_interval_unit' makes it a billing export (MRR from the price "
        "per interval: no 'mrr' needed); no 'customer_id' column either; map them: "
        "--columns start=activated_at,end=expires_at,customer_id=account_code "
        "(in Python: columns={'start': 'activated_at', 'end': 'expires_at', 'customer_id': 'account_code'})"
    )
    hint = shlex.split(message.rsplit("map them: ", 1)[1])[1]
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--columns", hint,
                         "--through", "2026-04", "--to-csv", tmp_path / "out")  # fmt: skip
    assert status == 0, err
    assert column(tmp_path / "out" / "movements.csv", "mrr_end") == [
        ("2026-01", "98.0"),
        ("2026-02", "298.0"),
        ("2026-03", "298.0"),
        ("2026-04", "249.0"),
    ]
