"""NPV counts the values typed into the formula, those of a reference or an array only when they are numbers.

Microsoft's WorksheetFunction.Npv page (ECMA-376's NPV alike): "Arguments that are numbers, empty cells, logical
values, or text representations of numbers are counted ... If an argument is an array or reference, only numbers in
that array or reference are counted." The engine gave #VALUE! with status ok for ``NPV(0.1,1,"2")`` (2.5620), for an
array constant holding text (``NPV(0.1,{1,"2",3})``, 3.3884: the text left out) and for a rate that is numeric text
in a cell (read as a number as everywhere else). Typed text reading as no number is listed: the page says ignored,
the engine said #VALUE!, and no Excel-saved workbook settles it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def test_npv_counts_typed_values_and_only_the_numbers_of_references(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = "2", True, 3
    cells = {
        "B1": '=NPV(0.1,1,"2")',  # typed numeric text counted: 1/1.1 + 2/1.21
        "B2": "=NPV(0.1,1,TRUE)",  # a typed logical counted as 1
        "B3": '=NPV(0.1,1,TRIM(" 2 "))',  # an expression's text is a value, counted
        "B4": '=NPV(0.1,{1,"2",3})',  # an array: its numbers only, 1/1.1 + 3/1.21
        "B5": "=NPV(0.1,1,A1)",  # text in a reference left out
        "B6": "=NPV(0.1,1,A2,A3)",  # a logical in a reference left out: A3 is the second flow
        "B7": "=NPV(A1,1,2)",  # the rate "2" in a cell is the number 2: 1/3 + 2/9
        "B8": '=NPV("10%",1,2)',
        "B9": "=NPV(0.1,-10000,3000,4200,6800)",  # Microsoft's NPV example: 1,188.44
        "B10": "=NPV(0.1,1,NA())",
        "B11": '=NPV(0.1,1,"abc")',  # listed, Excel's stored value kept
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!B11"}, listed
    assert 'NPV(0.1,1,"abc")' in listed["S!B11"], listed
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    expected = {
        "B1": 1 / 1.1 + 2 / 1.1**2,
        "B2": 1 / 1.1 + 1 / 1.1**2,
        "B3": 1 / 1.1 + 2 / 1.1**2,
        "B4": 1 / 1.1 + 3 / 1.1**2,
        "B5": 1 / 1.1,
        "B6": 1 / 1.1 + 3 / 1.1**2,
        "B7": 1 / 3 + 2 / 9,
        "B8": 1 / 1.1 + 2 / 1.1**2,
        "B9": 1188.4434123352216,
    }
    for ref, value in expected.items():
        assert out[ref].value == pytest.approx(value, rel=1e-12), ref
    assert round(out["B1"].value, 4) == 2.5620 and round(out["B4"].value, 4) == 3.3884
    assert out["B10"].value == "#N/A"
