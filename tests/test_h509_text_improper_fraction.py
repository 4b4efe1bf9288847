"""H509's finding 05: TEXT with the fraction format ``0/0`` gave "0/0" for every number, status ok: its denominator's
0, a digit placeholder, was read as a fixed denominator of 0 (as ``?/8`` fixes 8), and ``0 0/0`` of 5 gave "6". A
fixed denominator starts with 1-9; a 0 placeholder pads with zeros as LibreOffice does ('00/00' of 2.5 is '05/02');
a whole number under a format whose fraction has a 0 placeholder ('0 0/0' of 5: LibreOffice '5 0/1', Excel's text
undocumented) is listed as not computed, never guessed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc


def _recalc(tmp_path: Path, formula: str) -> tuple[str, object]:
    book = openpyxl.Workbook()
    book.active["A1"] = formula
    book.save(tmp_path / "f.xlsx")
    report = recalc(tmp_path / "f.xlsx", engine="embedded", output_dir=tmp_path / "out")
    value = openpyxl.load_workbook(tmp_path / "out" / "f.xlsx", data_only=True).active["A1"].value
    return report.files[0].status, value


@pytest.mark.parametrize(
    ("formula", "shown"),
    [
        ('=TEXT(2.5,"0/0")', "5/2"),  # was "0/0"
        ('=TEXT(0.3333,"0/0")', "1/3"),
        ('=TEXT(5,"0/0")', "5/1"),
        ('=TEXT(-2.5,"0/0")', "-5/2"),
        ('=TEXT(1.0625,"0/0")', "10/9"),
        ('=TEXT(2.5,"00/00")', "05/02"),  # was " 0/0 "
        ('=TEXT(123.456,"00/00")', "8395/68"),
        ('=TEXT(2.5,"0 0/0")', "2 1/2"),  # was "3    "
        ('=TEXT(0.75,"0 00/00")', "0 03/04"),
        ('=TEXT(2.5,"?/?")', "5/2"),  # unchanged
        ('=TEXT(2.5,"# ?/8")', "2 4/8"),
        ('=TEXT(3,"0 ?/10")', "3     "),  # a fixed denominator's 0 is no placeholder: computed as '0 ?/4' is (H513/05)
        ('=TEXT(2,"# ??/100")', "2       "),
        ('=TEXT(2.5,"0 ?/10")', "2 5/10"),
    ],
)
def test_a_zero_placeholder_is_no_fixed_denominator(tmp_path: Path, formula: str, shown: str) -> None:
    assert _recalc(tmp_path, formula) == ("ok", shown)


def test_a_whole_number_under_zero_placeholders_is_listed(tmp_path: Path) -> None:
    assert _recalc(tmp_path, '=TEXT(5,"0 0/0")') == ("incomplete", None)  # was "6    " with status ok
