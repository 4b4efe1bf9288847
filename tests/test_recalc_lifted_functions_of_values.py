"""Functions of single values that this package computes are applied to each element of an array where Excel
evaluates arrays: TIMEVALUE, ERROR.TYPE, PERMUTATIONA, the discount securities' functions (DISC, INTRATE, ...),
COMPLEX and IMSUB, ENCODEURL ... (Microsoft's "Guidelines and examples of array formulas": a function of one value
given an array in an array formula, or in SUMPRODUCT's arguments, answers each element).

They had no element-by-element form: ``SUMPRODUCT(TIMEVALUE(A1:A2))`` was #VALUE!, ``SUMPRODUCT(DISC(..,A3:A4,..))``
and ``SUMPRODUCT(PERMUTATIONA(A3:A4,2))`` the first element's answer alone, ``{=ERROR.TYPE(A1:A2/0)}`` #N/A, each with
status ok.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_functions_of_one_value_answer_each_element(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"], sheet["A4"] = "2:24 AM", "6:00 PM", 5, 7
    cells = {
        "B1": "=SUMPRODUCT(TIMEVALUE(A1:A2))",  # 0.1 (TIMEVALUE's example) + 0.75
        "B2": "=SUMPRODUCT(ERROR.TYPE(A3:A4/0))",  # #DIV/0! is 2, twice
        "B3": "=SUMPRODUCT(IFERROR(ERROR.TYPE(A3/(A3:A4-5)),0))",  # {#DIV/0!, 2.5}: 2 and #N/A
        "B4": "=SUMPRODUCT(_xlfn.PERMUTATIONA(A3:A4,2))",  # 5^2 + 7^2
        "B5": "=SUMPRODUCT(DISC(40000,40000+A3:A4,97,100,2))",  # 3/100*360/5 + 3/100*360/7 (actual/360)
        "B6": '=SUMPRODUCT(LEN(IMSUB(A3:A4,"1+i")))',  # "4-i", "6-i"
        "B7": "=SUMPRODUCT(LEN(COMPLEX(A3:A4,1)))",  # "5+i", "7+i"
        "B8": "=SUMPRODUCT(LEN(_xlfn.ENCODEURL(A1:A2)))",  # "2%3A24%20AM", "6%3A00%20PM"
        "B9": "=DISC(40000,40000+A3:A4,97,100,2)",  # a classic formula in row 9: no cell of A3:A4 there
        "B10": "=TIMEVALUE(A1)",  # one value, as before
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    sheet["D1"] = ArrayFormula("D1", "=ERROR.TYPE(A3:A4/0)")
    sheet["E1"] = ArrayFormula("E1", "=TIMEVALUE(A1:A2)")
    source = save_dynamic(book, tmp_path / "book.xlsx", ["D1", "E1"])
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: out[ref].value for ref in [*cells, "D1", "D2", "E1", "E2"]}
    assert got["B1"] == pytest.approx(0.85, abs=1e-15)
    assert got["B5"] == pytest.approx(2.16 + 3 / 100 * 360 / 7, rel=1e-15)
    assert got["E1"] == pytest.approx(0.1, abs=1e-15) and got["E2"] == pytest.approx(0.75, abs=1e-15)
    assert {k: got[k] for k in ("B2", "B3", "B4", "B6", "B7", "B8", "B9", "D1", "D2")} == {
        "B2": 4, "B3": 2, "B4": 74, "B6": 6, "B7": 6, "B8": 22, "B9": "#VALUE!", "D1": 2, "D2": 2,
    }  # fmt: skip
    assert got["B10"] == pytest.approx(0.1, abs=1e-15)


def test_the_engines_functions_of_one_value_answer_each_element(tmp_path: Path) -> None:
    # the engine's TDIST, CHIDIST, WEIBULL, HYPGEOMDIST, GAMMA ... gave the first element's answer alone in
    # SUMPRODUCT, and ROMAN, TBILLPRICE, CUMIPMT, BESSELJ ... #VALUE!, each with status ok
    import math

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = 1, 2, 3
    cells = {
        "B1": "=SUMPRODUCT(CHIDIST(A1:A3,2))",  # two degrees of freedom: EXP(-x/2)
        "B2": "=SUMPRODUCT(WEIBULL(A1:A3,1,1,TRUE))",  # 1 - EXP(-x)
        "B3": "=SUMPRODUCT(HYPGEOMDIST(A1:A3,4,5,10))",  # (50 + 100 + 50) / 210
        "B4": "=SUMPRODUCT(LEN(ROMAN(A1:A3)))",  # I, II, III
        "B5": "=SUMPRODUCT(TBILLPRICE(40000,40000+A1:A3*30,0.09))",  # 100 * (1 - 0.09 * days / 360)
        "B6": "=SUMPRODUCT(_xlfn.GAMMA(A1:A3))",  # 1 + 1 + 2
        "B7": "=SUMPRODUCT(FACTDOUBLE(A1:A3))",  # 1 + 2 + 3
        "B8": "=SUMPRODUCT(CUMIPMT(0.1,3,100,1,A1:A3,0))",
        "B9": "=CUMIPMT(0.1,3,100,1,1,0)+CUMIPMT(0.1,3,100,1,2,0)+CUMIPMT(0.1,3,100,1,3,0)",
        "B10": "=CHIDIST(A2,2)",  # one value, as before
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: out[ref].value for ref in cells}
    assert got["B1"] == pytest.approx(sum(math.exp(-x / 2) for x in (1, 2, 3)), rel=1e-12)
    assert got["B2"] == pytest.approx(sum(1 - math.exp(-x) for x in (1, 2, 3)), rel=1e-12)
    assert got["B3"] == pytest.approx(200 / 210, rel=1e-12)
    assert got["B5"] == pytest.approx(99.25 + 98.5 + 97.75, rel=1e-12)
    assert got["B6"] == pytest.approx(4, rel=1e-12)
    assert (got["B4"], got["B7"]) == (6, 6)
    assert got["B8"] == pytest.approx(got["B9"], rel=1e-12) and got["B8"] < -40  # -10 - 17.25 - 20.4
    assert got["B10"] == pytest.approx(math.exp(-1), rel=1e-12)


def test_byte_forms_and_gammaln_precise_answer_each_element(tmp_path: Path) -> None:
    # LEFTB, RIGHTB, MIDB (as LEFT, RIGHT, MID in a single-byte language) and GAMMALN.PRECISE gave one element
    import math

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = 1, 2, 3
    cells = {
        "B1": '=SUMPRODUCT(LEN(LEFTB("abc",A1:A3)))',  # a, ab, abc
        "B2": '=SUMPRODUCT(LEN(RIGHTB("abc",A1:A3)))',
        "B3": '=SUMPRODUCT(LEN(MIDB("abcd",A1:A3,2)))',  # ab, bc, cd
        "B4": "=SUMPRODUCT(_xlfn.GAMMALN.PRECISE(A1:A3))",  # LN(0!) + LN(1!) + LN(2!)
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "B2", "B3")] == [6, 6, 6]
    assert out["B4"].value == pytest.approx(math.log(2), rel=1e-12)
