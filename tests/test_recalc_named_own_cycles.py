"""ROWS, COLUMNS, CELL("address"), INDEX or OFFSET of a defined name whose range holds the formula's own cell read no
value there (H187's finding 05): ``="Customers ("&(ROWS(CustCol)-1)&")"`` in A1 with CustCol = List!$A$1:$A$10 is
"Customers (9)", as Excel computes it. The whole file was refused "circular reference", where the same formulas with
the range written out were computed. A formula that reads the values (MATCH over the name) is still refused."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path, cells: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "List"
    for row in range(2, 11):
        sheet.cell(row, 1, f"C{row:03d}")
        sheet.cell(row, 2, row * 10)
    for ref, formula in cells.items():
        sheet[ref] = formula
    for name, target in {"CustCol": "List!$A$1:$A$10", "Tbl": "List!$A$1:$E$10", "Whole": "List!$D:$D"}.items():
        book.defined_names[name] = DefinedName(name, attr_text=target)
    book.save(tmp_path / "list.xlsx")
    return tmp_path / "list.xlsx"


def test_a_name_over_the_formulas_own_cell_read_for_its_place_or_size_is_computed(tmp_path: Path) -> None:
    cells = {
        "A1": '="Customers ("&(ROWS(CustCol)-1)&")"',
        "D1": "=COLUMNS(Tbl)",
        "D2": '=CELL("address",Whole)',
        "D3": "=ROWS(Whole)",
        "E1": "=SUM(OFFSET(CustCol,0,1))",
    }
    report = recalc_file(_book(tmp_path, cells), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["List"]
    assert [out[ref].value for ref in cells] == ["Customers (9)", 5, "$D$1", 1048576, 540]


def test_a_name_over_the_formulas_own_cell_read_for_its_values_is_still_circular(tmp_path: Path) -> None:
    report = recalc_file(_book(tmp_path, {"A1": '=MATCH("C005",CustCol,0)'}), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "failed" and "circular reference: List!A1" in report.message
