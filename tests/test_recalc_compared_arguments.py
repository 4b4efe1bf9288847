"""A reason comparing two arguments names the cell of each (H138's finding 01).

Before: ``=RETURNING_CUSTOMER_RATE(B1,A1)`` with 60 returning of 40 buyers said "RETURNING_CUSTOMER_RATE: returning (60)
exceeds total (40) (#NUM!)", naming no cell, where a text or a negative in the same arguments names its cell; so did
the tracker's 'Purchases and visits'!E3. Each compared argument's cell is found as one argument's is (its reference,
or the one cell it reads holding the value shown, followed through formula cells); a cell is named only where it
holds the value shown.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli
from xl_retention.workbook import build_template

STAYED = "the customers at the end include everyone gained who stayed"
NEGATIVE = "customers lost would be negative"


def _reasons(tmp_path: Path, wb: openpyxl.Workbook, capsys) -> dict[str, str]:
    path = tmp_path / "cmp.xlsx"
    wb.save(path)
    capsys.readouterr()
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return {e["address"]: e["reason"] for e in report["errors"]}


def test_both_cells_compared_are_named(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    s["A1"], s["B1"], s["C1"] = 40, 60, "=RETURNING_CUSTOMER_RATE(B1,A1)"
    s["A2"], s["B2"], s["C2"] = 1, 2, "=CRR(A2,B2,10)"  # 10: typed in the formula, no cell
    s["A3"], s["B3"], s["C3"], s["D3"] = 200, 5, 10, "=CRR(A3,B3,C3)"  # three compared
    s["A4"], s["B4"], s["C4"], s["D4"] = 60, "=A4", 40, "=RETURNING_CUSTOMER_RATE(B4,C4)"  # B4: a formula
    s["D5"] = "=RETURNING_CUSTOMER_RATE(Returning,Bought)"  # names of cells on another sheet
    mine = wb.create_sheet("My data")
    mine["A1"], mine["A2"] = 60, 40
    wb.defined_names["Returning"] = DefinedName("Returning", attr_text="'My data'!$A$1")
    wb.defined_names["Bought"] = DefinedName("Bought", attr_text="'My data'!$A$2")
    for i, (end, gained, start) in enumerate([(535, 75, 500), (1, 2, 10), (570, 60, 535)], start=6):
        s[f"A{i}"], s[f"B{i}"], s[f"C{i}"] = end, gained, start
    s["E10"] = "=SUM(CRR(A6:A8,B6:B8,C6:C8))"  # the one row of the ranges holding 1 and 2
    s["E11"] = "=CRR(10,20,5)"  # every value typed in the formula: nothing to name
    model = wb.create_sheet("Model")  # two arguments said together: "recency (5) ... when frequency is 0"
    for col, value in zip("ABCDEFG", [0.24, 4.4, 0.79, 2.4, 0, 5, 38], strict=True):
        model[f"{col}1"] = value
    model["H1"] = "=BGNBD_P_ALIVE(A1,B1,C1,D1,E1,F1,G1)"
    model["A2"], model["B2"], model["C2"], model["D2"] = 0.5, 1.2, 0.5, 0
    model["H2"] = "=BDW_DEL(A2,B2,C2,D2)"  # discount_rate (0) ... with c = 0.5
    reasons = _reasons(tmp_path, wb, capsys)
    assert reasons == {
        "S!C1": "RETURNING_CUSTOMER_RATE: returning (60) exceeds total (40): returning in S!B1, total in S!A1 (#NUM!)",
        "S!C2": f"CRR: customers_end (1) is below customers_gained (2): {STAYED}: customers_end in S!A2, "
        "customers_gained in S!B2 (#NUM!)",
        "S!D3": f"CRR: customers_end (200) exceeds customers_start + customers_gained (10 + 5): {NEGATIVE}: "
        "customers_end in S!A3, customers_start in S!C3, customers_gained in S!B3 (#NUM!)",
        "S!D4": "RETURNING_CUSTOMER_RATE: returning (60) exceeds total (40): returning in S!A4 (read through S!B4), "
        "total in S!C4 (#NUM!)",
        "S!D5": "RETURNING_CUSTOMER_RATE: returning (60) exceeds total (40): returning in 'My data'!A1, total in "
        "'My data'!A2 (#NUM!)",
        "S!E10": f"CRR: customers_end (1) is below customers_gained (2): {STAYED}: customers_end in S!A7, "
        "customers_gained in S!B7 (#NUM!)",
        "S!E11": f"CRR: customers_end (10) is below customers_gained (20): {STAYED} (#NUM!)",
        "Model!H1": "BGNBD_P_ALIVE: recency (5) must be 0 when frequency is 0 (with no repeat purchase, the last "
        "purchase is the first): recency in Model!F1, frequency in Model!E1 (#NUM!)",
        "Model!H2": "BDW_DEL: discount_rate (0) is below 0.0001 with c = 0.5 (not 1): the BdW lifetime is summed "
        "period by period and needs a rate of at least 1e-4 per period: discount_rate in Model!D2, c in Model!C2 "
        "(#NUM!)",
    }


def test_the_trackers_compared_inputs_are_named_with_their_headers(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"], wb["Customers"]["C2"], wb["Customers"]["D2"] = 100, 20, 10
    wb["Revenue"]["B2"], wb["Revenue"]["F2"], wb["Revenue"]["G2"] = 100, 50, 100  # lost 150: computed by I2
    visits = wb["Purchases and visits"]
    visits["B3"], visits["C3"] = 40, 60
    reasons = _reasons(tmp_path, wb, capsys)
    assert reasons["Customers!F2"] == (
        f"CRR: customers_end (10) is below customers_gained (20): {STAYED}: customers_end in Customers!D2 (Customers "
        "at end), customers_gained in Customers!C2 (Gained (new + reactivated)) (#NUM!)"
    )
    assert reasons["Revenue!M2"] == (
        "NRR: lost_mrr (150) exceeds start_mrr (100): customers cannot lose more MRR than they started with: lost_mrr "
        "in Revenue!I2 (Lost MRR (contraction + churned)), computed there by its formula, start_mrr in Revenue!B2 "
        "(MRR at start) (#NUM!)"
    )
    assert reasons["'Purchases and visits'!E3"] == (
        "RETURNING_CUSTOMER_RATE: returning (60) exceeds total (40): returning in 'Purchases and visits'!C3 "
        "(Returning customers (ordered in an earlier month)), total in 'Purchases and visits'!B3 (Customers who "
        "bought) (#NUM!)"
    )


def test_the_repeat_purchasers_above_the_buyers_are_said_to_be_the_repeat_purchasers(tmp_path, capsys):
    """REPEAT_PURCHASE_RATE's first argument is the contract's ``returning`` (docs/metrics.md), but on the tracker it is
    the Repeat purchasers column, beside a Returning customers one: the reason says which (H204's finding 06)."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    visits = wb["Purchases and visits"]
    visits["B2"], visits["C2"], visits["D2"] = 40, 10, 50
    reasons = _reasons(tmp_path, wb, capsys)
    assert reasons["'Purchases and visits'!F2"] == (
        "REPEAT_PURCHASE_RATE: returning (50) exceeds total (40): more repeat purchasers than customers who bought: "
        "returning in 'Purchases and visits'!D2 (Repeat purchasers (more than one order that month)), total in "
        "'Purchases and visits'!B2 (Customers who bought) (#NUM!)"
    )
