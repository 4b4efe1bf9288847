"""Criteria, comparisons and lookups of the embedded engine where it wrote another value than Excel, status ok
(H7's and H2's findings: r19, r25, F4, F17, F21, F22, F25, F28, r01).

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine (``recalc_file``) and reads
the stored values back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalculated

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, sheets: dict[str, dict[str, object]], read: str = "Calc") -> dict[str, object]:
    """The values of the cells given for sheet ``read`` after the embedded engine recalculated ``sheets``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, cells in sheets.items():
        sheet = book.create_sheet(title)
        for ref, value in cells.items():
            sheet[ref] = value
    source = tmp_path / "book.xlsx"
    book.save(source)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)[read]
    return {ref: out[ref].value for ref in sheets[read]}


def test_countifs_and_sumif_count_the_empty_cells_below_the_last_used_row(tmp_path: Path) -> None:
    # Excel: COUNTIFS with one pair is COUNTIF; "" and "=" match empty cells, "<>x" too, wherever they lie in the
    # range (A:A is 1,048,576 cells). The engine read COUNTIFS's ranges only as far as its first range's sheet (a whole
    # column: that column) is in use, and SUMIF/AVERAGEIF as far as the criteria range: 0, 0, ... (r19, r25).
    data: dict[str, object] = {f"A{r}": 10 * r for r in range(1, 6)}
    data.update({f"B{r}": r for r in range(15, 21)})
    data["C20"] = 1
    calc = {
        "A1": '=COUNTIFS(Data!A1:A10,"")',
        "A2": '=COUNTIFS(Data!A1:A10,"=")',
        "A3": '=COUNTIFS(Data!A1:A1000,"")',
        "A4": '=COUNTIFS(Data!A:A,"")',
        "A5": '=COUNTIFS(Data!A:A,"",Data!C:C,"")',
        "A6": '=COUNTIFS(Data!A:A,"",Data!C:C,1)',
        "A7": '=COUNTIFS(Data!A:A,"<>5",Data!B:B,">0")',
        "A8": '=COUNTIFS(Calc!Z1:Z30,"",Data!B1:B30,">0")',
        "A9": '=SUMIF(Data!A:A,"",Data!B:B)',
        "A10": '=AVERAGEIF(Data!A:A,"",Data!B:B)',
        "A11": '=SUMIF(Calc!Z1:Z30,"",Data!B1:B30)',
        "A12": '=COUNTIFS(Data!A1:A30,"",Data!B1:B30,"<>x")',
        "A13": "=COUNTIFS(Data!A:A,C1,Data!C:C,C1)",
        "A14": '=COUNTIFS(Data!1:1,"")',
        # already right: controls
        "B1": '=COUNTIF(Data!A1:A10,"")',
        "B2": '=COUNTIFS(Data!A1:A30,"<>",Data!B1:B30,"")',
        "B3": '=SUMIFS(Data!B:B,Data!A:A,"")',
        "B4": '=COUNTIFS(Data!A:A,">0",Data!B:B,"")',
        "B5": '=SUMIF(Data!A1:A30,">20",Data!B1:B30)',
        "C1": "<>7",
    }
    got = _recalculated(tmp_path, {"Data": data, "Calc": calc})
    assert [got[f"A{i}"] for i in range(1, 15)] == [5, 5, 995, 1048571, 1048570, 1, 6, 6, 105, 17.5, 105, 25, 1048576,
                                                    16383]  # fmt: skip
    assert [got[f"B{i}"] for i in range(1, 6)] == [5, 5, 105, 5, 0]


