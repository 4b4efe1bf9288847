"""A date typed where a tracker's count or amount goes is named by recalc, the file ``incomplete`` (H397's finding 02).

Before, 2026-03-15 typed in March's Churned MRR (Revenue!G4, Ctrl+; in the wrong cell) was read as 46096: recalc said
``ok``, the lost MRR 46146 exceeding the start named by the formula computing it (Revenue!I4), never the cell typed
nor that it holds a date; the same slip in Customers!C3 was named as ``customers_gained (46068)``. Now the cell is
named as a date, the file ``incomplete``, and the errors computed from it name it first (``..., from Revenue!G4``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

#: Jan-Mar as the finding's fill.py types them (Customers gained/at end, Revenue's start and movements)
CUSTOMERS = {"B2": 100, "C2": 20, "D2": 110, "C3": 15, "D3": 118, "C4": 12, "D4": 121}
REVENUE = {"B2": 10000, "C2": 2000, "D2": 500, "E2": 0, "F2": 300, "G2": 700, "C3": 1200, "D3": 300, "E3": 0,
           "F3": 100, "G3": 400, "C4": 1500, "D4": 200, "E4": 0, "F4": 50, "G4": 600}  # fmt: skip
CHURN = "Revenue!G4 (Churned MRR) is the date 2026-03-15, no amount (Excel reads it as 46096)"
GAINED = "Customers!C3 (Gained (new + reactivated)) is the date 2026-02-15, no number (Excel reads it as 46068)"


def _file(folder: Path, template: Path, name: str, sheet: str | None = None, cell: str = "") -> Path:
    wb = openpyxl.load_workbook(template)
    for title, typed in (("Customers", CUSTOMERS), ("Revenue", REVENUE)):
        for ref, value in typed.items():
            wb[title][ref] = value
    if sheet is not None:
        wb[sheet][cell] = dt.datetime(2026, 3 if sheet == "Revenue" else 2, 15)
        wb[sheet][cell].number_format = "yyyy-mm-dd"
    path = folder / f"{name}.xlsx"
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("h412")
    template = folder / "t.xlsx"
    build_template(template, start="2026-01", months=12)
    paths = [
        _file(folder, template, "right"),
        _file(folder, template, "churn", "Revenue", "G4"),
        _file(folder, template, "gained", "Customers", "C3"),
    ]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", *map(str, paths), "--json", "--output-dir", str(folder / "out")])
    files = json.loads(printed.getvalue())["files"]
    return {p.stem: f for p, f in zip(paths, files, strict=True)}


def test_typed_right_no_date_named(recalculated: dict[str, dict[str, Any]]) -> None:
    f = recalculated["right"]
    assert f["status"] == "ok"
    assert "is the date" not in json.dumps(f)


def test_a_date_typed_as_a_churn_is_named(recalculated: dict[str, dict[str, Any]]) -> None:
    f = recalculated["churn"]
    assert f["status"] == "incomplete"
    assert f["message"].startswith(
        f"churn.xlsx: {CHURN}: the tracker computes the month's figures, and those read from them, from that number: "
        "type the figure as a number there (and set the cell's format to Number)"
    )
    errors = {e["address"]: e["reason"] for e in f["errors"]}
    for rate in "KLMN":  # March's rates, computed from the lost MRR 46146 (Revenue!I4)
        assert errors[f"Revenue!{rate}4"].startswith(f"{CHURN}, from Revenue!G4; "), errors[f"Revenue!{rate}4"]


def test_a_date_typed_as_customers_gained_is_named(recalculated: dict[str, dict[str, Any]]) -> None:
    f = recalculated["gained"]
    assert f["status"] == "incomplete"
    assert f["message"].startswith(f"gained.xlsx: {GAINED}: the tracker computes")
    named = [e for e in f["errors"] if "customers_gained" in e["reason"]]
    assert all(e["reason"].startswith(f"{GAINED}, from Customers!C3; ") for e in named), named
