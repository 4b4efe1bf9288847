"""A number turned into text (``=A1&""``, CONCATENATE, a number where text is wanted) has Excel's 15 significant
digits rounded half away from zero, and its notation chosen by those digits.

``=999999999999999&""`` gave '9.99999999999999E+14' (the notation was chosen by log10 of the number, which rounds to
15 for fifteen nines: Excel and LibreOffice give '999999999999999'); ``=(1E14+0.5)&""`` gave '100000000000000'
(Python's ties to even; Excel's digits round half away from zero, as INT(10^14+0.5) is 100000000000001 and
LibreOffice's text is '100000000000001'); ``=12345678901234.25&""`` gave '12345678901234.2' for '...234.3'.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_numbers_as_text_have_excels_fifteen_digits(tmp_path: Path) -> None:
    cells = {
        "A1": 999999999999999,
        "B1": '=A1&""',
        "B2": '=(1E14+0.5)&""',
        "B3": '=12345678901234.25&""',
        "B4": '=LEN(999999999999999&"")',
        "B5": '=(-1E14-0.5)&""',
        "B6": '=999999999999999.9&""',  # 15 digits round up to 1E+15
        "B7": '=(1/3)&""',  # as before
        "B8": '=(1E-10)&""',
        "B9": '=2^53&""',
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"B{row}"] for row in range(1, 10)] == [
        "999999999999999",
        "100000000000001",
        "12345678901234.3",
        15,
        "-100000000000001",
        "1E+15",
        "0.333333333333333",
        "1E-10",
        "9.00719925474099E+15",
    ]
