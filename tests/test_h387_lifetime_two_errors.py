"""Lifetime value!C8 with both the churn (B5) and the ARPA (B3) in error (H384's finding 07): April's gained typed
``n/a`` (its churn rate #VALUE!) and April's churned MRR typed -100 (its MRR at end #NUM!). C3 said "whose MRR at end
is an error: see C8", and C8 spoke only of the churn: nothing named Revenue!G5. C8 now names both; the ARPA alone in
error is said as before. ``upgrade`` brings the C8 before up."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from typed_tracker import four_months_with_revenue

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import LIFETIME_NOTE_C8, LIFETIME_NOTE_C8_ONE_ERROR_SAID

ARPA = "ARPA (B3) is an error{}, which starts in Revenue!G5 (blank, below 0 or no number): correct it there."


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    """Customers and Revenue typed January to April (April's churned MRR -100), gross margin 80%."""
    return four_months_with_revenue(tmp_path_factory.mktemp("h387"), {"Revenue": {"G5": -100}})


def _notes(tracker, tmp_path, typed: dict[str, object]):
    path = shutil.copy(tracker, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["Customers"][ref] = value
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    ws = openpyxl.load_workbook(report.output, data_only=True)["Lifetime value"]
    return report, ws["C3"].value, ws["C8"].value


def test_both_errors_are_named(tracker, tmp_path):
    report, c3, c8 = _notes(tracker, tmp_path, {"C5": "n/a"})
    assert c3 == (
        "Default: the last month's MRR at end / customers at end (here 2026-04's, whose MRR at end is an error: see "
        "C8). Type your own figure over it to keep it."
    )
    assert c8 == "No value: the monthly churn (B5) is an error: C5 says where. " + ARPA.format(" too")
    assert report.status == "ok" and not report.unsupported  # C8 within what the embedded engine reads


def test_the_arpa_alone_in_error_is_said_as_before(tracker, tmp_path):
    _, _, c8 = _notes(tracker, tmp_path, {})
    assert c8 == "No value: " + ARPA.format("")


def test_upgrade_brings_the_c8_before_up(tmp_path):
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    assert wb["Lifetime value"]["C8"].value == LIFETIME_NOTE_C8 != LIFETIME_NOTE_C8_ONE_ERROR_SAID
    wb["Lifetime value"]["C8"] = LIFETIME_NOTE_C8_ONE_ERROR_SAID
    wb.save(path)
    upgrade_workbook(path)
    assert openpyxl.load_workbook(path)["Lifetime value"]["C8"].value == LIFETIME_NOTE_C8
