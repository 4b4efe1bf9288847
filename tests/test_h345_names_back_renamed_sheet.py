"""The reason naming the template's names a Google Sheets round trip dropped (LTV_Churn_Error_Row, LTV_MRR_Run_Row) is
given to the notes reading them on the Lifetime value sheet under any title the user gave it (H332's finding 01).

recalc found the sheet renamed 'CLV' (its message said "the notes of the 'CLV' sheet read ...") but gave the reason
only to cells whose address held 'Lifetime value': CLV!C5, a bare #N/A, came out with an empty reason. Now each error
cell of that sheet whose formula reads a missing name gets it (the churn cells' errors keep their own reasons).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from test_h335_template_names_back import _tracker

from xl_retention import cli

MISSING = (
    "the template's names LTV_Churn_Error_Row, LTV_MRR_Run_Row, which the notes of the 'CLV' sheet read, are not "
    "defined in this workbook (Google Sheets keeps only names of ranges): those notes cannot say which cell an error "
    "comes from (a bare #N/A, or the wrong advice): run xl-retention upgrade on the file, which defines them again"
)


def _renamed(tmp_path: Path) -> Path:
    """The tracker without the two names, its Lifetime value sheet renamed CLV as Excel does (references follow)."""
    path = _tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"].title = "CLV"
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "'Lifetime value'!" in cell.value:
                    cell.value = cell.value.replace("'Lifetime value'!", "CLV!")
    for name in wb.defined_names.values():
        name.attr_text = name.attr_text.replace("'Lifetime value'!", "CLV!")
    wb.save(path)
    return path


def test_the_notes_of_a_renamed_lifetime_sheet_get_the_missing_names_reason(tmp_path, capsys):
    path = _renamed(tmp_path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["message"].startswith(f"g.xlsx: {MISSING}")
    reasons = {e["address"]: (e["error"], e["reason"]) for e in report["errors"] if e["address"].startswith("CLV!")}
    assert reasons["CLV!C5"] == ("#N/A", MISSING)
    assert [address for address, (_, reason) in reasons.items() if reason == MISSING] == ["CLV!C5"]  # B5, B7, B8: own
