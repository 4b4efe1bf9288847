"""A date text turned into a date when the formula runs is read in the workbook's date system (H319's finding 01).

On the 1904 date system (Excel for Mac, or "Use 1904 date system") a criterion built from a cell or with ``&``
(``">="&F1``, F1 the text "2024-03-01"), or a whole criterion held by a cell (``>=2024-03-01``), was compared as a
1900-system serial: every date looked 4 years (1462 days) later, SUMIFS gave 0 for 180 under status ok. TEXT of a
date text gave 02 Mar 2028. A typed criterion (``">=2024-03-01"``) was right already. LibreOffice and a hand count
give the values below: the March and April rows, 80 + 100 = 180; two dates before 1 March.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalculated

#: 1 January 1904 in the 1900 date system
_SHIFT = 1462
#: 2024-01-15, 2024-02-15, 2024-03-15, 2024-04-15 in the 1900 date system
_DATES_1900 = (45306, 45337, 45366, 45397)

_FORMULAS = {
    "H1": '=SUMIFS(B2:B5,C2:C5,">="&F1)',
    "H2": '=SUMIFS(B2:B5,C2:C5,">=2024-03-01")',
    "H3": '=SUMIFS(B2:B5,C2:C5,">="&F3)',
    "H4": "=SUMIFS(B2:B5,C2:C5,F4)",
    "H5": '=COUNTIF(C2:C5,">="&F1)',
    "H6": '=SUMIF(C2:C5,">="&F1,B2:B5)',
    "H7": '=SUMIFS(B2:B5,C2:C5,">"&"2024-03-01")',
    "H8": '=COUNTIFS(C2:C5,"<"&F3)',
    "H9": '=TEXT(F1,"dd mmm yyyy")',
    "H10": '=_xlfn.MAXIFS(C2:C5,C2:C5,"<"&F1)',
    "H11": '=TEXT("2024/3/15","yyyy-mm-dd")',
    "H12": '=TEXT(F5,"ddd")',
    "H13": "=COUNTIF(C2:C5,F6)",
}


def _cells(shift: int) -> dict[str, object]:
    cells: dict[str, object] = {"F1": "2024-03-01", "F3": "March 1, 2024", "F4": ">=2024-03-01"}
    cells.update({"F5": "2024-01-02", "F6": "2024-03-15"})
    for row, (amount, serial) in enumerate(zip((40, 60, 80, 100), _DATES_1900, strict=True), 2):
        cells[f"B{row}"] = amount
        cells[f"C{row}"] = serial - shift
    cells.update(_FORMULAS)
    return cells


@pytest.mark.parametrize("epoch_1904", [True, False])
def test_date_texts_made_at_run_time_are_read_in_the_workbooks_date_system(tmp_path: Path, epoch_1904: bool) -> None:
    shift = _SHIFT if epoch_1904 else 0
    got = recalculated(tmp_path, _cells(shift), epoch_1904=epoch_1904)
    assert {ref: got[ref] for ref in _FORMULAS} == {
        "H1": 180, "H2": 180, "H3": 180, "H4": 180, "H5": 2, "H6": 180, "H7": 180, "H8": 2,
        "H9": "01 Mar 2024",
        "H10": _DATES_1900[1] - shift,  # 2024-02-15, the latest date before 1 March
        "H11": "2024-03-15",
        "H12": "Tue",  # 2 January 2024
        "H13": 1,
    }  # fmt: skip
