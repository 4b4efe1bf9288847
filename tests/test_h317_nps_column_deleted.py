"""A month's column deleted on "NPS scores" is named as such, not as January's header out of place (H315's finding 07).

A quarterly surveyor deletes March's empty column D in LibreOffice: April's answers and header move into D, NPS!B5
(April) then reads 'NPS scores'!D, and NPS's March row reads #REF!. recalc said "'NPS scores'!B1 holds 46023 where
the month's header (2026-02) belongs ... put the month's date (2026-02) back in B1": B1 is January's header, right,
and typing 2026-02 there would label January's answers February. The edit is made here as LibreOffice makes it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

_READ = re.compile(r"'NPS scores'!([A-Z]{1,3})\$2:([A-Z]{1,3})\$1001")


def _left(match: re.Match[str]) -> str:
    from openpyxl.utils import column_index_from_string, get_column_letter

    letter = get_column_letter(column_index_from_string(match[1]) - 1)
    return f"'NPS scores'!{letter}$2:{letter}$1001"


def test_deleted_month_column_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    scores, nps = wb["NPS scores"], wb["NPS"]
    answers = {2: [10, 9, 10, 9, 8, 7, 6, 3, 9, 10], 3: [9, 9, 8, 7, 6, 5, 10], 5: [10, 9, 6, 8, 10, 9, 3]}
    for column, values in answers.items():  # Jan, Feb and Apr; March not surveyed
        for k, value in enumerate(values):
            scores.cell(2 + k, column).value = value
    scores.delete_cols(4)  # March's column, as Delete Columns does: April's header and answers now in D
    for row in nps.iter_rows(min_row=4, max_row=13, min_col=2):
        for cell in row:
            if isinstance(cell.value, str) and _READ.search(cell.value):
                cell.value = _READ.sub("#REF!" if cell.row == 4 else _left, cell.value)
    assert nps["B5"].value.startswith("=IF(COUNTA('NPS scores'!D$2:D$1001)=0")
    wb.save(path)
    cli.main(["recalc", str(path), "--output-dir", str(tmp_path / "out"), "--json"])
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["status"] == "incomplete"
    assert report["message"].startswith(
        "t.xlsx: 'NPS scores' has no column for 2026-03: C1 is 2026-02 and D1 2026-04 (the month's column deleted?), "
        "so the NPS sheet's row of 2026-03 reads a deleted column (its cells #REF!): insert an empty column before "
        "'NPS scores'!D headed 2026-03-01 (a month not surveyed keeps its column, empty), and in that NPS row write "
        "'NPS scores'!D$2:D$1001 where #REF! stands"
    )
    assert "'NPS scores'!B1" not in report["message"]
    out = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["NPS"]
    assert out["F5"].value == pytest.approx(100 * (4 - 2) / 7)  # April's NPS, as before
