"""Recalculation leftovers of H11's and H7's findings (w08, r30, w12, w10): the embedded engine against Excel.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and
reads the stored values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

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


def test_an_empty_argument_of_our_functions_saved_by_office_js_is_a_missing_one_too(tmp_path: Path) -> None:
    # xlwings Lite / Server save our functions as Office.js custom functions (_xldudf_NPS_MOE): the same rule
    cells: dict[str, object] = {f"A{i}": s for i, s in enumerate(SCORES, start=1)}
    formulas = {"B1": "=_xldudf_NPS_MOE(A1:A6,)", "B2": "=_xldudf_NPS_MOE(A1:A6)"}
    source = _book(tmp_path, {**cells, **formulas})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok" and result.errors == [], result.errors
    assert _values(tmp_path / "out.xlsx", list(formulas)) == {"B1": 61.11261433804315, "B2": 61.11261433804315}


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


def _array_book(tmp_path: Path, data: dict[str, object], arrays: dict[str, tuple[str, str]]) -> dict[str, object]:
    """Sheet S's values after recalculating ``data`` and Ctrl+Shift+Enter ``arrays`` (range -> (first cell, formula)),
    read for every cell of each array's range."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in data.items():
        sheet[ref] = value
    for area, (first, formula) in arrays.items():
        sheet[first] = ArrayFormula(area, formula)
    source = tmp_path / "helpers.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    grids = {area: out[area] if ":" in area else ((out[area],),) for area in arrays}
    return {area: [[c.value for c in row] for row in grid] for area, grid in grids.items()}


