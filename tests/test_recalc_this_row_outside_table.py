"""``[@End]`` in a row the table does not cover: the reason names the table and the row (H313's finding 11).

Table Subs over A1:C3 (Start, Gained, End: 100/20/110, 110/15/118), E2:E3 =CRR([@End],[@Gained],[@Start]) (stored
Subs[[#This Row],[End]], ...) and the same filled one row too far, into E5, below the table: Excel's #VALUE!, whose
reason said "CRR: customers_end is the error value #VALUE! (#VALUE!)", naming no cell or table; E6 =Subs[@End]*2 had
an empty reason.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file

CRR = "=CRR(Subs[[#This Row],[End]],Subs[[#This Row],[Gained]],Subs[[#This Row],[Start]])"


def test_a_this_row_reference_below_its_table_names_both(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["Start", "Gained", "End"])
    for row in [(100, 20, 110), (110, 15, 118)]:
        sheet.append(list(row))
    sheet.add_table(Table(displayName="Subs", ref="A1:C3"))
    sheet["E2"], sheet["E3"], sheet["E5"] = CRR, CRR, CRR
    sheet["E6"] = "=Subs[[#This Row],[End]]*2"
    sheet["E7"] = '=IF(A1="","#VALUE!",Subs[[#This Row],[Start]])'  # the text is no error value of its own
    book.save(tmp_path / "thisrow.xlsx")
    report = recalc_file(tmp_path / "thisrow.xlsx", tmp_path / "out.xlsx")
    outside = (
        "Subs[@{}] reads the row of table Subs in the formula's row, and row {} is not one of its rows (2-3): move "
        "the formula into the table's rows, or extend the table (#VALUE!)"
    )
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!E5", "#VALUE!", outside.format("End", 5)),
        ("S!E6", "#VALUE!", outside.format("End", 6)),
        ("S!E7", "#VALUE!", outside.format("Start", 7)),
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out["E2"].value, out["E3"].value] == [pytest.approx(0.9, abs=1e-15), pytest.approx(103 / 110, abs=1e-15)]
