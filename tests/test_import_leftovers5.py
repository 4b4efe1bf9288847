"""Import faults found by trying the product as users would (fifth session): each test on its own small input.

* a: Zuora's multi-year billing periods ("Two Years", "Eighteen Months", "24 Months") are their months; a period
  that says no months ("Multi-Year") is refused naming its row and value, on every engine.
* b: a CSV that is not UTF-8 is Windows-1252 or MacRoman by the signs of misreading each reading shows; a MacRoman
  file whose only non-ASCII characters are symbols (™ • –) is MacRoman, and a file both read alike well is refused.
* c: ``xl-retention sql --segment`` breaks a tie between segments by code point on PostgreSQL whatever the
  database's collation (an ICU en-US database puts 'basic' before 'Pro'), as pandas and every backend do.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run
from postgres_server import throwaway_server

from xl_retention import cli

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


# -- a: Zuora's multi-year billing periods ---------------------------------------------------------------------------
ZUORA = (
    "Account Number,Start Date,End Date,Billing Period,Price\n"
    "A-1,2026-01-10,2026-04-01,Month,30\n"
    "A-2,2026-01-15,2026-04-01,Two Years,2400\n"
    "A-3,2026-02-01,2026-04-01,Eighteen_Months,180\n"
    "A-4,2026-02-03,2026-04-01,24 Months,480\n"
    "A-5,2026-03-01,2026-04-01,Three Years,720\n"
)
ZUORA_COLUMNS = "customer_id=Account Number,start=Start Date,end=End Date,amount=Price"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("typed", [False, True])
def test_zuora_multi_year_periods_are_their_months(tmp_path: Path, backend: str, typed: bool) -> None:
    path = tmp_path / "zuora.csv"
    path.write_text(ZUORA)
    if typed:  # a Parquet file: its intervals are read by the engine (DuckDB) as well as by pandas
        frame = pd.read_csv(path)
        frame[["Start Date", "End Date"]] = frame[["Start Date", "End Date"]].apply(pd.to_datetime)
        path = tmp_path / "zuora.parquet"
        frame.to_parquet(path, index=False)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", ZUORA_COLUMNS, backend=backend)
                        / "movements.csv")  # fmt: skip
    # 30 + 2400/24 = 130; + 180/18 + 480/24 = 160; + 720/36 = 180
    assert moves[["month", "mrr_end"]].values.tolist() == [
        ["2026-01", 130.0], ["2026-02", 160.0], ["2026-03", 180.0], ["2026-04", 0.0],
    ]  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("period", ["Multi-Year", "Subscription Term", "Biannual", "0 Years"])
@pytest.mark.parametrize("typed", [False, True])
def test_a_period_that_says_no_months_is_refused(
    tmp_path: Path, capsys, backend: str, period: str, typed: bool
) -> None:
    path = tmp_path / "zuora.csv"
    path.write_text(ZUORA.replace("Two Years", period))
    if typed:
        path = tmp_path / "zuora.parquet"
        pd.read_csv(tmp_path / "zuora.csv", parse_dates=["Start Date", "End Date"]).to_parquet(path, index=False)
    args = ("--subscriptions", str(path), "--columns", ZUORA_COLUMNS, "--backend", backend)
    row_2, row_3 = "row 2 (counting the Parquet file's first record as row 1)", "row 3 (counting the header as row 1)"
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "o")) == (
        f"{path.name}, column 'Billing Period': billing intervals that are not day, week, month, quarter, half-year or "
        "year, or a whole number of them ('Two Years', '18 months', 'every 3 months': a value such as 'Multi-Year' "
        "does not say how many months, nor does '12x monthly', every 12 months or 12 monthly payments?) in "
        f"{row_2 if typed else row_3}: {period!r}: map interval to a column that says how many months each interval is"
    )
    assert not (tmp_path / "o").exists()


def test_interval_spellings() -> None:
    from xl_retention.reading.billing import interval_months

    spelled = {"Monthly": 1, "Semi-Annual": 6, "Two Years": 24, "Eighteen_Months": 18, "Five Years": 60,
               "24 months": 24, "every 3 months": 3, "Monthly x1": 1, "Biennial": 24}  # fmt: skip
    assert {s: interval_months(s) for s in spelled} == {s: float(m) for s, m in spelled.items()}
    vague = ("Multi-Year", "Specific Months", "biannual", "0 months", "", None, "Annual x2", "2x Yearly", "Annual (x3)")
    assert [interval_months(s) for s in vague] == [None] * len(vague)


# -- b: Windows-1252 or MacRoman ----------------------------------------------------------------------------------
def segments(out: Path) -> list[str]:
    return sorted(set(pd.read_csv(out / "purchases.csv", dtype=str, encoding="utf-8")["segment"]))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_macroman_file_of_symbols_is_macroman(tmp_path: Path, backend: str) -> None:
    text = "customer_id,date,amount,plan\na,2026-01-05,10,Pro™\nb,2026-01-06,5,A • B\nc,2026-02-01,3,2024 – 2025\n"
    (tmp_path / "orders.csv").write_bytes(text.encode("mac_roman"))  # Windows-1252 reads Proª, A ¥ B, 2024 Ð 2025
    out = run(tmp_path, "--orders", tmp_path / "orders.csv", "--segment", "plan", backend=backend)
    assert segments(out) == ["2024 – 2025", "A • B", "Pro™"]


def test_a_windows_file_of_symbols_stays_windows(tmp_path: Path) -> None:
    text = "customer_id,date,amount,plan\na,2026-01-05,€12,Pro™\nb,2026-01-06,€5,O’Neil\nc,2026-02-01,€3,Anne–Marie\n"
    (tmp_path / "orders.csv").write_bytes(text.encode("cp1252"))  # MacRoman reads OíNeil, AnneñMarie
    out = run(tmp_path, "--orders", tmp_path / "orders.csv", "--segment", "plan")
    assert segments(out) == ["Anne–Marie", "O’Neil", "Pro™"]


def test_a_file_both_read_alike_well_is_refused_and_read_with_encoding(tmp_path: Path, capsys) -> None:
    """Windows' apostrophe is MacRoman's í: 'don’t' or 'donít', nothing tells; --encoding does."""
    text = "customer_id,date,amount,note\na,2026-01-05,10,don’t\nb,2026-02-01,5,ok\n"
    (tmp_path / "orders.csv").write_bytes(text.encode("cp1252"))
    out = str(tmp_path / "o")
    assert refusal(capsys, "--orders", str(tmp_path / "orders.csv"), "--segment", "note", "--to-csv", out) == (
        "orders.csv is not UTF-8 text, and Windows-1252 (Excel's CSV on Windows) reads its first such value as "
        "'don’t', MacRoman (Mac Excel's CSV (Macintosh)) as 'donít': nothing in the file tells which is right; give "
        "its encoding: --encoding cp1252 or --encoding mac_roman"
    )
    assert not (tmp_path / "o").exists()
    got = run(tmp_path, "--orders", tmp_path / "orders.csv", "--segment", "note", "--encoding", "cp1252")
    assert segments(got) == ["don’t", "ok"]
    (tmp_path / "mac.csv").write_bytes(text.encode("mac_roman"))  # MacRoman's apostrophe is Windows' Õ: donÕt
    assert segments(run(tmp_path, "--orders", tmp_path / "mac.csv", "--segment", "note")) == ["don’t", "ok"]


def test_a_file_neither_reads_better_than_the_other_is_refused(tmp_path: Path, capsys) -> None:
    """'don´t' typed with the acute accent: Windows-1252's ´ and MacRoman's ¥ are each a sign between letters."""
    (tmp_path / "orders.csv").write_bytes("customer_id,date,amount\ndon´t,2026-01-05,10\n".encode("cp1252"))
    err = refusal(capsys, "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("orders.csv is not UTF-8 text, and Windows-1252 (Excel's CSV on Windows) reads its first "
                          "such value as 'don´t', MacRoman (Mac Excel's CSV (Macintosh)) as 'don¥t'")  # fmt: skip


# -- c: `xl-retention sql --segment` on PostgreSQL: ties by code point whatever the database's collation ------------
@pytest.fixture(scope="module")
def icu_postgres():
    """A throwaway PostgreSQL (15 or later) server whose database collation is ICU's en-US ('basic' < 'Pro')."""
    icu = ("--locale-provider=icu", "--icu-locale=en-US", "--locale=C.UTF-8")
    with throwaway_server(
        "xl-retention-pg-icu-", icu, lambda message: pytest.skip(f"no ICU collation: {message}")
    ) as url:
        yield url


