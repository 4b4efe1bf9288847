"""The engines name the same rows as the pandas path: a sheet's own rows for an Excel input whose table starts at B3
under a title, whether the refusal comes from reading a column or from a check the engine runs (negative MRR,
duplicates, an end before its start, scores outside 0-10), with more bad rows than are shown."""

from __future__ import annotations

import pickle
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError, Source, read_table, source_of
from xl_retention.reading.errors import bad_rows
from xl_retention.tables.subscriptions import subscription_tables

pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")
pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

ERROR = "xl-retention: error: "
BACKENDS = ["pandas", "duckdb"]


def under_a_title(path: Path, rows: list[list[object]]) -> Path:
    """A workbook whose sheet 'Data' has a title in A1, an empty row 2 and ``rows`` from B3 (data from row 4)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet["A1"] = "Export of 2025-03-01"
    for i, values in enumerate(rows):
        for j, value in enumerate(values):
            sheet.cell(row=3 + i, column=2 + j, value=value)
    book.save(path)
    return path


def refusal(capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str, flag: str, path: Path) -> str:
    code = cli.main(["import", flag, str(path), "--backend", backend, "--to-csv", str(tmp_path / backend)])
    assert code != 0
    return capsys.readouterr().err.strip()


NEGATIVE = [["customer_id", "month", "mrr"], ["a", "2025-01", 10]] + [[f"b{i}", "2025-02", -20 - i] for i in range(7)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_more_bad_rows_than_shown_name_sheet_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str):
    path = under_a_title(tmp_path / "subs.xlsx", NEGATIVE)
    assert refusal(capsys, tmp_path, backend, "--subscriptions", path) == (
        f"{ERROR}subs.xlsx, column 'mrr': negative MRR in rows 5, 6, 7, 8, 9 and 2 more of sheet 'Data': "
        "-20, -21, -22, -23, -24"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_duplicates_name_sheet_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    rows = [["customer_id", "month", "mrr"], ["a", "2025-01", 10], ["b", "2025-01", 10], ["a", "2025-01", 5]]
    path = under_a_title(tmp_path / "subs.xlsx", rows)
    assert refusal(capsys, tmp_path, backend, "--subscriptions", path) == (
        f"{ERROR}subs.xlsx, column 'customer_id, month': rows of one customer and month with an MRR each, in a file "
        "without a subscription id (two subscriptions, a plan change within the month, or a row pasted twice? which "
        "MRR the month has cannot be told) in rows 4, 6 of sheet 'Data': keep one row per customer and month, or add "
        "a column of each subscription's id (subscription_id; under another name: --columns subscription_id=NAME) to "
        "add them up"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_end_before_its_start_names_the_sheet_row(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend):
    rows = [["customer_id", "start", "end", "mrr"], ["a", "2025-01-01", "2025-03-01", 10],
            ["b", "2025-02-01", "2025-01-15", 20]]  # fmt: skip
    path = under_a_title(tmp_path / "subs.xlsx", rows)
    assert refusal(capsys, tmp_path, backend, "--subscriptions", path) == (
        f"{ERROR}subs.xlsx, column 'end': an end before the start in row 5 of sheet 'Data': '2025-01-15'"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_scores_outside_0_10_name_sheet_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str):
    rows = [["date", "score"], ["2025-01-05", 10], ["2025-01-06", 11], ["2025-01-07", -1]]
    path = under_a_title(tmp_path / "nps.xlsx", rows)
    assert refusal(capsys, tmp_path, backend, "--nps", path) == (
        f"{ERROR}nps.xlsx, column 'score': scores outside 0-10 or not whole in rows 5, 6 of sheet 'Data': 11, -1"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_date_that_does_not_parse_names_sheet_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend):
    rows = [["customer_id", "date", "amount"], ["a", "2025-01-05", 10], ["b", "soon", 20]]
    path = under_a_title(tmp_path / "orders.xlsx", rows)
    assert refusal(capsys, tmp_path, backend, "--orders", path) == (
        f"{ERROR}orders.xlsx, column 'date': dates that do not parse in row 5 of sheet 'Data': 'soon'"
    )


def test_the_offset_travels_with_the_table_not_with_its_name(tmp_path: Path) -> None:
    at_b3 = read_table(under_a_title(tmp_path / "subs.xlsx", NEGATIVE))
    assert (at_b3.attrs["sheet"], at_b3.attrs["header_row"]) == ("Data", 3)
    made = pd.DataFrame(NEGATIVE[1:], columns=NEGATIVE[0])  # the same rows made in Python, under the same name
    with pytest.raises(DataError, match=r"in rows 3, 4, 5, 6, 7 and 2 more \(counting the header as row 1\)"):
        subscription_tables(made, source="subs.xlsx")
    with pytest.raises(DataError, match=r"in rows 5, 6, 7, 8, 9 and 2 more of sheet 'Data'") as caught:
        subscription_tables(at_b3, source="subs.xlsx")
    assert caught.value.rows == (5, 6, 7, 8, 9) and caught.value.row_count == 7
    source = source_of(at_b3, "subs.xlsx")
    assert isinstance(source, Source) and (source, source.sheet, source.header_row) == ("subs.xlsx", "Data", 3)
    assert pickle.loads(pickle.dumps(source)).header_row == 3
    assert type(source_of(made, "subs.xlsx")) is str
    error = bad_rows(source, "mrr", "negative MRR", [1, 2], {1: -20.0, 2: -21.0}, count=4)
    assert str(error) == "subs.xlsx, column 'mrr': negative MRR in rows 5, 6 and 2 more of sheet 'Data': -20.0, -21.0"
    with pytest.raises(ValueError, match="header_row must be a sheet row"):
        Source("subs.xlsx", "Data", 0)
