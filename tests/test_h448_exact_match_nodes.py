"""The template's Lifetime value!C8 grew past the embedded engine's 8,192 formula nodes where the Customers sheet was
deleted (347bdcd6's branch naming the blank movements of the last month with MRR at end): the engine refused it
("Formula AST node limit exceeded (max 8192)"), and recalc listed C8 and C3 as "unsupported SEQUENCE", the file
incomplete. A formula refused so is set again with each exact MATCH as the search of its own (the same position):
computed, the file ok (tests/test_recalc_undefined_name.py's deleted sheet)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.recalculation.limit_areas import LIMIT, searched_only
from xl_retention.recalculation.rewrite_refusals import _LIMIT
from xl_retention.workbook import build_template

FAST = (
    "IF(_XLR.SAME(COUNT(A1:A4),INDEX(B1:B4,MATCH(COUNT(A1:A4),B1:B4,0))),MATCH(COUNT(A1:A4),B1:B4,0),"
    "_XLR.MATCH(COUNT(A1:A4),B1:B4,0))"
)


def test_an_exact_match_is_its_own_search_alone_nested_ones_too():
    inner = FAST.replace("COUNT(A1:A4)", "C1")
    nested = FAST.replace("COUNT(A1:A4)", f"INDEX(D1:D4,{inner})")
    assert searched_only(f'=ADDRESS({FAST},1,4)&"x,y"') == '=ADDRESS(_XLR.MATCH(COUNT(A1:A4),B1:B4,0),1,4)&"x,y"'
    assert searched_only(f"={nested}") == "=_XLR.MATCH(INDEX(D1:D4,_XLR.MATCH(C1,B1:B4,0)),B1:B4,0)"
    other = "=IF(_XLR.SAME(A1,INDEX(B1:B4,MATCH(A1,B1:B4,0))),1,2)"  # not the lookup's form: kept
    assert searched_only(other) == other


def test_the_node_limit_is_a_length_refusal():
    said = "#ERROR!: Malformed formula: ParserError at position 14862: Formula AST node limit exceeded (max 8192)"
    assert LIMIT.search(said).groups() == ("AST node", "8192") and _LIMIT.search(said) is not None


def _recalc(tmp_path: Path, capsys, customers: dict[str, object], revenue: dict[str, object]) -> dict:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    for ref, value in customers.items():
        wb["Customers"][ref] = value
    for ref, value in revenue.items():
        wb["Revenue"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def test_a_tracker_of_12_months_with_three_typed_recalculates_ok(tmp_path, capsys):
    customers = {"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": 100, "C4": 8, "D4": 101}
    revenue = {"B2": 1000, "C2": 100, "D2": 0, "E2": 0, "F2": 0, "G2": 50}
    revenue.update({"C3": 20, "D3": 0, "E3": 0, "F3": 0, "G3": 10, "C4": 30, "D4": 0, "E4": 0, "F4": 0, "G4": 0})
    report = _recalc(tmp_path, capsys, customers, revenue)
    assert report["status"] == "ok", report["message"]
    assert report["unsupported"] == []
    values = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Lifetime value"]
    assert round(values["B3"].value, 4) == round(1090 / 101, 4)
    assert values["C8"].value == "Type the gross margin (B4) to see the lifetime values."
