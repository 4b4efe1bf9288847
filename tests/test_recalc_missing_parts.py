"""A package missing a part its workbook's relationships name (``xl/styles.xml``), or missing those relationships
(``xl/_rels/workbook.xml.rels``), is refused in one line naming the file and the part, not in the engine's internal
words ("open failed with XlsxPathSource.SHARED_FILE: Backend error in zip ..."; H173's finding 07)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc

pytest.importorskip("formualizer")


def _without(tmp_path: Path, part: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"] = 1
    ws["B1"] = "=A1*2"
    source = tmp_path / "source.xlsx"
    wb.save(source)
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in package.infolist():
            if info.filename != part:
                out.writestr(info, package.read(info))
    return path


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/_rels/workbook.xml.rels"])
def test_a_missing_part_is_named(tmp_path: Path, part: str) -> None:
    report = recalc(_without(tmp_path, part), engine="embedded", output_dir=tmp_path / "out")
    file = report.files[0]
    assert (file.status, file.output) == ("failed", None)
    assert (
        file.message
        == f"book.xlsx is damaged: its part {part} is missing from the file; the embedded engine cannot read it"
    )
