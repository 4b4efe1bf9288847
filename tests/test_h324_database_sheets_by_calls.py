"""The formula cells calling a database function are found from each sheet's functions called (issue 14, speed).

Before: :func:`.database_labels.database_texts` (run three times a recalc: the numeric labels, the computed criteria,
the cells listed) looked for each of the twelve names (``DSUM(``, ``DGET(``, ...) in the whole upper-case text of every
sheet's formulas: 0.037 s of the 120-month tracker's recalc, which calls none. Now a sheet is read formula by formula
only where :meth:`.FormulaTexts.called` (its distinct shapes' functions, made once for every listing) holds one; no
sheet's whole text is read.
"""

from __future__ import annotations

from types import SimpleNamespace as Cell

import pytest

from xl_retention.recalculation.database_labels import database_texts
from xl_retention.recalculation.formula_texts import FormulaTexts


def _texts(formulas: dict[str, str]) -> FormulaTexts:
    return FormulaTexts({ref: Cell(kind="normal", text=text, attrs={}) for ref, text in formulas.items()})


def test_only_sheets_calling_a_database_function_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    whole: list[int] = []  # FormulaTexts.upper_text calls (a sheet's whole text), recorded
    upper_text = FormulaTexts.upper_text
    monkeypatch.setattr(FormulaTexts, "upper_text", lambda self: whole.append(1) or upper_text(self))
    info = Cell(names={"": {"data": "S!$A$1:$B$9"}})
    formulas = {
        "Sums": _texts({f"A{r}": f"SUM(B{r}:C{r})*IF(D{r}>0,1,0)" for r in range(1, 200)}),
        "Calc": _texts({"A1": "DSUM(Data,2,F1:F2)", "A2": "IF(A1>0,_xlfn.XLOOKUP(1,B:B,C:C),0)", "A3": "dget(x,1,y)"}),
    }
    found = [(sheet, place, text) for sheet, place, text, _ in database_texts(formulas, info)]
    assert found == [("Calc", (1, 1), "DSUM(Data,2,F1:F2)"), ("Calc", (3, 1), "dget(x,1,y)")]
    assert whole == []
