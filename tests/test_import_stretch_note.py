"""An import that adds months says which formulas of the user's it widened to them (H59: a 'Q1 total' changed
meaning silently)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from xl_retention.workbook.template import build_template


def test_formulas_of_yours_widened_to_the_added_months_are_listed(tmp_path: Path) -> None:
    tracker = tmp_path / "t.xlsx"
    build_template(tracker, start="2026-01", months=3)
    book = openpyxl.load_workbook(tracker)
    mine = book.create_sheet("Mine")
    mine["A1"] = "=SUM(Customers!C2:C4)"  # a total over the months: widened, and said
    mine["A2"] = "=Customers!C4"  # one month: left alone
    book.save(tracker)
    rows = ["customer_id,month,mrr"] + [f"c{c},2026-0{m},10" for m in range(1, 7) for c in range(m)]
    (tmp_path / "subs.csv").write_text("\n".join(rows) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--subscriptions", "subs.csv", "--into", "t.xlsx"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        "1 formula(s) of yours over the months now take in the months added: Mine!A1 =SUM(Customers!C2:C4) -> "
        "=SUM(Customers!C2:C7) (a range that ended at the last month; change it back where it was meant for those "
        "months only)\n"
    ) in result.stdout
    sheet = openpyxl.load_workbook(tracker)["Mine"]
    assert (sheet["A1"].value, sheet["A2"].value) == ("=SUM(Customers!C2:C7)", "=Customers!C4")
