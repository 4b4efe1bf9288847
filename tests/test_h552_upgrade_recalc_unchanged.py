"""`upgrade --recalc` on a tracker whose formulas are this version's already said "(nothing changed)", exited 0 and
did not recalculate (H544's finding 02): a tracker filled by a script (openpyxl, no stored values) still read None.
`extend --recalc` and `import --into --recalc` of nothing new recalculate; `upgrade --recalc` now does too.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli


def test_upgrade_recalc_of_a_tracker_needing_no_upgrade_recalculates(tmp_path: Path, capsys) -> None:
    path = tmp_path / "t.xlsx"
    assert cli.main(["new", str(path), "--start", "2026-01", "--months", "3"]) == 0
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"], customers["C2"], customers["D2"] = 100, 10, 105
    wb.save(path)
    capsys.readouterr()
    assert cli.main(["upgrade", str(path), "--recalc"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: its formulas are this version's already (nothing changed)\nrecalculated ")
    assert openpyxl.load_workbook(path, data_only=True)["Customers"]["F2"].value == 0.95  # (105 - 10) / 100
