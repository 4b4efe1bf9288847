"""SurveyMonkey's "Respondent ID" (one per response in its "All responses data" CSV export) is a response's own id
(H159 findings 01 and 02).

Two SurveyMonkey exports appended, the answers of their common day in both, imported silently with those answers
counted twice (NPS 16.7 for 20.0): they are now refused naming the rows and Respondent IDs, as a response id's
repeats are; an answer edited between two exports (one Respondent ID, two scores) is refused as the same record in
two states. And the refusal of a block of rows appended again named rows one above the file's where a row was left
out above them (SurveyMonkey's "Response" row, a blank line): "rows 5-7 are rows 2-4 again" beside "in rows 6, 7, 8".
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

QUESTION = "How likely is it that you would recommend us to a friend or colleague?"
HEADER = f"Respondent ID,Collector ID,Start Date,End Date,{QUESTION}\n,,,,Response\n"
ROW = "{id},401234567,05/{day}/2026 09:12:00 AM,05/{day}/2026 09:14:31 AM,{score}\n"
FIRST = [(118000100, "02", 10), (118000101, "05", 3), (118000104, "15", 2), (118000105, "15", 10)]
SECOND = [(118000104, "15", 2), (118000105, "15", 10), (118000106, "19", 6), (118000107, "22", 9)]
COLUMNS = {"score": QUESTION, "date": "End Date"}


def _write(tmp_path, rows) -> str:
    path = tmp_path / "surveymonkey.csv"
    path.write_text(HEADER + "".join(ROW.format(id=i, day=d, score=s) for i, d, s in rows))
    return str(path)


def test_two_exports_appended_are_refused_naming_the_respondent_ids(tmp_path) -> None:
    with pytest.raises(DataError) as caught:
        load_tables(nps=_write(tmp_path, FIRST + SECOND), columns=COLUMNS)
    assert str(caught.value) == (
        "surveymonkey.csv, column 'Respondent ID': rows identical in every column to an earlier row with the same id: "
        "the same record twice (overlapping exports appended?), which would be counted twice in rows 7, 8 (counting "
        "the header as row 1): '118000104', '118000105': remove the repeated rows"
    )


def test_an_answer_edited_between_two_exports_is_refused(tmp_path) -> None:
    edited = [(118000104, "15", 7), *SECOND[2:]]
    with pytest.raises(DataError, match=r"^surveymonkey.csv, column 'Respondent ID': rows with the id of an earlier "):
        load_tables(nps=_write(tmp_path, FIRST + edited), columns=COLUMNS)


def test_the_responses_once_each_are_read(tmp_path) -> None:
    nps = load_tables(nps=_write(tmp_path, FIRST + SECOND[2:]), columns=COLUMNS).nps
    may = nps.loc[nps.index.astype(str) == "2026-05"].iloc[0]
    assert (may["responses"], may["promoters"], may["detractors"], may["nps"]) == (6, 3, 3, 0.0)


def test_a_block_appended_again_is_named_by_the_files_rows_below_a_blank_line(tmp_path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,date,amount\n\na,2024-01-05,10\nb,2024-01-06,20\nc,2024-01-07,30\n"
        "a,2024-01-05,10\nb,2024-01-06,20\nc,2024-01-07,30\nd,2024-02-01,5\n"
    )
    with pytest.raises(DataError) as caught:
        load_tables(orders=path)
    assert str(caught.value).startswith(
        "orders.csv, column 'customer_id': rows repeating earlier rows in the same order (rows 6-8 are rows 3-5 "
        "again: overlapping exports appended?), in a file without an order id to tell two orders apart: each would "
        "count twice in rows 6, 7, 8 (counting the header as row 1)"
    )
