"""Excel functions the embedded engine lacks or computes wrongly (xl_retention.recalculation.excel_functions).

Every expected value is one Microsoft Excel computed: from Excel-saved public test workbooks (pycel,
xlcalculator, ironcalc) or Excel's documentation examples, as the failing cases of issue 12 quote them.
Each test builds its own small workbook in tmp_path and recalculates it.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import formualizer as fz
import openpyxl
import pytest

from xl_retention.recalculation import excel_functions, recalc_file
from xl_retention.recalculation.excel_functions import FUNCTIONS, ExcelError
from xl_retention.recalculation.excel_functions.units import convert_units


def _compute(tmp_path: Path, formulas: dict[str, object], inputs: dict[str, object] | None = None) -> dict[str, object]:
    """Values of ``formulas`` (cell -> formula) on sheet S after formualizer evaluates them with our functions."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {**(inputs or {}), **formulas}.items():
        sheet[ref] = value
    path = tmp_path / "book.xlsx"
    book.save(path)
    workbook = fz.Workbook.load_path(str(path))
    excel_functions.register(workbook)
    workbook.evaluate_all()
    out = {}
    for ref in formulas:
        cell = sheet[ref]
        value = workbook.evaluate_cell("S", cell.row, cell.column)
        if isinstance(value, dict) and value.get("type") == "Error":
            value = excel_functions._core.error_code(value)
        out[ref] = value
    return out


def _close(got: object, want: float) -> bool:
    return isinstance(got, float) and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


# --- engineering -------------------------------------------------------------------------------------------------


def test_number_bases_as_excel(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {
            "B1": "=DEC2BIN(A1,4)",  # case 12: negative -> 10-digit two's complement, places ignored
            "B2": "=DEC2BIN(-25,1)",  # xlcalculator BASES.xlsx places!G27
            "B3": "=DEC2OCT(-25,1)",  # places!H27
            "B4": "=DEC2HEX(-25,10)",  # places!I30
            "B5": "=DEC2HEX(-25,0)",  # places!I26: places 0 is #NUM! even for a negative number
            "B6": '=DEC2HEX("E",0)',  # places checked before the number: #NUM!, not #VALUE!
            "B7": "=DEC2BIN(5,8)",
            "B8": "=DEC2BIN(512)",  # out of range
            "B9": '=BIN2DEC("1111111111")',
            "B10": '=HEX2DEC("FFFFFFFF5B")',
            "B11": '=BIN2HEX("1111111111")',
            "B12": "=BIN2OCT(A2)",  # a blank cell reads as 0
            "B13": '=BIN2DEC("102")',
            "B14": "=DEC2BIN(TRUE)",
            "B15": "=DEC2BIN(5,11)",
        },
        {"A1": -511},
    )
    assert got == {
        "B1": "1000000001",
        "B2": "1111100111",
        "B3": "7777777747",
        "B4": "FFFFFFFFE7",
        "B5": "#NUM!",
        "B6": "#NUM!",
        "B7": "00000101",
        "B8": "#NUM!",
        "B9": -1.0,
        "B10": -165.0,
        "B11": "FFFFFFFFFF",
        "B12": "0",
        "B13": "#NUM!",
        "B14": "#VALUE!",
        "B15": "#NUM!",
    }


def test_convert_metric_prefixes_and_time_units(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {"A1": '=CONVERT(1,"Mg","g")', "A2": '=CONVERT(1,"hr","mn")', "A3": '=CONVERT(1,"m","kg")'},
    )
    assert got == {"A1": 1000000.0, "A2": 60.0, "A3": "#N/A"}  # case 12; incompatible units are #N/A
    assert convert_units(100, "C", "F") == 212.0
    assert convert_units(1, "kibyte", "bit") == 8192.0
    with pytest.raises(ExcelError):
        convert_units(1, "furlong", "m")


# --- maths and matrices ------------------------------------------------------------------------------------------


