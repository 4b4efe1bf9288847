"""A tracking sheet whose months jump forward (Customers!A13 typed 2026-12 after 2026-10) is refused by recalc, as
import and extend refuse it (H142's finding 02).

Before: recalc said ``ok``; the Dashboard dated "Customers at end" 2026-12 beside "MRR at end" 2026-11, and the row's
start was the end of a month that is not the month before. A backward step was refused already. A month's row deleted
in Excel (the next start reading ``#REF!``) stays recalculated with the month missing named in its cells' reasons
(tests/test_recalc_month_rows_edited.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formula.translate import Translator

from xl_retention import cli
from xl_retention.workbook import build_template

RULE = "the months of a tracking sheet must follow each other"
MISSING = (
    "put the missing month's row back (Undo in Excel before saving, or copy it from a backup) or make a new tracker "
    "and import into it"
)


def _tracker(tmp_path: Path) -> Path:
    """Twelve months, 2025-12 to 2026-11 (rows 2 to 13), the Customers figures typed."""
    path = build_template(tmp_path / "t.xlsx", start="2025-12", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"] = 100
    for row in range(2, 14):
        ws[f"C{row}"], ws[f"D{row}"] = 5, 100 + row
    wb.save(path)
    return path


def _renamed(path: Path, old: str, new: str) -> None:
    """``path`` with sheet ``old`` renamed ``new`` as Excel renames it: the tab and every reference to it."""
    quoted = ("'" + new.replace("'", "''") + "'!").encode()
    parts = {}
    with zipfile.ZipFile(path) as source:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(f'name="{old}"'.encode(), f'name="{new}"'.encode())
            if info.filename.endswith(".xml"):
                data = data.replace(f"'{old}'!".encode(), quoted)
                data = re.sub(rb"(?<![\w'.])" + old.encode() + rb"!", quoted, data)
            parts[info] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts.items():
            out.writestr(info, data)


def _recalc(tmp_path: Path, path: Path, capsys) -> tuple[int, dict]:
    capsys.readouterr()
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return code, report


def _typed(path: Path, sheet: str, ref: str, month: dt.datetime) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][ref] = month
    wb.save(path)


@pytest.mark.parametrize(
    ("month", "shown"), [(dt.datetime(2026, 12, 1), "2026-12"), (dt.datetime(2027, 11, 1), "2027-11")]
)
def test_the_last_month_jumping_forward_is_refused_naming_the_cell(tmp_path, capsys, month, shown):
    path = _tracker(tmp_path)
    _typed(path, "Customers", "A13", month)  # after 2026-10: a month skipped, or the year mistyped
    code, report = _recalc(tmp_path, path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        f"t.xlsx: Customers!A13 is {shown}, not 2026-11: {RULE}, one row each: type 2026-11 there if the month was "
        f"mistyped, else {MISSING}"
    )
    assert not (tmp_path / "out" / "t.xlsx").exists()


@pytest.mark.parametrize(
    ("month", "shown"), [(dt.datetime(2027, 5, 1), "2027-05"), (dt.datetime(2025, 5, 1), "2025-05")]
)
def test_one_month_mistyped_between_two_is_named_not_said_sorted(tmp_path, capsys, month, shown):
    """Was (2025-05): "Customers!A8 is 2026-06, not 2025-06: ... sort the rows": the row below named, a sort asked."""
    path = _tracker(tmp_path)
    _typed(path, "Customers", "A7", month)  # between 2026-04 and 2026-06
    code, report = _recalc(tmp_path, path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        f"t.xlsx: Customers!A7 is {shown}, not 2026-05: {RULE}: type 2026-05 there (the months above and below it "
        "are 2026-04 and 2026-06)"
    )


def test_a_month_skipped_inside_with_no_row_deleted_is_refused(tmp_path, capsys):
    """The months below the jump follow it (2026-05 to 2026-10 typed a month later): no month to type, a row
    missing, but no formula reads #REF! (no row deleted in Excel): refused, naming the first month after the gap."""
    path = _tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    for row in range(7, 14):
        wb["Customers"][f"A{row}"] = dt.datetime(2026 + (row - 2) // 12, (row - 2) % 12 + 1, 1)
    wb.save(path)
    code, report = _recalc(tmp_path, path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == f"t.xlsx: Customers!A7 is 2026-06, not 2026-05: {RULE}, one row each: {MISSING}"


@pytest.mark.parametrize(
    ("sheet", "cell"),
    [
        ("Revenue", "Revenue!A13"),
        ("NPS", "NPS!A13"),
        ("Purchases and visits", "'Purchases and visits'!A13"),
        ("MRR 2026", "'MRR 2026'!A13"),
    ],
)
def test_every_tracking_sheet_is_checked_renamed_too(tmp_path, capsys, sheet, cell):
    path = _tracker(tmp_path)
    if sheet == "MRR 2026":
        _renamed(path, "Revenue", sheet)
    _typed(path, sheet, "A13", dt.datetime(2026, 12, 1))
    code, report = _recalc(tmp_path, path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        f"t.xlsx: {cell} is 2026-12, not 2026-11: {RULE}, one row each: type 2026-11 there if the month was mistyped, "
        f"else {MISSING}"
    )


def test_months_that_follow_each_other_stay_ok(tmp_path, capsys):
    code, report = _recalc(tmp_path, _tracker(tmp_path), capsys)
    assert (code, report["status"], report["message"]) == (0, "ok", "")


def test_a_month_row_copied_in_is_named_not_said_sorted(tmp_path, capsys):
    """Row 4 (2026-02) inserted again below itself, as Excel's Insert Copied Cells does (the rows below move down,
    their formulas with them, the names grow). Was: "Customers!A5 is 2026-02, not 2026-03: ... sort the rows by
    'Month'", which no sort puts right."""
    path = _tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row in range(ws.max_row, 3, -1):  # row r to r + 1 (row 4 to 5 too: the copy's row)
        for cell in ws[row]:
            value = cell.value
            if isinstance(value, str) and value[:1] == "=":
                value = Translator(value, origin=cell.coordinate).translate_formula(f"{cell.column_letter}{row + 1}")
            ws[f"{cell.column_letter}{row + 1}"] = value
    for name in wb.defined_names.values():  # 'Customers'!$A$2:$A$13 -> $A$14
        name.attr_text = re.sub(r"(Customers'?!\$[A-Z]+\$2:\$[A-Z]+\$)13\b", r"\g<1>14", name.attr_text)
    wb.save(path)
    code, report = _recalc(tmp_path, path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        f"t.xlsx: Customers!A5 is 2026-02, not 2026-03: {RULE}: 2026-02 is in Customers!A4 too (a row copied?): delete "
        "one of the two rows (Undo in Excel before saving), or type the month this row is for"
    )


def test_the_first_month_mistyped_is_suggested(tmp_path, capsys):
    """The year of the first month typed wrong (2024-12 for 2025-12): the second month is the one said, with the
    first month to type (was: only "put the missing month's row back", which no row was)."""
    path = _tracker(tmp_path)
    _typed(path, "Customers", "A2", dt.datetime(2024, 12, 1))
    code, report = _recalc(tmp_path, path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        f"t.xlsx: Customers!A3 is 2026-01, not 2025-01: {RULE}, one row each: type 2025-12 in Customers!A2 if the "
        f"first month was mistyped, else {MISSING}"
    )
