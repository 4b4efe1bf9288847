"""A Ctrl+Shift+Enter array formula's cells after the first that show an error are listed under ``errors``.

Each cell of {=1/(A1:A3-2)} entered over F1:F4 holds the formula: Excel shows -1, #DIV/0!, 1 and #N/A (a cell
beyond the three values). recalc wrote those values but listed no error (status ok, errors []), where the same
result spilled by an Excel 365 formula is listed (tests/test_recalc_spilled_reasons.py).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc


def _book(tmp_path: Path, title: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row, value in enumerate([1, 2, 3], start=1):
        ws.cell(row, 1).value = value
    ws["F1"] = ArrayFormula("F1:F4", "=1/(A1:A3-2)")
    ws["G1"] = ArrayFormula("G1:G3", "=IF(A1:A3>1,A1:A3,NA())")  # the #N/A asked for: a chart's gap
    ws["H1"] = ArrayFormula("H1:H3", "=A1:A3*2")
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_the_errors_of_an_array_formulas_other_cells_are_listed(tmp_path: Path) -> None:
    report = recalc(_book(tmp_path, "S"), engine="embedded", output_dir=tmp_path / "out")
    file = report.files[0]
    assert file.status == "ok", file.message
    assert [(e.address, e.error, e.reason) for e in file.errors] == [
        ("S!F2", "#DIV/0!", "the array formula S!F1 over F1:F4 gives #DIV/0! here"),
        ("S!F4", "#N/A", "the array formula S!F1 over F1:F4 gives #N/A here"),
    ]
    ws = openpyxl.load_workbook(file.output, data_only=True)["S"]
    assert [ws[f"F{row}"].value for row in range(1, 5)] == [-1, "#DIV/0!", 1, "#N/A"]
    assert [ws[f"G{row}"].value for row in range(1, 4)] == ["#N/A", 2, 3]
    assert [ws[f"H{row}"].value for row in range(1, 4)] == [2, 4, 6]


def test_the_reason_quotes_a_sheet_name_as_a_formula_does(tmp_path: Path) -> None:
    report = recalc(_book(tmp_path, "My data"), engine="embedded", output_dir=tmp_path / "out")
    file = report.files[0]
    assert [(e.address, e.reason) for e in file.errors] == [
        ("'My data'!F2", "the array formula 'My data'!F1 over F1:F4 gives #DIV/0! here"),
        ("'My data'!F4", "the array formula 'My data'!F1 over F1:F4 gives #N/A here"),
    ]
