"""Answers of several questions in one score column (a long-format export's 'Question', Delighted's 'Survey Type'):
CSAT 4 and 5 were counted as NPS detractors (H36 finding 02: Jan NPS 0 for 100, exit 0); camel-case names ("QuestionId",
"SampleWeight") were not read as such, the answers counted as NPS answers, each once (H48)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

LONG = (
    "Date,Question,Score\n2024-01-05,How satisfied are you? (1-5),5\n"
    "2024-01-05,How likely are you to recommend us? (0-10),10\n2024-01-06,How satisfied are you? (1-5),4\n"
    "2024-01-06,How likely are you to recommend us? (0-10),9\n2024-01-07,How satisfied are you? (1-5),5\n"
    "2024-01-07,How likely are you to recommend us? (0-10),10\n"
)


def test_a_question_column_of_two_questions_is_refused_and_its_segment_read(tmp_path: Path, capsys) -> None:
    path = tmp_path / "long.csv"
    path.write_text(LONG)
    assert refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "o")) == (
        "long.csv, column 'Question': answers of 2 questions or surveys in one score column ('How satisfied are "
        "you? (1-5)', 'How likely are you to recommend us? (0-10)'): the other questions' scores would count in the "
        "NPS; read the NPS question's rows alone: --segment 'Question=How likely are you to recommend us? (0-10)'"
    )
    out = run(tmp_path, "--nps", path, "--segment", "Question=How likely are you to recommend us? (0-10)")
    assert (out / "nps.csv").read_text().splitlines()[1:] == ["2024-01,3,3,0,0,100.0,0.0"]


@pytest.mark.parametrize("name", ["Survey Type", "Question ID", "metric", "Survey", "SurveyType", "QuestionId"])
def test_a_survey_type_column_of_csat_and_nps_is_refused(tmp_path: Path, capsys, name: str) -> None:
    path = tmp_path / "delighted.csv"
    path.write_text(
        f"Response ID,Score,Comment,{name},Created At (UTC)\n1,5,great,csat,2024-01-05 10:00:00\n"
        "2,5,ok,csat,2024-01-06 10:00:00\n3,9,yes,nps,2024-01-07 10:00:00\n4,10,,nps,2024-01-08 10:00:00\n"
    )
    args = ("--columns", "date=Created At (UTC)", "--to-csv", str(tmp_path / "o"))
    segment = f"'{name}=nps'" if " " in name else f"{name}=nps"  # quoted for a shell where it must be
    assert refusal(capsys, "--nps", str(path), *args) == (
        f"delighted.csv, column '{name}': answers of 2 questions or surveys in one score column ('csat', 'nps'): the "
        f"other questions' scores would count in the NPS; read the NPS question's rows alone: --segment {segment}"
    )


def test_several_nps_surveys_are_one_nps(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("date,score,Survey\n2024-01-05,10,Q1 relationship\n2024-01-06,0,Q1 relationship\n"
                    "2024-01-07,9,Onboarding\n")  # fmt: skip
    out = run(tmp_path, "--nps", path)
    assert (out / "nps.csv").read_text().splitlines()[1:] == ["2024-01,3,2,0,1,33.333333333333336,106.6869261412291"]


@pytest.mark.parametrize(
    "name", ["Weight", "Sampling Weight", "wt", "Gewicht", "poids", "SampleWeight", "surveyWeight"]
)
def test_a_weight_column_of_a_weighted_survey_is_refused(tmp_path: Path, capsys, name: str) -> None:
    path = tmp_path / "w.csv"
    path.write_text(f"ResponseId,RecordedDate,NPS,{name}\nR_1,2024-01-05,10,0.2\nR_2,2024-01-06,0,3.0\n"
                    f"R_3,2024-01-07,9,1\n")  # fmt: skip
    args = ("--columns", "date=RecordedDate,score=NPS", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, "--nps", str(path), *args) == (
        f"w.csv, column '{name}': weights of the answers: the NPS counts each answer once, and weighted answers give "
        "another figure; remove the column to count each answer once, or compute the weighted NPS from the answers "
        "and their weights in rows 2, 3 (counting the header as row 1): '0.2', '3.0'"
    )
    path.write_text(
        f"ResponseId,RecordedDate,NPS,{name}\nR_1,2024-01-05,10,1\nR_2,2024-01-06,0,1\n"
    )  # all 1: no weight
    out = run(tmp_path, "--nps", path, "--columns", "date=RecordedDate,score=NPS")
    assert (out / "nps.csv").read_text().splitlines()[1].startswith("2024-01,2,1,0,1,0.0,")


RETENTLY = (
    "Response date,Customer email,Score,{name},Campaign\n"
    "2026-10-02 09:14:00,ann@example.com,10,NPS,Q4 relationship NPS\n"
    "2026-10-03 11:20:00,bob@example.com,9,NPS,Q4 relationship NPS\n"
    "2026-10-05 16:02:00,cat@example.com,0,NPS,Q4 relationship NPS\n"
    "2026-10-06 10:00:00,dan@example.com,5,CSAT,Support CSAT\n"
    "2026-10-07 12:30:00,eve@example.com,4,CSAT,Support CSAT\n"
    "2026-10-08 15:45:00,fay@example.com,5,CSAT,Support CSAT\n"
)


@pytest.mark.parametrize("name", ["Survey metric", "Type", "Kind"])
def test_a_metric_column_of_any_name_told_by_its_values_is_refused(tmp_path: Path, capsys, name: str) -> None:
    """H555's finding 01: a column naming each answer's metric by its values (NPS beside CSAT) under a name not known
    as a question's (Retently's 'Survey metric', 'Type', 'Kind', and its 'Campaign') was not looked at: the CSAT's 5,
    4, 5 counted as NPS detractors, -33.3 for 33.3, exit 0. Now refused as a 'Question' column is; the segment reads
    the NPS answers (the campaign, one per metric, is then one value)."""
    path = tmp_path / "answers.csv"
    path.write_text(RETENTLY.format(name=name))
    args = ("--columns", "date=Response date", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, "--nps", str(path), *args) == (
        f"answers.csv, column {name!r}: answers of 2 questions or surveys in one score column ('NPS', 'CSAT'): the "
        f"other questions' scores would count in the NPS; read the NPS question's rows alone: --segment "
        f"{name + '=NPS' if ' ' not in name else repr(name + '=NPS')}"
    )
    out = run(tmp_path, "--nps", path, "--columns", "date=Response date", "--segment", f"{name}=NPS")
    assert (out / "nps.csv").read_text().splitlines()[1].startswith("2026-10,3,2,0,1,33.3333")


def test_values_of_comments_naming_metrics_are_no_metric_column(tmp_path: Path) -> None:
    """A comment column whose texts happen to say 'recommend' and 'satisfied' is no metric column: read as before."""
    path = tmp_path / "answers.csv"
    path.write_text(
        "Date,Score,Comment\n2026-10-02,10,I recommend you\n2026-10-03,9,satisfied\n2026-10-04,3,slow support\n"
    )
    out = run(tmp_path, "--nps", path)
    assert (out / "nps.csv").read_text().splitlines()[1].startswith("2026-10,3,2,0,1,33.3333")
