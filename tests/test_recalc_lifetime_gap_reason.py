"""Lifetime value!B5 is the constant #N/A when a month is left blank among the last 12 with a churn rate (5bd8377), C5
naming its customers at end; recalc listed B5, B7 and B8 in error with no reason at all when no other cell of the file
got one (its notes were passed on only then: H189's finding 01). Now C5's note is B5's reason, and B7's and B8's from
B5.
"""

from __future__ import annotations

import json

import openpyxl
from cli_process import run

NOTE = (
    "see Customers!D5: a month between the last 12 with a churn rate has no figures; type its customers gained and at "
    "end."
)


def test_the_note_beside_lifetime_values_churn_is_its_reason(tmp_path):
    book = tmp_path / "gap.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    customers["B2"] = 100
    for r, (gained, end) in enumerate([(10, 105), (8, 108), (5, 104), (None, None), (7, 110), (4, 112)], start=2):
        customers[f"C{r}"], customers[f"D{r}"] = gained, end  # April (row 5) left blank
    customers["B6"] = 104  # May's start typed (its formula reads the blank April)
    wb["Lifetime value"]["B4"] = 0.8
    wb.save(book)
    result = run("recalc", book, "--output-dir", tmp_path / "out", "--json")
    (report,) = json.loads(result.stdout)["files"]
    assert {e["address"]: e["reason"] for e in report["errors"]} == {
        "'Lifetime value'!B5": f"{NOTE} (#N/A)",
        "'Lifetime value'!B7": f"{NOTE} (#N/A), from 'Lifetime value'!B5",
        "'Lifetime value'!B8": f"{NOTE} (#N/A), from 'Lifetime value'!B5",
    }
