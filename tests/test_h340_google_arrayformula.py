"""Google Sheets' ARRAYFORMULA kept as a formula is named as Google's, and the values stored are kept (H332's 05).

A workbook holding ``=ARRAYFORMULA(D2:D4-B2:B4)`` as an array formula over F2:F4, with the values Google computed and
no docProps/app.xml (a converter's; Google's own download writes an ARRAYFORMULA as IFERROR(__xludf.DUMMYFUNCTION(..),
value), H346: see recalculation/google_functions). Excel has no ARRAYFORMULA (#NAME? once it recalculates).
recalc said "ARRAYFORMULA is not an Excel function: an add-in's, a macro's or a UDF's", dropped Google's values (the
file not Excel's: incomplete, F2:F4 and SUM(F2:F4) blank), and where a file named Excel as its writer said "keeps the
value Excel stored". Now: listed with a reason naming Google Sheets' function, Google's values kept and said to be
Google's, SUM(F2:F4) computed from them; with no value stored, listed and left blank.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

REASON = (
    "ARRAYFORMULA is Google Sheets' function, which Excel does not have (Excel shows #NAME? for it): the embedded "
    "engine does not compute it (in Excel, enter the formula inside ARRAYFORMULA( ) as an array formula)"
)


def _google_download(folder: Path, values: bool) -> Path:
    """A workbook as a converter writes Google's formulas: no docProps/app.xml, F2:F4 an array formula ARRAYFORMULA(..)
    with Google's values (``values``) or none, H2 =SUM(F2:F4)."""
    book = openpyxl.Workbook()
    book.active.title = "S"
    book.active["A1"] = 1
    book.save(folder / "t.xlsx")
    rows = []
    for r, (b, d, f) in enumerate([(100, 105, 5), (105, 110, 5), (110, 112, 2)], start=2):
        v = f"<v>{f}</v>" if values else ""
        cells = f'<c r="B{r}"><v>{b}</v></c><c r="D{r}"><v>{d}</v></c>'
        if r == 2:
            cells += f'<c r="F2"><f t="array" ref="F2:F4">ARRAYFORMULA(D2:D4-B2:B4)</f>{v}</c>'
            cells += f'<c r="H2"><f>SUM(F2:F4)</f>{"<v>12</v>" if values else ""}</c>'
        else:
            cells += f'<c r="F{r}">{v}</c>'
        rows.append(f'<row r="{r}">{cells}</row>')
    path = folder / "google.xlsx"
    with zipfile.ZipFile(folder / "t.xlsx") as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "docProps/app.xml":
                continue
            if item.filename == "[Content_Types].xml":
                data = re.sub(rb'<Override PartName="/docProps/app.xml"[^>]*/>', b"", data)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb"<sheetData>.*?</sheetData>|<sheetData ?/>",
                    ("<sheetData>" + "".join(rows) + "</sheetData>").encode(),
                    data,
                )
            zout.writestr(item, data)
    return path


def _values(path: Path) -> list[object]:
    sheet = openpyxl.load_workbook(path, data_only=True)["S"]
    return [sheet[ref].value for ref in ("F2", "F3", "F4", "H2")]


def test_google_values_of_arrayformula_are_kept_and_named_as_googles(tmp_path: Path) -> None:
    report = recalc_file(_google_download(tmp_path, True), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    assert report.message == (
        "google.xlsx: 3 cells keep the values Google Sheets stored (unsupported ARRAYFORMULA, in the array formula"
        " S!F2 over F2:F4)"
    )
    assert [(u.address, u.function, u.reason, u.kept) for u in report.unsupported] == [
        ("S!F2", "ARRAYFORMULA", REASON + " (the array formula S!F2 over F2:F4: 3 cells)", True)
    ]
    assert _values(tmp_path / "out.xlsx") == [5, 5, 2, 12]


def test_arrayformula_without_a_value_is_listed_as_googles(tmp_path: Path) -> None:
    report = recalc_file(_google_download(tmp_path, False), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert {u.address: (u.function, u.reason, u.kept) for u in report.unsupported} == {
        "S!F2": (
            "ARRAYFORMULA",
            REASON + "; the file holds no value of it (the array formula S!F2 over F2:F4: 3 cells)",
            False,
        ),
        "S!H2": (
            "ARRAYFORMULA",
            "reads S!F2 (ARRAYFORMULA), which has no current value (the embedded engine cannot compute it)",
            False,
        ),
    }
    assert _values(tmp_path / "out.xlsx") == [None, None, None, None]


def test_google_values_are_not_kept_once_the_inputs_changed(tmp_path: Path) -> None:
    report = recalc_file(
        _google_download(tmp_path, True), tmp_path / "out.xlsx", engine="embedded", stored_current=False
    )
    assert report.status == "incomplete"
    assert {u.address: u.kept for u in report.unsupported} == {"S!F2": False, "S!H2": False}
    assert _values(tmp_path / "out.xlsx") == [None, None, None, None]
