"""An error pasted in a month's own input (H384's finding 01): May's gained (Customers!C5) or customers at end (D5)
pasted as #N/A made May's customers at start (B5, a formula: April's end, 215) #N/A too, and Lifetime value!C5 sent
the user to that start ("see Customers!B5: ... fill or correct it there"), where nothing can be corrected. The start
now reads April's end whatever the month's own cells hold (an error there is an input, not a blank month), so C5
names the cell pasted; the same for MRR at start and a movement pasted as #N/A (Lifetime value!C8 names it).
``upgrade`` brings the forms before up."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from typed_tracker import four_months_with_revenue

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly_formulas import CUSTOMERS_START_OWN_ERROR, MRR_START_OWN_ERROR
from xl_retention.workbook.template import CUSTOMERS, REVENUE, column_letter, render_formula


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    """Customers typed January to May (200 at start; ends 210, 212, 215, 218), Revenue too (10,000 at start, 500 new
    and 100 churned a month), gross margin 80%."""
    return four_months_with_revenue(tmp_path_factory.mktemp("h387"))


def _pasted(tracker, tmp_path, sheet: str, ref: str):
    path = shutil.copy(tracker, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[sheet][ref] = "#N/A"
    wb[sheet][ref].data_type = "e"
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return openpyxl.load_workbook(report.output, data_only=True)


@pytest.mark.parametrize("ref", ["C5", "D5"])
def test_customers_pasted_error_is_named_not_the_start(tracker, tmp_path, ref):
    done = _pasted(tracker, tmp_path, "Customers", ref)
    assert done["Customers"]["B5"].value == 215  # April's end
    assert done["Lifetime value"]["C5"].value == (
        f"see Customers!{ref}: a churn rate of the last 12 months is an error from that cell (blank, text that is no "
        "number, an error, or figures that cannot be); fill or correct it there."
    )


def test_revenue_pasted_error_is_named_not_the_start(tracker, tmp_path):
    done = _pasted(tracker, tmp_path, "Revenue", "C5")
    assert done["Revenue"]["B5"].value == 10000 + 3 * 400  # April's MRR at end
    assert done["Lifetime value"]["C8"].value == (
        "No value: ARPA (B3) is an error, which starts in Revenue!C5 (blank, below 0 or no number): correct it there."
    )


def test_upgrade_brings_the_starts_before_up(tmp_path):
    from xl_retention.workbook.upgrade_file import upgrade_workbook  # noqa: PLC0415

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    current = {}
    for spec, before in ((CUSTOMERS, CUSTOMERS_START_OWN_ERROR), (REVENUE, MRR_START_OWN_ERROR)):
        letters = {column.key: column_letter(spec, column.key) for column in spec.columns}
        for row in range(3, 6):
            current[(spec.title, row)] = wb[spec.title][f"B{row}"].value
            wb[spec.title][f"B{row}"] = render_formula(before, letters, row)
            assert wb[spec.title][f"B{row}"].value != current[(spec.title, row)]
    wb.save(path)
    upgrade_workbook(path)
    wb = openpyxl.load_workbook(path)
    assert {(title, row): wb[title][f"B{row}"].value for title, row in current} == current
