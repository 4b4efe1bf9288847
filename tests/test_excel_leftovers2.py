"""Values the embedded engine wrote while reporting status ok, where Excel gives another (H7's and H2's fuzz findings).

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine
(``recalc_file``) and reads the stored values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula
from test_excel_text_coercion import _recalculated  # the values of sheet S after recalculating ``cells``

from xl_retention.recalculation import recalc_file


def test_aggregates_read_text_given_by_an_expression_as_typed_text(tmp_path: Path) -> None:
    # Microsoft's MAX/MIN/AVERAGE/SUM/COUNT/MAXA pages: "Logical values and text representations of numbers that you
    # type directly into the list of arguments are counted"; "If an argument is an array or reference, only numbers
    # in that array or reference are used"; "text that cannot be translated into numbers cause errors" (COUNT: "are
    # not counted"). Text given by an expression (TEXT, TRIM, &, IF of constants) is such a value, not a reference.
    # The engine left it out: MAX(TEXT(45294,"yyyy-mm-dd"),0.025) was 0.025 and MAX(UPPER("abc"),1) was 1.
    got = _recalculated(
        tmp_path,
        {
            "A1": "abc",
            "A2": "5",
            "A3": "2024-01-03",
            "A4": 2,
            "B1": '=MAX(TEXT(45294,"yyyy-mm-dd"),0.025)',
            "B2": '=MIN(TEXT(45294,"yyyy-mm-dd"),99999)',
            "B3": '=AVERAGE(TRIM(" 2024-01-03 "),1)',
            "B4": '=MAX(TEXT(1234.5,"#,##0.00"),0)',
            "B5": '=MAX(UPPER("abc"),1)',
            "B6": '=COUNT("2024-01-03")',
            "B7": "=SUM(TRIM(A3),1)",
            "B8": '=PRODUCT(TRIM(" 1,000 "),2)',
            "B9": '=MEDIAN(TRIM("1,000"),1)',
            "B10": '=MAX(A1&"",1)',
            "B11": '=MAX(A2&"",1)',
            "B12": '=COUNT(TRIM(A3),A3,"x",TEXT(1,"0%"),UPPER("x"))',
            "B13": '=MAXA("x",-1)',
            "B14": '=MINA(TRIM("2"),5)',
            "B15": '=AVERAGE(IF(A4>1,"x","y"),1)',
            "B16": '=STDEV(TRIM("1"),3)',
            "B17": '=MODE("x",1,1)',
            "B18": '=SUMSQ(TEXT(2,"0.0"),"3")',
            # references and arrays still leave text out
            "C1": "=MAX(A1:A4)",
            "C2": "=SUM(A1,A2,A3,A4)",
            "C3": '=MAX({1,"7"},2)',
            "C4": "=COUNT(A1:A4)",
            "C5": "=MAX(INDEX(A1:A3,2),1)",
            "C6": "=AVERAGE(A2:A4)",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 19)] == [
        45294,
        45294,
        22647.5,
        1234.5,
        "#VALUE!",
        1,
        45295,
        2000,
        500.5,
        "#VALUE!",
        5,
        2,
        "#VALUE!",
        2,
        "#VALUE!",
        2**0.5,
        "#VALUE!",
        13,
    ]
    assert [got[f"C{i}"] for i in range(1, 7)] == [2, 2, 2, 1, 1, 2]


def test_text_is_compared_in_excels_order_with_accents_beside_their_letter(tmp_path: Path) -> None:
    # Microsoft's "Default sort orders": text compares character by character, case-insensitively, in the order
    # 0-9, space, punctuation, A-Z; apostrophes and hyphens are ignored, except that of two texts the same but for a
    # hyphen the one with it comes last. With the locale's collation an accented letter sorts with its base letter
    # ("é" after "e", before "f"), in comparisons, criteria, approximate lookups and SORT alike. The engine compared
    # code points after folding ASCII letters only: "Émilie"<"M" was FALSE, COUNTIF "<M" missed it, "É"="é" FALSE.
    got = _recalculated(
        tmp_path,
        {
            "A1": "Émilie",
            "A2": "Zoe",
            "A3": "Ärzte GmbH",
            "A4": "Bob",
            "B1": 1,
            "B2": 2,
            "B3": 4,
            "B4": 8,
            "C1": "apple",
            "C2": "Banana",
            "C3": "éclair",
            "C4": "fig",
            "D1": '=IF(A1<"M","A-L","M-Z")',
            "D2": '=COUNTIF(A1:A4,"<M")',
            "D3": '="é"<"f"',
            "D4": "=A3<A4",
            "D5": '="apple"<"Banana"',
            "D6": '="É"="é"',
            "D7": '="e"="é"',
            "D8": '=SUMIF(A1:A4,"<M",B1:B4)',
            "D9": '=COUNTIF(A1:A4,"émilie")',
            "D10": '=SUMIFS(B1:B4,A1:A4,">=C",A1:A4,"<>zoe")',
            "D11": '=MATCH("é",C1:C4,1)',
            "D12": '=VLOOKUP("ea",C1:C4,1)',
            "D13": '=LOOKUP("f",C1:C4)',
            "D14": '=_xlfn.TEXTJOIN(",",TRUE,_xlfn._xlws.SORT(C1:C4))',
            "D15": '=_xlfn.TEXTJOIN(",",TRUE,_xlfn.SORTBY(B1:B4,C1:C4,-1))',
            "D16": '="co-op">"coop"',
            "D17": '="co-op"<"copa"',
            "D18": "=A1>A2",
            "D19": '=COUNTIF(A1:A4,"<5")',
            "D20": '=A1>""',
        },
    )
    assert [got[f"D{i}"] for i in range(1, 21)] == [
        "A-L",
        3,
        True,
        True,
        True,
        True,
        False,
        13,
        1,
        1,
        2,
        "Banana",
        "éclair",
        "apple,Banana,éclair,fig",
        "8,4,2,1",
        True,
        True,
        False,
        0,
        True,
    ]


def test_the_power_operator_gives_excels_errors_for_a_zero_base(tmp_path: Path) -> None:
    # Microsoft's POWER page and ECMA-376 (the ^ operator, POWER): 0^0 is #NUM!, 0 to a negative power #DIV/0!, a
    # negative base to a fractional power #NUM!; "Calculation operators and precedence": negation (-) comes before
    # exponentiation (^), so -2^2 is 4, and operators of equal precedence go left to right (2^3^2 is 64). The
    # engine's ^ gave 1 for 0^0 and #NUM! for 0^-1 (POWER was already right). Arrays element by element.
    got = _recalculated(
        tmp_path,
        {
            "A1": 0,
            "A2": -8,
            "A3": 2,
            "B1": "=0^0",
            "B2": "=0^-1",
            "B3": "=(-8)^(1/3)",
            "B4": "=-2^2",
            "B5": "=A1^0",
            "B6": "=A1^-A3",
            "B7": "=A2^(1/3)",
            "B8": "=2^3^2",
            "B9": "=SUM(IFERROR({0,1,2}^0,10))",
            "B10": "=-A2^2",
            "B11": "=0^0.5",
            "B12": "=A3^A1+1",
            "B13": "=A1^A1*2",
            "B14": "=A3^-1",
        },
    )
    assert [got[f"B{i}"] for i in range(1, 15)] == [
        "#NUM!",
        "#DIV/0!",
        "#NUM!",
        4,
        "#NUM!",
        "#DIV/0!",
        "#NUM!",
        64,
        12,
        64,
        0,
        2,
        "#NUM!",
        0.5,
    ]


def test_criteria_functions_give_one_answer_per_criterion_of_an_array(tmp_path: Path) -> None:
    # Microsoft's COUNTIFS/SUMIFS pages take criteria as a value; given an array of criteria Excel evaluates the call
    # once per element (the usual OR idiom SUM(COUNTIFS(range,{"a","b"})) and the count per month with
    # ">="&F1:F3): arrays of one row and one column cross, as in any array operation. The engine answered 0.
    got = _recalculated(
        tmp_path,
        {
            "A1": "a",
            "A2": "b",
            "A3": "a",
            "A4": "c",
            "A5": "b",
            "B1": 1,
            "B2": 2,
            "B3": 3,
            "B4": 4,
            "B5": 5,
            "C1": 2,
            "C2": 4,
            "D1": '=SUM(COUNTIFS(A1:A5,{"a","b"}))',
            "D2": '=SUM(SUMIFS(B1:B5,A1:A5,{"a","b"}))',
            "D3": '=SUM(_xlfn.MAXIFS(B1:B5,A1:A5,{"a","b"}))',
            "D4": '=SUM(_xlfn.MINIFS(B1:B5,A1:A5,{"a","b"}))',
            "D5": '=SUM(AVERAGEIFS(B1:B5,A1:A5,{"a","b"}))',
            "D6": '=SUM(AVERAGEIF(A1:A5,{"a","c"},B1:B5))',
            "D7": '=SUM(COUNTIFS(A1:A5,{"a";"b"},B1:B5,{">1",">3"}))',
            "D8": '=SUMPRODUCT(COUNTIFS(B1:B5,">="&C1:C2))',
            "D9": '=SUMPRODUCT(COUNTIFS(A1:A5,"b",B1:B5,"<"&C1:C2))',
            "D10": '=COUNTIFS(A1:A5,"a",B1:B5,">1")',
        },
    )
    assert [got[f"D{i}"] for i in range(1, 11)] == [4, 11, 8, 3, 5.5, 6, 4, 6, 1, 1]


def test_index_of_an_error_value_gives_that_error(tmp_path: Path) -> None:
    # Excel's INDEX passes an error given as its array on (ECMA-376: an error argument is the result); the engine
    # answered #REF! (the template's INDEX(NPS_BREAKDOWN(scores),1,4) showed #REF! where the breakdown is #VALUE!).
    got = _recalculated(
        tmp_path,
        {
            "A1": "9",
            "A2": 10,
            "A3": 7,
            "B1": "=INDEX(1/0,1,4)",
            "B2": "=INDEX(NA(),2,1)",
            "B3": "=INDEX(NPS_BREAKDOWN(A1:A2),1,4)",
            "B4": "=INDEX(NPS_BREAKDOWN(A2:A3),1,4)",
            "B5": "=INDEX({1,2;3,4},2,1)",
            "B6": "=INDEX(A2:A3*2,2,1)",
            "B7": '=IFERROR(INDEX(1/0,1,1),"none")',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 8)] == ["#DIV/0!", "#N/A", "#VALUE!", 2, 3, 14, "none"]


def test_isformula_and_formulatext_read_the_file_and_refuse_what_they_cannot(tmp_path: Path) -> None:
    # Microsoft's ISFORMULA: TRUE when the referenced cell contains a formula; FORMULATEXT: the formula as a string,
    # #N/A for a cell without one. The engine said FALSE and printed its own parse ("=B1 * 2"). A use that cannot be
    # read from the file (FORMULATEXT of a cell of an array formula) is reported, not given a value.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    other = book.create_sheet("T")
    other["A1"] = "=_xlfn.XLOOKUP(2,{1,2},{10,20})"
    cells = {
        "B1": 21,
        "J1": "=B1*2",
        "C1": "=_xlfn.FORMULATEXT(J1)",
        "C2": "=_xlfn.ISFORMULA(J1)",
        "C3": "=_xlfn.ISFORMULA(B1)",
        "C4": "=_xlfn.FORMULATEXT(B1)",
        "C5": "=_xlfn.FORMULATEXT(T!A1)",
        "C6": "=_xlfn.ISFORMULA(T!B9)",
        "C7": "=_xlfn.ISFORMULA(E2)",
    }
    for ref, value in cells.items():
        sheet[ref] = value
    sheet["E1"] = ArrayFormula("E1:E2", "={1;2}")
    sheet["C8"] = "=_xlfn.FORMULATEXT(E2)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [u.address for u in result.unsupported] == ["S!C8"]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = [out[f"C{i}"].value for i in range(1, 9)]
    assert got == ["=B1*2", True, False, "#N/A", "=XLOOKUP(2,{1,2},{10,20})", False, True, None]  # as Excel shows it


def test_an_array_constant_counts_as_one_argument_in_a_classic_formula(tmp_path: Path) -> None:
    # An array constant is an array in any formula (Microsoft's "Use array constants in array formulas"; the OR idiom
    # =SUM(COUNTIFS(range,{"a","b"},range2,"x")) needs no Ctrl+Shift+Enter), and criteria ranges are never intersected.
    # The commas inside {"North","South"} were counted as argument separators, so B1:B5 was taken for a criterion and
    # intersected with the formula's row: 4 in row 1, 0 in row 9.
    cells: dict[str, object] = {}
    rows = [("North", "active", 10), ("South", "active", 20), ("North", "churned", 30), ("North", "active", 40)]
    for r, (region, state, revenue) in enumerate([*rows, ("East", "active", 50)], 1):
        cells[f"A{r}"], cells[f"B{r}"], cells[f"C{r}"] = region, state, revenue
    cells |= {
        "E1": '=SUM(COUNTIFS(A1:A5,{"North","South"},B1:B5,"active"))',
        "E9": '=SUM(COUNTIFS(A1:A5,{"North","South"},B1:B5,"active"))',
        "E10": '=SUM(SUMIFS(C1:C5,A1:A5,{"North","South"},B1:B5,"active"))',
        "E11": '=SUM(COUNTIFS(A1:A5,{"North","South"},C1:C5,">15"))',
        "E12": '=SUM(_xlfn.MAXIFS(C1:C5,A1:A5,{"North","South"},B1:B5,"active"))',
    }
    got = _recalculated(tmp_path, cells)
    assert [got[k] for k in ("E1", "E9", "E10", "E11", "E12")] == [3, 3, 70, 3, 60]


def test_countif_of_a_range_joined_to_empty_text_counts_blank_cells(tmp_path: Path) -> None:
    # The distinct-count idiom SUMPRODUCT(1/COUNTIF(A1:A6,A1:A6&"")): the blank cell's criterion is "", which counts
    # the range's blank cells (Microsoft's COUNTIF: "" matches blank cells), so no count is 0. The criterion "" was
    # turned into a blank cell, which matches nothing: #DIV/0!.
    got = _recalculated(
        tmp_path,
        {
            "A1": "a",
            "A2": "b",
            "A3": "a",
            "A5": "c",
            "A6": "b",
            "B1": '=SUMPRODUCT(1/COUNTIF(A1:A6,A1:A6&""))',
            "B2": '=SUMPRODUCT((A1:A6<>"")/COUNTIF(A1:A6,A1:A6&""))',
            "B3": '=SUMPRODUCT(--(COUNTIF(A1:A6,A1:A6&"")=0))',
            "B4": '=SUM(COUNTIFS(A1:A6,{"","a"}))',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 5)] == [4, 3, 0, 3]


def test_criteria_functions_refuse_ranges_of_different_sizes(tmp_path: Path) -> None:
    # Microsoft's SUMIFS: "each criteria_range argument must contain the same number of rows and columns as the
    # sum_range argument"; COUNTIFS: "Each additional range must have the same number of rows and columns as
    # criteria_range1": #VALUE! otherwise. The engine computed over the overlap (an off-by-one range end went unseen).
    # SUMIF (singular) takes its sum_range's size from the range, and ranges of one size may be offset.
    cells: dict[str, object] = {}
    for r, (region, state, revenue) in enumerate(
        [("North", "active", 10), ("South", "active", 20), ("North", "churned", 30), ("North", "active", 40)], 1
    ):
        cells[f"A{r}"], cells[f"B{r}"], cells[f"C{r}"] = region, state, revenue
    cells |= {
        "E1": '=COUNTIFS(A1:A4,"North",B1:B3,"active")',
        "E2": '=SUMIFS(C1:C4,A1:A3,"North")',
        "E3": '=AVERAGEIFS(C1:C3,A1:A4,"North")',
        "E4": '=_xlfn.MAXIFS(C1:C4,A1:A3,"North")',
        "E5": '=SUMIF(A1:A4,"North",C1:C2)',
        "E6": '=COUNTIFS(A1:A3,"North",B2:B4,"active")',
        "E7": '=SUMIFS(C1:C4,A1:A4,"North",B1:B4,"active")',
        "E8": '=COUNTIFS(A1:B4,"North",B1:B4,"active")',
    }
    got = _recalculated(tmp_path, cells)
    assert [got[f"E{i}"] for i in range(1, 9)] == ["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", 80, 2, 50, "#VALUE!"]


def test_criteria_naming_an_error_value_match_the_error_cells(tmp_path: Path) -> None:
    # A criterion naming an error value matches the cells holding it (=COUNTIF(Data,"#DIV/0!") counts the #DIV/0!
    # values; "<>#N/A" skips the #N/A placeholders of months not reached, the usual MAXIFS idiom). The engine matched
    # no error cell: 0 counts, and "<>#N/A" let the errors through.
    got = _recalculated(
        tmp_path,
        {
            "A1": 10,
            "A2": "=NA()",
            "A3": "=1/0",
            "A4": 5,
            "A5": "=NA()",
            "A6": "x",
            "B1": 1,
            "B2": 2,
            "B3": 3,
            "B4": 4,
            "B5": 5,
            "B6": 6,
            "C1": '=COUNTIF(A1:A6,"#N/A")',
            "C2": '=COUNTIF(A1:A6,"#DIV/0!")',
            "C3": '=COUNTIF(A1:A6,"<>#N/A")',
            "C4": '=COUNTIFS(A1:A6,"=#N/A",B1:B6,">2")',
            "C5": '=_xlfn.MAXIFS(A1:A6,A1:A6,"<>#N/A",A1:A6,"<>#DIV/0!")',
            "C6": '=SUMIF(A1:A6,"<>#N/A",B1:B6)',
            "C7": '=SUMIFS(B1:B6,A1:A6,"#n/a")',
        },
    )
    assert [got[f"C{i}"] for i in range(1, 8)] == [2, 1, 4, 1, 10, 14, 7]


def test_unique_compares_text_without_case(tmp_path: Path) -> None:
    # Microsoft's UNIQUE returns the distinct values; like every Excel comparison of text it ignores case, keeping the
    # first spelling. The engine kept "North" and "north" apart: ROWS(UNIQUE(..)), the number of distinct segments,
    # was too high.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for i, value in enumerate(["North", "South", "north", "East", "SOUTH", "West"], 1):
        sheet[f"B{i}"] = value
    sheet["D1"] = ArrayFormula("D1:D4", "=_xlfn.UNIQUE(B1:B6)")
    sheet["E1"] = "=ROWS(_xlfn.UNIQUE(B1:B6))"
    sheet["E2"] = "=ROWS(_xlfn.UNIQUE(B1:B6,FALSE,TRUE))"
    sheet["E3"] = '=_xlfn.TEXTJOIN(",",TRUE,_xlfn.UNIQUE({"a","b","A",1,1},TRUE))'
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"D{i}"].value for i in range(1, 5)] == ["North", "South", "East", "West"]
    assert [out["E1"].value, out["E2"].value, out["E3"].value] == [4, 2, "a,b,1"]


def test_criteria_written_with_percent_currency_or_thousands_are_numbers(tmp_path: Path) -> None:
    # Excel reads a criterion's value as a typed cell entry: ">50%" is >0.5, ">=1,000" >=1000, ">$40" >40 (as it reads
    # "50%" typed into a cell); the engine compared them as text and matched nothing. Digits inside typed text are
    # the text's own even where they follow a letter or "$" ("<B2" orders text, it is no row number).
    got = _recalculated(
        tmp_path,
        {
            "A1": 0.05,
            "A2": 0.5,
            "A3": 0.75,
            "A4": 40,
            "A5": 1000,
            "A6": 1500,
            "C1": "B1",
            "C2": "B10",
            "C3": "B3",
            "C4": "A9",
            "B1": '=COUNTIF(A1:A6,">50%")',
            "B2": '=COUNTIF(A1:A6,"<=5%")',
            "B3": '=COUNTIFS(A1:A6,">10%",A1:A6,"<100%")',
            "B4": '=SUMIF(A1:A6,">=1,000")',
            "B5": '=COUNTIF(A1:A6,">$40")',
            "B6": '=COUNTIF(C1:C4,"<B2")',
            "B7": '=COUNTIF(C1:C4,"<B3")',
        },
    )
    assert [got[f"B{i}"] for i in range(1, 8)] == [4, 1, 2, 2500, 2, 3, 3]


def test_text_dates_with_two_digit_years_use_excels_2029_cutoff(tmp_path: Path) -> None:
    # Microsoft's "How Microsoft Excel works with two-digit year numbers": 00-29 are 2000-2029, 30-99 are 1930-1999.
    # Text read as a date (VALUE, YEAR's, EDATE's argument) used Python's %y window (30 -> 2030).
    got = _recalculated(
        tmp_path,
        {
            "B1": '=VALUE("1/1/30")',
            "B2": '=YEAR("1/1/50")',
            "B3": '=EDATE("1/1/60",1)',
            "B4": '=VALUE("1/1/29")',
            "B5": '=YEAR("15-Mar-99")',
            "B6": '=YEAR("2075/3/15")',  # year first: read alike in every locale
        },
    )
    assert [got[f"B{i}"] for i in range(1, 7)] == [10959, 1950, 21947, 47119, 1999, 2075]


def test_a_number_typed_as_text_criterion_matches_as_the_number(tmp_path: Path) -> None:
    # A criterion is read as a typed entry: "12345" is the number 12345, which COUNTIF matches in numbers and in text
    # that reads as it ("0012345", "12345.0", "1.2345E4"), as the criterion 12345 does. The engine matched the text
    # "12345" only.
    got = _recalculated(
        tmp_path,
        {
            "A1": "0012345",
            "A2": "12345",
            "A3": 12345,
            "A4": "12345.0",
            "A5": "x",
            "B1": 1,
            "B2": 2,
            "B3": 4,
            "B4": 8,
            "B5": 16,
            "C1": '=COUNTIF(A1:A5,"12345")',
            "C2": "=COUNTIF(A1:A5,12345)",
            "C3": '=SUMIF(A1:A5,"12345",B1:B5)',
            "C4": '=COUNTIFS(A1:A5,"12345",B1:B5,">1")',
        },
    )
    assert [got[f"C{i}"] for i in range(1, 5)] == [4, 4, 15, 3]


def test_sort_and_sortby_with_several_keys(tmp_path: Path) -> None:
    # Microsoft's SORT: sort_index and sort_order may be arrays ({2,3},{1,-1}: region A-Z, then revenue high-low);
    # SORTBY takes by_array2, sort_order2, ... The engine returned SORT's rows unsorted and SORTBY #VALUE!.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    rows = [("C1", "North", 120), ("C2", "South", 80), ("C3", "North", 0), ("C4", "East", 50), ("C5", "South", 200)]
    for i, row in enumerate([*rows, ("C6", "West", 75)], 1):
        for j, value in enumerate(row, 1):
            sheet.cell(i, j, value)
    sheet["E1"] = ArrayFormula("E1:G6", "=_xlfn._xlws.SORT(A1:C6,{2,3},{1,-1})")
    sheet["I1"] = ArrayFormula("I1:I6", "=_xlfn.SORTBY(A1:A6,B1:B6,1,C1:C6,-1)")
    sheet["J1"] = ArrayFormula("J1:J6", "=_xlfn.SORTBY(A1:A6,C1:C6,-1)")
    sheet["K1"] = ArrayFormula("K1:K6", "=_xlfn._xlws.SORT(B1:B6,1,-1)")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"E{i}"].value for i in range(1, 7)] == ["C4", "C1", "C3", "C5", "C2", "C6"]
    assert [out[f"G{i}"].value for i in range(1, 7)] == [50, 120, 0, 200, 80, 75]
    assert [out[f"I{i}"].value for i in range(1, 7)] == ["C4", "C1", "C3", "C5", "C2", "C6"]
    assert [out[f"J{i}"].value for i in range(1, 7)] == ["C5", "C1", "C2", "C6", "C4", "C3"]
    assert [out[f"K{i}"].value for i in range(1, 7)] == ["West", "South", "South", "North", "North", "East"]


def test_sort_puts_blanks_last_in_either_direction(tmp_path: Path) -> None:
    # Microsoft's "Default sort orders": numbers, text, logicals, errors; "In both an ascending and descending sort,
    # blank cells are always placed last". A blank in a dynamic array's result shows as 0.
    got = _recalculated(
        tmp_path,
        {
            "A1": "b",
            "A3": 1,
            "A4": True,
            "A5": "a",
            "C1": '=_xlfn.TEXTJOIN(",",FALSE,_xlfn._xlws.SORT(A1:A5))',
            "C2": '=_xlfn.TEXTJOIN(",",FALSE,_xlfn._xlws.SORT(A1:A5,1,-1))',
        },
    )
    assert [got["C1"], got["C2"]] == ["1,a,b,TRUE,0", "TRUE,b,a,1,0"]
