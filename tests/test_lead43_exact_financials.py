"""PMT, PV, FV, NPER, IPMT, PPMT and DB give the value Excel stores, to the last binary digit (H434's findings 01/02).

Excel's stored values (a workbook of xlcalculator's tests, saved by Microsoft Excel): ``=PMT(0.08/12,10,10000)``
-1037.0320893591522 and ``=PMT(0.06/12,18*12,0,50000)`` -129.08116086799092, the exact answers of their binary inputs
rounded once; ``=DB(575000,5000,10,n)`` for years 7, 9 and 10: 12586.412259574658, 4869.4815206332805,
3028.8175058339007. Recalculation wrote numpy-financial's float formulas (-1037.0320893591636, -129.0811608679954:
``(1 + r)^n - 1`` loses digits for small rates) and DB's year-by-year float sum (3028.81750583389), 14 or 15
significant digits off, over Excel's stored values, with status ok.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

EXCEL = {
    "A1": ("=PMT(0.08/12,10,10000)", -1037.0320893591522),
    "A2": ("=PMT(0.06/12,18*12,0,50000)", -129.08116086799092),
    "A3": ("=DB(575000,5000,10,7)", 12586.412259574658),
    "A4": ("=DB(575000,5000,10,9)", 4869.4815206332805),
    "A5": ("=DB(575000,5000,10,10)", 3028.8175058339007),
}


def _recalculated(tmp_path: Path, formulas: dict[str, str]) -> dict[str, object]:
    book = openpyxl.Workbook()
    for ref, formula in formulas.items():
        book.active[ref] = formula
    book.save(tmp_path / "in.xlsx")
    report = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True).active
    return {ref: sheet[ref].value for ref in formulas}


def test_pmt_and_db_are_excels_stored_values(tmp_path: Path) -> None:
    values = _recalculated(tmp_path, {ref: formula for ref, (formula, _) in EXCEL.items()})
    # the DB years within 2 units in the last place of Excel's (Excel's own are 1-2 off the exact answer): the same
    # number at Excel's 15 significant digits
    assert values["A1"] == -1037.0320893591522
    assert values["A2"] == -129.08116086799092
    assert [f"{values[ref]:.15g}" for ref in ("A3", "A4", "A5")] == [
        f"{EXCEL[ref][1]:.15g}" for ref in ("A3", "A4", "A5")
    ]


def test_payment_parts_add_up_to_the_payment_and_value_functions_agree(tmp_path: Path) -> None:
    values = _recalculated(
        tmp_path,
        {
            "B1": "=PMT(0.1/12,24,2000)",
            "B2": "=IPMT(0.1/12,5,24,2000)+PPMT(0.1/12,5,24,2000)",
            "B3": "=FV(0.06/12,10,-200,-500,1)",
            "B4": "=PV(0.08/12,12*20,500,,0)",
            "B5": "=NPER(0.12/12,-100,-1000,10000,1)",
            "B6": "=IPMT(0.1,1,3,8000,0,1)",
        },
    )
    assert values["B1"] == -92.289852675033  # (0.1/12) 2000 (1 + 0.1/12)^24 / ((1 + 0.1/12)^24 - 1), exactly
    assert values["B2"] == values["B1"]
    assert round(values["B3"], 2) == 2581.40  # Microsoft's FV page
    assert round(values["B4"], 2) == -59777.15  # Microsoft's PV page
    assert round(values["B5"], 8) == 59.67386567  # Microsoft's NPER page: 59.6738657
    assert values["B6"] == 0  # type 1: no interest in the first period


def test_db_to_a_salvage_of_0(tmp_path: Path) -> None:
    # a salvage of 0: the rate is 1, the first year takes it all (its months' share), the next year the rest; the
    # decimal form refused (1 - 1)^0 and gave #NUM! in year 2 (H446's review of bb9d0681)
    values = _recalculated(
        tmp_path,
        {"C1": "=DB(10000,0,5,1)", "C2": "=DB(10000,0,5,2)", "C3": "=DB(10000,0,5,2,7)", "C4": "=DB(10000,0,5,3)"},
    )
    assert [values[f"C{row}"] for row in range(1, 5)] == [10000, 0, 10000 - 10000 * 7 / 12, 0]
