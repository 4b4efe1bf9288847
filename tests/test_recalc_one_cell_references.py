"""A one-cell reference given to COUNT or MODE counts its number only, as any reference does.

Microsoft's COUNT page: "If an argument is an array or reference, only numbers in that array or reference are
counted. Empty cells, logical values, text, or error values in the array or reference are not counted."; its
WorksheetFunction.Mode_Mult page and ECMA-376's MODE: "If an array or reference argument contains text, logical
values, or empty cells, those values are ignored". INDEX's reference form, OFFSET, INDIRECT and CHOOSE (its page:
``SUM(CHOOSE(2,A1:A10,B1:B10,C1:C10))`` sums B1:B10) give references.

``COUNT(INDEX(A1:A4,3))`` of the text "3" in A3 was 1 with status ok (our guard against error values, IFERROR(x,""),
made the reference its value, which COUNT reads as typed); ``MODE(A4,1,2,2)`` of TRUE in A4 was 1 (the engine hands
our MODE a one-cell reference as its value, counted as TRUE = 1 beside 1, 2, 2), where Excel leaves TRUE out: 2.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, cells: dict[str, object]) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 1, "A2": "abc", "A3": "3", "A4": True, "A5": "=NA()", **cells}.items():
        sheet[ref] = value
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {ref: out[ref].value for ref in cells}


def test_count_of_a_reference_a_function_gives_counts_its_number_only(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "C1": "=COUNT(INDEX(A1:A4,3))",  # the text "3" in a reference: not counted
            "C2": "=COUNT(INDEX(A1:A4,4),A1)",  # TRUE in a reference: not counted
            "C3": "=COUNT(OFFSET(A3,0,0))",
            "C4": "=COUNT(CHOOSE(2,A1,A4))",
            "C5": '=COUNT(INDIRECT("A3"),A1)',
            "C6": "=COUNT(IF(A1=1,A3,A1))",
            "C7": "=COUNT((INDEX(A1:A4,3)))",  # in brackets, as a name defined by a formula is put
            "C8": "=COUNT(INDEX(A1:A4,1))",  # a number: counted
            "C9": "=COUNT(INDEX(A1:A5,9),INDEX(A1:A5,5),1/0,5)",  # errors are not counted, as before
            "C10": '=COUNT(IF(TRUE,"3"),"4",TRUE)',  # values typed in are counted, as before
            "C11": "=COUNT(INDEX(A1:A4,0,1))",
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {
        "C1": 0, "C2": 1, "C3": 0, "C4": 0, "C5": 1, "C6": 0, "C7": 0, "C8": 1, "C9": 1, "C10": 3, "C11": 1,
    }  # fmt: skip


def test_mode_leaves_out_the_text_and_logicals_of_one_cell_references(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "C1": "=MODE(A4,1,2,2)",  # TRUE left out: 1, 2, 2
            "C2": "=MODE(A3,3,2,2)",  # "3" left out: 3, 2, 2
            "C3": "=_xlfn.MODE.SNGL(A4,1,2,2)",
            "C4": "=MODE(INDEX(A1:A4,4),1,2,2)",
            "C5": "=MODE(OFFSET(A3,0,0),3,2,2)",
            "C6": "=MODE(A1:A4,1,2,2)",  # a range: A1's 1 counts, the first of the two most frequent
            "C7": "=MODE(A1,A1,2)",
            "C8": "=MODE(A5,1,1)",  # an error in a reference: the error
            "C9": "=MODE(A4,A2,A3)",  # no number twice
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {"C1": 2, "C2": 2, "C3": 2, "C4": 2, "C5": 2, "C6": 1, "C7": 1, "C8": "#N/A", "C9": "#N/A"}


def test_mode_mult_of_one_cell_references(tmp_path: Path) -> None:
    from one_sheet import save_dynamic
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A3"], sheet["A4"] = "3", True
    sheet["C1"] = ArrayFormula("C1", "=_xlfn.MODE.MULT(A4,A3,1,3,2,2,1)")  # TRUE and "3" left out: 1 and 2 twice
    source = save_dynamic(book, tmp_path / "book.xlsx", ["C1"])
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out["C1"].value, out["C2"].value, out["C3"].value] == [1, 2, None]


def test_large_small_percentile_of_each_k_leave_out_a_cell_of_text_or_logical(tmp_path: Path) -> None:
    # LARGE's page: "If array is empty, LARGE returns the #NUM! error value"; a reference of text or TRUE holds no
    # number, as the engine's own LARGE(A3,1) says (#NUM!), where the form answering each k read "3" as 3, TRUE as 1
    result, got = _recalculated(
        tmp_path,
        {
            "C1": "=SUM(LARGE(A3,{1}))",
            "C2": "=SUM(SMALL(A4,{1,1}))",
            "C3": "=SUM(PERCENTILE(A4,{0,1}))",
            "C4": "=SUM(QUARTILE(A3,{0,4}))",
            "C5": "=SUMPRODUCT(LARGE(INDEX(A1:A4,4),{1}))",
            "C6": "=SUM(LARGE(A1:A4,{1}),SMALL(A1,{1}))",  # numbers: 1 + 1
            "C7": "=LARGE(A3,1)",  # the engine's, as before
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {"C1": "#NUM!", "C2": "#NUM!", "C3": "#NUM!", "C4": "#NUM!", "C5": "#NUM!", "C6": 2, "C7": "#NUM!"}


def test_counta_counts_the_ref_error_of_an_index_out_of_its_range(tmp_path: Path) -> None:
    # Microsoft's INDEX and OFFSET pages: out of the range (or over the sheet's edge) they give #REF!; the COUNTA
    # page: COUNTA counts error values. The engine passed the #REF! on as COUNTA's answer, with status ok
    result, got = _recalculated(
        tmp_path,
        {
            "C1": "=COUNTA(INDEX(A1:A4,9))",
            "C2": "=COUNTA(OFFSET(A1,-5,0),A1)",
            "C3": "=COUNTA(IF(TRUE,INDEX(A1:A4,9)))",
            "C4": "=COUNTA(INDEX(A1:A4,3),INDEX(A1:A6,6))",  # a reference: "3" counted, the blank A6 not
            "C5": "=COUNTA(INDEX(A1:A4,0))",
            "C6": "=COUNTA(1/0,NA())",  # error values typed: counted, as before
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {"C1": 1, "C2": 2, "C3": 1, "C4": 1, "C5": 4, "C6": 2}
