"""A Typeform export imported with --nps and no --columns was refused "missing columns 'date', 'score' ...: map it:
--columns date=NAME", naming neither the NPS question's column (headed by the question, whole numbers 0-10) nor the
answer's date. The refusal now gives the exact --columns to type (reading.answer_columns), which imports the file."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

QUESTION = "How likely are you to recommend Acme to a friend or colleague?"
TYPEFORM = (
    f"#,{QUESTION},What's the main reason for your score?,Start Date (UTC),Submit Date (UTC)\n"
    "t1,10,fast,2026-06-02 10:00:00,2026-06-02 10:10:00\n"
    "t2,6,,2026-06-05 11:00:00,2026-06-05 11:10:00\n"
    "t3,8,,2026-07-01 09:00:00,2026-07-01 09:05:00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_refusal_names_the_question_and_the_submit_date(tmp_path, capsys, backend) -> None:
    (tmp_path / "nps.csv").write_text(TYPEFORM)
    message = refusal(capsys, "--nps", str(tmp_path / "nps.csv"), "--backend", backend, "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "nps.csv: missing columns 'date', 'score' (columns found: '#', "
        f"'{QUESTION}', \"What's the main reason for your score?\", 'Start Date (UTC)', 'Submit Date (UTC)'); "
        f"map them: --columns 'score={QUESTION},date=Submit Date (UTC)'"
    )
    out = run(tmp_path, "--nps", tmp_path / "nps.csv", "--columns", f"score={QUESTION},date=Submit Date (UTC)")
    nps = pd.read_csv(out / "nps.csv").set_index("month")
    assert nps.loc["2026-06", ["responses", "promoters", "passives", "detractors"]].tolist() == [2, 1, 0, 1]


def test_only_the_date_missing_names_the_date(tmp_path, capsys) -> None:
    (tmp_path / "nps.csv").write_text("score,Submitted At,Note\n9,2026-06-02,\n3,2026-06-03,\n")
    message = refusal(capsys, "--nps", str(tmp_path / "nps.csv"), "--to-csv", str(tmp_path / "out"))
    assert message.endswith("map it: --columns 'date=Submitted At'")


def test_a_question_of_other_values_is_not_named(tmp_path, capsys) -> None:
    (tmp_path / "nps.csv").write_text(f"id,{QUESTION},Created\na,Very likely,2026-06-02\n")
    message = refusal(capsys, "--nps", str(tmp_path / "nps.csv"), "--to-csv", str(tmp_path / "out"))
    assert message.endswith("map them: --columns score=NAME,date=Created")
