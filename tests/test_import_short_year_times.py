"""Two-digit-year timestamps (H26 finding 02): '1/5/24 10:00:00' was refused with the hint --date-format '%m/%d/%y',
and following it was refused again ('do not match the date format'): the hint left out the time of day. Now the hint
names the format with the time ('%m/%d/%y %H:%M:%S', '%d.%m.%y %H:%M', '%m/%d/%y %I:%M %p'), following it imports
the file (values without a time read as their day), and a date-only format given for timestamps names the format
with their time.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


@pytest.mark.parametrize(
    ("dates", "fmt"),
    [
        (("1/5/24 10:00:00", "1/20/24 15:30:00", "2/3/24 09:05:00"), "%m/%d/%y %H:%M:%S"),
        (("05.01.24 10:00", "20.01.24 15:30", "03.02.24 09:05"), "%d.%m.%y %H:%M"),
        (("1/5/24 10:00 AM", "1/20/24 3:30 PM", "2/3/24 9:05 AM"), "%m/%d/%y %I:%M %p"),
        (("1/5/24 10:00:00", "1/20/24", "2/3/24 09:05:00"), "%m/%d/%y %H:%M:%S"),  # one without a time: its day
        (("5-Jan-24 10:00", "20-Jan-24 15:30", "3-Feb-24 09:05"), "%d-%b-%y %H:%M"),
    ],
)
def test_the_hint_names_the_time_and_following_it_imports(
    tmp_path: Path, capsys, dates: tuple[str, ...], fmt: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\n" + "".join(f"c{i},{d},10\n" for i, d in enumerate(dates)))
    err = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert "dates that do not parse (two-digit years) in rows" in err
    assert f": read them with --date-format '{fmt}'" in err  # the first named
    out = run(tmp_path, "--orders", path, "--date-format", fmt)
    assert pd.read_csv(out / "purchases.csv").iloc[:, [0, 1]].values.tolist() == [["2024-01", 2], ["2024-02", 1]]


def test_a_date_only_format_for_timestamps_names_the_format_with_their_time(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\nc0,1/5/24 10:00:00,10\nc1,2/3/24 09:05:00,10\n")
    err = refusal(capsys, "--orders", str(path), "--date-format", "%m/%d/%y", "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'date': dates that do not match the date format '%m/%d/%y' (they have a time of day) in "
        "rows 2, 3 (counting the header as row 1): '1/5/24 10:00:00', '2/3/24 09:05:00': read them with "
        "--date-format '%m/%d/%y %H:%M:%S'"
    )
