"""A criteria cell refused over a number as text names the refusal that refused it, and the text's kind (H454/03).

``=COUNTIF(A1:A2,DATE(2024,1,5))`` over the text 'Jan 5, 2024' and the number 45296 is listed (whether Excel matches
the text is not documented). Its reason joined every refusal the rewrite had put in the formula: "a criterion here is
an error value (...); or a criterion here, DATE(2024,1,5), is a number ... and its range A1:A2 holds the same number
as text written with %, $ or thousands separators ...": no error value is there and the text is a date. The cell is
now evaluated once more to tell the refusal that refused it, and the range's texts say how they are written.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file

UNDOCUMENTED = "whether Excel matches that text is not documented, so the embedded engine does not compute it"


@pytest.mark.parametrize(
    ("a1", "kind"),
    [("Jan 5, 2024", "a date written as text"), ("45,296", "a number written with %, $ or thousands separators")],
)
def test_the_refusal_and_the_text_are_named(tmp_path: Path, a1: str, kind: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["C1"] = a1, 45296, "=COUNTIF(A1:A2,DATE(2024,1,5))"
    wb.save(tmp_path / "in.xlsx")
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        (
            "S!C1",
            "criteria",
            f"a criterion here, DATE(2024,1,5), is a number when the formula runs and its range A1:A2 holds the same "
            f"number as text ({kind}); {UNDOCUMENTED}",
        )
    ]


def test_behind_iferror_the_same_reason(tmp_path: Path) -> None:
    """=IFERROR(COUNTIF(...),0): listed with the criteria reason, never the rewrite's own _XLR names (H465/03: the
    function '_XLR.NUMBERTEXTREFUSED' and "_XLR.NUMBERTEXTREFUSED cannot compute a value here ...")."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["B1"] = "Jan 5, 2024", 45296, "=IFERROR(COUNTIF(A1:A2,DATE(2024,1,5)),0)"
    wb.save(tmp_path / "in.xlsx")
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        (
            "S!B1",
            "criteria",
            "a criterion here, DATE(2024,1,5), is a number when the formula runs and its range A1:A2 holds the same "
            f"number as text (a date written as text); {UNDOCUMENTED}; its error is hidden here by IFERROR or the like",
        )
    ]
