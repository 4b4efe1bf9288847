"""A Qualtrics export with numeric values (its default) writes its response type as a code (H26 finding 01): 8 spam,
12 imported spam, 1 a survey preview, 2 a survey test were counted in the NPS, exit 0 (the same file with choice text,
"Spam", "Survey Preview", was refused). Such rows are refused as their words are, on pandas and on DuckDB; 0 (IP
Address), 4 (Imported) and 16 (Offline) are respondents' answers.
"""

from __future__ import annotations

from pathlib import Path

import ibis
import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading import DataError

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]
PROBLEM = (
    "responses that are previews, tests or spam, to be removed (no respondent's answer: they would count in the NPS)"
)
HEADER = (
    "StartDate,Status,Progress,Finished,RecordedDate,ResponseId,DistributionChannel,Q1\n"
    "Start Date,Response Type,Progress,Finished,Recorded Date,Response ID,Distribution Channel,How likely?\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""progress""}",'
    '"{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}",'
    '"{""ImportId"":""distributionChannel""}","{""ImportId"":""QID1""}"\n'
)


def _export(statuses: list[str], header: str = HEADER) -> str:
    scores = [10, 9, 0, 1]
    rows = [
        f"2024-01-0{i + 1} 10:00:00,{s},100,1,2024-01-0{i + 1} 10:01:00,R_{i},anonymous,{scores[i]}\n"
        for i, s in enumerate(statuses)
    ]
    return header + "".join(rows)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("statuses", "shown"),
    [
        (["0", "0", "8", "12"], "'8 (Spam)', '12 (Imported Spam)'"),
        (["0", "0", "1", "2"], "'1 (Survey Preview)', '2 (Survey Test)'"),
        (["0", "4", "9.0", "256"], "'9 (Survey Preview Spam)', '256 (Synthetic)'"),
    ],
)
def test_numeric_preview_test_and_spam_codes_are_refused(
    tmp_path: Path, capsys, backend: str, statuses: list[str], shown: str
) -> None:
    path = tmp_path / "qualtrics.csv"
    path.write_text(_export(statuses))
    err = refusal(capsys, "--nps", str(path), "--columns", "score=Q1,date=RecordedDate", "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == f"qualtrics.csv, column 'Status': {PROBLEM} in rows 6, 7 (counting the header as row 1): {shown}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_respondents_codes_count(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "qualtrics.csv"
    path.write_text(_export(["0", "4", "16", "0"]))  # IP Address, Imported, Offline: answers
    out = run(tmp_path, "--nps", path, "--columns", "score=Q1,date=RecordedDate", backend=backend)
    nps = pd.read_csv(out / "nps.csv")
    assert nps[["month", "responses", "promoters", "detractors"]].values.tolist() == [["2024-01", 4, 2, 2]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_export_without_its_id_rows_and_the_choice_text_spam_kinds(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "qualtrics.csv"
    path.write_text(_export(["0", "0", "0", "17"], HEADER.split("\n")[0] + "\n"))
    err = refusal(capsys, "--nps", str(path), "--columns", "score=Q1,date=RecordedDate", "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        f"qualtrics.csv, column 'Status': {PROBLEM} in row 5 (counting the header as row 1): "
        "'17 (Offline Survey Preview)'"
    )
    path.write_text(_export(["IP Address", "IP Address", "Imported Spam", "IP Address"]))  # choice text
    err = refusal(capsys, "--nps", str(path), "--columns", "score=Q1,date=RecordedDate", "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == f"qualtrics.csv, column 'Status': {PROBLEM} in row 6 (counting the header as row 1): 'Imported Spam'"


def test_a_status_of_numbers_outside_a_qualtrics_export_is_not_read_as_its_codes(tmp_path: Path) -> None:
    path = tmp_path / "nps.csv"
    path.write_text("date,score,Status\n2024-01-05,10,8\n2024-01-06,0,1\n")
    nps = pd.read_csv(run(tmp_path, "--nps", path) / "nps.csv")
    assert nps[["month", "responses"]].values.tolist() == [["2024-01", 2]]


def test_a_typed_table_with_integer_codes_is_refused_by_the_engine() -> None:
    from xl_retention.relational import api

    answers = pd.DataFrame({"RecordedDate": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-07"]),
                            "score": [0.0, 10.0, 9.0], "Status": [8, 0, 0], "ResponseId": ["R_1", "R_2", "R_3"],
                            "Finished": [True, True, True]})  # fmt: skip
    with pytest.raises(DataError) as caught:
        api.nps_by_month(ibis.memtable(answers), columns={"date": "RecordedDate"}, source="answers.parquet")
    assert str(caught.value) == (f"answers.parquet, column 'Status': {PROBLEM} in 1 row, e.g. Status '8 (Spam)'")
