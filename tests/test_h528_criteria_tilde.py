"""A ``~`` before an ordinary character in a criterion stands for that character (H528's finding 02).

Excel's wildcard escape ``~`` makes the character after it literal, whichever it is: ``"x~y"`` matches ``xy`` (the
well-known VLOOKUP trap with part numbers holding ``~``), and MATCH/VLOOKUP here read it so. SUMIF, AVERAGEIF,
MAXIFS, COUNTIF, SEARCH and DSUM matched ``x~y`` literally, under ok. LibreOffice 7.4 gives the values asserted below.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli

FORMULAS = {
    "F1": ('=MATCH("x~y",A2:A5,0)', 2),
    "F2": ('=SUMIF(A2:A5,"x~y",B2:B5)', 20),
    "F3": ('=AVERAGEIF(A2:A5,"SKU~12",B2:B5)', 70),
    "F4": ('=_xlfn.MAXIFS(B2:B5,A2:A5,"x~y")', 20),
    "F5": ('=COUNTIF(A2:A2,"x~y")', 0),
    "F6": ('=SEARCH("x~y","x~y")', "#VALUE!"),
    "F7": ('=SEARCH("x~y","axy")', 2),
    "F8": ('=DSUM(A1:B5,"Qty",D1:D2)', 70),
    "F9": ("=SUMIF(A2:A5,E1,B2:B5)", 70),  # the criterion held by a cell: SKU~12
    "F10": ('=COUNTIF(A2:A5,"a~~b")', 0),  # ~~ is one literal ~ (no a~b here)
    "F11": ('=SUMIFS(B2:B5,A2:A5,"<>x~y")', 140),  # every row but xy
    "F12": ('=COUNTIF(A2:A5,">x~y")', 1),  # an ordering reads no wildcards: xy sorts after x~y (LibreOffice 1)
}


def test_tilde_before_ordinary_character_is_that_character(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["SKU", "Qty"])
    for sku, qty in (("x~y", 10), ("xy", 20), ("SKU~12", 60), ("SKU12", 70)):
        sheet.append([sku, qty])
    sheet["D1"], sheet["D2"], sheet["E1"] = "SKU", "SKU~12", "SKU~12"
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    path = tmp_path / "skus.xlsx"
    book.save(path)
    done = recalc_cli(path)
    assert (done.report["status"], done.listed) == ("ok", {})
    assert {ref: done.values.get(ref) for ref in FORMULAS} == {ref: want for ref, (_, want) in FORMULAS.items()}