def test_printed_sql_breaks_segment_ties_by_code_point(icu_postgres, capsys) -> None:
    import psycopg

    from xl_retention import tables as T
    from xl_retention.relational.segments import by_segment

    # customer a's first orders are two at one time, in 'basic' and 'Pro': the smallest by code point is 'Pro'
    stamps = pd.to_datetime(["2024-01-05 10:00", "2024-01-05 10:00", "2024-02-01 09:00", "2024-02-03 09:00"])
    orders = pd.DataFrame({"customer_id": ["a", "a", "b", "c"], "date": stamps, "amount": [10.0, 5.0, 7.0, 1.0],
                           "segment": ["basic", "Pro", "basic", "plus"]})  # fmt: skip
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "postgres", "--segment", "--table", "purchases"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    with psycopg.connect(icu_postgres, autocommit=True) as con:
        assert con.execute("SELECT 'basic' < 'Pro'").fetchone() == (True,)  # the collation that made the fault
        con.execute("CREATE TABLE orders (customer_id text, date timestamp, amount float8, segment text)")
        for r in orders.itertuples():
            con.execute("INSERT INTO orders VALUES (%s, %s, %s, %s)", (r.customer_id, r.date.to_pydatetime(),
                                                                       r.amount, r.segment))  # fmt: skip
        cursor = con.execute(sql)
        got = pd.DataFrame(cursor.fetchall(), columns=[d.name for d in cursor.description])
    buyers = {s: int(n) for s, n in got.groupby("segment")["buyers"].sum().items()}
    assert buyers == {"Pro": 1, "basic": 1, "plus": 1}  # ('pro' beside 'Pro' is refused: segment_spellings)
    months = pd.period_range("2024-01", "2024-02", freq="M")
    want = by_segment(T.order_tables, orders, "orders", "segment", months).purchases
    assert {s: int(n) for s, n in want.groupby(level=0)["buyers"].sum().items()} == buyers