def test_sumifs_and_averageifs_give_the_error_of_a_matched_row(tmp_path: Path) -> None:
    # Excel sums (averages) every matched cell of the sum range: an error there is the result, which is how a broken
    # input shows in a total. The engine skipped it (SUMIF(A1:A4,"y",B1:B4) 5 with =1/0 in B2); errors in rows the
    # criteria do not match are left out by both (F28).
    calc = {
        "A1": "x",
        "A2": "y",
        "A3": "x",
        "A4": "y",
        "B1": 10,
        "B2": "=1/0",
        "B3": 30,
        "B4": 5,
        "C1": 1,
        "C2": 2,
        "C3": 3,
        "C4": "=NA()",
        "D1": '=SUMIF(A1:A4,"y",B1:B4)',
        "D2": '=SUMIFS(B1:B4,A1:A4,"y")',
        "D3": '=AVERAGEIF(A1:A4,"y",B1:B4)',
        "D4": '=AVERAGEIFS(B1:B4,A1:A4,"y")',
        "D5": '=SUMIFS(C1:C4,A1:A4,"y")',
        "D6": '=SUMIFS(B1:B4,A1:A4,"y",C1:C4,">1")',
        "D7": "=SUMIFS(B:B,A:A,E1)",
        "D8": '=SUMIFS(B1:B4,A1:A4,"y",C1:C4,">2")',
        "D9": '=SUMIF(A1:A4,"x",B1:B4)',
        "D10": '=SUMIFS(C1:C4,A1:A4,"x")',
        "D11": '=SUMIF(B1:B4,">0")',
        "D12": '=AVERAGEIFS(C1:C4,A1:A4,"x")',
        "E1": "y",
    }
    got = _recalculated(tmp_path, {"Calc": calc})
    assert [got[f"D{i}"] for i in range(1, 13)] == ["#DIV/0!", "#DIV/0!", "#DIV/0!", "#DIV/0!", "#N/A", "#DIV/0!",
                                                    "#DIV/0!", 0, 40, 4, 45, 2]  # fmt: skip


def test_typed_date_criteria_with_month_names_are_dates(tmp_path: Path) -> None:
    # Excel reads a criterion's value like a typed entry: ">=Jan 2024" is 1 January 2024, "1/2024" January 2024,
    # "1 Mar 2024" 1 March 2024 (DATEVALUE reads them alike). The rewrite compared them as text: 0 matches (F25).
    calc: dict[str, object] = {
        f"A{i}": v for i, v in enumerate([45291, 45306, 45351, 45352, 45458, 45688], 1)
    }  # 2023-12-31, 2024-01-15, 2024-02-29, 2024-03-01, 2024-06-15, 2025-01-31
    calc.update(
        {
            "B1": '=COUNTIFS(A1:A6,">=Jan 2024")',
            "B2": '=COUNTIFS(A1:A6,">=January 2024")',
            "B3": '=COUNTIFS(A1:A6,">=Jan-2024")',
            "B4": '=COUNTIFS(A1:A6,">=1 Mar 2024")',
            "B5": '=COUNTIF(A1:A6,"<1/2024")',
            "B6": '=COUNTIFS(A1:A6,">=Jan 2024",A1:A6,"<Feb 2024")',
            "B7": '=SUMIFS(A1:A6,A1:A6,">=Jun 2024")',
            "B8": '=COUNTIF(A1:A6,"1 Mar 2024")',
            "B9": '=COUNTIF(A1:A6,"<>1 Mar 2024")',
            "B10": '=DATEVALUE("Jan 2024")',
            "B11": '=VALUE("12/2024")',
            # controls: already right
            "C1": '=COUNTIFS(A1:A6,">=March 1, 2024")',
            "C2": '=COUNTIFS(A1:A6,">="&"Jan 2024")',
            "C3": '=COUNTIFS(A1:A6,">=2024-01-01")',
        }
    )
    got = _recalculated(tmp_path, {"Calc": calc})
    assert [got[f"B{i}"] for i in range(1, 12)] == [5, 5, 5, 3, 1, 1, 91146, 1, 5, 45292, 45627]
    assert [got[f"C{i}"] for i in range(1, 4)] == [3, 5, 5]


