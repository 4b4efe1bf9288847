"""Recalculation leftovers of the eighth round (H52): the embedded engine against Excel on users' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones, or the cells listed with their reason.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet as _recalc
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _store(path: Path, values: dict[str, str]) -> Path:
    """``path`` with the cached value ``values[ref]`` (as Excel saved it) stored beside each formula cell's formula."""
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, value in values.items():
                    pattern = rb'(<c r="' + ref.encode() + rb'"[^>]*>)(<f[^>]*>[^<]*</f>)(?:<v>[^<]*</v>|<v ?/>)?'
                    data, count = re.subn(pattern, rb"\1\2<v>" + value.encode() + b"</v>", data)
                    assert count == 1, ref
            out.writestr(info.filename, data)
    return path


def test_mround_of_a_fractional_multiple_is_listed_where_excels_answer_is_not_certain(tmp_path: Path) -> None:
    # MROUND(1.15,0.05) is 23 * 0.05: 1.1500000000000001 in binary (the engine's, status ok), 1.15 in decimal; which
    # one Excel gives is not known (MATCH(1.15,..) finds the one, not the other). MROUND(6.05,0.1) is halfway in
    # decimal, not in binary: Excel's answer differs between versions (6 or 6.1). Both listed, also behind IFERROR and
    # inside SUMPRODUCT, with the cell reading one; exact answers computed: MROUND(10,3) 9, MROUND(7.25,0.5) 7.5,
    # MROUND(5,2) 6 (halfway in binary too: away from zero), MROUND(-2.5,-0.1) -2.5, MROUND(2.68,0.01) 2.68,
    # MROUND(5,-2) #NUM! (Microsoft's page), MROUND("7.25",0.5) 7.5.
    cells: dict[str, object] = {
        "C1": 1.15,
        "C2": 6.05,
        "C3": 2.68,
        "C4": 5,
        "A1": "=MROUND(C1,0.05)",
        "A2": "=IFERROR(MROUND(C2,0.1),0)",
        "A3": "=A1*2",
        "A4": "=SUMPRODUCT(MROUND(C1:C2,0.05))",
        "B1": "=MROUND(10,3)",
        "B2": "=MROUND(7.25,0.5)",
        "B3": "=MROUND(5,2)",
        "B4": "=MROUND(-2.5,-0.1)",
        "B5": "=MROUND(C3,0.01)",
        "B6": "=MROUND(5,-2)",
        "B7": '=MROUND("7.25",0.5)',
        "B8": "=SUMPRODUCT(MROUND(C3:C4,1))",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "incomplete"
    listed = {u.address: u.reason for u in result.unsupported}
    assert sorted(listed) == ["S!A1", "S!A2", "S!A3", "S!A4"]
    assert "1.1500000000000001" in listed["S!A1"] and "halfway" in listed["S!A2"] and "S!A1" in listed["S!A3"]
    assert [values.get(f"B{row}") for row in range(1, 9)] == [9, 7.5, 6, -2.5, 2.68, "#NUM!", 7.5, 8]
    assert all(f"A{row}" not in values for row in range(1, 5))


def test_mround_listed_keeps_the_value_excel_stored_and_the_cells_reading_it_use_it(tmp_path: Path) -> None:
    # The same cells in a workbook Excel saved: Excel's own answers are kept (status ok), the cell reading one is
    # computed from it, and the file's formulas are written back as they were.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C1"], sheet["C2"] = 1.15, 6.05
    sheet["A1"], sheet["A2"], sheet["A3"] = "=MROUND(C1,0.05)", "=MROUND(C2,0.1)", "=A1*2+A2"
    book.save(tmp_path / "book.xlsx")
    source = _store(tmp_path / "book.xlsx", {"A1": "1.1499999999999999", "A2": "6", "A3": "8.3"})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert sorted((u.address, u.kept) for u in result.unsupported) == [("S!A1", True), ("S!A2", True)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["A1"].value, out["A2"].value, out["A3"].value) == (1.15, 6, 8.3)
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["S"]["A1"].value == "=MROUND(C1,0.05)"


def test_a_result_below_excels_smallest_number_is_0_and_the_cells_reading_it_see_0(tmp_path: Path) -> None:
    # KB 78113: Excel has no denormal numbers, a result below 2.2250738585072E-308 underflows to 0. The engine kept
    # 1E-310 (=B1=0 FALSE, =B2*1E300 1E-10, IF(B1>0,...) "pos" with status ok). The smallest normal number stays.
    cells: dict[str, object] = {
        "B1": "=1E-310",
        "B2": "=2E-308/100",
        "B3": "=B2*1E300",
        "B4": "=B1=0",
        "B5": '=IF(B1>0,"pos","zero")',
        "B6": "=EXP(-720)",
        "B7": "=-1E-310",
        "B8": "=2.5E-308*1",
        "B9": "=B8*2*1E300",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"B{row}"] for row in range(1, 8)] == [0, 0, 0, True, "zero", 0, 0]
    assert values["B8"] == 2.5e-308 and values["B9"] == 5e-8
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["S"]["B1"].value == "=1E-310"


