"""An import that adds months says which formulas of the user's it widened to them (H59: a 'Q1 total' changed
meaning silently)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from added_months import import_into


def test_formulas_of_yours_widened_to_the_added_months_are_listed(tmp_path: Path) -> None:
    mine = {
        "A1": "=SUM(Customers!C2:C4)",  # a total over the months: widened, and said
        "A2": "=Customers!C4",  # one month: left alone
    }
    result = import_into(tmp_path, mine)
    tracker = tmp_path / "t.xlsx"
    assert result.returncode == 0, result.stderr
    assert (
        "1 formula(s) of yours over the months now take in the months added: Mine!A1 =SUM(Customers!C2:C4) -> "
        "=SUM(Customers!C2:C7) (a range that ended at the last month; change it back where it was meant for those "
        "months only)\n"
    ) in result.stdout
    sheet = openpyxl.load_workbook(tracker)["Mine"]
    assert (sheet["A1"].value, sheet["A2"].value) == ("=SUM(Customers!C2:C7)", "=Customers!C4")
