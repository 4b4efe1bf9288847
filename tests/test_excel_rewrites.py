"""Formula rewrites that restore Excel's argument checks and conversions (excel_functions.arguments).

Excel passes an error lookup value on, refuses typed text in numeric aggregates, writes numbers into
text with 15 significant digits and compares numbers at 15 significant digits; the engine does none
of these. Each test builds its own workbook in tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_excel_functions import _compute

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments


def test_argument_rewrites_restore_excels_error_codes(tmp_path: Path) -> None:
    from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments

    assert rewrite_arguments('=AVERAGE("Hola")') == '=AVERAGE(_XLR.EACH.VALUE("Hola"))'
    assert rewrite_arguments('=SMALL("Hello",1)') == '=SMALL(_XLR.EACH.VALUE("Hello"),1)'
    # an approximate VLOOKUP goes to Excel's search (test_excel_lookups), which passes an error key on
    assert rewrite_arguments("=VLOOKUP(A3,A1:B2,2)").startswith("=INDEX(A1:B2,_XLR.VPOS(A3,")
    unchanged = ["=SUM(A1:A3)", '=VLOOKUP("a",A1:B2,2,FALSE)', '=COUNT("a")', "=MIN(A1:A3)"]
    for formula in unchanged:
        assert rewrite_arguments(formula) is formula
    # case 14 (ironcalc HVLOOKUP.xlsx VLOOKUP!N8, AVERAGE.xlsx D27, SMALL_LARGE.xlsx J4), as the engine is given it
    formulas = {
        "D1": "=VLOOKUP(A3,A1:B2,2)",
        "D2": '=AVERAGE("Hola")',
        "D3": '=SMALL("Hello",1)',
        "D4": '=MIN("Hola")',
        "D5": '=AVERAGE("3")',
        "D6": "=IFNA(VLOOKUP(A3,A1:B2,2),0)",
        "D7": "=AVERAGE(A1)",  # text in a referenced cell is left out: no numbers
    }
    got = _compute(
        tmp_path,
        {ref: rewrite_arguments(f) for ref, f in formulas.items()},
        {"A1": "a", "B1": 1, "A2": "b", "B2": 2, "A3": "=1/0"},
    )
    assert got == {
        "D1": "#DIV/0!",
        "D2": "#VALUE!",
        "D3": "#VALUE!",
        "D4": "#VALUE!",
        "D5": 3.0,
        "D6": "#DIV/0!",
        "D7": "#DIV/0!",
    }


def test_recalc_writes_excels_error_codes_for_case_14(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["A2"], sheet["B2"] = "a", 1, "b", 2
    formulas = {"A3": "=1/0", "D1": "=VLOOKUP(A3,A1:B2,2)", "D2": '=AVERAGE("Hola")', "D3": '=SMALL("Hello",1)'}
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "error_codes.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "error_codes.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    assert {ref: values[ref].value for ref in formulas} == {
        "A3": "#DIV/0!",
        "D1": "#DIV/0!",
        "D2": "#VALUE!",
        "D3": "#VALUE!",
    }


def test_concatenation_turns_numbers_into_text_as_excel(tmp_path: Path) -> None:
    # Excel writes a number into text with 15 significant digits ("0.3", "0.333333333333333", "1E+20");
    # the engine wrote the shortest round-trip form ("0.30000000000000004", 16 digits)
    from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments

    # the whole chain checked against Excel's 32,767-character limit (_XLR.JOINED)
    assert rewrite_arguments('="NRR: "&A1') == '=_XLR.JOINED("NRR: "&_XLR.TEXT(A1))'
    assert rewrite_arguments('="a"&"b"') == '="a"&"b"'
    # & binds tighter than =; both sides compared alike (case-insensitive in every script: "É"&"" = "é", H421)
    joined = "_XLR.JOINED(_XLR.TEXT(A1)&_XLR.TEXT(B1))"
    assert rewrite_arguments("=A1&B1=C1") == f"=_XLR.COMPARED({joined})=_XLR.COMPARED(C1)"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = "=1/3", True, "=0.1+0.2"
    formulas = {
        "B1": '="NRR: "&A1',
        "B2": '=A2&"x"',
        "B3": '=A3&""',
        "B4": '=1E+20&""',
        "B5": '=A9&"x"',
        "B6": '=(A3*10)&"%"',
        "B7": '=IF(A1&""="0.333333333333333",1,0)',
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "concat.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "concat.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    assert {ref: values[ref].value for ref in formulas} == {
        "B1": "NRR: 0.333333333333333",
        "B2": "TRUEx",
        "B3": "0.3",
        "B4": "1E+20",
        "B5": "x",
        "B6": "3%",
        "B7": 1,
    }


def test_comparisons_take_numbers_at_15_significant_digits(tmp_path: Path) -> None:
    # Excel compares numbers at 15 significant digits: =IF(0.1+0.2=0.3,1,0) is 1 in Excel, 0 in the engine
    from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments

    assert rewrite_arguments("=IF(A1+B1=C1,1,0)") == "=IF(_XLR.COMPARED(A1+B1)=_XLR.COMPARED(C1),1,0)"
    template_guard = '=IF(OR(AND(D2="",C2=""),AND(ISNUMBER(B2),B2=0)),"",CRR(D2,C2,B2))'
    assert rewrite_arguments(template_guard) is template_guard  # against "" or 0 rounding changes nothing
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"] = 0.1, 0.2, 0.3
    formulas = {
        "D1": "=IF(A1+B1=C1,1,0)",
        "D2": "=A1+B1<>C1",
        "D3": "=A1+B1>C1",
        "D4": "=IF(A9=0,1,0)",  # a blank cell still equals 0 and ""
        "D5": '=IF(A9="",1,0)',
        "D6": '=A1&""="0.1"',
        "D7": "=SUM(A1:B1)=C1",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "compare.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "compare.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    assert {ref: values[ref].value for ref in formulas} == {
        "D1": 1,
        "D2": False,
        "D3": False,
        "D4": 1,
        "D5": 1,
        "D6": True,
        "D7": True,
    }


def test_rewrites_of_formulas_filled_down_a_column_keep_their_own_rows() -> None:
    # the rewrite is computed once per shape (row numbers set aside) and each formula gets its own rows back
    from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments

    assert [rewrite_arguments(f'=IF(G{r}>0.95,"high","low")') for r in (2, 3, 1048576)] == [
        '=IF(_XLR.COMPARED(G2)>0.95,"high","low")',
        '=IF(_XLR.COMPARED(G3)>0.95,"high","low")',
        '=IF(_XLR.COMPARED(G1048576)>0.95,"high","low")',
    ]
    assert rewrite_arguments('=IF(Sheet1!A1+$B$1=C1,"Q1",LOG10(A5))') == (
        '=IF(_XLR.COMPARED(Sheet1!A1+$B$1)=_XLR.COMPARED(C1),"Q1",LOG10(A5))'
    )
    assert rewrite_arguments("=VLOOKUP(A3,$A$1:$B$2,2)&DEC2BIN(A3)") == (
        "=_XLR.JOINED(_XLR.TEXT(INDEX($A$1:$B$2,_XLR.VPOS(A3,INDEX($A$1:$B$2,0,1),2,COLUMNS($A$1:$B$2)),2))"
        "&_XLR.TEXT(DEC2BIN(A3)))"
    )


def test_switch_returns_an_error_among_its_values_and_ifs_answers_array_conditions(tmp_path: Path) -> None:
    # Excel: SWITCH(3, #DIV/0!, ...) is #DIV/0! (the engine skipped the error value and said #N/A); a blank
    # compares as 0, never as ""; TRUE is not 1. An IFS over a row of conditions entered as an array formula
    # answers for each one (the engine: #VALUE!).
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = "=1/0", 3, True, 1
    sheet["A2"], sheet["B2"], sheet["C2"] = False, 0, 41
    formulas = {
        "F1": "=_xlfn.SWITCH(B1,A1,A1)",
        "F2": "=_xlfn.SWITCH(B1,B1,A1)",
        "F3": '=_xlfn.SWITCH(C1,D1,"match","none")',
        "F4": '=_xlfn.SWITCH(E9,B2,"match")',
        "F5": "=_xlfn.SWITCH(B1,D1,1,B1,2)",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    sheet["H1"] = ArrayFormula("H1:J1", "=_xlfn.IFS(A2:C2,1,B2,2)")
    sheet["H2"] = ArrayFormula("H2:J2", '=_xlfn.IFS(B1:D1,"x",A2,"y")')
    sheet["H3"] = ArrayFormula("H3:J3", "=_xlfn.SWITCH(A2:C2,FALSE,0,41,1)")
    source = tmp_path / "logical.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "logical.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    assert {ref: values[ref].value for ref in formulas} == {
        "F1": "#DIV/0!", "F2": "#DIV/0!", "F3": "none", "F4": "match", "F5": 2,
    }  # fmt: skip
    assert [[values[f"{c}{r}"].value for c in "HIJ"] for r in (1, 2, 3)] == [
        ["#N/A", "#N/A", 1],
        ["x", "x", "x"],
        [0, "#N/A", 1],
    ]


def test_choose_reads_logicals_and_numeric_text_and_value_of_a_blank_is_zero(tmp_path: Path) -> None:
    # Excel: CHOOSE(TRUE, ...) takes the 1st value, CHOOSE("2", ...) the 2nd, CHOOSE(FALSE, ...) and
    # CHOOSE(0.9, ...) are #VALUE!; VALUE of an empty cell is 0 (the engine: #VALUE! for all but 0.9)
    cells = {"A1": True, "A2": "2", "A3": False, "A4": 0.9, "A5": 2.4, "B1": -1, "C1": 0.5}
    formulas = {f"D{r}": f"=CHOOSE(A{r},$B$1,$C$1)" for r in range(1, 6)}
    formulas.update({"E1": "=VALUE(A9)", "E2": '=VALUE("")', "E3": "=VALUE(A2)"})
    got = _compute(tmp_path, {ref: rewrite_arguments(f) for ref, f in formulas.items()}, cells)
    assert got == {
        "D1": -1.0, "D2": 0.5, "D3": "#VALUE!", "D4": "#VALUE!", "D5": 0.5, "E1": 0.0, "E2": "#VALUE!", "E3": 2.0,
    }  # fmt: skip


def test_numbers_typed_as_text_with_separators_currency_and_percent_read_as_excel(tmp_path: Path) -> None:
    # Excel's VALUE documentation: VALUE("$1,000") is 1000; typed into SUM or next to an operator, Excel reads
    # such text as the number too (the engine read only plain "3"); text that is no number stays #VALUE!
    formulas = {
        "B1": '=VALUE("$1,000")',
        "B2": '=VALUE("1,234.5")',
        "B3": '=SUM(1,"1,000")',
        "B4": '=1*"1,000"',
        "B5": '=VALUE("(1,000)")',
        "B6": '=VALUE("12.5%")',
        "B7": '=VALUE("1,00")',
        "B8": "=VALUE(A1)",
        "B9": '="1,000"&"x"',
    }
    got = _compute(tmp_path, {ref: rewrite_arguments(f) for ref, f in formulas.items()}, {"A1": "$2,500.50"})
    assert got == {
        "B1": 1000.0, "B2": 1234.5, "B3": 1001.0, "B4": 1000.0, "B5": -1000.0, "B6": 0.125, "B7": "#VALUE!",
        "B8": 2500.5, "B9": "1,000x",
    }  # fmt: skip


def test_the_single_pre_test_lets_through_every_formula_a_rewrite_may_change() -> None:
    from xl_retention.recalculation.formula_texts import (
        may_need_any,
        may_need_arguments,
        may_need_rewrite,
        words_pattern,
    )
    from xl_retention.recalculation.hidden_rows import may_split

    formulas = [
        "SUM(A1:A3)", "A1&B1", 'AVERAGE("3")', "IF(A1>0.5,1,0)", "VLOOKUP(A1,T,2)", "_xlfn.XLOOKUP(1,A:A,B:B)",
        "INDEX(A1:B2,C1,1)", "MATCH(1,A1:A3)", "CHOOSE(A1,1,2)", "VALUE(A1)", "_xlfn.IFS(A1,1)", "_xlfn.SWITCH(A1,1,2)",
        "SUBTOTAL(109,A1:A3)", "AGGREGATE(9,5,A1:A3)", "_xlfn.SINGLE(A1)", "SUM(INT({1.5;2.5}))", "Sales[Amount]",
        "LAMBDA(x,x)(1)", "A1 B1", "Rate*2", "CRR(C2,B2,A2)", "NRR(A1,B1,C1)*100",
    ]  # fmt: skip
    words = words_pattern(["rate"])
    for text in formulas:
        needed = may_need_rewrite(text, words) or may_need_arguments(text) or may_split(text)
        assert may_need_any(text, words) or not needed, text
    assert not may_need_any("CRR(C2,B2,A2)", words) and not may_need_any("NRR(A1,B1,C1)*100", words)


def test_an_empty_const_of_linest_and_trend_is_their_default_true(tmp_path: Path) -> None:
    # Excel reads LINEST(y,x,,TRUE) with an intercept (pycel stats.xlsx: slope -0.4409774436090227, intercept
    # 0.16954887218045034 for these points); the engine read the empty argument as 0, no intercept
    import math

    cells: dict[str, object] = {}
    for column, (y, x) in zip("ABCDE", [(1, -2), (2.1, -4), (3.1, -7), (4.1, -9), (5.1, -11)], strict=True):
        cells[f"{column}1"], cells[f"{column}2"] = y, x
    formulas = {
        "G1": "=INDEX(LINEST(A1:E1,A2:E2,,TRUE),1,1)",
        "G2": "=INDEX(LINEST(A1:E1,A2:E2,,TRUE),1,2)",
        "G3": "=INDEX(LINEST(A1:E1,A2:E2,,TRUE),4,2)",  # degrees of freedom: 5 points - 1 - 1
        "G4": "=TREND(A1:E1,A2:E2,0,)",  # the intercept again
    }
    got = _compute(tmp_path, {ref: rewrite_arguments(f) for ref, f in formulas.items()}, cells)
    assert math.isclose(got["G1"], -0.4409774436090227, rel_tol=1e-12)
    assert math.isclose(got["G2"], 0.16954887218045034, rel_tol=1e-12)
    assert got["G3"] == 3.0
    assert math.isclose(got["G4"], 0.16954887218045034, rel_tol=1e-12)
