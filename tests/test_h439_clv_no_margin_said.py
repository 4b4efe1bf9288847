"""The Dashboard's CLV row says why it is empty when the gross margin is (H427's finding 01).

A tracker with customers and revenue typed (churn 4.49%, ARPA 10.65) and no gross margin (Lifetime value!B4 blank):
Lifetime value!C8 said "Type the gross margin (B4) to see the lifetime values.", but the Dashboard's CLV row
(B9:C9, E9) was empty without a word. E9, the note beside the CLV, now says
"No CLV until the gross margin is typed: see 'Lifetime value'!B4"; once it is typed, the CLV is there and E9 is
blank again. ``upgrade`` gives an earlier tracker's E9 (the note of the ARPA alone) this version's, in place.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.figure_notes import ARPA_NOTE, ARPA_NOTE_BEFORE

SAID = "No CLV until the gross margin is typed: see 'Lifetime value'!B4"


def _tracker(folder: Path, name: str, margin: float | None = None, earlier: bool = False) -> Path:
    """Three months from 2026-01: customers 100 -> 105, 108, 110; MRR 1,000 -> 1,080, 1,150 (February's end); the
    gross margin ``margin``; ``earlier``: E9 as the template wrote it before."""
    path = build_template(folder / f"{name}.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 100, 1000
    for row, (gained, end) in zip((2, 3, 4), ((10, 105), (8, 108), (6, 110)), strict=True):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    for row, moves in ((2, (100, 20, 0, 10, 30)), (3, (80, 10, 5, 5, 20))):
        for column, amount in zip("CDEFG", moves, strict=True):
            revenue[f"{column}{row}"] = amount
    wb["Lifetime value"]["B4"] = margin
    if earlier:
        wb["Dashboard"]["E9"] = ARPA_NOTE_BEFORE
    wb.save(path)
    return path


def _figures(path: Path, folder: Path) -> dict[str, object]:
    report = recalc_file(path, folder / f"{path.stem}.out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    wb = openpyxl.load_workbook(report.output, data_only=True)
    dash, ltv = wb["Dashboard"], wb["Lifetime value"]
    return {
        "B9": dash["B9"].value,
        "C9": dash["C9"].value,
        "E9": dash["E9"].value,
        "ARPA": round(ltv["B3"].value, 4),
        "churn": round(ltv["B5"].value, 6),
        "C8": ltv["C8"].value,
    }


def test_no_margin_is_said_beside_the_clv(tmp_path: Path) -> None:
    got = _figures(_tracker(tmp_path, "blank"), tmp_path)
    assert got == {
        "B9": None,
        "C9": None,
        "E9": SAID,
        "ARPA": 10.6481,  # 1,150 / 108 (Revenue stops in February)
        "churn": 0.044885,  # 5/100, 5/105 and 4/108 averaged (January to March)
        "C8": "Type the gross margin (B4) to see the lifetime values.",
    }


def test_a_typed_margin_gives_the_clv_and_no_note(tmp_path: Path) -> None:
    got = _figures(_tracker(tmp_path, "typed", margin=0.8), tmp_path)
    assert round(got["B9"], 2) == 156.76  # 10.6481 x 0.8 x 1.01 / (0.01 + 0.044885)
    assert got["E9"] == "The CLV's ARPA is 2026-02's: Revenue stops there (see 'Lifetime value'!B3)"
    assert got["C8"] is None


def test_a_fresh_template_says_nothing(tmp_path: Path) -> None:
    path = build_template(tmp_path / "fresh.xlsx", start="2026-01", months=3)
    report = recalc_file(path, tmp_path / "fresh.out.xlsx", engine="embedded")
    assert openpyxl.load_workbook(report.output, data_only=True)["Dashboard"]["E9"].value is None


@pytest.mark.parametrize("earlier", [True, False])
def test_upgrade_brings_the_note(tmp_path: Path, earlier: bool) -> None:
    path = _tracker(tmp_path, "earlier", earlier=earlier)
    assert _figures(path, tmp_path)["E9"] == (None if earlier else SAID)  # what the finding saw
    cli.main(["upgrade", str(path)])
    wb = openpyxl.load_workbook(path)
    assert wb["Dashboard"]["E9"].value == ARPA_NOTE
    assert wb["Lifetime value"]["B4"].value is None and wb["Revenue"]["C3"].value == 80  # typed figures kept
    assert _figures(path, tmp_path)["E9"] == SAID
