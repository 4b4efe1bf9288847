"""Reading real exports (xl_retention.reading): dates, ids, CSV dialects, numbers, billing, files, sheets.

Each import case of issue 10 is here on the project's own small inputs, with its right value.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_cli import status_and_output as run
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from xl_retention import cli, rfm_summary
from xl_retention.reading import (
    DataError,
    ReadOptions,
    parse_dates,
    parse_numbers,
    read_table,
    sheets_for,
    sniff_csv,
)
from xl_retention.tables import order_tables, repeat_purchases, subscription_tables, survivors

ROWS = "(counting the header as row 1)"


def table(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="") as handle:
        return {row["month"]: row for row in csv.DictReader(handle)}


def column(path: Path, name: str) -> list[tuple[str, str]]:
    return [(month, row[name]) for month, row in table(path).items()]


# -- dates: one format per column ------------------------------------------------------------
def test_day_first_is_proven_by_any_day_above_12(tmp_path, capsys) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date,amount\na,05/02/2024,10\na,13/02/2024,20\nb,20/03/2024,5\n")
    status, _, err = run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "out")
    assert status == 0, err
    assert column(tmp_path / "out" / "purchases.csv", "buyers") == [("2024-02", "1"), ("2024-03", "1")]


def test_day_first_returning_by_hand(tmp_path, capsys) -> None:
    rows = ["1,05/01/2024", "2,20/01/2024", "1,05/02/2024", "3,20/02/2024", "2,03/03/2024", "1,11/03/2024"]
    (tmp_path / "o.csv").write_text("customer_id,date\n" + "\n".join(rows) + "\n")
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "out")[0] == 0
    got = table(tmp_path / "out" / "purchases.csv")
    assert [(m, r["buyers"], r["returning"]) for m, r in got.items()] == [
        ("2024-01", "2", "0"),
        ("2024-02", "2", "1"),
        ("2024-03", "2", "2"),
    ]


def test_two_late_days_make_the_whole_column_day_first() -> None:
    dates = parse_dates(pd.Series(["03/04/2025", "04/04/2025", "13/04/2025", "25/04/2025"]), "o.csv", "date")
    assert pd.DatetimeIndex(dates).month.tolist() == [4, 4, 4, 4]


def test_an_ambiguous_column_stops_until_the_user_says(tmp_path, capsys) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date,amount\na,03/04/2025,10\nb,05/06/2025,10\n")
    status, _, err = run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "out")
    assert status == 1 and not (tmp_path / "out").exists()
    assert err.count("\n") == 1
    assert "o.csv, column 'date': the dates could be day-first or month-first" in err and "--dayfirst" in err
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "a", "--dayfirst")[0] == 0
    assert [m for m, b in column(tmp_path / "a" / "purchases.csv", "buyers") if b != "0"] == ["2025-04", "2025-06"]
    flags = ("--date-format", "%m/%d/%Y")
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "b", *flags)[0] == 0
    assert [m for m, b in column(tmp_path / "b" / "purchases.csv", "buyers") if b != "0"] == ["2025-03", "2025-05"]
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "c", "--monthfirst")[0] == 0
    assert table(tmp_path / "c" / "purchases.csv").keys() == {"2025-03", "2025-04", "2025-05"}


def test_a_column_never_mixes_conventions() -> None:
    with pytest.raises(DataError) as caught:
        parse_dates(pd.Series(["2024-01-05", "2024-01-06", "07/01/2024"]), "o.csv", "date")
    assert str(caught.value) == (
        "o.csv, column 'date': dates in another format than the rest of the column (ISO 8601, YYYY-MM-DD) "
        f"in row 4 {ROWS}: '07/01/2024'"
    )
    with pytest.raises(DataError, match="the dates are not day-first"):
        parse_dates(pd.Series(["02/13/2024"]), "o.csv", "date", ReadOptions(dayfirst=True).dates())
    with pytest.raises(DataError, match=r"dates that do not match the date format '%d\.%m\.%Y' in row 3"):
        parse_dates(
            pd.Series(["01.02.2024", "2024-02-01"]), "o.csv", "date", ReadOptions(date_format="%d.%m.%Y").dates()
        )


def test_one_layout_with_or_without_a_time_of_day() -> None:
    def days(values: list[str]) -> list[str]:
        return [str(d)[:16] for d in parse_dates(pd.Series(values), "o.csv", "date")]

    assert days(["05/02/2024", "13/02/2024 10:00", "01/03/2024 23:59"]) == [
        "2024-02-05T00:00",
        "2024-02-13T10:00",
        "2024-03-01T23:59",
    ]
    assert days(["2/5/2024", "2/13/2024 10:00 AM"]) == ["2024-02-05T00:00", "2024-02-13T10:00"]


def test_iso_basic_times_and_offsets() -> None:
    def months(values: list, **options: object) -> list[str]:
        parsed = parse_dates(pd.Series(values, dtype=object), "o.csv", "date", ReadOptions(**options).dates())
        return [str(d)[:10] for d in parsed.astype("datetime64[D]")]

    assert months(["20240315", "20240401"]) == ["2024-03-15", "2024-04-01"]
    assert months([20240315, 20240401]) == ["2024-03-15", "2024-04-01"]
    assert months(["2024-01-01 09:00", "2024-01-10", "2024-03"]) == ["2024-01-01", "2024-01-10", "2024-03-01"]
    # The date as written, whatever the offset; mixed offsets (summer time) too.
    stamps = ["2025-03-31T23:30:00-04:00", "2025-01-31T23:30:00-05:00", "2025-02-01T00:30:00+01:00"]
    assert months(stamps) == ["2025-03-31", "2025-01-31", "2025-02-01"]
    assert months(stamps, timezone="UTC") == ["2025-04-01", "2025-02-01", "2025-01-31"]
    assert months(["2025-03-31T23:30:00Z"], timezone="America/New_York") == ["2025-03-31"]
    with pytest.raises(DataError, match="unknown time zone 'Mars/Olympus'"):
        ReadOptions(timezone="Mars/Olympus")


def test_timezone_flag_moves_the_month(tmp_path, capsys) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date\na,2025-03-31T23:30:00-04:00\n")
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "w")[0] == 0
    assert list(table(tmp_path / "w" / "purchases.csv")) == ["2025-03"]
    flags = ("--timezone", "UTC")
    assert run(capsys, "import", "--orders", tmp_path / "o.csv", "--to-csv", tmp_path / "u", *flags)[0] == 0
    assert list(table(tmp_path / "u" / "purchases.csv")) == ["2025-04"]


def test_dates_before_1900_name_the_rows_and_values(tmp_path, capsys) -> None:
    (tmp_path / "orders.csv").write_text(
        "customer_id,date,amount\na,1899-12-30,100\nb,1899-12-31,100\nc,2025-01-02,1\n"
    )
    status, _, err = run(capsys, "import", "--orders", tmp_path / "orders.csv", "--to-csv", tmp_path / "out")
    assert status == 1 and not (tmp_path / "out").exists()
    assert err.startswith("xl-retention: error: orders.csv, column 'date': dates before 1900")
    assert err.rstrip().endswith(f"in rows 2, 3 {ROWS}: '1899-12-30', '1899-12-31'")


def test_excel_dates_serials_and_the_1904_system(tmp_path) -> None:
    for epoch in (None, CALENDAR_MAC_1904):
        book = openpyxl.Workbook()
        if epoch is not None:
            book.epoch = epoch
        sheet = book.active
        sheet.append(["customer_id", "date"])
        sheet.append([123, dt.datetime(2024, 3, 5, 10, 30)])
        sheet.append(["123", dt.date(2024, 4, 1)])
        book.save(tmp_path / "o.xlsx")
        df = read_table(tmp_path / "o.xlsx")
        assert df.attrs["excel_epoch"] == ("1904" if epoch else "1900")
        assert repeat_purchases(df)["buyers"].to_dict() == {pd.Period("2024-03", "M"): 1, pd.Period("2024-04", "M"): 1}
        # The number 123 and the text "123" are one customer: returning in April.
        assert repeat_purchases(df)["returning"].tolist() == [0, 1]
    # A serial number in a cell formatted as a date is a date of the workbook's system; one in a cell not formatted
    # as a date is what Excel shows, a number: refused as a CSV file's number is (H3 g09: 202601 was read as 2454-09)
    for epoch, first in ((None, "2024-03-05"), (CALENDAR_MAC_1904, "2024-03-05")):
        book = openpyxl.Workbook()
        if epoch is not None:
            book.epoch = epoch
        sheet = book.active
        sheet.append(["customer_id", "date"])
        sheet.append(["a", 45356.0 if epoch is None else 45356.0 - 1462])
        sheet["B2"].number_format = "yyyy-mm-dd"
        sheet.append(["a", 202601])
        book.save(tmp_path / "o.xlsx")
        df = read_table(tmp_path / "o.xlsx")
        assert str(df["date"].iloc[0])[:10] == first
        with pytest.raises(DataError) as caught:
            repeat_purchases(df, source="o.xlsx")
        assert str(caught.value) == (
            "o.xlsx, column 'date': numbers where dates belong (months as YYYYMM?) in row 3 of sheet 'Sheet': 202601: "
            "read them with options=ReadOptions(date_format='%Y%m')"
        )
    serials = pd.Series([45356.0, 45383.5])
    with pytest.raises(DataError, match=r"numbers where dates belong \(use dates, YYYY-MM or YYYYMMDD\)"):
        parse_dates(serials, "o.csv", "date")  # a CSV number is not a serial date
    for numbers in ([1.0, 2.0], [2026.0], [202601.0, 202602.0]):  # months, a year, YYYYMM: never serial dates
        with pytest.raises(DataError, match="numbers where dates belong"):
            parse_dates(pd.Series(numbers), "o.xlsx", "date", excel_epoch="1900")
    assert str(parse_dates(pd.Series([20260115]), "o.xlsx", "date", excel_epoch="1900")[0])[:10] == "2026-01-15"


def test_booleans_are_not_dates() -> None:
    with pytest.raises(DataError, match="TRUE/FALSE where dates belong in rows 2, 3"):
        parse_dates(pd.Series([True, False]), "o.xlsx", "date")


# -- ids are text ----------------------------------------------------------------------------
def test_ids_are_text_stripped_and_keep_leading_zeros(tmp_path, capsys) -> None:
    (tmp_path / "zeros.csv").write_text("customer_id,month,mrr\n0123,2025-01,100\n123,2025-02,50\n")
    (tmp_path / "same.csv").write_text("customer_id,month,mrr\n0123,2025-01,100\n123,2025-01,50\n")
    (tmp_path / "space.csv").write_text("customer_id,month,mrr\nabc,2025-01,100\nabc ,2025-02,100\n")
    for name in ("zeros", "same", "space"):
        assert run(capsys, "import", "--subscriptions", tmp_path / f"{name}.csv", "--to-csv", tmp_path / name)[0] == 0
    zeros = table(tmp_path / "zeros" / "movements.csv")
    wanted = ("new", "lost", "customers_end", "new_mrr", "contraction_mrr", "churned_mrr")
    assert [zeros["2025-01"][k] for k in wanted] == ["1", "0", "1", "100.0", "0.0", "0.0"]
    assert [zeros["2025-02"][k] for k in wanted] == ["1", "1", "1", "50.0", "0.0", "100.0"]
    same = table(tmp_path / "same" / "movements.csv")["2025-01"]
    assert (same["new"], same["customers_end"], same["new_mrr"]) == ("2", "2", "150.0")
    space = table(tmp_path / "space" / "movements.csv")["2025-02"]
    assert (space["new"], space["lost"], space["customers_end"], space["crr"]) == ("0", "0", "1", "1.0")


# -- scores ----------------------------------------------------------------------------------
def test_true_false_are_not_scores(tmp_path, capsys) -> None:
    (tmp_path / "nps.csv").write_text("date,score\n2025-01-05,TRUE\n2025-01-06,FALSE\n")
    status, _, err = run(capsys, "import", "--nps", tmp_path / "nps.csv", "--to-csv", tmp_path / "out")
    assert status == 1 and not (tmp_path / "out").exists()
    message = f"nps.csv, column 'score': TRUE/FALSE where scores belong in rows 2, 3 {ROWS}: 'TRUE', 'FALSE'"
    assert err == f"xl-retention: error: {message}\n"
    book = openpyxl.Workbook()
    book.active.append(["date", "score"])
    book.active.append([dt.date(2025, 1, 5), True])
    book.active.append([dt.date(2025, 1, 6), 9])
    book.save(tmp_path / "nps.xlsx")
    status, _, err = run(capsys, "import", "--nps", tmp_path / "nps.xlsx", "--to-csv", tmp_path / "out")
    assert status == 1  # a workbook's rows are the sheet's own rows (tests/test_reading_rows.py)
    assert "nps.xlsx, column 'score': TRUE/FALSE where scores belong in row 2 of sheet 'Sheet': True" in err


# -- columns ---------------------------------------------------------------------------------
def test_repeated_column_names_and_missing_mapped_columns_stop(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text("customer_id,month,mrr,mrr\na,2025-01,100,5\n")
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "out")
    assert (status, err) == (1, "xl-retention: error: subs.csv: 2 columns match 'mrr' ('mrr' (column 3), 'mrr' (column "
                                "4)): rename or remove the one that is not it\n")  # fmt: skip
    (tmp_path / "ok.csv").write_text("Customer,month,mrr\na,2025-01,100\n")
    args = ("--subscriptions", tmp_path / "ok.csv", "--columns", "customer_id=Client", "--to-csv", tmp_path / "out")
    status, _, err = run(capsys, "import", *args)
    assert status == 1 and not (tmp_path / "out").exists()
    assert err == (
        "xl-retention: error: ok.csv: no column 'Client' (given for customer_id); "
        "columns found: 'Customer', 'month', 'mrr'\n"
    )
    # A file that has our own name too: the entry matches nothing in any input, and is refused all the same.
    (tmp_path / "own.csv").write_text("customer_id,month,mrr\na,2025-01,100\n")
    args = ("--subscriptions", tmp_path / "own.csv", "--columns", "customer_id=Client", "--to-csv", tmp_path / "out")
    status, _, err = run(capsys, "import", *args)
    assert (status, err) == (
        1,
        "xl-retention: error: --columns customer_id=Client: no input file has a column 'Client' (own.csv)\n",
    )
    assert not (tmp_path / "out").exists()


# -- CSV dialects and numbers ----------------------------------------------------------------
ORDERS = [("0042", "2024-01-05", "12.50"), ("0042", "2024-02-07", "1234.00"), ("7", "2024-02-19", "3.25")]


def write_dialect(path: Path, sep: str, decimal: str, encoding: str, dates: str) -> None:
    lines = [sep.join(("customer_id", "date", "amount"))]
    for cid, day, amount in ORDERS:
        stamp = pd.Timestamp(day).strftime(dates)
        value = amount.replace(".", decimal)
        if decimal == "," and sep == ",":
            value = f'"{value}"'
        lines.append(sep.join((cid, stamp, value)))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


@pytest.mark.parametrize(
    ("sep", "decimal", "encoding", "dates"),
    [
        (",", ".", "utf-8", "%Y-%m-%d"),
        (";", ",", "utf-8-sig", "%d/%m/%Y"),
        ("\t", ".", "utf-16", "%m/%d/%Y %H:%M"),  # Excel's "Unicode Text": UTF-16 LE with a BOM, tabs
        ("|", ",", "cp1252", "%Y%m%d"),
        (",", ",", "utf-8", "%d.%m.%Y"),
    ],
)
def test_dialects_give_the_same_tables(tmp_path, sep, decimal, encoding, dates) -> None:
    write_dialect(tmp_path / "o.csv", sep, decimal, encoding, dates)
    expected = order_tables(pd.DataFrame(ORDERS, columns=["customer_id", "date", "amount"]))
    got = order_tables(read_table(tmp_path / "o.csv"))
    for left, right in zip(expected, got, strict=True):
        pd.testing.assert_frame_equal(left, right)
    assert got.revenue_cohorts.iloc[0].tolist() == [12.5, 1234.0]


def test_overrides_and_sniffing(tmp_path, capsys) -> None:
    (tmp_path / "o.csv").write_text("customer_id;date;amount\na;2024-01-05;1,234\nb;2024-01-06;2,5\n")
    assert sniff_csv(tmp_path / "o.csv").sep == ";"
    assert sniff_csv(tmp_path / "o.csv", sep="tab").sep == "\t"
    # '2,5' shows the column's decimal mark is a comma, so '1,234' is 1.234.
    assert order_tables(read_table(tmp_path / "o.csv")).revenue_cohorts.iloc[0, 0] == pytest.approx(3.734)
    (tmp_path / "p.csv").write_text("customer_id;date;amount\na;2024-01-05;1,234\n")
    with pytest.raises(
        DataError,
        match=r"column 'amount': numbers whose decimal mark cannot be told .* '1,234': give options=ReadOpt.*$",
    ):
        order_tables(read_table(tmp_path / "p.csv"), source="p.csv")
    for decimal, total in ((",", "1.234"), (".", "1234.0")):
        args = ("import", "--orders", tmp_path / "p.csv", "--decimal", decimal, "--to-csv", tmp_path / decimal)
        assert run(capsys, *args)[0] == 0
        with open(tmp_path / decimal / "order_revenue_cohorts.csv") as handle:
            assert handle.read().splitlines()[1].split(",")[1] == total
    (tmp_path / "nobom.csv").write_bytes("customer_id\tdate\r\nb\t2024-01-05\r\n".encode("utf-16-le"))
    with pytest.raises(DataError, match="binary content.*give --encoding utf-16-le"):
        read_table(tmp_path / "nobom.csv")
    assert read_table(tmp_path / "nobom.csv", encoding="utf-16-le")["customer_id"].tolist() == ["b"]
    (tmp_path / "latin.csv").write_bytes("customer_id,date\nJosé,2024-01-05\n".encode("cp1252"))
    assert read_table(tmp_path / "latin.csv")["customer_id"].tolist() == ["José"]
    assert read_table(tmp_path / "latin.csv", encoding="latin-1")["customer_id"].tolist() == ["José"]
    with pytest.raises(DataError, match="latin.csv is not utf-8 text"):
        read_table(tmp_path / "latin.csv", encoding="utf-8")


def test_currency_and_thousands() -> None:
    values = pd.Series(["$1,234.50", "€ 12,00", "(5.00)", "1 234,5 EUR", "-€3"])
    assert parse_numbers(values.iloc[[0, 2]], "o.csv", "amount").tolist() == [1234.5, -5.0]
    assert parse_numbers(values.iloc[[1, 3, 4]], "o.csv", "amount").tolist() == [12.0, 1234.5, -3.0]
    with pytest.raises(DataError, match=r"in row 2 \(counting the header as row 1\): '1,234'"):
        parse_numbers(pd.Series(["1,234"]), "o.csv", "amount")
    assert parse_numbers(pd.Series(["1,234"]), "o.csv", "amount", decimal=".").tolist() == [1234.0]
    # '1.234' is a number under either convention: the column must tell which, or the user.
    assert parse_numbers(pd.Series(["1.234", "2.50"]), "o.csv", "amount").tolist() == [1.234, 2.5]
    assert parse_numbers(pd.Series(["1.234", "2,50"]), "o.csv", "amount").tolist() == [1234.0, 2.5]
    with pytest.raises(
        DataError,
        match=r"decimal mark cannot be told .* in row 2 .*: '1\.234': give options=ReadOptions.*$",
    ):
        parse_numbers(pd.Series(["1.234", "7"]), "o.csv", "amount")
    assert parse_numbers(pd.Series(["1.234"]), "o.csv", "amount", decimal=",").tolist() == [1234.0]


# -- billing exports -------------------------------------------------------------------------
EXPORT = """id,Customer ID,Plan,Interval,Quantity,Amount,Status,Start (UTC),Ended At (UTC)
sub_01,cus_A,Pro yearly,year,1,1200.00,active,2024-01-15 10:02,
sub_02,cus_B,Pro monthly,month,1,100.00,active,2024-01-20 09:40,
sub_03,cus_C,Team monthly,month,3,50.00,canceled,2024-01-05 12:00,2024-03-05 12:00
"""


def test_billing_export_to_mrr(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(EXPORT)
    columns = "customer_id=Customer ID,start=Start (UTC),end=Ended At (UTC),mrr=Amount"
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--columns", columns, "--to-csv", tmp_path / "out")
    assert run(capsys, *args)[0] == 0
    assert column(tmp_path / "out" / "movements.csv", "mrr_end") == [
        ("2024-01", "350.0"),
        ("2024-02", "350.0"),
        ("2024-03", "200.0"),
    ]


def test_interval_rules() -> None:
    from xl_retention.tables import monthly_movements

    rows = [
        ("a", "2024-01", 1200, "Annual", 1, 1),
        ("b", "2024-01", 10, "weekly", 1, 1),
        ("c", "2024-01", 300, "quarterly", 2, 1),
        ("d", "2024-01", 90, "month", 1, 3),
        ("e", "2024-01", 1, "daily", 1, 1),
    ]
    df = pd.DataFrame(rows, columns=["customer_id", "month", "amount", "interval", "quantity", "interval_count"])
    mrr = monthly_movements(df)["mrr_end"].iloc[0]
    weekly, daily = 10 * 365.25 / 12 / 7, 365.25 / 12
    assert mrr == pytest.approx(100 + weekly + 200 + 30 + daily)
    # a frame given in Python: its rows by their index labels
    with pytest.raises(DataError, match=r"billing intervals that are not .* in the row at index 0: 'bimonthly'"):
        monthly_movements(df.assign(interval=["bimonthly", "month", "month", "month", "month"]))
    with pytest.raises(
        DataError,
        match=r"billing intervals that are not .* in the row at index 1: blank: map interval to a column that says how "
        r"many months each interval is$",
    ):
        monthly_movements(df.assign(interval=["month", None, "month", "month", "month"]))
    with pytest.raises(DataError, match="is 'MRR' per month or per billing interval"):
        monthly_movements(df.rename(columns={"amount": "MRR"}))
    with pytest.raises(DataError, match=r"'quantity': negative quantities in the row at index 1: -1$"):  # as written
        monthly_movements(df.assign(quantity=[1, -1, 1, 1, 1]))
    with pytest.raises(DataError, match=r"column 'interval_count': interval counts below 1 in the row at index 0: 0$"):
        monthly_movements(df.assign(interval_count=[0, 1, 1, 1, 1]))


# -- files -----------------------------------------------------------------------------------
def test_files_that_are_not_what_they_say(tmp_path, capsys) -> None:
    ods = tmp_path / "ods_saved_as.xlsx"
    with zipfile.ZipFile(ods, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<office:document-content/>")
    (tmp_path / "legacy.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "header.csv").write_text("customer_id,date\n")
    (tmp_path / "damaged.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    expected = {
        ods: "ods_saved_as.xlsx is an OpenDocument spreadsheet (LibreOffice/OpenOffice): save it as .xlsx",
        tmp_path / "legacy.xls": "legacy.xls is an old Excel 97-2003 .xls workbook",
        tmp_path / "empty.csv": "empty.csv is empty (0 bytes)",
        tmp_path / "header.csv": "header.csv has a header but no data rows",
        tmp_path / "damaged.xlsx": "damaged.xlsx is not a workbook",
    }
    for path, message in expected.items():
        with pytest.raises(DataError) as caught:
            read_table(path)
        assert str(caught.value).startswith(message)
        status, _, err = run(capsys, "import", "--orders", path, "--to-csv", tmp_path / "out")
        assert status == 1 and err.count("\n") == 1 and path.name in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


# -- sheets ----------------------------------------------------------------------------------
def test_a_sheet_per_input(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    answers = book.create_sheet("Answers")
    answers.append(["date", "score"])
    answers.append([dt.date(2026, 1, 5), 10])
    book.save(tmp_path / "survey.xlsx")
    (tmp_path / "visits.csv").write_text("visitor_id,date\nv1,2026-01-02\n")
    args = ["import", "--nps", tmp_path / "survey.xlsx", "--visits", tmp_path / "visits.csv"]
    assert run(capsys, *args, "--sheet", "Answers", "--to-csv", tmp_path / "bare")[0] == 0
    assert run(capsys, *args, "--sheet", "nps=Answers", "--to-csv", tmp_path / "one")[0] == 0
    for folder in ("bare", "one"):
        assert table(tmp_path / folder / "nps.csv")["2026-01"]["nps"] == "100.0"
    status, _, err = run(capsys, *args, "--sheet", "visits=Answers", "--to-csv", tmp_path / "bad")
    assert (status, err) == (
        1,
        "xl-retention: error: --sheet visits=Answers: visits.csv is not a workbook (.xlsx, .xlsm)\n",
    )
    assert sheets_for(None, {"nps": "a.xlsx", "orders": None}) == {"nps": None}
    with pytest.raises(DataError, match="none of the inputs is a workbook"):
        sheets_for(["Answers"], {"visits": "visits.csv"})
    with pytest.raises(DataError, match="no --orders file was given"):
        sheets_for(["orders=Data"], {"visits": "visits.csv"})


# -- tables ----------------------------------------------------------------------------------
def test_repeat_purchasers_and_returning_customers() -> None:
    orders = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "a", "b", "c", "c", "d"],
            "date": [
                "2024-01-02",
                "2024-01-20",
                "2024-01-21",
                "2024-02-03",
                "2024-02-04",
                "2024-02-05",
                "2024-02-06",
                "2024-02-07",
            ],  # fmt: skip
            "amount": [10, 5, 7, 3, 4, 1, -1, 2],  # c's second February row is a refund
        }
    )
    got = repeat_purchases(orders)
    assert got["buyers"].tolist() == [2, 4]
    assert got["repeat_purchasers"].tolist() == [1, 0]  # a twice in January; c's refund is not an order
    assert got["returning"].tolist() == [0, 2]  # a and b had ordered in January
    assert got["repeat_purchase_rate"].tolist() == [0.5, 0.0]
    assert got["returning_rate"].tolist() == [0.0, 0.5]
    summary = rfm_summary(orders, observation_end="2024-02-29")
    assert summary.loc["c"].to_dict() == {"frequency": 0.0, "recency": 0.0, "T": 24.0, "monetary_value": 0.0}


def test_rfm_summary_reads_day_first_dates() -> None:
    tx = pd.DataFrame(
        {"customer_id": [0, 1, 2, 2, 2], "date": ["08/03/2014", "21/05/2014", "14/03/2014", "09/04/2014", "21/05/2014"]}
    )
    summary = rfm_summary(tx, amount=None, observation_end="2014-12-31")
    assert summary["T"].tolist() == [298.0, 224.0, 292.0]
    assert summary.loc[2, "recency"] == 68.0 and summary["frequency"].tolist() == [0.0, 0.0, 2.0]
    ambiguous = tx.assign(date=["08/03/2014", "01/05/2014", "04/03/2014", "09/04/2014", "11/05/2014"])
    with pytest.raises(ValueError, match="day-first or month-first"):
        rfm_summary(ambiguous, amount=None)
    assert rfm_summary(ambiguous, amount=None, dayfirst=True, observation_end="2014-12-31")["T"].tolist() == [
        298.0,
        244.0,
        302.0,
    ]
    assert rfm_summary(ambiguous, amount=None, date_format="%d/%m/%Y")["T"].tolist()[0] == 64.0


def test_survivors_end_at_the_first_churn() -> None:
    # a: Jan, Feb, (gap), Apr -> survives months 0-1 only. b: Jan-Apr. c: Feb-Mar, then gone.
    snaps = pd.DataFrame(
        [
            ("a", "2024-01"),
            ("a", "2024-02"),
            ("a", "2024-04"),
            ("b", "2024-01"),
            ("b", "2024-02"),
            ("b", "2024-03"),
            ("b", "2024-04"),
            ("c", "2024-02"),
            ("c", "2024-03"),
        ],  # fmt: skip
        columns=["customer_id", "month"],
    ).assign(mrr=10)
    nan = np.nan
    expected = [[2, 2, 1, 1], [1, 1, 0, nan], [0, 0, nan, nan], [0, nan, nan, nan]]
    got = survivors(snaps)
    np.testing.assert_array_equal(got.to_numpy(), np.array(expected, dtype=float))
    assert got.equals(subscription_tables(snaps).survivors)
    # The ordinary cohort table counts a back in April: survival does not.
    assert subscription_tables(snaps).customer_cohorts.iloc[0].tolist() == [2, 2, 1, 2]


# -- property: the way a file is written never changes the tables ---------------------------
IDS = st.sampled_from(["007", "7", "a", "A b", "x-1", "000", "00", "Zoë"])
DAYS = st.integers(0, 5 * 365).map(lambda d: pd.Timestamp("2020-01-01") + pd.Timedelta(days=d))
FORMATS = {  # strftime format -> what the reader is told (None: nothing)
    "%Y-%m-%d": None,
    "%Y-%m-%dT%H:%M:%S": None,
    "%Y%m%d": None,
    "%d/%m/%Y": ReadOptions(dayfirst=True),
    "%m/%d/%Y": ReadOptions(dayfirst=False),
    "%d.%m.%Y": ReadOptions(date_format="%d.%m.%Y"),
}
WRITING = st.tuples(
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from([".", ","]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    st.sampled_from(sorted(FORMATS)),
)


def write_rows(path: Path, header: list[str], rows: list[list[str]], sep: str, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(header)
        writer.writerows(rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    orders=st.lists(st.tuples(IDS, DAYS, st.integers(0, 500_000)), min_size=1, max_size=30),
    snapshots=st.dictionaries(st.tuples(IDS, st.integers(0, 40)), st.integers(1, 300_000), min_size=1, max_size=30),
    writing=WRITING,
)
def test_any_dialect_gives_the_same_tables(orders, snapshots, writing) -> None:
    sep, decimal, encoding, fmt = writing
    options = ReadOptions(**{**(FORMATS[fmt].__dict__ if FORMATS[fmt] else {}), "decimal": decimal})

    def money(cents: int) -> str:
        return f"{cents / 100:.2f}".replace(".", decimal)

    typed_orders = pd.DataFrame(
        {
            "customer_id": [o[0] for o in orders],
            "date": [o[1] for o in orders],
            "amount": [o[2] / 100 for o in orders],
        }
    )
    months = [pd.Timestamp("2021-01-01") + pd.DateOffset(months=m) + pd.Timedelta(days=m % 27) for _, m in snapshots]
    typed_snapshots = pd.DataFrame(
        {"customer_id": [c for c, _ in snapshots], "month": months, "mrr": [v / 100 for v in snapshots.values()]}
    )
    with tempfile.TemporaryDirectory() as folder:
        order_file, snapshot_file = Path(folder) / "orders.csv", Path(folder) / "subs.csv"
        write_rows(order_file, ["customer_id", "date", "amount"],
                   [[c, d.strftime(fmt), money(a)] for c, d, a in orders], sep, encoding)  # fmt: skip
        write_rows(snapshot_file, ["Customer ID", "Month", "MRR"],
                   [[c, m.strftime(fmt), money(v)] for (c, _), m, v in
                    zip(snapshots, months, snapshots.values(), strict=True)], sep, encoding)  # fmt: skip
        got_orders = order_tables(read_table(order_file), options=options)
        got_subs = subscription_tables(read_table(snapshot_file), options=options)
    for left, right in zip(order_tables(typed_orders), got_orders, strict=True):
        pd.testing.assert_frame_equal(left, right)
    for left, right in zip(subscription_tables(typed_snapshots), got_subs, strict=True):
        pd.testing.assert_frame_equal(left, right)


def test_parquet_types(tmp_path) -> None:
    pa = pytest.importorskip("pyarrow")
    import decimal

    import pyarrow.parquet as pq

    orders = pa.table(
        {
            "customer_id": pa.array(["007", "7 ", "007"]),
            "date": pa.array([dt.date(2024, 1, 5), dt.date(2024, 2, 5), dt.date(2024, 2, 6)], pa.date32()),
            "amount": pa.array([decimal.Decimal(v) for v in ("12.50", "3.00", "-1.00")], pa.decimal128(10, 2)),
        }
    )
    pq.write_table(orders, tmp_path / "o.parquet")
    got = order_tables(read_table(tmp_path / "o.parquet"))
    # '7 ' is '7', not '007'; 007's February row is a refund: February has one buyer, nobody returning.
    assert got.purchases[["buyers", "returning"]].to_numpy().tolist() == [[1, 0], [1, 0]]
    assert got.revenue_cohorts.to_numpy()[:, 0].tolist() == [12.5, 3.0]
    stamps = pa.table(
        {
            "customer_id": pa.array([1, 2]),
            "date": pa.array([dt.datetime(2024, 3, 31, 23, 30), dt.datetime(2024, 4, 1, 3)], pa.timestamp("us", "UTC")),
        }
    )
    pq.write_table(stamps, tmp_path / "t.parquet")
    df = read_table(tmp_path / "t.parquet")
    assert order_tables(df).purchases.index.astype(str).tolist() == ["2024-03", "2024-04"]
    paris = order_tables(df, options=ReadOptions(timezone="Europe/Paris")).purchases
    assert paris.index.astype(str).tolist() == ["2024-04"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    orders=st.lists(
        st.tuples(st.sampled_from(["1", "23", "007", "a"]), DAYS, st.integers(0, 50_000)), min_size=1, max_size=15
    ),  # fmt: skip
    epoch_1904=st.booleans(),
    cells=st.sampled_from(["dates", "serials", "text"]),
    numeric_ids=st.booleans(),
)
def test_any_workbook_layout_gives_the_same_tables(orders, epoch_1904, cells, numeric_ids) -> None:
    """Dates as date cells, serial numbers or ISO text; ids as numbers where they can be; either date system."""
    book = openpyxl.Workbook()
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    base = pd.Timestamp("1904-01-01" if epoch_1904 else "1899-12-30")
    sheet = book.active
    sheet.append(["customer_id", "date", "amount"])
    for cid, day, cents in orders:
        value = int(cid) if numeric_ids and cid.isdigit() and not cid.startswith("0") else cid
        when = {"dates": day.to_pydatetime(), "serials": (day - base).days, "text": day.strftime("%Y-%m-%d")}[cells]
        sheet.append([value, when, cents / 100])
        if cells == "serials":  # a serial number is a date where the cell is formatted as one
            sheet.cell(row=sheet.max_row, column=2).number_format = "dd/mm/yyyy"
    typed = pd.DataFrame(
        {"customer_id": [o[0] for o in orders], "date": [o[1] for o in orders], "amount": [o[2] / 100 for o in orders]}
    )
    with tempfile.TemporaryDirectory() as folder:
        book.save(Path(folder) / "o.xlsx")
        got = order_tables(read_table(Path(folder) / "o.xlsx"))
    for left, right in zip(order_tables(typed), got, strict=True):
        pd.testing.assert_frame_equal(left, right)


# -- the multi-threaded reader (pyarrow) reads plain UTF-8 CSVs as the C parser does --------------------------------
def _by_c_parser(path: Path, monkeypatch: pytest.MonkeyPatch) -> pd.DataFrame:
    from xl_retention.reading import csv_files

    with monkeypatch.context() as patched:
        patched.setattr(csv_files, "_read_csv_arrow", lambda *args: None)
        return read_table(path)


@pytest.mark.parametrize(
    "text",
    [
        'customer_id,date,amount\n0123,2024-01-05,"1,5"\n"",2024-02-01,\n a ,"say ""hi""",NA\n',  # quotes, blanks
        'id;note\n1;"two\nlines"\n2;plain\n',  # a newline inside a quoted value
        "a,b\r\n1,2\r\n\r\n3,4",  # CRLF, a blank line, no newline at the end
        "a,b\n1\n2,3\n",  # a short row: the C parser fills it with a blank
        "a,b\n1,2,\n",  # a row ending with a separator: its empty last field is dropped (a non-empty one is refused)
        'a,b\nx"y,z\n',  # a quote inside an unquoted value
        "a,a\n1,2\n",  # a repeated name stays as written
        "a|b\n1|\n|2\n",
        "a\tb\n 1\t2 \n",
        "a,b\n1,caf\xe9\n",  # not UTF-8 after the sample: Windows-1252, as before
    ],
)
def test_the_multi_threaded_reader_gives_the_c_parsers_frame(tmp_path, monkeypatch, text: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("cp1252" if "\xe9" in text else "utf-8"))
    got = read_table(path)
    pd.testing.assert_frame_equal(got, _by_c_parser(path, monkeypatch), check_exact=True)
    assert got.attrs == _by_c_parser(path, monkeypatch).attrs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(st.text(alphabet='ab ,;"\n\r\t0é', max_size=6), min_size=3, max_size=3), min_size=1, max_size=12),
    st.sampled_from([",", ";", "\t"]),
)
def test_any_quoted_csv_reads_the_same_with_either_parser(tmp_path, monkeypatch, rows, sep) -> None:
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=sep)
        writer.writerow(["x", "y", "z"])
        writer.writerows(rows)
    try:
        expected = _by_c_parser(path, monkeypatch)
    except DataError as error:
        with pytest.raises(DataError) as got:
            read_table(path)
        assert str(got.value) == str(error)
        return
    pd.testing.assert_frame_equal(read_table(path), expected, check_exact=True)


