"""A month header of "NPS scores" retyped as text (H265's finding 07): B1 'Jan 2026' with seven answers below was
named "'NPS scores'!B1 holds nothing where the month's header (2026-01) belongs: ... put ... any answer there in an
empty cell below"; it holds the text, which the message now says."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def test_a_header_typed_as_text_is_named_as_that_text(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    scores = wb["NPS scores"]
    scores["B1"] = "Jan 2026"
    for row, score in enumerate([10, 9, 8, 6, 9, 10, 3], start=2):
        scores.cell(row, 2).value = score
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert report.message == (
        "t.xlsx: 'NPS scores'!B1 holds the text 'Jan 2026' where the month's header, the date 2026-01-01, belongs: no "
        "formula reads a text as the month: type the date 2026-01-01 in B1 (shown as the month by its format)"
    )
    assert round(openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["NPS"]["F2"].value, 4) == 28.5714
