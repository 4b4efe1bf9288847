"""extend, upgrade and import --into say what recalc says of a tracker's months typed out of order or as text (H544's
finding 01: two months swapped were told "insert a row above ... type 2026-03", a third row of March; a month typed
as the text '2026-02' was called a totals row to move out, with February's figures)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

SORT = (
    "Customers!A5 is 2026-03, not 2026-05: the months of a tracking sheet must follow each other, oldest first: sort "
    "the rows by 'Month', oldest to newest (each month's start reads the row above, the month before)"
)
TEXT = (
    "Customers!A3 ('Month') is the text '2026-02', not a date: type the row's month as a date, 2026-02 (the lifetime "
    "value, the Dashboard and the charts find a month's figures by its date), or move a row of your own (a total) "
    "below the last month"
)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xl_retention", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def trackers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("months")
    assert _cli("new", "t.xlsx", "--start", "2026-01", "--months", "6", cwd=folder).returncode == 0
    book = openpyxl.load_workbook(folder / "t.xlsx")
    book["Customers"]["A4"], book["Customers"]["A5"] = dt.datetime(2026, 4, 1), dt.datetime(2026, 3, 1)
    book.save(folder / "swapped.xlsx")
    book = openpyxl.load_workbook(folder / "t.xlsx")
    book["Customers"]["A3"] = "2026-02"
    book.save(folder / "text.xlsx")
    (folder / "nps.csv").write_text("date,score\n2026-01-15,9\n")
    return folder


@pytest.mark.parametrize("command", ["extend {} --months 1", "upgrade {}", "import --nps nps.csv --into {}"])
@pytest.mark.parametrize(("book", "said"), [("swapped.xlsx", SORT), ("text.xlsx", TEXT)])
def test_months_out_of_order_or_typed_as_text_get_recalcs_advice(
    trackers: Path, command: str, book: str, said: str
) -> None:
    before = (trackers / book).read_bytes()
    done = _cli(*command.format(book).split(), cwd=trackers)
    assert done.returncode == 1
    assert done.stderr == f"xl-retention: error: {said}\n"
    assert (trackers / book).read_bytes() == before  # the tracker as it was
