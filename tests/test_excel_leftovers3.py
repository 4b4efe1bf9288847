"""Recalculation leftovers of H11's and H7's findings (w08, r30, w12, w10): the embedded engine against Excel.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and
reads the stored values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.cells import CellError, evaluate
from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.omitted_arguments import omit_empty_arguments
from xl_retention.registry import BY_NAME


def _book(tmp_path: Path, cells: dict[str, object], name: str = "book.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    source = tmp_path / name
    book.save(source)
    return source


def _values(path: Path, refs: list[str], sheet: str = "S") -> dict[str, object]:
    out = openpyxl.load_workbook(path, data_only=True)[sheet]
    return {ref: out[ref].value for ref in refs}


SCORES = [9, 10, 7, 3, 9, 10]
ORDERS = [1, 3, 2, 1, 1]
CLV_INPUTS = [0.24, 4.41, 0.79, 2.43, 2, 30.43, 38.86, 10]  # BG/NBD r, alpha, a, b; x, t_x, T; order value


def test_an_empty_argument_of_our_functions_is_a_missing_one_as_excel_passes_it_to_the_add_in(tmp_path: Path) -> None:
    # H11 w08: Excel passes an argument left empty (=NPS_MOE(A1:A6,)) to an add-in function as missing, and xlwings
    # then uses the Python default: the optional argument's registry default, as when it is omitted. The engine
    # passed 0 (confidence 0: #NUM!; total 0: #DIV/0!).
    cells: dict[str, object] = {f"A{i}": s for i, s in enumerate(SCORES, start=1)}
    cells.update({f"B{i}": n for i, n in enumerate(ORDERS, start=1)})
    cells.update({f"C{i}": v for i, v in enumerate(CLV_INPUTS, start=1)})
    formulas = {
        "D1": "=NPS_MOE(A1:A6)",
        "D2": "=NPS_MOE(A1:A6,)",
        "D3": "=NPS_MOE(A1:A6, )",
        "D4": "=REPEAT_PURCHASE_RATE(B1:B5)",
        "D5": "=REPEAT_PURCHASE_RATE(B1:B5,)",
        "D6": "=CLV(100,0.6,0.05,)",
        "D7": "=ROUND(BGNBD_CLV(C1,C2,C3,C4,C5,C6,C7,C8,,24),6)",  # an empty margin in the middle: its default 1
        "D8": "=ROUND(BGNBD_CLV(C1,C2,C3,C4,C5,C6,C7,C8,1,24),6)",
        "D9": "=ROUND(BGNBD_CLV(C1,C2,C3,C4,C5,C6,C7,C8,,24,,),6)",
        "D10": "=CRR(535,,500)",  # a required argument left empty is blank, as xlwings passes None: #VALUE!
        "D11": "=CRR(535,75,500)",
        "D12": "=IFERROR(NPS_MOE(A1:A6,),-1)*2",
    }
    source = _book(tmp_path, {**cells, **formulas})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got["D1"] == got["D2"] == got["D3"] == 61.11261433804315
    assert got["D4"] == got["D5"] == 0.4
    assert got["D6"] == 1200
    assert got["D7"] == got["D8"] == got["D9"] == 79.45545
    assert got["D10"] == "#VALUE!"
    assert got["D11"] == 0.92
    assert got["D12"] == 122.2252286760863
    assert [e.address for e in result.errors] == ["S!D10"], result.errors
    # the xlwings layer (cells.evaluate, which xlwings calls with None for a missing argument) agrees
    scores = [[s] for s in SCORES]
    assert evaluate(BY_NAME["NPS_MOE"], scores, None) == evaluate(BY_NAME["NPS_MOE"], scores) == got["D1"]
    assert evaluate(BY_NAME["REPEAT_PURCHASE_RATE"], [[n] for n in ORDERS], None) == 0.4
    blank = evaluate(BY_NAME["CRR"], 535, None, 500)
    assert isinstance(blank, CellError) and blank.code == "#VALUE!"


def test_empty_arguments_rewritten_only_for_our_functions() -> None:
    assert omit_empty_arguments("=NPS_MOE(A1:A6,)") == "=NPS_MOE(A1:A6)"
    assert omit_empty_arguments("=SUM(nps_moe(A1:A6,),1)") == "=SUM(nps_moe(A1:A6),1)"
    assert omit_empty_arguments("=CRR(A1,,C1)") == '=CRR(A1,"",C1)'
    assert omit_empty_arguments("=SBG_SURVIVAL_INTERVAL(A1:A5,3,,)") == "=SBG_SURVIVAL_INTERVAL(A1:A5,3)"
    assert omit_empty_arguments("=SBG_SURVIVAL_INTERVAL(A1:A5,3,,100)") == '=SBG_SURVIVAL_INTERVAL(A1:A5,3,"",100)'
    # Excel's own functions keep Excel's meaning of an empty argument (VLOOKUP(...,) is an exact match)
    assert omit_empty_arguments("=VLOOKUP(A1,B:C,2,)") == "=VLOOKUP(A1,B:C,2,)"
    # too many arguments: left for the engine's message
    assert omit_empty_arguments("=CRR(A1,B1,C1,)") == "=CRR(A1,B1,C1,)"
    # the workbook's own LAMBDA name of the same name is the workbook's
    assert omit_empty_arguments("=NPS_MOE(A1:A6,)", {"nps_moe": "LAMBDA(x,y,x)"}) == "=NPS_MOE(A1:A6,)"


def test_references_to_a_deleted_sheet_are_the_ref_error(tmp_path: Path) -> None:
    # H7 r30: Excel rewrites 'Old'!A1 as #REF!A1 when the sheet Old is deleted; the reference is then the #REF! error
    # (IFERROR catches it, ISERROR is TRUE, dependents get #REF!). The engine could not read the form: the cells were
    # "unsupported (formula)" and the file incomplete. A name over the deleted sheet (Rate = #REF!$B$1) alike.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    formulas = {
        "A1": "=#REF!A1*2",
        "A2": "=A1+1",
        "A3": "=IFERROR(SUM(#REF!A1:B2),7)",
        "A4": "=ISERROR(#REF!B3)",
        "A5": "=SUM(#REF!$A:$A)",
        "A6": '=IFERROR(VLOOKUP(1,#REF!$A$1:$B$9,2,FALSE),"n/a")',
        "A7": "=Rate*2",
        "A8": "=IFERROR(Rate,9)",
        "A9": "=IFERROR(#REF!,5)",
        "A10": '=IF(1,"#REF!A1","x")',  # a text that looks like one is text
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    book.defined_names["Rate"] = DefinedName("Rate", attr_text="#REF!$B$1")
    source = tmp_path / "deleted.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert result.unsupported == []
    got = _values(tmp_path / "out.xlsx", list(formulas))
    assert got == {
        "A1": "#REF!",
        "A2": "#REF!",
        "A3": 7,
        "A4": True,
        "A5": "#REF!",
        "A6": "n/a",
        "A7": "#REF!",
        "A8": 9,
        "A9": 5,
        "A10": "#REF!A1",
    }
    assert sorted(e.address for e in result.errors) == ["S!A1", "S!A2", "S!A5", "S!A7"]