def test_if_inside_sumproduct_in_a_plain_formula_is_listed_as_an_array_formula_computed(tmp_path: Path) -> None:
    # Excel evaluates SUMPRODUCT's arguments as arrays in a plain formula, but not an IF inside them (Ctrl+Shift+Enter
    # needed: Excel reads IF's condition in the formula's own row, #VALUE! in row 12). The engine gave 3 and "b-a-c"
    # for every row with status ok: listed now, Excel's stored value kept. Entered as an array formula, the same is
    # computed (3); without IF (a comparison times 1) and with a one-cell condition choosing whole ranges, as before.
    # TEXTJOIN's texts are not array arguments at all (value class, as SUM's): the IF's condition C1:C5>10 is
    # intersected like any expression there, #VALUE! in row 13 with its reason (H313's finding 06).
    cells: dict[str, object] = {
        "C1": 10,
        "C2": 20,
        "C3": 30,
        "C4": "x",
        "C5": 5,
        "D1": "a",
        "D2": "b",
        "D3": "a",
        "D4": "c",
        "D5": "b",
        "E12": "=SUMPRODUCT(IF(C1:C5>10,1,0))",
        "E13": '=_xlfn.TEXTJOIN("-",TRUE,IF(C1:C5>10,D1:D5,""))',
        "E14": "=SUMPRODUCT((C1:C5>10)*1)",
        "E15": '=SUMPRODUCT(IF(D1="a",C1:C3,C2:C3))',
        "E16": "=E12+1",
    }
    result, values = _recalc(tmp_path, cells, arrays={"E17": "=SUMPRODUCT(IF(C1:C5>10,1,0))"})
    assert result.status == "incomplete"
    listed = {u.address: (u.function, u.reason) for u in result.unsupported}
    assert sorted(listed) == ["S!E12", "S!E16"]
    assert listed["S!E12"][0] == "IF" and "SUMPRODUCT" in listed["S!E12"][1]
    assert values["E13"] == "#VALUE!"
    reason = {e.address: e.reason for e in result.errors}["S!E13"]
    assert reason == (
        "C1:C5 is read as one value, the cell of S!C1:C5 in the formula's own row (a classic, non-array formula's"
        " implicit intersection), and S!E13 is in row 13, outside rows 1-5: to read each of its cells, enter the"
        " formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    )
    assert (values["E14"], values["E15"], values["E17"]) == (3, 60, 3)  # text "x" > 10 too, as Excel orders


def test_what_the_engine_cannot_compute_is_listed_also_where_iferror_hides_its_error(tmp_path: Path) -> None:
    # PHONETIC (a function the engine lacks; this was AREAS, computed since: E5), LARGE, SMALL and RANK of a union of
    # references (typed, or a name over two areas) and a 3-D reference outside SUM gave the engine's own error, listed
    # only where the cell showed it: behind IFERROR they were -1 with status ok, where Excel gives 1, 4, 2, 2 and 11.
    # Listed now, with the cell reading one; a typed union the rewrite writes out (SUM) and SUM's 3-D reference are
    # computed as before. A name of two areas written in brackets, as typed in the Name Manager, is read as Excel saves
    # areas selected with Ctrl (MEDIAN(Blocks) behind IFERROR was -1 for 2.5, COUNT(Blocks) 0 for 4, with status ok).
    # LARGE, SMALL and RANK of a union are computed since (H223's finding 05: the areas stacked): 4, 2, 2.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 1, "A2": 2, "C1": 3, "C2": 4}.items():
        sheet[ref] = value
    book.create_sheet("Jan")["A1"] = 10
    book.create_sheet("Feb")["A1"] = 20
    formulas = {
        "D1": "=IFERROR(PHONETIC(A1:A2),-1)",
        "D2": "=IFERROR(LARGE((A1:A2,C1:C2),1),-1)",
        "D3": "=IFERROR(SMALL(Blocks,2),-1)",
        "D4": "=IFERROR(RANK(3,(A1:A2,C1:C2)),-1)",
        "D5": "=IFERROR(Jan:Feb!A1+1,-1)",
        "D6": "=D1+1",
        "D7": "=IFERROR(_xlfn.FORECAST.ETS(3,A1:A2,C1:C2),-1)",
        "E1": "=IFERROR(SUM((A1:A2,C1:C2)),-1)",
        "E2": "=IFERROR(MEDIAN(Blocks),-1)",
        "E3": "=IFERROR(SUM(Jan:Feb!A1),-1)",
        "E4": "=COUNT(Blocks)",
        "E5": "=IFERROR(AREAS(A1:A2),-1)",
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    book.defined_names["Blocks"] = DefinedName("Blocks", attr_text="(S!$A$1:$A$2,S!$C$1:$C$2)")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u.function for u in result.unsupported}
    assert listed == {
        "S!D1": "PHONETIC",
        "S!D5": "3-D reference",
        "S!D6": "PHONETIC",
        "S!D7": "FORECAST.ETS",
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"E{row}"].value for row in range(1, 6)] == [10, 2.5, 30, 4, 1]
    assert [out[f"D{row}"].value for row in range(2, 5)] == [4, 2, 2]  # LARGE, SMALL, RANK of a union: computed