def test_matrices_gcd_ceiling_floor(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {
            "D1": "=MDETERM(A1:B2)",  # case 09: -2
            "D2": "=SUM(MMULT(A1:B2,A1:B2))",  # case 09: 54
            "D3": "=D1+1",
            "D4": "=INDEX(MINVERSE(A1:B2),2,1)",  # [[-2, 1], [1.5, -0.5]]
            "D5": "=MMULT(A1:B2,A1:A1)",  # 2 columns x 1 row: #VALUE!
            "D6": "=GCD(0,63,15.7)",  # case 12: 3
            "D7": "=CEILING(-2.5,-2)",  # xlcalculator CEILING.xlsx A3: -4
            "D8": "=CEILING(2,0)",  # A8: 0
            "D9": "=CEILING(2,-2)",  # A9: #NUM!
            "D10": "=FLOOR(-2.5,-2)",
            "D11": "=MINVERSE(A3:B4)",
            "D12": "=GCD(-1,2)",
        },
        {"A1": 1, "B1": 2, "A2": 3, "B2": 4, "A3": 1, "B3": 2, "A4": 2, "B4": 4},
    )
    assert got == {
        "D1": -2.0,
        "D2": 54.0,
        "D3": -1.0,
        "D4": 1.5,
        "D5": "#VALUE!",
        "D6": 3.0,
        "D7": -4.0,
        "D8": 0.0,
        "D9": "#NUM!",
        "D10": -2.0,
        "D11": "#NUM!",
        "D12": "#NUM!",
    }


def test_iseven_isodd_read_blank_and_text_but_refuse_logicals(tmp_path: Path) -> None:
    # pycel information.xlsx: ISEVEN(blank) TRUE, ISEVEN("1") FALSE, ISODD("-1") TRUE, ISEVEN(TRUE) #VALUE!
    got = _compute(
        tmp_path,
        {"B1": "=ISEVEN(A1)", "B2": "=ISEVEN(A2)", "B3": "=ISODD(A3)", "B4": "=ISEVEN(A4)", "B5": "=ISODD(A5)"},
        {"A2": "1", "A3": "-1", "A4": True, "A5": 2.5},
    )
    assert got == {"B1": True, "B2": False, "B3": True, "B4": "#VALUE!", "B5": False}


# --- financial ---------------------------------------------------------------------------------------------------


def test_vdb_as_excel(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {
            "A1": "=VDB(2400,300,10,0,1)",  # case 09: 480
            "A2": "=VDB(575000,5000,10,0,1,1.5)",  # xlcalculator VDB.xlsx F7
            "A3": "=VDB(575000,5000,10,1,2,1.5)",  # F8
            "A4": "=VDB(575000,5000,10,3,5,1.5,FALSE)",  # K7
            "A5": "=VDB(1,0,14,0,0.5,1.25,FALSE)",  # D23
            "A6": "=VDB(1,0,14,13,14,1.25,FALSE)",  # F24
            "A7": "=VDB(2400,300,10,2,1)",  # end before start
            "A8": "=VDB(1,0,14,2.5,3.5,1.25,FALSE)",  # D26: fractional periods on Excel's shifted grid
            "A9": "=VDB(1,0,14,11.5,12.5,1.25,FALSE)",  # F27
            "A10": "=VDB(1,0,14,13.5,14,1.25,FALSE)",  # F23
        },
    )
    assert got["A7"] == "#NUM!"
    for ref, want in {
        "A1": 480.0,
        "A2": 86250.0,
        "A3": 73312.5,
        "A4": 102160.546875,
        "A5": 0.044642857142857144,
        "A6": 0.06866789938377948,
        "A8": 0.07074765193864536,
        "A9": 0.06872629045468406,
        "A10": 0.03436314522734203,
    }.items():
        assert _close(got[ref], want), (ref, got[ref], want)


