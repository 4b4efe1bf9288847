"""Lifetime value B12:B13, the sBG lifetime and CLV: a discount rate outside 0 to 1 is named beside them (C12).

SBG_DEL takes any discount rate of 0 or more, so a discount rate typed as 10 for 10% (1,000% a month) gave the
template's sBG lifetime 1.08 months and its CLV 8.60 with no word, where the constant-churn CLV (B8) beside is #NUM!
and C8 names the discount rate. Now B12:B13 are blank and C12 says why; C13 names the margin's input when only the
CLV has no value; a blank discount rate is no discount in the sBG values too (it was #VALUE!).
"""

from __future__ import annotations

import openpyxl
import pytest
from typed_tracker import recalculated

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import LIFETIME_NOTE_C12, LIFETIME_NOTE_C13

DISCOUNT = "No value: the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 10)."
INFINITE = (
    "No value: with no discount (B6 blank or 0) the expected sBG lifetime is infinite for an alpha (B9) of 1 or "
    "less; type a discount rate above 0 (1% or 0.01)."
)


@pytest.mark.parametrize(
    ("typed", "b12", "b13", "c12", "c13"),
    [
        ({"B6": 10}, None, None, DISCOUNT, None),
        ({"B6": -0.5}, None, None, DISCOUNT, None),
        ({"B6": "1000%"}, None, None, DISCOUNT, None),  # pasted as text: its number
        ({"B6": 0}, "#NUM!", "#NUM!", INFINITE, None),  # alpha 0.8
        ({"B6": None, "B9": 2.5}, 3.0, 240.0, None, None),  # a blank is no discount: (2.5 + 3 - 1) / (2.5 - 1)
        ({"B6": "ten"}, "#VALUE!", "#VALUE!", "No value: the discount rate (B6) holds text that is no number; type "
                                              "a number there (1% or 0.01).", None),
        ({"B4": 80}, 13.533104, "#NUM!", None, "No value: the gross margin (B4) is a share from 0 to 1 (80% or 0.8, "
                                               "not 80)."),
        ({"B3": -5}, 13.533104, "#NUM!", None, "No value: ARPA (B3) is below 0: type an amount of 0 or more."),
        ({}, 13.533104, 1082.648351, None, None),
    ],
)  # fmt: skip
def test_the_sbg_lifetime_values_name_the_input_out_of_its_range(tmp_path, typed, b12, b13, c12, c13):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    # the sBG fit typed over its formulas (alpha 0.8, beta 3), ARPA 100 and margin 80%: a margin of 80 a month
    inputs = {"B3": 100, "B4": 0.8, "B6": 0.01, "B9": 0.8, "B10": 3, **typed}
    ws = recalculated(path, {"Lifetime value": inputs})["Lifetime value"]
    got = [ws[ref].value for ref in ("B12", "B13", "C12", "C13")]
    for value, want in zip(got[:2], (b12, b13), strict=True):
        assert value == (pytest.approx(want, rel=1e-6) if isinstance(want, float) else want)
    assert got[2:] == [c12, c13]


def test_an_earlier_tracker_gets_the_sbg_values_and_their_notes(tmp_path, capsys):
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Lifetime value"]
    # as the template wrote them this morning: no notes beside, the discount rate taken as it is
    ws["B12"] = '=IF(COUNT(B9:B10)<2,"",SBG_DEL(B9,B10,IF(B6="",B6,IFERROR(B6+0,B6))))'
    ws["B13"] = '=IF(COUNT(B9:B10)<2,"",IF(B11="","",SBG_CLV(B11,B9,B10,IF(B6="",B6,IFERROR(B6+0,B6)))))'
    ws["C12"] = ws["C13"] = None
    ws["B9"], ws["B10"], ws["B6"] = 0.8, 3, 10
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    out = capsys.readouterr().out
    assert all(f"'Lifetime value'!{ref}" in out for ref in ("B12", "B13", "C12", "C13"))
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert (ws["C12"].value, ws["C13"].value) == (LIFETIME_NOTE_C12, LIFETIME_NOTE_C13)
    assert recalc_file(path, tmp_path / "r.xlsx", engine="embedded").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Lifetime value"]
    assert (ws["B12"].value, ws["B13"].value, ws["C12"].value) == (None, None, DISCOUNT)
