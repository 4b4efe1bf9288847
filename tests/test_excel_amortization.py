"""AMORLINC and AMORDEGRC, which the embedded engine lacked: a workbook written by a program (no stored value) came
out incomplete, the cells empty. Microsoft's examples (360, 776); the other periods as LibreOffice computes them
(its values checked with soffice: 131.80, 168.20, 0, 330, 485, 303, 2729, 1583.33); where Excel's answer is not
known the cell stays listed."""

import pytest
from one_sheet import recalc_sheet, recalculated

BOUGHT = "DATE(2008,8,19),DATE(2008,12,31),300"


def test_microsofts_examples_and_other_periods(tmp_path):
    values = recalculated(
        tmp_path,
        {
            "B1": f"=AMORLINC(2400,{BOUGHT},1,0.15,1)",
            "B2": f"=AMORDEGRC(2400,{BOUGHT},1,0.15,1)",
            "B3": f"=AMORLINC(2400,{BOUGHT},0,0.15,1)",  # the part of the first year: 134/366 of 360
            "B4": f"=AMORLINC(2400,{BOUGHT},6,0.15,1)",  # the rest down to the salvage
            "B5": f"=AMORLINC(2400,{BOUGHT},7,0.15,1)",
            "B6": f"=AMORDEGRC(2400,{BOUGHT},0,0.15,1)",
            "B7": f"=AMORDEGRC(2400,{BOUGHT},2,0.15,1)",
            "B8": f"=AMORDEGRC(2400,{BOUGHT},3,0.15,1)",
            "B9": "=AMORDEGRC(10000,DATE(2020,3,15),DATE(2020,12,31),500,1,0.2,0)",  # a life of 5 years: 2
            "B10": "=AMORLINC(10000,DATE(2020,3,15),DATE(2020,12,31),500,0,0.2,4)",
            "B11": f"=AMORDEGRC(2400,{BOUGHT},1,0.45,1)",  # a life of 2.2 years: #NUM! as Microsoft documents
            "B12": f"=AMORDEGRC(2400,{BOUGHT},1,0.22,1)",  # 4.5 years
            "B13": f'=AMORLINC("x",{BOUGHT},1,0.15,1)',
            "B14": f"=AMORLINC(2400,{BOUGHT},1,0,1)",
        },
    )
    assert [values["B1"], values["B2"]] == [360, 776]
    assert values["B3"] == pytest.approx(2400 * 0.15 * 134 / 366, rel=1e-12)
    assert values["B4"] == pytest.approx(2400 - 300 - 5 * 360 - 2400 * 0.15 * 134 / 366, rel=1e-12)
    assert [values["B5"], values["B6"], values["B7"], values["B8"], values["B9"]] == [0, 330, 485, 303, 2729]
    assert values["B10"] == pytest.approx(10000 * 0.2 * 285 / 360, rel=1e-12)
    assert [values["B11"], values["B12"], values["B13"], values["B14"]] == ["#NUM!", "#NUM!", "#VALUE!", "#NUM!"]


def test_where_excels_answer_is_not_known_the_cell_is_listed(tmp_path):
    result, values = recalc_sheet(
        tmp_path,
        {
            "B1": f"=AMORDEGRC(2400,{BOUGHT},6,0.15,1)",  # the last periods: Microsoft's words and LibreOffice differ
            "B2": f"=AMORLINC(2400,{BOUGHT},1,0.15,2)",  # basis 2: not in Microsoft's list
            "B3": "=AMORLINC(2400,DATE(2008,8,19),DATE(2009,6,30),300,1,0.15,1)",  # actual/actual across a year's end
            "B4": f"=AMORDEGRC(2400,{BOUGHT},1,0.5,1)",  # a life of 2 years: not in Microsoft's table
        },
    )
    assert result.status == "incomplete", result.message
    assert not {"B1", "B2", "B3", "B4"} & set(values)
