"""A defined name whose formula calls a function the embedded engine lacks (Excel 4.0's GET.WORKBOOK and
GET.DOCUMENT, which only a name may call: SheetNames = GET.WORKBOOK(1)) gives the engine an error in every cell
reading it. Where IFERROR or ISERROR hid that error (=IFERROR(INDEX(SheetNames,1),"none") gave "none",
=ISERROR(Doc) TRUE, status ok), the cell is listed, keeping the value Excel stored, as the cells showing the error
are."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    wb.defined_names["SheetNames"] = DefinedName("SheetNames", attr_text="GET.WORKBOOK(1)")
    wb.defined_names["Doc"] = DefinedName("Doc", attr_text="GET.DOCUMENT(1)")
    wb.defined_names["Names2"] = DefinedName("Names2", attr_text="SheetNames")  # through another name
    ws["A1"] = "=1+1"
    ws["A2"] = '=IFERROR(INDEX(SheetNames,1),"none")'
    ws["A3"] = "=ISERROR(Doc)"
    ws["A4"] = "=IFERROR(INDEX(Names2,1),0)"
    ws["A5"] = '="SheetNames"&A1'  # the word in a text is no use of the name
    ws["A6"] = "=INDEX(sheetnames,1)"  # the engine's error shown: named as the other cells are
    path = tmp_path / "macro_names.xlsx"
    wb.save(path)
    stored = {  # what Excel stored when it saved the file
        "A2": (b' t="str"', b"[macro_names.xlsx]S"),
        "A3": (b' t="b"', b"0"),
        "A4": (b' t="str"', b"[macro_names.xlsx]S"),
        "A6": (b' t="str"', b"[macro_names.xlsx]S"),
    }
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                for ref, (kind, value) in stored.items():
                    data, count = re.subn(
                        rb'<c r="' + ref.encode() + rb'"><f>([^<]*)</f><v\s*/>',
                        rb'<c r="' + ref.encode() + b'"' + kind + rb"><f>\1</f><v>" + value + b"</v>",
                        data,
                    )
                    assert count == 1, ref
            out.writestr(info.filename, data)
    return path


def test_cells_reading_a_name_the_engine_cannot_compute_keep_excels_values(tmp_path: Path) -> None:
    report = recalc_file(_book(tmp_path), tmp_path / "out.xlsx")
    assert report.status == "ok", report.message
    assert sorted((u.address, u.function, u.kept) for u in report.unsupported) == [
        ("S!A2", "GET.WORKBOOK", True),
        ("S!A3", "GET.DOCUMENT", True),
        ("S!A4", "GET.WORKBOOK", True),
        ("S!A6", "GET.WORKBOOK", True),
    ]
    reasons = {u.address: u.reason for u in report.unsupported}
    assert reasons["S!A6"] == (
        "reads the name sheetnames, defined by a formula calling GET.WORKBOOK, which the embedded engine cannot compute"
    )
    assert reasons["S!A2"] == (
        "reads the name SheetNames, defined by a formula calling GET.WORKBOOK, which the embedded engine cannot "
        "compute (its error may be hidden by IFERROR, ISERROR or the like)"
    )
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: values[ref].value for ref in ("A1", "A2", "A3", "A4", "A5", "A6")}
    kept = "[macro_names.xlsx]S"
    assert got == {"A1": 2, "A2": kept, "A3": False, "A4": kept, "A5": "SheetNames2", "A6": kept}
