"""Recalculation leftovers of the fifth round (H30): the embedded engine against Excel on users' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and reads
the written values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet as _recalc


def test_a_named_lambda_called_with_the_wrong_number_of_values_is_value_error(tmp_path: Path) -> None:
    # Excel: a LAMBDA called with more values than parameters, or fewer than its required ones, is #VALUE!
    # ("Incorrect Parameters"); a parameter in brackets is optional and ISOMITTED tells whether it was given.
    # AddOne() was 1 (the missing x read as 0, status ok); the others were listed as not computable.
    names = {
        "AddOne": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x+1)",
        "Add2": "_xlfn.LAMBDA(_xlpm.x,_xlpm.y,_xlpm.x+_xlpm.y)",
        "Opt": "_xlfn.LAMBDA(_xlpm.x,[_xlpm.y],IF(_xlfn.ISOMITTED(_xlpm.y),_xlpm.x*10,_xlpm.x+_xlpm.y))",
    }
    cells: dict[str, object] = {
        "A1": 5,
        "B1": "=AddOne(A1)",
        "B2": "=AddOne(A1,2)",
        "B3": "=AddOne()",
        "B4": "=Add2(A1)",
        "B5": "=Add2(A1,1,2)",
        "B6": '=IFERROR(Add2(1),"too few")',
        "B7": "=ERROR.TYPE(Add2(1))",
        "B8": "=_xlfn.LAMBDA(_xlpm.x,_xlpm.y,_xlpm.x+_xlpm.y)(1)",
        "B9": "=Add2(1,2)",
        "B10": "=Opt(4)",
        "B11": "=Opt(4,2)",
        "B12": "=Opt()",
        "B13": "=Opt(1,2,3)",
    }
    result, got = _recalc(tmp_path, cells, names)
    assert result.status == "ok", result.message
    assert not result.unsupported
    assert {k: got[k] for k in cells if k != "A1"} == {
        "B1": 6,
        "B2": "#VALUE!",
        "B3": "#VALUE!",
        "B4": "#VALUE!",
        "B5": "#VALUE!",
        "B6": "too few",
        "B7": 3,
        "B8": "#VALUE!",
        "B9": 3,
        "B10": 40,
        "B11": 6,
        "B12": "#VALUE!",
        "B13": "#VALUE!",
    }


def test_a_number_criterion_given_by_a_cell_is_matched_at_15_digits(tmp_path: Path) -> None:
    # Excel compares COUNTIF's and SUMIF's numbers at 15 significant digits, whether the criterion is typed or held
    # by a cell: over =0.1+0.2, 0.3, =3*0.1 the criterion F1 = 0.3 matches all three (the engine: 1), and a 16-digit
    # id held as a number matches the numbers of its first 15 digits (=A4+1, =A4-1). A cell's whole number below
    # 1E+15 is compared as it is (no range here holds a whole number's float noise); two such criteria in one call are
    # listed (kept); AVERAGEIF's is computed too (test_recalc_leftovers6).
    cells: dict[str, object] = {
        "A1": "=0.1+0.2",
        "A2": 0.3,
        "A3": "=3*0.1",
        "A4": 1234567890123456,
        "A5": "=A4+1",
        "A6": "=A4-1",
        "A7": "x",
        "B1": 1,
        "B2": 2,
        "B3": 4,
        "F1": 0.3,
        "F2": "=A4",
        "F3": "0.3",
        "F4": 12,
        "F5": "x",
        "D1": "=COUNTIF(A1:A3,F1)",
        "D2": "=SUMIF(A1:A3,F1,B1:B3)",
        "D3": '=COUNTIFS(A1:A3,F1,B1:B3,">1")',
        "D4": "=SUMIFS(B1:B3,A1:A3,F1)",
        "D5": "=COUNTIF(A4:A6,F2)",
        "D6": '=COUNTIF(A1:A3,"="&F1)',
        "D7": "=COUNTIF(A1:A3,F3)",
        "D8": '=COUNTIF(A1:A3,"<>"&F1)',
        "D9": "=COUNTIF(A1:A3,F1*1)",
        "D10": "=SUMIF(A4:A6,F2,B1:B3)",
        "D11": "=COUNTIF(A1:A7,F4)",
        "D12": "=COUNTIF(A1:A7,F5)",
        "D13": "=COUNTIFS(A1:A3,F1,B1:B3,F4)",
        "D14": "=AVERAGEIF(A1:A3,F1,B1:B3)",
        "D15": "=COUNTIFS(A1:A3,F1,A1:A3,F3)",
    }
    result, got = _recalc(tmp_path, cells)
    assert {k: got.get(k) for k in cells if k.startswith("D")} == {
        "D1": 3,
        "D2": 7,
        "D3": 2,
        "D4": 7,
        "D5": 3,
        "D6": 3,
        "D7": 3,
        "D8": 0,
        "D9": 3,
        "D10": 7,
        "D11": 0,
        "D12": 1,
        "D13": 0,
        "D14": 7 / 3,
        "D15": None,
    }
    assert sorted(u.address for u in result.unsupported) == ["S!D15"]


def test_arrays_of_different_sizes_from_names_and_calls_are_padded_with_na(tmp_path: Path) -> None:
    # Excel applies an operator (and IF) over arrays of different sizes at the larger size, the smaller padded with
    # #N/A; where an operand was a defined name or a call (OFFSET, FILTER, INDEX(r,0), SEQUENCE, a name of a formula)
    # the engine made the whole result #VALUE! (0 after IFERROR, status ok). A1:A3 = 1, 2, 3; B1:B2 = 10, 20.
    names = {
        "Two": "S!$B$1:$B$2",
        "Three": "S!$A$1:$A$3",
        "TwoF": "OFFSET(S!$B$1,0,0,2,1)",
        "Twice": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)",
    }
    arrays = {
        "D1": "=SUM(IFERROR(IF(A1:A3>0,Two),0))",  # IF gives {10;20;#N/A}
        "D2": "=SUM(IFERROR(Three+Two,0))",  # 11 + 22
        "D3": "=SUM(IFERROR(A1:A3*OFFSET(B1,0,0,2,1),0))",  # 10 + 40
        "D4": "=SUM(IFERROR(IF(A1:A3>0,OFFSET(B1,0,0,2,1)),0))",
        "D5": "=SUM(IFERROR(A1:A3&_xlfn.FILTER(B1:B2,B1:B2>0),0)*0+1)",  # three elements: "110", "220", #N/A
        "D6": "=ROWS(IF(A1:A3>0,Two))",
        "D7": "=SUM(IFERROR(INDEX(B1:B2,0,1)*A1:A3,0))",
        "D8": "=COUNT(A1:A3+TwoF)",
        "D9": "=COUNT(IF(A1:A3>0,_xlfn.SEQUENCE(2)))",
        "D10": "=SUM(IFERROR(ABS(A1:A3)*Two,0))",
        "D11": "=COUNT(A1:A3*SUM(B1:B2))",  # a single value stretches: 3
        "D12": "=SUM(_xlfn.MAP(A1:A3,_xlfn.LAMBDA(_xlpm.v,Twice(_xlpm.v)+1)))",  # a LAMBDA called in place: 15
        "D13": "=SUM(IFERROR(_xlfn.LET(_xlpm.a,A1:A3,_xlpm.b,B1:B2,_xlpm.a+_xlpm.b),0))",  # LET's names: 33
        "D14": "=SUM(IFERROR(IFERROR(A1:A3/0,B1:B2),0))",  # IFERROR's arguments stretch together: 10 + 20
        "D15": "=SUM(IFERROR(_xlfn.IFNA(NA()*A1:A3,Two),0))",
    }
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "B1": 10, "B2": 20, "E1": "=SUMPRODUCT((A1:A3>0)*Two)"}
    result, got = _recalc(tmp_path, cells, names, arrays)
    assert result.status == "ok", result.message
    assert not result.unsupported
    assert {k: got[k] for k in [*arrays, "E1"]} == {
        "D1": 30,
        "D2": 33,
        "D3": 50,
        "D4": 30,
        "D5": 3,
        "D6": 3,
        "D7": 50,
        "D8": 2,
        "D9": 2,
        "D10": 50,
        "D11": 3,
        "D12": 15,
        "D13": 33,
        "D14": 30,
        "D15": 30,
        "E1": "#N/A",  # SUMPRODUCT of {10;40;#N/A}
    }


def test_text_reads_commas_as_en_us_excel_and_applies_conditions(tmp_path: Path) -> None:
    # en-US Excel: a comma between digit placeholders groups thousands (0,000 of 5 is "0,005"), a comma after them
    # divides by 1,000 each; a section's condition ([>=1000]) picks the section for a number that is not negative
    # (was listed as not computable); a negative number under conditions is still listed (where Excel shows its
    # sign is not sure).
    formats = {
        "B1": (1234.5, "0,000", "1,235"),
        "B2": (5, "0,000", "0,005"),
        "B3": (1234567, "0,000", "1,234,567"),
        "B4": (1234567, "#,##0,", "1,235"),
        "B5": (123456789, '#,##0.0,,"M"', "123.5M"),
        "B6": (-1234567, "#,##0,;(#,##0,)", "(1,235)"),
        "B7": (1234.5, "0.00,", "1.23"),
        "B8": (999999.5, "#,##0", "1,000,000"),
        "B9": (1500000, '[>=1000000]0.0,,"M";[>=1000]0.0,"K";0', "1.5M"),
        "B10": (2500, '[>=1000000]0.0,,"M";[>=1000]0.0,"K";0', "2.5K"),
        "B11": (999, '[>=1000000]0.0,,"M";[>=1000]0.0,"K";0', "999"),
        "B12": (0, '[=0]"-";#,##0', "-"),
        "B13": (150, "[Red][<=100]0;[Blue][>100]0.0", "150.0"),
        "B14": (-5, '[>=1000]#,##0,"K";0', None),
    }
    cells: dict[str, object] = {}
    for ref, (value, fmt, _) in formats.items():
        cells["A" + ref[1:]] = value
        cells[ref] = '=TEXT(A{},"{}")'.format(ref[1:], fmt.replace('"', '""'))
    result, got = _recalc(tmp_path, cells)
    assert {ref: got.get(ref) for ref in formats} == {ref: want for ref, (_, _, want) in formats.items()}
    assert [(u.address, u.function) for u in result.unsupported] == [("S!B14", "TEXT")]


def test_an_ordering_criterion_held_by_a_cell_is_compared_at_15_digits(tmp_path: Path) -> None:
    # F1 = ">=0.3" over =0.7-0.4 (0.29999999999999993), 0.3, =0.1+0.2: Excel compares at 15 significant digits, all
    # three are >= 0.3 (as the typed COUNTIF(A1:A3,">=0.3") already gave); the cell's criterion gave 2.
    cells: dict[str, object] = {
        "A1": "=0.7-0.4",
        "A2": 0.3,
        "A3": "=0.1+0.2",
        "B1": 1,
        "B2": 2,
        "B3": 4,
        "F1": ">=0.3",
        "F2": "<0.3",
        "F3": "<=0.3",
        "F4": ">0.3",
        "D1": "=COUNTIF(A1:A3,F1)",
        "D2": "=COUNTIF(A1:A3,F2)",
        "D3": "=COUNTIF(A1:A3,F3)",
        "D4": "=COUNTIF(A1:A3,F4)",
        "D5": "=SUMIFS(B1:B3,A1:A3,F1)",
        "D6": '=COUNTIFS(A1:A3,F3,B1:B3,">1")',
    }
    result, got = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [got[f"D{i}"] for i in range(1, 7)] == [3, 0, 3, 0, 7, 2]


def test_names_of_offset_formulas_of_one_height_are_not_padded_and_of_two_heights_are(tmp_path: Path) -> None:
    # Dynamic named ranges (OFFSET(start,0,0,COUNTA(col)-1,1)) of the same height combine element by element as
    # they are; heights that differ pad the shorter with #N/A as Excel does (SUMPRODUCT is then #N/A).
    names = {
        "RegionDyn": "OFFSET(S!$A$2,0,0,COUNTA(S!$A:$A)-1,1)",
        "SalesDyn": "OFFSET(S!$B$2,0,0,COUNTA(S!$A:$A)-1,1)",
        "ShortDyn": "OFFSET(S!$B$2,0,0,COUNTA(S!$A:$A)-2,1)",
    }
    cells: dict[str, object] = {"A1": "Region", "B1": "Sales"}
    for row, (region, sales) in enumerate([("EU", 10), ("US", 20), ("EU", 30)], start=2):
        cells[f"A{row}"], cells[f"B{row}"] = region, sales
    cells.update(
        {
            "D1": '=SUMPRODUCT((RegionDyn="EU")*SalesDyn)',
            "D2": '=SUMPRODUCT((RegionDyn="EU")*ShortDyn)',
            "D3": '=SUMPRODUCT(IFERROR((RegionDyn="EU")*ShortDyn,0))',
        }
    )
    result, got = _recalc(tmp_path, cells, names)
    assert result.status == "ok", result.message
    assert (got["D1"], got["D2"], got["D3"]) == (40, "#N/A", 10)


def test_date_text_before_march_1900_is_read_with_excels_serials(tmp_path: Path) -> None:
    # Excel's 1900 system: 1 January 1900 is 1, 28 February 1900 is 59 and 1 March 1900 is 61 (its 29 February 1900
    # is 60); a date before 1900 is no date to it (#VALUE!). VALUE and DATEVALUE of such text were one too many (2, 60)
    # before March 1900, and gave 1, 0, -363 for dates before 1900.
    # year first where a day-first Excel reads another date or none (3/1 is 3 January to it, 2/28 no date)
    texts = ["1/1/1900", "1900/2/28", "1900/3/31", "12/31/1899", "1/1/1899"]
    cells: dict[str, object] = {}
    for row, text in enumerate(texts, start=1):
        cells[f"A{row}"], cells[f"B{row}"], cells[f"C{row}"] = text, f"=VALUE(A{row})", f"=DATEVALUE(A{row})"
    result, got = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [(got[f"B{r}"], got[f"C{r}"]) for r in range(1, 6)] == [
        (1, 1),
        (59, 59),
        (91, 91),  # 31 March 1900: 61 is its 1 March
        ("#VALUE!", "#VALUE!"),
        ("#VALUE!", "#VALUE!"),
    ]


def test_an_array_of_criteria_compares_its_numbers_at_15_digits(tmp_path: Path) -> None:
    # COUNTIF over an array of criteria (a name of several cells, an array typed in) gives one count per element;
    # a number element with a fraction matches =0.1+0.2 as 0.3 at 15 digits (was counted exactly: 4, 2, 0.3).
    cells: dict[str, object] = {
        "A1": "EU",
        "A2": "US",
        "A3": "EU",
        "A4": 0.3,
        "A5": "=0.1+0.2",
        "F1": "EU",
        "F2": "US",
        "F3": 0.3,
        "D1": "=SUMPRODUCT(COUNTIF(A1:A5,Regions))",
        "D2": '=SUMPRODUCT(COUNTIF(A1:A5,{0.3,"US"}))',
        "D3": "=ROUND(SUMPRODUCT(SUMIF(A1:A5,Regions,A1:A5)),10)",
        "D4": '=SUMPRODUCT(COUNTIFS(A1:A5,Regions,A1:A5,"<>x"))',
    }
    result, got = _recalc(tmp_path, cells, {"Regions": "S!$F$1:$F$3"})
    assert result.status == "ok", result.message
    assert [got[f"D{i}"] for i in range(1, 5)] == [5, 3, 0.6, 5]
