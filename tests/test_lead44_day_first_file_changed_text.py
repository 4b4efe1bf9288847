"""A day-first workbook whose date text a program changed: the en-US reading is not taken for Excel's (H454/04).

A day-first Excel stored B2 =DATEVALUE("13/02/2024") 45335 and B3 =DATEVALUE("25/12/2024") 45651 (only a day-first
reading gives them) and B1 =DATEVALUE(A1) 45323 when A1 was "01/02/2024" (1 February); a program then wrote
"02/01/2024" in A1, keeping the stored values. B1's stored 45323 happens to be the en-US reading of the new text, so
recalc kept it as computed and said ok (C1 =B1+1 45324), where the file's Excel gives 45293 (2 January). B2's stored
value shows the file's Excel reads day first: B1's stored value, other than that reading's, predates the text. B1 is
now listed, not kept, with both readings, and C1 with it; B2 and B3 keep Excel's values as before.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _book(folder: Path, a1: str, b1_stored: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = a1, "13/02/2024", "25/12/2024"
    for ref in ("B1", "B2", "B3", "C1"):
        ws[ref] = "=0"
    wb.save(folder / "base.xlsx")
    stored = {"B1": ("DATEVALUE(A1)", b1_stored), "B2": ("DATEVALUE(A2)", "45335"), "B3": ("DATEVALUE(A3)", "45651"),
              "C1": ("B1+1", str(int(b1_stored) + 1))}  # fmt: skip
    path = folder / "uk.xlsx"
    with zipfile.ZipFile(folder / "base.xlsx") as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename).decode()
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, (formula, value) in stored.items():
                    data = re.sub(
                        rf'<c r="{ref}"[^>]*>.*?</c>', f'<c r="{ref}"><f>{formula}</f><v>{value}</v></c>', data
                    )
            out.writestr(item.filename, data)
    return path


def test_the_changed_text_s_cell_is_not_kept(tmp_path: Path) -> None:
    report = recalc_file(_book(tmp_path, "02/01/2024", "45323"), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    reasons = {u.address: (u.kept, u.reason) for u in report.unsupported}
    assert sorted(reasons) == ["S!B1", "S!B2", "S!B3", "S!C1"]
    assert reasons["S!B1"][0] is False
    assert reasons["S!B1"][1].endswith(
        "an en-US Excel gives 45323, a day-first Excel 45293; the file's S!B2 stores the other reading's value, its "
        "Excel's, which makes Excel's stored 45323 here a value from before the text changed: not kept, and the "
        "embedded engine does not compute it"
    )
    assert (reasons["S!B2"][0], reasons["S!B3"][0]) == (True, True)
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [ws[ref].value for ref in ("B1", "B2", "B3", "C1")] == [None, 45335, 45651, None]


def test_a_text_its_excel_stored_for_keeps_its_value(tmp_path: Path) -> None:
    """The text as the day-first Excel read it ("01/02/2024": 1 February, 45323): its stored value is that reading's."""
    report = recalc_file(_book(tmp_path, "01/02/2024", "45323"), tmp_path / "out.xlsx", engine="embedded")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert report.status == "ok"
    assert [ws[ref].value for ref in ("B1", "B2", "B3", "C1")] == [45323, 45335, 45651, 45324]
