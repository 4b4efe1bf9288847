"""Recalculation leftovers of H11's findings (w21, w20, ...): the embedded engine against Excel.

Each test builds a small workbook with openpyxl (values Excel stored are written into the sheet's XML as Excel saves
them), recalculates it with the embedded engine (``recalc_file``) and reads the written values back; the expected
values are Excel's documented ones.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path, cells: dict[str, object], stored: dict[str, str] | None = None) -> Path:
    """A workbook of one sheet S holding ``cells``; ``stored``: the text values Excel stored for formula cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    source = tmp_path / "book.xlsx"
    book.save(source)
    if stored:
        with zipfile.ZipFile(source) as package:
            parts = {name: package.read(name) for name in package.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"].decode()
        for ref, value in stored.items():
            xml, count = re.subn(
                rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v\s*/>', rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v>', xml
            )
            assert count == 1, ref
        parts["xl/worksheets/sheet1.xml"] = xml.encode()
        with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(name, data)
    return source


def _values(path: Path, refs: list[str]) -> dict[str, object]:
    out = openpyxl.load_workbook(path, data_only=True)["S"]
    return {ref: out[ref].value for ref in refs}


def test_text_formats_in_another_languages_codes_keep_the_values_excel_stored(tmp_path: Path) -> None:
    # H11 w21: TEXT's format is stored as the author typed it, in the codes of the author's Excel (German J = year,
    # T = day; French a = year, j = day; German #.##0,00 = en-US #,##0.00). The file does not say which language, so
    # such a format is never read as en-US ("January JJJJ"): the cell keeps Excel's value and is listed, its reason
    # naming the format; en-US formats are still computed.
    cells: dict[str, object] = {
        "A1": dt.date(2026, 1, 15),
        "A2": 1234.5,
        "A3": 0.052,
        "Z1": "TT.MM.JJJJ",
        "B1": '=TEXT(A1,"MMMM JJJJ")',
        "B2": '=TEXT(A1,"TT.MM.JJJJ")',
        "B3": '=TEXT(A1,"jj/mm/aaaa")',
        "B4": '="Rate "&TEXT(A1,"MMM JJ")',
        "B5": '=IFERROR(TEXT(A1,"TT.MM.JJ"),"")',
        "B6": "=TEXT(A1,Z1)",
        "B7": '=TEXT(A2,"#.##0,00 €")',
        "B8": '=TEXT(A3,"0,0 %")',
        "B9": "=LEN(B1)",
        "C1": '=TEXT(A1,"mmmm yyyy")',
        "C2": '=TEXT(A1,"dd.mm.yyyy")',
        "C3": '=TEXT(A2,"#,##0.00")',
        "C4": '=TEXT(A3,"0.0%")',
        "C5": '=TEXT(A2,"0,000")',
    }
    stored = {
        "B1": "Januar 2026",
        "B2": "15.01.2026",
        "B3": "15/01/2026",
        "B4": "Rate Jan 26",
        "B5": "15.01.26",
        "B6": "15.01.2026",
        "B7": "1.234,50 €",
        "B8": "5,2 %",
    }
    source = _book(tmp_path, cells, stored)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    got = _values(tmp_path / "out.xlsx", [f"B{i}" for i in range(1, 10)] + [f"C{i}" for i in range(1, 6)])
    assert got == {
        **stored,
        "B9": 11,  # LEN of the kept "Januar 2026"
        "C1": "January 2026",
        "C2": "15.01.2026",
        "C3": "1,234.50",
        "C4": "5.2%",
        "C5": "1,235",  # en-US: thousands grouped, rounded half away from zero
    }
    assert result.status == "ok", result.message
    reasons = {u.address: u.reason for u in result.unsupported}
    assert sorted(reasons) == [f"S!B{i}" for i in range(1, 9)]
    assert all(u.kept and u.function == "TEXT" for u in result.unsupported)
    assert reasons["S!B1"].startswith('TEXT\'s format "MMMM JJJJ" holds the letter J, which is no format code of an')
    assert reasons["S!B6"].startswith('TEXT\'s format Z1: "TT.MM.JJJJ" holds the letter T')
    assert reasons["S!B7"].startswith('TEXT\'s format "#.##0,00 €" holds a comma among the decimals')
    assert reasons["S!B8"].startswith('TEXT\'s format "0,0 %" holds a comma before 1 digit (a decimal comma)')