def test_printed_sql_reads_segments_by_code_point_only_where_collations_differ(capsys) -> None:
    assert cli.main(["sql", "--dialect", "postgres", "--segment", "--table", "movements"]) == 0
    # the segment as read (trimmed, zero-width characters removed, one accent form: 9b899cd; a column of whole numbers
    # written 1.0 as its digits: test_sql_typed_segments), compared by code point
    assert 'END COLLATE "C" AS "segment"' in capsys.readouterr().out
    for dialect in ("duckdb", "spark", "snowflake"):
        assert cli.main(["sql", "--dialect", dialect, "--segment", "--table", "movements"]) == 0
        assert "COLLATE" not in capsys.readouterr().out
    assert cli.main(["sql", "--dialect", "postgres", "--table", "movements"]) == 0
    assert "COLLATE" not in capsys.readouterr().out


# -- d: SurveyMonkey's and Qualtrics' header rows below the header are no answers ------------------------------------
SURVEYMONKEY = (
    "Respondent ID,Collector ID,Start Date,End Date,IP Address,How likely is it that you would recommend us?,Why?\n"
    ",,,,,Response,Open-Ended Response\n"
    "114226374123,4312345,01/05/2024 10:21:33 AM,01/05/2024 10:22:01 AM,1.2.3.4,10,Great\n"
    '114226374124,4312345,01/07/2024 09:01:00 AM,01/07/2024 09:03:00 AM,1.2.3.5,6,"Slow,\nvery slow"\n'
    "114226374125,4312345,02/13/2024 11:00:00 PM,02/13/2024 11:01:00 PM,1.2.3.6,9,\n"
)
QUALTRICS = (
    "StartDate,EndDate,Status,Finished,RecordedDate,ResponseId,Q1,Q1_NPS_GROUP\n"
    "Start Date,End Date,Response Type,Finished,Recorded Date,Response ID,How likely are you to recommend us?,Group\n"
    '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate""}",'
    '"{""ImportId"":""status""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}",'
    '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID1_NPS_GROUP""}"\n'
    "2024-01-05 10:21:33,2024-01-05 10:22:01,IP Address,True,2024-01-05 10:22:02,R_1,10,3\n"
    "2024-01-07 09:01:00,2024-01-07 09:03:00,IP Address,True,2024-01-07 09:03:01,R_2,6,1\n"
    "2024-02-13 23:00:00,2024-02-13 23:01:00,IP Address,True,2024-02-13 23:01:01,R_3,9,3\n"
)
NPS_ROWS = [["2024-01", 2, 1, 0, 1, 0.0], ["2024-02", 1, 1, 0, 0, 100.0]]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("text", "columns"), [
    (SURVEYMONKEY, "date=End Date,score=How likely is it that you would recommend us?"),
    (QUALTRICS, "date=RecordedDate,score=Q1"),
])  # fmt: skip
def test_survey_tools_header_rows_are_no_answers(tmp_path: Path, capsys, backend: str, text: str, columns: str) -> None:
    (tmp_path / "nps.csv").write_text(text)
    out = run(tmp_path, "--nps", tmp_path / "nps.csv", "--columns", columns, backend=backend)
    got = pd.read_csv(out / "nps.csv", dtype={"month": str})
    assert got[["month", "responses", "promoters", "passives", "detractors", "nps"]].values.tolist() == NPS_ROWS
    # a refusal names the file's own row as Excel shows it: the third answer is on row 5 (SurveyMonkey) or 6
    bad = text.replace(",9,", ",x,").replace(",9,3", ",x,3")
    (tmp_path / "bad.csv").write_text(bad)
    err = refusal(capsys, "--nps", str(tmp_path / "bad.csv"), "--columns", columns, "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    row = 5 if text is SURVEYMONKEY else 6
    assert err.endswith(f"values that are not scores in row {row} (counting the header as row 1): 'x'"), err


def test_surveymonkey_sheet_rows_are_the_sheets(tmp_path: Path, capsys) -> None:
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Respondent ID", "Collector ID", "Start Date", "End Date", "How likely is it?"])
    sheet.append([None, None, None, None, "Response"])
    sheet.append([114226374123, 4312345, datetime.datetime(2024, 1, 5), datetime.datetime(2024, 1, 5), 10])
    sheet.append([114226374124, 4312345, datetime.datetime(2024, 1, 7), datetime.datetime(2024, 1, 7), "x"])
    book.save(tmp_path / "nps.xlsx")
    err = refusal(capsys, "--nps", str(tmp_path / "nps.xlsx"), "--columns", "date=End Date,score=How likely is it?",
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert (
        err
        == f"nps.xlsx, column 'How likely is it?': values that are not scores in row 4 of sheet '{sheet.title}': 'x'"
    )


# -- e: a report's total rows at its end are refused, not counted -------------------------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("flag", "text", "column", "row", "label"), [
    ("--orders", "customer_id,date,amount\na,2024-01-05,10\nb,2024-01-06,20\nTotal,2024-01-31,30\n", "customer_id",
     4, "Total"),
    ("--orders", "customer_id,date,amount\na,2024-01-05,10\nb,2024-01-06,20\nGrand Total:,,30\n,,\n", "customer_id",
     4, "Grand Total:"),
    ("--subscriptions", "customer_id,month,mrr\na,2024-01,10\nb,2024-01,20\nSumme,,30\nDurchschnitt,,15\n",
     "customer_id", 4, "Summe"),
    ("--nps", "date,score\n2024-01-05,10\n2024-01-06,6\nAverage,8\n", "date", 4, "Average"),
    ("--visits", "visitor_id,date\nGrand total,\nu1,2024-01-05\nu2,2024-01-06\n", "visitor_id", 2, "Grand total"),
    # Excel's pivot tables in German, Dutch, Italian, Swedish: a dated grand total was one more buyer (H49 f7)
    *[("--orders", f"customer_id,date,amount\na,2024-01-05,100\nb,2024-01-06,50\n{word},2024-01-31,150\n",
       "customer_id", 4, word) for word in ("Gesamtergebnis", "Eindtotaal", "Totale complessivo", "Totalt")],
])  # fmt: skip
def test_a_trailing_total_row_is_refused(tmp_path: Path, capsys, backend: str, flag: str, text: str, column: str,
                                         row: int, label: str) -> None:  # fmt: skip
    (tmp_path / "in.csv").write_text(text)
    err = refusal(capsys, flag, str(tmp_path / "in.csv"), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (f"in.csv, column {column!r}: a summary row of the export (its totals, not data) in "
                   f"row {row} (counting the header as row 1): {label!r}: remove it")  # fmt: skip
    assert not (tmp_path / "o").exists()


def test_a_total_further_right_is_data(tmp_path: Path) -> None:
    """A refund of the whole order ('total') in the last row is data: only a row's first filled cell labels it."""
    text = "customer_id,date,amount,refund_kind\na,2024-01-05,10,\nb,2024-01-06,20,\nTotal Foods Ltd,2024-01-09,5,\n"
    (tmp_path / "o.csv").write_text(text + "c,2024-01-10,7,total\n")
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "o.csv") / "purchases.csv", dtype={"month": str})
    assert got[["month", "buyers"]].values.tolist() == [["2024-01", 4]]


