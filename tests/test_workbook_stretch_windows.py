"""A window filled down over a tracker's months is not widened when an import adds months (H59 review of ecc9d2b).

A rolling 3-month average of the user's own, filled down on a sheet of theirs (=AVERAGE(Customers!C5:C7) under
=AVERAGE(Customers!C4:C6)), had its last cell's range stretched to the new last month by an import adding three
months: a 6-month average beside the 3-month ones, exit 0. A range whose end moves with its cell in a formula filled
down (or right) is now left alone; a total over every month (=SUM(Customers!C2:C7), $-anchored ends) still grows.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template
from xl_retention.workbook.stretch import stretch_formula

SUBSCRIPTIONS = "customer_id,mrr,start,end\n" + "".join(f"c{m},10,2026-0{m}-03,\n" for m in range(1, 10))


def test_stretch_formula_leaves_a_filled_window_alone() -> None:
    rows = (7, 10)
    rolling = "=AVERAGE(Customers!C5:C7)"
    assert stretch_formula(rolling, "Customers", rows=rows) == "=AVERAGE(Customers!C5:C10)"  # typed alone
    assert stretch_formula(rolling, "Customers", rows=rows, filled=True) == rolling
    assert stretch_formula("=SUM(Customers!C$2:C7)", "Customers", rows=rows, filled=True) == "=SUM(Customers!C$2:C7)"
    assert stretch_formula("=D7/SUM(Customers!$D$2:$D$7)", "Customers", rows=rows, filled=True) == (
        "=D7/SUM(Customers!$D$2:$D$10)"
    )


def test_a_rolling_average_filled_down_keeps_its_window(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    mine = wb.create_sheet("Mine")
    for row in range(4, 8):  # a 3-month rolling average of the months gained, filled down
        mine[f"B{row}"] = f"=AVERAGE(Customers!C{row - 2}:C{row})"
        mine[f"C{row}"] = f"=SUM(Customers!C$2:C{row})"  # a running total, filled down
    mine["D2"] = "=SUM(Customers!C2:C7)"  # every month: grows
    mine["E2"] = "=AVERAGE(Customers!C5:C7)"  # typed alone: the last 3 months, read as every month from April
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path)
    assert result.returncode == 0, result.stderr
    assert "added months 2026-07 to 2026-09" in result.stdout
    mine = openpyxl.load_workbook(path)["Mine"]
    assert [mine[f"B{r}"].value for r in range(4, 8)] == [
        "=AVERAGE(Customers!C2:C4)",
        "=AVERAGE(Customers!C3:C5)",
        "=AVERAGE(Customers!C4:C6)",
        "=AVERAGE(Customers!C5:C7)",  # was =AVERAGE(Customers!C5:C10): 6 months
    ]
    assert [mine[f"C{r}"].value for r in range(4, 8)] == [f"=SUM(Customers!C$2:C{r})" for r in range(4, 8)]
    assert mine["D2"].value == "=SUM(Customers!C2:C10)"
    assert mine["E2"].value == "=AVERAGE(Customers!C5:C10)"
