"""recalc's look for an IF inside SUMPRODUCT, INDEX's area, LOOKUP's arrays (a classic formula) walks the brackets
without openpyxl's tokenizer where it can (issue 14, speed).

Before: every distinct formula holding an IF and one of those functions was tokenized by openpyxl's Python tokenizer:
on the 120-month tracker 47 formulas (35,151 characters, about 0.035 s), none with an IF inside such an argument.
Now :func:`.classic_if._may_open_if` walks their brackets with one pattern first and the tokenizer reads only those
where an IF may open inside one (or whose brackets a structured reference or a quoted sheet name may hide): the same
cells are listed, with the same reason.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import classic_if, recalc_file


@pytest.fixture
def tokenized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formulas classic_if reads with openpyxl's tokenizer to tell whether an IF nests (its real function)."""
    seen: list[str] = []
    may_nest_if = classic_if._may_nest_if

    def recorded(formula: str) -> bool:
        seen.append(formula)
        return may_nest_if(formula)

    monkeypatch.setattr(classic_if, "_may_nest_if", recorded)
    return seen


def test_only_formulas_where_an_if_may_nest_are_tokenized(tmp_path: Path, tokenized: list[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 6):
        sheet[f"C{row}"] = row * 5
    sheet["A12"] = "=SUMPRODUCT(IF(C1:C5>10,1,0))"  # Excel: #VALUE! in row 12 (IF needs Ctrl+Shift+Enter there)
    sheet["A13"] = "=INDEX(C1:C5,IF(C1>0,2,3))"  # IF in INDEX's row number: one value, no array
    sheet["A14"] = '=IF(SUMPRODUCT(C1:C5)>0,"(INDEX(IF( here)","")'  # the IF outside; INDEX(IF( in a text
    sheet["A15"] = "=LOOKUP(2,1/(C1:C5>0),C1:C5)+IF(C1>0,1,0)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert {u.address: (u.function, u.reason) for u in result.unsupported} == {
        "S!A12": ("IF", classic_if.REASON.format(outer="SUMPRODUCT")),
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["A13"].value, out["A14"].value, out["A15"].value) == (10, "(INDEX(IF( here)", 26)
    assert tokenized == ["SUMPRODUCT(IF(A1:A1>10,1,0))"]  # A12's skeleton alone
