"""A workbook whose <calcPr> says fullCalcOnLoad="0" (openpyxl's ``book.calculation.fullCalcOnLoad = False``) came out
of an incomplete recalc with the attribute twice (``fullCalcOnLoad="0" fullCalcOnLoad="1"``): a package no program
opens (openpyxl: "duplicate attribute"; Excel repairs it). The flag is replaced, never doubled (H411's report)."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention import cli


def test_an_incomplete_recalc_replaces_a_false_calc_on_load_flag(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = 2, "=A1*3"
    sheet["B1"] = "=SUM(S!A1:S!A3:A4)"  # a reference the engine gives #REF! where Excel's is unknown: incomplete
    book.calculation.fullCalcOnLoad = False
    book.save(tmp_path / "t.xlsx")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as package:
        assert b'fullCalcOnLoad="0"' in package.read("xl/workbook.xml")
    with contextlib.redirect_stdout(io.StringIO()):
        args = ["recalc", str(tmp_path / "t.xlsx"), "--engine", "embedded", "--output-dir", str(tmp_path / "o")]
        code = cli.main(args)
    assert code == 1  # incomplete: the output asks Excel to compute it on open
    with zipfile.ZipFile(tmp_path / "o" / "t.xlsx") as package:
        workbook = package.read("xl/workbook.xml").decode()
    assert re.findall(r'fullCalcOnLoad="[^"]*"', workbook) == ['fullCalcOnLoad="1"']
    values = openpyxl.load_workbook(tmp_path / "o" / "t.xlsx", data_only=True)["S"]  # opens (ParseError before)
    assert values["A2"].value == 6
