"""Excel's forms the embedded engine computes as Excel does (issue 12): rewrites and registered functions.

SUBTOTAL/AGGREGATE over hidden rows, implicit intersection (in brackets, ``@`` stored as SINGLE),
arrays (ROW/COLUMN, a blocked spill, a Ctrl+Shift+Enter range smaller than its result, INDEX's
whole row, INDIRECT of a typed reference), names defined by a formula, TEXT in 1904 workbooks and
the reasons of xl-retention functions' errors. Each test builds a small workbook of its own.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula
from test_recalc_features import book, patch, recalculated, regions_book, values

from xl_retention.recalculation import embedded


def test_text_formats_dates_of_the_1904_date_system(tmp_path: Path) -> None:
    # 43893 is 4 March 2024 in the 1904 system (1 March 2020 in the 1900 one); 0 is 1 January 1904, a Friday
    cells = {"A1": 43893, "A2": 0, "B1": '=TEXT(A1,"yyyy-mm-dd")', "B2": '=TEXT(A2,"yyyy-mm-dd dddd")'}
    cells.update({"B3": '=TEXT(A1+0.5,"d mmm yyyy hh:mm")', "B4": "=EOMONTH(A1,0)"})
    path = book(tmp_path, cells)
    patch(path, "xl/workbook.xml", (b"<workbookPr />", b'<workbookPr date1904="1" />'))
    got, _ = recalculated(path)
    assert [got[r] for r in ("B1", "B2", "B3", "B4")] == ["2024-03-04", "1904-01-01 Friday", "4 Mar 2024 12:00", 43920]


def test_row_and_column_of_a_range_are_arrays_where_excel_takes_arrays(tmp_path: Path) -> None:
    # ROW(A2:A5) is {2;3;4;5} in an array formula and in SUMPRODUCT or INDEX's array (the engine gave 2);
    # in a classic SUM it is the first row, as in Excel without Ctrl+Shift+Enter
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row, value in zip(range(2, 6), (10, 20, 30, 40), strict=True):
        ws[f"B{row}"] = value
    ws["D1"] = "=SUMPRODUCT((ROW(A2:A5)>3)*B2:B5)"
    ws["D2"] = "=INDEX(ROW(A2:A5),3)"
    ws["D3"] = "=INDEX(COLUMN(B1:D1),1,2)"
    ws["D4"] = "=SUM(ROW(A2:A5))"
    ws["F1"] = ArrayFormula("F1:F3", "=ROW(A1:A3)*2")
    ws["G1"] = ArrayFormula("G1", "=SUM(ROW(A2:A5))")
    wb.save(tmp_path / "rows.xlsx")
    got, _ = recalculated(tmp_path / "rows.xlsx")
    assert [got[r] for r in ("D1", "D2", "D3", "D4", "F1", "F2", "F3", "G1")] == [70, 4, 3, 2, 2, 4, 6, 14]


def test_a_blocked_dynamic_array_is_a_spill_error_in_its_first_cell_only(tmp_path: Path) -> None:
    # a 4th region since Excel saved the file, and a value in D5 where the result would spill: Excel shows
    # #SPILL! in D2, clears the cells it covered before, and stores the formula over D2 alone
    path = regions_book(tmp_path, dynamic=True)
    wb = openpyxl.load_workbook(path)
    wb["Data"]["B7"], wb["Data"]["C7"], wb["Data"]["D5"] = "LATAM", 60, "blocker"
    wb.save(path)
    patch(
        path,
        "xl/worksheets/sheet1.xml",
        (b'<c r="D2"', b'<c r="D2" cm="1"'),
        (b"_xlfn.UNIQUE(B2:B6)", b"_xlfn.UNIQUE(B2:B7)"),
    )
    got, file = recalculated(path)
    assert [got.get(f"D{i}") for i in range(2, 6)] == ["#SPILL!", None, None, "blocker"]
    assert got["H2"] == 1  # COUNTA(D2:D4) counts the error
    with zipfile.ZipFile(file.output) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    assert b'<f t="array" ref="D2">_xlfn.UNIQUE(B2:B7)</f><v>#SPILL!</v>' in sheet


def test_indirect_of_a_typed_reference_reads_cells_another_array_formula_fills(tmp_path: Path) -> None:
    # the engine computed INDIRECT("F1:F2") before the array formula over F1:F2 and read 0s
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"] = 1, 2
    ws["F1"] = ArrayFormula("F1:F2", "=A1:A2*10")
    ws["B5"] = ArrayFormula("B5:B6", '=INDIRECT("F1:F2")')
    ws["C5"] = '=INDIRECT("F2")+1'
    wb.save(tmp_path / "indirect.xlsx")
    got, _ = recalculated(tmp_path / "indirect.xlsx")
    assert (got["B5"], got["B6"], got["C5"]) == (10, 20, 21)


def test_index_of_a_typed_table_without_a_column_gives_the_whole_row_in_an_array_formula(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"] = 2
    ws["C1"] = ArrayFormula("C1:D1", "=INDEX({1,2;3,4},A1)")
    ws["C2"] = ArrayFormula("C2:D2", "=INDEX({1,2;3,4},A1,2)")
    wb.save(tmp_path / "index.xlsx")
    got, _ = recalculated(tmp_path / "index.xlsx")
    assert [got["C1"], got["D1"], got["C2"], got["D2"]] == [3, 4, 4, 4]


def test_a_ctrl_shift_enter_array_shows_the_part_of_a_larger_result_that_fits(tmp_path: Path) -> None:
    # Excel fills exactly the range an array formula was entered in: a larger result is cut, not spilled
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row in range(1, 5):
        ws[f"A{row}"] = row
    ws["C1"] = ArrayFormula("C1:C2", "=A1:A4*10")  # 4 results in 2 cells
    ws["C3"] = "keep"  # right below: no #SPILL!
    ws["E1"] = ArrayFormula("E1", "=A1:A4*2")  # one cell: the first value
    ws["E2"] = 7
    wb.save(tmp_path / "cut.xlsx")
    got, _ = recalculated(tmp_path / "cut.xlsx")
    assert [got["C1"], got["C2"], got["C3"], got["E1"], got["E2"]] == [10, 20, "keep", 2, 7]


def test_the_implicit_intersection_operator_stored_as_single(tmp_path: Path) -> None:
    # Excel 365 writes =@A1:A4*2 as _xlfn.SINGLE(A1:A4)*2: the cell of A1:A4 in the formula's row, #VALUE! outside
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "A4": 4}
    cells.update({"D3": "=_xlfn.SINGLE(A1:A4)*2", "D6": "=_xlfn.SINGLE(A1:A4)*2", "E2": "=_xlfn.SINGLE(A1)+1"})
    got, file = recalculated(book(tmp_path, cells))
    assert (got["D3"], got["D6"], got["E2"]) == (6, "#VALUE!", 2)
    assert file.unsupported == []


def test_implicit_intersection_through_brackets_and_single_value_arguments(tmp_path: Path) -> None:
    # Excel's @ (implicit intersection) of a range in a classic formula: in brackets, and as the argument of a
    # function that takes one value (ABS, ROUND, IF's condition, LEFT); SUM keeps the whole range
    cells: dict[str, object] = {"A1": -1, "A2": -2, "A3": 3, "B1": "ab", "B2": "cd", "B3": "ef"}
    formulas = {
        "D2": "=(A1:A3)*2",
        "E2": "=((A1:A3))+1",
        "F3": "=ABS(A1:A3)",
        "G2": "=ROUND(A1:A3/3,1)",
        "H3": '=IF(A1:A3,"y","n")',
        "I2": "=LEFT(B1:B3,1)",
        "J2": "=SUM((A1:A3))",
        "K2": "=(A1:A3)",
    }
    got, _ = recalculated(book(tmp_path, {**cells, **formulas}))
    assert {ref: got[ref] for ref in formulas} == {
        "D2": -4, "E2": -1, "F3": 3, "G2": -0.7, "H3": "y", "I2": "c", "J2": 0, "K2": -2,
    }  # fmt: skip


def test_names_defined_by_a_formula_are_computed(tmp_path: Path) -> None:
    # dynamic named ranges (OFFSET, ...:INDEX) and a constant: the engine gave #NAME? with the file "ok"
    cells: dict[str, object] = {"A1": "Amount", "A2": 10, "A3": 20, "A4": 30, "A5": 40}
    formulas = {"C1": "=SUM(DynOff)", "C2": "=SUM(DynIdx)", "C3": "=LastVal", "C4": "=AVERAGE(DynOff)"}
    formulas.update({"C5": "=C1+1", "C6": "=Rate*C1", "C7": "=Twice", "C8": "=Loop1"})
    path = book(tmp_path, {**cells, **formulas}, title="T")
    wb = openpyxl.load_workbook(path)
    definitions = {
        "DynOff": "OFFSET(T!$A$2,0,0,COUNT(T!$A:$A),1)",
        "DynIdx": "T!$A$2:INDEX(T!$A:$A,COUNTA(T!$A:$A))",
        "LastVal": "INDEX(T!$A:$A,COUNTA(T!$A:$A))",
        "Rate": "0.5",
        "Twice": "LastVal*2",  # a name defined through another
        "Loop1": "Loop2+1",  # names defined through each other: no value, reported
        "Loop2": "Loop1+1",
    }
    for name, text in definitions.items():
        wb.defined_names[name] = DefinedName(name, attr_text=text)
    wb.save(path)
    got, file = recalculated(path, status="incomplete")
    assert {ref: got.get(ref) for ref in formulas} == {
        "C1": 100, "C2": 100, "C3": 40, "C4": 25, "C5": 101, "C6": 50, "C7": 80, "C8": None,
    }  # fmt: skip
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [("T!C8", "loop1", False)]


def test_subtotal_and_aggregate_leave_out_hidden_and_filtered_rows(tmp_path: Path) -> None:
    # Excel: SUBTOTAL(1..11) leaves out rows a filter hides, SUBTOTAL(101..111) every hidden row,
    # AGGREGATE every hidden row with options 1, 3, 5, 7. A2:A9 = 1..8, rows 4 and 5 (3 and 4) hidden.
    book = openpyxl.Workbook()
    manual = book.active
    manual.title = "S"
    filtered = book.create_sheet("F")
    for sheet in (manual, filtered):
        sheet["A1"] = "n"
        for row in range(2, 10):
            sheet[f"A{row}"] = row - 1
        for row in (4, 5):
            sheet.row_dimensions[row].hidden = True
    filtered.auto_filter.ref = "A1:A9"
    filtered.auto_filter.add_filter_column(0, ["1", "2", "5", "6", "7", "8"])  # a criterion: 3 and 4 filtered out
    formulas = {
        "C1": "=SUBTOTAL(9,A2:A9)",
        "C2": "=SUBTOTAL(109,A2:A9)",
        "C3": "=SUBTOTAL(101,$A$2:$A$9)",
        "C4": "=_xlfn.AGGREGATE(9,5,A2:A9)",
        "C5": "=_xlfn.AGGREGATE(9,4,A2:A9)",
        "C6": "=SUBTOTAL(9,F!A2:A9)",
        "C7": "=SUBTOTAL(102,A2:A9,A4)",
        "C8": "=SUBTOTAL(109,A4:A5)+1",  # every row hidden: a sum of nothing
        "C9": "=SUBTOTAL(101,A4:A5)",
    }
    for ref, formula in formulas.items():
        manual[ref] = formula
    filtered["C1"], filtered["C2"] = "=SUBTOTAL(9,A2:A9)", "=SUBTOTAL(109,A2:A9)"
    source = tmp_path / "hidden.xlsx"
    book.save(source)
    _, file = recalculated(source)
    got = {"S": values(file.output, "S"), "F": values(file.output, "F")}
    assert {ref: got["S"][ref] for ref in formulas} == {
        "C1": 36, "C2": 29, "C3": 29 / 6, "C4": 29, "C5": 36, "C6": 29, "C7": 6, "C8": 1, "C9": "#DIV/0!",
    }  # fmt: skip
    assert (got["F"]["C1"], got["F"]["C2"]) == (29, 29)


def test_subtotal_over_names_whole_columns_and_computed_references_with_rows_filtered(tmp_path: Path) -> None:
    # A filtered list (plan = Pro): rows 3, 5 and 6 hidden by the filter; C2:C7 = 10..60, MRR names it.
    # Excel leaves filtered-out rows out of every SUBTOTAL and AGGREGATE option 3, whatever gives the range.
    book = openpyxl.Workbook()
    subs = book.active
    subs.title = "Subs"
    subs.append(["id", "plan", "mrr"])
    for row in range(2, 8):
        subs.append([f"c{row}", "Pro", 10 * (row - 1)])
    for row in (3, 5, 6):
        subs.row_dimensions[row].hidden = True
    subs.auto_filter.ref = "A1:C7"
    subs.auto_filter.add_filter_column(2, ["10", "30", "60"])  # its criterion (without one, hidden by hand)
    book.defined_names["MRR"] = DefinedName("MRR", attr_text="Subs!$C$2:$C$7")
    formulas = {
        "E1": "=SUBTOTAL(109,MRR)",  # rows 2, 4, 7: 10 + 30 + 60
        "E2": "=SUBTOTAL(9,C:C)",
        "E3": "=SUBTOTAL(103,A:A)-1",  # the header and 3 visible ids, less the header
        "E4": "=SUBTOTAL(101,MRR)",
        "E5": "=_xlfn.AGGREGATE(9,3,MRR)",
        "E6": "=SUBTOTAL(9,OFFSET(C1,1,0,6,1))",  # the rows it reads are known only when it runs: listed
        "E7": "=SUBTOTAL(9,INDEX(C:C,2):INDEX(C:C,7))",
    }
    for ref, formula in formulas.items():
        subs[ref] = formula
    source = tmp_path / "filtered.xlsx"
    book.save(source)
    _, file = recalculated(source, status="incomplete")
    got = values(file.output, "Subs")
    assert {ref: got[ref] for ref in ("E1", "E2", "E3", "E4", "E5")} == {
        "E1": 100, "E2": 100, "E3": 3, "E4": 100 / 3, "E5": 100,
    }  # fmt: skip
    assert [(u.address, u.function) for u in file.unsupported] == [("Subs!E6", "SUBTOTAL"), ("Subs!E7", "SUBTOTAL")]
    assert "hidden rows" in file.unsupported[0].reason
    assert got.get("E6") is None and got.get("E7") is None  # no value the file held: left empty, never 210


def test_an_error_of_an_xl_retention_function_carries_its_reason(tmp_path: Path) -> None:
    # the engine keeps only the code; the cell is evaluated again to name why (the recalc report's reason)
    cells = {"A1": 535, "B1": 75, "C1": 0, "D1": "=CRR(A1,B1,C1)", "E1": "=CRR(A1,B1,C1)*100", "F1": "=1/0"}
    cells.update({"A2": 1, "B2": 2, "C2": 1, "D2": "=CRR(A2,B2,C2)", "G1": "=E1/2", "H1": "=G1+F1"})
    computed = embedded.compute(book(tmp_path, cells))
    got = {ref: (v.code, v.message) for ref, v in computed.values["S"].items()}
    # the cell holding the 0 is named (H141's finding 03)
    start_zero = "CRR: customers_start is 0 in S!C1 (no customers at the start): the ratio is undefined (#DIV/0!)"
    assert got == {
        "D1": ("#DIV/0!", start_zero),
        "E1": ("#DIV/0!", start_zero),
        "F1": ("#DIV/0!", ""),  # the workbook's own division by zero: no function to name
        "G1": ("#DIV/0!", start_zero + ", from S!E1"),  # a cell that reads one: the reason passed on
        "H1": ("#DIV/0!", start_zero + ", from S!G1"),
        "D2": (
            "#NUM!",
            "CRR: customers_end (1) is below customers_gained (2): the customers at the end include everyone gained "
            "who stayed: customers_end in S!A2, customers_gained in S!B2 (#NUM!)",  # the cells compared (H138's 01)
        ),
    }


def test_a_reason_follows_a_name_of_one_cell(tmp_path: Path) -> None:
    """=Alpha reads the cell a defined name points to (as the template's =SBG_Alpha): the reason comes along."""

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["C1"], ws["D1"] = 535, 75, 0, "=CRR(A1,B1,C1)"
    other = wb.create_sheet("Other sheet")
    other["A1"], other["A2"], other["A3"] = "=Alpha", "=Alpha*2", "=Local+1"
    wb.defined_names["Alpha"] = DefinedName("Alpha", attr_text="'S'!$D$1")
    other.defined_names["Local"] = DefinedName("Local", attr_text="'S'!$D$1")
    path = tmp_path / "names.xlsx"
    wb.save(path)
    computed = embedded.compute(path)
    start_zero = "CRR: customers_start is 0 in S!C1 (no customers at the start): the ratio is undefined (#DIV/0!)"
    got = {ref: (v.code, v.message) for ref, v in computed.values["Other sheet"].items()}
    assert got == {
        "A1": ("#DIV/0!", start_zero + ", from S!D1"),
        "A2": ("#DIV/0!", start_zero + ", from S!D1"),
        "A3": ("#DIV/0!", start_zero + ", from S!D1"),
    }


def test_a_name_whose_formula_applies_a_one_value_function_to_an_array_is_that_array(tmp_path: Path) -> None:
    # Excel evaluates a name's formula as an array formula: Months = EDATE(1 Jan 2026, SEQUENCE(12,1,0)) is the
    # 12 month starts (the 365 way to name a reporting calendar), Q1 = DATE(2026,{1;2;3},1) three dates
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "T"
    for row, day in enumerate(("2026-01-15", "2026-02-03", "2026-02-20", "2026-03-09"), start=2):
        ws[f"A{row}"] = openpyxl.utils.datetime.from_ISO8601(day)
    formulas = {
        "C1": "=COUNT(Months)",
        "C2": "=INDEX(Months,3)",  # 1 March 2026
        "C3": "=SUMPRODUCT(--(Months<=DATE(2026,6,30)))",
        "C4": "=COUNT(Q1)",
        "C5": "=SUM(Mth)",  # months of A2:A5: 1 + 2 + 2 + 3
    }
    for ref, formula in formulas.items():
        ws[ref] = formula
    definitions = {
        "Months": "EDATE(DATE(2026,1,1),_xlfn.SEQUENCE(12,1,0))",
        "Q1": "DATE(2026,{1;2;3},1)",
        "Mth": "MONTH(T!$A$2:$A$5)",
    }
    for name, text in definitions.items():
        wb.defined_names[name] = DefinedName(name, attr_text=text)
    path = tmp_path / "names.xlsx"
    wb.save(path)
    got, _ = recalculated(path)
    assert {ref: got[ref] for ref in formulas} == {"C1": 12, "C2": 46082, "C3": 6, "C4": 3, "C5": 8}
