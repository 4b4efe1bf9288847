"""ODDLPRICE and ODDLYIELD, which the embedded engine lacked: a workbook written by a program (no stored value) came
out incomplete, the cells empty. Microsoft's examples (99.87828601, 0.04519) and a long last period in basis 4 and 0
as LibreOffice computes them (checked with soffice: 99.7024580957318, 0.07991277035494); where Excel's quasi-coupon
periods may differ from YEARFRAC's count the cell stays listed."""

import pytest
from one_sheet import recalc_sheet, recalculated


def test_microsofts_examples_and_a_long_last_period(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": "=ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,0)",
            "B2": "=ODDLYIELD(DATE(2008,4,20),DATE(2008,6,15),DATE(2007,12,24),0.0375,99.875,100,2,0)",
            "B3": "=ODDLPRICE(DATE(2020,3,10),DATE(2021,5,20),DATE(2019,11,5),0.05,0.06,101,4,4)",
            "B4": "=ODDLYIELD(DATE(2020,3,10),DATE(2021,5,20),DATE(2019,11,5),0.05,97.5,101,1,0)",
            "B5": "=ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,3,0)",  # frequency 3
            "B6": "=ODDLPRICE(DATE(2007,9,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,0)",  # before it
            "B7": "=ODDLYIELD(DATE(2008,4,20),DATE(2008,6,15),DATE(2007,12,24),0.0375,0,100,2,0)",
            "B8": '=ODDLYIELD(DATE(2008,4,20),DATE(2008,6,15),DATE(2007,12,24),"x",99,100,2,0)',
        },
    )
    assert values["B1"] == pytest.approx(99.87828601, rel=1e-10)
    assert values["B2"] == pytest.approx(0.04519, rel=1e-4)
    assert values["B3"] == pytest.approx(99.7024580957318, rel=1e-13)
    assert values["B4"] == pytest.approx(0.07991277035494, rel=1e-12)
    assert [values["B5"], values["B6"], values["B7"], values["B8"]] == ["#NUM!", "#NUM!", "#NUM!", "#VALUE!"]


def test_actual_day_bases_and_month_ends_are_listed(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": "=ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,1)",
            "B2": "=ODDLYIELD(DATE(2008,4,20),DATE(2008,6,30),DATE(2007,12,31),0.0375,99.875,100,2,0)",
        },
    )
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2"} & set(values)


ISSUED = "DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1)"


def test_odd_first_period_microsofts_examples_and_a_regular_first_period_as_price(tmp_path):
    """ODDFPRICE and ODDFYIELD were unsupported too: Microsoft's examples (113.597717 in basis 1, 7.72% in basis 0);
    an issue on the coupon date before the first coupon is a regular period: PRICE's value."""
    regular = "DATE(2020,2,10),DATE(2025,6,15),DATE(2019,12,15),DATE(2020,6,15)"
    values = recalculated(
        tmp_path,
        {
            "B1": f"=ODDFPRICE({ISSUED},0.0785,0.0625,100,2,1)",
            "B2": f"=ODDFYIELD({ISSUED},0.0575,84.5,100,2,0)",
            "B3": f"=ODDFPRICE({regular},0.05,0.06,100,2,1)",
            "B4": "=PRICE(DATE(2020,2,10),DATE(2025,6,15),0.05,0.06,100,2,1)",
            "B5": f"=ODDFYIELD({ISSUED},0.0785,B1,100,2,1)",
            "B6": f"=ODDFPRICE({ISSUED},-0.01,0.0625,100,2,1)",
            "B7": "=ODDFPRICE(DATE(2008,10,1),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,0.0625,100,2,1)",
        },
    )
    assert round(values["B1"], 6) == 113.597717
    assert round(values["B2"], 4) == 0.0772
    assert values["B3"] == pytest.approx(values["B4"], rel=1e-13)
    assert values["B5"] == pytest.approx(0.0625, rel=1e-9)
    assert [values["B6"], values["B7"]] == ["#NUM!", "#NUM!"]  # a negative rate; settlement before the issue


def test_long_first_periods_and_other_bases_are_listed(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": "=ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,6,15),DATE(2009,3,1),0.0785,0.0625,100,2,1)",
            "B2": f"=ODDFPRICE({ISSUED},0.0785,0.0625,100,2,3)",
            "B3": "=ODDFYIELD(DATE(2008,11,11),DATE(2021,4,15),DATE(2008,10,15),DATE(2009,3,1),0.05,84.5,100,2,0)",
        },
    )
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2", "B3"} & set(values)
