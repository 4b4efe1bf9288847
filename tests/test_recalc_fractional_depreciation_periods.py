"""DDB and DB of a period that is not a whole number are listed, not given a guess.

Microsoft's DDB and DB pages say only that the period uses the life's units ("Period must use the same units as
life") and that the arguments are positive; neither says what Excel does with ``DDB(2400,300,10,1.5)``, and no
workbook saved by Excel settles it (open-source engines disagree: some truncate the period, others depreciate part
of one). The engine answered 480 (period 1) with status ok, the project's DB truncated as well. Whole periods keep
the pages' own examples: ``DDB(2400,300,10,1,2)`` 480.00, ``DDB(2400,300,10,10)`` 22.12, and
``DB(1000000,100000,6,2,7)`` 259,639.42.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, cells: dict[str, object]) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {ref: out[ref].value for ref in cells if str(cells[ref]).startswith("=")}


def test_a_fractional_period_is_listed(tmp_path: Path) -> None:
    result, _ = _recalculated(
        tmp_path,
        {
            "A1": 1.5,
            "B1": "=DDB(2400,300,10,1.5)",
            "B2": "=DDB(2400,300,10,A1)",
            "B3": "=DB(1000000,100000,6,1.5,7)",
            "B4": "=SUMPRODUCT(DDB(2400,300,10,{1,2.5}))",
            "B5": "=IFERROR(DDB(2400,300,10,A1),0)",
        },
    )
    assert result.status != "ok"
    listed = sorted(issue.address for issue in result.unsupported)
    assert listed == ["S!B1", "S!B2", "S!B3", "S!B4", "S!B5"], result.unsupported


def test_whole_periods_keep_microsofts_examples(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "A1": 2,
            "A2": "3",  # numeric text in a cell: read as the number, as before
            "B1": "=DDB(2400,300,10,1,2)",
            "B2": "=DDB(2400,300,10,10)",
            "B3": "=DDB(2400,300,10,A1)",
            "B4": "=DDB(2400,300,10,A2)",
            "B5": "=DB(1000000,100000,6,2,7)",
            "B6": "=SUMPRODUCT(DDB(2400,300,10,{1,2}))",
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got["B1"] == 480
    assert got["B2"] == pytest.approx(22.1225472, abs=1e-9)
    assert got["B3"] == 384
    assert got["B4"] == pytest.approx(307.2, abs=1e-9)
    assert got["B5"] == pytest.approx(259639.416666667, abs=1e-6)
    assert got["B6"] == 864
