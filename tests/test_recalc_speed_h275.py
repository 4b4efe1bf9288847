"""The listings' cheaper tests (H275, issue 14) list what they did: TEXT's format of another language's codes found
in lower case and behind _xlfn., and not in a function whose name only ends in TEXT."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_text_formats_listed_as_written(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 1.5
    sheet["B1"] = '=text(A1,"0,00")'  # lower case: TEXT all the same
    sheet["B2"] = '=_xlfn.TEXT(A1,"#.##0")'
    sheet["B3"] = '=TEXT(A1,"0.00")'  # English codes: not listed
    sheet["B4"] = '="TEXT(A1,""0,00"")"'  # a text naming TEXT: not a call
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: (u.function, u.reason) for u in result.unsupported}
    assert sorted(listed) == ["S!B1", "S!B2"]
    assert listed["S!B1"][0] == listed["S!B2"][0] == "TEXT"
    assert '"0,00" holds a comma before 2 digits (a decimal comma)' in listed["S!B1"][1]
    assert "a point before ##0 (a point grouping thousands)" in listed["S!B2"][1]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["B3"].value, out["B4"].value) == ("1.50", 'TEXT(A1,"0,00")')


def test_a_command_collects_young_objects_less_often() -> None:
    code = (
        "import gc, sys\n"
        "from xl_retention._imports import defer_openpyxl_init\n"
        "before = gc.get_threshold()\n"
        "if sys.argv[1] == 'command': defer_openpyxl_init()\n"
        "if sys.argv[1] == 'off': gc.set_threshold(0); defer_openpyxl_init()\n"
        "print(before[1:] == gc.get_threshold()[1:], gc.get_threshold()[0])\n"
    )
    for kind, young in (("command", "10000"), ("library", "700"), ("off", "0")):
        done = subprocess.run([sys.executable, "-c", code, kind], capture_output=True, text=True, check=True)
        assert done.stdout.split() == ["True", young], kind
