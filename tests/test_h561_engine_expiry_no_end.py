"""A subscriptions table with no end mapped and a date on every row that is past on some rows and to come on others
("Access Until": a membership's expiry; ``paid_until``: a paid-through date) is refused on a file (without an end
every subscription counts as active to this day, no churn). On DuckDB such a column was not looked at (its values
were sampled only beside a mapped end): the table imported, every subscription active (H561's brief, item 3). It is
read as a file's now, refused with the same words; a column of past dates on every row still refuses nothing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def _write(path: Path, name: str, dates: tuple[str, str, str]) -> Path:
    rows = [f"a,2024-01-01,10,{dates[0]}", f"b,2024-01-01,10,{dates[1]}", f"c,2024-02-01,10,{dates[2]}"]
    path.write_text("\n".join([f"customer_id,start,mrr,{name}", *rows]) + "\n", encoding="utf-8")
    return path


def _duckdb_table(tmp_path: Path, path: Path) -> str:
    import duckdb

    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"create table subs as select * from read_csv_auto('{path}')")
    return database


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Access Until", "column 'Access Until' looks like the day subscriptions ended but is not used (dates after "
         "the start, past and to come, on every row): without an end every subscription counts as active to this day "
         "(no churn); map it: --columns 'end=Access Until' (in Python: columns={'end': 'Access Until'}), or remove the "
         "column if it is not the day service stopped"),
        ("paid_until", "column 'paid_until' says until when each subscription is paid, past on some rows and to come "
         "on others, and is not used: without an end every subscription counts as active to this day (no churn), and "
         "a paid-through date is no end (an active subscription renews then): give the day service stopped (--columns "
         "end=NAME, blank while active), or remove the rows of lapsed subscriptions"),
    ],
)  # fmt: skip
def test_an_expiry_on_every_row_without_an_end_is_refused_on_duckdb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, said: str
) -> None:
    path = _write(tmp_path / "subs.csv", name, ("2024-04-10", "2099-01-01", "2024-05-01"))
    out = str(tmp_path / "o")
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", out) == f"subs.csv: {said}"
    assert refusal(capsys, "--subscriptions", str(path), "--backend", "duckdb", "--to-csv", out) == f"subs.csv: {said}"
    database = _duckdb_table(tmp_path, path)
    args = ["--subscriptions", "table:subs", "--backend", "duckdb", "--connection", database, "--to-csv", out]
    assert refusal(capsys, *args) == f"table:subs: {said}"


def test_past_dates_on_every_row_refuse_nothing_on_duckdb(tmp_path: Path) -> None:
    path = _write(tmp_path / "subs.csv", "Access Until", ("2024-04-10", "2024-03-01", "2024-05-01"))
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, backend="duckdb") / "movements.csv")
    assert movements["mrr_end"].tolist()[:2] == [20.0, 30.0]
