"""recalc looks for a union of references hidden behind IFERROR only in formulas that may hold one (issue 14, speed).

Before: :func:`.hidden_constructs.hidden_constructs` took every defined name whose formula holds a comma for a union
(the tracker's LTV_MRR_Run_Row, ``IFERROR(LOOKUP(2,...),...)``, whose commas part a function's arguments), and a
bracket and a comma inside a text (``" (HERE ..., ..."``, a note) for a union's list: each formula reading such a
name or holding such a note was tokenized by openpyxl's Python tokenizer (on the 120-month tracker, two of 40,710 and
64,761 characters among seven, about 0.1 s of its recalc). Now a name holds a union where a comma stands outside
every function's brackets (texts, quoted sheet names and array constants left out), and a note's brackets are no
union's: the same cells are listed, with the same reasons and values, and fewer formulas are tokenized.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import hidden_constructs, recalc_file


@pytest.fixture
def tokenized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The engine formulas hidden_constructs reads token by token (its real _construct, each call recorded)."""
    seen: list[str] = []
    construct = hidden_constructs._construct

    def recorded(formula: str, lacking: object, sheets: list[str]) -> tuple[str, str] | None:
        seen.append(formula)
        return construct(formula, lacking, sheets)

    monkeypatch.setattr(hidden_constructs, "_construct", recorded)
    return seen


def test_only_formulas_that_may_hold_a_union_are_tokenized(tmp_path: Path, tokenized: list[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 1, "A2": 2, "C1": 3, "C2": 4}.items():
        sheet[ref] = value
    formulas = {
        "D1": "=IFERROR(Run_Row+1,-1)",  # a name whose commas part LOOKUP's and ROW's arguments
        "D2": '=IF(A1>0," (SEE A1, C1)",0)',  # a note with a bracket and a comma
        "D3": "=IFERROR(SUMPRODUCT(Pair),-1)",  # a name of two areas, as Excel saves a Ctrl selection
        "D4": "=IFERROR(N(Pair),-1)",
        "D5": '=IFERROR(SUMPRODUCT((A1:A2,C1:C2)),-1)&" (NOTE, HERE)"',  # a typed union beside a note
    }
    for ref, formula in formulas.items():
        sheet[ref] = formula
    run_row = 'IFERROR(LOOKUP(2,1/(S!$A$1:$A$2<>""),ROW(S!$A$1:$A$2)),0)'
    book.defined_names["Run_Row"] = DefinedName("Run_Row", attr_text=run_row)
    book.defined_names["Pair"] = DefinedName("Pair", attr_text="S!$A$1:$A$2,S!$C$1:$C$2")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert {u.address: (u.function, u.reason) for u in result.unsupported} == {
        "S!D3": (
            "union of references",
            "the embedded engine cannot compute SUMPRODUCT over the union of references (S!$A$1:$A$2,S!$C$1:$C$2)",
        ),
        "S!D4": (
            "union of references",
            "the embedded engine cannot compute N over the union of references (S!$A$1:$A$2,S!$C$1:$C$2)",
        ),
        "S!D5": (
            "union of references",
            "the embedded engine cannot compute SUMPRODUCT over the union of references (A1:A2,C1:C2)",
        ),
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["D1"].value, out["D2"].value) == (3, " (SEE A1, C1)")  # LOOKUP's last row 2, + 1
    assert len(tokenized) == 3  # D3, D4 and D5: not D1 (no union in Run_Row) nor D2 (its brackets in a text)
    assert not any("LOOKUP" in formula or "SEE A1" in formula for formula in tokenized)
