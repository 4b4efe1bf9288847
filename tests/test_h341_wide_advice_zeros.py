"""The unpivot advice for a table of one column per month, followed to the letter, counts no one for a 0 cell.

5f5b397b told a wide --visits or --orders table '... .dropna(subset=[...])': a pivot table's 0 (no visit, no
revenue that month) stayed a row, a visit or an order of 0. Visitor b, 0 visits in Jan 2026 and 2 in Feb: Jan
visitors 2 for 1, Feb returning 2 for 1 (rate 1.0 for 0.5); buyer b, 0 in Jan and 7 in Feb, the same. The advice now
drops those cells too; the pandas expression of the message itself is run here on the table, then imported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


@pytest.mark.parametrize(
    ("flag", "ids", "table", "counts"),
    [
        ("--visits", "visitor_id", "visits.csv", ["visitors", "returning", "returning_visitor_rate"]),
        ("--orders", "customer_id", "purchases.csv", ["buyers", "returning", "returning_rate"]),
    ],
)
def test_the_advice_followed_counts_no_one_for_a_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, ids: str, table: str, counts: list[str]
) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text(f"{ids},Jan 2026,Feb 2026\na,3,1\nb,0,7\nc,,2\n")
    err = refusal(capsys, flag, str(wide), "--to-csv", str(tmp_path / "o"))
    advised = re.search(r"pandas: (df\.melt\(.*\)): a row per", err)
    assert advised is not None, err
    df = pd.read_csv(wide)
    long = tmp_path / "long.csv"
    eval(advised.group(1), {"df": df}).to_csv(long, index=False)  # the message's own expression
    out = run(tmp_path, flag, long)
    got = pd.read_csv(out / table)
    # Jan: a alone (b's 0 and c's blank are none); Feb: a, b, c, a returning: 1 of 3
    assert got["month"].tolist() == ["2026-01", "2026-02"]
    assert got[counts[0]].tolist() == [1, 3]
    assert got[counts[1]].tolist() == [0, 1]
    assert got[counts[2]].round(4).tolist() == [0.0, 0.3333]
