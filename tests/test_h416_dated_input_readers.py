"""A date typed where a tracker's amount goes is named only to the errors whose formulas read it (H416).

Since 004244c4, 2026-03-15 typed in March's Churned MRR (Revenue!G4) prefixed its reason (``..., from Revenue!G4``)
to every error on Revenue in row 4 or below: April's contraction typed as -50 (Revenue!F5) gave Revenue!I5 (=F5+G5)
and O5 (April's quick ratio, from I5, J5, D5) ``#NUM!``, and both were said to come from G4, which neither reads.
Now the reason follows the formula's precedents: March's rates (K4:N4, from I4 = F4+G4), April's end (H5) and rates
(K5:N5, from April's start B5 = March's end H4) and the lifetime value read from them still name G4; I5 and O5 keep
their own reason alone.
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

#: Jan-Apr typed as a user does; April's contraction typed as -50 by mistake
CUSTOMERS = {"B2": 100, "C2": 20, "D2": 110, "C3": 15, "D3": 118, "C4": 12, "D4": 121, "C5": 10, "D5": 125}
REVENUE = {"B2": 10000, "C2": 2000, "D2": 500, "E2": 0, "F2": 300, "G2": 700, "C3": 1200, "D3": 300, "E3": 0,
           "F3": 100, "G3": 400, "C4": 1500, "D4": 200, "E4": 0, "F4": 50, "C5": 900, "D5": 100, "E5": 0,
           "F5": -50, "G5": 300}  # fmt: skip
CHURN = "Revenue!G4 (Churned MRR) is the date 2026-03-15, no amount (Excel reads it as 46096)"
APRIL = "Revenue!F5 (Contraction MRR) is -50, below 0 (#NUM!)"
#: the errors whose formulas read Revenue!G4, directly or through others
READING = {f"Revenue!{c}{r}" for c in "KLMN" for r in (4, 5)} | {"Revenue!H5"}
READING |= {f"'Lifetime value'!B{r}" for r in (3, 8, 11)}


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("h416")
    template = folder / "t.xlsx"
    build_template(template, start="2026-01", months=4)
    wb = openpyxl.load_workbook(template)
    for title, typed in (("Customers", CUSTOMERS), ("Revenue", REVENUE)):
        for ref, value in typed.items():
            wb[title][ref] = value
    wb["Revenue"]["G4"] = dt.datetime(2026, 3, 15)
    wb["Revenue"]["G4"].number_format = "yyyy-mm-dd"
    path = folder / "dated.xlsx"
    wb.save(path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cli.main(["recalc", str(path), "--json", "--output-dir", str(folder / "out")])
    (f,) = json.loads(printed.getvalue())["files"]
    assert f["status"] == "incomplete"
    assert f["message"].startswith(f"dated.xlsx: {CHURN}: the tracker computes the month's figures")
    return {e["address"]: e["reason"] for e in f["errors"]}


def test_an_error_not_reading_the_date_keeps_its_own_reason(errors: dict[str, Any]) -> None:
    assert errors["Revenue!I5"] == APRIL  # =F5+G5: April's own movements
    assert errors["Revenue!O5"] == f"{APRIL}, from Revenue!I5"  # April's quick ratio: I5, J5, D5


def test_the_errors_reading_the_date_name_it(errors: dict[str, Any]) -> None:
    named = {address for address, reason in errors.items() if "from Revenue!G4" in reason}
    assert named == READING
    assert all(errors[a].startswith(f"{CHURN}, from Revenue!G4; ") for a in READING)
    assert errors["Revenue!H5"] == (  # April's end, from its start (March's end, computed from the date)
        f"{CHURN}, from Revenue!G4; Revenue!B5 (MRR at start) is -31946, {APRIL}"
    )
    assert errors["Revenue!K5"] == f"{CHURN}, from Revenue!G4; {APRIL}, from Revenue!I5"


def test_dated_readers_follow_precedents(tmp_path: Path) -> None:
    from xl_retention.recalculation.dated_inputs import dated_readers

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Revenue"
    sheet.append(["Month", "Churned MRR", "Lost", "End"])
    sheet.append([None, 46096, "=B2+0", "=C2*2"])
    sheet.append([None, 5, "=B3+0", "=SUM(D$2:D2)+C3"])
    wb.create_sheet("Other").append(["=Revenue!B3", "=MAX(Revenue!C:C)"])
    wb.save(tmp_path / "t.xlsx")
    cause = ("Revenue", 2, "Revenue!B2 (Churned MRR) is the date 2026-03-15, no amount")
    assert dated_readers(tmp_path / "t.xlsx", [cause]) == {
        "Revenue!C2": cause,
        "Revenue!D2": cause,
        "Revenue!D3": cause,
        "Other!B1": cause,
    }
