"""ROWS/COLUMNS of an expression over several cells is looked for once per shape of formula (issue 14, speed).

Before: :func:`.counted_expressions.counted_expressions` tokenized every formula calling ROWS or COLUMNS with
openpyxl's Python tokenizer: 238 on the 120-month tracker, filled down its monthly sheets. Whether such a formula
counts an expression (an operator beside a range, a name or a call) reads no row number, so it is now decided once
per shape (every row number 0) and only a shape that may is read formula by formula, for its own words: the same
cells are listed, with the same reasons.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import counted_expressions, recalc_file


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formulas counted_expression reads token by token (the real function, each call recorded)."""
    seen: list[str] = []
    counted_expression = counted_expressions.counted_expression

    def recorded(formula: str) -> tuple[str, str] | None:
        seen.append(formula)
        return counted_expression(formula)

    monkeypatch.setattr(counted_expressions, "counted_expression", recorded)
    return seen


def test_rows_of_an_expression_is_decided_once_per_shape(tmp_path: Path, read: list[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 21):
        sheet[f"A{row}"] = row
        sheet[f"B{row}"] = f"=ROWS($A$1:A{row})"  # a range alone: computed, 1 to 20
    for row in range(1, 4):
        sheet[f"C{row}"] = f"=ROWS(A{row}:A{row + 2}*1)"  # an expression over three cells: listed
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reason = counted_expressions.REASON.format(name="ROWS", argument="{}")
    assert {u.address: (u.function, u.reason) for u in result.unsupported} == {
        f"S!C{row}": ("ROWS", reason.format(f"A{row}:A{row + 2}*1")) for row in range(1, 4)
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"B{row}"].value for row in range(1, 21)] == list(range(1, 21))
    assert read == ["ROWS($A$0:A0)", "ROWS(A0:A0*1)", "ROWS(A1:A3*1)", "ROWS(A2:A4*1)", "ROWS(A3:A5*1)"]
