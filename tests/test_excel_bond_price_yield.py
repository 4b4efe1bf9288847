"""PRICE and YIELD in every day-count basis: the engine's took bases 2 (actual/360) and 3 (actual/365) as basis 1
and basis 0 (US 30/360) after a 31st as basis 4, written with `ok`. The expected values are Microsoft's PRICE formula
with the coupon figures COUPDAYS/COUPDAYBS/COUPDAYSNC/COUPNUM give, and LibreOffice computes the same (checked with
soffice on the same formulas: 94.706037759 basis 2, 94.748280511 basis 3, 94.619284230 basis 0 settling 31 Jan)."""

import pytest
from one_sheet import recalculated

BOND = "DATE(2008,6,15),DATE(2017,11,15),0.0575"


def test_price_in_each_basis_and_frequency(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": f"=PRICE({BOND},0.065,100,2,1)",
            "B2": f"=PRICE({BOND},0.065,100,2,2)",
            "B3": f"=PRICE({BOND},0.065,100,2,3)",
            "B4": "=PRICE(DATE(2008,1,31),DATE(2017,11,15),0.0575,0.065,100,2,0)",
            "B5": "=PRICE(DATE(2008,2,15),DATE(2017,11,15),0.0575,0.065,100,2,0)",  # Microsoft's example
            "B6": f"=PRICE({BOND},0.065,100,1,2)",
            "B7": f"=PRICE({BOND},0.065,100,4,3)",
            "B8": f"=PRICE({BOND},-0.01,100,2,2)",
            "B9": f"=PRICE({BOND},0.065,100,3,2)",
            "B10": f'=PRICE({BOND},"x",100,2,2)',
        },
    )
    expected = [94.773081321, 94.706037759, 94.748280511, 94.619284230, 94.634361621, 94.6948923295, 94.7342154189]
    got = [values[f"B{row}"] for row in range(1, 8)]
    assert got == pytest.approx(expected, rel=1e-11)
    assert [values["B8"], values["B9"], values["B10"]] == ["#NUM!", "#NUM!", "#VALUE!"]


def test_yield_gives_back_the_price_s_yield_in_each_basis(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": f"=YIELD({BOND},94.706037759,100,2,2)",
            "B2": f"=YIELD({BOND},94.748280511,100,2,3)",
            "B3": "=YIELD(DATE(2008,1,31),DATE(2017,11,15),0.0575,94.619284230,100,2,0)",
            "B4": "=YIELD(DATE(2008,2,15),DATE(2016,11,15),0.0575,95.04287,100,2,0)",  # Microsoft's example: 6.5%
            "B5": "=YIELD(DATE(2008,6,15),DATE(2008,11,15),0.0575,99.5,100,2,2)",  # one coupon left: closed form
            "B6": f"=YIELD({BOND},0,100,2,2)",
        },
    )
    assert [values["B1"], values["B2"], values["B3"]] == pytest.approx([0.065] * 3, abs=1e-10)
    assert values["B4"] == pytest.approx(0.0650000069, abs=1e-10)
    # ((100 + 2.875) - (99.5 + 2.875 * 31/180)) / (99.5 + 2.875 * 31/180) * 2 * 180 / 153
    assert values["B5"] == pytest.approx((102.875 - (99.5 + 2.875 * 31 / 180)) / (99.5 + 2.875 * 31 / 180) * 360 / 153)
    assert values["B6"] == "#NUM!"


def test_price_over_a_column_of_bases(tmp_path):
    values = recalculated(tmp_path, {"A1": 1, "A2": 2, "A3": 3, "B1": f"=SUMPRODUCT(PRICE({BOND},0.065,100,2,A1:A3))"})
    assert values["B1"] == pytest.approx(94.773081321 + 94.706037759 + 94.748280511, rel=1e-11)
