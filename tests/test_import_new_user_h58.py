"""A new user's import findings (H54 17, 19, 20, 21, 22, 23), each on its own small input: a monthly amount mapped to
mrr beside a billing interval, PayPal refunds and conversions with --segment, ids under a plural header, the note on a
month in progress, and a subscription's items sharing its id."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# -- 19: a monthly amount mapped to mrr beside a billing interval ---------------------------------------------------
MONTHLY = "customer_id,start,end,{name},billing_interval\na,2026-01-05,,100,year\nb,2026-01-06,,50,month\n"


@pytest.mark.parametrize("name", ["monthly_amount", "monthly_price", "Monthly fee", "Amount per month", "Price/mo"])
def test_19_a_column_named_per_month_mapped_to_mrr_is_taken_as_it_is(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / "subs.csv", MONTHLY.format(name=name))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", f"mrr={name}") / "movements.csv")
    assert moves.loc[0, "month"] == "2026-01" and moves.loc[0, "mrr_end"] == 150.0  # not 100 / 12 + 50


def test_19_a_price_per_interval_mapped_to_mrr_is_still_divided(tmp_path: Path) -> None:
    path = write(tmp_path / "subs.csv", MONTHLY.format(name="Plan Amount"))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", "mrr=Plan Amount") / "movements.csv")
    assert moves.loc[0, "mrr_end"] == pytest.approx(100 / 12 + 50)


def test_19_unmapped_the_refusal_names_the_monthly_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "subs.csv", MONTHLY.format(name="monthly_amount"))
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert message.endswith("; or, 'monthly_amount' being per month already: --columns mrr=monthly_amount")


@pytest.mark.parametrize("interval", [",billing_interval", ""])
def test_19_a_price_per_month_beside_seats_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], interval: str
) -> None:
    rows = "customer_id,start,end,monthly_price{i},quantity\na,2026-01-05,,100{y},3\nb,2026-01-06,,50{m},1\n"
    path = write(
        tmp_path / "subs.csv", rows.format(i=interval, y=",year" if interval else "", m=",month" if interval else "")
    )
    message = refusal(
        capsys, "--subscriptions", str(path), "--columns", "mrr=monthly_price", "--to-csv", str(tmp_path / "o")
    )
    assert message == (
        "subs.csv: 'monthly_price' (mapped to mrr) is an amount per month and 'quantity' is there with values other "
        "than 1: is it per unit (MRR = amount x quantity) or the subscription's whole MRR? Per unit: add a column of "
        "amount x quantity and map mrr to it; whole: map mrr to a column named MRR"
    )


# -- 20, 21: PayPal's refunds with --segment, and its currency conversions ------------------------------------------
PAYPAL_HEAD = ('"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",'
               '"To Email Address","Transaction ID","Reference Txn ID","Balance"\n')  # fmt: skip
PAYPAL = PAYPAL_HEAD + (
    '"01/15/2026","10:00:00","PST","Ann","Express Checkout Payment","Completed","USD","100.00","-3.20","96.80",'
    '"ann@x.com","shop@x.com","1AA","","96.80"\n'
    '"01/16/2026","11:00:00","PST","Bob","Website Payment","Completed","USD","50.00","-1.75","48.25","bob@x.com",'
    '"shop@x.com","2BB","","145.05"\n'
    '"01/20/2026","12:00:00","PST","Ann","Payment Refund","Completed","USD","-100.00","3.20","-96.80","shop@x.com",'
    '"ann@x.com","3CC","1AA","48.25"\n'
    '"02/03/2026","09:00:00","PST","Ann","Subscription Payment","Completed","USD","30.00","-1.17","28.83",'
    '"ann@x.com","shop@x.com","4DD","","77.08"\n'
)
CONVERTED = PAYPAL + (
    '"02/13/2026","09:00:00","PST","Cid","Express Checkout Payment","Completed","EUR","40.00","-1.50","38.50",'
    '"cid@x.com","shop@x.com","6FF","","38.50"\n'
    '"02/13/2026","09:00:01","PST","","General Currency Conversion","Completed","EUR","-38.50","0.00","-38.50","","",'
    '"7GG","6FF","0.00"\n'
    '"02/13/2026","09:00:01","PST","","General Currency Conversion","Completed","USD","41.20","0.00","41.20","","",'
    '"8HH","6FF","68.28"\n'
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("segment", [[], ["--segment", "Currency=USD"], ["--segment", "Name"]])
def test_20_a_paypal_refund_is_taken_off_with_segment_too(tmp_path: Path, backend: str, segment: list[str]) -> None:
    out = run(tmp_path, "--orders", write(tmp_path / "paypal.csv", PAYPAL), *segment, backend=backend)
    bought = pd.read_csv(out / "purchases.csv")
    if "segment" in bought:  # by Name: Ann's refund in Ann's segment, her first order left out (refunded)
        assert bought[["segment", "month", "buyers", "returning"]].values.tolist() == [
            ["Ann", "2026-01", 0, 0],
            ["Ann", "2026-02", 1, 0],
            ["Bob", "2026-01", 1, 0],
            ["Bob", "2026-02", 0, 0],
        ]
        return
    assert bought[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 1, 0], ["2026-02", 1, 0]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.values.tolist()[0] == ["2026-01", 50.0, 0.0]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_21_a_paypal_payment_converted_from_eur_is_read_in_usd(
    tmp_path: Path, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(tmp_path, "--orders", write(tmp_path / "paypal.csv", CONVERTED), backend=backend)
    assert "6FF (row 6: 40.00 EUR as 42.81 USD, rows 7 and 8)" in capsys.readouterr().out
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.values.tolist()[1][:2] == ["2026-02", 72.81]  # Ann's 30 and Cid's 40 EUR at 41.20 / 38.50
    bought = pd.read_csv(run(tmp_path, "--orders", tmp_path / "paypal.csv", "--segment", "Currency") / "purchases.csv")
    assert bought[["segment", "month", "buyers"]].values.tolist() == [["USD", "2026-01", 1], ["USD", "2026-02", 2]]


def test_21_a_refund_of_a_converted_payment_is_taken_off_at_the_payments_rate(tmp_path: Path) -> None:
    refunded = CONVERTED + (
        '"02/20/2026","09:00:00","PST","Cid","Payment Refund","Completed","EUR","-40.00","1.50","-38.50","shop@x.com",'
        '"cid@x.com","9II","6FF","0.00"\n'
        '"02/20/2026","09:00:01","PST","","General Currency Conversion","Completed","USD","-41.60","0.00","-41.60","",'
        '"","10JJ","9II","26.68"\n'
        '"02/20/2026","09:00:01","PST","","General Currency Conversion","Completed","EUR","38.50","0.00","38.50","",'
        '"","11KK","9II","38.50"\n'
    )
    out = run(tmp_path, "--orders", write(tmp_path / "paypal.csv", refunded))
    assert pd.read_csv(out / "order_revenue_cohorts.csv").values.tolist()[1][:2] == ["2026-02", 30.0]  # Cid's off
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [1, 1]


def test_21_conversions_naming_a_payment_that_are_no_pair_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = CONVERTED.replace('"USD","41.20","0.00","41.20"', '"EUR","41.20","0.00","41.20"')
    path = write(tmp_path / "paypal.csv", odd.replace('"EUR","40.00"', '"GBP","40.00"'))
    message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out"))
    assert message.startswith("paypal.csv, column 'Reference Txn ID': currency conversions naming '6FF' that are not "
                              "one amount out of its currency (GBP) and one into another")  # fmt: skip
    assert "rows 7, 8" in message


# -- 22: numeric customer ids under a plural header -----------------------------------------------------------------
def test_22_numeric_ids_under_customers_that_repeat_are_ids(tmp_path: Path) -> None:
    text = "Customers,Date,Amount\n1001,2026-01-03,20\n1002,2026-01-05,35\n1001,2026-01-09,20\n1003,2026-02-02,15\n"
    out = run(tmp_path, "--orders", write(tmp_path / "orders.csv", text), "--columns", "customer_id=Customers")
    bought = pd.read_csv(out / "purchases.csv")
    assert bought[["month", "buyers", "repeat_purchasers", "returning"]].values.tolist() == [
        ["2026-01", 2, 1, 0], ["2026-02", 1, 0, 0]]  # fmt: skip


@pytest.mark.parametrize(
    "dates", [["2026-01-01", "2026-01-02", "2026-01-03"], ["2026-01-01", "2026-02-01", "2026-03-01"]]
)
def test_22_daily_or_monthly_counts_that_repeat_are_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dates: list[str]
) -> None:
    path = write(
        tmp_path / "ga.csv", "Date,Users\n" + "".join(f"{d},{n}\n" for d, n in zip(dates, (12, 9, 12), strict=True))
    )
    message = refusal(capsys, "--visits", str(path), "--columns", "visitor_id=Users", "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"ga.csv, column 'Users': numbers of users per date (one row per date, '12' on "
                              f"'{dates[0]}'), a report's counts")  # fmt: skip
    assert message.endswith("; if they are ids ('12' is on 2 dates), give the column a name of ids in a copy "
                            "('Visitor ID')")  # fmt: skip


# -- 23: the note on a month in progress speaks of what the input counts ---------------------------------------------
def _monthly_frame(column: str, values: list[int]) -> pd.DataFrame:
    index = pd.PeriodIndex(["2026-11", "2026-12"][: len(values)], freq="M", name="month")
    return pd.DataFrame({column: values}, index=index)


@pytest.mark.parametrize(
    ("kind", "column", "said"),
    [
        ("nps", "responses", "its NPS is of the answers so far (1 answer), and the tracker's latest figures read it"),
        ("purchases", "buyers", "its purchases are only those so far, and the tracker's latest figures read it"),
        ("visits", "visitors", "its visitors are only those so far, and the tracker's latest figures read it"),
        ("movements", "new", "its churn is only the churn so far, and the tracker's latest figures and churn averages"),
    ],
)
def test_23_the_current_month_note_speaks_of_the_input(kind: str, column: str, said: str) -> None:
    from xl_retention.workbook.importer import Tables, in_progress_note

    note = in_progress_note(Tables(**{kind: _monthly_frame(column, [4, 1])}), today="2026-12-01")
    assert note is not None and note.startswith(
        f"the last month, 2026-12, is the current month, still in progress: {said}"
    )
    assert ("churn" in note) == (kind == "movements")


def test_23_an_nps_import_through_today_says_answers_so_far(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = pd.Period(pd.Timestamp.today(), freq="M")
    first = now.to_timestamp().date()
    path = write(tmp_path / "answers.csv", f"date,score\n{(now - 1).to_timestamp().date()},3\n{first},10\n{first},9\n")
    run(tmp_path, "--nps", path)
    line = [x for x in capsys.readouterr().out.splitlines() if "current month" in x]
    assert line == [f"the last month, {now}, is the current month, still in progress: its NPS is of the answers so far "
                    f"(2 answers), and the tracker's latest figures read it until it ends; {now - 1} is the last full "
                    f"month (add --through {now - 1} to stop there, or import again after {now} ends for its final "
                    "figures)"]  # fmt: skip


# -- 17: a subscription's items sharing its id ------------------------------------------------------------------------
ITEMS = (
    "id,Customer ID,Plan,Quantity,Amount,Interval,Status,Start (UTC),Ended At (UTC)\n"
    "sub_1,cus_1,Pro,1,99.00,month,active,2026-01-05 10:00,\n"
    "sub_1,cus_1,Extra seats,3,10.00,month,active,2026-01-05 10:00,\n"
    "sub_2,cus_2,Basic,1,29.00,month,active,2026-02-05 10:00,\n"
)
ITEM_COLUMNS = "start=Start (UTC),end=Ended At (UTC)"


def test_17_items_sharing_a_subscription_id_are_refused_as_maybe_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # rows next to each other are read as items (tests/test_import_subscription_items.py); apart, they may be two
    # exports
    lines = ITEMS.splitlines(keepends=True)
    path = write(tmp_path / "subs.csv", "".join([lines[0], lines[1], lines[3], lines[2]]))
    message = refusal(capsys, "--subscriptions", str(path), "--columns", ITEM_COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message == (
        "subs.csv, column 'id': rows with the id, start and end of an earlier row and other values (a plan, price or "
        "quantity): one subscription's items, a plan and its seats or add-ons whose MRRs add up, or one subscription "
        "in two exports, changed between them (both would count)? If they are items, export them with each item's id "
        "(a column 'Subscription Item ID') or give each item's row an id of its own (sub_1/2); if they are two "
        "exports, keep the row of the latest export in row 4 (counting the header as row 1): 'sub_1'"
    )


@pytest.mark.parametrize("fix", ["item id", "own id"])
def test_17_items_with_their_own_ids_add_up(tmp_path: Path, fix: str) -> None:
    if fix == "item id":
        lines = ITEMS.splitlines()
        rows = [line.replace(",", f",si_{i},", 1) for i, line in enumerate(lines[1:], 1)]
        text = "\n".join([lines[0].replace("id,", "id,Subscription Item ID,", 1), *rows]) + "\n"
    else:
        text = ITEMS.replace("sub_1,cus_1,Extra", "sub_1/2,cus_1,Extra")
    moves = pd.read_csv(run(tmp_path, "--subscriptions", write(tmp_path / "subs.csv", text), "--columns", ITEM_COLUMNS)
                        / "movements.csv")  # fmt: skip
    assert moves[["month", "customers_end", "mrr_end"]].values.tolist() == [
        ["2026-01", 1, 129.0],
        ["2026-02", 2, 158.0],
    ]


def test_17_a_changed_record_with_another_start_is_still_a_changed_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "subs.csv",
        ITEMS.replace("Extra seats,3,10.00,month,active,2026-01-05", "Pro,1,99.00,month,canceled,2026-01-06"),
    )
    message = refusal(capsys, "--subscriptions", str(path), "--columns", ITEM_COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message.startswith("subs.csv, column 'id': rows with the id of an earlier row and other values: the same")
