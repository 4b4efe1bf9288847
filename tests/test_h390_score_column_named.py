"""A wrong score column mapped was refused without naming the 0-10 column when that column held a survey tool's no
answer (H384's finding 02): Qualtrics' ``Q1_NPS_GROUP`` mapped beside ``Q1`` holding -99 (seen but unanswered) said
"--columns score=COLUMN", and a Google Forms 1-5 question mapped beside the 0-10 one holding 'N/A' and 'Prefer not to
say' said the same, though the import reads those answers as no answer. Both name the column to map now. In process,
small CSVs written by the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, written

QUALTRICS = (
    "RecordedDate,Q1_NPS_GROUP,Q1\n"
    "2026-06-24 12:40:00,3,9\n"
    "2026-06-24 13:00:00,,-99\n"
    "2026-06-25 09:00:00,1,4\n"
    "2026-06-25 10:00:00,2,7\n"
)
FORMS = (
    "Timestamp,How likely are you to recommend us? (0-10),How satisfied are you with support? (1-5)\n"
    "2026-10-31 10:00:00,10,5\n"
    "2026-10-15 10:00:00,N/A,4\n"
    "2026-10-16 10:00:00,Prefer not to say,3\n"
    "2026-11-01 10:00:00,6,2\n"
)


def _refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, columns: str) -> str:
    """The one-line refusal of ``import --nps NAME --to-csv ... --columns COLUMNS`` of ``text`` written as ``name``."""
    path = written(tmp_path, name, text)
    return refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "out"), "--columns", columns)


def test_qualtrics_group_column_names_q1_beside_its_minus_99(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    message = _refused(tmp_path, capsys, "qualtrics.csv", QUALTRICS, "score=Q1_NPS_GROUP,date=RecordedDate")
    assert message == (
        "qualtrics.csv, column 'Q1_NPS_GROUP': its name says NPS categories or groups (Qualtrics' NPS group: 1 "
        "detractor, 2 passive, 3 promoter), not the 0-10 answers (read as scores, every respondent would be a "
        "detractor): map the column of the 0-10 answers, --columns score=Q1"
    )


def test_a_1_to_5_column_names_the_0_10_question_holding_no_answers(tmp_path, capsys) -> None:
    columns = "score=How satisfied are you with support? (1-5),date=Timestamp"
    message = _refused(tmp_path, capsys, "forms.csv", FORMS, columns)
    assert message == (
        "forms.csv, column 'How satisfied are you with support? (1-5)': read as the NPS answers, but column 'How "
        "likely are you to recommend us? (0-10)' asks the NPS question and holds answers from 0 to 10 that differ "
        "from it (5 beside 10): which holds the answers cannot be told in row 2 (counting the header as row 1): "
        "'5': map it, --columns 'score=How likely are you to recommend us? (0-10)', or remove the column that does "
        "not hold them"
    )
