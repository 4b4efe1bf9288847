"""TYPE, ERROR.TYPE, UPPER/LOWER and day-month texts without a year, as Excel computes them (H20 g12, g14, g15).

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the values back;
the expected values are Microsoft's documented ones.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from one_sheet import recalculated


def _recalculated(tmp_path: Path, cells: dict[str, object]) -> dict[str, object]:
    """The values of the formula cells among ``cells``."""
    got = recalculated(tmp_path, cells)
    return {ref: got[ref] for ref, value in cells.items() if isinstance(value, str) and value.startswith("=")}


def test_type_of_an_error_is_16_and_error_type_numbers_the_newer_errors(tmp_path: Path) -> None:
    """TYPE gives 16 for an error (never passes it on: how a sheet tests for one); ERROR.TYPE numbers #SPILL! 9 and
    #CALC! 14 (Microsoft's tables)."""
    got = _recalculated(
        tmp_path,
        {
            "A1": 0,
            "A2": "text",
            "A3": True,
            "C1": "=TYPE(1/A1)",
            "C2": "=TYPE(#N/A)",
            "C3": "=ERROR.TYPE(#SPILL!)",
            "C4": "=ERROR.TYPE(#CALC!)",
            "C5": '=IF(TYPE(NA())=16,"error","value")',
            "C6": "=TYPE(A2)",
            "C7": "=TYPE(A3)",
            "C8": "=TYPE(A9)",
            "C9": "=ERROR.TYPE(1/A1)",
            "C10": "=IFERROR(ERROR.TYPE(A2),-1)",
        },
    )
    assert got == {
        "C1": 16, "C2": 16, "C3": 9, "C4": 14, "C5": "error", "C6": 2, "C7": 4, "C8": 1, "C9": 2, "C10": -1,
    }  # fmt: skip


def test_upper_and_lower_change_case_character_by_character(tmp_path: Path) -> None:
    """UPPER("Straße") is "STRAßE" (6 characters), the ﬁ ligature stays, LOWER("İzmir") has 5 characters."""
    got = _recalculated(
        tmp_path,
        {
            "A1": "Straße",
            "A2": "ﬁnance GmbH",
            "A3": "İzmir",
            "B1": "=UPPER(A1)",
            "B2": "=LEN(UPPER(A1))",
            "B3": "=UPPER(A2)",
            "B4": "=LEN(LOWER(A3))",
            "B5": "=LOWER(A3)",
            "B6": '=UPPER("churn rate")',
        },
    )
    assert got == {"B1": "STRAßE", "B2": 6, "B3": "ﬁNANCE GMBH", "B4": 5, "B5": "izmir", "B6": "CHURN RATE"}


def test_a_day_and_month_typed_without_a_year_are_the_current_years_date(tmp_path: Path) -> None:
    """DATEVALUE("5-JUL") is the date in the current year (Microsoft's DATEVALUE page); VALUE, MONTH and arithmetic
    read such text alike; a text with a year keeps its year."""
    year = dt.date.today().year
    serial = lambda month, day: (dt.date(year, month, day) - dt.date(1899, 12, 30)).days  # noqa: E731
    got = _recalculated(
        tmp_path,
        {
            "A1": "15-Jan",
            "A2": "1 March",
            "A3": "Jan 15",
            "B1": "=DATEVALUE(A1)",
            "B2": "=VALUE(A2)",
            "B3": "=MONTH(A3)",
            "B4": '=DATEVALUE("15 January")',
            "B5": '=DATEVALUE("5-JUL")',
            "B6": '=DATEVALUE("2024-03-01")',
            "B7": "=A2+0",  # a cell holding such text, in arithmetic
            "B8": "=A1*1+A3-A3",
        },
    )
    assert got == {
        "B1": serial(1, 15), "B2": serial(3, 1), "B3": 1, "B4": serial(1, 15), "B5": serial(7, 5), "B6": 45352,
        "B7": serial(3, 1), "B8": serial(1, 15),
    }  # fmt: skip
