"""XIRR's and IRR's #NUM! say why (H239's finding 7: listed with no reason): no change of sign among the payments,
Newton's method not settling from the guess, a date before the first, values and dates not as many."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

SIGN = "its values hold no change of sign (every payment is {}): a rate needs at least one positive and one negative"
CELLS = {
    "B1": "=_xlfn.XIRR(A1:A3,C1:C3)",  # payments all negative
    "B2": "=_xlfn.XIRR({-100,1000000,-1E9},{45000,45001,45002},-0.99)",
    "B3": "=_xlfn.XIRR({-100,50},{45000,44900})",
    "B4": "=_xlfn.XIRR({-100,50,60},{45000,45100})",
    "B5": "=IRR({1,2})",
    "B6": "=B1+1",
    "B7": "=_xlfn.XIRR({-100,60,60},{45000,45365,45730})",  # a rate: no reason
}


def test_xirr_num_errors_say_why(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (amount, day) in enumerate(((-100, 45000), (-50, 45100), (-20, 45200)), start=1):
        sheet[f"A{row}"], sheet[f"C{row}"] = amount, day
    for ref, formula in CELLS.items():
        sheet[ref] = formula
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    reasons = {issue.address: (issue.error, issue.reason) for issue in result.errors}
    guess = "Excel's #NUM! asks for another guess (the third argument)"
    assert reasons == {
        "S!B1": ("#NUM!", f"XIRR: {SIGN.format('negative')} payment (#NUM!)"),
        "S!B2": (
            "#NUM!",
            f"XIRR: Newton's method from the guess -0.99 did not settle on a rate in 100 steps; {guess} (#NUM!)",
        ),
        "S!B3": ("#NUM!", "XIRR: a date (44900) precedes the first date (45000) (#NUM!)"),
        "S!B4": ("#NUM!", "XIRR: its values (3) and dates (2) are not as many (#NUM!)"),
        "S!B5": ("#NUM!", f"IRR: {SIGN.format('positive')} payment (#NUM!)"),
        "S!B6": ("#NUM!", f"XIRR: {SIGN.format('negative')} payment (#NUM!), from S!B1"),
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert round(out["B7"].value, 9) == 0.130662386  # 60/(1+r) + 60/(1+r)^2 = 100
