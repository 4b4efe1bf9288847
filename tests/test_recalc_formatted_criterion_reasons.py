"""A criteria call refused where a formatted number meets such text in its range names the user's own criterion and
range (H239's finding 6): the reason quoted a canned "10%" (0.1) whatever the formula held."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

UNDOCUMENTED = "whether Excel matches that text is not documented, so the embedded engine does not compute it"


def test_the_reason_names_the_criterion_and_range_typed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["G1"], sheet["G2"], sheet["F1"] = "12%", "$5", 3
    sheet["H1"] = '=COUNTIF(G1:G3,">12%")'
    sheet["H2"] = '=SUMIF(G1:G3,"$5",F1:F3)'
    sheet["H3"] = "=COUNTIF(G1:G3,0.12)"
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    reasons = {issue.address: issue.reason for issue in result.unsupported}
    assert reasons == {
        "S!H1": 'a criterion here, ">12%", is a number written with %, $ or thousands separators (12%: 0.12) and its '
        f"range G1:G3 holds such text; {UNDOCUMENTED}",
        "S!H2": 'a criterion here, "$5", is a number written with %, $ or thousands separators ($5: 5) and its '
        f"range G1:G3 holds such text; {UNDOCUMENTED}",
        "S!H3": "a criterion here, 0.12, is a number and its range G1:G3 holds the same number as text (a number "
        f"written with %, $ or thousands separators); {UNDOCUMENTED}",
    }
    assert "10%" not in str(reasons)
