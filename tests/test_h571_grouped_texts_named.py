"""Amounts pasted as texts with commas before thousands ('$10,000.00', '1,400.50') or as an accounting negative
('(1,200)') fell between recalc's two lines for typed texts (H571's finding 01): the tracker read them as en-US
numbers, status ok and named nowhere, while '$400.50' beside them was named; the user's own SUM, a pivot table or
pandas skip a text (the year's new MRR short by 1,400.50). They are named now, each with how it is read. And
'(1,200)', -1200 to an en-US Excel and -1.2 to a decimal-comma one, is listed as the locale's, as '1,200' is (it
was computed en-US under ok in a workbook of the user's own).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typed_tracker import typed_over

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h571_01")
    typed = {
        "Revenue": {"B2": "$10,000.00", "C2": 500, "D2": 200, "E2": 0, "F2": 100, "G2": 300,
                    "C3": "1,400.50", "D3": 100, "E3": 0, "F3": 50, "G3": "$400.50"},
    }  # fmt: skip
    path = typed_over(build_template(folder / "t.xlsx", start="2025-11", months=3), typed)
    return recalc_file(path, folder / "out.xlsx", engine="embedded"), folder / "out.xlsx"


def test_texts_with_thousands_are_named_with_how_they_are_read(recalculated) -> None:
    report, _ = recalculated
    assert report.status == "ok"
    assert report.message == (
        "t.xlsx: Revenue!B2 (MRR at start) is the text '$10,000.00' (read as 10000, as an en-US Excel reads it; an "
        "Excel whose decimal separator is a comma or whose currency is not $ reads it otherwise or as no number), "
        "Revenue!C3 (New MRR) the text '1,400.50' (read as 1400.5, as an en-US Excel reads it; an Excel whose decimal "
        "separator is a comma reads it otherwise or as no number), Revenue!G3 (Churned MRR) the text '$400.50' (read "
        "as 400.50, as an en-US Excel reads it; an Excel whose currency is not $ reads no number there): the tracker "
        "reads them as numbers, but a SUM, a pivot table or pandas reading these cells skips a text: type them as "
        "numbers"
    )


def test_the_tracker_reads_them_as_en_us_numbers(recalculated) -> None:
    out: Path = recalculated[1]
    revenue = openpyxl.load_workbook(out, data_only=True)["Revenue"]
    assert revenue["H2"].value == 10300  # 10000 + 500 + 200 - 100 - 300
    assert revenue["H3"].value == 11350  # 10300 + 1400.5 + 100 - 50 - 400.5


def _recalc_one(folder: Path, text: str):
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B1"] = text, "=A1*2"
    wb.save(folder / "u.xlsx")
    report = recalc_file(folder / "u.xlsx", folder / "out.xlsx", engine="embedded")
    return report, openpyxl.load_workbook(folder / "out.xlsx", data_only=True).active["B1"].value


@pytest.mark.parametrize("text", ["(1,200)", "(1.200)", "(1,5)", "(£5)", "(1.200,50 €)"])  # H581: money too
def test_a_bracketed_number_another_locale_reads_otherwise_is_listed(tmp_path, text) -> None:
    report, _ = _recalc_one(tmp_path, text)
    assert report.status == "incomplete"
    assert [(c.address, c.function) for c in report.unsupported] == [("Sheet!B1", "locale")]


def test_a_bracketed_number_every_excel_reads_alike_is_computed(tmp_path) -> None:
    report, value = _recalc_one(tmp_path, "(500)")
    assert (report.status, value) == ("ok", -1000)
