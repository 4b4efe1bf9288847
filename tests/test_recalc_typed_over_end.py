"""An MRR at end typed over its formula unlike its row's start and movements makes the file incomplete (H172's
finding 08), as a start typed unlike the month before's end does.

Revenue!H3 (February's MRR at end) typed as 99,999 where its start 1,000, New 100 and Churned 50 give 1,050: every
later month starts from it (the Dashboard's MRR at end was built on it) and the file was ok, exit 0, with only the
cell named. A value typed as the row gives it stays ok, named.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

ADVICE = (
    "copy the column's formula from another month's row over each (import puts them back for the months it imports)"
)
#: Revenue: B start (January's typed), C new, G churned, H MRR at end
TYPED = {"B2": 1000, "C2": 100, "G2": 50, "C3": 100, "G3": 50, "C4": 10}


def _recalc(tmp_path: Path, capsys, end: float) -> tuple[int, dict, openpyxl.Workbook]:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for ref, value in {**TYPED, "H3": end}.items():
        wb["Revenue"][ref] = value
    wb.save(path)
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return code, report, openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)


def test_an_end_typed_unlike_its_movements_is_named_and_not_ok(tmp_path, capsys):
    code, report, wb = _recalc(tmp_path, capsys, 99999)
    assert (code, report["status"]) == (1, "incomplete")
    assert report["message"] == (
        "t.xlsx: 1 value typed over the tracker's formulas, from which those months' figures are computed: "
        f"Revenue!H3 (MRR at end) is 99999, typed over its formula, while its row's start and movements give 1100: "
        f"{ADVICE}"
    )
    assert wb["Revenue"]["B4"].value == 99999  # March starts from what is typed, as Excel does


def test_an_end_typed_as_its_movements_give_it_is_named_but_ok(tmp_path, capsys):
    code, report, _ = _recalc(tmp_path, capsys, 1100)
    assert (code, report["status"]) == (0, "ok")
    assert report["message"] == (
        "t.xlsx: 1 value typed over the tracker's formulas, from which those months' figures are computed: "
        f"Revenue!H3 (MRR at end) is 1100, typed over its formula: {ADVICE}"
    )
