"""H509's finding 01: TEXT with a fraction format whose whole part is a 0 placeholder (``0 ?/?``) dropped the 0 of a
value under 1: 0.5 gave " 1/2" with status ok, where Excel's Format Cells and LibreOffice show "0 1/2". The whole part
follows its digit placeholders as an integer does: 0 a digit, ? a space, # nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc


@pytest.mark.parametrize(
    ("formula", "shown"),
    [
        ('=TEXT(A1,"0 ?/?")', "0 1/2"),  # was " 1/2"
        ('=TEXT(0.25,"0 ?/?")', "0 1/4"),
        ('=TEXT(-0.5,"0 ?/?")', "-0 1/2"),  # was "- 1/2"
        ('=TEXT(0.5,"00 ?/?")', "00 1/2"),
        ('=TEXT(1.5,"00 ?/?")', "01 1/2"),  # was "1 1/2"
        ('=TEXT(0.5,"?? ?/?")', "   1/2"),
        ('=TEXT(1.5,"?? ?/?")', " 1 1/2"),
        ('=TEXT(0.75,"0 ??/??")', "0  3/4 "),
        ('=TEXT(0.5,"#,##0 ?/4")', "0 2/4"),
        ('=TEXT(0.5,"# ?/?")', " 1/2"),  # a # shows no digit: unchanged
        ('=TEXT(2.5,"# ?/?")', "2 1/2"),
    ],
)
def test_a_fractions_whole_part_follows_its_placeholders(tmp_path: Path, formula: str, shown: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = 0.5
    sheet["B1"] = formula
    book.save(tmp_path / "f.xlsx")
    report = recalc(tmp_path / "f.xlsx", engine="embedded", output_dir=tmp_path / "out")
    assert [f.status for f in report.files] == ["ok"]
    assert openpyxl.load_workbook(tmp_path / "out" / "f.xlsx", data_only=True).active["B1"].value == shown
