"""IS functions around a call that gives an error (H102's finding 02): Excel's answer, not the error.

The engine's MEDIAN, PRODUCT, STDEV, LARGE, PERCENTILE ... given an error value answer with an error only IFERROR
caught: ``ISERROR(PRODUCT(A1:A2))`` with A1 ``=1/0`` was #DIV/0! with status ok, and the common guard
``IF(ISERROR(MEDIAN(A1:A2)),0,MEDIAN(A1:A2))`` too, where Excel gives TRUE and 0 (Microsoft, "IS functions").
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc


def _recalculated(tmp_path: Path, formulas: dict[str, str]) -> dict[str, object]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = "=1/0", 4, 9
    for ref, formula in formulas.items():
        ws[ref] = formula
    wb.save(tmp_path / "is.xlsx")
    report = recalc(tmp_path / "is.xlsx", engine="embedded", output_dir=tmp_path / "out")
    file = report.files[0]
    assert file.status == "ok", file.message
    got = openpyxl.load_workbook(file.output, data_only=True)["S"]
    return {ref: got[ref].value for ref in formulas}


def test_is_functions_answer_for_an_aggregate_s_error(tmp_path: Path) -> None:
    got = _recalculated(
        tmp_path,
        {
            "B1": "=ISERROR(PRODUCT(A1:A2))",
            "B2": "=IF(ISERROR(MEDIAN(A1:A2)),0,MEDIAN(A1:A2))",
            "B3": "=ISNUMBER(STDEV(A1:A2))",
            "B4": '=IF(ISERROR(PERCENTILE(A1:A2,0.5)),"none",1)',
            "B5": "=TYPE(LARGE(A1:A2,1))",
            "B6": "=ISTEXT(SUMSQ(A1:A2))",
            "B7": "=ISNONTEXT(GEOMEAN(A1:A2))",
            "B8": "=ISLOGICAL(HARMEAN(A1:A2))",
            "B9": "=ISBLANK(DEVSQ(A1:A2))",
            "C1": "=isError(median(A1:A2))",
        },
    )
    assert got == {
        "B1": True, "B2": 0, "B3": False, "B4": "none", "B5": 16, "B6": False, "B7": True, "B8": False,
        "B9": False, "C1": True,
    }  # fmt: skip


def test_is_functions_of_values_without_errors_are_unchanged(tmp_path: Path) -> None:
    got = _recalculated(
        tmp_path,
        {
            "B1": "=ISERROR(MEDIAN(A2:A3))",
            "B2": "=IF(ISERROR(MEDIAN(A2:A3)),0,MEDIAN(A2:A3))",
            "B3": "=ISNUMBER(PRODUCT(A2:A3))",
            "B4": "=TYPE(LARGE(A2:A3,1))",
            "B5": '=ISTEXT(TEXT(MEDIAN(A2:A3),"0.0"))',
            "B6": "=ISERROR(A1)",
        },
    )
    assert got == {"B1": False, "B2": 6.5, "B3": True, "B4": 1, "B5": True, "B6": True}
