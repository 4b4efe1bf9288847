"""Rows an export flags as no purchase or no answer, and rows a user hid, on every engine (H44, from a new user's
findings): each test on its own small input.

* a: an order flagged cancelled by a boolean column (``cancelled``, ``is_cancelled``, ``voided``, ``chargeback``
  true) or a ``state`` column saying canceled is no purchase (was a purchase: x a repeat purchaser); a flag that says
  neither true nor false is refused naming the rows; a ``state`` column of addresses ('CA') is not read.
* b: survey answers flagged ``is_test``/``test``/``spam`` true are refused naming the rows, as tests in orders and
  subscriptions are (were counted in the NPS).
* c: a subscription status and a segment read on Spark keep their f and v ('future' passed as 'uture', segment
  'free' was 'ree').
* d: rows filtered out or hidden in an Excel input are refused naming the sheet and rows (were imported, silently).
* e: a billing export's interval count or quantity under a common name (``frequency``, ``billing_frequency``,
  ``every``; ``Licenses``, ``Units``, ``Users``, ``user_count``) or a coupon's "Percent Off"/"Amount Off", ``Rabatt``
  is refused naming it, and used when mapped (were ignored: a quarterly 300 was MRR 300).
* f: the first month of an orders or visits export ends the import with a note: its returning customers (visitors)
  cannot be told (no earlier month in the file) and read 0% (there was no word).
* g: a subscription flagged ended (``cancelled`` true, ``is_active`` false) with no end date is refused naming the
  rows, as a status saying canceled is (it counted as active forever).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run
from postgres_server import throwaway_server

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


# -- a: orders flagged cancelled by a boolean or state column --------------------------------------------------------
def _orders(column: str, flagged: str, other: str = "false") -> str:
    rows = f"x,2026-01-05,10,{other}\nx,2026-01-20,20,{flagged}\ny,2026-02-03,5,{other}\n"
    return f"customer_id,date,amount,{column}\n" + rows


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "flagged", "other"),
    [
        ("cancelled", "true", "false"),
        ("is_cancelled", "TRUE", "FALSE"),
        ("Canceled?", "Yes", "No"),
        ("voided", "1", "0"),
        ("chargeback", "true", ""),
        ("state", "canceled", "complete"),
        ("state", "voided", "paid"),
    ],
)
def test_a_an_order_flagged_cancelled_is_no_purchase(
    tmp_path: Path, backend: str, column: str, flagged: str, other: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders(column, flagged, other))
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "repeat_purchasers"]].values.tolist() == [["2026-01", 1, 0], ["2026-02", 1, 0]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [10.0, 5.0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_a_cancel_flag_neither_true_nor_false_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders("is_cancelled", "2026-01-21"))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'is_cancelled': values that say neither true nor false (whether these orders were "
        "cancelled cannot be told) in row 3 (counting the header as row 1): '2026-01-21': write true where they were, "
        "false where they were paid"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_a_state_column_of_addresses_is_not_read(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount,state\nx,2026-01-05,10,CA\nx,2026-01-20,20,NY\ny,2026-02-03,5,OR\n")
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "repeat_purchasers"]].values.tolist() == [["2026-01", 1, 1], ["2026-02", 1, 0]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_an_unknown_state_beside_order_states_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(_orders("state", "on_hold", "complete"))
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err.startswith("orders.csv, column 'state': order statuses that say neither paid nor unpaid")
    assert err.endswith("in row 3 (counting the header as row 1): 'on_hold'")


_FLAGGED = pd.DataFrame(
    {
        "customer_id": ["x", "x", "y"],
        "date": pd.to_datetime(["2026-01-05", "2026-01-20", "2026-02-03"]),
        "amount": [10.0, 20.0, 5.0],
        "is_cancelled": [False, True, False],
    }
)


def _bought(tables) -> list[list[object]]:  # noqa: ANN001 - OrderTables
    p = tables.purchases
    return [[str(m), int(b), int(r)] for m, b, r in zip(p.index, p["buyers"], p["repeat_purchasers"], strict=True)]


BOUGHT = [["2026-01", 1, 0], ["2026-02", 1, 0]]


def test_a_cancel_flags_on_spark(spark) -> None:
    from xl_retention import relational as R

    assert _bought(R.order_tables(spark.createDataFrame(_FLAGGED))) == BOUGHT


def test_a_cancel_flags_on_postgres() -> None:
    import ibis

    from xl_retention import relational as R

    with throwaway_server("xl-retention-pg-h44-") as url:
        con = R.connect("postgres", url)
        con.create_table("orders", schema=ibis.memtable(_FLAGGED).schema())
        con.insert("orders", _FLAGGED)
        assert _bought(R.order_tables(con.table("orders"), backend=con)) == BOUGHT


# -- b: survey answers flagged test or spam --------------------------------------------------------------------------
ANSWER_PROBLEM = (
    "responses that are previews, tests or spam, to be removed (no respondent's answer: they would count in the NPS)"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("column", "flagged"), [("is_test", "TRUE"), ("test", "1"), ("Spam", "yes"), ("spam", "true")])
def test_b_an_answer_flagged_test_or_spam_is_refused(
    tmp_path: Path, capsys, backend: str, column: str, flagged: str
) -> None:
    path = tmp_path / "nps.csv"
    path.write_text(f"date,score,{column}\n2026-01-05,10,false\n2026-01-20,0,{flagged}\n2026-01-21,9,\n")
    err = refusal(capsys, "--nps", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == f"nps.csv, column '{column}': {ANSWER_PROBLEM} in row 3 (counting the header as row 1): '{flagged}'"


@pytest.mark.parametrize("backend", BACKENDS)
def test_b_answers_flagged_false_count(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "nps.csv"
    path.write_text("date,score,is_test,spam\n2026-01-05,10,FALSE,0\n2026-01-20,0,FALSE,\n2026-01-21,9,,no\n")
    nps = pd.read_csv(run(tmp_path, "--nps", path, backend=backend) / "nps.csv")
    assert nps[["month", "responses", "promoters", "detractors"]].values.tolist() == [["2026-01", 3, 2, 1]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_b_a_test_flag_neither_true_nor_false_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "nps.csv"
    path.write_text("date,score,spam\n2026-01-05,10,\n2026-01-20,0,0.93\n")
    err = refusal(capsys, "--nps", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "nps.csv, column 'spam': values that say neither true nor false (whether these answers are tests or spam "
        "cannot be told) in row 3 (counting the header as row 1): '0.93': write true where they are, false where a "
        "respondent answered"
    )


_ANSWERS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2026-01-05", "2026-01-20", "2026-01-21"]),
        "score": [10, 0, 9],
        "is_test": [False, True, False],
    }
)


def test_b_test_answers_on_spark(spark) -> None:
    from xl_retention import relational as R
    from xl_retention.reading import DataError

    with pytest.raises(DataError, match=r"column 'is_test': responses that are previews, tests or spam"):
        R.nps_by_month(spark.createDataFrame(_ANSWERS))


def test_b_test_answers_on_postgres() -> None:
    import ibis

    from xl_retention import relational as R
    from xl_retention.reading import DataError

    with throwaway_server("xl-retention-pg-h44-") as url:
        con = R.connect("postgres", url)
        con.create_table("answers", schema=ibis.memtable(_ANSWERS).schema())
        con.insert("answers", _ANSWERS)
        with pytest.raises(DataError, match=r"column 'is_test': responses that are previews, tests or spam"):
            R.nps_by_month(con.table("answers"), backend=con)
        fine = _ANSWERS.assign(is_test=False)
        con.create_table("fine", schema=ibis.memtable(fine).schema())
        con.insert("fine", fine)
        assert R.nps_by_month(con.table("fine"), backend=con)["responses"].tolist() == [3]


# -- c: a status spelled on Spark keeps its f and v (its TRIM took them as spaces: 'future' was 'uture') -------------
def test_c_a_future_subscription_is_refused_on_spark(spark) -> None:
    from xl_retention import relational as R
    from xl_retention.reading import DataError

    subs = pd.DataFrame(
        {
            "customer_id": ["a", "b"],
            "start": pd.to_datetime(["2026-01-05", "2026-02-05"]),
            "mrr": [10.0, 20.0],
            "status": ["active", "future"],
        }
    )
    with pytest.raises(DataError, match=r"column 'status': subscriptions that do not pay.* e\.g\. .*future"):
        R.subscription_tables(spark.createDataFrame(subs))


# -- d: rows filtered out or hidden in an Excel input ----------------------------------------------------------------
def _filtered_book(path: Path, hidden: list[int], top: int = 1) -> None:
    """Orders x (2026-01-05, 10), x (2026-01-20, 20, cancelled), y (2026-02-03, 5) on sheet 'Orders', the header on
    row ``top``, an AutoFilter on 'note' and the sheet rows ``hidden`` hidden (as Excel writes a filter)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    for _ in range(top - 1):
        sheet.append([])
    sheet.append(["customer_id", "date", "amount", "note"])
    sheet.append(["x", "2026-01-05", 10, "ok"])
    sheet.append(["x", "2026-01-20", 20, "cancelled"])
    sheet.append(["y", "2026-02-03", 5, "ok"])
    sheet.auto_filter.ref = f"A{top}:D{sheet.max_row}"
    sheet.auto_filter.add_filter_column(3, ["ok"])
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    book.save(path)


