"""A sheet the user deleted: the formulas that read it say so, also where a function was given the #REF!.

Before: "NPS scores" deleted as Excel deletes it (NPS!F2 =IF(COUNTA(#REF!B$2:B$1001)=0,"",NPS(#REF!B$2:B$1001)))
listed every NPS month #VALUE! with "NPS: scores holds the error value #REF! in cell 1 of scores", naming no cell to
correct and not the deleted sheet.
"""

from __future__ import annotations

import json

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template


def test_the_months_reading_a_deleted_sheet_name_its_reference_and_what_to_do(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(path)
    del wb["NPS scores"]  # as Excel deletes it: each reference to it #REF!, its cells kept
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = cell.value.replace("'NPS scores'!", "#REF!")
    for defined in wb.defined_names.values():
        defined.attr_text = defined.attr_text.replace("'NPS scores'!", "#REF!")
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    errors = {e["address"]: (e["error"], e["reason"]) for e in report["errors"]}
    why = (
        "the formula refers to a deleted cell (#REF! in its text): a row, column or sheet it read was deleted: "
        "#REF!C$2:C$1001 is a reference to a deleted sheet: put the sheet back (Undo in Excel before saving, or copy "
        "it from a new tracker: xl-retention new NEW.xlsx) or write the reference again"
    )
    # NPS!F3 is #REF!, as Excel has it, since its formula tests the counts first (669c5233): the #REF! of the
    # answers' range reaches it unchanged, where the earlier formula's NPS() of it gave #VALUE!
    assert errors["NPS!F3"] == ("#REF!", f"NPS!F3: {why} (#REF!)")
    assert errors["NPS!G3"] == ("#VALUE!", f"NPS!B3: {why} (#VALUE!), from NPS!B3")
    assert all(reason for _, reason in errors.values())
