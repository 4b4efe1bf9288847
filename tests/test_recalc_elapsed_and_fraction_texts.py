"""Texts Excel reads as numbers the way it reads them typed into a cell (H187's findings 01 and 02): an elapsed time
of 24 hours or more ("37:30" is 1.5625 days, shown 37:30:00; up to 9999 hours, minutes and seconds below 60) and a
whole number with a fraction ("99 16/32" is 99.5; Microsoft's way to type a fraction: 0 1/2). Recalc wrote #VALUE!
under status ok for =B2*24, =VALUE(B2), ="1 1/2"+0. They are read by one reader (.excel_functions.text's
text_to_number) wherever Excel turns text into a number: arithmetic on a cell or a typed text, VALUE, functions of
one number (ROUND), TIMEVALUE (the day dropped). A comparison does not ("1 1/2"=1.5 is FALSE in Excel). What Excel
does not read stays #VALUE!: "24:99" (Excel's TEXT keeps it as text in the pycel corpus), a fraction of 1 or more
("1 3/2"), and TIMEVALUE or DATEVALUE of a fraction.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_elapsed_times_and_mixed_fractions_typed_as_text_are_numbers(tmp_path: Path) -> None:
    cells = {
        "A1": "37:30",
        "A2": "100:00:00",
        "A3": "99 16/32",
        "A4": "-1 1/4",
        "A5": "24:99",
        "A6": "1 3/2",
        "B1": "=A1*24",
        "B2": "=A2*24",
        "B3": "=VALUE(A3)",
        "B4": "=A4*10000",
        "B5": "=ROUND(A3,0)",
        "B6": "=A1+A3",
        "C1": '=VALUE("25:00")',
        "C2": '=TIMEVALUE("25:00")',
        "C3": '="1 1/2"+0',
        "C4": '="9999:59"*24',
        "C5": "=A3=99.5",
        "D1": "=A5+0",
        "D2": "=A6+0",
        "D3": '=TIMEVALUE("1 1/2")',
        "D4": "=DATEVALUE(A3)",
        "D5": '="10000:00"+0',
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok" and not report.unsupported
    assert {ref: values[ref] for ref in ("B1", "B2", "B3", "B4", "B5", "B6")} == {
        "B1": 37.5,
        "B2": 100,
        "B3": 99.5,
        "B4": -12500,
        "B5": 100,
        "B6": 101.0625,
    }
    assert {ref: values[ref] for ref in ("C1", "C2", "C3", "C4", "C5")} == {
        "C1": 25 / 24,
        "C2": 1 / 24,
        "C3": 1.5,
        "C4": 9999 + 59 / 60,
        "C5": False,
    }
    assert [values[ref] for ref in ("D1", "D2", "D3", "D4", "D5")] == ["#VALUE!"] * 5
    assert {e.address for e in report.errors} == {"S!D1", "S!D2", "S!D3", "S!D4", "S!D5"}
