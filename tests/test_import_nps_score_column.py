"""The column read as NPS answers is the 0-10 question's, not a survey tool's category code or variable (H66 01, 02).

Qualtrics' numeric export writes ``Q1`` (0-10) and ``Q1_NPS_GROUP`` (1 detractor, 2 passive, 3 promoter); mapped as
the score, the codes made every respondent a detractor: NPS -100 where January is 33.3, exit 0. Typeform's export
writes its calculated ``score`` variable (0 on every row) beside the question "How likely are you to recommend ...?";
``score`` was found by its name and read: NPS -100 where January is 33.3 and February 100. Both are now refused,
naming the column of the 0-10 answers to map; mapped so, the answers are read.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

QUALTRICS = (
    "RecordedDate,ResponseId,Q1_NPS_GROUP,Q1\n"
    "2024-01-05 10:00:00,R_1,3,10\n2024-01-06 10:00:00,R_2,3,9\n2024-01-07 10:00:00,R_3,1,3\n"
    "2024-02-05 10:00:00,R_4,2,8\n2024-02-06 10:00:00,R_5,3,10\n"
)
QUESTION = "How likely are you to recommend Acme to a friend or colleague?"
TYPEFORM = (
    f'#,"{QUESTION}",What is the main reason for your score?,score,Start Date (UTC),Submit Date (UTC)\n'
    "a1,10,great,0,2024-01-05 10:00:00,2024-01-05 10:01:00\na2,9,good,0,2024-01-06 10:00:00,2024-01-06 10:01:00\n"
    "a3,4,bad,0,2024-01-07 10:00:00,2024-01-07 10:01:00\na4,,,0,2024-02-05 10:00:00,2024-02-05 10:01:00\n"
    "a5,10,great,0,2024-02-06 10:00:00,2024-02-06 10:01:00\n"
)


def nps(tmp_path, text: str, columns: dict[str, str]) -> dict[str, tuple[int, float]]:
    path = tmp_path / "answers.csv"
    path.write_text(text)
    frame = load_tables(nps=path, columns=columns).nps
    return {str(m): (int(frame.loc[m, "responses"]), round(float(frame.loc[m, "nps"]), 1)) for m in frame.index}


@pytest.mark.parametrize("name", ["Q1_NPS_GROUP", "NPS Category", "nps_segment"])
def test_a_column_of_nps_groups_is_refused_naming_the_answers(tmp_path, name):
    text = QUALTRICS.replace("Q1_NPS_GROUP", name)
    with pytest.raises(DataError) as error:
        nps(tmp_path, text, {"date": "RecordedDate", "score": name})
    way = "--columns score=Q1" if name == "Q1_NPS_GROUP" else "--columns score=COLUMN"
    assert str(error.value) == (
        f"answers.csv, column {name!r}: its name says NPS categories or groups (Qualtrics' NPS group: 1 detractor, 2 "
        "passive, 3 promoter), not the 0-10 answers (read as scores, every respondent would be a detractor): map the "
        f"column of the 0-10 answers, {way}"
    )


def test_qualtrics_answers_mapped_are_read(tmp_path):
    assert nps(tmp_path, QUALTRICS, {"date": "RecordedDate", "score": "Q1"}) == {
        "2024-01": (3, 33.3),
        "2024-02": (2, 50.0),
    }


def test_typeforms_score_variable_beside_the_question_is_refused(tmp_path):
    with pytest.raises(DataError) as error:
        nps(tmp_path, TYPEFORM, {"date": "Submit Date (UTC)"})
    assert str(error.value) == (
        f"answers.csv, column 'score': read as the NPS answers, but column {QUESTION!r} asks the NPS question and "
        "holds answers from 0 to 10 that differ from it (0 beside 10): which holds the answers cannot be told in row 2 "
        f"(counting the header as row 1): '0': map it, --columns 'score={QUESTION}', or remove the column that does "
        "not hold them"
    )
    got = nps(tmp_path, TYPEFORM, {"date": "Submit Date (UTC)", "score": QUESTION})
    assert got == {"2024-01": (3, 33.3), "2024-02": (1, 100.0)}


def test_a_score_column_saying_what_the_question_column_says_is_read(tmp_path):
    same = TYPEFORM.replace(",10,great,0,", ",10,great,10,").replace(",9,good,0,", ",9,good,9,")
    same = same.replace(",4,bad,0,", ",4,bad,4,").replace("a4,,,0,", "a4,,,,")
    assert nps(tmp_path, same, {"date": "Submit Date (UTC)"}) == {"2024-01": (3, 33.3), "2024-02": (1, 100.0)}
