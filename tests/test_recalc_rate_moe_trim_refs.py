"""RATE's root below -100%, a confidence level a hair below 1, and trim references named as written (H75 item 3).

* ``=RATE(12,2800,-10000)`` gave -1.8446 (-184%, Newton's method from 10% run to a root where 1 + rate < 0): Excel
  gives #NUM! there (asks for a guess; with 25% it is 26.30%), as our IRR already did below -100%.
* ``=NPS_MOE(A1:A5,0.9999999999999999)`` (and the fit intervals' confidence) said "NPS_MOE failed:
  StatisticsError('p must be in the range 0.0 < p < 1.0')": the level is below 1, which the contract takes; its
  quantile (8.29) is taken from the lower tail, where 0.5 + level / 2 rounded to 1.
* A trim reference ``A1:.A20`` (stored ``_xlfn._TRO_TRAILING(A1:A20)``) was listed as "unsupported function
  _TRO_TRAILING", a name the user never typed; FORMULATEXT showed it too.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import recalc_sheet

from xl_retention import cells, metrics
from xl_retention.recalculation import recalc_file
from xl_retention.registry import BY_NAME


def test_rate_below_minus_100_percent_is_num(tmp_path: Path) -> None:
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": "=RATE(12,2800,-10000)",
            "A2": "=ROUND(RATE(12,2800,-10000,0,0,0.25),6)",
            "A3": "=ROUND(RATE(10,-100,800),9)",
        },
    )
    assert (values["A1"], values["A2"], values["A3"]) == ("#NUM!", 0.263006, 0.042774978)
    assert [e.address for e in result.errors] == ["S!A1"]


def test_a_confidence_just_below_1_has_a_margin() -> None:
    scores = [[10], [9], [3], [7], [8]]  # 2 promoters, 1 detractor of 5
    z = 8.292361075813595  # the normal quantile of 1 - 1.11e-16 / 2
    moe = cells.evaluate(BY_NAME["NPS_MOE"], scores, 0.9999999999999999)
    assert moe == pytest.approx(z * 100 * ((3 / 5 - (1 / 5) ** 2) / 5) ** 0.5, rel=1e-12)
    assert metrics.nps_moe_min_responses(0.9999999999999999) == 69  # ceil(z^2)
    assert metrics.nps_moe([10, 9, 3, 7, 8], 0.95) == pytest.approx(65.59294077244456, rel=1e-15)  # unchanged
    interval = cells.evaluate(BY_NAME["SBG_SURVIVAL_INTERVAL"], [[1000, 869, 743, 653, 593, 551, 517, 491]], 3,
                              0.9999999999999999)  # fmt: skip
    estimate, lower, upper = interval[0]
    assert lower < estimate < upper and 0 < lower and upper < 1


def test_nps_moe_of_a_workbook_at_that_level_is_a_number(tmp_path: Path) -> None:
    cells_ = {f"A{i}": v for i, v in enumerate((10, 9, 3, 7, 8), start=1)}
    result, values = recalc_sheet(tmp_path, {**cells_, "B1": "=NPS_MOE(A1:A5,0.9999999999999999)"})
    assert result.errors == [] and values["B1"] == pytest.approx(277.51548150881354, rel=1e-12)


def test_trim_references_are_named_as_written(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row in range(1, 5):
        ws[f"A{row}"] = row
    ws["C1"] = "=SUM(_xlfn._TRO_TRAILING(A1:A20))"  # Excel shows =SUM(A1:.A20)
    ws["C2"] = "=ROWS(_xlfn._TRO_ALL(A1:A20))"  # =ROWS(A1.:.A20)
    ws["C3"] = "=SUM(_xlfn._TRO_LEADING(S!A1:A20))"  # =SUM(S!A1.:A20)
    ws["C4"] = "=SUM(_xlfn.TRIMRANGE(A1:A20))"
    ws["C5"] = "=_xlfn.FORMULATEXT(C1)"
    wb.save(tmp_path / "in.xlsx")
    result = recalc_file(tmp_path / "in.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {item.address: (item.function, item.reason) for item in result.unsupported}
    assert reasons == {
        "S!C1": ("trim reference :.", "unsupported trim reference A1:.A20 (the :. of TRIMRANGE's trailing trim)"),
        "S!C2": (
            "trim reference .:.",
            "unsupported trim reference A1.:.A20 (the .:. of TRIMRANGE's leading and trailing trim)",
        ),
        "S!C3": ("trim reference .:", "unsupported trim reference S!A1.:A20 (the .: of TRIMRANGE's leading trim)"),
        "S!C4": ("TRIMRANGE", "unsupported function TRIMRANGE"),
    }
    assert "_TRO" not in result.message
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["C5"].value == "=SUM(A1:.A20)"