@pytest.mark.parametrize("backend", BACKENDS)
def test_d_a_row_filtered_out_in_excel_is_refused_naming_it(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.xlsx"
    _filtered_book(path, [3])
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.xlsx: row 3 of sheet 'Orders' is hidden (filtered out or hidden in Excel) and holds data: whether it "
        "belongs in the import cannot be told; show the rows (clear the filter, unhide them) and delete the rows to "
        "leave out, or copy the rows shown to a sheet of their own"
    )
    assert not (tmp_path / "o").exists()


def test_d_hidden_rows_below_a_margin_are_named_as_the_sheet_numbers_them(tmp_path: Path) -> None:
    from xl_retention.reading import DataError, read_table

    path = tmp_path / "orders.xlsx"
    _filtered_book(path, [5, 6], top=4)
    with pytest.raises(DataError) as caught:
        read_table(path)
    assert str(caught.value).startswith("orders.xlsx: rows 5, 6 of sheet 'Orders' are hidden (filtered out or hidden ")
    assert caught.value.rows == (5, 6)


@pytest.mark.parametrize("backend", BACKENDS)
def test_d_a_hidden_empty_row_passes(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.xlsx"
    _filtered_book(path, [6, 7])  # rows 6 and 7, below the table: empty, hidden
    out = run(tmp_path, "--orders", path, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "repeat_purchasers"]].values.tolist() == [["2026-01", 1, 1], ["2026-02", 1, 0]]


