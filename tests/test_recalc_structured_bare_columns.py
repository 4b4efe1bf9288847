"""Structured references naming a column without brackets inside a list (H102's finding 01).

MS-XLSX 2.2.2 lets a column inside ``Table[[...],...]`` be a bare ``simple-column-name``: ``Sales[[#This Row],b]``,
``Sales[[#Data],c]``; XlsxWriter writes ``Table1[@a]`` as ``Table1[[#This Row],a]``. The bare column was dropped, so
the reference became the table's whole row or rows and the sum was silently that of every column.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc


def _recalculated(path: Path) -> dict[str, object]:
    report = recalc(path, engine="embedded", output_dir=path.parent / "out")
    file = report.files[0]
    assert file.status == "ok", file.message
    ws = openpyxl.load_workbook(file.output, data_only=True)["T"]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row}


def _sales(tmp_path: Path, formulas: dict[str, str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "T"
    ws.append(["a", "b", "c"])
    for row in ([1, 2, 4], [3, 5, 15], [7, 9, 25]):
        ws.append(row)
    ws.add_table(Table(displayName="Sales", ref="A1:C4"))
    for ref, formula in formulas.items():
        ws[ref] = formula
    path = tmp_path / "sales.xlsx"
    wb.save(path)
    return path


def test_a_bare_column_after_a_row_specifier_is_that_column(tmp_path: Path) -> None:
    got = _recalculated(
        _sales(
            tmp_path,
            {
                "E2": "=SUM(Sales[[#This Row],b])",
                "E3": "=SUM(Sales[[#Data],c])",
                "E4": "=SUM(Sales[[#All], a ])",
                "E5": "=SUM(Sales[[#Data],a:b])",
            },
        )
    )
    # E2: the row's b (2); E3: c's data 4+15+25; E4: a's cells with the header (text) 1+3+7; E5: a and b's data
    assert [got["E2"], got["E3"], got["E4"], got["E5"]] == [2, 44, 11, 27]


def test_a_calculated_column_written_as_xlsxwriter_writes_it(tmp_path: Path) -> None:
    """``=[@a]+[@b]`` typed in a table is stored by XlsxWriter as ``Sales[[#This Row],a]+Sales[[#This Row],b]``:
    it was refused as a circular reference (the whole row includes the cell itself)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "T"
    ws.append(["a", "b", "c"])
    for row in ([1, 2], [3, 4], [5, 6]):
        ws.append([*row, "=Sales[[#This Row],a]+Sales[[#This Row],b]"])
    ws.add_table(Table(displayName="Sales", ref="A1:C4"))
    ws["E1"] = "=SUM(Sales[c])"
    wb.save(tmp_path / "calc.xlsx")
    got = _recalculated(tmp_path / "calc.xlsx")
    assert [got["C2"], got["C3"], got["C4"], got["E1"]] == [3, 7, 11, 21]
