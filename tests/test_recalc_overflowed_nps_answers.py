"""Answers pasted below the rows a tracker's NPS formulas read: the file is incomplete (the check names the first
one), and now the month's figures computed from the rows read store no value and are listed, the output asking Excel
to compute the workbook; the NPS of the first 1,000 of 1,100 answers (-45.5, where all of them give -32.3) was stored
on NPS and the Dashboard, nothing listed (H159 finding 06)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def test_figures_computed_from_overflowed_answers_store_no_value(tmp_path: Path) -> None:
    build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    answers = [(i * 7 + 3) % 11 for i in range(1000)] + [10] * 100
    for row, score in enumerate(answers, start=2):
        book["NPS scores"].cell(row, 2, score)
    book["NPS scores"]["C2"] = 9  # February: 1 answer, within the rows read
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert result.message.startswith("t.xlsx: 'NPS scores'!B1002 holds an answer below row 1001")
    listed = {u.address: u for u in result.unsupported}
    assert {"NPS!B2", "NPS!F2", "Dashboard!B8"} <= set(listed)
    assert "NPS!B3" not in listed and "NPS!F3" not in listed  # February's figures: its answers are all read
    assert listed["NPS!F2"].reason == (
        "computed from 'NPS scores'!B2:B1001, and 'NPS scores'!B1002 holds an answer below row 1001: the answers below "
        "are not counted; import them with xl-retention import --nps FILE --into (it widens the formulas to every "
        "answer), or move them up"
    )
    assert not any(u.kept for u in result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["NPS"][ref].value for ref in ("B2", "F2")] + [out["Dashboard"]["B8"].value] == [None, None, None]
    assert (out["NPS"]["B3"].value, out["NPS"]["F3"].value) == (1, 100)
    with zipfile.ZipFile(tmp_path / "out.xlsx") as package:
        assert b'fullCalcOnLoad="1"' in package.read("xl/workbook.xml")
