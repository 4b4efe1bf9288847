"""recalc types in ISFORMULA/FORMULATEXT's answers only in formulas calling one (issue 14, speed).

Before: every formula whose text held "FORMULA" anywhere went through :func:`.formula_facts.formula_facts`, which
tokenizes it with openpyxl's Python tokenizer: on the 120-month tracker one note of Lifetime value (38,014 characters
as the engine holds it, "formula" in its words), none calling either function. Now only a formula calling ISFORMULA( or
FORMULATEXT( is read; their answers are as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import embedded, recalc_file


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formulas given to formula_facts (the real function, each call recorded)."""
    seen: list[str] = []
    formula_facts = embedded.formula_facts

    def recorded(formula: str, *args: object) -> str:
        seen.append(formula)
        return formula_facts(formula, *args)

    monkeypatch.setattr(embedded, "formula_facts", recorded)
    return seen


def test_only_formulas_calling_isformula_or_formulatext_are_read(tmp_path: Path, read: list[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 5
    sheet["B1"] = "=A1*2"
    sheet["C1"] = '=IF(A1>0,"this formula reads A1","")'  # "formula" in a note: no call
    sheet["C2"] = "=_xlfn.ISFORMULA(B1)"
    sheet["C3"] = "=_xlfn.formulatext(B1)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok"
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("C1", "C2", "C3")] == ["this formula reads A1", True, "=A1*2"]
    assert len(read) == 2 and all("FORMULA" in formula.upper() for formula in read)
    assert not any("this formula" in formula for formula in read)
