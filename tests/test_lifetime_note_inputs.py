"""Lifetime value!C8, the note beside the constant-churn CLV (B8), names the input that makes it an error.

H51 finding 04: a discount rate typed as 10 for 10% (or -0.5) gave B8 #NUM! (recalc's reason right: discount_rate
must be a rate between 0 and 1), but C8 said "the gross margin is a share (80% or 0.8, not 80); ARPA and churn 0 or
more": the margin was 0.8, the discount rate never named. Each input outside its range is now named.
"""

from __future__ import annotations

import openpyxl
import pytest
from typed_tracker import recalculated

from xl_retention.workbook import build_template

DISCOUNT = "No value: the discount rate (B6) is a monthly rate from 0 to 1 (1% or 0.01, not 1 or 10)."
MARGIN = "No value: the gross margin (B4) is a share from 0 to 1 (80% or 0.8, not 80)."


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        ({"B6": 10}, DISCOUNT),
        ({"B6": -0.5}, DISCOUNT),
        ({"B6": "10"}, DISCOUNT),  # pasted as text: its number
        ({"B4": 80}, MARGIN),
        ({"B4": 80, "B6": 10}, MARGIN),  # the first of them
        ({"B3": -5}, "No value: ARPA (B3) is -5, below 0: type an amount of 0 or more."),  # was "is 0 or more"
        ({"B5": 1.5}, "No value: the monthly churn (B5) is from 0 to 1 (3% or 0.03)."),
        ({"B6": "ten"}, "No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no "
                        "number; type a number there (80% or 0.8)."),
        ({}, None),
    ],
)  # fmt: skip
def test_the_note_names_the_input_out_of_its_range(tmp_path, typed, note):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    inputs = {"B3": 100, "B4": 0.8, "B5": 0.05, "B6": 0.01, **typed}  # ARPA and churn typed over their defaults
    ws = recalculated(path, {"Lifetime value": inputs})["Lifetime value"]
    if note is None:
        assert ws["B8"].value == pytest.approx(100 * 0.8 * 1.01 / 0.06) and ws["C8"].value is None
    else:
        assert ws["B8"].value in ("#NUM!", "#VALUE!")
        assert ws["C8"].value == note


def test_an_earlier_trackers_note_is_brought_up_to_it(tmp_path, capsys):
    from xl_retention import cli
    from xl_retention.workbook.sheets import LIFETIME_NOTE_C8
    from xl_retention.workbook.upgrade import LIFETIME_EARLIER

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C8"] = LIFETIME_EARLIER["C8"][-1]  # as this morning's template wrote it
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    assert "'Lifetime value'!C8" in capsys.readouterr().out
    assert openpyxl.load_workbook(path)["Lifetime value"]["C8"].value == LIFETIME_NOTE_C8
