"""Survey answers flagged as no respondent's (``is_duplicate``, ``is_internal``, ``is_bot``, ``spam``, Qualtrics'
``Q_RelevantIDDuplicate``: true) counted in the NPS, exit 0, where orders flagged so are refused (a04eb9c). Now such
answers are refused naming the rows, and answers flagged deleted (``is_deleted``: a soft delete) are left out with a
note, as an order flagged deleted is (reading.order_flags); on pandas and on DuckDB (a Parquet file's booleans). A
column is a flag only where every value says true, false or blank.
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
BACKENDS = ["pandas", "duckdb"]
PROBLEM = (
    "answers flagged as a duplicate, a bot, internal, a demo, a sample or spam (no respondent's answer: they would "
    "count in the NPS), to be removed"
)
DATES = ["2024-01-05", "2024-01-06", "2024-01-07", "2024-02-02", "2024-02-03"]
SCORES = [10, 0, 9, 9, 2]


def _csv(tmp_path: Path, name: str, flags: list[str]) -> Path:
    path = tmp_path / "answers.csv"
    rows = "".join(f"R_{i},{d},{s},{f}\n" for i, (d, s, f) in enumerate(zip(DATES, SCORES, flags, strict=True)))
    path.write_text(f"ResponseId,date,score,{name}\n{rows}")
    return path


def _counts(out: Path) -> list[list[int]]:
    nps = pd.read_csv(out / "nps.csv")
    return nps[["responses", "promoters", "passives", "detractors"]].values.tolist()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("name", "flags", "shown"),
    [
        ("is_duplicate", ["false", "TRUE", "false", "false", "false"], "row 3 (counting the header as row 1): 'TRUE'"),
        ("is_internal", ["0", "0", "1", "0", "1"], "rows 4, 6 (counting the header as row 1): '1', '1'"),
        ("isBot", ["", "", "", "yes", ""], "row 5 (counting the header as row 1): 'yes'"),
        ("Q_RelevantIDDuplicate", ["", "true", "", "", ""], "row 3 (counting the header as row 1): 'true'"),
        ("Employee?", ["no", "no", "no", "no", "x"], "row 6 (counting the header as row 1): 'x'"),
    ],
)
def test_answers_flagged_as_no_respondents_are_refused(tmp_path, capsys, backend, name, flags, shown) -> None:
    path = _csv(tmp_path, name, flags)
    err = refusal(capsys, "--nps", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == f"answers.csv, column {name!r}: {PROBLEM} in {shown}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_answers_flagged_deleted_are_left_out(tmp_path, capsys, backend) -> None:
    path = _csv(tmp_path, "is_deleted", ["false", "true", "false", "", "TRUE"])
    out = run(tmp_path, "--nps", path, backend=backend)
    assert _counts(out) == [[2, 2, 0, 0], [1, 1, 0, 0]]  # counted: [[3, 2, 0, 1], [2, 1, 0, 1]]
    assert "answers.csv, column 'is_deleted': 2 answers flagged deleted left out (not counted in the NPS)" in (
        capsys.readouterr().out
    )


def test_a_parquet_tables_boolean_flags_on_duckdb(tmp_path, capsys) -> None:
    frame = pd.DataFrame({"date": pd.to_datetime(DATES), "score": SCORES})
    frame.assign(is_deleted=[False, True, False, False, True]).to_parquet(tmp_path / "deleted.parquet")
    out = run(tmp_path, "--nps", tmp_path / "deleted.parquet", backend="duckdb")
    assert _counts(out) == [[2, 2, 0, 0], [1, 1, 0, 0]]
    frame.assign(is_duplicate=[False, False, False, False, True]).to_parquet(tmp_path / "dup.parquet")
    err = refusal(capsys, "--nps", str(tmp_path / "dup.parquet"), "--backend", "duckdb", "--to-csv", str(tmp_path))
    assert (
        err == f"dup.parquet, column 'is_duplicate': {PROBLEM} in row 5 (counting the Parquet file's first record "
        "as row 1): True"
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_column_of_other_values_is_no_flag(tmp_path, backend) -> None:
    path = _csv(tmp_path, "Duplicate", ["", "R_0", "", "", ""])  # the id of the answer it repeats: no yes/no
    assert _counts(run(tmp_path, "--nps", path, backend=backend)) == [[3, 2, 0, 1], [2, 1, 0, 1]]
    path = _csv(tmp_path, "is_duplicate", ["false"] * 5)  # all false: every answer counted
    assert _counts(run(tmp_path, "--nps", path, backend=backend)) == [[3, 2, 0, 1], [2, 1, 0, 1]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_answers_left_out_keep_the_others_segments(tmp_path, backend) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("ResponseId,date,score,plan,is_deleted\nr1,2024-01-05,10,Pro,false\nr2,2024-01-06,3,Pro,TRUE\n"
                    "r3,2024-02-02,9,Basic,false\nr4,2024-01-09,0,Basic,\nr5,2024-01-10,2,Pro,true\n")  # fmt: skip
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--segment", "plan", backend=backend) / "nps.csv")
    assert nps[["segment", "month", "responses", "promoters", "detractors"]].values.tolist() == [
        ["Basic", "2024-01", 1, 0, 1],
        ["Basic", "2024-02", 1, 1, 0],
        ["Pro", "2024-01", 1, 1, 0],  # r2 and r5 left out: Pro's 3 and 2 were detractors
        ["Pro", "2024-02", 0, 0, 0],
    ]
