"""The template's range names a user deleted (Google Sheets' Data > Named ranges, Excel's Name Manager) are defined
again by ``xl-retention upgrade`` where the tracker's formulas read them (H346; KNOWN's Google Sheets item).

``Customers_Churn`` deleted from a 12-month tracker: the Dashboard's churn (C9) and the Lifetime value's churn (B5, B7,
B8) were ``#NAME?`` and ``upgrade`` said "its formulas are this version's already (nothing changed)", leaving them so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "g.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 105), (12, 110), (8, 112), (15, 120)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    wb.save(path)
    return path


def _deleted(path: Path, names: list[str]) -> dict[str, str]:
    """Delete ``names`` from the workbook at ``path``; their definitions as they were."""
    wb = openpyxl.load_workbook(path)
    kept = {name: wb.defined_names[name].attr_text for name in names}
    for name in names:
        del wb.defined_names[name]
    wb.save(path)
    return kept


def _recalc(path: Path, out: Path, capsys) -> dict:
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_a_deleted_range_name_is_defined_again_by_upgrade(tmp_path, capsys):
    path = _tracker(tmp_path)
    whole = tmp_path / "whole.xlsx"
    shutil.copy(path, whole)
    assert _deleted(path, ["Customers_Churn"]) == {"Customers_Churn": "'Customers'!$G$2:$G$13"}
    before = _recalc(path, tmp_path / "before", capsys)
    assert {e["address"]: e["error"] for e in before["errors"]} == {
        "Dashboard!C9": "#NAME?",
        "'Lifetime value'!B5": "#NAME?",
        "'Lifetime value'!B7": "#NAME?",
        "'Lifetime value'!B8": "#NAME?",
    }
    assert before["errors"][0]["reason"] == (
        "Dashboard!C9: the formula uses the name Customers_Churn, which the workbook does not define (deleted?): "
        "define it again in Formulas > Name Manager (Customers!$G$2:$G$13; or run xl-retention upgrade on the file, "
        "which defines it again) (#NAME?)"
    )

    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: its formulas are this version's already",
        "defined the template's names Customers_Churn ('Customers'!$G$2:$G$13), which the tracker's formulas read "
        "and this workbook did not define (deleted: in Google Sheets, Data > Named ranges): the cells reading them "
        "are computed again",
    ]
    assert openpyxl.load_workbook(path).defined_names["Customers_Churn"].attr_text == "'Customers'!$G$2:$G$13"
    after = _recalc(path, tmp_path / "after", capsys)
    assert (after["status"], after["errors"], after["unsupported"]) == ("ok", [], [])
    _recalc(whole, tmp_path / "whole", capsys)
    mine = openpyxl.load_workbook(tmp_path / "after" / "g.xlsx", data_only=True)
    theirs = openpyxl.load_workbook(tmp_path / "whole" / "whole.xlsx", data_only=True)
    for sheet, ref in (("Dashboard", "C9"), ("Lifetime value", "B5"), ("Lifetime value", "B7")):
        assert mine[sheet][ref].value == theirs[sheet][ref].value
    # the churn of Jan-Apr 2025 (lost = start + gained - end): 5/100, 7/105, 6/110, 7/112; lifetime 1/churn
    churn = (5 / 100 + 7 / 105 + 6 / 110 + 7 / 112) / 4
    assert round(mine["Lifetime value"]["B5"].value, 12) == round(churn, 12)
    assert round(mine["Lifetime value"]["B7"].value, 9) == round(1 / churn, 9)

    assert cli.main(["upgrade", str(path)]) == 0  # nothing missing any more
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)"
    ]


def test_every_name_the_formulas_read_comes_back_as_the_template_defines_it(tmp_path, capsys):
    path = _tracker(tmp_path)
    names = [
        "Customers_Churn", "Customers_Months", "Revenue_End", "NPS_Score", "Purchases_Repeat_Rate", "LTV_Churn",
        "LTV_CLV", "Cohort_Counts", "SBG_Alpha", "BDW_Alpha", "LTV_Churn_Error_Row",
    ]  # fmt: skip
    kept = _deleted(path, [*names, "Lost_Customers"])  # Lost_Customers: read by no formula
    assert cli.main(["upgrade", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        "defined the template's names Customers_Churn ('Customers'!$G$2:$G$13), Customers_Months "
        "('Customers'!$A$2:$A$13), Revenue_End ('Revenue'!$H$2:$H$13), NPS_Score ('NPS'!$F$2:$F$13), "
        "Purchases_Repeat_Rate ('Purchases and visits'!$F$2:$F$13), LTV_Churn ('Lifetime value'!$B$5), LTV_CLV "
        "('Lifetime value'!$B$8), Cohort_Counts ('Cohorts'!$B$4:$M$15), SBG_Alpha ('Cohorts'!$B$34), BDW_Alpha "
        "('Cohorts'!$B$35), which the tracker's formulas read and this workbook did not define (deleted: in Google "
        "Sheets, Data > Named ranges): the cells reading them are computed again"
    )
    assert lines[2].startswith("defined the template's names LTV_Churn_Error_Row, which the notes of")
    defined = openpyxl.load_workbook(path).defined_names
    assert {name: defined[name].attr_text for name in names} == {name: kept[name] for name in names}
    assert "Lost_Customers" not in defined
    report = _recalc(path, tmp_path / "after", capsys)
    assert (report["status"], report["errors"], report["unsupported"]) == ("ok", [], [])


def test_a_name_whose_column_was_renamed_is_named_not_guessed(tmp_path, capsys):
    path = _tracker(tmp_path)
    _deleted(path, ["Customers_Churn"])
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["G1"] = "Churn %"  # the header renamed: no column to define it over
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)",
        "upgrade cannot define again the template's names Customers_Churn (no column 'Churn rate' in row 1 of "
        "'Customers'), which the tracker's formulas read: define each in Formulas > Name Manager (Google Sheets: "
        "Data > Named ranges) over the cells a new tracker's has (xl-retention new)",
    ]
    assert "Customers_Churn" not in openpyxl.load_workbook(path).defined_names
