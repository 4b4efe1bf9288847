"""A fit's refusal names the row as given when a row blank in every column comes before it (H288).

The fits read their ranges with ``models._common._columns``, which drops the rows blank in every column; the checks
after it gave the position in what was kept. ``=BGNBD_FIT(B2:B7,C2:C7,D2:D7)`` with row 3 blank and recency 5 > age 4
in row 5 said '... in RFM!C4' (the cell above, a valid row): now '... in RFM!C5'. The same for Pareto/NBD, BG/BB and
GAMMAGAMMA_FIT (whose refusal of a 0 average order value also ends with the position now, so a workbook names it).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import OutOfRangeError

N = None
FREQUENCY = [1, N, 2, 3, 1, 1]
RECENCY = [1, N, 2, 5, 1, 1]
AGE = [4, N, 4, 4, 4, 4]
VALUES = [10.0, N, 12.0, 0.0, 9.0, 11.0]
RFM = "recency (5) exceeds T (4): the last purchase cannot come after the end of observation at position 3"


@pytest.mark.parametrize("fit", [xr.bgnbd_fit, xr.paretonbd_fit])
def test_python_rfm_fits_give_the_position_as_given(fit):
    with pytest.raises(OutOfRangeError) as error:
        fit(FREQUENCY, RECENCY, AGE)
    assert (str(error.value), error.value.position, error.value.argument) == (RFM, (3,), "recency")


def test_python_bgbb_and_gammagamma_give_the_position_as_given():
    with pytest.raises(OutOfRangeError) as error:
        xr.bgbb_fit(FREQUENCY, RECENCY, AGE)
    assert str(error.value) == (
        "recency (5) exceeds n_periods (4): the last transaction is at one of the opportunities at position 3"
    )
    assert error.value.position == (3,)
    with pytest.raises(OutOfRangeError) as error:
        xr.gammagamma_fit(FREQUENCY, VALUES)
    assert str(error.value) == (
        "monetary_value must be > 0 for a customer with repeat purchases (frequency 3), got 0 at position 3"
    )
    assert (error.value.position, error.value.value) == ((3,), 0.0)


def test_python_without_a_blank_row_the_position_is_unchanged():
    with pytest.raises(OutOfRangeError) as error:
        xr.bgnbd_fit([1, 2, 3], [1, 2, 5], [4, 4, 4])
    assert (str(error.value)[-13:], error.value.position) == ("at position 2", (2,))


def _book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "RFM"
    s.append(["id", "frequency", "recency", "age", "aov"])
    for i, row in enumerate(zip(FREQUENCY, RECENCY, AGE, VALUES, strict=True)):
        s.append([None if row[0] is None else f"c{i}", *row])
    s["H1"] = ArrayFormula("H1:K1", "=BGNBD_FIT(B2:B7,C2:C7,D2:D7)")
    s["H2"] = ArrayFormula("H2:K2", "=PARETONBD_FIT(B2:B7,C2:C7,D2:D7)")
    s["H3"] = ArrayFormula("H3:K3", "=BGBB_FIT(B2:B7,C2:C7,D2:D7)")
    s["H4"] = ArrayFormula("H4:J4", "=GAMMAGAMMA_FIT(B2:B7,E2:E7)")
    return save_dynamic(wb, tmp_path / "rfm.xlsx", ["H1", "H2", "H3", "H4"])


def test_workbook_reasons_name_the_cell_below_the_blank_row(tmp_path, capsys):
    capsys.readouterr()
    cli.main(["recalc", str(_book(tmp_path)), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    rfm = (
        "recency (5) exceeds age (4): the last purchase cannot come after the end of observation: "
        "recency in RFM!C5, age in RFM!D5 (#NUM!)"
    )
    assert errors["RFM!H1"] == f"BGNBD_FIT: {rfm}"
    assert errors["RFM!H2"] == f"PARETONBD_FIT: {rfm}"
    assert errors["RFM!H3"] == (
        "BGBB_FIT: recency (5) exceeds n_periods (4): the last transaction is at one of the opportunities: "
        "recency in RFM!C5, n_periods in RFM!D5 (#NUM!)"
    )
    assert errors["RFM!H4"] == (
        "GAMMAGAMMA_FIT: monetary_value must be > 0 for a customer with repeat purchases (frequency 3), got 0 "
        "in RFM!E5 (#NUM!)"
    )