def test_exact_lookups_compare_the_exact_binary_value(tmp_path: Path) -> None:
    # "For comparison operators Excel rounds both operands to 15 significant digits ... But for match and lookup
    # functions, Excel compares the exact binary value" (Microsoft Q&A): =0.1+0.2 is not found by 0.3, while
    # =A1=A2 is TRUE. The rewrite took a key equal at 15 digits, so the first near-equal row won (F22).
    calc = {
        "A1": "=0.1+0.2",
        "A2": 0.3,
        "A3": "=100*1.1",
        "A4": 110,
        "B1": "computed",
        "B2": "typed",
        "B3": "computed110",
        "B4": "typed110",
        "C1": "=MATCH(0.3,A1:A2,0)",
        "C2": "=VLOOKUP(0.3,A1:B2,2,FALSE)",
        "C3": '=_xlfn.XLOOKUP(0.3,A1:A2,B1:B2,"none")',
        "C4": "=_xlfn.XMATCH(110,A3:A4)",
        "C5": "=HLOOKUP(0.3,E1:F2,2,FALSE)",
        "C6": "=MATCH(0.3,A1:A1,0)",
        "C7": "=MATCH(A1,A1:A2,0)",
        "C8": "=A1=A2",
        "C9": "=MATCH(A1+0,A2:A2,0)",
        "E1": "=0.1+0.2",
        "F1": 0.3,
        "E2": "computed",
        "F2": "typed",
    }
    got = _recalculated(tmp_path, {"Calc": calc})
    assert [got[f"C{i}"] for i in range(1, 10)] == [2, "typed", "typed", 2, "typed", "#N/A", 1, True, "#N/A"]


def test_criteria_compare_numbers_at_15_significant_digits(tmp_path: Path) -> None:
    # Excel's criteria round both numbers to 15 significant digits, as its = does: =0.1+0.2 and =3*0.1 are 0.3 to
    # COUNTIF(...,0.3), =100*1.1 is 110. The engine compared exact binary values: 1, 0, ... (F21).
    calc = {
        "A1": "=0.1+0.2",
        "A2": 0.3,
        "A3": "=3*0.1",
        "A4": "=100*1.1",
        "A5": "=1.1*3",
        "B1": 110,
        **{f"C{i}": i for i in range(1, 6)},
        "D1": "=COUNTIF(A1:A5,0.3)",
        "D2": '=COUNTIFS(A1:A5,">=0.3",A1:A5,"<=0.3")',
        "D3": "=COUNTIF(A1:A5,110)",
        "D4": "=SUMIF(A1:A5,3.3)",
        "D5": '=COUNTIF(A1:A5,"<>0.3")',
        "D6": '=COUNTIFS(A1:A5,">0.3")',
        "D7": '=COUNTIF(A1:A5,"<="&B1)',
        "D8": "=SUMIFS(C1:C5,A1:A5,0.3)",
        "D9": '=SUMIF(A1:A5,"=0.3",C1:C5)',
        "D10": '=COUNTIFS(A1:A5,"0.3",C1:C5,">1")',
        "D11": '=COUNTIF(A1:A5,"x")',
    }
    got = _recalculated(tmp_path, {"Calc": calc})
    assert [got[f"D{i}"] for i in range(1, 12)] == [3, 3, 1, 3.3000000000000003, 2, 2, 5, 6, 6, 2, 0]


def test_text_dates_in_a_1904_workbook_are_1904_serials(tmp_path: Path) -> None:
    # Excel reads a date typed as text in the workbook's own date system (DATEVALUE: "the serial number depends on the
    # workbook's date system"): on the 1904 system 2024-01-15 is 43844. Criteria and VALUE read it as the 1900
    # serial 45306: COUNTIF(A1,"2024-01-15") 0, SUMIFS(A1,A1,">=2024-01-01") 0, VALUE 45306 (H7 r01).
    cells = {
        "A1": 43844,
        "B1": '=VALUE("2024-01-15")',
        "B2": '=MAX("2024-01-15",1)',
        "B3": '=COUNTIF(A1,"2024-01-15")',
        "B4": '=SUMIFS(A1,A1,">=2024-01-01")',
        "B5": '=VALUE("15-Jan-2024")',
        "B6": '=COUNTIF(A1,">=Jan 2024")',
        "B7": '=COUNTIFS(A1,"<2024-01-15")',
        "B8": '=VALUE("12")',
        "B9": '=SUM("2024-01-15",1)',
    }
    out = recalculated(tmp_path, cells, epoch_1904=True)
    assert [out[f"B{i}"] for i in range(1, 10)] == [43844, 43844, 1, 43844, 43844, 1, 0, 12, 43845]


