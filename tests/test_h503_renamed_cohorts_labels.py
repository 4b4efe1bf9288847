"""With the Cohorts sheet renamed (Signups), the Lifetime value sheet's fixed texts still named it 'Cohorts': its sBG
rows' labels ("sBG alpha (fitted on Cohorts)") and the notes under its figures ("the sBG needs the Cohorts
triangle"), after e83a805e made its formula notes follow the rename. recalc names them with the notes, and upgrade
(as import and extend) writes them naming the sheet as it is now."""

from __future__ import annotations

import json

import openpyxl
from cli_process import run
from test_renamed_cohorts_fit_note import _renamed

CELLS = "'Lifetime value'!C9, 'Lifetime value'!A9, 'Lifetime value'!A10, 'Lifetime value'!A18, 'Lifetime value'!A19"


def test_the_lifetime_labels_name_the_renamed_cohorts_sheet(tmp_path):
    book = _renamed(tmp_path, "Cohorts", "Signups")
    report = json.loads(run("recalc", book, "--output-dir", tmp_path / "out", "--json").stdout)["files"][0]
    assert report["message"].startswith(
        f"t.xlsx: its notes name the sheets 'Cohorts' (now 'Signups') by their old names, in {CELLS}: "
    )
    result = run("upgrade", book)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"rewrote the notes that named the sheets 'Cohorts' (now 'Signups') by their old names, in {CELLS}"
    )
    lifetime = openpyxl.load_workbook(book)["Lifetime value"]
    assert (lifetime["A9"].value, lifetime["A10"].value) == (
        "sBG alpha (fitted on Signups)",
        "sBG beta (fitted on Signups)",
    )
    assert lifetime["A18"].value.endswith("; the sBG needs the Signups triangle.")
    assert lifetime["A19"].value.startswith("The sBG takes each row of Signups as that month's sign-ups. ")
    # renamed again: the labels follow from the name they have
    wb = openpyxl.load_workbook(book)
    wb["Signups"].title = "Kohorten"
    for name in wb.defined_names.values():
        name.attr_text = name.attr_text.replace("Signups!", "Kohorten!")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = cell.value.replace("Signups!", "Kohorten!")
    wb.save(book)
    assert run("upgrade", book).returncode == 0
    assert openpyxl.load_workbook(book)["Lifetime value"]["A9"].value == "sBG alpha (fitted on Kohorten)"
