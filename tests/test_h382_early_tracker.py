"""A tracker of the first template (8b3d91a7, 2026-11-22: tests/data/template_2026-11-22_8b3d91a7.xlsx) upgraded and
extended (H382's items 2 and 3).

That template's 'Purchases and visits'!D (``=REPEAT_PURCHASE_RATE(C2,B2)``, its "Of whom returning" over buyers) and
its NPS sheet's B:G (``=INDEX(NPS_BREAKDOWN('NPS scores'!B$2:B$1001),1,4)``, ``=NPS(...)``, ``=NPS_MOE(...)``) had no
guard for a month not filled in: 0 responses, or #NAME? in a spreadsheet without the add-in, where this version's
formulas are blank. ``upgrade`` left them as they were (no earlier form matched); now they get this version's guard,
the rate still reading "Of whom returning". ``extend`` stopped at that Purchases sheet ("no column 'Repeat purchasers
...'") before the Dashboard's charts were stretched; now the sheet grows with the guarded rate and the charts take in
the months added. Values typed and a formula of the user's own are kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typed_tracker import cli_output, typed_in_place

from xl_retention.recalculation import recalc_file

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
PURCHASES = {"B2": 10, "C2": 4, "H1": '="Mine"', "H2": "=B2*2"}  # January: 10 buyers, 4 returning; my own column
SCORES = {"B2": 10, "B3": 9, "B4": 7, "B5": 3}  # January's answers: 2 promoters, a passive, a detractor


def _rate(row: int) -> str:
    b, c = f"B{row}", f"C{row}"
    number = 'IF({x}="","",IF(ISLOGICAL({x}),#VALUE!,IFERROR({x}+0,{x})))'
    nb, nc = number.format(x=b), number.format(x=c)
    return (
        f'=IF(OR(AND({c}="",{b}=""),AND(ISNUMBER({nb}),{nb}=0,NOT(IFERROR({c}+0<>0,FALSE)))),"",'
        f"REPEAT_PURCHASE_RATE({nc},{nb}))"
    )


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """The early tracker, January typed, upgraded and recalculated: (report, formulas, values)."""
    path = tmp_path_factory.mktemp("h382") / "early.xlsx"
    shutil.copy(EARLY, path)
    typed_in_place(path, {"Purchases and visits": PURCHASES, "NPS scores": SCORES})
    out = cli_output("upgrade", str(path))
    formulas = openpyxl.load_workbook(path)
    assert recalc_file(path, path, in_place=True).status == "ok"
    return out, formulas, openpyxl.load_workbook(path, data_only=True)


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    """The early tracker, January typed, extended by 2 months (not upgraded first): (report, formulas)."""
    path = tmp_path_factory.mktemp("h382x") / "early.xlsx"
    shutil.copy(EARLY, path)
    typed_in_place(path, {"Purchases and visits": PURCHASES, "NPS scores": SCORES})
    out = cli_output("extend", str(path), "--months", "2")
    return out, openpyxl.load_workbook(path)


def test_upgrade_guards_the_early_purchases_rate(upgraded):
    _, formulas, values = upgraded
    ws = formulas["Purchases and visits"]
    assert [ws[f"D{r}"].value for r in (2, 3, 25)] == [_rate(2), _rate(3), _rate(25)]
    assert (ws["B2"].value, ws["C2"].value, ws["H1"].value, ws["H2"].value) == (10, 4, '="Mine"', "=B2*2")
    got = values["Purchases and visits"]
    assert got["D2"].value == 0.4 and got["D3"].value in (None, "") and got["D25"].value in (None, "")
    # the Dashboard still reads it as the returning customer rate (upgrade's early table, H369)
    assert formulas.defined_names["Purchases_Returning_Rate"].attr_text == "'Purchases and visits'!$D$2:$D$25"
    assert values["Dashboard"]["F5"].value == 0.4


def test_upgrade_guards_the_early_nps_columns(upgraded):
    _, formulas, values = upgraded
    ws = formulas["NPS"]
    s = "'NPS scores'!C$2:C$1001"
    assert ws["B3"].value == f'=IF(COUNTA({s})=0,"",INDEX(NPS_BREAKDOWN({s}),1,4))'
    assert ws["E3"].value == f'=IF(COUNTA({s})=0,"",INDEX(NPS_BREAKDOWN({s}),1,3))'
    assert ws["G3"].value.startswith(f'=IF(COUNTA({s})=0,IF(NOT(ISNUMBER(F3)),"",')  # counts typed: H575
    assert ws["G3"].value.endswith(f',IF(OR(B3<4,C3=B3,D3=B3,E3=B3),"",NPS_MOE({s})))')
    assert ws["F3"].value.startswith(f'=IF(COUNTA({s})=0,IF(AND(C3="",D3="",E3=""),"",')
    got = values["NPS"]
    assert [got[f"{c}2"].value for c in "BCDEF"] == [4, 2, 1, 1, 25]
    assert all(got[f"{c}3"].value in (None, "") for c in "BCDEFG")


def test_extend_grows_the_early_purchases_sheet_and_the_dashboard(extended):
    out, wb = extended
    assert "added months 2028-01 to 2028-02, a tracker of 26 months" in out
    ws = wb["Purchases and visits"]
    assert [ws[f"A{r}"].value.strftime("%Y-%m") for r in (26, 27)] == ["2028-01", "2028-02"]
    assert [ws[f"D{r}"].value for r in (2, 26, 27)] == [_rate(2), _rate(26), _rate(27)]
    assert ws["C26"].value is None and ws["B26"].value is None  # "Of whom returning" stays an input
    assert (ws["B2"].value, ws["C2"].value, ws["H2"].value) == (10, 4, "=B2*2")
    refs = [(s.val.numRef.f, s.cat.numRef.f) for chart in wb["Dashboard"]._charts for s in chart.series]
    assert refs == [
        # the first template's charts read this version's chart columns (H462: the figures' own drew 0 for months
        # without one)
        ("'Customers'!$I$2:$I$27", "'Customers'!$A$2:$A$27"),
        ("'Revenue'!$Q$2:$Q$27", "'Revenue'!$A$2:$A$27"),
        ("'Revenue'!$R$2:$R$27", "'Revenue'!$A$2:$A$27"),
        ("'NPS'!$H$2:$H$27", "'NPS'!$A$2:$A$27"),
    ]
    assert (
        wb["NPS"]["B27"].value
        == "=IF(COUNTA('NPS scores'!AA$2:AA$1001)=0,\"\",INDEX(NPS_BREAKDOWN('NPS scores'!AA$2:AA$1001),1,4))"
    )
