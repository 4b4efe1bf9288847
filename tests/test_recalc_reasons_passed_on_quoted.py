"""A reason passed on names the cell it came from as Excel writes it: ``, from 'My data'!A1``, not ``My data!A1``.

Before: the source sheet of a reason passed on was written unquoted (", from My data!A1", ", from Lifetime value!B5")
while the reason's own cells were quoted ('My data'!A2): a reference no formula could hold, named unlike the others.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

WHY = "CRR: customers_start is 0 (no customers at the start): the ratio is undefined (#DIV/0!)"


def test_a_reason_passed_on_names_its_sheet_quoted_where_excel_quotes_it(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "My data"
    wb["My data"]["A1"] = "=CRR(100,10,0)"
    wb.create_sheet("Summary")["A1"] = "='My data'!A1"
    wb.create_sheet("2024")["A1"] = "=Summary!A1"
    wb.create_sheet("O'Brien")["A1"] = "='2024'!A1*2"
    wb.create_sheet("Next")["A1"] = "='O''Brien'!A1+1"
    wb.save(tmp_path / "q.xlsx")
    report = recalc_file(tmp_path / "q.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "'My data'!A1": ("#DIV/0!", WHY),
        "Summary!A1": ("#DIV/0!", f"{WHY}, from 'My data'!A1"),
        "'2024'!A1": ("#DIV/0!", f"{WHY}, from Summary!A1"),
        "'O''Brien'!A1": ("#DIV/0!", f"{WHY}, from '2024'!A1"),
        "Next!A1": ("#DIV/0!", f"{WHY}, from 'O''Brien'!A1"),
    }
