"""A score refused in a database table names its row by its values, not a pandas index (H464's finding 03).

``import --nps table:answers --backend duckdb`` over answers(date, score) with a score of 7.5 said "scores outside
0-10 or not whole in the row at index 1: 7.5": a table has no row index (no order without ORDER BY), so the user could
not find it. Every other refusal of a table names the row by its values; so now does this one.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from import_cli import refusal


@pytest.mark.parametrize(("score", "shown"), [(7.5, "7.5"), (11, "11.0")])
def test_the_row_is_named_by_its_values(
    tmp_path: Path, capsys: pytest.CaptureFixture, score: float, shown: str
) -> None:
    database = tmp_path / "w.duckdb"
    con = duckdb.connect(str(database))
    con.execute("CREATE TABLE answers(date DATE, score DOUBLE)")
    con.execute(f"INSERT INTO answers VALUES ('2026-01-05', 5), ('2026-02-05', {score}), ('2026-01-07', 7)")
    con.close()
    args = ["--nps", "table:answers", "--backend", "duckdb", "--connection", str(database)]
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "out")) == (
        f"table:answers, column 'score': scores outside 0-10 or not whole in 1 row, e.g. date '2026-02-05', "
        f"score {shown}"
    )
