"""With the Cohorts sheet renamed (Signups, as Excel renames: every reference follows), 'Lifetime value'!C9 said "No
sBG fit: the note beside the fit on Cohorts says why", a sheet the workbook no longer has, and neither recalc nor
upgrade said or changed it (H486's finding 07): only the notes' "see Customers!" texts were followed.

Now recalc names C9 among the notes naming a sheet by its old name, and upgrade (as import and extend) rewrites it to
name the sheet as it is now, as it does the other notes naming a sheet in a sentence ("Revenue stops there, Customers
runs to ...").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
from cli_process import run


def _renamed(tmp_path: Path, old: str, new: str) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "3").returncode == 0
    wb = openpyxl.load_workbook(book)
    co = wb["Cohorts"]
    co["B4"], co["C4"], co["D4"], co["B5"], co["C5"], co["B6"] = 10, 10, 10, 5, 5, 7  # nobody lost: no sBG fit
    wb[old].title = new
    moved = re.compile(rf"(?<![\w' ])(?:'{old}'|{old})!")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = moved.sub(f"{new}!", cell.value)
    for name in wb.defined_names.values():
        name.attr_text = moved.sub(f"{new}!", name.attr_text)
    wb.save(book)
    return book


def test_the_fit_note_names_the_renamed_cohorts_sheet(tmp_path):
    book = _renamed(tmp_path, "Cohorts", "Signups")
    report = json.loads(run("recalc", book, "--output-dir", tmp_path / "out", "--json").stdout)["files"][0]
    assert report["message"].startswith(
        "t.xlsx: its notes name the sheets 'Cohorts' (now 'Signups') by their old names, in 'Lifetime value'!C9, "
        "'Lifetime value'!A9, 'Lifetime value'!A10, 'Lifetime value'!A18, 'Lifetime value'!A19: "
        f"xl-retention upgrade {book} makes them name the sheets as they are now (your values and formulas are kept)"
    )
    result = run("upgrade", book)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "rewrote the notes that named the sheets 'Cohorts' (now 'Signups') by their old names, in 'Lifetime value'!C9, "
        "'Lifetime value'!A9, 'Lifetime value'!A10, 'Lifetime value'!A18, 'Lifetime value'!A19"
    )
    assert run("recalc", book, "--in-place").returncode == 0
    lifetime = openpyxl.load_workbook(book, data_only=True)["Lifetime value"]
    assert lifetime["B9"].value == "#NUM!"
    assert lifetime["C9"].value == (
        "No sBG fit: the note beside the fit on Signups says why (often: no cohort of 3 months yet)."
    )


def test_a_sentence_naming_revenue_follows_its_rename(tmp_path):
    book = _renamed(tmp_path, "Revenue", "MRR")
    result = run("upgrade", book)
    assert result.returncode == 0, result.stderr
    assert "'Revenue' (now 'MRR')" in result.stdout.splitlines()[0]
    wb = openpyxl.load_workbook(book)
    c3, e9 = wb["Lifetime value"]["C3"].value, wb["Dashboard"]["E9"].value
    assert "'s: MRR stops there, Customers runs to " in c3 and "Revenue" not in c3.replace("Revenue_", "")
    assert "'s: MRR stops there (see " in e9
    c8 = wb["Lifetime value"]["C8"].value
    assert "), or fill MRR: its default" in c8 and "which starts in MRR!" in c8
