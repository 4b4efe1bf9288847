"""A month's input left blank beside its other figures: the reason says to type it, with 0's meaning only for a start.

Before: Customers!D5 (April's customers at end) blank beside April's gained gave "... is blank while the month has
other figures: type it (0 for a business starting from nothing)", advice about a start given for an end.
"""

from __future__ import annotations

import json

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template


def test_a_blank_end_is_to_be_typed_without_the_starts_advice(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 100, "C2": 10, "D2": 105, "C3": 4}.items():
        wb["Customers"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert errors["Customers!F3"] == (
        "CRR: customers_end blank while other inputs are not: Customers!D3 (Customers at end) is blank while the month "
        "has other figures: type it (#VALUE!)"
    )
