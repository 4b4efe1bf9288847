"""#VALUE! of FIND/SEARCH finding nothing, of a date function given a text that is no date, and NUMBERVALUE of a text
made when the formula runs that only a decimal-comma Excel reads (H559's task 2): each was an error with an empty
reason (or #VALUE! under ok); now the reason names the function and the value (where it comes from), or the cell is
listed as the same text typed in is.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli

FORMULAS = {
    "B1": '=FIND("z",A1)',
    "B2": '=SEARCH("z",A1)+1',
    "B3": '=EDATE("Pro",1)',
    "B4": '=YEAR("2026-13-01")',
    "B5": "=YEAR(A2)",
    "B6": '=LEFT(A1,FIND("-",A1)-1)',
    "B7": '=FIND("P",A1,9)',
    "B8": '=_xlfn.NUMBERVALUE("1.200."&"000")',
    "B9": '=_xlfn.NUMBERVALUE(A3&"000")',
}


def test_reasons_name_the_function_and_value(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = "Product", "2026-13-01", "1.200."
    for ref, formula in FORMULAS.items():
        sheet[ref] = formula
    book.save(tmp_path / "texts.xlsx")
    done = recalc_cli(tmp_path / "texts.xlsx")
    assert done.errors == {
        "S!B1": ("#VALUE!", "FIND: 'z' is not in the text 'Product' in S!A1 (#VALUE!)"),
        "S!B2": ("#VALUE!", "SEARCH: 'z' is not in the text 'Product' in S!A1 (#VALUE!)"),
        "S!B3": (
            "#VALUE!",
            "EDATE: its start date 'Pro' (typed in) is a text Excel reads as no date or number (#VALUE!)",
        ),
        "S!B4": (
            "#VALUE!",
            "YEAR: its date '2026-13-01' (typed in) is a text Excel reads as no date or number (#VALUE!)",
        ),
        "S!B5": ("#VALUE!", "YEAR: its date '2026-13-01' in S!A2 is a text Excel reads as no date or number (#VALUE!)"),
        "S!B6": ("#VALUE!", "FIND: '-' is not in the text 'Product' in S!A1 (#VALUE!)"),
        "S!B7": ("#VALUE!", "FIND: its start 9 is past the end of the text 'Product' in S!A1, 7 characters (#VALUE!)"),
    }
    assert sorted(done.listed) == ["S!B8", "S!B9"]  # 1200000 to a decimal-comma Excel, #VALUE! to an en-US one
    assert {function for function, _ in done.listed.values()} == {"NUMBERVALUE"}
    assert all("decimal-comma Excel" in reason for _, reason in done.listed.values())
