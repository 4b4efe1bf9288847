"""An exact lookup's match argument written otherwise than FALSE or 0 lost its reason (H427's finding 04).

LibreOffice saves every FALSE as ``FALSE()``: a user's =VLOOKUP("Gold",Plans!A2:B4,2,FALSE) re-saved there came back
from recalc as #N/A with an empty reason, where the README promises "an exact lookup finding nothing says what was
looked for and where". ``FALSE()``, ``0.0`` and a match argument read from a cell (FALSE there: exact; TRUE:
approximate, whose #N/A says nothing of the value) now give the reason as FALSE does.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention


def test_exact_lookups_however_their_match_argument_is_written(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "Silver", 10, "Bronze", 5
    ws["E1"], ws["E2"] = False, True  # the match argument typed in a cell
    formulas = {
        "D1": '=VLOOKUP("Gold",A1:B2,2,FALSE())',
        "D2": '=VLOOKUP("Gold",A1:B2,2,TRUE()=FALSE)',
        "D3": '=MATCH("Gold",A1:A2,0.0)',
        "D4": '=MATCH("Gold",A1:A2,FALSE())',
        "D5": '=HLOOKUP("Gold",A1:B2,2,E1)',
        "D6": '=VLOOKUP("Gold",A1:B2,2,E2)',  # approximate: its #N/A is no "not there"
        "D7": '=VLOOKUP("Gold",A1:B2,2,TRUE())',
    }
    for ref, text in formulas.items():
        ws[ref] = text
    wb.save(tmp_path / "f.xlsx")
    report = xl_retention.recalc([str(tmp_path / "f.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: (e.error, e.reason) for e in report.files[0].errors}
    column = ("#N/A", "VLOOKUP: 'Gold' is not in the first column of A1:B2 (#N/A)")
    assert reasons == {
        "S!D1": column,
        "S!D2": column,
        "S!D3": ("#N/A", "MATCH: 'Gold' is not in A1:A2 (#N/A)"),
        "S!D4": ("#N/A", "MATCH: 'Gold' is not in A1:A2 (#N/A)"),
        "S!D5": ("#N/A", "HLOOKUP: 'Gold' is not in the first row of A1:B2 (#N/A)"),
        "S!D6": ("#N/A", ""),
        "S!D7": ("#N/A", ""),
    }
