"""The Dashboard's latest CRR (B6) and its month (C6) are found by the CRR column itself (H242's finding 01).

They were found through the churn rates' running count (Customers_Churn_Seq): with Sep's CRR typed over its formula
as the text '94.8%' the count of CRRs (3) landed on the 3rd churn month, so the Dashboard showed Oct's 0.948686 as
the latest beside Nov's other figures (status ok); with Nov's churn rate typed as the text '5.5%' it found no month:
#N/A. Right: Nov's (2451 - 145) / 2440 = 0.945082. An earlier tracker's B6:C6 are brought up by ``upgrade``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade_file import upgrade_workbook

MONTHS = [(137, 2421), (141, 2436), (129, 2440), (145, 2451)]  # Aug-Nov 2026: gained, at end
NOV_CRR = (2451 - 145) / 2440


def _tracker(path: Path, typed: dict[str, object]) -> Path:
    build_template(path, start="2026-08", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"] = 2412
    for row, (gained, end) in enumerate(MONTHS, start=2):
        ws[f"C{row}"], ws[f"D{row}"] = gained, end
    for ref, value in typed.items():
        ws[ref] = value
    wb.save(path)
    return path


def _latest_crr(path: Path, out: Path) -> tuple[object, object]:
    ws = openpyxl.load_workbook(recalc_file(path, out).output, data_only=True)["Dashboard"]
    return ws["B6"].value, ws["C6"].value


@pytest.mark.parametrize(
    "typed",
    [{"F3": "94.8%"}, {"G5": "5.5%"}, {"G2": "0.052"}, {}],
    ids=["sep_crr_text", "nov_churn_text", "aug_churn_text", "none"],
)
def test_latest_crr_is_the_crr_columns_own_last_number(tmp_path, typed):
    path = _tracker(tmp_path / "t.xlsx", typed)
    value, month = _latest_crr(path, tmp_path / "out.xlsx")
    assert value == pytest.approx(NOV_CRR, abs=1e-12)
    assert month == dt.datetime(2026, 11, 1)


def test_upgrade_brings_the_churn_count_form_up(tmp_path):
    from xl_retention.workbook.dashboard_upgrade import _CRR_BY_CHURN_COUNT  # noqa: PLC0415 (new with the fix)

    path = _tracker(tmp_path / "old.xlsx", {"F3": "94.8%"})
    wb = openpyxl.load_workbook(path)
    for ref, (form, _) in _CRR_BY_CHURN_COUNT.items():  # the template's B6:C6 before 2026-12-04
        wb["Dashboard"][ref] = form
    wb.save(path)
    assert _latest_crr(path, tmp_path / "before.xlsx") == (pytest.approx(0.9486863711, abs=1e-9),
                                                           dt.datetime(2026, 10, 1))  # fmt: skip
    upgrade_workbook(path)
    fresh = openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsx", start="2026-08", months=6))["Dashboard"]
    upgraded = openpyxl.load_workbook(path)["Dashboard"]
    assert [upgraded[ref].value for ref in ("B6", "C6")] == [fresh[ref].value for ref in ("B6", "C6")]
    value, month = _latest_crr(path, tmp_path / "after.xlsx")
    assert (value, month) == (pytest.approx(NOV_CRR, abs=1e-12), dt.datetime(2026, 11, 1))
