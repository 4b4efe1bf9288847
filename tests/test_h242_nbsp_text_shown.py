"""A count pasted with a no-break space as its thousands separator ('2 451' from a French report or a web table) is
shown as the cell shows it, with what to do (H242's finding 04): the reason said "got '2\\xa0451'", Python's escape,
which is not in the cell."""

from __future__ import annotations

import pytest

import xl_retention as xr
from xl_retention.errors import NotANumberError


def test_the_function_says_the_space_and_the_number_to_type():
    with pytest.raises(NotANumberError) as raised:
        xr.crr("2\u00a0451", 145, 2440)
    assert str(raised.value) == (
        "customers_end must be a number, got the text '2 451' (its space is a no-break space, a thousands separator: "
        "type 2451 as a number)"
    )
    assert "\\x" not in str(raised.value)


def test_other_texts_are_shown_as_before():
    with pytest.raises(NotANumberError, match=r"^customers_end must be a number, got 'n/a'$"):
        xr.crr("n/a", 145, 2440)


def test_the_tracker_names_the_cell_typed_in(tmp_path):
    from typed_tracker import four_months_counted  # noqa: PLC0415

    from xl_retention.recalculation import recalc_file  # noqa: PLC0415

    path = four_months_counted(tmp_path, {"Customers": {"D5": "2\u00a0451"}})
    report = recalc_file(path, tmp_path / "out.xlsx")
    # thousands grouped by a (no-break) space are a locale's reading since 77bebbf3: the file is incomplete, the cell
    # named as the cell shows it
    assert report.status == "incomplete"
    assert report.message.startswith(
        "t.xlsx: Customers!D5 (Customers at end) is the text '2 451': type it as a number there (an Excel grouping "
        "thousands so reads 2451, an en-US Excel no number; the file does not say which reading its Excel takes, so "
        "the formulas reading it are not recalculated); "
    ), report.message
    assert "\\x" not in report.message
