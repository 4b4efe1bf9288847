"""A loop cell of an iterative workbook keeps Excel's stored value only while that value still solves the loop with the
inputs now (H199's finding 04).

Interest on the average balance (D =$B$1/12*(B+E)/2, E =B+C+D, the next month opening at E): Excel saved it for a
cash flow C3 of -400, and a program keeping the stored values wrote 400. Every balance kept the stored value (E3
608.04 beside open 1000 + cash flow 400 + interest 8.04) with status ok, by the rule meant for a time stamp
(=IF(A7<>"",IF(B7="",NOW(),B7),""), which Excel keeps by iterating from its stored value). One step of E3's formula
from the stored values gives 1408.04: not a solution, so Excel would move on; E3, and the loop cells reading it (the
next month's D4 and E4 through B4), are listed, not kept. A time stamp gives back its stored value: kept.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

STAMP = 45000.5  # the time stamp Excel recorded


def _solution(cash_flow: float) -> dict[str, float]:
    """The loop's values for C3 = ``cash_flow`` and C4 = 100 (1% a month on the average balance)."""
    close3 = (1000 + cash_flow + 0.005 * 1000) / 0.995
    close4 = (close3 + 100 + 0.005 * close3) / 0.995
    return {
        "D3": 0.005 * (1000 + close3),
        "E3": close3,
        "B4": close3,
        "D4": 0.005 * (close3 + close4),
        "E4": close4,
        "B7": STAMP,
    }


def _saved(tmp_path: Path, cash_flow: float) -> Path:
    """Iterative workbook saved by Excel for C3 = -400, C3 holding ``cash_flow`` now."""
    book = openpyxl.Workbook()
    book.calculation.iterate, book.calculation.iterateCount, book.calculation.iterateDelta = True, 100, 1e-6
    sheet = book.active
    sheet.title = "Cash"
    sheet["B1"], sheet["B3"], sheet["C3"], sheet["C4"], sheet["A7"] = 0.12, 1000, cash_flow, 100, "done"
    for row in (3, 4):
        sheet[f"D{row}"] = f"=$B$1/12*(B{row}+E{row})/2"
        sheet[f"E{row}"] = f"=B{row}+C{row}+D{row}"
    sheet["B4"] = "=E3"
    sheet["B7"] = '=IF(A7<>"",IF(B7="",NOW(),B7),"")'
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in _solution(-400).items():
                    data, count = re.subn(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/>'.encode(),
                        rb"\1<v>" + repr(value).encode() + b"</v>",
                        data,
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


def test_loop_values_of_the_old_inputs_are_listed(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path, 400), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u for u in result.unsupported}
    assert sorted((address, u.kept) for address, u in listed.items()) == [
        ("Cash!B4", False),
        ("Cash!B7", True),  # the time stamp reads nothing that changed: kept
        ("Cash!D3", False),
        ("Cash!D4", False),
        ("Cash!E3", False),
        ("Cash!E4", False),
    ]
    reason = listed["Cash!E3"].reason
    assert "its stored value 608.040201005025" in reason  # 1000 - 400 and interest, not 1000 + 400
    assert reason.endswith(" no longer solves the loop: one step from it with the inputs now gives 1408.0402010050252 "
                           "(the file's values predate its inputs)")  # fmt: skip
    assert listed["Cash!D4"].reason.endswith(
        "it reads Cash!E3, whose stored value no longer solves the loop (the file's values predate its inputs)"
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Cash"]
    assert [out[ref].value for ref in ("D3", "E3", "B4", "D4", "E4", "B7")] == [None] * 5 + [STAMP]


def test_loop_values_of_the_inputs_now_are_kept(tmp_path: Path) -> None:
    result = recalc_file(_saved(tmp_path, -400), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [(u.address, u.kept) for u in result.unsupported] == [("Cash!B7", True)]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Cash"]
    assert out["B7"].value == STAMP
    assert abs(out["E4"].value - _solution(-400)["E4"]) < 1e-4
