"""A tracker input holding only a space (a cell "cleared" with the space bar, blank to the eye) is named in the reasons
of the errors it makes (H172's finding 05).

" " typed as February's Contraction MRR makes the MRR at end #VALUE! (Excel: a space is no number in arithmetic), and
the rates after it; each was listed with an empty reason, where "-" there is named ("is the text '-', no number").
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template


def test_a_space_typed_as_an_amount_is_named(tmp_path: Path, capsys) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 1000, "C2": 100, "C3": 50, "F3": " "}.items():
        wb["Revenue"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    errors = {e["address"]: e["reason"] for e in report["errors"] if e["address"].startswith("Revenue!")}
    said = "Revenue!F3 (Contraction MRR) holds only spaces (or an empty text), no number: clear it (#VALUE!)"
    assert errors["Revenue!H3"] == said
    assert errors and all(reason.startswith(said) for reason in errors.values()), errors