def test_coupon_functions(tmp_path: Path) -> None:
    # Excel's documentation examples: settlement 25 Jan 2011 (2007 for COUPNUM), maturity 15 Nov, semiannual, actual
    got = _compute(
        tmp_path,
        {
            "A1": "=COUPNUM(DATE(2007,1,25),DATE(2008,11,15),2,1)",  # case 09: 4
            "A2": "=COUPDAYS(DATE(2011,1,25),DATE(2011,11,15),2,1)",  # 181
            "A3": "=COUPDAYBS(DATE(2011,1,25),DATE(2011,11,15),2,1)",  # 71
            "A4": "=COUPDAYSNC(DATE(2011,1,25),DATE(2011,11,15),2,1)",  # 110
            "A5": "=COUPNCD(DATE(2011,1,25),DATE(2011,11,15),2,1)",  # 15 May 2011 = 40678
            "A6": "=COUPPCD(DATE(2011,1,25),DATE(2011,11,15),2,1)",  # 15 Nov 2010 = 40497
            "A7": "=COUPNUM(DATE(2011,1,25),DATE(2011,11,15),3,1)",  # frequency 3: #NUM!
        },
    )
    assert got == {"A1": 4.0, "A2": 181.0, "A3": 71.0, "A4": 110.0, "A5": 40678.0, "A6": 40497.0, "A7": "#NUM!"}


def test_ipmt_ppmt_with_payments_at_period_start(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {
            "C2": "=IPMT(0.1,3,3,8000,0,1)",  # case 12 / ironcalc IPMT_PPMT.xlsx Sheet1!G3
            "C3": "=IPMT(0.1,1,3,8000,0,1)",  # no interest before the first payment
            "C4": "=PPMT(0.1,3,3,8000,0,1)",
            "C5": "=IPMT(0.1,4,3,8000)",  # period past nper
        },
    )
    assert _close(got["C2"], -265.86102719033238)
    assert got["C3"] == 0.0
    assert _close(got["C4"], -2924.471299093653 + 265.86102719033238)
    assert got["C5"] == "#NUM!"


# --- dates -------------------------------------------------------------------------------------------------------


def test_edate_eomonth_refuse_logicals(tmp_path: Path) -> None:
    # pycel date-time.xlsx: EDATE(366, FALSE) and EOMONTH(FALSE, ...) are #VALUE!, a negative date #NUM!
    got = _compute(
        tmp_path,
        {
            "B1": "=EDATE(A1,A2)",
            "B2": "=EOMONTH(A1,A2)",
            "B3": "=EDATE(A2,1)",
            "B4": "=EDATE(-1,1)",
            "B5": "=EDATE(A1,1)",
            "B6": "=EOMONTH(A1,1)",
            "B7": "=EDATE(DATE(2024,1,31),1)",
        },
        {"A1": 366, "A2": False},
    )
    assert got == {
        "B1": "#VALUE!",
        "B2": "#VALUE!",
        "B3": "#VALUE!",
        "B4": "#NUM!",
        "B5": 397.0,
        "B6": 397.0,  # 31 Jan 1901
        "B7": 45351.0,  # 29 Feb 2024
    }


def test_yearfrac_checks_basis_first(tmp_path: Path) -> None:
    # pycel yearfrac.xlsx, sheet YEARFRAC: rows J4 (basis 0), J5 (basis 4), J6 (basis 5), J3 (-1), J8/J9 (text, TRUE)
    got = _compute(
        tmp_path,
        {
            "B1": "=YEARFRAC(1,200,0)",
            "B2": "=YEARFRAC(0,200,0)",
            "B3": "=YEARFRAC(2958465,200,0)",
            "B4": "=YEARFRAC(2958465,200,4)",
            "B5": "=YEARFRAC(1,200,5)",
            "B6": "=YEARFRAC(A1,200,-1)",  # the basis is checked before the error in the start date
            "B7": '=YEARFRAC(1,200,"plugh")',
            "B8": "=YEARFRAC(1,200,TRUE)",
            "B9": "=YEARFRAC(A1,200,0)",
            "B10": "=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),1)",
        },
        {"A1": "=1/0"},
    )
    assert got["B1"] == pytest.approx(0.5472222222222223, rel=1e-12)
    assert got["B2"] == pytest.approx(0.55, rel=1e-12)
    assert got["B3"] == pytest.approx(8099.452777777778, rel=1e-12)
    assert got["B4"] == pytest.approx(8099.45, rel=1e-12)
    assert got["B10"] == pytest.approx(0.57650273224043713, rel=1e-12)  # Excel's documentation example
    assert [got[f"B{i}"] for i in range(5, 10)] == ["#NUM!", "#NUM!", "#VALUE!", "#VALUE!", "#DIV/0!"]


