"""Subscriptions read as one customer's rows (H50, import list A): each test on its own small input.

* a: a plan change (or an upgrade and a cancellation) within one month of a subscriptions export: the plan left
  counts nowhere (its MRR was added to the new plan's, and a customer who left in March counted in March).
* b: a subscriptions export without a subscription id pasted twice into one file: refused naming the repeated rows
  (every MRR counted twice, silently).
* c: pauses: a paused_at, pause_collection or resume column with a value in an intervals file is refused naming it (a
  paused customer counted as paying, silently); a snapshot's pause flag with an MRR is refused, with MRR 0 it is read.
* d: a snapshots file of one row per subscription per month (refused as a changed record, or as duplicate snapshots)
  adds a customer's subscriptions up; a paused row with MRR 0 beside the month's paying row is read as one customer.
* e: an .xlsx export with a title merged across right above its header is read (was refused as missing every
  column); an empty row inside the table is refused naming it (was 'missing customer ids').
* f: a subscription's phases (one id on rows whose periods follow each other: a plan change written as the
  subscription's next period) are read (were refused as one record changed between two exports); rows of one id
  with one start stay refused. A snapshots file's subscription id on each month's row is no changed record.
* g: an interval that ends when it starts, with an MRR (no service), counted as a customer and MRR of its month ->
  refused naming the rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]
MOVED = ["customers_start", "new", "lost", "customers_end", "new_mrr", "expansion_mrr", "churned_mrr", "mrr_end"]


def _moves(out: Path) -> list[list[object]]:
    table = pd.read_csv(out / "movements.csv")
    return table[["month", *MOVED]].values.tolist()


# -- a: a plan change within one month -------------------------------------------------------------------------------
PLAN_CHANGES = (
    "id,customer,status,plan,amount,interval,created,ended_at\n"
    "sub_1,cus_A,canceled,Basic,50.00,month,2026-01-05,2026-03-12\n"  # A: Basic until 12 March, Pro from then
    "sub_2,cus_A,active,Pro,100.00,month,2026-03-12,\n"
    "sub_3,cus_B,active,Basic,50.00,month,2026-01-10,\n"
    "sub_4,cus_C,canceled,Basic,50.00,month,2026-03-03,2026-03-18\n"  # C: joins on Basic, Pro from 18 March
    "sub_5,cus_C,active,Pro,100.00,month,2026-03-18,\n"
    "sub_6,cus_D,canceled,Basic,50.00,month,2026-01-20,2026-03-10\n"  # D: Basic, Pro from 10 March, gone 25 March
    "sub_7,cus_D,canceled,Pro,100.00,month,2026-03-10,2026-03-25\n"
    "sub_8,cus_E,canceled,Basic,50.00,month,2026-03-02,2026-03-09\n"  # E: joins and upgrades, gone 28 March
    "sub_9,cus_E,canceled,Pro,100.00,month,2026-03-09,2026-03-28\n"
    "sub_10,cus_B,active,Basic,50.00,month,2026-04-02,\n"
)
PLAN_MAP = "customer_id=customer,start=created,end=ended_at"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_a_plan_change_within_a_month_counts_the_new_plan_only(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text(PLAN_CHANGES)
    out = run(tmp_path, "--subscriptions", path, "--columns", PLAN_MAP, backend=backend)
    assert _moves(out) == [
        ["2026-01", 0, 3, 0, 3, 150.0, 0.0, 0.0, 150.0],  # A, B, D on Basic
        ["2026-02", 3, 0, 0, 3, 0.0, 0.0, 0.0, 150.0],
        # A upgraded (+50); C joined on Pro (100, not 150); D left in March (its Pro of 15 days never counts: churned
        # 50, not a customer in March); E joined and left within March, on Pro (100, not 150)
        ["2026-03", 3, 2, 1, 4, 200.0, 50.0, 50.0, 350.0],
        ["2026-04", 4, 0, 1, 3, 0.0, 50.0, 100.0, 300.0],  # E lost; B's second subscription
    ]


def test_a_a_plan_change_within_a_month_in_a_parquet_file_on_duckdb(tmp_path: Path) -> None:
    from io import StringIO

    frame = pd.read_csv(StringIO(PLAN_CHANGES), parse_dates=["created", "ended_at"])
    path = tmp_path / "subscriptions.parquet"
    frame.to_parquet(path)
    # a Parquet float of whole amounts beside cus_ ids, no currency column: cents or units is asked (--amounts)
    got = run(tmp_path, "--subscriptions", path, "--columns", PLAN_MAP, "--amounts", "units", backend="duckdb")
    assert _moves(got)[2] == [
        "2026-03",
        3,
        2,
        1,
        4,
        200.0,
        50.0,
        50.0,
        350.0,
    ]


def test_a_a_plan_change_within_a_month_on_postgres() -> None:
    from io import StringIO

    import ibis
    from postgres_server import throwaway_server

    from xl_retention import relational as R

    frame = pd.read_csv(StringIO(PLAN_CHANGES), parse_dates=["created", "ended_at"])
    frame = frame[["customer", "amount", "interval", "created", "ended_at"]]
    with throwaway_server("xl-retention-pg-h50-") as url:
        con = R.connect("postgres", url)
        con.create_table("subs", schema=ibis.memtable(frame).schema())
        con.insert("subs", frame)
        columns = {"customer_id": "customer", "start": "created", "end": "ended_at"}
        moves = R.subscription_tables(con.table("subs"), backend=con, columns=columns).movements
    assert moves["mrr_end"].tolist() == [150.0, 150.0, 350.0, 300.0]
    assert moves["new_mrr"].tolist() == [150.0, 0.0, 200.0, 0.0]


# -- b: an export without ids pasted twice ---------------------------------------------------------------------------
TWICE = "customer,plan,mrr,start,end\nA,Basic,50,2026-01-05,\nB,Pro,100,2026-01-10,2026-03-02\n"
COPIED = (
    "rows identical in every column to an earlier row, in a file without a subscription id to tell two subscriptions "
    "apart: the same export pasted twice (or overlapping exports appended?), whose MRR would count twice"
)
ADVICE = (
    "remove the repeated rows, or, if they are subscriptions of their own, add a column of their ids (subscription_id) "
    "or write one row with their quantity"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_b_an_export_without_ids_pasted_twice_is_refused_naming_the_rows(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(TWICE + TWICE.split("\n", 1)[1])
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=customer", "--backend", backend,
                  "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert (
        err == f"subs.csv, column 'customer': {COPIED} in rows 4, 5 (counting the header as row 1): 'A', 'B': {ADVICE}"
    )


def test_b_a_parquet_file_pasted_twice_is_refused_on_duckdb(tmp_path: Path, capsys) -> None:
    from io import StringIO

    frame = pd.read_csv(StringIO(TWICE), parse_dates=["start", "end"])
    path = tmp_path / "subs.parquet"
    pd.concat([frame, frame]).to_parquet(path, index=False)
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=customer", "--backend", "duckdb",
                  "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert err.startswith(f"subs.parquet, column 'customer': {COPIED} in rows 3, 4")


def test_b_a_billing_snapshot_pasted_twice_is_refused_and_once_is_read(tmp_path: Path, capsys) -> None:
    once = "Customer ID,Month,Plan Amount,Plan Interval\ncus_A,2026-01,1200.00,year\ncus_A,2026-02,1200.00,year\n"
    path = tmp_path / "billing.csv"
    path.write_text(once + once.split("\n", 1)[1])
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert err.startswith(f"billing.csv, column 'Customer ID': {COPIED} in rows 4, 5")
    path.write_text(once)
    assert pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")["mrr_end"].tolist() == [100.0, 100.0]


def test_b_two_subscriptions_alike_with_their_ids_add_up(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("id,customer,mrr,start\nsub_1,A,50,2026-01-05\nsub_2,A,50,2026-01-05\n")
    out = run(tmp_path, "--subscriptions", path, "--columns", "customer_id=customer")
    assert pd.read_csv(out / "movements.csv")[["customers_end", "mrr_end"]].values.tolist() == [[1, 100.0]]


# -- c: pauses ---------------------------------------------------------------------------------------------------------
PAUSED_PROBLEM = (
    "subscriptions paused (a paused subscription pays nothing, and its start and end do not say the months it paid, "
    "nor whether the pause is over): end each row the day it paused and write a row of its own from the day it "
    "resumed, then remove the column (or remove the rows of subscriptions still paused)"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "value"),
    [("paused_at", "2026-02-10"), ("Pause Collection Behavior", "void"), ("subscriptions.resume_date", "2026-04-01")],
)
def test_c_a_pause_column_with_a_value_is_refused_naming_it(
    tmp_path: Path, capsys, backend: str, column: str, value: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(f"id,customer,status,amount,interval,start,ended_at,{column}\n"
                    "sub_1,A,active,50,month,2026-01-05,,\n"
                    f"sub_2,B,active,100,month,2026-01-10,,{value}\n")  # fmt: skip
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=customer,end=ended_at",
                  "--backend", backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert err == f"subs.csv, column {column!r}: {PAUSED_PROBLEM} in row 3 (counting the header as row 1): {value!r}"


def test_c_an_empty_pause_column_is_read(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("id,customer,amount,interval,start,ended_at,paused_at,remaining_pause_cycles\n"
                    "sub_1,A,50,month,2026-01-05,2026-03-02,,0\nsub_2,B,100,month,2026-01-10,,,\n")  # fmt: skip
    out = run(tmp_path, "--subscriptions", path, "--columns", "customer_id=customer,end=ended_at")
    assert pd.read_csv(out / "movements.csv")["mrr_end"].tolist() == [150.0, 150.0, 100.0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_c_a_snapshot_flagged_paused_with_an_mrr_is_refused_and_with_0_read(
    tmp_path: Path, capsys, backend: str
) -> None:
    path = tmp_path / "snaps.csv"
    rows = "customer_id,month,mrr,is_paused\nA,2026-01,50,false\nA,2026-02,{},true\nB,2026-01,100,\nB,2026-02,100,\n"
    path.write_text(rows.format(50))
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert err.startswith("snaps.csv, column 'is_paused': snapshot rows with an MRR whose pause column says the ")
    assert err.endswith("in row 3 (counting the header as row 1): 'true'")
    path.write_text(rows.format(0))
    moves = _moves(run(tmp_path, "--subscriptions", path, backend=backend))
    assert moves == [["2026-01", 0, 2, 0, 2, 150.0, 0.0, 0.0, 150.0], ["2026-02", 2, 0, 1, 1, 0.0, 0.0, 50.0, 100.0]]


# -- d: snapshots of one row per subscription, or per state of a month -------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_d_one_row_per_subscription_and_month_adds_a_customers_subscriptions_up(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "snaps.csv"
    path.write_text("customer_id,subscription_id,month,mrr\nA,sub_1,2026-01,50\nA,sub_2,2026-01,30\n"
                    "B,sub_3,2026-01,100\nA,sub_1,2026-02,50\nA,sub_2,2026-02,0\nB,sub_3,2026-02,100\n")  # fmt: skip
    moves = _moves(run(tmp_path, "--subscriptions", path, backend=backend))
    # A: 80 in January (two subscriptions: one customer), 50 in February (a contraction, not a lost customer)
    assert moves == [["2026-01", 0, 2, 0, 2, 180.0, 0.0, 0.0, 180.0], ["2026-02", 2, 0, 0, 2, 0.0, 0.0, 0.0, 150.0]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_d_a_paused_row_beside_the_months_paying_row_is_one_customer(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "snaps.csv"
    path.write_text("customer_id,month,mrr,status\nA,2026-01,50,active\nA,2026-02,0,paused\n"
                    "A,2026-02,50,active\nB,2026-01,100,active\nB,2026-02,100,active\nA,2026-03,0,paused\n"
                    "B,2026-03,100,active\n")  # fmt: skip
    moves = _moves(run(tmp_path, "--subscriptions", path, backend=backend))
    assert moves == [
        ["2026-01", 0, 2, 0, 2, 150.0, 0.0, 0.0, 150.0],
        ["2026-02", 2, 0, 0, 2, 0.0, 0.0, 0.0, 150.0],  # paused and resumed in February: a customer all along
        ["2026-03", 2, 0, 1, 1, 0.0, 0.0, 50.0, 100.0],  # paused all March: not paying
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_d_two_mrrs_of_one_customer_and_month_without_ids_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "snaps.csv"
    path.write_text("customer_id,plan,month,mrr\nA,Basic,2026-01,50\nA,Pro,2026-01,100\nB,Basic,2026-01,50\n")
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert err == (
        "snaps.csv, column 'customer_id, month': rows of one customer and month with an MRR each, in a file without a "
        "subscription id (two subscriptions, a plan change within the month, or a row pasted twice? which MRR the "
        "month has cannot be told) in rows 2, 3 (counting the header as row 1): keep one row per customer and month, "
        "or add a column of each subscription's id (subscription_id; under another name: --columns "
        "subscription_id=NAME) to add them up"
    )


def test_d_a_parquet_file_of_subscription_rows_on_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "snaps.parquet"
    frame = pd.DataFrame({"customer_id": ["A", "A", "B"], "subscription_id": ["s1", "s2", "s3"],
                          "month": pd.to_datetime(["2026-01-01"] * 3), "mrr": [50.0, 30.0, 100.0]})  # fmt: skip
    frame.to_parquet(path, index=False)
    assert _moves(run(tmp_path, "--subscriptions", path, backend="duckdb")) == [
        ["2026-01", 0, 2, 0, 2, 180.0, 0.0, 0.0, 180.0]
    ]


# -- e: an .xlsx export's title and empty rows -------------------------------------------------------------------------
SNAPSHOT_ROWS = [["customer_id", "month", "mrr"], ["A", "2026-01", 50], ["B", "2026-01", 100], ["A", "2026-02", 50],
                 ["B", "2026-02", 100], ["C", "2026-02", 30]]  # fmt: skip


def _workbook(path: Path, titles: int, blank_after_title: bool, rows: list) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Subs"
    for n in range(titles):
        sheet.cell(n + 1, 1, ["Subscriptions export - March 2026", "Generated 2026-03-02"][n])
        sheet.merge_cells(start_row=n + 1, start_column=1, end_row=n + 1, end_column=5)
    if blank_after_title:
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("titles", "blank"), [(1, False), (2, False), (1, True)])
def test_e_a_merged_title_above_the_header_is_skipped(tmp_path: Path, backend: str, titles: int, blank: bool) -> None:
    path = _workbook(tmp_path / "subs.xlsx", titles, blank, SNAPSHOT_ROWS)
    assert _moves(run(tmp_path, "--subscriptions", path, backend=backend)) == [
        ["2026-01", 0, 2, 0, 2, 150.0, 0.0, 0.0, 150.0],
        ["2026-02", 2, 1, 0, 3, 30.0, 0.0, 0.0, 180.0],
    ]


def test_e_a_refusal_under_a_title_names_the_sheets_rows(tmp_path: Path, capsys) -> None:
    rows = [*SNAPSHOT_ROWS[:3], ["A", "2026-02", -5]]
    path = _workbook(tmp_path / "subs.xlsx", 1, False, rows)
    err = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "out"))
    assert err == "subs.xlsx, column 'mrr': negative MRR in row 5 of sheet 'Subs': -5"


@pytest.mark.parametrize("backend", BACKENDS)
def test_e_an_empty_row_inside_the_table_is_refused_naming_it(tmp_path: Path, capsys, backend: str) -> None:
    rows = [*SNAPSHOT_ROWS[:3], [], *SNAPSHOT_ROWS[3:]]
    path = _workbook(tmp_path / "subs.xlsx", 1, True, rows)
    err = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "out"))
    assert err == (
        "subs.xlsx: an empty row inside the table on sheet 'Subs', in row 6: delete it (if what is below it is not "
        "the table's, move that to a sheet of its own)"
    )


# -- f: a subscription's phases; a subscription id on each month's snapshot ------------------------------------------
PHASES = (
    "subscription_id,customer,plan,mrr,start,end\n"
    "sub_1,A,Basic,50,2026-01-05,2026-03-12\n"
    "sub_1,A,Pro,100,2026-03-12,\n"
    "sub_2,B,Basic,50,2026-01-10,\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_f_a_subscriptions_phases_are_its_periods(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(PHASES)
    moves = _moves(run(tmp_path, "--subscriptions", path, "--columns", "customer_id=customer", backend=backend))
    assert moves == [
        ["2026-01", 0, 2, 0, 2, 100.0, 0.0, 0.0, 100.0],
        ["2026-02", 2, 0, 0, 2, 0.0, 0.0, 0.0, 100.0],
        ["2026-03", 2, 0, 0, 2, 0.0, 50.0, 0.0, 150.0],
    ]


def test_f_phases_in_a_parquet_file_on_duckdb(tmp_path: Path) -> None:
    from io import StringIO

    path = tmp_path / "subs.parquet"
    pd.read_csv(StringIO(PHASES), parse_dates=["start", "end"]).to_parquet(path, index=False)
    moves = _moves(run(tmp_path, "--subscriptions", path, "--columns", "customer_id=customer", backend="duckdb"))
    assert [m[-1] for m in moves] == [100.0, 100.0, 150.0]


def test_f_one_subscription_in_two_states_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(
        "subscription_id,customer,mrr,start,end\nsub_1,A,50,2026-01-05,\nsub_1,A,50,2026-01-05,2026-03-12\n"
    )
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=customer", "--to-csv",
                  str(tmp_path / "out"))  # fmt: skip
    assert err.startswith("subs.csv, column 'subscription_id': rows with the id of an earlier row and other values")
    assert err.endswith("in row 3 (counting the header as row 1): 'sub_1': keep the row of the latest export")


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_f_a_subscription_id_on_each_months_snapshot_is_read(tmp_path: Path, suffix: str) -> None:
    frame = pd.DataFrame({"customer_id": ["A", "A", "B"], "subscription_id": ["s1", "s1", "s2"],
                          "month": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-01-01"]),
                          "mrr": [50.0, 60.0, 100.0]})  # fmt: skip
    path = tmp_path / f"snaps.{suffix}"
    frame.to_csv(path, index=False) if suffix == "csv" else frame.to_parquet(path, index=False)
    moves = _moves(run(tmp_path, "--subscriptions", path, backend="duckdb" if suffix == "parquet" else "pandas"))
    assert moves == [["2026-01", 0, 2, 0, 2, 150.0, 0.0, 0.0, 150.0], ["2026-02", 2, 0, 1, 1, 0.0, 10.0, 100.0, 60.0]]


# -- g: an interval of no service -------------------------------------------------------------------------------------
NO_SERVICE = (
    "an end at the start, with an MRR (a subscription of no service: cancelled as it began, or a payment that failed? "
    "it would count as a customer and MRR in its month): remove these rows, or give the day service stopped"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_g_an_interval_that_ends_when_it_starts_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("id,customer,amount,interval,start,ended_at\nsub_1,A,50,month,2026-01-05,\n"
                    "sub_2,B,100,month,2026-02-10,2026-02-10\n")  # fmt: skip
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "customer_id=customer,end=ended_at",
                  "--backend", backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert err == f"subs.csv, column 'ended_at': {NO_SERVICE} in row 3 (counting the header as row 1): '2026-02-10'"


def test_g_an_interval_of_no_service_in_a_parquet_file_on_duckdb(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.parquet"
    frame = pd.DataFrame({"customer_id": ["A", "B"], "start": pd.to_datetime(["2026-01-05", "2026-02-10"]),
                          "end": pd.to_datetime([None, "2026-02-10"]), "mrr": [50.0, 100.0]})  # fmt: skip
    frame.to_parquet(path, index=False)
    err = refusal(capsys, "--subscriptions", str(path), "--backend", "duckdb", "--to-csv", str(tmp_path / "out"))
    assert err.startswith(
        f"subs.parquet, column 'end': {NO_SERVICE} in row 2 (counting the Parquet file's first record as row 1)"
    )


def test_g_a_day_of_service_counts_in_its_month(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer,mrr,start,end\nA,50,2026-01-05,\nB,100,2026-02-10,2026-02-11\n")
    out = run(tmp_path, "--subscriptions", path, "--columns", "customer_id=customer")
    assert [m[-1] for m in _moves(out)] == [50.0, 150.0, 50.0]
