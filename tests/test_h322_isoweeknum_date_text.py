"""ISOWEEKNUM of a date typed as text (H319's finding 03).

``=ISOWEEKNUM(D2)`` with D2 the text "2024-03-15" (dates pasted into a Text column) and ``=ISOWEEKNUM("2024-03-15")``
were #VALUE! with an empty reason, on the 1900 and the 1904 date system, while WEEKNUM and YEAR of the same text read
the date. LibreOffice gives 11: 15 March 2024 is in ISO week 11 (its Thursday, 14 March, is the year's 11th).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalculated


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_isoweeknum_reads_a_date_typed_as_text(tmp_path: Path, epoch_1904: bool) -> None:
    serial = 45368 - (1462 if epoch_1904 else 0)  # Sunday 17 March 2024 (43906 in the 1900 system: a Tuesday, week 12)
    cells: dict[str, object] = {
        "D2": "2024-03-15", "D3": serial, "D4": "2024-01-01",
        "A1": "=_xlfn.ISOWEEKNUM(D2)", "A2": '=_xlfn.ISOWEEKNUM("2024-03-15")', "A3": "=WEEKNUM(D2)",
        "A4": "=_xlfn.ISOWEEKNUM(D3)", "A5": "=_xlfn.ISOWEEKNUM(D4)", "A6": '=_xlfn.ISOWEEKNUM("2023-01-01")',
    }  # fmt: skip
    got = recalculated(tmp_path, cells, epoch_1904=epoch_1904)
    # 1 January 2024 is a Monday (week 1); 1 January 2023 a Sunday, in the last ISO week of 2022 (52)
    assert [got[f"A{row}"] for row in range(1, 7)] == [11, 11, 11, 11, 1, 52]
