"""A workbook storing no values of Excel's (openpyxl's, pandas') has its locale listing
(``locale_results.locale_cells``, H151's finding 01) run only where it may list a cell: a formula's text literal that
is a date of digits, or a text cell that is such a date or a decimal-comma number (``after_evaluation.
may_read_locale_texts``, a superset). Its walk over every formula's references took 0.3 s of the 50,000-cell
workbook, which holds none; texts such as "0.8 or 80%" or "Q1" do not call it."""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalc_sheet

from xl_retention.recalculation import listed_cells


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    made: list[bool] = []
    listing = listed_cells.locale_cells

    def counted(*args: object) -> object:
        made.append(True)
        return listing(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(listed_cells, "locale_cells", counted)
    return made


def test_a_date_text_read_by_a_formula_is_listed(tmp_path: Path, calls: list[bool]) -> None:
    result, values = recalc_sheet(tmp_path, {"A1": "01/02/2024", "B1": "=MONTH(DATEVALUE(A1))", "C1": "=2+3"})
    assert calls == [True]
    assert [(u.address, u.function) for u in result.unsupported] == [("S!B1", "locale")]
    assert values["C1"] == 5


def test_a_date_literal_is_listed(tmp_path: Path, calls: list[bool]) -> None:
    result, _ = recalc_sheet(tmp_path, {"B1": '=MONTH(DATEVALUE("01/02/2024"))'})
    assert calls == [True]
    assert [(u.address, u.function) for u in result.unsupported] == [("S!B1", "locale")]


def test_no_such_text_no_listing(tmp_path: Path, calls: list[bool]) -> None:
    cells: dict[str, object] = {"A1": "Q1", "A2": "0.8 or 80%", "A3": "2024-01", "B1": 0.5}
    cells["C1"] = '=IF(B1>0.95,"high","1% or 0.01")'
    cells["C2"] = '=A2&" at 1.5"'
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert calls == []
    assert (values["C1"], values["C2"]) == ("1% or 0.01", "0.8 or 80% at 1.5")