# -- e: billing columns that change the MRR under common names: used or refused, never ignored -----------------------
def _billing(column: str, value: str, other: str = "") -> str:
    rows = f"a,2026-01-10,,300,month,{value}\nb,2026-02-10,,50,month,{other}\n"
    return f"customer_id,start,end,amount,interval,{column}\n" + rows


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "ours"),
    [
        ("frequency", "interval count"),
        ("billing_frequency", "interval count"),
        ("every", "interval count"),
        ("Licenses", "quantity"),
        ("Units", "quantity"),
        ("Users", "quantity"),
        ("user_count", "quantity"),
    ],
)
def test_e_a_count_or_quantity_under_a_common_name_is_refused(
    tmp_path: Path, capsys, backend: str, column: str, ours: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_billing(column, "3"))
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    mapped = "interval_count" if ours == "interval count" else "quantity"
    assert err == (
        f"subs.csv: column '{column}' looks like the billing {ours} but is not used; it changes the MRR (MRR = amount "
        f"x quantity / (months per interval x interval_count)): map it: --columns {mapped}={column}"
    )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("column", "ours", "mrr"), [("billing_frequency", "interval_count", 100.0),
                                                     ("Licenses", "quantity", 900.0)])  # fmt: skip
def test_e_mapped_as_told_it_is_used(tmp_path: Path, backend: str, column: str, ours: str, mrr: float) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_billing(column, "3", "1"))
    out = run(tmp_path, "--subscriptions", path, "--columns", f"{ours}={column}", backend=backend)
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist()[:2] == [mrr, mrr + 50.0]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("column", "value"), [("Percent Off", "20"), ("Amount Off", "60"), ("Rabatt", "10%")])
def test_e_a_coupon_or_discount_under_a_common_name_is_refused(
    tmp_path: Path, capsys, backend: str, column: str, value: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_billing(column, value))
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"subs.csv, column '{column}': discounts that lower what the customer pays in row 2 (counting the header as "
        f"row 1): '{value}': MRR is after discounts (the price per interval is the list price): convert the prices to "
        "what each customer pays first, or remove the column if they already are"
    )


