"""The Lifetime value sheet's errors said where they come from (H469's finding 04): with the churn average an error
(Customers!G4 typed over as the text '5.5%') and the ARPA one (Revenue!D5 'n/a'), B7 (lifetime, constant churn) and
B11 (margin per month) showed #VALUE! with C7 and C11 empty, between notes that say why; ``upgrade`` brings C7's form
before up and writes C11 where it is empty."""

from __future__ import annotations

import openpyxl
from typed_tracker import new_tracker_reasons

from xl_retention.workbook import build_template

_C7 = "No value: the monthly churn (B5) is an error: C5 says where."
_C11 = "No value: ARPA (B3) is an error: see C8."


def _four_months(tmp_path, **typed: dict[str, object]):
    customers: dict[str, object] = {"B2": 100}
    for row, (gained, end) in enumerate([(10, 105), (2, 100), (7, 102), (5, 103)], start=2):
        customers.update({f"C{row}": gained, f"D{row}": end})
    revenue: dict[str, object] = {"B2": 10000}
    for row in range(2, 6):
        revenue.update({f"C{row}": 500, f"D{row}": 100, f"E{row}": 0, f"F{row}": 50, f"G{row}": 200})
    sheets = {"Customers": customers, "Revenue": revenue, "Lifetime value": {"B4": 0.7}}
    for sheet, cells in typed.items():
        sheets[sheet.replace("_", " ")].update(cells)
    reasons = new_tracker_reasons(tmp_path, sheets, start="2026-01", months=6)
    return reasons, openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Lifetime value"]


def test_every_error_of_the_sheet_says_why_beside_it(tmp_path):
    _, sheet = _four_months(tmp_path, Customers={"G4": "5.5%"}, Revenue={"D5": "n/a"})
    assert [sheet[f"B{row}"].value for row in (3, 5, 7, 8, 11)] == ["#VALUE!"] * 5
    assert sheet["C7"].value == _C7
    assert sheet["C11"].value == _C11


def test_the_margin_note_names_the_inputs_when_the_arpa_is_a_number(tmp_path):
    _, sheet = _four_months(tmp_path, Lifetime_value={"B4": "high"})
    assert sheet["B3"].value == (10000 + 4 * 350) / 103
    assert sheet["B11"].value == "#VALUE!"
    assert sheet["C11"].value == "No value: B3 or B4 is out of range: see C8."
    assert sheet["C7"].value is None  # B7 is a number: nothing to say
    assert isinstance(sheet["B7"].value, float)


def test_upgrade_brings_c7_up_and_writes_c11(tmp_path):
    from xl_retention.workbook.lifetime_clv import LIFETIME_NOTE_C7, LIFETIME_NOTE_C7_ERRORS_UNSAID, LIFETIME_NOTE_C11
    from xl_retention.workbook.upgrade_file import upgrade_workbook

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C7"], wb["Lifetime value"]["C11"] = LIFETIME_NOTE_C7_ERRORS_UNSAID, None
    wb.save(path)
    upgrade_workbook(path)
    sheet = openpyxl.load_workbook(path)["Lifetime value"]
    assert (sheet["C7"].value, sheet["C11"].value) == (LIFETIME_NOTE_C7, LIFETIME_NOTE_C11)
