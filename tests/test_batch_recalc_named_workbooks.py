"""A folder's workbook of the user's named NAME.recalc.xlsx (H169 finding 01) was left out by its name alone, and the
folder was said to hold 'no .xlsx or .xlsm files' (exit 1). An earlier result of this command is told by the line its
zip comment carries (README: outputs are recognised by it), not by its name: such a result is still left out, a
workbook only named so is recalculated.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc


def test_a_workbook_only_named_like_a_result_is_recalculated_and_a_result_is_not(tmp_path: Path) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=CRR(95,10,100)"
    wb.save(folder / "plan.recalc.xlsx")  # the user's own, named so
    report = recalc(folder)
    assert report.ok, report.message
    assert [Path(f.path).name for f in report.files] == ["plan.recalc.xlsx"]
    result = folder / "plan.recalc.recalc.xlsx"
    assert openpyxl.load_workbook(result, data_only=True).active["A1"].value == 0.85
    again = recalc(folder)  # the result written beside it is this command's: left out, its input done again
    assert [Path(f.path).name for f in again.files] == ["plan.recalc.xlsx"]
