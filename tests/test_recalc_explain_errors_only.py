"""``embedded.compute`` asks ``reasons.explain`` for the reasons of error values only where a computed value is one (or
may hold one): a workbook of numbers, texts, logicals and blanks alone is not looked through by every listing of
causes (45 ms of the 50,000-cell benchmark); a workbook with an error value still gets its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from one_sheet import recalc_sheet

from xl_retention.recalculation import listed_cells


@pytest.fixture()
def asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    explain = listed_cells.explain

    def counted(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        explain(*args, **kwargs)

    monkeypatch.setattr(listed_cells, "explain", counted)
    return calls


def test_no_error_value_nothing_to_explain(tmp_path: Path, asked: list[int]) -> None:
    cells: dict[str, object] = {"A1": 500, "B1": 75, "C1": 535, "E1": "note", "F1": True}
    cells.update({"D1": "=CRR(C1,B1,A1)", "D2": '=IF(D1>0.9,"high","low")', "D3": "=F1", "D4": '=""'})
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert (values["D1"], values["D2"], values["D3"]) == (0.92, "high", True)
    assert asked == [] and result.errors == []


def test_an_error_value_gets_its_reason(tmp_path: Path, asked: list[int]) -> None:
    result, values = recalc_sheet(tmp_path, {"A1": 0, "B1": 75, "C1": 535, "D1": "=CRR(C1,B1,A1)", "D2": "=D1*2"})
    assert result.status == "ok", result.message
    assert values["D1"] == "#DIV/0!" and asked == [1]
    reasons = {issue.address: issue.reason for issue in result.errors}
    assert reasons["S!D1"].startswith("CRR: customers_start is 0 in S!A1 (no customers at the start)")
