"""recalc does not call upgrade's own note on an early tracker's Dashboard a figure typed over (H435's finding 04).

``upgrade`` of a first-template tracker (tests/data/template_2026-11-22_8b3d91a7.xlsx: its "Purchases and visits" has
no repeat purchasers) writes 'not tracked here' in the Dashboard's repeat purchase rate (F4), saying so. The next
recalc said "1 value typed over the Dashboard's formulas: Dashboard!F4 (Repeat purchase rate) is 'not tracked here',
typed over its formula ... copy the formula of the same cell of a new tracker's Dashboard", untrue (nobody typed it)
and harmful (a new tracker's formula reads a name this tracker does not have). A figure the user types over F4 is
still named.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from typed_tracker import cli_output, typed_in_place

from xl_retention.recalculation import recalc_file

EARLY = Path(__file__).parent / "data" / "template_2026-11-22_8b3d91a7.xlsx"
CUSTOMERS = {"B2": 100, "C2": 10, "D2": 104, "C3": 12, "D3": 110}


def _upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "early.xlsx"
    shutil.copy(EARLY, path)
    typed_in_place(path, {"Customers": CUSTOMERS})
    assert "says 'not tracked here'" in cli_output("upgrade", str(path))
    return path


def test_upgrades_note_is_no_figure_typed_over(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    assert "typed over the Dashboard" not in report.message
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["Dashboard"]["F4"].value == "not tracked here"


def test_a_figure_typed_over_the_rate_is_still_named(tmp_path: Path) -> None:
    path = _upgraded(tmp_path)
    typed_in_place(path, {"Dashboard": {"F4": 0.25}})
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert "Dashboard!F4 (Repeat purchase rate) is 0.25, typed over its formula" in report.message
