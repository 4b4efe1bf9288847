"""Recalculation leftovers of the ninth round (H3): the embedded engine against Excel on users' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones, or the cells listed with their reason.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet as _recalc

from xl_retention.recalculation.denormals import SUPPORTED, flushing


def test_a_step_of_a_formula_below_excels_smallest_number_is_0(tmp_path: Path) -> None:
    # Excel holds no denormal (KB 78113) at any step of a formula: 1E-300*1E-10 is 0, so =1E-300*1E-10*1E300 is 0 (the
    # engine's IEEE arithmetic gave 1E-10 with status ok: only a denormal result was made 0), EXP(-720) is 0, and a
    # cell of 1E-300 times 1E-10 likewise; where no step underflows the value is kept (1E-10*1E300 first: 1E-10);
    # 1E-308 is below 2**-1022 too (B1*1E-8*100 is 0).
    cells: dict[str, object] = {
        "B1": 1e-300,
        "A1": "=1E-300*1E-10*1E300",
        "A2": "=1E-300/1E10*1E300",
        "A3": "=EXP(-720)*1E300",
        "A4": "=B1*1E-10*1E300",
        "A5": "=PRODUCT(B1,1E-10,1E300)",
        "A6": "=SUMPRODUCT(B1*1E-10,1E300)",
        "A7": "=2^-1030*2^100",
        "A8": "=IF(B1*1E-10>0,1,2)",
        "A9": "=1E-300*(1E-10*1E300)",
        "A10": "=B1*1E-8*100",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"A{row}"] for row in range(1, 9)] == [0, 0, 0, 0, 0, 0, 0, 2]
    assert values["A9"] == 1e-10 and values["A10"] == 0


def test_flushing_puts_the_callers_arithmetic_back() -> None:
    tiny = float("1e-300")
    with flushing():
        inside = tiny * 1e-10
    assert tiny * 1e-10 == 1e-310
    assert inside == (0.0 if SUPPORTED else 1e-310)
    assert SUPPORTED  # Linux x86-64 (CI): the modes are set