# -- f: payments and subscriptions made in test mode are refused --------------------------------------------------
STRIPE_PAYMENTS = (
    "id,Created (UTC),Amount,Amount Refunded,Currency,Mode,Status,Customer ID,Captured\n"
    "ch_1,2024-01-05 10:00:00,49.00,0.00,usd,Live,Paid,cus_A,true\n"
    'ch_2,2024-01-09 10:00:00,"1,049.00",49.00,usd,Live,Paid,cus_B,true\n'
    "ch_3,2024-02-05 10:00:00,49.00,0.00,usd,Live,Failed,cus_A,false\n"
    "ch_4,2024-02-07 10:00:00,49.00,0.00,usd,Test,Paid,cus_C,true\n"
)
STRIPE_COLUMNS = "customer_id=Customer ID,date=Created (UTC),amount=Amount"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("typed", [False, True])
def test_test_mode_rows_are_refused(tmp_path: Path, capsys, backend: str, typed: bool) -> None:
    path = tmp_path / "pay.csv"
    path.write_text(STRIPE_PAYMENTS)
    if typed:  # a Parquet file with a boolean livemode: the engine reads it as a file's
        frame = pd.read_csv(path, parse_dates=["Created (UTC)"], thousands=",")
        frame = frame.assign(livemode=frame["Mode"] == "Live").drop(columns="Mode")
        path = tmp_path / "pay.parquet"
        frame.to_parquet(path, index=False)
    err = refusal(capsys, "--orders", str(path), "--columns", STRIPE_COLUMNS, "--backend", backend, "--to-csv",
                  str(tmp_path / "o"))  # fmt: skip
    column, value = ("livemode", "False") if typed else ("Mode", "'Test'")
    where = (
        "row 4 (counting the Parquet file's first record as row 1)" if typed else "row 5 (counting the header as row 1)"
    )
    assert err == (f"{path.name}, column {column!r}: rows made in test mode (no customer paid them) in {where}: "
                   f"{value}: remove them, or export live mode only")  # fmt: skip
    (tmp_path / "live.csv").write_text(STRIPE_PAYMENTS.replace(",Test,", ",Live,").replace("cus_C", "cus_A"))
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "live.csv", "--columns", STRIPE_COLUMNS, backend=backend)
                      / "purchases.csv", dtype={"month": str})  # fmt: skip
    assert got[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]


