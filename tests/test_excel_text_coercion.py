"""Text and number conversions of the embedded engine as Excel makes them (H7's fuzz findings f7-f14, f10).

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine
(``recalc_file``) and reads the stored values back; the expected values are Excel's.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalculated as _recalculated

from xl_retention.recalculation import recalc_file


def test_text_functions_read_a_number_as_general_text_with_15_digits(tmp_path: Path) -> None:
    # Excel turns a number given to a text function into the text the General format shows: at most 15
    # significant digits, scientific from 1E+15 ("=SUBSTITUTE(0.1+0.2,".",",")" is "0,3"); the engine's
    # built-ins wrote 17 digits ("0,30000000000000004"), so EXACT said FALSE and FIND found a "4".
    got = _recalculated(
        tmp_path,
        {
            "A1": 0.1,
            "A2": 0.2,
            "A3": "=A1+A2",
            "B1": '=SUBSTITUTE(A3,".",",")',
            "B2": "=TRIM(A3)",
            "B3": '=EXACT(A3,"0.3")',
            "B4": '=FIND("4",A3)',
            "B5": '=REPLACE(1/3,1,1,"x")',
            "B6": '=SUBSTITUTE(1E+20,"0","x")',
            "B7": "=TRIM(123456789012345678)",
            "B8": "=PROPER(A3)",
            "B9": "=CLEAN(A3)",
            "B10": '=SEARCH("4",A3)',
            "B11": '=_xlfn.TEXTBEFORE(A3,"3")',
            "B12": '=_xlfn.TEXTAFTER(A3,".")',
            "B13": "=_xlfn.VALUETOTEXT(A3)",
            "B14": "=_xlfn.ARRAYTOTEXT(A1:A3)",
            "B15": "=LENB(A3)",
            "B16": "=MIDB(A3,1,20)",
            "B17": '=FINDB("3",A3)',
            "B18": '=SEARCH(A3,"x0.3")',
            "B19": "=REPT(A3,2)",
            "B20": "=UPPER(2^70)",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 21)] == [
        "0,3",
        "0.3",
        True,
        "#VALUE!",
        "x.333333333333333",
        "1E+2x",
        "1.23456789012346E+17",
        "0.3",
        "0.3",
        "#VALUE!",
        "0.",
        "3",
        "0.3",
        "0.1, 0.2, 0.3",
        3,
        "0.3",
        3,
        2,
        "0.30.3",
        "1.18059162071741E+21",
    ]


def test_text_editing_and_searching_as_excel_documents_them(tmp_path: Path) -> None:
    # Microsoft's documentation of each function: SUBSTITUTE's instance_num, TRIM (spaces only), CLEAN (codes
    # 0-31), PROPER ("76BudGet" -> "76Budget"), FIND/SEARCH start_num (past the end: #VALUE!; an empty
    # find_text is found at start_num), SEARCH's wildcards, TEXTBEFORE/TEXTAFTER's instance_num, match_mode,
    # match_end and if_not_found, several delimiters; VALUETOTEXT/ARRAYTOTEXT format 1 quotes text.
    got = _recalculated(
        tmp_path,
        {
            "B1": '=SUBSTITUTE("aaa","a","b",2)',
            "B2": '=SUBSTITUTE("aaa","a","b",0)',
            "B3": '=TRIM("  a   b  ")',
            "B4": '=CLEAN("a"&CHAR(7)&"b")',
            "B5": '=PROPER("76BudGet 2-way")',
            "B6": '=FIND("b","abcb",3)',
            "B7": '=FIND("","abc",4)',
            "B8": '=FIND("c","abc",5)',
            "B9": '=SEARCH("B?","abc")',
            "B10": '=SEARCH("~*","a*c")',
            "B11": '=_xlfn.TEXTBEFORE("a-b-c","-",-1)',
            "B12": '=_xlfn.TEXTBEFORE("a-b-c","-",3,0,1)',
            "B13": '=_xlfn.TEXTBEFORE("a-B-c","b",1,1)',
            "B14": '=_xlfn.TEXTBEFORE("a-b-c",{"b","-"})',
            "B15": '=_xlfn.TEXTAFTER("a-b-c","x",1,0,0,"none")',
            "B16": '=_xlfn.TEXTAFTER("a-b-c","x")',
            "B17": '=_xlfn.TEXTBEFORE("a-b-c","-",0)',
            "B18": '=_xlfn.VALUETOTEXT("a",1)',
            "B19": "=_xlfn.VALUETOTEXT(1/0)",
            "B20": '=_xlfn.ARRAYTOTEXT({1,"a";TRUE,2},1)',
            "B21": "=_xlfn.VALUETOTEXT(1,2)",
            "B22": '=SUM(LEN(SUBSTITUTE({"1.5";"2.25"},".","")))',
            "B23": "=FIND(1/0,NA())",  # both arguments errors: find_text's is the answer (Excel-saved pycel text.xlsx)
            "B24": '=REPLACE("abc",0,1,NA())',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 25)] == [
        "aba",
        "#VALUE!",
        "a b",
        "ab",
        "76Budget 2-Way",
        4,
        4,
        "#VALUE!",
        2,
        2,
        "a-b",
        "a-b-c",
        "a-",
        "a",
        "none",
        "#N/A",
        "#VALUE!",
        '"a"',
        "#DIV/0!",
        '{1,"a";TRUE,2}',
        "#VALUE!",
        5,
        "#DIV/0!",
        "#N/A",
    ]


def test_textsplit_as_excel_documents_it(tmp_path: Path) -> None:
    # Microsoft's TEXTSPLIT: rows cut at row_delimiter, columns at col_delimiter (an array: any of them),
    # ignore_empty TRUE drops empty pieces, match_mode 1 ignores case, short rows padded with pad_with (default
    # #N/A); a number is split as its General text (TEXTSPLIT(0.1+0.2,".") is {"0","3"}; the engine split
    # "0.30000000000000004" and gave one row only for a row delimiter).
    got = _recalculated(
        tmp_path,
        {
            "A1": "=0.1+0.2",
            "B1": '=INDEX(_xlfn.TEXTSPLIT(A1,"."),1,2)',
            "B2": '=INDEX(_xlfn.TEXTSPLIT("a,b;c",",",";"),2,2)',
            "B3": '=INDEX(_xlfn.TEXTSPLIT("a,b;c",",",";",,,"-"),2,2)',
            "B4": '=COLUMNS(_xlfn.TEXTSPLIT("a,,b",",",,TRUE))',
            "B5": '=ROWS(_xlfn.TEXTSPLIT("a,B;c",,";"))',
            "B6": '=INDEX(_xlfn.TEXTSPLIT("aXbxc","x",,,1),1,3)',
            "B7": '=_xlfn.TEXTSPLIT(A1,",")',
            "B8": '=COLUMNS(_xlfn.TEXTSPLIT("a-b,c",{"-",","}))',
            "B9": '=ROWS(_xlfn.TEXTSPLIT("a;;b",",",";"))',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 10)] == ["3", "#N/A", "-", 2, 2, "c", "0.3", 3, 3]


def test_replace_past_the_end_appends(tmp_path: Path) -> None:
    # Excel's REPLACE is LEFT(old, start-1) & new & MID(old, start+n, ...): a start past the end appends new
    # (REPLACE("12",5,3,"Z") is "12Z"); the engine returned the old text. A start below 1 is #VALUE!.
    got = _recalculated(
        tmp_path,
        {
            "A1": "12",
            "B1": '=REPLACE(A1,5,3,"Z")',
            "B2": '=REPLACE("abc",10,1,"Z")',
            "B3": '=REPLACE("12",3,0,"Z")',
            "B4": '=REPLACE("abc",0,1,"x")',
            "B5": '=REPLACE("abcdef",2,3,"-")',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 6)] == ["12Z", "abcZ", "12Z", "#VALUE!", "a-ef"]


def test_text_groups_thousands_inside_zero_padding(tmp_path: Path) -> None:
    # Excel's number formats group every digit the 0 placeholders show, padding zeros included:
    # TEXT(12,"0,000") is "0,012" and TEXT(5,"00,000") "00,005" (the engine dropped the separator: "0012").
    # TEXT of a number too long for 28-digit decimals (1E+30) shows its 15 digits and zeros (was #VALUE!).
    got = _recalculated(
        tmp_path,
        {
            "B1": '=TEXT(12,"0,000")',
            "B2": '=TEXT(5,"00,000")',
            "B3": '=TEXT(1234,"0,000")',
            "B4": '=TEXT(12345678,"0,000")',
            "B5": '=TEXT(5,"0,000,000")',
            "B6": '=TEXT(0,"#,##0")',
            "B7": '=TEXT(0.5,"#,##0.00")',
            "B8": '=TEXT(1234567,"#,##0,")',
            "B9": '=TEXT(-1234.5,"#,##0.0_);(#,##0.0)")',
            "B10": '=TEXT(1E+30,"0.00")',
            "B11": '=TEXT(2^70,"#,##0")',
            # a # among the decimals shows nothing for a zero past the number's own digits, a 0 shows 0 (Excel saved
            # "890123.45678900" in pycel's text.xlsx)
            "B12": '=TEXT(890123.456789,"#.#####00#0")',
            "B13": '=TEXT(1.5,"0.#0")',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 14)] == [
        "0,012",
        "00,005",
        "1,234",
        "12,345,678",
        "0,000,005",
        "0",
        "0.50",
        "1,235",
        "(1,234.5)",
        "1000000000000000000000000000000.00",
        "1,180,591,620,717,410,000,000",
        "890123.45678900",
        "1.50",
    ]


def test_fixed_and_dollar_round_as_round_does_with_15_digits(tmp_path: Path) -> None:
    # Microsoft's FIXED/DOLLAR: the number is rounded to `decimals` as ROUND rounds it (ROUND(1.005,2) is 1.01:
    # Excel rounds the 15-digit value, halves away from zero) and numbers never show more than 15 significant
    # digits; decimals below 0 round left of the point (DOLLAR(-1234.567,-2) is "($1,200)", Microsoft's example),
    # above 127 is #VALUE!. The engine rounded the binary value ("1.00") and printed 22 digits of 2^70.
    got = _recalculated(
        tmp_path,
        {
            "A1": 1.005,
            "B1": "=FIXED(A1,2)",
            "B2": "=DOLLAR(A1,2)",
            "B3": "=FIXED(2^70,0)",
            "B4": "=FIXED(1234.567,-1)",
            "B5": "=FIXED(-1234.567,-1,TRUE)",
            "B6": "=FIXED(1234.567)",
            "B7": "=DOLLAR(-1234.567,-2)",
            "B8": "=FIXED(-0.001,2)",
            "B9": "=FIXED(1/3,20)",
            "B10": "=FIXED(1,128)",
            "B11": "=FIXED(-2.5,0)",
            "B12": '=FIXED("12.5",1)',
            "B13": "=DOLLAR(1234.567)",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 14)] == [
        "1.01",
        "$1.01",
        "1,180,591,620,717,410,000,000",
        "1,230",
        "-1230",
        "1,234.57",
        "($1,200)",
        "0.00",
        "0.33333333333333300000",
        "#VALUE!",
        "-3",
        "12.5",
        "$1,234.57",
    ]


def test_mode_tells_tiny_numbers_from_zero(tmp_path: Path) -> None:
    # Excel's MODE.SNGL returns the most frequently occurring value (the first of equally frequent ones; #N/A
    # when none repeats); 5E-17 is not 0 there, so MODE(5E-17,5E-17,0,0) is 5E-17. The engine counted numbers
    # within 1E-12 of each other as one value and answered 0. Numbers equal at 15 digits stay one value
    # (0.1+0.2 and 0.3), as the project's comparisons take them; text and logicals in a range are left out.
    got = _recalculated(
        tmp_path,
        {
            "A1": 5e-17,
            "A2": 0,
            "A3": 3,
            "A4": "x",
            "A5": 3,
            "A6": 5,
            "A7": 5,
            "A8": "=0.1+0.2",
            "A9": 0.3,
            "A10": True,
            "B1": "=MODE(A1,A1,A2,A2)",
            "B2": "=_xlfn.MODE.SNGL(A2,A1,A1,A2)",
            "B3": "=MODE(A3:A7)",
            "B4": "=SUM(_xlfn.MODE.MULT(A3:A7))",
            "B5": "=MODE(1,2,3)",
            "B6": "=MODE(A8:A10)",
            "B7": "=MODE({1,2,2,1})",
            "B8": "=MODE(1/0,1,1)",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 9)] == [5e-17, 0, 3, 8, "#N/A", 0.30000000000000004, 1, "#DIV/0!"]


def test_text_names_german_months_and_refuses_locales_it_cannot_name(tmp_path: Path) -> None:
    # Excel's TEXT with a locale tag shows that language's month and day names: TEXT(45658,"[$-407]mmmm") is
    # "Januar" (1 January 2025, a Wednesday: "Mi"); the engine gave "January". A language without names here
    # (Russian, [$-419]: French is named since, tests/test_recalc_text_locale_names.py) or a negative number under a
    # condition ([>3]) is not guessed: the cell is listed as unsupported, nothing written.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    cells = {
        "B1": '=TEXT(45658,"[$-407]mmmm")',
        "B2": '=TEXT(45658,"[$-de-DE]ddd, d. mmm yyyy")',
        "B3": '=TEXT(45658,"[$-409]mmmm")',
        "B4": '=TEXT(45658,"[$-407]dd.mm.yyyy")',
        "B5": '=TEXT(45658,"[$-419]mmmm")',
        "B6": '=TEXT(-5,"[>3]0;0.0")',  # a negative number under a condition
    }
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!B5", False), ("S!B6", False)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = [out[f"B{i}"].value for i in range(1, 7)]
    assert got == ["Januar", "Mi, 1. Jan 2025", "January", "01.01.2025", None, None]


def test_power_of_zero_as_excel(tmp_path: Path) -> None:
    # Microsoft's POWER/^: 0 to the power 0 is #NUM!, 0 to a negative power #DIV/0!, a negative number to a
    # fractional power #NUM!; the engine's POWER gave 1 and #NUM!. Arrays element by element.
    got = _recalculated(
        tmp_path,
        {
            "B1": "=POWER(0,0)",
            "B2": "=POWER(0,-1)",
            "B3": "=POWER(-8,1/3)",
            "B4": '=POWER("2",3)',
            "B5": "=SUM(POWER({1,2,3},2))",
            "B6": "=POWER(2,0.5)",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 7)] == ["#NUM!", "#DIV/0!", "#NUM!", 8, 14, 2**0.5]


def test_sumproduct_counts_only_numbers(tmp_path: Path) -> None:
    # Microsoft's SUMPRODUCT "treats array entries that are not numeric as if they were zeros" (hence the usual
    # --(...) idiom: SUMPRODUCT(C1:C4>1) is 0); arrays of different sizes are #VALUE!. SUMX2MY2 ignores pairs
    # holding text, logicals or blanks (only (5,2) here: 25-4). The engine counted TRUE and "5" (11, 22, 10).
    got = _recalculated(
        tmp_path,
        {
            "A1": True,
            "A2": "x",
            "A3": 5,
            "A4": "5",
            "B1": 2,
            "B2": 2,
            "B3": 2,
            "B4": 2,
            "D1": "=SUMPRODUCT(A1:A4)",
            "D2": "=SUMPRODUCT(A1:A4,B1:B4)",
            "D3": "=SUMX2MY2(A1:A4,B1:B4)",
            "D4": "=SUMPRODUCT(B1:B4>1)",
            "D5": "=SUMPRODUCT(--(B1:B4=2))",
            "D6": "=SUMPRODUCT((B1:B4>1)*B1:B4)",
            "D7": "=SUMPRODUCT(A1:A4,B1:B3)",
            "D8": "=SUMPRODUCT({1,2;3,4},{1,1;1,1})",
            "D9": "=SUMXMY2({1,2},{2,4})",
            "D10": "=SUMX2PY2({1,2},{2,4})",
            "D11": "=SUMX2MY2(A1:A4,B1:B3)",
        },
    )
    assert [got[f"D{i}"] for i in range(1, 12)] == [5, 10, 21, 0, 4, 8, "#VALUE!", 10, 5, 25, "#N/A"]