# --- text and statistics -----------------------------------------------------------------------------------------


def test_regextest_and_prob(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {
            "A1": '=_xlfn.REGEXTEST("abc123","[0-9]+")',  # case 09: TRUE (Excel writes the _xlfn. prefix)
            "A2": '=REGEXTEST("abc","[0-9]+")',
            "A3": '=REGEXTEST("ABC","abc",1)',
            "A4": "=PROB({0,1,2,3},{0.2,0.3,0.1,0.4},2)",  # Excel's documentation: 0.1
            "A5": "=PROB({0,1,2,3},{0.2,0.3,0.1,0.4},1,3)",  # 0.8
            "A6": "=PROB({0,1},{0.2,0.3},1)",  # probabilities do not sum to 1
        },
    )
    assert got["A1"] is True and got["A2"] is False and got["A3"] is True
    assert _close(got["A4"], 0.1) and _close(got["A5"], 0.8)
    assert got["A6"] == "#NUM!"


def test_every_function_is_registered_under_its_xlfn_name_too(tmp_path: Path) -> None:
    workbook = fz.Workbook()
    excel_functions.register(workbook)
    workbook.sheet("S").set_formula(1, 1, "=_xlfn.VDB(2400,300,10,0,1)")
    workbook.sheet("S").set_formula(1, 2, "=DEC2BIN(-511,4)")
    assert workbook.evaluate_cell("S", 1, 1) == 480.0
    assert workbook.evaluate_cell("S", 1, 2) == "1000000001"
    assert {"VDB", "DEC2BIN", "MMULT", "YEARFRAC", "EDATE", "IPMT"} <= set(FUNCTIONS)


def test_date_functions_read_and_give_1904_serials_in_1904_workbooks() -> None:
    calls: dict[str, object] = {}

    class Recorder:
        def register_function(self, name: str, call: object, *args: object, **kwargs: object) -> None:
            calls[name] = call

    excel_functions.register(Recorder(), date1904=True)
    assert "VDB" in calls and "_xlfn.VDB" in calls
    # dates.in_1904: 43844 is 15 January 2024 in the 1904 system; before 1 January 1904 is #NUM!
    assert calls["EDATE"](43844.0, 1.0) == 43875.0  # type: ignore[operator]
    assert calls["EOMONTH"]("2024-01-15", 0.0) == 43860.0  # type: ignore[operator]
    assert calls["DATE"](1902.0, 8.0, 12.0) == {"type": "Error", "kind": "#NUM!"}  # type: ignore[operator]
    assert calls["COUPNUM"](43844.0, 44209.0, 2.0) == 2.0  # type: ignore[operator]


# --- through the recalculation the user runs ---------------------------------------------------------------------


