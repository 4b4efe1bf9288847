"""Texts another language's Excel reads as numbers or dates, read by formulas in a file storing no value of Excel's:
a month's name and a year ("März 2024"), "R$ 1.200,00", "1 200 Kč", and a Swiss "1'234.50" (apostrophes grouping the
thousands). They were a confident #VALUE! (the text never looked at: it starts with a letter or R$, or its
separator was not known); now each reader is listed as locale with both values, as "£1,200" is, and a Swiss Excel's
stored value of "1'234.50"*2 is kept. A text that is none of these ("Total 2024") is computed as before."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet

from xl_retention.recalculation import recalc_file


def test_more_texts_read_otherwise_by_another_locale_are_listed(tmp_path: Path) -> None:
    cells = {
        "A1": "März 2024",
        "A2": "R$ 1.200,00",
        "A3": "1'234.50",
        "A4": "1 200 Kč",
        "A5": "Total 2024",
        "B1": "=A1+0",
        "B2": "=A2*2",
        "B3": "=A3*2",
        "B4": "=A4*2",
        "B5": "=LEN(A5)",
    }
    report, values = recalc_sheet(tmp_path, cells)
    listed = {u.address: u.reason for u in report.unsupported if u.function == "locale"}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3", "S!B4"]
    assert "an en-US Excel gives #VALUE!, a Swiss Excel 2469;" in listed["S!B3"]
    assert "an en-US Excel gives #VALUE!, a British or European Excel 2400;" in listed["S!B2"]
    assert not report.errors
    assert [values.get(f"B{row}") for row in range(1, 6)] == [None, None, None, None, 10]


def test_a_swiss_excels_value_of_apostrophe_thousands_is_kept(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "S"
    book["S"]["A1"], book["S"]["B1"] = "1'234.50", "=A1*2"
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "swiss.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'(<c r="B1"[^>]*><f>[^<]*</f>)<v\s*/>', rb"\g<1><v>2469</v>", data)
            elif item.filename == "xl/workbook.xml":
                data = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', data)
            new.writestr(item, data)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert [(u.address, u.function, u.kept) for u in report.unsupported] == [("S!B1", "locale", True)]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["B1"].value == 2469
