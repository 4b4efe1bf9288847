"""H285's finding 06: the NPS sheet's bold headers "Promoters (9-10)" and "Detractors (0-6)" (16 characters) broke
inside their range in 14-wide columns ("Promoters (9-" over "10)"); their columns are 18 wide now."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from libreoffice_text import printed_text

from xl_retention.workbook import build_template


def test_nps_promoter_and_detractor_columns_hold_their_headers(tmp_path) -> None:
    ws = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=3))["NPS"]
    assert [ws["C1"].value, ws["E1"].value] == ["Promoters (9-10)", "Detractors (0-6)"]
    assert [ws.column_dimensions[c].width for c in "CDE"] == [18, 14, 18]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no soffice")
def test_libreoffice_renders_the_headers_on_one_line(tmp_path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    text = printed_text(Path(path), tmp_path)
    (header,) = [line for line in text.splitlines() if "Passives (7-8)" in line]
    assert header.split() == ["Month", "Responses", "Promoters", "(9-10)", "Passives", "(7-8)", "Detractors", "(0-6)",
                              "NPS"]  # fmt: skip
