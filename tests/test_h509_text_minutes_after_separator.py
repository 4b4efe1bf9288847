"""H509's finding 08: TEXT's m/mm after an hour or before seconds is the minutes whatever separator stands between
them; with '.', ',', '-' or '/' (the usual Finnish, Danish, Norwegian and Italian time format 'hh.mm') the month
was shown: 18:15 gave '18.03' (March), status ok. LibreOffice gives '18.15'; dates with dots stay dates."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc

MOMENT = 45000 + (18 * 3600 + 15 * 60 + 25) / 86400  # 2023-03-15 18:15:25


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("hh.mm", "18.15"),  # was 18.03
        ("hh.mm.ss", "18.15.25"),  # was 18.03.25
        ("d.m.yyyy hh.mm", "15.3.2023 18.15"),
        ("hh-mm", "18-15"),
        ("hh,mm", "18,15"),
        ("mm.ss", "15.25"),  # before seconds: was 03.25
        ("h.mm AM/PM", "6.15 PM"),
        ("yyyy.mm.dd", "2023.03.15"),  # a month beside a year and a day: unchanged
        ("dd.mm.yy", "15.03.23"),
    ],
)
def test_minutes_beside_an_hour_across_a_separator(tmp_path: Path, code: str, shown: str) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = MOMENT
    book.active["B1"] = f'=TEXT(A1,"{code}")'
    book.save(tmp_path / "t.xlsx")
    report = recalc(tmp_path / "t.xlsx", engine="embedded", output_dir=tmp_path / "out")
    assert [f.status for f in report.files] == ["ok"]
    assert openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True).active["B1"].value == shown
