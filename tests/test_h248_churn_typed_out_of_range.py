"""A churn rate typed over its formula as a number outside 0 to 1 (H248's task 4, a finance user's three more months):
February's churn typed as 5.5 for 5.5% in Customers!G8 was averaged by Lifetime value!B5 with the other months,
B5 = (128/2412 + 126/2421 + 125/2436 + 134/2440 + 131/2451 + 134/2470 + 5.5) / 7 = 0.83129 and the CLV 24.69 (327.36
with the formula's rate) under status ok, the Dashboard showing it. The column's formula gives a rate from 0 to 1 or
an error, so such a number was typed: B5 is now #NUM!, C5 naming the cell and the value; a rate typed as the share
0.055 is counted as before (7861ec74)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

MONTHS = [(137, 2421), (141, 2436), (129, 2440), (145, 2451), (150, 2470), (132, 2468), (158, 2490)]  # Aug-Feb
STARTS = [2412] + [end for _, end in MONTHS[:-1]]
RATES = [(start + gained - end) / start for start, (gained, end) in zip(STARTS, MONTHS, strict=True)]


def _recalculated(tmp_path: Path, cells: dict[str, object]):
    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=8)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 2412, 52310
    for row, (gained, end) in enumerate(MONTHS, start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
        revenue[f"C{row}"], revenue[f"G{row}"] = 4000, 3300
    wb["Lifetime value"]["B4"] = 0.78
    for ref, value in cells.items():
        customers[ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return report, openpyxl.load_workbook(report.output, data_only=True)


@pytest.mark.parametrize(("ref", "typed"), [("G8", 5.5), ("G6", 4.8), ("G6", -0.02)])
def test_a_churn_rate_typed_outside_0_to_1_is_named_not_averaged(tmp_path, ref, typed):
    report, done = _recalculated(tmp_path, {ref: typed})
    lifetime, dashboard = done["Lifetime value"], done["Dashboard"]
    note = (
        f"see Customers!{ref}: that month's churn rate is {typed}, typed over its formula; a rate is from 0 to 1 (5.5% "
        "or 0.055, not 5.5): copy the column's formula back there, or type the rate as a share."
    )
    assert [lifetime[c].value for c in ("B5", "C5", "B8")] == ["#NUM!", note, "#NUM!"]
    assert dashboard["B9"].value == "see 'Lifetime value'!B8"
    assert any(issue.address == "'Lifetime value'!B8" and issue.reason.startswith(note) for issue in report.errors)


@pytest.mark.parametrize(("typed", "churn"), [(None, sum(RATES) / 7), (0.055, (sum(RATES[:-1]) + 0.055) / 7)])
def test_a_churn_rate_from_0_to_1_is_averaged(tmp_path, typed, churn):
    _, done = _recalculated(tmp_path, {"G8": typed} if typed is not None else {})
    lifetime = done["Lifetime value"]
    assert lifetime["B5"].value == pytest.approx(churn, abs=1e-12) and lifetime["C5"].value is None
    assert isinstance(lifetime["B8"].value, float)


def test_upgrade_brings_the_forms_that_averaged_it_up(tmp_path):
    from xl_retention.workbook import sheets  # noqa: PLC0415 (the earlier forms: new with the fix)
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = build_template(tmp_path / "t.xlsx", start="2026-08", months=8)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B5"] = sheets.CHURN_12_OUT_UNSAID
    wb["Lifetime value"]["C5"] = sheets.LIFETIME_NOTE_C5_OUT_UNSAID
    wb.save(path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Lifetime value"]
    assert (ws["B5"].value, ws["C5"].value) == (sheets.CHURN_12, sheets.LIFETIME_NOTE_C5)