def test_lambda_helpers_over_ranges_give_microsofts_examples(tmp_path: Path) -> None:
    # H11 w12: BYROW, BYCOL, MAP, MAKEARRAY, SCAN, REDUCE were refused ("unsupported function BYROW"): formualizer 0.13
    # has LET and LAMBDA but not these. Microsoft's examples (their pages' data: A1:C2 = 1..6; Table3[nums]).
    data: dict[str, object] = {"A1": 1, "B1": 2, "C1": 3, "A2": 4, "B2": 5, "C2": 6}
    nums = [24, 100, 97, 11, 37, 42, 76, 66, 4, 62]
    data.update({f"E{i}": n for i, n in enumerate(nums, start=1)})
    data.update({"G1": "a", "H1": "b", "I1": "c", "G2": "d", "H2": "e", "I2": "f"})
    got = _array_book(
        tmp_path,
        data,
        {
            "K1:K2": ("K1", "=_xlfn.BYROW(A1:C2,_xlfn.LAMBDA(_xlpm.array,MAX(_xlpm.array)))"),
            "L1:L2": ("L1", "=_xlfn.BYROW(A1:C2,_xlfn.LAMBDA(_xlpm.array,SUMSQ(_xlpm.array)))"),
            "M1:O1": ("M1", "=_xlfn.BYCOL(A1:C2,_xlfn.LAMBDA(_xlpm.array,MAX(_xlpm.array)))"),
            "M2:O2": ("M2", "=_xlfn.BYCOL(A1:C2,_xlfn.LAMBDA(_xlpm.array,SUMSQ(_xlpm.array)))"),
            "K4:M6": ("K4", "=_xlfn.MAKEARRAY(3,3,_xlfn.LAMBDA(_xlpm.r,_xlpm.c,_xlpm.r*_xlpm.c))"),
            "N4:P5": ("N4", "=_xlfn.MAP(A1:C2,_xlfn.LAMBDA(_xlpm.a,IF(_xlpm.a>4,_xlpm.a*_xlpm.a,+_xlpm.a)))"),
            "K8:M9": ("K8", "=_xlfn.SCAN(1,A1:C2,_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a*_xlpm.b))"),
            "N8:P9": ("N8", '=_xlfn.SCAN("",G1:I2,_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a&_xlpm.b))'),
            "K11": ("K11", "=_xlfn.REDUCE(0,A1:C2,_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a+_xlpm.b^2))"),
            "L11": (
                "L11",
                "=_xlfn.REDUCE(1,E1:E10,_xlfn.LAMBDA(_xlpm.a,_xlpm.b,IF(_xlpm.b>50,_xlpm.a*_xlpm.b,_xlpm.a)))",
            ),
            "M11": (
                "M11",
                "=_xlfn.REDUCE(0,E1:E10,_xlfn.LAMBDA(_xlpm.a,_xlpm.n,IF(ISEVEN(_xlpm.n),1+_xlpm.a,_xlpm.a)))",
            ),
            # a LAMBDA returning more than one value: #CALC!; the wrong number of parameters: #VALUE!
            "K13:K14": ("K13", "=_xlfn.BYROW(A1:C2,_xlfn.LAMBDA(_xlpm.r,_xlpm.r*2))"),
            "L13": ("L13", "=_xlfn.BYROW(A1:C2,_xlfn.LAMBDA(_xlpm.r,_xlpm.s,1))"),
            # a helper in another's LAMBDA; MAP over two ranges
            "M13:M14": (
                "M13",
                "=_xlfn.BYROW(A1:C2,_xlfn.LAMBDA(_xlpm.r,SUM(_xlpm.r)+_xlfn.REDUCE(0,A1:A2,"
                "_xlfn.LAMBDA(_xlpm.a,_xlpm.v,_xlpm.a+_xlpm.v))))",
            ),
            "N13:P13": ("N13", "=_xlfn.MAP(A1:C1,A2:C2,_xlfn.LAMBDA(_xlpm.x,_xlpm.y,_xlpm.y/_xlpm.x))"),
        },
    )
    assert got["K1:K2"] == [[3], [6]]
    assert got["L1:L2"] == [[14], [77]]
    assert got["M1:O1"] == [[4, 5, 6]]
    assert got["M2:O2"] == [[17, 29, 45]]
    assert got["K4:M6"] == [[1, 2, 3], [2, 4, 6], [3, 6, 9]]
    assert got["N4:P5"] == [[1, 2, 3], [4, 25, 36]]
    assert got["K8:M9"] == [[1, 2, 6], [24, 120, 720]]
    assert got["N8:P9"] == [["a", "ab", "abc"], ["abcd", "abcde", "abcdef"]]
    assert got["K11"] == [[91]]
    assert got["L11"] == [[100 * 97 * 76 * 66 * 62]]
    assert got["M11"] == [[7]]
    assert got["K13:K14"] == [["#CALC!"], ["#CALC!"]]
    assert got["L13"] == [["#VALUE!"]]
    assert got["M13:M14"] == [[11], [20]]
    assert got["N13:P13"] == [[4, 2.5, 2]]


def test_lambda_helpers_given_a_function_by_name(tmp_path: Path) -> None:
    # Excel 365 takes a function by name where a LAMBDA goes (=BYROW(A1:C2,SUM)) and stores it as _xleta.SUM, with a
    # defined name _xleta.SUM of its own (#NAME?) in the workbook: the LAMBDA calling the function
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 1, "B1": 2, "C1": 3, "A2": 4, "B2": 5, "C2": 9}.items():
        sheet[ref] = value
    sheet["E1"] = ArrayFormula("E1:E2", "=_xlfn.BYROW(A1:C2,_xleta.SUM)")
    sheet["F1"] = ArrayFormula("F1:H1", "=_xlfn.BYCOL(A1:C2,_xleta.MAX)")
    sheet["F2"] = ArrayFormula("F2:H3", "=_xlfn.MAP(A1:C2,_xleta.SQRT)")
    book.defined_names["_xleta.SUM"] = DefinedName("_xleta.SUM", attr_text="#NAME?")
    source = tmp_path / "eta.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [[c.value for c in row] for row in out["E1:H3"]] == [
        [6, 4, 5, 9],
        [18, 1, 2**0.5, 3**0.5],
        [None, 2, 5**0.5, 3],
    ]


