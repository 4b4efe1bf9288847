"""Ids held in a workbook's number cells with a fraction of 15 significant digits are what Excel keeps of a longer id
(GA4's user_pseudo_id 1839201823.1712345678 saved from Excel is 1839201823.17123): visitors that differed were read as
one, exit 0 (H188 finding 07: 1 January visitor for 3). They are refused naming the column and rows, as ids of more
than 15 digits are; an id with a short fraction is not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal, run


def _visits(tmp_path: Path, ids: list[float]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ga4"
    sheet.append(["event_date", "user_pseudo_id"])
    for day, visitor in enumerate(ids, start=3):
        sheet.append([f"2026-01-{day:02d}", visitor])
    path = tmp_path / "ga4.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_ids_cut_to_15_digits_by_excel_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = _visits(tmp_path, [1839201823.17123, 1839201823.17123, 2039201823.17123])
    args = ["--visits", str(path), "--columns", "visitor_id=user_pseudo_id,date=event_date", "--backend", backend]
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "t")) == (
        "ga4.xlsx, column 'user_pseudo_id': visitor ids held as numbers with a fraction of 15 significant digits, all "
        "Excel keeps of a longer number (the last digits are lost, and ids that differed read as one) in rows 2, 3, 4 "
        "of sheet 'ga4': 1839201823.17123, 1839201823.17123, 2039201823.17123: give the column as text (in Excel, "
        "format it as Text before pasting the ids), or export it again from the source system"
    )


def test_ids_with_a_short_fraction_are_read(tmp_path: Path) -> None:
    path = _visits(tmp_path, [101.5, 102.5, 101.5])
    out = run(tmp_path, "--visits", path, "--columns", "visitor_id=user_pseudo_id,date=event_date")
    assert (out / "visits.csv").read_text().splitlines()[1].startswith("2026-01,2,")
