"""``xl-retention new tracker.xlsm`` (H347 item 3): a macro-enabled workbook without a VBA project, as Excel saves one
that has no macros, and the command says what is still to do in Excel.

The user of the classic xlwings add-in needs an .xlsm (Import Functions refuses an .xlsx) whose VBA project refers to
xlwings and holds the wrappers Import Functions writes. openpyxl writes no VBA project of its own (it can only carry
one over, keep_vba / vba_archive), and xlwings' quickstart.xlsm's carries a sample macro (SampleCall) besides: so the
tracker is an .xlsm as Excel writes one without macros, and ``new`` said only 'wrote macro-enabled workbook', as if
it were ready, where README's steps 4-6 are still to come. Now its line says so.
"""

from __future__ import annotations

import zipfile

import openpyxl

from xl_retention import cli

NEXT = (
    "; no VBA in it yet, as Excel saves a workbook without macros: in Excel's VBA editor (Alt+F11) tick xlwings under "
    "Tools > References, click Import Functions on the xlwings ribbon and save (README: Windows: the classic xlwings "
    "add-in, steps 4-6)"
)


def test_new_xlsm_says_what_is_left_to_do_in_excel(tmp_path, capsys):
    path = tmp_path / "tracker.xlsm"
    assert cli.main(["new", str(path), "--start", "2026-01", "--months", "2"]) == 0
    assert capsys.readouterr().out == f"wrote macro-enabled workbook (.xlsm) {path}: 2 months from 2026-01{NEXT}\n"
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        types = package.read("[Content_Types].xml")
        relationships = package.read("xl/_rels/workbook.xml.rels")
    assert b'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"' in types
    assert "xl/vbaProject.bin" not in names and b"vbaProject" not in types + relationships  # none promised, none there
    assert openpyxl.load_workbook(path, keep_vba=True)["xlwings.conf"]["B1"].value == "xl_retention.udfs"


def test_new_xlsx_says_nothing_of_vba(tmp_path, capsys):
    path = tmp_path / "tracker.xlsx"
    assert cli.main(["new", str(path), "--start", "2026-01", "--months", "2"]) == 0
    assert capsys.readouterr().out == f"wrote workbook {path}: 2 months from 2026-01\n"
