"""Qualtrics' download of chosen fields (no ResponseId column) still has its question-text and ImportId rows below
the header: they are left out as in a full export, not refused as dates that do not parse (H330's finding 06)."""

from __future__ import annotations

import csv

from xl_retention import cli

QUALTRICS = (
    "StartDate,RecordedDate,Q1\n"
    "Start Date,Recorded Date,How likely are you to recommend Acme to a friend or colleague?\n"
    '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}",'
    '"{""ImportId"":""recordedDate"",""timeZone"":""America/Denver""}","{""ImportId"":""QID1""}"\n'
    "2026-09-03 10:00:00,2026-09-03 10:04:00,10\n"
    "2026-09-20 11:00:00,2026-09-20 11:03:00,6\n"
    "2026-10-05 09:00:00,2026-10-05 09:02:00,9\n"
    "2026-10-28 15:00:00,2026-10-28 15:05:00,8\n"
    "2026-11-11 12:00:00,2026-11-11 12:01:00,3\n"
)


def test_header_rows_left_out_without_a_response_id(tmp_path):
    path = tmp_path / "qualtrics.csv"
    path.write_text(QUALTRICS)
    out = tmp_path / "out"
    args = ["import", "--nps", str(path), "--columns", "date=RecordedDate,score=Q1", "--to-csv", str(out)]
    assert cli.main(args) == 0  # at the parent: 1, "dates that do not parse in rows 2, 3"
    with open(out / "nps.csv", newline="") as handle:
        got = [[r["month"], r["responses"], r["promoters"], r["passives"], r["detractors"], r["nps"]]
               for r in csv.DictReader(handle)]  # fmt: skip
    assert got == [
        ["2026-09", "2", "1", "0", "1", "0.0"],
        ["2026-10", "2", "1", "1", "0", "50.0"],
        ["2026-11", "1", "0", "0", "1", "-100.0"],
    ]


def test_an_ordinary_first_row_is_data(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("RecordedDate,Q1\n2026-09-03 10:04:00,10\n2026-10-05 09:02:00,9\n")
    out = tmp_path / "out"
    args = ["import", "--nps", str(path), "--columns", "date=RecordedDate,score=Q1", "--to-csv", str(out)]
    assert cli.main(args) == 0
    assert (out / "nps.csv").read_text().splitlines()[1].startswith("2026-09,1,1,0,0,100.0")
