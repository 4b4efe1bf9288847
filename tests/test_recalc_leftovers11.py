"""Recalculation leftovers of the eleventh round (H13): the embedded engine against Excel on users' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones, or the cells listed with their reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalc_sheet as _recalc

from xl_retention.cells import evaluate
from xl_retention.recalculation.denormals import SUPPORTED
from xl_retention.registry import FUNCTIONS


def test_the_place_or_size_of_an_indirect_of_a_sheet_the_workbook_lacks_is_ref(tmp_path: Path) -> None:
    # A1 names a sheet the workbook lacks: INDIRECT(A1&"!A1:A3") is #REF! in Excel ("If ref_text is not a valid cell
    # reference, INDIRECT returns the #REF! error value"), and so are ROWS, COLUMNS, ROW and COLUMN of it, also through
    # OFFSET, INDEX(..,0,1) or a range between two of them; the engine gave 3, 3, 2, 2, 3, 3, 3 with status ok (its
    # reference to nowhere has a size and a place). A2 names the sheet itself (any case): counted as before.
    # LibreOffice gives the same.
    cells: dict[str, object] = {"A1": "Nope", "A2": "s", "B1": 1, "B2": 2, "B3": 3}
    cells |= {
        "D1": '=ROWS(INDIRECT(A1&"!A1:A3"))',
        "D2": '=COLUMNS(INDIRECT(A1&"!A1:C3"))',
        "D3": '=ROW(INDIRECT(A1&"!A2"))',
        "D4": '=COLUMN(INDIRECT("\'"&A1&"\'!B2"))',
        "D5": '=ROWS(OFFSET(INDIRECT(A1&"!A1"),0,0,3))',
        "D6": '=ROWS(INDEX(INDIRECT(A1&"!A1:A3"),0,1))',
        "D7": '=ROWS(INDIRECT(A1&"!A1"):INDIRECT(A1&"!A3"))',
        "D8": '=IFERROR(ROWS(INDIRECT(A1&"!A:A")),"gone")',
        "D9": '=ROWS(INDIRECT(A1&"!R1C1:R3C1",FALSE))',
        "D10": '=ROWS(INDIRECT(A2&"!B1:B3"))+ROW(INDIRECT(A2&"!B2"))+COLUMN(INDIRECT(A2&"!C1"))',
        "D11": '=SUM(INDIRECT(A2&"!B1:B3"))+ROWS(OFFSET(INDIRECT(A2&"!B1"),0,0,2))',
        "D12": "=ROWS(OFFSET(B1,0,0,B1-1))",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    got = [values[f"D{row}"] for row in range(1, 13)]
    assert got == ["#REF!"] * 7 + ["gone", "#REF!", 8, 8, "#REF!"]


@pytest.mark.skipif(not SUPPORTED, reason="the processor's flush-to-zero modes cannot be set here")
def test_our_functions_keep_ieee_steps_and_only_their_result_is_flushed(tmp_path: Path) -> None:
    # Excel computes an add-in's function with its own (Python's) arithmetic and flushes only the result; the engine
    # ran ours with the processor flushing every denormal step, so CRR(3E-308,2.9E-308,1E-10), whose difference
    # 1E-309 is a denormal, was 0 (status ok) where the core gives 1E-299. Now bit for bit the core's, one value or an
    # array (the slow path); a denormal result is 0 (CRR(A1,A2,1)), and Excel's own A1-A2 is 0 as before.
    crr = next(f for f in FUNCTIONS if f.name == "CRR")
    cells: dict[str, object] = {"A1": 3e-308, "A2": 2.9e-308, "A3": 1e-10, "B1": 4e-308, "B2": 2.9e-308, "B3": 1e-10}
    cells |= {
        "D1": "=CRR(A1,A2,A3)",
        "D2": "=INDEX(CRR(A1:B1,A2:B2,A3:B3),1,2)",
        "D3": "=CRR(A1,A2,1)",
        "D4": "=A1-A2",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert values["D1"] == evaluate(crr, 3e-308, 2.9e-308, 1e-10) == 1.0000000000000018e-299
    assert values["D2"] == evaluate(crr, 4e-308, 2.9e-308, 1e-10) == 1.1000000000000001e-298
    assert values["D3"] == 0 and values["D4"] == 0


def test_hyperlink_shows_its_friendly_names_value_as_it_is(tmp_path: Path) -> None:
    # Microsoft's HYPERLINK page: friendly_name is "the jump text or numeric value that is displayed in the cell"; the
    # engine made a number or TRUE text ("2.5", "TRUE": ISNUMBER FALSE) and let a friendly name stand over an error
    # link. Now the value as it is (an empty cell 0), link_location's text without one, an error link its error.
    # LibreOffice gives the same (its TRUE is 1).
    cells: dict[str, object] = {"A1": 5, "A3": 2.5, "A4": True, "A5": "=NA()"}
    cells |= {
        "D1": '=HYPERLINK("http://x",A3)',
        "D2": '=HYPERLINK("http://x",A4)',
        "D3": '=ISNUMBER(HYPERLINK("http://x",A1*2))',
        "D4": '=HYPERLINK("http://x",A6)',
        "D5": '=HYPERLINK("http://x")',
        "D6": '=HYPERLINK(1/0,"go")',
        "D7": '=HYPERLINK("http://x",A5)',
        "D8": '=HYPERLINK("http://x",A1&"")',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values.get(f"D{row}") for row in range(1, 9)] == [2.5, True, True, 0, "http://x", "#DIV/0!", "#N/A", "5"]


def test_a_number_criterion_over_the_same_number_as_formatted_text_is_listed(tmp_path: Path) -> None:
    # COUNTIF(E1:E2,0.1) over the text "10%" and the number 0.1 gave 2 with status ok (the engine matched the text;
    # LibreOffice gives 1); whether Excel reads "10%", "$5" or "1,000" in a criteria range as the number is documented
    # nowhere (the engine itself took "10%" only) -> listed with the reason, whether the number is typed in, a cell's
    # or an expression's, in COUNTIF, COUNTIFS and SUMIF. Computed as before where the range holds no such text of
    # that number (COUNTIF(E3:E4,5) over "5" and 5: 2, plain number text read as the number; E8's "$5" against 7: 0),
    # and for a text or ordering criterion (">0.05": 1).
    cells: dict[str, object] = {"E1": '="10"&"%"', "E2": 0.1, "E3": '="5"&""', "E4": 5, "E5": '="$5"&""'}
    cells |= {"E6": '="1,000"&""', "E7": 1000, "F1": 0.1}
    cells |= {
        "D1": "=COUNTIF(E1:E2,0.1)",
        "D2": "=COUNTIF(E1:E2,F1)",
        "D3": "=SUMIF(E1:E2,F1*1,E4:E5)",
        "D4": "=COUNTIFS(E4:E5,5)",
        "D5": "=COUNTIF(E6:E7,1000)",
        "D6": "=COUNTIF(E3:E4,5)",
        "D7": "=COUNTIF(E4:E5,7)",
        "D8": '=COUNTIF(E1:E2,">0.05")',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "incomplete"
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == ["S!D1", "S!D2", "S!D3", "S!D4", "S!D5"]
    said = "same number as text (a number written with %"
    assert all(u.function == "criteria" and said in u.reason for u in listed.values())
    assert [values["D6"], values["D7"], values["D8"]] == [2, 0, 1]


def test_row_of_a_reference_computed_when_the_formula_runs_is_each_row_where_arrays_are_evaluated(
    tmp_path: Path,
) -> None:
    # SUMPRODUCT(ROW(INDIRECT("1:"&B3))) with B3 = 3 is 1+2+3 = 6 in Excel (ROW of a range is an array where arrays
    # are evaluated), the digit sum SUMPRODUCT(--MID("123",ROW(INDIRECT("1:"&LEN(..))),1)) 6; the engine gave the
    # first row only: 1, 1, status ok. Likewise COLUMN(INDIRECT("A1:C"&B1)) and ROW(OFFSET(A1,0,0,3)). A plain
    # cell's ROW of it stays its first row (a classic formula: 1), ROW of one cell its row. LibreOffice agrees (rows
    # 11 on: the rows read are not the formulas' own).
    cells: dict[str, object] = {"B1": 3, "B2": 2, "B3": 3}
    cells |= {
        "D11": '=SUMPRODUCT(ROW(INDIRECT("1:"&B3)))',
        "D12": '=SUMPRODUCT(--MID("123",ROW(INDIRECT("1:"&LEN("123"))),1))',
        "D13": '=SUMPRODUCT(COLUMN(INDIRECT("A1:C"&B1)))',
        "D14": "=SUMPRODUCT(ROW(OFFSET(A1,0,0,3)))",
        "D15": '=SUMPRODUCT((ROW(INDIRECT("A1:A"&B3))>1)*1)',
        "D16": '=ROW(INDIRECT("1:"&B3))',
        "D17": '=SUMPRODUCT(ROW(INDIRECT("B"&B2)))',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"D{row}"] for row in range(11, 18)] == [6, 6, 6, 6, 2, 1, 2]


def test_indirect_of_an_error_is_that_error(tmp_path: Path) -> None:
    # INDIRECT's text that is an error gives that error in Excel (INDIRECT(A5) of =1/0 is #DIV/0!); the engine made it
    # #VALUE!, so IFNA(INDIRECT(A6&"!B2"),0) over a failed lookup's #N/A was #VALUE! with status ok (Excel: 0), and
    # ROWS(INDIRECT(A6)) #VALUE! (Excel: #N/A); R1C1 text too, and an R1C1 text naming no cell is #REF! (was
    # #VALUE!). A reference computed as before (S!B3 + 1 = 4). LibreOffice agrees but for IFNA (its #N/A).
    cells: dict[str, object] = {"A1": "S", "A4": "R0C1", "A5": "=1/0", "A6": "=NA()", "B3": 3}
    cells |= {
        "D1": "=INDIRECT(A5)",
        "D2": '=_xlfn.IFNA(INDIRECT(A6&"!B2"),0)',
        "D3": "=ROWS(INDIRECT(A6))",
        "D4": "=INDIRECT(A6,FALSE)",
        "D5": '=IFERROR(INDIRECT(A5),"e")',
        "D6": '=INDIRECT(A1&"!B"&B3)+1',
        "D7": "=INDIRECT(A4,FALSE)",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"D{row}"] for row in range(1, 8)] == ["#DIV/0!", 0, "#N/A", "#N/A", "e", 4, "#REF!"]


def test_row_of_an_offset_whose_height_is_a_cell_is_its_row(tmp_path: Path) -> None:
    # ROW(OFFSET(A1,0,0,B3)) with B3 = 3 is 1 in Excel (SUMPRODUCT of it 6); the rewrite for a height that may be
    # negative bound it with LET, whose result the engine gives as values, not a reference: #REF! with status ok. Now
    # a height calling no function is written out in place (and any, under ROW or COLUMN): a negative one still ends
    # the range at the offset cell (OFFSET(A3,0,0,-2): A2:A3, ROW 2, SUM 5).
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "B3": 3, "B4": -2}
    cells |= {
        "D1": "=ROW(OFFSET(A1,0,0,B3))",
        "D2": "=SUMPRODUCT(ROW(OFFSET(A1,0,0,B3)))",
        "D3": "=ROW(OFFSET(A3,0,0,B4))",
        "D4": "=SUM(OFFSET(A3,0,0,B4))",
        "D5": "=ROW(OFFSET(A1,1,0,COUNTA(A1:A3)-1))",
        "D6": "=COLUMN(OFFSET(A1,0,1,1,B3-1))",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"D{row}"] for row in range(1, 7)] == [1, 6, 2, 5, 2, 2]
