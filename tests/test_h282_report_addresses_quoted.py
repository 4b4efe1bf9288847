"""recalc's report gives each cell's address as Excel writes it, the sheet quoted where needed (H278's finding 05).

``recalc --json`` and ``xl_retention.recalc()`` gave ``"Monthly 2026!A2"`` and ``"Sales!EU!A1"``: not a reference
Excel or INDIRECT accepts, and the second cannot be split back into sheet and cell; the reasons of the same report
write ``'Monthly 2026'!A2``. Now the address is ``'Monthly 2026'!A2``, ``'Sales!EU'!A1``; a bare name stays bare.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

import xl_retention as xr
from xl_retention import cli


def _book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Monthly 2026"
    ws["A1"] = 535
    ws["A2"] = "=CRR(A1,B1,C1)"  # B1, C1 blank: #VALUE!
    s = wb.create_sheet("Sales!EU")
    s["A1"] = "=CLV(50,0.7,0)"  # churn 0: #DIV/0!
    t = wb.create_sheet("S")
    t["A1"] = "=1/0"
    t["B1"] = "=_xlfn.FORECAST.ETS(1,A2:A3,B2:B3)"  # not computed: an unsupported cell, its address quoted alike
    wb.save(tmp_path / "w.xlsx")
    return tmp_path / "w.xlsx"


def test_json_and_python_addresses_are_quoted_as_excel_writes_them(tmp_path, capsys):
    book = _book(tmp_path)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert sorted(e["address"] for e in report["errors"]) == ["'Monthly 2026'!A2", "'Sales!EU'!A1", "S!A1"]
    assert [u["address"] for u in report["unsupported"]] == ["S!B1"]
    reasons = {e["address"]: e["reason"] for e in report["errors"]}
    assert "'Monthly 2026'!B1" in reasons["'Monthly 2026'!A2"]  # the reason names its cells the same way
    again = xr.recalc(book, engine="embedded", output_dir=tmp_path / "again")
    assert sorted(e.address for e in again.files[0].errors) == ["'Monthly 2026'!A2", "'Sales!EU'!A1", "S!A1"]


def test_the_printed_lines_name_each_sheet_once_quoted(tmp_path, capsys):
    book = _book(tmp_path)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--output-dir", str(tmp_path / "out")])
    lines = [line.split(": ", 1)[1] for line in capsys.readouterr().out.splitlines() if " = #" in line]
    assert [line.split(" = ")[0] for line in lines] == ["'Monthly 2026'!A2", "S!A1", "'Sales!EU'!A1"]
