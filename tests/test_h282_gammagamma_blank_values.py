"""A non-repeater's average order value may be left blank; a blank beside given values names its cell (H278's 01).

GAMMAGAMMA_FIT(B2:B9, C2:C9) with C blank (or ``""`` from IFERROR) where frequency is 0 was refused ("monetary_value
blank at position 2 while other columns are not"), though the docs ask for a value only where frequency > 0 and the
model uses only those customers: it now fits as with 0 there. GAMMAGAMMA_MEAN(p, q, v, 0, <blank>) was #VALUE! in a
workbook and nan in Python: it is the population mean p v / (q - 1). A blank beside given values is still refused,
its reason ending with its position, which a workbook's reason turns into the cell (a 0-based "position 2" named
no cell: the header row, to a user counting sheet rows).
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
from xl_retention.errors import NotANumberError

FREQUENCY = [6, 5, 0, 4, 2, 3, 1, 0, 1, 1, 2, 6]
VALUES = [22.6, 22.3, None, 81.2, 32.6, 21.7, 36.8, None, 52.7, 5.4, 14.4, 24.8]
ZEROS = [0.0 if v is None else v for v in VALUES]


def test_python_a_blank_value_where_frequency_is_0_is_not_needed():
    fit = xr.gammagamma_fit(FREQUENCY, VALUES)
    assert tuple(fit) == tuple(xr.gammagamma_fit(FREQUENCY, ZEROS))
    assert [round(v, 3) for v in fit] == [2.224, 7.488, 91.441, -41.497]
    assert xr.gammagamma_mean(6.25, 3.74, 15.44, 0, None) == 6.25 * 15.44 / 2.74
    assert xr.gammagamma_mean(6.25, 3.74, 15.44, [0, 2], [None, 20.0]).tolist() == [
        6.25 * 15.44 / 2.74,
        6.25 * (15.44 + 2 * 20.0) / (6.25 * 2 + 3.74 - 1),
    ]


def test_python_a_blank_beside_given_values_is_refused_at_its_position():
    with pytest.raises(NotANumberError) as error:
        xr.gammagamma_fit([0, 2, 3, 1], [None, None, 9.0, 4.0])
    assert str(error.value) == "frequency is given but monetary_value is blank at position 1"
    assert (error.value.argument, error.value.position) == ("monetary_value", (1,))
    with pytest.raises(NotANumberError) as error:
        xr.bgnbd_fit([0, 2, 3], [0, 5, None], [9, 8, None])
    assert str(error.value) == "frequency is given but recency, T are blank at position 2"


def _book(tmp_path: Path, name: str, values: list, blank_at: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Cust list"
    s.append(["id", "freq", "aov"])
    for i, (x, m) in enumerate(zip(FREQUENCY, values, strict=True)):
        s.append([f"c{i}", x, m])
    s["C9"] = '=IFERROR(1/0,"")' if values[7] is None else s["C9"].value  # frequency 0: "" from IFERROR
    if blank_at:
        s[blank_at] = None
    s["H1"] = ArrayFormula("H1:K1", "=GAMMAGAMMA_FIT(B2:B13,C2:C13)")
    s["H2"] = "=GAMMAGAMMA_MEAN(H1,I1,J1,B4,C4)"  # B4 = 0 repeat purchases, C4 blank
    r = wb.create_sheet("RFM")
    r.append(["id", "frequency", "recency", "T"])
    for row in ([1, 0, 0, 30], [2, 2, 20, 30], [3, 0, None, 25], [4, 1, 5, 12]):
        r.append(row)
    r["H1"] = ArrayFormula("H1:K1", "=BGNBD_FIT(B2:B5,C2:C5,D2:D5)")
    return save_dynamic(wb, tmp_path / name, ["H1"])


def _recalc(tmp_path: Path, capsys, book: Path) -> tuple[dict, openpyxl.Workbook]:
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(report["output"], data_only=True)


def test_workbook_blank_and_empty_text_values_of_non_repeaters_fit_as_zeros(tmp_path, capsys):
    _, zeros = _recalc(tmp_path, capsys, _book(tmp_path, "zeros.xlsx", ZEROS))
    report, blanks = _recalc(tmp_path, capsys, _book(tmp_path, "blanks.xlsx", VALUES))
    cells = ("H1", "I1", "J1", "K1", "H2")
    fitted = [blanks["Cust list"][c].value for c in cells]
    assert fitted == [zeros["Cust list"][c].value for c in cells]
    assert fitted[:4] == list(xr.gammagamma_fit(FREQUENCY, ZEROS))
    assert fitted[4] == xr.gammagamma_mean(*fitted[:3], 0, 0)  # the population mean, p v / (q - 1)
    assert [round(v, 3) for v in fitted] == [2.224, 7.488, 91.441, -41.497, 31.349]
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert [a for a in errors if not a.startswith("RFM!")] == []
    assert errors["RFM!H1"] == "BGNBD_FIT: frequency, age are given but recency is blank in RFM!C4 (#VALUE!)"


def test_workbook_a_blank_value_beside_a_repeat_purchase_names_its_cell(tmp_path, capsys):
    report, _ = _recalc(tmp_path, capsys, _book(tmp_path, "gap.xlsx", VALUES, blank_at="C6"))
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    assert errors["'Cust list'!H1"] == (
        "GAMMAGAMMA_FIT: frequency is given but monetary_value is blank in 'Cust list'!C6 (#VALUE!)"
    )
