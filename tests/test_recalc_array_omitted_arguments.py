"""An empty argument in an array formula (H107's finding): Excel's default for it, as in a classic formula.

``{=SUBSTITUTE("a-b","-",)}`` (Ctrl+Shift+Enter) gave "a0b" and ``{=TEXTAFTER("abc","x",,,,"nf")}`` #VALUE!, status
ok, where the same formulas typed as classic ones gave Excel's "ab" and "nf": an array formula skipped the rewrite
that gives an empty argument its default (.omitted_arguments)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc


def test_empty_arguments_in_array_formulas_take_excel_s_defaults(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"] = ArrayFormula("A1", '=SUBSTITUTE("a-b","-",)')
    ws["A2"] = ArrayFormula("A2", '=_xlfn.TEXTAFTER("abc","x",,,,"nf")')
    ws["B1"] = '=SUBSTITUTE("a-b","-",)'
    ws["B2"] = '=_xlfn.TEXTAFTER("abc","x",,,,"nf")'
    wb.save(tmp_path / "a.xlsx")
    file = recalc(tmp_path / "a.xlsx", engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "ok", file.message
    got = openpyxl.load_workbook(file.output, data_only=True)["S"]
    assert [got[r].value for r in ("A1", "A2", "B1", "B2")] == ["ab", "nf", "ab", "nf"]
