"""Where a table sits in a sheet, per-input date options and the remedies a refusal suggests (xl_retention.reading)."""

from __future__ import annotations

import shlex
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.reading import DataError, read_table

SUBSCRIPTIONS = [["customer_id", "month", "mrr"], ["a", "2025-01", 10], ["b", "2025-02", 20]]


def sheet_file(path: Path, cells: dict[str, object]) -> Path:
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    book.save(path)
    return path


def table_at(path: Path, rows: list[list[object]], column: str = "A", row: int = 1, **extra: object) -> Path:
    """A workbook with ``rows`` from cell ``column``+``row`` and the ``extra`` cells."""
    letters = "ABCDEFGH"
    start = letters.index(column)
    cells: dict[str, object] = dict(extra)
    for i, values in enumerate(rows):
        for j, value in enumerate(values):
            cells[f"{letters[start + j]}{row + i}"] = value
    return sheet_file(path, cells)


def csv_outputs(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


def test_a_table_with_a_margin_or_a_title_block_reads_as_if_it_started_at_a1(tmp_path: Path) -> None:
    plain = table_at(tmp_path / "a1.xlsx", SUBSCRIPTIONS)
    layouts = {
        "b2.xlsx": table_at(tmp_path / "b2.xlsx", SUBSCRIPTIONS, "B", 2),
        "title.xlsx": table_at(tmp_path / "title.xlsx", SUBSCRIPTIONS, "A", 3, A1="Subscriptions report"),
        "titles.xlsx": table_at(tmp_path / "titles.xlsx", SUBSCRIPTIONS, "B", 5, B1="Report", B2="Exported 2025-03-01"),
    }
    assert cli.main(["import", "--subscriptions", str(plain), "--to-csv", str(tmp_path / "a1")]) == 0
    expected = csv_outputs(tmp_path / "a1")
    assert expected["movements.csv"].splitlines()[1].startswith("2025-01,0,1,0,1,0,1,0.0,10.0,")
    for name, path in layouts.items():
        frame = read_table(path)
        assert list(frame.columns) == ["customer_id", "month", "mrr"], name
        assert frame.values.tolist() == [["a", "2025-01", 10], ["b", "2025-02", 20]], name
        out = tmp_path / name.replace(".xlsx", "")
        assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(out)]) == 0, name
        assert csv_outputs(out) == expected, name


def test_only_empty_rows_columns_and_a_title_block_before_an_empty_row_are_skipped(tmp_path: Path) -> None:
    """A filled first row right above the table (no empty row between) stays the header: refused, as before."""
    path = table_at(tmp_path / "note.xlsx", SUBSCRIPTIONS, "A", 2, A1="Subscriptions report")
    assert list(read_table(path).columns) == ["Subscriptions report", "", ""]
    # two filled cells above an empty row are a table's header, not a title: nothing is skipped
    path = table_at(tmp_path / "two.xlsx", SUBSCRIPTIONS, "A", 3, A1="Report", B1="March")
    frame = read_table(path)
    assert list(frame.columns) == ["Report", "March", ""]
    assert len(frame) == 4
    # a blank cell inside the first column of the table keeps the column
    rows = [["customer_id", "month", "mrr"], [None, "2025-01", 10], ["b", "2025-02", 20]]
    frame = read_table(table_at(tmp_path / "gap.xlsx", rows, "C", 4))
    assert list(frame.columns) == ["customer_id", "month", "mrr"]
    assert frame.values.tolist() == [[None, "2025-01", 10], ["b", "2025-02", 20]]


def test_an_empty_sheet_is_still_refused(tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "empty.xlsx", {"C3": "  "})
    with pytest.raises(DataError, match="sheet 'Sheet' is empty"):
        read_table(path)


def test_a_suggested_columns_option_works_when_pasted_into_a_shell(tmp_path: Path, capsys) -> None:
    """The remedy's --columns value is shell-quoted (spaces) and CSV-quoted (a comma in the name): pasted, it maps."""
    (tmp_path / "subs.csv").write_text(
        'Customer ID,Start,Price,Period,"Seats, total (it\'s ""paid"")"\nc1,2025-01-05,300,month,2\n'
    )
    args = ["import", "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(tmp_path / "o")]
    assert cli.main([*args, "--columns", "interval=Period,amount=Price"]) == 1
    err = capsys.readouterr().err
    assert err.endswith('map it: --columns \'quantity="Seats, total (it\'"\'"\'s ""paid"")"\'\n'), err
    pasted = shlex.split(err.rsplit("map it: ", 1)[1])
    assert pasted[0] == "--columns"
    assert cli.column_map(pasted[1:]) == {"quantity": 'Seats, total (it\'s "paid")'}
    assert cli.main([*args, "--columns", "interval=Period,amount=Price", *pasted]) == 0
    mrr = (tmp_path / "o" / "movements.csv").read_text().splitlines()[1].split(",")[13]
    assert mrr == "600.0"  # 300 a month x 2 seats


def test_a_hint_with_plain_names_is_not_quoted() -> None:
    from xl_retention.reading.columns import columns_option

    assert columns_option([("customer_id", "NAME")]) == "--columns customer_id=NAME"
    assert columns_option([("start", "Start Date"), ("end", "End")]) == "--columns 'start=Start Date,end=End'"
