"""Whole columns (``A:A``) and whole rows (``1:1``) in array arithmetic (recalculation.whole_ranges).

In Excel ``A:A`` is 1,048,576 cells and ``1:1`` 16,384, whatever is in them; the engine cut each whole column to
its own cells in use, so columns of different lengths did not match (#VALUE! or a wrong number), empty cells
vanished and ROW(A:A) was one number. Each test builds its own workbook; expected values by hand from Excel's
sizes (LibreOffice agrees on the SUMPRODUCT ones).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.whole_ranges import bound_whole_ranges


def _recalculated(tmp_path: Path, data: dict[str, object], calc: dict[str, object]) -> dict[str, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for ref, value in data.items():
        sheet[ref] = value
    other = book.create_sheet("Calc")
    for ref, value in calc.items():
        other[ref] = value
    source = tmp_path / "whole.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "whole.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["Calc"]
    return {c.coordinate: c.value for row in values.iter_rows() for c in row if c.value is not None}


def test_whole_columns_of_different_lengths_match_in_sumproduct(tmp_path: Path) -> None:
    # A1:A5 = 1..5, B1:B3 = 10, 20, 30: B's rows 4 and 5 are empty (0 in arithmetic)
    data: dict[str, object] = {f"A{r}": r for r in range(1, 6)} | {f"B{r}": 10 * r for r in range(1, 4)}
    calc = {
        "A1": "=SUMPRODUCT(Data!A:A,Data!B:B)",  # 1*10 + 2*20 + 3*30
        "A2": "=SUMPRODUCT(Data!A:A*Data!B:B)",
        "A3": "=SUMPRODUCT((Data!A:A>2)*Data!B:B)",
        "A4": "=SUMPRODUCT(Data!A:A+Data!B:B)",  # 11 + 22 + 33 + 4 + 5
        "A5": "=SUMPRODUCT(ISNUMBER(Data!B:B)*Data!A:A)",
        "A6": "=SUMPRODUCT((Data!A:A=$C$1)*Data!B:B)",  # C1 = 2: one row
        "A7": "=SUMPRODUCT(Data!1:1,Data!1:1)",  # whole rows: 1*1 + 10*10
        "C1": 2,
    }
    got = _recalculated(tmp_path, data, calc)
    assert {k: got[k] for k in calc if k != "C1"} == {
        "A1": 140, "A2": 140, "A3": 30, "A4": 75, "A5": 6, "A6": 20, "A7": 101,
    }  # fmt: skip


def test_empty_cells_of_whole_columns_count_and_row_gives_every_row(tmp_path: Path) -> None:
    data: dict[str, object] = {f"A{r}": 10 * r for r in range(1, 6)}  # A1:A5, nothing else
    calc = {
        "A1": '=SUMPRODUCT(MAX(ROW(Data!A:A)*(Data!A:A<>"")))',  # the "last used row" idiom
        "A2": '=SUMPRODUCT(--(Data!A:A=""))',  # 1,048,576 cells, 5 used
        "A3": "=SUMPRODUCT(ISBLANK(Data!A:A)*1)",
        "A4": "=COUNTBLANK(Data!A:A)",
        "A5": "=SUMPRODUCT((Data!A:A<25)*1)",  # 10, 20 and every empty cell (0 < 25)
    }
    calc["A6"] = ArrayFormula("A6", '=MAX(IF(Data!A:A<>"",ROW(Data!A:A)))')
    calc["A7"] = ArrayFormula("A7", '=MAX(IF(Data!A:A="",ROW(Data!A:A)))')  # the last row of the sheet
    got = _recalculated(tmp_path, data, calc)
    assert {k: got[k] for k in calc} == {
        "A1": 5, "A2": 1048571, "A3": 1048571, "A4": 1048571, "A5": 1048573, "A6": 5, "A7": 1048576,
    }  # fmt: skip


def test_array_formulas_over_whole_columns_of_different_lengths(tmp_path: Path) -> None:
    regions = ["EU", "US", "EU", "UK", "UK"]  # A longer than B
    data: dict[str, object] = {f"A{r}": v for r, v in enumerate(regions, 1)} | {"B1": 10, "B2": 20, "B3": 30}
    calc: dict[str, object] = {
        "A1": ArrayFormula("A1", '=AVERAGE(IF(Data!A:A="EU",Data!B:B))'),  # 10 and 30
        "A2": ArrayFormula("A2", '=SUM(IF(Data!A:A="EU",Data!B:B))'),
        "A3": ArrayFormula("A3", '=SUM((Data!A:A="US")*Data!B:B)'),
        "A4": ArrayFormula("A4", "=COUNT(IF(Data!B:B>15,Data!B:B))"),
        "A5": ArrayFormula("A5", "=ROWS(_xlfn.UNIQUE(Data!B:B))"),  # 10, 20, 30 and the empty cells' 0
        "A6": ArrayFormula("A6", "=SUM(_xlfn.UNIQUE(Data!B:B))"),
    }
    got = _recalculated(tmp_path, data, calc)
    assert {k: got[k] for k in calc} == {"A1": 20, "A2": 40, "A3": 20, "A4": 2, "A5": 4, "A6": 60}


def test_bounds_are_common_and_only_where_the_rows_below_cannot_matter() -> None:
    last = {"D": 5, "E": 9}

    def extent(sheet: str, kind: str) -> int:
        return last[sheet] if kind == "column" else 3

    # one height for both columns: the longer sheet's rows in use and one empty row
    assert bound_whole_ranges("=SUMPRODUCT(D!A:A,E!B:B)", "S", False, extent) == (
        "=SUMPRODUCT(D!$A$1:$A$10,E!$B$1:$B$10)"
    )
    # the empty rows are counted: Excel's full height
    assert bound_whole_ranges('=SUMPRODUCT(--(D!A:A=""))', "S", False, extent) == (
        '=SUMPRODUCT(--(D!$A$1:$A$1048576=""))'
    )
    # a function taking the whole column as one range, and a classic formula outside array arguments: as they are
    for text in ("=SUM(D!A:A)", "=COUNTIF(D!A:A,1)+MATCH(1,D!B:B,0)", "=EDATE(D!B:B,1)", "=SUMPRODUCT(SUM(D!A:A)*2)"):
        assert bound_whole_ranges(text, "S", False, extent) == text
    assert bound_whole_ranges("=SUMPRODUCT(1:1*2:2)", "S", False, extent) == "=SUMPRODUCT($A$1:$D$1*$A$2:$D$2)"
    # beside an area typed in, Excel's own sizes (they match, or are #VALUE! as in Excel)
    assert bound_whole_ranges("=SUMPRODUCT(D!A:A,D!B1:B1048576)", "S", False, extent) == (
        "=SUMPRODUCT(D!$A$1:$A$1048576,D!B1:B1048576)"
    )


def test_values_typed_beside_whole_column_arithmetic_keep_it_bounded(tmp_path: Path) -> None:
    """A number typed in (``+3``, ``*1``, ``ROUND(..,0)``, an IF's branches) does not depend on the rows below the
    rows in use: the whole columns are bounded (each such cell read 1,048,576 rows per operand: 3 s a cell)."""

    def extent(sheet: str, kind: str) -> int:
        return 5 if kind == "column" else 3

    bounded = {
        '=SUMPRODUCT((D!A:A="EU")*1,D!B:B)+3': '=SUMPRODUCT((D!$A$1:$A$6="EU")*1,D!$B$1:$B$6)+3',
        '=SUMPRODUCT((D!A:A="EU")*(1+2),D!B:B)-1': '=SUMPRODUCT((D!$A$1:$A$6="EU")*(1+2),D!$B$1:$B$6)-1',
        '=ROUND(SUMPRODUCT((D!A:A="EU")*D!B:B)/2,0)': '=ROUND(SUMPRODUCT((D!$A$1:$A$6="EU")*D!$B$1:$B$6)/2,0)',
        "=IF(SUMPRODUCT((D!A:A>-1)*D!B:B)>0,1,2)": "=IF(SUMPRODUCT((D!$A$1:$A$6>-1)*D!$B$1:$B$6)>0,1,2)",
    }
    for text, expected in bounded.items():
        assert bound_whole_ranges(text, "S", False, extent) == expected
    # where the typed value meets the rows below, they still count: Excel's full height
    for text in ('=SUMPRODUCT(--(D!A:A=""))+1', '=SUMPRODUCT((D!A:A="x")+1)'):
        assert "$1048576" in bound_whole_ranges(text, "S", False, extent)
    data: dict[str, object] = {"A1": "EU", "A2": "US", "A3": "EU", "B1": 10, "B2": 20, "B3": 30}
    calc = {
        "A1": '=SUMPRODUCT((Data!A:A="EU")*1,Data!B:B)+3',  # 10 + 30 + 3
        "A2": '=SUMPRODUCT((Data!A:A="x")+1)',  # every one of 1,048,576 rows gives 1
        "A3": '=IF(SUMPRODUCT((Data!A:A="US")*Data!B:B)>15,"big","small")',
    }
    assert _recalculated(tmp_path, data, calc) == {"A1": 43, "A2": 1048576, "A3": "big"}


def test_aggregates_of_whole_sheets_read_only_the_cells_in_use(tmp_path: Path) -> None:
    # five cells at the sheet's corners: the area in use is the whole sheet (17 billion cells), the cells five
    data: dict[str, object] = {"A1": 1, "B1": 2, "XFD1": 5, "XFC2": 7, "A1048576": 9}
    calc = {
        "A1": "=SUM(Data!A:XFD)",
        "A2": "=SUM(Data!1:1048576)",
        "A3": "=MAX(Data!B:XFD)",
        "A4": "=COUNTA(Data!A:XFD)+COUNT(Data!2:3)",  # 5 + XFC2
        "A5": "=AVERAGE(Data!1:2)",  # 1, 2, 5, 7
        "A6": "=SUM(Data!C:XFB)",  # nothing in use there
    }
    got = _recalculated(tmp_path, data, calc)
    assert {k: got.get(k) for k in calc} == {"A1": 24, "A2": 24, "A3": 7, "A4": 6, "A5": 3.75, "A6": 0}


def test_table_columns_named_with_escaped_brackets_quotes_and_hashes(tmp_path: Path) -> None:
    # Excel writes ' before [ ] # ' in a column's name inside a structured reference (H7 r10: all were #REF!)
    from openpyxl.worksheet.table import Table

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Qty [pcs]", "O'Brien", "#Items", "Amount ($)"])
    sheet.append([1, 10, 100, 1000])
    sheet.append([2, 20, 200, 2000])
    sheet.add_table(Table(displayName="T", ref="A1:D3"))
    formulas = {
        "F1": "=SUM(T[Qty '[pcs']])",
        "F2": "=SUM(T[[Amount ($)]:['#Items]])",
        "F3": "=SUM(T[[Qty '[pcs']]:[O''Brien]])",
        "F4": "=SUM(T[O''Brien])+SUM(T['#Items])",
        "F5": "=SUM(T[[#Data],[Qty '[pcs']]])",
    }
    for ref, text in formulas.items():
        sheet[ref] = text
    source = tmp_path / "escapes.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "escapes.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["Data"]
    assert {ref: values[ref].value for ref in formulas} == {"F1": 3, "F2": 3300, "F3": 33, "F4": 330, "F5": 3}


def test_timevalue_ignores_the_date_in_a_date_and_time_text(tmp_path: Path) -> None:
    # Microsoft's own example: TIMEVALUE("22-Aug-2011 6:35 AM") = 0.2743 ("date information in time_text is ignored")
    calc = {
        "A1": '=TIMEVALUE("22-Aug-2011 6:35 AM")',
        "A2": '=TIMEVALUE("2024-01-15 12:00")',
        "A3": '=TIMEVALUE("2024/1/15 18:00")',  # year first: '1/15/2024 18:00' is no date day-first (locale)
        "A4": '=TIMEVALUE("6:35 AM")',
        "A5": "=TIMEVALUE(0.5)",  # a number is no time text
        "A6": '=TIMEVALUE("noon")',
    }
    got = _recalculated(tmp_path, {"A1": 1}, calc)
    assert {k: got[k] for k in calc} == {
        "A1": 23700 / 86400, "A2": 0.5, "A3": 0.75, "A4": 23700 / 86400, "A5": "#VALUE!", "A6": "#VALUE!",
    }  # fmt: skip


def test_date_functions_in_a_1904_workbook(tmp_path: Path) -> None:
    # Excel for Mac's old date system: serial 0 is 1 January 1904; DATE before it is #NUM! (Microsoft KB 180158)
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 43844  # 15 January 2024 in the 1904 system
    formulas = {
        "B1": "=DATE(0,1,1)",
        "B2": "=DATE(1902,8,12)",
        "B3": "=DATE(4,3,31)",  # 31 March 1904
        "B4": "=ISERROR(DATE(1903,12,31))",
        "B5": "=DATE(2024,1,15)",
        "B6": '=YEAR("2024-01-15")',
        "B7": '=EOMONTH("2024-01-15",0)',
        "B8": '=_xlfn.DAYS("2024-03-01","2024-01-15")',
        "B9": '=WEEKDAY("2024-01-15")',
        "B10": "=EDATE(A1,1)",
        "B11": "=YEAR(A1)*100+MONTH(A1)",
    }
    for ref, text in formulas.items():
        sheet[ref] = text
    source = tmp_path / "mac.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "mac.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    got = {ref: values[ref].value for ref in formulas}
    assert got == {
        "B1": "#NUM!", "B2": "#NUM!", "B3": 90, "B4": True, "B5": 43844, "B6": 2024, "B7": 43860, "B8": 46, "B9": 2,
        "B10": 43875, "B11": 202401,
    }  # fmt: skip


def test_a_sheet_with_a_dynamic_array_is_used_to_its_end() -> None:
    # a dynamic array may spill further on recalculation than the file stores: no bound below it
    from types import SimpleNamespace

    from xl_retention.recalculation.package import FormulaCell
    from xl_retention.recalculation.whole_ranges import UsedExtents

    class Book:
        sheet_names = ["D", "E"]

        def range_page(self, area: str, **_: object) -> SimpleNamespace:
            return SimpleNamespace(resolved=area.partition("!")[0] + "!A1:C5")

    cells = {"D": {"B2": FormulaCell("normal")}, "E": {"B2": FormulaCell("array", ref="B2:B4", dynamic=True)}}
    extents = UsedExtents(Book(), cells)
    assert (extents("d", "column"), extents("D", "row"), extents("E", "column"), extents("E", "row")) == (
        5, 3, 1048576, 16384,
    )  # fmt: skip
    assert extents.columns("E") is None
    assert extents.columns("D") == {1: (1, 5), 2: (1, 5), 3: (1, 5)}
    text = "=SUMPRODUCT(D!A:A,E!B:B)"
    assert bound_whole_ranges(text, "D", False, extents) == "=SUMPRODUCT(D!$A$1:$A$1048576,E!$B$1:$B$1048576)"


def test_relative_defined_names_move_with_the_cell_using_them(tmp_path: Path) -> None:
    # Excel stores a relative name relative to A1 (wrapping round the sheet): Above = S!A1048576 is the cell above
    from openpyxl.workbook.defined_name import DefinedName

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"], sheet["B1"] = 1, 2, 3, 10
    sheet["B2"], sheet["B3"], sheet["C3"] = "=Above+Left", "=Above+Left", "=SUM(RowToLeft)"
    sheet["D1"] = "=SUM(Fixed)"  # an absolute name is as it was
    for name, target in (("Above", "S!A1048576"), ("Left", "S!XFD1"), ("RowToLeft", "S!$A1:XFD1")):
        book.defined_names[name] = DefinedName(name, attr_text=target)
    book.defined_names["Fixed"] = DefinedName("Fixed", attr_text="S!$A$1:$A$3")
    source = tmp_path / "relative.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "relative.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    # B2 = B1 + A2, B3 = B2 + A3, C3 = A3 + B3
    assert {ref: values[ref].value for ref in ("B2", "B3", "C3", "D1")} == {"B2": 12, "B3": 15, "C3": 18, "D1": 6}
