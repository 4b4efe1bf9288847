"""Where a table sits in a sheet, per-input date options and the remedies a refusal suggests (xl_retention.reading)."""

from __future__ import annotations

import shlex
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError, parse_dates, read_table
from xl_retention.reading.dates import DateOptions

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
    # the tables (the folder's list of them names each run's input file since de38b6b: not compared)
    return {p.name: p.read_text() for p in sorted(folder.glob("*.csv"))}


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
    """A title of one cell right above the header (no empty row between; a row of texts) is skipped too (H50)."""
    path = table_at(tmp_path / "note.xlsx", SUBSCRIPTIONS, "A", 2, A1="Subscriptions report")
    assert list(read_table(path).columns) == ["customer_id", "month", "mrr"]
    assert read_table(path).attrs["header_row"] == 2
    # two filled cells above an empty row and a header of more names are title rows, skipped as one cell is
    # (H237; H50 read them as a header and refused 'an empty row inside the table ... in row 2')
    path = table_at(tmp_path / "two.xlsx", SUBSCRIPTIONS, "A", 3, A1="Report", B1="March")
    assert list(read_table(path).columns) == ["customer_id", "month", "mrr"]
    assert read_table(path).attrs["header_row"] == 3
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


# -- dates: ISO is unambiguous; a date format per input ---------------------------------------------------------------
ORDERS = "customer_id,date,amount\nc1,05.02.2025,10\nc2,13.03.2025,20\nc1,01.04.2025,5\n"
VISITS = "visitor_id,date\nv1,2025-02-03\nv2,2025-03-04 10:00:00\nv1,2025-04-05\n"
PURCHASES = (
    "month,buyers,repeat_purchasers,returning,repeat_purchase_rate,returning_rate\n"
    "2025-02,1,0,0,0.0,0.0\n2025-03,1,0,0,0.0,0.0\n2025-04,1,0,1,0.0,1.0\n"
)
VISITS_OUT = "month,visitors,returning,returning_visitor_rate\n2025-02,1,0,0.0\n2025-03,1,0,0.0\n2025-04,1,1,1.0\n"


def test_iso_dates_read_the_same_with_dayfirst_or_monthfirst() -> None:
    texts = pd.Series(["2025-02-03", "2025-03-04 10:00:00", "2025-04-05", "2025-12-01T08:30:00"])
    expected = ["2025-02-03T00:00:00", "2025-03-04T10:00:00", "2025-04-05T00:00:00", "2025-12-01T08:30:00"]
    for dayfirst in (None, True, False):
        got = parse_dates(texts, "v.csv", "date", DateOptions(dayfirst=dayfirst))
        assert np.datetime_as_string(got, unit="s").tolist() == expected, dayfirst
    slashed = pd.Series(["2025/02/03", "2025/11/04"])  # year first: never year-day-month
    for dayfirst in (True, False):
        got = parse_dates(slashed, "v.csv", "date", DateOptions(dayfirst=dayfirst))
        assert np.datetime_as_string(got, unit="D").tolist() == ["2025-02-03", "2025-11-04"], dayfirst
    with pytest.raises(DataError, match="the dates are not month-first"):  # --monthfirst still checks day-first text
        parse_dates(pd.Series(["13/02/2025"]), "o.csv", "date", DateOptions(dayfirst=False))


def test_a_day_first_orders_file_and_an_iso_visits_file_import_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "orders.csv").write_text(ORDERS)
    (tmp_path / "visits.csv").write_text(VISITS)
    base = ["import", "--orders", str(tmp_path / "orders.csv"), "--visits", str(tmp_path / "visits.csv")]
    for name, flags in {
        "dayfirst": ["--dayfirst"],
        "per_input": ["--date-format", "orders=%d.%m.%Y"],
        "monthfirst_iso": ["--monthfirst", "--date-format", "ORDERS=%d.%m.%Y"],
    }.items():
        out = tmp_path / name
        assert cli.main([*base, *flags, "--to-csv", str(out)]) == 0, name
        assert (out / "purchases.csv").read_text() == PURCHASES, name
        assert (out / "visits.csv").read_text() == VISITS_OUT, name


def test_a_date_format_for_one_input_leaves_the_others_and_the_plain_form_applies_to_all(
    tmp_path: Path, capsys
) -> None:
    (tmp_path / "orders.csv").write_text("customer_id,date,amount\nc1,03/02/2025,10\nc2,04/03/2025,20\n")
    (tmp_path / "visits.csv").write_text("visitor_id,date\nv1,03/02/2025\nv2,04/03/2025\n")
    base = ["import", "--orders", str(tmp_path / "orders.csv"), "--visits", str(tmp_path / "visits.csv")]
    flags = ["--date-format", "orders=%m/%d/%Y", "--date-format", "%d/%m/%Y"]  # orders month first, visits day first
    assert cli.main([*base, *flags, "--to-csv", str(tmp_path / "o")]) == 0
    assert [r.split(",")[0] for r in (tmp_path / "o" / "purchases.csv").read_text().splitlines()[1:]] == [
        "2025-03",
        "2025-04",
    ]
    assert [r.split(",")[0] for r in (tmp_path / "o" / "visits.csv").read_text().splitlines()[1:]] == [
        "2025-02",
        "2025-03",
    ]
    (tmp_path / "iso.csv").write_text(VISITS)
    iso = ["import", "--orders", str(tmp_path / "orders.csv"), "--visits", str(tmp_path / "iso.csv")]
    assert cli.main([*iso, "--date-format", "%m/%d/%Y", "--to-csv", str(tmp_path / "p")]) == 1
    assert "iso.csv, column 'date': dates that do not match the date format '%m/%d/%Y' in rows 2, 3, 4" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["nps=%d.%m.%Y"], "--date-format nps=%d.%m.%Y: no --nps file was given"),
        (["orders=%d.%m.%Y", "orders=%m.%d.%Y"], "--date-format: two formats for orders ('%d.%m.%Y' and '%m.%d.%Y')"),
        (
            ["%d.%m.%Y", "%m.%d.%Y"],
            "--date-format given twice without an input ('%d.%m.%Y', '%m.%d.%Y'): use INPUT=FORMAT",
        ),
        (["orders=%d.%Y"], "the date format '%d.%Y' (--date-format) has no month"),
    ],
)
def test_wrong_date_format_options_are_refused_in_one_line(tmp_path: Path, capsys, flags, message) -> None:
    (tmp_path / "orders.csv").write_text(ORDERS)
    args = ["import", "--orders", str(tmp_path / "orders.csv"), "--to-csv", str(tmp_path / "o")]
    for flag in flags:
        args += ["--date-format", flag]
    assert cli.main(args) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err


def test_a_date_format_for_an_input_named_like_another_is_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "export.csv").write_text(ORDERS)
    (tmp_path / "b" / "export.csv").write_text(VISITS)
    args = ["import", "--orders", str(tmp_path / "a" / "export.csv"), "--visits", str(tmp_path / "b" / "export.csv")]
    assert cli.main([*args, "--date-format", "orders=%d.%m.%Y", "--to-csv", str(tmp_path / "o")]) == 1
    assert "--orders and --visits are files of one name (export.csv); rename one" in capsys.readouterr().err
