"""Where Excel's values differ from plain arithmetic and from the engine's: found by differential fuzzing (H7).

Each test builds its own small workbook, recalculates it with the embedded engine and reads back the
values Excel gives (the comment of each cites Excel's documented behaviour).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table
from test_recalc_features import book, patch, recalculated

import xl_retention
from xl_retention.recalculation.excel_functions.arithmetic import near_zero, units_apart
from xl_retention.recalculation.excel_functions.final_operations import may_end_in_sum, rewrite_final
from xl_retention.recalculation.rewrite_shapes import shape

# --- f1: a formula's final + or - within rounding of zero is exactly 0 ------------------------------------------------


def test_a_formulas_final_subtraction_within_rounding_of_zero_is_exactly_zero(tmp_path: Path) -> None:
    # KB 78113 ("Floating-point arithmetic may give inaccurate results in Excel"): "Should an addition or subtraction
    # operation result in a value at or very close to zero, Excel 97 and later will compensate" -- for the formula's
    # LAST operation only: in brackets, or under another operation, the binary residue stays.
    cells = {
        "A1": "=0.1+0.2",  # 0.30000000000000004 in Excel too (0.1 and 0.2 are far apart)
        "A2": "=A1-0.3",
        "A3": '=IF(A2>0,"up","flat")',
        "A4": "=ROUNDUP(A2,0)",
        "A5": "=0.5-0.4-0.1",  # KB 78113's own example
        "A6": "=1*(0.5-0.4-0.1)",  # not the last operation
        "A7": "=(0.1+0.2-0.3)",  # in brackets: not the formula's last operation
        "A8": "=A1+B4",  # a + b with b negative: a subtraction too
        "A9": "=A1-0.3-0",  # the last operation subtracts 0: nothing to compensate
        "A10": "=65.57-58.03-7.54",  # 9 units in the last place apart: Excel keeps -7.99E-15
        "A11": "=65.57-7.54-58.03",  # 1 unit apart: Excel 0
        "A12": '=A1-0.3&""',  # & is the last operation
        "B1": 0.7,
        "B2": 0.2,
        "B3": 0.1,
        "B4": -0.3,
        "B5": "=SUM(B1:B3)-1",  # shares that add up to 100%
        "B6": '=IF(B5=0,"balanced","shares do not add up")',
        "B7": "=B8-B9",  # blank cells: 0
        "B10": "=1/0-1",
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert got["A1"] == 0.30000000000000004
    assert got["A2"] == 0 and got["A3"] == "flat" and got["A4"] == 0
    assert got["A5"] == 0
    assert got["A6"] == -2.7755575615628914e-17
    assert got["A7"] == 5.551115123125783e-17
    assert got["A8"] == 0
    assert got["A9"] == 5.551115123125783e-17
    assert got["A10"] == -7.993605777301127e-15
    assert got["A11"] == 0
    assert got["A12"] == "5.55111512312578E-17"
    assert got["B5"] == 0 and got["B6"] == "balanced"
    assert got["B7"] == 0
    assert got["B10"] == "#DIV/0!"


def test_a_shared_formulas_copies_get_the_final_subtraction_as_excel_saves_them(tmp_path: Path) -> None:
    # Excel saves a filled-down formula once (<f t="shared" ref=.. si=..>) and its copies as <f t="shared" si=../>
    cells = {"A2": "=0.1+0.2", "A3": 0.5, "A4": "=0.7+0.2+0.1", "B2": "=A2-0.3", "B3": "=A3-0.3", "B4": "=A4-0.3"}
    path = patch(
        book(tmp_path, cells),
        "xl/worksheets/sheet1.xml",
        (b"<f>A2-0.3</f>", b'<f t="shared" ref="B2:B4" si="0">A2-0.3</f>'),
        (b"<f>A3-0.3</f>", b'<f t="shared" si="0"/>'),
        (b"<f>A4-0.3</f>", b'<f t="shared" si="0"/>'),
    )
    got, _ = recalculated(path)
    assert (got["B2"], got["B3"], got["B4"]) == (0, 0.2, 0.7)  # A4 is 0.9999999999999999: far from 0.3


def test_the_margin_is_seven_units_in_the_last_place_of_the_operands() -> None:
    # Excel's results: A1-A2 with A1 = A2 + n*2^-76 (A2 = 1E-7) is 0 for n = 1..7 and not for n = 8
    base = 1e-7
    unit = 2.0**-76
    assert units_apart(base + 7 * unit, base) == 7
    assert near_zero(7 * unit, base + 7 * unit, base) == 0.0
    assert near_zero(8 * unit, base + 8 * unit, base) == 8 * unit
    assert near_zero(-1.0, -2.0, -1.0) == -1.0  # far apart
    assert near_zero(1e-300, 1e-300, 0.0) == 1e-300  # an operand of 0: nothing to compensate
    assert near_zero({"type": "Error", "kind": "#VALUE!"}, "x", 1.0) == {"type": "Error", "kind": "#VALUE!"}


def test_only_a_final_plus_or_minus_outside_brackets_is_rewritten() -> None:
    assert rewrite_final("=A2-B2") == "=LET(_xlr_l,A2,_xlr_r,B2,_XLR.NEARZERO(_xlr_l-_xlr_r,_xlr_l,_xlr_r))"
    assert rewrite_final("=A2*2+B2") == "=LET(_xlr_l,A2*2,_xlr_r,B2,_XLR.NEARZERO(_xlr_l+_xlr_r,_xlr_l,-_xlr_r))"
    assert rewrite_final("=-A2-B2*C2") == "=LET(_xlr_l,-A2,_xlr_r,B2*C2,_XLR.NEARZERO(_xlr_l-_xlr_r,_xlr_l,_xlr_r))"
    for unchanged in ("=(A1-B1)", "=IF(A1-B1>0,1,0)", "=A1-B1>0", "=A1-B1&C1", "=-A1", "=A1*-B1", "=SUM(A1-B1)"):
        assert rewrite_final(unchanged) == unchanged, unchanged
    for text in ("A1-B1", "IF(A1,B1-1,2)", "'a-b'!A1*2", "{1,-2}", '"x-y"', "A1-B1=0", "SUM(A1:A3)-B4"):
        assert may_end_in_sum(text) == may_end_in_sum(shape(text)), text
        assert may_end_in_sum(text) or rewrite_final("=" + text) == "=" + text, text


# --- f11: COUNT leaves out error values given as arguments ------------------------------------------------------------


def test_count_leaves_out_error_values_given_as_arguments(tmp_path: Path) -> None:
    # Microsoft's COUNT: "Arguments that are error values or text that cannot be translated into numbers are not
    # counted" -- what =COUNT(MATCH(x,list,0)) ("is it in the list?") and =COUNT(SEARCH("x",A1)) rely on.
    cells = {
        "A1": "apple",
        "A2": "pear",
        "B1": "banana split",
        "C1": '=COUNT(MATCH("kiwi",A1:A2,0))',
        "C2": '=IF(COUNT(MATCH("kiwi",A1:A2,0)),"listed","new")',
        "C3": '=COUNT(SEARCH("split",A1))',
        "C4": "=COUNT(A1:A2,1/0,5)",
        "C5": '=COUNT(MATCH("pear",A1:A2,0))',
        "C6": "=COUNT(#N/A,2,3)",
        "C7": "=COUNT(D1:D3)",  # a reference: its error cell is not counted either
        "D1": 1,
        "D2": "=1/0",
        "D3": 3,
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"C{r}"] for r in range(1, 8)] == [0, "new", 0, 1, 1, 2, 2]


def test_numbers_typed_as_text_with_separators_or_brackets_are_read_next_to_arithmetic(tmp_path: Path) -> None:
    # Excel converts text to a number where one is expected, as VALUE does (en-US: "1,000" is 1000, "(5)" is -5)
    got, _ = recalculated(book(tmp_path, {"A1": '="1,000"+0', "A2": '="(5)"+0', "A3": '="$1,000"*2'}))
    assert (got["A1"], got["A2"], got["A3"]) == (1000, -5, 2000)


# --- f2: implicit intersection of whole columns, and of INDEX's whole column or row --------------------------------


def test_a_whole_column_where_one_value_is_expected_is_the_cell_in_the_formulas_row(tmp_path: Path) -> None:
    # Excel's implicit intersection ("Implicit intersection operator: @"): in a classic formula a range where one
    # value is expected gives the cell in the formula's own row (or column); Excel 365 shows it as =@Data!B:B
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    for r in range(1, 11):
        data[f"A{r}"], data[f"B{r}"] = r, dt.datetime(2024, r, 15)
    calc = wb.create_sheet("Calc")
    formulas = {
        "A2": "=Data!A:A",
        "A3": "=WORKDAY(Data!B1:B10,1)",  # WORKDAY(Data!B3,1): Friday 2024-03-15 -> Monday 2024-03-18
        "A4": "=EDATE(Data!B:B,1)",
        "A5": "=EOMONTH(Data!B:B,0)",
        "A6": "=EDATE(Data!B1:B10,1)",
        "A7": "=Data!A:A*2",
        "A8": "=ABS(Data!A:A)",
        "A9": "=YEAR(Data!B:B)",
        "A10": "=INDEX(Data!A1:A10,0)",  # INDEX's whole column, intersected with row 10
        "A11": "=INDEX(Data!A1:A10,0)",  # row 11 is outside it
        "A12": "=SUM(INDEX(Data!A1:A10,0))",  # SUM takes the whole column
        "A13": "=SUM(Data!A:A)",
        "B1": '=LEN(Data!A:A)&"x"',
        "C1": "=INDEX(Data!A1:C1,0)",  # a single row's whole row, intersected with column C
    }
    for ref, formula in formulas.items():
        calc[ref] = formula
    wb.create_sheet("Last")["A3"] = "=Data!A:A"  # the cells below it are free: still one value, Data!A3
    path = tmp_path / "columns.xlsx"
    wb.save(path)
    report = xl_retention.recalc(path, engine="embedded", output_dir=tmp_path / "out")
    assert report.files[0].status == "ok"
    got = openpyxl.load_workbook(report.files[0].output, data_only=True)
    values = {ref: got["Calc"][ref].value for ref in formulas}
    assert values == {
        "A2": 2,
        "A3": 45369,
        "A4": 45427,  # 2024-05-15
        "A5": 45443,  # 2024-05-31
        "A6": 45488,  # 2024-07-15
        "A7": 14,
        "A8": 8,
        "A9": 2024,
        "A10": 10,
        "A11": "#VALUE!",
        "A12": 55,
        "A13": 55,
        "B1": "1x",
        "C1": 0,  # Data!C1 is blank: a formula reading it shows 0
    }
    assert got["Last"]["A3"].value == 3


# --- f12, f4, f13: dates typed as text; day counts on Excel's serial numbers ------------------------------------------


def test_date_functions_read_a_date_typed_as_text(tmp_path: Path) -> None:
    # DAYS (Microsoft): "If either one of the date arguments is text, that argument is treated as DATEVALUE(date_text)";
    # Excel reads text where a date is expected alike in YEAR, MONTH, WEEKDAY, WEEKNUM, NETWORKDAYS, WORKDAY, DATEDIF
    cells = {
        "B1": "2024-03-01",  # a date imported as text
        "A1": '=YEAR("2024-03-01")',
        "A2": '=WEEKDAY("2024-03-01")',  # a Friday
        "A3": '=WEEKNUM("2024-03-01")',
        "A4": '=NETWORKDAYS("2024-03-01","2024-03-10")',
        "A5": '=DATEDIF("2024-01-01","2024-03-01","d")',
        "A6": '=SUM("2024-01-03",1)',
        "A7": '=IFERROR(MONTH(B1),"no date")',
        "A8": "=DAY(B1)",
        "A9": '=WORKDAY("2024-03-01",1)',  # the Monday after
        "A10": '=_xlfn.DAYS("2024-03-03","2024-03-01")',
        "A11": '=YEAR("not a date")',
        "A12": "=YEAR(TRUE)",  # TRUE is 1: 1 January 1900
        "A13": '=YEAR("7/5/1800")',  # no date of Excel's calendar
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"A{r}"] for r in range(1, 14)] == [
        2024,
        6,
        9,
        6,
        60,
        45295,
        3,
        1,
        45355,
        2,
        "#VALUE!",
        1900,
        "#VALUE!",
    ]


def test_days_and_datedif_are_differences_of_serial_numbers_across_1900(tmp_path: Path) -> None:
    # DAYS (Microsoft): "If both date arguments are numbers, DAYS uses EndDate-StartDate"; Excel's serial 60 is its
    # fictitious 29 February 1900, so a blank start date (serial 0) gives the end date's own serial number
    cells = {
        "A1": 45716,  # 2025-02-28; B1 left blank
        "A2": "=_xlfn.DAYS(A1,B1)",
        "A3": '=DATEDIF(B1,A1,"d")',
        "A4": "=_xlfn.DAYS(100,1)",
        "A5": "=_xlfn.DAYS(A1,45000)",
        "A6": '=DATEDIF(40544,40908,"M")',  # 2011-01-01 .. 2011-12-31
        "A7": '=DATEDIF(37043,37483,"YD")',  # 2001-06-01 .. 2002-08-15
        "A8": '=DATEDIF(36099,36586,"MD")',  # 1998-10-31 .. 2000-03-01: Excel's known -1
        "A9": '=DATEDIF(A1,1,"d")',  # the start after the end
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"A{r}"] for r in range(2, 10)] == [45716, 45716, 99, 716, 11, 75, -1, "#NUM!"]


def test_working_days_before_march_1900_follow_excels_calendar(tmp_path: Path) -> None:
    # Excel's serial 1 is Sunday 1 January 1900 (WEEKDAY(1) is 1) and serial 60 its 29 February 1900, a Wednesday
    cells = {
        "A1": "=NETWORKDAYS(1,10)",  # Monday 2 ... Friday 6, Monday 9, Tuesday 10
        "A2": "=WORKDAY(1,5)",
        "A3": "=WORKDAY(61,-3)",  # 60 Wednesday, 59 Tuesday, 58 Monday
        "A4": "=WEEKDAY(1)",
        "A5": "=NETWORKDAYS(45352,45363,B1:B2)",  # 2024-03-01 .. 03-12 without the holiday on Monday 03-11
        "B1": 45362,
        "B2": 45354,  # Sunday 03-03: not a working day anyway
        "A6": "=WORKDAY(45352,10,B1:B2)",
        "A7": "=NETWORKDAYS(45363,45352)",  # backwards: negative
        "A8": "=WORKDAY(45352,200)",  # whole weeks at once
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"A{r}"] for r in range(1, 9)] == [7, 6, 58, 1, 7, 45369, -8, 45632]


def test_a_range_a_call_returns_where_one_value_is_expected_is_intersected(tmp_path: Path) -> None:
    # Excel 365 shows these classic formulas as =@OFFSET(...), =IF(TRUE,@A1:A5): the cell in the formula's row,
    # #VALUE! when the range has none there; inside SUM the whole range is summed
    cells = {f"A{r}": r * 10 for r in range(1, 6)}
    cells.update(
        {
            "J3": "=OFFSET(A1,0,0,5,1)",
            "J4": "=OFFSET(A1,0,0,5,1)*2",
            "J5": "=IF(TRUE,A1:A5)",
            "J6": "=CHOOSE(1,A1:A5)",  # no row 6 in A1:A5
            "J7": "=IF(TRUE,A1:A5)",
            "K2": "=IFERROR(A1:A5,0)",
            "K3": "=SUM(IF(TRUE,A1:A5))",
            "K4": "=SUM(OFFSET(A1,0,0,5,1))",
            "K5": "=OFFSET(A1,4,0)",  # one cell: as it is
            "L4": '=INDIRECT("A1:A5")',  # a reference typed as text: that range, intersected
        }
    )
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[r] for r in ("J3", "J4", "J5", "J6", "J7")] == [30, 80, 50, "#VALUE!", "#VALUE!"]
    assert [got[r] for r in ("K2", "K3", "K4", "K5")] == [20, 150, 150, 50]
    assert got["L4"] == 40


def test_structured_references_in_a_defined_name_and_in_indirect_text(tmp_path: Path) -> None:
    # Excel resolves a table's structured reference inside a name's formula and in INDIRECT's text (Microsoft: "Using
    # structured references with Excel tables"); INDIRECT(ref_text, FALSE) reads R1C1 text
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    data.append(["Region", "Total"])
    for region, total in [("N", 20), ("S", 20), ("N", 10)]:
        data.append([region, total])
    table = Table(displayName="Sales", ref="A1:B4")
    table._initialise_columns()
    for column, name in zip(table.tableColumns, ["Region", "Total"], strict=True):
        column.name = name
    data.add_table(table)
    wb.defined_names["NTotal"] = DefinedName("NTotal", attr_text='SUMIFS(Sales[Total],Sales[Region],"N")')
    calc = wb.create_sheet("Calc")
    calc["A1"] = '=SUM(INDIRECT("Sales[Total]"))'
    calc["A2"] = "=NTotal"
    calc["A3"] = '=INDIRECT("Data!R3C2",FALSE)'
    calc["A4"] = '=INDIRECT("R[-3]C",FALSE)'  # one row up... from row 4: A1 of this sheet
    calc["A5"] = '=NOT("TRUE")'  # the text TRUE typed in is the logical (Excel: FALSE)
    calc["A6"] = '=IF("false",1,2)'
    path = tmp_path / "names.xlsx"
    wb.save(path)
    report = xl_retention.recalc(path, engine="embedded", output_dir=tmp_path / "out")
    assert report.files[0].status == "ok"
    got = openpyxl.load_workbook(report.files[0].output, data_only=True)["Calc"]
    assert [got[f"A{r}"].value for r in range(1, 7)] == [50, 30, 20, 50, False, 2]


def test_a_3d_reference_in_sum_is_the_cell_on_every_sheet_between(tmp_path: Path) -> None:
    # Excel: "A 3-D reference ... refers to the same cell or range on multiple worksheets" (Sheet2:Sheet13!B5), in
    # the workbook's tab order; SUM, AVERAGE, COUNT, ... read each sheet's cell
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, name in enumerate(["Jan", "Feb", "Mar"], start=1):
        wb.create_sheet(name)["B2"] = i * 10
    wb.create_sheet("Sheet 4")["B2"] = 1000
    ws["A1"], ws["A2"], ws["A3"] = "=SUM(Jan:Mar!B2)", "=AVERAGE(Mar:Jan!B2)", "=SUM('Feb:Sheet 4'!B2)"
    path = tmp_path / "months.xlsx"
    wb.save(path)
    got, _ = recalculated(path)
    assert (got["A1"], got["A2"], got["A3"]) == (60, 20, 1050)


def test_index_of_a_whole_column_past_the_cells_in_use_is_that_blank_cell(tmp_path: Path) -> None:
    # Excel's INDEX returns the cell at row_num of the whole column (1,048,576 rows): a blank one reads as 0; the
    # dynamic-range idiom SUM(INDEX(C:C,1):INDEX(C:C,n)) sums C1:Cn
    cells = {
        "C1": 5,
        "C2": 6,
        "A1": "=INDEX(C:C,2)",
        "A2": "=INDEX(C:C,100)",
        "A3": "=INDEX(C:C,1048576)",
        "A4": "=INDEX(C:D,3,2)",
        "A5": "=SUM(INDEX(C:C,1):INDEX(C:C,50))",
        "A6": "=A2+1",  # reads the cell above
        "A7": "=INDEX(C:C,2000000)",  # past the sheet: Excel's #REF!
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"A{r}"] for r in range(1, 8)] == [6, 0, 0, 0, 11, 1, "#REF!"]


def test_a_looked_up_value_or_criterion_given_as_a_column_is_the_cell_in_the_formulas_row(tmp_path: Path) -> None:
    # classic formulas (Excel 365 shows =VLOOKUP(@A:A,...)): the value looked up and SUMIF/COUNTIF's criteria are
    # single values, intersected with the formula's row; CONCATENATE's arguments too
    cells = {"A1": "x", "A2": "y", "A3": "z", "D1": "z", "D2": "y", "D3": "x", "E1": 1, "E2": 2, "E3": 3}
    cells.update(
        {
            "B3": "=VLOOKUP(A:A,D:E,2,0)",
            "C3": "=MATCH(A:A,D:D,0)",
            "F3": "=SUMIF(D:D,A:A,E:E)",
            "G3": "=COUNTIF(D:D,A:A)",
            "H3": "=VLOOKUP(A1:A3,D1:E3,2,FALSE)",
            "K2": '=CONCATENATE(A1:A3,"-")',
            "M3": "=SUMIFS(E:E,D:D,A:A)",
            "N3": '=COUNTIFS(D:D,A:A,E:E,">0")',
            "P3": "=INDEX(E:E,MATCH(A:A,D:D,0))",
        }
    )
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[r] for r in ("B3", "C3", "F3", "G3", "H3", "K2", "M3", "N3", "P3")] == [1, 1, 1, 1, 1, "y-", 1, 1, 1]


def test_countif_and_sumif_give_one_answer_per_criterion_of_an_array(tmp_path: Path) -> None:
    # Excel evaluates an array of criteria element by element: SUMPRODUCT(1/COUNTIF(A1:A4,A1:A4)) is the number of
    # distinct values (Microsoft: "Count unique values among duplicates"); an array constant does so in SUM too
    cells = {"A1": "x", "A2": "y", "A3": "x", "A4": "z", "C1": 1, "C2": 2, "C3": 3, "C4": 4}
    cells.update(
        {
            "B1": "=SUMPRODUCT(1/COUNTIF(A1:A4,A1:A4))",
            "B2": '=SUMPRODUCT(COUNTIF(A1:A4,{"x","z"}))',
            "B3": '=SUM(COUNTIF(A1:A4,{"x","z"}))',
            "B4": "=SUMPRODUCT(SUMIF(A1:A4,A1:A4,C1:C4))",  # 4 + 2 + 4 + 4
            "B5": '=SUMPRODUCT(COUNTIF(C1:C4,{">1","<=3"}))',  # operators as in a cell: 3 + 3
            "B6": '=COUNTIF(A1:A4,"x")',
        }
    )
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"B{r}"] for r in range(1, 7)] == [3, 3, 3, 14, 6, 2]


def test_an_array_typed_into_a_function_of_one_value_is_taken_element_by_element(tmp_path: Path) -> None:
    # an array constant is an array in a classic formula too: SUM(ABS({-1,2})) is 3, and a cell showing an array
    # shows its first value (=ABS({-1,2}) is 1)
    cells = {
        "B1": "=ABS({-1,2})",
        "B2": "=SUM(ABS({-1,2}))",
        "B3": "=ROUND({1.25,2.5},1)",
        "B4": "=SUM(MOD(7,{2,3}))",
        "B5": '=COUNTIF(D1:D3,{"x","y"})',
        "D1": "x",
        "D2": "y",
        "D3": "x",
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"B{r}"] for r in range(1, 6)] == [1, 3, 1.3, 2, 2]


def test_edate_and_eomonth_follow_excels_february_1900(tmp_path: Path) -> None:
    # Excel's calendar has 29 February 1900 (serial 60): DATE(1900,2,29) is 60, DAY(60) is 29, so February 1900 ends
    # on serial 60 and the day after 29 January 1900 one month on is serial 60
    cells = {
        "A1": "=EOMONTH(32,0)",
        "A2": "=EDATE(29,1)",
        "A3": "=EDATE(60,1)",
        "A4": "=EOMONTH(0,0)",
        "A5": "=EDATE(1,-1)",
    }
    got, _ = recalculated(book(tmp_path, cells))
    assert [got[f"A{r}"] for r in range(1, 6)] == [60, 60, 89, 31, "#NUM!"]
