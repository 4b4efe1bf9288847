"""DURATION and MDURATION, which the embedded engine lacked: a workbook written by a program came out incomplete,
the cells empty. Values of Microsoft's examples (basis 1)."""

import pytest
from one_sheet import recalculated


def test_duration_and_mduration(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": "=DURATION(DATE(2018,7,1),DATE(2048,1,1),0.08,0.09,2,1)",
            "B2": "=MDURATION(DATE(2008,1,1),DATE(2016,1,1),0.08,0.09,2,1)",
            "B3": "=DURATION(DATE(2018,7,1),DATE(2048,1,1),-0.08,0.09,2,1)",
            "B4": "=DURATION(DATE(2018,7,1),DATE(2048,1,1),0.08,0.09,3,1)",
            "B5": "=DURATION(DATE(2048,1,1),DATE(2018,7,1),0.08,0.09,2,1)",
        },
    )
    assert values["B1"] == pytest.approx(10.9191453, rel=1e-8)
    assert values["B2"] == pytest.approx(5.73567, rel=1e-6)
    assert [values["B3"], values["B4"], values["B5"]] == ["#NUM!", "#NUM!", "#NUM!"]
