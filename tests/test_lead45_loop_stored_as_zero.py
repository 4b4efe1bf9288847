"""A loop of an iterative workbook whose every stored value is 0 starts where the engine starts (H468's finding 01).

B1 =B3-B2, B2 =0.2*B1, Excel's stored values 0 from before B3 = 100 was typed (manual calculation): recalc listed
B1 and B2 (and B8 reading B1) 'Excel iterates from the value it stored ..., the embedded engine from blank cells,
which gives another value here', status incomplete, the cells left empty. A stored 0 is the blank cells' start:
Excel's next iteration is the engine's. Gauss-Seidel from 0 with iterateDelta 0.001: B1 100, 80, 84, 83.2, 83.36,
83.328, 83.3344, 83.33312, 83.333376 (a change of 0.000256 < 0.001: stop), B2 = 0.2 x B1. A loop with one stored
value other than 0 (a time stamp, a solution of other inputs) is still listed.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def _saved(tmp_path: Path, stored: dict[str, float]) -> Path:
    """The loop with B3 = 100 typed, ``stored`` the values Excel stored for B1 and B2 before it."""
    book = openpyxl.Workbook()
    book.calculation.iterate, book.calculation.iterateCount, book.calculation.iterateDelta = True, 100, 0.001
    book.calculation.calcMode = "manual"
    sheet = book.active
    sheet.title = "S"
    sheet["B3"], sheet["B1"], sheet["B2"], sheet["B8"] = 100, "=B3-B2", "=0.2*B1", "=B1*2"
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "loop.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in {**stored, "B8": 2 * stored["B1"]}.items():
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(),
                        rb"\1<v>" + repr(value).encode() + b"</v>",
                        data,
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


def test_a_loop_stored_as_0_is_computed_from_there(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path, {"B1": 0, "B2": 0}), tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.unsupported) == ("ok", [])
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert sheet["B1"].value == pytest.approx(83.333376, abs=1e-12)
    assert sheet["B2"].value == pytest.approx(16.6666752, abs=1e-12)
    assert sheet["B8"].value == pytest.approx(166.666752, abs=1e-12)


def test_a_loop_with_one_stored_value_not_0_is_still_listed(tmp_path: Path) -> None:
    # 0 and 50: not the blank cells' start, nor a solution with B3 = 100: Excel iterates from 50 (B8 reads B1)
    result = recalc_file(_saved(tmp_path, {"B1": 0, "B2": 50}), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = sorted(u.address for u in result.unsupported if u.function == "circular reference")
    assert listed == ["S!B1", "S!B2", "S!B8"]