def test_a_not_implemented_error_hidden_by_iferror_is_listed(tmp_path: Path) -> None:
    # TEXT of a negative number under a conditional format is listed (the engine's #NIMPL!); behind IFERROR it was "x"
    # with status ok. The cell is listed now; the same format of a positive number and IFERROR elsewhere computed.
    cells: dict[str, object] = {
        "A1": -5,
        "A2": 1500,
        "B1": '=IFERROR(TEXT(A1,"[<0]0.0;0"),"x")',
        "B2": '=IFERROR(TEXT(A2,"[>=1000]0,\\K;0"),"x")',
        "B3": '=IFERROR(1/0,"none")',
        "B4": '=ISERROR(TEXT(A1,"[<0]0.0;0"))',
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "incomplete"
    assert {u.address: u.function for u in result.unsupported} == {"S!B1": "TEXT", "S!B4": "TEXT"}
    assert (values["B2"], values["B3"]) == ("2K", "none")


def test_the_three_d_hint_stays_within_one_formula_of_a_sheets_lines() -> None:
    # A sheet's formulas are searched one per line (FormulaTexts.upper_text): a colon of one formula and a quoted
    # sheet name of a later one are no 3-D reference (the search ran from every colon to the text's end: 380 s for
    # the 10,000-row benchmark workbook, 1.4 s now).
    from xl_retention.recalculation.sheet_ranges import THREE_D_HINT

    assert THREE_D_HINT.search("=SUM(A2:C2)\n='My data'!A1") is None
    assert THREE_D_HINT.search("=SUM('Jan:Mar 2'!B2)") is not None
    assert THREE_D_HINT.search("=SUM(Jan:Mar!B2)\n=1") is not None
