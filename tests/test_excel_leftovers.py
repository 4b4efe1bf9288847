"""Excel functions the embedded engine computed differently from Excel, found by the user tester (H6).

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine
(``recalc_file``) and reads the stored values back; the expected values are Excel's.
"""

from __future__ import annotations

from pathlib import Path

from test_excel_text_coercion import _recalculated  # the values of sheet S after recalculating ``cells``


def test_time_refuses_a_negative_total_time_and_keeps_documented_values(tmp_path: Path) -> None:
    # Microsoft's TIME documentation: the result is a fraction of a day from 0 to 0.99988426; each part is a
    # number from 0 to 32767 (ECMA-376 18.17.7.321: truncated to an integer, out of range #NUM!); an hour above
    # 23 is taken modulo 24 (TIME(27,0,0) = TIME(3,0,0) = .125), minutes and seconds carry over
    # (TIME(0,750,0) = TIME(12,30,0), TIME(0,0,2000) = .023148 "or 12:33:20 AM": 0:33:20 -- the page's
    # "TIME(0,33,22)" is a typo, 2000 s are 33 min 20 s); the documented examples TIME(12,0,0) = 0.5
    # and TIME(16,48,10) = 0.7001157. Excel gives #NUM! for a negative total time (TIME(0,0,-1)); the engine
    # wrapped it to 0.99998843 (23:59:59). Negative parts are fine while the total is not negative.
    got = _recalculated(
        tmp_path,
        {
            "A1": 16,
            "A2": 48,
            "A3": 10,
            "B1": "=TIME(12,0,0)",
            "B2": "=TIME(A1,A2,A3)",
            "B3": "=TIME(27,0,0)",
            "B4": "=TIME(0,750,0)=TIME(12,30,0)",
            "B5": "=TIME(0,0,2000)=TIME(0,33,20)",
            "B6": "=TIME(0,0,-1)",
            "B7": "=TIME(1,-61,0)",
            "B8": "=TIME(-1,0,0)",
            "B9": "=TIME(1,-30,0)",
            "B10": "=TIME(24,0,0)",
            "B11": "=TIME(0,1440,0)",
            "B12": "=TIME(0,0,32768)",
            "B13": "=TIME(26,120,240)",
            "B14": "=TIME(0,0,1.9)",
            "B15": '=TIME("x",0,0)',
            "B16": "=TIME(1/0,0,0)",
        },
    )
    assert got["B1"] == 0.5
    assert got["B2"] == (16 * 3600 + 48 * 60 + 10) / 86400  # 0.7001157 as the documentation rounds it
    assert round(got["B2"], 7) == 0.7001157
    assert got["B3"] == 0.125
    assert got["B4"] is True and got["B5"] is True
    assert got["B6"] == "#NUM!" and got["B7"] == "#NUM!" and got["B8"] == "#NUM!"
    assert got["B9"] == 1800 / 86400
    assert got["B10"] == 0 and got["B11"] == 0  # 24 hours wrap to 0:00
    assert got["B12"] == "#NUM!"  # a part above 32767
    assert got["B13"] == (4 * 3600 + 4 * 60) / 86400  # ECMA-376's example: 28:04:00 -> 4:04:00
    assert got["B14"] == 1 / 86400  # truncated to a whole second
    assert got["B15"] == "#VALUE!" and got["B16"] == "#DIV/0!"


def test_time_over_an_array_argument_gives_one_time_per_element(tmp_path: Path) -> None:
    # SUMPRODUCT takes its arguments as arrays: Excel applies TIME to each hour (1 + 2 + 3 hours = 0.25 day);
    # the engine's TIME answered #VALUE!, a TIME reading only the first cell would answer 1/24.
    got = _recalculated(tmp_path, {"A1": 1, "A2": 2, "A3": 3, "B1": "=SUMPRODUCT(TIME(A1:A3,0,0))"})
    assert got["B1"] == 0.25
