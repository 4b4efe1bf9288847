"""A note typed in a row inserted among a hand-kept tracker's months ('Note: price change in April' between March
and April) is said to be no month, to be deleted; the advice named the next row's month ("type the row's month as a
date, 2025-04", April being in the row below: a tester's finding 7, 2026-12-04). A text in a month's own place (the
months skip one there) still gets that month."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _tracker(tmp_path: Path, months: dict[int, object]) -> str:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    for row, value in months.items():
        wb["Customers"][f"A{row}"] = value
    wb.save(path)
    return recalc_file(path, tmp_path / "out.xlsx", engine="embedded").message


def test_a_note_row_between_two_months_is_to_be_deleted(tmp_path: Path) -> None:
    # the rows below the note hold April on (as an inserted row moves them)
    shifted = {row: dt.datetime(2025, row - 2, 1) for row in range(6, 14)}
    message = _tracker(tmp_path, {5: "Note: price change in April", **shifted})
    assert (
        "Customers!A5 ('Month') is the text 'Note: price change in April', not a date, between 2025-03 and 2025-04 "
        "(row 6), which follow each other: the row is no month of the tracker (a note?): delete the row (a note can "
        "go in a comment), as the formulas over the months read it as a month"
    ) in message


def test_a_month_typed_as_text_in_its_place_is_still_given_its_month(tmp_path: Path) -> None:
    message = _tracker(tmp_path, {5: "April"})
    assert "Customers!A5 ('Month') is the text 'April', not a date: type the row's month as a date, 2025-04" in message
