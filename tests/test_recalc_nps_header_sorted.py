"""A month's NPS answers sorted with its header as data: recalc names the header cell and where the date went.

Before: January's answers (10, 9, 8, 7, 6, 9, 10, 3) sorted in LibreOffice with B1 (the month's date) taken as data
left 3 in B1 and the date in B9: recalc said only "got 46023 in 'NPS scores'!B9" (a date on screen) under ok, and
nothing about the answer 3 in B1, which no formula reads (H201's finding 12).
"""

from __future__ import annotations

import datetime as dt
import json

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template


def _recalc(tmp_path, capsys, column: list) -> dict:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    scores = wb["NPS scores"]
    for row, value in enumerate(column, start=1):
        scores.cell(row, 2).value = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_the_header_sorted_into_the_answers_is_named(tmp_path, capsys):
    report = _recalc(tmp_path, capsys, [3, 6, 7, 8, 9, 9, 10, 10, dt.datetime(2026, 1, 1)])
    assert report["status"] == "incomplete"
    assert report["message"].startswith(
        "t.xlsx: 'NPS scores'!B1 holds 3 where the month's header (2026-01) belongs: no formula reads an answer in "
        "row 1, and 'NPS scores'!B9 holds that date among the answers (the column sorted with its header as data?): "
        "put 2026-01 back in B1 and the answer in B9, and sort answers from row 2 only"
    )


def test_answers_under_their_header_are_not_named(tmp_path, capsys):
    report = _recalc(tmp_path, capsys, [dt.datetime(2026, 1, 1), 3, 6, 7, 8, 9, 9, 10, 10])
    assert (report["status"], report["message"]) == ("ok", "")
