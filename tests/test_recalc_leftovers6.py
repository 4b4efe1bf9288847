"""Recalculation leftovers of the sixth round (H35's review): the embedded engine against Excel on users' workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and reads
the written values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet as _recalc
from one_sheet import recalculated, save_dynamic

from xl_retention.recalculation import recalc_file


def test_if_with_one_condition_value_returns_the_chosen_argument_unpadded(tmp_path: Path) -> None:
    # Excel evaluates IF's condition first: one TRUE/FALSE returns that argument as it is (a range of its own size);
    # only an array condition combines the arguments element by element (the smaller padded with #N/A). The
    # shorter range chosen was padded to the longer's rows: #N/A with status ok. IFERROR/IFNA alike: their value
    # argument is the array that decides. A1:A3 = 1, 2, 3; C1:C2 = 100, 200; D1 = "y".
    names = {"Long": "S!$A$1:$A$3", "Short": "S!$C$1:$C$2"}
    arrays = {
        "F2": "=SUM(IF(SUM(A1:A3)>100,A1:A3,C1:C2))",
        "F3": '=SUM(IF(D1="x",A1:A3,C1:C2))',
        "F4": '=ROWS(IF(D1="x",A1:A3,C1:C2))',
        "F5": '=ROWS(IF(D1="y",A1:A3,C1:C2))',
        "F6": '=SUM(IFERROR(IF(D1="y",A1:A3+C1:C2),0))',  # the chosen argument's own operands still padded: 303
        "F7": "=SUM(IFERROR(IF(A1:A3>1,C1:C2),0))",  # an array condition: {FALSE;200;#N/A} -> 200
        "F8": "=SUM(IFERROR(IFERROR(A1:A3/0,C1:C2),0))",  # IFERROR's value an array: stretched together, 300
        "F9": "=ROWS(IFERROR(SUM(A1:A3),C1:C2))",  # one value: the value itself, 1 row
    }
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "C1": 100,
        "C2": 200,
        "D1": "y",
        "F1": '=SUMPRODUCT(IF($D$1="x",Long,Short))',
    }
    result, got = _recalc(tmp_path, cells, names, arrays)
    assert result.status == "ok", result.message
    assert not result.unsupported
    assert {k: got[k] for k in ["F1", *arrays]} == {
        "F1": 300,
        "F2": 300,
        "F3": 300,
        "F4": 2,
        "F5": 3,
        "F6": 303,
        "F7": 200,
        "F8": 300,
        "F9": 1,
    }


def test_a_whole_column_with_an_array_of_another_size_is_padded_as_in_excel(tmp_path: Path) -> None:
    # Excel pads B1:B3 to the whole column's 1,048,576 rows with #N/A: {=SUM(IFERROR((A:A>0)*B1:B3,0))} is 60,
    # {=SUM(IFERROR(IF(A:A>1,B1:B3),0))} 50 and SUMPRODUCT((A:A>0)*B1:B3) #N/A. They were listed as not computable
    # (the engine made each one #VALUE!). The rows below the cells in use all give one element (#N/A, or FALSE from
    # IF), which SUM, SUMPRODUCT and IFERROR take alike however many there are: computed over the rows in use and one
    # more. Where the count matters (AVERAGE over 1,048,576 rows, ROWS) the cell is still listed.
    arrays = {
        "F2": "=SUM(IFERROR((A:A>0)*B1:B3,0))",
        "F3": "=SUM(IFERROR(IF(A:A>1,B1:B3),0))",
        "F4": "=SUM((A:A>1)*B:B)",  # one size: 50
        "F5": "=SUM(IF(A:A>1,B:B*D1,0))",  # a single value stretches: 100
        "F6": "=SUM(IF(D1=2,A:A,B1:B3))",  # one condition value: the whole column as it is, 6
        "F8": "=MAX(IF(A:A>1,B2:B5))",  # B2:B5 reaches past A's cells in use: 30 (row 3: B4 is blank, 0)
        "F9": "=AVERAGE(IFERROR((A:A>0)*B1:B3,0))",  # 60 / 1,048,576 in Excel: listed
        "F10": "=ROWS((A:A>0)*B1:B3)",  # 1,048,576: listed
    }
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "B1": 10,
        "B2": 20,
        "B3": 30,
        "D1": 2,
        "F1": "=SUMPRODUCT((A:A>0)*B1:B3)",
        "F7": "=SUMPRODUCT((A:A>0)*(B:B>10))",  # 2
    }
    result, got = _recalc(tmp_path, cells, arrays=arrays)
    assert sorted(u.address for u in result.unsupported) == ["S!F10", "S!F9"]
    assert all("pads an array to a whole column's 1,048,576 rows" in u.reason for u in result.unsupported)
    assert {k: got[k] for k in ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"]} == {
        "F1": "#N/A",
        "F2": 60,
        "F3": 50,
        "F4": 50,
        "F5": 100,
        "F6": 6,
        "F7": 2,
        "F8": 30,
    }


def test_a_not_equal_or_equal_criterion_held_by_a_cell_as_text_is_matched_at_15_digits(tmp_path: Path) -> None:
    # Excel compares a criterion's number at 15 significant digits also when a cell holds the criterion as text with
    # its operator ('<>0.3', '=0.3'), as it does the typed "<>0.3": =0.1+0.2, 0.3 and =3*0.1 are all 0.3 to it.
    # They were compared exactly (COUNTIF(A1:A4,F1) 3, SUMIFS 13; '=0.3' 1 and 2), status ok.
    cells: dict[str, object] = {
        "A1": "=0.1+0.2",
        "A2": 0.3,
        "A3": "=3*0.1",
        "A4": 1,
        "B1": 1,
        "B2": 2,
        "B3": 4,
        "B4": 8,
        "F1": "<>0.3",
        "F3": "<>1",
        "F4": "<>x",
        "G1": "=COUNTIF(A1:A4,F1)",
        "G2": "=SUMIFS(B1:B4,A1:A4,F1)",
        "G3": '=COUNTIF(A1:A4,"<>0.3")',
        "G4": "=COUNTIF(A1:A4,F2)",
        "G5": "=SUMIF(A1:A4,F2,B1:B4)",
        "G6": "=SUMIF(A1:A4,F1,B1:B4)",
        "G7": "=COUNTIF(A1:A4,F3)",  # a whole number: compared exactly, 3
        "G8": "=COUNTIF(A1:A4,F4)",  # a text: 4
    }
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    sheet["F2"] = "=0.3"
    sheet["F2"].data_type = "s"  # the text '=0.3', not a formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert out["F2"].value == "=0.3"
    assert {k: out[k].value for k in ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8"]} == {
        "G1": 1,
        "G2": 8,
        "G3": 1,
        "G4": 3,
        "G5": 7,
        "G6": 8,
        "G7": 3,
        "G8": 4,
    }


def test_the_29th_of_february_1900_typed_as_text_is_60_and_earlier_dates_are_no_number(tmp_path: Path) -> None:
    # Excel's calendar has its 29 February 1900 (serial 60) and starts on 1 January 1900: DATEVALUE("1900/2/29"),
    # "1900/2/29"+0 and a cell holding the text plus 0 are 60 (were #VALUE!), a date before 1900 typed as text is no
    # number: "12/31/1899"+0 is #VALUE! (was 0; "1/1/1800" was -36523), as DATEVALUE's is. (Year first: read alike
    # in every locale, where "2/29/1900" is no date to a day-first Excel and is listed as the locale's.)
    cells: dict[str, object] = {
        "A1": "1900/2/29",
        "A2": "12/31/1899",
        "A3": "29-Feb-1900",
        "A4": "1/1/1800",
        "B1": '=DATEVALUE("1900/2/29")',
        "B2": '="1900/2/29"+0',
        "B3": "=A1+0",
        "B4": "=DATEVALUE(A1)",
        "B5": '=YEAR("1900/2/29")*10000+MONTH(A1)*100+DAY(A3)',
        "B6": '="1900-02-29"+0',
        "B7": '="Feb 29, 1900"*1',
        "B8": "=A3-1",
        "C1": '="12/31/1899"+0',
        "C2": "=A2+0",
        "C3": '=DATEVALUE("12/31/1899")',
        "C4": "=A4*1",
        "C5": '=ISERROR("1/15/1899"-1)',
        "C6": '="1900-03-01"-"1900/2/28"',  # 2: the day between them is Excel's 29 February
        "C7": '=LEN("1/1/1800")',  # text not read as a number is left as it is
        "C8": '=ABS("$1,200")+ROUND("(2.5)",0)',  # formatted numbers typed in as a function's one number: 1197
    }
    result, got = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert {k: got[k] for k in cells if k[0] != "A"} == {
        "B1": 60,
        "B2": 60,
        "B3": 60,
        "B4": 60,
        "B5": 19000229,
        "B6": 60,
        "B7": 60,
        "B8": 59,
        "C1": "#VALUE!",
        "C2": "#VALUE!",
        "C3": "#VALUE!",
        "C4": "#VALUE!",
        "C5": True,
        "C6": 2,
        "C7": 8,
        "C8": 1197,
    }


def test_dates_typed_in_formulas_are_read_in_the_1904_date_system(tmp_path: Path) -> None:
    # In a 1904 workbook a date typed as text before 1 January 1904 is no date (#VALUE!, DATEVALUE's too: was #NUM!),
    # and "15-Jan" typed in a formula is this year's 15 January counted from 1904 (was #VALUE!).
    cells: dict[str, object] = {
        "A1": "2/29/1900",
        "A2": "15-Jan",
        "B1": "=A1+0",
        "B2": '="2/29/1900"+0',
        "B3": '=DATEVALUE("2/29/1900")',
        "B4": '="15-Jan"+0',
        "B5": '="2024/1/31"+0',  # year first: read alike in every locale
        "B6": '=DATEVALUE("1/1/1904")',
        "B7": '="15-Jan"+0-A2',
        "A8": "1/1/1903",
        "B8": "=A8+0",  # before 1904: no date in this system (was -365)
        "B9": '="1/1/1903"+0',
    }
    out = recalculated(tmp_path, cells, epoch_1904=True)
    year = dt.date.today().year
    assert {k: out[k] for k in ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9"]} == {
        "B1": "#VALUE!",
        "B2": "#VALUE!",
        "B3": "#VALUE!",
        "B4": (dt.date(year, 1, 15) - dt.date(1904, 1, 1)).days,
        "B5": 43860,
        "B6": 0,
        "B7": 0,
        "B8": "#VALUE!",
        "B9": "#VALUE!",
    }


def test_a_final_minus_reads_a_cell_of_formatted_number_text_in_a_formula_rewritten_otherwise(tmp_path: Path) -> None:
    # A formula rewritten for another reason (here the intersection operator) whose last - or + has its operands bound
    # in a LET (final_operations) did not read a cell holding "$1,200" as 1200: #VALUE! with status ok.
    cells: dict[str, object] = {
        "A1": 1500,
        "A2": "$1,200",
        "A3": "(50)",
        "B1": "=SUM(A1:A1 A1:A1)-A2",
        "B2": "=A2+SUM(A1:A1 A1:A1)",
        "B3": "=SUM(A1:A1 A1:A1)+A3",
    }
    result, got = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert {k: got[k] for k in ["B1", "B2", "B3"]} == {"B1": 300, "B2": 2700, "B3": 1450}


def test_averageif_maxifs_minifs_match_a_cell_criterion_at_15_digits(tmp_path: Path) -> None:
    # Excel compares a criterion's number at 15 significant digits: over A1:A5 = =0.1+0.2, 0.3, =3*0.1, 1, =1.1*100
    # and F1 = 0.3, the 0.3 rows are B's 1, 2 and 4. AVERAGEIF(S), MAXIFS and MINIFS were listed as not computable;
    # a "<>" criterion held as text that needs it still is (Excel's stored value kept).
    cells: dict[str, object] = {
        "A1": "=0.1+0.2",
        "A2": 0.3,
        "A3": "=3*0.1",
        "A4": 1,
        "A5": "=1.1*100",
        "B1": 1,
        "B2": 2,
        "B3": 4,
        "B4": 8,
        "B5": 16,
        "F1": 0.3,
        "F3": "<>0.3",
        "G1": "=AVERAGEIF(A1:A5,F1,B1:B5)*3",
        "G2": "=AVERAGEIFS(B1:B5,A1:A5,F1)*3",
        "G3": "=_xlfn.MAXIFS(B1:B5,A1:A5,F1)",
        "G4": "=_xlfn.MINIFS(B1:B5,A1:A5,F1)",
        "G5": '=_xlfn.MAXIFS(B1:B5,A1:A5,F1,B1:B5,"<4")',
        "G6": "=ROUND(AVERAGEIF(A1:A5,F1),12)",
        "G7": '=AVERAGEIFS(B1:B5,A1:A5,F1,B1:B5,">1")',
        "G8": "=_xlfn.MAXIFS(B1:B5,A1:A5,F3)",
    }
    result, got = _recalc(tmp_path, cells)
    assert [u.address for u in result.unsupported] == ["S!G8"]
    assert {k: got[k] for k in ["G1", "G2", "G3", "G4", "G5", "G6", "G7"]} == {
        "G1": 7,
        "G2": 7,
        "G3": 4,
        "G4": 1,
        "G5": 2,
        "G6": 0.3,
        "G7": 3,
    }


def test_a_whole_number_held_by_a_cell_matches_its_float_noise_as_in_excel(tmp_path: Path) -> None:
    # =1.1*100 is 110.00000000000001: Excel's COUNTIF(A1:A4,F1) of F1 = 110 counts it (15 significant digits). The
    # whole number was compared exactly (0, with status ok); a range without such noise keeps the exact comparison.
    cells: dict[str, object] = {
        "A1": "=1.1*100",
        "A2": 110,
        "A3": 7,
        "A4": "x",
        "B1": 1,
        "B2": 2,
        "B3": 4,
        "B4": 8,
        "C1": 110,
        "C2": 7,
        "F1": 110,
        "F2": 7,
        "G1": "=COUNTIF(A1:A4,F1)",
        "G2": "=SUMIF(A1:A4,F1,B1:B4)",
        "G3": '=SUMIFS(B1:B4,A1:A4,F1,B1:B4,">1")',
        "G4": "=AVERAGEIF(A1:A4,F1,B1:B4)",
        "G5": "=_xlfn.MAXIFS(B1:B4,A1:A4,F1)",
        "G6": "=COUNTIF(A1:A4,F2)",
        "G7": "=COUNTIF(C1:C2,F1)",
        "G8": '=COUNTIF(A1:A4,"<>"&F1)',
        "G9": "=COUNTIFS(A1:A4,F1,B1:B4,1)",  # with a typed number's correction too: both intervals, 1
        "G10": "=SUMIFS(B1:B4,A1:A4,F1,B1:B4,2)",  # 2
        "G11": '=COUNTIFS(A1:A4,F1,B1:B4,"<>1")',  # a typed "<>" beside it: listed
    }
    result, got = _recalc(tmp_path, cells)
    assert [u.address for u in result.unsupported] == ["S!G11"]
    assert {k: got[k] for k in ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10"]} == {
        "G1": 2,
        "G2": 3,
        "G3": 2,
        "G4": 1.5,
        "G5": 2,
        "G6": 1,
        "G7": 1,
        "G8": 2,
        "G9": 1,
        "G10": 2,
    }


def test_a_dynamic_array_on_a_sheet_whose_name_holds_an_apostrophe_is_computed(tmp_path: Path) -> None:
    # A sheet named "Calc's (2024)" (the quote doubled in references) holding a dynamic array: the whole file failed
    # with "unterminated sheet quote", naming no cell (the engine was asked for 'Calc's (2024)'!B1 unescaped).
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    data = book.active
    data.title = "Q1 Data"
    for row in [("EU", 100), ("US", 200), ("EU", 300)]:
        data.append(row)
    calc = book.create_sheet("Calc's (2024)")
    calc["B1"] = ArrayFormula("B1:B2", "=_xlfn.UNIQUE('Q1 Data'!A1:A3)")
    calc["C1"] = ArrayFormula("C1:C2", "=SUMIFS('Q1 Data'!B1:B3,'Q1 Data'!A1:A3,_xlfn.ANCHORARRAY(B1))")
    calc["D1"] = "=SUM(_xlfn.ANCHORARRAY(C1))"
    calc["E1"] = "=COUNTA('Calc''s (2024)'!B1:B2)"
    calc.merge_cells("G1:H1")  # merged cells away from the spills: looked at for spills over them
    source = save_dynamic(book, tmp_path / "book.xlsx", ("B1", "C1"), "xl/worksheets/sheet2.xml")  # Excel 365's mark
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Calc's (2024)"]
    assert [[out[f"{c}{r}"].value for c in "BCDE"] for r in (1, 2)] == [["EU", 400, 600, 2], ["US", 200, None, None]]


def test_a_3d_reference_between_sheets_whose_names_hold_an_apostrophe_is_computed(tmp_path: Path) -> None:
    # SUM('Jan 2024:Mar''24'!B1): the 3-D reference's pre-test missed a doubled quote in the sheet names, and the cell
    # was listed as not computable (Excel: 600).
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Jan 2024"
    sheets = [first, book.create_sheet("Feb-2024"), book.create_sheet("Mar'24")]
    for k, sheet in enumerate(sheets, 1):
        sheet["A1"], sheet["B1"] = "customers", 100 * k
    summary = book.create_sheet("Summary")
    summary["A1"] = "=SUM('Jan 2024:Mar''24'!B1)"
    summary["A2"] = "=COUNTA('Jan 2024:Mar''24'!A1)"
    summary["A3"] = "=MAX('Feb-2024:Mar''24'!B1)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    assert [out[f"A{r}"].value for r in (1, 2, 3)] == [600, 3, 300]


def test_indirect_given_an_array_of_texts_is_answered_reference_by_reference(tmp_path: Path) -> None:
    # SUMPRODUCT(SUMIF(INDIRECT("'"&Sheets&"'!A:A"),"x",INDIRECT("'"&Sheets&"'!B:B"))), the multi-sheet SUMIF, is one
    # answer per sheet in Excel; the engine's INDIRECT made it #REF! with status ok. Where arrays are evaluated
    # (SUMPRODUCT, an array formula) such a call of SUMIF(S), COUNTIF(S), AVERAGEIF(S), MAXIFS, MINIFS or N is
    # written out sheet by sheet; elsewhere (a classic formula, another array in the call) the cell is listed.
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    jan = book.active
    jan.title = "Jan"
    mar = book.create_sheet("Mar 24")
    for sheet, rows in ((jan, [("x", 1), ("y", 2), ("x", 4)]), (mar, [("x", 10), ("x", 20), ("z", 40)])):
        for row in rows:
            sheet.append(row)
    summary = book.create_sheet("Summary")
    summary["C1"], summary["C2"], summary["E1"], summary["F1"] = "Jan", "Mar 24", "Jan", "Mar 24"
    formulas = {
        "A1": '=SUMPRODUCT(N(INDIRECT("\'"&C1:C2&"\'!B2")))',
        "A2": '=SUMPRODUCT(SUMIF(INDIRECT("\'"&C1:C2&"\'!A:A"),"x",INDIRECT("\'"&C1:C2&"\'!B:B")))',
        "A3": '=SUMPRODUCT(COUNTIF(INDIRECT("\'"&Sheets&"\'!A1:A3"),"x"))',
        "A4": '=SUMPRODUCT(COUNTIF(INDIRECT("\'"&E1:F1&"\'!A1:A3"),"x"))',  # a row of sheet names
        "A5": '=SUM(COUNTIF(INDIRECT("\'"&C1:C2&"\'!A1:A3"),"x"))',  # a classic formula: listed
        "A7": '=SUMPRODUCT(COUNTIF(INDIRECT("\'"&C1:C2&"\'!A1:A3"),C1:C2))',  # criteria of two cells: listed
        "A8": '=INDIRECT("\'"&INDEX(C1:C2,MATCH("Mar 24",C1:C2,0))&"\'!B2")',  # one text
    }
    for ref, formula in formulas.items():
        summary[ref] = formula
    summary["A6"] = ArrayFormula("A6", '=SUM(COUNTIF(INDIRECT("\'"&C1:C2&"\'!A1:A3"),"x"))')
    book.defined_names["Sheets"] = DefinedName("Sheets", attr_text="Summary!$C$1:$C$2")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert sorted(u.address for u in result.unsupported) == ["Summary!A5", "Summary!A7"]
    assert all(u.reason.startswith("INDIRECT is given an array of texts") for u in result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]
    assert {k: out[k].value for k in ["A1", "A2", "A3", "A4", "A6", "A8"]} == {
        "A1": 2 + 20,
        "A2": 5 + 30,
        "A3": 4,
        "A4": 4,
        "A6": 4,
        "A8": 20,
    }


def test_a_spill_reference_to_a_dynamic_array_of_one_value_is_that_cell_not_ref_error(tmp_path: Path) -> None:
    # FILTER giving one value at Q1: the engine's SUM(Q1#) was #REF! with status ok (its ROWS(Q1#) is 1). Such a cell
    # was listed; it reads the one cell Q1 now, as Excel (H52); a spill of two values is read as before.
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate([100, 200, 50], 1):
        sheet[f"B{row}"] = value
    dynamic = {
        "Q1": ("Q1", "=_xlfn._xlws.FILTER(B1:B3,B1:B3>150)"),
        "U1": ("U1:U2", "=_xlfn._xlws.FILTER(B1:B3,B1:B3>60)"),
    }
    for ref, (area, formula) in dynamic.items():
        sheet[ref] = ArrayFormula(area, formula)
    sheet["R1"] = "=SUM(_xlfn.ANCHORARRAY(Q1))"
    sheet["R2"] = "=SUM(_xlfn.ANCHORARRAY(U1))"
    sheet["R3"] = "=SUM(Q1)"
    source = save_dynamic(book, tmp_path / "book.xlsx", ("Q1", "U1"))
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok" and result.unsupported == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["R1"].value, out["R2"].value, out["R3"].value) == (200, 300, 200)


def test_text_in_the_general_format_shows_at_most_11_digits_and_point(tmp_path: Path) -> None:
    # The General format shows at most 11 characters of digits and decimal point (Microsoft KB 65903: 10 significant
    # digits with a point): TEXT(100/3,"General") is 33.33333333 (was 33.333333333), TEXT(2000/3,...) 666.6666667.
    cells: dict[str, object] = {
        "A1": '=TEXT(100/3,"General")',
        "A2": '=TEXT(2000/3,"General")',
        "A3": '=TEXT(1/3,"General")',
        "A4": '=TEXT(1234567890.5,"General")',
        "A5": '=TEXT(-45356.6041666667,"General")',
        "A6": '=TEXT(123456789012,"General")',
        "A7": '=TEXT(99999999999.5,"General")',
        "A8": '=TEXT(1234.5,"General"" units""")',
    }
    result, got = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [got[f"A{k}"] for k in range(1, 9)] == [
        "33.33333333",
        "666.6666667",
        "0.333333333",
        "1234567891",
        "-45356.60417",
        "1.23457E+11",
        "1E+11",
        "1234.5 units",
    ]


