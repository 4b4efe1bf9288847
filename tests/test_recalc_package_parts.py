"""A large sheet's part is decompressed once per recalculation (issue 14: the reading check, the package scan, the
engine's copy and the writer each read it; recalculation.package_parts keeps it), with the same written bytes, and
the reading check still names a part whose data does not match its CRC, as zipfile's testzip does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import package_parts, recalc_file

SHEET = "xl/worksheets/sheet1.xml"


def _large(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for r in range(1, 6001):  # a sheet part of more than 1 MB
        sheet.append([r, r % 7, f"=A{r}*2+B{r}", f'=IF(C{r}>100,"high","low")', f"=SUM(A{r}:C{r})"])
    book.save(path)
    assert zipfile.ZipFile(path).getinfo(SHEET).file_size > 1 << 20
    return path


def test_a_large_sheet_is_decompressed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _large(tmp_path / "book.xlsx")
    opened: list[str] = []  # the sheet's part read whole (the layout checks read its first 4,096 bytes: not counted)
    original = zipfile.ZipFile.read

    def counted(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        member = name.filename if isinstance(name, zipfile.ZipInfo) else name
        if isinstance(self.filename, str) and Path(self.filename) == source and member == SHEET:
            opened.append(member)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "read", counted)
    report = recalc_file(source, tmp_path / "kept" / "book.xlsx", engine="embedded")
    assert (report.status, report.formulas) == ("ok", 18_000), report.message
    assert len(opened) == 1  # 3 before (the scan, the engine's copy, the writer) and the reading check's chunks
    assert package_parts._KEPT == {}  # given up at the end of the recalculation
    monkeypatch.setattr(package_parts, "_LEAST", 1 << 40)  # nothing kept: every reader decompresses
    opened.clear()
    recalc_file(source, tmp_path / "read" / "book.xlsx", engine="embedded")
    # the scan and the writer: the engine loads the file as it is, its formulas needing no rewrite since the
    # filled-down IF column's 15-digit comparisons are wrapped after evaluation (5326dd74; its own copy made a third)
    assert len(opened) == 2
    written = (tmp_path / "kept" / "book.xlsx").read_bytes()
    assert written == (tmp_path / "read" / "book.xlsx").read_bytes()
    values = openpyxl.load_workbook(tmp_path / "kept" / "book.xlsx", data_only=True)["Data"]
    assert [values[ref].value for ref in ("C60", "D60", "E60", "D6000")] == [
        124,
        "high",
        188,
        "high",
    ]  # 60*2+4; 60+4+124


def test_a_part_not_matching_its_crc_is_named(tmp_path: Path) -> None:
    source = _large(tmp_path / "book.xlsx")
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as package:
        info = package.getinfo(SHEET)
    crc_at = info.header_offset + 14  # the local header's CRC-32 (zipfile checks the central directory's)
    data[crc_at : crc_at + 4] = b"\0\0\0\0"
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(data))
    with zipfile.ZipFile(damaged) as package:
        package.getinfo(SHEET).CRC ^= 1  # as a damaged central directory would have it
        assert package_parts.first_bad_part(package) == package.testzip() == SHEET
    package_parts.forget_parts()
