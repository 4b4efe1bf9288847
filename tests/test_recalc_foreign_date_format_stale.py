"""A TEXT of a date in another language's codes keeps Excel's stored text only while it can be that date's text
(H199's finding 07).

``=TEXT(E3,"TT.MM.JJJJ")`` (German codes, which the file does not name) keeps Excel's stored text. A program keeping
the stored values wrote 20 April 2026 into E3 after Excel saved "15.03.2026": kept under ok, G3 ="Stand: "&F3 with it.
A format of day, month and year codes shows the date's own numbers (and month names) in every language, so that
text is no rendering of E3 now: listed, not kept, and so is G3. "20.04.2026" and "April 2026" are kept as before.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file

APRIL_20 = 46132  # 20 April 2026


def _saved(tmp_path: Path, fmt: str, stored: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["E3"], sheet["F3"], sheet["G3"] = APRIL_20, f'=TEXT(E3,"{fmt}")', '="Stand: "&F3'
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in (("F3", stored), ("G3", "Stand: " + stored)):
                    data, count = re.subn(
                        rf'(<c r="{ref}")([^>]*>)(<f>[^<]*</f>)<v\s*/>'.encode(),
                        rb'\1 t="str"\2\3<v>' + value.encode() + b"</v>",
                        data,
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


def test_a_text_of_another_date_is_stale(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path, "TT.MM.JJJJ", "15.03.2026"), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u for u in result.unsupported}
    assert sorted((address, u.kept) for address, u in listed.items()) == [("S!F3", False), ("S!G3", False)]
    assert listed["S!F3"].reason.endswith(
        "; its stored text '15.03.2026' is no language's text of E3 now (46132, 2026-04-20): the file's values "
        "predate its inputs"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["F3"].value, out["G3"].value) == (None, None)


@pytest.mark.parametrize(("fmt", "stored"), [("TT.MM.JJJJ", "20.04.2026"), ("MMMM JJJJ", "April 2026")])
def test_a_text_of_the_date_now_is_kept(tmp_path: Path, fmt: str, stored: str) -> None:
    result = recalc_file(_saved(tmp_path, fmt, stored), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [(u.address, u.kept) for u in result.unsupported] == [("S!F3", True)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["F3"].value, out["G3"].value) == (stored, "Stand: " + stored)


def test_another_month_name_is_stale(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path, "MMMM JJJJ", "März 2026"), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.kept) for u in result.unsupported][:1] == [("S!F3", False)]
