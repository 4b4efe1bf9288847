"""NPV counts the values typed into the formula, those of a reference or an array only when they are numbers.

Microsoft's WorksheetFunction.Npv page (ECMA-376's NPV alike): "Arguments that are numbers, empty cells, logical
values, or text representations of numbers are counted ... If an argument is an array or reference, only numbers in
that array or reference are counted." The engine gave #VALUE! with status ok for ``NPV(0.1,1,"2")`` (2.5620), for an
array constant holding text (``NPV(0.1,{1,"2",3})``, 3.3884: the text left out) and for a rate that is numeric text
in a cell (read as a number as everywhere else). Typed text reading as no number is listed: the page says ignored,
the engine said #VALUE!, and no Excel-saved workbook settles it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def test_npv_counts_typed_values_and_only_the_numbers_of_references(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = "2", True, 3
    cells = {
        "B1": '=NPV(0.1,1,"2")',  # typed numeric text counted: 1/1.1 + 2/1.21
        "B2": "=NPV(0.1,1,TRUE)",  # a typed logical counted as 1
        "B3": '=NPV(0.1,1,TRIM(" 2 "))',  # an expression's text is a value, counted
        "B4": '=NPV(0.1,{1,"2",3})',  # an array: its numbers only, 1/1.1 + 3/1.21
        "B5": "=NPV(0.1,1,A1)",  # text in a reference left out
        "B6": "=NPV(0.1,1,A2,A3)",  # a logical in a reference left out: A3 is the second flow
        "B7": "=NPV(A1,1,2)",  # the rate "2" in a cell is the number 2: 1/3 + 2/9
        "B8": '=NPV("10%",1,2)',
        "B9": "=NPV(0.1,-10000,3000,4200,6800)",  # Microsoft's NPV example: 1,188.44
        "B10": "=NPV(0.1,1,NA())",
        "B11": '=NPV(0.1,1,"abc")',  # listed, Excel's stored value kept
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!B11"}, listed
    assert 'NPV(0.1,1,"abc")' in listed["S!B11"], listed
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    expected = {
        "B1": 1 / 1.1 + 2 / 1.1**2,
        "B2": 1 / 1.1 + 1 / 1.1**2,
        "B3": 1 / 1.1 + 2 / 1.1**2,
        "B4": 1 / 1.1 + 3 / 1.1**2,
        "B5": 1 / 1.1,
        "B6": 1 / 1.1 + 3 / 1.1**2,
        "B7": 1 / 3 + 2 / 9,
        "B8": 1 / 1.1 + 2 / 1.1**2,
        "B9": 1188.4434123352216,
    }
    for ref, value in expected.items():
        assert out[ref].value == pytest.approx(value, rel=1e-12), ref
    assert round(out["B1"].value, 4) == 2.5620 and round(out["B4"].value, 4) == 3.3884
    assert out["B10"].value == "#N/A"


def test_numeric_text_in_a_cell_is_a_number_to_financial_functions(tmp_path: Path) -> None:
    # the engine's SLN, SYD, DDB, EFFECT, CUMIPMT ... and our IPMT/PPMT (of "10%") gave #VALUE! with status ok for
    # numeric text in a cell given as a number, where Excel reads it as =A2*1 does (and as PMT, ROUND, DB here do)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"], sheet["A4"], sheet["A5"] = "10%", "2400", "300", "10", "abc"
    cells = {
        "B1": "=SLN(A2,A3,A4)",  # (2400 - 300) / 10
        "B2": "=SYD(A2,A3,A4,1)",  # 2100 * 10 * 2 / 110
        "B3": "=DDB(A2,A3,A4,1)",  # 2400 * 2 / 10
        "B4": "=EFFECT(A1,4)",  # 1.025^4 - 1
        "B5": "=ISPMT(A1,1,A4,A2)",  # -2400 * 0.1 * (1 - 1/10)
        "B6": "=IPMT(A1,1,A4,A2)",  # the first period's interest: -2400 * 0.1
        "B7": "=SLN(A2,A3,A5)",  # text that is no number: #VALUE! as before
        "B8": "=SLN(2400,300,10)",
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert not result.unsupported, result.unsupported
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert out["B1"].value == 210 and out["B8"].value == 210
    assert out["B2"].value == pytest.approx(2100 * 20 / 110, rel=1e-12)
    assert out["B3"].value == 480
    assert out["B4"].value == pytest.approx(1.025**4 - 1, rel=1e-12)
    assert out["B5"].value == pytest.approx(-216, rel=1e-12)
    assert out["B6"].value == pytest.approx(-240, rel=1e-12)
    assert out["B7"].value == "#VALUE!"


def test_xnpv_and_xirr_over_text_are_listed_not_num(tmp_path: Path) -> None:
    # dates typed as text in cells (or text among the values) gave #NUM! with status ok, the engine's answer;
    # Microsoft's XNPV/XIRR pages say "If any number in dates is not a valid date", #VALUE!, and nothing of text: listed
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (flow, day) in enumerate(((-100, "2023-03-15"), (50, "2024-01-09"), (60, "2023-06-23")), 1):
        sheet[f"A{row}"], sheet[f"C{row}"], sheet[f"D{row}"] = flow, day, 45000 + 100 * (row - 1)
    cells = {
        "B1": "=XNPV(0.1,A1:A3,C1:C3)",
        "B2": "=XIRR(A1:A3,C1:C3)",
        "B3": '=XNPV(0.1,{-100,"50",60},D1:D3)',
        "B4": "=XNPV(0.1,A1:A3,D1:D3)",  # numbers: -100 + 50/1.1^(100/365) + 60/1.1^(200/365)
        "B5": "=XNPV(0.1,A1:A3,{45000,45300,44900})",  # a date before the first: #NUM! (the pages)
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert {u.address for u in result.unsupported} == {"S!B1", "S!B2", "S!B3"}
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert out["B4"].value == pytest.approx(-100 + 50 / 1.1 ** (100 / 365) + 60 / 1.1 ** (200 / 365), rel=1e-12)
    assert out["B5"].value == "#NUM!"


def test_xnpv_and_xirr_over_logicals_are_listed_not_counted(tmp_path: Path) -> None:
    # TRUE among XNPV's values was a payment of 1 with status ok (22.6468 here, where leaving it out gives 21.6729):
    # the pages say nothing of logicals, as of text: listed, Excel's stored value kept
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (flow, day) in enumerate(((-100, 40000), (True, 40100), (60, 40200), (70, 40300)), 1):
        sheet[f"A{row}"], sheet[f"C{row}"] = flow, day
    sheet["D1"] = True
    cells = {
        "B1": "=XNPV(0.1,A1:A4,C1:C4)",
        "B2": "=XIRR(A1:A4,C1:C4)",
        "B3": "=XNPV(0.1,{-100,TRUE,60,70},C1:C4)",
        "B4": "=XNPV(0.1,A3:A4,{40000,40100})",  # numbers: 60 + 70/1.1^(100/365)
        "B5": "=XNPV(0.1,A3:A4,D1:E1)",  # a logical date
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert {u.address for u in result.unsupported} == {"S!B1", "S!B2", "S!B3", "S!B5"}
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert out["B4"].value == pytest.approx(60 + 70 / 1.1 ** (100 / 365), rel=1e-12)
