"""A stored number that neither an en-US Excel nor a day-first, comma-decimal one gives for the text a formula reads
is stale, not another language's value (H199's finding 02).

An Excel-saved model whose input text was changed afterwards by a program keeping the stored values: DATEVALUE of
"03/04/2025" stored as 45659 (2 January 2025, Excel's answer for the text it read before), "2.000,00"*2 stored as
2469. Both were kept as "locale" values with status ok, G3 =F3+30 computed from them; but "03/04/2025" is 45720 to an
en-US Excel and 45750 to a day-first one, "2.000,00"*2 #VALUE! or 4000: no Excel gives the stored value. Such a cell
is listed, not kept, and so is its reader. A value the other reading gives (45689 for "01/02/2025", 1 February to a
day-first Excel) is kept as before.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def _saved(tmp_path: Path, text: str, formula: str, stored: float) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["E3"], sheet["F3"], sheet["G3"] = text, formula, "=F3+30"
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in (("F3", stored), ("G3", stored + 30)):
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(), rb"\1<v>%g</v>" % value, data
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


@pytest.mark.parametrize(
    ("text", "formula", "stored", "readings"),
    [
        ("03/04/2025", "=DATEVALUE(E3)", 45659, "neither an en-US Excel (45720) nor a day-first, comma-decimal one "
         "(45750)"),
        ("2.000,00", "=E3*2", 2469, "neither an en-US Excel (#VALUE!) nor a day-first, comma-decimal one (4000)"),
    ],
)  # fmt: skip
def test_a_value_no_reading_gives_is_stale(tmp_path: Path, text: str, formula: str, stored: int, readings: str) -> None:
    result = recalc_file(_saved(tmp_path, text, formula, stored), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u for u in result.unsupported}
    assert sorted((address, u.kept) for address, u in listed.items()) == [("S!F3", False), ("S!G3", False)]
    assert listed["S!F3"].reason == (
        f"reads the text {text!r} (S!E3): Excel stored {stored}, which {readings} gives for it: the file's values "
        "predate its inputs"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["F3"].value, out["G3"].value) == (None, None)


def test_a_value_the_other_reading_gives_is_kept(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path, "01/02/2025", "=DATEVALUE(E3)", 45689), tmp_path / "out.xlsx")
    assert result.status == "ok", result.message
    assert [(u.address, u.function, u.kept) for u in result.unsupported] == [("S!F3", "locale", True)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["F3"].value, out["G3"].value) == (45689, 45719)
