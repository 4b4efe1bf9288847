"""Refusals name the rows a user sees: a sheet's own rows for a workbook, the file's lines for a CSV file; and
the months not observed yet (after the date of the run) in a snapshots export."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError, ReadOptions, read_table
from xl_retention.reading.errors import bad_rows
from xl_retention.tables.subscriptions import subscription_tables

ERROR = "xl-retention: error: "
ROWS = [["customer_id", "month", "mrr"], ["a", "2025-01", 10], ["b", "soon", 20], ["c", "later", 30]]


def table_at(path: Path, rows: list[list[object]], column: str = "A", row: int = 1, **extra: object) -> Path:
    """A workbook whose sheet 'Data' holds ``rows`` from cell ``column``+``row``, and the ``extra`` cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for ref, value in extra.items():
        sheet[ref] = value
    start = "ABCDEFGH".index(column) + 1
    for i, values in enumerate(rows):
        for j, value in enumerate(values):
            sheet.cell(row=row + i, column=start + j, value=value)
    book.save(path)
    return path


def refusal(capsys: pytest.CaptureFixture[str], tmp_path: Path, path: Path) -> str:
    code = cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "out")])
    assert code != 0
    return capsys.readouterr().err.strip()


def test_a_table_at_a1_names_the_sheet_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = table_at(tmp_path / "subs.xlsx", ROWS)
    assert refusal(capsys, tmp_path, path) == (
        f"{ERROR}subs.xlsx, column 'month': dates that do not parse in rows 3, 4 of sheet 'Data': 'soon', 'later'"
    )


def test_a_table_at_b3_names_rows_two_further_down(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = table_at(tmp_path / "subs.xlsx", ROWS, "B", 3)
    assert refusal(capsys, tmp_path, path) == (
        f"{ERROR}subs.xlsx, column 'month': dates that do not parse in rows 5, 6 of sheet 'Data': 'soon', 'later'"
    )


def test_a_title_block_above_the_table_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # title in A1, note in A2, empty row 3, header in row 4: the bad values sit in the sheet's rows 6 and 7
    path = table_at(tmp_path / "subs.xlsx", ROWS, "A", 4, A1="Subscriptions report", A2="Exported 2025-03-01")
    assert refusal(capsys, tmp_path, path) == (
        f"{ERROR}subs.xlsx, column 'month': dates that do not parse in rows 6, 7 of sheet 'Data': 'soon', 'later'"
    )


def test_the_sheet_chosen_is_the_one_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = table_at(tmp_path / "subs.xlsx", [["Report"]])
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("Export")
    for i, values in enumerate(ROWS):
        for j, value in enumerate(values):
            other.cell(row=2 + i, column=3 + j, value=value)
    book.save(path)
    code = cli.main(["import", "--subscriptions", str(path), "--sheet", "Export", "--to-csv", str(tmp_path / "o")])
    assert code != 0
    assert capsys.readouterr().err.strip() == (
        f"{ERROR}subs.xlsx, column 'month': dates that do not parse in rows 4, 5 of sheet 'Export': 'soon', 'later'"
    )


def test_csv_rows_still_count_the_header_as_row_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(",".join(map(str, r)) for r in ROWS) + "\n")
    assert refusal(capsys, tmp_path, path) == (
        f"{ERROR}subs.csv, column 'month': dates that do not parse in rows 3, 4 (counting the header as row 1): "
        "'soon', 'later'"
    )


def test_the_last_workbook_read_under_a_name_decides(tmp_path: Path) -> None:
    kept = read_table(table_at(tmp_path / "subs.xlsx", ROWS, "B", 3))
    (tmp_path / "other").mkdir()
    path = tmp_path / "other" / "subs.xlsx"  # same name, other folder: the later read decides
    table_at(path, ROWS)
    again = read_table(path)  # header in A1, while the B3 table is still alive
    with pytest.raises(DataError, match=r"in rows 3, 4 of sheet 'Data'"):
        subscription_tables(again, source="subs.xlsx")
    assert kept.attrs["header_row"] == 3 and again.attrs["header_row"] == 1


def test_the_python_api_names_sheet_rows_of_a_table_read_from_a_sheet(tmp_path: Path) -> None:
    df = read_table(table_at(tmp_path / "subs.xlsx", ROWS, "C", 2))
    with pytest.raises(DataError) as caught:
        subscription_tables(df, source=df.attrs["source"])
    assert str(caught.value) == (
        "subs.xlsx, column 'month': dates that do not parse in rows 4, 5 of sheet 'Data': 'soon', 'later'"
    )
    assert caught.value.rows == (4, 5)
    del df, caught
    gc.collect()  # the table is gone: a frame of the same name from elsewhere is counted as a CSV file is
    error = bad_rows("subs.xlsx", "month", "dates that do not parse", [1, 2], ["a", "soon", "later"])
    assert str(error) == (
        "subs.xlsx, column 'month': dates that do not parse in rows 3, 4 (counting the header as row 1): "
        "'soon', 'later'"
    )


# Snapshots of months after the current month (the date of the run) are refused by the import, naming the months.

SNAPSHOTS = [["customer_id", "month", "mrr"], ["a", "2025-01", 10], ["a", "2025-02", 10], ["b", "2025-03", 20],
             ["a", "2025-04", 10], ["b", "2025-04", 20]]  # fmt: skip


def test_snapshots_after_the_current_month_are_refused_naming_them() -> None:
    df = pd.DataFrame(SNAPSHOTS[1:], columns=SNAPSHOTS[0])
    options = ReadOptions(refuse_missing_months=True, today="2025-02-15")
    with pytest.raises(DataError) as caught:
        subscription_tables(df, source="subs.csv", options=options)
    assert str(caught.value) == (
        "subs.csv, column 'month': rows for the months 2025-03, 2025-04, after the current month (2025-02): "
        "a month that has not happened yet is not counted; remove those rows (a forecast or a scheduled renewal?)"
    )
    options = ReadOptions(refuse_missing_months=True, today="2025-04")  # the current month itself is counted
    movements = subscription_tables(df, source="subs.csv", options=options)[0]
    assert movements["customers_end"].tolist() == [1, 1, 1, 2]
    with pytest.raises(ValueError, match="today"):
        ReadOptions(today="soon")


def test_the_import_refuses_next_month_by_the_date_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = pd.Period(dt.date.today(), freq="M")
    months = [str(now - 1), str(now), str(now + 1)]
    path = tmp_path / "subs.csv"
    path.write_text(f"customer_id,month,mrr\na,{months[0]},10\na,{months[1]},10\na,{months[2]},10\n")
    assert refusal(capsys, tmp_path, path) == (
        f"{ERROR}subs.csv, column 'month': rows for the month {months[2]}, after the current month ({months[1]}): "
        "a month that has not happened yet is not counted; remove those rows (a forecast or a scheduled renewal?)"
    )
    path.write_text(f"customer_id,month,mrr\na,{months[0]},10\na,{months[1]},10\n")
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "out")]) == 0
