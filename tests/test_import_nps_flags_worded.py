"""NPS answers flagged 'Flagged as spam' = Yes, German 'Testantwort' = ja or 'Excluded' = TRUE were counted under exit
0: October NPS 0.0 from 5 answers instead of 66.67 from 3 (H200's finding 07). They are refused naming the column, as
'Is Spam' = Yes is; the same flags all false are read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

FLAGS = [("Flagged as spam", "Yes", "No"), ("Testantwort", "ja", "nein"), ("Excluded", "TRUE", "FALSE")]


def _answers(tmp_path: Path, column: str, flagged: str, other: str) -> Path:
    path = tmp_path / "answers.csv"
    path.write_text(
        f"Date,Score,{column}\n2026-10-01,10,{other}\n2026-10-02,0,{flagged}\n2026-10-03,0,{flagged}\n"
        f"2026-10-04,9,{other}\n2026-10-05,8,{other}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("column", "flagged", "other"), FLAGS)
def test_a_worded_spam_or_test_flag_is_refused(tmp_path: Path, capsys, column: str, flagged: str, other: str) -> None:
    path = _answers(tmp_path, column, flagged, other)
    assert refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"answers.csv, column '{column}': responses that are previews, tests or spam, to be removed (no respondent's "
        f"answer: they would count in the NPS) in rows 3, 4 (counting the header as row 1): '{flagged}', '{flagged}'"
    )


@pytest.mark.parametrize(("column", "flagged", "other"), FLAGS)
def test_the_flags_all_false_are_read(tmp_path: Path, column: str, flagged: str, other: str) -> None:
    nps = pd.read_csv(run(tmp_path, "--nps", _answers(tmp_path, column, other, other)) / "nps.csv")
    assert nps.iloc[0, 1:5].tolist() == [5, 2, 1, 2]
    assert round(nps.iloc[0, 5], 2) == 0.0  # 10, 9 promoters, 0, 0 detractors, 8 passive