def test_bytes_that_are_not_utf8_after_the_sniffed_sample_are_read_as_before(tmp_path, monkeypatch) -> None:
    path = tmp_path / "late.csv"
    path.write_bytes(b"id,name\n" + b"1,plain\n" * 10_000 + "2,caf\xe9\n".encode("cp1252"))
    got = read_table(path)
    assert got["name"].iloc[-1] == "caf\xe9" and got.attrs["dialect"].encoding == "cp1252"
    pd.testing.assert_frame_equal(got, _by_c_parser(path, monkeypatch), check_exact=True)


def test_columns_read_in_threads_give_the_same_frame_and_the_first_columns_error(monkeypatch) -> None:
    from xl_retention.reading import preparation, prepare

    good = pd.DataFrame({"customer_id": [" a", "b", "a"], "date": ["05/02/2024", "13/02/2024", "01/03/2024"],
                         "amount": ["1,5", "2", "€3"]})  # fmt: skip
    bad = good.assign(customer_id=["a", " ", "b"], date=["05/02/2024", "x", "01/03/2024"], amount=["1", "y", "2"])
    sequential = prepare(good, "orders")[0]
    with pytest.raises(DataError) as first:
        prepare(bad, "orders", source="o.csv")
    monkeypatch.setattr(preparation, "PARALLEL_ROWS", 0)
    pd.testing.assert_frame_equal(prepare(good, "orders")[0], sequential, check_exact=True)
    for _ in range(5):  # whichever thread ends first, the ids' error (the first column) is the one raised
        with pytest.raises(DataError) as threaded:
            prepare(bad, "orders", source="o.csv")
        assert str(threaded.value) == str(first.value)
    assert "missing customer ids" in str(first.value)