def test_test_mode_subscriptions_are_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "subs.csv").write_text("customer_id,month,mrr,is_test\na,2024-01,10,false\nqa,2024-01,10,TRUE\n")
    err = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(tmp_path / "o"))
    assert err.startswith("subs.csv, column 'is_test': rows made in test mode")
    assert err.endswith("row 3 (counting the header as row 1): 'TRUE': remove them, or export live mode only")


# -- g: Excel's date numbers in a CSV file are named as such (never read as dates) ---------------------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_excel_date_numbers_in_a_csv_are_named(tmp_path: Path, capsys, backend: str) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date,amount\na,45296,10\nb,45300.5,20\n")
    err = refusal(capsys, "--orders", str(tmp_path / "o.csv"), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "o.csv, column 'date': dates that do not parse (Excel's date numbers? 45296 is 2024-01-05 in Excel) in rows "
        "2, 3 (counting the header as row 1): '45296', '45300.5': format the column as dates in Excel before saving "
        "the CSV file, or export it again from the source system"
    )
    (tmp_path / "p.csv").write_text("customer_id,date,amount\na,202401,10\n")  # not five digits: no such guess
    err = refusal(capsys, "--orders", str(tmp_path / "p.csv"), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert "Excel's date numbers" not in err


# -- h: a header row repeated inside the data (files appended with their headers) is named as such ------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_repeated_header_row_is_named(tmp_path: Path, capsys, backend: str) -> None:
    text = "Customer,Month,MRR\na,2024-01,10\nb,2024-01,20\nCustomer,Month,MRR\na,2024-02,10\n"
    (tmp_path / "subs.csv").write_text(text)
    err = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", "customer_id=Customer",
                  "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == ("subs.csv, column 'Customer': rows that repeat the header (files appended with their headers?) in "
                   "row 4 (counting the header as row 1): 'Customer': remove them")  # fmt: skip
    (tmp_path / "ok.csv").write_text(text.replace("Customer,Month,MRR\na,2024-02", "Customer,2024-02,5\na,2024-02"))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", tmp_path / "ok.csv", "--columns", "customer_id=Customer",
                            backend=backend) / "movements.csv", dtype={"month": str})  # fmt: skip
    assert moves[["month", "customers_end", "mrr_end"]].values.tolist() == [["2024-01", 2, 30.0], ["2024-02", 2, 15.0]]


