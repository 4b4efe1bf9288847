"""One cell without a current value in a workbook no longer makes every OFFSET(INDEX(..)) formula said to read it
(H239's finding 4): an OFFSET whose reference INDEX or XLOOKUP returns was taken to read any cell, so its reason named
that cell and its good value was left out. It reads its range moved and sized as asked."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalc_sheet

REASON = "reads S!A1 (FORECAST.ETS), which has no current value (the embedded engine cannot compute it)"


def test_only_formulas_that_can_reach_the_cell_are_listed(tmp_path: Path) -> None:
    result, values = recalc_sheet(
        tmp_path,
        {
            **LOOKUP_TABLE,
            "A1": "=_xlfn.FORECAST.ETS(1,F1:F5,F1:F5)",  # the engine lacks it, no value stored
            "H1": "=OFFSET(INDEX(F1:F5,2),1,0)",
            "H2": "=SUM(OFFSET(INDEX(F1:F5,1),0,0,2,1))",
            "H3": '=OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),1,0)',
            "H4": "=OFFSET(INDEX(F1:F5,1),0,-5)",  # A1: reaches it
            "H5": "=OFFSET(INDEX(B1:B5,2),-1,-1)",  # A1 within reach of B1:B5 moved up and left
        },
    )
    assert result.status == "incomplete"
    listed = {issue.address: issue.reason for issue in result.unsupported}
    assert listed == {"S!A1": "unsupported function FORECAST.ETS", "S!H4": REASON, "S!H5": REASON}
    assert [values[ref] for ref in ("H1", "H2", "H3")] == [30, 30, 30]
