"""A failed lookup's reason showed a date cell's value as its serial number on some paths (H398 item 4): inside a
registry function's argument (``=CRR(VLOOKUP(D1,A2:B3,2,FALSE),1,10)``: "because VLOOKUP: 46082 (S!D1) is not in
..."), through a defined name of the range looked in (``=MATCH(DATE(2026,3,1),Months,0)``) and through a defined name
of the cell looked for (``=MATCH(Wanted,B2:B3,0)``, B's numbers no dates). Each now shows the date as the cell shows
it, 2026-03-01, and names the cell a name stands for. One in-process recalc of one workbook.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table

import xl_retention

_FORMULAS = {
    "E1": "=CRR(VLOOKUP(D1,A2:B3,2,FALSE),1,10)",
    "E2": "=MATCH(Wanted,B2:B3,0)",
    "E3": "=MATCH(DATE(2026,3,1),Months,0)",
    "E4": "=CRR(MATCH(Wanted,T[Month],0),1,10)",
    "E5": "=MATCH(D1,A2:A3,0)",
    "E6": "=MATCH(5,B2:B3,0)",
}


@pytest.fixture(scope="module")
def reasons(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("h398_lookup_dates")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"] = "Month", "Customers"
    for row, (day, count) in enumerate([(dt.date(2026, 1, 1), 7), (dt.date(2026, 2, 1), 6)], 2):
        sheet.cell(row, 1, day).number_format = "yyyy-mm-dd"
        sheet.cell(row, 2, count)
    sheet.add_table(Table(displayName="T", ref="A1:B3"))
    sheet["D1"] = dt.date(2026, 3, 1)
    sheet["D1"].number_format = "yyyy-mm-dd"
    book.defined_names["Wanted"] = DefinedName("Wanted", attr_text="S!$D$1")
    book.defined_names["Months"] = DefinedName("Months", attr_text="S!$A$2:$A$3")
    for ref, text in _FORMULAS.items():
        sheet[ref] = text
    book.save(folder / "dates.xlsx")
    report = xl_retention.recalc([str(folder / "dates.xlsx")], engine="embedded", output_dir=str(folder / "out"))
    return {e.address: e.reason for e in report.files[0].errors}


def test_a_date_looked_for_is_shown_as_the_date_on_every_path(reasons) -> None:
    assert reasons == {
        "S!E1": (
            "CRR: customers_end is the error value #N/A, because VLOOKUP: 2026-03-01 (S!D1) is not in the first "
            "column of A2:B3 (#VALUE!)"
        ),
        "S!E2": "MATCH: 2026-03-01 (S!D1) is not in B2:B3 (#N/A)",
        "S!E3": "MATCH: 2026-03-01 is not in Months (#N/A)",
        "S!E4": (
            "CRR: customers_end is the error value #N/A, because MATCH: 2026-03-01 (S!D1) is not in S!A2:A3 (#VALUE!)"
        ),
        "S!E5": "MATCH: 2026-03-01 (S!D1) is not in A2:A3 (#N/A)",
        "S!E6": "MATCH: 5 is not in B2:B3 (#N/A)",
    }
