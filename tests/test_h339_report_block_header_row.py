"""A CSV file starting with a report block of name/value pairs is told the row of the data's header, not the block's
first pair (H332's finding 09).

The Google Analytics add-on for Google Sheets writes 'Report Configuration', then 'Report Name,Visitors' and 'Last
Run On,...', a blank row, then the data with its header 'Client ID,Date' in row 5. The import said row 2 ('Report
Name', 'Visitors') was the header; deleting row 1 as told gave a second refusal. It names row 5 now, and deleting
rows 1-4 imports the visits (2025-01: 2 visitors; 2025-02: 3, of which 2 returning: hand count).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]

BLOCK = "Report Configuration,\nReport Name,Visitors\nLast Run On,7/1/2025 10:00:00\n,\n"
DATA = "Client ID,Date\n111.1,20250105\n222.2,20250106\n111.1,20250203\n333.3,20250210\n222.2,20250215\n"
COLUMNS = "visitor_id=Client ID,date=Date"


def test_the_data_header_below_the_report_block_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "visits.csv"
    path.write_text(BLOCK + DATA)
    err = refusal(capsys, "--visits", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "visits.csv: row 5 holds the names 'Client ID', 'Date' (counting the first row as row 1): the header, below a "
        "title ('Report Configuration', 'Report Name', ...)? delete the rows above it"
    )


def test_a_title_above_a_header_of_known_names_is_still_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "v.csv"
    path.write_text("Visits export\nvisitor_id,date\na,2025-01-05\n,\nb,2025-01-06\n")
    err = refusal(capsys, "--visits", str(path), "--to-csv", str(tmp_path / "o"))
    assert err == (
        "v.csv: row 2 holds the names 'visitor_id', 'date' (counting the first row as row 1): the header, below a "
        "title ('Visits export')? delete the rows above it"
    )


def test_rows_1_to_4_deleted_import_the_visits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "visits.csv"
    path.write_text(DATA)
    out = run(tmp_path, "--visits", path, "--columns", COLUMNS)
    capsys.readouterr()
    assert (out / "visits.csv").read_text().splitlines() == [
        "month,visitors,returning,returning_visitor_rate",
        "2025-01,2,0,0.0",
        "2025-02,3,2,0.6666666666666666",
    ]
