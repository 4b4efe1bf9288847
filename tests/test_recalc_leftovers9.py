"""Recalculation leftovers of the ninth round (H3): the embedded engine against Excel on users' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones, or the cells listed with their reason.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet as _recalc
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.denormals import SUPPORTED, flushing


def test_a_step_of_a_formula_below_excels_smallest_number_is_0(tmp_path: Path) -> None:
    # Excel holds no denormal (KB 78113) at any step of a formula: 1E-300*1E-10 is 0, so =1E-300*1E-10*1E300 is 0 (the
    # engine's IEEE arithmetic gave 1E-10 with status ok: only a denormal result was made 0), EXP(-720) is 0, and a
    # cell of 1E-300 times 1E-10 likewise; where no step underflows the value is kept (1E-10*1E300 first: 1E-10);
    # 1E-308 is below 2**-1022 too (B1*1E-8*100 is 0).
    cells: dict[str, object] = {
        "B1": 1e-300,
        "A1": "=1E-300*1E-10*1E300",
        "A2": "=1E-300/1E10*1E300",
        "A3": "=EXP(-720)*1E300",
        "A4": "=B1*1E-10*1E300",
        "A5": "=PRODUCT(B1,1E-10,1E300)",
        "A6": "=SUMPRODUCT(B1*1E-10,1E300)",
        "A7": "=2^-1030*2^100",
        "A8": "=IF(B1*1E-10>0,1,2)",
        "A9": "=1E-300*(1E-10*1E300)",
        "A10": "=B1*1E-8*100",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"A{row}"] for row in range(1, 9)] == [0, 0, 0, 0, 0, 0, 0, 2]
    assert values["A9"] == 1e-10 and values["A10"] == 0


def test_flushing_puts_the_callers_arithmetic_back() -> None:
    tiny = float("1e-300")
    with flushing():
        inside = tiny * 1e-10
    assert tiny * 1e-10 == 1e-310
    assert inside == (0.0 if SUPPORTED else 1e-310)
    assert SUPPORTED  # Linux x86-64 (CI): the modes are set


def test_an_indirect_of_r1c1_text_or_of_a_name_reads_only_what_it_names(tmp_path: Path) -> None:
    # Z3 (FORECAST.ETS: the engine lacks it) has no current value; an INDIRECT of R1C1 text or of a defined name was
    # taken to read it (listed "reads S!Z3", status incomplete) where it reads A1, A2 or Jan's own B1 -> computed;
    # the ones that do name Z3 (absolute, relative to their cell, a name over it) and a whole row (R3) still listed.
    cells: dict[str, object] = {
        "A1": 5,
        "A2": 7,
        "X1": 1,
        "X2": 2,
        "Z3": "=_xlfn.FORECAST.ETS(3,A1:A2,X1:X2)",
        "H1": '=INDIRECT("R1C1",FALSE)',
        "H2": '=INDIRECT("R[-1]C[-7]",0)*2',
        "H3": '=SUM(INDIRECT("Pair"))',
        "H4": '=INDIRECT("First",FALSE)+1',
        "H5": '=INDIRECT("R3C26",FALSE)',
        "H6": '=INDIRECT("R[-3]C[18]",FALSE)',
        "H7": '=SUM(INDIRECT("Around"))',
        "H8": '=SUM(INDIRECT("R3",FALSE))',
    }
    names = {"Pair": "S!$A$1:$A$2", "First": "S!$A$1", "Around": "S!$Z$1:$Z$5"}
    result, values = _recalc(tmp_path, cells, names)
    assert result.status == "incomplete"
    assert [values.get(f"H{row}") for row in range(1, 5)] == [5, 10, 12, 6]
    assert sorted(u.address for u in result.unsupported) == ["S!H5", "S!H6", "S!H7", "S!H8", "S!Z3"]


def test_an_indirect_of_a_sheets_own_name_reads_that_sheets_reference(tmp_path: Path) -> None:
    # Total is a name of each month's sheet (Jan: B1, Feb: B2 where FORECAST.ETS is): =INDIRECT(A1&"!Total") with
    # "Jan" in A1 reads Jan!B1 only -> computed; with "Feb" it reads the cell without a value -> listed.
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary["A1"], summary["A2"] = "Jan", "Feb"
    summary["B1"], summary["B2"] = '=INDIRECT(A1&"!Total")*2', '=INDIRECT(A2&"!Total")*2'
    for title, ref in (("Jan", "$B$1"), ("Feb", "$B$2")):
        month = book.create_sheet(title)
        month["B1"], month["X1"], month["X2"], month["Y1"], month["Y2"] = 40, 1, 2, 3, 4
        month.defined_names["Total"] = DefinedName("Total", attr_text=f"{title}!{ref}")
    book["Feb"]["B2"] = "=_xlfn.FORECAST.ETS(3,Y1:Y2,X1:X2)"
    source = tmp_path / "months.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert sorted(u.address for u in result.unsupported) == ["Feb!B2", "Summary!B2"]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Summary"]["B1"].value == 80


def test_ceiling_and_floor_of_a_fractional_step_are_listed_where_excels_last_digit_is_not_certain(
    tmp_path: Path,
) -> None:
    # CEILING(1.12,0.05) is 23 steps of 0.05: 1.15 in decimal, 1.1500000000000001 in binary; the engine's 1.15 was
    # written with status ok where which of the two Excel gives is not known (MATCH(1.15,..) and = see it), as for
    # MROUND: listed (FLOOR 7.1 of 0.1 likewise, each form, behind IFERROR, element by element and the cell reading
    # one); a product that is its decimal value is computed (CEILING(1.5,0.1) 1.5, CEILING(0.234,0.01) 0.24: the
    # values Excel stored in ECMA-376's example workbook; FLOOR(7.25,0.5) 7, CEILING(2.5,1) 3, FLOOR(1.12,0.05) 1.1).
    cells: dict[str, object] = {
        "A1": 1.12,
        "B1": "=CEILING(A1,0.05)",
        "B2": "=FLOOR(7.1,0.1)",
        "B3": "=_xlfn.CEILING.MATH(A1,0.05)",
        "B4": "=_xlfn.FLOOR.PRECISE(7.1,0.1)",
        "B5": "=ISO.CEILING(A1,0.05)",
        "B6": "=IFERROR(_xlfn.FLOOR.MATH(7.1,0.1),0)",
        "B7": "=SUMPRODUCT(CEILING(A1:A2,0.05))",
        "B8": "=MATCH(1.15,B1:B1,0)",
        "C1": "=CEILING(1.5,0.1)",
        "C2": "=CEILING(0.234,0.01)",
        "C3": "=FLOOR(7.25,0.5)",
        "C4": "=CEILING(2.5,1)",
        "C5": "=FLOOR(A1,0.05)",
        "C6": "=_xlfn.CEILING.PRECISE(-2.5,2)",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "incomplete"
    listed = {u.address: u.reason for u in result.unsupported}
    assert sorted(listed) == [f"S!B{row}" for row in range(1, 9)]
    assert listed["S!B1"] == (
        "CEILING(1.12, 0.05): the step 0.05 makes 1.15 in decimal and 1.1500000000000001 in binary; which of the two "
        "Excel gives is not known"
    )
    assert listed["S!B6"].startswith("FLOOR.MATH(7.1, 0.1): ") and "S!B1" in listed["S!B8"]
    assert [values[f"C{row}"] for row in range(1, 7)] == [1.5, 0.24, 7, 3, 1.1, -2]
    assert all(f"B{row}" not in values for row in range(1, 9))


def test_a_ceiling_listed_keeps_the_value_excel_stored(tmp_path: Path) -> None:
    # Saved by Excel with its values: the listed cell keeps Excel's 1.15, the cell reading it is computed from it.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["B2"] = 1.12, "=CEILING(A1,0.05)", "=B1*2"
    book.save(tmp_path / "book.xlsx")
    with zipfile.ZipFile(tmp_path / "book.xlsx") as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(tmp_path / "saved.xlsx", "w") as out:
        for info, data in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"0.05)</f><v />", b"0.05)</f><v>1.1499999999999999</v>")
                data = data.replace(b"<f>B1*2</f><v />", b"<f>B1*2</f><v>2.2999999999999998</v>")
            out.writestr(info, data)
    result = recalc_file(tmp_path / "saved.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [u.address for u in result.unsupported] == ["S!B1"]
    got = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (got["B1"].value, got["B2"].value) == (1.15, 2.3)


def test_sumif_without_a_sum_range_and_an_error_criterion_sums_the_range_errors_and_all(tmp_path: Path) -> None:
    # SUMIF(B1:B4,"<>#DIV/0!") over 1, 2, #N/A, #DIV/0!: the #N/A row matches, so Excel's sum is #N/A; the engine was
    # given the range's error keys to sum (text: nothing), 3 with status ok; AVERAGEIF likewise (1.5). The usual
    # SUMIF(range,"<>#N/A") of numbers and #N/A only still sums the numbers; a sum range given was right already.
    cells: dict[str, object] = {
        "B1": 1,
        "B2": 2,
        "B3": "=NA()",
        "B4": "=1/0",
        "D1": '=SUMIF(B1:B4,"<>#DIV/0!")',
        "D2": '=SUMIF(B1:B4,"<>#N/A")',
        "D3": '=AVERAGEIF(B1:B4,"<>#DIV/0!")',
        "D4": '=SUMIF(B1:B4,"=#N/A")',
        "D5": '=SUMIF(B1:B3,"<>#N/A")',
        "D6": '=AVERAGEIF(B1:B3,"<>#N/A")',
        "D7": '=SUMIF(B1:B4,"<>#N/A",B1:B4)',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"D{row}"] for row in range(1, 8)] == ["#N/A", "#DIV/0!", "#N/A", "#N/A", 3, 1.5, "#DIV/0!"]


def test_db_of_the_period_after_the_life_is_the_rest_of_its_year(tmp_path: Path) -> None:
    # Microsoft's DB page: cost 1,000,000, salvage 100,000, life 6, first year of 7 months; period 7 is
    # (cost - total) * rate * (12 - 7) / 12 = 15,845.10 (the engine took the rest down to the salvage: 19,210.77, status
    # ok); periods 1..6 as the page; element by element too; a period past life + 1 and a negative cost #NUM!.
    cells: dict[str, object] = {f"A{p}": f"=ROUND(DB(1000000,100000,6,{p},7),2)" for p in range(1, 8)}
    cells.update({"B1": "=ROUND(SUMPRODUCT(DB(1000000,100000,6,{1,7},7)),2)", "B2": "=DB(1000,100,5,7)"})
    cells.update({"B3": "=DB(-1000,100,5,1)", "B4": "=DB(1000,100,5,2)"})
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"A{p}"] for p in range(1, 8)] == [
        186083.33,
        259639.42,
        176814.44,
        120410.64,
        81999.64,
        55841.76,
        15845.1,
    ]
    assert [values[f"B{row}"] for row in range(1, 5)] == [201928.43, "#NUM!", "#NUM!", 232.839]


def test_an_empty_text_argument_of_an_excel_text_function_is_the_empty_text(tmp_path: Path) -> None:
    # SUBSTITUTE(A1,"-",) is the usual way to take characters out: Excel reads the empty new text as "", the engine
    # as the number 0 and wrote "a0b0c" with status ok; TEXTJOIN with an empty delimiter, REPLACE(..,) deleting,
    # CONCATENATE's empty part and FIND of an empty text likewise; IF's empty value is still 0 (Excel's "0x").
    cells: dict[str, object] = {
        "A1": "a-b-c",
        "A2": "x",
        "A3": "y",
        "B1": '=SUBSTITUTE(A1,"-",)',
        "B2": '=SUBSTITUTE(SUBSTITUTE(A1,"-", ),"b",)',
        "B3": "=_xlfn.TEXTJOIN(,TRUE,A2:A3)",
        "B4": "=REPLACE(A1,1,2,)",
        "B5": '=CONCATENATE("a",,"b")',
        "B6": '=FIND(,"abc")',
        "B7": '=IF(TRUE,)&"x"',
        "B8": '=EXACT(,"")',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"B{row}"] for row in range(1, 9)] == ["abc", "ac", "xy", "b-c", "ab", 1, "0x", True]


def test_index_of_rows_and_columns_given_a_row_only_is_the_whole_row(tmp_path: Path) -> None:
    # Microsoft's INDEX page: "If array has more than one row and more than one column, and only row_num or column_num
    # is used, INDEX returns an array of the entire row or column". SUM(INDEX(A1:B4,2)) was 2 (the row's first cell,
    # status ok) where Excel sums A2:B2 (8); in a classic formula the row meets the formula's column (B6: B2, 6; D6
    # outside: #VALUE!), a row number computed by MATCH too (was A3's 3 in column B); an empty number is 0
    # (INDEX(A1:B4,,1) in row 2: A2, was #SPILL!); one column or row keeps its one cell (INDEX(A1:A4,3) 3,
    # INDEX(A1:B1,2) 5); an array constant likewise (SUM(INDEX({1,2;3,4},2)) 7, was 3).
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "A4": 4, "B1": 5, "B2": 6, "B3": 7, "B4": 8}
    cells.update(
        {
            "C1": "=SUM(INDEX(A1:B4,2))",
            "C2": "=INDEX(A1:B4,,1)",
            "C3": "=SUM(INDEX({1,2;3,4},2))",
            "C4": "=INDEX(A1:A4,3)",
            "C5": "=INDEX(A1:B1,2)",
            "B6": "=INDEX(A1:B4,2)",
            "D6": "=INDEX(A1:B4,2)",
            "B7": "=INDEX(A1:B4,MATCH(3,A1:A4,0))",
            "C8": "=SUM(INDEX(A1:B4,MATCH(3,A1:A4,0)))",
            "D8": "=INDEX(A1:B4,,1)",
            "C9": "=COUNT(INDEX(A1:B4,3))",
            "B10": "=INDEX(A1:B4,2,)",
        }
    )
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    got = [values[ref] for ref in ("C1", "C2", "C3", "C4", "C5", "B6", "D6", "B7", "C8", "D8", "C9", "B10")]
    assert got == [8, 2, 7, 3, 5, 6, "#VALUE!", 7, 10, "#VALUE!", 2, 6]


def test_rate_of_an_interest_free_plan_is_0(tmp_path: Path) -> None:
    # Ten payments of 100 for a loan of 1000: the rate is 0 (Excel's Newton steps reach it); numpy-financial's steps
    # divided 0 by 0 near it and the cell was #NUM! with status ok (a final payment of 100 beside 12 of 50 for 500
    # too). Other rates as before.
    cells: dict[str, object] = {
        "A1": "=RATE(10,-100,1000)",
        "A2": "=RATE(10,-100,1000,0,1)",
        "A3": "=ROUND(RATE(10,-100,800),9)",
        "A4": "=RATE(12,-50,500,100)",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"A{row}"] for row in range(1, 5)] == [0, 0, 0.042774978, 0]


def test_rows_and_columns_of_an_offset_that_is_an_error_are_the_error(tmp_path: Path) -> None:
    # ROWS(OFFSET(B1,1,0,COUNTA(B:B)-1,1)) over a column holding only its header asks for a height of 0: #REF! in
    # Excel (IFERROR(..,0) 0); the engine counted the error value as 1 row, status ok. An OFFSET off the sheet
    # likewise; references are counted as before (a negative height computed: its rows).
    cells: dict[str, object] = {
        "B1": "head",
        "C1": 2,
        "D5": 1,
        "D6": 2,
        "D7": 3,
        "A1": "=ROWS(OFFSET(B1,1,0,COUNTA(B:B)-1,1))",
        "A2": "=IFERROR(ROWS(OFFSET(B1,1,0,COUNTA(B:B)-1,1)),0)",
        "A3": "=COLUMNS(OFFSET(B1,0,-5))",
        "A4": "=ROWS(OFFSET(B1,-5,0,2,1))",
        "A5": "=ROWS(OFFSET(D7,0,0,C1-5))",
        "A6": "=ROWS(OFFSET(D5,0,0,C1+1))*2",
        "A7": '=ROWS(INDIRECT("D5:D"&(4+C1)))',
        "A8": "=SUM(ROWS(OFFSET(D5,0,0,2,1)),COLUMNS(OFFSET(D5,0,0,1,3)))",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"A{row}"] for row in range(1, 9)] == ["#REF!", 0, "#REF!", "#REF!", 3, 6, 2, 5]


def test_the_date_code_e_is_the_year(tmp_path: Path) -> None:
    # Microsoft's MS-OI29500 (2.1.713 f): "In Office, date format codes e and ee become yyyy in all locales other than
    # JPN/CHT". TEXT(A1,"e") was "e" (TEXT(A1,"ee") "ee") with status ok where Excel shows 2024; with other date codes
    # it was read already.
    cells: dict[str, object] = {
        "A1": 45292.75,
        "B1": '=TEXT(A1,"e")',
        "B2": '=TEXT(A1,"ee")',
        "B3": '=TEXT(A1,"mmm ee")',
        "B4": '=TEXT(A1,"d-mmm-e")',
        "B5": '=TEXT(1234.5,"0.00E+00")',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"B{row}"] for row in range(1, 6)] == ["2024", "2024", "Jan 2024", "1-Jan-2024", "1.23E+03"]
