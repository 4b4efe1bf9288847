"""An ``ok`` file's message is shown on the console too, not in ``--json`` only (H189's finding 06).

Before: a churn rate typed over its formula (Customers!G3, the figure the lifetime value averages) was named in
``recalc --json``'s message while the console (the table, as README's examples run it) and ``extend --recalc`` said
nothing of it: the table's last column shows an ok file's output, and only an incomplete file's reason.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

TYPED = (
    "1 value typed over the tracker's formulas, from which those months' figures are computed: Customers!G3 (Churn "
    "rate) is 0.02, typed over its formula: copy the column's formula from another month's row over each (import "
    "puts them back for the months it imports)"
)


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {"B2": 100, "C2": 10, "D2": 105, "C3": 8, "D3": 108, "G3": 0.02}.items():
        wb["Customers"][ref] = value
    wb.save(path)
    return path


def test_recalc_prints_an_ok_files_message_under_the_table(tmp_path, capsys):
    path = _tracker(tmp_path)
    assert cli.main(["recalc", str(path), "--engine", "embedded", "--output-dir", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert f"t.xlsx: {TYPED}" in lines
    assert "│ ok " in out  # still ok: the typed rate is what the user wants counted, said once


def test_extend_recalc_prints_it_too(tmp_path, capsys):
    path = _tracker(tmp_path)
    assert cli.main(["extend", str(path), "--months", "1", "--recalc"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [f"t.xlsx: {TYPED}", "recalculated 273 formulas (0 in error)"]
