"""A Month column filled by formulas (``=EDATE(A2,1)`` copied down, Google Sheets' ARRAYFORMULA kept by its download
as ``__xludf.DUMMYFUNCTION``) saved without stored results (H332's finding 10).

recalc said "Customers!A3 ('Month') is blank while its row holds figures" (A3 computes to 2025-02-01); extend and
import took the tracker for a one-month one and advised to "move the figures of rows 3 on out, delete those rows":
11 months of figures. recalc now reads the months as computed; extend and import refuse naming the formulas and
saying to paste them as values, never to delete rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

GOOGLE = '=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),{})'
SERIALS = [45658, 45689, 45717, 45748, 45778, 45809, 45839, 45870, 45901, 45931, 45962, 45992]


def _tracker(tmp_path: Path, google: bool) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 105), (12, 110), (8, 112), (15, 120), (9, 121), (11, 125)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    for row in range(3, 14):
        c.cell(row, 1).value = GOOGLE.format(SERIALS[row - 2]) if google else f"=EDATE(A{row - 1},1)"
    wb.save(path)
    return path


@pytest.mark.parametrize("google", [False, True])
def test_recalc_reads_months_of_formulas_as_computed(tmp_path, capsys, google):
    path = _tracker(tmp_path, google)
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (code, report["status"], report["message"]) == (0, "ok", "")
    wb = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)
    assert wb["Customers"]["F7"].value == (125 - 11) / 121  # June's CRR, 94.2%


def test_extend_refuses_naming_the_formulas_never_advising_to_delete_rows(tmp_path, capsys):
    path = _tracker(tmp_path, google=True)
    assert cli.main(["extend", str(path), "--months", "2"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "xl-retention: error: Customers!A3:A13 hold formulas in the Month column ('=IFERROR(__xludf.DUMMYFUNCTION"
        "(\"\"\"COMPUT' (Google Sheets' ARRAYFORMULA, which its download keeps as a fixed value)) where the tracker's "
        "months are dates (its months run to row 13): the months are read as typed dates; paste them as values (copy "
        "the column, then Paste Special > Values; Google Sheets: Paste special > Values only), keeping every row and "
        "figure, and run again\n"
    )
    assert "delete" not in err
