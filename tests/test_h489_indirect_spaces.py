"""Spaces around INDIRECT's text (H489's finding 1, second part).

Excel refuses a reference text starting with a space (``INDIRECT(" A1")``, ``INDIRECT(" R1C1",FALSE)``: #REF!) and
reads one ending with spaces as the reference (``INDIRECT("A1 ")`` is A1), as recorded from Excel for Windows
16.0.20430 in formualizer's caller-context probes (CTX2_IND_a1_lead, CTX1_IND_lead_space, CTX2_IND_a1_trail,
CTX3_IND_a1_two_trail, CTX2_IND_a1_range_trail). recalc trimmed a text typed in: ``SUM(INDIRECT(" A1 "))`` was 1 and
``SUM(INDIRECT(" Sheet2!A1:A2"))`` 12, status ok, and ``INDIRECT(" Amt ")`` was listed as not computed; a text
computed as ``"A1 "`` was listed as naming no cell (#REF! in Excel).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

#: cell -> (formula, Excel's value)
_CELLS = {
    "D1": ('=SUM(INDIRECT(" A1 "))', "#REF!"),  # was 1
    "D2": ('=SUM(INDIRECT(" Sheet2!A1:A2"))', "#REF!"),  # was 12
    "D3": ('=INDIRECT(" R1C1",FALSE)', "#REF!"),  # was 1
    "D4": ('=SUM(INDIRECT(" Amt "))', "#REF!"),  # was listed
    "D5": ('=SUM(INDIRECT("A1 "))', 1),
    "D6": ('=SUM(INDIRECT("A1:B2  "))', 33),
    "D7": ('=INDIRECT("R1C1 ",FALSE)', 1),
    "D8": ('=SUM(INDIRECT("Sheet2!A1 "))', 5),
    "D9": ("=SUM(INDIRECT(F1))", 1),  # F1 "A1 ": was listed "names no cell (#REF! in Excel)"
    "D10": ('=IFERROR(SUM(INDIRECT(" A1")),-1)', -1),
}


def test_a_leading_space_is_ref_and_trailing_spaces_are_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    one = book.active
    one.title = "Sheet1"
    two = book.create_sheet("Sheet2")
    one["A1"], one["A2"], one["B1"], one["B2"], one["F1"] = 1, 10, 2, 20, "A1 "
    two["A1"], two["A2"] = 5, 7
    book.defined_names["Amt"] = DefinedName("Amt", attr_text="Sheet2!$A$1:$A$2")
    for ref, (formula, _) in _CELLS.items():
        one[ref] = formula
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert (report.status, report.unsupported) == ("ok", [])
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Sheet1"]
    assert {ref: values[ref].value for ref in _CELLS} == {ref: want for ref, (_, want) in _CELLS.items()}
