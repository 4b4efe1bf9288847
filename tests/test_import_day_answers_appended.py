"""Survey answers dated by day only (no time of day), without a response id, to which an export was appended again:
the overlap's answers counted twice in their month's NPS, silently (answers by day were not looked at: a day and a
score again, three running, may be chance). Three rows or more that repeat every earlier row from the first of them
to where the dates go back (the old export's whole end, through a change of day) are refused, naming the rows; a
late answer of an earlier day followed by new ones is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

APPENDED = (
    "Date,Score\n2024-01-05,10\n2024-01-05,9\n2024-01-06,3\n2024-01-20,8\n"
    "2024-01-05,10\n2024-01-05,9\n2024-01-06,3\n2024-01-20,8\n2024-01-22,10\n2024-02-02,6\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_answers_by_day_appended_again_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(APPENDED)
    args = ("--nps", str(path), "--columns", "date=Date,score=Score", "--backend", backend)
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "o")) == (
        "answers.csv, column 'Date': rows repeating earlier rows in the same order (rows 6-9 are rows 2-5 again: "
        "overlapping exports appended?), in a file without a response id to tell two answers apart: each would count "
        "twice in rows 6, 7, 8, 9 (counting the header as row 1): '2024-01-05', '2024-01-05', '2024-01-06', "
        "'2024-01-20': remove the repeated rows, or add the export's response id column"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "text",
    [  # a late answer of 5 January, then new days; the same three again but not the whole end (row 5 is not again)
        "Date,Score\n2024-01-05,10\n2024-01-05,9\n2024-01-06,10\n2024-01-07,9\n2024-01-05,10\n2024-01-06,10\n"
        "2024-01-08,9\n2024-02-02,6\n",
        "Date,Score\n2024-01-05,10\n2024-01-05,9\n2024-01-06,3\n2024-01-21,7\n2024-01-05,10\n2024-01-05,9\n"
        "2024-01-06,3\n2024-01-22,8\n2024-02-02,6\n",
    ],
)
def test_answers_by_day_again_by_chance_are_answers(tmp_path: Path, text: str) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(text)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "date=Date,score=Score") / "nps.csv")
    answers = pd.read_csv(path)
    january = answers[answers["Date"] < "2024-02"]["Score"]
    assert nps["responses"].tolist() == [len(january), 1]
