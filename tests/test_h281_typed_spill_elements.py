"""A spill reference typed ``C1#`` (openpyxl, XlsxWriter; Excel stores ``_xlfn.ANCHORARRAY(C1)``) read element by
element (H278's finding 02): ``SUMPRODUCT(--ISNUMBER(C1#))`` over the spill 1, #DIV/0!, 0.5, 0.25 was 0 under status
ok where Excel gives 3, ``ISERROR`` 0 (1), ``N(+IFERROR(C1#,0))`` 0 (1.75), ``ABS``/``ROUND`` over it #VALUE! with no
reason, ``CRR(G1#,H1#,I1#)`` 0 numbers of 3. A formula with no other sign of needing a rewrite was handed to the
engine with ``C1#`` as typed; now the rewrites' pre-tests see ``C1#`` as they see ``_xlfn.ANCHORARRAY(C1)``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

FORMULAS = {
    "F1": "=SUMPRODUCT(--ISNUMBER({C}))",
    "F2": "=SUMPRODUCT(--ISERROR({C}))",
    "F3": "=SUMPRODUCT(N(+IFERROR({C},0)))",
    "F4": "=SUMPRODUCT(ABS(IFERROR({C},0)))",
    "F5": "=SUMPRODUCT(ROUND(IFERROR({C},0),1))",
    "F7": "=ROWS({C})",
    "F8": "=SUMPRODUCT(--ISNUMBER(CRR({G},{H},{I})))",
    "F9": "=SUMPRODUCT(IFERROR(CRR({G},{H},{I}),0))",
}
#: Excel's values (the spill 1, #DIV/0!, 0.5, 0.25 counted by hand; CRR (end - gained) / start per month:
#: 0.92, start 0, 540/560, 560/570)
EXPECTED = {"F1": 3, "F2": 1, "F3": 1.75, "F4": 1.75, "F5": 1.8, "F6": 3, "F7": 4, "F8": 3}


def _book(tmp_path: Path, spill: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (value, end, gained, start) in enumerate(
        [(1, 535, 75, 500), (0, 560, 10, 0), (2, 570, 30, 560), (4, 580, 20, 570)], start=1
    ):
        sheet[f"A{row}"], sheet[f"J{row}"], sheet[f"K{row}"], sheet[f"L{row}"] = value, end, gained, start
    sheet["C1"] = ArrayFormula("C1:C4", "=1/A1:A4")
    sheet["G1"] = ArrayFormula("G1:G4", "=J1:J4*1")
    sheet["H1"] = ArrayFormula("H1:H4", "=K1:K4*1")
    sheet["I1"] = ArrayFormula("I1:I4", "=L1:L4*1")
    spills = {cell: spill.format(f"{cell}1") for cell in "CGHI"}
    for ref, formula in FORMULAS.items():
        sheet[ref] = formula.format(**spills)
    sheet["F6"] = ArrayFormula("F6", "=SUM(IF(ISNUMBER({C}),1,0))".format(**spills))
    return save_dynamic(book, tmp_path / "book.xlsx", ["C1", "G1", "H1", "I1", "F6"])


@pytest.mark.parametrize("spill", ["{}#", "_xlfn.ANCHORARRAY({})"], ids=["typed", "stored-as-excel"])
def test_a_typed_spill_is_read_element_by_element(tmp_path: Path, spill: str) -> None:
    result = recalc_file(_book(tmp_path, spill), tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.unsupported) == ("ok", [])
    assert [e.address for e in result.errors] == ["S!C2"]  # the spill's own #DIV/0!, nothing else
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: sheet[ref].value for ref in EXPECTED} == EXPECTED
    assert sheet["F9"].value == pytest.approx(0.92 + 540 / 560 + 560 / 570, abs=1e-12)
