"""``xl-retention sql``'s stop on answers of another scale says what NPS would make of them, as the import's refusal
does (reading.scores.check_scale): it said "every answer would be a detractor" of a 1-7 question's answers too, whose
7s NPS counts as passives (score_scales.as_nps, H330's finding 04), and named no scale."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _stop(capsys, scores: list[float]) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "nps"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    db = duckdb.connect()
    db.register("answers", pd.DataFrame({"date": pd.to_datetime(["2024-01-05"] * len(scores)), "score": scores}))
    with pytest.raises(duckdb.ConversionException) as stopped:
        db.sql(sql).df()
    return str(stopped.value)


def test_a_seven_point_questions_answers_are_not_all_detractors(capsys) -> None:
    said = _stop(capsys, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0] * 5)  # a 1-7 effort question's 35 answers
    assert (
        "'xl-retention: answers.score has no answer above 7 in 35: the answers of a 1-7 scale (a satisfaction or "
        "effort question), not of NPS's 0-10 'How likely are you to recommend ...?' (read as NPS, no answer would "
        "be a promoter, every one below 7 a detractor), where xl-retention import refuses them'"
    ) in said  # at the parent: 'the answers of another scale (...) (read as NPS, every answer would be a detractor)'


def test_a_five_point_questions_answers_are_all_detractors(capsys) -> None:
    said = _stop(capsys, [1.0, 2.0, 3.0, 4.0, 5.0] * 6)
    assert (
        "'xl-retention: answers.score has no answer above 5 in 30: the answers of a 1-5 scale (a satisfaction or "
        "effort question), not of NPS's 0-10 'How likely are you to recommend ...?' (read as NPS, every answer "
        "would be a detractor), where xl-retention import refuses them'"
    ) in said
