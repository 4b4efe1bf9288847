"""``upgrade`` and ``extend`` of a tracker of the first template (8b3d91a7, 2026-11-22:
tests/data/template_2026-11-22_8b3d91a7.xlsx), which never had the hidden helper columns, said "put the template's
formulas back in 'Customers'!H2:H25, ... (blank: cleared?)": untrue, nothing was cleared (H459's task 2). They now
say the columns were added, as this version's template has them. A helper column the user cleared in a tracker that
had them (its names defined) is still "put back ... (blank: cleared?)"."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning")]

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
ADDED = (
    "added the hidden helper columns the first template (2026-11-22) did not have, as this version's template has "
    "them: 'Customers'!H2:H25, 'Customers'!I2:I25, 'Customers'!J2:J25, 'Customers'!K2:K25, 'Revenue'!P2:P25, "
    "'Revenue'!Q2:Q25 and 11 more"
)


def _run(*args: str) -> list[str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue().splitlines()


def test_upgrade_of_the_first_template_says_the_helper_columns_were_added(tmp_path: Path) -> None:
    path = Path(shutil.copy(EARLY, tmp_path / "early.xlsx"))
    first = _run("upgrade", str(path))[0]
    # 3 more since H462: Lifetime value B3, C3, C8; 24 more since 8945914d: the Cohorts triangles' shares brought
    # to the guarded formula, one run per column
    assert first.endswith(f" and 50 more; {ADDED}")
    assert "cleared?" not in first and "put the template's formulas back" not in first
    customers = openpyxl.load_workbook(path)["Customers"]
    assert [customers[f"{c}1"].value for c in "HIJK"] == [
        "Customers at end (chart)",
        "CRR (chart)",
        "Churn rates so far",
        "Months with customers at end so far",
    ]


def test_extend_of_the_first_template_says_the_helper_columns_were_added(tmp_path: Path) -> None:
    path = Path(shutil.copy(EARLY, tmp_path / "early.xlsx"))
    second = _run("extend", str(path), "--months", "1")[1]
    assert second.startswith("brought the formulas an earlier version of the template wrote up to this version's, as")
    assert second.endswith(f" and 22 more; {ADDED}")  # B3, C3, C8 (H462)


def test_a_helper_column_cleared_by_the_user_is_still_put_back_as_cleared(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for row in range(1, 6):
        wb["Customers"][f"J{row}"] = None  # header and formulas cleared: its name Customers_Churn_Seq stays defined
    wb.save(path)
    assert _run("upgrade", str(path)) == [
        "put the template's formulas back in 'Customers'!J2:J5 (blank: cleared?), each month's reading its "
        "own row again (values you typed over formulas are kept)"
    ]