def test_wraprows_wrapcols_and_expand_give_microsofts_examples(tmp_path: Path) -> None:
    # H11 w12: WRAPROWS, WRAPCOLS and EXPAND were refused (formualizer 0.13 lacks them). Microsoft's pages: the last
    # row (column) padded with pad_with, #N/A by default; EXPAND's omitted or empty rows/columns keep the array's own.
    data: dict[str, object] = {f"{c}1": v for c, v in zip("ABCDEFG", "ABCDEFG", strict=True)}
    data.update({"A3": 1, "B3": 2, "A4": 3, "B4": 4})
    got = _array_book(
        tmp_path,
        data,
        {
            "I1:K3": ("I1", "=_xlfn.WRAPROWS(A1:G1,3)"),
            "I5:K7": ("I5", '=_xlfn.WRAPROWS(A1:G1,3,"x")'),
            "M1:O3": ("M1", "=_xlfn.WRAPCOLS(A1:G1,3)"),
            "M5:O7": ("M5", "=_xlfn.WRAPCOLS(A1:G1,3,0)"),
            "I9:K11": ("I9", "=_xlfn.EXPAND(A3:B4,3,3)"),
            "M9:O11": ("M9", '=_xlfn.EXPAND(A3:B4,3,3,"-")'),
            "I13:K14": ("I13", "=_xlfn.EXPAND(A3:B4,,3,0)"),
            "M13": ("M13", "=_xlfn.EXPAND(A3:B4,1)"),
            "N13": ("N13", "=_xlfn.WRAPROWS(A3:B4,2)"),
            "O13": ("O13", "=_xlfn.WRAPROWS(A1:G1,0)"),
        },
    )
    na = "#N/A"
    assert got["I1:K3"] == [["A", "B", "C"], ["D", "E", "F"], ["G", na, na]]
    assert got["I5:K7"] == [["A", "B", "C"], ["D", "E", "F"], ["G", "x", "x"]]
    assert got["M1:O3"] == [["A", "D", "G"], ["B", "E", na], ["C", "F", na]]
    assert got["M5:O7"] == [["A", "D", "G"], ["B", "E", 0], ["C", "F", 0]]
    assert got["I9:K11"] == [[1, 2, na], [3, 4, na], [na, na, na]]
    assert got["M9:O11"] == [[1, 2, "-"], [3, 4, "-"], ["-", "-", "-"]]
    assert got["I13:K14"] == [[1, 2, 0], [3, 4, 0]]
    assert got["M13"] == [["#VALUE!"]]  # fewer rows than the array's
    assert got["N13"] == [["#VALUE!"]]  # not one row or column
    assert got["O13"] == [["#NUM!"]]  # wrap_count below 1


def test_lambda_helpers_the_engine_cannot_write_out_stay_listed(tmp_path: Path) -> None:
    # over an array computed when the formula runs (its size unknown beforehand), or more steps than the engine's
    # evaluation takes, a helper is not computed: the cell is listed as unsupported, never given a wrong value
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 502):
        sheet.cell(row, 1, row)
    sheet["C1"] = ArrayFormula(
        "C1:C2", "=_xlfn.BYROW(_xlfn._xlws.FILTER(A1:A4,A1:A4>2),_xlfn.LAMBDA(_xlpm.r,_xlpm.r*2))"
    )
    sheet["D1"] = "=_xlfn.REDUCE(0,A1:A501,_xlfn.LAMBDA(_xlpm.a,_xlpm.v,_xlpm.a+_xlpm.v))"
    sheet["E1"] = "=_xlfn.REDUCE(0,A1:A500,_xlfn.LAMBDA(_xlpm.a,_xlpm.v,_xlpm.a+_xlpm.v))"
    source = tmp_path / "listed.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert sorted((u.address, u.function) for u in result.unsupported) == [("S!C1", "BYROW"), ("S!D1", "REDUCE")]
    reasons = {u.address: u.reason for u in result.unsupported}
    assert reasons["S!C1"].startswith("BYROW over an array computed when the formula runs")
    assert reasons["S!C1"].endswith(
        "the embedded engine computes BYROW only over a range typed in (or a name of one) or an array typed in "
        "({1,2,3}) (the array formula S!C1 over C1:C2: 2 cells)"
    )
    assert _values(tmp_path / "out.xlsx", ["E1"]) == {"E1": 125250}


