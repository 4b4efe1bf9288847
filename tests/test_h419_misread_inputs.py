"""A percentage, a time or a date written where a tracker's count or amount goes is named by recalc, the file
``incomplete`` (H415's finding 01).

Before, June's Churned MRR pasted as the text ``'5%'`` was read as 0.05 of money: recalc said ``ok`` and named
nothing, the Dashboard's NRR 100.5%. So were 10% typed in Excel as an expansion (stored 0.1, formatted ``0%``) and a
date of digits pasted as a count (``'1/2/2026'``: 46024 customers gained). Now each such cell is named with what it
holds and how Excel reads it, as a date typed there is (:func:`.dated_inputs.dated_inputs`), and the errors
computed from it name it first. A percentage on the Lifetime value sheet (its gross margin) and a rate typed over its
formula are no count or amount: not named by this line. The date texts carry their year (H426's F6: Excel reads
'1/2' with the current year, so the test would change on 1 January).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation.month_order import tracker_rows
from xl_retention.recalculation.typed_text_inputs import text_numbers_line
from xl_retention.workbook import build_template

#: Jan-Apr typed as a user does (H416's figures, April's contraction typed right)
CUSTOMERS = {"B2": 100, "C2": 20, "D2": 110, "C3": 15, "D3": 118, "C4": 12, "D4": 121, "C5": 10, "D5": 125}
REVENUE = {"B2": 10000, "C2": 2000, "D2": 500, "E2": 0, "F2": 300, "G2": 700, "C3": 1200, "D3": 300, "E3": 0,
           "F3": 100, "G3": 400, "C4": 1500, "D4": 200, "E4": 0, "F4": 50, "C5": 900, "D5": 100, "E5": 0,
           "F5": 50, "G5": 300}  # fmt: skip
CHURN = "Revenue!G4 (Churned MRR) is the percentage '5%', no amount (Excel reads it as 0.05)"
EXPANSION = "Revenue!D5 (Expansion MRR) is the percentage 10%, no amount (Excel reads it as 0.1)"
GAINED = (
    "Customers!C3 (Gained (new + reactivated)) is the date '1/2/2026', no number (an en-US Excel reads it as 46024, "
    "2026-01-02; a day-first Excel as 2026-02-01)"
)


def _typed(template: Path, path: Path, cells: dict[tuple[str, str], Any], percent: tuple[str, str] | None) -> Path:
    wb = openpyxl.load_workbook(template)
    for title, typed in (("Customers", CUSTOMERS), ("Revenue", REVENUE)):
        for ref, value in typed.items():
            wb[title][ref] = value
    for (title, ref), value in cells.items():
        wb[title][ref] = value
    if percent is not None:  # 10% typed in Excel: 0.1, the cell formatted as a percentage
        wb[percent[0]][percent[1]].number_format = "0%"
    wb["Lifetime value"]["B4"] = 0.7  # the gross margin, typed as 70%: a percentage where one goes
    wb["Lifetime value"]["B4"].number_format = "0%"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("h419")
    build_template(folder / "t.xlsx", start="2026-01", months=4)
    return folder


@pytest.fixture(scope="module")
def report(folder: Path) -> dict[str, Any]:
    cells = {("Revenue", "G4"): "5%", ("Revenue", "D5"): 0.1, ("Customers", "C3"): "1/2/2026"}
    path = _typed(folder / "t.xlsx", folder / "misread.xlsx", cells, ("Revenue", "D5"))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", str(path), "--json", "--output-dir", str(folder / "out")])
    (f,) = json.loads(printed.getvalue())["files"]
    return f


def test_recalc_names_each_cell_and_what_excel_reads(report: dict[str, Any]) -> None:
    assert report["status"] == "incomplete"
    assert report["message"] == (
        f"misread.xlsx: {GAINED}; {CHURN}; {EXPANSION}: the tracker computes those months' figures, and those read "
        "from them, from these numbers: type each figure as a number in its cell (and set the cells' format to Number)"
    )


def test_the_errors_from_the_date_of_digits_name_it(report: dict[str, Any]) -> None:
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert errors["Customers!E3"] == (
        f"{GAINED}, from Customers!C3; CUSTOMERS_LOST: customers_end (118) is below customers_gained (46024): the "
        "customers at the end include everyone gained who stayed: customers_end in Customers!D3 (Customers at end), "
        "customers_gained in Customers!C3 (Gained (new + reactivated)) (#NUM!)"
    )  # C3's text read as the 46024 shown is named as a typed 46024 is (H557's finding 02)
    assert not any(a.startswith("Revenue!") for a in errors)  # 0.05 and 0.1 of money: no error, named all the same


def test_the_figures_are_computed_from_what_excel_reads(folder: Path, report: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(folder / "out" / "misread.xlsx", data_only=True)
    assert wb["Revenue"]["H4"].value == pytest.approx(14149.95)  # 12500 + 1500 + 200 + 0 - 50 - 0.05
    assert wb["Revenue"]["H5"].value == pytest.approx(14700.05)  # April: 14149.95 + 900 + 0.1 + 0 - 50 - 300


def _read(folder: Path, name: str, cells: dict[tuple[str, str], Any], percent: tuple[str, str] | None = None) -> list:
    from xl_retention.recalculation.typed_text_inputs import misread_inputs

    path = _typed(folder / "t.xlsx", folder / f"{name}.xlsx", cells, percent)
    wb = openpyxl.load_workbook(path)
    formulas = {ws.title: {c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"} for ws in wb}
    return [reason for _, _, reason in misread_inputs(path, tracker_rows(path), formulas)]


def test_a_time_a_date_and_a_whole_percentage_count(folder: Path) -> None:
    cells = {
        ("Revenue", "F4"): "1:30",
        ("Revenue", "C5"): "3-Jan-2026",
        ("Customers", "C4"): 1,
        ("Revenue", "M4"): "101%",
    }
    assert _read(folder, "times", cells, ("Customers", "C4")) == [
        "Customers!C4 (Gained (new + reactivated)) is the percentage 100%, no number (Excel reads it as 1)",
        "Revenue!F4 (Contraction MRR) is the time '1:30', no amount (Excel reads it as 0.0625)",
        "Revenue!C5 (New MRR) is the date '3-Jan-2026', no amount (Excel reads it as 46025, 2026-01-03)",
    ]  # NRR typed over (Revenue!M4 '101%'): a rate, typed_over's; the gross margin's 70%: no monthly input


def test_numbers_as_written_are_not_misread(folder: Path) -> None:
    cells = {
        ("Revenue", "C4"): " 1500 ",
        ("Revenue", "D4"): "$200",
        ("Revenue", "F4"): "50 1/2",
        ("Customers", "C3"): "12 %",
    }  # the count's '12 %': typed_over's 'no whole number' line
    cells[("Revenue", "E4")] = "0%"  # no reactivation, as 0% of anything: no figure read otherwise
    assert _read(folder, "written", cells, ("Revenue", "E3")) == []  # E3's 0 formatted 0%: the same
    path = folder / "written.xlsx"
    assert text_numbers_line(tracker_rows(path), {}) == (
        "Revenue!C4 (New MRR) is the text ' 1500 ', Revenue!D4 (Expansion MRR) the text '$200' (read as 200, as an "
        "en-US Excel reads it; an Excel whose currency is not $ reads no number there), Revenue!F4 (Contraction MRR) "
        "the text '50 1/2' (read as 50.5): the tracker reads them as numbers, but a SUM, a pivot table or pandas "
        "reading these cells skips a text: type them as numbers"
    )