def test_e_a_seat_count_is_refused_on_spark(spark) -> None:
    from xl_retention import relational as R
    from xl_retention.reading import DataError

    subs = pd.DataFrame({"customer_id": ["a"], "start": pd.to_datetime(["2026-01-10"]), "amount": [300.0],
                         "interval": ["month"], "Seats Licensed": [5]})  # fmt: skip
    with pytest.raises(DataError, match=r"column 'Seats Licensed' looks like the billing quantity but is not used"):
        R.subscription_tables(spark.createDataFrame(subs))


# -- f: the first month of an orders or visits export: its returning customers (visitors) cannot be told -------------
def _first_month_note(month: str, name: str, kind: str = "orders") -> str:
    who, rate = (
        ("returning customers (buyers who ordered in an earlier month)", "returning customer rate")
        if kind == "orders"
        else ("returning visitors (visitors seen in an earlier month)", "returning visitor rate")
    )
    return (
        f"{month} is the first month of {name}: its {who} cannot be told, as the file has no earlier month, and count "
        f"as 0 ({rate} 0%); later, one whose earlier {kind} are all before {month} counts as new too (export earlier "
        f"months to count them)"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_f_the_first_month_of_orders_is_noted(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\na,2026-08-03,10\nb,2026-08-09,20\nc,2026-08-20,15\n"
                    "a,2026-09-04,10\nb,2026-10-02,20\nd,2026-10-05,30\n")  # fmt: skip
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, backend=backend)
    assert capsys.readouterr().out.splitlines()[-1] == _first_month_note("2026-08", "orders.csv")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [
        ["2026-08", 3, 0], ["2026-09", 1, 1], ["2026-10", 2, 1]
    ]  # fmt: skip
    assert purchases["returning_rate"].tolist() == [0.0, 1.0, 0.5]