# -- i: local currency signs of several letters (R$, kr, zł, Kč, US$, ...) are currencies --------------------------
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("first", "second", "total"), [
    ("R$ 1.234,56", "R$ 5,00", 1239.56), ("1 234,50 kr", "5 kr", 1239.5), ("1.234,50 zł", "5,00 zł", 1239.5),
    ("US$ 1,234.50", "US$5", 1239.5), ("Fr. 1'234.50", "Fr. 5.00", 1239.5),
    ("CHF 1’234.50", "CHF 5", 1239.5), ("-R$ 5,00", "R$ 7,50", 7.5),
])  # fmt: skip
def test_local_currency_signs(tmp_path: Path, backend: str, first: str, second: str, total: float) -> None:
    (tmp_path / "o.csv").write_text(f"customer_id;date;amount\na;2024-01-05;{first}\nb;2024-01-06;{second}\n")
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "o.csv", backend=backend) / "order_revenue_cohorts.csv",
                      dtype={"cohort": str})  # fmt: skip
    assert got["0"].tolist() == [total]


@pytest.mark.parametrize(("first", "second", "named"), [
    ("R$ 5,00", "$ 5,00", "BRL, $"), ("5 kr", "5 zł", "kr, PLN"), ("5 kr", "5 SEK", "kr, SEK"),
    ("5 kr SEK", "5 kr", None), ("A$5", "C$5", "AUD, CAD"),
])  # fmt: skip
def test_two_local_currencies_are_refused(tmp_path: Path, capsys, first: str, second: str, named: str | None) -> None:
    (tmp_path / "o.csv").write_text(f"customer_id;date;amount\na;2024-01-05;{first}\nb;2024-01-06;{second}\n")
    args = ("--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "o"))
    if named is None:  # kr written with one krona code: that krona
        assert cli.main(["import", *args]) == 0
        return
    assert refusal(capsys, *args).startswith(f"o.csv, column 'amount': amounts in 2 currencies ({named}) in rows 2, 3")


@pytest.mark.parametrize("backend", BACKENDS)
def test_unix_timestamps_in_a_csv_are_named(tmp_path: Path, capsys, backend: str) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date,amount\na,1704448800,10\nb,1707814800123,20\n")
    err = refusal(capsys, "--orders", str(tmp_path / "o.csv"), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "o.csv, column 'date': dates that do not parse (Unix timestamps? 1704448800 is 2024-01-05 10:00:00 UTC) in "
        "rows 2, 3 (counting the header as row 1): '1704448800', '1707814800123': convert them to dates first, e.g. "
        "in Excel =A2/86400+DATE(1970,1,1) formatted as a date"
    )


# -- j: failed payments of billing systems' transaction exports are no purchases -----------------------------------
CHARGEBEE_TRANSACTIONS = (
    "transactions.id,transactions.customer_id,transactions.date,transactions.amount,transactions.type,"
    "transactions.status,transactions.currency_code\n"
    "tx1,c1,2024-01-05,49.00,payment,success,USD\ntx2,c2,2024-01-07,49.00,payment,success,USD\n"
    "tx3,c1,2024-02-05,49.00,payment,success,USD\ntx4,c2,2024-02-07,49.00,payment,{status},USD\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("status", ["failure", "timeout", "processor_declined"])
def test_failed_payments_of_billing_exports_are_left_out(tmp_path: Path, backend: str, status: str) -> None:
    (tmp_path / "tx.csv").write_text(CHARGEBEE_TRANSACTIONS.format(status=status))
    columns = "date=transactions.date,amount=transactions.amount"
    out = run(tmp_path, "--orders", tmp_path / "tx.csv", "--columns", columns, backend=backend)
    got = pd.read_csv(out / "purchases.csv", dtype={"month": str})
    assert got[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]


@pytest.mark.parametrize(("text", "encoding", "read"), [
    ("id,amount\n1,€12\n2,\"12,50 €\"\n", "cp1252", "cp1252"),  # MacRoman: Ä12, a capital that is no word
    ("id,amount\n1,€12\n", "mac_roman", "mac_roman"),  # Windows-1252: Û12
    ("name\nMÜLLER\nJOSÉ\n", "cp1252", "cp1252"),
    ("name\nMÜLLER\nJOSÉ\n", "mac_roman", "mac_roman"),
    ("name\nMüller\n", "cp850", "cp850"),  # MS-DOS: Windows-1252 has no such byte, MacRoman reads MÅller
    ("name\nCafé\n", "cp850", "cp850"),  # Windows-1252: Caf‚, MacRoman: CafÇ
    ("name\nBásico\n", "cp850", "cp850"),  # Windows-1252: B sico (a no-break space), MacRoman: B†sico
    ("name\nStraße\n", "cp850", None),  # Windows-1252: Straáe, MacRoman: Stra·e: nothing tells, refused
])  # fmt: skip
def test_code_page_signs(text: str, encoding: str, read: str | None) -> None:
    from xl_retention.reading import DataError
    from xl_retention.reading.codepages import single_byte_encoding

    if read is None:
        refused = r"^x.csv is not UTF-8 text.*'Straáe'.*'Stra·e'.*'Straße'.*--encoding cp1252 or"
        with pytest.raises(DataError, match=refused):
            single_byte_encoding(text.encode(encoding), "x.csv")
    else:
        assert single_byte_encoding(text.encode(encoding), "x.csv") == read


# -- a on every engine: Spark (local) and PostgreSQL read Zuora's multi-year periods alike ---------------------------


ZUORA_FRAME = pd.DataFrame({
    "Account Number": ["A-1", "A-2", "A-3", "A-4"],
    "start": pd.to_datetime(["2026-01-10", "2026-01-15", "2026-02-01", "2026-02-03"]),
    "end": pd.to_datetime(["2026-04-01"] * 4),
    "Billing Period": ["Month", "Two Years", "Eighteen Months", "24 Months"],
    "Price": [30.0, 2400.0, 180.0, 480.0],
})  # fmt: skip
ZUORA_MAP = {"customer_id": "Account Number", "amount": "Price"}
ZUORA_MRR = [130.0, 160.0, 160.0, 0.0]  # 30 + 100; + 10 + 20


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
def test_zuora_multi_year_periods_on_spark(spark) -> None:
    from xl_retention import relational as R
    from xl_retention.reading import DataError

    assert R.subscription_tables(ZUORA_FRAME, columns=ZUORA_MAP).movements["mrr_end"].tolist() == ZUORA_MRR
    got = R.subscription_tables(spark.createDataFrame(ZUORA_FRAME), columns=ZUORA_MAP)
    assert got.movements["mrr_end"].tolist() == ZUORA_MRR
    bad = ZUORA_FRAME.assign(**{"Billing Period": ["Month", "Multi-Year", "Month", "Month"]})
    with pytest.raises(DataError, match=r"a value such as 'Multi-Year' does not say how many months.*'Multi-Year'"):
        R.subscription_tables(spark.createDataFrame(bad), columns=ZUORA_MAP, source="subs")


def test_zuora_multi_year_periods_on_postgres(icu_postgres) -> None:
    import ibis

    from xl_retention import relational as R

    con = R.connect("postgres", icu_postgres)
    con.create_table("zuora", schema=ibis.memtable(ZUORA_FRAME).schema())
    con.insert("zuora", ZUORA_FRAME)
    got = R.subscription_tables(con.table("zuora"), columns=ZUORA_MAP, backend=con)
    assert got.movements["mrr_end"].tolist() == ZUORA_MRR


# -- k: ids and segments with a no-break space (or an em space, ...) are one customer on every engine ----------------
ODD_SPACES = pd.DataFrame({
    "customer_id": ["abc", "abc\u00a0", "x\u2003", "x", "y\t", "y"],
    "month": pd.to_datetime(["2024-01-01", "2024-02-01"] * 3),
    "mrr": [10.0] * 6,
    "plan": ["Pro\u00a0", "Pro", "Basic", "Basic", "Pro", "Pro"],
})  # fmt: skip
ODD_MOVES = [["2024-01", 3, 0, 3], ["2024-02", 0, 0, 3]]  # month, new, lost, customers at end: no phantom churn


def moves_of(got) -> list[list[object]]:
    m = got.movements.reset_index()
    return [[str(r.month), int(r.new), int(r.lost), int(r.customers_end)] for r in m.itertuples()]


@pytest.mark.parametrize("backend", BACKENDS)
def test_odd_spaces_around_ids_are_dropped_on_every_engine(tmp_path: Path, backend: str) -> None:
    ODD_SPACES.to_parquet(tmp_path / "subs.parquet", index=False)
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.parquet", "--segment", "plan", backend=backend)
    got = pd.read_csv(out / "movements.csv", dtype={"month": str})
    assert sorted(set(got["segment"])) == ["Basic", "Pro"]
    whole = got.groupby("month")[["new", "lost", "customers_end"]].sum().reset_index().values.tolist()
    assert whole == ODD_MOVES


def test_odd_spaces_around_ids_on_spark_and_postgres(spark, icu_postgres) -> None:
    import ibis

    from xl_retention import relational as R

    assert moves_of(R.subscription_tables(spark.createDataFrame(ODD_SPACES))) == ODD_MOVES
    con = R.connect("postgres", icu_postgres)
    con.create_table("odd", schema=ibis.memtable(ODD_SPACES).schema())
    con.insert("odd", ODD_SPACES)
    assert moves_of(R.subscription_tables(con.table("odd"), backend=con)) == ODD_MOVES


# -- l: a Parquet file's zoned timestamps fall in the month of their own zone on every engine ------------------------
@pytest.mark.parametrize("backend", ["pandas", "duckdb", "spark"])
def test_zoned_parquet_timestamps_keep_their_zones_month(tmp_path: Path, backend: str, request) -> None:
    if backend == "spark":
        request.getfixturevalue("spark")  # skipped where Spark cannot run
    stamps = pd.to_datetime(["2024-01-31 23:30", "2024-01-15 10:00", "2024-02-29 23:00"]).tz_localize(
        "America/New_York"
    )
    frame = pd.DataFrame({"customer_id": ["a", "b", "a"], "date": stamps, "amount": [10.0, 5.0, 7.0]})
    frame.to_parquet(tmp_path / "orders.parquet", index=False)  # 23:30 in New York is 04:30 the next day in UTC
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "orders.parquet", backend=backend) / "purchases.csv",
                      dtype={"month": str})  # fmt: skip
    assert got[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 1, 1]]


