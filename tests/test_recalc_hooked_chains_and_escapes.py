"""With the hooks of H179's request (rewrite.rewrite, rewrite_shapes._candidate, formula_texts.may_need_rewrite):
=A1+...+A300 is computed (H173 finding 08: listed, file incomplete), Excel's final + or - rule still applies to a long
chain, and a table column named "A[b" (written H[[A'[b]]) is its column (H173 finding 10 variant: #NAME?)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_a_long_chain_is_computed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 301):
        sheet.cell(row, 1, row)
    sheet["B1"] = "=" + "+".join(f"A{k}" for k in range(1, 251))
    sheet["B2"] = "=" + "+".join(f"A{k}" for k in range(1, 301))
    sheet["B3"] = "=B2*2"
    sheet["B4"] = "=0.1+0.2" + "+0" * 297 + "-0.3"  # Excel's final - : exactly 0
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert result.unsupported == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "B2", "B3", "B4")] == [31375, 45150, 90300, 0]


def test_an_escaped_left_bracket_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T"
    sheet.append(["A]b", "A[b", "x#y", "Calc"])
    for row in ([1, 4, 7], [2, 5, 8], [3, 6, 9]):
        sheet.append([*row, "=[@[A'[b]]*10+H[@[x'#y]]"])
    sheet.add_table(Table(displayName="H", ref="A1:D4"))
    sheet["E1"] = "=SUM(H[[A'[b]])"
    sheet["E2"] = "=SUM(H[[A']b]:[A'[b]])"
    sheet["E3"] = "=H[[#Headers],[A'[b]]"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["T"]
    assert [out[ref].value for ref in ("E1", "E2", "E3")] == [15, 21, "A[b"]
    assert [out[f"D{row}"].value for row in (2, 3, 4)] == [47, 58, 69]
