"""H516's finding 04, the part left after ab434c4b: a name the workbook does not define is Excel's error value #NAME?,
which a function taking an error as a value tests: =ISERROR(FOO) is TRUE, ISNA FALSE, ERROR.TYPE 5, COUNT(FOO,1) 1,
COUNTA(FOO,1) 2 (Excel and LibreOffice). They were the whole cell's #NAME?, status ok, written even over the TRUE
Excel stored in a file of its own. So COUNT(CONCAT("a"),1) (CONCAT stored without _xlfn.: #NAME? inside it), 1 in
Excel, was #NAME?. A cell using the name elsewhere (=FOO, =SUM(FOO)) keeps its #NAME? and the reason naming FOO."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention import cli

CASES = [
    ("=ISERROR(FOO)", True),
    ("=ISNA(FOO)", False),
    ("=ERROR.TYPE(FOO)", 5),
    ("=COUNT(FOO,1)", 1),
    ("=COUNTA(FOO,1)", 2),
    ("=ISERROR(FOO+1)", True),
    ("=FOO+ISERROR(FOO)", "#NAME?"),  # used outside ISERROR too: the reason naming FOO
    ("=IFERROR(FOO,0)", 0),
    ('=COUNT(CONCAT("a"),1)', 1),
    ("=FOO", "#NAME?"),
    ("=SUM(FOO)", "#NAME?"),
    ("=A1", True),  # reading =ISERROR(FOO)
]
REASON = "the formula uses the name FOO, which the workbook does not define (deleted?): define it again in Formulas > "


def _recalc(path: Path, capsys) -> dict:
    cli.main(["recalc", str(path), "--engine", "embedded", "--json"])
    return json.loads(capsys.readouterr().out)["files"][0]


def test_an_undefined_name_given_to_iserror_count(tmp_path: Path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row, (formula, _) in enumerate(CASES, 1):
        ws[f"A{row}"] = formula
    wb.save(tmp_path / "p.xlsx")
    got = _recalc(tmp_path / "p.xlsx", capsys)
    out = openpyxl.load_workbook(tmp_path / "p.recalc.xlsx", data_only=True)["S"]
    assert [out[f"A{row}"].value for row in range(1, len(CASES) + 1)] == [value for _, value in CASES]
    assert [(e["address"], e["reason"]) for e in got["errors"]] == [
        ("S!A7", f"S!A7: {REASON}Name Manager (#NAME?)"),
        ("S!A10", f"S!A10: {REASON}Name Manager (#NAME?)"),
        ("S!A11", f"S!A11: {REASON}Name Manager (#NAME?)"),
    ]


def test_excels_stored_true_is_not_overwritten(tmp_path: Path, capsys) -> None:
    """A workbook Excel saved (app.xml) holding =ISERROR(FOO), the name FOO deleted, with Excel's stored TRUE."""
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active["A1"] = "=ISERROR(FOO)"
    wb.save(tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, count = re.subn(r'<c r="A1"([^>]*)>(<f>[^<]*</f>)<v\s*/>', r'<c r="A1" t="b"\1>\2<v>1</v>', sheet)
    assert count == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["docProps/app.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application>'
        b"<AppVersion>16.0300</AppVersion></Properties>"
    )
    with zipfile.ZipFile(tmp_path / "x.xlsx", "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    got = _recalc(tmp_path / "x.xlsx", capsys)
    assert (got["status"], got["errors"]) == ("ok", [])
    assert openpyxl.load_workbook(tmp_path / "x.recalc.xlsx", data_only=True)["S"]["A1"].value is True
