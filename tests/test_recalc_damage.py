"""A damaged workbook is refused in one line naming the sheet, cell or part, in our words (not the reader's)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc


def _damaged(tmp_path: Path, name: str, part: str, old: bytes, new: bytes, drop: str | None = None) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Data"
    book.active["A1"], book.active["A2"] = 1, "=A1*2"
    book.create_sheet("Report")["A1"] = "=Data!A2+1"
    source = tmp_path / "source.xlsx"
    book.save(source)
    path = tmp_path / name
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(path, "w") as out:
        for info in package.infolist():
            data = package.read(info)
            if info.filename == drop:
                continue
            if info.filename == part:
                assert old in data, old
                data = data.replace(old, new)
            out.writestr(info.filename, data)
    return path


@pytest.mark.parametrize(
    ("name", "part", "old", "new", "drop", "message"),
    [
        (
            "cut.xlsx", "xl/worksheets/sheet2.xml", b"</sheetData>", b"", None,
            "cut.xlsx: sheet 'Report' (xl/worksheets/sheet2.xml) is damaged: its XML is not well-formed at line 1",
        ),
        (
            "missing.xlsx", "", b"", b"", "xl/worksheets/sheet2.xml",
            "cut.xlsx: sheet 'Report' is named in the workbook but its part is missing from the file",
        ),
        (
            "strings.xlsx", "xl/worksheets/sheet1.xml",
            b'<c r="A1" t="n"><v>1</v></c>', b'<c r="A1" t="s"><v>5</v></c>', None,
            "strings.xlsx: Data!A1 refers to shared string 5, and the file has 0 (xl/sharedStrings.xml)",
        ),
        (
            "ref.xlsx", "xl/worksheets/sheet1.xml", b'<c r="A1" t="n">', b'<c r="ZZZZ1" t="n">', None,
            "ref.xlsx: sheet 'Data' has a cell reference 'ZZZZ1', which is not a cell of Excel's sheets",
        ),
    ],
)  # fmt: skip
def test_a_damaged_workbook_is_refused_naming_what_is_damaged(
    tmp_path: Path, name: str, part: str, old: bytes, new: bytes, drop: str | None, message: str
) -> None:
    path = _damaged(tmp_path, name, part, old, new, drop)
    file = recalc(path, engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "failed" and "\n" not in file.message
    assert file.message.startswith(message.replace("cut.xlsx", name)), file.message
    assert "Calamine" not in file.message and "too large" not in file.message
