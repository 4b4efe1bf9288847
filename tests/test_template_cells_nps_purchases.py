"""The template's formulas cleared on the NPS and "Purchases and visits" sheets: recalc names them, upgrade puts them
back (H230's fault 2).

Before: NPS!F3 (a month's NPS), NPS!H4 (its chart helper) and 'Purchases and visits'!E3 (a returning customer rate)
cleared left those figures blank under ok (only Customers and Revenue were looked at), and upgrade put back the
helper and the rate but not NPS!F3, nor a whole month's row of NPS formulas (B5:G5), whose formulas read that month's
answers on 'NPS scores' (a range the template writes per month): recalc's advice "run xl-retention upgrade" left them.
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

NPS_ANSWERS = [10, 9, 9, 8, 7, 6, 3]  # docs/metrics.md: NPS 100 x (3 - 2) / 7


def _recalc(tmp_path, capsys, path, name: str) -> tuple[dict, openpyxl.Workbook]:
    out = tmp_path / name
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(report["output"], data_only=True)


@pytest.fixture
def cleared(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6, overwrite=True)
    wb = openpyxl.load_workbook(path)
    for column in (3, 5):  # February's and April's answers
        for row, value in enumerate(NPS_ANSWERS, start=2):
            wb["NPS scores"].cell(row, column).value = value
    buys = wb["Purchases and visits"]
    buys["B3"], buys["C3"], buys["D3"] = 100, 20, 10
    wb["NPS"]["F3"] = None
    wb["NPS"]["H4"] = None
    for letter in "BCDEFG":
        wb["NPS"][f"{letter}5"] = None
    buys["E3"] = None
    wb["NPS"]["K3"] = "my note"
    wb.save(path)
    return path


def test_recalc_names_them(tmp_path, capsys, cleared):
    report, wb = _recalc(tmp_path, capsys, cleared, "before")
    assert wb["NPS"]["F3"].value is None and wb["Purchases and visits"]["E3"].value is None
    # April's answers, which no formula reads: named as its month's (before: "a column inserted there? ... delete
    # column E", and with only its formulas cleared, "F1 holds 46143 (May) where 2026-04 belongs: put ... back")
    assert (report["status"], report["message"]) == (
        "incomplete",
        "t.xlsx: 'NPS scores'!E2 holds an answer of 2026-04 (its header), which no NPS formula reads (its month's "
        "formulas on the NPS sheet cleared?): its answers are not counted; run xl-retention upgrade on the workbook, "
        "which puts the template's formulas back (your values are kept)",
    )
    wb = openpyxl.load_workbook(cleared)
    for row in range(2, 9):
        wb["NPS scores"].cell(row, 5).value = None
    wb.save(cleared)
    report, _ = _recalc(tmp_path, capsys, cleared, "without April")
    assert (report["status"], report["message"]) == (
        "incomplete",
        "t.xlsx: 9 cells of the tracker's formulas are blank (cleared?): NPS!F3 (NPS), NPS!H4 (NPS (chart)), NPS!B5 "
        "(Responses), ... (6 more): the month's NPS and its margin of error and the Dashboard read them (the hidden "
        "columns too); copy the column's formula from another month's row into each, or from a new tracker "
        "(xl-retention new) where every month's is cleared, or run xl-retention upgrade on the workbook, which puts "
        "the template's formulas back there (your values are kept)",
    )


def test_upgrade_puts_them_back(tmp_path, capsys, cleared):
    assert cli.main(["upgrade", str(cleared)]) == 0
    assert capsys.readouterr().out == (
        "put the template's formulas back in 'NPS'!B5, 'NPS'!C5, 'NPS'!D5, 'NPS'!E5, 'NPS'!F3, 'NPS'!F5 and 3 more "
        "(blank: cleared?), each month's reading its own row again (values you typed over formulas are kept)\n"
    )
    wb = openpyxl.load_workbook(cleared)
    assert wb["Purchases and visits"]["E3"].value.startswith('=IF(OR(AND(C3="",B3=""),')
    assert wb["NPS"]["B5"].value == (
        "=IF(COUNTA('NPS scores'!E$2:E$1001)=0,\"\",INDEX(NPS_BREAKDOWN('NPS scores'!E$2:E$1001),1,4))"
    )
    assert wb["NPS"]["K3"].value == "my note"
    report, wb = _recalc(tmp_path, capsys, cleared, "after")
    assert (report["status"], report["message"]) == ("ok", "")
    nps = wb["NPS"]
    assert [nps["F3"].value, nps["F5"].value, nps["B5"].value, nps["E5"].value] == [
        pytest.approx(100 / 7, abs=1e-12),
        pytest.approx(100 / 7, abs=1e-12),
        7,
        2,
    ]
    assert nps["H4"].value == "#N/A"  # March: no answers between February's and April's (a gap in the chart)
    assert wb["Purchases and visits"]["E3"].value == 0.2