def test_cell_filename_is_the_files_path_and_the_references_sheet(tmp_path: Path) -> None:
    # H11 w10: CELL("filename", A1) was refused (incomplete), so monthly tabs that label themselves with the
    # =MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255) idiom had no month. Microsoft's CELL page:
    # "Filename (including full path) of the file that contains reference", as <folder>\[<file>]<sheet>.
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Jan 2026"
    second = book.create_sheet("Feb 2026")
    for sheet in (first, second):
        sheet["B1"] = '=MID(CELL("filename",A1),FIND("]",CELL("filename",A1))+1,255)'
        sheet["B2"] = '=DATEVALUE("1 "&B1)'
    first["B3"] = "=CELL(\"filename\",'Feb 2026'!$A$1)"
    first["B4"] = '=CELL("filename")'  # no reference: the sheet of the cell last changed, which no file says
    source = tmp_path / "monthly.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out" / "monthly.xlsx", engine="embedded")
    assert [(u.address, u.function) for u in result.unsupported] == [("'Jan 2026'!B4", "CELL")]
    jan = _values(tmp_path / "out" / "monthly.xlsx", ["B1", "B2", "B3"], "Jan 2026")
    feb = _values(tmp_path / "out" / "monthly.xlsx", ["B1", "B2"], "Feb 2026")
    assert jan == {"B1": "Jan 2026", "B2": 46023, "B3": f"{tmp_path.resolve()}{os.sep}[monthly.xlsx]Feb 2026"}
    assert feb == {"B1": "Feb 2026", "B2": 46054}


def test_an_array_comparison_of_a_range_compares_numbers_at_15_digits(tmp_path: Path) -> None:
    # H2 F21 (leftover): Excel's comparison operators round both operands to 15 significant digits, over an array
    # too: SUMPRODUCT(--(A1:A5=0.3)) counts =0.1+0.2, 0.3 and =3*0.1 (3); the engine compared exact binary values (1)
    cells: dict[str, object] = {"A1": "=0.1+0.2", "A2": 0.3, "A3": "=3*0.1", "A4": "=100*1.1", "A5": "=1.1*3"}
    formulas = {
        "B1": "=SUMPRODUCT(--(A1:A5=0.3))",
        "B2": "=SUMPRODUCT(--(A1:A5<>0.3))",
        "B3": "=SUMPRODUCT(--(A1:A5=A2))",
        "B4": "=SUMPRODUCT(--(A1:A5=110))",
        "B5": "=SUMPRODUCT((A1:A5>=0.3)*(A1:A5<=0.3))",
        "B6": "=SUMPRODUCT(--(A1:A5=C1:C5))",
    }
    cells.update({f"C{i}": v for i, v in enumerate([0.3, 0.3, 0.3, 110, 3.3], start=1)})
    source = _book(tmp_path, {**cells, **formulas})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert _values(tmp_path / "out.xlsx", list(formulas)) == {"B1": 3, "B2": 2, "B3": 3, "B4": 1, "B5": 3, "B6": 5}


def test_a_range_past_the_comparison_limit_is_left_to_the_engine_in_every_filled_down_copy() -> None:
    # the rewrite is cached per shape, whose rows are markers: the range's size must still decide (a Python value per
    # cell of A1:A500000 on every recalculation otherwise)
    from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments

    assert rewrite_arguments("=SUMPRODUCT(--(A1:A5=0.3))") == "=SUMPRODUCT(--(_XLR.COMPARED(A1:A5)=0.3))"
    # the large range as it is; the typed number through _XLR.FIFTEEN, the mark .large_comparisons reads it by
    for formula in ("=SUMPRODUCT(--(A1:A500000=0.3))", "=SUMPRODUCT(--(A2:A500001=0.3))"):
        assert rewrite_arguments(formula) == formula.replace("=0.3", "=_XLR.FIFTEEN(0.3)")
