"""A month's name, a hyphen and one or two digits ("Jan-24", "Dec-32") typed as text and read by arithmetic: Excel reads
it as VALUE and DATEVALUE do (Microsoft's KB 214327: the digits are a day of the current year where the month has that
day, else a year and the month's first day; tests/test_recalc_leftovers10.py). The space form ("Dec 31") was read so,
the hyphen form was #VALUE! with status ok in a cell (=A1+0), a formula's own text (="Jan-24"+0) and SUMPRODUCT."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from one_sheet import recalculated


def _serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def test_a_months_name_hyphen_and_digits_is_a_date_in_arithmetic(tmp_path: Path) -> None:
    year = dt.date.today().year
    got = recalculated(
        tmp_path,
        {
            "A1": "Jan-24",
            "A2": "Dec-32",
            "A3": "March-5",
            "A4": "Jan-2024",
            "C1": "=A1+0",
            "C2": "=A2*1",
            "C3": "=--A3",
            "C4": '="Jan-24"+0',
            "C5": "=SUMPRODUCT(A1:A2*1)",
            "C6": "=A4+0",
            "C7": "=VALUE(A1)",
        },
    )
    jan24, dec1932 = _serial(dt.date(year, 1, 24)), _serial(dt.date(1932, 12, 1))
    assert [got[f"C{row}"] for row in range(1, 8)] == [
        jan24,
        dec1932,
        _serial(dt.date(year, 3, 5)),
        jan24,
        jan24 + dec1932,
        _serial(dt.date(2024, 1, 1)),
        jan24,
    ]
