"""A classic formula whose array function reads values only shows the array's first value, not #SPILL!.

Before: =FREQUENCY(5,1), =FREQUENCY(B1,B2), =_xlfn.MUNIT(2), =_xlfn.VSTACK(1,2), =_xlfn.MODE.MULT(1,1,2,2), written
without an array or dynamic-array flag (a classic formula), were #SPILL! with status ok beside filled cells: the
pre-test of the rewrite that shows a classic formula's first value (INDEX((..),1,1)) had no word for them (H124's
finding 01). Excel shows a classic formula's array as its first value: 0, 1, 1, 1, 1.
"""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file


def test_classic_arrays_of_values_show_their_first_value(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B1"], sheet["B2"] = 1, 2
    formulas = {
        "D1": "=FREQUENCY(5,1)",  # {0;1}
        "D3": "=FREQUENCY(B1,B2)",  # {1;0}
        "D5": "=_xlfn.MUNIT(2)",
        "D7": "=_xlfn.VSTACK(1,2)",
        "D9": "=_xlfn.MODE.MULT(1,1,2,2)",  # {1;2}
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
        row = int(ref[1:])
        sheet[f"D{row + 1}"], sheet[f"E{row}"] = "x", "x"  # the cells below and beside filled
    book.save(tmp_path / "a.xlsx")
    report = recalc_file(tmp_path / "a.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert (report.status, report.errors) == ("ok", [])
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: values[ref].value for ref in formulas} == {"D1": 0, "D3": 1, "D5": 1, "D7": 1, "D9": 1}
