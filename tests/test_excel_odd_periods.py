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
