"""Functions of single values given arrays where Excel evaluates arrays (excel_functions.elementwise).

In an array formula, or inside SUMPRODUCT (an argument Excel takes as an array), Excel applies MOD,
YEAR, ROUND, ISNUMBER, VALUE, CEILING, ... to each element of an array argument; the engine
answered #VALUE! or used the first element only. Each test builds its own workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet, save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, cells: dict[str, object]) -> dict[str, object]:
    """Every value of sheet S (``cells``) after the embedded engine recalculated it, status ``ok``."""
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok", report.message
    return values


def test_functions_of_one_value_apply_to_each_element_inside_sumproduct(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": dt.datetime(2024, 1, 31), "A2": dt.datetime(2023, 5, 1), "A3": dt.datetime(2024, 7, 4),
        "B1": 10, "B2": 20, "B3": 30, "B4": 40, "C1": 1, "C2": "x", "C3": 2.5, "D1": "1", "D2": "2",
    }  # fmt: skip
    formulas = {
        "F1": "=SUMPRODUCT((MOD(ROW(B1:B4),2)=0)*B1:B4)",  # rows 2 and 4
        "F2": "=SUMPRODUCT((YEAR(A1:A3)=2024)*B1:B3)",
        "F3": "=SUMPRODUCT(--ISNUMBER(C1:C3))",
        "F4": "=SUMPRODUCT(VALUE(D1:D2))",
        "F5": "=SUMPRODUCT(ROUND(C1:C3*1.07,1))",  # "x" * 1.07 is #VALUE!: the whole product is
        "F6": "=SUMPRODUCT(MONTH(A1:A3)*B1:B3)",
        "F7": "=SUMPRODUCT(CEILING(B1:B4/3,1))",
        "F8": "=SUMPRODUCT(WEEKDAY(A1:A3,2))",  # Wednesday 3, Monday 1, Thursday 4
    }
    got = _recalculated(tmp_path, {**cells, **formulas})
    assert {ref: got[ref] for ref in formulas} == {
        "F1": 60, "F2": 40, "F3": 2, "F4": 3, "F5": "#VALUE!", "F6": 1 * 10 + 5 * 20 + 7 * 30, "F7": 4 + 7 + 10 + 14,
        "F8": 8,
    }  # fmt: skip


def test_array_formulas_apply_functions_of_one_value_to_each_element(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A1": 2.675, "A2": -7.5, "A3": 9, "B1": 4, "B2": 3, "B3": 0}
    cells["D1"] = ArrayFormula("D1:D3", "=ROUND(A1:A3,2)")
    cells["E1"] = ArrayFormula("E1:E3", "=MOD(A1:A3,B1:B3)")
    cells["F1"] = ArrayFormula("F1:F3", "=INT(A1:A3)")
    cells["G1"] = ArrayFormula("G1:G3", "=FLOOR(A1:A3,1)")
    cells["H1"] = ArrayFormula("H1", "=SUM(ABS(A1:A3))")
    got = _recalculated(tmp_path, cells)
    assert [[got[f"{c}{r}"] for c in "DEFG"] for r in (1, 2, 3)] == [
        [2.68, 2.675, 2, 2],
        [-7.5, 1.5, -8, -8],  # MOD(-7.5, 3) = -7.5 - 3 * INT(-2.5)
        [9, "#DIV/0!", 9, 9],
    ]
    assert got["H1"] == 2.675 + 7.5 + 9


# --- a defined name, SEQUENCE or an array of k where a function takes one value (H3 g02/g06, H2 F02/F07/F09) --------
# Right values by hand; LibreOffice 7.4 gives the same on these workbooks (checked when the tests were written), except
# where noted and for the functions it does not know without their _xlfn. prefix (NUMBERVALUE, BITAND, NORM.S.DIST).

_NAMES = {"Cust": "D!$A$2:$A$7", "Dates": "D!$B$2:$B$7", "Amt": "D!$C$2:$C$7", "Plan": "D!$D$2:$D$7", "Rate": "D!$F$1"}


def names_book(path: Path, cells: dict[str, object]) -> Path:
    """Sheet D: rows 2-7 of customer, date, amount, plan (named Cust, Dates, Amt, Plan), F1 = Rate; ``cells`` added."""
    from openpyxl.workbook.defined_name import DefinedName

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "D"
    sheet.append(["cust", "date", "amt", "plan"])
    rows = [("a", (1, 3), 10, "Pro"), ("b", (1, 9), None, "Basic"), ("a", (2, 3), 5, "Pro"),
            ("c", (2, 9), 7, "Basic"), ("d", (3, 1), "n/a", "Pro"), ("b", (3, 5), 12, "Basic")]  # fmt: skip
    for cust, (month, day), amount, plan in rows:
        sheet.append([cust, dt.datetime(2026, month, day), amount, plan])
    sheet["F1"] = 0.5
    for name, reference in _NAMES.items():
        book.defined_names[name] = DefinedName(name, attr_text=reference)
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


def _values(tmp_path: Path, source: Path, sheet: str) -> dict[str, object]:
    report = recalc_file(source, tmp_path / "out" / source.name, "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)[sheet]
    return {c.coordinate: c.value for row in values.iter_rows() for c in row if c.value is not None}


NAME_FORMULAS = {  # cell -> (formula, Excel's value); H-column cells are classic formulas, J-column array formulas
    "H10": ("=SUMPRODUCT(--ISNUMBER(Amt))", 4),
    "H11": ('=SUMPRODUCT((Plan="Pro")*ISNUMBER(Amt))', 2),
    "H12": ("=SUMPRODUCT(--(MONTH(Dates)=2))", 2),
    "H13": ("=SUMPRODUCT(YEAR(Dates))", 6 * 2026),
    "H14": ("=SUMPRODUCT(DAY(Dates))", 3 + 9 + 3 + 9 + 1 + 5),
    "H15": ("=SUMPRODUCT(WEEKDAY(Dates,2))", 6 + 5 + 2 + 1 + 7 + 4),  # Sat Fri Tue Mon Sun Thu
    "H16": ('=SUMPRODUCT(--(TEXT(Dates,"yyyy-mm")="2026-01"))', 2),
    "H17": ("=SUMPRODUCT(1/COUNTIF(Cust,Cust))", 4),  # distinct customers
    "H18": ("=SUMPRODUCT(--ISTEXT(Plan))", 6),
    "H19": ("=SUMPRODUCT(--ISBLANK(Amt))", 1),
    "H20": ("=SUMPRODUCT(--ISNONTEXT(Amt))", 5),
    "H21": ('=SUMPRODUCT(--ISNUMBER(SEARCH("a",Cust)))', 2),
    "H22": ("=SUMPRODUCT(--ISNUMBER(INDEX(Amt,0)))", 4),
    "H23": ("=SUMPRODUCT(--ISNUMBER(OFFSET(D!$C$2,0,0,6,1)))", 4),
    "H24": ("=LOOKUP(2,1/ISNUMBER(Amt),Amt)", 12),  # the last number
    # N and T of a reference read its first cell, inside SUMPRODUCT too (.first_cells; LibreOffice reads each cell)
    "H25": ("=SUMPRODUCT(N(Amt))", 10),
    "H26": ("=SUMPRODUCT(ROUND(N(Amt)/3,0))", 3),
    "H27": ("=SUMPRODUCT(--NOT(ISNUMBER(Amt)))", 2),
    "H28": ("=SUMPRODUCT(LEN(T(Cust)))", 1),  # "a"
    "H29": ("=SUMPRODUCT(ROUND(Rate,0)*N(Amt))", 10),  # Rate is one cell: ROUND(0.5,0) = 1
    "J10": ("=MAX(IF(ISNUMBER(Amt),Amt))", 12),
    "J11": ('=SUM(IF(Plan="Pro",IF(ISNUMBER(Amt),Amt)))', 15),
    "J12": ("=INDEX(Cust,MATCH(TRUE,ISNUMBER(Amt),0))", "a"),
    "J13": ("=SUM(--(MONTH(Dates)=3))", 2),
}


def test_a_defined_name_is_lifted_where_excel_evaluates_arrays(tmp_path: Path) -> None:
    cells: dict[str, object] = {}
    for ref, (formula, _) in NAME_FORMULAS.items():
        cells[ref] = ArrayFormula(ref, formula) if ref.startswith("J") else formula
    got = _values(tmp_path, names_book(tmp_path / "names.xlsx", cells), "D")
    assert {ref: got.get(ref) for ref in NAME_FORMULAS} == {ref: want for ref, (_, want) in NAME_FORMULAS.items()}


def test_a_classic_formula_still_takes_the_names_cell_in_its_own_row(tmp_path: Path) -> None:
    """Outside SUMPRODUCT and array formulas a classic formula intersects the name with its row (Excel's ``@``)."""
    cells = {"H4": "=MONTH(Dates)", "I3": "=ISNUMBER(Amt)", "H9": "=MONTH(Dates)", "I2": "=SUM(ISNUMBER(Amt)*1)"}
    got = _values(tmp_path, names_book(tmp_path / "classic.xlsx", cells), "D")
    assert {ref: got.get(ref) for ref in cells} == {"H4": 2, "I3": False, "H9": "#VALUE!", "I2": 1}


SEQUENCE_FORMULAS = {  # first cell -> (array formula over three rows, Excel's values); A1 = 1 January 2024
    "B1": ("=EDATE(A1,_xlfn.SEQUENCE(3,1,0))", [45292, 45323, 45352]),
    "C1": ("=EOMONTH(A1,_xlfn.SEQUENCE(3,1,0))", [45322, 45351, 45382]),
    "D1": ("=DATE(2024,_xlfn.SEQUENCE(3),1)", [45292, 45323, 45352]),
    "E1": ("=WEEKDAY(A1+_xlfn.SEQUENCE(3))", [3, 4, 5]),
    "G1": ("=MONTH(A1+_xlfn.SEQUENCE(3)*31)", [2, 3, 4]),
    "H1": ('=DATEDIF(A1,A1+_xlfn.SEQUENCE(3)*40,"m")', [1, 2, 3]),
    "I1": ("=WORKDAY(A1,_xlfn.SEQUENCE(3))", [45293, 45294, 45295]),
    "J1": ("=NETWORKDAYS(A1,A1+_xlfn.SEQUENCE(3)*7,F1)", [5, 10, 15]),  # F1 (3 January) a holiday
    "K1": ("=ROUND(_xlfn.SEQUENCE(3)/3,2)", [0.33, 0.67, 1]),
    "L1": ("=MOD(_xlfn.SEQUENCE(3),2)", [1, 0, 1]),
    "M1": ('=TEXT(A1+_xlfn.SEQUENCE(3)-1,"dd")', ["01", "02", "03"]),
    "N1": ("=INDEX(P1:P5,_xlfn.SEQUENCE(3))", [10, 20, 30]),
    "O1": ("=YEARFRAC(A1,EDATE(A1,_xlfn.SEQUENCE(3)*6))", [0.5, 1, 1.5]),
}


def test_sequence_inside_a_function_of_one_value_gives_one_answer_per_element(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A1": dt.datetime(2024, 1, 1), "F1": dt.datetime(2024, 1, 3)}
    cells.update({f"P{r}": 10 * r for r in range(1, 6)})
    for ref, (formula, _) in SEQUENCE_FORMULAS.items():
        cells[ref] = ArrayFormula(f"{ref}:{ref[0]}3", formula)
    got = _recalculated(tmp_path, cells)
    assert {ref: [got.get(f"{ref[0]}{r}") for r in (1, 2, 3)] for ref in SEQUENCE_FORMULAS} == {
        ref: want for ref, (_, want) in SEQUENCE_FORMULAS.items()
    }


K_FORMULAS = {  # C2:C7 = 10, 3, 5, 7, 9, 12; D1:D4 = 1, 2, 2, 3
    "H1": ("=SUM(LARGE(C2:C7,{1,2,3}))", 31),
    "H2": ("=SUMPRODUCT(SMALL(C2:C7,{1,2}))", 8),
    "H3": ("=SUMPRODUCT(PERCENTILE(C2:C7,{0.25,0.75}))", 5.5 + 9.75),
    "H4": ("=SUMPRODUCT(QUARTILE(C2:C7,{1,3}))", 5.5 + 9.75),
    "H5": ("=SUMPRODUCT(_xlfn.PERCENTILE.EXC(C2:C7,{0.25,0.5}))", 4.5 + 8),
    "H6": ("=SUMPRODUCT(_xlfn.QUARTILE.EXC(C2:C7,{1,3}))", 4.5 + 10.5),
    "H7": ("=SUMPRODUCT(RANK(C2:C7,C2:C7))", 21),
    "H8": ("=SUMPRODUCT(RANK(C2:C7,C2:C7,1))", 21),
    "H9": ("=SUMPRODUCT(_xlfn.RANK.AVG(D1:D4,D1:D4))", 4 + 2.5 + 2.5 + 1),
    "H10": ("=SUMPRODUCT(_xlfn.RANK.EQ(D1:D4,D1:D4))", 4 + 2 + 2 + 1),
    "H11": ("=SUMPRODUCT(INDEX(C2:C7,{1,2}))", 13),
    "H12": ("=SUM(CHOOSE({1,2},C2,C3))", 13),
    "H13": ("=SUM(CHOOSE({1,2},C2:C3,C4:C5))", 10 + 3 + 5 + 7),
    "H14": ("=CHOOSE(3,C2:C4,C5,12)", 12),
    "H15": ("=LARGE(C2:C7,2)", 10),
    "H16": ("=SUMPRODUCT(MROUND({10,13,17},5))", 40),
    "H17": ("=SUMPRODUCT(QUOTIENT({7,-7},2))", 0),
    "H18": ("=SUMPRODUCT(EVEN({1.5,-2.5,3,0.2}))", 2 - 4 + 4 + 2),
    "H19": ("=SUMPRODUCT(ODD({1.5,-2.5,3,0}))", 3 - 3 + 3 + 1),
    "H20": ("=SUMPRODUCT(FACT({1,3,4}))", 31),
    "H21": ("=SUMPRODUCT(DEGREES(ASIN({0,1})))", 90),
    "H22": ("=SUM(LARGE(C2:C7,{1.5,2.7}))", 12 + 10),  # a fractional k counts down (LibreOffice too)
    "H23": ("=LOOKUP(2,1/({1,1,1}*ISNUMBER(C2:C4)),C2:C4)", 5),  # the commas of {1,1,1} separate no arguments
}


def test_an_array_of_k_or_of_an_index_gives_one_answer_per_element(tmp_path: Path) -> None:
    cells: dict[str, object] = {f"C{r}": v for r, v in zip(range(2, 8), (10, 3, 5, 7, 9, 12), strict=True)}
    cells.update({"D1": 1, "D2": 2, "D3": 2, "D4": 3})
    cells.update({ref: formula for ref, (formula, _) in K_FORMULAS.items()})
    cells["J1"] = ArrayFormula("J1", "=SUM(LARGE(C2:C7,ROW(1:3)))")
    cells["K1"] = ArrayFormula("K1:K3", "=LARGE(C2:C7,{1;2;3})")
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in K_FORMULAS} == {ref: want for ref, (_, want) in K_FORMULAS.items()}
    assert [got.get(ref) for ref in ("J1", "K1", "K2", "K3")] == [31, 12, 10, 9]


def test_lifting_leaves_single_values_and_references_to_the_engine() -> None:
    from xl_retention.recalculation.rewrite import rewrite

    names = {name.lower(): reference for name, reference in _NAMES.items()}
    kept = [
        "=SUMPRODUCT(ROUND(Rate,2)*Amt)",  # a name of one cell
        "=SUMPRODUCT(LARGE(C2:C7,2)*C2:C7)",  # k is one value; the data is taken whole
        "=SUMPRODUCT(COUNTIF(A1:A9,SUM(B1:B3))*1)",  # SUM gives one value
        "=SUM(INDEX(A1:A5,1):INDEX(A1:A5,{2}))",  # INDEX as a reference of the range operator
    ]
    for formula in kept:
        assert "_XLR.EACH." not in rewrite(formula, "D", 10, 8, [], names=names), formula
    assert rewrite("=CHOOSE(3,B1:D1,E1,12)", "D", 1, 1, [], array=True) == "=CHOOSE(3,B1:D1,E1,12)"
    assert rewrite("=SUMPRODUCT(--ISNUMBER(Amt))", "D", 10, 8, [], names=names) == (
        "=SUMPRODUCT(--_XLR.EACH.ISNUMBER(D!$C$2:$C$7))"
    )
    assert (
        rewrite("=EDATE(A1,_xlfn.SEQUENCE(3))", "D", 1, 2, [], array=True) == "=_XLR.EACH.EDATE(A1,_xlfn.SEQUENCE(3))"
    )


def test_dynamic_arrays_lift_a_spilled_range_and_sequence(tmp_path: Path) -> None:
    """Dynamic (Excel 365) array formulas, marked ``cm="1"`` as Excel saves them: ``B1#`` (stored
    ``_xlfn.ANCHORARRAY(B1)``) and SEQUENCE inside functions of one value give one answer per element."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, day in enumerate([dt.datetime(2024, 1, 15), dt.datetime(2024, 2, 29), dt.datetime(2023, 12, 31)], 1):
        sheet[f"A{row}"] = day
    dynamic = {
        "B1": ("B1:B3", "=A1:A3"),
        "C1": ("C1:C3", "=MONTH(_xlfn.ANCHORARRAY(B1))"),
        "D1": ("D1:D3", '=TEXT(_xlfn.ANCHORARRAY(B1),"yyyy-mm")'),
        "E1": ("E1:E3", "=EDATE(A1,_xlfn.SEQUENCE(3,1,0))"),
    }
    for ref, (area, formula) in dynamic.items():
        sheet[ref] = ArrayFormula(area, formula)
    sheet["F1"] = "=SUMPRODUCT(--(YEAR(_xlfn.ANCHORARRAY(B1))=2024))"
    sheet["F2"] = "=SUMPRODUCT(DAY(_xlfn.ANCHORARRAY(B1)))"
    got = _values(tmp_path, save_dynamic(book, tmp_path / "dynamic.xlsx", dynamic), "S")
    assert [[got.get(f"{c}{r}") for c in "CDE"] for r in (1, 2, 3)] == [
        [1, "2024-01", 45306],
        [2, "2024-02", 45337],
        [12, "2023-12", 45366],
    ]
    assert (got["F1"], got["F2"]) == (2, 15 + 29 + 31)


MORE_FORMULAS = {  # B2:B5 = 2026-01-31, 2026-02-28, 2026-03-15, 2026-12-31; C2:C4 = 1, 2, 3; A2:A4 = "Ab", "b", "€"
    "H1": ("=SUMPRODUCT(DAYS360(DATE(2026,1,1),B2:B5))", 30 + 57 + 74 + 360),  # US: an ending 31st stays after a 1st
    "H2": ("=SUMPRODUCT(DAYS360(B2:B5,DATE(2027,1,31),TRUE))", 360 + 332 + 315 + 30),  # European
    "H3": ("=SUMPRODUCT(COMBIN(5,C2:C4))", 5 + 10 + 10),
    "H4": ("=SUMPRODUCT(PERMUT(5,C2:C4))", 5 + 20 + 60),
    "H5": ("=SUMPRODUCT(CODE(A2:A4))", 65 + 98 + 128),  # Windows-1252 as Excel for Windows (LibreOffice: 226)
    "H6": ("=SUMPRODUCT(_xlfn.UNICODE(A2:A4))", 65 + 98 + 8364),
    "H7": ('=SUMPRODUCT(--(CHAR(64+C2:C4)="B"))', 1),
    "H8": ('=SUMPRODUCT(DATEVALUE({"2026-01-31","2026-02-01 10:00"}))', 46053 + 46054),
    "H9": ('=SUMPRODUCT(_xlfn.NUMBERVALUE({"1,234.5","12%"}))', 1234.62),
    "H10": ("=SUMPRODUCT(_xlfn.BITAND(C2:C4,2))", 0 + 2 + 2),
    "H11": ("=SUMPRODUCT(ROUND(SINH(C2:C4)-SINH(C2:C4),9))", 0),
    "H12": ("=SUMPRODUCT(--ISERROR(ATANH(C2:C4-2)))", 2),  # ATANH(-1) and ATANH(1) are #NUM!
    "H13": ("=SUMPRODUCT(ROUND(_xlfn.NORM.S.DIST(C2:C4-2,TRUE),6))", 0.158655 + 0.5 + 0.841345),
    # the engine's own functions, lifted by the engine (excel_functions.engine_lifted)
    "H14": ("=SUMPRODUCT(SLN(1000,100,C2:C4))", 900 + 450 + 300),
    "H15": ("=SUMPRODUCT(ROUND(BINOMDIST(C2:C4,3,0.5,FALSE),9))", 0.875),
    "H16": ("=SUMPRODUCT(FORECAST({4,5},C2:C4,C2:C4))", 9),
    "H17": ("=SUMPRODUCT(PERCENTRANK(C2:C4,C2:C4))", 1.5),
    "H18": ("=SUMPRODUCT(ROUND(NORMDIST(C2:C4-2,0,1,TRUE),6))", 1.5),
}


def test_more_functions_of_one_value_are_lifted_inside_sumproduct(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A2": "Ab", "A3": "b", "A4": "€", "C2": 1, "C3": 2, "C4": 3}
    for row, (month, day) in enumerate([(1, 31), (2, 28), (3, 15), (12, 31)], 2):
        cells[f"B{row}"] = dt.datetime(2026, month, day)
    cells.update({ref: formula for ref, (formula, _) in MORE_FORMULAS.items()})
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in MORE_FORMULAS} == {ref: want for ref, (_, want) in MORE_FORMULAS.items()}


def test_date_forms_of_a_1904_workbook_read_and_give_1904_serials() -> None:
    """The element-by-element forms reading 1900-system serial numbers are registered for a 1904 workbook with their
    dates moved (dates.in_1904): never a date four years off."""
    from xl_retention.recalculation.excel_functions import register

    class Book:
        def __init__(self) -> None:
            self.calls: dict[str, object] = {}

        def register_function(self, name: str, call: object, *_: object, **__: object) -> None:
            self.calls[name] = call

    plain, old = Book(), Book()
    register(plain)
    register(old, date1904=True)
    dated = {f"_XLR.EACH.{name}" for name in ("YEAR", "DAYS360", "ISOWEEKNUM", "DATEVALUE", "EDATE", "WORKDAY")}
    assert dated <= set(plain.calls) and dated <= set(old.calls)
    assert {"_XLR.EACH.LARGE", "_XLR.EACH.ISNUMBER"} <= set(old.calls)
    # 43844 is 15 January 2024 in the 1904 system, 45306 in the 1900 one
    assert old.calls["_XLR.EACH.EDATE"]([[43844.0], [43845.0]], 1.0) == [[43875.0], [43876.0]]  # type: ignore[operator]
    assert plain.calls["_XLR.EACH.EDATE"]([[45306.0], [45307.0]], 1.0) == [[45337.0], [45338.0]]  # type: ignore[operator]
    assert old.calls["_XLR.EACH.YEAR"]([[43844.0, "2024-01-15"]]) == [[2024.0, 2024.0]]  # type: ignore[operator]


def test_aggregate_array_form_leaves_errors_out_and_lifts_k(tmp_path: Path) -> None:
    """AGGREGATE(14..19, 6, array, k), as Excel stores it (_xlfn.): the engine had no array form (#NIMPL!); LibreOffice
    gives the same eight values."""
    cells: dict[str, object] = {f"C{r}": v for r, v in zip(range(2, 8), (10, 3, 5, 7, 9, 12), strict=True)}
    cells.update({"B2": "x", "B3": "y", "B4": "x", "B5": "x", "B6": "y", "B7": "y", "A1": "=1/0"})
    formulas = {
        "H1": ('=_xlfn.AGGREGATE(14,6,C2:C7/(B2:B7="x"),1)', 10),  # the largest amount of "x"
        "H2": ('=_xlfn.AGGREGATE(15,6,C2:C7/(B2:B7="y"),2)', 9),
        "H3": ("=_xlfn.AGGREGATE(14,6,C2:C7,2)", 10),
        "H4": ("=SUM(_xlfn.AGGREGATE(14,6,C2:C7,{1,2}))", 22),
        "H5": ("=_xlfn.AGGREGATE(16,6,C2:C7,0.5)", 8),
        "H6": ("=_xlfn.AGGREGATE(17,6,C2:C7,1)", 5.5),
        "H7": ("=_xlfn.AGGREGATE(14,4,C1:C7/(B1:B7<>0),1)", "#DIV/0!"),  # options 4 keep errors: C1 blank / FALSE
        "H8": ("=_xlfn.AGGREGATE(19,6,C2:C7,3)", 10.5),
    }
    cells.update({ref: formula for ref, (formula, _) in formulas.items()})
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in formulas} == {ref: want for ref, (_, want) in formulas.items()}


def test_a_classic_formula_giving_an_array_shows_its_first_value(tmp_path: Path) -> None:
    """A formula that is not an array formula shows one value: the first of an array result (Excel's implicit
    intersection of an array), also where the cells beside it are taken (the engine answered #SPILL!)."""
    cells: dict[str, object] = {f"C{r}": v for r, v in zip(range(2, 8), (10, 3, 5, 7, 9, 12), strict=True)}
    formulas = {
        "E10": ("=LARGE(C2:C7,{1,2})", 12),
        "E11": ("={1,2,3}", 1),
        "E12": ("=FREQUENCY(C2:C7,10)", 5),
        "E13": ("=TRANSPOSE(C2:C7)", 10),
        "E14": ("=ROUND({1.26,2.5},1)", 1.3),
        "E15": ("=IF(C2>5,{7,8},3)", 7),
        "E16": ("=MMULT({1,2},{3;4})", 11),
        "E17": ('={"a","b"}&"x"', "ax"),
        "E18": ("=SUM(LARGE(C2:C7,{1,2}))", 22),
    }
    for ref, (formula, _) in formulas.items():
        cells[ref] = formula
        cells[ref.replace("E", "F")] = 0  # the cells to the right and below are taken
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in formulas} == {ref: want for ref, (_, want) in formulas.items()}
    assert all(got.get(f"G{ref[1:]}") is None for ref in formulas)  # nothing spilled


def test_days360_and_the_intl_day_counts_read_dates_as_excel_does(tmp_path: Path) -> None:
    """DAYS360, NETWORKDAYS.INTL and WORKDAY.INTL read a date typed as text and count serial numbers as Excel does
    (the engine: #VALUE!, silent under IFERROR; a blank start one day short), and are lifted over arrays."""
    cells: dict[str, object] = {"A1": "2024-12-31", "A2": 45306, "C1": dt.datetime(2024, 1, 1)}
    formulas = {
        "E1": ('=DAYS360(DATE(2024,2,29),"2024-12-31")', 300),
        "E2": ('=NETWORKDAYS.INTL(DATE(2024,1,1),"2024-01-31",1)', 23),
        "E3": ('=WORKDAY.INTL("2024-01-05",1,1)', 45299),
        "E4": ("=IFERROR(DAYS360(DATE(2024,1,1),A1),0)", 360),
        "E5": ("=YEARFRAC(B1,A2,2)", 45306 / 360),  # B1 blank: serial 0
        "E6": ("=YEARFRAC(B1,A2,3)", 45306 / 365),
        "E7": ('=NETWORKDAYS.INTL(B1,A2,"0000000")', 45307),
        "E8": ("=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),11)", 27),  # Sundays off
        "E9": ('=NETWORKDAYS.INTL(DATE(2024,1,1),DATE(2024,1,31),"0000011",C1)', 22),  # and 1 January
        "E10": ("=WORKDAY.INTL(DATE(2024,1,5),10,7)", 45309),  # Fridays and Saturdays off
        "E11": ('=NETWORKDAYS.INTL(1,10,"1111111")', 0),  # Microsoft: "1111111 will always return 0"
        "E16": ('=WORKDAY.INTL(1,10,"1111111")', "#VALUE!"),
        "E12": ("=NETWORKDAYS.INTL(1,10,8)", "#NUM!"),  # an invalid weekend number (LibreOffice: #VALUE!)
        "E13": ("=DAYS360(DATE(2024,3,31),DATE(2024,2,29))", -31),
        "E14": ('=SUMPRODUCT(NETWORKDAYS.INTL(DATE(2024,1,1),{"2024-01-07","2024-01-14"},1))', 5 + 10),
        "E15": ("=SUMPRODUCT(DAYS360(DATE(2024,1,31),{45382,45412},TRUE))", 60 + 90),
    }
    cells.update({ref: formula for ref, (formula, _) in formulas.items()})
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in formulas} == {ref: want for ref, (_, want) in formulas.items()}


def test_a_classic_formula_lifts_arrays_of_values_through_functions_of_one_value(tmp_path: Path) -> None:
    """A classic formula is evaluated as Excel before dynamic arrays: a range where one value is expected is the cell
    in the formula's row, but an array of values -- typed in, or a function's (SEQUENCE, UNIQUE) -- is lifted through
    every function of one value, and the cell shows the result's first value."""
    cells: dict[str, object] = {"A1": dt.datetime(2024, 1, 31)}
    cells.update({f"B{r}": v for r, v in zip(range(2, 8), ("a", "b", "a", "c", "d", "b"), strict=True)})
    formulas = {
        "D1": ("=MAX(COUNTIF(B2:B7,_xlfn.UNIQUE(B2:B7)))", 2),  # "a" and "b" twice (the engine: 0)
        "D7": ("=SUM(COUNTIF(B2:B7,_xlfn.UNIQUE(B2:B7)))", 6),
        "D2": ("=ABS(_xlfn.SEQUENCE(3)-5)", 4),
        "D3": ("=EDATE(A1,_xlfn.SEQUENCE(3))", 45351),  # 29 February 2024
        "D4": ("=ABS(ROUND({1.5,2.5},0))", 2),
        "D5": ("=SUM(ABS(ROUND({1.5,-2.5},0)))", 5),
        "D6": ("=SUM(_xlfn.SEQUENCE(3))", 6),
    }
    cells.update({ref: formula for ref, (formula, _) in formulas.items()})
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in formulas} == {ref: want for ref, (_, want) in formulas.items()}


