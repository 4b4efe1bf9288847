"""NPS answers of another scale (a 1-5 CSAT export) refused; 'N/A' answers read as no answer with a note."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError

ERROR = "xl-retention: error: "
CSAT = [5, 4, 5, 3, 1, 2, 5, 4, 5, 4] * 3  # 30 answers of a 1-5 satisfaction question
SCALE = (
    "no answer above 5 in 30: the answers of a 1-5 scale (a satisfaction or effort question), not of NPS's 0-10 "
    "'How likely are you to recommend ...?' (read as NPS, every answer would be a detractor); map the 0-10 "
    "question's column: --columns score=COLUMN"
)


def _answers(scores: list) -> pd.DataFrame:
    return pd.DataFrame({"date": [f"2024-0{1 + i % 3}-05" for i in range(len(scores))], "score": scores})


def test_five_point_answers_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _answers(CSAT).to_csv(tmp_path / "a.csv", index=False)
    assert cli.main(["import", "--nps", str(tmp_path / "a.csv"), "--to-csv", str(tmp_path / "t")]) == 1
    assert capsys.readouterr().err.strip() == f"{ERROR}a.csv, column 'score': {SCALE}"
    assert not (tmp_path / "t").exists()


def test_five_point_answers_refused_in_a_database() -> None:
    from xl_retention.relational import nps_by_month

    con = ibis.duckdb.from_connection(duckdb.connect())
    table = con.create_table("a", _answers(CSAT).assign(date=lambda f: pd.to_datetime(f["date"])))
    with pytest.raises(DataError, match="no answer above 5 in 30"):
        nps_by_month(table, backend=con)


def test_low_nps_answers_still_read(tmp_path: Path) -> None:
    # 29 answers none above 5, or 30 with one 8: an NPS survey that went badly, read as it is
    _answers(CSAT[:29]).to_csv(tmp_path / "few.csv", index=False)
    assert cli.main(["import", "--nps", str(tmp_path / "few.csv"), "--to-csv", str(tmp_path / "t1")]) == 0
    _answers(CSAT[:29] + [8]).to_csv(tmp_path / "one8.csv", index=False)
    assert cli.main(["import", "--nps", str(tmp_path / "one8.csv"), "--to-csv", str(tmp_path / "t2")]) == 0
    nps = pd.read_csv(tmp_path / "t2" / "nps.csv")
    assert nps["responses"].tolist() == [10, 10, 10]


def test_na_answers_read_as_no_answer_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "s.csv").write_text(
        "date,score\n2024-01-05,10 - Extremely likely\n2024-01-06,N/A\n2024-01-07,6\n2024-01-08,n/a\n"
        "2024-02-01,Prefer not to say\n2024-02-02,9\n2024-02-03,\n"
    )
    assert cli.main(["import", "--nps", str(tmp_path / "s.csv"), "--to-csv", str(tmp_path / "t")]) == 0
    out = capsys.readouterr().out
    assert (
        "s.csv, column 'score': 3 answers 'N/A', 'n/a', 'Prefer not to say' read as no answer (no score, not "
        "counted), as blank answers are" in out
    )
    nps = pd.read_csv(tmp_path / "t" / "nps.csv")
    assert nps[["month", "responses", "promoters", "detractors"]].values.tolist() == [
        ["2024-01", 2, 1, 1],
        ["2024-02", 1, 1, 0],
    ]
