"""LINEST and LOGEST where the engine's answer was not Excel's (the Excel-saved corpus, pycel's stats.xlsx)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path, arrays: dict[str, str], cells: dict[str, object]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    for ref, formula in arrays.items():
        sheet[ref.split(":")[0]] = ArrayFormula(ref, "=" + formula)
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def _values(path: Path, refs: list[str]) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path, data_only=True)["S"]
    return {ref: sheet[ref].value for ref in refs}


def test_sizes_that_do_not_match_are_ref_before_a_missing_value(tmp_path: Path) -> None:
    # Excel answers #REF! for 4 y's and 3 rows of x's although a y is blank; the engine said #VALUE! (it checked
    # the values first). Matching sizes with a blank y stay #VALUE!, as in Excel.
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "B1": 2.0, "B2": 4.1, "B3": 5.9}
    path = _book(
        tmp_path,
        {
            "D1": "LINEST(B1:B4,A1:A3)",
            "D2": "LINEST(B1:B4,A1:A4)",
            "D3": "LOGEST(B1:B4,A1:A3)",
            "D4": "INDEX(LINEST(B1:B3,A1:A3),1)",
        },
        cells,
    )
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert _values(tmp_path / "out.xlsx", ["D1", "D2", "D3"]) == {"D1": "#REF!", "D2": "#VALUE!", "D3": "#REF!"}
    assert abs(_values(tmp_path / "out.xlsx", ["D4"])["D4"] - 1.95) < 1e-12
    assert result.status == "ok"


def test_collinear_x_values_are_listed_not_written_with_another_fit(tmp_path: Path) -> None:
    # Excel drops collinear columns by a rule of its own ({0,0,2;0,0,0;1,0,#N/A;#NUM!,0,#N/A;2,0,#N/A} for this
    # one); the engine fitted them anyway and the file came out "ok" with other numbers. The cells are listed as
    # unsupported with the reason; a fit of full rank beside it is computed.
    cells: dict[str, object] = {
        "A1": 1, "A2": 2, "A3": 3, "B1": 2, "B2": 2, "B3": 2, "C1": 3, "C2": 3, "C3": 3,
        "E1": 1, "E2": 3, "E3": 5, "F1": 0, "F2": 1, "F3": 2,
    }  # fmt: skip
    arrays = {
        "H1:J5": "LINEST(A1:A3,B1:C3,,TRUE)",  # both x columns constant, statistics asked for
        "H7:I7": "LINEST(E1:E3,F1:F3)",  # full rank
        "H9:I9": "LINEST(E1:E3,B1:B3)",  # a constant x beside the intercept: Excel's {0, mean of y}
        "H11:J11": "LINEST(E1:E3,F1:G3)",  # G = 2 x F: which column Excel removes is its own rule
    }
    cells.update({"G1": 0, "G2": 2, "G3": 4})
    path = _book(tmp_path, arrays, cells)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    reason = "LINEST's x values are collinear: Excel drops columns by a rule the embedded engine lacks"
    listed = {u.address: (u.function, u.reason) for u in result.unsupported}
    assert listed == {
        "S!H1": ("LINEST", reason + " (the array formula S!H1 over H1:J5: 15 cells)"),
        "S!H11": ("LINEST", reason + " (the array formula S!H11 over H11:J11: 3 cells)"),
    }
    assert result.status == "incomplete"  # no value stored by Excel to keep: nothing is written
    assert _values(tmp_path / "out.xlsx", ["H1", "J5", "H7", "I7", "H9", "I9", "J11"]) == {
        "H1": None,
        "J5": None,
        "H7": 2.0,
        "I7": 1.0,
        "H9": 0.0,
        "I9": 3.0,
        "J11": None,
    }
