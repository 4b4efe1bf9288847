"""An own churn pasted over Lifetime value!B5 as text ('3%') is read as 0.03, as Excel reads a typed '3%' and as
ARPA, the gross margin and the discount rate pasted as text are read: the lifetime 33.3 months and the CLV computed,
not #VALUE! (a tester's finding 6, 2026-12-04). ``upgrade`` brings the previous B7 and B8 up."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _typed(path: Path, formulas: dict[str, str] | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["Lifetime value"]
    ws["B3"], ws["B4"], ws["B5"] = 100, 0.8, "3%"
    for ref, formula in (formulas or {}).items():
        ws[ref] = formula
    wb.save(path)
    return path


@pytest.mark.parametrize("churn", ["3%", "0.03"])
def test_a_churn_pasted_as_text_is_its_number(tmp_path: Path, churn: str) -> None:
    path = _typed(build_template(tmp_path / "t.xlsx", start="2025-01", months=3))
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B5"] = churn
    wb.save(path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Lifetime value"]
    assert values["B7"].value == pytest.approx(1 / 0.03)
    # CLV = ARPA x margin x (1 + d) / (d + churn), d = 1%: 100 x 0.8 x 1.01 / 0.04
    assert values["B8"].value == pytest.approx(100 * 0.8 * 1.01 / 0.04)


def test_upgrade_brings_the_previous_forms_up(tmp_path: Path) -> None:
    from xl_retention.workbook.sheets import LIFETIME_B7_TEXT_CHURN, LIFETIME_CLV_TEXT_CHURN

    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    _typed(path, {"B7": LIFETIME_B7_TEXT_CHURN, "B8": LIFETIME_CLV_TEXT_CHURN})
    before = recalc_file(path, tmp_path / "before.xlsx", engine="embedded")
    assert openpyxl.load_workbook(tmp_path / "before.xlsx", data_only=True)["Lifetime value"]["B7"].value == "#VALUE!"
    assert before.status == "ok"
    assert cli.main(["upgrade", str(path)]) == 0
    after = recalc_file(path, tmp_path / "after.xlsx", engine="embedded")
    assert after.status == "ok", after.message
    values = openpyxl.load_workbook(tmp_path / "after.xlsx", data_only=True)["Lifetime value"]
    assert values["B7"].value == pytest.approx(1 / 0.03)
    assert values["B8"].value == pytest.approx(2020.0)
