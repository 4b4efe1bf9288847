"""An early tracker (the first template, 8b3d91a7: tests/data/template_2026-11-22_8b3d91a7.xlsx) upgraded gets the
Dashboard's purchases and visits figures (E3:G6) a new tracker shows for the same inputs; ``import --into`` on one
says in a line that ``upgrade`` adds the latest figures table, and brings its Lifetime value's churn up (H369).

The early "Purchases and visits" sheet has buyers (B), "Of whom returning" (C: customers who ordered in an earlier
month, as that version's import counted them), "Repeat purchase rate" (D: =REPEAT_PURCHASE_RATE(C2,B2), this version's
returning customer rate) and the visits (E:G); no repeat purchasers. H358's upgrade left E3:G6 empty ("lacks
Purchases_Returning_Rate"). Now the early D is named Purchases_Returning_Rate: F5:G5 and F6:G6 equal a new tracker's
(March: 36/90 = 40%, 270/900 = 30%), F4 says the sheet has no repeat purchasers column, and the report says where a
new tracker has one. A rate column holding a formula of the user's is not taken for the early one: left empty, said.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from typed_tracker import cli_output, typed_in_place

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
#: buyers, returning customers, visitors, returning visitors of January to March, in the early sheet's columns
EARLY_INPUTS = {"B2": 100, "C2": 20, "E2": 1000, "F2": 300, "B3": 120, "C3": 30, "E3": 1100, "F3": 400, "B4": 90,
                "C4": 36, "E4": 900, "F4": 270}  # fmt: skip
#: the same in a new tracker's (returning C, visitors G, returning visitors H; no repeat purchasers in D)
NEW_INPUTS = {"B2": 100, "C2": 20, "G2": 1000, "H2": 300, "B3": 120, "C3": 30, "G3": 1100, "H3": 400, "B4": 90,
              "C4": 36, "G4": 900, "H4": 270}  # fmt: skip
MARCH = dt.datetime(2026, 3, 1)


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """The early tracker with three months of purchases and visits typed, upgraded twice (both reports) and
    recalculated; a new tracker of the same inputs recalculated."""
    folder = tmp_path_factory.mktemp("h369")
    path = folder / "early.xlsx"
    shutil.copy(EARLY, path)
    typed_in_place(path, {"Purchases and visits": EARLY_INPUTS})
    new = build_template(folder / "new.xlsx", start="2026-01", months=4)
    typed_in_place(new, {"Purchases and visits": NEW_INPUTS})
    first, second = cli_output("upgrade", str(path)), cli_output("upgrade", str(path))
    formulas = openpyxl.load_workbook(path)
    for file in (path, new):
        assert recalc_file(file, file, in_place=True).status == "ok"
    values = openpyxl.load_workbook(path, data_only=True)
    return first, second, formulas, values, openpyxl.load_workbook(new, data_only=True)


def test_the_early_trackers_shop_table_shows_a_new_trackers_returning_rates(upgraded):
    first, second, formulas, values, new = upgraded
    dashboard, made = values["Dashboard"], new["Dashboard"]
    shown = {f"{c}{r}": dashboard[f"{c}{r}"].value for r in (5, 6) for c in "FG"}
    assert shown == {"F5": pytest.approx(36 / 90, rel=1e-12), "G5": MARCH, "F6": pytest.approx(270 / 900, rel=1e-12),
                     "G6": MARCH}  # fmt: skip
    assert shown == {ref: made[ref].value for ref in shown}
    assert (
        [dashboard[f"E{r}"].value for r in range(3, 7)]
        == [made[f"E{r}"].value for r in range(3, 7)]
        == [
            "Purchases and visits",
            "Repeat purchase rate",
            "Returning customer rate",
            "Returning visitor rate",
        ]
    )
    assert (dashboard["F3"].value, dashboard["G3"].value) == ("Value", "Month")
    assert (dashboard["F4"].value, dashboard["G4"].value) == ("not tracked here", None)
    names = formulas.defined_names
    assert names["Purchases_Returning_Rate"].attr_text == "'Purchases and visits'!$D$2:$D$25"
    assert names["Purchases_Repeat_Rate"].attr_text == "'Purchases and visits'!$D$2:$D$25"  # the sheet's own, kept
    # the same rate of "Of whom returning" over buyers, blank in a month not filled in since H382
    assert formulas["Purchases and visits"]["D4"].value == (
        '=IF(OR(AND(C4="",B4=""),AND(ISNUMBER(IF(B4="","",IF(ISLOGICAL(B4),#VALUE!,IFERROR(B4+0,B4)))),'
        'IF(B4="","",IF(ISLOGICAL(B4),#VALUE!,IFERROR(B4+0,B4)))=0,NOT(IFERROR(C4+0<>0,FALSE)))),"",'
        'REPEAT_PURCHASE_RATE(IF(C4="","",IF(ISLOGICAL(C4),#VALUE!,IFERROR(C4+0,C4))),IF(B4="","",'
        "IF(ISLOGICAL(B4),#VALUE!,IFERROR(B4+0,B4)))))"  # a boolean refused (992d98cf)
    )
    assert (
        "'Dashboard'!F5:G5, the returning customer rate, reads the early 'Purchases and visits' sheet's 'Repeat "
        "purchase rate' ('Purchases and visits'!$D$2:$D$25: its 'Of whom returning', customers who ordered in an "
        "earlier month, over its buyers), now named Purchases_Returning_Rate; F4, the repeat purchase rate (customers "
        "with more than one order in the month over buyers), says 'not tracked here': that sheet has none; "
        "a new tracker (xl-retention new NEW.xlsx --start YYYY-MM) has one (its 'Purchases and visits'!D), which "
        "import --orders fills" in first
    )
    assert "left empty" not in first
    assert second.strip().endswith("its formulas are this version's already (nothing changed)")


def test_a_rate_column_of_the_users_is_not_taken_for_the_early_one(tmp_path):
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    typed_in_place(path, {"Purchases and visits": {"D3": "=C3/B3*100"}})  # the user's own rate in percent points
    out = cli_output("upgrade", str(path))
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert ws["A3"].value == "Latest figures"
    assert all(ws[f"{c}{r}"].value is None for r in range(3, 7) for c in "EFG")
    assert "Purchases_Returning_Rate" not in openpyxl.load_workbook(path).defined_names
    assert (
        "'Dashboard'!E3:G6, the purchases and visits figures, left empty: the tracker lacks the names it reads "
        "(Purchases_Returning_Rate); a new tracker has them" in out
    )


def test_import_into_an_early_tracker_says_upgrade_adds_the_table(tmp_path):
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    csv = tmp_path / "s.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,10\nb,2026-01,20\nb,2026-02,20\n")
    out = cli_output("import", "--subscriptions", str(csv), "--into", str(path))
    assert (
        f"'Dashboard' has no latest figures table (a tracker of the first template, 2026-11-22: charts only): "
        f"xl-retention upgrade {path} adds it as a new tracker has it, with the names it reads" in out
    )
    assert "reads a column this tracker lacks" not in out  # the Lifetime value's churn: brought up in the same run
    wb = openpyxl.load_workbook(path)
    made = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=4))
    assert wb["Lifetime value"]["B5"].value == made["Lifetime value"]["B5"].value
    assert wb["Dashboard"]["A3"].value is None and len(wb["Dashboard"]._charts) == 3  # left to upgrade, as said


def test_extend_on_an_early_tracker_defines_the_helper_names_over_the_months_it_adds(tmp_path):
    """An early tracker without its 'Purchases and visits' sheet (an early one stops extend: no repeat purchasers)
    extended by two months: the helper columns' names take in rows 26 and 27 as the template's names do (they were
    defined over the months as read before extend added them, $J$2:$J$25, and kept so by a later upgrade)."""
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    wb = openpyxl.load_workbook(path)
    del wb["Purchases and visits"]
    wb.save(path)
    out = cli_output("extend", str(path), "--months", "2")
    assert "'Dashboard' has no latest figures table" in out and f"xl-retention upgrade {path} adds it" in out
    assert "reads a column this tracker lacks" not in out
    names = openpyxl.load_workbook(path).defined_names
    assert {
        n: names[n].attr_text for n in ("Customers_CRR", "Customers_Churn_Seq", "Revenue_End_Seq", "NPS_Score_Seq")
    } == {  # fmt: skip
        "Customers_CRR": "'Customers'!$F$2:$F$27",
        "Customers_Churn_Seq": "'Customers'!$J$2:$J$27",
        "Revenue_End_Seq": "'Revenue'!$U$2:$U$27",
        "NPS_Score_Seq": "'NPS'!$J$2:$J$27",
    }
