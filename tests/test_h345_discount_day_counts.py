"""INTRATE, RECEIVED, PRICEDISC, YIELDDISC and PRICEMAT in basis 1 (actual/actual) across a year end were listed as not
computed ("Excel's day count there is not documented"), no value in a workbook of the user's own; PRICEMAT in basis 0
from or to the end of February too. And PRICEMAT in basis 0, YIELDMAT in basis 0 and 1 gave numbers other than Excel's
(0.1086290 for Excel's 0.1086359): each span's own YEARFRAC, where Excel counts DIM, A and DSM = DIM - A over one year
``B``, that from issue to settlement.

Expected values are Excel's own answers, as Excel computed them for the test data of an open-source port of its
financial functions (13 significant digits), each with its day count worked out beside it.
"""

from __future__ import annotations

import pytest
from one_sheet import recalc_sheet

#: cell -> (formula, Excel's value)
EXCEL = {
    # 1980-02-15 to 2000-02-28: 7,318 days over the years 1980-2000's average, 7,671 / 21
    "B1": ("=INTRATE(DATE(1980,2,15),DATE(2000,2,28),100,67,1)", -0.01647229922305),
    "B2": ("=INTRATE(DATE(1980,2,15),DATE(2010,6,30),23,100,1)", 0.1102335235607),
    "B3": ("=PRICEDISC(DATE(1980,2,15),DATE(2000,2,28),0.01,100,1)", 79.96636683614),
    "B4": ("=PRICEDISC(DATE(1980,2,15),DATE(1995,11,30),2,67,1)", -2048.750855578),
    "B5": ("=RECEIVED(DATE(1980,2,15),DATE(2008,2,29),100,0.01,1)", 138.9590337802),
    "B6": ("=RECEIVED(DATE(1980,3,15),DATE(2000,2,28),100,0.01,1)", 124.9285459529),
    "B7": ("=RECEIVED(DATE(1980,2,15),DATE(2008,2,29),100,0.01,0)", 138.9639465761),  # to February's end, basis 0
    # issue 1993-02-28, settled 1993-12-31, due 2000-02-28: B is 1993's 365 days for all three spans (basis 1 as 3)
    "B8": ("=PRICEMAT(DATE(1993,12,31),DATE(2000,2,28),DATE(1993,2,28),0.07,0.03,1)", 119.8933565603),
    "B9": ("=PRICEMAT(DATE(1993,12,31),DATE(2000,2,28),DATE(1993,2,28),0.07,0.03,3)", 119.8933565603),
    # issue 1990-03-04 to settlement 1993-12-31: B the average of 1990-1993, 1,461 / 4 = 365.25
    "B10": ("=PRICEMAT(DATE(1993,12,31),DATE(2010,6,30),DATE(1990,3,4),0.1,0.03,1)", 164.5728313439),
    "B11": ("=PRICEMAT(DATE(1993,12,31),DATE(2000,2,28),DATE(1993,2,28),0.07,0.03,0)", 119.8793269794),
    "B12": ("=PRICEMAT(DATE(1993,12,31),DATE(1995,11,30),DATE(1990,3,4),0.1,0.1,0)", 93.85538587083),
    "B13": ("=YIELDMAT(DATE(1993,12,31),DATE(2000,2,28),DATE(1990,3,4),0.07,75,1)", 0.1086359174013),
    "B14": ("=YIELDMAT(DATE(1993,12,31),DATE(2000,2,28),DATE(1993,2,28),0.1,130,1)", 0.03709496469346),
    "B15": ("=YIELDMAT(DATE(1993,12,31),DATE(2000,2,28),DATE(1990,3,4),0.07,75,0)", 0.108666567613),
    "B16": ("=YIELDMAT(DATE(1993,12,31),DATE(1995,11,30),DATE(1990,3,4),0.07,130,0)", -0.05533338317072),
}


def test_each_function_gives_excels_value_in_basis_1_across_years_and_basis_0(tmp_path):
    cells = {ref: formula for ref, (formula, _) in EXCEL.items()}
    cells["B17"] = "=YIELDDISC(DATE(1980,2,15),DATE(2000,2,28),67,100,1)"  # INTRATE's count: the same value as B1's
    cells["B18"] = "=INTRATE(DATE(1980,2,15),DATE(2000,2,28),67,100,1)"
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert {ref: float(f"{values[ref]:.13g}") for ref in EXCEL} == {ref: excel for ref, (_, excel) in EXCEL.items()}
    assert values["B17"] == pytest.approx(values["B18"], rel=1e-15)
    assert values["B17"] == pytest.approx((100 / 67 - 1) / (7318 / (7671 / 21)), rel=1e-15)
    # the day counts behind two of them, exactly: B1 7,318 days over 7,671 / 21; B8 over 365 for every span
    assert values["B1"] == (67 - 100) / 100 / (7318 / (7671 / 21))
    dim, dsm, accrued = 2556 / 365, 2250 / 365, 306 / 365  # 1993-02-28 to 2000-02-28, 1993-12-31 to it, the rest
    assert values["B8"] == (100 + dim * 0.07 * 100) / (1 + dsm * 0.03) - accrued * 0.07 * 100


def test_an_issue_after_settlement_stays_listed_naming_the_case(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": "=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2008,3,1),0.061,0.061,1)",
            "B2": "=RECEIVED(DATE(2008,2,15),DATE(2009,2,15),100,1.5,1)",  # a discount of the whole and more
            "B3": "=INTRATE(DATE(2007,11,25),DATE(2008,6,15),97,100,1)",  # 203 days over 366 (29 February 2008)
        },
    )
    assert result.status == "incomplete"
    assert [(u.address, u.reason) for u in result.unsupported] == [
        ("S!B1", "PRICEMAT with an issue on or after settlement is not computed"),
        (
            "S!B2",
            "RECEIVED with a discount of the whole or more (discount times the year fraction 1 or above) is not "
            "computed",
        ),
    ]
    assert values == {"B3": (100 - 97) / 97 / (203 / 366)}


def test_an_issue_on_the_settlement_day_is_listed_too(tmp_path):
    """Microsoft's DAX PRICEMAT and YIELDMAT (which follow Excel's) are errors unless maturity > settlement > issue:
    an issue on the settlement day was given a number (A of 0 days); listed now, as an issue after settlement."""
    result, values = recalc_sheet(
        tmp_path, {"B1": "=YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2008,3,15),0.0625,100.0123,1)"}
    )
    assert [(u.address, u.reason) for u in result.unsupported] == [
        ("S!B1", "YIELDMAT with an issue on or after settlement is not computed")
    ]
    assert values == {}