def test_lookups_with_an_array_of_lookup_values_answer_each_element(tmp_path: Path) -> None:
    """MATCH, VLOOKUP, XLOOKUP given several lookup values where Excel evaluates arrays (H3 g05, H2 F14): one answer
    per value, by the same rules as a lookup of one value (the engine: 0, #N/A or one value). LibreOffice gives the
    same MATCH, VLOOKUP, SUM(IF(..)), FREQUENCY and INDEX(MATCH) values."""
    cells: dict[str, object] = {"F1": "a", "F2": "c", "D1": "b", "D2": "a", "D3": "z"}
    for row, (customer, amount) in enumerate([("a", 10), ("b", None), ("a", 5), ("c", 7), ("d", "n/a"), ("b", 12)], 2):
        cells[f"A{row}"], cells[f"C{row}"] = customer, amount
    formulas = {
        "H1": ("=SUMPRODUCT(--ISNUMBER(MATCH(A2:A7,F1:F2,0)))", 3),
        "H2": ('=SUMPRODUCT(--ISNUMBER(MATCH(A2:A7,{"a","b"},0)))', 4),
        "H3": ("=SUMPRODUCT(--ISNA(MATCH(A2:A7,F1:F2,0)))", 3),
        "H4": ("=SUMPRODUCT(VLOOKUP(F1:F2,A2:C7,3,FALSE))", 17),
        "H5": ('=SUM(_xlfn.XLOOKUP({"a","c"},A2:A7,C2:C7))', 17),
        "H6": ('=SUMPRODUCT(_xlfn.XMATCH({"d","b"},A2:A7))', 5 + 2),
    }
    cells.update({ref: formula for ref, (formula, _) in formulas.items()})
    cells["H7"] = ArrayFormula("H7", "=SUM(IF(ISNUMBER(MATCH(A2:A7,F1:F2,0)),IFERROR(C2:C7*1,0)))")
    cells["H8"] = ArrayFormula("H8", "=SUM(--(FREQUENCY(MATCH(A2:A7,A2:A7,0),ROW(A2:A7)-ROW(A2)+1)>0))")
    cells["I1"] = ArrayFormula("I1:I3", "=INDEX(C2:C7,MATCH(D1:D3,A2:A7,0))")
    got = _recalculated(tmp_path, cells)
    assert {ref: got.get(ref) for ref in formulas} == {ref: want for ref, (_, want) in formulas.items()}
    assert (got["H7"], got["H8"]) == (22, 4)  # 10 + 5 + 7; four customers
    assert [got.get(f"I{r}") for r in (1, 2, 3)] == [0, 10, "#N/A"]  # b's first amount is blank
