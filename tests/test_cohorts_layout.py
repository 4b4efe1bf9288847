"""The Cohorts sheet's look and its fit note.

- Its tables share the sheet's columns, and the months were unevenly spaced: Month 0 (B) 10 wide and Month 2 (D) 14
  wide (the projection's "Observed to month" and the fit's "log-likelihood" headers) among months 9 wide, in a fresh
  tracker and in one an import grew alike. Every column right of the signup months is now one width.
- The note beside a failed sBG fit (G of the fit row, for Excel users without recalc) listed the causes of its
  ``#NUM!`` without the one added to SBG_FIT: survivors pasted as 0 in every cohort from one calendar month on (months
  not observed yet, docs/metrics.md "Survivors"), which then read as "counts that rise ... or churn alike".
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import PROJECTION_MONTHS

SURVIVORS_NOTE = (
    "#NUM! (Err:504 in LibreOffice): counts that rise, counts not whole (shares typed: type each cohort's "
    "customers), survivors 0 in every "
    "cohort from one month on (months not observed yet: leave them blank), a cohort with fewer than 3 months, no "
    "churn at all, or churn alike for every customer (no finite fit: the constant-churn lifetime value applies); "
    "recalc's report names which for sBG, xr.bdw_fit in Python for BdW"
)


def widths(path) -> dict[str, float]:
    ws = openpyxl.load_workbook(path)["Cohorts"]
    last = max(ws.max_column, 2 + PROJECTION_MONTHS)
    return {get_column_letter(c): ws.column_dimensions[get_column_letter(c)].width for c in range(1, last + 1)}


@pytest.mark.parametrize("months", [3, 8, 30])
def test_the_cohort_months_are_evenly_spaced(tmp_path, months):
    found = widths(build_template(tmp_path / "t.xlsx", start="2024-01", months=months))
    columns = max(months + 1, 2 + PROJECTION_MONTHS)
    assert found == {"A": 12.0} | {get_column_letter(c): 10.0 for c in range(2, columns + 1)}  # B 10, D 14 before


def test_a_grown_tracker_keeps_its_cohort_months_evenly_spaced(tmp_path):
    tracker = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    rows = ["customer_id,month,mrr"] + [f"c{c},2026-{m:02d},10" for m in range(1, 9) for c in range(m + 2)]
    (tmp_path / "s.csv").write_text("\n".join(rows) + "\n")
    assert cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--into", str(tracker)]) == 0
    assert widths(tracker) == {"A": 12.0} | {get_column_letter(c): 10.0 for c in range(2, 15)}


def test_the_fit_note_names_survivors_pasted_as_0_in_months_not_observed(tmp_path):
    tracker = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(tracker)
    ws = wb["Cohorts"]
    typed = {4: [20, 18, 16, 15, 0, 0], 5: [15, 13, 12, 0, 0], 6: [10, 9, 0, 0], 7: [8, 0, 0]}  # 0 from May on
    for row, counts in typed.items():
        for k, count in enumerate(counts):
            ws.cell(row, 2 + k, count)
    wb.save(tracker)
    report = recalc_file(tracker, tracker, engine="embedded", in_place=True)
    assert report.status == "ok", report.message
    ws = openpyxl.load_workbook(tracker, data_only=True)["Cohorts"]
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    assert ws.cell(fit, 2).value == "#NUM!"
    assert ws.cell(fit, 7).value == SURVIVORS_NOTE
    assert ws.cell(fit + 1, 7).value == "no BdW fit: " + SURVIVORS_NOTE
    reasons = [issue.reason for issue in report.errors if issue.address.endswith(f"!B{fit}")]
    assert len(reasons) == 1 and "survivors are 0 in every cohort from the same month on" in reasons[0]
