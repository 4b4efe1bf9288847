"""A copy of a monthly sheet under its name, and a value typed over a Cohorts formula (H189's findings 09 and 11).

09: Customers copied, the original renamed "Customers old" (the tracker's names, and so the Dashboard, follow it) and
the copy named "Customers", where the next month is typed. recalc said ok while the Dashboard showed June's 112 (July's
118 typed on the sheet called Customers); extend and import refused it. recalc now says it with the same check
(incomplete, naming both sheets and the one the formulas read), and extend's refusal says extend, not import.

11: one value typed over a retention share (Cohorts!C19) made extend grow every sheet but Cohorts, exit 0, with
advice to build a new tracker and import into it; extend now refuses, nothing written, naming the cell to put back,
and recalc's message names such a cell as it names those typed over the monthly sheets' formulas.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import share_formula

COPY = "the sheets 'Customers', 'Customers old' each look like the tracker's 'Customers' sheet (its headers, its names)"


def _renamed(text: str) -> str:
    return re.sub(r"(?<![\w'])'?Customers'?!", "'Customers old'!", text)


def _copied(tmp_path: Path) -> Path:
    """A 3-month tracker with January and February typed; Customers renamed "Customers old" (its names and every
    formula reading it follow, as in Excel or LibreOffice) and a copy of it called "Customers" with March typed."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 100, "C2": 10, "D2": 105, "C3": 8, "D3": 108}.items():
        wb["Customers"][ref] = value
    wb["Customers"].title = "Customers old"
    for defined in wb.defined_names.values():
        defined.attr_text = _renamed(defined.attr_text)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = _renamed(cell.value)
    copy = wb.copy_worksheet(wb["Customers old"])
    copy.title = "Customers"
    copy["C4"], copy["D4"] = 9, 115
    wb.save(path)
    return path


def test_recalc_names_the_copy_and_the_sheet_the_tracker_reads(tmp_path, capsys):
    path = _copied(tmp_path)
    out = tmp_path / "out"
    assert cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)]) == 1
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == (
        "incomplete",
        f"t.xlsx: {COPY}, and the tracker's formulas (the Dashboard, the lifetime value) read 'Customers old' (its "
        "names point there), not what is typed in 'Customers': type the figures in 'Customers old', delete "
        "'Customers' or change its headers, and run recalc again",
    )
    wb = openpyxl.load_workbook(out / "t.xlsx", data_only=True)
    assert wb["Dashboard"]["B4"].value == 108  # February's, from 'Customers old': what the message says


def test_extend_refuses_it_in_its_own_words(tmp_path, capsys):
    path = _copied(tmp_path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "1"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: t.xlsx: {COPY}, so extend cannot tell which one its months are in: delete or rename "
        "the copy (its headers changed) and run extend again"
    )
    assert path.read_bytes() == before


def test_extend_names_a_value_typed_over_a_cohorts_formula_and_writes_nothing(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 100, "C2": 10, "D2": 105}.items():
        wb["Customers"][ref] = value
    for ref, value in {"B4": 10, "C4": 9, "D4": 8, "C19": 0.5}.items():  # C19: the retention share 9/10, typed 0.5
        wb["Cohorts"][ref] = value
    wb.save(path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "1"]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: Cohorts!C19 holds 0.5, typed over the template's formula "
        f"'{share_formula('C4', '$B4')}': put that formula back in Cohorts!C19 (copy the "
        "cell beside it in its table) and run again; nothing was changed"  # the guarded share since 8945914d
    )
    assert path.read_bytes() == before  # not Customers grown to 2027-01 beside a Cohorts sheet of 12 months


def test_recalc_names_a_value_typed_over_a_cohorts_formula(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B4": 10, "C4": 9, "D4": 8, "C10": 0.5}.items():  # C10: the share 9/10, typed 0.5
        wb["Cohorts"][ref] = value
    wb.save(path)
    out = tmp_path / "out"
    assert cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(out)]) == 0
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == (
        "ok",
        "t.xlsx: 1 value typed over the Cohorts sheet's formulas: Cohorts!C10 (Retention share) is 0.5, typed over "
        "its formula: copy the formula of the cell beside each over it",
    )
    assert openpyxl.load_workbook(out / "t.xlsx", data_only=True)["Cohorts"]["D10"].value == 0.8  # 8/10 beside it
