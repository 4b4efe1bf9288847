"""Unix timestamps stored as numbers in a typed table (a Parquet file's int64 ``created``: Mixpanel's, Segment's,
Amplitude's, an app database's) or in a workbook's cells are refused naming them, as the same numbers in a CSV file
are (H90 finding 07: "numbers where dates belong (use dates, YYYY-MM or YYYYMMDD)", no word of Unix time): a Parquet
file's refusal says how DuckDB or pandas convert them (the file is not opened in Excel), a workbook's the Excel
formula; and the DuckDB conversion named gives a file that imports."""

from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "
STAMPS = [1767610800, 1767697200, 1770289200]  # 2026-01-05 11:00, 2026-01-06 11:00, 2026-02-05 11:00 UTC


def refusal(capsys, *args: str) -> str:
    assert cli.main(["import", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(ERROR) and "\n" not in err
    return err[len(ERROR) :]


def parquet(tmp_path: Path, column: str, values: list) -> Path:
    path = tmp_path / "events.parquet"
    pd.DataFrame({"customer_id": ["a", "b", "a"], column: values, "amount": [10.0, 20.0, 30.0]}).to_parquet(path)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("scale", "unit", "duckdb_call", "pandas_unit"),
    [(1, "", "to_timestamp", "s"), (1000, " in milliseconds", "epoch_ms", "ms"),
     (10**6, " in microseconds", "make_timestamp", "us")],
)  # fmt: skip
def test_unix_numbers_of_a_parquet_file_are_named_with_their_conversion(
    tmp_path: Path, capsys, backend: str, scale: int, unit: str, duckdb_call: str, pandas_unit: str
) -> None:
    stamps = [s * scale for s in STAMPS]
    path = parquet(tmp_path, "created", stamps)
    convert = f"DuckDB's {duckdb_call}(created) or pandas' pd.to_datetime(df['created'], unit='{pandas_unit}')"
    err = refusal(capsys, "--orders", str(path), "--columns", "date=created", "--backend", backend,
                  "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert err == (
        f"events.parquet, column 'created': numbers where dates belong (Unix timestamps{unit}? {stamps[0]} is "
        f"2026-01-05 11:00:00 UTC) in rows 1, 2, 3 (counting the Parquet file's first record as row 1): {stamps[0]}, "
        f"{stamps[1]}, {stamps[2]}: convert them to dates first, e.g. with {convert}"
    )


def test_a_column_name_duckdb_must_quote_is_quoted(tmp_path: Path, capsys) -> None:
    path = parquet(tmp_path, "Created At", [s * 1000 for s in STAMPS])
    err = refusal(capsys, "--orders", str(path), "--columns", "date=Created At", "--to-csv", str(tmp_path / "out"))
    assert err.endswith(
        "e.g. with DuckDB's epoch_ms(\"Created At\") or pandas' pd.to_datetime(df['Created At'], unit='ms')"
    )


def test_the_duckdb_conversion_named_gives_a_file_that_imports(tmp_path: Path) -> None:
    path = parquet(tmp_path, "created", STAMPS)
    converted = tmp_path / "converted.parquet"
    duckdb.sql(f"COPY (SELECT * REPLACE (to_timestamp(created) AS created) FROM '{path}') TO '{converted}'")
    args = ["import", "--orders", str(converted), "--columns", "date=created", "--to-csv", str(tmp_path / "out")]
    assert cli.main(args) == 0
    purchases = pd.read_csv(tmp_path / "out" / "purchases.csv", dtype={"month": str})
    assert purchases.iloc[:2, :2].values.tolist() == [["2026-01", 2], ["2026-02", 1]]


def test_unix_numbers_in_a_workbooks_cells_get_the_excel_formula(tmp_path: Path, capsys) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["customer_id", "created", "amount"])
    for customer, stamp in zip("aba", STAMPS, strict=True):
        sheet.append([customer, stamp * 1000, 10])
    workbook.save(tmp_path / "events.xlsx")
    err = refusal(capsys, "--orders", str(tmp_path / "events.xlsx"), "--columns", "date=created",
                  "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert err == (
        "events.xlsx, column 'created': numbers where dates belong (Unix timestamps in milliseconds? 1767610800000 "
        "is 2026-01-05 11:00:00 UTC) in rows 2, 3, 4 of sheet 'Sheet': 1767610800000, 1767697200000, 1770289200000: "
        "convert them to dates first, e.g. in Excel =A2/86400000+DATE(1970,1,1) formatted as a date"
    )


def test_seconds_with_a_fraction_are_named_too(tmp_path: Path, capsys) -> None:
    path = parquet(tmp_path, "created", [1767610800.5, 1767697200.0, 1770289200.25])  # Python's time.time()
    err = refusal(capsys, "--orders", str(path), "--columns", "date=created", "--to-csv", str(tmp_path / "out"))
    assert err.startswith(
        "events.parquet, column 'created': numbers where dates belong (Unix timestamps? 1767610800.5 is 2026-01-05 "
        "11:00:00 UTC) in rows 1, 2, 3"
    )
    assert err.endswith(
        ": convert them to dates first, e.g. with DuckDB's to_timestamp(created) or pandas' "
        "pd.to_datetime(df['created'], unit='s')"
    )
    (tmp_path / "o.csv").write_text("customer_id,date,amount\na,1767610800.5,10\nb,1767697200,20\n")
    err = refusal(capsys, "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "o"))
    assert err == (
        "o.csv, column 'date': dates that do not parse (Unix timestamps? 1767610800.5 is 2026-01-05 11:00:00 UTC) in "
        "rows 2, 3 (counting the header as row 1): '1767610800.5', '1767697200': convert them to dates first, e.g. "
        "in Excel =A2/86400+DATE(1970,1,1) formatted as a date"
    )


PLAIN = "numbers where dates belong (use dates, YYYY-MM or YYYYMMDD)"


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ([1767610800, 17676972000, 1770289200], PLAIN),  # one of 11 digits: not all Unix time
        ([1767610800000.5, 1767697200000.0, 1770289200000.0], PLAIN),  # milliseconds with a fraction: not named
        (
            [202601, 202601, 202602],
            "numbers where dates belong (months as YYYYMM?)",
        ),
    ],
)
def test_other_numbers_keep_their_refusal(tmp_path: Path, capsys, values: list, why: str) -> None:
    path = parquet(tmp_path, "created", values)
    err = refusal(capsys, "--orders", str(path), "--columns", "date=created", "--to-csv", str(tmp_path / "out"))
    assert err.startswith(f"events.parquet, column 'created': {why} in rows 1, 2, 3 (counting the Parquet file's")
