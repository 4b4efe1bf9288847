"""Qualtrics' -99 ("seen but unanswered") in a DuckDB table or a Parquet file read by DuckDB was refused as 'scores
outside 0-10 or not whole' where the same rows as a CSV file are read as no answer with a note (H78 finding 08).
Now such a table is read as a file's: -99 is no answer, said in the note; beside scores off the scale it is refused
as the file's column is.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROWS = "date,score\n2024-01-05,10\n2024-01-06,-99\n2024-01-07,{third}\n2024-02-01,9\n"
NPS = ["month,responses,promoters,passives,detractors,nps", "2024-01,2,1,0,1,0.0", "2024-02,1,1,0,0,100.0"]


def _import(tmp_path, form: str, third: str) -> tuple[int, str]:
    csv = tmp_path / "a.csv"
    csv.write_text(ROWS.format(third=third))
    database = str(tmp_path / "w.duckdb")
    query = f"SELECT date::DATE AS date, score::INTEGER AS score FROM read_csv('{csv}', header=true, all_varchar=true)"
    with duckdb.connect(database) as con:
        if form == "table":
            con.execute(f"CREATE TABLE answers AS {query}")
        else:
            con.execute(f"COPY ({query}) TO '{tmp_path / 'answers.parquet'}' (FORMAT parquet)")
    source = "table:answers" if form == "table" else str(tmp_path / "answers.parquet")
    args = ["import", "--nps", source, "--backend", "duckdb", "--to-csv", str(tmp_path / "out")]
    return main(args + (["--connection", database] if form == "table" else [])), source


@pytest.mark.parametrize("form", ["table", "parquet"])
def test_minus_99_in_a_typed_table_is_no_answer(tmp_path, capsys, form) -> None:
    capsys.readouterr()
    code, source = _import(tmp_path, form, "3")
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = (tmp_path / "out" / "nps.csv").read_text().splitlines()
    assert [",".join(line.split(",")[:6]) for line in lines] == NPS
    name = source if form == "table" else "answers.parquet"
    assert (f"{name}, column 'score': 1 answer -99 (Qualtrics' code of a question seen but unanswered) read as no "
            "answer (no score, not counted), as blank answers are") in captured.out + captured.err  # fmt: skip


def test_minus_99_beside_a_score_off_the_scale_is_refused_as_a_files(tmp_path, capsys) -> None:
    capsys.readouterr()
    code, _ = _import(tmp_path, "table", "30")
    assert code == 1
    assert capsys.readouterr().err.startswith("xl-retention: error: table:answers, column 'score': scores outside 0-10")
