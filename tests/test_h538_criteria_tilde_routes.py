"""Every criterion route reads a ``~`` before an ordinary character as that character (H538's finding 03).

99e47b3f read ``"x~y"`` as ``xy`` where a criterion was typed or held by a cell, but a criterion built from an ``=`` or
``<>`` operator (``"="&E1``, ``"<>"&E1``), an array constant of criteria (``{"x~y","SKU~12"}``) and a range of criteria
(``D2:D3``, each criterion in turn) still matched ``x~y`` literally, under ok: one workbook read the same criterion
two ways. LibreOffice 7.4 (``soffice --convert-to csv`` of this workbook) gives the values asserted below.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli

FORMULAS = {
    "G1": ('=SUMIF(A2:A5,"="&E1,B2:B5)', 70),
    "G2": ('=SUMPRODUCT(SUMIF(A2:A5,{"x~y","SKU~12"},B2:B5))', 90),
    "G3": ('=SUMIF(A2:A5,"<>"&E1,B2:B5)', 90),
    "G4": ('=SUMIF(A2:A5,E1&"",B2:B5)', 70),
    "G5": ("=SUMPRODUCT(SUMIF(A2:A5,D2:D3,B2:B5))", 90),
    "G6": ('=SUM(SUMIFS(B2:B5,A2:A5,{"x~y","SKU~12"}))', 90),
    "G7": ('=COUNTIFS(A2:A5,"="&E2,B2:B5,">0")', 1),  # E2: x~y, the row xy
    "G8": ('=SUMPRODUCT(COUNTIF(A2:A5,"="&D2:D3))', 2),
    "G9": ('=SUM(SUMIFS(B2:B5,A2:A5,{"x~y","SKU~12"},A2:A5,"<>"&E1))', 20),  # SKU12 left out by the second
    "G10": ('=SUMIF(A2:A5,"="&E3,B2:B5)', 10),  # E3: x~~y, one literal ~: the row x~y
    "G11": ('=SUMPRODUCT(SUMIF(A2:A5,{"a~~b","x~~y"},B2:B5))', 10),
}


def test_tilde_read_alike_in_every_criterion_route(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["SKU", "Qty"])
    for sku, qty in (("x~y", 10), ("xy", 20), ("SKU~12", 60), ("SKU12", 70)):
        sheet.append([sku, qty])
    sheet["D2"], sheet["D3"] = "x~y", "SKU~12"
    sheet["E1"], sheet["E2"], sheet["E3"] = "SKU~12", "x~y", "x~~y"
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    path = tmp_path / "skus.xlsx"
    book.save(path)
    done = recalc_cli(path)
    assert (done.report["status"], done.listed, done.errors) == ("ok", {}, {})
    assert {ref: done.values.get(ref) for ref in FORMULAS} == {ref: want for ref, (_, want) in FORMULAS.items()}
