"""A dynamic array spilling over a formula cell the engine cannot compute is #SPILL!, as in Excel (H151's finding 05).

Before: the uncomputed cell (a function the engine lacks: an add-in's GET_MRR, PERCENTOF) with no value stored was
blank in the engine, so a spill passed over it: =SEQUENCE(1,3) over C1 wrote 1, 2 in A1:B1 (two of three values) and
=CRR({..},{..},{..}) 0.9 and 1.0, listed nowhere, read as good numbers. Excel: a spill range holding any formula is
"not blank" (Microsoft, "How to correct a #SPILL! error": "Spill range isn't blank"), whatever its value: #SPILL!.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_a_spill_over_a_cell_without_a_computed_value_is_a_spill_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = ArrayFormula("A1", "=_xlfn.SEQUENCE(1,3)")
    sheet["C1"] = "=GET_MRR(1)"  # a function the engine lacks, no value stored (openpyxl stores none)
    sheet["A2"] = ArrayFormula("A2", "=CRR({110,120,130},{20,20,20},{100,100,100})")
    sheet["C2"] = "=GET_MRR(2)"
    sheet["A3"] = ArrayFormula("A3", "=_xlfn.SEQUENCE(1,3)")  # the uncomputed cell beside its spill: free
    sheet["E3"] = "=GET_MRR(3)"
    source = save_dynamic(book, tmp_path / "book.xlsx", ["A1", "A2", "A3"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert sorted(u.address for u in report.unsupported) == ["S!C1", "S!C2", "S!E3"]
    assert {e.address: e.error for e in report.errors} == {"S!A1": "#SPILL!", "S!A2": "#SPILL!"}
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: out[ref].value for ref in ("A1", "B1", "A2", "B2", "A3", "B3", "C3")}
    assert got == {"A1": "#SPILL!", "B1": None, "A2": "#SPILL!", "B2": None, "A3": 1, "B3": 2, "C3": 3}
