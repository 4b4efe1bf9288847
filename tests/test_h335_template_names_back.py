"""The template's names defined by a formula (LTV_Churn_Error_Row, LTV_MRR_Run_Row), dropped by a Google Sheets round
trip (its named ranges can only be ranges), are named by recalc and defined again by upgrade (H332's finding 01).

Without them the Lifetime value notes read them inside IFERROR: C5 was a bare #N/A with an empty reason, status ok,
and ``upgrade`` said "its formulas are this version's already (nothing changed)", leaving them out.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

NAMES = ["LTV_Churn_Error_Row", "LTV_MRR_Run_Row"]
MISSING = (
    "the template's names LTV_Churn_Error_Row, LTV_MRR_Run_Row, which the notes of the 'Lifetime value' sheet read, "
    "are not defined in this workbook (Google Sheets keeps only names of ranges): those notes cannot say which cell "
    "an error comes from (a bare #N/A, or the wrong advice): run xl-retention upgrade on the file, which defines them "
    "again"
)


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "g.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 105), (12, 110), (8, 112), (15, 120)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    c["D4"] = "n/a"  # March's customers at end typed as n/a: the error C5 exists to point at
    for name in NAMES:  # what the Google Sheets round trip drops
        del wb.defined_names[name]
    wb.save(path)
    return path


def test_recalc_names_the_missing_names_and_upgrade_defines_them_again(tmp_path, capsys):
    path = _tracker(tmp_path)
    out = tmp_path / "out"
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["message"].startswith(f"g.xlsx: {MISSING}")
    (c5,) = [e for e in report["errors"] if e["address"] == "'Lifetime value'!C5"]
    assert (c5["error"], c5["reason"]) == ("#N/A", MISSING)

    assert cli.main(["upgrade", str(path), "--recalc"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        f"{path}: its formulas are this version's already",
        "defined the template's names LTV_Churn_Error_Row, LTV_MRR_Run_Row, which the notes of 'Lifetime value' read "
        "and this workbook did not define (Google Sheets keeps only names of ranges): the notes say again which cell "
        "an error comes from",
    ]
    wb = openpyxl.load_workbook(path, data_only=True)
    assert all(name in wb.defined_names for name in NAMES)
    assert wb["Lifetime value"]["C5"].value.startswith("see Customers!D4: a churn rate of the last 12 months is an")

    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "again")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert "LTV_Churn_Error_Row" not in json.dumps(report)
    assert cli.main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: its formulas are this version's already (nothing changed)"
    ]