def test_recalc_writes_excels_values_for_the_case_workbooks(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["A2"], sheet["B2"] = 1, 2, 3, 4
    formulas = {
        "D1": "=MDETERM(A1:B2)",
        "D2": "=VDB(2400,300,10,0,1)",
        "D3": "=COUPNUM(DATE(2007,1,25),DATE(2008,11,15),2,1)",
        "D4": "=SUM(MMULT(A1:B2,A1:B2))",
        "D5": '=_xlfn.REGEXTEST("abc123","[0-9]+")',
        "D6": "=D1+1",
        "E1": "=DEC2BIN(-511,4)",
        "E2": '=CONVERT(1,"Mg","g")',
        "E3": '=CONVERT(1,"hr","mn")',
        "E4": "=GCD(0,63,15.7)",
        "E5": "=IPMT(0.1,3,3,8000,0,1)",
        "E6": "=EDATE(DATE(2024,1,31),1)",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "functions.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "functions.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    got = {ref: values[ref].value for ref in formulas}
    assert got["E6"] in (45351, dt.datetime(2024, 2, 29))
    assert _close(float(got.pop("E5")), -265.86102719033238)
    got.pop("E6")
    assert got == {
        "D1": -2,
        "D2": 480,
        "D3": 4,
        "D4": 54,
        "D5": True,
        "D6": -1,
        "E1": "1000000001",
        "E2": 1000000,
        "E3": 60,
        "E4": 3,
    }


def test_pv_pmt_nper_read_numeric_text_as_excel(tmp_path: Path) -> None:
    # pycel pv.xlsx, sheet PV: rows 19-24 (blank arguments read as 0) and 40 (the number of periods as text "5")
    got = _compute(
        tmp_path,
        {
            "A19": "=PV(B19,C19,D19,E19,F19)",
            "A21": "=PV(B21,C21,D21,E21,F21)",
            "A22": "=PV(B22,C22,D22,E22,F22)",
            "A23": "=PV(B23,C23,D23,E23,F23)",
            "A24": "=PV(B24,C24,D24,E24,F24)",
            "A40": "=PV(B40,C40,D40,E40,F40)",
            "A41": "=PMT(0.1,3,8000,0,1)",
            "A42": "=NPER(0,-100,1000)",
            "A43": "=PMT(0.05,0,500)",
        },
        {
            **dict(zip(["C19", "D19", "E19", "F19"], [5, 500, 1000, 1], strict=True)),
            **dict(zip(["B21", "C21", "E21", "F21"], [0.05, 5, 1000, 1], strict=True)),
            **dict(zip(["B22", "C22", "D22", "F22"], [0.05, 5, 500, 1], strict=True)),
            **dict(zip(["B23", "C23", "D23", "E23"], [0.05, 5, 500, 1000], strict=True)),
            **dict(zip(["B24", "C24", "D24", "E24", "F24"], ["a", 5, 500, 1000, 1], strict=True)),
            **dict(zip(["B40", "C40", "D40", "E40", "F40"], [0.05, "5", 500, 1000, 1], strict=True)),
        },
    )
    for ref, want in {
        "A19": -3500.0,
        "A21": -783.526166468459,
        "A22": -2272.975252081181,
        "A23": -2948.2645017838695,
        "A40": -3056.50141854964,
        "A41": -2924.471299093653,  # case 12's payment
        "A42": 10.0,
    }.items():
        assert _close(got[ref], want), (ref, got[ref], want)
    assert got["A24"] == "#VALUE!" and got["A43"] == "#NUM!"


def test_text_number_formats_as_excel(tmp_path: Path) -> None:
    # (value, format, Excel's result): pycel text.xlsx sheets TextNumbers and TextDates, and the examples of
    # Excel's TEXT documentation (rows marked doc)
    cases = [
        (1234567.89, '#,#"ZZ"#.0"YY"00', "1,234,56ZZ7.8YY90"),
        (-1.0, "w;x;z@", "x"),
        (0.0, "w;x;z", "z"),
        (-1.0, "w;x@", "-w"),
        (890123.456789, "#.###.##.#", "890123.456.78.9"),
        (890123.456789, "#,###.##.##", "890,123.45.68"),
        (890123.456789, "#,0x#.00.0", "890,12x3.45.7"),
        (890123.456789, "#%#", "8901234%6"),
        (890123.456789, "#.#%", "89012345.7%"),
        (1.0, "#.##", "1."),
        ("1.001", "#.##", "1."),
        (1234.56, "$x*y#,##0* ", "$x1,235"),
        (1234.56, ".##0", "1234.560"),
        (-1.0, '##.00;##.0;"ZERO";->@<-', "1.0"),
        ("2007-02-03 19:08:07.0123", "[h]", "938803"),
        ("23:99", "#.#####", "1.02708"),
        ("24:99", "#.#####", "24:99"),
        (0.0, "[h]:m", "0:0"),
        (1234.567, "$#,##0.00", "$1,234.57"),  # doc
        (0.285, "0.0%", "28.5%"),  # doc
        (4.34, "# ?/?", "4 1/3"),  # doc
        (12200000, "0.00E+00", "1.22E+07"),  # doc
        (1234, "0000000", "0001234"),  # doc
        (12.0, "@", "12"),  # a number through the text placeholder
    ]
    inputs = {f"A{i}": value for i, (value, _, _) in enumerate(cases, start=1)}
    inputs.update({f"B{i}": fmt for i, (_, fmt, _) in enumerate(cases, start=1)})
    got = _compute(tmp_path, {f"C{i}": f"=TEXT(A{i},B{i})" for i in range(1, len(cases) + 1)}, inputs)
    assert [got[f"C{i}"] for i in range(1, len(cases) + 1)] == [want for _, _, want in cases]
    errors = _compute(
        tmp_path,
        {"C1": "=TEXT(-1,B1)", "C2": "=TEXT(A2,B2)", "C3": "=TEXT(1/0,B1)", "C4": '=TEXT("X",B4)'},
        # a negative time; a date code among digit placeholders; @ in the zero section of four (pycel TextDates!C9)
        {"B1": "[h]:m", "B2": '#,#"ZZ"#.0Y00', "B4": ';-  ##.0;"ZERO"@;"X"'},
    )
    assert errors == {"C1": "#VALUE!", "C2": "#VALUE!", "C3": "#DIV/0!", "C4": "#VALUE!"}


def test_text_slicing_reads_logicals_and_numbers_as_excel(tmp_path: Path) -> None:
    # pycel text.xlsx All!E17/J17: LEFT(TRUE, 2) = "TR", RIGHT(TRUE, 2) = "UE"
    got = _compute(
        tmp_path,
        {
            "B1": "=LEFT(A1,2)",
            "B2": "=RIGHT(A1,2)",
            "B3": "=REPT(A1,2)",
            "B4": "=LEFT(A2,20)",
            "B5": "=MID(A3,0,1)",
            "B6": "=SUM(LEN(A3:A4))",
            "B7": "=LEFT(A3)",
        },
        {"A1": True, "A2": "=1/3", "A3": "abc", "A4": "de"},
    )
    assert got == {
        "B1": "TR",
        "B2": "UE",
        "B3": "TRUETRUE",
        "B4": "0.333333333333333",
        "B5": "#VALUE!",
        "B6": 5.0,
        "B7": "a",
    }


def test_hour_minute_second_read_times_typed_as_text(tmp_path: Path) -> None:
    # pycel date-time.xlsx rows 14, 16, 21 over row 2: "1:23", "1:00:00 AM", "12:59:59 AM", "12:59:59"
    inputs = {"A1": "1:23", "A2": "1:00:00 AM", "A3": "12:59:59 AM", "A4": "12:59:59", "A5": "plugh"}
    formulas = {f"{fn[0]}{r}": f"={fn}(A{r})" for fn in ("HOUR", "MINUTE", "SECOND") for r in range(1, 6)}
    got = _compute(tmp_path, formulas, inputs)
    assert [got[f"H{r}"] for r in range(1, 6)] == [1.0, 1.0, 0.0, 12.0, "#VALUE!"]
    assert [got[f"M{r}"] for r in range(1, 5)] == [23.0, 0.0, 59.0, 59.0]
    assert [got[f"S{r}"] for r in range(1, 5)] == [0.0, 0.0, 59.0, 59.0]


def test_date_out_of_excels_range_is_num_error(tmp_path: Path) -> None:
    # xlcalculator DATE.xlsx A12:A14: a date before 1900-01-00 or after 9999-12-31 is #NUM!, where the engine
    # returned -1, 2958466 and -694325
    got = _compute(
        tmp_path,
        {
            "A1": "=DATE(1900,1,-1)",
            "A2": "=DATE(10000,1,1)",
            "A3": "=DATE(-1,1,1)",
            "A4": "=DATE(2024,1,1)",
            "A5": "=DATE(1900,2,29)",  # Excel's fictitious day
            "A6": "=DATE(2023,14,1)",
            "A7": "=DATE(99,1,1)",
        },
    )
    assert got == {
        "A1": "#NUM!",
        "A2": "#NUM!",
        "A3": "#NUM!",
        "A4": 45292.0,
        "A5": 60.0,
        "A6": 45323.0,
        "A7": 36161.0,
    }


def test_concat_concatenate_textjoin_write_numbers_as_excel(tmp_path: Path) -> None:
    got = _compute(
        tmp_path,
        {
            "C1": '=CONCATENATE(A1,"x")',
            "C2": "=_xlfn.CONCAT(A1:A4)",
            "C3": '=_xlfn.TEXTJOIN(",",TRUE,A1:A5)',
            "C4": '=_xlfn.TEXTJOIN(",",FALSE,A1:A5)',
            "C5": "=_xlfn.CONCAT(A1,1/0)",
        },
        {"A1": "=1/3", "A2": True, "A3": "a", "A4": "b"},
    )
    assert got == {
        "C1": "0.333333333333333x",
        "C2": "0.333333333333333TRUEab",
        "C3": "0.333333333333333,TRUE,a,b",
        "C4": "0.333333333333333,TRUE,a,b,",
        "C5": "#DIV/0!",
    }


def test_ceiling_and_floor_math_precise_as_excel(tmp_path: Path) -> None:
    # Excel's documentation examples of CEILING.MATH, FLOOR.MATH, CEILING.PRECISE, FLOOR.PRECISE, ISO.CEILING
    got = _compute(
        tmp_path,
        {
            "A1": "=_xlfn.CEILING.MATH(24.3,5)",
            "A2": "=_xlfn.CEILING.MATH(-8.1,2,-1)",
            "A3": "=_xlfn.FLOOR.MATH(24.3,5)",
            "A4": "=_xlfn.FLOOR.MATH(-5.5,2,-1)",
            "A5": "=_xlfn.CEILING.PRECISE(-4.1,-2)",
            "A6": "=_xlfn.FLOOR.PRECISE(-3.2,-1)",
            "A7": "=ISO.CEILING(4.3,2)",
            "A8": "=_xlfn.CEILING.MATH(0.1+0.2,0.1)",  # 0.3 / 0.1 is 3 at Excel's 15 digits: 0.3, not 0.4
            "A9": "=CEILING(0.3,0.1)",
        },
    )
    assert [got[f"A{i}"] for i in range(1, 10)] == [25.0, -10.0, 20.0, -4.0, -4.0, -4.0, 6.0, 0.3, 0.3]


def test_dates_typed_as_text_are_read_as_excel_reads_them(tmp_path: Path) -> None:
    # Excel (en-US) reads "2024-01-31", "1/31/2024" and "Jan 31, 2024" as dates in EDATE/EOMONTH/YEARFRAC;
    # "31/01/2024" is no date there (#VALUE!), the engine's value; recalc lists a cell reading it as locale, a
    # day-first Excel's date (tests/test_recalc_locale_value_errors.py). The engine refused every text date.
    got = _compute(
        tmp_path,
        {
            "B1": "=EDATE(A1,1)",
            "B2": "=EDATE(A2,1)",
            "B3": "=EOMONTH(A3,0)",
            "B4": "=EDATE(A4,1)",
            "B5": "=YEARFRAC(A1,A2)",
        },
        {"A1": "2024-01-31", "A2": "1/31/2024", "A3": "Jan 31, 2024", "A4": "31/01/2024"},
    )
    assert got == {"B1": 45351.0, "B2": 45351.0, "B3": 45322.0, "B4": "#VALUE!", "B5": 0.0}
