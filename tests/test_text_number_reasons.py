"""A number pasted as text into an NPS scores column or the Cohorts triangle ('8', '420') is refused as before, its
cell named, and the reason now says it is text (it said "must be a number, got '8'": 8 looks like a number to the
user, who could not tell what was wrong); in Python as in the workbook."""

from __future__ import annotations

import json

import openpyxl
import pytest

import xl_retention as xr
from xl_retention import cli
from xl_retention.errors import NotANumberError
from xl_retention.workbook import build_template

HINT = "(a number stored as text: type it as a number)"


def test_python_says_the_value_is_text() -> None:
    with pytest.raises(NotANumberError) as caught:
        xr.nps([10, 9, " 1,200 "])
    assert str(caught.value) == f"scores must be a number, got the text ' 1,200 ' {HINT} at position 2"
    with pytest.raises(NotANumberError) as caught:
        xr.nps([10, 9, "n/a"])
    assert str(caught.value) == "scores must be a number, got 'n/a' at position 2"  # no number: as before


def test_the_tracker_names_the_cell_and_says_text(tmp_path, capsys) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(book)
    triangle = [[1000, 631, 468, 382, 326, 289], [900, 560, 420, 340, 290], [950, 600, 450, 370], [1000, 640, 470],
                [980, 610], [1000]]  # fmt: skip
    for i, row in enumerate(triangle):
        for k, value in enumerate(row):
            wb["Cohorts"].cell(4 + i, 2 + k, value)
    wb["Cohorts"]["D5"] = "420"
    wb.save(book)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e["reason"] for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]}
    fit = [a for a in errors if a.startswith("Cohorts!")][0]
    assert errors[fit] == f"SBG_FIT: survivors must be a number, got the text '420' {HINT} in Cohorts!D5 (#VALUE!)"
