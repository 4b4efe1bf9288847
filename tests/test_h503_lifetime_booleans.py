"""TRUE or FALSE typed in 'Lifetime value'!B4 (the gross margin), or in ARPA (B3) or the discount rate (B6): the
constant-churn CLV (B8) and the margin per month (B11) are #VALUE!, C8 and recalc naming the cell. Before, Excel's
arithmetic read TRUE as 1: the demo's CLV was 2,763.63 (a gross margin of 100%) for 2,210.90 at 80%, no word."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typed_tracker import typed_over

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template, sheets

DATA = Path(__file__).parent / "data"


def _lifetime(path: Path, typed: dict[str, object], out: Path):
    typed_over(path, {"Lifetime value": typed})
    report = recalc_file(path, out, engine="embedded")
    return report, openpyxl.load_workbook(out, data_only=True)["Lifetime value"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    assert cli.main(["demo", str(path)]) == 0
    return path


def test_true_in_the_gross_margin_is_a_value_error_named_in_c8_and_by_recalc(demo, tmp_path):
    path = Path(shutil.copy(demo, tmp_path / "t.xlsx"))
    report, sheet = _lifetime(path, {"B4": True}, tmp_path / "out.xlsx")
    assert (sheet["B8"].value, sheet["B11"].value) == ("#VALUE!", "#VALUE!")
    assert sheet["C8"].value == "No value: the gross margin (B4) is TRUE, no number: type a number there."
    # the sBG CLV of that margin per month: C13 says it too, where it said "No value for these inputs: ..."
    assert isinstance(sheet["B12"].value, float) and sheet["B13"].value == "#VALUE!"
    assert sheet["C13"].value == sheet["C8"].value
    reasons = {e.address: e.reason for e in report.errors}
    assert reasons["'Lifetime value'!B8"] == "'Lifetime value'!B4 is TRUE, no number (type the number there) (#VALUE!)"
    assert reasons["'Lifetime value'!B11"] == reasons["'Lifetime value'!B8"]
    # FALSE typed as the ARPA: named the same way
    report, sheet = _lifetime(path, {"B3": False, "B4": 0.8}, tmp_path / "out2.xlsx")
    assert sheet["B8"].value == "#VALUE!"
    assert sheet["C8"].value == "No value: ARPA (B3) is FALSE, no number: type a number there."
    # the demo's figures as they were where the inputs are numbers
    path = Path(shutil.copy(demo, tmp_path / "n.xlsx"))
    report, sheet = _lifetime(path, {"B4": 0.8}, tmp_path / "out3.xlsx")
    assert sheet["B8"].value == pytest.approx(2210.9047261555334, rel=1e-12)
    assert sheet["B11"].value == pytest.approx(116.13598022249693, rel=1e-12)
    assert sheet["C8"].value is None


def test_an_earlier_trackers_lifetime_values_are_upgraded_to_refuse_a_boolean(tmp_path):
    path = tmp_path / "t.xlsx"
    shutil.copy(DATA / "template_before_2026-12-03.xlsx", path)
    assert cli.main(["upgrade", str(path)]) == 0
    ours = openpyxl.load_workbook(build_template(tmp_path / "new.xlsx", start="2026-01", months=3))["Lifetime value"]
    sheet = openpyxl.load_workbook(path)["Lifetime value"]
    assert sheet["B8"].value == ours["B8"].value == sheets.LIFETIME_CLV
    assert "ISLOGICAL(B4)" in sheet["B8"].value and "ISLOGICAL(B4)" in sheet["B11"].value
    assert sheet["B11"].value == ours["B11"].value
    assert sheet["C8"].value == ours["C8"].value and sheet["C13"].value == ours["C13"].value