def test_a_whole_column_looked_up_row_by_row_beside_another_is_one_size(tmp_path: Path) -> None:
    # SUMPRODUCT((A:A>0)*ISNUMBER(MATCH(A:A,D1:D2,0))): A:A is bounded to the rows in use plus one, while MATCH's A:A
    # was left to the engine's own cut (one row shorter): padded with #N/A, the result was #N/A with status ok (Excel
    # 2). MATCH's lookup value and COUNTIF's criteria are bounded alike where another whole column is.
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 2,
        "B1": 10,
        "B2": 20,
        "B3": 30,
        "D1": 2,
        "D2": 3,
        "F1": "=SUMPRODUCT((A:A>0)*ISNUMBER(MATCH(A:A,D1:D2,0)))",
        "F2": "=SUMPRODUCT(B:B*ISNUMBER(MATCH(A:A,D1:D2,0)))",
        "F3": "=SUMPRODUCT((B:B>0)*(COUNTIF(A:A,A:A)>1))",
        "F4": "=SUMPRODUCT((B:B>0)*COUNTIF(A:A,A:A))",
        "F5": "=SUMPRODUCT(--ISNUMBER(MATCH(A:A,D1:D2,0)))",  # alone: the engine's cut, as before
    }
    result, got = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [got[f"F{k}"] for k in range(1, 6)] == [2, 50, 2, 5, 2]


