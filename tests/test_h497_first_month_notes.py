"""H490's finding 03: 'Start here'!A21 said "The first month with data has no customers or MRR at its start: its rates
are blank" and 'Lifetime value'!A16 "(the first month with data has none)", untrue of the demo (README's first
command) and of a tracker filled by hand: their first month's start is typed and it has a CRR and a churn rate.
Both notes now say it of an import's first month, which starts from no customers."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli


def test_the_notes_beside_a_first_month_with_rates_are_true(tmp_path: Path, capsys) -> None:
    assert cli.main(["demo", str(tmp_path / "d.xlsx"), "--months", "3", "--start", "2024-12"]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(tmp_path / "d.xlsx", data_only=True)
    first = [cell.value for cell in book["Customers"][2][:7]]
    assert first[1:] == [480, 39, 506, 13, 0.9729166666666667, 0.027083333333333334]  # a start, a CRR, a churn rate
    assert book["Start here"]["A21"].value == (
        "An import's first month starts from no customers: its rates are blank, not #DIV/0!; a typed start gives rates."
    )  # was: "The first month with data has no customers or MRR at its start: its rates are blank, not #DIV/0!."
    assert book["Lifetime value"]["A16"].value == (
        "The churn is the average of the last 12 months that have a churn rate (an import's first month has none)."
    )  # was: "... (the first month with data has none)."
