"""The walks over OFFSET's and INDIRECT's areas (circular references, readers of a cell without a current value) cost
about nothing per formula: a running total filled down (=SUM(OFFSET(A$2,0,0,ROW()-1)), =INDIRECT("A"&ROW())*2)
had each of its arguments evaluated by the engine (2 ms a formula) and each area's formula cells found by a look at
every formula of the sheet: 46 s of CPU for 20,000 such cells, 5 s before the walks (H176). Their arguments, numbers
and texts once ROW() is the cell's own row, are computed here (.literal_arithmetic), a cell's number is read from
it (=OFFSET($A$1,D5,0), a lookup by a cell), each distinct text read once; the engine is asked about 200 formulas
at most (=OFFSET($A$1,MATCH(D5,D:D,0),0)) for the circular-reference check, which runs on every workbook. The
values are checked here; the time (20 s of CPU before, 3 s after, for these 16,000 cells) is a benchmark's, not a
test's (bench/README.md).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.literal_arithmetic import literal_value

ROWS = 4_000


def test_typed_arithmetic_is_computed_as_excel_does() -> None:
    assert [literal_value(e) for e in ("7-1", '"A"&(2+2)', "-2^2", "2^-1", "10/4*2", '"R"&5.5&"C"')] == [
        6.0,
        "A4",
        4.0,
        0.5,
        5.0,
        "R5.5C",
    ]
    assert [literal_value(e) for e in ("A1-1", "ROW()", "1/0", '"1"+1', "(2", "2 3", "")] == [None] * 7


def test_running_totals_through_offset_and_indirect_cost_little(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(2, ROWS + 2):
        sheet.cell(row, 1, row)
        sheet.cell(row, 2, "=SUM(OFFSET(A$2,0,0,ROW()-1))")
        sheet.cell(row, 3, '=INDIRECT("A"&ROW())*2')
        sheet.cell(row, 4, row - 1)
        sheet.cell(row, 5, f"=OFFSET($A$1,D{row},0)*3")  # a lookup by the number a cell holds
        sheet.cell(row, 6, f"=OFFSET($A$1,MATCH(D{row},D:D,0)-1,0)")  # by a MATCH: the engine asked (200 at most)
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    last = ROWS + 1
    assert (out[f"B{last}"].value, out[f"C{last}"].value, out[f"E{last}"].value, out[f"F{last}"].value) == (
        sum(range(2, last + 1)),
        2 * last,
        3 * last,
        last,
    )
