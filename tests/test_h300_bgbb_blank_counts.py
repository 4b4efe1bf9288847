"""The reference said BGBB_FIT's counts may be "omit(ted) (or left blank)", but a counts column of blank cells is
refused (a blank range is not read as omitted: it may be the column beside the counts, and each history taken as one
customer would fit other data without a word). The reference now says to leave the argument out (or empty), and the
refusal of a counts range blank in every row says so, naming its first cell (H296's finding 07)."""

from __future__ import annotations

import json

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import NotANumberError
from xl_retention.reference import as_markdown

REASON = (
    "counts is blank in every row: for one customer per row leave the argument out (or empty), else give each "
    "history's number of customers, the first"
)
# the donation histories of bgbb_fit's docstring, each (count // 20 + 1) times: 294 rows of one customer each
K = [174, 55, 4, 13, 4, 9, 4, 9, 11, 11]
F = [f for f, k in zip([0, 1, 1, 2, 2, 3, 3, 4, 5, 6], K, strict=True) for _ in range(k)]
R = [r for r, k in zip([0, 1, 4, 2, 5, 3, 6, 6, 6, 6], K, strict=True) for _ in range(k)]
N = [6] * 294
#: the fit of those histories as the core gives it on this machine: the optimizer stops on a flat likelihood, so its
#: digits past the 7th follow the CPU's floating-point kernels (a constant written on another machine was 2.30698500805
#: for alpha where this one gives 2.30698498635); the workbook must give the core's own figures
FIT = tuple(xr.bgbb_fit(F, R, N))
assert FIT == pytest.approx(
    (2.3069850080516865, 0.8495137359147369, 0.9057842396406964, 0.7385304895802881, -505.6366839039718), rel=1e-6
)


def test_python_says_to_leave_counts_out() -> None:
    with pytest.raises(NotANumberError) as caught:
        xr.bgbb_fit(F, R, N, [None] * 294)
    assert str(caught.value) == REASON + " at position 0"


def test_the_workbook_names_the_first_cell_and_the_empty_argument_fits(tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws.append(["f", "r", "n", "counts"])
    for row in zip(F, R, N, strict=True):
        ws.append(list(row))
    ws["F1"] = ArrayFormula("F1:J1", "=BGBB_FIT(A2:A295,B2:B295,C2:C295,D2:D295)")
    ws["F2"] = ArrayFormula("F2:J2", "=BGBB_FIT(A2:A295,B2:B295,C2:C295,)")
    ws["F3"] = ArrayFormula("F3:J3", "=BGBB_FIT(A2:A295,B2:B295,C2:C295)")
    wb.save(tmp_path / "b.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "b.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    assert errors["S!F1"]["reason"] == f"BGBB_FIT: {REASON} in S!D2 (#VALUE!)"
    out = openpyxl.load_workbook(tmp_path / "out" / "b.xlsx", data_only=True)["S"]
    assert [out.cell(2, c).value for c in range(6, 11)] == pytest.approx(FIT, rel=1e-12)
    assert [out.cell(3, c).value for c in range(6, 11)] == pytest.approx(FIT, rel=1e-12)


def test_the_reference_says_leave_it_out() -> None:
    text = as_markdown()
    assert "omit (or leave blank)" not in text
    assert text.count("for one row per customer leave the argument out (or empty), not blank cells") == 2
