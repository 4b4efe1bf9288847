"""Wootric's responses export flags an answer it leaves out of its NPS with ``excluded_from_calculations`` true
(excluded users, throttled or internal respondents); under that name, and "Excluded from NPS", the flag was ignored:
October NPS -16.67 from 6 answers, success, no note (H484's finding 05), where ``excluded`` alone was refused. A flag
is now found by its name's words (a word of a test, spam or an exclusion, and words such as 'from', 'NPS'): refused
naming the column and rows as ``excluded`` is; the same flags all false are read (NPS 25.0 from 4 answers: Wootric's).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

SCORES = [(10, "false"), (9, "false"), (2, "false"), (0, "true"), (1, "true"), (8, "false")]


def _wootric(tmp_path: Path, column: str, flagged: bool = True) -> Path:
    path = tmp_path / "r.csv"
    lines = [f"id,end_user_id,email,score,text,created_at,updated_at,{column},completed"]
    for day, (score, flag) in enumerate(SCORES, start=1):
        at = f"2026-10-{day:02d} 10:00:00 UTC"
        lines.append(f"{day},{10 + day},u{day}@x.com,{score},,{at},{at},{flag if flagged else 'false'},true")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("column", ["excluded_from_calculations", "Excluded from NPS", "Is Spam Response"])
def test_an_exclusion_flag_under_its_vendors_name_is_refused(tmp_path: Path, capsys, column: str) -> None:
    path = _wootric(tmp_path, column)
    assert refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "o"), "--columns", "date=created_at") == (
        f"r.csv, column '{column}': responses that are previews, tests or spam, to be removed (no respondent's "
        "answer: they would count in the NPS) in rows 5, 6 (counting the header as row 1): 'true', 'true'"
    )


def test_the_flagged_answers_removed_give_wootrics_nps(tmp_path: Path) -> None:
    path = _wootric(tmp_path, "excluded_from_calculations")
    frame = pd.read_csv(path)
    frame[frame["excluded_from_calculations"].astype(str).str.lower() != "true"].to_csv(path, index=False)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "date=created_at") / "nps.csv")
    assert nps.iloc[0, :6].tolist() == ["2026-10", 4, 2, 1, 1, 25.0]


def test_a_test_score_and_an_exclusion_reason_are_no_flags(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "created_at,score,Test Score,Exclusion reason\n2026-10-01,10,3,\n2026-10-02,0,7,internal user\n",
        encoding="utf-8",
    )
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "date=created_at,score=score") / "nps.csv")
    assert nps.iloc[0, :6].tolist() == ["2026-10", 2, 1, 0, 1, 0.0]