def test_row_and_column_of_a_defined_name_give_every_row_and_column(tmp_path) -> None:
    """ROW(Name) and COLUMN(Name) of a defined name gave the name's first row alone (SUMPRODUCT(ROW(N)) 2 with status
    ok; the tracker's AGGREGATE(14,6,ROW(Churn)/ISNUMBER(Churn),k) 1 where Excel gives 3, H42), while the same
    range typed in gave every row. Excel: the rows 2..15 of N, the columns G..J of H."""
    cells = {f"G{r}": r for r in range(2, 16)}
    cells["G2"] = '=""'  # not a number: ROW/ISNUMBER is #DIV/0! there, which AGGREGATE's option 6 ignores
    cells.update({
        "B1": "=SUMPRODUCT(ROW(N))",  # 2+...+15
        "B2": "=SUMPRODUCT(COLUMN(H))",  # 7+8+9+10
        "B3": "=SUMPRODUCT(ROW(N)-MIN(ROW(N))+1)",  # 1+...+14
        "B4": "=_xlfn.AGGREGATE(14,6,ROW(N)/ISNUMBER(N),12)",  # rows 3..15: the 12th largest is 4
        "B5": "=_xlfn.AGGREGATE(14,6,(ROW(N)-MIN(ROW(N))+1)/ISNUMBER(N),12)",  # 2..14: 3
        "B6": "=SUMPRODUCT((N>5)*ROW(N))",  # rows 6..15, and row 2: its text "" is greater than any number
        "B7": "=MAX(ROW(N))",  # a classic formula: ROW's first value, as with ROW(S!$G$2:$G$15)
    })  # fmt: skip
    report, values = _recalc(tmp_path, cells, names={"N": "S!$G$2:$G$15", "H": "S!$G$2:$J$2"})
    assert report.status == "ok", report.message
    assert [values[f"B{r}"] for r in range(1, 8)] == [119, 34, 105, 4, 3, 107, 2]
