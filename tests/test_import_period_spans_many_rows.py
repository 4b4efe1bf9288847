"""The refusals of billing periods read as monthly (reading.period_spans) crashed with "KeyError: 3" on a fourth row:
they made the values of 3 rows and reading.errors.bad_rows shows 5 (H170 finding 02). They show the values of the
rows they name, and bad_rows never fails on a mapping of fewer values than the rows it shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.reading.errors import bad_rows

HEADER = "id,Customer,Amount Paid,Period Start (UTC),Period End (UTC)\n"
COLUMNS = "customer_id=Customer,start=Period Start (UTC),end=Period End (UTC),mrr=Amount Paid"


def _run(tmp_path: Path, rows: list[str]) -> int:
    path = tmp_path / "invoices.csv"
    path.write_text(HEADER + "".join(rows))
    return cli.main(["import", "--subscriptions", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")])


def test_four_yearly_periods_are_refused_naming_them(tmp_path: Path, capsys) -> None:
    rows = [f"in_{i},cus_{i},490.00,2026-0{i}-05 09:00:00,2027-0{i}-05 09:00:00\n" for i in range(1, 5)]
    rows.append("in_5,cus_5,49.00,2026-05-02 09:00:00,2026-06-02 09:00:00\n")  # a month's: no contracts of years
    assert _run(tmp_path, rows) == 1
    err = capsys.readouterr().err
    assert (
        "in rows 2, 3, 4, 5 (counting the header as row 1): '490.00 over 2026-01-05 to 2027-01-05 (12 months)', "
        "'490.00 over 2026-02-05 to 2027-02-05 (12 months)', '490.00 over 2026-03-05 to 2027-03-05 (12 months)', "
        "'490.00 over 2026-04-05 to 2027-04-05 (12 months)': read as monthly"
    ) in err, err


def test_six_weekly_periods_are_refused_naming_them(tmp_path: Path, capsys) -> None:
    days = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16"]
    rows = [f"in_{i},cus_A,9.00,{days[i]} 10:00:00,{days[i + 1]} 10:00:00\n" for i in range(6)]
    assert _run(tmp_path, rows) == 1
    err = capsys.readouterr().err
    assert (
        "billing periods shorter than a month in rows 2, 3, 4, 5, 6 and 1 more (counting the header as row 1): " in err
    )
    assert err.rstrip().endswith("'9.00 over 2026-02-02 to 2026-02-09 (7 days)'"), err


@pytest.mark.parametrize("values", [{0: "a", 1: "b"}, {1: "b"}])
def test_bad_rows_shows_the_values_it_has(values: dict[int, str]) -> None:
    error = bad_rows("s.csv", "mrr", "odd values", [0, 1, 2, 3], values)
    shown = ", ".join(repr(values[p]) for p in sorted(values))
    assert str(error) == f"s.csv, column 'mrr': odd values in rows 2, 3, 4, 5 (counting the header as row 1): {shown}"