def test_an_excel_input_read_from_a_title_sheet_names_the_other_sheets_and_the_flag(tmp_path) -> None:
    """The answers are on 'Answers', the workbook opens on 'Info': both messages point to --sheet."""
    for name, info_rows in (("header_only.xlsx", [["note"]]), ("title.xlsx", [["note"], ["made by the team"]])):
        wb = openpyxl.Workbook()
        wb.active.title = "Info"
        for row in info_rows:
            wb.active.append(row)
        answers = wb.create_sheet("Answers")
        answers.append(["date", "score"])
        answers.append([dt.date(2024, 1, 5), 9])
        wb.save(tmp_path / name)
    with pytest.raises(DataError) as caught:
        read_table(tmp_path / "header_only.xlsx")
    assert str(caught.value) == (
        "header_only.xlsx has a header but no data rows on sheet 'Info' (other sheets: 'Answers', chosen with --sheet)"
    )
    result = cli.main(["import", "--nps", str(tmp_path / "title.xlsx"), "--to-csv", str(tmp_path / "out")])
    assert result == 1


def test_timestamps_in_a_utc_column_are_converted_alike_whatever_their_type() -> None:
    """A column that says UTC ('Created (UTC)') with --timezone: midnight UTC on 1 March is 28 February 19:00 in New
    York whether the timestamps come as text, as a typed datetime column or as Excel cells (a mixed column skipped
    midnight: one payment fell in March, another of the same instant in February)."""
    import datetime as dt

    from xl_retention.reading.dates import DateOptions, parse_dates

    options = DateOptions(timezone="America/New_York")
    expected = ["2026-02-28T19:00:00.000000", "2026-03-01T07:30:00.000000"]
    forms = (
        pd.Series(["2026-03-01 00:00", "2026-03-01 12:30"]),
        pd.Series(pd.to_datetime(["2026-03-01 00:00", "2026-03-01 12:30"])),
        pd.Series([dt.datetime(2026, 3, 1, 0, 0), dt.datetime(2026, 3, 1, 12, 30)], dtype=object),
    )
    for series in forms:
        assert parse_dates(series, "f.csv", "Created (UTC)", options).astype(str).tolist() == expected
    dates_only = pd.Series([dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 2)], dtype=object)  # no time of day: dates
    assert parse_dates(dates_only, "f.csv", "Created (UTC)", options).astype(str).tolist() == [
        "2026-03-01T00:00:00.000000",
        "2026-03-02T00:00:00.000000",
    ]
