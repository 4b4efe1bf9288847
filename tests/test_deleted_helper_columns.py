"""Customers' hidden helper columns (H:K) deleted by the user: recalc names the names left #REF! (it said ``ok`` while
the Dashboard's retention showed #REF!), and ``upgrade`` puts the columns back whole: headers, hiding and names, the
Dashboard's retention and the lifetime value's churn the same as before the deletion (a tester's finding 4,
2026-12-04). The deletion is written as Excel and LibreOffice save it: the columns' cells gone, their names #REF!."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip

GAINED = [30, 25, 28, 31, 27, 29]
ENDS = [220, 233, 252, 272, 289, 306]
HELPERS = ("Customers_End_Chart", "Customers_CRR_Chart", "Customers_Churn_Seq", "Customers_End_Seq")


@pytest.fixture()
def tracker(tmp_path: Path) -> Path:
    inputs = {"Customers": {"start": [200], "gained": GAINED, "end": ENDS}}
    return build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=inputs)


def _delete_helpers(path: Path) -> None:
    package = ip.Package(path)
    xml = package.sheet("Customers")
    for number in list(xml.rows):
        for letter in "HIJK":
            xml.put(f"{letter}{number}", None)
    xml.head = re.sub(rb'<col min="(8|9|10|11)" max="\d+"[^>]*/>', b"", xml.head)

    def broken(raw: bytes) -> bytes:
        for name in HELPERS:
            raw = re.sub(rb'(<definedName name="' + name.encode() + rb'"[^>]*>)[^<]*<', rb"\1#REF!<", raw)
        return raw

    package.edit("xl/workbook.xml", broken)
    package.save()


def test_recalc_names_a_helper_name_left_ref(tracker: Path, tmp_path: Path) -> None:
    _delete_helpers(tracker)
    report = recalc_file(tracker, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert report.message == (
        "t.xlsx: the name Customers_End_Chart (the column 'Customers at end (chart)' of Customers, H in the template, "
        "a hidden helper column) points to #REF!: its cells were deleted, and the formulas reading it (the "
        "Dashboard's figures, the lifetime value's churn, the charts) give #REF!: run xl-retention upgrade on the "
        "file to put the column and its name back, then run again"
    )


def test_upgrade_puts_the_helper_columns_back_whole(tracker: Path, tmp_path: Path) -> None:
    before = recalc_file(tracker, tmp_path / "before.xlsx", engine="embedded")
    assert before.status == "ok", before.message
    was = openpyxl.load_workbook(tmp_path / "before.xlsx", data_only=True)
    _delete_helpers(tracker)
    assert cli.main(["upgrade", str(tracker)]) == 0
    wb = openpyxl.load_workbook(tracker)
    names = {name: wb.defined_names[name].attr_text for name in HELPERS}
    assert names == {
        "Customers_End_Chart": "'Customers'!$H$2:$H$13",
        "Customers_CRR_Chart": "'Customers'!$I$2:$I$13",
        "Customers_Churn_Seq": "'Customers'!$J$2:$J$13",
        "Customers_End_Seq": "'Customers'!$K$2:$K$13",
    }
    ws = wb["Customers"]
    assert [ws.cell(1, c).value for c in range(8, 12)] == [
        "Customers at end (chart)",
        "CRR (chart)",
        "Churn rates so far",
        "Months with customers at end so far",
    ]
    assert [ws.column_dimensions[letter].hidden for letter in "HIJK"] == [True] * 4
    after = recalc_file(tracker, tmp_path / "after.xlsx", engine="embedded")
    assert after.status == "ok", after.message
    now = openpyxl.load_workbook(tmp_path / "after.xlsx", data_only=True)
    assert now["Dashboard"]["B6"].value == was["Dashboard"]["B6"].value == pytest.approx((306 - 29) / 289)
    assert now["Lifetime value"]["B5"].value == was["Lifetime value"]["B5"].value
    assert isinstance(now["Dashboard"]["B6"].value, float)
