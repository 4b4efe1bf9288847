"""Our functions saved by Excel from xlwings Lite or Server (``_xldudf_NPS(...)``) give their reasons (H212, 01).

The engine is given them as our calls (``NPS(...)``), but the reasons were looked for only where the stored formula
names the function plainly: every ``_xldudf_`` cell in error was listed with reason ''. Now each has the reason the
plain call gives.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

SCORES = [10, 9, 8, 7, "n/a", 3, 10, 6, 9, 2]
NOT_A_NUMBER = "scores must be a number, got 'n/a' in Survey!A6 (#VALUE!)"


def _reasons(tmp_path: Path, book: openpyxl.Workbook) -> dict[str, tuple[str, str]]:
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    return {e.address: (e.error, e.reason) for e in report.errors}


def test_office_js_calls_over_scores_name_the_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Survey"
    sheet["A1"] = "Score"
    for row, score in enumerate(SCORES, start=2):
        sheet[f"A{row}"] = score
    sheet["C1"], sheet["C2"] = "=_xldudf_NPS(A2:A11)", "=INDEX(_xldudf_NPS_BREAKDOWN(A2:A11),1,4)"
    sheet["C3"], sheet["C4"] = "=_xldudf_NPS(A:A)", "=_xldudf_XLWINGS_NPS_MOE(A2:A11)"
    assert _reasons(tmp_path, book) == {
        "Survey!C1": ("#VALUE!", f"NPS: {NOT_A_NUMBER}"),
        "Survey!C2": ("#VALUE!", f"NPS_BREAKDOWN: {NOT_A_NUMBER}"),
        "Survey!C3": ("#VALUE!", "NPS: scores must be a number, got 'Score' in Survey!A1 (#VALUE!)"),
        "Survey!C4": ("#VALUE!", f"NPS_MOE: {NOT_A_NUMBER}"),
    }


def test_office_js_calls_give_the_plain_calls_reasons(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = 10, 2, "n/a", 0
    sheet["A3"], sheet["A4"] = "=_xldudf_CRR(C1,B1,A1)", "=_xldudf_XLWINGS_CRR(A1,B1,D1)"
    sheet["A5"], sheet["A6"] = "=_xldudf_CLV(50,1.5,0.1)", "=CLV(50,1.5,0.1)"
    margin = "CLV: gross_margin must be a rate between 0 and 1, got 1.5 (#NUM!)"
    assert _reasons(tmp_path, book) == {
        "S!A3": ("#VALUE!", "CRR: customers_end must be a number, got 'n/a', in S!C1 (#VALUE!)"),
        "S!A4": (
            "#DIV/0!",
            "CRR: customers_start is 0 in S!D1 (no customers at the start): the ratio is undefined (#DIV/0!)",
        ),
        "S!A5": ("#NUM!", margin),
        "S!A6": ("#NUM!", margin),
    }