def test_a_number_as_text_in_a_criterion_cell_and_in_xmatch(tmp_path: Path) -> None:
    # Excel reads a criterion "0012345" as the number 12345 whether typed or held by a cell (COUNTIF counts the number
    # and number-like text: 5 here; the engine matched the cell's text as text only: 2, F17). XMATCH's next
    # smaller/larger modes compare text only with text ("500" finds no number: #N/A), as XLOOKUP and MATCH do; the
    # engine read "500" as 500 (F04).
    calc = {
        "A1": "0012345",
        "A2": "12345",
        "A3": 12345,
        "A4": "12345.0",
        "A5": "1.2345E4",
        "A6": "x",
        "A7": 7,
        "B1": "=COUNTIF(A1:A7,A1)",
        "B2": "=COUNTIFS(A1:A7,A2)",
        "B3": '=COUNTIF(A1:A7,"12345")',
        "B4": "=SUMIF(A1:A7,C7,A1:A7)",
        "B5": "=COUNTIF(A1:A7,A6)",
        "B6": '=COUNTIF(A1:A7,">="&A7)',
        "C1": 0,
        "C2": 100,
        "C3": 500,
        "C4": 1000,
        "C7": "0012345",
        "D1": '=_xlfn.XMATCH("500",C1:C4,-1)',
        "D2": '=_xlfn.XMATCH("50",C1:C4,1)',
        "D3": "=_xlfn.XMATCH(A2,C1:C4,-1)",
        "D4": "=_xlfn.XMATCH(450,C1:C4,1)",
        "D5": "=_xlfn.XMATCH(450,C1:C4,-1)",
        "D6": "=_xlfn.XMATCH(2000,C1:C4,1)",
        "D7": "=_xlfn.XMATCH(500,C1:C4)",
    }
    got = _recalculated(tmp_path, {"Calc": calc})
    assert [got[f"B{i}"] for i in range(1, 7)] == [5, 5, 5, 12345, 1, 2]
    assert [got[f"D{i}"] for i in range(1, 8)] == ["#N/A", "#N/A", "#N/A", 3, 2, "#N/A", 3]


def test_criteria_arrays_over_whole_columns_of_different_lengths(tmp_path: Path) -> None:
    # One answer per criterion (Excel evaluates the arrays) over whole columns: the engine passes each whole column
    # cut to its own cells in use, so A:A (5 cells) and B:B (8) did not line up (9 counted as 6) and the empty
    # cells below were lost (SUM(COUNTIFS(A:A,{"","x"})) 0 where A:A holds 1,048,571 empty cells).
    data: dict[str, object] = {f"A{r}": 10 * r for r in range(1, 6)}
    data.update({f"B{r}": "x" for r in range(1, 9)})
    calc = {
        "A1": '=SUM(COUNTIFS(Data!A:A,{"","x"}))',
        "A2": '=SUM(COUNTIFS(Data!A:A,{"<>5",10},Data!B:B,"x"))',
        "A3": '=SUM(COUNTIF(Data!A:A,{"",10}))',
        "A4": '=SUM(SUMIFS(Data!A:A,Data!B:B,{"x","y"}))',
        "A5": '=SUM(COUNTIFS(Data!B:B,"x",Data!A:A,{10,20}))',
        "A6": "=SUMPRODUCT(COUNTIF(Data!A:A,C1:C2))",
        "A7": '=SUM(COUNTIFS(Data!A:A,{"",10},Data!B:B,""))',
        "C1": 10,
        "C2": 30,
    }
    got = _recalculated(tmp_path, {"Data": data, "Calc": calc})
    assert [got[f"A{i}"] for i in range(1, 8)] == [1048571, 9, 1048572, 150, 2, 2, 1048568]
