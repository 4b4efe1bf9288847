"""Qualtrics' Q1_NPS_GROUP beside Q1 must put each answer in its own group (H453's finding 05).

A Qualtrics question copied or edited keeps recode values 1-11 for the 0-10 scale: an answer of 8 is written 9. With
no respondent choosing the top (11), every value is 1-10 and the import read them as 0-10: NPS 33.3 and 0.0 where the
file's own Q1_NPS_GROUP (1 detractor, 2 passive, 3 promoter, from the answer chosen) gives 0 and -25, silently. A
group column beside the score (its name the score's with a group word, or an NPS group) that puts an answer in another
group than its own (0-6, 7-8, 9-10) now refuses the file, naming the rows; groups that agree change nothing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "RecordedDate,ResponseId,Q1,Q1_NPS_GROUP\n"
#: 10 promoter, 1 detractor, 9 (an 8 recoded) passive, 7 (a 6) detractor; October 6 detractor, 10, 8 passive
RECODED = (
    "2026-09-03 10:00:00,R_1,10,3\n2026-09-04 10:00:00,R_2,1,1\n2026-09-30 23:30:00,R_3,9,2\n"
    "2026-10-01 00:10:00,R_4,7,1\n2026-10-05 10:00:00,R_5,6,1\n2026-10-06 10:00:00,R_6,10,3\n"
    "2026-10-07 10:00:00,R_7,8,2\n"
)


def test_groups_that_disagree_refuse_the_answers(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "q.csv"
    path.write_text(HEADER + RECODED)
    args = ["--nps", str(path), "--columns", "score=Q1,date=RecordedDate", "--to-csv", str(tmp_path / "out")]
    assert refusal(capsys, *args) == (
        "q.csv, column 'Q1': read as the NPS answers, but column 'Q1_NPS_GROUP' puts them in other NPS groups (9 as "
        "a passive), every such answer one above its group's range: the question's answers may be recoded 1-11 "
        "(Qualtrics' recode values), not 0-10 in rows 4, 5 (counting the header as row 1): '9', '7': export the "
        "answers as 0-10 (in Qualtrics: recode values 0 to 10), or map the column that holds them"
    )


@pytest.mark.parametrize("groups", [("3", "1", "2", "1", "1", "3", "2"), ("Promoter", "Detractor", "Passive",
                                    "Detractor", "Detractor", "Promoter", "Passive")])  # fmt: skip
def test_groups_that_agree_change_nothing(tmp_path: Path, groups: tuple[str, ...]) -> None:
    """The same answers 0-10 (8 and 6 where the recoded file has 9 and 7): September 1 promoter, 1 passive, 1
    detractor (NPS 0); October 1, 1, 2 (NPS -25)."""
    rows = RECODED.replace(",R_3,9,", ",R_3,8,").replace(",R_4,7,", ",R_4,6,").splitlines()
    text = HEADER + "".join(",".join(r.split(",")[:3] + [g]) + "\n" for r, g in zip(rows, groups, strict=True))
    path = tmp_path / "q.csv"
    path.write_text(text)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "score=Q1,date=RecordedDate") / "nps.csv")
    assert nps.set_index(nps.columns[0])["nps"].to_dict() == {"2026-09": 0.0, "2026-10": -25.0}


def test_two_questions_each_checked_against_its_own_groups(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Q1 (recoded 1-11) and Q10 (0-10) each beside its group column: Q1's own groups refuse it (H465's finding 02:
    with two group columns nothing was checked); Q10's answers agree with Q10_NPS_GROUP and import."""
    rows = [r.split(",") for r in RECODED.splitlines()]
    q10 = ["10", "2", "8", "6", "6", "9", "7"]  # 0-10, its groups below
    q10_groups = ["3", "1", "2", "1", "1", "3", "2"]
    text = "RecordedDate,ResponseId,Q1,Q1_NPS_GROUP,Q10,Q10_NPS_GROUP\n" + "".join(
        ",".join([*r, a, g]) + "\n" for r, a, g in zip(rows, q10, q10_groups, strict=True)
    )
    path = tmp_path / "two.csv"
    path.write_text(text)
    q1 = ["--nps", str(path), "--columns", "score=Q1,date=RecordedDate", "--to-csv", str(tmp_path / "o1")]
    assert "column 'Q1_NPS_GROUP' puts them in other NPS groups" in refusal(capsys, *q1)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "score=Q10,date=RecordedDate") / "nps.csv")
    assert nps.set_index(nps.columns[0])["nps"].to_dict() == {"2026-09": 0.0, "2026-10": -25.0}


def test_another_question_s_groups_are_not_the_score_s(tmp_path: Path) -> None:
    """Only Q10_NPS_GROUP beside Q1 (another question's groups): not checked against Q1's answers."""
    text = HEADER.replace("Q1_NPS_GROUP", "Q10_NPS_GROUP") + RECODED
    path = tmp_path / "other.csv"
    path.write_text(text)
    nps = pd.read_csv(run(tmp_path, "--nps", path, "--columns", "score=Q1,date=RecordedDate") / "nps.csv")
    assert list(nps.set_index(nps.columns[0])["nps"].round(1)) == [33.3, 0.0]  # Q1 read as written: no refusal
