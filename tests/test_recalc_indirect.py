"""INDIRECT beside a cell without a current value: only the INDIRECTs that may read it are left uncomputed."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.embedded import compute


def _workbook(path: Path) -> Path:
    """S: A1 = 5, A2 = 7, Z3 = FORECAST.ETS (the engine lacks it; openpyxl stores no value: no current value)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["X1"], ws["X2"], ws["D1"], ws["D2"] = 5, 7, 1, 2, "S", "Z"
    ws["Z3"] = "=_xlfn.FORECAST.ETS(3,A1:A2,X1:X2)"
    ws["B1"] = '=INDIRECT("A1")*2'  # typed text naming A1
    ws["C1"] = '=INDIRECT("S!A2")+1'
    ws["E1"] = '=INDIRECT("\'"&D1&"\'!A2")*3'  # text computed from cells: 'S'!A2
    ws["F1"] = '=SUM(INDIRECT("S!Z1:Z5"))'  # covers Z3: a reader
    ws["G1"] = '=INDIRECT(D2&"3")'  # Z3, computed: a reader
    ws["H1"] = '=INDIRECT("R1C1",FALSE)'  # R1C1 style: cannot be told, assumed to read it
    other = wb.create_sheet("T")
    other["A1"] = "=INDIRECT(\"'S'!A1:A2\")"  # another sheet's typed range, not Z3
    wb.save(path)
    return path


def test_only_the_indirects_that_may_read_a_cell_without_a_value_are_left_uncomputed(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ind.xlsx")
    computed = compute(path)
    values = computed.values["S"]
    assert (values["B1"], values["C1"], values["E1"]) == (10, 8, 21)
    assert computed.values["T"]["A1"] == 5  # =INDIRECT("'S'!A1:A2") in one cell: its first value
    unsupported = {(u.sheet, u.ref): u.reason for u in computed.unsupported}
    assert set(unsupported) == {("S", "Z3"), ("S", "F1"), ("S", "G1"), ("S", "H1")}
    assert unsupported[("S", "F1")] == (
        "reads S!Z3 (FORECAST.ETS), which has no current value (the embedded engine cannot compute it)"
    )
    report = recalc_file(path, tmp_path / "out" / "ind.xlsx")
    assert report.status == "incomplete"
    assert sorted(u.address for u in report.unsupported) == ["S!F1", "S!G1", "S!H1", "S!Z3"]
