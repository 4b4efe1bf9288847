"""The purchases and visits figures of a tracker made before fe1aeffa, brought up by upgrade (H261's task 3): their F
column (10 wide, one line of 15 points) showed a rate in error's "see 'Purchases and visits'!F4" as "see 'Purchas"
when rendered (LibreOffice, soffice --convert-to pdf). Upgrade gives E:G this version's widths (21, 15, 11) where they
are the earlier template's (26, 10, 11), wraps F4:F6 and makes rows 4-9 two lines tall (32); widths of the user's
stay."""

from __future__ import annotations

import re
import zipfile

import openpyxl

from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade_file import upgrade_workbook


def _earlier(tmp_path, widths=(26, 10, 11)):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Dashboard"]
    for column, width in zip("EFG", widths, strict=True):
        ws.column_dimensions[column].width = width
    for row in range(4, 10):
        ws.row_dimensions[row].height = None
    ws["F4"].alignment = openpyxl.styles.Alignment()
    wb.save(path)
    return path


def test_upgrade_fits_the_shop_figures_of_an_earlier_template(tmp_path):
    path = _earlier(tmp_path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert [ws.column_dimensions[c].width for c in "EFG"] == [21, 15, 11]
    assert [ws.row_dimensions[r].height for r in range(4, 10)] == [32] * 6
    assert all(ws[f"F{row}"].alignment.wrap_text for row in range(4, 7))
    assert ws["F4"].number_format == "0.0%"


def test_widths_of_the_users_are_kept(tmp_path):
    path = _earlier(tmp_path, widths=(30, 12, 11))
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert [ws.column_dimensions[c].width for c in "EFG"] == [30, 12, 11]
    assert ws["F4"].alignment.wrap_text is not True


def _written_as_decimals(path):
    """The Dashboard's widths of E:G written "26.0", "10.0", "11.0", as the extend of c546097d (and openpyxl's
    floats) write them: H486's finding 05."""
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    shop = re.compile(rb'<col width="(26|10|11)"( customWidth="1" min="([5-7])" max="\3")')
    (name,) = [n for n, data in members.items() if b'<col width="26" customWidth="1" min="5"' in data]
    members[name] = shop.sub(rb'<col width="\1.0"\2', members[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(n, data)
    return members[name]


def test_earlier_widths_written_with_decimals_are_fitted_too(tmp_path):
    path = _earlier(tmp_path)
    xml = _written_as_decimals(path)
    assert b'width="26.0"' in xml and b'width="10.0"' in xml and b'width="11.0"' in xml
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert [ws.column_dimensions[c].width for c in "EFG"] == [21, 15, 11]
    assert [ws.row_dimensions[r].height for r in range(4, 10)] == [32] * 6
    assert all(ws[f"F{row}"].alignment.wrap_text for row in range(4, 7))
