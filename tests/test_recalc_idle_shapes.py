"""The rewrite loop of ``embedded._rewrite_sheet`` passes over the copies of a formula shape that no rewrite step needs
(``may_need_any`` false for its shape: ``=CRR(C2,B2,A2)`` filled down) without looking at each one (issue 14), and
still looks at every cell when a Ctrl+Shift+Enter array is clipped among them; the values are the same either way."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

pytest.importorskip("formualizer")

from xl_retention.recalculation import embedded  # noqa: E402

ROWS = 40


class _Counted(dict):
    """``classic_arrays``' answer, counting the cells the loop asks about."""

    asked = 0

    def __contains__(self, key: object) -> bool:
        type(self).asked += 1
        return super().__contains__(key)


def _workbook(path: Path, array: bool) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["start", "gained", "end", "crr", "flag", "sum", "twice"])
    for r in range(2, ROWS + 2):
        ws.append([100 + r, 10 + r % 7, 95 + r % 9])
        ws[f"D{r}"] = f"=CRR(C{r},B{r},A{r})"
        ws[f"E{r}"] = f'=IF(D{r}>0.85,"hi","lo")'
        ws[f"F{r}"] = f"=SUM(A{r}:C{r})"
    if array:
        ws["G2"] = ArrayFormula("G2:G3", "=A2:A3*2")
    wb.save(path)
    return path


def _counting(monkeypatch: pytest.MonkeyPatch) -> None:
    classic = embedded.classic_arrays
    _Counted.asked = 0
    monkeypatch.setattr(embedded, "classic_arrays", lambda cells: _Counted(classic(cells)))


def _expected(r: int) -> tuple[float, str, float]:
    start, gained, end = 100 + r, 10 + r % 7, 95 + r % 9
    crr = (end - gained) / start
    return crr, ("hi" if crr > 0.85 else "lo"), float(start + gained + end)


def test_the_copies_of_a_shape_no_step_needs_are_not_looked_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _counting(monkeypatch)
    values = embedded.compute(_workbook(tmp_path / "idle.xlsx", array=False)).values["Data"]
    # the IF and SUM copies are asked about (twice each: 82 times in all), never the 40 CRR copies (each once
    # before: 122 times, more than the sheet's 120 formulas)
    assert 0 < _Counted.asked < 3 * ROWS
    for r in (2, 17, ROWS + 1):
        crr, flag, total = _expected(r)
        assert values[f"D{r}"] == crr
        assert values[f"E{r}"] == flag
        assert values[f"F{r}"] == total


def test_a_clipped_array_among_them_has_every_cell_looked_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _counting(monkeypatch)
    result = embedded.compute(_workbook(tmp_path / "clipped.xlsx", array=True))
    values = result.values["Data"]
    assert _Counted.asked >= 3 * ROWS  # the CRR copies too
    assert values["G2"] == 2.0 * 102
    assert result.members["Data"]["G3"] == 2.0 * 103
    for r in (2, ROWS + 1):
        crr, flag, total = _expected(r)
        assert (values[f"D{r}"], values[f"E{r}"], values[f"F{r}"]) == (crr, flag, total)
