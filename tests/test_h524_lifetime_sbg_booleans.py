"""TRUE or FALSE typed in 'Lifetime value'!B6 (the discount rate) reached the sBG lifetime values as Excel's arithmetic
reads it (H524's finding 09): with the demo's fit typed as 2.5 / 3, FALSE gave B12 3 and B13 348.41, the values of no
discount, C13 silent beside C8's "the discount rate (B6) is FALSE"; TRUE blanked them with no word. An own churn
typed over B5 as TRUE was a churn of 100% (B7 a lifetime of 1 month), unguarded; C11 called a TRUE in B4 "out of
range". Now B12/B13 (B6) and B7/B8 (B5) are #VALUE!, the notes and recalc naming the cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typed_tracker import typed_over

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template, sheets

FIT = {"B9": 2.5, "B10": 3.0}  # a finite sBG fit (the demo's own gives #NUM! for no discount)


def _lifetime(demo: Path, at: Path, typed: dict[str, object]):
    path = Path(shutil.copy(demo, at.with_suffix(".in.xlsx")))
    typed_over(path, {"Lifetime value": typed})
    report = recalc_file(path, at, engine="embedded")
    return {e.address: e.reason for e in report.errors}, openpyxl.load_workbook(at, data_only=True)["Lifetime value"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    assert cli.main(["demo", str(path)]) == 0
    return path


@pytest.mark.parametrize("held", [False, True])
def test_a_boolean_discount_rate_is_refused_in_the_sbg_values_named_in_c12_and_c13(demo, tmp_path, held):
    reasons, sheet = _lifetime(demo, tmp_path / "out.xlsx", {**FIT, "B6": held})
    said = f"No value: the discount rate (B6) is {str(held).upper()}, no number: type a number there."
    assert (sheet["B8"].value, sheet["B12"].value, sheet["B13"].value) == ("#VALUE!",) * 3
    assert sheet["C8"].value == sheet["C12"].value == sheet["C13"].value == said
    named = f"'Lifetime value'!B6 is {str(held).upper()}, no number (type the number there) (#VALUE!)"
    assert reasons["'Lifetime value'!B12"] == reasons["'Lifetime value'!B13"] == named


def test_the_sbg_values_of_a_number_are_as_they_were(demo, tmp_path):
    _, sheet = _lifetime(demo, tmp_path / "zero.xlsx", {**FIT, "B6": 0})
    assert sheet["B12"].value == pytest.approx(3.0, rel=1e-12)  # the figures FALSE gave before
    assert sheet["B13"].value == pytest.approx(348.4079406674908, rel=1e-12)
    assert (sheet["C12"].value, sheet["C13"].value) == (None, None)


@pytest.mark.parametrize("held", [True, False])
def test_a_boolean_churn_is_refused_in_the_lifetime_and_clv_named_in_c7_and_c8(demo, tmp_path, held):
    reasons, sheet = _lifetime(demo, tmp_path / "out.xlsx", {"B4": 0.8, "B5": held})
    said = f"No value: the monthly churn (B5) is {str(held).upper()}, no number: type a number there."
    assert (sheet["B7"].value, sheet["B8"].value) == ("#VALUE!", "#VALUE!")  # TRUE was a lifetime of 1 month
    assert sheet["C7"].value == sheet["C8"].value == said
    named = f"'Lifetime value'!B5 is {str(held).upper()}, no number (type the number there) (#VALUE!)"
    assert reasons["'Lifetime value'!B7"] == reasons["'Lifetime value'!B8"] == named
    assert isinstance(sheet["B11"].value, float) and isinstance(sheet["B13"].value, float)  # the sBG reads no churn


def test_c11_names_a_boolean_in_arpa_or_the_gross_margin(demo, tmp_path):
    _, sheet = _lifetime(demo, tmp_path / "out.xlsx", {"B4": True})
    assert sheet["B11"].value == "#VALUE!"
    assert sheet["C11"].value == "No value: the gross margin (B4) is TRUE, no number: type a number there."
    _, sheet = _lifetime(demo, tmp_path / "out2.xlsx", {"B4": 0.8, "B3": False})
    assert sheet["C11"].value == "No value: ARPA (B3) is FALSE, no number: type a number there."
    _, sheet = _lifetime(demo, tmp_path / "out3.xlsx", {"B4": 80})  # a number out of range: as it was
    assert sheet["C11"].value == "No value: B3 or B4 is out of range: see C8."


def test_upgrade_brings_the_guards_into_a_tracker_of_the_forms_before(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    ours = openpyxl.load_workbook(path)["Lifetime value"]
    ours = {ref: ours[ref].value for ref in ("B7", "B8", "B12", "B13", "C7", "C8", "C11", "C12", "C13")}
    before = {
        "B7": sheets.LIFETIME_B7_BOOLEANS_READ,
        "B8": sheets.LIFETIME_CLV_CHURN_BOOLEAN_READ,
        "B12": sheets.LIFETIME_SBG_DEL_BOOLEANS_READ,
        "B13": sheets.LIFETIME_SBG_CLV_BOOLEANS_READ,
        "C7": sheets.LIFETIME_NOTE_C7_BOOLEAN_UNSAID,
        "C8": sheets.LIFETIME_NOTE_C8_CHURN_BOOLEAN_UNSAID,
        "C11": sheets.LIFETIME_NOTE_C11_BOOLEAN_UNSAID,
        "C12": sheets.LIFETIME_NOTE_C12_BOOLEAN_UNSAID,
        "C13": sheets.LIFETIME_NOTE_C13_B6_UNSAID,
    }
    assert all(before[ref] != ours[ref] for ref in before)
    typed_over(path, {"Lifetime value": before})
    assert cli.main(["upgrade", str(path)]) == 0
    sheet = openpyxl.load_workbook(path)["Lifetime value"]
    assert {ref: sheet[ref].value for ref in before} == ours
    assert "IF(ISLOGICAL(B6),#VALUE!," in ours["B13"] and len(ours["C8"]) < 8192
