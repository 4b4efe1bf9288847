"""FVSCHEDULE and PERMUTATIONA, which the embedded engine lacked: a workbook written by a program (no stored value)
came out incomplete, the cells empty. Values from Microsoft's examples of each function."""

import pytest
from one_sheet import recalculated


def test_fvschedule_and_permutationa(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "A1": 0.09, "A2": None, "A3": 0.1,
            "B1": "=FVSCHEDULE(1,{0.09,0.11,0.1})",
            "B2": "=FVSCHEDULE(100,A1:A3)",  # a blank cell is no interest
            "B3": "=_xlfn.PERMUTATIONA(3,2)",
            "B4": "=_xlfn.PERMUTATIONA(2.7,2)",  # truncated: 2^2
            "B5": "=_xlfn.PERMUTATIONA(-1,2)",
            "B6": '=FVSCHEDULE(1,{0.1,"x"})',
        },
    )  # fmt: skip
    assert values["B1"] == pytest.approx(1.33089, rel=1e-12)
    assert values["B2"] == pytest.approx(119.9, rel=1e-12)
    assert [values["B3"], values["B4"], values["B5"], values["B6"]] == [9, 4, "#NUM!", "#VALUE!"]


def test_munit(tmp_path):
    """MUNIT (Excel 2013: _xlfn. in the file) was unsupported too (incomplete, no value): the unit matrix."""
    values = recalculated(
        tmp_path,
        {"B1": "=SUM(_xlfn.MUNIT(3))", "B2": "=INDEX(_xlfn.MUNIT(2),2,2)", "B3": "=INDEX(_xlfn.MUNIT(2),1,2)",
         "B4": "=SUM(_xlfn.MUNIT(0))"},
    )  # fmt: skip
    assert [values["B1"], values["B2"], values["B3"], values["B4"]] == [3, 1, 0, "#VALUE!"]
