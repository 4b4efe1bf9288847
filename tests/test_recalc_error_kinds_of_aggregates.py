"""ISNA, ISERR, IFNA, ERROR.TYPE and COUNTA around a call the engine fails on given an error (MEDIAN, PRODUCT, STDEV,
LARGE, ...): Excel's answer for the error's kind, not the error itself (recalculation.excel_functions.caught_errors).

``ISNA(MEDIAN(A2:A3))`` with A3 ``=NA()`` was #N/A with status ok, ``IFNA(PRODUCT(A2:A3),0)`` #N/A, where Excel gives
TRUE and 0 (Microsoft, "IS functions": ISNA "Value refers to the #N/A error value", ISERR "any error value except
#N/A"; "ERROR.TYPE function": #DIV/0! is 2, #N/A 7, #NUM! 6; "COUNTA function": it counts error values).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc


def _recalculated(tmp_path: Path, formulas: dict[str, str]) -> dict[str, object]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = "=1/0", 4, "=NA()"
    for ref, formula in formulas.items():
        ws[ref] = formula
    wb.save(tmp_path / "kinds.xlsx")
    report = recalc(tmp_path / "kinds.xlsx", engine="embedded", output_dir=tmp_path / "out")
    file = report.files[0]
    assert file.status == "ok", file.message
    got = openpyxl.load_workbook(file.output, data_only=True)["S"]
    return {ref: got[ref].value for ref in formulas}


def test_error_kinds_of_an_aggregate_s_error(tmp_path: Path) -> None:
    got = _recalculated(
        tmp_path,
        {
            "B1": "=ISNA(MEDIAN(A1:A2))",
            "B2": "=ISNA(MEDIAN(A2:A3))",
            "B3": "=ISERR(MEDIAN(A1:A2))",
            "B4": "=ISERR(PRODUCT(A2:A3))",
            "B5": "=_xlfn.IFNA(PRODUCT(A2:A3),0)",
            "B6": "=_xlfn.IFNA(MEDIAN(A1:A2),0)",
            "B7": "=ERROR.TYPE(STDEV(A1:A2))",
            "B8": "=ERROR.TYPE(LARGE(A2:A3,1))",
            "B9": "=COUNTA(MEDIAN(A1:A2),1)",
            "B10": '=IF(ISNA(ROUND(MEDIAN(A2:A3),2)*2),"none",1)',
            "B11": "=isna(geomean(A2:A3))",
        },
    )
    assert got == {
        "B1": False, "B2": True, "B3": True, "B4": False, "B5": 0, "B6": "#DIV/0!", "B7": 2, "B8": 7, "B9": 2,
        "B10": "none", "B11": True,
    }  # fmt: skip


def test_error_kinds_of_values_without_errors_are_unchanged(tmp_path: Path) -> None:
    got = _recalculated(
        tmp_path,
        {
            "B1": "=ISNA(MEDIAN(A2,5))",
            "B2": "=_xlfn.IFNA(MEDIAN(A2,6),0)",
            "B3": "=ERROR.TYPE(MEDIAN(A2))",
            "B4": "=ERROR.TYPE(MEDIAN(C20:C21))",
            "B5": "=COUNTA(MEDIAN(A2,6),A1:A3)",
            "B6": "=ISNA(MATCH(9,A2:A3,0))",
        },
    )
    assert got == {"B1": False, "B2": 5, "B3": "#N/A", "B4": 6, "B5": 4, "B6": True}
