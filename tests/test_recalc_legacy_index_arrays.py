"""A classic (legacy, not dynamic-array) formula shows one value where INDEX gives several (H187's finding 04): over an
array typed in, ``=INDEX({0.05,0.07;0.04,0.06},B1)`` is the row's first value (0.04) and ``=INDEX({10,20;30,40},0,2)``
the column's (20); a row or column number computed as 0 (``=INDEX(E6:E10,G1)`` with G1 = 0, the "previous row" idiom
``ROW()-ROW(Tbl[#Headers])-1`` in a table's first row) gives the whole column, which a classic formula intersects with
its own row, as it does when the 0 is typed. Recalc wrote #SPILL! with a reason telling the user to clear a cell of
theirs, and under IFERROR the column's first value (silently). A dynamic-array formula still spills, and an
INDEX(..,MATCH(..)) is left as it is."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_legacy_index_of_an_array_or_a_computed_zero_is_one_value(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Rates"
    sheet["B1"], sheet["G1"] = 2, 0
    sheet["B2"], sheet["C2"] = "=INDEX({0.05,0.07;0.04,0.06},B1)", "note"
    sheet["B3"], sheet["B4"] = "=INDEX({10,20;30,40},0,2)", "=B3*2"
    for row in range(6, 11):
        sheet.cell(row, 5, row * 10)  # E6:E10 = 60..100
        sheet.cell(row, 6, f"=E{row}+1")
    sheet["F8"] = "=INDEX(E6:E10,G1)"
    sheet["F9"] = "=IFERROR(INDEX(E6:E10,G1*1),0)"
    sheet["F10"] = "=INDEX(E6:E10,MATCH(70,E6:E10,0))"
    sheet["H2"] = ArrayFormula("H2:I2", "=INDEX({0.05,0.07;0.04,0.06},B1)")
    sheet["K1"], sheet["L1"] = "Amt", "Previous"
    for row, amount in enumerate((10, 20, 30), 2):
        sheet.cell(row, 11, amount)
        sheet.cell(row, 12, "=IFERROR(INDEX(Prev[Amt],ROW()-ROW(Prev[#Headers])-1),0)")
    sheet.add_table(Table(displayName="Prev", ref="K1:L4"))
    path = save_dynamic(book, tmp_path / "rates.xlsx", ["H2"])
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    assert not report.unsupported and not report.errors
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Rates"]
    got = {ref: out[ref].value for ref in ("B2", "B3", "B4", "F8", "F9", "F10", "H2", "I2", "L2", "L3", "L4")}
    assert got == {
        "B2": 0.04,
        "B3": 20,
        "B4": 40,
        "F8": 80,
        "F9": 90,
        "F10": 70,
        "H2": 0.04,
        "I2": 0.06,
        "L2": 10,
        "L3": 10,
        "L4": 20,
    }
