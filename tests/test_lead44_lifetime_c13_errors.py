"""Lifetime value!C13 names an ARPA or a gross margin in error (H455's finding 03).

The sBG CLV (B13) has no value where the ARPA (B3) is an error (an MRR at end in error carried from Revenue: churned
MRR typed as -100) while the sBG lifetime (B12) has one; C13 said "No value for these inputs: ARPA 0 or more; the
gross margin from 0 to 1 (80% or 0.8, not 80).", true of no input there (the margin was 0.8), two rows under C8's true
"ARPA (B3) is an error, which starts in Revenue!G4". Now C13 says the ARPA is an error and that C8 says where (C5 for
the churn when it is an error too), or that the gross margin is one. LibreOffice gives the same texts for the
template's formula. An earlier tracker's C13 is brought to it by upgrade.
"""

from __future__ import annotations

import openpyxl
import pytest
from typed_tracker import recalculated

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import LIFETIME_NOTE_C13, LIFETIME_NOTE_C13_ERRORS_UNSAID


@pytest.mark.parametrize(
    ("typed", "c13"),
    [
        ({"B3": "=SQRT(-1)"}, "No value: ARPA (B3) is an error: C8 says where it starts."),
        # B5 typed over: C5 is blank, so C13 sends to the churn rates, not to C5 (H519)
        ({"B3": "=SQRT(-1)", "B5": "=NA()"}, "No value: ARPA (B3) is an error, as is the monthly churn (B5): see the "
                                             "churn rates on Customers."),
        ({"B4": "=NA()"}, "No value: the gross margin (B4) is an error: type a share from 0 to 1 (80% or 0.8)."),
        ({"B3": -5}, "No value: ARPA (B3) is below 0: type an amount of 0 or more."),  # as before
    ],
)  # fmt: skip
def test_c13_names_the_input_in_error(tmp_path, typed, c13):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    inputs = {"B3": 100, "B4": 0.8, "B6": 0.01, "B9": 0.8, "B10": 3, **typed}  # the sBG fit typed: alpha 0.8, beta 3
    ws = recalculated(path, {"Lifetime value": inputs})["Lifetime value"]
    assert ws["B12"].value == pytest.approx(13.533104, rel=1e-6)
    assert (ws["B13"].value, ws["C13"].value) == ("#NUM!" if "B4" not in typed else "#N/A", c13)


def test_upgrade_brings_the_earlier_c13(tmp_path, capsys):
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C13"] = LIFETIME_NOTE_C13_ERRORS_UNSAID
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    assert openpyxl.load_workbook(path)["Lifetime value"]["C13"].value == LIFETIME_NOTE_C13