# -- m: a hidden first sheet (an old copy) is never read unasked: the first visible sheet is ---------------------
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_hidden_first_sheet_is_not_read(tmp_path: Path, backend: str) -> None:
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    old = book.active
    old.title = "Old"
    old.append(["customer_id", "date", "amount"])
    old.append(["zz", datetime.datetime(2023, 1, 5), 999])
    old.sheet_state = "hidden"
    shown = book.create_sheet("Orders")
    shown.append(["customer_id", "date", "amount", "channel"])
    shown.append(["a", datetime.datetime(2024, 1, 5), 10, "web"])
    shown.append(["b", datetime.datetime(2024, 2, 5), 10, "web"])
    book.active = 1
    book.save(tmp_path / "orders.xlsx")
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "orders.xlsx", backend=backend) / "purchases.csv",
                      dtype={"month": str})  # fmt: skip
    assert got[["month", "buyers"]].values.tolist() == [["2024-01", 1], ["2024-02", 1]]
    shutil.copy(tmp_path / "orders.xlsx", tmp_path / "asked.xlsx")
    old_only = pd.read_csv(run(tmp_path, "--orders", tmp_path / "asked.xlsx", "--sheet", "Old", backend=backend)
                           / "purchases.csv", dtype={"month": str})  # fmt: skip
    assert old_only[["month", "buyers"]].values.tolist() == [["2023-01", 1]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_shopify_bogus_gateway_orders_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    """Shopify's test orders are paid with its Bogus Gateway: no customer paid them."""
    text = ("Name,Email,Financial Status,Total,Created at,Lineitem name,Payment Method\n"
            "#1001,kim@example.com,paid,48.20,2024-01-05 10:00:00 -0500,Tea pot,Shopify Payments\n"
            "#1001,kim@example.com,,,2024-01-05 10:00:00 -0500,Tea cup,\n"
            "#1002,me@shop.com,paid,10.80,2024-01-09 10:00:00 -0500,Tea cup,bogus\n")  # fmt: skip
    (tmp_path / "orders.csv").write_text(text)
    err = refusal(capsys, "--orders", str(tmp_path / "orders.csv"), "--columns", "customer_id=Email,date=Created at,"
                  "amount=Total", "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == ("orders.csv, column 'Payment Method': rows made in test mode (no customer paid them) in row 4 "
                   "(counting the header as row 1): 'bogus': remove them, or export live mode only")  # fmt: skip
