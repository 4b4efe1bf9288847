"""A workbook last saved by a program that is not Excel: its stored values are that program's, not Excel's (H173's
finding 05). ONLYOFFICE stores its own FORECAST.ETS: the cell and what reads it are listed with no value kept
(``incomplete``), as for LibreOffice; so for a file naming no program (no docProps/app.xml, which Excel always writes:
EPPlus stores computed values without one; H173's finding 11). Excel's own names (Windows, Mac) keep the stored value
(``ok``)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_recalc_kept import SHEET, data_book, patch, recalculated, stored

pytest.importorskip("formualizer")

APP = rb"<Application>[^<]*</Application>"


def _book(tmp_path: Path, application: bytes | None) -> Path:
    wb, ws = data_book(tmp_path)
    ws["H1"] = "=_xlfn.FORECAST.ETS(5,B1:B4,{1,2,3,4})"
    ws["H2"] = "=H1*2"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(path, SHEET, stored(b"H1", b"123.45"), stored(b"H2", b"246.9"))
    if application is not None:
        patch(path, "docProps/app.xml", (APP, b"<Application>" + application + b"</Application>"))
    else:  # no docProps/app.xml at all: no program named
        with zipfile.ZipFile(path) as package:
            entries = [(info, package.read(info)) for info in package.infolist() if info.filename != "docProps/app.xml"]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in entries:
                out.writestr(info, data)
    return path


@pytest.mark.parametrize(
    "application",
    [b"ONLYOFFICE/7.5.1.23", b"ONLYOFFICE Online Editor", b"SoftMaker PlanMaker", b"Apache POI", b"", None],
)
def test_values_stored_by_another_program_are_not_kept_as_excels(tmp_path: Path, application: bytes | None) -> None:
    got, file = recalculated(_book(tmp_path, application), "incomplete")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", False), ("S!H2", False)]
    assert (got["S!H1"], got["S!H2"]) == (None, None)


@pytest.mark.parametrize("application", [b"Microsoft Excel", b"Microsoft Macintosh Excel"])
def test_values_stored_by_excel_are_kept(tmp_path: Path, application: bytes) -> None:
    got, file = recalculated(_book(tmp_path, application), "ok")
    assert [(u.address, u.kept) for u in file.unsupported] == [("S!H1", True)]
    assert (got["S!H1"], got["S!H2"]) == (123.45, 246.9)
