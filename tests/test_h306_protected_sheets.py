"""H304's finding 02: extend / import --into / upgrade wrote into a password-protected sheet (Review > Protect Sheet)
without a word; now they refuse before writing anything, naming the file, the sheet and the remedy. recalc, which
writes stored results only, still recalculates it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook
from xl_retention.workbook.importer import fill_workbook, load_tables

REFUSED = (
    "p.xlsx: its sheet 'Customers' is protected, which this command would change: nothing was written; in Excel, "
    "Review > Unprotect Sheet on it, save, then run again (protect again afterwards)"
)


def _protected(tmp_path: Path, unlocked: bool = False, sheet: str = "Customers") -> Path:
    build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    ws = wb[sheet] if sheet in wb.sheetnames else wb.create_sheet(sheet)
    if unlocked:  # every cell the commands write unlocked: rows are still inserted, which protection forbids
        for row in ws.iter_rows(min_row=1, max_row=40, max_col=12):
            for cell in row:
                cell.protection = openpyxl.styles.Protection(locked=False)
    ws.protection.sheet = True
    ws.protection.password = "finance"
    wb.security.lockStructure = True
    wb.security.workbookPassword = "finance"
    wb.save(tmp_path / "p.xlsx")
    return tmp_path / "p.xlsx"


def _subs(tmp_path: Path) -> Path:
    csv = tmp_path / "subs.csv"
    csv.write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nc,2026-02,70\n")
    return csv


@pytest.mark.parametrize("unlocked", [False, True])
def test_extend_refuses_a_protected_sheet(tmp_path: Path, unlocked: bool) -> None:
    path = _protected(tmp_path, unlocked)
    before = path.read_bytes()
    with pytest.raises(ValueError) as error:
        extend_workbook(path, months=1)
    assert str(error.value) == REFUSED
    assert path.read_bytes() == before


def test_import_into_refuses_a_protected_sheet(tmp_path: Path) -> None:
    path = _protected(tmp_path)
    before = path.read_bytes()
    with pytest.raises(ValueError) as error:
        fill_workbook(path, load_tables(subscriptions=_subs(tmp_path)))
    assert str(error.value) == REFUSED
    assert path.read_bytes() == before


def test_a_protected_sheet_of_the_users_own_is_no_hindrance(tmp_path: Path) -> None:
    path = _protected(tmp_path, sheet="My notes")  # a sheet none of the commands writes; the structure unchanged
    extend_workbook(path, months=1)
    wb = openpyxl.load_workbook(path)
    assert wb["Customers"]["A8"].value is not None and wb["My notes"].protection.sheet
