"""A long survey export (one row per question: the NPS question's rows 0-10, the follow-up's text) was refused with
the advice ``--segment 'Question=How likely are you to recommend us?'``, and that command was refused again over the
follow-up's answers: "column 'Answer': values that are not scores in rows 3, 5 ...: 'great', 'price'" (H484 finding
08). With ``--segment`` on a column naming the question, the other questions' rows are left out before the scores are
read: 2026-10, 2 responses, 1 promoter, 1 detractor, NPS 0.0 (pandas: ``df[df.Question == q]``), by pandas, DuckDB
and into a tracker; a bad score of the question is still refused naming its row in the file.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal, run, written

from xl_retention import cli
from xl_retention.workbook import build_template

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
Q = "How likely are you to recommend us?"
LONG = (
    "Survey name,User ID,Email,Question,Answer,Answered at\n"
    f"NPS Q4,u1,a@x.com,{Q},10,2026-10-01 10:00\n"
    "NPS Q4,u1,a@x.com,What is the main reason?,great,2026-10-01 10:00\n"
    f"NPS Q4,u2,b@x.com,{Q},{{second}},2026-10-02 10:00\n"
    "NPS Q4,u2,b@x.com,What is the main reason?,price,2026-10-02 10:00\n"
)
ARGS = ["--columns", "score=Answer,date=Answered at"]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_advised_segment_reads_the_nps_question_alone(tmp_path: Path, capsys, backend: str) -> None:
    path = written(tmp_path, "s.csv", LONG.format(second="3"))
    assert refusal(capsys, "--nps", str(path), *ARGS, "--to-csv", str(tmp_path / "o")).endswith(
        f"read the NPS question's rows alone: --segment 'Question={Q}'"
    )
    out = run(tmp_path, "--nps", path, *ARGS, "--segment", f"Question={Q}", backend=backend)
    rows = [line.split(",")[:6] for line in (out / "nps.csv").read_text().splitlines()]
    assert rows == [["month", "responses", "promoters", "passives", "detractors", "nps"],
                    ["2026-10", "2", "1", "0", "1", "0.0"]]  # fmt: skip


def test_into_a_tracker(tmp_path: Path) -> None:
    path = written(tmp_path, "s.csv", LONG.format(second="3"))
    book = build_template(tmp_path / "t.xlsx", start="2026-10", months=3)
    assert cli.main(["import", "--nps", str(path), "--into", str(book), *ARGS, "--segment", f"Question={Q}"]) == 0
    scores = openpyxl.load_workbook(book)["NPS scores"]
    assert [scores.cell(r, 2).value for r in (2, 3, 4)] == [10, 3, None]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_bad_score_of_the_question_is_refused_naming_its_row(tmp_path: Path, capsys, backend: str) -> None:
    path = written(tmp_path, "s.csv", LONG.format(second="11"))
    args = ["--segment", f"Question={Q}", "--backend", backend, "--to-csv", str(tmp_path / "o")]
    assert refusal(capsys, "--nps", str(path), *ARGS, *args) == (
        "s.csv, column 'Answer': scores outside 0-10 or not whole in row 4 (counting the header as row 1): '11'"
    )