@pytest.mark.parametrize("backend", BACKENDS)
def test_f_the_first_month_of_visits_is_noted(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "visits.csv"
    path.write_text("visitor_id,date\nv1,2026-03-01\nv2,2026-03-02\nv1,2026-04-01\n")
    capsys.readouterr()
    run(tmp_path, "--visits", path, backend=backend)
    assert capsys.readouterr().out.splitlines()[-1] == _first_month_note("2026-03", "visits.csv", "visits")


def test_f_the_first_month_note_is_said_filling_a_tracker(tmp_path: Path, capsys) -> None:
    from xl_retention import cli

    tracker = tmp_path / "t.xlsx"
    assert cli.main(["new", str(tracker), "--start", "2026-08", "--months", "3"]) == 0
    path = tmp_path / "shop.csv"
    path.write_text("customer_id,date,amount\na,2026-08-03,10\na,2026-09-04,10\n")
    capsys.readouterr()
    assert cli.main(["import", "--orders", str(path), "--into", str(tracker)]) == 0
    assert _first_month_note("2026-08", "shop.csv") in capsys.readouterr().out.splitlines()


def test_f_subscriptions_alone_get_no_first_month_note(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,end,mrr\na,2026-01-05,,10\nb,2026-02-03,,20\n")
    capsys.readouterr()
    run(tmp_path, "--subscriptions", path)
    assert "is the first month of" not in capsys.readouterr().out


# -- g: a subscription flagged ended (cancelled true, is_active false) with no end date ------------------------------
FLAG_ENDED = (
    "subscriptions flagged as ended (cancelled, churned, not active), with no end date (an empty end is a subscription "
    "still active, which would never churn)"
)
ENDED_ADVICE = (
    "map the column of the day service stopped, --columns end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at), "
    "or give those rows their end"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "live", "ended"),
    [("cancelled", "false", "true"), ("Churned?", "", "Yes"), ("is_active", "TRUE", "FALSE")],
)
def test_g_a_subscription_flagged_ended_without_an_end_is_refused(
    tmp_path: Path, capsys, backend: str, column: str, live: str, ended: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(
        f"customer_id,start,end,mrr,{column}\na,2026-01-05,,10,{live}\nb,2026-01-06,2026-03-01,20,{ended}\n"
        f"c,2026-01-07,,30,{ended}\n"
    )
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        f"subs.csv, column '{column}': {FLAG_ENDED} in row 4 (counting the header as row 1): '{ended}': {ENDED_ADVICE}"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_g_a_subscription_flagged_ended_with_its_end_counts(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,end,mrr,cancelled\na,2026-01-05,,10,false\nb,2026-01-06,2026-03-01,20,true\n")
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert moves[["month", "customers_end", "lost", "mrr_end"]].values.tolist() == [
        ["2026-01", 2, 0, 30.0], ["2026-02", 2, 0, 30.0], ["2026-03", 1, 1, 10.0]
    ]  # fmt: skip


def test_g_a_subscription_flagged_ended_on_spark(spark) -> None:
    from xl_retention import relational as R
    from xl_retention.reading import DataError

    subs = pd.DataFrame({"customer_id": ["a", "b"], "start": pd.to_datetime(["2026-01-05", "2026-01-06"]),
                         "mrr": [10.0, 20.0], "is_cancelled": [False, True]})  # fmt: skip
    with pytest.raises(DataError, match=r"column 'is_cancelled': subscriptions flagged as ended"):
        R.subscription_tables(spark.createDataFrame(subs))
    assert R.subscription_tables(spark.createDataFrame(subs.assign(is_cancelled=False))).movements is not None


def test_c_a_segment_keeps_its_f_and_v_on_spark(spark) -> None:
    from xl_retention import relational as R

    subs = pd.DataFrame({"customer_id": ["a", "b", "c"], "start": pd.to_datetime(["2026-01-05"] * 3),
                         "mrr": [0.5, 20.0, 30.0], "Plan": ["free", " vip", "pro "]})  # fmt: skip
    moves = R.subscription_tables(spark.createDataFrame(subs), segment="Plan").movements
    assert sorted(set(moves.index.get_level_values("segment"))) == ["free", "pro", "vip"]


def test_e_g_billing_counts_and_ended_flags_on_postgres() -> None:
    import ibis

    from xl_retention import relational as R
    from xl_retention.reading import DataError

    billing = pd.DataFrame({"customer_id": ["a"], "start": pd.to_datetime(["2026-01-10"]), "amount": [300.0],
                            "interval": ["month"], "billing_frequency": [3]})  # fmt: skip
    ended = pd.DataFrame({"customer_id": ["a", "b"], "start": pd.to_datetime(["2026-01-05", "2026-01-06"]),
                          "mrr": [10.0, 20.0], "is_active": [True, False]})  # fmt: skip
    with throwaway_server("xl-retention-pg-h44-") as url:
        con = R.connect("postgres", url)
        for name, frame in (("billing", billing), ("ended", ended)):
            con.create_table(name, schema=ibis.memtable(frame).schema())
            con.insert(name, frame)
        with pytest.raises(DataError, match=r"column 'billing_frequency' looks like the billing interval count"):
            R.subscription_tables(con.table("billing"), backend=con)
        moves = R.subscription_tables(con.table("billing"), backend=con,
                                      columns={"interval_count": "billing_frequency"}).movements  # fmt: skip
        assert moves["mrr_end"].tolist() == [100.0]
        with pytest.raises(DataError, match=r"column 'is_active': subscriptions flagged as ended"):
            R.subscription_tables(con.table("ended"), backend=con)
