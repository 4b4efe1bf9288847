"""'Lifetime value'!C7, C8 and C13 send the user to C5 ("C5 says where") for a churn (B5) in error only where C5 shows
the template's note naming the cell (``see Customers!C3: ...``).

Before: with a note of the user's in C5 (kept there by upgrade: f9efe13a), February's customers gained typed 'n/a',
C7 and C8 said "No value: the monthly churn (B5) is an error: C5 says where." and C13 "..., as is the monthly churn
(B5): C5 says where that starts." beside C5's "Churn checked vs finance (CS lead)". Now they send to the churn rates on
Customers. An earlier tracker's notes are brought to this version's by upgrade, its C5 kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typed_tracker import recalculated

from xl_retention import cli
from xl_retention.workbook import build_template

DATA = Path(__file__).parent / "data"
MINE = "Churn checked vs finance (CS lead)"
RATES = "No value: the monthly churn (B5) is an error: see the churn rates on Customers."
#: February's customers gained typed as 'n/a': its churn rate (Customers!G3) and the average (B5) are #VALUE!
CUSTOMERS = {"B2": 100, "C2": 10, "D2": 104, "C3": "n/a", "D3": 108, "C4": 10, "D4": 112}
#: ARPA in error too (typed), the sBG fit typed: C13 speaks (B12 has a value, B13 none)
ARPA_TOO = " ARPA (B3) is an error too, which starts in Revenue!B2 (blank, below 0 or no number): correct it there."


def _lifetime(tmp_path: Path, inputs: dict[str, object]):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    lifetime = {"B4": 0.8, "B6": 0.01, "B9": 0.8, "B10": 3, **inputs}
    return recalculated(path, {"Customers": CUSTOMERS, "Lifetime value": lifetime})["Lifetime value"]


@pytest.mark.parametrize("arpa", [50, "=SQRT(-1)"])
def test_a_note_of_the_users_in_c5_is_not_pointed_at(tmp_path, arpa):
    ws = _lifetime(tmp_path, {"B3": arpa, "C5": MINE})
    assert (ws["B5"].value, ws["C5"].value) == ("#VALUE!", MINE)
    assert ws["C7"].value == RATES
    if arpa == 50:
        assert ws["C8"].value == RATES
    else:
        assert ws["C8"].value == RATES + ARPA_TOO
        assert ws["C13"].value == (
            "No value: ARPA (B3) is an error, as is the monthly churn (B5): see the churn rates on Customers."
        )


def test_the_templates_note_in_c5_is_pointed_at_as_before(tmp_path):
    ws = _lifetime(tmp_path, {"B3": "=SQRT(-1)"})
    assert ws["C5"].value.startswith("see Customers!C3: a churn rate of the last 12 months is an error from that cell")
    assert ws["C7"].value == "No value: the monthly churn (B5) is an error: C5 says where."
    assert ws["C8"].value == "No value: the monthly churn (B5) is an error: C5 says where." + ARPA_TOO
    assert ws["C13"].value == (
        "No value: ARPA (B3) is an error, as is the monthly churn (B5): C5 says where that starts."
    )


def test_upgrade_brings_the_notes_and_keeps_the_users_c5(tmp_path, capsys):
    path = tmp_path / "t.xlsx"
    shutil.copy(DATA / "template_before_2026-12-03.xlsx", path)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C5"] = MINE
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "'Lifetime value'!C5 holds a note of yours ('Churn checked vs finance (CS lead)'), where this version's "
        "template names the month whose churn rate is in error: kept, the template's note not added (C7 and C8 send "
        "to the churn rates on Customers meanwhile); move your note to another cell and run upgrade again to add it"
    ) in out.splitlines()
    ours = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))["Lifetime value"]
    sheet = openpyxl.load_workbook(path)["Lifetime value"]
    assert sheet["C5"].value == MINE
    for ref in ("C7", "C8", "C13"):
        assert sheet[ref].value == ours[ref].value, ref
    assert 'IFERROR(LEFT(C5,4)="see ",FALSE)' in sheet["C8"].value
